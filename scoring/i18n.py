"""Bilingual text values: every user-facing string exists in zh-CN and en."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Lang = Literal["zh", "en"]


class Bilingual(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


def lang_of(language: str) -> Lang:
    """Map a scenario language tag (zh-CN, en-US, zh, en) to the two UI languages."""
    return "zh" if language.lower().startswith("zh") else "en"
