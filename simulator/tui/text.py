"""Showing what a trainee typed exactly as typed: never markup, never terminal control codes."""

from __future__ import annotations

from rich.text import Text

from simulator.engine.safetext import visible


def literal(text: str) -> str:
    """Control characters become visible escapes (\\x1b), so a pasted escape sequence cannot
    reach the terminal; markup stays plain because every widget showing this has markup off."""
    return visible(text, lines=True)


def cell(text: str) -> Text:
    """A DataTable cell: a plain `str` cell is parsed as markup by Textual (`[@click=…]` would
    run an action, `[/]` would crash the screen); a `Text` cell never is."""
    return Text(visible(text))
