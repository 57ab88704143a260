"""Calendar dates in a line, absolute ("11月30号", "Nov 30th", "2026-11-30") or relative to the
call's day ("下周五", "next Friday", "3天内", "月底").

Each pattern is a record: its kind, the trigger substrings that must occur for it to run, the
regex, and the resolver that turns a match into a date. The earliest, then longest, match wins
where candidates overlap, and a longer candidate that is no calendar date ("2月30号") still hides
its parts ("30号").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from scoring.entities._view import RX, LineView, line_view, make_gate, make_table, open_patterns
from scoring.entities.numerals import (
    CN_NUM_CHARS,
    EN_NUM,
    EN_ORDINAL_DAY,
    LEAD_EN_NUM,
    LEAD_NUM,
    en_ordinal_day,
    to_int,
)

__all__ = ["DateMention", "extract_dates"]


@dataclass(frozen=True, slots=True)
class DateMention:
    value: date
    raw: str
    start: int
    end: int
    # The pattern that read it: "md_zh", "weekday_en", "rel_zh"... (see _PATTERNS below).
    kind: str = ""

    @property
    def relative(self) -> bool:
        """Said relative to the call's day ("明天", "next Friday", "3天内"), not as a date."""
        return self.kind in RELATIVE_KINDS

    @property
    def weekday_named(self) -> bool:
        return self.kind.startswith("weekday")


_D = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
_M = r"(?:1[0-2]|0?[1-9])(?![0-9])"
_CN_M = rf"(?:{_M}|十[一二]?|[一二三四五六七八九])"
_CN_D = rf"(?:{_D}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
# The 毛 digit of a colloquial amount ("三千二百三十块五月底"): 月底 is the month's end then.
_JIAO_DIGIT = "[1-9一二三四五六七八九]"
# Right after a weekday ("周五11月27号", "下周五27号") a date may start with a numeral too.
_AFTER_WEEKDAY = "(?<=[周期拜][一二三四五六日天])"
_SMALL_N = rf"(?:[0-9]{{1,3}}(?![0-9.])|[{CN_NUM_CHARS}]{{1,4}})"

_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_TRIGGERS = tuple(sorted({name[:3] for name in _MONTHS}))
_WEEKDAYS_FULL: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_WEEKDAYS_ABBR: dict[str, int] = {
    "mon": 0, "tues": 1, "tue": 1, "wed": 2, "thurs": 3, "thur": 3, "thu": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
_CN_WEEKDAYS: dict[str, int] = {
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6,
}  # fmt: skip
_REL_DAY_OFFSETS: dict[str, int] = {
    "大后天": 3, "后天": 2, "明天": 1, "明日": 1, "明早": 1, "明晚": 1, "明儿": 1,
    "今天": 0, "今日": 0, "今晚": 0, "今早": 0, "今儿": 0,
    "大前天": -3, "前天": -2, "昨天": -1, "昨日": -1,
    "the day after tomorrow": 2, "today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1,
    "yesterday": -1,
}  # fmt: skip
_MONTH_REL: dict[str, int] = {"下下": 2, "下": 1, "这": 0, "本": 0, "当": 0, "上": -1}
_MONTH_REL_ALT = "下下|下|这|本|当|上"

# A month/day without a year that lies further back than this is taken to mean next year.
_PAST_TOLERANCE = timedelta(days=183)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _infer_year(month: int, day: int, today: date) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # e.g. 2月29号 outside a leap year
        if year == today.year and candidate < today - _PAST_TOLERANCE:
            continue
        return candidate
    return None


def _day_of_month(day: int, today: date) -> date | None:
    """Day of month only ("30号"): this month, else the next month that has that day."""
    for delta in range(3):
        if delta == 0 and day < today.day:
            continue
        year, month = _add_months(today.year, today.month, delta)
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def _weekday(target: int, weeks: int | None, today: date) -> date:
    """``weeks`` is a calendar-week offset (1 = next week, weeks start on Monday).

    None means "this week's, or next week's if already past" (这周五 / 周五 / this Friday).
    """
    monday = today - timedelta(days=today.weekday())
    if weeks is not None:
        return monday + timedelta(days=7 * weeks + target)
    day = monday + timedelta(days=target)
    return day if day >= today else day + timedelta(days=7)


def _group(m: re.Match[str], name: str) -> str | None:
    value = m.group(name)
    return value if isinstance(value, str) else None


def _year_value(raw: str) -> int | None:
    if raw[0] in CN_NUM_CHARS:
        return to_int(raw, digit_string=True)
    year = int(raw)
    return year + 2000 if len(raw) == 2 else year


def _month_day(
    month: int | None, day: int | None, year_raw: str | None, today: date
) -> date | None:
    if month is None or day is None:
        return None
    if year_raw:
        year = _year_value(year_raw)
        return None if year is None else date(year, month, day)
    return _infer_year(month, day, today)


# -- resolvers: one matched candidate to a date; they may raise ValueError/OverflowError ------


def _ymd(m: re.Match[str], today: date) -> date | None:
    year = _year_value(m.group("y"))
    month, day = to_int(m.group("m")), to_int(m.group("d"))
    if year is None or month is None or day is None:
        return None
    return date(year, month, day)


def _ywmd(m: re.Match[str], today: date) -> date | None:
    month, day = to_int(m.group("m")), to_int(m.group("d"))
    if month is None or day is None:
        return None
    year_offset = {"今年": 0, "明年": 1, "去年": -1}[m.group("yw")]
    return date(today.year + year_offset, month, day)


def _numeric_month_day(m: re.Match[str], today: date) -> date | None:
    year_raw = _group(m, "y") if "y" in m.re.groupindex else None
    return _month_day(to_int(m.group("m")), to_int(m.group("d")), year_raw, today)


def _day_said(m: re.Match[str]) -> int | None:
    """The day of a match: digits ("22nd") or an ordinal word ("twenty-second")."""
    if "dw" in m.re.groupindex and (word := _group(m, "dw")):
        return en_ordinal_day(word)
    return to_int(m.group("d"))


def _named_month_day(m: re.Match[str], today: date) -> date | None:
    return _month_day(_MONTHS[m.group("mon")], _day_said(m), _group(m, "y"), today)


def _day_only(m: re.Match[str], today: date) -> date | None:
    day = _day_said(m)
    return None if day is None else _day_of_month(day, today)


def _in_n(m: re.Match[str], today: date) -> date | None:
    n = to_int(m.group("n"))
    if n is None:
        return None
    if "week" in m.re.groupindex:
        weeks = m.group("week") is not None
    else:
        weeks = m.group("u").startswith("w")
    return today + timedelta(days=n * (7 if weeks else 1))


def _n_from_day(m: re.Match[str], today: date) -> date | None:
    n = 1 if m.group("a") else to_int(m.group("n"))
    if n is None:
        return None
    step = 7 if m.group("u").startswith("w") else 1
    start = today + timedelta(days=1 if m.group("base") == "tomorrow" else 0)
    return start + timedelta(days=n * step)


def _month_rel_day(m: re.Match[str], today: date) -> date | None:
    day = to_int(m.group("d"))
    if day is None:
        return None
    year, month = _add_months(today.year, today.month, _MONTH_REL[m.group("rel")])
    return date(year, month, day)


def _named_month_end(m: re.Match[str], today: date) -> date | None:
    month = to_int(m.group("m"))
    if month is None:
        return None
    first = _infer_year(month, 1, today + timedelta(days=31))  # the month may still run
    return None if first is None else _month_end(first.year, month)


# A part of a named month ("end of August", "early March", "mid-May", "8月初", "九月中旬"):
# the day that stands for it (1st, 15th, last); accuracy compares it by ten-day part (旬).
_PART_DAY = {
    "beginning": 1, "start": 1, "early": 1, "初": 1, "上旬": 1, "middle": 15, "mid": 15,
    "中旬": 15, "end": 0, "late": 0, "下旬": 0,
}  # fmt: skip


def _month_part(m: re.Match[str], today: date) -> date | None:
    groups = m.groupdict()
    said = groups.get("mon") or groups.get("mon2")
    month = _MONTHS[said] if said in _MONTHS else to_int(groups.get("m") or "")
    part = groups.get("part") or groups.get("part2") or ""
    if month is None or part not in _PART_DAY:
        return None
    first = _infer_year(month, 1, today + timedelta(days=31))  # the month may still run
    if first is None:
        return None
    day = _PART_DAY[part]
    return _month_end(first.year, month) if day == 0 else date(first.year, month, day)


def _month_end_zh(m: re.Match[str], today: date) -> date | None:
    rel = _group(m, "rel")
    year, month = _add_months(today.year, today.month, _MONTH_REL[rel] if rel else 0)
    return _month_end(year, month)


def _month_end_en(m: re.Match[str], today: date) -> date | None:
    year, month = _add_months(today.year, today.month, 1 if m.group("next") else 0)
    return _month_end(year, month)


def _year_end(m: re.Match[str], today: date) -> date | None:
    yw = _group(m, "yw")
    return date(today.year + (1 if yw and yw.startswith("明") else 0), 12, 31)


def _weekday_zh(m: re.Match[str], today: date) -> date | None:
    rel = _group(m, "rel")
    weeks = {"下下": 2, "下": 1, "上上": -2, "上": -1}.get(rel) if rel else None
    return _weekday(_CN_WEEKDAYS[m.group("wd")], weeks, today)


def _weekday_en(m: re.Match[str], today: date) -> date | None:
    wd = m.group("wd")
    target = _WEEKDAYS_FULL.get(wd, _WEEKDAYS_ABBR.get(wd, 0))
    rel = _group(m, "rel") or ""
    post = (_group(m, "post") or "") if "post" in m.re.groupindex else ""
    weeks: int | None = None
    if rel == "next" or post == "next":
        weeks = 1
    elif rel == "last":
        weeks = -1
    elif post == "this":
        weeks = 0
    return _weekday(target, weeks, today)


def _relative_day(m: re.Match[str], today: date) -> date | None:
    return today + timedelta(days=_REL_DAY_OFFSETS[" ".join(m.group().split())])


Resolver = Callable[[re.Match[str], date], date | None]


@dataclass(frozen=True, slots=True)
class DatePattern:
    """One way of saying a date. ``triggers``: one of these substrings must occur in the line;
    ``also``: and one of these (a second gate) for the regex to run at all."""

    kind: str
    triggers: tuple[str, ...]
    regex: re.Pattern[str]
    resolve: Resolver
    also: tuple[str, ...] = ()


# Patterns run only when their triggers occur, which keeps a typical line far below the time
# budget; their order breaks ties between candidates of the same span.
_PATTERNS: tuple[DatePattern, ...] = (
    DatePattern(
        "ymd_zh",
        ("年",),
        re.compile(
            rf"(?=[0-9〇零一二三四五六七八九])(?<![0-9])"
            rf"(?P<y>[0-9]{{4}}|[〇零一二三四五六七八九]{{4}})\s*+年\s*+(?P<m>{_CN_M})"
            rf"\s*+月\s*+(?P<d>{_CN_D})(?:\s*+[日号])?",
            RX,
        ),
        _ymd,
    ),
    DatePattern(
        "ywmd_zh",
        ("年",),
        re.compile(
            rf"(?P<yw>今年|明年|去年)\s*+(?P<m>{_CN_M})\s*+月\s*+(?P<d>{_CN_D})(?:\s*+[日号])?", RX
        ),
        _ywmd,
        also=("今", "明", "去"),
    ),
    DatePattern(
        "ymd_sep",
        ("-", "/", "."),
        re.compile(
            r"(?=[0-9])(?<![0-9])(?P<y>[0-9]{4})(?P<sep>[-/.])"
            r"(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9])",
            RX,
        ),
        _ymd,
    ),
    DatePattern(
        "mdy_slash",
        ("/",),
        re.compile(
            r"(?=[0-9])(?<![0-9/.])(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})"
            r"(?:/(?P<y>[0-9]{4}|[0-9]{2}))?(?![0-9/])",
            RX,
        ),
        _numeric_month_day,
    ),
    DatePattern(
        # "11.30号" / "11.30前" / "11.12到期" / "还款日11.12": informal month.day, only with a
        # date word after it or a due-date label right before it (a bare "11.30" stays an
        # amount).
        "md_dot",
        ("号", "日", "前", "当", "到", "期", "还", "那", "最", "截"),
        re.compile(
            rf"(?=[0-9])(?<![0-9.])(?P<m>{_M})\.(?P<d>{_D})"
            r"(?:\s*+[号日]|(?=\s*+(?:前|当天|到期|之前|以前|是(?:最后)?还款日|就到期|就过期|还上|还清"
            # "11.25还款", "您说的11.23，那时候…", "约11.27，到时候…": a day named by what
            # happens on it
            r"|还款(?![额金])|[，,]?\s*+(?:那(?:天|时候?|会儿?)|到时候?)|那一?期|那一?笔))"
            # the label before it, seen from the date's end (M.D is 3 to 5 characters)
            + "|"
            + "|".join(
                f"(?<={label}[0-9.]{{{n}}})"
                for label in (
                    *("还款日", "到期日", "还款日是", "到期日是", "还款日期", "账单日"),
                    *("最晚", "最迟", "截止", "截至", "截止到"),  # a deadline: "最晚11.25"
                )
                for n in (3, 4, 5)
            )
            + r")(?![0-9])",
            RX,
        ),
        _numeric_month_day,
        also=(".",),
    ),
    DatePattern(
        # "11-2到期" / "是10-22到期的" / "past due 8-15": month-day with a hyphen, only with a
        # date word right after it or a due/date preposition right before it ("3-5天", "6-12
        # months", "1-800-555-0199" stay what they are).
        "md_hyphen",
        ("-",),
        re.compile(
            r"(?=[0-9])(?<![0-9.\-/])"
            r"(?:(?<=due\s)|(?<=on\s)|(?<=by\s)|(?<=since\s)|(?<=before\s)|(?<=until\s)"
            r"|(?<=till\s)|(?<=date\s)|(?<=date:\s)|(?<=还款日)|(?<=到期日)|(?<=账单日)"
            rf"|(?=[0-9]{{1,2}}-[0-9]{{1,2}}\s*+(?:[号日]|前|之前|以前|当天|那天|到期|就到期|就过期|还上|还清)))"
            rf"(?P<m>{_M})-(?P<d>{_D})(?![0-9\-/]|[.,][0-9]|\s*+(?:[%kx]\b|个|天|期|月|年|周|元|块|千|万|百"
            r"|(?:months?|mos|weeks?|wks|days?|years?|yrs|payments?|install?ments?|times|grand"
            r"|hundred|thousand|bucks|dollars)\b))",
            RX,
        ),
        _numeric_month_day,
    ),
    DatePattern(
        "md_zh",
        ("月",),
        re.compile(
            rf"{LEAD_NUM}(?:(?<![0-9{CN_NUM_CHARS}])|{_AFTER_WEEKDAY})(?P<m>{_CN_M})\s*+月\s*+(?P<d>{_CN_D})"
            # Without 号/日 only when nothing number-like follows ("11月30还" but not "6月5元").
            rf"(?:\s*+[日号]|(?![0-9.,元块圆万千百k%期天个月{CN_NUM_CHARS}]))",
            RX,
        ),
        _numeric_month_day,
    ),
    DatePattern(
        "rel_n_zh",
        ("内", "后"),
        re.compile(
            rf"{LEAD_NUM}(?<![第0-9{CN_NUM_CHARS}])(?P<n>{_SMALL_N})\s*+"
            r"(?:(?P<day>天|日)|个?\s*+(?P<week>周|星期|礼拜))\s*+(?:之内|以内|内|之后|以后|后)",
            RX,
        ),
        _in_n,
        also=("天", "日", "周", "期", "拜"),
    ),
    DatePattern(
        "month_rel_zh",
        ("月",),
        re.compile(rf"(?P<rel>{_MONTH_REL_ALT})个?月\s*+(?P<d>{_CN_D})\s*+[号日]", RX),
        _month_rel_day,
        also=("下", "这", "本", "当", "上"),
    ),
    DatePattern(
        # "九月底": the last day of that month (its year inferred like "9月30号").
        "named_month_end_zh",
        ("底", "末"),
        # Not after 块: "三千二百三十块五月底前" is ¥3,230.50 by the month's end (块五 is 5 毛);
        # nor after a decimal point: "3230.5月底" is ¥3,230.5 by the month's end.
        re.compile(
            rf"{LEAD_NUM}(?<![0-9{CN_NUM_CHARS}块])(?<![0-9]\.)(?P<m>{_CN_M})\s*+月[底末]", RX
        ),
        _named_month_end,
        also=("月",),
    ),
    DatePattern(
        "month_part_zh",
        ("初", "旬"),
        re.compile(
            rf"{LEAD_NUM}(?<![0-9{CN_NUM_CHARS}块])(?<![0-9]\.)(?P<m>{_CN_M})\s*+月\s*+"
            r"(?P<part>初|上旬|中旬|下旬)",
            RX,
        ),
        _month_part,
        also=("月",),
    ),
    DatePattern(
        "month_end_zh",
        ("底", "末"),
        re.compile(
            rf"(?:(?P<rel>{_MONTH_REL_ALT})个?|(?<![0-9{CN_NUM_CHARS}])|(?<=块{_JIAO_DIGIT})"
            # after an amount with decimals: "3230.5月底", "3230.50月底前"
            r"|(?<=[0-9]\.[0-9])|(?<=[0-9]\.[0-9]{2}))月[底末]",
            RX,
        ),
        _month_end_zh,
        also=("月",),
    ),
    DatePattern(
        "year_end_zh",
        ("底", "末"),
        re.compile(r"(?P<yw>今年|明年|今|明)?年[底末]", RX),
        _year_end,
        also=("年",),
    ),
    DatePattern(
        "day_zh",
        ("号", "日"),
        re.compile(
            # Not the day of "11月30号" (handled above) but the day of "每月5号" is fine.
            rf"{LEAD_NUM}(?:(?<![0-9{CN_NUM_CHARS}年第])|{_AFTER_WEEKDAY})(?<![0-9一二三四五六七八九十]月)"
            rf"(?P<d>{_CN_D})\s*+[号日]"
            r"(?![码线楼房床位院门机])",
            RX,
        ),
        _day_only,
    ),
    DatePattern(
        "weekday_zh",
        ("周", "期", "拜"),
        re.compile(
            # "每周五" (every Friday) and "一周一次" (once a week) are not dates.
            r"(?:(?P<rel>下下|下|这|本|上上|上)\s*+个?\s*+|(?<![每0-9一二两三四五六七八九十几个上下这本]))"
            r"(?:周|星期|礼拜)(?P<wd>[一二三四五六日天1-7])",
            RX,
        ),
        _weekday_zh,
    ),
    DatePattern(
        "rel_zh",
        ("天", "日", "早", "晚", "儿"),
        re.compile("|".join(k for k in _REL_DAY_OFFSETS if not k.isascii()), RX),
        _relative_day,
        also=("今", "明", "后", "前", "昨"),
    ),
    DatePattern(
        "rel_en",
        ("tod", "ton", "tom", "tmr", "yest"),
        re.compile(
            r"\b(?:the\s++day\s++after\s++tomorrow|today|tonight|tomorrow|tmrw|tmr|yesterday)\b", RX
        ),
        _relative_day,
    ),
    DatePattern(
        "weekday_en",
        ("day",),
        re.compile(
            r"(?=[nctlmwfs])\b(?:(?P<rel>next|this\s++coming|this|coming|last)\s++)?"
            rf"(?P<wd>{'|'.join(_WEEKDAYS_FULL)})(?:\s++(?P<post>next|this)\s++week)?\b",
            RX,
        ),
        _weekday_en,
    ),
    DatePattern(
        "weekday_abbr_en",
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
        re.compile(
            # Abbreviations ("sat", "sun", "wed") are ordinary words too: require a lead-in.
            r"(?=[nctlbo])\b(?:(?P<rel>next|this|coming|last)|by|on)\s++"
            rf"(?P<wd>{'|'.join(_WEEKDAYS_ABBR)})\b\.?",
            RX,
        ),
        _weekday_en,
    ),
    DatePattern(
        "weekday_abbr_en",
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
        re.compile(
            # An abbreviation right before the date it names is a weekday too: "Wed. Oct 8",
            # "Tues 11/18", "Thurs the 19th".
            r"(?=[mtwfs])\b(?P<rel>)(?P<wd>"
            + "|".join(_WEEKDAYS_ABBR)
            + r")\b\.?(?=,?\s*+(?:(?:the\s++)?[0-9]{1,2}(?:st|nd|rd|th)\b"
            + r"|[0-9]{1,2}/[0-9]{1,2}\b|(?:"
            + _MONTH_ALT
            + r")\b))",
            RX,
        ),
        _weekday_en,
    ),
    DatePattern(
        "in_n_en",
        ("day", "week"),
        re.compile(
            rf"\b(?:in|within)\s++(?P<n>[0-9]{{1,3}}|an?|{EN_NUM})\s++(?P<u>days?|weeks?)\b", RX
        ),
        _in_n,
    ),
    DatePattern(
        "n_from_now_en",
        ("from now", "from today", "later"),
        re.compile(
            rf"{LEAD_EN_NUM}(?<![0-9.])\b(?P<n>[0-9]{{1,3}}|{EN_NUM})\s++(?P<u>days?|weeks?)\s++"
            r"(?:from\s++(?:now|today)|later)\b",
            RX,
        ),
        _in_n,
    ),
    DatePattern(
        "n_from_day_en",
        ("from tomorrow", "from today", "from now"),
        # "a week from tomorrow", "two days from today": counted from the day named
        re.compile(
            rf"(?:{LEAD_EN_NUM}(?<![0-9.])\b(?P<n>[0-9]{{1,3}}|{EN_NUM})|\b(?P<a>an?))\s++"
            r"(?P<u>days?|weeks?)\s++from\s++(?P<base>tomorrow|today|now)\b",
            RX,
        ),
        _n_from_day,
    ),
    DatePattern(
        "month_end_en",
        ("end",),
        re.compile(
            r"\b(?:(?:the\s++)?end\s++of\s++(?:the\s++|this\s++)?(?P<next>next\s++)?month"
            r"|month[\s-]end)\b",
            RX,
        ),
        _month_end_en,
    ),
    DatePattern(
        "month_part_en",
        ("end", "beginning", "start", "middle", "early", "mid", "late"),
        re.compile(
            rf"\b(?:(?:the\s++)?(?P<part>end|beginning|start|middle)\s++of\s++(?P<mon>{_MONTH_ALT})"
            rf"|(?P<part2>early|mid|late)[\s-]*+(?P<mon2>{_MONTH_ALT}))\b(?![\s.]*+[0-9])",
            RX,
        ),
        _month_part,
    ),
    DatePattern(
        "md_en",
        _MONTH_TRIGGERS,
        re.compile(
            # "July 1st", "July the 1st", "back in July, the 1st"
            rf"\b(?P<mon>{_MONTH_ALT})\.?\s*+(?:,?\s*+the\s++)?(?P<d>{_D})(?:st|nd|rd|th)?(?![0-9a-z])"
            r"(?:,?\s*+(?P<y>[0-9]{4})(?![0-9]))?",
            RX,
        ),
        _named_month_day,
    ),
    DatePattern(
        "dm_en",
        _MONTH_TRIGGERS,
        re.compile(
            rf"(?=[0-9t])(?<![0-9a-z])(?:the\s++)?(?P<d>{_D})(?:st|nd|rd|th)?\s++(?:of\s++)?"
            rf"(?P<mon>{_MONTH_ALT})\b\.?(?:,?\s*+(?P<y>[0-9]{{4}})(?![0-9]))?",
            RX,
        ),
        _named_month_day,
    ),
    DatePattern(
        "the_nth_en",
        ("the",),
        re.compile(rf"\bthe\s++(?P<d>{_D})(?:st|nd|rd|th)\b", RX),
        _day_only,
    ),
    # A day said as an ordinal word (same kinds as in digits): "October fifth", "the
    # twenty-second of March", "by the twenty-second". "may" is a verb too ("you may first"):
    # not before a word ordinal; a bare "the second" is a date only where nothing follows it
    # ("the second payment" is not).
    DatePattern(
        "md_en",
        _MONTH_TRIGGERS,
        re.compile(
            rf"\b(?P<mon>{_MONTH_ALT.replace('may|', '')})\.?\s++(?:the\s++)?"
            rf"(?P<dw>{EN_ORDINAL_DAY})(?:,?\s*+(?P<y>[0-9]{{4}})(?![0-9]))?",
            RX,
        ),
        _named_month_day,
    ),
    DatePattern(
        "dm_en",
        _MONTH_TRIGGERS,
        re.compile(
            rf"\b(?:the\s++)?(?P<dw>{EN_ORDINAL_DAY})\s++of\s++(?P<mon>{_MONTH_ALT})\b\.?"
            r"(?:,?\s*+(?P<y>[0-9]{4})(?![0-9]))?",
            RX,
        ),
        _named_month_day,
    ),
    DatePattern(
        "the_nth_en",
        ("the",),
        re.compile(rf"\bthe\s++(?P<dw>{EN_ORDINAL_DAY})(?!\s*+[a-z0-9])", RX),
        _day_only,
    ),
)

# Said relative to the call's day: "明天", "3天内", "下周五", "next Friday", "end of the month".
RELATIVE_KINDS = frozenset(
    {
        "rel_n_zh", "month_rel_zh", "month_end_zh", "year_end_zh", "weekday_zh", "rel_zh",
        "rel_en", "weekday_en", "weekday_abbr_en", "in_n_en", "n_from_now_en", "n_from_day_en",
        "month_end_en",
    }
)  # fmt: skip
_TABLE = make_table(tuple((make_gate(p.kind, p.triggers, p.also), p.regex) for p in _PATTERNS))

_DateCandidate = tuple[int, int, DatePattern, re.Match[str]]


@lru_cache(maxsize=64)
def date_candidates(view: LineView) -> tuple[_DateCandidate, ...]:
    """Non-overlapping date-like spans (earliest, then longest wins), not yet resolved."""
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for priority, regex in open_patterns(view, _TABLE):
        for m in regex.finditer(view.low):
            found.append((m.start(), -m.end(), priority, m))
    found.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[_DateCandidate] = []
    floor = 0
    for start, neg_end, priority, m in found:
        # A longer date that turns out invalid ("2月30号") still hides its parts ("30号").
        if start >= floor:
            chosen.append((start, -neg_end, _PATTERNS[priority], m))
            floor = -neg_end
    return tuple(chosen)


def extract_dates(text: str, today: date) -> list[DateMention]:
    """Dates mentioned in ``text``; relative ones are resolved against ``today``."""
    if not isinstance(text, str) or not isinstance(today, date):
        return []
    if isinstance(today, datetime):
        today = today.date()
    result: list[DateMention] = []
    for start, end, pattern, m in date_candidates(line_view(text)):
        try:
            value = pattern.resolve(m, today)
        except (ValueError, OverflowError):
            value = None  # not a calendar date ("2月30号") or beyond date.min/date.max
        if value is not None:
            result.append(DateMention(value, text[start:end], start, end, pattern.kind))
    return _appositions(result, line_view(text).low)


# Between a date and its weekday said beside it: "10月29号周四", "May 31st, a Sunday".
_APPOSITION_GAP = re.compile(
    r"[\s,，、(（]*+(?:a\s++|是|那天|也就是)?\s*+$"
    # or a short clause that points back at the date: "10月9号那天就该还了，那天是礼拜四",
    # "June 1st, which was a Monday"
    r"|[^。！？!?；;]{0,12}?(?:那天|当天|那一天)\s*+(?:是|为)\s*+$"
    r"|[\s,—-]*+(?:which|that)\s++(?:was|is|fell\s++on)\s++(?:a\s++)?$",
    RX,
)


def _appositions(found: list[DateMention], low: str) -> list[DateMention]:
    """A bare weekday said right after a calendar date names that date's week, not the call's:
    "10月29号周四" is 29 October (a Thursday); "10月29号周五" is read as the Friday of that week,
    so a weekday that does not fit its date shows as a wrong date."""
    out = list(found)
    for i in range(1, len(out)):
        day, named = out[i - 1], out[i]
        if (
            named.kind in ("weekday_zh", "weekday_en")
            and not day.relative
            and not day.weekday_named
            and not re.match(r"(?:下|这|本|上|next|this|coming|last)", low[named.start : named.end])
            and _APPOSITION_GAP.match(low[day.end : named.start]) is not None
        ):
            shift = (named.value.weekday() - day.value.weekday() + 3) % 7 - 3
            out[i] = replace(named, value=day.value + timedelta(days=shift), kind="weekday_of_date")
    return out
