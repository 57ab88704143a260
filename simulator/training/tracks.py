"""Certification tracks: levels of required scenarios, and a trainee's progress on them.

Progress is always computed from the attempt records, never stored by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring.i18n import Bilingual
from simulator.engine.loader import load_model
from simulator.engine.paths import scenarios_dir
from simulator.engine.problem_lines import invalid
from simulator.records.results import AttemptResult

TRACK_SUFFIX = ".track.yaml"


class Level(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,31}$")
    title: Bilingual
    scenarios: list[str] = Field(min_length=1)
    min_score: float = Field(default=80, ge=0, le=100)
    exam: bool = True  # passes must be exam-mode attempts
    within_days: int | None = Field(default=None, ge=1, le=3650)


class Track(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{2,63}$")
    title: Bilingual
    summary: Bilingual
    levels: list[Level] = Field(min_length=1)
    # An exam closed before its end (a closed tab, a killed process): "failed" — it stays a
    # failed try and only a trainer re-opens it (`hr reopen`); "resumable" — the trainee may
    # take it up again (F4, --resume), as a practice call.
    abandoned_exam: Literal["failed", "resumable"] = "failed"

    def has(self, scenario_id: str) -> bool:
        return any(scenario_id in level.scenarios for level in self.levels)

    @model_validator(mode="after")
    def _unique_levels(self) -> Track:
        ids = [level.id for level in self.levels]
        if len(ids) != len(set(ids)):
            raise invalid("level_ids_unique")
        return self


def evidence(track: Track, attempts: Iterable[AttemptResult], now: datetime) -> list[AttemptResult]:
    """The best qualifying attempt for every scenario of every level reached."""
    attempts = list(attempts)
    reached = progress(track, attempts, now)
    found: list[AttemptResult] = []
    for level_progress in reached.levels:
        if not level_progress.achieved:
            break
        level = level_progress.level
        for scenario in level.scenarios:
            qualifying = [
                a for a in attempts if a.scenario_id == scenario and qualifies(a, level, now)
            ]
            found.append(max(qualifying, key=lambda a: a.score or 0.0))
    return found


@dataclass(frozen=True, slots=True)
class LevelProgress:
    level: Level
    met: dict[str, bool]  # scenario id -> a qualifying pass exists
    achieved: bool  # this level and every level before it


@dataclass(frozen=True, slots=True)
class TrackProgress:
    track: Track
    levels: list[LevelProgress]

    @property
    def highest(self) -> Level | None:
        achieved = [p.level for p in self.levels if p.achieved]
        return achieved[-1] if achieved else None

    def stuck_at(self) -> tuple[Level, list[str]] | None:
        """The first level not achieved and the scenarios it still needs."""
        for progress in self.levels:
            if not progress.achieved:
                return progress.level, [s for s, ok in progress.met.items() if not ok]
        return None


def qualifies(attempt: AttemptResult, level: Level, now: datetime) -> bool:
    if not (attempt.completed and attempt.passed and not attempt.critical):
        return False
    if attempt.score is None or attempt.score < level.min_score:
        return False
    if level.exam and attempt.mode != "exam":
        return False
    if level.within_days is not None:
        if attempt.finished_at is None:
            return False
        return now - attempt.finished_at <= timedelta(days=level.within_days)
    return True


def progress(track: Track, attempts: Iterable[AttemptResult], now: datetime) -> TrackProgress:
    attempts = list(attempts)
    levels: list[LevelProgress] = []
    previous_achieved = True
    for level in track.levels:
        met = {
            scenario: any(a.scenario_id == scenario and qualifies(a, level, now) for a in attempts)
            for scenario in level.scenarios
        }
        achieved = previous_achieved and all(met.values())
        levels.append(LevelProgress(level, met, achieved))
        previous_achieved = achieved
    return TrackProgress(track, levels)


def tracks_dir() -> Path:
    return scenarios_dir() / "tracks"


def load_track(path: Path) -> Track:
    return load_model(path, Track)[1]


def load_tracks(directory: Path | None = None) -> list[Track]:
    return [load_track(p) for p in sorted((directory or tracks_dir()).glob(f"*{TRACK_SUFFIX}"))]


def find_track(track_id: str, directory: Path | None = None) -> Track:
    for track in load_tracks(directory):
        if track.id == track_id:
            return track
    raise KeyError(track_id)


def certification_note(scenario_id: str, mode: str, tracks: Iterable[Track]) -> Bilingual:
    """Whether an attempt of this scenario in this mode can count toward certification, and
    toward which level: said before the call and in its report (the track data decides)."""
    practice_only = mode != "exam"
    for track in tracks:
        for level in track.levels:
            if scenario_id not in level.scenarios:
                continue
            where = Bilingual(zh=f"{track.title.zh} {level.id}", en=f"{track.title.en} {level.id}")
            if level.exam and practice_only:
                return Bilingual(
                    zh=f"练习模式：本次通话不计入认证（{where.zh} 只认考核模式的通过）。",
                    en=f"Practice: this call does not count toward certification "
                    f"({where.en} counts exam-mode passes only).",
                )
            return Bilingual(
                zh=f"本次通话计入认证：{where.zh}（至少 {level.min_score:.0f} 分且无严重违规）。",
                en=f"This call counts toward certification: {where.en} "
                f"(at least {level.min_score:.0f} and no critical violation).",
            )
    return Bilingual(
        zh="本场景不在认证级别中：本次通话不计入认证。",
        en="This scenario is in no certification level: the call does not count toward it.",
    )
