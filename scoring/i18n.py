"""Bilingual text values: every user-facing string exists in zh-CN and en."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from scoring.lang import Lang, lang_of
from scoring.said import Sayable

__all__ = ["Bilingual", "Lang", "lang_of"]


class Bilingual(BaseModel, Sayable):
    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en
