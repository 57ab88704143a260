"""Choose the judge's clause read-out bar (`semantic.yaml`, `judge.probe.clause_threshold`) on
the dev sets and the goldens' clean lines; never on the test sets.

A violation said inside a long polite line ("…不过法务那边已经说了，五点前还没处理材料就递到公安，
您看怎么安排？") is diluted in the whole line's vector. Each clause of a line is read by the
same read-out; this script judges every dev and golden clean line once with the clause
read-out off, keeps each clause's reading (probability of a violation, likeliest category,
whether its nearest exemplar is a violation, whether it negates), and for each bar prints
recall, right category and false alarms, and the golden clean lines the clause read-out
alone would flag (none may be).

    python benchmarks/calibrate_clauses.py [--show T] (list what changes at bar T)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
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
from scoring.meaning import judge_of, policy, probe_of, units
from scoring.semantic import COMPLIANT

ROOT = Path(__file__).resolve().parent.parent
BARS = [0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995]
CACHE = Path("/tmp") / "collectsim-calibration-vectors.judge7.npz"


@dataclass(frozen=True, slots=True)
class Clause:
    violation: float
    category: str
    nearest_violates: bool
    vote: str | None  # the category the nearest exemplars vote for (need, category_need)
    lead: float  # how much nearer the nearest violation is than the nearest compliant line


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    expected: frozenset[str]
    found: frozenset[str]  # the judge as it stands, the clause read-out off
    clauses: tuple[Clause, ...]
    applies: frozenset[str]

    def extra(self, bar: float, gate: bool, lead: float = 9.0) -> frozenset[str]:
        by_probe = {
            c.category
            for c in self.clauses
            if c.violation >= bar
            and (c.nearest_violates or not gate)
            and c.category in self.applies
        }
        by_vote = {
            c.vote
            for c in self.clauses
            if c.vote is not None and c.lead >= lead and c.vote in self.applies
        }
        return frozenset(by_probe | by_vote)

    def flagged(self, bar: float, gate: bool, lead: float = 9.0) -> frozenset[str]:
        return self.found | self.extra(bar, gate, lead)


@contextmanager
def clauses_off() -> Iterator[None]:
    """The judge with no clause of a line that reads compliant as a whole voted on."""
    settings = policy()
    judge = settings.judge.model_copy(update={"diluted_clause_lead": {"zh": None, "en": None}})
    off = settings.model_copy(update={"judge": judge})
    with mock.patch.object(meaning, "policy", lambda: off):
        yield


def read(text: str, lang: Lang, ctx: LineContext, expected: frozenset[str]) -> Line:
    judge = judge_for("CN" if lang == "zh" else "US")
    with clauses_off():
        found = frozenset(h.rule.category for h in judge.judge_line(text, ctx))
    negation = meaning.policy().judge.clause_negation[lang]
    parts = [
        u
        for u in units(text)[1:]
        if len(u) >= policy().judge.min_chars[lang] and not negation.search(u)
    ]
    clauses = []
    if parts:
        probe = probe_of(lang)
        rules = policy().judge
        for vector in encoder().embed(parts):
            shares = probe.probabilities(vector)
            category = max((c for c in shares if c != COMPLIANT), key=lambda c: (shares[c], c))
            near = judge_of(lang).nearest(vector, rules.neighbours)
            violation = round(1.0 - shares.get(COMPLIANT, 0.0), 3)
            violating = [n.label for n in near if n.label != COMPLIANT]
            vote, lead = None, -1.0
            if near[0].label != COMPLIANT and len(violating) >= rules.need:
                votes = Counter(violating)
                top = max(votes, key=lambda c: (votes[c], -violating.index(c)))
                if votes[top] >= rules.category_need:
                    vote = top
                    lead = round(
                        near[0].similarity - judge_of(lang).nearest_labelled(vector, COMPLIANT), 3
                    )
            clauses.append(Clause(violation, category, near[0].label != COMPLIANT, vote, lead))
    return Line(text, expected, found, tuple(clauses), applicable(text, lang, ctx))


def figures(lines: list[Line], bar: float, gate: bool) -> tuple[float, float, float]:
    violating = [x for x in lines if x.expected]
    compliant = [x for x in lines if not x.expected]
    caught = sum(bool(x.flagged(bar, gate)) for x in violating)
    right = sum(bool(x.flagged(bar, gate) & x.expected) for x in violating)
    alarms = sum(bool(x.flagged(bar, gate)) for x in compliant)
    return caught / len(violating), right / len(violating), alarms / len(compliant)


def figures_vote(lines: list[Line], lead: float) -> tuple[float, float, float]:
    violating = [x for x in lines if x.expected]
    compliant = [x for x in lines if not x.expected]
    caught = sum(bool(x.flagged(2.0, True, lead)) for x in violating)
    right = sum(bool(x.flagged(2.0, True, lead) & x.expected) for x in violating)
    alarms = sum(bool(x.flagged(2.0, True, lead)) for x in compliant)
    return caught / len(violating), right / len(violating), alarms / len(compliant)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=float, default=None)
    parser.add_argument("--lang", choices=["zh", "en"], default=None)
    parser.add_argument("--lead", type=float, default=9.0)
    args = parser.parse_args()
    remember(CACHE)
    golden = clean_lines()
    langs: tuple[Lang, ...] = ("zh", "en") if args.lang is None else (args.lang,)
    for lang in langs:
        lines = [
            read(r["text"], lang, context_of(r), frozenset(r["categories"]))
            for r in rows(ROOT / "devsets", f"judge.{lang}.jsonl")
        ]
        clean = [read(g.text, lang, g.ctx, frozenset()) for g in golden if g.lang == lang]
        base = figures(lines, 2.0, True)
        print(
            f"{lang}: {sum(bool(x.expected) for x in lines)} violating /"
            f" {sum(not x.expected for x in lines)} compliant dev lines, {len(clean)} golden"
            f" clean; clause read-out off: recall {base[0]:.3f}, right category {base[1]:.3f},"
            f" false alarms {base[2]:.3f}"
        )
        for gate in (True, False):
            for bar in BARS:
                recall, right, alarms = figures(lines, bar, gate)
                golden_hits = sum(bool(x.extra(bar, gate) - x.found) for x in clean)
                print(
                    f"  gate {gate!s:5} ≥{bar:<5}: recall {recall:.3f}  right {right:.3f}  "
                    f"false alarms {alarms:.3f}  golden clean flagged {golden_hits}"
                )
        for lead in (0.0, 0.005, 0.01, 0.015, 0.02, 0.03):
            recall, right, alarms = figures_vote(lines, lead)
            golden_hits = sum(bool(x.extra(2.0, True, lead) - x.found) for x in clean)
            print(
                f"  clause vote, lead ≥{lead:<5}: recall {recall:.3f}  right {right:.3f}  "
                f"false alarms {alarms:.3f}  golden clean flagged {golden_hits}"
            )
        if args.show is not None:
            for x in lines + clean:
                added = x.extra(args.show, True, args.lead) - x.found
                if added and not x.found:
                    kind = "CAUGHT" if x.expected else "ALARM"
                    print(f"  {kind} {sorted(added)}: {x.text}")


if __name__ == "__main__":
    main()
