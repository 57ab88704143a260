"""Table tests for scoring.entities.counts: days and instalments."""

from __future__ import annotations

import pytest

from scoring.entities import extract_counts, extract_durations


def counts(text: str) -> list[tuple[int, str, str]]:
    return [(c.value, c.kind, c.raw) for c in extract_counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18天", [(18, "days", "18天")]),
        ("十八天", [(18, "days", "十八天")]),
        ("逾期18天", [(18, "days", "18天")]),
        ("已经逾期四十五天了", [(45, "days", "四十五天")]),
        ("18 days", [(18, "days", "18 days")]),
        ("eighteen days", [(18, "days", "eighteen days")]),
        ("an 18-day grace period", [(18, "days", "18-day")]),
        ("分6期", [(6, "instalments", "分6期")]),
        ("6期", [(6, "instalments", "6期")]),
        ("六期", [(6, "instalments", "六期")]),
        ("12期", [(12, "instalments", "12期")]),
        ("二十四期免息", [(24, "instalments", "二十四期")]),
        ("分成六个月", [(6, "instalments", "分成六个月")]),
        ("分3次还", [(3, "instalments", "分3次")]),
        ("6个月分期", [(6, "instalments", "6个月分期")]),
        ("6个月", [(6, "instalments", "6个月")]),
        ("6 installments", [(6, "instalments", "6 installments")]),
        ("6 instalments", [(6, "instalments", "6 instalments")]),
        ("six monthly payments", [(6, "instalments", "six monthly payments")]),
        ("over 6 months", [(6, "instalments", "over 6 months")]),
        ("over twelve months", [(12, "instalments", "over twelve months")]),
        ("6-month plan", [(6, "instalments", "6-month plan")]),
        ("a 12 month payment plan", [(12, "instalments", "12 month payment plan")]),
        ("3天后", [(3, "days", "3天")]),  # a relative date may also be a day count
        ("逾期两天", [(2, "days", "两天")]),
        ("分两个月", [(2, "instalments", "分两个月")]),
        (
            "逾期18天了，可以分6期，每期872元",
            [(18, "days", "18天"), (6, "instalments", "分6期")],
        ),
        (
            "You are 18 days late; we offer 6 monthly payments.",
            [(18, "days", "18 days"), (6, "instalments", "6 monthly payments")],
        ),
    ],
)
def test_counts(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "第6期",
        "第三天",
        "今天",
        "明天",
        "十几天",
        "两三天",
        "逾期3个月",
        "3个月后还清",
        "6个月内还清",
        "一个月",
        "这两个月我都睡不着",  # "these two months", not a plan
        "每两个月",
        "我这两天就还",  # "in the next couple of days"
        "你们一天到晚打电话",
        "5230元",
        "18",
        "a few days",
        "some days",
        "",
        "you missed the August 5 payment",  # a date's day, not five payments
        "the Nov 6 installment",
    ],
)
def test_no_count(text: str) -> None:
    assert extract_counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (value, unit, hedge, more, raw)
        ("逾期三个多月了", [(3, "month", "", True, "三个多月")]),
        ("快两个月了", [(2, "month", "快", False, "快两个月")]),
        ("已经两周多了", [(2, "week", "", True, "两周多")]),
        ("差不多二十天", [(20, "day", "差不多", False, "差不多二十天")]),
        # 来 after a round number: about that many.
        ("逾期二十来天了", [(20, "day", "来", False, "二十来天")]),
        ("一个来月了", [(1, "month", "来", False, "一个来月")]),
        ("拖了一个半月", [(1, "month", "", False, "一个半月")]),  # half: see test_halves
        ("over three months behind", [(3, "month", "over", False, "over three months")]),
        ("almost two months", [(2, "month", "almost", False, "almost two months")]),
        (
            "a little over six weeks",
            [(6, "week", "a little over", False, "a little over six weeks")],
        ),
        ("two and a half months", [(2, "month", "", True, "two and a half months")]),
        ("57 days to be exact", [(57, "day", "", False, "57 days")]),
        # 出头 after the unit is "over"; 不到 / 不足 before it "under"; "shy of", "a hair".
        ("逾期一个月出头了", [(1, "month", "", True, "一个月出头")]),
        ("两个月出头", [(2, "month", "", True, "两个月出头")]),
        ("还不到两个月", [(2, "month", "不到", False, "不到两个月")]),
        (
            "just shy of three months",
            [(3, "month", "just shy of", False, "just shy of three months")],
        ),
        ("a hair over two months", [(2, "month", "a hair over", False, "a hair over two months")]),
        # The ordinal day of a long delinquency, in Chinese numerals past 99 (零 for a gap).
        ("逾期第一百一十九天", [(119, "day", "", False, "一百一十九天")]),
        ("到今天是逾期第一百零四天", [(104, "day", "", False, "一百零四天")]),
        ("第二百一十一天了", [(211, "day", "", False, "二百一十一天")]),
        ("逾期three months", [(3, "month", "", False, "three months")]),
        ("下个月底", []),
        ("3月份", []),
        ("", []),
    ],
)
def test_durations(text: str, expected: list[tuple[int, str, str, bool, str]]) -> None:
    found = [(d.value, d.unit, d.hedge, d.more, d.raw) for d in extract_durations(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (value, unit, hedge, more, half, raw): halves and years
        ("拖了一个半月", [(1, "month", "", False, True, "一个半月")]),
        ("快半年了", [(0, "year", "快", False, True, "快半年")]),
        ("逾期半个月", [(0, "month", "", False, True, "半个月")]),
        ("两年多没还", [(2, "year", "", True, False, "两年多")]),
        ("over a year", [(1, "year", "over", False, False, "over a year")]),
        ("like 6 weeks", [(6, "week", "like", False, False, "like 6 weeks")]),
        ("about half a year", [(0, "year", "about", False, True, "about half a year")]),
        ("a year and a half", [(1, "year", "", False, True, "a year and a half")]),
        ("年利率", []),
    ],
)
def test_halves(text: str, expected: list[tuple[int, str, str, bool, bool, str]]) -> None:
    found = [(d.value, d.unit, d.hedge, d.more, d.half, d.raw) for d in extract_durations(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plan's length said with the verb that offers it.
        ("I can do 9 months for you", [(9, "instalments", "do 9 months")]),
        ("we could spread it over 18 months", [(18, "instalments", "spread it over 18 months")]),
        ("let's split it into four months", [(4, "instalments", "split it into four months")]),
        # "an N-month option / program / arrangement" names a plan as "an N-month plan" does.
        ("we also have a 24-month option", [(24, "instalments", "24-month option")]),
        ("the six-month payment program", [(6, "instalments", "six-month payment program")]),
        # A plan's length in years, read as its months.
        ("可以分两年还", [(24, "instalments", "分两年")]),
        ("给您分半年", [(6, "instalments", "分半年")]),
        ("分一年半也行", [(18, "instalments", "分一年半")]),
        ("分期三年", [(36, "instalments", "分期三年")]),
        ("we can spread it over two years", [(24, "instalments", "spread it over two years")]),
        ("you can pay it off over 3 years", [(36, "instalments", "pay it off over 3 years")]),
        ("a 2-year plan", [(24, "instalments", "2-year plan")]),
        ("a one-year payment plan", [(12, "instalments", "one-year payment plan")]),
        ("a plan over a year", [(12, "instalments", "plan over a year")]),
        # "for" a span after a verb of paying by plan; "behind for a year" is no plan.
        ("we can spread it out for a year", [(12, "instalments", "spread it out for a year")]),
        ("you could pay monthly for two years", [(24, "instalments", "pay monthly for two years")]),
        ("you've been behind for a year", []),
    ],
)
def test_plan_length_offered(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("您这都逾期仨月了", [(3, "month", "", False, "仨月")]),
        ("俩礼拜了", [(2, "week", "", False, "俩礼拜")]),
    ],
)
def test_durations_with_colloquial_numbers(
    text: str, expected: list[tuple[int, str, str, bool, str]]
) -> None:
    found = [(d.value, d.unit, d.hedge, d.more, d.raw) for d in extract_durations(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "it's going on five months now",
            [(5, "month", "going on", False, "going on five months")],
        ),
        ("pushing 90 days at this point", [(90, "day", "pushing", False, "pushing 90 days")]),
    ],
)
def test_durations_said_as_approaching(
    text: str, expected: list[tuple[int, str, str, bool, str]]
) -> None:
    found = [(d.value, d.unit, d.hedge, d.more, d.raw) for d in extract_durations(text)]
    assert found == expected
