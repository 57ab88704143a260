"""Rubric: how a call is scored (dimension weights, pass mark and the score formula's
constants). A scenario may override any of it; the transcript keeps the rubric it was scored
under, so a rescore years later uses the same numbers."""

from __future__ import annotations

from typing import cast

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring.endings import Ending, of_class, pass_needs_good_ending


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


class Outcome(BaseModel):
    """The outcome dimension: points for objectives met (shared out) and for a good ending."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    objectives: float = Field(default=60, ge=0, le=100)
    good_ending: float = Field(default=40, ge=0, le=100)

    @model_validator(mode="after")
    def _sum_to_hundred(self) -> Outcome:
        if abs(self.objectives + self.good_ending - 100) > 1e-6:
            raise ValueError("outcome: objectives + good_ending must add up to 100")
        return self


def _good_endings() -> list[Ending]:
    return cast(list[Ending], sorted(of_class("promise", "success")))


class Rubric(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    weights: Weights = Weights()
    pass_mark: float = Field(default=80, ge=0, le=100)
    # Endings that count as a good result for this scenario (default: promise and success).
    good_endings: list[Ending] = Field(default_factory=_good_endings)
    # Whether a call must end in one of them to pass; None: the house rule in data/endings.yaml.
    pass_needs_good_ending: bool | None = None
    # Points off the total for each hint the trainee asked for.
    hint_cost: float = Field(default=3, ge=0, le=100)
    # Tone of a neutral line; tone markers move it up or down.
    tone_base: float = Field(default=80, ge=0, le=100)
    outcome: Outcome = Outcome()
    # A tone or outcome finding costs this share of its severity's points in its dimension
    # (compliance and accuracy findings cost the whole).
    tone_penalty_share: float = Field(default=0.25, ge=0, le=1)
    outcome_penalty_share: float = Field(default=0.5, ge=0, le=1)

    def needs_good_ending(self) -> bool:
        if self.pass_needs_good_ending is None:
            return pass_needs_good_ending()
        return self.pass_needs_good_ending
