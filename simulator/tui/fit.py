"""Tables that fit their screen: every column in view, long text cut with "…" instead of a
horizontal scrollbar hiding the columns after it (the English catalog hid "Tries" at 100
columns, the HR table its last columns)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from simulator.tui.text import cell

PADDING = 1  # DataTable's cell padding, each side of a column
SCROLLBAR = 2  # a vertical scrollbar, kept free whether or not the rows need one
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    cells: Sequence[str]
    flexible: bool = False  # cut to fit; a fixed column is always shown whole


def widths(total: int, columns: Sequence[Column]) -> list[int]:
    """Each column's text width in a table `total` cells wide: fixed columns at their widest
    (label or cell), flexible ones sharing what is left, the widest cut first, none below
    its label (a table narrower than its labels scrolls)."""
    natural = [max([cell_len(c.label), *(cell_len(x) for x in c.cells)]) for c in columns]
    left = total - SCROLLBAR - 2 * PADDING * len(columns)
    left -= sum(n for n, c in zip(natural, columns, strict=True) if not c.flexible)
    flexible = sorted(n for n, c in zip(natural, columns, strict=True) if c.flexible)
    # The largest cap whose capped widths fit: below it every flexible column is whole.
    cap, used = 0, 0
    for index, n in enumerate(flexible):
        remaining = len(flexible) - index
        if used + n * remaining <= left:
            cap, used = n, used + n
            continue
        cap = max(0, (left - used) // remaining)
        break
    return [
        n if not c.flexible else max(min(n, cap), cell_len(c.label))
        for n, c in zip(natural, columns, strict=True)
    ]


def cut(text: str, width: int) -> Text:
    """A plain cell (never markup) of at most `width` cells, "…" where it was cut; a CJK
    character counts two."""
    shown = cell(text)
    if shown.cell_len <= width:
        return shown
    kept, used = [], 0
    for char in shown.plain:  # by hand: rich pads a half-cut wide character with a space
        used += cell_len(char)
        if used > width - 1:
            break
        kept.append(char)
    return Text("".join(kept) + ELLIPSIS)


def cursor_row(table: DataTable[object]) -> RowKey | None:
    """The highlighted row's key (kept when a table is cut again), None when it is empty."""
    if table.row_count == 0:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key
