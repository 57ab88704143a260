"""Where CollectSim keeps its data and finds the shipped scenarios."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

REPO_SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def data_dir() -> Path:
    """COLLECTSIM_HOME, else the platform's user data directory; created on first use."""
    override = os.environ.get("COLLECTSIM_HOME")
    path = Path(override) if override else Path(user_data_dir("collectsim", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def scenarios_dir() -> Path:
    override = os.environ.get("COLLECTSIM_SCENARIOS")
    return Path(override) if override else REPO_SCENARIOS
