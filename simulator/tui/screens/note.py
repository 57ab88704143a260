"""The after-call note: outcome, promise and next step, before the report."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Header, Input, Static

from simulator.engine.session import Session
from simulator.tui.screens.base import AppScreen
from simulator.tui.strings import t
from simulator.tui.text import literal


class NoteScreen(AppScreen):
    CSS_PATH = "note.tcss"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        with Vertical(id="note-box"):
            yield Static(t("note_title", lang), id="note-title", markup=False)
            yield Static(t("note_help", lang), markup=False)
            last = self.session.transcript.turns[-1]
            who = self.session.scenario.persona.name
            yield Static(f"{literal(who)}: {literal(last.text)}", id="last-line", markup=False)
            yield Input(placeholder=t("note_placeholder", lang), id="note")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from simulator.tui.screens.report import ReportScreen  # report imports call, call us

        self.session.end(note=event.value)
        self.app.switch_screen(ReportScreen(self.session))
