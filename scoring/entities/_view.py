"""The line as every extractor sees it: a length-preserving fold, and pattern gates.

All matching runs on a *length-preserving* NFKC copy of the input (each character is normalised
on its own and kept as-is when its NFKC form is not a single character), so every offset found
in the copy is also an offset into the original text and ``raw == text[start:end]`` holds.
Gates say cheaply when a pattern cannot match at all, so a typical line runs only a few regexes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from scoring.text import simplified_char
from scoring.typos import meant

# Every pattern is compiled with re.ASCII: \b, \s and \w then treat CJK characters as
# non-word characters, so "欠five" still has a word boundary before "five".
RX = re.ASCII
_LATIN_RE = re.compile(r"[a-z]", RX)
# Between full-width digits a full-width comma groups thousands ("５，２３０")...
_FULLWIDTH_GROUP_COMMA_RE = re.compile("(?<=[０-９])，(?=[０-９])")
_NFKC_CACHE_LIMIT = 1 << 16


class _FoldTable(dict[int, int]):
    """``str.translate`` table: NFKC per character, then ASCII lower-case, Traditional Chinese
    as Simplified (a 繁體 line reads as the same line: 塊, 萬, 還欠, 滯納金); filled on demand.

    Folding character by character keeps the length (and so every offset) unchanged:
    multi-character expansions ("½", "㎡", ligatures) never matter to the patterns and are left
    as they are. Only A-Z are lowered, since ``str.lower`` can change the length ("İ").
    """

    def __missing__(self, code: int) -> int:
        folded = unicodedata.normalize("NFKC", chr(code))
        result = ord(folded) if len(folded) == 1 else code
        if 0x41 <= result <= 0x5A:
            result += 0x20
        elif 0x3400 <= result <= 0x9FFF:
            result = ord(simplified_char(chr(result)))
        if len(self) < _NFKC_CACHE_LIMIT:  # bounded: fuzzing must not grow it forever
            self[code] = result
        return result


# ...elsewhere it is Chinese clause punctuation ("本金5000，300是利息"), so it is kept as is.
_FOLD_TABLE = _FoldTable({0xFF0C: 0xFF0C})


def fold(text: str) -> str:
    """Length-preserving NFKC + ASCII lower-case copy of ``text``: ``result[i]`` ~ ``text[i]``."""
    low = text.translate(_FOLD_TABLE)
    if "，" in text:
        commas = [m.start() for m in _FULLWIDTH_GROUP_COMMA_RE.finditer(text)]
        if commas:
            chars = list(low)
            for i in commas:
                chars[i] = ","
            low = "".join(chars)
    # Homophone typos as the words meant (以经91天 reads as 已经91天): the fold keeps lengths.
    return meant(low)


# Substrings of every English number word; none present means no number-word pattern can match.
_EN_NUMBER_WORD_KEYS = (
    "zero", "one", "two", "thr", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twel", "teen", "twenty", "thirty", "fort", "fifty", "ninety", "hundred", "thousand", "illion",
)  # fmt: skip


class LineView(NamedTuple):
    """What all extractors match against; ``low[i]`` corresponds to ``text[i]``."""

    low: str  # see fold
    chars: frozenset[str]  # the distinct characters of ``low``
    latin: bool  # has an ASCII letter (English patterns are skipped otherwise)
    number_words: bool  # has something that may be an English number word


@lru_cache(maxsize=64)
def line_view(text: str) -> LineView:
    # Cached because callers typically run all three extractors on the same line.
    low = fold(text)
    latin = _LATIN_RE.search(low) is not None
    number_words = latin and any(map(low.__contains__, _EN_NUMBER_WORD_KEYS))
    return LineView(low, frozenset(low), latin, number_words)


class Gate(NamedTuple):
    """When a pattern can match at all; checking this is much cheaper than running it."""

    english: bool  # needs an ASCII letter
    number_words: bool  # needs an English number word
    char_groups: tuple[frozenset[str], ...]  # every group needs one of its characters...
    words: tuple[str, ...]  # ...and one of these substrings must occur (if any are given)


def make_gate(name: str, *groups: tuple[str, ...]) -> Gate:
    words = tuple(t for g in groups for t in g if len(t) > 1)
    char_groups = tuple(frozenset(g) for g in groups if g and all(len(t) == 1 for t in g))
    return Gate(name.endswith(("_en", "_en_words")), name.endswith("_words"), char_groups, words)


class Table(NamedTuple):
    """Gated patterns, indexed by trigger character so a line only looks at a few of them."""

    gates: tuple[Gate, ...]
    patterns: tuple[re.Pattern[str], ...]
    by_char: dict[str, tuple[int, ...]]  # first-group trigger character -> pattern indices
    trigger_chars: frozenset[str]
    by_word: tuple[int, ...]  # patterns gated by substrings only (all English)


def make_table(entries: tuple[tuple[Gate, re.Pattern[str]], ...]) -> Table:
    by_char: dict[str, list[int]] = {}
    by_word: list[int] = []
    for index, (gate, _) in enumerate(entries):
        if gate.char_groups:
            for ch in gate.char_groups[0]:
                by_char.setdefault(ch, []).append(index)
        else:
            by_word.append(index)
    return Table(
        tuple(g for g, _ in entries),
        tuple(p for _, p in entries),
        {ch: tuple(ix) for ch, ix in by_char.items()},
        frozenset(by_char),
        tuple(by_word),
    )


def open_patterns(view: LineView, table: Table) -> list[tuple[int, re.Pattern[str]]]:
    """(index, pattern) of the patterns in ``table`` whose gate is open for this line."""
    candidates: set[int] = set()
    for ch in table.trigger_chars & view.chars:
        candidates.update(table.by_char[ch])
    if view.latin:
        candidates.update(table.by_word)
    result: list[tuple[int, re.Pattern[str]]] = []
    for index in sorted(candidates):
        gate = table.gates[index]
        if (gate.english and not view.latin) or (gate.number_words and not view.number_words):
            continue
        if gate.words and not any(map(view.low.__contains__, gate.words)):
            continue
        if all(not group.isdisjoint(view.chars) for group in gate.char_groups[1:]):
            result.append((index, table.patterns[index]))
    return result
