"""The `toolkit` sub-commands, grouped by what they are for. Each module adds its commands to `main`."""
