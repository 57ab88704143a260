"""Table tests for scoring.entities.numerals: Chinese, Arabic and mixed numerals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scoring.entities import chinese_numeral_to_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五千二百三十", "5230"),
        ("两万", "20000"),
        ("一千零五", "1005"),
        ("十八", "18"),
        ("十", "10"),
        ("二十五", "25"),
        ("三点五", "3.5"),
        ("三点一四", "3.14"),
        ("五千二", "5200"),
        ("五万三", "53000"),
        ("一百二", "120"),
        ("两万三千五", "23500"),
        ("一万零五百", "10500"),
        ("十二万三千四百五十六", "123456"),
        ("一亿两千万", "120000000"),
        ("三点五万", "35000"),
        ("壹仟伍佰", "1500"),
        ("贰万叁仟", "23000"),
        ("零", "0"),
        ("二〇二六", "2026"),
        ("1.5万", "15000"),
        ("3千", "3000"),
        ("2万3", "23000"),
        ("2万3000", "23000"),
        ("５千", "5000"),  # full-width digit
    ],
)
def test_chinese_numeral_to_decimal(text: str, expected: str) -> None:
    assert chinese_numeral_to_decimal(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "元",
        "万",
        "千万",
        "万一",
        "百",
        "点五",
        "三点",
        "三四千",
        "两三",
        "五百千",
        "一万二万",
        "abc",
        "五块",
    ],
)
def test_chinese_numeral_to_decimal_rejects(text: str) -> None:
    assert chinese_numeral_to_decimal(text) is None


@pytest.mark.parametrize(("text", "expected"), [("仨", "3"), ("俩", "2"), ("倆", "2")])
def test_colloquial_two_and_three(text: str, expected: str) -> None:
    # 俩 and 仨 are how 两个 and 三个 are said aloud: "逾期仨月了", "俩礼拜".
    assert chinese_numeral_to_decimal(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("陸仟參佰", "6300"), ("叄萬貳仟", "32000"), ("贰仟参佰陆拾", "2360")],
)
def test_financial_digits_in_traditional_and_variant_forms(text: str, expected: str) -> None:
    # 參 / 叄 / 陸 (繁體 大写) and 参 (what 參 folds to, as people type 叁) are digits too.
    assert chinese_numeral_to_decimal(text) == Decimal(expected)
