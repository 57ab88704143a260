"""Taking up an interrupted call: the one way, for the command line and the app alike."""

from __future__ import annotations

from collections.abc import Callable

from simulator.engine.journal import TurnSink
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session
from simulator.records.db import StoreError
from simulator.records.owner import this_process
from simulator.records.sink import recorded
from simulator.records.store import AttemptSummary, Store
from simulator.training.tracks import Track, load_tracks


def trainee_may_resume(attempt: AttemptSummary, tracks: list[Track]) -> bool:
    """A practice call cut off can be taken up by its trainee; an exam cut off is a failed
    try, unless every track it counts for says otherwise (`abandoned_exam: resumable`) or a
    trainer re-opened it (then it reads `interrupted`)."""
    if attempt.status == "interrupted":
        return True
    if attempt.status != "abandoned":
        return False
    counting = [t for t in tracks if t.has(attempt.scenario)]
    return bool(counting) and all(t.abandoned_exam == "resumable" for t in counting)


def latest_resumable(store: Store, trainee: str) -> AttemptSummary | None:
    """The trainee's latest call they may take up themselves (F4), or None."""
    tracks = load_tracks()
    cut_off = [
        a
        for a in store.attempts(trainee=trainee)
        if a.status in ("interrupted", "abandoned") and trainee_may_resume(a, tracks)
    ]
    return cut_off[-1] if cut_off else None


def resume(
    store: Store,
    attempt_id: str,
    scenario_for: Callable[[str], Scenario],
    journal: TurnSink,
    on_error: Callable[[StoreError], None],
) -> Session:
    """The attempt, claimed for this process and rebuilt by replaying its lines; it goes on
    recording into the same journal and attempt. StoreError or ResumeError when it cannot."""
    summary = store.attempt(attempt_id).summary
    if summary.status == "abandoned" and trainee_may_resume(summary, load_tracks()):
        store.reopen(attempt_id)  # the track's policy, not a trainer, allows it
    transcript = store.take_over(attempt_id, this_process())
    scenario = scenario_for(transcript.scenario_id)
    return Session.resumed(scenario, transcript, recorded(journal, store, on_error))
