"""Benchmark: start-up of `collectsim --help` and `collectsim check "…"` (rules only, and with
meaning), each a fresh process. Reports the best wall time and the best CPU time (user +
system of the child) of several runs, and the machine's load average, so a figure taken on a
busy machine is read correctly: CPU time is what the code controls.
Run: `make bench` or `python benchmarks/bench_start.py [COLLECTSIM]`.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

RUNS = 5
LINE = "你再不还钱就让你坐牢"


def measure(command: list[str]) -> tuple[float, float]:
    """Best wall and best CPU seconds of RUNS fresh processes."""
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def main() -> None:
    default = Path(sys.executable).parent / "collectsim"
    program = sys.argv[1] if len(sys.argv) > 1 else str(default)
    cases = {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "collectsim --help": [program, "--help"],
        "collectsim check --rules-only": [program, "check", "--rules-only", LINE],
        "collectsim check (rules and meaning)": [program, "check", LINE],
    }
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    for name, command in cases.items():
        wall, cpu = measure(command)
        print(f"{name:40} wall {wall:.3f} s   CPU {cpu:.3f} s")


if __name__ == "__main__":
    main()
