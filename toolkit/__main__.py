"""`python -m toolkit` runs the same command as `toolkit`."""

from .cli import main

main()
