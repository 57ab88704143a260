"""Counts in a line: days ("逾期18天", "eighteen days") and instalments ("分6期", "6 monthly
payments", "a 12-month plan"); and durations said loosely ("三个多月", "快两周", "over three
months", "about 57 days"), with the hedge they were said with."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.entities._view import RX, line_view, make_gate, make_table, open_patterns
from scoring.entities.dates import date_candidates
from scoring.entities.numerals import (
    CN_NUM_CHARS,
    EN_NUM,
    EN_UNDER_100,
    LEAD_EN_NUM,
    LEAD_NUM,
    chinese_numeral_to_decimal,
    en_words_to_int,
    to_int,
)

__all__ = [
    "CountMention",
    "DurationMention",
    "extract_counts",
    "extract_durations",
    "restated_counts",
]


@dataclass(frozen=True, slots=True)
class CountMention:
    value: int
    kind: str  # "days" | "instalments"
    raw: str
    start: int
    end: int


_CN_INT = rf"(?:[0-9]{{1,5}}(?![0-9.])|[{CN_NUM_CHARS}]{{1,8}})"
_COUNT_LEFT = rf"{LEAD_NUM}(?<![第0-9.{CN_NUM_CHARS}])"
# English counts come in two variants: digits ("6 installments") and number words ("six ...");
# the second (name ends in "_words") only runs when the line has a number word at all.
_EN_DIGITS_N = r"(?=[0-9])(?<![0-9.,a-z$¥])(?P<n>[0-9]{1,4})(?![0-9.,])"
_EN_WORDS_N = rf"{LEAD_EN_NUM}(?P<n>{EN_NUM})"

# (kind, name, triggers, pattern); the earliest, then longest, match wins on overlap.
_COUNT_PATTERN_DEFS: tuple[tuple[str, str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("days", "days_zh", ("天",), re.compile(rf"{_COUNT_LEFT}(?P<n>{_CN_INT})\s*+天", RX)),
    *(
        ("days", f"days_en{suffix}", ("day",), re.compile(rf"{n}[\s-]+days?\b", RX))
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    (
        "instalments",
        "split_zh",
        ("分",),
        re.compile(rf"分\s*+(?:成|为)?\s*+(?P<n>{_CN_INT})\s*+(?:期|个月|次)", RX),
    ),
    (
        "instalments",
        "months_split_zh",
        ("期",),
        re.compile(rf"{_COUNT_LEFT}(?P<n>{_CN_INT})\s*+个月\s*+分期", RX),
    ),
    (
        "instalments",
        "periods_zh",
        ("期",),
        re.compile(rf"{_COUNT_LEFT}(?P<n>{_CN_INT})\s*+期(?![限间待望末中货])", RX),
    ),
    (
        "instalments",
        "months_zh",
        ("个",),
        re.compile(rf"{_COUNT_LEFT}(?P<n>{_CN_INT})\s*+个月", RX),
    ),
    *(
        (
            "instalments",
            f"payments_en{suffix}",
            ("payment", "installment", "instalment"),
            re.compile(
                rf"{n}[\s-]+(?:equal\s++)?(?:monthly\s++)?(?:install?ments?|payments?)\b", RX
            ),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    *(
        (
            "instalments",
            f"over_months_en{suffix}",
            ("month",),
            re.compile(rf"\b(?:over|across)\s++(?:the\s++next\s++)?{n}\s++months?\b", RX),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    *(
        (
            "instalments",
            f"offer_months_en{suffix}",
            ("month",),
            # A plan's length said with the verb that offers it: "I can do 9 months", "stretch
            # it out over 18 months", "split it into 4 months".
            re.compile(
                r"\b(?:do|offer|give\s++you|stretch\s++(?:it|this|that)\s++(?:out\s++)?(?:to|over)"
                r"|spread\s++(?:it|this|that)\s++(?:out\s++)?over|split\s++(?:it|this|that)\s++(?:up\s++)?"
                rf"(?:into|over))\s++{n}\s++months?\b",
                RX,
            ),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    *(
        (
            "instalments",
            f"months_at_en{suffix}",
            ("month",),
            # "22 months is $366.22 a month", "seven months at $214.06": a length priced by
            # its instalment (a sum follows at once).
            re.compile(
                rf"{n}\s++months?(?=\s++(?:is|would\s++be|will\s++be|at|of|comes?\s++to)\s++"
                r"(?:about\s++|around\s++|roughly\s++|just\s++)?(?:\$|[0-9]|(?:a\s++)?(?:one|two|three"
                r"|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
                r"|hundred)\b))",
                RX,
            ),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    *(
        (
            "instalments",
            f"or_count_en{suffix}",
            ("or",),
            # "…, or six at $414.40", "or 6 of about two-fourteen": the other plan's length,
            # priced at once (its unit left out).
            re.compile(
                rf"(?<=\bor\s){n}(?=\s++(?:at|of)\s++(?:about\s++|around\s++|roughly\s++)?"
                r"(?:\$|[0-9]|(?:a\s++)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
                r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
                r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b))",
                RX,
            ),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
    *(
        (
            "instalments",
            f"month_plan_en{suffix}",
            ("plan", "option", "program", "arrangement", "term", "schedule", "agreement"),
            # "a 12-month plan", "a 24-month option", "the six-month payment program"
            re.compile(
                rf"{n}[\s-]+months?[\s-]+(?:(?:payment|install?ment|repayment)\s++)?"
                r"(?:plan|option|program|arrangement|term|schedule|agreement)s?\b",
                RX,
            ),
        )
        for suffix, n in (("", _EN_DIGITS_N), ("_words", _EN_WORDS_N))
    ),
)
# A plan's length in years, read as its months: "分两年" 24, "分半年" 6, "分一年半" 18, "spread it
# over two years", "pay it off over 3 years", "spread it out for a year", "pay monthly for two
# years", "a 2-year plan", "a year-long plan". A bare "over a year" or "for a year" is how long
# something has run, not a plan: only with a verb or noun of paying by plan.
_YEARS_N_ZH = (
    rf"(?P<n>{_CN_INT}|半)\s*+年(?P<half>半)?(?![0-9{CN_NUM_CHARS}]|底|初|末|中|后|前|内|以|之|利)"
)
_YEARS_EN_N = (
    r"(?P<n>[0-9]{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?P<half>\s++and\s++a\s++half)?"
)
_YEAR_PLANS: tuple[tuple[str, str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "instalments",
        "years_zh",
        ("年",),
        re.compile(rf"分\s*+(?:期|成|为)?\s*+(?:还\s*+)?{_YEARS_N_ZH}", RX),
    ),
    (
        "instalments",
        "years_en",
        ("year",),
        re.compile(
            r"\b(?:(?:spread|stretch|split)\s++(?:it|this|that|them|the\s++balance)\s++(?:out\s++)?"
            r"(?:over|across|to|into|for)|pay\w*\s++(?:it|this|that|the\s++balance)\s++(?:off\s++|down\s++)?"
            r"(?:over|across|in|for)|pay\w*\s++(?:monthly|each\s++month|every\s++month)\s++for|plan\s++(?:over|across|of|for)|payments?\s++(?:over|across|for)"
            r"|install?ments?\s++(?:over|across|for))\s++(?:the\s++next\s++)?"
            rf"{_YEARS_EN_N}\s++years?\b",
            RX,
        ),
    ),
    (
        "instalments",
        "year_plan_en",
        ("year",),
        re.compile(
            rf"\b{_YEARS_EN_N}[\s-]+years?(?:[\s-]+long)?[\s-]+(?:(?:payment|install?ment|repayment)\s++)?"
            r"(?:plan|program|arrangement)\b",
            RX,
        ),
    ),
)
_COUNT_PATTERN_DEFS = (*_COUNT_PATTERN_DEFS, *_YEAR_PLANS)
_COUNT_NAMES = tuple((kind, name) for kind, name, _, _ in _COUNT_PATTERN_DEFS)
_COUNT_TABLE = make_table(
    tuple((make_gate(name, trig), pat) for _, name, trig, pat in _COUNT_PATTERN_DEFS)
)
# "6个月" is a plan length unless it is a span of time: "逾期3个月", "3个月后", "3个月内还清".
_MONTHS_NOT_PLAN_AFTER_RE = re.compile(
    r"\s*+(?:后|前|内|以后|之后|以前|之前|以内|之内|了|以上|多|左右|没|未|都|的时间)", RX
)
_MONTHS_NOT_PLAN_BEFORE_RE = re.compile(
    r"(?:逾期|拖欠|拖了|欠了|已经|超过|过了|超期|晚了|延期|推迟|宽限|快|这|那|前|近|最近|过去|头|上"
    r"|每)了?\s*+$",
    RX,
)
# "这两天" / "过两天" (a couple of days) and "一天到晚" (all day long) are not day counts.
_DAYS_VAGUE_BEFORE_RE = re.compile(r"(?:这|那|前|过|近|最近)\s*+$", RX)
_DAYS_IDIOM_AFTER_RE = re.compile(r"天?\s*+到晚|天天", RX)
_MAX_COUNT = {"days": 36500, "instalments": 600}
# "over two months" after these is how long the account is behind, not a plan's length.
_OVERDUE_BEFORE_EN_RE = re.compile(
    r"\b(?:past[\s-]due|overdue|behind|late|delinquent|since|been|unpaid|outstanding|days?)\b"
    r"(?![^.;!?]*\b(?:pay\w*|plan|spread|split|install?ments?)\b)"
    # "a bit over two months": a hedge, not a plan's length
    r"|\b(?:a\s++bit|a\s++little|just|well)\s*+$",
    RX,
)


def _years_months(m: re.Match[str]) -> int | None:
    """The months of a plan said in years: 两年 24, 半年 6, 一年半 18, "a year" 12."""
    said = m.group("n")
    half = 6 if m.group("half") else 0
    if said == "半":
        return 6
    years = 1 if said in ("a", "an") else to_int(said)
    return None if years is None or years > 10 else years * 12 + half


def extract_counts(text: str) -> list[CountMention]:
    """Day counts ("逾期18天", "18 days") and instalment counts ("分6期", "6 installments"),
    and a count said again with its unit left out ("…past due, 212 to be exact")."""
    if not isinstance(text, str):
        return []
    result = _unit_counts(text)
    low = line_view(text).low
    if result and _EXACT_RE.search(low):
        result = sorted(result + _restated(text, low, result), key=lambda c: c.start)
    return result


def _unit_counts(text: str) -> list[CountMention]:
    view = line_view(text)
    low = view.low
    found: list[tuple[int, int, int, str, int]] = []
    dates: list[tuple[int, int]] | None = None
    for priority, pattern in open_patterns(view, _COUNT_TABLE):
        kind, name = _COUNT_NAMES[priority]
        for m in pattern.finditer(low):
            value = _years_months(m) if name.startswith("year") else to_int(m.group("n"))
            # A plan has at least one instalment; "一个月" alone is a duration, not a plan.
            minimum = 0 if kind == "days" else 2 if name == "months_zh" else 1
            if value is None or value < minimum or value > _MAX_COUNT[kind]:
                continue
            if name == "months_zh" and (
                _MONTHS_NOT_PLAN_AFTER_RE.match(low, m.end())
                or _MONTHS_NOT_PLAN_BEFORE_RE.search(low, max(0, m.start() - 6), m.start())
            ):
                continue
            if name == "days_zh" and (
                _DAYS_IDIOM_AFTER_RE.match(low, m.end() - 1)
                or (
                    m.group("n") in ("两", "几")
                    and _DAYS_VAGUE_BEFORE_RE.search(low, max(0, m.start() - 4), m.start())
                )
            ):
                continue
            if name.startswith("over_months_en") and _OVERDUE_BEFORE_EN_RE.search(
                low, max(0, m.start() - 40), m.start()
            ):
                continue  # "past due since September 5th, so over two months": a duration
            if kind == "instalments":
                # "the August 5 payment": a date's day, not five payments.
                if dates is None:
                    dates = [(c[0], c[1]) for c in date_candidates(view)]
                if any(s < m.end() and m.start() < e for s, e in dates):
                    continue
            found.append((m.start(), -m.end(), priority, kind, value))
    found.sort(key=lambda c: (c[0], c[1], c[2]))
    result: list[CountMention] = []
    floor = 0
    for start, neg_end, _, kind, value in found:
        if start >= floor:
            end = -neg_end
            result.append(CountMention(value, kind, text[start:end], start, end))
            floor = end
    return result


# A count said again exactly with its unit left out: "over 200 days past due, 212 to be exact",
# "逾期两百多天，准确说是212": the same kind as the count before it in the sentence.
_EXACT_RE = re.compile(
    r"to\s++be\s++(?:exact|precise)|exactly|precisely|on\s++the\s++(?:dot|nose)|准确|确切|具体|精确",
    RX,
)
_RESTATED_RE = re.compile(
    rf"(?:(?:准确|确切|精确|具体)(?:地|的)?(?:说|来说|讲|点|一点)?(?:是|的话是)?"
    rf"|\b(?:to\s++be\s++(?:exact|precise)|exactly|precisely)\s*+,?\s*+(?:it'?s\s++|that'?s\s++)?)\s*+"
    rf"(?P<n1>[0-9]{{1,4}}(?![0-9.,])|[{CN_NUM_CHARS}]{{1,8}}|{EN_NUM})(?![0-9{CN_NUM_CHARS}天期个月])"
    rf"|(?<![0-9.,$¥])(?P<n2>[0-9]{{1,4}}(?![0-9.,])|{EN_NUM})\s*+,?\s*+"
    rf"(?:to\s++be\s++(?:exact|precise)|exactly|precisely|on\s++the\s++(?:dot|nose))\b",
    RX,
)
_RESTATE_REACH = 48  # characters from the count to its restatement
_OTHER_MATTER_RE = re.compile(
    r"[。.!?！？;；\n$¥]|\b(?:owe\w*|balance|total|pay\w*|amount|fees?|interest|principal|dollars?)\b"
    r"|欠|还|元|块|金额|利息|本金|滞纳金|费",
    RX,
)


def _restated(text: str, low: str, counts: list[CountMention]) -> list[CountMention]:
    found: list[CountMention] = []
    for m in _RESTATED_RE.finditer(low):
        group = "n1" if m.group("n1") else "n2"
        start, end = m.span(group)
        value = to_int(m.group(group))
        before = [c for c in counts if c.end <= start and start - c.end <= _RESTATE_REACH]
        if value is None or not before or any(c.start < end and start < c.end for c in counts):
            continue
        gap = low[before[-1].end : start]
        if _OTHER_MATTER_RE.search(gap):
            continue  # another sentence, or a sum named between ("…18 days, you owe 523 exactly")
        found.append(CountMention(value, before[-1].kind, text[start:end], start, end))
    return found


def restated_counts(text: str) -> list[tuple[int, int]]:
    """Where counts said again without their unit stand ("…, 212 to be exact"): no money."""
    if not isinstance(text, str) or not _EXACT_RE.search(line_view(text).low):
        return []
    low = line_view(text).low
    return [(c.start, c.end) for c in _restated(text, low, _unit_counts(text))]


# --------------------------------------------------------------------------------------------
# Durations said loosely: how long something has run, with the hedge said around it
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DurationMention:
    value: int  # how many units
    unit: str  # "day" | "week" | "month"
    hedge: str  # the hedge before it, as folded: "快", "将近", "almost", "more than"; "" if none
    more: bool  # said as "more than" after the number: "三个多月", "two and a half months"
    raw: str  # from the hedge (if any) to the unit
    start: int
    end: int
    number_end: int  # where the number itself ends (a day count may hold it too)
    half: bool = False  # and a half unit more: "一个半月", "半年", "half a month"


# Up to 999 in Chinese numerals, 零 where a place is skipped ("一百一十九", "一百零四"): the
# ordinal day of a long delinquency ("逾期第一百一十九天") is said this way.
_CN_SMALL_NUM = "[0-9]{1,3}|[一二两三四五六七八九十百零〇]{1,6}|[俩倆仨]"  # 俩 two, 仨 three (口语)
_DURATION_ZH = re.compile(
    # Spaces only after a hedge: a leading \s* would be tried from every space of a long run.
    # 来 after a round number is "about": "二十来天" is some twenty days, "一个来月" about a month.
    rf"(?:(?P<hedge>快|将近|接近|差不多|大概|大约|超过|不到|不足|近)\s*+)?(?P<n>{_CN_SMALL_NUM})\s*+(?P<more>多)?"
    r"(?P<lai>来)?\s*+个?\s*+(?P<more2>多)?(?P<lai2>来)?\s*+(?P<u>天|星期|周|礼拜|月)(?P<more3>多|出头)?"
    # "12月9号": a month said with its day is a date, not twelve months.
    r"(?!份|底|初|末|中|号|日|(?<=[0-9一二两三四五六七八九十]月)\s*+[0-9一二两三四五六七八九十]{1,3}\s*+[号日號])",
    RX,
)
# Halves and years: "半年", "快半年", "半个月", "一个半月", "两年多", "一年".
_DURATION_ZH_HALF = re.compile(
    r"(?:(?P<hedge>快|将近|接近|差不多|大概|大约|超过|不到|不足|近)\s*+)?"
    r"(?:(?<![0-9一二两三四五六七八九十])(?P<n>[一二两三四五六七八九十0-9]{1,3}|[俩倆仨])\s*+(?:个(?P<half>半)(?P<u>月)|(?P<u2>年)(?P<more>多)?(?P<half2>半)?)"
    r"|(?P<half3>半)\s*+(?:个)?\s*+(?P<u3>月|年)(?P<more3>多)?)(?!份|底|初|末|中|号|日|利率|化)",
    RX,
)
_DURATION_EN = re.compile(
    r"(?:(?P<hedge>almost|nearly|about|around|roughly|approximately|like|over|more\s++than|close\s++to"
    r"|going\s++on|pushing|coming\s++up\s++on|upwards\s++of|(?:just\s++|a\s++hair\s++|a\s++touch\s++)?shy\s++of"
    r"|(?:just|a\s++little|a\s++bit|a\s++hair|a\s++touch)\s++(?:over|under|more\s++than|less\s++than))\s++)?"
    # counts in words up to ninety-nine: "nineteen weeks", "twenty-one weeks" (not "one weeks")
    rf"\b(?P<n>[0-9]{{1,3}}|{EN_UNDER_100}|a|an)"
    r"(?P<more>\s++and\s++a\s++half)?\s++(?P<u>days?|weeks?|months?|years?)\b(?P<half>\s++and\s++a\s++half)?",
    RX,
)
_UNITS = {"天": "day", "星期": "week", "周": "week", "礼拜": "week", "月": "month", "年": "year"}
# "half a year", "half a month": no number said.
_DURATION_EN_HALF = re.compile(
    r"(?:(?P<hedge>almost|nearly|about|around|roughly|like|over|more\s++than|close\s++to)\s++)?"
    r"\b(?P<half>half)\s++an?\s++(?P<u>month|year)\b",
    RX,
)


def _small_int(said: str) -> int | None:
    if said in ("a", "an"):
        return 1
    if said.isdigit():
        return int(said)
    if said.isascii():
        return en_words_to_int(said)
    value = chinese_numeral_to_decimal(said)
    return int(value) if value is not None and value == int(value) else None


def extract_durations(text: str) -> list[DurationMention]:
    """Durations in days, weeks or months, Chinese first then English, in the order said."""
    if not isinstance(text, str):
        return []
    view = line_view(text)
    low = view.low
    found: list[DurationMention] = []
    for regex in (_DURATION_ZH, _DURATION_ZH_HALF, _DURATION_EN, _DURATION_EN_HALF):
        if regex in (_DURATION_EN, _DURATION_EN_HALF) and not view.latin:
            continue
        for m in regex.finditer(low):
            groups = m.groupdict()
            said_n = groups.get("n")
            half = bool(groups.get("half") or groups.get("half2") or groups.get("half3"))
            n = _small_int(said_n) if said_n else 0 if regex is not _DURATION_ZH else None
            if n is None or (n <= 0 and not half) or (regex is _DURATION_EN and said_n is None):
                continue
            said_unit = groups.get("u") or groups.get("u2") or groups.get("u3") or ""
            unit = _UNITS.get(said_unit, said_unit.rstrip("s"))
            hedge = (groups.get("hedge") or "").strip()
            if not hedge and (groups.get("lai") or groups.get("lai2")):
                hedge = "来"
            more = bool(groups.get("more") or groups.get("more2") or groups.get("more3"))
            start = m.start() if hedge or not said_n else m.start("n")
            number_end = m.end("n") if said_n else m.end()
            found.append(
                DurationMention(
                    n, unit, hedge, more, text[start : m.end()], start, m.end(), number_end, half
                )
            )
    # One reading a stretch: "about half a year" is not also "a year".
    found.sort(key=lambda d: (d.start, -d.end))
    kept: list[DurationMention] = []
    for d in found:
        if not any(k.start <= d.start and d.end <= k.end for k in kept):
            kept.append(d)
    return kept
