"""The call: the account card, the chat, the persona's mood, objectives, warnings and hints."""

from __future__ import annotations

import time
from typing import Self

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Region
from textual.widgets import Header, Input, Label, ProgressBar, Static

from scoring.endings import label as ending_label
from scoring.findings import Finding
from scoring.text import too_long
from simulator.engine.hints import suggest
from simulator.engine.session import Session
from simulator.tui.cards import account_card, objectives_card
from simulator.tui.chat_log import ChatLine, ChatLog
from simulator.tui.screens.base import AppScreen
from simulator.tui.screens.help import HelpScreen
from simulator.tui.strings import t
from simulator.tui.text import literal


def unwrapped(text: str, width: int) -> int | None:
    """How many lines `text` takes in `width` cells when none of them wraps; None when one
    would (its height then depends on where the words break)."""
    lines = text.split("\n")
    return len(lines) if all(cell_len(line) <= width for line in lines) else None


class ChatInput(Input):
    """The line being typed. Its size is fixed (call.tcss): what is typed never changes the
    screen's layout, so a keystroke repaints the box alone (Input asks for a layout of the
    whole screen whenever its text's width changes: every keystroke, in every trainee's
    process under `serve`)."""

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        return super().refresh(*regions, repaint=repaint, recompose=recompose)


TICK_SECONDS = 60.0  # the call timer shows whole minutes


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
        # What the side panel and the warnings box show now: a turn that changes nothing
        # there redraws nothing there (each update lays the screen out again).
        self._objectives_text: str | None = None
        self._warnings_text = ""

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
                yield ChatLog(id="chat")
                yield Static("", id="warnings", markup=False)
                yield ChatInput(placeholder=t("say_placeholder", lang), id="say")
        # Key help in the UI language (Textual's footer would show the English binding names).
        yield Static(t("help_call", lang), id="keys", markup=False)

    def on_mount(self) -> None:
        # A new call: the opening line; a resumed one: everything said so far.
        persona, you = self.session.scenario.persona.name, t("you", self.lang)
        self._add_lines(
            *(
                ChatLine(persona, turn.text, "persona")
                if turn.speaker == "persona"
                else ChatLine(you, turn.text, "trainee")
                for turn in self.session.transcript.turns
            )
        )
        self._refresh_side()
        self.set_interval(TICK_SECONDS, self._tick)
        say = self.query_one("#say", Input)
        # A steady cursor: a blinking one redraws the box twice a second while nobody types.
        say.cursor_blink = False
        say.focus()
        if self.session.ended is not None:
            self._finish()  # resumed after the call had ended: only the note or report is left

    # The wall clock of the call timer; tests pin it so screenshots are stable.
    now = staticmethod(time.monotonic)

    def _tick(self) -> None:
        minutes = int(self.now() - self._started) // 60
        clock = self.session.clock.strftime("%H:%M")
        text = f"{t('timer', self.lang, minutes=minutes)} · {clock}"
        if text == self._timer_text:
            return  # nothing changed: nothing is drawn
        self._timer_text = text
        # Its own line, of a fixed size (call.tcss): redrawn alone, the screen not laid out
        # again. In whole minutes: a clock redrawn every second was most of what an idle
        # trainee cost (in `serve`, one process per trainee, each frame sent to a browser).
        self.query_one("#timer", Label).update(text, layout=False)

    def _refresh_side(self) -> None:
        self.query_one("#mood", ProgressBar).update(progress=self.session.persona.mood)
        objectives = objectives_card(self.session.objectives(), self.lang)
        if objectives != self._objectives_text:
            box = self.query_one("#objectives", Static)
            # A mark changing (☐ → ☑) keeps the card's height: only the card is redrawn.
            same_height = self._objectives_text is not None and unwrapped(
                self._objectives_text, box.content_size.width
            ) == unwrapped(objectives, box.content_size.width)
            self._objectives_text = objectives
            box.update(objectives, layout=not same_height)
        self._tick()

    def _add_lines(self, *lines: ChatLine) -> None:
        """Lines added to the chat: only they are wrapped and drawn, whatever came before."""
        if lines:
            self.query_one("#chat", ChatLog).add(lines)

    def _show_warnings(self, findings: list[Finding]) -> None:
        text = ""
        if self.session.policy.warnings and findings:
            lines = [t("warning", self.lang)]
            for f in findings:
                lines.append(f"[{f.severity}] {f.rule}: {f.message.get(self.lang)}")
                lines.append(f"  → {f.suggestion.get(self.lang)}")
            text = "\n".join(lines)
        if text == self._warnings_text:
            return  # most turns: no warning before, none now
        self._warnings_text = text
        box = self.query_one("#warnings", Static)
        box.update(text)
        box.set_class(bool(text), "active")

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
        self._show_warnings(exchange.findings)
        self._add_lines(
            ChatLine(t("you", self.lang), text, "trainee"),
            ChatLine(self.session.scenario.persona.name, exchange.persona.text, "persona"),
        )
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
