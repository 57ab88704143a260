"""Benchmark: a turn's cost at turn 10, 100 and 500 of one long call (target: flat).

One call of a shipped scenario whose turn limit is lifted, the trainee cycling through
ordinary lines (each embedded once, before measuring: the encoder is not what is measured).
A turn is what the app does on Enter: `Session.say` and the live objectives. Reports the
median CPU and wall time of the ten turns ending at 10, 100 and 500, and the memory the call
holds per turn between turn 100 and 500 (tracemalloc), beside the load average.
Run: `make bench` or `python benchmarks/bench_long_call.py [TURNS]`.
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import load_average
from simulator.engine.loader import load_scenario
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "cc-elderly-vulnerable.scenario.yaml"
LINES = [
    "请问是王敏女士本人吗？",
    "我理解您的难处。",
    "您的欠款是5230.50元。",
    "您看什么时候方便还款呢？",
    "嗯，好的，我明白。",
    "我们可以分期，您觉得呢？",
    "您最近工作还顺利吗？",
]
MARKS = (10, 100, 500)


def call(
    scenario: Scenario, turns: int, trace: bool
) -> tuple[list[float], list[float], dict[int, int]]:
    """One call of `turns` turns: CPU and wall seconds of each, and (traced) the memory
    held at each mark."""
    session = Session(scenario)
    cpu: list[float] = []
    wall: list[float] = []
    memory: dict[int, int] = {}
    if trace:
        tracemalloc.start()
    for n in range(1, turns + 1):
        started_cpu, started = time.process_time(), time.perf_counter()
        session.say(LINES[n % len(LINES)])
        session.objectives()
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started)
        if session.ended is not None:
            print(f"the call ended at turn {n} ({session.ended})")
            break
        if trace and n in MARKS:
            memory[n] = tracemalloc.get_traced_memory()[0]
    if trace:
        tracemalloc.stop()
    return cpu, wall, memory


def main() -> None:
    turns = int(sys.argv[1]) if len(sys.argv) > 1 else max(MARKS)
    print(load_average())
    scenario = load_scenario(SCENARIO)
    scenario = scenario.model_copy(
        update={"call": scenario.call.model_copy(update={"max_turns": turns + 10})}
    )
    warm = Session(scenario)
    for line in LINES:  # each line embedded once: the encoder remembers it
        warm.say(line)
    cpu, wall, _ = call(scenario, turns, trace=False)
    for mark in MARKS:
        if mark <= len(cpu):
            c = statistics.median(cpu[mark - 10 : mark]) * 1000
            w = statistics.median(wall[mark - 10 : mark]) * 1000
            print(f"turn {mark:>3}: CPU {c:6.2f} ms   wall {w:6.2f} ms (median of 10 turns)")
    _, _, memory = call(scenario, turns, trace=True)
    if 100 in memory and 500 in memory:
        per_turn = (memory[500] - memory[100]) / 400 / 1024
        print(f"memory held by the call: {per_turn:.1f} KiB a turn (turns 100 to 500)")


if __name__ == "__main__":
    main()
