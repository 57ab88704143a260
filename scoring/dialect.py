"""Written Cantonese folded into the Mandarin it means (`data/cantonese.zh.yaml`), one word for
one word of the same length, so negation cues, rules, intents and the encoder read 我哋唔会拉你
as 我们不会拉你 and figures keep their places in the line."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from scoring.data_files import load_yaml

DATA = Path(__file__).parent / "data" / "cantonese.zh.yaml"


class CantoneseFold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    words: dict[str, str]
    negation_before_word: dict[str, str]

    @model_validator(mode="after")
    def _same_length(self) -> CantoneseFold:
        for said, meant in {**self.words, **self.negation_before_word}.items():
            if not said or len(said) != len(meant):
                raise ValueError(f"{said!r} -> {meant!r}: a fold keeps the word's length")
        return self


@cache
def _fold() -> tuple[re.Pattern[str], dict[str, str]]:
    data = CantoneseFold.model_validate(load_yaml(DATA))
    table = {**data.words, **data.negation_before_word}
    words = sorted(data.words, key=len, reverse=True)
    parts = [re.escape(w) for w in words]
    parts += [f"{re.escape(w)}(?=[\u4e00-\u9fff])" for w in data.negation_before_word]
    return re.compile("|".join(parts)), table


def mandarin(text: str) -> str:
    """`text` (Simplified) with its Cantonese words as Mandarin; same length as `text`."""
    pattern, table = _fold()
    return pattern.sub(lambda m: table[m.group(0)], text)
