"""Choose the judge's read-out threshold (`semantic.yaml`, `judge.probe`) on the dev sets and
the goldens' clean lines; never on the test sets.

Each dev line is judged once by the rules and the nearest-exemplar vote (the read-out off),
and its whole-line read-out (the probability of a violation, its likeliest category, the
nearest exemplars) is kept; then, for each threshold, a line is flagged when the rules or the
vote flag it, or the read-out reaches the threshold, its gate holds and its category's rule
applies in the line's context (as `Judge.judge_line` does). Prints recall, right category and
false alarms per threshold, and the golden clean lines the read-out alone would flag.

    python benchmarks/calibrate_probe.py [--l2 X] [--scale X] [--steps N] [--learning-rate X]
        [--ordinary-weight X] [--lang zh|en] [--gate nearest|none] [--waive P]
        [--show T] (list the dev false alarms and misses at threshold T)
        [--by-category [--floor F]] (each category's own threshold, at or above F)
        [--waivers] (the nearest gate waived at each probability, at the shipped bars)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_devsets import context_of, rows
from benchmarks.eval_golden_clean import clean_lines
from benchmarks.vector_cache import remember
from scoring import meaning
from scoring.compliance import LineContext, judge_for
from scoring.encoder import encoder
from scoring.i18n import Lang
from scoring.meaning import Reading, judge_of, policy, probe_of, probe_training_of, probe_weights_of
from scoring.pinyin import decoded
from scoring.probe import Probe, Training, train
from scoring.semantic import COMPLIANT, judge_training_weights
from scoring.text import plain

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = [
    0.5,
    0.55,
    0.6,
    0.65,
    0.7,
    0.75,
    0.8,
    0.85,
    0.9,
    0.92,
    0.94,
    0.95,
    0.96,
    0.97,
    0.98,
    0.99,
]


@dataclass(frozen=True, slots=True)
class Gate:
    """When the read-out's verdict stands though the line's nearest exemplar is compliant:
    never with the nearest gate (`nearest_must_violate`) unless the probability reaches
    `waived_at` (`nearest_gate_waived_at`); always without it."""

    nearest: bool
    waived_at: float | None = None

    def holds(self, violation: float, nearest: str) -> bool:
        """Whether the gate stops a verdict of this probability, this nearest label."""
        waived = self.waived_at is not None and violation >= self.waived_at
        return self.nearest and nearest == COMPLIANT and not waived

    def __str__(self) -> str:
        if not self.nearest:
            return "none"
        return "nearest" + (f" (waived at {self.waived_at})" if self.waived_at else "")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    expected: frozenset[str]  # categories it deserves; empty for a compliant line
    found: frozenset[str]  # by the rules and the vote
    by_rules: frozenset[str]  # by the rules alone
    shares: dict[str, float]  # the read-out's classes, or empty when the line is not read whole
    nearest: tuple[str, ...]  # labels of the nearest exemplars, nearest first
    applies: frozenset[str]  # categories whose cited rule applies in the line's context

    def likeliest(self) -> str | None:
        """The read-out's likeliest category (None when the line is not read whole)."""
        if not self.shares:
            return None
        shares = self.shares
        return max((c for c in shares if c != COMPLIANT), key=lambda c: (shares[c], c))

    def probe(
        self, threshold: float, gate: Gate, by_category: dict[str, float] | None = None
    ) -> str | None:
        """The category the read-out flags, if it does (`by_category`: a category's own
        threshold in place of `threshold`, as `judge.probe.category_threshold`)."""
        category = self.likeliest()
        if category is None:
            return None
        bar = (by_category or {}).get(category, threshold)
        violation = round(1.0 - self.shares.get(COMPLIANT, 0.0), 3)
        if violation < bar or gate.holds(violation, self.nearest[0]):
            return None
        return category if category in self.applies else None

    def flagged(
        self, threshold: float, gate: Gate, by_category: dict[str, float] | None = None
    ) -> frozenset[str]:
        extra = self.probe(threshold, gate, by_category)
        return self.found | ({extra} if extra else set())


@contextmanager
def read_out_off() -> Iterator[None]:
    with mock.patch.object(meaning, "_by_probe", lambda *_: None):
        yield


def applicable(text: str, lang: Lang, ctx: LineContext) -> frozenset[str]:
    """Categories a reading by meaning would become a finding of, in this context."""
    judge = judge_for("CN" if lang == "zh" else "US")
    cites = policy().judge.rules[judge.pack.jurisdiction]
    readings = [Reading(c, 1.0, "", text) for c in cites]
    with mock.patch.object(meaning, "violations_by_meaning", lambda *_: readings):
        hits = judge.judge_line(text, ctx)
    return frozenset(h.rule.category for h in hits if h.nearest is not None)


def read(text: str, lang: Lang, ctx: LineContext, expected: frozenset[str], probe: Probe) -> Line:
    judge = judge_for("CN" if lang == "zh" else "US")
    with read_out_off():
        hits = judge.judge_line(text, ctx)
    found = frozenset(h.rule.category for h in hits)
    by_rules = frozenset(h.rule.category for h in hits if h.nearest is None)
    # The read-out reads a zh line's pinyin as the characters it spells, as the judge does.
    said = decoded(text) if lang == "zh" else text
    parts = [u for u in meaning.units(said) if len(u) >= policy().judge.min_chars[lang]]
    shares: dict[str, float] = {}
    nearest: tuple[str, ...] = ()
    if parts and parts[0] == plain(said):
        vector = encoder().embed(parts[:1])[0]
        shares = probe.probabilities(vector)
        nearest = tuple(n.label for n in judge_of(lang).nearest(vector, 7))
    return Line(text, expected, found, by_rules, shares, nearest, applicable(text, lang, ctx))


def dev_lines(lang: Lang, probe: Probe) -> list[Line]:
    return [
        read(r["text"], lang, context_of(r), frozenset(r["categories"]), probe)
        for r in rows(ROOT / "devsets", f"judge.{lang}.jsonl")
    ]


def figures(lines: list[Line], threshold: float, gate: Gate) -> tuple[float, float, float]:
    violating = [x for x in lines if x.expected]
    compliant = [x for x in lines if not x.expected]
    caught = sum(bool(x.flagged(threshold, gate)) for x in violating)
    right = sum(bool(x.flagged(threshold, gate) & x.expected) for x in violating)
    alarms = sum(bool(x.flagged(threshold, gate)) for x in compliant)
    return caught / len(violating), right / len(violating), alarms / len(compliant)


BY_CATEGORY = [0.3, 0.35, 0.4, 0.45, *THRESHOLDS]


def by_category(
    lines: list[Line], clean: list[Line], threshold: float, gate: Gate, floor: float
) -> None:
    """For each category the read-out may name, the lowest threshold (`BY_CATEGORY`) at which
    the lines it names that category add no dev false alarm to the rules' and the vote's and
    flag no golden clean line, with one step of the grid to spare (the step below is clear
    too): a category whose read-out is precise may be read lower than the language's
    threshold, one that is not, higher. Prints each and the figures with all of them."""
    violating = [x for x in lines if x.expected]

    def clear(category: str, bar: float) -> bool:
        mapping = {category: bar}
        alarms = sum(
            x.probe(bar, gate, mapping) == category and not x.found for x in lines if not x.expected
        )
        # A golden clean line counts against this category only when the read-out names it
        # (another category's line is that category's bar to clear, not this one's).
        golden = sum(x.probe(bar, gate, mapping) == category for x in clean)
        return alarms == 0 and golden == 0

    chosen: dict[str, float] = {}
    for category in sorted({c for x in lines + clean if (c := x.likeliest())}):
        clears = [clear(category, t) for t in BY_CATEGORY]
        for position, bar in enumerate(BY_CATEGORY):
            if bar >= floor and all(clears[max(0, position - 1) :]):
                if bar != threshold:
                    chosen[category] = bar
                break
        else:
            chosen[category] = 1.0
        gained = sum(
            bool(x.flagged(threshold, gate, {category: chosen.get(category, threshold)}))
            - bool(x.flagged(threshold, gate))
            for x in violating
        )
        print(f"    {category}: ≥{chosen.get(category, threshold)}, {gained:+d} violating lines")
    recall = sum(bool(x.flagged(threshold, gate, chosen)) for x in violating) / len(violating)
    right = sum(bool(x.flagged(threshold, gate, chosen) & x.expected) for x in violating)
    alarms = sum(bool(x.flagged(threshold, gate, chosen)) for x in lines if not x.expected)
    golden = sum(x.probe(threshold, gate, chosen) is not None for x in clean)
    print(
        f"  category_threshold {chosen}: recall {recall:.3f}, right category"
        f" {right / len(violating):.3f}, false alarm lines {alarms}, golden clean flagged {golden}"
    )


WAIVERS = [0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99]


def waivers(
    lines: list[Line], clean: list[Line], threshold: float, gate: Gate, own: dict[str, float]
) -> None:
    """At the shipped bars (the language's and each category's own), the figures with the
    nearest gate waived at each probability of `WAIVERS` (and never), and the golden clean
    lines the read-out would flag; with --show, which lines each waiver adds."""
    violating = [x for x in lines if x.expected]
    compliant = [x for x in lines if not x.expected]
    for waive in [None, *WAIVERS]:
        at = Gate(gate.nearest, waive)
        recall = sum(bool(x.flagged(threshold, at, own)) for x in violating) / len(violating)
        right = sum(bool(x.flagged(threshold, at, own) & x.expected) for x in violating)
        alarms = sum(bool(x.flagged(threshold, at, own)) for x in compliant)
        golden = sum(x.probe(threshold, at, own) is not None for x in clean)
        print(
            f"  waived at {waive or 'never'}: recall {recall:.3f}, right category"
            f" {right / len(violating):.3f}, false alarm lines {alarms}, golden clean flagged"
            f" {golden}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    settings = policy().judge.probe
    # The L2 penalty; by default each language's own (`judge.probe.l2`).
    parser.add_argument("--l2", type=float, default=None)
    parser.add_argument("--scale", type=float, default=settings.scale)
    parser.add_argument("--steps", type=int, default=settings.steps)
    # Adam's step size; by default each language's own (`judge.probe.learning_rate`).
    parser.add_argument("--learning-rate", type=float, default=None)
    # The weight of the intents' ordinary lines in the loss; by default each language's own
    # (`judge.probe.ordinary_weight`).
    parser.add_argument("--ordinary-weight", type=float, default=None)
    parser.add_argument("--lang", choices=["zh", "en"], default=None)
    parser.add_argument("--gate", choices=["nearest", "none"], default=None)
    # The probability at which the nearest gate is waived; by default each language's own
    # (`judge.probe.nearest_gate_waived_at`), 0 for never.
    parser.add_argument("--waive", type=float, default=None)
    parser.add_argument("--show", type=float, default=None)
    parser.add_argument("--by-category", action="store_true")
    parser.add_argument("--waivers", action="store_true")
    # The lowest bar --by-category may choose (lower bars are printed by --floor 0.3).
    parser.add_argument("--floor", type=float, default=0.5)
    args = parser.parse_args()
    remember()
    langs: tuple[Lang, ...] = (args.lang,) if args.lang else ("zh", "en")
    golden = clean_lines()
    for lang in langs:
        rate = args.learning_rate or settings.training(lang).learning_rate
        l2 = args.l2 or settings.training(lang).l2
        fit = Training(l2=l2, scale=args.scale, steps=args.steps, learning_rate=rate)
        ordinary = settings.ordinary_weight.get(lang)
        if args.ordinary_weight is not None:
            ordinary = args.ordinary_weight
        weights = (
            probe_weights_of(lang)
            if ordinary == settings.ordinary_weight.get(lang)
            else judge_training_weights(
                lang,
                frozenset(policy().intents.strict),
                settings.wrappers.get(lang, ()),
                ordinary,
            )
        )
        if fit == settings.training(lang) and ordinary == settings.ordinary_weight.get(lang):
            probe = probe_of(lang)
        else:  # fitted as the shipped one is: to the judge's exemplars and their frames
            index = probe_training_of(lang)
            probe = train(index.vectors, [i.label for i in index.items], fit, weights)
        nearest = (
            settings.nearest_must_violate[lang] if args.gate is None else args.gate == "nearest"
        )
        waived_at = settings.nearest_gate_waived_at.get(lang) if args.waive is None else args.waive
        gate = Gate(nearest, waived_at or None)
        lines = dev_lines(lang, probe)
        clean = [read(g.text, lang, g.ctx, frozenset(), probe) for g in golden if g.lang == lang]
        base = figures(lines, 1.01, gate)
        print(
            f"{lang} ({fit}, ordinary lines weighted {ordinary or 1.0}, gate {gate}):"
            f" {sum(bool(x.expected) for x in lines)} violating"
            f" / {sum(not x.expected for x in lines)} compliant dev lines, {len(clean)} golden"
            f" clean lines; without the read-out: recall {base[0]:.3f}, right category"
            f" {base[1]:.3f}, false alarms {base[2]:.3f}"
        )
        for threshold in THRESHOLDS:
            recall, right, alarms = figures(lines, threshold, gate)
            golden_hits = sum(x.probe(threshold, gate) is not None for x in clean)
            print(
                f"  ≥{threshold:<5}: recall {recall:.3f}  right category {right:.3f}  "
                f"false alarms {alarms:.3f}  golden clean flagged by the read-out {golden_hits}"
            )
        if args.waivers:
            own = {str(c): bar for c, bar in settings.category_threshold.get(lang, {}).items()}
            waivers(lines, clean, settings.threshold[lang], gate, own)
        if args.by_category:
            by_category(lines, clean, settings.threshold[lang], gate, args.floor)
        if args.show is not None:
            for x in lines + clean:
                got = x.flagged(args.show, gate)
                if bool(got) != bool(x.expected):
                    kind = "MISS" if x.expected else "FALSE"
                    p = round(1.0 - x.shares.get(COMPLIANT, 0.0), 3) if x.shares else None
                    by = "read-out" if x.probe(args.show, gate) else "vote"
                    by = "rules" if x.by_rules else by
                    print(f"  {kind} p={p} near={x.nearest[:1]} {sorted(got)} {by}: {x.text}")


if __name__ == "__main__":
    main()
