"""The CollectSim app: start (catalog) → call → report, in a terminal or a browser."""

from __future__ import annotations

import locale
import os
from collections.abc import Callable

from textual.app import App
from textual.binding import Binding

from scoring.i18n import Lang
from simulator.catalog import Entry, load_catalog
from simulator.tui.screens.start import StartScreen
from simulator.tui.strings import t

History = Callable[[str], dict[str, tuple[float, int]]]


def default_lang() -> Lang:
    """zh when the user's locale is Chinese, else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"


def no_history(trainee: str) -> dict[str, tuple[float, int]]:
    return {}


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
        history: History = no_history,
        scenario_id: str | None = None,
    ) -> None:
        super().__init__()
        self.lang: Lang = lang or default_lang()
        self.trainee = trainee
        # None until loaded: the catalog loads in a thread after the first screen is up.
        self.entries: list[Entry] | None = entries
        self.history = history
        self._open_directly = scenario_id

    def on_mount(self) -> None:
        self.title = t("app_title", self.lang)
        self.push_screen(StartScreen())
        if self.entries is None:
            self.run_worker(self._load_catalog, thread=True, exclusive=True)

    def _load_catalog(self) -> None:
        entries, _problems = load_catalog()  # `collectsim validate` reports broken files
        self.call_from_thread(self._catalog_loaded, entries)

    def _catalog_loaded(self, entries: list[Entry]) -> None:
        self.entries = entries
        for screen in self.screen_stack:
            if isinstance(screen, StartScreen) and screen.is_mounted:
                screen.catalog_ready()

    def take_direct_open(self) -> str | None:
        """The scenario `--scenario` asked for, once."""
        scenario_id, self._open_directly = self._open_directly, None
        return scenario_id
