"""The engine's policy as validated data (`data/policy.yaml`): what each mode allows, what
each difficulty level means, how the persona's mood moves. The app and the command line
read the same policy, so they cannot differ."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring.data_files import load_yaml
from scoring.i18n import Lang
from scoring.said import SaidError
from scoring.transcript import Mode
from simulator.engine.phrases import ENGINE

DATA = Path(__file__).parent / "data" / "policy.yaml"


def _unknown_intents(names: list[str]) -> list[str]:
    """The names that are no intent (the intents are read only when a policy is)."""
    from scoring.intents import intent_names

    return sorted(set(names) - set(intent_names()))


class SeedError(SaidError, ValueError):
    """A seed the mode does not allow (an exam's persona is the same for every trainee)."""

    book = ENGINE


class ModePolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    warnings: bool
    hints: bool
    seed: Literal["tries", "fixed"]
    fixed_seed: int = 0

    def seed_for(self, mode: str, tries: int = 0, requested: int | None = None) -> int:
        """The seed of a new attempt: the one asked for where the mode allows it."""
        if self.seed == "fixed":
            if requested is not None and requested != self.fixed_seed:
                raise SeedError("fixed_seed", mode=mode, fixed=self.fixed_seed, requested=requested)
            return self.fixed_seed
        return tries if requested is None else requested


class HandledWell(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    empathy_shown: bool = False
    min_mood: int = Field(default=0, ge=0, le=100)
    clean_tone: bool = False
    feasible_plan: bool = False


class Difficulty(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # How many times a concession is refused first: one of these, chosen by seed.
    resist: list[int] = Field(min_length=1)
    # When set, a concession is made only to a line handled this well.
    handled_well: HandledWell | None = None
    # A concession refused earlier is asked again by a later line with one of these intents
    # (the trainee insisting politely: the offer restated, a date proposed, the deal confirmed),
    # as if the offer itself had been said again.
    insist: list[str] = Field(default_factory=list)
    # A line with one of these (an answer to the refusal's worry) asks again a refused
    # concession that is itself one of `insist` or of these, never another kind (a check).
    soothe: list[str] = Field(default_factory=list)
    # A payment asked for on the persona's own day (on or after its budget's `by`, the day it
    # names when it refuses: "得等15号发工资") is refused no more than this many times in all:
    # the persona does not refuse, again, the day it named itself. None: no such cap.
    own_day_refusals: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _known(self) -> Difficulty:
        unknown = _unknown_intents([*self.insist, *self.soothe])
        if unknown:
            raise ValueError(f"difficulty: unknown intents {unknown}")
        return self


class MoodDynamics(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    warm_step: int = Field(ge=1)
    warm_cap: int = Field(ge=0, le=100)
    rude_factor: float = Field(ge=0, le=5)
    rude_cap: int = Field(ge=0, le=100)


def _pattern(value: str) -> str:
    """A regular expression that compiles (checked when the policy is read, not mid-call)."""
    try:
        re.compile(value)
    except re.error as problem:
        raise ValueError(f"not a regular expression: {value!r} ({problem})") from None
    return value


class LeaveTaking(BaseModel):
    """Words around a relative day that make it a leave-taking, not a proposal."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    after: str = ""  # matched at the text right after the day word
    before: str = ""  # matched at the end of the text before it

    @model_validator(mode="after")
    def _compiles(self) -> LeaveTaking:
        _pattern(self.after)
        _pattern(self.before)
        return self

    def says(self, text: str, start: int, end: int) -> bool:
        """Whether the day at text[start:end] is said to take leave."""
        after = bool(self.after) and re.match(self.after, text[end:]) is not None
        before = bool(self.before) and re.search(self.before, text[:start]) is not None
        return after or before


class Bystanders(BaseModel):
    """How a line opens when it is said to someone else who is there: a form of address from
    the scenario (`persona.bystanders`: 大爷, 阿姨) followed by what `follows` matches in the
    scenario's language (您好, a comma, 没事…), not a mention (阿姨那边…)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    follows: dict[Lang, str]
    # Words before the debtor's name that seek him in the third person ("我们来找海波说点事"):
    # said with him verified and on, the line is said to someone else who is there.
    seeking: dict[Lang, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _compiles(self) -> Bystanders:
        for value in [*self.follows.values(), *self.seeking.values()]:
            _pattern(value)
        return self


class Capacity(BaseModel):
    """How a line asks the debtor what it can pay (`at_all`), and a month (`monthly`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at_all: str
    monthly: str

    @model_validator(mode="after")
    def _compiles(self) -> Capacity:
        _pattern(self.at_all)
        _pattern(self.monthly)
        return self

    def asked(self, norm: str) -> Literal["monthly", "at_once"] | None:
        """Whether a (normalised) line asks what the debtor can pay, and how."""
        if re.search(self.at_all, norm, re.IGNORECASE) is None:
            return None
        return "monthly" if re.search(self.monthly, norm, re.IGNORECASE) else "at_once"


class NegotiationPolicy(BaseModel):
    """Which lines make an offer the persona answers by its budget, and how a figure's role
    (`scoring.figures`) reads as an instalment or a lump sum."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    proposing: list[str] = Field(min_length=1)  # intents that put figures on the table
    monthly_roles: list[str] = Field(min_length=1)
    lump_roles: list[str] = Field(min_length=1)
    # An unlabelled figure in a proposing line is a lump sum.
    unlabelled_is_lump: bool = True
    # A day said relative to the call's only to take leave ("今天打扰了", "thanks for your
    # time today") is no day to pay: what follows the day word (`after`) or what comes before
    # it (`before`) says so, per language.
    leave_taking: dict[Lang, LeaveTaking] = Field(default_factory=dict)
    # "您看月底能先拿出多少？" / "how much could you pay a month?": the collector asks the
    # debtor to name a figure, and the persona names what its budget allows.
    capacity: dict[Lang, Capacity] = Field(default_factory=dict)
    # The intent such a question is heard as first, before an offer the same line makes with
    # no instalment count ("月底能先拿多少？不行先还一部分也可以谈" asks, it offers no plan).
    capacity_intent: str | None = None
    # Words just before an instalment count that make it the instalments left after a payment
    # the line names before them ("先还2966.2，后面两期", "the remaining 2 payments"): the
    # plan counts that payment too. Per language, matched at the end of the text before it.
    remainder: dict[Lang, str] = Field(default_factory=dict)
    # The roles of a figure said before such a count that make it a payment (not a waiver:
    # "减免253.95元，剩下的分12期" is twelve instalments). A day said before it is one too.
    remainder_roles: list[str] = Field(default_factory=list)
    # Each offered figure a counter's line may blame, with the figure the persona says back in
    # its place: a line blaming only figures it would echo unchanged ("15号不行，我15号才发工资"
    # where only the sum was too much) is not said while another line is left.
    blames: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known(self) -> NegotiationPolicy:
        for pattern in self.remainder.values():
            _pattern(pattern)
        from simulator.engine.scenario import PLACEHOLDERS

        if unknown_figures := sorted({*self.blames, *self.blames.values()} - PLACEHOLDERS):
            raise ValueError(f"negotiation.blames: unknown placeholders {unknown_figures}")
        from scoring.figures import Role

        unknown = _unknown_intents([*self.proposing, *filter(None, [self.capacity_intent])])
        roles = set(get_args(Role))
        unknown += sorted({*self.monthly_roles, *self.lump_roles, *self.remainder_roles} - roles)
        if unknown:
            raise ValueError(f"negotiation: unknown intents or roles {unknown}")
        return self


class ActMemory(BaseModel):
    """What the persona remembers the trainee has done: an act said before the state that
    waits for it (an apology before verification) counts when that state is reached."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    acts: list[str] = Field(min_length=1)  # intents that establish a fact of the call
    lines: int = Field(ge=1, le=50)  # how many trainee lines back an act is remembered
    steps: int = Field(ge=1, le=5)  # at most this many moves on remembered acts per line
    # Acts that, once they have moved the persona, are answered "already said" when a line
    # does nothing but them again.
    settled: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known(self) -> ActMemory:
        unknown = _unknown_intents([*self.acts, *self.settled])
        if unknown:
            raise ValueError(f"memory: unknown intents {unknown}")
        return self


class LineSteps(BaseModel):
    """How one line can count for more than one step: a question read by meaning beside a
    statement read by wording, and an offer confirmed in the line that makes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Intents that ask the persona to answer or commit ("15号当天还上，行不行"): read by meaning
    # beside a statement the wording found (App里还), they are tried with the wording's intents,
    # not after them.
    asks: list[str] = Field(min_length=1)
    # A line that moves the persona on one of `proposes` and also says one of `confirms`
    # ("那就按36期办，首期下个月扣，您看行吗") takes the confirming step too, from the state the
    # offer reached, where that state accepts it, the persona did not counter or refuse the
    # figures, and the step costs no mood.
    proposes: list[str] = Field(min_length=1)
    confirms: list[str] = Field(min_length=1)
    # Leave-takings read by meaning only: in a line that also moves the persona by another act
    # ("那就月底前还，剩下的再约时间谈"), the other act is heard first and the goodbye only if
    # nothing else moves. A goodbye the wording says keeps its place.
    closings: list[str] = Field(default_factory=list)
    # A goodbye in a line whose other act moved the persona is then heard from the state that
    # act reached (the persona's next step, where it takes one that costs nothing).
    closes_after: list[str] = Field(default_factory=list)
    # A day proposed beside an offer that moved the persona ("分6期，第一期月底还，行吗"; or
    # said as the line insists on an offer refused before) is then heard from the state the
    # offer reached, as this intent: the persona answers the day instead of asking for it.
    dated_after: list[str] = Field(default_factory=list)
    # A question asked beside a statement that moved the persona ("…支付宝都能还，那您哪天能
    # 还上？") is then heard from the state the statement reached: the persona answers it.
    asked_after: list[str] = Field(default_factory=list)
    # Courtesies tagged onto another act that moves the persona ("…难做吧？谢谢您") are no act
    # of their own there: heard after that act and never replayed after it (unlike a goodbye).
    courtesies: list[str] = Field(default_factory=list)
    # Understanding or an apology said with an offer the persona refuses where it is ("理解您
    # 的难处，我们可以给您分6期") is heard first, where its edge lifts the mood or leaves the
    # state: the offer is then weighed from there, as if said next.
    soothes_first: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known(self) -> LineSteps:
        names = [
            *self.asks,
            *self.proposes,
            *self.confirms,
            *self.closings,
            *self.closes_after,
            *self.dated_after,
            *self.asked_after,
            *self.courtesies,
            *self.soothes_first,
        ]
        unknown = _unknown_intents(names)
        if unknown:
            raise ValueError(f"steps: unknown intents {unknown}")
        return self


class EnginePolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    modes: dict[Mode, ModePolicy]
    difficulty: dict[Literal[1, 2, 3], Difficulty]
    mood: MoodDynamics
    negotiation: NegotiationPolicy
    memory: ActMemory
    steps: LineSteps
    bystanders: Bystanders

    @model_validator(mode="after")
    def _complete(self) -> EnginePolicy:
        if set(self.modes) != {"practice", "exam"} or set(self.difficulty) != {1, 2, 3}:
            raise ValueError("policy: both modes and difficulty levels 1, 2 and 3 are needed")
        return self


@cache
def policy() -> EnginePolicy:
    return EnginePolicy.model_validate(load_yaml(DATA))


def mode_policy(mode: Mode) -> ModePolicy:
    return policy().modes[mode]
