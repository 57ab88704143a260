"""Benchmark: what an idle trainee costs — the app on the call screen, nobody typing.

The app runs headless (Textual's run_test: every refresh is still laid out and rendered),
opens a call, lets the start-up work settle, then sits idle for SECONDS while this process's
CPU time is read: the share of a core one idle trainee takes (in `serve`, one app process
per trainee). Also reports how many times the screen was rendered while idle.
Run: `make bench` or `python benchmarks/bench_idle.py [SECONDS]`.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import load_average

SETTLE = 3.0
SECONDS = 20.0
WINDOWS = 4


async def idle(seconds: float) -> tuple[list[tuple[float, float]], dict[str, int]]:
    from simulator.tui.app import CollectSimApp
    from simulator.tui.screens.call import CallScreen
    from simulator.tui.screens.start import StartScreen

    app = CollectSimApp(lang="zh", trainee="bench")
    async with app.run_test(headless=True, size=(120, 40)) as pilot:
        await pilot.pause()
        start = app.screen
        assert isinstance(start, StartScreen)
        start.open_scenario("cc-m1-forgetful", mode="practice")
        await pilot.pause()
        assert isinstance(app.screen, CallScreen)
        # The catalog, the encoder's warm-up and the judge load in worker threads: on a busy
        # machine they take many seconds of wall time, and are not the idle cost.
        deadline = time.perf_counter() + 180
        while any(not w.is_finished for w in app.workers) and time.perf_counter() < deadline:
            await asyncio.sleep(0.5)
        await asyncio.sleep(SETTLE)  # the first frames
        counts = {"render": 0, "layout": 0}
        screen = app.screen
        render, layout = screen._compositor.render_update, screen._refresh_layout

        def counted_render(*args: Any, **kwargs: Any) -> Any:
            counts["render"] += 1
            return render(*args, **kwargs)

        def counted_layout(*args: Any, **kwargs: Any) -> Any:
            counts["layout"] += 1
            return layout(*args, **kwargs)

        screen._compositor.render_update = counted_render  # type: ignore[method-assign]
        screen._refresh_layout = counted_layout  # type: ignore[method-assign]
        # Windows of a few seconds: the least is the idle cost itself, the median says how
        # often something else (a collection, a worker thread) runs.
        windows: list[tuple[float, float]] = []
        for _ in range(WINDOWS):
            cpu, wall = time.process_time(), time.perf_counter()
            await asyncio.sleep(seconds / WINDOWS)
            windows.append((time.process_time() - cpu, time.perf_counter() - wall))
        return windows, counts


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else SECONDS
    print(load_average())
    windows, counts = asyncio.run(idle(seconds))
    shares = sorted(cpu / wall * 100 for cpu, wall in windows)
    wall = sum(w for _, w in windows)
    print(
        f"idle trainee on the call screen: {shares[0]:.2f} % of a core (least of "
        f"{len(windows)} windows; median {statistics.median(shares):.2f} %); "
        f"{counts['render'] / wall:.1f} screen updates and {counts['layout'] / wall:.1f} "
        "layouts a second"
    )


if __name__ == "__main__":
    main()
