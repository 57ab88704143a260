"""One analysis of a trainee line serves both the persona and the judge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scoring.entities import (
    AmountMention,
    CountMention,
    DateMention,
    extract_amounts,
    extract_counts,
    extract_dates,
)
from scoring.i18n import Lang
from scoring.intents import IntentHit, matcher
from scoring.text import MAX_LINE_CHARS, normalise
from scoring.tone import Tone, reader

# Longer pastes are analysed on their head only: a 10,000-character paste must stay instant.
MAX_ANALYSED_CHARS = MAX_LINE_CHARS
# Each figure is read against its clause and the figures beside it: a line naming more than
# this many amounts, dates or counts is a paste, and only its first ones are read, so a
# thousand "$1" cost no more than a few dozen (linear in the line, not quadratic).
MAX_MENTIONS = 24
# Harmful intents read by keyword, and the honest intents that overrule them when both
# readers of meaning are sure of those (`_intents`).
OVERRULED_BY: dict[str, set[str]] = {
    "threaten": {"consequence_honest"},
    "pressure": {"consequence_honest"},
}


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    norm: str
    lang: Lang
    intents: tuple[IntentHit, ...]
    amounts: tuple[AmountMention, ...]  # figures said exactly
    dates: tuple[DateMention, ...]
    counts: tuple[CountMention, ...]
    tone: Tone
    # Figures said as approximations ("四万多", "about $2,500"): checked as ranges, never a
    # promise or a quoted ledger figure.
    approximate: tuple[AmountMention, ...] = ()
    today: date | None = None  # the day relative dates were read against (the call's)

    @property
    def intent_names(self) -> list[str]:
        return [hit.name for hit in self.intents]

    def has(self, intent: str) -> bool:
        return any(hit.name == intent for hit in self.intents)

    def as_dict(self) -> dict[str, object]:
        return {
            "intents": [{"name": h.name, "score": h.score} for h in self.intents],
            "amounts": [float(a.value) for a in self.amounts],
            "dates": [d.value.isoformat() for d in self.dates],
            "days": [c.value for c in self.counts if c.kind == "days"],
            "instalments": [c.value for c in self.counts if c.kind == "instalments"],
            "tone": self.tone.as_dict(),
        }


def _intents(text: str, norm: str, lang: Lang) -> list[IntentHit]:
    """Keywords and example phrases first (exact), then what the line means: intents whose
    nearest exemplars the wording did not reach (marked `by_meaning`)."""
    from scoring.meaning import intents_by_meaning  # the encoder: loaded for the first turn

    hits = matcher(lang).match(norm)
    readings = intents_by_meaning(text, lang)
    sure = {reading.label for reading in readings if reading.sure}
    # A harmful keyword ("lawsuit", "sell the") in a line that both readers of meaning are
    # sure tells an honest consequence ("the creditor could decide to file a lawsuit, nothing
    # has been filed") names that consequence, not a threat made: the judge's rules, not the
    # persona's reading, decide whether the consequence is true (FDCPA §1692e(5)).
    hits = [hit for hit in hits if not (sure & OVERRULED_BY.get(hit.name, set()))]
    known = {hit.name for hit in hits}
    for reading in readings:
        if reading.label not in known:
            hits.append(IntentHit(reading.label, round(reading.similarity * 100, 1), True))
            known.add(reading.label)
    return hits


def analyze(text: str, lang: Lang, today: date) -> Analysis:
    head = text[:MAX_ANALYSED_CHARS]
    norm = normalise(head)
    amounts = extract_amounts(head, approximate=True)[:MAX_MENTIONS]
    return Analysis(
        text=text,
        norm=norm,
        lang=lang,
        intents=tuple(_intents(head, norm, lang)),
        amounts=tuple(a for a in amounts if not a.approx),
        dates=tuple(extract_dates(head, today)[:MAX_MENTIONS]),
        counts=tuple(extract_counts(head)[:MAX_MENTIONS]),
        tone=reader().read(head, norm, lang),
        approximate=tuple(a for a in amounts if a.approx),
        today=today,
    )
