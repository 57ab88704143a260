"""What every screen of the app reaches for: the app itself and the UI language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from scoring.lang import Lang

if TYPE_CHECKING:
    from simulator.tui.app import CollectSimApp


class AppScreen(Screen[None]):
    @property
    def sim(self) -> CollectSimApp:
        return self.app  # type: ignore[return-value]

    @property
    def lang(self) -> Lang:
        return self.sim.lang
