"""Chat spelling read as the words meant (`data/chat.en.yaml`): "r u dana's husband?" as
"are you dana's husband?", before the semantic judge embeds an English line. The encoder
places chat spelling near the chat-spelled violations among the exemplars, most of them harsh
texts; spelled out, a courteous chat line lies among its own kind. The rules read the line as
typed."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from scoring.data_files import load_yaml

DATA = Path(__file__).parent / "data" / "chat.en.yaml"
_I = re.compile(r"(?<![\w'’-])i(?=[\s'’,.!?;:]|$)")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?]\s))\s*[a-z]")


class _ReadAs(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    meant: str
    words: list[str]


class ChatSpelling(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    words: dict[str, str]
    # An entry that is also an English word ("ill", "well", "its") is read as the chat word
    # only before one of these words.
    before: dict[str, list[str]] = {}
    # A chat word read as another word before one of these ("ur her roommate": you're).
    read_as_before: dict[str, _ReadAs] = {}

    @model_validator(mode="after")
    def _gates_known(self) -> ChatSpelling:
        unknown = sorted((set(self.before) | set(self.read_as_before)) - set(self.words))
        if unknown:
            raise ValueError(f"before: {', '.join(unknown)} not among words")
        return self


def _word(word: str, follows: list[str] | None = None) -> str:
    # A whole word, not part of "U.S.", "R. Smith" or "u-turn".
    part = rf"(?<![\w.'’-]){re.escape(word)}(?![\w'’-]|\.\w)"
    if len(word) == 1:
        part += r"(?!\.)"
    if follows:
        part += rf"(?=\s+(?:{'|'.join(re.escape(w) for w in follows)})\b)"
    return part


Table = tuple[re.Pattern[str], dict[str, str]]


@cache
def _spelling() -> tuple[Table, Table]:
    """The words read another way before some words (first), then every word."""
    data = ChatSpelling.model_validate(load_yaml(DATA))
    first = "|".join(_word(w, r.words) for w, r in data.read_as_before.items()) or r"(?!)"
    every = "|".join(
        _word(w, data.before.get(w)) for w in sorted(data.words, key=len, reverse=True)
    )
    return (
        (re.compile(first, re.IGNORECASE), {w: r.meant for w, r in data.read_as_before.items()}),
        (re.compile(every, re.IGNORECASE), {w.lower(): m for w, m in data.words.items()}),
    )


def spelled_out(text: str) -> str:
    """`text` with its chat spelling as the words meant ("pls call me back" -> "please call
    me back"), and a line typed all in lower case in sentence case; a line with neither is
    returned as it is."""
    lower = not any(c.isupper() for c in text)
    for pattern, table in _spelling():
        text = pattern.sub(_meant(table), text)
    if lower:
        # A line typed all in lower case is chat too: the encoder sets "i" and a sentence's
        # first word apart from their capitalised forms, which the exemplars mostly use.
        text = _SENTENCE_START.sub(lambda m: m.group(0).upper(), _I.sub("I", text))
    return text


def _meant(table: dict[str, str]) -> Callable[[re.Match[str]], str]:
    return lambda match: table[match.group(0).lower()]
