"""Taking up an interrupted call: the one way, for the command line and the app alike."""

from __future__ import annotations

from collections.abc import Callable

from simulator.engine.journal import TurnSink
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session
from simulator.records.db import StoreError
from simulator.records.owner import this_process
from simulator.records.sink import recorded
from simulator.records.store import Store


def resume(
    store: Store,
    attempt_id: str,
    scenario_for: Callable[[str], Scenario],
    journal: TurnSink,
    on_error: Callable[[StoreError], None],
) -> Session:
    """The attempt, claimed for this process and rebuilt by replaying its lines; it goes on
    recording into the same journal and attempt. StoreError or ResumeError when it cannot."""
    transcript = store.take_over(attempt_id, this_process())
    scenario = scenario_for(transcript.scenario_id)
    return Session.resumed(scenario, transcript, recorded(journal, store, on_error))
