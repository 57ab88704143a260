"""Sums said as a range of two neighbouring digits: "五千二三百" (5,200 to 5,399), "三四千"
(3,000 to 4,999), "八千八九百", "一万二三千". A range is an approximation
(`approx="range"`): its value is the low end, and it covers a figure from there up to the high
end's next step ("五千二三百" covers ¥5,230.50, not ¥5,430.50).

A trailing unit may be left unsaid after 万 or 千, as the next place down ("一万二三" is 12,000
to 13,999; "五千二三" 5,200 to 5,399). Two digits that do not follow each other ("五六" is, "五七"
is not) are no range.
"""

from __future__ import annotations

import re
from decimal import Decimal

from scoring.entities._view import RX
from scoring.entities.numerals import CN_DIGITS, CN_NUM_CHARS, parse_numeral

_PAIR_DIGITS = "一二两三四五六七八九"
_RANGE_RE = re.compile(
    rf"(?<![0-9{CN_NUM_CHARS}点.])"
    rf"(?P<head>(?:[{_PAIR_DIGITS}][万千百])*+)"
    rf"(?P<a>[{_PAIR_DIGITS}])(?P<b>[{_PAIR_DIGITS}])"
    r"(?P<unit>[万千百十])?"
    rf"(?![0-9{CN_NUM_CHARS}点])",
    RX,
)
# The place left unsaid after the head's last unit: "一万二三" is 一万二三千.
_NEXT_DOWN = {"万": "千", "千": "百", "百": "十"}
# After a range, what makes it money and not a count ("三四天", "两三个月").
_MONEY_AFTER_RE = re.compile(r"\s*+(?:块|元|圆|多块|来块|的样子|左右|吧|块钱)", RX)
_CLAUSE_END_RE = re.compile(r"\s*+(?:[，,。！？!?；;]|$)", RX)


def range_spans(low: str) -> list[tuple[int, int, Decimal]]:
    """(start, end, low end) of every range of neighbouring digits said as a sum in ``low``
    (the folded line): with a head in 千 / 万 ("五千二三百"), or alone in 千 / 万 with a money
    word or the clause's end after it ("三四千块", "五六万吧"; "两三百" is too small to say
    which sum of the account it is)."""
    found: list[tuple[int, int, Decimal]] = []
    for m in _RANGE_RE.finditer(low):
        a, b = CN_DIGITS[m.group("a")], CN_DIGITS[m.group("b")]
        head, unit = m.group("head"), m.group("unit")
        if b != a + 1:
            continue
        if not unit:
            if not head:
                continue
            unit = _NEXT_DOWN[head[-1]]
        if not head and (
            unit not in "千万"
            or not (_MONEY_AFTER_RE.match(low, m.end()) or _CLAUSE_END_RE.match(low, m.end()))
        ):
            # "三四个", "两三十天": a count; "两三百块也行" is a sum offered, not the account's
            continue
        value = parse_numeral(head + m.group("a") + unit)
        if value is not None:
            found.append((m.start(), m.end(), value))
    return found
