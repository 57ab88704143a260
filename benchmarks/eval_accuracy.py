"""How well accuracy checking does on the dev set: `devsets/accuracy.{zh,en}.jsonl`, each a
line said in a shipped scenario with its verdict ("right" or "wrong"). Prints, per language,
the share of wrong lines with at least one ACC-* finding (wrong caught) and the share of right
lines with any (right flagged). Each line is read on its scenario's call day.

    python benchmarks/eval_accuracy.py [devsets|testsets] [--added-since REV] [--misses]

`--added-since REV` scores only the lines not in the file at git revision REV (a batch of new
dev lines, before and after the code that reads them); `--misses` lists the dev lines scored
wrongly (never allowed on the held-out set).

Only the figures are printed, not the lines. The dev set may be studied for calibration (its
misses are sorted into kinds and each kind fixed in general code, with new wording in the
tests); the held-out `testsets/accuracy.*` is measured once, never studied."""

from __future__ import annotations

import argparse
import json
import subprocess
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


def ids_at(rev: str, name: str, folder: str) -> set[str]:
    """The ids of the rows a set's file held at git revision `rev` (none if it did not exist)."""
    shown = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:{folder}/{name}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if shown.returncode != 0:
        if "exists on disk, but not in" in shown.stderr or "does not exist" in shown.stderr:
            return set()
        raise SystemExit(f"eval_accuracy.py: git show {rev}: {shown.stderr.strip()}")
    return {str(json.loads(line)["id"]) for line in shown.stdout.splitlines() if line.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(prog="eval_accuracy.py")
    parser.add_argument("folder", nargs="?", default="devsets", choices=["devsets", "testsets"])
    parser.add_argument("--added-since", metavar="REV", help="only lines added after git REV")
    parser.add_argument("--misses", action="store_true", help="list the dev lines scored wrongly")
    args = parser.parse_args()
    folder = str(args.folder)
    if args.misses and folder != "devsets":
        raise SystemExit(
            "eval_accuracy.py: --misses lists dev lines only (the test set stays unread)"
        )
    print("| lang | lines | wrong | wrong caught | right | right flagged |")
    print("|---|---|---|---|---|---|")
    misses: list[str] = []
    for lang in ("zh", "en"):
        name = f"accuracy.{lang}.jsonl"
        data = rows(name, folder)
        if args.added_since:
            old = ids_at(str(args.added_since), name, folder)
            data = [r for r in data if str(r["id"]) not in old]
        verdicts = [(r, flagged(r)) for r in data]
        wrong = [hit for r, hit in verdicts if r["verdict"] == "wrong"]
        right = [hit for r, hit in verdicts if r["verdict"] == "right"]
        misses += [
            f"{r['id']} {r['verdict']}: {r['text']}"
            for r, hit in verdicts
            if hit != (r["verdict"] == "wrong")
        ]
        caught = sum(wrong) / len(wrong) if wrong else 0.0
        false = sum(right) / len(right) if right else 0.0
        print(
            f"| {lang} | {len(data)} | {len(wrong)} | {caught:.3f} | {len(right)} | {false:.3f} |"
        )
    if args.misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
