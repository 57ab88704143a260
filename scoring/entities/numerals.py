"""Numerals: Chinese (ordinary and 大写, with 十百千万亿 and the colloquial trailing digit),
Arabic (with thousands commas) and mixed ("1.5万", "4万1千5百28"), and English number words.

Every function here is pure and total: what is not a numeral gives None, never an exception.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from scoring.entities._view import RX, fold

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0,
    "一": 1, "壹": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2, "俩": 2, "倆": 2,
    "三": 3, "叁": 3, "參": 3, "参": 3, "叄": 3, "仨": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

CN_DIGIT_CHARS = "".join(CN_DIGITS)
CN_UNIT_CHARS = "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
CN_NUM_CHARS = CN_DIGIT_CHARS + CN_UNIT_CHARS
CN_NONZERO_DIGIT_CLASS = "[" + "".join(k for k, v in CN_DIGITS.items() if v) + "]"

# Longer numerals are not plausible amounts/dates and would only cost time.
_MAX_NUMERAL_LEN = 40
_MAX_ARABIC_INT_DIGITS = 15

_ARABIC_RE = re.compile(r"(?>[0-9]{1,3}(?:,[0-9]{3})++|[0-9]++)(?:\.[0-9]++)?", RX)
_FRACTION_RE = re.compile(
    rf"(?P<digits>[{CN_DIGIT_CHARS}]++|[0-9]++)(?P<unit>[{CN_UNIT_CHARS}]?)", RX
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
        if ch in CN_DIGITS:
            tokens.append(("d", Decimal(CN_DIGITS[ch]), True))
        elif ch in CN_SMALL_UNITS:
            tokens.append(("s", Decimal(CN_SMALL_UNITS[ch]), False))
        elif ch in CN_BIG_UNITS:
            tokens.append(("b", Decimal(CN_BIG_UNITS[ch]), False))
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


def clean_decimal(value: Decimal) -> Decimal:
    """Drop a spurious exponent ("15000.0" -> "15000") but keep real cents ("5230.50")."""
    try:
        if value == value.to_integral_value():
            return Decimal(int(value))
    except (InvalidOperation, OverflowError, ValueError):  # pragma: no cover - NaN/inf guard
        pass
    return value


def parse_numeral(s: str) -> Decimal | None:
    """Parse an already normalised numeral (Chinese, Arabic or mixed, e.g. "1.5万")."""
    if not s or len(s) > _MAX_NUMERAL_LEN:
        return None
    if s.isascii():  # plain Arabic number: the common case, skip the tokenizer
        if s.isdigit():
            return Decimal(s) if len(s) <= _MAX_ARABIC_INT_DIGITS else None
        if _ARABIC_RE.fullmatch(s) is None or len(s.split(".")[0]) > _MAX_ARABIC_INT_DIGITS + 4:
            return None
        return clean_decimal(Decimal(s.replace(",", "")))
    head, sep, tail = s.partition("点")
    if not sep:
        value = _parse_plain(s)
        return None if value is None else clean_decimal(value)
    fm = _FRACTION_RE.fullmatch(tail)
    # "五万一千六百九十八点四" is a sum to the jiao; "一万点五万" is no numeral.
    if not head or fm is None or (fm.group("unit") and any(ch in CN_BIG_UNITS for ch in head)):
        return None
    int_part = _parse_plain(head)
    if int_part is None:
        return None
    digits = fm.group("digits")
    if digits[0] in CN_DIGITS:
        digits = "".join(str(CN_DIGITS[c]) for c in digits)
    value = int_part + Decimal("0." + digits)
    unit = fm.group("unit")
    if unit:
        value *= CN_SMALL_UNITS.get(unit) or CN_BIG_UNITS[unit]  # "三点五万" == 35000
    return clean_decimal(value)


def chinese_numeral_to_decimal(text: str) -> Decimal | None:
    """Convert a Chinese numeral to a Decimal, or None if ``text`` is not (only) a numeral.

    Handles ordinary and financial digits (壹贰叁…, 零/〇), 十百千万亿 (拾佰仟萬億), decimals with
    点, the colloquial trailing digit ("五千二" == 5200, "五万三" == 53000, "一百二" == 120) and
    Arabic digits mixed with units ("1.5万", "3千", "2万3"). Full-width digits are accepted.
    """
    if not isinstance(text, str):
        return None
    return parse_numeral(fold(text).strip())


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

EN_WORD = "|".join(sorted([*_EN_SMALL, *_EN_TENS, "hundred", *_EN_SCALES], key=len, reverse=True))
_EN_W = rf"(?:{EN_WORD})\b"
# At most 9 words ("two thousand three hundred and forty five" is 6): the bound keeps patterns
# that embed this and then fail ("one one one ... days?") linear instead of quadratic.
EN_NUM = (
    rf"\b(?:a\s++(?=(?:hundred|thousand|million)\b))?{_EN_W}"
    rf"(?:(?:\s++and\s++|\s++|-){_EN_W}){{0,8}}+"
)
EN_NUM_RE = re.compile(EN_NUM, RX)
# A number in words from one to ninety-nine ("nineteen", "twenty-one"): a count of days, weeks
# or months, never "one" alone out of "twenty-one".
_EN_ONES = "|".join(w for w, v in _EN_SMALL.items() if 0 < v < 10)
EN_UNDER_100 = (
    rf"(?:(?:{'|'.join(_EN_TENS)})(?:[\s-](?:{_EN_ONES}))?"
    rf"|{'|'.join(sorted((w for w, v in _EN_SMALL.items() if v), key=len, reverse=True))})"
)
_EN_SPLIT_RE = re.compile(r"[\s-]+", RX)


def en_words_to_int(s: str) -> int | None:
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


# Ordinal words for the days of a month ("the fifth", "twenty-second", "thirty-first"): a
# date said aloud names its day this way.
_EN_ORDINAL_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}  # fmt: skip
_EN_ORDINAL_TEENS: dict[str, int] = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_ORD_UNIT = "|".join(_EN_ORDINAL_UNITS)
EN_ORDINAL_DAY = (
    rf"(?:(?:twenty[\s-]?+(?:{_ORD_UNIT})|thirty[\s-]?+first"
    rf"|{'|'.join(sorted(_EN_ORDINAL_TEENS, key=len, reverse=True))}|{_ORD_UNIT})\b)"
)


def en_ordinal_day(s: str) -> int | None:
    """An ordinal word for a day of the month ("twenty-second") -> 22, else None."""
    words = [w for w in _EN_SPLIT_RE.split(s.strip().lower()) if w]
    if len(words) == 1:
        return _EN_ORDINAL_UNITS.get(words[0]) or _EN_ORDINAL_TEENS.get(words[0])
    if len(words) == 2 and words[0] in ("twenty", "thirty") and words[1] in _EN_ORDINAL_UNITS:
        day = _EN_TENS[words[0]] + _EN_ORDINAL_UNITS[words[1]]
        return day if day <= 31 else None
    return None


def to_int(s: str | None, *, digit_string: bool = False) -> int | None:
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
    if s[0] in CN_NUM_CHARS:
        if not digit_string and len(s) > 1 and not any(ch in CN_UNIT_CHARS for ch in s):
            return None
        value = parse_numeral(s)
    else:
        words = en_words_to_int(s)
        value = None if words is None else Decimal(words)
    if value is None or value != value.to_integral_value() or value > 10**9:
        return None
    return int(value)


# A leading lookahead on the possible first characters lets the regex engine skip ahead fast
# instead of trying the lookbehinds at every position.
LEAD_NUM = rf"(?=[0-9{CN_NUM_CHARS}])"
LEAD_EN_NUM = rf"(?=[0-9{''.join(sorted({w[0] for w in EN_WORD.split('|')} | {'a'}))}])"
