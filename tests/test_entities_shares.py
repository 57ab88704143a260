"""Table tests for scoring.entities.shares: all of it, a part of it, a discount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scoring.entities import extract_shares


def shares(text: str) -> list[tuple[str, str, str, str, str]]:
    return [(f"{s.value:.4f}", s.kind, s.zh, s.en, s.raw) for s in extract_shares(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("利息可以全免", [("1.0000", "whole", "全部", "all", "全免")]),
        ("滞纳金全部减免", [("1.0000", "whole", "全部", "all", "全部")]),
        ("we can waive all of it", [("1.0000", "whole", "全部", "all", "all")]),
        ("罚息减一半", [("0.5000", "part", "一半", "half", "一半")]),
        ("利息减半", [("0.5000", "part", "一半", "half", "减半")]),
        ("利息能给你全减了", [("1.0000", "whole", "全部", "all", "全减")]),
        ("half the balance", [("0.5000", "part", "一半", "half", "half")]),
        ("a third of it now", [("0.3333", "part", "三分之一", "a third", "a third")]),
        ("一次先还四分之一", [("0.2500", "part", "四分之一", "a quarter", "四分之一")]),
        ("利息能减三成", [("0.3000", "part", "30%", "30%", "三成")]),
        ("减3成", [("0.3000", "part", "30%", "30%", "3成")]),
        ("利息减免百分之三十", [("0.3000", "part", "30%", "30%", "百分之三十")]),
        ("a 25 percent discount", [("0.2500", "part", "25%", "25%", "25 percent")]),
        ("减免30%", [("0.3000", "part", "30%", "30%", "30%")]),
        ("100% of the late fee", [("1.0000", "whole", "100%", "100%", "100%")]),
        ("打八折", [("0.8000", "discount", "打8折", "80% of the price", "打八折")]),
        ("he's on my behalf", []),  # a word that only holds "half"
        ("rate 12.5%", []),  # not a whole number of percent: not read
        ("", []),
    ],
)
def test_shares(text: str, expected: list[tuple[str, str, str, str, str]]) -> None:
    assert shares(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "ＨＡＬＦ of it, then 一半"
    assert [text[s.start : s.end] for s in extract_shares(text)] == ["ＨＡＬＦ", "一半"]
    assert [s.value for s in extract_shares(text)] == [Decimal("0.5"), Decimal("0.5")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 打个…折 and 对折 (half the price) as collectors say them.
        ("利息给您打个对折", [("0.5000", "discount", "打对折", "50% of the price", "打个对折")]),
        ("打个八折吧", [("0.8000", "discount", "打8折", "80% of the price", "打个八折")]),
    ],
)
def test_discounts_said_aloud(text: str, expected: list[tuple[str, str, str, str, str]]) -> None:
    assert shares(text) == expected
