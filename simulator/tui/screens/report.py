"""The report after the call: verdict, scores, findings with quotes, transcript, mood curve."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Label, Sparkline, Static

from scoring.i18n import Lang
from scoring.render import to_html, to_markdown
from scoring.report import Report
from scoring.report_view import ReportView, build_view, dimension_line, objective_line, w
from simulator.engine.paths import data_dir
from simulator.engine.reporting import report_for
from simulator.engine.session import Session
from simulator.training.tracks import certification_note
from simulator.tui.screens.base import AppScreen
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.start import StartScreen
from simulator.tui.strings import t
from simulator.tui.text import literal


def failing_turn(report: Report) -> int | None:
    """The turn that failed the call: its first critical finding, else its first finding."""
    turns = [f for f in report.findings if f.turn is not None]
    critical = [f for f in turns if f.severity == "critical"]
    chosen = critical or turns
    return chosen[0].turn if chosen else None


class ReportScreen(AppScreen):
    CSS_PATH = "report.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("r", "retry", "Retry from here"),
        Binding("f1", "help", "Help"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.report = report_for(session.transcript)
        if session.recorded_anything:
            self.sim.trainee_locked = True  # a call is on record under this name

    def view(self, lang: Lang) -> ReportView:
        """The one report view (the exports render the same one)."""
        scenario = self.session.scenario
        note = certification_note(scenario.id, self.session.transcript.mode, self.sim.tracks())
        return build_view(self.report, lang, title=scenario.title.get(lang), certification=note)

    def compose(self) -> ComposeResult:
        lang, report = self.lang, self.report
        view = self.view(lang)
        yield Header()
        with VerticalScroll(id="report"):
            yield Static(
                view.verdict,
                id="verdict",
                classes="passed" if report.passed else "failed",
                markup=False,
            )
            if view.critical:
                yield Static(view.critical, id="critical", markup=False)
            if view.certification:
                yield Static(view.certification, id="certification", markup=False)
            yield Label(w("dimensions", lang), classes="heading")
            for d in view.dimensions:
                lost = d.deductions or [w("full", lang)]
                yield Static(
                    "\n".join([dimension_line(d, lang), *(f"  {x}" for x in lost)]),
                    classes="dimension",
                    markup=False,
                )
            yield Label(w("objectives", lang), classes="heading")
            for o in view.objectives:
                yield Static(objective_line(o), classes="objective", markup=False)
            yield Static(view.ending, id="ending", markup=False)
            yield Label(t("mood_curve", lang), classes="heading")
            yield Sparkline([mood for _, mood in report.mood_curve], id="mood-curve")
            yield Label(w("findings", lang), classes="heading")
            if not view.findings:
                yield Static(w("no_findings", lang), markup=False)
            for f in view.findings:
                yield Static(
                    f"{f.head}\n"
                    f"  “{literal(f.quote)}”\n"
                    f"  {f.message}\n"
                    f"  {w('suggest', lang)}: {f.suggestion}\n"
                    f"  {w('source', lang)}: {f.citation}",
                    classes=f"finding {f.severity}",
                    markup=False,
                )
            yield Label(t("transcript", lang), classes="heading")
            name = self.session.scenario.persona.name
            for turn in self.session.transcript.turns:
                who = t("you", lang) if turn.speaker == "trainee" else name
                yield Static(
                    f"{turn.index:>2} {literal(who)}: {literal(turn.text)}",
                    classes=f"line {turn.speaker}",
                    markup=False,
                )
        with Vertical(id="bottom"):
            with Horizontal(id="actions"):
                yield Button(t("export_html", lang), id="export-html")
                yield Button(t("export_md", lang), id="export-md")
                yield Button(t("retry", lang), id="retry", variant="warning")
                yield Button(t("back", lang), id="back", variant="primary")
            yield Static(t("report_keys", lang), id="keys", markup=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "export-html":
                self.export("html")
            case "export-md":
                self.export("md")
            case "retry":
                self.action_retry()
            case "back":
                self.action_back()

    @work(thread=True, group="export")
    def export(self, fmt: Literal["html", "md"]) -> Path | None:
        """The report as a file in the data directory, written in a worker thread; the path,
        or None (after one error line) when it could not be written."""
        lang = self.lang
        try:
            folder = data_dir() / "reports"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{self.session.transcript.attempt_id}.{fmt}"
            view = self.view(lang)
            text = (
                to_html(self.report, self.session.transcript, lang, view)
                if fmt == "html"
                else to_markdown(self.report, lang, view)
            )
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.notify(t("export_failed", lang, reason=exc), severity="error", markup=False)
            return None
        self.notify(t("exported", lang, path=path), markup=False)
        return path

    def action_retry(self) -> None:
        turn = failing_turn(self.report)
        if turn is None:
            self.notify(t("retry_none", self.lang))
            return
        transcript = self.session.transcript
        lines = [x.text for x in transcript.trainee_turns() if x.index < turn]
        session = Session.replayed(
            self.session.scenario,
            lines,
            seed=transcript.seed,
            mode=transcript.mode,
            trainee=transcript.trainee,
            sink=self.sim.sink_for(transcript.trainee),
        )
        self.app.switch_screen(CallScreen(session))

    def action_help(self) -> None:
        from simulator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_back(self) -> None:
        self.app.pop_screen()
        start = self.app.screen
        if isinstance(start, StartScreen):
            start.reload_history()  # this call is among the trainee's records now
