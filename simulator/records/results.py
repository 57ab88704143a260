"""What the records tell about one attempt, in the shape certification reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class AttemptResult:
    """What certification needs to know about one stored attempt."""

    scenario_id: str
    mode: str
    completed: bool
    passed: bool
    critical: bool
    score: float | None
    finished_at: datetime | None
    attempt_id: str = ""
