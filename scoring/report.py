"""The feedback report: what the trainee scored, and every point lost with its quote."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from scoring.findings import Finding
from scoring.i18n import Bilingual, Lang
from scoring.objectives import Status


class ObjectiveResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    label: Bilingual
    met: bool
    # met / missed / impossible (the other party made it so; not counted in the outcome).
    status: Status = "missed"
    turn: int | None = None  # the trainee turn that met it, where one line did
    why: Bilingual | None = None  # why it was missed or impossible


class Deduction(BaseModel):
    """Points one dimension lost, and to what: a finding, an objective, the ending, a line."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    points: float  # negative: points given back (a line whose tone is above the base)
    turn: int | None
    rule: str | None  # the finding's rule, when a finding cost them
    text: Bilingual


class LineTone(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    turn: int
    score: float
    markers: list[dict[str, object]]


class Outcome(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ending: str | None
    good: bool
    final_mood: int | None
    promise_amounts: list[float]
    promise_dates: list[str]


class Report(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    attempt_id: str
    scenario_id: str
    scenario_hash: str
    rulepack: str  # "CN 2026.11.1 (hash)"
    # What read the lines: the encoder and its exemplars' hash (scoring/understanding.py;
    # empty in reports made before it existed).
    understanding: str = ""
    mode: str
    language: str
    passed: bool
    failed_by_critical: bool
    # Not passed because the call ended without a plan, a promise or an honest next step.
    failed_by_outcome: bool = False
    score: float
    pass_mark: float
    dimensions: dict[str, float]
    weights: dict[str, float]
    findings: list[Finding]
    objectives: list[ObjectiveResult]
    outcome: Outcome
    hints_used: int
    hint_cost: float = 3.0  # points each hint cost (the rubric's)
    mood_curve: list[tuple[int, int]]
    tone_by_line: list[LineTone]
    # What cost each dimension its points (sums to 100 − the dimension, before rounding).
    deductions: dict[str, list[Deduction]] = {}

    def to_json(self, lang: Lang) -> dict[str, object]:
        """The stable JSON shape (see DESIGN.md); messages in `lang`, both languages kept."""
        return {
            "passed": self.passed,
            "score": self.score,
            "pass_mark": self.pass_mark,
            "failed_by_critical": self.failed_by_critical,
            "failed_by_outcome": self.failed_by_outcome,
            "dimensions": self.dimensions,
            "weights": self.weights,
            "findings": [
                {
                    "turn": f.turn,
                    "dimension": f.dimension,
                    "rule": f.rule,
                    "category": f.category,
                    "severity": f.severity,
                    "quote": f.quote,
                    "evidence": f.evidence,
                    "message": f.message.get(lang),
                    "suggestion": f.suggestion.get(lang),
                    "citation": f.citation,
                    "i18n": {
                        "message": f.message.model_dump(),
                        "suggestion": f.suggestion.model_dump(),
                    },
                }
                for f in self.findings
            ],
            "objectives": [
                {"name": o.name, "met": o.met, "status": o.status, "label": o.label.get(lang)}
                for o in self.objectives
            ],
            "outcome": self.outcome.model_dump(),
            "hints_used": self.hints_used,
            "mood_curve": [list(point) for point in self.mood_curve],
            "tone_by_line": [t.model_dump() for t in self.tone_by_line],
            "attempt": self.attempt_id,
            "scenario": self.scenario_id,
            "scenario_hash": self.scenario_hash,
            "rulepack": self.rulepack,
            "understanding": self.understanding,
            "mode": self.mode,
        }
