"""Tone of one line: politeness, empathy, listening, pressure, blame, contempt, shouting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from scoring.data_files import load_yaml
from scoring.i18n import Bilingual, Lang
from scoring.intents import matcher

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
    score: int  # sum of marker deltas, clipped to [-100, 30]
    markers: tuple[ToneMarker, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "markers": [{"kind": m.kind, "words": m.words, "delta": m.delta} for m in self.markers],
        }


@dataclass(frozen=True, slots=True)
class _Kind:
    name: str
    label: Bilingual
    delta: int
    negatable: bool  # "也不会坐牢" reassures; it is not a threatening tone
    patterns: dict[str, re.Pattern[str] | None]  # one alternation per language


class ToneReader:
    def __init__(self, data: dict[str, object]) -> None:
        markers = data["markers"]
        shouting = data["shouting"]
        assert isinstance(markers, dict) and isinstance(shouting, dict)
        self.kinds = [
            _Kind(
                name=name,
                label=Bilingual(**spec["label"]),
                delta=int(spec["delta"]),
                negatable=bool(spec.get("negatable", False)),
                patterns={
                    lang: (
                        re.compile("|".join(f"(?:{p})" for p in spec[lang]))
                        if spec.get(lang)
                        else None
                    )
                    for lang in ("zh", "en")
                },
            )
            for name, spec in markers.items()
        ]
        self.shouting_label = Bilingual(**shouting["label"])
        self.shouting_delta = int(shouting["delta"])

    def label(self, kind: str) -> Bilingual:
        if kind == "shouting":
            return self.shouting_label
        return next(k.label for k in self.kinds if k.name == kind)

    def read(self, original: str, norm: str, lang: Lang) -> Tone:
        found: list[ToneMarker] = []
        for kind in self.kinds:
            pattern = kind.patterns[lang]
            matches = list(pattern.finditer(norm)) if pattern else []
            if kind.negatable and matches:
                negated = matcher(lang).negated
                matches = [m for m in matches if not negated(norm, m.start())]
            words = [m.group(0) for m in matches]
            if words:
                # Repeating "您" ten times is not ten times as polite: one marker per kind.
                found.append(ToneMarker(kind.name, "、".join(dict.fromkeys(words)), kind.delta))
        caps = _CAPS_WORD.findall(original)
        words_total = len(_WORD.findall(original))
        bangs = _BANGS.findall(original)
        if bangs or (len(caps) >= 2 and len(caps) * 2 >= words_total):
            found.append(
                ToneMarker("shouting", " ".join([*caps[:3], *bangs[:1]]), self.shouting_delta)
            )
        score = max(-100, min(30, sum(m.delta for m in found)))
        return Tone(score, tuple(found))


@cache
def reader() -> ToneReader:
    loaded = load_yaml(DATA)
    assert isinstance(loaded, dict)
    return ToneReader(loaded)
