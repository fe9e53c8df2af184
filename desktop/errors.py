"""The error a user can fix: printed as one line, never with a traceback."""


class UserError(Exception):
    """A mistake in input, configuration or environment that the user can put right."""
