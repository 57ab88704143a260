"""The two languages of every user-facing string (kept free of heavy imports: the app's first
screen needs this before anything else loads)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]


def lang_of(language: str) -> Lang:
    """Map a scenario language tag (zh-CN, en-US, zh, en) to the two UI languages."""
    return "zh" if language.lower().startswith("zh") else "en"
