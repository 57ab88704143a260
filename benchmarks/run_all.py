"""`make bench`: every benchmark in turn, each a process of its own, and a table of them.

Prints each benchmark's output as it comes, keeps each benchmark's latest run in
benchmarks/results.json (when, under what load, its wall and CPU time, its own figures: each
states CPU beside wall time and the load average it ran under), and writes
benchmarks/results.md from it: every benchmark's row, each with the date of its own run, so
running a few (`run_all.py turn check`) updates those and keeps the others. The README
quotes that file. Run: `make bench` or `python benchmarks/run_all.py [NAME ...]` (names as
in BENCHMARKS).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TypedDict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"
KEPT = HERE / "results.json"  # name -> its latest Run
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


class Run(TypedDict):
    """One benchmark's latest run, as kept in results.json."""

    ran: str  # when it started (UTC)
    wall_s: float | None
    cpu_s: float | None  # None: not measured (a run by hand)
    load: str  # the 1-minute load average at its start
    output: str  # what it printed
    note: str  # words for results.md beside the output (a run by hand says how it ran)


def run(name: str) -> Run:
    script, args, _ = BENCHMARKS[name]
    load = os.getloadavg()[0]
    ran = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
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
    return {
        "ran": ran,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "load": f"{load:.1f}",
        "output": "\n".join(lines),
        "note": "",
    }


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value} s"


def render(kept: dict[str, Run]) -> str:
    """results.md: one row and one section a benchmark, in BENCHMARKS' order."""
    names = [name for name in BENCHMARKS if name in kept]
    table = [
        "| benchmark | what | run | wall | CPU | load (1 min) at its start |",
        "|---|---|---|---|---|---|",
    ]
    sections = []
    for name in names:
        entry = kept[name]
        table.append(
            f"| `{BENCHMARKS[name][0]}` | {BENCHMARKS[name][2]} | {entry['ran']} "
            f"| {_seconds(entry['wall_s'])} | {_seconds(entry['cpu_s'])} | {entry['load']} |"
        )
        body = [f"## {name}\n"]
        if entry["note"]:
            body.append(f"{entry['note']}\n")
        if entry["output"]:
            body.append(f"```\n{entry['output']}\n```\n")
        sections.append("\n".join(body))
    missing = [name for name in BENCHMARKS if name not in kept]
    never = f"\nNot run yet: {', '.join(missing)}.\n" if missing else ""
    return (
        "# Benchmark results (`make bench`)\n\n"
        "Each benchmark's latest run, with its date and the load average it started under. "
        "CPU time is what the code controls; wall time also measures whatever else the "
        "machine was doing.\n\n" + "\n".join(table) + "\n" + never + "\n" + "\n".join(sections)
    )


def main() -> None:
    names = sys.argv[1:] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmarks {unknown} (known: {', '.join(BENCHMARKS)})")
    kept: dict[str, Run] = json.loads(KEPT.read_text("utf-8")) if KEPT.exists() else {}
    for name in names:
        print(f"== {name}", flush=True)
        kept[name] = run(name)
        # Written after each one: a long run stopped part-way keeps what it measured.
        KEPT.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", "utf-8")
        RESULTS.write_text(render(kept), "utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
