"""Shared fixtures: an isolated data directory for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.loader import load_scenario
from simulator.scenario import Scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("COLLECTSIM_HOME", str(home))
    yield home


@pytest.fixture
def forgetful() -> Scenario:
    return load_scenario(SCENARIOS / "cc-m1-forgetful.scenario.yaml")
