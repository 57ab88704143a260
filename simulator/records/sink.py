"""Recording a live session into the store, turn by turn (the TurnSink protocol)."""

from __future__ import annotations

from collections.abc import Callable

from scoring.compliance import judge_for
from scoring.report import Report
from scoring.transcript import Transcript, Turn
from simulator.engine.journal import Tolerant, TurnSink
from simulator.engine.reporting import report_for
from simulator.records.db import StoreError
from simulator.records.owner import this_process
from simulator.records.store import Store


class RecordingSink:
    """begin: the attempt, in progress. append: one turn, committed at once, so a killed
    process loses at most the turn in flight. finish: scored under the current rule pack,
    stored with its findings, completed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.attempt_id: str | None = None
        self.report: Report | None = None

    def begin(self, transcript: Transcript) -> None:
        self.store.begin_attempt(transcript, this_process())
        self.attempt_id = transcript.attempt_id

    def resume(self, transcript: Transcript) -> None:
        # The store was claimed for this process before the call was rebuilt (take_over).
        self.attempt_id = transcript.attempt_id

    def append(self, turn: Turn) -> None:
        assert self.attempt_id is not None, "begin() first"
        self.store.add_turn(self.attempt_id, turn)

    def finish(self, transcript: Transcript) -> None:
        report = report_for(transcript)
        pack = judge_for(transcript.jurisdiction).pack
        self.store.finish_attempt(transcript, report, pack.version, pack.content_hash)
        self.report = report


class FanOut:
    """Several sinks as one, written in order (the journal first, then the store)."""

    def __init__(self, *sinks: TurnSink) -> None:
        self.sinks = sinks

    def begin(self, transcript: Transcript) -> None:
        for sink in self.sinks:
            sink.begin(transcript)

    def resume(self, transcript: Transcript) -> None:
        for sink in self.sinks:
            sink.resume(transcript)

    def append(self, turn: Turn) -> None:
        for sink in self.sinks:
            sink.append(turn)

    def finish(self, transcript: Transcript) -> None:
        for sink in self.sinks:
            sink.finish(transcript)


class TolerantSink(Tolerant[StoreError]):
    """The store, tolerant of its failures: the app reports the first and the call goes on
    (the journal, written first, keeps every turn: a PostgreSQL restart or a full disk must
    not end a trainee's call)."""

    def __init__(self, sink: TurnSink, on_error: Callable[[StoreError], None]) -> None:
        super().__init__(sink, on_error, StoreError)


def recorded(
    journal: TurnSink, store: Store | None, on_error: Callable[[StoreError], None]
) -> TurnSink:
    """Where a call's turns go: the journal first (on disk before anything else), then the
    records store when there is one, its failures handed to `on_error`."""
    if store is None:
        return journal
    return FanOut(journal, TolerantSink(RecordingSink(store), on_error))
