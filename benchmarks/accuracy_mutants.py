"""Mutants of the dev set's right lines: does the check compare every figure it is given?

Each dev line marked right names its figures as said (`figures[].said`). For every figure found
verbatim in the line, one mutant changes its leading digit (a plausible slip, and far enough
from the truth that no approximation "about" or 多 can cover it): 5230.5 → 6230.5, 五千二百 →
六千二百, 11月2号 → 12月2号, 18天 → 28天. A mutant the check does not flag names a figure it read
but never compared with the ledger (or never read): a kind of wording to fix in general code.

Mutants whose changed value is itself on the ledger (another quantity, a plan's instalment) are
skipped, and so are dates whose mutant is no calendar date. Dev lines only (the test sets
stay unread); a measure of kinds, never a claim about real trainee lines.

    python benchmarks/accuracy_mutants.py [--misses] [--lang zh|en]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.accuracy import check_line
from scoring.analysis import analyze
from simulator.engine.catalog import resolve
from simulator.engine.scenario import Scenario

ROOT = Path(__file__).resolve().parent.parent
ZH_DIGITS = "一二三四五六七八九"
ZH_UPPER = "壹贰叁肆伍陆柒捌玖"
EN_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
# Roles whose figure is the trainee's to choose (a day proposed) or no account figure at all.
SKIPPED_ROLES = {"promise_date", "not_money"}


@cache
def scenario(ref: str) -> Scenario:
    return resolve(ref).scenario


def flagged(text: str, ref: str) -> bool:
    sc = scenario(ref)
    analysis = analyze(text, sc.lang, sc.call.local_time.date())
    return any(f.rule.startswith("ACC-") for f in check_line(analysis, sc.ledger, 1))


def _bump_digit(ch: str) -> str:
    return str(int(ch) + 1) if ch != "9" else "7"


DAY = re.compile(
    r"(?<=月)(\d{1,2})(?=[号日號])|(?<=[/.-])(\d{1,2})(?!\d)|"
    r"(?<=[A-Za-z] )(\d{1,2})(?=(?:st|nd|rd|th)?\b)"
)


def mutate_date(said: str) -> str | None:
    """A due date with its day moved three days (a calendar date still, and no ordinal
    suffix to mend: 11月2号 → 11月5号, March 27 → March 24), or None when no day is found."""
    match = DAY.search(said)
    if match is None:
        return None
    day = int(match.group(0))
    moved = day + 3 if day <= 25 else day - 3
    text = str(moved)
    out = said[: match.start()] + text + said[match.end() :]
    for suffix in ("st", "nd", "rd", "th"):
        if out[match.start() + len(text) :].startswith(suffix):
            right = {1: "st", 2: "nd", 3: "rd"}.get(
                moved % 10 if moved not in (11, 12, 13) else 0, "th"
            )
            out = out[: match.start() + len(text)] + right + out[match.start() + len(text) + 2 :]
            break
    return out


def mutate(said: str) -> str | None:
    """The figure as said with its leading digit changed, or None when it has no digit to
    change in a form this probe knows (ASCII digits, 一…九, 壹…玖, English one…nine)."""
    for i, ch in enumerate(said):
        if ch.isascii() and ch.isdigit():
            if ch == "0":
                continue
            return said[:i] + _bump_digit(ch) + said[i + 1 :]
        for digits in (ZH_DIGITS, ZH_UPPER):
            at = digits.find(ch)
            if at >= 0:
                swap = digits[(at + 1) % 9] if at != 8 else digits[6]
                return said[:i] + swap + said[i + 1 :]
    lowered = said.lower()
    for n, word in enumerate(EN_WORDS):
        match = re.search(rf"\b{word}\b", lowered)
        if match:
            swap = EN_WORDS[(n + 1) % 9] if n != 8 else EN_WORDS[6]
            return said[: match.start()] + swap + said[match.end() :]
    return None


def _on_ledger(said: str, ref: str) -> bool:
    """Whether the mutant's digits are a ledger amount (a role swap, not a wrong figure)."""
    digits = re.sub(r"[^\d.]", "", said)
    if not digits or not re.fullmatch(r"\d+(\.\d+)?", digits):
        return False
    try:
        value = float(digits)
    except ValueError:
        return False
    ledger = scenario(ref).ledger.model_dump(mode="json")
    amounts: list[float] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for item in node.values():
                walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, (int, float, str)) and not isinstance(node, bool):
            with contextlib.suppress(ValueError):
                amounts.append(float(node))

    walk(ledger)
    return any(abs(value - a) < 0.005 for a in amounts)


def main() -> None:
    parser = argparse.ArgumentParser(prog="accuracy_mutants.py")
    parser.add_argument("--misses", action="store_true", help="print each mutant not flagged")
    parser.add_argument("--lang", choices=["zh", "en"])
    args = parser.parse_args()
    for lang in [args.lang] if args.lang else ["zh", "en"]:
        lines = (ROOT / "devsets" / f"accuracy.{lang}.jsonl").read_text(encoding="utf-8")
        rows = [json.loads(line) for line in lines.splitlines() if line.strip()]
        tried = caught = 0
        by_role: Counter[str] = Counter()
        missed_by_role: Counter[str] = Counter()
        for row in rows:
            if row["verdict"] != "right":
                continue
            for figure in row.get("figures", []):
                said = str(figure["said"])
                if said not in row["text"]:
                    continue
                role = str(figure["role"])
                if role in SKIPPED_ROLES:
                    continue
                wrong = mutate_date(said) if role == "due_date" else mutate(said)
                if wrong is None or _on_ledger(wrong, row["scenario"]):
                    continue
                text = row["text"].replace(said, wrong, 1)
                tried += 1
                by_role[role] += 1
                if flagged(text, row["scenario"]):
                    caught += 1
                else:
                    missed_by_role[role] += 1
                    if args.misses:
                        print(f"  {row['id']} {role} {said}→{wrong}: {text}")
        rate = caught / tried if tried else 0.0
        print(f"{lang}: {tried} mutants, caught {rate:.3f}")
        for role, n in sorted(by_role.items(), key=lambda kv: -kv[1]):
            print(f"  {role:14} {n:5}  missed {missed_by_role[role]}")


if __name__ == "__main__":
    main()
