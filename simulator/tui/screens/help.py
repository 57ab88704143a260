"""Help: what the keys do and how the modes differ."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from simulator.tui.strings import t

if TYPE_CHECKING:
    from simulator.tui.app import CollectSimApp


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        lang = self.app.lang  # type: ignore[attr-defined]
        with Vertical(id="help-box"):
            yield Static(t("help_title", lang), id="help-title")
            yield Static(t("help_text", lang), markup=False)
            yield Static(t("help_call", lang), markup=False)
            yield Button(t("close", lang), id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss()

    @property
    def sim(self) -> CollectSimApp:
        return self.app  # type: ignore[return-value]
