"""Tone of one line: politeness, empathy, listening, pressure, blame, contempt, shouting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from scoring.data_files import load_yaml
from scoring.i18n import Bilingual, Lang
from scoring.intents import matcher
from scoring.taxonomy import Severity

DATA = Path(__file__).parent / "data" / "tone.yaml"
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_BANGS = re.compile(r"[!！]{2,}")


@dataclass(frozen=True, slots=True)
class ToneMarker:
    kind: str
    words: str
    delta: int


@dataclass(frozen=True, slots=True)
class Tone:
    score: int  # sum of marker deltas, clipped to the data's range
    markers: tuple[ToneMarker, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "markers": [{"kind": m.kind, "words": m.words, "delta": m.delta} for m in self.markers],
        }


class Penalty(BaseModel):
    """A marker that also costs points as a tone finding, with a better way to say it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: Severity
    rewrite: Bilingual


class MarkerSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Bilingual
    delta: int = Field(ge=-100, le=100)
    negatable: bool = False  # "也不会坐牢" reassures; it is not a threatening tone
    penalty: Penalty | None = None
    zh: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    @field_validator("zh", "en")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns


class ShoutingSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Bilingual
    delta: int = Field(ge=-100, le=100)
    penalty: Penalty | None = None
    min_caps_words: int = Field(default=2, ge=1)


class ToneFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    clip: tuple[int, int] = (-100, 30)
    markers: dict[str, MarkerSpec]
    shouting: ShoutingSpec


class ToneReader:
    def __init__(self, data: ToneFile) -> None:
        self.data = data
        self.kinds = list(data.markers.items())
        self.patterns: dict[tuple[str, Lang], re.Pattern[str] | None] = {
            (name, lang): (
                re.compile("|".join(f"(?:{p})" for p in getattr(spec, lang)))
                if getattr(spec, lang)
                else None
            )
            for name, spec in self.kinds
            for lang in ("zh", "en")
        }

    def spec(self, kind: str) -> MarkerSpec | ShoutingSpec:
        return self.data.shouting if kind == "shouting" else self.data.markers[kind]

    def penalty(self, kind: str) -> Penalty | None:
        return self.spec(kind).penalty

    def label(self, kind: str) -> Bilingual:
        return self.spec(kind).label

    def read(self, original: str, norm: str, lang: Lang) -> Tone:
        found: list[ToneMarker] = []
        for name, kind in self.kinds:
            pattern = self.patterns[name, lang]
            matches = list(pattern.finditer(norm)) if pattern else []
            if kind.negatable and matches:
                negated = matcher(lang).negated
                matches = [m for m in matches if not negated(norm, m.start())]
            words = [m.group(0) for m in matches]
            if words:
                # Repeating "您" ten times is not ten times as polite: one marker per kind.
                found.append(ToneMarker(name, "、".join(dict.fromkeys(words)), kind.delta))
        caps = _CAPS_WORD.findall(original)
        words_total = len(_WORD.findall(original))
        bangs = _BANGS.findall(original)
        shouting = self.data.shouting
        if bangs or (len(caps) >= shouting.min_caps_words and len(caps) * 2 >= words_total):
            found.append(ToneMarker("shouting", " ".join([*caps[:3], *bangs[:1]]), shouting.delta))
        low, high = self.data.clip
        score = max(low, min(high, sum(m.delta for m in found)))
        return Tone(score, tuple(found))


@cache
def reader() -> ToneReader:
    return ToneReader(ToneFile.model_validate(load_yaml(DATA)))
