"""The Transcript and Turn types that the simulator, the judge and the store exchange.

A trainee turn carries the context it was spoken in (who was on the line, whether the
debtor had been verified, which duties were in force), so judging it later needs nothing
but the transcript itself: that is what makes rescoring exact.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from scoring.ledger import Ledger
from scoring.objectives import Objective
from scoring.rubric import Rubric
from scoring.taxonomy import Channel, Party

Speaker = Literal["trainee", "persona", "system"]
Mode = Literal["practice", "exam"]


class TurnContext(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    party: Party = "debtor"
    verified: bool = False
    # Duties switched on by what happened earlier: dispute_raised, cease_requested,
    # attorney_represented, hardship, do_not_call_work, ...
    flags: tuple[str, ...] = ()


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    index: int = Field(ge=0)
    speaker: Speaker
    text: str
    at: datetime  # the call's local time when the line was said
    state: str
    mood: int
    intents: list[str] = Field(default_factory=list)
    context: TurnContext | None = None  # set on trainee turns
    hint: bool = False  # the line was a hint the trainee accepted


class Basis(BaseModel):
    """What the call is judged against, copied from the scenario when the call starts.

    A stored transcript is thereby self-contained: it can be rescored after the scenario
    file has changed or gone.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    ledger: Ledger
    rubric: Rubric
    objectives: list[Objective]
    # How the trainee reached the debtor (rules may bind only some channels); None in attempts
    # stored before it was recorded.
    channel: Channel | None = None


class Transcript(BaseModel):
    model_config = ConfigDict(extra="forbid")

    attempt_id: str
    scenario_id: str
    scenario_version: int
    scenario_hash: str
    jurisdiction: Literal["CN", "US"]
    language: str
    seed: int
    mode: Mode
    trainee: str
    started_at: datetime  # wall clock
    basis: Basis
    turns: list[Turn] = Field(default_factory=list)
    ending: str | None = None
    note: str | None = None  # the trainee's after-call note, when the scenario asks for one
    final_state: str | None = None
    final_mood: int | None = None

    def trainee_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.speaker == "trainee"]
