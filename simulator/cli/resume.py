"""`play --resume` and `tui --resume`: an interrupted call taken up where it stopped."""

from __future__ import annotations

from collections.abc import Callable

from simulator.cli.common import fail_on_store_error, open_store, store_errors
from simulator.cli.errors import UserError
from simulator.engine.catalog import resolve
from simulator.engine.journal import JournalSink
from simulator.engine.recording import journal_sink
from simulator.engine.session import ResumeError, Session
from simulator.records.db import StoreError
from simulator.records.store import Store
from simulator.training.resuming import resume


def resume_call(
    attempt: str,
    db: str | None,
    on_error: Callable[[StoreError], None] = fail_on_store_error,
) -> tuple[Session, Store, JournalSink]:
    """The attempt (id or prefix) taken up; its store is the caller's to close. A store
    failure later in the call goes to `on_error` (by default: a one-line error)."""
    store = open_store(db, create=False)
    journal = journal_sink()
    try:
        with store_errors():
            attempt_id = store.resolve(attempt)
            session = resume(
                store, attempt_id, lambda sid: resolve(sid).scenario, journal, on_error
            )
    except ResumeError as exc:
        store.close()
        raise UserError.of(exc) from None
    except BaseException:
        store.close()
        raise
    return session, store, journal
