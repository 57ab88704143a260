"""Table tests for scoring.entities.rates: percent and permille rates, zh and en."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scoring.entities.rates import extract_rates


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        ("分6期手续费是每月0.6%", "0.006", "0.6%"),
        ("费率是0.7%每个月", "0.007", "0.7%"),
        ("月费率千分之八", "0.008", "千分之八"),
        ("千分之七点五", "0.0075", "千分之七点五"),
        ("百分之零点七五", "0.0075", "百分之零点七五"),
        ("百分之0.65", "0.0065", "百分之0.65"),
        ("0.65个点", "0.0065", "0.65个点"),
        ("零点六个点", "0.006", "零点六个点"),
        ("a 0.5% monthly fee", "0.005", "0.5%"),
        ("0.5 percent a month", "0.005", "0.5 percent"),
        ("利息减30%", "0.3", "30%"),
    ],
)
def test_a_rate_is_read_as_a_fraction(text: str, value: str, raw: str) -> None:
    assert [(r.value, r.raw) for r in extract_rates(text)] == [(Decimal(value), raw)]


@pytest.mark.parametrize("text", ["三十出头", "分6期", "5230.50", "", "1000%"])
def test_no_rate(text: str) -> None:
    assert extract_rates(text) == []
