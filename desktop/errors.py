"""The error a user can fix: printed as one line, never with a traceback; and, for the errors
nobody expected, where they happened without what they were about."""

from __future__ import annotations

import traceback


class UserError(Exception):
    """A mistake in input, configuration or environment that the user can put right.

    `code` says which, for the window to say it in Swedish (the text is the command line's)."""

    code: str = ""

    def __init__(self, message: str = "", code: str = "") -> None:
        super().__init__(message)
        if code:
            self.code = code


class Refused(UserError):
    """A rule said no: the code first (for the window's Swedish text), then the command line's."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code)


def where(exc: BaseException) -> str:
    """file:line of the last frames of an exception, for the log. Never the exception's text: it
    can quote the data being handled (SQLAlchemy's errors carry the statement's parameters)."""
    return "; ".join(
        f"{frame.filename.replace(chr(92), '/').rsplit('/', 1)[-1]}:{frame.lineno}"
        for frame in traceback.extract_tb(exc.__traceback__)[-4:]
    )
