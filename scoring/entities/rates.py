"""Rates said in a line, as a fraction: "0.6%", "0.6 percent", "百分之零点六", "百分之0.75",
"千分之六", "千分之七点五", "0.6个点", "零点六个点". A plan's fee rate is said this way
("手续费率每月0.6%", "月费率千分之六", "a 0.5% monthly fee"); accuracy compares it with the
ledger's plans.

Whole shares of a quantity (三成, 30%, 一半) are `shares`; a rate here is what a percent or a
permille figure says, with its decimals (0.65% is 0.0065)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from scoring.entities._view import RX, line_view
from scoring.entities.numerals import chinese_numeral_to_decimal

__all__ = ["RateMention", "extract_rates"]


@dataclass(frozen=True, slots=True)
class RateMention:
    value: Decimal  # the rate as a fraction: Decimal("0.006") for 0.6%
    raw: str
    start: int
    end: int


_NUM = r"[0-9]{1,3}(?:\.[0-9]{1,4})?"
_CN = r"[零〇一二两三四五六七八九十点0-9.]{1,8}"
_RATE_RE = re.compile(
    rf"(?P<pct>(?<![0-9.]){_NUM})\s*+(?:%|％|percent\b|per\s*+cent\b)"
    rf"|百分之(?P<pct_cn>{_CN})"
    rf"|千分之(?P<permille>{_CN})"
    rf"|(?P<points>(?<![0-9.]){_NUM}|(?<![零〇一二两三四五六七八九十点]){_CN})\s*+个点",
    RX,
)
_PER = {"pct": 100, "pct_cn": 100, "permille": 1000, "points": 100}


def _number(said: str) -> Decimal | None:
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", said):
        return Decimal(said)
    return chinese_numeral_to_decimal(said)


def extract_rates(text: str) -> list[RateMention]:
    """Percent and permille rates in ``text``, in the order said."""
    if not isinstance(text, str):
        return []
    low = line_view(text).low
    found: list[RateMention] = []
    for m in _RATE_RE.finditer(low):
        kind = next(k for k, v in m.groupdict().items() if v is not None)
        value = _number(m.group(kind).rstrip("."))
        if value is None or value < 0 or value > 100:
            continue
        found.append(RateMention(value / _PER[kind], text[m.start() : m.end()], *m.span()))
    return found
