"""The scenario file model: a persona, its states and transitions, the ledger and the rubric."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scoring.endings import Ending
from scoring.i18n import Bilingual, Lang, lang_of
from scoring.ledger import Ledger
from scoring.objectives import Objective
from scoring.rubric import Rubric
from scoring.taxonomy import PRODUCTS, Channel, Party
from simulator.engine.actions import ACTION_NAMES
from simulator.engine.memory import asks
from simulator.engine.problem_lines import invalid

SPECIAL_TRIGGERS = ("any", "unrecognised")
# Figures a persona line may echo, filled in as the call goes (`engine.negotiation`):
# what is on the table now, what the collector last offered, the persona's own budget, and
# the ledger's. Never a figure written into the line.
PLACEHOLDERS = frozenset(
    {
        "months",  # the plan on the table: its instalments ...
        "monthly",  # ... and each one's amount
        "amount",  # the lump sum on the table
        "date",  # the day of the payment (or first instalment) on the table
        "offered_months",  # what the collector last proposed, figure by figure
        "offered_monthly",
        "offered_amount",
        "offered_date",
        "can_now",  # the persona's budget: what it can pay at once ...
        "can_monthly",  # ... a month ...
        "can_by",  # ... and from which day
        "total",  # the ledger's overdue total
        "minimum",  # the ledger's minimum payment (the total where it has none)
    }
)
NEEDS_BUDGET = frozenset({"can_now", "can_monthly", "can_by"})
NEEDS_PLANS = frozenset({"months", "monthly", "offered_months", "offered_monthly"})
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders(line: str) -> set[str]:
    """The figures a persona line echoes (`{monthly}`, `{date}` …)."""
    return set(PLACEHOLDER.findall(line))


def _known_placeholders(lines: list[str] | None) -> list[str] | None:
    for line in lines or []:
        if "{" not in line:  # most lines echo no figure: no pattern to run
            continue
        unknown = sorted(placeholders(line) - PLACEHOLDERS)
        if unknown:
            known = ", ".join(sorted(PLACEHOLDERS))
            raise invalid("unknown_figure", name=unknown[0], line=repr(line), known=known)
    return lines


_IDENT = r"^[a-z][a-z0-9_]*$"
_DOTTED = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+$")


class MoodLines(BaseModel):
    """Persona lines by mood band: calm (mood >= 60), upset (30-59), angry (< 30)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    calm: list[str] = Field(min_length=1)
    upset: list[str] | None = None
    angry: list[str] | None = None

    _figures = field_validator("calm", "upset", "angry")(
        classmethod(lambda cls, v: _known_placeholders(v))
    )

    def pick_band(self, mood: int) -> list[str]:
        if mood < 30 and self.angry:
            return self.angry
        if mood < 60 and self.upset:
            return self.upset
        return self.calm

    def all_lines(self) -> list[str]:
        return [*self.calm, *(self.upset or []), *(self.angry or [])]


def _as_mood_lines(value: object) -> object:
    if isinstance(value, str):
        return {"calm": [value]}
    if isinstance(value, list):
        return {"calm": value}
    return value


def _action_name(name: str) -> str:
    if _DOTTED.match(name):
        raise invalid("action_import_path", name=name)
    if name not in ACTION_NAMES:
        known = ", ".join(sorted(ACTION_NAMES))
        raise invalid("unknown_action", name=name, known=known)
    return name


class StateSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    say: MoodLines
    party: Party = "debtor"
    ending: Ending | None = None
    resist: MoodLines | None = None
    confused: MoodLines | None = None
    # Understood, but not what this state can use ("I hear you, but…"): not "didn't understand".
    unexpected: MoodLines | None = None
    on_enter: list[str] = Field(default_factory=list)
    # Intents this state tries first when a line holds several: "is this Ray? this is Mia
    # from Bayline" asks for Ray before it says who calls, where the state means to hear that.
    prefer: list[str] = Field(default_factory=list)
    # Acts this state waits for that a trainee may well have done in an earlier line (an
    # apology before verification): done then, they count on arriving here (`engine.persona`).
    remembers: list[str] = Field(default_factory=list)
    note: str = ""  # for trainers reading the file; never shown to trainees

    _lines = field_validator("say", "resist", "confused", "unexpected", mode="before")(
        classmethod(lambda cls, v: _as_mood_lines(v))
    )

    @field_validator("on_enter")
    @classmethod
    def _registry_only(cls, names: list[str]) -> list[str]:
        return [_action_name(n) for n in names]


class Condition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mood_at_least: int | None = Field(default=None, ge=0, le=100)
    mood_below: int | None = Field(default=None, ge=0, le=101)
    flags: list[str] = Field(default_factory=list)
    not_flags: list[str] = Field(default_factory=list)
    # The line names an instalment count the ledger allows.
    feasible_plan: bool | None = None
    # The line states at least one amount, and every amount is a ledger figure.
    correct_amount: bool | None = None
    # The persona's answer to what the line proposes (an amount, instalments, a date), by its
    # budget and the ledger's plans; `none` when the line proposes nothing.
    offer: list[Literal["accept", "counter", "refuse", "none"]] | None = None
    # The persona countered the day alone: it takes the money as offered (a plan it can
    # carry, a sum it has), not that early. False: a counter of the money (or no counter).
    day_only: bool | None = None
    # The line itself says an amount (a part payment proposed with its figure, not a bare
    # "how much can you pay?").
    amount_said: bool | None = None
    # The line asks what the debtor can pay ("您看月底能先拿出多少？", the policy's
    # `negotiation.capacity`): its budget's figures are on the table, as a counter.
    capacity_asked: bool | None = None
    # What the trainee has already said, this line or earlier (names of the persona's asks in
    # `engine/data/asks.yaml`: amount, caller, staff_id…): a persona does not ask for it again.
    told: list[str] = Field(default_factory=list)
    not_told: list[str] = Field(default_factory=list)
    # The judge found the line tells someone other than the debtor about the debt (a
    # neighbour at the door hears "how's the shop going?" as small talk, "why haven't you
    # paid?" as the debt).
    disclosed: bool | None = None

    @field_validator("offer", mode="before")
    @classmethod
    def _offer_list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("told", "not_told")
    @classmethod
    def _known_asks(cls, names: list[str]) -> list[str]:
        unknown = sorted(set(names) - set(asks()))
        if unknown:
            known = ", ".join(sorted(asks()))
            raise invalid("unknown_ask", name=unknown[0], known=known)
        return names


_NO_CONDITION = Condition()


class TransitionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: list[str] = Field(alias="from", min_length=1)
    on: list[str] = Field(min_length=1)
    to: str
    # One shared instance (frozen): a default model would be deep-copied for every transition.
    when: Condition = Field(default_factory=lambda: _NO_CONDITION)
    mood: int = Field(default=0, ge=-100, le=100)
    actions: list[str] = Field(default_factory=list)
    set_flags: list[str] = Field(default_factory=list)  # the scenario's own flags, for `when`
    concession: bool = False  # difficulty makes the persona resist before giving this
    # The line that took this edge is heard again from the state it reaches: the move was only
    # the occasion (he sees the payee as he reads it), the line's offer is still to answer.
    rehear: bool = False
    say: MoodLines | None = None

    @field_validator("source", "on", mode="before")
    @classmethod
    def _listify(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    _lines = field_validator("say", mode="before")(classmethod(lambda cls, v: _as_mood_lines(v)))

    @field_validator("actions")
    @classmethod
    def _registry_only(cls, names: list[str]) -> list[str]:
        return [_action_name(n) for n in names]


class Call(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    local_time: datetime
    channel: Literal["phone", "visit", "chat"] = "phone"
    max_turns: int = Field(default=30, ge=2, le=200)
    seconds_per_turn: int = Field(default=20, ge=1, le=600)

    @property
    def judged_channel(self) -> Channel:
        """The rule packs' name for this channel (a phone call is `call`)."""
        return "call" if self.channel == "phone" else self.channel


class Budget(BaseModel):
    """What the debtor can pay: at once, a month, and from which day (payday, benefits)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    now: Decimal = Field(default=Decimal("0"), ge=0)  # in one payment, from `by`
    monthly: Decimal = Field(default=Decimal("0"), ge=0)  # at most, an instalment
    by: date  # no payment (nor first instalment) can be made before this day
    note: str = ""  # the circumstance, for trainers reading the file


class Persona(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    role: str = "debtor"
    mood: int = Field(default=60, ge=0, le=100)
    hangs_up_below: int = Field(default=10, ge=0, le=100)
    traits: list[str] = Field(default_factory=list)
    # Scales the mood drop from a rude line: 1.5 touchy, 0.5 thick-skinned.
    temper: float = Field(default=1.0, ge=0, le=3)
    # What the debtor can afford. Several: one circumstance per call, chosen by the seed.
    budget: list[Budget] = Field(default_factory=list)
    # How a trainee addresses someone else who is there (a neighbour passing, his mother at
    # the door: 大爷, 阿姨): a line that opens with one of these, while the debtor is on, is
    # said to them, and the debtor waits instead of taking it as said to him.
    bystanders: list[str] = Field(default_factory=list, max_length=30)

    @field_validator("bystanders")
    @classmethod
    def _short_words(cls, words: list[str]) -> list[str]:
        bad = [w for w in words if not 1 <= len(w.strip()) <= 12]
        if bad:
            raise ValueError(f"bystanders: a form of address is 1-12 characters: {bad}")
        return [w.strip() for w in words]

    @field_validator("budget", mode="before")
    @classmethod
    def _budget_list(cls, value: object) -> object:
        return [value] if isinstance(value, dict) else value


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{2,63}$")
    title: Bilingual
    summary: Bilingual
    language: Literal["zh-CN", "en-US"]
    jurisdiction: Literal["CN", "US"]
    difficulty: Literal[1, 2, 3]
    tags: list[str] = Field(default_factory=list)
    call: Call
    ledger: Ledger
    persona: Persona
    initial: str
    states: dict[str, StateSpec] = Field(min_length=2)
    transitions: list[TransitionSpec] = Field(min_length=1)
    confused: MoodLines | None = None
    unexpected: MoodLines | None = None
    objectives: list[Objective] = Field(min_length=1)
    rubric: Rubric = Rubric()
    content_hash: str = ""

    _confused = field_validator("confused", "unexpected", mode="before")(
        classmethod(lambda cls, v: _as_mood_lines(v))
    )

    @field_validator("ledger")
    @classmethod
    def _names_its_lender(cls, ledger: Ledger) -> Ledger:
        # Which rules bind the call depends on the lender (None is kept only for old attempts).
        if ledger.product_type is None:
            known = ", ".join(PRODUCTS)
            raise invalid("product_type_required", known=known)
        return ledger

    @field_validator("states")
    @classmethod
    def _state_names(cls, states: dict[str, StateSpec]) -> dict[str, StateSpec]:
        for name in states:
            if not re.match(_IDENT, name):
                raise invalid("state_name_snake", name=name)
        return states

    @model_validator(mode="after")
    def _caller_named(self) -> Scenario:
        # A US collector must give the agency's true business name (FDCPA §1692e(14)); the
        # trainee can only do so when the scenario says who they are.
        if self.jurisdiction == "US" and not (self.ledger.agency and self.ledger.collector):
            raise invalid("us_names_agency")
        return self

    @model_validator(mode="after")
    def _budget_in_call(self) -> Scenario:
        call_day = self.call.local_time.date()
        for budget in self.persona.budget:
            if budget.by < call_day:
                raise invalid("budget_before_call", by=budget.by, day=call_day)
        return self

    @model_validator(mode="after")
    def _thresholds(self) -> Scenario:
        if self.persona.hangs_up_below > self.persona.mood:
            raise invalid("hangs_up_above_mood")
        return self

    @property
    def lang(self) -> Lang:
        return lang_of(self.language)

    def persona_lines(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every line the persona may say, with where it is in the file."""
        found: list[tuple[tuple[str | int, ...], str]] = []

        def add(loc: tuple[str | int, ...], lines: MoodLines | None) -> None:
            for band in ("calm", "upset", "angry"):
                for i, line in enumerate(getattr(lines, band, None) or []):
                    found.append(((*loc, band, i), line))

        add(("confused",), self.confused)
        add(("unexpected",), self.unexpected)
        for name, state in self.states.items():
            for kind in ("say", "resist", "confused", "unexpected"):
                add(("states", name, kind), getattr(state, kind))
        for index, transition in enumerate(self.transitions):
            add(("transitions", index, "say"), transition.say)
        return found

    def endings(self) -> dict[str, str]:
        """State name -> ending, for every ending state."""
        return {name: s.ending for name, s in self.states.items() if s.ending is not None}


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]
