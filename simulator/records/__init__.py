"""The records store: every attempt of every trainee, committed turn by turn.

SQLite by default (`<data_dir>/collectsim.db`, WAL), or PostgreSQL for a whole centre
(`postgresql://...`), chosen by `--db` or COLLECTSIM_DB.
The recording sinks live in `simulator.records.sink` (they pull in the judge; importing
this package for reading records does not). Imports only the engine and scoring: the
store knows no certification policy and no user interface.
"""

from __future__ import annotations

from simulator.records.db import StoreError, default_url, parse_target
from simulator.records.migrations import CURRENT_VERSION
from simulator.records.store import (
    AttemptDetail,
    AttemptSummary,
    Store,
    StoredFinding,
    TraineeSummary,
    best_by_scenario,
)

__all__ = [
    "CURRENT_VERSION",
    "AttemptDetail",
    "AttemptSummary",
    "Store",
    "StoreError",
    "StoredFinding",
    "TraineeSummary",
    "best_by_scenario",
    "default_url",
    "parse_target",
]
