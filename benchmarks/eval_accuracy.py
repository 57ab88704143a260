"""How well accuracy checking does on the dev set: `devsets/accuracy.{zh,en}.jsonl`, each a
line said in a shipped scenario with its verdict ("right" or "wrong"). Prints, per language,
the share of wrong lines with at least one ACC-* finding (wrong caught) and the share of right
lines with any (right flagged). Each line is read on its scenario's call day.

    python benchmarks/eval_accuracy.py [devsets|testsets]

Only the figures are printed, not the lines. The dev set may be studied for calibration (its
misses are sorted into kinds and each kind fixed in general code, with new wording in the
tests); the held-out `testsets/accuracy.*` is measured once, never studied."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.accuracy import check_line
from scoring.analysis import analyze
from simulator.engine.catalog import resolve
from simulator.engine.scenario import Scenario

ROOT = Path(__file__).resolve().parent.parent


def rows(name: str, folder: str = "devsets") -> list[dict[str, Any]]:
    lines = (ROOT / folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@cache
def scenario(ref: str) -> Scenario:
    return resolve(ref).scenario


def flagged(row: dict[str, Any]) -> bool:
    sc = scenario(str(row["scenario"]))
    analysis = analyze(str(row["text"]), sc.lang, sc.call.local_time.date())
    return any(f.rule.startswith("ACC-") for f in check_line(analysis, sc.ledger, 1))


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else "devsets"
    if folder not in {"devsets", "testsets"}:
        raise SystemExit("usage: eval_accuracy.py [devsets|testsets]")
    print("| lang | lines | wrong | wrong caught | right | right flagged |")
    print("|---|---|---|---|---|---|")
    for lang in ("zh", "en"):
        data = rows(f"accuracy.{lang}.jsonl", folder)
        wrong = [flagged(r) for r in data if r["verdict"] == "wrong"]
        right = [flagged(r) for r in data if r["verdict"] == "right"]
        caught = sum(wrong) / len(wrong) if wrong else 0.0
        false = sum(right) / len(right) if right else 0.0
        print(
            f"| {lang} | {len(data)} | {len(wrong)} | {caught:.3f} | {len(right)} | {false:.3f} |"
        )


if __name__ == "__main__":
    main()
