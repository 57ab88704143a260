"""Benchmark the app: cold start to the first interactive screen, and Enter to reply on screen.

Cold start is measured from a fresh Python process being launched to the start screen being
mounted and interactive (headless), best of five. Enter-to-reply is the time from the chat
input's submit action (what Enter does) to the persona's line being mounted, over a scripted
call with the journal and the records store writing every turn to disk.
Targets: under 1 s and under 50 ms.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import load_average

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from simulator.tui.screens.call import CallScreen

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import asyncio, sys, time
from simulator.tui.app import CollectSimApp
from simulator.tui.screens.start import StartScreen

async def main():
    app = CollectSimApp(lang="zh", trainee="bench")
    async with app.run_test(headless=True, size=(120, 40)) as pilot:
        while not isinstance(app.screen, StartScreen) or not app.screen.is_mounted:
            await pilot.pause()
        print("ready", time.time(), time.process_time(), flush=True)

asyncio.run(main())
"""

LINES = [
    "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
    "请问是王敏女士本人吗？",
    "给您打电话是关于您信用卡账单的事，您的信用卡目前逾期18天，逾期金额是5230.50元。",
    "是遇到什么困难了吗？",
    "我非常理解您的难处，工作忙确实容易忘。",
    "您可以通过手机银行或者支付宝还款，很方便。",
    "您看什么时候方便还款呢？",
]


def cold_start() -> tuple[float, float]:
    # As on a user's machine, compiled bytecode is cached after the first start (some
    # sandboxes set PYTHONDONTWRITEBYTECODE, which would recompile every module each time).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    started = time.time()  # wall clock: compared with the child's own stamp
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    # The moment the start screen was up, not when the process (and its shutdown) ended.
    ready = next(line for line in out.stdout.splitlines() if line.startswith("ready "))
    _, stamp, cpu = ready.split()
    return float(stamp) - started, float(cpu)  # wall, and the child's CPU until then


async def open_call(pilot: Pilot[None]) -> CallScreen:
    """The start screen, then cc-m1-forgetful's practice call, as a trainee opens it."""
    from simulator.tui.screens.call import CallScreen
    from simulator.tui.screens.start import StartScreen

    await pilot.pause()
    start = pilot.app.screen
    assert isinstance(start, StartScreen)
    start.open_scenario("cc-m1-forgetful", mode="practice")
    await pilot.pause()
    call = pilot.app.screen
    assert isinstance(call, CallScreen)
    return call


async def enter_to_reply() -> tuple[list[float], list[float]]:
    from textual.widgets import Input

    from simulator.tui.app import CollectSimApp
    from simulator.tui.chat_log import ChatLog

    samples: list[float] = []
    cpu: list[float] = []
    for _ in range(5):
        app = CollectSimApp(lang="zh", trainee="bench")
        async with app.run_test(headless=True, size=(120, 40)) as pilot:
            call = await open_call(pilot)
            say = call.query_one("#say", Input)
            chat = call.query_one("#chat", ChatLog)
            for line in LINES:
                before = len(chat.lines)
                say.value = line
                await pilot.pause()  # let animations from the last turn finish first
                began, began_cpu = time.perf_counter(), time.process_time()
                await say.action_submit()  # what the Enter key does
                # Until the persona's reply is in the chat: it is drawn on the next frame.
                while len(chat.lines) < before + 2:
                    await asyncio.sleep(0)
                samples.append((time.perf_counter() - began) * 1000)
                cpu.append((time.process_time() - began_cpu) * 1000)
    return samples, cpu


async def chat_cost_by_length() -> list[tuple[int, float, float]]:
    """The app's own CPU for a turn (two lines added to the chat, the frame laid out and
    drawn) when the call already holds 10, 100 and 500 turns: (turns, median, max) in ms.
    Lines are added straight to the chat, so only the screen's cost is measured."""
    from simulator.tui.app import CollectSimApp
    from simulator.tui.chat_log import ChatLine

    trainee = ChatLine("你", LINES[2], "trainee")
    persona = ChatLine("王敏", "嗯，你说吧，我听着呢。", "persona")
    found: list[tuple[int, float, float]] = []
    app = CollectSimApp(lang="zh", trainee="bench")
    async with app.run_test(headless=True, size=(120, 40)) as pilot:
        call = await open_call(pilot)
        turns = 0
        for length in (10, 100, 500):
            while turns < length - 10:
                call._add_lines(trainee, persona)
                turns += 1
                if turns % 20 == 0:
                    await pilot.pause()
            await pilot.pause()
            cpu: list[float] = []
            for _ in range(10):
                began = time.process_time()
                call._add_lines(trainee, persona)
                await pilot.pause()
                await pilot.pause()
                cpu.append((time.process_time() - began) * 1000)
                turns += 1
            found.append((turns, statistics.median(cpu), max(cpu)))
    return found


def main() -> None:
    print(load_average())
    cold_start()  # the first start writes the bytecode cache
    starts = [cold_start() for _ in range(5)]
    walls = [w for w, _ in starts]
    print(
        f"cold start to the start screen: wall best {min(walls):.2f} s, median "
        f"{statistics.median(walls):.2f} s   CPU best {min(c for _, c in starts):.2f} s"
    )
    measured, cpu = asyncio.run(enter_to_reply())
    samples = sorted(measured)
    cpu.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    c95 = cpu[int(len(cpu) * 0.95) - 1]
    print(
        f"Enter to the persona's reply on screen: wall median {statistics.median(samples):.1f} ms,"
        f" p95 {p95:.1f} ms   CPU median {statistics.median(cpu):.1f} ms, p95 {c95:.1f} ms "
        f"({len(samples)} lines)"
    )
    for turns, median, worst in asyncio.run(chat_cost_by_length()):
        print(
            f"the screen's CPU for a turn at {turns} turns: median {median:.1f} ms, "
            f"max {worst:.1f} ms"
        )


if __name__ == "__main__":
    main()
