"""HR: every trainee's certification level, what they still need, and what goes wrong most."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Label, Static

from simulator.engine.safetext import visible
from simulator.records import StoreError
from simulator.training.hr import TraineeProgress, level_counts, overview, top_findings
from simulator.training.tracks import Track, load_tracks
from simulator.tui.fit import Column, cursor_row, cut, widths
from simulator.tui.screens.base import AppScreen
from simulator.tui.strings import t


def bars(counts: list[tuple[str, int]], width: int = 30) -> str:
    """A text bar chart: one row a level, the bar proportional to the trainees holding it."""
    top = max((n for _, n in counts), default=0) or 1
    return "\n".join(f"{name:>3} {'█' * round(n / top * width):<{width}} {n}" for name, n in counts)


FLEXIBLE = {0, 1, 7}  # trainee, cohort, still needs: cut to fit; the figures never are


@dataclass(frozen=True, slots=True)
class Overview:
    """What the HR screen shows, read from the records in a worker thread."""

    track: Track
    rows: list[TraineeProgress]
    levels: list[tuple[str, int]]
    findings: list[tuple[str, str, int]]  # (rule, severity, how often)
    passed: dict[str, dict[str, int]]  # trainee -> mode -> scenarios passed in that mode


class HRScreen(AppScreen):
    """The whole centre's overview takes a while over many trainees: it is read in a worker
    thread, with a loading line until it arrives."""

    CSS_PATH = "hr.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    class Loaded(Message):
        """The overview, or None when there is no track or no records store."""

        def __init__(self, overview: Overview | None) -> None:
            super().__init__()
            self.overview = overview

    class Failed(Message):
        def __init__(self, reason: StoreError | str) -> None:
            super().__init__()
            self.reason = reason

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        yield Static("", id="hr-title", markup=False)
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static("", id="needs", markup=False)
        with Horizontal(id="hr-bottom"):
            with Vertical():
                yield Label(t("hr_levels", lang), classes="heading")
                yield Static("", id="levels", markup=False)
            with Vertical():
                yield Label(t("hr_findings", lang), classes="heading")
                yield Static("", id="findings", markup=False)
        yield Static(t("hr_keys", lang), id="hr-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#hr-title", Static).update(t("hr_loading", self.lang))
        self._load()

    @work(thread=True, exclusive=True, group="hr")
    def _load(self) -> None:
        try:
            tracks = load_tracks()
            store = self.sim.records()
            if not tracks or store is None:
                self.post_message(self.Loaded(None))
                return
            track: Track = tracks[0]
            rows = overview(store, track, datetime.now(UTC))
            result = Overview(
                track,
                rows,
                level_counts(rows, track),
                top_findings(store, limit=8),
                store.passed_by_mode(),
            )
        except (StoreError, OSError) as exc:
            # A store's error is said in the screen's language (t() says it).
            self.post_message(self.Failed(exc if isinstance(exc, StoreError) else str(exc)))

            return
        self.post_message(self.Loaded(result))

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.query_one("#hr-title", Static).update(t("hr_unavailable", self.lang))
        self.notify(
            t("records_read_failed", self.lang, reason=message.reason),
            severity="error",
            markup=False,
        )

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        lang, data = self.lang, message.overview
        if data is None:
            self.query_one("#hr-title", Static).update(t("hr_unavailable", lang))
            return
        self.query_one("#hr-title", Static).update(
            f"{data.track.title.get(lang)} · {len(data.rows)} {t('hr_trainees', lang)}"
            f" · {t('hr_exam_only', lang)}"
        )
        self._fill(data.rows, data.passed)
        self.query_one("#levels", Static).update(bars(data.levels))
        self.query_one("#findings", Static).update(
            "\n".join(f"{n:>4}  [{severity}] {rule}" for rule, severity, n in data.findings)
            or t("no_findings", lang)
        )

    def _fill(self, rows: list[TraineeProgress], passed: dict[str, dict[str, int]]) -> None:
        """The table cut to the screen: names, cohorts and what each still needs are cut with
        "…" before any column leaves the view; the highlighted row's list is shown whole."""
        self._shown = (rows, passed)
        self._fitted_width = self.size.width
        lang = self.lang
        table = self.query_one("#people", DataTable)
        keep = cursor_row(table)
        table.clear(columns=True)
        labels = [
            t("trainee", lang),
            t("hr_cohort", lang),
            t("col_attempts", lang),
            t("hr_exam_passes", lang),
            t("hr_practice_passes", lang),
            t("col_best", lang),
            t("hr_level", lang),
            t("hr_still_needs", lang),
        ]
        cells = [
            [
                r.trainee,
                r.cohort or "—",
                str(r.attempts),
                str(passed.get(r.trainee, {}).get("exam", 0)),
                str(passed.get(r.trainee, {}).get("practice", 0)),
                "—" if r.best_score is None else f"{r.best_score:.0f}",
                r.level or "—",
                self._needs(r),
            ]
            for r in rows
        ]
        fitted = widths(
            self.size.width - table.styles.margin.width,
            [
                Column(label, [row[i] for row in cells], flexible=i in FLEXIBLE)
                for i, label in enumerate(labels)
            ],
        )
        table.add_columns(*labels)
        for r, row in zip(rows, cells, strict=True):
            # Plain Text cells: a name is the trainee's own text, never markup.
            table.add_row(*(cut(x, w) for x, w in zip(row, fitted, strict=True)), key=r.trainee)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_needs()

    def _needs(self, r: TraineeProgress) -> str:
        return ", ".join(r.missing) or t("hr_done", self.lang)

    _shown: tuple[list[TraineeProgress], dict[str, dict[str, int]]] | None = None
    _fitted_width = 0

    def on_resize(self, event: events.Resize) -> None:
        if self._shown is not None and event.size.width != self._fitted_width:
            self._fill(*self._shown)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_needs()

    def _show_needs(self) -> None:
        """The highlighted trainee's whole "still needs" list (the column may be cut)."""
        table = self.query_one("#people", DataTable)
        line = self.query_one("#needs", Static)
        key = cursor_row(table)
        rows = self._shown[0] if self._shown else []
        row = next((r for r in rows if key is not None and r.trainee == key.value), None)
        line.update(
            ""
            if row is None
            else f"{visible(row.trainee)} · {t('hr_still_needs', self.lang)}: {self._needs(row)}"
        )
