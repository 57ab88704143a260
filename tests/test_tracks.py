"""Certification tracks: which attempts qualify, levels in order, shipped track is valid."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from scoring.i18n import Bilingual
from simulator.authoring.validation import validate
from simulator.engine.loader import ScenarioError
from simulator.records.results import AttemptResult
from simulator.training.tracks import Level, Track, load_track, load_tracks, progress

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 29, 12, 0)
T = Bilingual(zh="级", en="level")
TRACK = Track(
    id="t-test",
    title=T,
    summary=T,
    levels=[
        Level(id="L1", title=T, scenarios=["a", "b"], min_score=80, within_days=30),
        Level(id="L2", title=T, scenarios=["c"], min_score=90),
    ],
)


def attempt(scenario: str, **changes: object) -> AttemptResult:
    base: dict[str, object] = {
        "scenario_id": scenario,
        "mode": "exam",
        "completed": True,
        "passed": True,
        "critical": False,
        "score": 92.0,
        "finished_at": NOW - timedelta(days=1),
    }
    return AttemptResult(**{**base, **changes})  # type: ignore[arg-type]


def test_all_required_passes_achieve_every_level() -> None:
    result = progress(TRACK, [attempt("a"), attempt("b"), attempt("c")], NOW)
    assert [p.achieved for p in result.levels] == [True, True]
    assert result.highest is not None and result.highest.id == "L2"
    assert result.stuck_at() is None


@pytest.mark.parametrize(
    "changes",
    [
        {"mode": "practice"},
        {"critical": True},
        {"passed": False},
        {"completed": False},
        {"score": 79.9},
        {"finished_at": NOW - timedelta(days=31)},
    ],
)
def test_attempts_that_do_not_qualify(changes: dict[str, object]) -> None:
    result = progress(TRACK, [attempt("a"), attempt("b", **changes)], NOW)
    assert not result.levels[0].achieved
    level, missing = result.stuck_at() or (None, [])
    assert level is not None and level.id == "L1" and missing == ["b"]


def test_levels_are_cumulative() -> None:
    result = progress(TRACK, [attempt("a"), attempt("c")], NOW)
    assert result.levels[1].met == {"c": True}
    assert not result.levels[1].achieved  # L2's scenario passed, but L1 is not done


def test_shipped_track_is_valid_and_names_real_scenarios() -> None:
    [track] = load_tracks(ROOT / "scenarios" / "tracks")
    assert [level.id for level in track.levels] == ["L1", "L2", "L3"]
    _, problems = validate([ROOT / "scenarios"])
    assert problems == []


def test_track_with_unknown_scenario_is_reported(tmp_path: Path) -> None:
    text = (ROOT / "scenarios" / "tracks" / "collector-certification.track.yaml").read_text("utf-8")
    (tmp_path / "tracks").mkdir()
    path = tmp_path / "tracks" / "x.track.yaml"
    path.write_text(text.replace("cc-m1-forgetful", "no-such-scenario"), encoding="utf-8")
    _, problems = validate([path])
    assert any("unknown scenario 'no-such-scenario'" in str(p) for p in problems)


def test_broken_track_file_is_one_error_with_position(tmp_path: Path) -> None:
    path = tmp_path / "x.track.yaml"
    path.write_text("id: x-track\ntitle: {zh: a, en: b}\nsummary: {zh: a, en: b}\nlevels: []\n")
    with pytest.raises(ScenarioError) as caught:
        load_track(path)
    assert str(caught.value.problems[0]).startswith(f"{path}:4:")
