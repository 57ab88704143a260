"""Golden conversations: scripted trainee lines with expectations per step and at the end.

A test file (`scenarios/tests/*.test.yaml`) names a scenario and holds one or more
conversations. Failures name the file and line of the step that failed, with expected
against actual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from scoring.lang import Lang
from scoring.said import Said, Sayable
from simulator.authoring.phrases import said
from simulator.engine.catalog import resolve
from simulator.engine.loader import load_model
from simulator.engine.reporting import report_for
from simulator.engine.session import Exchange, Session
from simulator.engine.yamlsafe import Located, Problem

TEST_SUFFIX = ".test.yaml"


class StepExpect(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    state: str | None = None
    state_in: list[str] | None = None
    reply_contains: str | None = None
    mood_at_least: int | None = None
    mood_below: int | None = None
    intents: list[str] | None = None  # each must be among the line's intents
    rules: list[str] | None = None  # each must be among the line's findings
    no_rules: list[str] | None = None  # none may be among the line's findings
    categories: list[str] | None = None
    no_findings: bool | None = None
    no_critical: bool | None = None
    ending: str | None = None


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    say: str = Field(min_length=1)
    expect: StepExpect = StepExpect()


class EndExpect(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ending: str | None = None
    passed: bool | None = None
    score_at_least: float | None = None
    score_below: float | None = None
    objectives_met: list[str] | None = None
    rules: list[str] | None = None  # each must be among the report's findings
    no_rules: list[str] | None = None  # none may be among the report's findings
    no_critical: bool | None = None


class Conversation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    seed: int = 0
    mode: Literal["practice", "exam"] = "practice"
    steps: list[Step] = Field(min_length=1)
    note: str | None = None  # the after-call note, for scenarios that ask for one
    end: EndExpect = EndExpect()


class GoldenFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    scenario: str
    conversations: list[Conversation] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Failure:
    conversation: str
    problem: Problem

    def in_lang(self, lang: Lang) -> str:
        return f"{self.problem.in_lang(lang)} [{self.conversation}]"

    def __str__(self) -> str:
        return self.in_lang("en")


@dataclass(frozen=True, slots=True)
class LoadedTests:
    path: Path
    located: Located
    tests: GoldenFile


def load_tests(path: Path) -> LoadedTests:
    located, tests = load_model(path, GoldenFile)
    return LoadedTests(path, located, tests)


def _listed(names: Iterable[str]) -> Sayable | str:
    """A list of names as the tests show it, or "none"."""
    shown = sorted(names)
    return str(shown) if shown else said("none")


def _step_mismatches(expect: StepExpect, exchange: Exchange) -> list[Said]:
    out: list[Said] = []
    persona = exchange.persona
    rules = {f.rule for f in exchange.findings}
    categories = {f.category for f in exchange.findings}
    if expect.state is not None and persona.state != expect.state:
        out.append(said("expect_state", expected=expect.state, got=persona.state))
    if expect.state_in is not None and persona.state not in expect.state_in:
        out.append(said("expect_state_in", expected=expect.state_in, got=persona.state))
    if expect.reply_contains is not None and expect.reply_contains not in persona.text:
        out.append(said("expect_reply", expected=expect.reply_contains, got=persona.text))
    if expect.mood_at_least is not None and persona.mood < expect.mood_at_least:
        out.append(said("expect_mood_at_least", expected=expect.mood_at_least, got=persona.mood))
    if expect.mood_below is not None and persona.mood >= expect.mood_below:
        out.append(said("expect_mood_below", expected=expect.mood_below, got=persona.mood))
    for intent in expect.intents or []:
        if intent not in exchange.trainee.intents:
            out.append(said("intent_missed", intent=intent, got=exchange.trainee.intents))
    for rule in expect.rules or []:
        if rule not in rules:
            out.append(said("finding_missing", rule=rule, got=_listed(rules)))
    for rule in expect.no_rules or []:
        if rule in rules:
            out.append(said("finding_unwanted", rule=rule))
    for category in expect.categories or []:
        if category not in categories:
            out.append(
                said("category_missing", category=category, got=sorted(map(str, categories)))
            )
    if expect.no_findings and exchange.findings:
        out.append(said("no_findings_expected", got=sorted(rules)))
    if expect.no_critical and any(f.severity == "critical" for f in exchange.findings):
        out.append(said("no_critical_expected"))
    if expect.ending is not None and exchange.ending != expect.ending:
        out.append(said("expect_ending", expected=expect.ending, got=exchange.ending))
    return out


def run_conversation(loaded: LoadedTests, index: int) -> list[Failure]:
    conversation = loaded.tests.conversations[index]
    located = loaded.located
    scenario_path = Path(loaded.tests.scenario)
    if not scenario_path.is_absolute() and scenario_path.suffix in {".yaml", ".yml"}:
        scenario_path = loaded.path.parent / scenario_path
    ref = str(scenario_path) if scenario_path.suffix else loaded.tests.scenario
    # Tests live in a `tests/` folder under the scenarios, or beside them.
    folder = loaded.path.parent
    scenario = resolve(ref, folder.parent if folder.name == "tests" else folder).scenario
    session = Session(scenario, seed=conversation.seed, mode=conversation.mode, trainee="golden")
    failures: list[Failure] = []
    base = ("conversations", index)
    for number, step in enumerate(conversation.steps):
        where = (*base, "steps", number)
        if session.ended:
            failures.append(
                Failure(
                    conversation.name,
                    located.problem(where, said("call_over", ended=session.ended)),
                )
            )
            return failures
        exchange = session.say(step.say)
        for message in _step_mismatches(step.expect, exchange):
            failures.append(Failure(conversation.name, located.problem(where, message)))
    session.end(note=conversation.note)
    report = report_for(session.transcript)
    end = conversation.end
    end_loc = (*base, "end")
    messages: list[Said] = []
    if end.ending is not None and session.ended != end.ending:
        messages.append(said("expect_ending", expected=end.ending, got=session.ended))
    if end.passed is not None and report.passed != end.passed:
        messages.append(
            said("expect_passed", expected=end.passed, got=report.passed, score=report.score)
        )
    if end.score_at_least is not None and report.score < end.score_at_least:
        messages.append(
            said("expect_score_at_least", expected=end.score_at_least, got=report.score)
        )
    if end.score_below is not None and report.score >= end.score_below:
        messages.append(said("expect_score_below", expected=end.score_below, got=report.score))
    met = {o.name for o in report.objectives if o.met}
    for objective in end.objectives_met or []:
        if objective not in met:
            messages.append(said("objective_not_met", objective=objective))
    found = {f.rule for f in report.findings}
    for rule in end.rules or []:
        if rule not in found:
            messages.append(said("report_finding_missing", rule=rule, got=sorted(found)))
    for rule in end.no_rules or []:
        if rule in found:
            messages.append(said("report_finding_unwanted", rule=rule))
    if end.no_critical and report.failed_by_critical:
        messages.append(said("report_no_critical"))
    failures.extend(Failure(conversation.name, located.problem(end_loc, m)) for m in messages)
    return failures


def golden_files(directory: Path) -> list[Path]:
    return sorted(directory.rglob(f"*{TEST_SUFFIX}"))
