"""What HR asks of the records: who reached which level, who is stuck where, what goes wrong."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from simulator.records.store import Store
from simulator.tracks import Track

_NONE: frozenset[str] = frozenset()


@dataclass(slots=True)  # not frozen: a centre's overview makes thousands (see TraineeSummary)
class TraineeProgress:
    trainee: str
    cohort: str | None
    attempts: int
    passes: int
    best_score: float | None
    level: str | None  # the highest level reached
    next_level: str | None  # None when the track is done
    missing: list[str]  # scenarios the next level still needs
    # Per level: (id, achieved, scenario -> a qualifying pass exists).
    levels: list[tuple[str, bool, dict[str, bool]]]


def overview(
    store: Store, track: Track, now: datetime, *, cohort: str | None = None
) -> list[TraineeProgress]:
    """Every trainee's level: one query a level for all trainees at once (the records of a
    whole centre), with the same rules as `tracks.progress`."""
    # (level id, its scenarios, trainee -> the scenarios they hold a counting pass of)
    plan = [
        (
            level.id,
            tuple(level.scenarios),
            store.qualifying(
                level.scenarios,
                min_score=level.min_score,
                exam=level.exam,
                finished_since=(
                    now - timedelta(days=level.within_days) if level.within_days else None
                ),
                cohort=cohort,
            ),
        )
        for level in track.levels
    ]
    rows = []
    for person in store.trainees(cohort=cohort):
        level_reached: str | None = None
        next_level: str | None = None
        missing: list[str] = []
        levels: list[tuple[str, bool, dict[str, bool]]] = []
        for level_id, scenarios, met in plan:
            mine = met.get(person.name, _NONE)
            passes = {s: s in mine for s in scenarios}
            # Levels are cumulative: one is achieved only when every level before it is.
            achieved = next_level is None and mine.issuperset(scenarios)
            levels.append((level_id, achieved, passes))
            if achieved:
                level_reached = level_id
            elif next_level is None:
                next_level, missing = level_id, [s for s in scenarios if s not in mine]
        rows.append(
            TraineeProgress(
                person.name,
                person.cohort,
                person.attempts,
                person.passes,
                person.best_score,
                level_reached,
                next_level,
                missing,
                levels,
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
