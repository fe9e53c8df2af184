"""Insyn: the front-desk program for GDPR requests made in person."""

__version__ = "0.1.0"
