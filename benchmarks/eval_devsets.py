"""How well CollectSim understands lines nobody built it from: the dev sets (`devsets/`, which
calibration may study) and the held-out test sets (`testsets/`, which nobody tunes on),
through the intent matcher and the judge. Prints figures for the README.

    python benchmarks/eval_devsets.py [devsets|testsets] [--judge|--intents] [--from zh-ID en-ID]
        [--misses]

--judge measures the judge alone, --intents the intents alone; --from measures only the lines
from those ids on (a batch just written, measured before anything is changed for it; the judge's
lines unless --intents); --misses prints each missed line, false alarm and harmful intent read
(dev sets only: the test sets' lines are never printed).

Intents: recall = lines whose expected intents were all found; false harmful = lines with no
threaten/insult/pressure meant where one was read. Judge: recall = violating lines with any
compliance finding (and with a finding of an expected category); false alarms = compliant
lines with any compliance finding. Measured, never tuned on."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from scoring.analysis import analyze
from scoring.compliance import LineContext, judge_for
from scoring.i18n import Lang
from scoring.text import normalise

ROOT = Path(__file__).resolve().parent.parent
HARMFUL = {"threaten", "insult", "pressure"}
DAY = date(2026, 11, 20)


def rows(folder: Path, name: str) -> list[dict[str, Any]]:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@dataclass
class Figures:
    n: int
    recall: float
    other: float


def intents(folder: Path, lang: Lang, first: str | None = None, misses: bool = False) -> Figures:
    data = batch(rows(folder, f"intents.{lang}.jsonl"), first)
    found = harmful_read = 0
    for r in data:
        read = set(analyze(r["text"], lang, DAY).intent_names)
        if r["intents"]:
            found += set(r["intents"]) <= read
            if misses and not set(r["intents"]) <= read:
                print(f"  missed {r['id']} {r['intents']} read {sorted(read)}: {r['text']}")
        if not HARMFUL & set(r["intents"]) and HARMFUL & read:
            harmful_read += 1
            if misses:
                print(f"  harmful {r['id']} read {sorted(read)}: {r['text']}")
    with_intents = sum(1 for r in data if r["intents"])
    harmless = sum(1 for r in data if not HARMFUL & set(r["intents"]))
    return Figures(len(data), found / with_intents, harmful_read / harmless)


def context_of(row: dict[str, Any]) -> LineContext:
    context = row.get("context") or {}
    party = context.get("party", "debtor")
    local = context.get("local_time")
    return LineContext(
        party=party if party in {"debtor", "third_party", "wrong_party"} else "unknown",
        verified=bool(context.get("verified", party == "debtor")),
        flags=frozenset(context.get("flags", [])),
        local_time=datetime.fromisoformat(local) if local else None,
        legal_status=str(context.get("legal_status", "none")),
        time_barred=bool(context.get("time_barred", False)),
    )


def batch(data: list[dict[str, Any]], first: str | None) -> list[dict[str, Any]]:
    """The rows from id `first` on (all rows when None or when no row has that id)."""
    ids = [r["id"] for r in data]
    if first is None or first not in ids:
        return data
    return data[ids.index(first) :]


def judge(
    folder: Path, lang: Lang, first: str | None = None, misses: bool = False
) -> tuple[Figures, float]:
    jurisdiction = "CN" if lang == "zh" else "US"
    pack = judge_for(jurisdiction)
    data = batch(rows(folder, f"judge.{lang}.jsonl"), first)
    caught = same_category = alarms = 0
    violating = [r for r in data if r["categories"]]
    compliant = [r for r in data if not r["categories"]]
    for r in data:
        hits = pack.judge_line(r["text"], context_of(r), norm=normalise(r["text"]))
        categories = {h.rule.category for h in hits}
        if r["categories"]:
            caught += bool(hits)
            same_category += bool(categories & set(r["categories"]))
            if misses and not hits:
                print(f"  missed {r['id']} {r['categories']}: {r['text']}")
        else:
            alarms += bool(hits)
            if misses and hits:
                print(f"  alarm {r['id']} {sorted(categories)}: {r['text']}")
    figures = Figures(len(data), caught / len(violating), alarms / len(compliant))
    return figures, same_category / len(violating)


def main() -> None:
    args = sys.argv[1:]
    named = [a for a in args if not a.startswith("--")]
    folder = ROOT / (named[0] if named else "devsets")
    intents_only = "--intents" in args
    judge_only = "--judge" in args or ("--from" in args and not intents_only)
    first = {"zh" if a.startswith("zh") else "en": a for a in args if a.startswith(("zh-", "en-"))}
    misses = "--misses" in args and folder.name != "testsets"
    print(f"{folder.name}:")
    langs: tuple[Lang, ...] = ("zh", "en")
    for lang in langs:
        if "--from" in args and lang not in first:
            continue
        if not judge_only:
            found = intents(folder, lang, first.get(lang) if intents_only else None, misses)
            print(
                f"intents {lang}: {found.n} lines, recall {found.recall:.2f}, "
                f"harmful intent read into a harmless line {found.other:.3f}"
            )
        if intents_only:
            continue
        flagged, right_category = judge(folder, lang, first.get(lang), misses)
        print(
            f"judge {lang}: {flagged.n} lines, recall {flagged.recall:.2f} "
            f"(right category {right_category:.2f}), false alarms {flagged.other:.2f}"
        )


if __name__ == "__main__":
    main()
