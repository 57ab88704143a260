"""Entity extraction from one chat line typed by a trainee collector (Chinese or English).

Three kinds of entity are recognised: money amounts, calendar dates (absolute and relative to a
given ``today``) and counts (days, instalments).

Design notes
------------
* All matching runs on a *length-preserving* NFKC copy of the input (each character is normalised
  on its own and kept as-is when its NFKC form is not a single character), so every offset found
  in the copy is also an offset into the original text and ``raw == text[start:end]`` holds.
* Every public function is pure, deterministic and total: it never raises on any string, it only
  skips what it cannot resolve. Regexes are compiled at import time; repetitions that could
  backtrack use possessive quantifiers or atomic groups (Python 3.11+).
* Amount detection is deliberately conservative: a bare integer only counts as money with a
  currency marker or an amount cue word shortly before it, and never when it is followed by a
  date / count / time unit or preceded by a card / phone / ordinal marker.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "AmountMention",
    "CountMention",
    "DateMention",
    "chinese_numeral_to_decimal",
    "extract_amounts",
    "extract_counts",
    "extract_dates",
]


@dataclass(frozen=True, slots=True)
class AmountMention:
    value: Decimal  # in currency units, e.g. Decimal("5230.50")
    raw: str  # the exact substring of the input text it came from
    start: int  # offsets into the input text
    end: int


@dataclass(frozen=True, slots=True)
class DateMention:
    value: date
    raw: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CountMention:
    value: int
    kind: str  # "days" | "instalments"
    raw: str
    start: int
    end: int


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

# Every pattern is compiled with re.ASCII: \b, \s and \w then treat CJK characters as
# non-word characters, so "欠five" still has a word boundary before "five".
_RX = re.ASCII
_LATIN_RE = re.compile(r"[a-z]", _RX)
# Between full-width digits a full-width comma groups thousands ("５，２３０")...
_FULLWIDTH_GROUP_COMMA_RE = re.compile("(?<=[０-９])，(?=[０-９])")
_NFKC_CACHE_LIMIT = 1 << 16


class _FoldTable(dict[int, int]):
    """``str.translate`` table: NFKC per character, then ASCII lower-case; filled on demand.

    Folding character by character keeps the length (and so every offset) unchanged:
    multi-character expansions ("½", "㎡", ligatures) never matter to the patterns and are left
    as they are. Only A-Z are lowered, since ``str.lower`` can change the length ("İ").
    """

    def __missing__(self, code: int) -> int:
        folded = unicodedata.normalize("NFKC", chr(code))
        result = ord(folded) if len(folded) == 1 else code
        if 0x41 <= result <= 0x5A:
            result += 0x20
        if len(self) < _NFKC_CACHE_LIMIT:  # bounded: fuzzing must not grow it forever
            self[code] = result
        return result


# ...elsewhere it is Chinese clause punctuation ("本金5000，300是利息"), so it is kept as is.
_FOLD_TABLE = _FoldTable({0xFF0C: 0xFF0C})


def _normalize(text: str) -> str:
    """Length-preserving NFKC + ASCII lower-case copy of ``text``: ``result[i]`` ~ ``text[i]``."""
    low = text.translate(_FOLD_TABLE)
    if "，" in text:
        commas = [m.start() for m in _FULLWIDTH_GROUP_COMMA_RE.finditer(text)]
        if commas:
            chars = list(low)
            for i in commas:
                chars[i] = ","
            low = "".join(chars)
    return low


# Substrings of every English number word; none present means no number-word pattern can match.
_EN_NUMBER_WORD_KEYS = (
    "zero", "one", "two", "thr", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twel", "teen", "twenty", "thirty", "fort", "fifty", "ninety", "hundred", "thousand", "illion",
)  # fmt: skip


class _View(NamedTuple):
    """What all extractors match against; ``low[i]`` corresponds to ``text[i]``."""

    low: str  # see _normalize
    chars: frozenset[str]  # the distinct characters of ``low``
    latin: bool  # has an ASCII letter (English patterns are skipped otherwise)
    number_words: bool  # has something that may be an English number word


@lru_cache(maxsize=64)
def _view(text: str) -> _View:
    # Cached because callers typically run all three extractors on the same line.
    low = _normalize(text)
    latin = _LATIN_RE.search(low) is not None
    number_words = latin and any(map(low.__contains__, _EN_NUMBER_WORD_KEYS))
    return _View(low, frozenset(low), latin, number_words)


class _Gate(NamedTuple):
    """When a pattern can match at all; checking this is much cheaper than running it."""

    english: bool  # needs an ASCII letter
    number_words: bool  # needs an English number word
    char_groups: tuple[frozenset[str], ...]  # every group needs one of its characters...
    words: tuple[str, ...]  # ...and one of these substrings must occur (if any are given)


def _gate(name: str, *groups: tuple[str, ...]) -> _Gate:
    words = tuple(t for g in groups for t in g if len(t) > 1)
    char_groups = tuple(frozenset(g) for g in groups if g and all(len(t) == 1 for t in g))
    return _Gate(name.endswith(("_en", "_en_words")), name.endswith("_words"), char_groups, words)


class _Table(NamedTuple):
    """Gated patterns, indexed by trigger character so a line only looks at a few of them."""

    gates: tuple[_Gate, ...]
    patterns: tuple[re.Pattern[str], ...]
    by_char: dict[str, tuple[int, ...]]  # first-group trigger character -> pattern indices
    trigger_chars: frozenset[str]
    by_word: tuple[int, ...]  # patterns gated by substrings only (all English)


def _table(entries: tuple[tuple[_Gate, re.Pattern[str]], ...]) -> _Table:
    by_char: dict[str, list[int]] = {}
    by_word: list[int] = []
    for index, (gate, _) in enumerate(entries):
        if gate.char_groups:
            for ch in gate.char_groups[0]:
                by_char.setdefault(ch, []).append(index)
        else:
            by_word.append(index)
    return _Table(
        tuple(g for g, _ in entries),
        tuple(p for _, p in entries),
        {ch: tuple(ix) for ch, ix in by_char.items()},
        frozenset(by_char),
        tuple(by_word),
    )


def _open_patterns(view: _View, table: _Table) -> list[tuple[int, re.Pattern[str]]]:
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


# --------------------------------------------------------------------------------------------
# Chinese (and mixed Arabic/Chinese) numerals
# --------------------------------------------------------------------------------------------

_CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0,
    "一": 1, "壹": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

_CN_DIGIT_CHARS = "".join(_CN_DIGITS)
_CN_UNIT_CHARS = "".join(_CN_SMALL_UNITS) + "".join(_CN_BIG_UNITS)
_CN_NUM_CHARS = _CN_DIGIT_CHARS + _CN_UNIT_CHARS
_CN_NONZERO_DIGIT_CLASS = "[" + "".join(k for k, v in _CN_DIGITS.items() if v) + "]"

# Longer numerals are not plausible amounts/dates and would only cost time.
_MAX_NUMERAL_LEN = 40
_MAX_ARABIC_INT_DIGITS = 15

_ARABIC_RE = re.compile(r"(?>[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?:\.[0-9]++)?", _RX)
_FRACTION_RE = re.compile(
    rf"(?P<digits>[{_CN_DIGIT_CHARS}]++|[0-9]++)(?P<unit>[{_CN_UNIT_CHARS}]?)", _RX
)

_Token = tuple[str, Decimal, bool]  # (kind, value, is_single_digit); kind: d / a / s / b


def _tokenize_numeral(s: str) -> list[_Token] | None:
    tokens: list[_Token] = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if "0" <= ch <= "9":
            m = _ARABIC_RE.match(s, i)
            if m is None:  # pragma: no cover - a digit always matches
                return None
            raw = m.group()
            int_part = raw.split(".", 1)[0].replace(",", "")
            if len(int_part) > _MAX_ARABIC_INT_DIGITS:
                return None
            single = len(raw) == 1
            tokens.append(("a", Decimal(raw.replace(",", "")), single))
            i = m.end()
            continue
        if ch in _CN_DIGITS:
            tokens.append(("d", Decimal(_CN_DIGITS[ch]), True))
        elif ch in _CN_SMALL_UNITS:
            tokens.append(("s", Decimal(_CN_SMALL_UNITS[ch]), False))
        elif ch in _CN_BIG_UNITS:
            tokens.append(("b", Decimal(_CN_BIG_UNITS[ch]), False))
        else:
            return None
        i += 1
    return tokens


def _parse_units(tokens: list[_Token]) -> Decimal | None:
    """Positional Chinese numeral with units (十百千万亿), Arabic groups allowed as digits."""
    total = Decimal(0)  # everything already multiplied by 万/亿
    section = Decimal(0)  # the part below the current 万/亿 group
    cur: Decimal | None = None  # pending digit(s) waiting for a unit
    cur_single = False
    last_unit: int | None = None  # most recent unit applied, for "五千二" == 5200
    last_small: int | None = None  # small units must decrease inside a section
    last_big: int | None = None
    zero_gap = False  # a 零 after the last unit: "一千零五" is 1005, not 1500
    for kind, value, single in tokens:
        if kind in ("d", "a"):
            if kind == "d" and value == 0:
                if cur is not None:
                    return None
                zero_gap = True
                continue
            if cur is not None:
                return None  # "三四千" (a range) or "五3": not a single number
            cur, cur_single = value, single
        elif kind == "s":
            unit = int(value)
            if cur is None:
                if unit != 10:
                    return None  # "百" / "千万" without a digit: not a numeral
                cur = Decimal(1)  # "十八", "一百十"
            if last_small is not None and unit >= last_small:
                return None
            section += cur * unit
            cur = None
            last_unit = last_small = unit
            zero_gap = False
        else:  # big unit
            unit = int(value)
            group = section + (cur if cur is not None else 0)
            if last_big is None or unit > last_big:
                if group == 0 and total == 0:
                    return None
                total = (total + group) * unit
            elif unit < last_big and group != 0:
                total += group * unit
            else:
                return None
            section = Decimal(0)
            cur = None
            last_unit, last_small, last_big = unit, None, unit
            zero_gap = False
    if cur is not None:
        if last_unit is not None and not zero_gap and cur_single:
            section += cur * (last_unit // 10)  # colloquial: "五万三" == 53000
        elif last_unit is not None and cur >= last_unit:
            return None  # "2万30000"
        else:
            section += cur
    return total + section


def _parse_plain(s: str) -> Decimal | None:
    tokens = _tokenize_numeral(s)
    if not tokens:
        return None
    if not any(k in ("s", "b") for k, _, _ in tokens):
        if len(tokens) == 1:
            return tokens[0][1]
        if all(k == "d" for k, _, _ in tokens) and "两" not in s and "兩" not in s:
            # Digit-by-digit reading, e.g. a year "二〇二六" ("两三" is a range, not 23).
            return Decimal("".join(str(int(v)) for _, v, _ in tokens))
        return None
    return _parse_units(tokens)


def _clean(value: Decimal) -> Decimal:
    """Drop a spurious exponent ("15000.0" -> "15000") but keep real cents ("5230.50")."""
    try:
        if value == value.to_integral_value():
            return Decimal(int(value))
    except (InvalidOperation, OverflowError, ValueError):  # pragma: no cover - NaN/inf guard
        pass
    return value


def _parse_numeral(s: str) -> Decimal | None:
    """Parse an already normalised numeral (Chinese, Arabic or mixed, e.g. "1.5万")."""
    if not s or len(s) > _MAX_NUMERAL_LEN:
        return None
    if s.isascii():  # plain Arabic number: the common case, skip the tokenizer
        if s.isdigit():
            return Decimal(s) if len(s) <= _MAX_ARABIC_INT_DIGITS else None
        if _ARABIC_RE.fullmatch(s) is None or len(s.split(".")[0]) > _MAX_ARABIC_INT_DIGITS + 4:
            return None
        return _clean(Decimal(s.replace(",", "")))
    head, sep, tail = s.partition("点")
    if not sep:
        value = _parse_plain(s)
        return None if value is None else _clean(value)
    fm = _FRACTION_RE.fullmatch(tail)
    if not head or fm is None or any(ch in _CN_BIG_UNITS for ch in head):
        return None
    int_part = _parse_plain(head)
    if int_part is None:
        return None
    digits = fm.group("digits")
    if digits[0] in _CN_DIGITS:
        digits = "".join(str(_CN_DIGITS[c]) for c in digits)
    value = int_part + Decimal("0." + digits)
    unit = fm.group("unit")
    if unit:
        value *= _CN_SMALL_UNITS.get(unit) or _CN_BIG_UNITS[unit]  # "三点五万" == 35000
    return _clean(value)


def chinese_numeral_to_decimal(text: str) -> Decimal | None:
    """Convert a Chinese numeral to a Decimal, or None if ``text`` is not (only) a numeral.

    Handles ordinary and financial digits (壹贰叁…, 零/〇), 十百千万亿 (拾佰仟萬億), decimals with
    点, the colloquial trailing digit ("五千二" == 5200, "五万三" == 53000, "一百二" == 120) and
    Arabic digits mixed with units ("1.5万", "3千", "2万3"). Full-width digits are accepted.
    """
    if not isinstance(text, str):
        return None
    return _parse_numeral(_normalize(text).strip())


# --------------------------------------------------------------------------------------------
# English number words
# --------------------------------------------------------------------------------------------

_EN_SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_EN_TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_SCALES: dict[str, int] = {"thousand": 10**3, "million": 10**6, "billion": 10**9}

_EN_WORD = "|".join(sorted([*_EN_SMALL, *_EN_TENS, "hundred", *_EN_SCALES], key=len, reverse=True))
_EN_W = rf"(?:{_EN_WORD})\b"
# At most 9 words ("two thousand three hundred and forty five" is 6): the bound keeps patterns
# that embed this and then fail ("one one one ... days?") linear instead of quadratic.
_EN_NUM = (
    rf"\b(?:a\s+(?=(?:hundred|thousand|million)\b))?{_EN_W}"
    rf"(?:(?:\s+and\s+|\s+|-){_EN_W}){{0,8}}+"
)
_EN_NUM_RE = re.compile(_EN_NUM, _RX)
_EN_SPLIT_RE = re.compile(r"[\s-]+", _RX)


def _en_words_to_int(s: str) -> int | None:
    words = [w for w in _EN_SPLIT_RE.split(s.strip().lower()) if w]
    total = 0
    current = 0
    prev = ""  # "small" | "tens" | "hundred" | "scale"
    for i, w in enumerate(words):
        if w == "and":
            continue
        if w == "a" and i == 0:
            current, prev = 1, "small"
            continue
        if w in _EN_SMALL:
            v = _EN_SMALL[w]
            if prev == "small" or (prev == "tens" and v >= 10):
                return None  # "five five", "twenty eleven"
            current += v
            prev = "small"
        elif w in _EN_TENS:
            if prev in ("small", "tens"):
                return None
            current += _EN_TENS[w]
            prev = "tens"
        elif w == "hundred":
            if prev == "hundred":
                return None
            current = (current or 1) * 100
            prev = "hundred"
        elif w in _EN_SCALES:
            if prev == "scale":
                return None
            total += (current or 1) * _EN_SCALES[w]
            current = 0
            prev = "scale"
        else:
            return None
    return total + current


def _to_int(s: str | None, *, digit_string: bool = False) -> int | None:
    """Arabic digits, a Chinese numeral or English number words (incl. "a"/"an") -> int.

    Chinese digit strings without units ("三四") are ranges in counts and dates ("三四天");
    only years ("二〇二六") are read digit by digit, hence ``digit_string``.
    """
    if not s:
        return None
    s = s.strip()
    if s.isascii() and s.isdigit():
        return int(s) if len(s) <= 9 else None
    if s.lower() in ("a", "an"):
        return 1
    if s[0] in _CN_NUM_CHARS:
        if not digit_string and len(s) > 1 and not any(ch in _CN_UNIT_CHARS for ch in s):
            return None
        value = _parse_numeral(s)
    else:
        words = _en_words_to_int(s)
        value = None if words is None else Decimal(words)
    if value is None or value != value.to_integral_value() or value > 10**9:
        return None
    return int(value)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_D = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
_M = r"(?:1[0-2]|0?[1-9])(?![0-9])"
_CN_M = rf"(?:{_M}|十[一二]?|[一二三四五六七八九])"
_CN_D = rf"(?:{_D}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# A leading lookahead on the possible first characters lets the regex engine skip ahead fast
# instead of trying the lookbehinds at every position.
_LEAD_NUM = rf"(?=[0-9{_CN_NUM_CHARS}])"
_LEAD_EN_NUM = rf"(?=[0-9{''.join(sorted({w[0] for w in _EN_WORD.split('|')} | {'a'}))}])"
_SMALL_N = rf"(?:[0-9]{{1,3}}(?![0-9.])|[{_CN_NUM_CHARS}]{{1,4}})"

_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_TRIGGERS = tuple(sorted({name[:3] for name in _MONTHS}))
_WEEKDAYS_FULL: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_WEEKDAYS_ABBR: dict[str, int] = {
    "mon": 0, "tues": 1, "tue": 1, "wed": 2, "thurs": 3, "thur": 3, "thu": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
_CN_WEEKDAYS: dict[str, int] = {
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6,
}  # fmt: skip
_REL_DAY_OFFSETS: dict[str, int] = {
    "大后天": 3, "后天": 2, "明天": 1, "明日": 1, "明早": 1, "明晚": 1, "明儿": 1,
    "今天": 0, "今日": 0, "今晚": 0, "今早": 0, "今儿": 0,
    "大前天": -3, "前天": -2, "昨天": -1, "昨日": -1,
    "the day after tomorrow": 2, "today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1,
    "yesterday": -1,
}  # fmt: skip
_MONTH_REL: dict[str, int] = {"下下": 2, "下": 1, "这": 0, "本": 0, "当": 0, "上": -1}
_MONTH_REL_ALT = "下下|下|这|本|当|上"

# (kind, triggers, pattern): a pattern only runs when one of its trigger substrings occurs in
# the line, which keeps a typical line far below the time budget.
_DATE_PATTERN_DEFS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "ymd_zh",
        ("年",),
        re.compile(
            rf"(?=[0-9〇零一二三四五六七八九])(?<![0-9])"
            rf"(?P<y>[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_CN_M})"
            rf"\s*月\s*(?P<d>{_CN_D})(?:\s*[日号])?",
            _RX,
        ),
    ),
    (
        "ywmd_zh",
        ("年",),
        re.compile(
            rf"(?P<yw>今年|明年|去年)\s*(?P<m>{_CN_M})\s*月\s*(?P<d>{_CN_D})(?:\s*[日号])?", _RX
        ),
    ),
    (
        "ymd_sep",
        ("-", "/", "."),
        re.compile(
            r"(?=[0-9])(?<![0-9])(?P<y>[0-9]{4})(?P<sep>[-/.])"
            r"(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9])",
            _RX,
        ),
    ),
    (
        "mdy_slash",
        ("/",),
        re.compile(
            r"(?=[0-9])(?<![0-9/.])(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})"
            r"(?:/(?P<y>[0-9]{4}|[0-9]{2}))?(?![0-9/])",
            _RX,
        ),
    ),
    (
        # "11.30号" / "11.30前": informal month.day, only with a date word after it
        # (a bare "11.30" stays an amount).
        "md_dot",
        ("号", "日", "前", "当"),
        re.compile(
            rf"(?=[0-9])(?<![0-9.])(?P<m>{_M})\.(?P<d>{_D})(?:\s*[号日]|(?=\s*(?:前|当天)))", _RX
        ),
    ),
    (
        "md_zh",
        ("月",),
        re.compile(
            rf"{_LEAD_NUM}(?<![0-9{_CN_NUM_CHARS}])(?P<m>{_CN_M})\s*月\s*(?P<d>{_CN_D})"
            # Without 号/日 only when nothing number-like follows ("11月30还" but not "6月5元").
            rf"(?:\s*[日号]|(?![0-9.,元块圆万千百k%期天个月{_CN_NUM_CHARS}]))",
            _RX,
        ),
    ),
    (
        "rel_n_zh",
        ("内", "后"),
        re.compile(
            rf"{_LEAD_NUM}(?<![第0-9{_CN_NUM_CHARS}])(?P<n>{_SMALL_N})\s*"
            r"(?:(?P<day>天|日)|个?\s*(?P<week>周|星期|礼拜))\s*(?:之内|以内|内|之后|以后|后)",
            _RX,
        ),
    ),
    (
        "month_rel_zh",
        ("月",),
        re.compile(rf"(?P<rel>{_MONTH_REL_ALT})个?月\s*(?P<d>{_CN_D})\s*[号日]", _RX),
    ),
    (
        # "九月底": the last day of that month (its year inferred like "9月30号").
        "named_month_end_zh",
        ("底", "末"),
        re.compile(rf"{_LEAD_NUM}(?<![0-9{_CN_NUM_CHARS}])(?P<m>{_CN_M})\s*月[底末]", _RX),
    ),
    (
        "month_end_zh",
        ("底", "末"),
        re.compile(rf"(?:(?P<rel>{_MONTH_REL_ALT})个?|(?<![0-9{_CN_NUM_CHARS}]))月[底末]", _RX),
    ),
    ("year_end_zh", ("底", "末"), re.compile(r"(?P<yw>今年|明年|今|明)?年[底末]", _RX)),
    (
        "day_zh",
        ("号", "日"),
        re.compile(
            # Not the day of "11月30号" (handled above) but the day of "每月5号" is fine.
            rf"{_LEAD_NUM}(?<![0-9{_CN_NUM_CHARS}年第])(?<![0-9一二三四五六七八九十]月)"
            rf"(?P<d>{_CN_D})\s*[号日]"
            r"(?![码线楼房床位院门机])",
            _RX,
        ),
    ),
    (
        "weekday_zh",
        ("周", "期", "拜"),
        re.compile(
            # "每周五" (every Friday) and "一周一次" (once a week) are not dates.
            r"(?:(?P<rel>下下|下|这|本|上)\s*个?\s*|(?<![每0-9一二两三四五六七八九十几个上下这本]))"
            r"(?:周|星期|礼拜)(?P<wd>[一二三四五六日天1-7])",
            _RX,
        ),
    ),
    (
        "rel_zh",
        ("天", "日", "早", "晚", "儿"),
        re.compile("|".join(k for k in _REL_DAY_OFFSETS if not k.isascii()), _RX),
    ),
    (
        "rel_en",
        ("tod", "ton", "tom", "tmr", "yest"),
        re.compile(
            r"\b(?:the\s+day\s+after\s+tomorrow|today|tonight|tomorrow|tmrw|tmr|yesterday)\b", _RX
        ),
    ),
    (
        "weekday_en",
        ("day",),
        re.compile(
            r"(?=[nctlmwfs])\b(?:(?P<rel>next|this\s+coming|this|coming|last)\s+)?"
            rf"(?P<wd>{'|'.join(_WEEKDAYS_FULL)})(?:\s+(?P<post>next|this)\s+week)?\b",
            _RX,
        ),
    ),
    (
        "weekday_abbr_en",
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
        re.compile(
            # Abbreviations ("sat", "sun", "wed") are ordinary words too: require a lead-in.
            r"(?=[nctlbo])\b(?:(?P<rel>next|this|coming|last)|by|on)\s+"
            rf"(?P<wd>{'|'.join(_WEEKDAYS_ABBR)})\b\.?",
            _RX,
        ),
    ),
    (
        "in_n_en",
        ("day", "week"),
        re.compile(
            rf"\b(?:in|within)\s+(?P<n>[0-9]{{1,3}}|an?|{_EN_NUM})\s+(?P<u>days?|weeks?)\b", _RX
        ),
    ),
    (
        "n_from_now_en",
        ("from now", "from today", "later"),
        re.compile(
            rf"{_LEAD_EN_NUM}(?<![0-9.])\b(?P<n>[0-9]{{1,3}}|{_EN_NUM})\s+(?P<u>days?|weeks?)\s+"
            r"(?:from\s+(?:now|today)|later)\b",
            _RX,
        ),
    ),
    (
        "month_end_en",
        ("end",),
        re.compile(
            r"\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?P<next>next\s+)?month"
            r"|month[\s-]end)\b",
            _RX,
        ),
    ),
    (
        "md_en",
        _MONTH_TRIGGERS,
        re.compile(
            rf"\b(?P<mon>{_MONTH_ALT})\.?\s*(?P<d>{_D})(?:st|nd|rd|th)?(?![0-9a-z])"
            r"(?:,?\s*(?P<y>[0-9]{4})(?![0-9]))?",
            _RX,
        ),
    ),
    (
        "dm_en",
        _MONTH_TRIGGERS,
        re.compile(
            rf"(?=[0-9t])(?<![0-9a-z])(?:the\s+)?(?P<d>{_D})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH_ALT})\b\.?(?:,?\s*(?P<y>[0-9]{{4}})(?![0-9]))?",
            _RX,
        ),
    ),
    ("the_nth_en", ("the",), re.compile(rf"\bthe\s+(?P<d>{_D})(?:st|nd|rd|th)\b", _RX)),
)

# Second trigger groups, all of which must also be present.
_DATE_EXTRA_TRIGGERS: dict[str, tuple[str, ...]] = {
    "ywmd_zh": ("今", "明", "去"),
    "month_end_zh": ("月",),
    "named_month_end_zh": ("月",),
    "year_end_zh": ("年",),
    "md_dot": (".",),
    "rel_n_zh": ("天", "日", "周", "期", "拜"),
    "month_rel_zh": ("下", "这", "本", "当", "上"),
    "rel_zh": ("今", "明", "后", "前", "昨"),
}
_DATE_KINDS = tuple(kind for kind, _, _ in _DATE_PATTERN_DEFS)
_DATE_TABLE = _table(
    tuple(
        (_gate(kind, trig, _DATE_EXTRA_TRIGGERS.get(kind, ())), pat)
        for kind, trig, pat in _DATE_PATTERN_DEFS
    )
)

# A month/day without a year that lies further back than this is taken to mean next year.
_PAST_TOLERANCE = timedelta(days=183)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _infer_year(month: int, day: int, today: date) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # e.g. 2月29号 outside a leap year
        if year == today.year and candidate < today - _PAST_TOLERANCE:
            continue
        return candidate
    return None


def _day_of_month(day: int, today: date) -> date | None:
    """Day of month only ("30号"): this month, else the next month that has that day."""
    for delta in range(3):
        if delta == 0 and day < today.day:
            continue
        year, month = _add_months(today.year, today.month, delta)
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def _weekday(target: int, weeks: int | None, today: date) -> date:
    """``weeks`` is a calendar-week offset (1 = next week, weeks start on Monday).

    None means "this week's, or next week's if already past" (这周五 / 周五 / this Friday).
    """
    monday = today - timedelta(days=today.weekday())
    if weeks is not None:
        return monday + timedelta(days=7 * weeks + target)
    day = monday + timedelta(days=target)
    return day if day >= today else day + timedelta(days=7)


def _group(m: re.Match[str], name: str) -> str | None:
    value = m.group(name)
    return value if isinstance(value, str) else None


def _year_value(raw: str) -> int | None:
    if raw[0] in _CN_NUM_CHARS:
        return _to_int(raw, digit_string=True)
    year = int(raw)
    return year + 2000 if len(raw) == 2 else year


def _resolve_date(kind: str, m: re.Match[str], today: date) -> date | None:
    """Turn one matched candidate into a date; may raise ValueError/OverflowError."""
    if kind in ("ymd_zh", "ymd_sep"):
        year = _year_value(m.group("y"))
        month, day = _to_int(m.group("m")), _to_int(m.group("d"))
        if year is None or month is None or day is None:
            return None
        return date(year, month, day)
    if kind == "ywmd_zh":
        month, day = _to_int(m.group("m")), _to_int(m.group("d"))
        if month is None or day is None:
            return None
        year_offset = {"今年": 0, "明年": 1, "去年": -1}[m.group("yw")]
        return date(today.year + year_offset, month, day)
    if kind in ("mdy_slash", "md_dot", "md_zh", "md_en", "dm_en"):
        mon_name = _group(m, "mon") if kind in ("md_en", "dm_en") else None
        month = _MONTHS[mon_name] if mon_name else _to_int(m.group("m"))
        day = _to_int(m.group("d"))
        if month is None or day is None:
            return None
        year_raw = _group(m, "y") if kind in ("mdy_slash", "md_en", "dm_en") else None
        if year_raw:
            year = _year_value(year_raw)
            return None if year is None else date(year, month, day)
        return _infer_year(month, day, today)
    if kind in ("day_zh", "the_nth_en"):
        day = _to_int(m.group("d"))
        return None if day is None else _day_of_month(day, today)
    if kind in ("rel_n_zh", "in_n_en", "n_from_now_en"):
        n = _to_int(m.group("n"))
        if n is None:
            return None
        weeks = m.group("week") if kind == "rel_n_zh" else m.group("u").startswith("w")
        return today + timedelta(days=n * (7 if weeks else 1))
    if kind == "month_rel_zh":
        day = _to_int(m.group("d"))
        if day is None:
            return None
        year, month = _add_months(today.year, today.month, _MONTH_REL[m.group("rel")])
        return date(year, month, day)
    if kind == "named_month_end_zh":
        month = _to_int(m.group("m"))
        if month is None:
            return None
        first = _infer_year(month, 1, today + timedelta(days=31))  # the month may still run
        return None if first is None else _month_end(first.year, month)
    if kind == "month_end_zh":
        rel = _group(m, "rel")
        year, month = _add_months(today.year, today.month, _MONTH_REL[rel] if rel else 0)
        return _month_end(year, month)
    if kind == "month_end_en":
        year, month = _add_months(today.year, today.month, 1 if m.group("next") else 0)
        return _month_end(year, month)
    if kind == "year_end_zh":
        yw = _group(m, "yw")
        return date(today.year + (1 if yw and yw.startswith("明") else 0), 12, 31)
    if kind == "weekday_zh":
        rel = _group(m, "rel")
        zh_weeks = {"下下": 2, "下": 1, "上": -1}.get(rel) if rel else None
        return _weekday(_CN_WEEKDAYS[m.group("wd")], zh_weeks, today)
    if kind in ("weekday_en", "weekday_abbr_en"):
        wd = m.group("wd")
        target = _WEEKDAYS_FULL.get(wd, _WEEKDAYS_ABBR.get(wd, 0))
        rel = _group(m, "rel") or ""
        post = (_group(m, "post") or "") if kind == "weekday_en" else ""
        en_weeks: int | None = None
        if rel == "next" or post == "next":
            en_weeks = 1
        elif rel == "last":
            en_weeks = -1
        elif post == "this":
            en_weeks = 0
        return _weekday(target, en_weeks, today)
    if kind in ("rel_zh", "rel_en"):
        return today + timedelta(days=_REL_DAY_OFFSETS[" ".join(m.group().split())])
    return None  # pragma: no cover - every pattern kind is handled above


_DateCandidate = tuple[int, int, str, re.Match[str]]


@lru_cache(maxsize=64)
def _date_candidates(view: _View) -> tuple[_DateCandidate, ...]:
    """Non-overlapping date-like spans (earliest, then longest wins), not yet resolved."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    for priority, pattern in _open_patterns(view, _DATE_TABLE):
        kind = _DATE_KINDS[priority]
        for m in pattern.finditer(view.low):
            found.append((m.start(), -m.end(), priority, kind, m))
    found.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[_DateCandidate] = []
    floor = 0
    for start, neg_end, _, kind, m in found:
        # A longer date that turns out invalid ("2月30号") still hides its parts ("30号").
        if start >= floor:
            chosen.append((start, -neg_end, kind, m))
            floor = -neg_end
    return tuple(chosen)


def extract_dates(text: str, today: date) -> list[DateMention]:
    """Dates mentioned in ``text``; relative ones are resolved against ``today``."""
    if not isinstance(text, str) or not isinstance(today, date):
        return []
    if isinstance(today, datetime):
        today = today.date()
    result: list[DateMention] = []
    for start, end, kind, m in _date_candidates(_view(text)):
        try:
            value = _resolve_date(kind, m, today)
        except (ValueError, OverflowError):
            value = None  # not a calendar date ("2月30号") or beyond date.min/date.max
        if value is not None:
            result.append(DateMention(value, text[start:end], start, end))
    return result


# --------------------------------------------------------------------------------------------
# Amounts
# --------------------------------------------------------------------------------------------

# Cheap scan for stretches that may hold numbers; _NUM_RUN_RE then splits each stretch.
_NUM_STRETCH_RE = re.compile(rf"[0-9{_CN_NUM_CHARS}][0-9,.点{_CN_NUM_CHARS}]*+", _RX)
_NUM_RUN_RE = re.compile(
    # One number: Arabic (with optional thousands commas / decimals), Chinese numeral characters
    # or a mix ("1.5万"). A single possessive loop keeps this linear on any input.
    rf"{_LEAD_NUM}(?<![0-9])(?<![0-9][.,])"
    r"(?:(?>[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))++(?:\.[0-9]++)?|[0-9]++(?:\.[0-9]++)?)"
    rf"|[{_CN_NUM_CHARS}]|点(?=[{_CN_DIGIT_CHARS}]))++",
    _RX,
)
_TWO_DECIMALS_RE = re.compile(r"[0-9][0-9,]*\.[0-9]{2}", _RX)
_MULTIPLIER_RE = re.compile(r"\s?(?:(?P<k>k)|thousand|(?P<mil>million))\b", _RX)
_PREFIX_RE = re.compile(r"(?:us\$|\$|¥|\b(?:rmb|cny|usd)|人民币)\s?$", _RX)
_UNIT_RE = re.compile(
    r"\s?(?:(?P<yuan>元|圆|块)(?P<qian>钱)?|美元|美金|人民币|(?:dollars?|bucks?|usd|rmb|cny|yuan)\b)",
    _RX,
)
_SUBUNIT_DIGIT = rf"(?:[0-9]|[{_CN_DIGIT_CHARS}])"
_SUBUNIT_RE = re.compile(
    rf"零?\s?(?P<jiao>{_SUBUNIT_DIGIT})\s?[角毛](?:\s?零?\s?(?P<fen1>{_SUBUNIT_DIGIT})\s?分(?!钟))?"
    rf"|零?\s?(?P<fen>{_SUBUNIT_DIGIT})\s?分(?!钟)",
    _RX,
)
# "5230块5" == 5230.5 ("5" tenths), unless the digit starts something else ("500块5天内").
_COLLOQUIAL_JIAO_RE = re.compile(
    rf"(?P<d>[1-9]|{_CN_NONZERO_DIGIT_CLASS})"
    rf"(?![0-9{_CN_NUM_CHARS}.天日号期个月年点分钟小时%次周岁])",
    _RX,
)
_AMOUNT_TAIL_RE = re.compile(r"钱|整", _RX)
# After a bare number these mean it is a date, a count, a time, a rate... not money.
_BLOCK_AFTER_RE = re.compile(
    r"\s*(?:[天日号月年期个%岁次人点周笔张条位家份成倍折层楼秒克斤米度步几多余来]|小时|星期|礼拜"
    # 分 is minutes/points, except "一万二分12期" where it starts an instalment plan.
    rf"|分(?!\s*[成为]?\s*[0-9{_CN_DIGIT_CHARS}十])"
    r"|[-~到至]\s*[0-9]"
    r"|-?\s*(?:days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|seconds?|secs?"
    r"|install?ments?|payments?|monthly\s+(?:payments?|install?ments?)|times|percent|pct"
    r"|people|persons?|am|pm|a\.m|p\.m|o'?clock|st|nd|rd|th|x)\b)",
    _RX,
)
# Right before a bare number these mean it is a card / phone / ordinal / time reference.
# (Chinese and English variants are separate: the English one only runs on lines with letters.)
_PRE_BLOCK_ZH_RE = re.compile(
    r"第|尾号|尾数|末尾|末四位|后四位|末4位|后4位|卡号|账号|帐号|号码|电话|手机号?|编号|工号|单号"
    r"|订单号?|验证码|密码|房间|房号|分机|百分之|利率|年化|费率|汇率|#",
    _RX,
)
_PRE_BLOCK_EN_RE = re.compile(
    r"\b(?:no\.|number|ending(?:\s+in)?|ends?\s+(?:in|with)|last\s+(?:4|four)(?:\s+digits)?"
    r"|card|account|acct|ext\.?|phone|tel|call|room|rate|by|on|in|before|until|till|within|after"
    r"|since)\b",
    _RX,
)
_PRE_BLOCK_GAP_RE = re.compile(r"\s*[:是为]?\s*", _RX)
_CUE_ZH_RE = re.compile(
    r"欠款|欠|应还|最低还款额?|还款额?|还款|还|总共|一共|共计|总计|共|合计|总额|金额|余额|本金|利息"
    r"|滞纳金|手续费|违约金|罚息|每期|每个?月|首付|先付|付款|付|打款|转账|结清|剩余|剩下|还剩|剩"
    r"|工资|收入|月薪|薪水",
    _RX,
)
_CUE_EN_RE = re.compile(
    r"\b(?:owe[sd]?|owing|balance|total|pay\w*|paid|amount|due|overdue|fees?|interest|minimum"
    r"|principal|outstanding|debt|arrears|settle\w*|transfer\w*|install?ments?|salary|income"
    r"|rent|earn\w*)",
    _RX,
)
# Between a cue and its number: at most this many characters, none of them a digit or an
# end of sentence ("还有3天，500" must not read 500 as "还").
_CUE_MAX_GAP = 12
_CUE_GAP_BAD_RE = re.compile(rf"[0-9{_CN_NUM_CHARS}。！？!?;；\n]", _RX)
_EN_AMOUNT_UNIT_RE = re.compile(r"\s*(?:(?:dollars?|bucks?|usd|rmb|yuan)\b|元|块)", _RX)
_EN_AMOUNT_TRIGGERS = (
    "dollar", "buck", "usd", "rmb", "yuan", "元", "块", "hundred", "thousand", "million", "billion",
)  # fmt: skip
_EN_SCALE_WORD_RE = re.compile(r"hundred|thousand|million|billion", _RX)
# Phone numbers: mobile ("138 0013 8000"), landline / hotline ("0755-1234 5678",
# "400-820-8820") and any run of 11+ digits.
_PHONE_RE = re.compile(
    r"(?<![0-9])(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]){8}(?![0-9])"
    r"|(?<![0-9])(?:0[0-9]{2,3}|[48]00)[ -]?[0-9]{3,4}[ -]?[0-9]{4}(?![0-9])"
    r"|[0-9]{11,}+",
    _RX,
)
_WHITESPACE = " \t\n\r\f\v"
# First characters that can start a match of the pattern right after / right before a number;
# testing them first avoids most regex calls for the common tokens.
_MULTIPLIER_FIRST = frozenset("ktm" + _WHITESPACE)
_PREFIX_LAST = frozenset("$¥bdy币" + _WHITESPACE)
_UNIT_FIRST = frozenset("元圆块美人dbuyrc" + _WHITESPACE)
_BLOCK_AFTER_FIRST = frozenset(
    "天日号月年期个%岁次人点周笔张条位家份成倍折层楼秒克斤米度步几多余来小星礼分-~到至"
    + "abcdefghijklmnopqrstuvwxyz"
    + _WHITESPACE
)


class _Context:
    """Per-line lookups for cue words and blockers, computed lazily and at most once."""

    __slots__ = ("_blocks", "_cues", "_phones", "latin", "low")

    def __init__(self, view: _View) -> None:
        self.low = view.low
        self.latin = view.latin
        self._cues: list[int] | None = None
        self._blocks: list[int] | None = None
        self._phones: list[tuple[int, int]] | None = None

    def _ends(self, zh: re.Pattern[str], en: re.Pattern[str]) -> list[int]:
        ends = [m.end() for m in zh.finditer(self.low)]
        if self.latin:
            ends.extend(m.end() for m in en.finditer(self.low))
            ends.sort()
        return ends

    def in_phone(self, start: int, end: int) -> bool:
        low = self.low
        # Only a long digit run, or digits split into groups by a space / hyphen, can be part of
        # a phone number; checking that first spares the phone scan for ordinary numbers.
        if not (
            end - start >= 7
            or (low[end : end + 1] in (" ", "-") and low[end + 1 : end + 2].isdigit())
            or (low[start - 1 : start] in (" ", "-") and low[start - 2 : start - 1].isdigit())
            or low[start - 3 : start] == "+86"
        ):
            return False
        if self._phones is None:
            self._phones = [m.span() for m in _PHONE_RE.finditer(low)]
        return _overlaps(start, end, self._phones)

    def has_cue(self, start: int) -> bool:
        if self._cues is None:
            self._cues = self._ends(_CUE_ZH_RE, _CUE_EN_RE)
        end = _nearest_end_before(self._cues, start)
        return (
            end is not None
            and start - end <= _CUE_MAX_GAP
            and _CUE_GAP_BAD_RE.search(self.low, end, start) is None
        )

    def pre_blocked(self, start: int) -> bool:
        if self._blocks is None:
            self._blocks = self._ends(_PRE_BLOCK_ZH_RE, _PRE_BLOCK_EN_RE)
        end = _nearest_end_before(self._blocks, start)
        return end is not None and _PRE_BLOCK_GAP_RE.fullmatch(self.low, end, start) is not None


def _nearest_end_before(ends: list[int], position: int) -> int | None:
    index = bisect_right(ends, position) - 1
    return ends[index] if index >= 0 else None


def _blocked_neighbours(low: str, start: int, end: int) -> bool:
    """Part of a time, fraction, range or malformed number: "10:30", "1/2", "5230,12", "1.2.3"."""
    if end + 1 < len(low) and low[end] in ":/.," and low[end + 1].isdigit():
        return True
    return start >= 2 and low[start - 1] in ":/-." and low[start - 2].isdigit()


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return bool(spans) and any(start < s_end and s_start < end for s_start, s_end in spans)


def _digit_value(ch: str) -> Decimal:
    return Decimal(int(ch)) if "0" <= ch <= "9" else Decimal(_CN_DIGITS[ch])


def _numeric_amounts(
    text: str, ctx: _Context, excluded: list[tuple[int, int]]
) -> list[AmountMention]:
    low = ctx.low
    found: list[AmountMention] = []
    floor = 0
    for stretch in _NUM_STRETCH_RE.finditer(low):
        s = stretch.start()
        if s < floor:
            continue
        digits = stretch.group().rstrip(",.")
        if digits.isdigit() and digits.isascii():  # the common case: one plain number
            if _numeric_amount(text, ctx, excluded, s, s + len(digits), digits, found, floor):
                floor = found[-1].end
            continue
        for m in _NUM_RUN_RE.finditer(low, s, stretch.end()):
            if _numeric_amount(text, ctx, excluded, *m.span(), m.group(), found, floor):
                floor = found[-1].end
    return found


def _numeric_amount(
    text: str,
    ctx: _Context,
    excluded: list[tuple[int, int]],
    s: int,
    e: int,
    token: str,
    found: list[AmountMention],
    floor: int,
) -> bool:
    """Judge one number token; append it to ``found`` (and return True) if it is money."""
    low = ctx.low
    if token.startswith("点"):  # "早点五千块": that 点 belongs to the previous word
        s, token = s + 1, token[1:]
    if s < floor or _overlaps(s, e, excluded):
        return False
    value = _parse_numeral(token)
    if value is None:
        return False
    pure_arabic = token.isascii()
    has_cn_digit = not pure_arabic and any(ch in _CN_DIGITS for ch in token)
    has_unit = not pure_arabic and any(ch in _CN_UNIT_CHARS for ch in token)
    start, end = s, e
    strong = False  # an explicit currency marker or "k" is attached to the number

    if pure_arabic and low[end : end + 1] in _MULTIPLIER_FIRST:
        km = _MULTIPLIER_RE.match(low, end)
        if km is not None:
            value *= 10**6 if km.group("mil") else 1000
            end, strong = km.end(), True
    pm: re.Match[str] | None = None
    if low[s - 1 : s] in _PREFIX_LAST:
        pm = _PREFIX_RE.search(low, max(floor, s - 8), s)
        if pm is not None:
            start, strong = pm.start(), True
    um = _UNIT_RE.match(low, end) if low[end : end + 1] in _UNIT_FIRST else None
    if um is not None:
        end, strong = um.end(), True
        yuan = um.group("yuan")
        subunits = False
        if yuan:
            sm = _SUBUNIT_RE.match(low, end)
            if sm is not None:
                jiao = sm.group("jiao")
                fen = sm.group("fen1") or sm.group("fen")
                if jiao:
                    value += _digit_value(jiao) / 10
                if fen:
                    value += _digit_value(fen) / 100
                end, subunits = sm.end(), True
            elif yuan == "块" and not um.group("qian"):
                cm = _COLLOQUIAL_JIAO_RE.match(low, end)
                if cm is not None:
                    value += _digit_value(cm.group("d")) / 10
                    end, subunits = cm.end(), True
            tm = _AMOUNT_TAIL_RE.match(low, end)
            if tm is not None:
                end = tm.end()
        # "一块去" / "三块蛋糕": a lone Chinese digit + 块 is usually a measure word.
        if (
            yuan == "块"
            and not um.group("qian")
            and not subunits
            and len(token) == 1
            and has_cn_digit
            and pm is None
            and not ctx.has_cue(s)
        ):
            return False
    elif strong:
        if low[end : end + 1] in _BLOCK_AFTER_FIRST and _BLOCK_AFTER_RE.match(low, end):
            return False  # "$5 days": a marker must not turn a count into money
    else:
        if low[e : e + 1] in _BLOCK_AFTER_FIRST and _BLOCK_AFTER_RE.match(low, e):
            return False
        if _blocked_neighbours(low, s, e) or ctx.pre_blocked(s) or ctx.in_phone(s, e):
            return False
        if token[0] in "0123456789" and not has_cn_digit and any(c in _CN_BIG_UNITS for c in token):
            pass  # "1.5万", "3万": how amounts are written in chat (unlike "十万火急")
        elif pure_arabic and _TWO_DECIMALS_RE.fullmatch(token):
            pass  # "5230.50": two decimals read as money on their own
        elif not ctx.has_cue(s) or not (pure_arabic or has_unit):
            # Chinese numerals need a unit character too: "还一下" is not ¥1.
            return False
        elif pure_arabic and len(token.split(".")[0].replace(",", "")) > 9:
            return False  # an id-like digit string, not a debt
    found.append(AmountMention(_clean(value), text[start:end], start, end))
    return True


def _word_amounts(text: str, ctx: _Context, excluded: list[tuple[int, int]]) -> list[AmountMention]:
    low = ctx.low
    found: list[AmountMention] = []
    for m in _EN_NUM_RE.finditer(low):
        s, e = m.span()
        if _overlaps(s, e, excluded):
            continue
        words = _en_words_to_int(m.group())
        if words is None:
            continue
        um = _EN_AMOUNT_UNIT_RE.match(low, e)
        if um is not None:
            e = um.end()
        elif not (
            _EN_SCALE_WORD_RE.search(m.group())
            and ctx.has_cue(s)
            and not _BLOCK_AFTER_RE.match(low, e)
        ):
            continue  # "I can pay two thousand" counts, a bare "two" never does
        found.append(AmountMention(Decimal(words), text[s:e], s, e))
    return found


def extract_amounts(text: str) -> list[AmountMention]:
    """Money amounts in ``text`` (CNY or USD, written with digits, Chinese or English words)."""
    if not isinstance(text, str):
        return []
    view = _view(text)
    excluded = [(c[0], c[1]) for c in _date_candidates(view)]
    ctx = _Context(view)
    found = _numeric_amounts(text, ctx, excluded)
    if view.number_words and any(map(view.low.__contains__, _EN_AMOUNT_TRIGGERS)):
        excluded.extend((a.start, a.end) for a in found)
        found = sorted(found + _word_amounts(text, ctx, excluded), key=lambda a: a.start)
    return found


# --------------------------------------------------------------------------------------------
# Counts
# --------------------------------------------------------------------------------------------

_CN_INT = rf"(?:[0-9]{{1,5}}(?![0-9.])|[{_CN_NUM_CHARS}]{{1,8}})"
_COUNT_LEFT = rf"{_LEAD_NUM}(?<![第0-9.{_CN_NUM_CHARS}])"
# English counts come in two variants: digits ("6 installments") and number words ("six ...");
# the second (name ends in "_words") only runs when the line has a number word at all.
_EN_DIGITS_N = r"(?=[0-9])(?<![0-9.a-z])(?P<n>[0-9]{1,4})(?![0-9.])"
_EN_WORDS_N = rf"{_LEAD_EN_NUM}(?P<n>{_EN_NUM})"

# (kind, name, triggers, pattern); the earliest, then longest, match wins on overlap.
_COUNT_PATTERN_DEFS: tuple[tuple[str, str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("days", "days_zh", ("天",), re.compile(rf"{_COUNT_LEFT}(?P<n>{_CN_INT})\s*天", _RX)),
    *(
        ("days", f"days_en{suffix}", ("day",), re.compile(rf"{n}[\s-]+days?\b", _RX))
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    (
        "instalments",
        "split_zh",
        ("分",),
        re.compile(rf"分\s*(?:成|为)?\s*(?P<n>{_CN_INT})\s*(?:期|个月|次)", _RX),
    ),
    (
        "instalments",
        "months_split_zh",
        ("期",),
        re.compile(rf"{_COUNT_LEFT}(?P<n>{_CN_INT})\s*个月\s*分期", _RX),
    ),
    (
        "instalments",
        "periods_zh",
        ("期",),
        re.compile(rf"{_COUNT_LEFT}(?P<n>{_CN_INT})\s*期(?![限间待望末中货])", _RX),
    ),
    (
        "instalments",
        "months_zh",
        ("个",),
        re.compile(rf"{_COUNT_LEFT}(?P<n>{_CN_INT})\s*个月", _RX),
    ),
    *(
        (
            "instalments",
            f"payments_en{suffix}",
            ("payment", "installment", "instalment"),
            re.compile(
                rf"{n}[\s-]+(?:equal\s+)?(?:monthly\s+)?(?:install?ments?|payments?)\b", _RX
            ),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    *(
        (
            "instalments",
            f"over_months_en{suffix}",
            ("month",),
            re.compile(rf"\b(?:over|across)\s+(?:the\s+next\s+)?{n}\s+months?\b", _RX),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    *(
        (
            "instalments",
            f"month_plan_en{suffix}",
            ("plan",),
            re.compile(
                rf"{n}[\s-]+months?[\s-]+(?:(?:payment|install?ment|repayment)\s+)?plan\b", _RX
            ),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
)
_COUNT_NAMES = tuple((kind, name) for kind, name, _, _ in _COUNT_PATTERN_DEFS)
_COUNT_TABLE = _table(tuple((_gate(name, trig), pat) for _, name, trig, pat in _COUNT_PATTERN_DEFS))
# "6个月" is a plan length unless it is a span of time: "逾期3个月", "3个月后", "3个月内还清".
_MONTHS_NOT_PLAN_AFTER_RE = re.compile(
    r"\s*(?:后|前|内|以后|之后|以前|之前|以内|之内|了|以上|多|左右|没|未|都|的时间)", _RX
)
_MONTHS_NOT_PLAN_BEFORE_RE = re.compile(
    r"(?:逾期|拖欠|拖了|欠了|已经|超过|过了|超期|晚了|延期|推迟|宽限|快|这|那|前|近|最近|过去|头|上"
    r"|每)了?\s*$",
    _RX,
)
# "这两天" / "过两天" (a couple of days) and "一天到晚" (all day long) are not day counts.
_DAYS_VAGUE_BEFORE_RE = re.compile(r"(?:这|那|前|过|近|最近)\s*$", _RX)
_DAYS_IDIOM_AFTER_RE = re.compile(r"天?\s*到晚|天天", _RX)
_MAX_COUNT = {"days": 36500, "instalments": 600}


def extract_counts(text: str) -> list[CountMention]:
    """Day counts ("逾期18天", "18 days") and instalment counts ("分6期", "6 installments")."""
    if not isinstance(text, str):
        return []
    view = _view(text)
    low = view.low
    found: list[tuple[int, int, int, str, int]] = []
    for priority, pattern in _open_patterns(view, _COUNT_TABLE):
        kind, name = _COUNT_NAMES[priority]
        for m in pattern.finditer(low):
            value = _to_int(m.group("n"))
            # A plan has at least one instalment; "一个月" alone is a duration, not a plan.
            minimum = 0 if kind == "days" else 2 if name == "months_zh" else 1
            if value is None or value < minimum or value > _MAX_COUNT[kind]:
                continue
            if name == "months_zh" and (
                _MONTHS_NOT_PLAN_AFTER_RE.match(low, m.end())
                or _MONTHS_NOT_PLAN_BEFORE_RE.search(low, max(0, m.start() - 6), m.start())
            ):
                continue
            if name == "days_zh" and (
                _DAYS_IDIOM_AFTER_RE.match(low, m.end() - 1)
                or (
                    m.group("n") in ("两", "几")
                    and _DAYS_VAGUE_BEFORE_RE.search(low, max(0, m.start() - 4), m.start())
                )
            ):
                continue
            found.append((m.start(), -m.end(), priority, kind, value))
    found.sort(key=lambda c: (c[0], c[1], c[2]))
    result: list[CountMention] = []
    floor = 0
    for start, neg_end, _, kind, value in found:
        if start >= floor:
            end = -neg_end
            result.append(CountMention(value, kind, text[start:end], start, end))
            floor = end
    return result
