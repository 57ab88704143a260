"""Shared fixtures: an isolated data directory for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.engine.loader import load_scenario
from simulator.engine.scenario import Scenario
from tests.backends import BACKENDS, pg_schema

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("COLLECTSIM_HOME", str(home))
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)  # never a developer's own store
    # The command line and the app speak the locale's language: English unless a test asks.
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield home


@pytest.fixture
def forgetful() -> Scenario:
    return load_scenario(SCENARIOS / "cc-m1-forgetful.scenario.yaml")


@pytest.fixture(params=BACKENDS)
def store_url(
    request: pytest.FixtureRequest, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """An empty records store in each backend, also made the default (COLLECTSIM_DB), so
    commands run without --db record there too."""
    if request.param == "sqlite":
        url = str(isolated_home.parent / "records.db")
        monkeypatch.setenv("COLLECTSIM_DB", url)
        yield url
        return
    with pg_schema() as url:
        monkeypatch.setenv("COLLECTSIM_DB", url)
        yield url
