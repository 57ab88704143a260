"""What every benchmark reports beside a figure: wall time, CPU time and the load average.

On a shared machine wall time measures the neighbours as much as the code; CPU time (user +
system of this process, every thread) is what the code controls. Each benchmark prints the
load average it ran under, so a figure taken on a busy machine is read correctly.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timing:
    wall: float  # seconds
    cpu: float  # seconds of CPU (user + system): this process's threads and its children's

    def ms(self) -> str:
        return f"wall {self.wall * 1000:7.1f} ms   CPU {self.cpu * 1000:7.1f} ms"


def load_average() -> str:
    """The line each benchmark starts with."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def cpu_now() -> float:
    return time.process_time()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # children waited for so far
    return usage.ru_utime + usage.ru_stime


def timed(fn: Callable[[], object]) -> Timing:
    """One run of `fn`; its CPU counts the worker processes it started and waited for."""
    cpu = time.process_time() + _children_cpu()
    wall = time.perf_counter()
    fn()
    return Timing(time.perf_counter() - wall, time.process_time() + _children_cpu() - cpu)


def best_of(fn: Callable[[], object], runs: int = 3) -> Timing:
    """The least wall and the least CPU of `runs` runs: a shared machine's noise only ever
    slows a run down."""
    samples = [timed(fn) for _ in range(runs)]
    return Timing(min(s.wall for s in samples), min(s.cpu for s in samples))


def median_of(fn: Callable[[], object], runs: int = 5) -> Timing:
    samples = [timed(fn) for _ in range(runs)]
    walls = sorted(s.wall for s in samples)
    cpus = sorted(s.cpu for s in samples)
    return Timing(walls[len(walls) // 2], cpus[len(cpus) // 2])


@dataclass(frozen=True, slots=True)
class ChildRun:
    wall: float
    cpu: float  # user + system of that child alone
    peak_mb: float  # its largest resident set, MiB

    def line(self) -> str:
        return f"wall {self.wall:6.2f} s   CPU {self.cpu:6.2f} s   peak {self.peak_mb:6.0f} MiB"


def run_child(argv: list[str], env: dict[str, str] | None = None) -> ChildRun:
    """One process, its output discarded; its own CPU time and peak memory (wait4 reports
    them for that child alone)."""
    import subprocess

    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(argv)}: exit {child.returncode}")
    return ChildRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def children_cpu() -> float:
    """CPU seconds of every child process that has ended (for benchmarks that run one)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def children_peak_rss_mb() -> float:
    """The largest resident set of any ended child, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
