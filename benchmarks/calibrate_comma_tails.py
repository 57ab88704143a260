"""Choose how the judge reads what follows a comma (`semantic.yaml`, `judge.comma_tails`) on the
dev sets and the goldens' clean lines; never on the test sets.

A zh violation typed after a greeting with no stop between ("您好我是XX的，再不还钱明天就去你单位
找你领导") reads as a whole like its greeting. `meaning.comma_tails` cuts each sentence at each
comma and keeps what follows, to the sentence's end. This script judges every dev line and
golden clean line once as the judge stands with the tails off, reads each tail (at least 4
characters) once, and for each shortest tail and each way of reading it prints recall, right
category and false alarms, and how many golden clean lines the tails alone would flag (none
may be). Ways of reading a tail:
  agree   as a sentence of a line is (`_by_sentence`): the read-out at its bars and gate, not
          among compliant lines, and the vote at the line's margin naming the same category;
  probe   the read-out alone at the bar given, its nearest exemplar a violation.
A tail that negates (the clause negation) may be skipped (`skip neg`).

    python benchmarks/calibrate_comma_tails.py [--show CHARS] [--mode agree|probe] [--bar B]
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

from benchmarks.calibrate_probe import applicable
from benchmarks.eval_devsets import context_of, rows
from benchmarks.eval_golden_clean import clean_lines
from benchmarks.vector_cache import remember
from scoring import meaning
from scoring.compliance import LineContext, judge_for
from scoring.encoder import encoder
from scoring.i18n import Lang
from scoring.meaning import comma_tails, judge_of, policy, probe_of, said_as_meant
from scoring.semantic import COMPLIANT
from scoring.text import plain

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp") / "collectsim-calibration-vectors.judge7.npz"
LANG: Lang = "zh"
SHORTEST = (6, 8, 10, 12, 14)
BARS = (0.6, 0.7, 0.8, 0.85, 0.9)


# (shortest tail, way of reading, the read-out's bar for `probe`, skip tails that negate)
How = tuple[int, str, float, bool]


@dataclass(frozen=True, slots=True)
class Tail:
    chars: int
    violation: float
    category: str
    agreed: bool  # read as `_by_sentence` reads a sentence
    nearest_violates: bool
    negates: bool


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    expected: frozenset[str]
    found: frozenset[str]  # the judge as it stands, tails off
    tails: tuple[Tail, ...]
    applies: frozenset[str]

    def extra(self, how: How) -> frozenset[str]:
        shortest, mode, bar, skip_negating = how
        return frozenset(
            t.category
            for t in self.tails
            if t.chars >= shortest
            and t.category in self.applies
            and not (skip_negating and t.negates)
            and (t.agreed if mode == "agree" else t.violation >= bar and t.nearest_violates)
        )

    def flagged(self, how: How) -> frozenset[str]:
        return self.found | self.extra(how)


@contextmanager
def tails_off() -> Iterator[None]:
    settings = policy()
    judge = settings.judge.model_copy(update={"comma_tails": {}})
    off = settings.model_copy(update={"judge": judge})
    with mock.patch.object(meaning, "policy", lambda: off):
        yield


def read(text: str, ctx: LineContext, expected: frozenset[str]) -> Line:
    judge = judge_for("CN")
    with tails_off():
        found = frozenset(h.rule.category for h in judge.judge_line(text, ctx))
    rules = policy().judge
    said = said_as_meant(text, LANG)
    parts = [t for t in comma_tails(said, 4) if t != plain(said)]
    tails = []
    if parts:
        for unit, vector in zip(parts, encoder().embed(parts), strict=True):
            shares = probe_of(LANG).probabilities(vector)
            category = max((c for c in shares if c != COMPLIANT), key=lambda c: (shares[c], c))
            near = judge_of(LANG).nearest(vector, rules.neighbours)
            by_probe = meaning._by_probe(unit, vector, LANG, near)
            compliant = sum(1 for n in near if n.label == COMPLIANT)
            agreed = (
                by_probe is not None
                and compliant < rules.need
                and meaning._voted(near, vector, LANG, rules.margin[LANG]) == by_probe.label
            )
            tails.append(
                Tail(
                    len(unit),
                    round(1.0 - shares.get(COMPLIANT, 0.0), 3),
                    category,
                    agreed,
                    near[0].label != COMPLIANT,
                    bool(rules.clause_negation[LANG].search(unit)),
                )
            )
    return Line(text, expected, found, tuple(tails), applicable(text, LANG, ctx))


def figures(lines: list[Line], how: How) -> tuple[int, int, int]:
    violating = [x for x in lines if x.expected]
    compliant = [x for x in lines if not x.expected]
    caught = sum(bool(x.flagged(how)) for x in violating)
    right = sum(bool(x.flagged(how) & x.expected) for x in violating)
    alarms = sum(bool(x.flagged(how)) for x in compliant)
    return caught, right, alarms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=None, help="list changes at this shortest")
    parser.add_argument("--mode", choices=["agree", "probe"], default="agree")
    parser.add_argument("--bar", type=float, default=0.8)
    parser.add_argument("--skip-negating", action="store_true")
    args = parser.parse_args()
    remember(CACHE)
    lines = [
        read(r["text"], context_of(r), frozenset(r["categories"]))
        for r in rows(ROOT / "devsets", f"judge.{LANG}.jsonl")
    ]
    clean = [read(g.text, g.ctx, frozenset()) for g in clean_lines() if g.lang == LANG]
    n_v = sum(bool(x.expected) for x in lines)
    n_c = len(lines) - n_v
    base = figures(lines, (999, "agree", 0.0, False))
    print(
        f"{LANG}: {n_v} violating / {n_c} compliant dev lines, {len(clean)} golden clean; "
        f"tails off: caught {base[0]}, right {base[1]}, alarms {base[2]}"
    )
    ways = [("agree", 0.0)] + [("probe", bar) for bar in BARS]
    for skip in (False, True):
        for mode, bar in ways:
            for shortest in SHORTEST:
                how: How = (shortest, mode, bar, skip)
                caught, right, alarms = figures(lines, how)
                golden = sum(bool(x.extra(how)) for x in clean)
                print(
                    f"  skip neg {skip!s:5} {mode:5} {bar:<4} ≥{shortest:>2} chars: recall "
                    f"{caught / n_v:.3f} ({caught - base[0]:+d})  right {right / n_v:.3f}  "
                    f"false alarms {alarms / n_c:.3f} ({alarms - base[2]:+d})  golden {golden}"
                )
    if args.show is not None:
        shown: How = (args.show, args.mode, args.bar, args.skip_negating)
        for x in lines + clean:
            added = x.extra(shown) - x.found
            if added and not x.found:
                kind = "CAUGHT" if x.expected else "ALARM"
                print(f"  {kind} {sorted(added)}: {x.text}")


if __name__ == "__main__":
    main()
