"""Pinyin read as the Chinese it spells, for the judge's reading by meaning.

Collectors type threats and insults in toneless pinyin ("ni zai bu huan qian", "等着zuolao吧")
to slip past keyword filters; the encoder reads pinyin as foreign letters and misses them (and
reads harmless pinyin, "gong hao 2231", as noise near anything). A run of pinyin syllables is
spelled back in characters from a lexicon of the words the project's own zh lines use
(`data/pinyin.zh.yaml`, written by `benchmarks/make_pinyin.py`): the fewest, longest words that
spell the run. Latin that is not pinyin ("sb", "ok", "app") is left as it is.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from scoring.data_files import load_yaml

LEXICON = Path(__file__).parent / "data" / "pinyin.zh.yaml"
LONGEST = 4  # syllables in the longest word of the lexicon
# A run of Latin words (separated by spaces or apostrophes), and whether Chinese touches it.
_RUN = re.compile(r"[A-Za-z]+(?:[ '][A-Za-z]+)*")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LONGEST_SYLLABLE = 6  # "zhuang"


@cache
def lexicon() -> dict[str, str]:
    """Spelling (toneless syllables, space-separated) -> the characters it most often spells."""
    data = load_yaml(LEXICON)
    pairs = (line.split("\t") for line in str(data["words"]).splitlines() if line)
    return {key: word for key, word in pairs}


@cache
def _syllables() -> frozenset[str]:
    return frozenset(k for k in lexicon() if " " not in k)


def syllables_of(token: str) -> list[str] | None:
    """The token as pinyin syllables ("zuolao" -> zuo lao), fewest first; None when it is not
    pinyin through and through."""
    known = _syllables()
    token = token.lower()
    best: list[list[str] | None] = [[]] + [None] * len(token)
    for end in range(1, len(token) + 1):
        for size in range(1, min(_LONGEST_SYLLABLE, end) + 1):
            before = best[end - size]
            piece = token[end - size : end]
            if before is None or piece not in known:
                continue
            found = [*before, piece]
            current = best[end]
            if current is None or len(found) < len(current):
                best[end] = found
    return best[len(token)]


def spelled(sounds: list[str]) -> str:
    """Syllables as characters: the split into lexicon words with the longest words (the sum
    of squared lengths, highest); a syllable the lexicon lacks stays as it is."""
    words = lexicon()
    score: list[int] = [0] + [-1] * len(sounds)
    text: list[str] = [""] + [""] * len(sounds)
    for end in range(1, len(sounds) + 1):
        for size in range(1, min(LONGEST, end) + 1):
            if score[end - size] < 0:
                continue
            word = words.get(" ".join(sounds[end - size : end]))
            if word is None and size == 1:
                word = sounds[end - 1]  # unknown: kept in Latin
            if word is None:
                continue
            gain = score[end - size] + size * size
            if gain > score[end]:
                score[end], text[end] = gain, text[end - size] + word
    return text[len(sounds)]


def decoded(text: str) -> str:
    """`text` with every run of pinyin in characters. A run must be two syllables or more, or
    touch a Chinese character ("还qian"): a lone "a" or "ma" in Latin is left alone."""

    def spell(match: re.Match[str]) -> str:
        # Tokens at even positions, the separators they had between them at odd ones.
        parts = re.split(r"([ '])", match.group(0))
        before = bool(_HAN.match(text[match.start() - 1 : match.start()]))
        after = bool(_HAN.match(text[match.end() : match.end() + 1]))
        out: list[str] = []
        start = 0  # the first token of the current run of pinyin
        sounds: list[str] = []

        def flush(end: int) -> None:
            touches = (before and start == 0) or (after and end == len(parts))
            if len(sounds) >= 2 or (sounds and touches):
                out.append(spelled(sounds))
            else:
                out.append("".join(parts[start:end]))
            sounds.clear()

        for position in range(0, len(parts), 2):
            found = syllables_of(parts[position])
            if found is None:
                if sounds:
                    flush(position - 1)
                    out.append(parts[position - 1])
                out.append(parts[position])
                if position + 1 < len(parts):
                    out.append(parts[position + 1])
                start = position + 2
            else:
                sounds.extend(found)
        if sounds:
            flush(len(parts))
        return "".join(out)

    return _RUN.sub(spell, text)
