"""Text normalisation shared by intent matching, entity extraction and rule patterns."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

import opencc

from scoring.dialect import mandarin
from scoring.i18n import Bilingual
from scoring.typos import meant

# The longest line a trainee may say (check, play, the app refuse longer ones with a message):
# every pattern is linear in the line, and this keeps a turn's worst case in milliseconds.
MAX_LINE_CHARS = 2000

_SPACE = re.compile(r"\s++")
# Control characters (except tab/newline, folded into spaces anyway) never reach patterns.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Chinese clause ends: negation and rule matches never cross them.
CLAUSE_BREAK = re.compile(r"[。！？；!?;\n—–]|，|,|\.(?=\s|$)")


@cache
def _simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified_char(ch: str) -> str:
    """One Traditional character as Simplified (塊 块, 萬 万, 還 还), or itself when OpenCC
    makes it anything but one character: for folds that must keep every offset."""
    converted = _simplified().convert(ch)
    return converted if len(converted) == 1 else ch


def plain(text: str) -> str:
    """NFKC (full width to half width), Traditional Chinese as Simplified (OpenCC), written
    Cantonese as Mandarin, control characters dropped, spaces collapsed: the form both the
    rules and the encoder read."""
    folded = unicodedata.normalize("NFKC", text)
    if _CJK.search(folded):
        folded = mandarin(_simplified().convert(folded))
    folded = _CONTROL.sub(" ", folded)
    return _SPACE.sub(" ", folded).strip()


def normalise(text: str) -> str:
    """`plain`, lower case, homophone typos as the words meant (以经 已经): what patterns and
    keywords match. The encoder reads `plain`, the line as typed."""
    folded = plain(text).lower()
    return meant(folded) if _CJK.search(folded) else folded


def looks_chinese(text: str) -> bool:
    return _CJK.search(text) is not None


def either(patterns: Iterable[str]) -> str:
    """One regex source that matches wherever any of `patterns` does."""
    return "|".join(f"(?:{p})" for p in patterns)


def any_of(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """`either` of the patterns compiled; None when there are none (nothing to match)."""
    return re.compile(either(patterns)) if patterns else None


def word_regex(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words`, longest first; Latin words only as whole words ("not" is not "nothing")."""
    parts = [
        rf"\b{re.escape(w.lower())}\b" if w.isascii() else re.escape(w.lower())
        for w in sorted(words, key=len, reverse=True)
    ]
    return re.compile("|".join(parts))


def clause_before(norm: str, start: int, width: int) -> str:
    """Up to `width` characters before `start`, cut at the last clause break: what a
    negation cue must sit in to reach the words at `start`."""
    window = norm[max(0, start - width) : start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def too_long(text: str) -> Bilingual | None:
    """Why a line cannot be said (longer than MAX_LINE_CHARS), or None."""
    if len(text) <= MAX_LINE_CHARS:
        return None
    return Bilingual(
        zh=f"这句话有 {len(text):,} 个字符，超过了 {MAX_LINE_CHARS:,} 个字符的上限："
        "请分成几句来说。",
        en=f"This line is {len(text):,} characters long, over the limit of "
        f"{MAX_LINE_CHARS:,}: say it in shorter lines.",
    )


def clause_after(norm: str, end: int, width: int) -> str:
    """Up to `width` characters after `end`, cut at the first clause break."""
    window = norm[end : end + width]
    found = CLAUSE_BREAK.search(window)
    return window[: found.start()] if found else window
