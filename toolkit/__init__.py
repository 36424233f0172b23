"""The group session toolkit: local, accessible slides and handouts for jobcentre group sessions."""

__version__ = "0.1.0"
