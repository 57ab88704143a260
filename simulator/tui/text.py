"""Showing what a trainee typed exactly as typed: never markup, never terminal control codes."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def literal(text: str) -> str:
    """Control characters become visible escapes (\\x1b), so a pasted escape sequence cannot
    reach the terminal; markup stays plain because every widget showing this has markup off."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
