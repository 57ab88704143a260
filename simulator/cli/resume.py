"""`play --resume` and `tui --resume`: an interrupted call taken up where it stopped."""

from __future__ import annotations

from simulator.catalog import resolve
from simulator.cli.errors import UserError
from simulator.cli.hr_cmds import CliRecorder, open_store, store_errors
from simulator.journal import JournalSink
from simulator.recording import journal_sink
from simulator.records.owner import this_process
from simulator.records.sink import FanOut
from simulator.session import ResumeError, Session


def resume_call(attempt: str, db: str | None) -> tuple[Session, CliRecorder, JournalSink]:
    """The attempt (id or prefix), claimed for this process and rebuilt by replaying its
    lines; it goes on recording into the same attempt and journal."""
    recorder = CliRecorder(open_store(db, create=False))
    try:
        with store_errors():
            attempt_id = recorder.store.resolve(attempt)
            transcript = recorder.store.take_over(attempt_id, this_process())
        journal = journal_sink()
        scenario = resolve(transcript.scenario_id).scenario
        try:
            session = Session.resumed(scenario, transcript, FanOut(journal, recorder))
        except ResumeError as exc:
            raise UserError(str(exc)) from None
    except BaseException:
        recorder.store.close()
        raise
    return session, recorder, journal
