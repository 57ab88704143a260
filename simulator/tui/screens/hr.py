"""HR: every trainee's certification level, what they still need, and what goes wrong most."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Label, Static

from simulator.training.hr import TraineeProgress, level_counts, overview, top_findings
from simulator.training.tracks import Track, load_tracks
from simulator.tui.screens.base import AppScreen
from simulator.tui.strings import t


def bars(counts: list[tuple[str, int]], width: int = 30) -> str:
    """A text bar chart: one row a level, the bar proportional to the trainees holding it."""
    top = max((n for _, n in counts), default=0) or 1
    return "\n".join(f"{name:>3} {'█' * round(n / top * width):<{width}} {n}" for name, n in counts)


class HRScreen(AppScreen):
    CSS_PATH = "hr.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        yield Static("", id="hr-title", markup=False)
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="hr-bottom"):
            with Vertical():
                yield Label(t("hr_levels", lang), classes="heading")
                yield Static("", id="levels", markup=False)
            with Vertical():
                yield Label(t("hr_findings", lang), classes="heading")
                yield Static("", id="findings", markup=False)
        yield Static(t("hr_keys", lang), id="hr-keys", markup=False)

    def on_mount(self) -> None:
        lang = self.lang
        tracks = load_tracks()
        store = self.sim.records()
        if not tracks or store is None:
            self.query_one("#hr-title", Static).update(t("hr_unavailable", lang))
            return
        track: Track = tracks[0]
        rows = overview(store, track, datetime.now(UTC))
        self.query_one("#hr-title", Static).update(
            f"{track.title.get(lang)} · {len(rows)} {t('hr_trainees', lang)}"
        )
        self._fill(rows)
        self.query_one("#levels", Static).update(bars(level_counts(rows, track)))
        findings = top_findings(store, limit=8)
        self.query_one("#findings", Static).update(
            "\n".join(f"{n:>4}  [{severity}] {rule}" for rule, severity, n in findings)
            or t("no_findings", lang)
        )

    def _fill(self, rows: list[TraineeProgress]) -> None:
        lang = self.lang
        table = self.query_one("#people", DataTable)
        table.add_columns(
            t("trainee", lang),
            t("hr_cohort", lang),
            t("col_attempts", lang),
            t("hr_passes", lang),
            t("col_best", lang),
            t("hr_level", lang),
            t("hr_still_needs", lang),
        )
        for r in rows:
            table.add_row(
                r.trainee,
                r.cohort or "—",
                str(r.attempts),
                str(r.passes),
                "—" if r.best_score is None else f"{r.best_score:.0f}",
                r.level or "—",
                ", ".join(r.missing) or t("hr_done", lang),
                key=r.trainee,
            )
