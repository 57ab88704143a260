"""The call: the account card, the chat, the persona's mood, objectives, warnings and hints."""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Input, Label, ProgressBar, Static

from scoring.endings import label as ending_label
from scoring.findings import Finding
from scoring.text import too_long
from simulator.engine.hints import suggest
from simulator.engine.session import Session
from simulator.tui.cards import account_card, objectives_card
from simulator.tui.screens.base import AppScreen
from simulator.tui.screens.help import HelpScreen
from simulator.tui.strings import t
from simulator.tui.text import literal


class CallScreen(AppScreen):
    CSS_PATH = "call.tcss"
    BINDINGS = [
        # Priority: the chat Input would otherwise take ctrl+e as "end of line".
        Binding("ctrl+e,f10", "end_call", "End call", priority=True),
        Binding("f2", "hint", "Hint"),
        Binding("f1", "help", "Help"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._started = self.now()
        self._pending_hint = False
        self._timer_text = ""

    def compose(self) -> ComposeResult:
        lang = self.lang
        scenario = self.session.scenario
        yield Header()
        with Horizontal():
            with Vertical(id="side"):
                yield Static(t("account", lang), classes="heading")
                yield Static(
                    account_card(scenario.ledger, lang, self.session.clock),
                    id="account",
                    markup=False,
                )
                yield Label(t("mood", lang), classes="heading")
                yield ProgressBar(total=100, show_eta=False, id="mood")
                yield Label("", id="timer")
                yield Static(t("objectives", lang), classes="heading")
                yield Static("", id="objectives", markup=False)
            with Vertical(id="main"):
                yield Static(literal(scenario.title.get(lang)), id="call-title", markup=False)
                yield VerticalScroll(id="chat")
                yield Static("", id="warnings", markup=False)
                yield Input(placeholder=t("say_placeholder", lang), id="say")
        # Key help in the UI language (Textual's footer would show the English binding names).
        yield Static(t("help_call", lang), id="keys", markup=False)

    def on_mount(self) -> None:
        # A new call: the opening line; a resumed one: everything said so far.
        for turn in self.session.transcript.turns:
            if turn.speaker == "persona":
                self._add_line(self.session.scenario.persona.name, turn.text, "persona")
            else:
                self._add_line(t("you", self.lang), turn.text, "trainee")
        self._refresh_side()
        self.set_interval(1.0, self._tick)
        say = self.query_one("#say", Input)
        # A steady cursor: a blinking one redraws the box twice a second while nobody types.
        say.cursor_blink = False
        say.focus()
        if self.session.ended is not None:
            self._finish()  # resumed after the call had ended: only the note or report is left

    # The wall clock of the call timer; tests pin it so screenshots are stable.
    now = staticmethod(time.monotonic)

    def _tick(self) -> None:
        elapsed = int(self.now() - self._started)
        clock = self.session.clock.strftime("%H:%M")
        text = f"{t('timer', self.lang)} {elapsed // 60:02d}:{elapsed % 60:02d} · {clock}"
        if text == self._timer_text:
            return  # nothing changed: nothing is drawn
        self._timer_text = text
        # Its own line, of a fixed size (call.tcss): redrawn alone, the screen not laid out
        # again (once a second per trainee, in `serve` every trainee's process does this).
        self.query_one("#timer", Label).update(text, layout=False)

    def _refresh_side(self) -> None:
        self.query_one("#mood", ProgressBar).update(progress=self.session.persona.mood)
        self.query_one("#objectives", Static).update(
            objectives_card(self.session.objectives(), self.lang)
        )
        self._tick()

    def _add_line(self, who: str, text: str, kind: str) -> None:
        chat = self.query_one("#chat", VerticalScroll)
        chat.mount(Static(f"{literal(who)}: {literal(text)}", classes=f"line {kind}", markup=False))
        chat.scroll_end(animate=False)

    def _show_warnings(self, findings: list[Finding]) -> None:
        box = self.query_one("#warnings", Static)
        if not self.session.policy.warnings or not findings:
            box.update("")
            box.remove_class("active")
            return
        lines = [t("warning", self.lang)]
        for f in findings:
            lines.append(f"[{f.severity}] {f.rule}: {f.message.get(self.lang)}")
            lines.append(f"  → {f.suggestion.get(self.lang)}")
        box.update("\n".join(lines))
        box.add_class("active")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value
        refused = too_long(text)
        if refused is not None:  # kept in the box, to be cut into shorter lines
            self.notify(refused.get(self.lang), severity="warning")
            return
        event.input.value = ""
        if not text.strip() or self.session.ended:
            return
        hint, self._pending_hint = self._pending_hint, False
        exchange = self.session.say(text, hint=hint)
        self._add_line(t("you", self.lang), text, "trainee")
        self._show_warnings(exchange.findings)
        self._add_line(self.session.scenario.persona.name, exchange.persona.text, "persona")
        self._refresh_side()
        if exchange.ending is not None:
            self._finish()

    def action_hint(self) -> None:
        if not self.session.policy.hints:
            self.notify(t("hint_none", self.lang))
            return
        say = self.query_one("#say", Input)
        say.value = suggest(self.session)
        say.cursor_position = len(say.value)
        self._pending_hint = True  # the next line sent is marked as hinted and costs points
        self.notify(t("hint", self.lang))

    def action_end_call(self) -> None:
        self.session.end_call()
        self._finish()

    def _finish(self) -> None:
        from simulator.tui.screens.note import NoteScreen
        from simulator.tui.screens.report import ReportScreen  # report imports call (retry)

        ending = ending_label(self.session.ended).get(self.lang)
        self.notify(t("call_ended", self.lang, ending=ending))
        if self.session.wants_note:
            self.app.switch_screen(NoteScreen(self.session))
        else:
            self.app.switch_screen(ReportScreen(self.session))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
