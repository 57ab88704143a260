"""Messages that carry their parameters and are said in the reader's language.

A layer that reports problems (the records store, certificates, the engine) keeps its lines in
a `Phrasebook`, zh-CN and en side by side, and raises a `SaidError` naming a line and its
values. Whoever shows the error (the command line, the app) says it in its own language with
`in_lang`; str() is the English line, for logs and tracebacks. No layer needs the command
line's strings to be said in Chinese, and none pre-formats English.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Formatter
from typing import ClassVar

from scoring.lang import Lang

LANGS: tuple[Lang, ...] = ("zh", "en")


class Sayable(ABC):
    """Anything that can be said in either language (a `Said`, a `Bilingual`); a value of a
    line that is sayable is said in the line's language."""

    @abstractmethod
    def get(self, lang: Lang) -> str: ...


def placeholders(text: str) -> set[str]:
    """The {names} a line is filled with (str.format's own reading of it)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


class Phrasebook:
    """One layer's lines, each in zh and en with the same {placeholders}: checked when the
    book is made, so a line missing in one language fails the import (and every test)."""

    books: ClassVar[list[Phrasebook]] = []

    def __init__(self, name: str, lines: Mapping[str, Mapping[Lang, str]]) -> None:
        for key, said in lines.items():
            if set(said) != set(LANGS) or not all(said[lang].strip() for lang in LANGS):
                raise ValueError(f"{name}.{key}: needs a line in each of {LANGS}")
            if placeholders(said["zh"]) != placeholders(said["en"]):
                raise ValueError(f"{name}.{key}: zh and en have different placeholders")
        self.name = name
        self.lines = lines
        Phrasebook.books.append(self)

    def __contains__(self, key: object) -> bool:
        return key in self.lines

    def said(self, key: str, /, **values: object) -> Said:
        if key not in self.lines:
            raise KeyError(f"{self.name} has no line {key!r}")
        return Said(self, key, values)


@dataclass(frozen=True)
class Said(Sayable):
    """A line of a phrasebook with its values; a value that is itself sayable (a nested
    error's message) is said in the same language."""

    book: Phrasebook
    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def get(self, lang: Lang) -> str:
        shown = {
            name: value.get(lang) if isinstance(value, Sayable) else value
            for name, value in self.values.items()
        }
        return self.book.lines[self.key][lang].format(**shown)

    def __str__(self) -> str:
        return self.get("en")


class SaidError(Exception, Sayable):
    """An error whose message is a line of its class's `book`:
    `raise StoreError("no_user", name=name)`. It is itself sayable: a line that takes it
    as a value (`reason=exc`) says it in the line's language."""

    book: ClassVar[Phrasebook]

    def __init__(self, key: str, /, **values: object) -> None:
        self.said = self.book.said(key, **values)
        super().__init__(str(self.said))

    def in_lang(self, lang: Lang) -> str:
        return self.said.get(lang)

    def get(self, lang: Lang) -> str:
        return self.said.get(lang)

    def __reduce__(self) -> tuple[object, ...]:
        # Keys and values survive pickling (a worker process reporting to its parent).
        return (_rebuild, (type(self), self.said.key, dict(self.said.values)))


def _rebuild(cls: type[SaidError], key: str, values: dict[str, object]) -> SaidError:
    return cls(key, **values)


class InvalidValue(ValueError):
    """A validator's refusal that can be said in either language. Raised inside a pydantic
    validator, it is kept as the error's ctx["error"], so whoever reports the file's problems
    says it in the reader's language; str() is the English line pydantic shows."""

    def __init__(self, said: Sayable) -> None:
        super().__init__(said.get("en"))
        self.said = said
