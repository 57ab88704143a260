"""The call's chat as one scrolling widget whose cost does not grow with the call.

A widget per line made each turn lay out every line said so far: the app's CPU for a turn
went from 36 ms at 10 turns to 90 ms at 100 and 470 ms at 500 (benchmarks/bench_tui.py).
Here a line is wrapped into strips once, when it is said (and again only when the width
changes), and the screen draws the strips in view: a turn costs the same at any length.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from simulator.tui.text import literal

Speaker = Literal["trainee", "persona"]


@dataclass(frozen=True, slots=True)
class ChatLine:
    who: str
    text: str
    kind: Speaker

    def shown(self) -> str:
        """What the trainee sees: literally what was said (a `Text`, never read as markup;
        control characters as visible escapes, so none reaches the terminal)."""
        return f"{literal(self.who)}: {literal(self.text)}"


class ChatLog(ScrollView, can_focus=False):
    """Lines of the call, each followed by a blank line, the newest in view."""

    COMPONENT_CLASSES = {"chat-log--trainee", "chat-log--persona"}
    DEFAULT_CSS = """
    ChatLog {
        height: 1fr;
        scrollbar-gutter: stable;  /* a scrollbar appearing does not change the wrap width */
    }
    ChatLog > .chat-log--trainee { color: $text-accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[ChatLine] = []
        self._strips: list[Strip] = []
        self._width = 0  # the width the strips were wrapped at; 0 before the first layout
        self._base: Style | None = None  # rich_style walks the DOM: once per style change

    @property
    def lines(self) -> tuple[ChatLine, ...]:
        return tuple(self._lines)

    def add(self, lines: Iterable[ChatLine]) -> None:
        """Lines said: wrapped now (only they), then scrolled into view."""
        new = list(lines)
        self._lines += new
        if self._width:
            for line in new:
                self._strips += self._wrap(line, self._width)
            self._sized()
        self.scroll_end(animate=False, immediate=False, x_axis=False)

    def _wrap(self, line: ChatLine, width: int) -> list[Strip]:
        style = self.get_component_rich_style(f"chat-log--{line.kind}")
        text = Text(line.shown(), style=style, overflow="fold", end="")
        options = self.app.console.options.update_width(width)
        rendered = Segment.split_lines(self.app.console.render(text, options))
        strips = [Strip(segments).adjust_cell_length(width) for segments in rendered]
        return [*strips, Strip.blank(width)]  # a blank line between lines said

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        self._strips = [strip for line in self._lines for strip in self._wrap(line, width)]
        self._sized()

    def _sized(self) -> None:
        self.virtual_size = Size(self._width, len(self._strips))
        self.refresh()

    def on_resize(self, event: Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rewrap()
            self.scroll_end(animate=False, immediate=False, x_axis=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base = None
        if self._width:  # a theme changed: the trainee's colour with it
            self._rewrap()

    def render_line(self, y: int) -> Strip:
        if self._base is None:
            self._base = self.rich_style
        base = self._base
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        if index >= len(self._strips):
            return Strip.blank(width, base)
        return self._strips[index].crop_extend(scroll_x, scroll_x + width, base).apply_style(base)
