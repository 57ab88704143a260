"""The dev sets (`devsets/`, which calibration may study) and the test sets (`testsets/`, which
nobody tunes on) are well formed and apart: no line of either is (nearly) an exemplar, a rule
example or a golden line, and no test line is (nearly) a dev line, so a figure measured on the
test sets is not measured on what was tuned."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from scoring.exemplars import intent_exemplars, judge_exemplars
from scoring.i18n import Lang
from scoring.intents import intent_names
from scoring.taxonomy import Category

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "devsets"
TEST = ROOT / "testsets"
CLOSE = 90  # rapidfuzz ratio at or above which two lines count as the same line


class IntentRow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str = Field(min_length=1)
    intents: list[str] = Field(max_length=2)
    style: str
    source: str = "team"


class JudgeRow(BaseModel):
    model_config = ConfigDict(extra="allow")  # context notes vary by line

    id: str
    text: str = Field(min_length=1)
    categories: list[Category]
    context: dict[str, object] = Field(default_factory=dict)
    source: str = "team"


class Figure(BaseModel):
    model_config = ConfigDict(extra="forbid")

    said: str
    role: str
    truth: str


class AccuracyRow(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    scenario: str
    text: str = Field(min_length=1)
    verdict: Literal["right", "wrong"]
    figures: list[Figure] = Field(min_length=1)
    note: str = ""


def rows(name: str, folder: Path = DEV) -> list[dict[str, object]]:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_dev_set_is_well_formed_and_large_enough(lang: str) -> None:
    intents = [IntentRow.model_validate(r) for r in rows(f"intents.{lang}.jsonl")]
    judge = [JudgeRow.model_validate(r) for r in rows(f"judge.{lang}.jsonl")]
    accuracy = [AccuracyRow.model_validate(r) for r in rows(f"accuracy.{lang}.jsonl")]
    known = set(intent_names())
    assert all(set(r.intents) <= known for r in intents)
    assert len(judge) >= 300 and len(accuracy) >= 150
    violating = sum(1 for r in judge if r.categories)
    assert 0.4 * len(judge) <= violating <= 0.65 * len(judge)  # room for false alarms to show
    assert len({r.scenario for r in accuracy}) >= 4
    ids = [r.id for r in intents] + [r.id for r in judge] + [r.id for r in accuracy]
    assert len(ids) == len(set(ids))
    scenarios = {p.name.split(".")[0] for p in (ROOT / "scenarios").glob("*.scenario.yaml")}
    assert {r.scenario for r in accuracy} <= scenarios


@cache
def seen_lines() -> list[str]:
    """Every line the judge or the matcher was built from: exemplars, rule examples, goldens."""
    seen: list[str] = []
    langs: tuple[Lang, ...] = ("zh", "en")
    for lang in langs:
        intents = intent_exemplars(lang)
        seen += [line for lines in intents.intents.values() for line in lines]
        seen += intents.no_intent
        seen += [m.text for misses in intents.near_misses.values() for m in misses]
        for category in judge_exemplars(lang).categories.values():
            seen += [*category.violating, *category.compliant]
    for pack in ("cn", "us"):
        data = yaml.safe_load((ROOT / "scoring/rules" / f"{pack}.yaml").read_text("utf-8"))
        for rule in data["rules"]:
            for examples in (rule.get("examples") or {}).values():
                seen += [e if isinstance(e, str) else str(e.get("text", "")) for e in examples]
    for golden in (ROOT / "scenarios/tests").glob("*.test.yaml"):
        for conversation in yaml.safe_load(golden.read_text("utf-8"))["conversations"]:
            seen += [step["say"] for step in conversation["steps"]]
    return seen


@pytest.mark.parametrize("kind", ["intents", "judge", "accuracy"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_dev_line_is_a_line_the_system_was_built_from(kind: str, lang: str) -> None:
    assert near_lines(rows(f"{kind}.{lang}.jsonl"), seen_lines()) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_test_set_is_well_formed_large_and_apart_from_everything_else(lang: str) -> None:
    intents = [IntentRow.model_validate(r) for r in rows(f"intents.{lang}.jsonl", TEST)]
    judge = [JudgeRow.model_validate(r) for r in rows(f"judge.{lang}.jsonl", TEST)]
    assert len(judge) >= 300 and len(intents) >= 250
    assert all(set(r.intents) <= set(intent_names()) for r in intents)
    accuracy = [AccuracyRow.model_validate(r) for r in rows(f"accuracy.{lang}.jsonl", TEST)]
    assert len(accuracy) >= 150 and len({r.scenario for r in accuracy}) >= 4
    scenarios = {p.name.split(".")[0] for p in (ROOT / "scenarios").glob("*.scenario.yaml")}
    assert {r.scenario for r in accuracy} <= scenarios
    kinds = ("intents", "judge", "accuracy")
    dev = [(str(r["id"]), str(r["text"])) for kind in kinds for r in rows(f"{kind}.{lang}.jsonl")]
    built_from = [("an exemplar, rule example or golden line", text) for text in seen_lines()]
    for kind in kinds:
        assert near_ids(rows(f"{kind}.{lang}.jsonl", TEST), [*built_from, *dev]) == []


def near_ids(held_out: list[dict[str, object]], seen: list[tuple[str, str]]) -> list[str]:
    """Held-out rows too close to a line seen elsewhere, named by ids only: a failure must
    not show a held-out line to the person who wrote the dev line (drop the dev line)."""
    texts = [text for _, text in seen]
    return [
        f"held-out {row['id']} is the same line as {seen[match[2]][0]}"
        for row in held_out
        if (
            match := process.extractOne(
                str(row["text"]), texts, scorer=fuzz.ratio, score_cutoff=CLOSE
            )
        )
    ]


def near_lines(found: list[dict[str, object]], seen: list[str]) -> list[tuple[str, str]]:
    return [
        (text, match[0])
        for text in (str(r["text"]) for r in found)
        if (match := process.extractOne(text, seen, scorer=fuzz.ratio, score_cutoff=CLOSE))
    ]
