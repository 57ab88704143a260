"""scoring.entities as a whole: offsets into the original text, order, determinism, and
robustness on random and very long input. The tables of each kind are in test_entities_*.py."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from scoring.entities import (
    AmountMention,
    CountMention,
    DateMention,
    chinese_numeral_to_decimal,
    extract_amounts,
    extract_counts,
    extract_dates,
)

SUNDAY = date(2026, 11, 29)
WEDNESDAY = date(2026, 11, 25)


def amounts(text: str) -> list[tuple[Decimal, str]]:
    return [(a.value, a.raw) for a in extract_amounts(text)]


def dates(text: str, today: date) -> list[tuple[date, str]]:
    return [(d.value, d.raw) for d in extract_dates(text, today)]


def counts(text: str) -> list[tuple[int, str, str]]:
    return [(c.value, c.kind, c.raw) for c in extract_counts(text)]


SENTENCES = [
    "您好，您的信用卡尾号6621目前欠款5230.50元，已逾期18天，最低还款500元。",
    "我们可以给您分6期，每期还872元，您看下周五之前能先还2000吗？",
    "请在２０２６年１２月５日前还款１．５万",
    "￥５，２３０．５０，逾期十八天，分成六个月，下个月５号开始",
    "Hi, your balance is $5,230.50, 18 days overdue. Can you pay 1,200 by next Friday?",
    "We can set up a 6-month plan: six monthly payments of 872 dollars, starting Nov 30th.",
    "  \t好的，我明天下午三点前先还两千块，剩下的月底还清\n",
    "ＲＭＢ５２３０，明天还",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_offsets_point_into_the_original_text(text: str) -> None:
    found: list[AmountMention | DateMention | CountMention] = [
        *extract_amounts(text),
        *extract_dates(text, SUNDAY),
        *extract_counts(text),
    ]
    assert found
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.raw == text[mention.start : mention.end]


def test_full_width_sentence() -> None:
    text = "￥５，２３０．５０，逾期十八天，分成六个月，下个月５号开始"
    assert amounts(text) == [(Decimal("5230.50"), "￥５，２３０．５０")]
    assert counts(text) == [(18, "days", "十八天"), (6, "instalments", "分成六个月")]
    assert dates(text, SUNDAY) == [(date(2026, 12, 5), "下个月５号")]


def test_results_are_sorted_and_do_not_overlap() -> None:
    for text in SENTENCES:
        for found in (extract_amounts(text), extract_dates(text, SUNDAY), extract_counts(text)):
            spans = [(m.start, m.end) for m in found]
            assert spans == sorted(spans)
            assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))


def test_deterministic() -> None:
    text = SENTENCES[0]
    assert extract_amounts(text) == extract_amounts(text)
    assert extract_dates(text, SUNDAY) == extract_dates(text, SUNDAY)
    assert extract_counts(text) == extract_counts(text)


_FUZZ_ALPHABET = (
    "0123456789０１２３４５６７８９.,，．:/-%$¥￥ kK"
    "元块毛角分整钱万千百十亿零〇一二两三四五六七八九"
    "壹贰叁肆伍陆柒捌玖拾佰仟点号日月年天周星期礼拜下这本上个后内今明底末第尾欠还共期次"
    "dollars bucks usd rmb days months installments payments next this by the st nd rd th"
    " november nov friday fri owe balance total pay in a and hundred thousand one two six"
    "\x00\x01\x1f\x7f\u200b\u3000\ufeff\n\t"
)


def _random_text(rng: random.Random, length: int) -> str:
    chars = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.7:
            chars.append(rng.choice(_FUZZ_ALPHABET))
        elif roll < 0.85:
            chars.append(chr(rng.randrange(0x20, 0x3000)))
        else:
            code = rng.randrange(0, 0x110000)
            chars.append(chr(code))  # includes lone surrogates and unassigned code points
    return "".join(chars)


def _check_all(text: str, today: date) -> None:
    for found in (extract_amounts(text), extract_dates(text, today), extract_counts(text)):
        assert isinstance(found, list)
        for mention in found:
            assert mention.raw == text[mention.start : mention.end]
    for mention in extract_amounts(text):
        assert isinstance(mention.value, Decimal)
        assert mention.value.is_finite()
    for count in extract_counts(text):
        assert count.kind in ("days", "instalments")
        assert isinstance(count.value, int)
    result = chinese_numeral_to_decimal(text)
    assert result is None or isinstance(result, Decimal)


def test_fuzz_random_strings() -> None:
    rng = random.Random(0)
    todays = [SUNDAY, WEDNESDAY, date.min, date.max, date(2024, 2, 29), date(2026, 1, 31)]
    for i in range(3000):
        _check_all(_random_text(rng, rng.randrange(0, 80)), todays[i % len(todays)])


@pytest.mark.parametrize(
    "text",
    [
        "1" * 10_000,
        "一" * 10_000,
        "九千" * 5_000,
        "5," * 5_000,
        "1 " * 5_000,
        "one " * 2_500,
        "周五" * 5_000,
        "\x00" * 10_000,
        "欠" * 10_000,
        "1.1" * 3_333,
        "¥" * 10_000,
        "11月30号" * 1_500,
        "\u0301" * 10_000,
        "".join(chr(c) for c in range(0x4E00, 0x4E00 + 10_000)),
    ],
)
def test_long_inputs_are_handled(text: str) -> None:
    # Speed is measured in benchmarks/, not asserted here.
    _check_all(text, SUNDAY)


def test_long_random_input() -> None:
    rng = random.Random(0)
    _check_all(_random_text(rng, 10_000), SUNDAY)
