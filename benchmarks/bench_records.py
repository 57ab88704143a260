"""Benchmark: HR reports over a million synthetic attempts, in SQLite and in PostgreSQL.

Seeds 1,000,000 completed attempts of 5,000 trainees in 50 cohorts (about a million findings)
into a temporary store, then times the progress report of the whole centre on the shipped
track, one cohort's progress, and finding statistics. Targets: under 200 ms each.
PostgreSQL runs on the server named by COLLECTSIM_TEST_PG (else the one scripts/test-postgres
starts), in a schema of its own, dropped afterwards; its reports are timed twice, with the
server's parallel query as configured and with it off for the session (what CollectSim's
connections set), so the choice is measured, not guessed. Then `hr attempts` lists every
attempt (CSV and JSON lines) as a process of its own: wall, CPU and peak memory; with
COLLECTSIM_BEFORE=/path/to/an/older/collectsim it lists them with that program too.
Wall and CPU beside each other (CPU: this process; a PostgreSQL server's own is not in it).
Run: `python benchmarks/bench_records.py [ATTEMPTS] [sqlite|postgresql ...]`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import Timing, load_average, median_of, run_child
from simulator.records import Store
from simulator.training.hr import overview, top_findings
from simulator.training.tracks import load_tracks
from tests.backends import BACKENDS, TEST_PG_VAR, pg_schema
from tests.records_seed import fixed_now, seed

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def store_in(backend: str) -> Iterator[tuple[Store, str]]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            path = str(Path(folder) / "big.db")
            with Store.open(path) as store:
                yield store, path
        return
    if not os.environ.get(TEST_PG_VAR):
        url = subprocess.run(
            [ROOT / "scripts" / "test-postgres"], capture_output=True, text=True, check=True
        ).stdout.strip()
        os.environ[TEST_PG_VAR] = url
    with pg_schema() as url, Store.open(url) as store:
        yield store, url


def bench(backend: str, attempts: int) -> None:
    [track] = load_tracks(ROOT / "scenarios" / "tracks")
    scenarios = sorted({s for level in track.levels for s in level.scenarios})
    now = fixed_now()
    with store_in(backend) as (store, url):
        started = time.perf_counter()
        seed(store, scenarios, trainees=5_000, attempts=attempts, cohorts=50, now=now)
        # Statistics (and in PostgreSQL the visibility map) as a live database has them.
        store.db.execute("VACUUM ANALYZE" if backend == "postgresql" else "ANALYZE")
        print(f"{backend}: seeded {attempts:,} attempts in {time.perf_counter() - started:.0f} s")
        figures: dict[str, Callable[[], object]] = {
            "progress report, whole centre (5,000 trainees)": lambda: overview(store, track, now),
            "progress report, one cohort (100 trainees)": lambda: overview(
                store, track, now, cohort="c07"
            ),
            "finding statistics, one cohort": lambda: top_findings(store, cohort="c07"),
            "finding statistics, whole centre": lambda: top_findings(store),
        }
        settings = {"": ""}
        if backend == "postgresql":
            settings = {
                "parallel query as the server has it": "SET max_parallel_workers_per_gather "
                "TO DEFAULT",
                "parallel query off (CollectSim's sessions)": "SET "
                "max_parallel_workers_per_gather = 0",
            }
        for label, statement in settings.items():
            if statement:
                store.db.execute(statement)
                shown = store.db.scalar("SHOW max_parallel_workers_per_gather")
                print(f"  {label} (max_parallel_workers_per_gather = {shown}), medians of 5:")
            for name, fn in figures.items():
                timing: Timing = median_of(fn, runs=5)
                print(f"    {name:<48} {timing.ms()}")
        listing(url)


def listing(url: str) -> None:
    """Every attempt listed by `hr attempts`, as HR would pipe it into a file."""
    programs = {"": str(Path(sys.executable).parent / "collectsim")}
    if os.environ.get("COLLECTSIM_BEFORE"):
        programs = {"before": os.environ["COLLECTSIM_BEFORE"], "after": programs[""]}
    for form in ("--csv", "--jsonl", "--json"):
        for label, program in programs.items():
            before = label == "before"
            if before and form == "--jsonl":
                continue  # no such option before
            run = run_child([program, "hr", "attempts", form, "--db", url])
            print(f"  hr attempts {form:<8} {label:<7} {run.line()}")


def main() -> None:
    args = sys.argv[1:]
    attempts = int(args.pop(0)) if args and args[0].isdigit() else 1_000_000
    print(load_average())
    for backend in args or BACKENDS:
        bench(backend, attempts)


if __name__ == "__main__":
    main()
