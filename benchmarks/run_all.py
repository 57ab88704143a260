"""`make bench`: every benchmark in turn, each a process of its own, and a table of them.

Prints each benchmark's output as it comes and writes benchmarks/results.md: when and under
what load they ran, each benchmark's wall and CPU time, and its own figures (each states CPU
beside wall time and the load average it ran under). The README quotes that file.
Run: `make bench` or `python benchmarks/run_all.py [NAME ...]` (names as in BENCHMARKS).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import load_average

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"
# name -> (script, arguments, what it measures). HR over 200,000 attempts by default; the
# README's million-attempt figures: `python benchmarks/bench_records.py 1000000`.
BENCHMARKS: dict[str, tuple[str, list[str], str]] = {
    "turn": ("bench_turn.py", [], "one turn, fresh and seen lines"),
    "check": ("bench_check.py", [], "check throughput, judging one turn"),
    "validate": ("bench_validate.py", [], "validate and lint; 2,000 generated scenarios"),
    "start": ("bench_start.py", [], "start-up of collectsim commands"),
    "long_call": ("bench_long_call.py", [], "a turn at turn 10, 100, 500"),
    "idle": ("bench_idle.py", [], "an idle trainee's CPU on the call screen"),
    "tui": ("bench_tui.py", [], "app cold start, Enter to reply"),
    "serve": (
        "bench_serve.py",
        ["--sessions", "10", "30"],
        "trainees signed in to serve: memory, Enter to reply, CPU",
    ),
    "records": (
        "bench_records.py",
        [os.environ.get("BENCH_ATTEMPTS", "200000")],
        "HR reports and listings (SQLite, PostgreSQL)",
    ),
}


def run(name: str) -> tuple[str, float, float, str]:
    script, args, _ = BENCHMARKS[name]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(HERE / script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        print(line, end="", flush=True)
        lines.append(line.rstrip("\n"))
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    if child.returncode:
        lines.append(f"(exit {child.returncode})")
    return "\n".join(lines), wall, cpu, f"{load:.1f}"


def main() -> None:
    names = sys.argv[1:] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmarks {unknown} (known: {', '.join(BENCHMARKS)})")
    began = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    at_start = load_average()
    outputs: dict[str, tuple[str, float, float, str]] = {}
    for name in names:
        print(f"== {name}", flush=True)
        outputs[name] = run(name)
    table = [
        "| benchmark | what | wall | CPU | load (1 min) at its start |",
        "|---|---|---|---|---|",
    ]
    for name, (_, wall, cpu, load) in outputs.items():
        table.append(
            f"| `{BENCHMARKS[name][0]}` | {BENCHMARKS[name][2]} | {wall:.1f} s | {cpu:.1f} s "
            f"| {load} |"
        )
    sections = [f"## {name}\n\n```\n{out}\n```\n" for name, (out, _, _, _) in outputs.items()]
    RESULTS.write_text(
        "# Benchmark results (`make bench`)\n\n"
        f"Run {began}; {at_start}. CPU time is what the code controls; wall time also "
        "measures whatever else the machine was doing.\n\n"
        + "\n".join(table)
        + "\n\n"
        + "\n".join(sections),
        "utf-8",
    )
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
