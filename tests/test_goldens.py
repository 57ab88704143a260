"""Every golden conversation of the shipped catalog runs as a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.goldens import golden_files, load_tests, run_conversation

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def _cases() -> list[object]:
    cases: list[object] = []
    for path in golden_files(SCENARIOS):
        loaded = load_tests(path)
        for index, conversation in enumerate(loaded.tests.conversations):
            cases.append(pytest.param(path, index, id=f"{path.stem}:{conversation.name}"))
    return cases


@pytest.mark.parametrize(("path", "index"), _cases())
def test_golden_conversation(path: Path, index: int) -> None:
    failures = run_conversation(load_tests(path), index)
    assert not failures, "\n".join(str(f) for f in failures)


def test_every_shipped_scenario_has_goldens() -> None:
    scenario_ids = {
        p.name.removesuffix(".scenario.yaml") for p in SCENARIOS.glob("*.scenario.yaml")
    }
    tested = {load_tests(p).tests.scenario for p in golden_files(SCENARIOS)}
    assert scenario_ids <= tested, f"no golden conversations for {sorted(scenario_ids - tested)}"
