"""Table tests for scoring.entities.dates: absolute and relative dates, zh and en."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from scoring.entities import extract_dates

SUNDAY = date(2026, 11, 29)
WEDNESDAY = date(2026, 11, 25)


def dates(text: str, today: date) -> list[tuple[date, str]]:
    return [(d.value, d.raw) for d in extract_dates(text, today)]


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
        # M.D with a due word after it or a due-date label before it.
        ("11.30到期", date(2026, 11, 30), "11.30"),
        ("还款日11.30", date(2026, 11, 30), "11.30"),
        ("到期日是9.4", date(2026, 9, 4), "9.4"),
        ("9.4是最后还款日", date(2026, 9, 4), "9.4"),
        ("也就是11.30还上", date(2026, 11, 30), "11.30"),
        ("8.14那期开始没还", date(2026, 8, 14), "8.14"),  # M.D before 那期: that bill
        # M-D with a hyphen, only beside a due word or a date preposition.
        ("11-30到期", date(2026, 11, 30), "11-30"),
        ("是12-2就到期的", date(2026, 12, 2), "12-2"),
        ("到期日11-30", date(2026, 11, 30), "11-30"),
        ("it went past due 11-30, right", date(2026, 11, 30), "11-30"),
        ("can you pay by 12-4?", date(2026, 12, 4), "12-4"),
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
    ("text", "expected"),
    [
        # A day said as an ordinal word, before or after its month, or alone after "the".
        ("the fifth of October", [(date(2026, 10, 5), "the fifth of October")]),
        ("since the twenty-second of March", [(date(2027, 3, 22), "the twenty-second of March")]),
        ("due June first", [(date(2026, 6, 1), "June first")]),
        ("February twenty second", [(date(2027, 2, 22), "February twenty second")]),
        ("Dec the thirty-first", [(date(2026, 12, 31), "Dec the thirty-first")]),
        ("thirtieth of November 2026", [(date(2026, 11, 30), "thirtieth of November 2026")]),
        ("by the twenty-second, ok?", [(date(2026, 12, 22), "the twenty-second")]),
        ("on the ninth", [(date(2026, 12, 9), "the ninth")]),
        # not dates: an ordinal before a noun, "may" the verb, a day past 31
        ("the second payment", []),
        ("you may first call them", []),
        ("October thirty-second", []),
        ("the first of two payments", []),
    ],
)
def test_ordinal_word_days(text: str, expected: list[tuple[date, str]]) -> None:
    assert dates(text, SUNDAY) == expected


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
        "利息11.30元",  # M.D-like, but money: no due word, no due-date label
        "还款11.5万",
        "尾号6621",
        # A hyphen between two small numbers is a range, a phone number or an amount unless a
        # date word stands beside it.
        "3-5天到账",
        "分3-6个月",
        "on 6-12 months",
        "call 1-800-555-0199",
        "大概8-9千",
        "due 2-3k",
        "",
    ],
)
def test_no_date(text: str) -> None:
    assert extract_dates(text, SUNDAY) == []


@pytest.mark.parametrize(
    ("text", "expected", "raw"),
    [
        # After 块 the digit is the amount's 毛: the date is the month's end, not May's.
        ("剩下三千二百三十块五月底前还清", date(2026, 11, 30), "月底"),
        ("剩下3230块5月底前还清", date(2026, 11, 30), "月底"),
        ("欠三千块，五月底前还清", date(2027, 5, 31), "五月底"),
    ],
)
def test_a_month_end_after_an_amount(text: str, expected: date, raw: str) -> None:
    assert dates(text, SUNDAY) == [(expected, raw)]


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday abbreviation right before the date it names is read as a weekday too.
        ("how about Wed. Dec 2", [(date(2026, 12, 2), "Wed."), (date(2026, 12, 2), "Dec 2")]),
        (
            "Tues 12/1 for the first one?",
            [(date(2026, 12, 1), "Tues"), (date(2026, 12, 1), "12/1")],
        ),
        ("Fri the 4th ok?", [(date(2026, 12, 4), "Fri"), (date(2026, 12, 4), "the 4th")]),
        # An ordinary word that spells an abbreviation is not one.
        ("I sat 5 hours on hold", []),
    ],
)
def test_weekday_abbreviation_before_a_date(text: str, expected: list[tuple[date, str]]) -> None:
    assert dates(text, SUNDAY) == expected


# A part of a named month: the day standing for it (1st, 15th, last), its year inferred as for
# a month and day ("end of August" on 2026-11-25 is this year's).
@pytest.mark.parametrize(
    ("text", "expected", "raw"),
    [
        ("it went past due at the end of August", date(2026, 8, 31), "the end of August"),
        ("since early Aug", date(2026, 8, 1), "early Aug"),
        ("was due mid-September", date(2026, 9, 15), "mid-September"),
        ("late Oct", date(2026, 10, 31), "late Oct"),
        ("by the beginning of December", date(2026, 12, 1), "the beginning of December"),
        ("8月初到期", date(2026, 8, 1), "8月初"),
        ("九月中旬到期的", date(2026, 9, 15), "九月中旬"),
        ("十月下旬", date(2026, 10, 31), "十月下旬"),
    ],
)
def test_a_part_of_a_named_month(text: str, expected: date, raw: str) -> None:
    assert dates(text, WEDNESDAY) == [(expected, raw)]


@pytest.mark.parametrize(
    "text", ["I may start late.", "the end of the road", "in the middle of it", "月初发工资"]
)
def test_no_month_part_without_a_month(text: str) -> None:
    assert [d for d in extract_dates(text, WEDNESDAY) if d.kind.startswith("month_part")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday said in a short clause that points back at the date names that date's week.
        (
            "10月29号那天就该还了，那天是周四",
            [(date(2026, 10, 29), "10月29号"), (date(2026, 10, 29), "周四")],
        ),
        (
            "10月29号那天就该还了，那天是周五",
            [(date(2026, 10, 29), "10月29号"), (date(2026, 10, 30), "周五")],
        ),
        (
            "due Nov 2nd, which was a Tuesday",
            [(date(2026, 11, 2), "Nov 2nd"), (date(2026, 11, 3), "Tuesday")],
        ),
        # Not when the clause does not point back at it.
        (
            "10月29号到期，我们周四再打给您",
            [(date(2026, 10, 29), "10月29号"), (date(2026, 12, 3), "周四")],
        ),
    ],
)
def test_a_weekday_that_points_back_at_its_date(
    text: str, expected: list[tuple[date, str]]
) -> None:
    assert dates(text, SUNDAY) == expected


def test_a_month_then_its_day_after_a_comma() -> None:
    # "back in July, the 1st": the day said after the month and a comma.
    from datetime import date

    from scoring.entities import extract_dates

    found = extract_dates("it was back in July, the 1st", date(2026, 10, 20))
    assert [(d.raw, d.value) for d in found] == [("July, the 1st", date(2026, 7, 1))]
