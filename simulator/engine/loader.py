"""Load and validate scenario files: every problem of a file at once, each with line:col."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from scoring.intents import intent_names
from simulator.engine.problem_lines import problem_said
from simulator.engine.scenario import (
    NEEDS_BUDGET,
    NEEDS_PLANS,
    SPECIAL_TRIGGERS,
    Scenario,
    content_hash,
    placeholders,
)
from simulator.engine.schema_errors import schema_problem
from simulator.engine.yamlsafe import (
    Located,
    Problem,
    YamlError,
    load_file,
    load_raw,
    load_text,
)

SUFFIX = ".scenario.yaml"


class ScenarioError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _pydantic_problems(located: Located, error: ValidationError) -> list[Problem]:
    return [schema_problem(located, item) for item in error.errors(include_url=False)]


def _reference_problems(located: Located, scenario: Scenario) -> list[Problem]:
    problems: list[Problem] = []
    states = scenario.states
    if scenario.initial not in states:
        problems.append(
            located.problem(("initial",), problem_said("unknown_state", state=scenario.initial))
        )
    for i, transition in enumerate(scenario.transitions):
        for j, source in enumerate(transition.source):
            if source != "*" and source not in states:
                problems.append(
                    located.problem(
                        ("transitions", i, "from", j), problem_said("unknown_state", state=source)
                    )
                )
            elif source in states and states[source].ending is not None:
                problems.append(
                    located.problem(
                        ("transitions", i, "from", j),
                        problem_said("from_ending", state=source),
                    )
                )
        if transition.to not in states:
            problems.append(
                located.problem(
                    ("transitions", i, "to"), problem_said("unknown_state", state=transition.to)
                )
            )
        problems += _unknown_intents(located, ("transitions", i, "on"), transition.on)
    for name, state in states.items():
        problems += _unknown_intents(located, ("states", name, "prefer"), state.prefer)
        problems += _unknown_intents(located, ("states", name, "remembers"), state.remembers)
    if not scenario.endings():
        problems.append(located.problem(("states",), problem_said("no_ending")))
    return problems + _figure_problems(located, scenario)


@cache
def _known_triggers() -> frozenset[str]:
    return frozenset(intent_names()) | frozenset(SPECIAL_TRIGGERS)


def _unknown_intents(
    located: Located, where: tuple[str | int, ...], names: Sequence[str]
) -> list[Problem]:
    """A problem for each name in a list of intents that is neither an intent nor a trigger."""
    known = _known_triggers()
    return [
        located.problem((*where, j), problem_said("unknown_intent", intent=name))
        for j, name in enumerate(names)
        if name not in known
    ]


def _figure_problems(located: Located, scenario: Scenario) -> list[Problem]:
    """A line that echoes the budget needs one; a line that echoes a plan needs the ledger's."""
    problems: list[Problem] = []
    if scenario.persona.budget and scenario.ledger.plans:
        return problems  # every figure a line may echo is there
    for loc, line in scenario.persona_lines():
        if "{" not in line:
            continue
        used = placeholders(line)
        if used & NEEDS_BUDGET and not scenario.persona.budget:
            name = sorted(used & NEEDS_BUDGET)[0]
            problems.append(located.problem(loc, problem_said("needs_budget", name=name)))
        if used & NEEDS_PLANS and not scenario.ledger.plans:
            name = sorted(used & NEEDS_PLANS)[0]
            problems.append(located.problem(loc, problem_said("needs_plans", name=name)))
    return problems


def scenario_from_located(located: Located, raw: bytes) -> Scenario:
    if not isinstance(located.data, dict):
        raise ScenarioError([located.problem((), problem_said("not_mapping"))])
    try:
        scenario = Scenario.model_validate({**located.data, "content_hash": content_hash(raw)})
    except ValidationError as exc:
        raise ScenarioError(_pydantic_problems(located, exc)) from None
    problems = _reference_problems(located, scenario)
    if problems:
        raise ScenarioError(problems)
    return scenario


M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, model: type[M]) -> tuple[Located, M]:
    """A YAML file validated against `model`; every problem with its line and column."""
    try:
        located = load_file(path)
    except YamlError as exc:
        raise ScenarioError(exc.problems) from None
    try:
        return located, model.model_validate(located.data)
    except ValidationError as exc:
        raise ScenarioError(_pydantic_problems(located, exc)) from None


def load_scenario(path: Path) -> Scenario:
    try:
        located = load_file(path)
    except YamlError as exc:
        raise ScenarioError(exc.problems) from None
    return scenario_from_located(located, located.raw)


def load_scenario_raw(raw: bytes, name: str) -> Scenario:
    """A scenario from a file's bytes already read (`yamlsafe.read_raw`)."""
    try:
        located = load_raw(raw, name)
    except YamlError as exc:
        raise ScenarioError(exc.problems) from None
    return scenario_from_located(located, raw)


def load_scenario_text(text: str, name: str = "<text>") -> Scenario:
    try:
        located = load_text(text, name)
    except YamlError as exc:
        raise ScenarioError(exc.problems) from None
    return scenario_from_located(located, text.encode("utf-8"))
