"""Benchmark: HR reports over a million synthetic attempts (SQLite).

Seeds 1,000,000 completed attempts of 5,000 trainees in 50 cohorts (about a million findings)
into a temporary database, then times the progress report of the whole centre on the shipped
track and the per-cohort finding statistics. Targets: under 200 ms each.
Run: `python benchmarks/bench_records.py [ATTEMPTS]`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.hr import overview, top_findings
from simulator.records import Store
from simulator.tracks import load_tracks
from tests.records_seed import fixed_now, seed

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: object, runs: int = 5) -> float:
    assert callable(fn)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> None:
    attempts = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    [track] = load_tracks(ROOT / "scenarios" / "tracks")
    scenarios = sorted({s for level in track.levels for s in level.scenarios})
    now = fixed_now()
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "big.db") as store:
        started = time.perf_counter()
        seed(store, scenarios, trainees=5_000, attempts=attempts, cohorts=50, now=now)
        print(f"seeded {attempts:,} attempts in {time.perf_counter() - started:.0f} s")
        progress_ms = timed(lambda: overview(store, track, now))
        cohort_ms = timed(lambda: overview(store, track, now, cohort="c07"))
        findings_ms = timed(lambda: top_findings(store, cohort="c07"))
        all_findings_ms = timed(lambda: top_findings(store))
    print(f"progress report, whole centre (5,000 trainees): {progress_ms:.0f} ms")
    print(f"progress report, one cohort (100 trainees):     {cohort_ms:.0f} ms")
    print(f"finding statistics, one cohort:                 {findings_ms:.0f} ms")
    print(f"finding statistics, whole centre:               {all_findings_ms:.0f} ms")


if __name__ == "__main__":
    main()
