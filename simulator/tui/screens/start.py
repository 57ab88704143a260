"""Start: who is training, in which language, and which scenario."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Label, Select
from textual.worker import get_current_worker

from simulator.tui.fit import Column, cursor_row, cut, widths
from simulator.tui.screens.base import AppScreen
from simulator.tui.screens.help import HelpScreen
from simulator.tui.strings import t
from simulator.tui.text import cell

if TYPE_CHECKING:
    from simulator.engine.scenario import Scenario

ALL = "all"

# scenario id -> (best score or None, attempts): one trainee's records as the catalog shows them.
History = dict[str, tuple[float | None, int]]


def matches(s: Scenario, text: str, language: str, jurisdiction: str, difficulty: str) -> bool:
    if language != ALL and s.language != language:
        return False
    if jurisdiction != ALL and s.jurisdiction != jurisdiction:
        return False
    if difficulty != ALL and str(s.difficulty) != difficulty:
        return False
    haystack = " ".join([s.id, s.title.zh, s.title.en, *s.tags]).lower()
    return all(word in haystack for word in text.lower().split())


class StartScreen(AppScreen):
    """The catalog filters in memory as the trainee types; their best scores and tries are
    read from the store in a worker thread, once the name has rested for HISTORY_DELAY."""

    CSS_PATH = "start.tcss"
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("f3", "hr", "Records"),
        Binding("f4", "resume", "Resume"),
        Binding("f5", "change_trainee", "Change trainee"),
    ]
    HISTORY_DELAY: ClassVar[float] = 0.25  # seconds

    class HistoryLoaded(Message):
        """A trainee's records, read in a worker thread."""

        def __init__(self, trainee: str, history: History) -> None:
            super().__init__()
            self.trainee = trainee
            self.history = history

    def __init__(self, kept: dict[str, object] | None = None, kept_filter: str = "") -> None:
        super().__init__()
        self._kept = kept or {}  # the selects' values carried over a language switch
        self._kept_filter = kept_filter
        self._history_of: str | None = None  # whose records `_history` holds
        self._history: History = {}
        self._history_timer: Timer | None = None
        self._history_failed = False  # its error is shown once

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        with Horizontal(id="who"):
            yield Label(t("trainee", lang), id="trainee-label")
            yield Input(
                self.sim.trainee,
                placeholder=t("trainee_placeholder", lang),
                id="trainee",
                disabled=self.sim.trainee_locked,
            )
            yield Select(
                [("中文", "zh"), ("English", "en")], value=lang, allow_blank=False, id="lang"
            )
            yield Select(
                [(t("practice", lang), "practice"), (t("exam", lang), "exam")],
                value="practice",
                allow_blank=False,
                id="mode",
            )
        with Horizontal(id="filters"):
            yield Input(placeholder=t("filter_placeholder", lang), id="filter")
            yield Label(t("col_lang", lang), classes="filter-label")
            yield Select(
                [(t("all", lang), ALL), ("中文 zh-CN", "zh-CN"), ("English en-US", "en-US")],
                value=ALL,
                allow_blank=False,
                id="language",
            )
            yield Label(t("jurisdiction", lang), classes="filter-label")
            yield Select(
                [(t("all", lang), ALL), ("CN", "CN"), ("US", "US")],
                value=ALL,
                allow_blank=False,
                id="jurisdiction",
            )
            yield Label(t("difficulty", lang), classes="filter-label")
            yield Select(
                [(t("all", lang), ALL)] + [("★" * d, str(d)) for d in (1, 2, 3)],
                value=ALL,
                allow_blank=False,
                id="difficulty",
            )
        yield DataTable(id="catalog", cursor_type="row", zebra_stripes=True)
        yield Label(
            "", id="counts", markup=False
        )  # whether the chosen call can count toward certification
        yield Label(t(self._hint(), lang), id="start-hint")

    _ready = False

    def _hint(self) -> str:
        return "start_hint" if self.sim.sees_records else "start_hint_trainee"

    def on_mount(self) -> None:
        for key, value in self._kept.items():
            self.query_one(f"#{key}", Select).value = value
        self.query_one("#filter", Input).value = self._kept_filter
        self._ready = True
        # A new trainee gives their name first; a known one goes straight to the catalog; after
        # a language switch the focus stays on the language select.
        first = "#lang" if self._kept else "#catalog" if self.sim.trainee else "#trainee"
        self.query_one(first).focus()
        self.catalog_ready()
        self.reload_history()

    def catalog_ready(self) -> None:
        self.refresh_catalog()
        if self.sim.entries is not None:
            scenario_id = self.sim.take_direct_open()
            if scenario_id:
                self.open_scenario(scenario_id, mode="practice")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id in {"trainee", "filter"}:
            self.query_one("#catalog", DataTable).focus()

    def _trainee_name(self) -> str:
        if self.sim.trainee_locked:
            return self.sim.trainee
        return self.query_one("#trainee", Input).value.strip()

    def reload_history(self) -> None:
        """Read the current trainee's records again now (a call of theirs was recorded)."""
        self.lock_trainee()
        if self._history_timer is not None:
            self._history_timer.stop()
            self._history_timer = None
        trainee = self._trainee_name()
        if not trainee:
            self._history_of, self._history = "", {}
            self._show_history()
            return
        self._read_history(trainee)

    def _schedule_history(self) -> None:
        """Read the records when the name has rested: one query, not one a keystroke."""
        if self._history_timer is not None:
            self._history_timer.stop()
        self._history_timer = self.set_timer(self.HISTORY_DELAY, self.reload_history)

    @work(thread=True, exclusive=True, group="history")
    def _read_history(self, trainee: str) -> None:
        from simulator.records import StoreError

        try:
            history = self.sim.history(trainee)
        except StoreError as exc:
            if not self._history_failed:
                self._history_failed = True
                self.notify(
                    t("records_read_failed", self.lang, reason=exc), severity="error", markup=False
                )
            history = {}
        if not get_current_worker().is_cancelled:
            self.post_message(self.HistoryLoaded(trainee, history))

    @on(HistoryLoaded)
    def _history_loaded(self, message: HistoryLoaded) -> None:
        if message.trainee == self._trainee_name():  # else the name changed meanwhile
            self._history_of, self._history = message.trainee, message.history
            self._show_history()

    def _records_cells(self, scenario_id: str) -> tuple[str, str]:
        """Best and tries as shown; "…" until this name's records are read (never another
        trainee's figures under it)."""
        if self._history_of != self._trainee_name():
            return "…", "…"
        best, tries = self._history.get(scenario_id, (None, 0))
        return ("—" if best is None else f"{best:.0f}"), str(tries)

    def _show_history(self) -> None:
        """The records columns of the rows shown, updated in place: the rows stay put."""
        table = self.query_one("#catalog", DataTable)
        for row_key in list(table.rows):
            best, tries = self._records_cells(str(row_key.value))
            table.update_cell(row_key, "best", best, update_width=True)
            table.update_cell(row_key, "tries", tries, update_width=True)

    def refresh_catalog(self) -> None:
        """The table from the loaded catalog and the records already read: no store query.
        Titles are cut to what the screen leaves them, so every column stays in view."""
        lang = self.lang
        table = self.query_one("#catalog", DataTable)
        keep = cursor_row(table)
        table.clear(columns=True)
        labels = [
            t("col_title", lang),
            t("col_lang", lang),
            t("jurisdiction", lang),
            t("difficulty", lang),
            t("col_best", lang),
            t("col_attempts", lang),
        ]
        table.add_columns(*labels[:4])
        table.add_column(labels[4], key="best")
        table.add_column(labels[5], key="tries")
        text = self.query_one("#filter", Input).value
        language = str(self.query_one("#language", Select).value)
        jurisdiction = str(self.query_one("#jurisdiction", Select).value)
        difficulty = str(self.query_one("#difficulty", Select).value)
        if self.sim.entries is None:
            self.query_one("#start-hint", Label).update(t("loading", lang))
            return
        self.query_one("#start-hint", Label).update(t(self._hint(), lang))
        rows = [
            (
                s.id,
                [
                    s.title.get(lang),
                    s.language,
                    s.jurisdiction,
                    "★" * s.difficulty,
                    *self._records_cells(s.id),
                ],
            )
            for s in (e.scenario for e in self.sim.entries)
            if matches(s, text, language, jurisdiction, difficulty)
        ]
        self._fitted_width = self.size.width
        title_width = widths(
            self.size.width - table.styles.margin.width,
            [
                Column(label, [r[1][i] for r in rows], flexible=i == 0)
                for i, label in enumerate(labels)
            ],
        )[0]
        for scenario_id, cells in rows:
            # Plain Text cells: a catalog title is text, never markup.
            title, language, jurisdiction, stars, best, tries = cells
            table.add_row(
                cut(title, title_width),
                cell(language),
                cell(jurisdiction),
                stars,
                best,
                tries,
                key=scenario_id,
            )
        if table.row_count == 0:
            self.notify(t("no_scenarios", lang))
        elif keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))

    _fitted_width = 0

    def on_resize(self, event: events.Resize) -> None:
        """A wider or narrower terminal (or browser window): titles cut again to fit."""
        if self._ready and event.size.width != self._fitted_width:
            self.refresh_catalog()

    def on_input_changed(self, event: Input.Changed) -> None:
        if not self._ready:
            return
        if event.input.id == "trainee" and not self.sim.trainee_locked:
            self.sim.trainee = self._trainee_name()
            self._show_history()
            self._schedule_history()
        elif event.input.id == "filter":
            self.refresh_catalog()

    def on_select_changed(self, event: Select.Changed) -> None:
        if not self._ready:
            return  # the initial values being set, not a choice
        if event.select.id == "lang" and event.value in {"zh", "en"} and event.value != self.lang:
            self.sim.lang = event.value
            self.app.title = t("app_title", self.sim.lang)
            # Redrawn in the new language with what the trainee had chosen, focus kept on the
            # language select (the filter was cleared and the next keys went nowhere).
            kept = {
                key: self.query_one(f"#{key}", Select).value
                for key in ("mode", "language", "jurisdiction", "difficulty")
            }
            kept_filter = self.query_one("#filter", Input).value
            self.app.pop_screen()
            self.app.push_screen(StartScreen(kept, kept_filter))
        elif event.select.id in {"language", "jurisdiction", "difficulty"}:
            self.refresh_catalog()
        elif event.select.id == "mode":
            self._show_counts()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_counts()

    def _show_counts(self) -> None:
        """Before the call: whether this scenario in this mode can count toward certification."""
        from simulator.training.tracks import certification_note

        table = self.query_one("#catalog", DataTable)
        label = self.query_one("#counts", Label)
        if table.row_count == 0:
            label.update("")
            return
        scenario_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        mode = str(self.query_one("#mode", Select).value)
        label.update(certification_note(scenario_id, mode, self.sim.tracks()).get(self.lang))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        mode = str(self.query_one("#mode", Select).value)
        self.open_scenario(str(event.row_key.value), mode="exam" if mode == "exam" else "practice")

    def _checked_name(self) -> str | None:
        """The trainee's name when it is one (the same check as the command line's), else
        None after saying why: a name reaches HR's tables and terminals."""
        from simulator.engine.names import MAX_NAME_CHARS, name_problem

        trainee = self.sim.trainee or self.query_one("#trainee", Input).value.strip()
        problem = name_problem(trainee)
        if problem is None:
            return trainee
        key = "need_name" if problem == "empty" else f"name_{problem}"
        self.notify(t(key, self.lang, limit=MAX_NAME_CHARS), severity="warning")
        self.query_one("#trainee", Input).focus()
        return None

    def open_scenario(self, scenario_id: str, mode: Literal["practice", "exam"]) -> None:
        trainee = self._checked_name()
        if trainee is None:
            return
        # The engine and the call screen load when the first call starts, not at start-up.
        from simulator.engine.policy import mode_policy
        from simulator.engine.session import Session
        from simulator.tui.screens.call import CallScreen

        entry = next((e for e in self.sim.entries or [] if e.scenario.id == scenario_id), None)
        if entry is None:
            self.notify(t("no_scenarios", self.lang), severity="error")
            return
        # The tries so far (the practice seed), read now, not from the table: the call opening
        # writes to the store on this thread anyway, and the count must be current.
        tries = self.sim.history(trainee).get(scenario_id, (None, 0))[1]
        seed = mode_policy(mode).seed_for(mode, tries)
        session = Session(
            entry.scenario, seed=seed, mode=mode, trainee=trainee, sink=self.sim.sink_for(trainee)
        )
        self.app.push_screen(CallScreen(session))

    def action_resume(self) -> None:
        """Take up this trainee's latest interrupted call (a closed tab, a killed process)."""
        trainee = self._checked_name()
        if trainee is None:
            return
        from simulator.tui.screens.call import CallScreen

        try:
            session = self.sim.resume_latest(trainee)
        except ValueError as exc:
            self.notify(t("resume_failed", self.lang, reason=exc), severity="error", markup=False)
            return
        if session is None:
            self.notify(t("resume_none", self.lang))
            return
        self.app.push_screen(CallScreen(session))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # No key, no footer entry: a trainee never reaches the HR screen.
        return not (action == "hr" and not self.sim.sees_records)

    def lock_trainee(self) -> None:
        """A call was recorded under the name: the field no longer takes keystrokes."""
        self.query_one("#trainee", Input).disabled = self.sim.trainee_locked

    def action_change_trainee(self) -> None:
        """The explicit way to another trainee once the name is locked (never after sign-in)."""
        if self.sim.signed_in:
            self.notify(t("trainee_signed_in", self.lang), severity="warning")
            return
        self.sim.trainee_locked = False
        field = self.query_one("#trainee", Input)
        field.disabled = False
        field.focus()

    def action_hr(self) -> None:
        if not self.sim.sees_records:
            return
        from simulator.tui.screens.hr import HRScreen

        self.app.push_screen(HRScreen())

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
