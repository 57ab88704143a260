"""Which of a scenario's objectives a call met: generic predicates over the analysed lines,
the findings and the ending, defined per objective in `data/objectives.yaml`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

from scoring.analysis import Analysis
from scoring.data_files import load_yaml
from scoring.endings import EndingClass, of_class
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.intents import intent_names
from scoring.ledger import Ledger
from scoring.taxonomy import Category

DATA = Path(__file__).parent / "data" / "objectives.yaml"


def _known_intents(names: list[str]) -> list[str]:
    unknown = sorted(set(names) - set(intent_names()))
    if unknown:
        raise ValueError(f"unknown intents {unknown}")
    return names


class Predicate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    said: Annotated[list[str], AfterValidator(_known_intents)] | None = None
    in_last: int | None = Field(default=None, ge=1)
    tone_marker: str | None = None
    ledger_amount: Literal[True] | None = None
    ending_class: list[EndingClass] | None = None
    no_finding_category: Category | None = None
    no_finding_rules: list[str] | None = None
    any_of: list[Predicate] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Predicate:
        given = [k for k, v in self.__dict__.items() if v is not None and k != "in_last"]
        if len(given) != 1:
            raise ValueError(f"a predicate has exactly one test, not {given or 'none'}")
        if self.in_last is not None and self.said is None:
            raise ValueError("in_last goes with said")
        return self

    def holds(
        self,
        lines: Sequence[Analysis],
        findings: Sequence[Finding],
        ending: str | None,
        ledger: Ledger,
    ) -> bool:
        if self.said is not None:
            window = lines[-self.in_last :] if self.in_last else lines
            return any(a.has(intent) for a in window for intent in self.said)
        if self.tone_marker is not None:
            return any(m.kind == self.tone_marker for a in lines for m in a.tone.markers)
        if self.ledger_amount:
            return any(ledger.matches(m.value) for a in lines for m in a.amounts)
        if self.ending_class is not None:
            return ending in of_class(*self.ending_class)
        if self.no_finding_category is not None:
            return not any(f.category == self.no_finding_category for f in findings)
        if self.no_finding_rules is not None:
            return not any(f.rule in self.no_finding_rules for f in findings)
        assert self.any_of is not None  # _exactly_one: the last test left
        return any(p.holds(lines, findings, ending, ledger) for p in self.any_of)


class ObjectiveSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Bilingual
    met: Predicate


class ObjectivesFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    objectives: dict[str, ObjectiveSpec]


@cache
def objectives() -> dict[str, ObjectiveSpec]:
    return ObjectivesFile.model_validate(load_yaml(DATA)).objectives


def objective_names() -> list[str]:
    return list(objectives())


def label(name: str) -> Bilingual:
    return objectives()[name].label


def objective_met(
    name: str,
    lines: Sequence[Analysis],
    findings: Sequence[Finding],
    ending: str | None,
    ledger: Ledger,
) -> bool:
    return objectives()[name].met.holds(lines, findings, ending, ledger)


def shows_empathy(line: Analysis, ledger: Ledger) -> bool:
    """One line meets the show_empathy objective: the persona warms to the same thing."""
    return objective_met("show_empathy", [line], [], None, ledger)


def _known_objective(name: str) -> str:
    if name not in objectives():
        raise ValueError(f"unknown objective {name!r} (known: {', '.join(objectives())})")
    return name


# An objective's name, checked against the data; the JSON schema lists the names for editors.
Objective = Annotated[
    str,
    AfterValidator(_known_objective),
    WithJsonSchema({"type": "string", "enum": list(load_yaml(DATA)["objectives"])}),
]
