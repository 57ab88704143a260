"""Where a session's turns go as they happen."""

from __future__ import annotations

from simulator.engine.journal import JournalSink
from simulator.engine.paths import data_dir


def journal_sink() -> JournalSink:
    """The JSON-lines journal in the data directory (fsynced per turn)."""
    return JournalSink(data_dir() / "journal")
