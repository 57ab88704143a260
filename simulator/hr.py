"""What HR asks of the records: who reached which level, who is stuck where, what goes wrong."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from simulator.records.store import Store
from simulator.tracks import Track, progress


@dataclass(frozen=True, slots=True)
class TraineeProgress:
    trainee: str
    cohort: str | None
    attempts: int
    passes: int
    best_score: float | None
    level: str | None  # the highest level reached
    next_level: str | None  # None when the track is done
    missing: list[str]  # scenarios the next level still needs


def overview(
    store: Store, track: Track, now: datetime, *, cohort: str | None = None
) -> list[TraineeProgress]:
    rows = []
    for person in store.trainees(cohort=cohort):
        reached = progress(track, store.results(person.name), now)
        stuck = reached.stuck_at()
        rows.append(
            TraineeProgress(
                trainee=person.name,
                cohort=person.cohort,
                attempts=person.attempts,
                passes=person.passes,
                best_score=person.best_score,
                level=reached.highest.id if reached.highest else None,
                next_level=stuck[0].id if stuck else None,
                missing=stuck[1] if stuck else [],
            )
        )
    return rows


def level_counts(rows: list[TraineeProgress], track: Track) -> list[tuple[str, int]]:
    """How many trainees hold each level as their highest (first: none yet)."""
    counts = Counter(row.level for row in rows)
    return [("—", counts.get(None, 0))] + [(lv.id, counts.get(lv.id, 0)) for lv in track.levels]


def top_findings(
    store: Store, *, cohort: str | None = None, limit: int = 10
) -> list[tuple[str, str, int]]:
    """The most frequent findings of completed attempts: (rule, severity, count)."""
    return store.finding_counts(cohort=cohort, limit=limit)
