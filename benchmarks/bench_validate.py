"""Benchmark: validating and linting the shipped catalog (target: under one second), and
validating a generated catalog of 2,000 scenarios (target: under two seconds): read cold
(no cache), then again with the cache `collectsim validate` keeps by content (every file
unchanged, and one file edited).

The large catalog is the shipped scenarios copied under new ids into a temporary folder
(nothing is committed). Measured in-process, best of three, wall and CPU time beside the
load average (the command's own start-up is Python's import time, see bench_start.py).
Run: `make bench` or `python benchmarks/bench_validate.py [SCENARIOS]`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import best_of, load_average
from simulator.authoring import parallel_load
from simulator.authoring.lint import lint
from simulator.authoring.parallel_load import worker_count
from simulator.authoring.validation import files_under, validate
from simulator.authoring.validation_cache import ValidationCache
from simulator.engine.loader import SUFFIX, scenario_from_located
from simulator.engine.paths import SHIPPED_SCENARIOS
from simulator.engine.yamlsafe import load_file

LARGE = 2_000


def generate(folder: Path, count: int) -> None:
    """`count` scenario files: the shipped ones in turn, each under an id of its own."""
    shipped = sorted(SHIPPED_SCENARIOS.glob(f"*{SUFFIX}"))
    texts = [(p.name.removesuffix(SUFFIX), p.read_text("utf-8")) for p in shipped]
    for n in range(count):
        stem, text = texts[n % len(texts)]
        new_id = f"{stem}-{n:04d}"
        (folder / f"{new_id}{SUFFIX}").write_text(
            text.replace(f"\nid: {stem}\n", f"\nid: {new_id}\n", 1), "utf-8"
        )


def main() -> None:
    large = int(sys.argv[1]) if len(sys.argv) > 1 else LARGE
    print(load_average())
    validate([SHIPPED_SCENARIOS])  # warm the caches (intent catalog, rule packs) once
    result: list[tuple[int, int]] = []

    def shipped() -> None:
        count, problems = validate([SHIPPED_SCENARIOS])
        result[:] = [(count, len(problems))]

    timing = best_of(shipped)
    count, problems = result[0]
    print(f"validate the shipped catalog: {count} files ({problems} problems)   {timing.ms()}")
    scenario_files = [
        p for p in files_under([SHIPPED_SCENARIOS]) if p.name.endswith(".scenario.yaml")
    ]

    def lint_all() -> None:
        for path in scenario_files:
            located = load_file(path)
            lint(scenario_from_located(located, located.raw), located)

    print(f"lint the shipped catalog: {len(scenario_files)} scenarios   {best_of(lint_all).ms()}")
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), large)

        def generated() -> None:
            count, problems = validate([Path(folder)])
            result[:] = [(count, len(problems))]

        timing = best_of(generated)
        count, problems = result[0]
        per_file = timing.cpu / count * 1000
        print(
            f"validate a generated catalog: {count:,} scenarios ({problems} problems)   "
            f"{timing.ms()}   ({per_file:.2f} ms CPU a file; {worker_count()} processes)"
        )
        alone = parallel_load.worker_count
        parallel_load.worker_count = lambda: 1
        try:
            one = best_of(generated)
        finally:
            parallel_load.worker_count = alone
        print(f"  the same in one process         {one.ms()}")
        with tempfile.TemporaryDirectory() as cache_folder:
            shared = Path(cache_folder) / "kept"

            def filling() -> None:  # a new, empty cache each run
                validate([Path(folder)], ValidationCache(Path(tempfile.mkdtemp(dir=cache_folder))))

            print(f"  first run, filling the cache    {best_of(filling).ms()}")
            validate([Path(folder)], ValidationCache(shared))
            warm = best_of(lambda: validate([Path(folder)], ValidationCache(shared)))
            print(f"  again, every file unchanged     {warm.ms()}")
            edited = sorted(Path(folder).iterdir())[0]
            text = edited.read_text("utf-8")
            edits = iter(range(1_000_000))

            def one_edited() -> None:
                edited.write_text(text + f"# edit {next(edits)}\n", "utf-8")
                validate([Path(folder)], ValidationCache(shared))

            print("  again, one file edited          " + best_of(one_edited).ms())


if __name__ == "__main__":
    main()
