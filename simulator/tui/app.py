"""The CollectSim app: start (catalog) → call → report, in a terminal or a browser."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding

from scoring.lang import Lang
from simulator.engine.ui_lang import default_lang
from simulator.tui.screens.start import StartScreen
from simulator.tui.strings import t

if TYPE_CHECKING:
    from simulator.engine.catalog import Entry
    from simulator.engine.journal import TurnSink
    from simulator.engine.scenario import Scenario
    from simulator.engine.session import Session
    from simulator.records import Store
    from simulator.training.tracks import Track


def import_call_modules() -> None:
    """Import what the first call needs: the engine, the recorder, the call and report
    screens (the app does it while the trainee chooses; `serve`'s warm parent before any tab)."""
    from simulator.engine import recording, session
    from simulator.records import sink
    from simulator.tui.screens import call, report

    del recording, session, sink, call, report  # imported for their cost, not their names


class CollectSimApp(App[None]):
    TITLE = "CollectSim"
    ENABLE_COMMAND_PALETTE = False  # its texts are English-only; every action has a key
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(
        self,
        *,
        lang: Lang | None = None,
        trainee: str = "",
        entries: list[Entry] | None = None,
        scenario_id: str | None = None,
        records_url: str | None = None,
        trainee_locked: bool = False,
        sees_records: bool = True,
    ) -> None:
        """`trainee_locked`: the name comes from outside (sign-in in browser mode) and can
        never be changed in the app."""
        super().__init__()
        self.lang: Lang = lang or default_lang()
        self.trainee = trainee
        # Signed in through `serve`: the name is the account's (not typed, never changed), and
        # every trainee's records (the HR screen) only for a trainer or HR role.
        self.signed_in = trainee_locked and bool(trainee)
        self.sees_records = sees_records
        # Locked once a call has been recorded under the name in this app session: changing
        # it then is an explicit action (F5 on the start screen), never a stray keystroke.
        self.trainee_locked = self.signed_in
        # None until loaded: the catalog loads in a thread after the first screen is up.
        self.entries: list[Entry] | None = entries
        self._open_directly = scenario_id
        self._records_url = records_url
        self._store: Store | None = None
        self._store_failed = False
        self._store_lock = threading.Lock()  # the store opens in whichever thread asks first
        self._resume: Session | None = None  # `tui --resume`: the call to open first
        self._tracks: list[Track] | None = None

    def on_mount(self) -> None:
        self.title = t("app_title", self.lang)
        self.push_screen(StartScreen())
        if self._resume is not None:
            from simulator.tui.screens.call import CallScreen

            self.push_screen(CallScreen(self._resume))
        if self.entries is None:
            self.run_worker(self._load_catalog, thread=True, exclusive=True)
        else:
            self._warm_up(self.entries)

    def _load_catalog(self) -> None:
        # Scenario models (pydantic) load here, in the worker, not before the first screen.
        from simulator.engine.catalog import load_catalog

        entries, _problems = load_catalog()  # `collectsim validate` reports broken files
        self.call_from_thread(self._catalog_loaded, entries)

    def _catalog_loaded(self, entries: list[Entry]) -> None:
        self.entries = entries
        for screen in self.screen_stack:
            if isinstance(screen, StartScreen) and screen.is_mounted:
                screen.catalog_ready()
        self._warm_up(entries)

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def _warm_up(self, entries: list[Entry]) -> None:
        """What the first call needs (the engine, the recorder, the call and report screens,
        each catalog jurisdiction's compiled rule pack), loaded while the trainee chooses, so
        the call opens at once. A failure here is left to that call to report."""
        from scoring.compliance import judge_for
        from scoring.meaning import warm

        import_call_modules()
        for jurisdiction in sorted({entry.scenario.jurisdiction for entry in entries}):
            judge_for(jurisdiction)
        for lang in sorted({entry.scenario.lang for entry in entries}):
            warm(lang)

    def records(self) -> Store | None:
        """The records store, opened on first use; None (after one warning) if it cannot be.
        Safe to call from a worker thread (the store serialises its statements)."""
        from simulator.records import Store, StoreError

        with self._store_lock:
            if self._store is None and not self._store_failed:
                try:
                    self._store = Store.open(self._records_url)
                except StoreError as exc:
                    self._store_failed = True
                    self.notify(
                        t("records_unavailable", self.lang, reason=exc),
                        severity="error",
                        markup=False,
                    )
            return self._store

    def tracks(self) -> list[Track]:
        """The catalog's certification tracks, read once; none when they cannot be read
        (`collectsim validate` reports a broken track file)."""
        if self._tracks is None:
            from simulator.engine.loader import ScenarioError
            from simulator.training.tracks import load_tracks

            try:
                self._tracks = load_tracks()
            except (ScenarioError, OSError):
                self._tracks = []
        return self._tracks

    def history(self, trainee: str) -> dict[str, tuple[float | None, int]]:
        """Best score and number of attempts per scenario for this trainee (a store query:
        from a worker thread, except where a call opens). StoreError when the query fails."""
        store = self.records() if trainee else None
        return store.best_by_scenario(trainee) if store else {}

    def sink_for(self, trainee: str) -> TurnSink:
        """Every turn to the journal and, when the store is available, to the records."""
        from simulator.records.sink import recorded  # loads the judge: at call time

        return recorded(self.journal(), self.records(), self.records_failed)

    def journal(self) -> TurnSink:
        """The call's journal; a write failure (a full disk) is told once and the call goes
        on, recorded in the store when there is one."""
        from simulator.engine.journal import TolerantJournal
        from simulator.engine.recording import journal_sink

        return TolerantJournal(journal_sink(), self.journal_failed)

    def journal_failed(self, exc: Exception) -> None:
        self.notify(
            t("journal_failed", self.lang, reason=exc), severity="error", timeout=10, markup=False
        )

    def open_resumed(self, session: Session, store: Store) -> None:
        """`tui --resume`: open on this call, already taken up in `store` (see resume_call);
        its store failures must go to `records_failed`."""
        self._resume, self._store, self.trainee = session, store, session.transcript.trainee

    def resume_latest(self, trainee: str) -> Session | None:
        """The trainee's latest interrupted call, taken up; None when there is none.
        ValueError (one line) when it cannot be."""
        from simulator.engine.session import ResumeError
        from simulator.records import StoreError
        from simulator.training.resuming import latest_resumable, resume

        store = self.records()
        if store is None:
            return None
        try:
            latest = latest_resumable(store, trainee)  # never an exam a trainer did not re-open
            if latest is None:
                return None
            return resume(store, latest.id, self._scenario, self.journal(), self.records_failed)
        except (StoreError, ResumeError) as exc:
            raise ValueError(str(exc)) from None

    def _scenario(self, scenario_id: str) -> Scenario:
        from simulator.engine.session import ResumeError

        for entry in self.entries or []:
            if entry.scenario.id == scenario_id:
                return entry.scenario
        raise ResumeError("not_in_catalog", scenario=scenario_id)

    def records_failed(self, exc: Exception) -> None:
        self.notify(
            t("records_failed", self.lang, reason=exc), severity="error", timeout=10, markup=False
        )

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()

    def take_direct_open(self) -> str | None:
        """The scenario `--scenario` asked for, once."""
        scenario_id, self._open_directly = self._open_directly, None
        return scenario_id
