"""What HR asks of the records: who reached which level, who is stuck where, what goes wrong."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from simulator.records.store import Store
from simulator.training.tracks import Track

_NONE: frozenset[str] = frozenset()


# A track's levels as overview reads them: (level id, its scenarios).
Plan = tuple[tuple[str, tuple[str, ...]], ...]


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
    reached: int  # how many levels are achieved (they are cumulative)
    met: list[frozenset[str] | set[str]]  # per level: the scenarios with a counting pass
    plan: Plan

    @property
    def levels(self) -> list[tuple[str, bool, dict[str, bool]]]:
        """Per level: (id, achieved, scenario -> a qualifying pass exists). Built when asked:
        a centre's overview would otherwise make thousands of dicts nobody reads."""
        return [
            (level_id, n < self.reached, {s: s in mine for s in scenarios})
            for n, ((level_id, scenarios), mine) in enumerate(zip(self.plan, self.met, strict=True))
        ]


def overview(
    store: Store,
    track: Track,
    now: datetime,
    *,
    cohort: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[TraineeProgress]:
    """Every trainee's level (a page of them by name with `limit` and `offset`): one query
    a level for all trainees at once (the records of a whole centre), with the same rules
    as `tracks.progress`."""
    plan: Plan = tuple((level.id, tuple(level.scenarios)) for level in track.levels)
    met_by_level = [
        store.qualifying(
            level.scenarios,
            min_score=level.min_score,
            exam=level.exam,
            finished_since=now - timedelta(days=level.within_days) if level.within_days else None,
            cohort=cohort,
        )
        for level in track.levels
    ]
    rows = []
    for person in store.iter_trainees(cohort=cohort, limit=limit, offset=offset):
        name = person.name
        met = [by_trainee.get(name, _NONE) for by_trainee in met_by_level]
        reached = 0
        next_level: str | None = None
        missing: list[str] = []
        for (level_id, scenarios), mine in zip(plan, met, strict=True):
            # Levels are cumulative: one is achieved only when every level before it is.
            if mine.issuperset(scenarios):
                reached += 1
                continue
            next_level, missing = level_id, [s for s in scenarios if s not in mine]
            break
        rows.append(
            TraineeProgress(
                name,
                person.cohort,
                person.attempts,
                person.passes,
                person.best_score,
                plan[reached - 1][0] if reached else None,
                next_level,
                missing,
                reached,
                met,
                plan,
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
