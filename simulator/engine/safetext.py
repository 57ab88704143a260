"""Text from trainees and catalog files, made safe to show: never a terminal control code.

A name or line can carry escape sequences (clear screen, OSC 52 clipboard writes), C1 codes or
bidirectional overrides (RLO makes "exe.txt" read "txt.exe"). Shown anywhere (the app, an HR
terminal, an error), each becomes a visible escape such as `\\x1b` or `\\u202e`.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the Unicode bidirectional controls and isolates.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_LINES = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")  # keeps tab, newline
_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control character as a visible escape; `lines=True` keeps tabs and
    newlines (a transcript line in a box), else they are escaped too (one table cell, one
    line of terminal output)."""
    return (_UNSAFE_LINES if lines else _UNSAFE).sub(_escape, text)


def has_control(text: str) -> bool:
    return _UNSAFE.search(text) is not None
