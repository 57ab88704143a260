"""Benchmark: HR reports over a million synthetic attempts, in SQLite and in PostgreSQL.

Seeds 1,000,000 completed attempts of 5,000 trainees in 50 cohorts (about a million findings)
into a temporary store, then times the progress report of the whole centre on the shipped
track, one cohort's progress, and finding statistics. Targets: under 200 ms each.
PostgreSQL runs on the server named by COLLECTSIM_TEST_PG (else the one scripts/test-postgres
starts), in a schema of its own, dropped afterwards.
Run: `python benchmarks/bench_records.py [ATTEMPTS] [sqlite|postgresql ...]`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.records import Store
from simulator.training.hr import overview, top_findings
from simulator.training.tracks import load_tracks
from tests.backends import BACKENDS, TEST_PG_VAR, pg_schema
from tests.records_seed import fixed_now, seed

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], object], runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


@contextmanager
def store_in(backend: str) -> Iterator[Store]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "big.db") as store:
            yield store
        return
    import os

    if not os.environ.get(TEST_PG_VAR):
        url = subprocess.run(
            [ROOT / "scripts" / "test-postgres"], capture_output=True, text=True, check=True
        ).stdout.strip()
        os.environ[TEST_PG_VAR] = url
    with pg_schema() as url, Store.open(url) as store:
        yield store


def bench(backend: str, attempts: int) -> None:
    [track] = load_tracks(ROOT / "scenarios" / "tracks")
    scenarios = sorted({s for level in track.levels for s in level.scenarios})
    now = fixed_now()
    with store_in(backend) as store:
        started = time.perf_counter()
        seed(store, scenarios, trainees=5_000, attempts=attempts, cohorts=50, now=now)
        # Statistics (and in PostgreSQL the visibility map) as a live database has them.
        store.db.execute("VACUUM ANALYZE" if backend == "postgresql" else "ANALYZE")
        print(f"{backend}: seeded {attempts:,} attempts in {time.perf_counter() - started:.0f} s")
        figures = {
            "progress report, whole centre (5,000 trainees)": lambda: overview(store, track, now),
            "progress report, one cohort (100 trainees)": lambda: overview(
                store, track, now, cohort="c07"
            ),
            "finding statistics, one cohort": lambda: top_findings(store, cohort="c07"),
            "finding statistics, whole centre": lambda: top_findings(store),
        }
        for name, fn in figures.items():
            print(f"  {name:<48} {timed(fn):6.0f} ms")


def main() -> None:
    args = sys.argv[1:]
    attempts = int(args.pop(0)) if args and args[0].isdigit() else 1_000_000
    for backend in args or BACKENDS:
        bench(backend, attempts)


if __name__ == "__main__":
    main()
