"""The persona's memory of what it was told: which of its lines would ask for something the
trainee has already said (data in `data/asks.yaml`)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from scoring.analysis import Analysis
from scoring.data_files import load_yaml
from scoring.i18n import Lang
from scoring.intents import intent_names
from scoring.ledger import Ledger

DATA = Path(__file__).parent / "data" / "asks.yaml"


class Ask(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    patterns: dict[Lang, list[str]]
    answered_by: list[str] = Field(default_factory=list)
    ledger_amount: bool = False
    # Words in the trainee's line that answer it whatever the line's intents (a staff number
    # is said inside an introduction: 我是…，工号HX30516), matched on the normalised line.
    answered_by_words: dict[Lang, list[str]] = Field(default_factory=dict)

    @field_validator("patterns", "answered_by_words")
    @classmethod
    def _compiles(cls, patterns: dict[Lang, list[str]]) -> dict[Lang, list[str]]:
        for pattern in (p for ps in patterns.values() for p in ps):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r}: {exc}") from None
        return patterns

    @field_validator("answered_by")
    @classmethod
    def _known(cls, names: list[str]) -> list[str]:
        unknown = sorted(set(names) - set(intent_names()))
        if unknown:
            raise ValueError(f"unknown intents {unknown}")
        return names


class AsksFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    asks: dict[str, Ask]


@cache
def asks() -> dict[str, Ask]:
    return AsksFile.model_validate(load_yaml(DATA)).asks


@cache
def _compiled(lang: Lang) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (name, re.compile("|".join(f"(?:{p})" for p in ask.patterns[lang]), re.IGNORECASE))
        for name, ask in asks().items()
        if ask.patterns.get(lang)
    ]


@cache
def _answering_words(lang: Lang) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (name, re.compile("|".join(f"(?:{p})" for p in words), re.IGNORECASE))
        for name, ask in asks().items()
        if (words := ask.answered_by_words.get(lang))
    ]


def asked_in(line: str, lang: Lang) -> set[str]:
    """What a persona line asks for (names of asks)."""
    return {name for name, pattern in _compiled(lang) if pattern.search(line)}


class Memory:
    """What the trainee has told the persona so far."""

    def __init__(self, ledger: Ledger, lang: Lang) -> None:
        self.ledger = ledger
        self.lang = lang
        self.answered: set[str] = set()

    def hear(self, analysis: Analysis) -> None:
        said = set(analysis.intent_names)
        amount = any(self.ledger.matches(a.value) for a in analysis.amounts)
        for name, ask in asks().items():
            if said.intersection(ask.answered_by) or (ask.ledger_amount and amount):
                self.answered.add(name)
        for name, words in _answering_words(self.lang):
            if words.search(analysis.norm):
                self.answered.add(name)

    def told(self, names: list[str]) -> bool:
        """The trainee has already said each of these (names of asks)."""
        return self.answered.issuperset(names)

    def told_any(self, names: list[str]) -> bool:
        return not self.answered.isdisjoint(names)

    def fresh(self, lines: list[str]) -> list[str]:
        """The lines that ask for nothing already told; all of them when none is left."""
        kept = [line for line in lines if not asked_in(line, self.lang) & self.answered]
        return kept or lines
