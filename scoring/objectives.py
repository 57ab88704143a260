"""Which of a scenario's objectives a call met: generic predicates over the analysed lines,
the findings and the ending, defined per objective in `data/objectives.yaml`."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

from scoring.analysis import Analysis
from scoring.data_files import load_yaml
from scoring.endings import EndingClass, EngineEnding, of_class
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.intents import intent_names
from scoring.ledger import Ledger
from scoring.schema_lines import invalid
from scoring.taxonomy import Category

DATA = Path(__file__).parent / "data" / "objectives.yaml"
ENGINE_ENDINGS = frozenset(
    get_args(EngineEnding)
)  # the trainee's or the clock's, not the persona's

# met: holds now; missed: the call is over and it does not hold; pending: the call goes on and it
# is judged at the end (or not yet met); impossible: the other party made it so (not counted).
Status = Literal["met", "missed", "pending", "impossible"]


def _known_intents(names: list[str]) -> list[str]:
    unknown = sorted(set(names) - set(intent_names()))
    if unknown:
        raise invalid("unknown_intents", names=", ".join(unknown))
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
    # The other party ended the call (an ending of these classes, never the trainee's own).
    persona_ended: list[EndingClass] | None = None
    # A trainee line names the ledger's agency (always true when the ledger names none).
    names_agency: Literal[True] | None = None
    any_of: list[Predicate] | None = None
    all_of: list[Predicate] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Predicate:
        given = [k for k, v in self.__dict__.items() if v is not None and k != "in_last"]
        if len(given) != 1:
            raise invalid("one_test", given=", ".join(given) or "-")
        if self.in_last is not None and self.said is None:
            raise invalid("in_last_with_said")
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
        if self.persona_ended is not None:
            return ending not in ENGINE_ENDINGS and ending in of_class(*self.persona_ended)
        if self.names_agency:
            return not ledger.agency or any(ledger.names_agency(a.text) for a in lines)
        if self.all_of is not None:
            return all(p.holds(lines, findings, ending, ledger) for p in self.all_of)
        assert self.any_of is not None  # _exactly_one: the last test left
        return any(p.holds(lines, findings, ending, ledger) for p in self.any_of)

    def at_end(self) -> bool:
        """Judged only once the call is over: the last lines, or how it ended."""
        for group in (self.any_of, self.all_of):
            if group is not None:
                return any(p.at_end() for p in group)
        return self.in_last is not None or self.ending_class is not None

    def by_line(self) -> bool:
        """Met by some line and never unmet by a later one: the first such line is "why"."""
        for group in (self.any_of, self.all_of):
            if group is not None:
                return all(p.by_line() for p in group)
        return self.in_last is None and (
            self.said is not None
            or self.tone_marker is not None
            or self.ledger_amount is not None
            or self.names_agency is not None
        )


class Impossible(BaseModel):
    """When the other party made an objective impossible: it says so and is not counted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    when: Predicate
    why: Bilingual


class ObjectiveSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Bilingual
    met: Predicate
    # What the call lacked when it is not met (the report's "why" beside ✘).
    missed: Bilingual
    impossible: Impossible | None = None


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


@dataclass(frozen=True, slots=True)
class Assessed:
    """One objective as the checklist and the report show it, at one moment of the call."""

    name: str
    status: Status
    turn: int | None  # the trainee turn that met it, where one line does
    why: Bilingual | None  # why it is missed or impossible


def assess(
    names: Sequence[str],
    lines: Sequence[tuple[int, Analysis]],
    findings: Sequence[Finding],
    ending: str | None,
    ledger: Ledger,
) -> list[Assessed]:
    """The one judgement of a call's objectives, for the live checklist (ending None: the
    call goes on) and for the report (the call is over). `lines` are the trainee's analysed
    lines with their turn index."""
    analyses = [a for _, a in lines]
    out = []
    for name in names:
        spec = objectives()[name]
        holds = spec.met.holds(analyses, findings, ending, ledger)
        turn = None
        if holds and spec.met.by_line():
            turn = next(
                i
                for k, (i, _) in enumerate(lines, start=1)
                if spec.met.holds(analyses[:k], findings, ending, ledger)
            )
        status: Status
        why = None
        if ending is None:
            status = "met" if holds and not spec.met.at_end() else "pending"
        elif holds:
            status = "met"
        elif spec.impossible and spec.impossible.when.holds(analyses, findings, ending, ledger):
            status, why = "impossible", spec.impossible.why
        else:
            status, why = "missed", spec.missed
        out.append(Assessed(name, status, turn, why))
    return out


def _predicates(spec: ObjectiveSpec) -> Iterator[Predicate]:
    """Every predicate an objective may evaluate, nested ones included."""
    stack = [spec.met] + ([spec.impossible.when] if spec.impossible else [])
    while stack:
        predicate = stack.pop()
        yield predicate
        stack.extend(predicate.any_of or ())
        stack.extend(predicate.all_of or ())


def _leaf_by_line(predicate: Predicate) -> bool:
    return predicate.any_of is None and predicate.all_of is None and predicate.by_line()


class Tracker:
    """A call's objectives kept up to date line by line, for the live checklist: each line
    is read once, so a turn costs the same at turn 500 as at turn 5 (`assess` reads the whole
    call again, and once the call is over that is what the report does; a test keeps the
    two equal at every turn of a long call).

    What the predicates read, kept as it grows: for each test that any line meets ("said",
    a tone marker, a ledger figure, the agency named), whether a line has met it yet; the
    last lines, as many as the longest `in_last` window; the rules and categories found."""

    def __init__(self, names: Sequence[str], ledger: Ledger) -> None:
        self._names = list(names)
        self._ledger = ledger
        self._specs = [objectives()[name] for name in self._names]
        predicates = [p for spec in self._specs for p in _predicates(spec)]
        # id(): the predicates are the cached objectives' own, alive as long as the cache.
        self._leaves = {id(p): p for p in predicates if _leaf_by_line(p)}
        self._held = {key: p.holds([], [], None, ledger) for key, p in self._leaves.items()}
        window = max((p.in_last for p in predicates if p.in_last), default=0)
        self._recent: deque[Analysis] = deque(maxlen=window)
        self._rules: set[str] = set()
        self._categories: set[str] = set()
        self._first: list[int | None] = [None] * len(self._specs)

    def add(self, turn: int, line: Analysis, findings: Sequence[Finding]) -> None:
        """One trainee line (at transcript index `turn`) and the findings it drew."""
        one = [line]
        for key, leaf in self._leaves.items():
            if not self._held[key]:
                self._held[key] = leaf.holds(one, [], None, self._ledger)
        if self._recent.maxlen:
            self._recent.append(line)
        self._rules.update(f.rule for f in findings)
        self._categories.update(f.category for f in findings if f.category is not None)
        for n, spec in enumerate(self._specs):
            # By-line tests only become true: the first line after which it holds met it.
            if self._first[n] is None and spec.met.by_line() and self._holds(spec.met, None):
                self._first[n] = turn

    def _holds(self, predicate: Predicate, ending: str | None) -> bool:
        held = self._held.get(id(predicate))
        if held is not None:
            return held
        if predicate.said is not None:  # with in_last (else a leaf above)
            window = list(self._recent)[-(predicate.in_last or 0) :]
            return any(a.has(intent) for a in window for intent in predicate.said)
        if predicate.no_finding_category is not None:
            return predicate.no_finding_category not in self._categories
        if predicate.no_finding_rules is not None:
            return not any(rule in self._rules for rule in predicate.no_finding_rules)
        if predicate.all_of is not None:
            return all(self._holds(p, ending) for p in predicate.all_of)
        if predicate.any_of is not None:
            return any(self._holds(p, ending) for p in predicate.any_of)
        # How the call ended: no line is read.
        return predicate.holds([], [], ending, self._ledger)

    def assessed(self, ending: str | None) -> list[Assessed]:
        """The same list `assess` gives for the lines and findings added so far."""
        out = []
        for n, (name, spec) in enumerate(zip(self._names, self._specs, strict=True)):
            holds = self._holds(spec.met, ending)
            turn = self._first[n] if holds else None
            status: Status
            why = None
            if ending is None:
                status = "met" if holds and not spec.met.at_end() else "pending"
            elif holds:
                status = "met"
            elif spec.impossible and self._holds(spec.impossible.when, ending):
                status, why = "impossible", spec.impossible.why
            else:
                status, why = "missed", spec.missed
            out.append(Assessed(name, status, turn, why))
        return out


def shows_empathy(line: Analysis, ledger: Ledger) -> bool:
    """One line meets the show_empathy objective: the persona warms to the same thing."""
    return objective_met("show_empathy", [line], [], None, ledger)


def _known_objective(name: str) -> str:
    if name not in objectives():
        raise invalid("unknown_objective", name=name, known=", ".join(objectives()))
    return name


# An objective's name, checked against the data; the JSON schema lists the names for editors.
Objective = Annotated[
    str,
    AfterValidator(_known_objective),
    WithJsonSchema({"type": "string", "enum": list(load_yaml(DATA)["objectives"])}),
]
