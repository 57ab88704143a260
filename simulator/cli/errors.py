"""Errors the CLI reports as one line on stderr with a non-zero exit, never a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input: printed as is, exit status 1."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status
