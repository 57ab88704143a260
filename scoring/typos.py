"""Homophone typos read as the word meant (`data/typos.zh.yaml`): 以经 as 已经, 身分证 as 身份证,
one word for one of the same length, so keywords and rules match what a new collector meant
to type and figures keep their places in the line."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from scoring.data_files import load_yaml

DATA = Path(__file__).parent / "data" / "typos.zh.yaml"


class TypoFold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    words: dict[str, str]
    # Characters before (after) the typo's word that mean it is spelled right there: 现在打给.
    not_after: dict[str, str] = {}
    not_before: dict[str, str] = {}
    # Words that are a typo only where a context says so (a regex around the word itself,
    # with lookarounds): 那天 is "that day" but 哪天 in a question that asks no other way.
    where: dict[str, str] = {}

    @model_validator(mode="after")
    def _same_length(self) -> TypoFold:
        for said, meant in self.words.items():
            if not said or len(said) != len(meant):
                raise ValueError(f"{said!r} -> {meant!r}: a fold keeps the word's length")
        for word, context in self.where.items():
            if word not in self.words or word not in context:
                raise ValueError(f"{word!r}: a context must hold the fold's own word")
        for guards in (self.not_after, self.not_before):
            for word in guards:
                if word not in self.words:
                    raise ValueError(f"{word!r}: a guard for a word the fold does not have")
        return self


@cache
def _fold() -> tuple[re.Pattern[str], dict[str, str]]:
    data = TypoFold.model_validate(load_yaml(DATA))
    parts = []
    for word in sorted(data.words, key=len, reverse=True):
        part = f"(?:{data.where[word]})" if word in data.where else re.escape(word)
        if word in data.not_after:
            part = f"(?<![{re.escape(data.not_after[word])}]){part}"
        if word in data.not_before:
            part = f"{part}(?![{re.escape(data.not_before[word])}])"
        parts.append(part)
    return re.compile("|".join(parts)), dict(data.words)


def meant(text: str) -> str:
    """`text` (Simplified) with its homophone typos as the words meant; same length."""
    pattern, table = _fold()
    return pattern.sub(lambda m: table[m.group(0)], text)
