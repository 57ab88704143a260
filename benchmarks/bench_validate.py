"""Benchmark: validating and linting the whole shipped catalog (target: under one second).

Measures in-process time, best of three (the command's own start-up is Python's import time).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from simulator.authoring.lint import lint
from simulator.authoring.validation import files_under, validate
from simulator.engine.loader import scenario_from_located
from simulator.engine.paths import SHIPPED_SCENARIOS
from simulator.engine.yamlsafe import load_file


def main() -> None:
    validate([SHIPPED_SCENARIOS])  # warm the caches (intent catalog, rule packs) once
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        count, problems = validate([SHIPPED_SCENARIOS])
        runs.append(time.perf_counter() - started)
    print(f"validate: {count} files in {min(runs) * 1000:.0f} ms ({len(problems)} problems)")
    runs = []
    scenario_files = [
        p for p in files_under([SHIPPED_SCENARIOS]) if p.name.endswith(".scenario.yaml")
    ]
    for _ in range(3):
        started = time.perf_counter()
        for path in scenario_files:
            located = load_file(path)
            lint(scenario_from_located(located, path.read_bytes()), located)
        runs.append(time.perf_counter() - started)
    print(f"lint: {len(scenario_files)} scenarios in {min(runs) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
