"""Table-driven tests for scoring.entities (amounts, dates, counts in Chinese and English)."""

from __future__ import annotations

import random
from datetime import date, datetime
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


# --------------------------------------------------------------------------------------------
# chinese_numeral_to_decimal
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Amounts
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        # currency symbols / codes / units
        ("¥5,230.50", "5230.50", "¥5,230.50"),
        ("￥5230.5", "5230.5", "￥5230.5"),
        ("5230.50元", "5230.50", "5230.50元"),
        ("5230元5角", "5230.5", "5230元5角"),
        ("5,230.5 元", "5230.5", "5,230.5 元"),
        ("RMB 5230", "5230", "RMB 5230"),
        ("rmb5230", "5230", "rmb5230"),
        ("人民币5230元", "5230", "人民币5230元"),
        ("5230块", "5230", "5230块"),
        ("5230块钱", "5230", "5230块钱"),
        ("5230块5", "5230.5", "5230块5"),
        ("5230块5毛", "5230.5", "5230块5毛"),
        ("5230元5角3分", "5230.53", "5230元5角3分"),
        ("523元零5分", "523.05", "523元零5分"),
        # Chinese numerals
        ("五千二百三十元五角", "5230.5", "五千二百三十元五角"),
        ("五千二百三十块零五毛", "5230.5", "五千二百三十块零五毛"),
        ("五百二十三块零五分", "523.05", "五百二十三块零五分"),
        ("五千二元", "5200", "五千二元"),
        ("五千二块", "5200", "五千二块"),
        ("五千二百三十块五", "5230.5", "五千二百三十块五"),
        ("一万三千零八十六块五", "13086.5", "一万三千零八十六块五"),
        ("两块五", "2.5", "两块五"),
        ("一块钱", "1", "一块钱"),
        ("两万三千元", "23000", "两万三千元"),
        ("一万元整", "10000", "一万元整"),
        ("壹仟伍佰元", "1500", "壹仟伍佰元"),
        ("叁万元整", "30000", "叁万元整"),
        # k / 万 / 千
        ("5.2k", "5200", "5.2k"),
        ("5.2K", "5200", "5.2K"),
        ("5k", "5000", "5k"),
        ("1.5万", "15000", "1.5万"),
        ("1.5万元", "15000", "1.5万元"),
        ("3万", "30000", "3万"),
        ("3千元", "3000", "3千元"),
        ("3千块", "3000", "3千块"),
        ("两千块", "2000", "两千块"),
        # English
        ("$5,230.50", "5230.50", "$5,230.50"),
        ("5230.50 dollars", "5230.50", "5230.50 dollars"),
        ("USD 1,200", "1200", "USD 1,200"),
        ("US$1,200", "1200", "US$1,200"),
        ("$1.2k", "1200", "$1.2k"),
        ("1200 bucks", "1200", "1200 bucks"),
        ("5 thousand dollars", "5000", "5 thousand dollars"),
        ("five hundred dollars", "500", "five hundred dollars"),
        ("two thousand three hundred dollars", "2300", "two thousand three hundred dollars"),
        (
            "Two Thousand Three Hundred and Fifty Dollars",
            "2350",
            "Two Thousand Three Hundred and Fifty Dollars",
        ),
        ("twenty-five bucks", "25", "twenty-five bucks"),
        # bare number with two decimals
        ("5230.50", "5230.50", "5230.50"),
        ("5,230.50", "5230.50", "5,230.50"),
        # full-width digits and punctuation
        ("５２３０元", "5230", "５２３０元"),
        ("５，２３０．５０", "5230.50", "５，２３０．５０"),
        ("￥５，２３０", "5230", "￥５，２３０"),
    ],
)
def test_amount_formats(text: str, value: str, raw: str) -> None:
    assert amounts(text) == [(Decimal(value), raw)]


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        # A bare integer or a bare Chinese numeral needs an amount cue before it.
        ("您欠款5230，请尽快处理", "5230", "5230"),
        ("总共5230", "5230", "5230"),
        ("应还金额：5230", "5230", "5230"),
        ("最低还款500", "500", "500"),
        ("每期还872", "872", "872"),
        ("每月500", "500", "500"),
        ("滞纳金100", "100", "100"),
        ("欠五千二", "5200", "五千二"),
        ("还两千", "2000", "两千"),
        ("我先还3千", "3000", "3千"),
        ("共计两万三千", "23000", "两万三千"),
        ("you owe 1200", "1200", "1200"),
        ("balance: 5230", "5230", "5230"),
        ("the total due is 880", "880", "880"),
        ("minimum payment 300", "300", "300"),
        ("I can pay two thousand", "2000", "two thousand"),
        ("我每个月工资3000", "3000", "3000"),
        ("I earn 3000 a month", "3000", "3000"),
    ],
)
def test_amount_with_cue(text: str, value: str, raw: str) -> None:
    assert amounts(text) == [(Decimal(value), raw)]


@pytest.mark.parametrize(
    "text",
    [
        "尾号6621",
        "您尾号6621的卡",
        "card ending in 6621",
        "last 4 digits 6621",
        "2026-11-30",
        "2026/11/30",
        "11/30",
        "11月30号",
        "18天",
        "逾期18天",
        "还有3天",
        "6期",
        "分6期",
        "还差2期",
        "6个月",
        "打电话 138 0013 8000",
        "还款请拨 138-0013-8000",
        "客服热线400-820-8820",
        "13800138000",
        "利息是3.5%",
        "3%",
        "18 days",
        "pay in 3 days",
        "6 installments",
        "over 6 months",
        "下午3点还",
        "还差10:30",
        "5230",  # bare integer, no cue
        "一千零一夜",
        "千万别逾期",
        "万一还不上",
        "还一下",
        "我们一块去吧",
        "你还有3个孩子",
        "我最多还五千多",  # approximate
        "能不能先还两三千",  # a range
        "第2期",
        "百分之五十",
        "验证码是6621",
        "you have 2 kids",
        "room 302",
        "3.5",
        "十万火急",  # an idiom, not 100000
        "利率是0.05",
        "interest rate 0.05",
    ],
)
def test_not_an_amount(text: str) -> None:
    assert extract_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "您好，您的信用卡尾号6621目前欠款5230.50元，已逾期18天，最低还款500元。",
            [("5230.50", "5230.50元"), ("500", "500元")],
        ),
        (
            "我们可以给您分6期，每期还872元，您看下周五之前能先还2000吗？",
            [("872", "872元"), ("2000", "2000")],
        ),
        ("请在2026年12月5日前还款1.5万", [("15000", "1.5万")]),
        (
            "您总共欠我们两万三千块，这个月底前至少还五千二",
            [("23000", "两万三千块"), ("5200", "五千二")],
        ),
        (
            "Hi, your balance is $5,230.50, 18 days overdue. Can you pay 1,200 by next Friday?",
            [("5230.50", "$5,230.50"), ("1200", "1,200")],
        ),
        ("We can do six monthly payments of 872 dollars.", [("872", "872 dollars")]),
        ("先还一万，剩下一万二分12期", [("10000", "一万"), ("12000", "一万二")]),
        ("本金5000，300是利息", [("5000", "5000")]),
        ("打 138 0013 8000 还款5000元", [("5000", "5000元")]),
        ("尾号6621的卡欠款5000", [("5000", "5000")]),
        ("还500到1000元", [("1000", "1000元")]),
    ],
)
def test_amounts_in_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert amounts(text) == [(Decimal(v), raw) for v, raw in expected]


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "raw"),
    [
        ("11月30号", date(2026, 11, 30), "11月30号"),
        ("11月30日", date(2026, 11, 30), "11月30日"),
        ("十一月三十号", date(2026, 11, 30), "十一月三十号"),
        ("11月30还款", date(2026, 11, 30), "11月30"),
        ("2026年11月30日", date(2026, 11, 30), "2026年11月30日"),
        ("2027年1月5号", date(2027, 1, 5), "2027年1月5号"),
        ("二〇二六年十二月一日", date(2026, 12, 1), "二〇二六年十二月一日"),
        ("明年3月1号", date(2027, 3, 1), "明年3月1号"),
        ("2026-11-30", date(2026, 11, 30), "2026-11-30"),
        ("2026/11/30", date(2026, 11, 30), "2026/11/30"),
        ("2026.12.01", date(2026, 12, 1), "2026.12.01"),
        ("11/30", date(2026, 11, 30), "11/30"),
        ("12/25/2026", date(2026, 12, 25), "12/25/2026"),
        ("11.30号", date(2026, 11, 30), "11.30号"),
        ("November 30", date(2026, 11, 30), "November 30"),
        ("Nov 30th", date(2026, 11, 30), "Nov 30th"),
        ("June 5th", date(2026, 6, 5), "June 5th"),  # 177 days ago: still this year
        ("jul 20", date(2026, 7, 20), "jul 20"),
        ("Sept 1", date(2026, 9, 1), "Sept 1"),
        ("Dec. 5, 2026", date(2026, 12, 5), "Dec. 5, 2026"),
        ("30 November", date(2026, 11, 30), "30 November"),
        ("the 5th of December", date(2026, 12, 5), "the 5th of December"),
        # a month/day far in the past means next year
        ("1月5号", date(2027, 1, 5), "1月5号"),
        ("January 5", date(2027, 1, 5), "January 5"),
        ("5月1号", date(2027, 5, 1), "5月1号"),
        ("9月1号", date(2026, 9, 1), "9月1号"),  # recent past stays this year
    ],
)
def test_absolute_dates(text: str, expected: date, raw: str) -> None:
    assert dates(text, SUNDAY) == [(expected, raw)]


@pytest.mark.parametrize(
    ("text", "sunday", "wednesday"),
    [
        # Day of month: this month, or the next month if already past.
        ("30号", date(2026, 11, 30), date(2026, 11, 30)),
        ("5号", date(2026, 12, 5), date(2026, 12, 5)),
        ("29号", date(2026, 11, 29), date(2026, 11, 29)),
        ("二十七号", date(2026, 12, 27), date(2026, 11, 27)),
        ("31号", date(2026, 12, 31), date(2026, 12, 31)),  # November has no 31st
        ("the 30th", date(2026, 11, 30), date(2026, 11, 30)),
        ("by the 1st", date(2026, 12, 1), date(2026, 12, 1)),
        ("还款日是每月5号", date(2026, 12, 5), date(2026, 12, 5)),
        ("30号前还5000", date(2026, 11, 30), date(2026, 11, 30)),
        # Relative days.
        ("今天", date(2026, 11, 29), date(2026, 11, 25)),
        ("明天", date(2026, 11, 30), date(2026, 11, 26)),
        ("后天", date(2026, 12, 1), date(2026, 11, 27)),
        ("大后天", date(2026, 12, 2), date(2026, 11, 28)),
        ("today", date(2026, 11, 29), date(2026, 11, 25)),
        ("tomorrow", date(2026, 11, 30), date(2026, 11, 26)),
        ("the day after tomorrow", date(2026, 12, 1), date(2026, 11, 27)),
        # Weekdays: 下周五 = Friday of next calendar week (weeks start on Monday).
        ("下周五", date(2026, 12, 4), date(2026, 12, 4)),
        ("下星期五", date(2026, 12, 4), date(2026, 12, 4)),
        ("下礼拜五", date(2026, 12, 4), date(2026, 12, 4)),
        ("下个星期一", date(2026, 11, 30), date(2026, 11, 30)),
        ("下周日", date(2026, 12, 6), date(2026, 12, 6)),
        # 这周五 / 周五: this week's Friday, or next week's if already past.
        ("这周五", date(2026, 12, 4), date(2026, 11, 27)),
        ("本周五", date(2026, 12, 4), date(2026, 11, 27)),
        ("周五", date(2026, 12, 4), date(2026, 11, 27)),
        ("星期三", date(2026, 12, 2), date(2026, 11, 25)),
        ("礼拜天", date(2026, 11, 29), date(2026, 11, 29)),
        ("next Friday", date(2026, 12, 4), date(2026, 12, 4)),
        ("this Friday", date(2026, 12, 4), date(2026, 11, 27)),
        ("Friday", date(2026, 12, 4), date(2026, 11, 27)),
        ("Friday next week", date(2026, 12, 4), date(2026, 12, 4)),
        ("next Mon", date(2026, 11, 30), date(2026, 11, 30)),
        # Months.
        ("下个月5号", date(2026, 12, 5), date(2026, 12, 5)),
        ("下月5号", date(2026, 12, 5), date(2026, 12, 5)),
        ("月底", date(2026, 11, 30), date(2026, 11, 30)),
        ("这个月底", date(2026, 11, 30), date(2026, 11, 30)),
        ("下个月底", date(2026, 12, 31), date(2026, 12, 31)),
        ("end of the month", date(2026, 11, 30), date(2026, 11, 30)),
        ("end of next month", date(2026, 12, 31), date(2026, 12, 31)),
        ("年底", date(2026, 12, 31), date(2026, 12, 31)),
        ("12月底", date(2026, 12, 31), date(2026, 12, 31)),
        ("九月底", date(2026, 9, 30), date(2026, 9, 30)),
        # In N days / weeks (a deadline "3天内" counts as today + 3).
        ("3天后", date(2026, 12, 2), date(2026, 11, 28)),
        ("三天后", date(2026, 12, 2), date(2026, 11, 28)),
        ("3天内", date(2026, 12, 2), date(2026, 11, 28)),
        ("3日内", date(2026, 12, 2), date(2026, 11, 28)),
        ("两周内", date(2026, 12, 13), date(2026, 12, 9)),
        ("in 3 days", date(2026, 12, 2), date(2026, 11, 28)),
        ("in three days", date(2026, 12, 2), date(2026, 11, 28)),
        ("within a week", date(2026, 12, 6), date(2026, 12, 2)),
        ("2 weeks from now", date(2026, 12, 13), date(2026, 12, 9)),
    ],
)
def test_relative_dates(text: str, sunday: date, wednesday: date) -> None:
    assert [d.value for d in extract_dates(text, SUNDAY)] == [sunday]
    assert [d.value for d in extract_dates(text, WEDNESDAY)] == [wednesday]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("by Friday", "Friday"),
        ("下周五之前还清", "下周五"),
        ("请于下个月5号前还款", "下个月5号"),
        ("pay in 3 days please", "in 3 days"),
        ("逾期18天，3天内还清", "3天内"),
    ],
)
def test_date_raw_span(text: str, raw: str) -> None:
    [mention] = extract_dates(text, SUNDAY)
    assert mention.raw == raw
    assert text[mention.start : mention.end] == raw


@pytest.mark.parametrize(
    "text",
    [
        "2月30号",
        "2026年2月30日",
        "2026-02-30",
        "13/45",
        "February 30",
        "逾期18天",
        "每周五还款",  # a recurring day, not a date
        "一周一次",
        "6期",
        "5230.50元",
        "尾号6621",
        "",
    ],
)
def test_no_date(text: str) -> None:
    assert extract_dates(text, SUNDAY) == []


def test_invalid_longer_date_does_not_leak_a_shorter_one() -> None:
    # "2月30号" is invalid; its "30号" part must not be reported as the 30th of this month.
    assert extract_dates("2月30号还款", SUNDAY) == []


def test_dates_accept_datetime_and_extremes() -> None:
    assert dates("明天", datetime(2026, 11, 29, 23, 59)) == [(date(2026, 11, 30), "明天")]
    assert extract_dates("明天", date.max) == []  # would overflow: skipped, not raised
    assert extract_dates("昨天", date.min) == []
    assert dates("下个月底", date(9999, 12, 1)) == []


def test_several_dates_in_order() -> None:
    text = "本来11月30号到期，最晚下周五，或者12月5日"
    assert dates(text, SUNDAY) == [
        (date(2026, 11, 30), "11月30号"),
        (date(2026, 12, 4), "下周五"),
        (date(2026, 12, 5), "12月5日"),
    ]


# --------------------------------------------------------------------------------------------
# Counts
# --------------------------------------------------------------------------------------------


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
    ],
)
def test_no_count(text: str) -> None:
    assert extract_counts(text) == []


# --------------------------------------------------------------------------------------------
# Offsets, robustness, speed
# --------------------------------------------------------------------------------------------

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
