"""What one more trainee costs `collectsim serve` (issue 18 item 6, issue 17's load figures):
the exemplar matrices one copy for every app process, the encoder's threads an operator's
choice, and a call screen that redraws only what a keystroke or a turn changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Label

from scoring import encoder as encoder_module
from scoring.semantic import MAPPED_KEEP_DAYS, Index, Labelled, shared
from simulator.tui.app import CollectSimApp
from simulator.tui.screens.call import TICK_SECONDS, CallScreen, unwrapped

ROOT = Path(__file__).resolve().parent.parent

# -- the exemplar matrices: mapped from one file ---------------------------------------------


def test_a_matrix_is_mapped_read_only_from_the_cache_and_equal_to_what_was_built(
    tmp_path: Path,
) -> None:
    matrix = np.arange(12, dtype=np.float64).reshape(3, 4) / 7
    mapped = shared(matrix, tmp_path)
    files = list((tmp_path / "mapped").glob("*.npy"))
    assert len(files) == 1
    assert np.array_equal(mapped, matrix) and mapped.dtype == np.float64
    assert not mapped.flags.owndata and not mapped.flags.writeable  # the file's pages
    again = shared(matrix.copy(), tmp_path)  # another process: the same file
    assert np.array_equal(again, matrix) and list((tmp_path / "mapped").glob("*.npy")) == files


def test_a_changed_or_unwritable_map_is_never_used(tmp_path: Path) -> None:
    matrix = np.linspace(0, 1, 8, dtype=np.float64).reshape(2, 4)
    shared(matrix, tmp_path)
    (path,) = (tmp_path / "mapped").glob("*.npy")
    stored = np.load(path)
    stored[0, 0] = 42.0
    np.save(path, stored)  # altered on disk: the verdicts must not follow it
    assert np.array_equal(shared(matrix, tmp_path), matrix)
    blocked = tmp_path / "a-file"
    blocked.write_text("where the cache folder should be", encoding="utf-8")
    assert shared(matrix, blocked) is matrix
    assert shared(matrix, None) is matrix


def test_a_mapped_index_reads_every_line_as_the_one_in_memory(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((40, 384)).astype(np.float16).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    items = [Labelled(f"line {i}", "compliant" if i % 3 else "threat") for i in range(40)]
    in_memory, mapped = Index(items, vectors), Index(items, vectors, tmp_path)
    assert not mapped._exact.flags.owndata
    assert np.array_equal(mapped.vectors, in_memory.vectors)
    for row in rng.standard_normal((5, 384)).astype(np.float32):
        assert mapped.nearest(row, 7) == in_memory.nearest(row, 7)
        assert mapped.nearest_of(row, "threat") == in_memory.nearest_of(row, "threat")
        assert mapped.nearest_labelled(row, "compliant") == in_memory.nearest_labelled(
            row, "compliant"
        )


PROCESS = """
import json
from scoring.meaning import intents_by_meaning, judge_of, violations_by_meaning
from scoring.semantic import intent_index
line = "你再不还钱我们就去你单位找你，请问是王敏本人吗？"
indexes = [intent_index("zh"), judge_of("zh")]
print(json.dumps({
    "mapped": [not index._exact.flags.owndata for index in indexes],
    "intents": [r.label for r in intents_by_meaning(line, "zh")],
}))
"""


def test_app_processes_share_the_exemplar_matrices_and_read_lines_the_same(
    tmp_path: Path,
) -> None:
    """Two processes with one cache folder (as every app process of a `serve`): both map
    the same files, and read a line as a process without a cache does."""

    def run(cache: Path | None) -> dict[str, list[object]]:
        env = {k: v for k, v in os.environ.items() if k != "COLLECTSIM_VECTOR_CACHE"}
        env["OMP_NUM_THREADS"] = "1"
        if cache is not None:
            env["COLLECTSIM_VECTOR_CACHE"] = str(cache)
        out = subprocess.run(
            [sys.executable, "-c", PROCESS], cwd=ROOT, env=env, capture_output=True, check=True
        )
        result: dict[str, list[object]] = json.loads(out.stdout)
        return result

    first, second, alone = run(tmp_path), run(tmp_path), run(None)
    assert first["mapped"] == second["mapped"] == [True, True]
    assert alone["mapped"] == [False, False]
    assert first["intents"] == second["intents"] == alone["intents"]
    assert len(list((tmp_path / "mapped").glob("*.npy"))) >= 2


# -- the encoder's threads ------------------------------------------------------


@pytest.mark.parametrize(
    ("configured", "expected"), [("1", 1), ("", None), ("0", None), ("two", None), ("-1", None)]
)
def test_encoder_threads_come_from_the_environment_when_they_make_sense(
    configured: str, expected: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(encoder_module.THREADS_ENV, configured)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.4, 0.3, 0.2))
    assert encoder_module.threads() == (expected if expected is not None else 2)


@pytest.mark.parametrize(
    ("cores", "load", "expected"), [(2, 0.9, 2), (2, 1.1, 1), (2, 9.0, 1), (8, 5.0, 2), (1, 0.0, 1)]
)
def test_a_busy_machine_gets_one_encoder_thread(
    cores: int, load: float, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second thread spins while it waits for the first: on a busy machine it only burns CPU.
    monkeypatch.delenv(encoder_module.THREADS_ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0))
    assert encoder_module.threads() == expected


# -- the call screen redraws what changed ----------------------------------------------------


def test_a_card_s_height_is_known_only_when_no_line_wraps() -> None:
    assert unwrapped("☐ 核实身份\n☑ 说明欠款", 20) == 2
    assert unwrapped("☐ " + "很长" * 20, 20) is None
    assert unwrapped("", 5) == 1


async def layouts_while(pilot: Pilot[None], keys: list[str]) -> int:
    screen = pilot.app.screen
    counted = [0]
    original = Screen._refresh_layout

    def counting(self: Screen[object], *args: object, **kwargs: object) -> None:
        if self is screen:
            counted[0] += 1
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    Screen._refresh_layout = counting  # type: ignore[assignment,method-assign]
    try:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
    finally:
        Screen._refresh_layout = original  # type: ignore[method-assign]
    return counted[0]


async def test_typing_in_a_call_never_lays_the_screen_out_again(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CallScreen, "now", staticmethod(lambda: 1000.0))
    app = CollectSimApp(lang="zh", trainee="小李")
    async with app.run_test(headless=True, size=(130, 40)) as pilot:
        await pilot.pause()
        start = app.screen
        start.open_scenario("cc-m1-forgetful", mode="practice")  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        # Each keystroke changed the box's text width, and Input asked for a layout of the
        # whole screen for it (in `serve`: in every trainee's process, for every key).
        assert await layouts_while(pilot, [*"ninhao", "backspace"]) == 0
        assert app.screen.query_one("#say").value == "ninha"  # type: ignore[attr-defined]


async def test_the_call_timer_is_redrawn_once_a_minute_and_only_when_it_changes(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(CallScreen, "now", staticmethod(lambda: clock[0]))
    app = CollectSimApp(lang="en", trainee="Li")
    async with app.run_test(headless=True, size=(130, 40)) as pilot:
        await pilot.pause()
        app.screen.open_scenario("cc-m1-forgetful", mode="practice")  # type: ignore[attr-defined]
        await pilot.pause()
        call = app.screen
        assert isinstance(call, CallScreen)
        # One wake-up a minute (it was every second: most of an idle trainee's CPU); the
        # other timer is Textual's frame timer, which sleeps while nothing is to be drawn.
        intervals = [timer._interval for timer in call._timers]
        assert [i for i in intervals if i > 0.1] == [TICK_SECONDS] == [60.0]
        timer = call.query_one("#timer", Label)
        shown = str(timer.render())
        assert shown.startswith("Call time 0 min · ")
        drawn = [0]
        monkeypatch.setattr(timer, "refresh", lambda *a, **k: drawn.__setitem__(0, drawn[0] + 1))
        clock[0] += 59
        call._tick()
        assert drawn == [0] and str(timer.render()) == shown
        clock[0] += 1
        call._tick()
        assert drawn[0] >= 1 and str(timer.render()).startswith("Call time 1 min · ")


def test_a_map_that_differs_is_written_again_and_old_maps_are_removed(tmp_path: Path) -> None:
    matrix = np.linspace(0, 1, 8, dtype=np.float64).reshape(2, 4)
    shared(matrix, tmp_path)
    (path,) = (tmp_path / "mapped").glob("*.npy")
    stale = tmp_path / "mapped" / "0123.npy"  # the matrix of exemplars edited long ago
    np.save(stale, matrix * 2)
    long_ago = time.time() - (MAPPED_KEEP_DAYS + 1) * 86400
    os.utime(stale, (long_ago, long_ago))
    os.utime(path, (long_ago, long_ago))
    stored = np.load(path)
    stored[1, 1] = -1.0
    np.save(path, stored)  # a file that differs: written again, then used
    used = shared(matrix, tmp_path)
    assert not used.flags.owndata and np.array_equal(used, matrix)
    assert list((tmp_path / "mapped").iterdir()) == [path]  # no stale map, no .tmp left
