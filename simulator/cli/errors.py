"""Errors the CLI reports as one line on stderr with a non-zero exit, never a traceback."""

from __future__ import annotations

from scoring.lang import Lang
from scoring.said import SaidError, Sayable
from simulator.cli.strings import CLI


class UserError(Exception):
    """A problem with the user's input, said in the command's language (`main` knows it);
    str() is the English line.

    `UserError.said(key, ...)` names a line of the command line's strings table;
    `UserError.of(error)` passes on a layer's error (the records store, certificates...)
    with its own line and values; `UserError(message)` takes anything sayable in both
    languages (a `Said`, a `Bilingual`)."""

    def __init__(self, message: Sayable, status: int = 1) -> None:
        super().__init__(message.get("en"))
        self.status = status
        self.message = message

    @classmethod
    def said(cls, key: str, status: int = 1, **values: object) -> UserError:
        return cls(CLI.said(key, **values), status)

    @classmethod
    def of(cls, error: SaidError, status: int = 1) -> UserError:
        return cls(error.said, status)

    def in_lang(self, lang: Lang) -> str:
        return self.message.get(lang)
