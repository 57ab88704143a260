"""Rubric (dimension weights and pass mark) and the objectives a scenario can ask for."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Objective = Literal[
    "disclose_identity",
    "verify_identity",
    "state_purpose",
    "state_amount",
    "explain_channels",
    "ask_reason",
    "show_empathy",
    "offer_plan",
    "get_promise_to_pay",
    "leave_callback",
    "no_disclosure",
    "honour_dispute",
    "honour_cease",
    "offer_claim",
    "close_politely",
    "write_call_note",
]

Ending = Literal[
    "promise_to_pay",
    "plan_agreed",
    "refused",
    "hung_up",
    "escalated",
    "wrong_party",
    "callback",
    "dispute_logged",
    "cease_requested",
]
# Endings the engine itself produces, outside any scenario state.
EngineEnding = Literal["trainee_ended", "turn_limit"]
SUCCESS_ENDINGS: frozenset[str] = frozenset(
    {"promise_to_pay", "plan_agreed", "callback", "dispute_logged", "cease_requested"}
)


class Weights(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tone: float = Field(default=0.25, ge=0, le=1)
    accuracy: float = Field(default=0.25, ge=0, le=1)
    compliance: float = Field(default=0.35, ge=0, le=1)
    outcome: float = Field(default=0.15, ge=0, le=1)

    @model_validator(mode="after")
    def _sum_to_one(self) -> Weights:
        total = self.tone + self.accuracy + self.compliance + self.outcome
        if abs(total - 1.0) > 1e-6:
            raise ValueError(f"weights must add up to 1 (they add up to {total:g})")
        return self


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    weights: Weights = Weights()
    pass_mark: float = Field(default=80, ge=0, le=100)
    # Endings that count as a good result for this scenario (default: the usual successes).
    good_endings: list[Ending] = Field(default_factory=lambda: sorted(SUCCESS_ENDINGS))  # type: ignore[arg-type]
