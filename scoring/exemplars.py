"""Exemplar phrasings as data (`data/exemplars/*.yaml`): many ways a collector says each
intent, and violations and near-miss compliant lines per finding category, in zh and en.
They are what the sentence encoder compares a trainee's line with; each file is validated
here. They are not a test set: the held-out dev sets in `devsets/` share no line with them."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from scoring.data_files import load_yaml
from scoring.i18n import Lang
from scoring.intents import intent_names
from scoring.taxonomy import Category

DIR = Path(__file__).parent / "data" / "exemplars"

Line = Annotated[str, Field(min_length=1, max_length=500)]


def _distinct(lines: list[str]) -> list[str]:
    repeated = sorted({line for line in lines if lines.count(line) > 1})
    if repeated:
        raise ValueError(f"repeated lines: {repeated[:3]}")
    return lines


Lines = Annotated[list[Line], AfterValidator(_distinct)]


class NearMiss(BaseModel):
    """A line close to a harmful intent that means something else (`none`: no intent)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Line
    intent: str


class IntentExemplars(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    language: Lang
    intents: dict[str, Lines]
    no_intent: Lines
    near_misses: dict[str, list[NearMiss]]

    @model_validator(mode="after")
    def _known_intents(self) -> IntentExemplars:
        known = set(intent_names())
        named = (
            set(self.intents)
            | set(self.near_misses)
            | {m.intent for misses in self.near_misses.values() for m in misses} - {"none"}
        )
        if named - known:
            raise ValueError(f"unknown intents {sorted(named - known)}")
        if known - set(self.intents):
            raise ValueError(f"intents without exemplars {sorted(known - set(self.intents))}")
        return self


class CategoryExemplars(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    violating: Lines = Field(min_length=1)
    compliant: Lines = Field(min_length=1)


class JudgeExemplars(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    language: Lang
    jurisdiction: Literal["CN", "US"]
    categories: dict[Category, CategoryExemplars]


@cache
def intent_exemplars(lang: Lang) -> IntentExemplars:
    return IntentExemplars.model_validate(load_yaml(DIR / f"intents.{lang}.yaml"))


@cache
def judge_exemplars(lang: Lang) -> JudgeExemplars:
    return JudgeExemplars.model_validate(load_yaml(DIR / f"judge.{lang}.yaml"))
