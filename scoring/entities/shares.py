"""Shares of a quantity said in a line: all of it (全部, 全免, all, the whole), a part (一半,
三成, 百分之三十, 30%, half, a third, a quarter) or a discount (打八折: 80% is paid)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from scoring.entities._view import RX, line_view
from scoring.entities.numerals import chinese_numeral_to_decimal

__all__ = ["ShareMention", "extract_shares"]

ShareKind = Literal["whole", "part", "discount"]


@dataclass(frozen=True, slots=True)
class ShareMention:
    value: Decimal  # the share said: 1 for all of it, 0.5 for half, 0.8 for 打八折
    kind: ShareKind
    zh: str  # its name in each language: "一半" / "half", "30%" / "30%"
    en: str
    raw: str
    start: int
    end: int


_CN_DIGIT = "[一二三四五六七八九]|[1-9]"
_SHARE_RE = re.compile(
    r"(?P<whole>全部|全额|全免|全减|所有|都免|\b(?:all|entire|full|whole|completely|fully|every)\b)"
    r"|(?P<half>一半|减半|半数|对半|\bhalf\b)|打个?(?P<halfzhe>对折)"
    r"|(?P<third>三分之一|\b(?:a|one)\s++third\b)|(?P<quarter>四分之一|\b(?:a|one)\s++quarter\b)"
    r"|百分之(?P<pct_cn>[0-9一二三四五六七八九十百]{1,4})|(?P<pct>(?<![0-9.])[0-9]{1,3})\s*+(?:%|percent\b)"
    rf"|(?P<tenths>{_CN_DIGIT})成|打个?(?P<zhe>{_CN_DIGIT})折",
    RX,
)
_CN_SMALL = "一二三四五六七八九"


def _digit(said: str) -> int:
    return int(said) if said.isdigit() else _CN_SMALL.index(said) + 1


def _read(m: re.Match[str]) -> tuple[Decimal, ShareKind, str, str] | None:
    if m.group("whole"):
        return Decimal(1), "whole", "全部", "all"
    if m.group("half"):
        return Decimal("0.5"), "part", "一半", "half"
    if m.group("third"):
        return Decimal(1) / 3, "part", "三分之一", "a third"
    if m.group("quarter"):
        return Decimal("0.25"), "part", "四分之一", "a quarter"
    if m.group("halfzhe"):
        return Decimal("0.5"), "discount", "打对折", "50% of the price"  # 对折: half is paid
    if m.group("zhe"):
        paid = _digit(m.group("zhe"))
        return Decimal(paid) / 10, "discount", f"打{paid}折", f"{paid * 10}% of the price"
    if m.group("tenths"):
        pct = Decimal(_digit(m.group("tenths")) * 10)
    elif m.group("pct_cn"):
        said = m.group("pct_cn")
        pct = Decimal(said) if said.isdigit() else chinese_numeral_to_decimal(said) or Decimal(0)
    else:
        pct = Decimal(m.group("pct"))
    if not 0 < pct <= 100:
        return None
    kind: ShareKind = "whole" if pct == 100 else "part"
    return pct / 100, kind, f"{pct:.0f}%", f"{pct:.0f}%"


def extract_shares(text: str) -> list[ShareMention]:
    """Shares said in ``text``, in order; offsets into ``text``."""
    if not isinstance(text, str):
        return []
    low = line_view(text).low
    found: list[ShareMention] = []
    for m in _SHARE_RE.finditer(low):
        read = _read(m)
        if read is not None:
            value, kind, zh, en = read
            found.append(ShareMention(value, kind, zh, en, text[m.start() : m.end()], *m.span()))
    return found
