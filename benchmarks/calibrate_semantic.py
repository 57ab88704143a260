"""Calibrate the semantic layer's thresholds on the exemplars alone (leave-one-out): each
exemplar is read by its nearest *other* exemplars, as a new line would be. Prints, for a range
of thresholds, how often a reading at or above it is right (precision) and how many exemplars
are read at all (coverage), for intents (harmful ones apart) and for the judge. The dev sets
are never read here: they measure what this chooses.

    python benchmarks/calibrate_semantic.py
"""

from __future__ import annotations

import numpy as np

from scoring.i18n import Lang
from scoring.meaning import judge_of, policy
from scoring.semantic import COMPLIANT, NONE, Index, intent_index

THRESHOLDS = [0.84, 0.86, 0.88, 0.89, 0.90, 0.91, 0.92, 0.93, 0.94]


def leave_one_out(index: Index, k: int) -> list[tuple[str, str, float, bool]]:
    """(true label, read label, similarity, the neighbourhood agrees) for every exemplar."""
    vectors = index.vectors.astype(np.float64)
    sims = np.round(vectors @ vectors.T, 3)
    np.fill_diagonal(sims, -1.0)
    labels = [item.label for item in index.items]
    out = []
    for row, label in enumerate(labels):
        order = np.lexsort((np.arange(len(labels)), -sims[row]))[:k]
        top = labels[order[0]]
        agree = sum(labels[i] == top for i in order) * 2 >= k
        out.append((label, top, float(sims[row, order[0]]), agree))
    return out


def report(name: str, rows: list[tuple[str, str, float, bool]], positive: set[str]) -> None:
    """Precision of readings into `positive` labels, and the share of those exemplars read."""
    total = sum(1 for label, *_ in rows if label in positive)
    print(f"{name}: {total} exemplars")
    for threshold in THRESHOLDS:
        read = [(t, r) for t, r, s, ok in rows if ok and s >= threshold and r in positive]
        right = sum(1 for t, r in read if t == r)
        false = sum(1 for t, r in read if t not in positive)
        print(
            f"  ≥{threshold:.2f}: precision {right / max(1, len(read)):.3f}  "
            f"read {len(read) / max(1, total):.2f}  false from outside {false}"
        )


def main() -> None:
    rules = policy()
    langs: tuple[Lang, ...] = ("zh", "en")
    for lang in langs:
        index = intent_index(lang)
        rows = leave_one_out(index, rules.intents.neighbours)
        labels = {item.label for item in index.items} - {NONE}
        strict = set(rules.intents.strict)
        report(f"intents {lang} (ordinary)", rows, labels - strict)
        report(f"intents {lang} (threaten/insult/pressure)", rows, strict)
        judge = judge_of(lang)
        jrows = leave_one_out(judge, rules.judge.neighbours)
        categories = {item.label for item in judge.items} - {COMPLIANT}
        report(f"judge {lang}", jrows, categories)


if __name__ == "__main__":
    main()
