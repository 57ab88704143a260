"""Errors the CLI reports as one line on stderr with a non-zero exit, never a traceback."""

from __future__ import annotations

from scoring.lang import Lang
from simulator.cli.strings import tr


class UserError(Exception):
    """A problem with the user's input: printed as is, exit status 1.

    `UserError.said(key, ...)` names a line of the strings table instead: it is printed in
    the command's language (`main` knows it); str() is the English line."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status
        self.key: str | None = None
        self.values: dict[str, object] = {}

    @classmethod
    def said(cls, key: str, status: int = 1, **values: object) -> UserError:
        error = cls(tr(key, "en", **values), status)
        error.key, error.values = key, values
        return error

    def in_lang(self, lang: Lang) -> str:
        if self.key is None:
            return str(self)
        return tr(self.key, lang, **self.values)
