"""Dates and days against the ledger and the call's own calendar: the due date, days overdue
(exact or loose: 三个多月, over three months), a relative day or a weekday next to the date it
is (明天也就是11月21号, Friday, November 20th), a promise date already past."""

from __future__ import annotations

import re
from datetime import date, timedelta

from scoring.accuracy._common import accuracy_finding
from scoring.analysis import MAX_ANALYSED_CHARS, MAX_MENTIONS, Analysis
from scoring.entities import CountMention, DateMention, DurationMention, extract_durations, fold
from scoring.figures import clause_end, clause_start, sentence_end, sentence_start
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger

# --------------------------------------------------------------------------------------------
# Dates and days
# --------------------------------------------------------------------------------------------

# Becoming delinquent at a date names the due date and says it was missed: "went delinquent in
# late August", "became past due around the 5th", "fell behind in May", "defaulted on…".
_WENT_DELINQUENT = (
    r"(?:went|became|fell|got|slipped)\s++(?:past\s++due|delinquent|late|behind"
    r"|into\s++(?:default|arrears))\s++(?:on|in|around|at|back\s++(?:on|in))|defaulted\s++(?:on|in)"
    # "it went delinquent July 1st": the date right after, with no preposition
    r"|(?:went|became)\s++(?:past\s++due|delinquent)\s*+$"
)
_DUE_BEFORE = re.compile(
    r"delinquent\s++(?:on|since)|past\s++due\s++(?:on|since)|late\s++since|behind\s++since"
    rf"|{_WENT_DELINQUENT}|expected\s++on|missed\s++(?:the\s++|your\s++)?|"
    r"还款日|到期日|到期|最后还款|应还款日|due\s++date|was\s++due|were\s++due|due\s++on|due|"
    r"payment\s++date"
)
_DUE_AFTER = re.compile(
    r"\s*+(?:那一?天|当天|那会儿?)?\s*+(?:就|已经|已)?\s*+(?:到期|是[^0-9，。]{0,6}(?:还款日|到期日|最后还款日))"
    r"|\s*+(?:开始|起)\s*+(?:就)?\s*+(?:逾期|算逾期)"
    r"|,?\s*+(?:was|is)\s++(?:the|your)\s++(?:\w+\s++)?due\s++date"
    # "that 8/15 due date": the date said as the name of the due date
    r"|\s++(?:payment\s++)?due\s++date\b"
)
# "8月18号就该还了": a date that has gone, said as when payment was owed, is the due date.
# ("应该还了" alone may mean "has probably paid": only 就该 / 本该 / 早该 / 应还款).
# "9月21号应还的那笔", "10月25号那期没还", "the August 8 payment was missed": a past date named as
# the payment that was owed and not made is the due date too.
_DUE_AFTER_PAST = re.compile(
    r"\s*+(?:(?:就|本来就?|早就?)\s*+(?:应该|该|应)|本该)\s*+还(?:款|上|清)?|\s*+(?:应|该)还款"
    r"|\s*+(?:应还|该还|应该还|要还)的?\s*+(?:那|这)?\s*+(?:一)?\s*+(?:笔|期|部分|钱|款|账单)"
    # "您是10月9号该还的，…": said as the day it was owed
    r"|\s*+(?:就|本来)?\s*+(?:应还|该还|应该还)的\s*+(?:[，,。]|$)"
    # "10月26号的账单一直没还": that day's bill, unpaid
    r"|\s*+的?\s*+(?:账单|那笔钱|那笔款|欠款)\s*+(?:一直|都|还|也)?\s*+(?:没|未)(?:还|交|付|处理)"
    r"|\s*+的?\s*+(?:那|这)\s*+(?:一)?\s*+(?:期|笔)(?:账单|钱|款)?\s*+(?:一直|都|还|也)?\s*+(?:没|未)"
    # "8.14那期开始没还的", "9月14号那期到现在都没动过": the unpaid bill of that date
    r"|\s*+的?\s*+(?:那|这)\s*+(?:一)?\s*+(?:期|笔)(?:账单|钱|款)?[^，。,.!?！？]{0,8}?(?:没|未)(?:还|动|扣|交|付|处理)"
    r"|\s*+(?:payment|installment|instalment|bill)\s++(?:(?:was|got|has\s++been)\s++)?(?:missed"
    r"|never\s++(?:made|paid|came|went\s++through)|not\s++made|wasn'?t\s++(?:made|paid)"
    r"|(?:is|was)\s++(?:still\s++)?(?:unpaid|outstanding|past\s++due|late|overdue))"
)
# "was due" is the ledger's date even for "the first payment", which otherwise means a plan's.
_WAS_DUE = re.compile(r"\b(?:was|were|had\s++been|fell)\s++due\b|已经到期|早就到期")
# A due date of something to come (a plan's instalment, a promise), not the ledger's.
_FUTURE_PLAN = re.compile(
    r"分期|每期|下期|首期|第一期|下一期|新的|承诺|约定|答应|计划|安排|以后每月|每月|每个月"
    r"|\bplan\b|install?ment|first\s++payment|next\s++payment|\bpromis\w*|\bagreed\b"
    r"|\barrangement\b|\beach\s++month\b|\bevery\s++month\b|\bwill\s++be\s++due\b"
    r"|\bwould\s++be\s++due\b"
)
# "since 11-03", "从11月3号开始逾期": the first day overdue, the day after the due date.
_SINCE = re.compile(r"\bsince\b|\bfrom\b|从|自|delinquent\s++on|past\s++due\s++on|late\s++on")
_SINCE_DATE = re.compile(r"\bsince\s*+(?:the\s++)?$|自从$|从$")
_OVERDUE_FROM = re.compile(r"\s*+(?:开始|起)")
_PAST_TENSE = re.compile(r"\bwas\b|\bwere\b|\bhad\b|已经|就|了|过")
_DAYS_CUE = re.compile(
    r"逾期|拖欠|超期|过期|没还|未还|没有还|晚了|拖了|迟了|延迟|过了还款日|超过还款日|欠了"
    r"|overdue|past\s++due|\blate\b|behind|delinquent|in\s++arrears|without\s++a\s++payment"
    r"|\bunpaid\b|since\s++(?:\w+\s++){0,3}?(?:unpaid|delinquent|past\s++due)"
    r"|since\s++(?:\w+\s++){0,3}(?:was\s++|were\s++)?due|since\s++(?:your|the)\s++(?:last\s++)?payment"
    r"|past\s++(?:the|your)\s++(?:[\w-]+\s++){0,3}due\s++date"
    r"|已经过了|(?:现在|都)过了|到期[^，。]{0,8}过了|没再还|没有再还|没再交"
    # Days counted from the due date to the call: "due since Aug 5, that's 97 days", "到今天…天".
    r"|\boutstanding\b|\bunpaid\b|\bdue\s++since\b|到今天|到现在|至今|截至今天|截止今天"
    # "it's been about two months" in a collection call: how long the account has gone unpaid.
    r"|\bit'?s\s++been\b|\bit\s++has\s++been\b"
    # "the file shows 141 days": what the account's record shows
    r"|\b(?:file|record|account|system|statement)\s++(?:shows?|says)\b"
)
# Right before or after a day count, what makes it something else: a deadline, a grace period,
# a rule's threshold ("逾期超过60天的", "more than 60 days late"), a rate ("逾期一天收100").
_DAYS_NOT_BEFORE = re.compile(
    r"宽限|期限|再给|给您|给你|还有|超过|满|达到|不到|以上|每|第|(?<![目当])前|最多|至少|只有"
    r"|\bwithin\b|\bin\b|\bafter\b|\bgrace\b|\bgive\b|\bmore\s++than\b"
    r"|\bover\b(?!\s++(?:three|four|two|five|six|seven|eight|nine|ten|[0-9]))|\bevery\b|\bif\b"
    r"|\bonce\b|\bafter\b|\bfirst\b|\bnext\b|\bup\s++to\b|\bat\s++least\b|\bextra\b"
)
_DAYS_NOT_AFTER = re.compile(
    r"\s*+(?:内|以内|之内|后|以后|之后|时间|的时间|宽限|期限|考虑|以上|的话|就|收|要|会|起|开始|之前"
    r"|\bto\s++(?:dispute|respond|pay|decide|request|think)|\bfrom\s++(?:now|today)|\bnotice\b"
    r"|\bwindow\b|\bperiod\b|\bgrace\b|\bor\s++more\b|\bago\b|\blater\b|\bbefore\b"
    r"|\bafter\b|\bfor\s++(?:you|the)\b)"
)
# A clause that spells out a figure said loosely before it: "…behind, 57 days to be exact".
# A rule's threshold, not this account: "if payments are more than 60 days late", "逾期超过90天就…".
_CONDITIONAL = re.compile(r"\bif\b|\bonce\b|\bwhen\b|\bunless\b|如果|一旦|的话|就会|就要|就可能")


def _conditional(low: str, c_start: int, c_end: int, position: int) -> bool:
    """A condition in the clause of ``position``; one said before a colon frames what follows
    and is no threshold of it ("如果您是赵先生本人：您的卡逾期27天")."""
    colon = low.rfind(":", c_start, position)
    return _CONDITIONAL.search(low, max(c_start, colon + 1), c_end) is not None


_DAYS_EXACT = re.compile(
    r"准确|确切|具体|整整|正好|刚好|也就是|一共|总共|已经|了|今天是|到今天|到现在"
    r"|\bto\s++(?:today|now|date)\b|今天|算下来|算起来"
    r"|exact|precise|in\s++total|that'?s|that\s++is|which\s++is|i\.e\.|already|now|today|\bso\b"
    r"|精确|确切|准确"
)
_FUTURE_CUE = re.compile(
    r"请|麻烦|务必|记得|最晚|最迟|之前|以前|前还|约定|承诺|答应|安排|能不能|可以|方便|争取|确认"
    r"|\bplease\b|\bby\b|\bbefore\b|\bno\s++later\s++than\b|\buntil\b|\bcan\s++you\b|\bcould\s++you\b"
    r"|\bwill\s++you\b|\bpromise\w*|\bagree\w*|\bschedule\w*|\bset\s++up\b|\bconfirm\w*"
)
_PAST_CUE = re.compile(
    r"到期|还款日|逾期|已经|已|之前就|本该|本来|应该在|那天|上次|当时|以来|开始|起|至今|到现在|到今天"
    # "from March 27th until now": a span that ends today, counted back
    r"|\b(?:until|till|to|up\s++to|through)\s++(?:now|today|this\s++point|date)\b|\bso\s++far\b"
    r"|\bwas\b|\bwere\b|\bhad\b|\bsince\b|\bago\b|\bdue\b|\blast\b|\bmissed\b|\bdid\b|\bpaid\b"
)
_WEEKDAY_NAMES_ZH = "一二三四五六日"
_WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_AFTER = re.compile(
    r"\s*+[(（,，]?\s*+(?:周|星期|礼拜)(?P<zh>[一二三四五六日天])|\s*+[(,]?\s*+(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_PAIR_GAP = re.compile(
    r"\s*+(?:then\s*+)?[(（,，:：]?\s*+(?:也就是|就是|即|那就是|也即|that\s++is|that'?s|which\s++is"
    r"|which\s++would\s++be|so|i\.e\.)?\s*+[(（,，]?\s*+(?:on\s++|the\s++)?$"
)


def _said_year(mention: DateMention) -> bool:
    return bool(re.search(r"[0-9]{4}|年", mention.raw)) or mention.kind.startswith(("ymd", "ywmd"))


# A payment said as already missed: "went past due on February 27", "was due Jan 22".
_MISSED_BEFORE = re.compile(
    rf"{_WENT_DELINQUENT}|(?:delinquent|past\s++due|late|behind)\s++since"
    r"|missed\s++(?:the\s++|your\s++)?|\b(?:was|were|had\s++been|fell)\s++due(?:\s++on)?"
    # "it's been seven months, since February 22nd": what a span runs from has gone
    r"|\bsince\s++(?:the\s++)?$|已经到期|早就到期"
)
# "due Feb 22, so 212 days late": a due date said with how late it is, in its sentence.
_LATE_AFTER = re.compile(
    r"[^.!?。！？]*?\b(?:[0-9]+|\w+)\s++days?\s++(?:late|overdue|past\s++due|behind)\b"
    r"|[^。！？]*?逾期\s*+[0-9一二两三四五六七八九十百]+\s*+天"
)
# A part of a named month ("end of August", "early March", "8月初", "九月中旬"): the due date
# must fall in that part (旬), as a listener hears it: "end of August" is not August 5th.
_MONTH_PARTS = ("month_part_en", "month_part_zh")
# Month-day dates said without a year.
_YEARLESS = frozenset(
    {"md_dot", "md_zh", "md_en", "dm_en", "mdy_slash", "named_month_end_zh"} | set(_MONTH_PARTS)
)
# "8月底": the month's last ten days (下旬's end), the due date among them ("8月底到期的" for
# August 28th), not its last day only.
_MONTH_END_DAYS = 10


def _part_of_month(day: int) -> int:
    """The ten-day part (旬) a day falls in: 1–10 early, 11–20 mid, 21 on late."""
    return 0 if day <= 10 else 1 if day <= 20 else 2


def _as_missed(
    mention: DateMention, today: date | None, before: str, after: str, rest: str = ""
) -> date:
    """The day a month-day said without a year names. Entities read it as the next such day
    when that is near (a promise: "by February 27"); said as a payment already missed ("went
    past due on February 27", "the January 22 payment was missed", "2月27号就该还了"), the
    call's clock puts it in the past: the last such day before the call."""
    value = mention.value
    if (
        today is None
        or value <= today
        or mention.relative
        or mention.kind not in _YEARLESS
        or _said_year(mention)
        or not (
            _MISSED_BEFORE.search(before)
            or _DUE_AFTER_PAST.match(after)
            or (_DUE_BEFORE.search(before) and _LATE_AFTER.match(rest))
        )
    ):
        return value
    try:
        return value.replace(year=value.year - 1)
    except ValueError:  # 2月29号 said of a year without one
        return value


def _same_due(mention: DateMention, due: date, since: bool = False) -> bool:
    """Whether a date said is the due date, compared as said: the day alone ("2号"), the month
    and day, or the whole date with a year; "since" it may be the first day overdue."""
    days = (due, due + timedelta(days=1)) if since else (due,)
    value = mention.value
    if mention.kind in ("day_zh", "the_nth_en"):
        return any(value.day == d.day for d in days)
    if mention.kind == "named_month_end_zh":
        return any(value.month == d.month and value.day - d.day < _MONTH_END_DAYS for d in days)
    if mention.kind in _MONTH_PARTS:
        return any(
            value.month == d.month and _part_of_month(value.day) == _part_of_month(d.day)
            for d in days
        )
    if _said_year(mention):
        return value in days
    return any((value.month, value.day) == (d.month, d.day) for d in days)


def _date_finding(
    turn: int | None, analysis: Analysis, rule: str, evidence: str, zh: str, en: str, fix: Bilingual
) -> Finding:
    return accuracy_finding(
        turn, rule, "major", analysis.text, evidence, Bilingual(zh=zh, en=en), fix
    )


def _weekday_zh(day: date) -> str:
    return "周" + _WEEKDAY_NAMES_ZH[day.weekday()]


def check_dates_and_days(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    today = analysis.today
    findings: list[Finding] = []
    text = analysis.text[:MAX_ANALYSED_CHARS]
    low = fold(text)
    due = ledger.due_date
    for index, mention in enumerate(analysis.dates):
        if mention.kind == "weekday_of_date" and index:
            # "10月29号周四", "May 31, a Sunday": the weekday of the date before it, which
            # must be that date's (entities.dates reads it into the same week).
            day = analysis.dates[index - 1]
            if mention.value != day.value and _WEEKDAY_AFTER.match(low, day.end) is None:
                findings.append(
                    _weekday_finding(turn, analysis, day, text[day.start : mention.end])
                )
            continue
        c_start = clause_start(low, mention.start)
        prev = analysis.dates[index - 1] if index else None
        if prev and prev.weekday_named and _JUST_BEFORE.fullmatch(low, prev.end, mention.start):
            # "due date was Sunday, Sept 6": the weekday names the date's own day, and the
            # label before both is the date's.
            c_start = clause_start(low, prev.start)
        elif prev and prev.end > c_start:
            c_start = prev.end  # a label before it is the earlier date's
        c_end = clause_end(low, mention.end)
        before = low[c_start : mention.start]
        after = low[mention.end : c_end]
        sentence = low[sentence_start(low, mention.start) : sentence_end(low, mention.end)]
        rest = low[mention.end : sentence_end(low, mention.end)]
        when = _as_missed(mention, today, before, after, rest)
        due_cue = (
            (_DUE_BEFORE.search(before) and not mention.relative)
            # "97 days, to be exact, since August 15th": counted from the due date.
            or (
                _SINCE_DATE.search(before)
                and not mention.relative
                and today is not None
                and when <= today
                and (any(c.kind == "days" for c in analysis.counts) or _DAYS_CUE.search(sentence))
            )
            or _DUE_AFTER.match(after)
            or (
                today is not None
                and when <= today
                and not mention.relative
                and _DUE_AFTER_PAST.match(after)
            )
        )
        if due_cue and (not _FUTURE_PLAN.search(sentence) or _WAS_DUE.search(before)):
            since = bool(_SINCE.search(before)) or bool(_OVERDUE_FROM.match(after))
            # A date still to come named with a plain "due" is a new arrangement's, not the
            # ledger's ("due December 1st"); "11月22号到期" and "was due" are the ledger's.
            future = (
                today is not None
                and when > today
                and not _DUE_AFTER.match(after)
                and not _PAST_TENSE.search(sentence)
            )
            if not future and not _same_due(mention, due, since):
                right = due.isoformat()
                findings.append(
                    _date_finding(
                        turn,
                        analysis,
                        "ACC-DUE-DATE",
                        mention.raw,
                        f"到期日“{mention.raw}”不对，账户到期日是 {right}。",
                        f"Due date “{mention.raw}” is wrong; the ledger says {right}.",
                        Bilingual(
                            zh=f"到期还款日是 {right}。", en=f"The payment was due on {right}."
                        ),
                    )
                )
                continue
        if today is None:
            continue
        # A day word and the weekday said to be it must agree: "today, Wednesday November
        # 11th" on a Tuesday, "明天礼拜三" on a Tuesday.
        said_as = _day_word_before(analysis.dates, index, low)
        if said_as is not None and said_as.value.weekday() != mention.value.weekday():
            findings.append(_calendar_finding(turn, analysis, mention, said_as))
            continue
        # A relative day or a weekday next to the date it means: they must agree.
        pair = _paired(analysis.dates, index, low)
        if pair is not None and not mention.relative:
            rel = pair
            if rel.weekday_named and not _WEEK_SAID.match(rel.raw.lower()):
                # "Thursday, October 1st": a bare weekday names the date's own.
                agree = rel.value.weekday() == mention.value.weekday()
            elif rel.weekday_named:
                agree = _same_weekday_reading(rel.value, mention.value, today)
            else:
                agree = rel.value == mention.value
            if not agree:
                findings.append(_calendar_finding(turn, analysis, rel, mention))
                continue
        weekday = _WEEKDAY_AFTER.match(low, mention.end)
        if weekday is not None and not mention.relative:
            named = weekday.group("zh") or ""
            target = (
                _WEEKDAY_NAMES_ZH.index("日" if named == "天" else named)
                if named
                else _WEEKDAY_NAMES_EN.index(weekday.group("en").capitalize())
            )
            if target != mention.value.weekday():
                findings.append(
                    _weekday_finding(turn, analysis, mention, text[mention.start : weekday.end()])
                )
                continue
        # A date to pay by that has already gone.
        if (
            not mention.relative
            and mention.value < today
            and not due_cue
            and _FUTURE_CUE.search(sentence)
            and not _PAST_CUE.search(sentence)
        ):
            findings.append(
                _date_finding(
                    turn,
                    analysis,
                    "ACC-DATE",
                    mention.raw,
                    f"“{mention.raw}”（{mention.value.isoformat()}）已经过去了："
                    f"今天是 {today.isoformat()}。",
                    f"“{mention.raw}” ({mention.value.isoformat()}) has already passed: "
                    f"today is {today.isoformat()}.",
                    Bilingual(zh="约定一个今天以后的日期。", en="Agree on a date after today."),
                )
            )
    for count in analysis.counts:
        if count.kind != "days":
            continue
        span = _span_to_today(count, analysis, low)
        if span is not None:
            # "from March 27th to today is 173 days": the days between the date said and the
            # call's day, whatever the date is (a wrong due date is its own finding).
            finding = _check_span(count, span, low, analysis, turn)
            if finding is not None:
                findings.append(finding)
            continue
        ahead = _future_day_before(count, analysis, low)
        if ahead is not None and (
            _days_overdue_said(count, analysis, low)
            or _WILL_BE_AT.search(low, max(0, count.start - 24), count.start)
        ):
            # "要是拖到11月26号，就逾期114天了", "on Nov 12 you'll be at 102 days": the days
            # overdue on that day, not today.
            finding = _check_days(count, low, ledger, analysis, turn, on=ahead)
            if finding is not None:
                findings.append(finding)
            continue
        if _days_overdue_said(count, analysis, low):
            finding = _check_days(count, low, ledger, analysis, turn)
            if finding is not None:
                findings.append(finding)
    findings += _check_durations(analysis, low, ledger, turn)
    return findings


# How long overdue, said loosely: "三个多月", "两周多", "二十多天", "快一百天", "over three months".
_NEAR_WORDS = (
    "快", "将近", "接近", "近", "不到", "不足", "almost", "nearly", "close to", "under",
    "less than", "shy of", "going on", "pushing", "coming up on",
)  # fmt: skip
# "Under N months" is true of anything from half a month short up to N ("不到一个月" for 18 days).
_UNDER_WORDS = ("不到", "不足", "under", "less than", "shy of")
_OVER_WORDS = ("超过", "over", "more than", "upwards of")


def _duration_range(
    n: int, unit: str, hedge: str, more: bool, half: bool = False
) -> tuple[int, int]:
    """The days overdue a loose duration allows: "三个多月" 90–124, "快两个月" 45–60, "一个半月"
    38–52, "快半年" 160–180, "over a year" 365–730."""
    if unit == "year":
        n, unit, half = n * 12 + (6 if half else 0), "month", False
        if n == 6 and not hedge and not more:
            return 165, 200  # "半年": about six months
    size = 30 if unit == "month" else 7 if unit == "week" else 1
    said = n * size
    if half:
        said += size // 2
        if more or any(hedge.endswith(w) for w in _OVER_WORDS):
            return said, said + size // 2 + (3 if size == 30 else 1)
        if any(hedge.endswith(w) for w in _NEAR_WORDS):
            return said - max(3, said // 4), said
        # Rounds to it at a half unit: "一个半月" 38–52 (41 days is 一个半月), "半个月" 12–18.
        slack = min(max(2, said // 5), size // 4)
        return said - slack, said + slack
    if unit == "day":
        step = 10 ** max(0, len(str(n)) - 1) if n >= 10 else 1
        slack = max(1, round(said * 0.1))
        if hedge == "来":  # "二十来天": some twenty days, 18 to 25
            return said - slack, said + max(slack, step // 2)
        if more:
            return said, said + step
        if hedge.endswith(_OVER_WORDS):  # "more than 120 days": true well beyond, not forever
            return said, said + max(step, said // 2)
        if hedge.endswith(_NEAR_WORDS):
            return said - slack, said
        return said - slack, said + slack
    if more or any(hedge.endswith(w) for w in _OVER_WORDS):
        return said, (n + 1) * (31 if size == 30 else size) + (3 if size == 30 else 0)
    if any(hedge.endswith(w) for w in _NEAR_WORDS):
        # Almost N months rounds up to N: "快两个月" 45–60 (41 days is 一个多月, not almost
        # two), "快一个月" 20–30: never more than half a month, nor a third, short.
        if size == 30 and hedge.endswith(_UNDER_WORDS):
            return said - 15, said
        return said - (min(15, 10 * n) if size == 30 else 4), said
    return said - (15 if size == 30 else 3), said + (15 if size == 30 else 3)


def _check_durations(
    analysis: Analysis, low: str, ledger: Ledger, turn: int | None
) -> list[Finding]:
    findings: list[Finding] = []
    days = ledger.days_overdue
    # Each is checked against its clause: a paste of a thousand "3天" reads the first few.
    for said in extract_durations(analysis.text[:MAX_ANALYSED_CHARS])[:MAX_MENTIONS]:
        n, unit, hedge, more = said.value, said.unit, said.hedge, said.more
        if unit == "day" and any(
            c.kind == "days" and c.start <= said.number_end <= c.end for c in analysis.counts
        ):
            continue  # a day count: checked as a count
        start, end = said.start, said.end
        c_start = clause_start(low, start)
        c_end = clause_end(low, end)
        near_before = low[max(c_start, start - 8) : start]
        near_after = low[end : min(c_end, end + 10)]
        # "今天是逾期第18天": the day of the delinquency, said exactly.
        ordinal = (
            unit == "day" and "天" in said.raw and near_before.rstrip().endswith("第") and not hedge
        )
        if not ordinal and _DAYS_NOT_BEFORE.search(near_before):
            continue
        back = _span_start(said, analysis, low, start, end) if _AGO.match(low, end) else None
        today = analysis.today
        back_to = _gone_by(back, today) if back is not None and today is not None else None
        if back_to is not None and today is not None and unit != "day":
            # "went past due June 1st, about 20 weeks ago": the span back to the date said.
            span = (today - back_to).days
            low_days, high_days = _duration_range(n, unit, hedge, more, said.half)
            if not low_days <= span <= high_days:
                raw = analysis.text[start:end]
                findings.append(
                    _date_finding(
                        turn,
                        analysis,
                        "ACC-DAYS-OVERDUE",
                        raw,
                        f"“{raw}”不对：从 {back_to.isoformat()} 到今天是 {span} 天。",
                        f"“{raw}” is wrong: from {back_to.isoformat()} to today is {span} days.",
                        Bilingual(
                            zh=f"从 {back_to.isoformat()} 到今天是 {span} 天。",
                            en=f"From {back_to.isoformat()} to today is {span} days.",
                        ),
                    )
                )
            continue
        if _DAYS_NOT_AFTER.match(near_after) or _conditional(low, c_start, c_end, start):
            continue
        if re.search(r"分|每|spread|split|plan|payments?|install", low[c_start:start]):
            continue
        converted = _converted_count(said, analysis, low)
        if (
            converted is not None
            and converted.value != days
            and _days_overdue_said(converted, analysis, low)
        ):
            converted = None  # the count is wrong, and its own finding names it
        if converted is not None and unit != "day":
            # "68 days is almost 3 months", "16个礼拜，112天": the duration says the day count
            # said with it again, and must cover it (the count is checked on its own).
            low_days, high_days = _duration_range(n, unit, hedge, more, said.half)
            if not low_days <= converted.value <= high_days:
                findings.append(_conversion_finding(turn, analysis, said, converted))
                continue
        tail = low[end : min(c_end, end + 40)].lstrip()
        if not (
            _DAYS_CUE.search(low, c_start, start)
            or _DAYS_CUE.match(tail)
            or _said_as_elapsed(low, c_start, start, end)
            # "past due since September 5th, so over three months": the clause is the
            # duration alone, after the sentence's cue
            or (
                _DAYS_CUE.search(low, sentence_start(low, start), c_start) is not None
                and _LEAD_IN.fullmatch(low, c_start, start) is not None
                and _ELAPSED_AFTER_EN.match(low, end) is not None
            )
            # "还款日是11月2号，今天已经是第18天了": today's day of the delinquency
            or (
                ordinal
                and _TODAY_RE.search(low, c_start, start) is not None
                and _ELAPSED_FROM.search(low, sentence_start(low, start), start) is not None
            )
        ):
            continue
        low_days, high_days = (
            (n, n) if ordinal else _duration_range(n, unit, hedge, more, said.half)
        )
        if low_days <= days <= high_days:
            continue
        raw = analysis.text[start:end]
        findings.append(
            _date_finding(
                turn,
                analysis,
                "ACC-DAYS-OVERDUE",
                raw,
                f"逾期时长“{raw}”不对：账户已逾期 {days} 天。",
                f"“{raw}” overdue is wrong: the account is {days} days past due.",
                Bilingual(
                    zh=f"您的账户已逾期 {days} 天。",
                    en=f"Your account is {days} days past due.",
                ),
            )
        )
    return findings


# Between a day count and the weeks or months said to be it: a copula, a hedge, "so", "也就是",
# the count's own "past due" ("128 days past due, so we're over five months").
_CONVERSION_GAP = re.compile(
    r"(?:[\s,，:：—–-]|\bis\b|'s\b|\bare\b|\bwas\b|\bthat\b|\bwhich\b|\bso\b|\bi\.e\.|\bor\b"
    r"|\bnow\b|\balready\b|\bit\b|\bwe'?re\b|\byou'?re\b|\bpast\s++due\b|\boverdue\b|\blate\b"
    r"|\bbehind\b|\bto\s++be\s++(?:exact|precise)\b|\bexactly\b|\bprecisely\b|\bwell\b"
    r"|也就是|就是|是|即|相当于|算下来|合|逾期|了|已经|都|准确地?说?|确切地?说?|具体地?说?|整整|正好|刚好)*+"
)
_CONVERSION_REACH = 32


def _converted_count(said: DurationMention, analysis: Analysis, low: str) -> CountMention | None:
    """The day count of the sentence that a duration in weeks or months says again ("68 days
    is almost 3 months", "about 5 and a half months, 193 days", "16个礼拜，112天"), joined to
    it by nothing but a copula, a hedge or a connective."""
    s_start, s_end = sentence_start(low, said.start), sentence_end(low, said.end)
    for count in analysis.counts:
        if count.kind != "days" or not s_start <= count.start < s_end:
            continue
        if count.end <= said.start:
            gap = low[count.end : said.start]
        elif said.end <= count.start:
            gap = low[said.end : count.start]
        else:
            continue
        if len(gap) <= _CONVERSION_REACH and _CONVERSION_GAP.fullmatch(gap):
            return count
    return None


def _conversion_finding(
    turn: int | None, analysis: Analysis, said: DurationMention, count: CountMention
) -> Finding:
    raw = analysis.text[said.start : said.end]
    return _date_finding(
        turn,
        analysis,
        "ACC-DAYS-OVERDUE",
        raw,
        f"“{raw}”和“{count.raw}”对不上：{count.value} 天不是{raw}。",
        f"“{raw}” does not match “{count.raw}”: {count.value} days is not {raw}.",
        Bilingual(
            zh=f"按天数说：{count.value} 天；换算成月份时要算准。",
            en=f"Say it in days: {count.value} days; convert to months only when it is right.",
        ),
    )


# "都快一个月了", "已经半个多月了还没还", "一个多月了赵先生": a duration that is the whole
# clause, closed by 了, is how long the account has gone unpaid (the zh of "it's been…").
_ELAPSED_BEFORE_ZH = re.compile(
    r"(?:您|你)?(?:这笔|这张卡|这个|这边|这)?(?:都|已经|已|也|快|差不多|将近|大概|有|拖了|欠了|都已经)*"
)
_ELAPSED_AFTER_ZH = re.compile(r"\s*+了(?!之后|以后|再|才|就|的话)")


# "it's going on seven months now", "it's been almost five months": how long it has run.
# What may open the clause of a duration that restates the sentence's: "…, so over three months".
_LEAD_IN = re.compile(
    r"\s*+(?:(?:so|and|now|which\s++(?:is|means)|that'?s|that\s++is|i\.e\.|or|all\s++told|in\s++all"
    r"|所以|也就是|就是|已经|都)\s*+)?(?:(?:it'?s|we'?re|you'?re)\s++(?:been\s++)?)?"
)
_ELAPSED_BEFORE_EN = re.compile(
    r"(?:(?:so|and|now)\b\s*+)?(?:it'?s|it\s++is|it\s++has|that'?s|you'?re|we'?re|(?:it|this|the\s++account)\s++has)?\s*+"
    r"(?:been\s++)?(?:going\s++on\s++)?"
)
_ELAPSED_AFTER_EN = re.compile(
    r"\s*+(?:now|already|at\s++this\s++point|so\s++far|on\s++(?:our|the|my|your)\s++(?:records?|file"
    r"|books)|on\s++file|old)?\s*+(?:[.,!?]|$)"
)


def _said_as_elapsed(low: str, c_start: int, start: int, end: int) -> bool:
    head = low[c_start:start].strip()
    if _ELAPSED_BEFORE_ZH.fullmatch(head) and _ELAPSED_AFTER_ZH.match(low, end):
        return True
    if _ON_RECORD.match(low, end) and (not head or _OF_THE_DEBT.search(head)):
        # "a bit over five months on the record", "your final bill is about 8 months old"
        return True
    return bool(head) and bool(
        _ELAPSED_BEFORE_EN.fullmatch(head) and _ELAPSED_AFTER_EN.match(low, end)
    )


# After a duration, what makes it the debt's age: "…on our records", "…old".
_ON_RECORD = re.compile(
    r"\s*+(?:on\s++(?:our|the|my|your)\s++(?:records?|file|books)|on\s++file|old)\b"
)
_OF_THE_DEBT = re.compile(r"\b(?:bill|account|debt|balance|charges?|it)\b|^(?:so|and|now)$")


def _days_overdue_said(count: CountMention, analysis: Analysis, low: str) -> bool:
    """Whether a day count says how long the account is overdue ("逾期18天", "18 days past due",
    "…behind, 57 days to be exact"), not a deadline, a grace period or a rule's threshold."""
    if any(d.start <= count.start < d.end for d in analysis.dates):
        return False  # "3天内", "in 3 days": a deadline
    c_start = clause_start(low, count.start)
    c_end = clause_end(low, count.end)
    near_before = low[max(c_start, count.start - 8) : count.start]
    near_after = low[count.end : min(c_end, count.end + 10)]
    sentence = low[sentence_start(low, count.start) : sentence_end(low, count.end)]
    if _AGO.match(near_after):
        # "past due on September 5th, 68 days ago": how long ago the due date was.
        s_start = sentence_start(low, count.start)
        due_said = any(
            s_start <= d.start < count.start
            and _DUE_BEFORE.search(low, max(s_start, d.start - 24), d.start)
            for d in analysis.dates
        )
        return due_said and not _DAYS_NOT_BEFORE.search(near_before)
    # "over 70 days behind": the hedge of the count itself, not a threshold before it (the
    # slice hides the digits that tell them apart); a rule's "if… over 60 days" is conditional.
    hedge_free = re.sub(r"\bover\s*+$", "", near_before)
    if _DAYS_NOT_BEFORE.search(hedge_free) or _DAYS_NOT_AFTER.match(near_after):
        return False
    if _conditional(low, c_start, c_end, count.start):
        return False
    tail = low[count.end : min(c_end, count.end + 40)].lstrip()
    if _DAYS_CUE.search(low, c_start, count.start) or _DAYS_CUE.match(tail):
        return True
    if _said_as_elapsed(low, c_start, count.start, count.end):
        return True  # "快一百天了赵先生": the whole clause, closed by 了, is how long it has run
    # The cue in another clause of the sentence, this one spelling the figure out ("…, 57 days
    # to be exact") or the count alone ("past due since September 5th — 68 days").
    alone = not low[c_start : count.start].strip(_APPOSITION) and not low[count.end : c_end].strip(
        _APPOSITION
    )
    exact = alone or bool(_DAYS_EXACT.search(low, c_start, c_end))
    if _DAYS_CUE.search(sentence):
        return exact
    s_start = sentence_start(low, count.start)
    if alone and any(
        s_start <= d.start < c_start
        and _said_as_elapsed(low, clause_start(low, d.start), d.start, d.end)
        for d in extract_durations(low[:c_start])
    ):
        return True  # "一个多月了，四十五天": the days of the duration said before it
    # A due date or a start named earlier in the sentence, then the days since, said as
    # elapsed: "1号到期的，已经十天了", "since March 27, that's 173 days".
    return (
        exact
        and not _HEDGED_COUNT.search(near_before)  # "past 90 days": a threshold passed
        and bool(_ELAPSED_FROM.search(low, s_start, count.start))
        and any(s_start <= d.start and d.end <= count.start for d in analysis.dates)
    )


# A span from a date said to the call's day: "from March 27th to today", "between August 5th
# and now", "11月2号到今天", "从10月22号至今".
_TO_TODAY = re.compile(
    r"\b(?:to|until|till|through|thru|up\s++(?:to|until)|and)\s++(?:today|now|this\s++point"
    r"|right\s++now|the\s++present|date)\b|\bas\s++of\s++(?:today|now)\b"
    r"|到今天|到今日|到现在|到目前|至今|截至今天|截止今天|截至目前|截止到今天|截止到现在|截至现在"
)


def _span_to_today(count: CountMention, analysis: Analysis, low: str) -> date | None:
    """The date a day count is counted from, when the sentence says it runs from that date to
    the call's day ("from March 27th to today is 173 days", "11月2号到今天18天"): the last
    date said before the count in its sentence, not relative, before the call's day; or the
    date a count "ago" goes back to ("Sept 5 was a Saturday, 68 days ago"), or the date after
    "since" ("141 days since June 1")."""
    today = analysis.today
    if today is None:
        return None
    mention = _span_start(count, analysis, low, count.start, count.end)
    return None if mention is None else _gone_by(mention, today)


def _gone_by(mention: DateMention, today: date) -> date | None:
    """The day a date said as already past names, or None when it is no past day."""
    when = mention.value
    if when > today and mention.kind in _YEARLESS and not _said_year(mention):
        try:
            when = when.replace(year=when.year - 1)  # "from December 20th to now" said in May
        except ValueError:
            return None
    return when if when < today else None


# "since March 27, which makes it (about) 137 days": a date a span runs from, then its length.
_SINCE_END = re.compile(r"(?:\bsince|\bfrom|自从?|从)\s*+(?:the\s++)?$")
_MAKES_IT = re.compile(
    r"\s*+[,，]?\s*+(?:which|that|so|so\s++that)?\s*+(?:makes\s++it|'s|is|comes\s++to|puts\s++"
    r"(?:you|it|us)\s++at|that'?s)\s*+(?:about|around|roughly|approximately|almost|nearly|over)?"
    r"\s*+|\s*+[,，]?\s*+(?:一共|总共|算下来|那就是|也就是|就是)\s*+(?:大概|大约|差不多|快)?\s*+"
)
# "141 days since June 1": the date the count runs from, said after it.
_SINCE_AFTER = re.compile(r"\s*+(?:have\s++passed\s++|now\s++)?(?:since|from)\s++(?:the\s++)?$")


def _span_start(
    count: CountMention | DurationMention, analysis: Analysis, low: str, start: int, end: int
) -> DateMention | None:
    """The date a span said from ``start`` to ``end`` runs from, to the call's day."""
    s_start, s_end = sentence_start(low, start), sentence_end(low, end)
    said = [d for d in analysis.dates if s_start <= d.start and d.end <= start and not d.relative]
    mention: DateMention | None = None
    if said and (
        _TO_TODAY.search(low, said[-1].end, start)
        or _AGO.match(low, end)
        # "since March 27, which makes it 137 days": the count the span since the date makes
        or (
            _SINCE_END.search(low, s_start, said[-1].start) is not None
            and _MAKES_IT.fullmatch(low, said[-1].end, start) is not None
        )
    ):
        mention = said[-1]
    else:
        after = [
            d
            for d in analysis.dates
            if end <= d.start < s_end
            and not d.relative
            and _SINCE_AFTER.fullmatch(low, end, d.start)
        ]
        mention = after[0] if after else None
    if mention is None or mention.kind in _MONTH_PARTS or mention.kind == "named_month_end_zh":
        return None  # "8月初到期的，到现在112天": a part of a month names no day to count from
    return mention


def _check_span(
    count: CountMention, since: date, low: str, analysis: Analysis, turn: int | None
) -> Finding | None:
    assert analysis.today is not None
    days = (analysis.today - since).days
    hedge = _COUNT_HEDGE_BEFORE.search(low, max(0, count.start - 12), count.start)
    if hedge is not None:
        kind = next(k for k in ("near", "about", "over") if hedge.group(k))
        word = {"near": "almost", "about": "about", "over": "over"}[kind]
        low_days, high_days = _duration_range(count.value, "day", word, False)
        if low_days <= days <= high_days:
            return None
    elif count.value == days:
        return None
    start = since.isoformat()
    return _date_finding(
        turn,
        analysis,
        "ACC-DAYS-OVERDUE",
        count.raw,
        f"“{count.raw}”不对：从 {start} 到今天是 {days} 天。",
        f"“{count.raw}” is wrong: from {start} to today is {days} days.",
        Bilingual(
            zh=f"从 {start} 到今天是 {days} 天。", en=f"From {start} to today is {days} days."
        ),
    )


_HEDGED_COUNT = re.compile(
    r"(?:\bpast|\bover|\bmore\s++than|\balmost|\bnearly|\babout|\baround|\bunder|超过|快|将近|差不多"
    r"|大概|不到|多于)\s*+$"
)
_ELAPSED_FROM = re.compile(r"到期|还款日|\bdue\b|\bsince\b|从|自从")
_TODAY_RE = re.compile(r"今天|今儿|现在|\btoday\b|\bnow\b")
_APPOSITION = " ,，:：—–-.。!！"


_AGO = re.compile(r"\s*+(?:ago|以前|之前|前)\b")
_COUNT_HEDGE_BEFORE = re.compile(
    r"(?:(?P<near>快|将近|接近|近|差不多|almost|nearly|close\s++to|just\s++under)"
    r"|(?P<about>大概|大约|约|about|around|roughly|approximately)"
    r"|(?P<over>超过|over|more\s++than|just\s++over))\s*+$"
)


# "you'll be at 102 days", "it will be 180 days past due": a count as of a day to come.
_WILL_BE_AT = re.compile(
    r"\b(?:you'?ll|you\s++will|it'?ll|it\s++will|that'?ll|that\s++will|we'?ll)\s++be"
    r"(?:\s++at)?\s*+$"
)


# What says a count is as of a day to come: "要是拖到…", "那时候", "到时候", "will", "you'll".
_AHEAD_CUE = re.compile(
    r"拖到|等到|到时候|那时候?|到那(?:天|时)|\bwill\b|'ll\b|\bgoing\s++to\b|\bby\s++then\b"
)
# A yearless date further ahead than this is one gone by ("since February 22nd" in November).
_AHEAD_MAX_DAYS = 180


def _future_day_before(count: CountMention, analysis: Analysis, low: str) -> date | None:
    """A day after the call's, said earlier in the count's sentence with a word that looks
    ahead to it: the day the count is counted to."""
    today = analysis.today
    if today is None:
        return None
    s_start = sentence_start(low, count.start)
    if not _AHEAD_CUE.search(low, s_start, count.start) or _SINCE.search(low, s_start, count.start):
        return None
    ahead = [
        d.value
        for d in analysis.dates
        if s_start <= d.start
        and d.end <= count.start
        and d.value > today
        and ((d.value - today).days <= _AHEAD_MAX_DAYS or d.kind not in _YEARLESS or _said_year(d))
    ]
    return ahead[-1] if ahead else None


def _check_days(
    count: CountMention,
    low: str,
    ledger: Ledger,
    analysis: Analysis,
    turn: int | None,
    on: date | None = None,
) -> Finding | None:
    days = ledger.days_overdue
    if on is not None and analysis.today is not None:
        days += (on - analysis.today).days
    said = count.value
    hedge = _COUNT_HEDGE_BEFORE.search(low, max(0, count.start - 12), count.start)
    if hedge is not None:  # "快一百天" for 97, "more than 90 days" for 97
        kind = next(k for k in ("near", "about", "over") if hedge.group(k))
        word = {"near": "almost", "about": "about", "over": "over"}[kind]
        low_days, high_days = _duration_range(said, "day", word, False)
        if low_days <= days <= high_days:
            return None
    elif said == days:
        return None
    if on is not None:
        return _date_finding(
            turn,
            analysis,
            "ACC-DAYS-OVERDUE",
            count.raw,
            f"逾期天数“{count.raw}”不对：到 {on.isoformat()} 应为 {days} 天。",
            f"Days overdue “{count.raw}” is wrong: on {on.isoformat()} it will be {days} days.",
            Bilingual(
                zh=f"到 {on.isoformat()} 您的账户将逾期 {days} 天。",
                en=f"On {on.isoformat()} your account will be {days} days past due.",
            ),
        )
    return _date_finding(
        turn,
        analysis,
        "ACC-DAYS-OVERDUE",
        count.raw,
        f"逾期天数“{count.raw}”不对，应为 {days} 天。",
        f"Days overdue “{count.raw}” is wrong; it is {days} days.",
        Bilingual(zh=f"您的账户已逾期 {days} 天。", en=f"Your account is {days} days past due."),
    )


_NAMES_IT = re.compile(
    r"(?:也就是|也即|那就是|\bthat\s++is|\bthat'?s|\bwhich\s++is)\s*+[(（,，]?\s*+(?:on\s++|the\s++)?$"
)
_DAY_IS = re.compile(r"\s*+(?:是|就是|is|'s|will\s++be|would\s++be)\s*+(?:the\s++)?")
# Between a date and the relative day it is said to be: a copula, perhaps after a tag question
# ("到是吧，那就是", "嘛，也就是"), or "which is", "that's".
_IS_DAY = re.compile(
    r"\s*+(?:(?:到账?|到期)?\s*+(?:是吧|对吧|是吗|对吗|吧|嘛|吗)?\s*+[,，]?\s*+(?:那|这)?\s*+(?:也)?\s*+(?:就)?是"
    r"|,?\s*+(?:which|that)\s*+(?:is|'s|would\s++be|will\s++be|falls\s++on)"
    # "payday's the 24th, so a week from tomorrow"
    r"|,?\s*+so\s++(?:that'?s\s++|it'?s\s++)?"
    r"|\s*+(?:is|'s|would\s++be|will\s++be|falls\s++on))\s*+(?:the\s++)?"
)


# A weekday said with its week: "下周五", "这礼拜六", "上周三", "next Friday", "this coming Monday".
_WEEK_SAID = re.compile(r"下|这|本|上|next|this|coming|last")


def _same_weekday_reading(named: date, said: date, today: date) -> bool:
    """A date said to be a weekday phrase ("下周五", "next Friday") is that day, or the same
    weekday a week nearer today where the phrase is heard so too (the coming Friday for "next
    Friday", yesterday's Wednesday for "last Wednesday"); not a week further off (12月5号 is not
    下礼拜六 said on November 21st, whose 下礼拜六 is the 28th)."""
    if said == named:
        return True
    week = timedelta(days=7)
    return (said == named - week and said > today) or (said == named + week and said < today)


# Day words said relative to today ("明天", "today", "tomorrow").
_DAY_WORDS = ("rel_zh", "rel_en")
# Between two mentions of one day: a space or comma, or a copula ("明天是礼拜三").
_JUST_BEFORE = re.compile(r"\s*+[(（,，]?\s*+")


def _day_word_before(dates: tuple[DateMention, ...], index: int, low: str) -> DateMention | None:
    """The day word right before a bare weekday it is said to be ("today, Wednesday",
    "明天礼拜三", "tomorrow is Friday"); None when there is none or the weekday is a week's
    ("明天下周三" is no claim that they are one day)."""
    mention = dates[index]
    if not index or not mention.weekday_named or _WEEK_SAID.match(mention.raw.lower()):
        return None
    prev = dates[index - 1]
    gap = low[prev.end : mention.start]
    # "today, Wednesday", "明天礼拜三", "tomorrow is Friday": the gaps a pair is said across.
    if prev.kind not in _DAY_WORDS or not (_PAIR_GAP.fullmatch(gap) or _DAY_IS.fullmatch(gap)):
        return None
    return prev


def _paired(dates: tuple[DateMention, ...], index: int, low: str) -> DateMention | None:
    """A relative date said right before or after this one ("明天也就是11月21号", "next Friday,
    November 20th", "11月27号下周五")."""
    mention = dates[index]
    if index > 0:
        prev = dates[index - 1]
        gap = low[prev.end : mention.start]
        if prev.relative and (
            _PAIR_GAP.fullmatch(gap)
            # "月底前还上，也就是31号": a few words, then the date it is said to be.
            or (len(gap) <= 12 and _NAMES_IT.search(gap) and not re.search(r"[0-9]", gap))
            # "今天是11月20号", "tomorrow is the 21st": a day word, then the date it is.
            # "下周一是12月1号", "next Monday is the 30th": a weekday, then the date it is.
            or ((prev.kind in _DAY_WORDS or prev.weekday_named) and _DAY_IS.fullmatch(gap))
        ):
            return prev
    if index + 1 < len(dates):
        nxt = dates[index + 1]
        gap = low[mention.end : nxt.start]
        if nxt.relative and (
            (nxt.weekday_named and _JUST_BEFORE.fullmatch(gap))
            # "12月3号是上周三", "15号到是吧，那就是下礼拜六", "the 15th is next Monday": the
            # date said to be that day.
            or _IS_DAY.fullmatch(gap)
        ):
            return nxt
    return None


def _calendar_finding(
    turn: int | None, analysis: Analysis, rel: DateMention, mention: DateMention
) -> Finding:
    real = rel.value
    # The weekday is named when it is what is wrong; else the day the phrase is ("下礼拜五" is
    # 2026-11-27, not 12月4号).
    if rel.weekday_named and real.weekday() != mention.value.weekday():
        zh = (
            f"“{mention.raw}”是{_weekday_zh(mention.value)}，"
            f"不是“{rel.raw}”（{real.isoformat()}）。"
        )
        en = (
            f"“{mention.raw}” is a {_WEEKDAY_NAMES_EN[mention.value.weekday()]}, "
            f"not “{rel.raw}” ({real.isoformat()})."
        )
    else:
        zh = (
            f"“{rel.raw}”是 {real.isoformat()}，"
            f"不是“{mention.raw}”（{mention.value.isoformat()}）。"
        )
        en = (
            f"“{rel.raw}” is {real.isoformat()}, not “{mention.raw}” ({mention.value.isoformat()})."
        )
    return _date_finding(
        turn,
        analysis,
        "ACC-DATE",
        mention.raw,
        zh,
        en,
        Bilingual(
            zh=f"说清楚日期：{real.isoformat()}（{_weekday_zh(real)}）。",
            en=f"Say the date as it is: {real.isoformat()} ({_WEEKDAY_NAMES_EN[real.weekday()]}).",
        ),
    )


def _weekday_finding(
    turn: int | None, analysis: Analysis, mention: DateMention, evidence: str
) -> Finding:
    day = mention.value
    return _date_finding(
        turn,
        analysis,
        "ACC-DATE",
        evidence,
        f"“{evidence}”不对：{day.isoformat()} 是{_weekday_zh(day)}。",
        f"“{evidence}” is wrong: {day.isoformat()} is a {_WEEKDAY_NAMES_EN[day.weekday()]}.",
        Bilingual(
            zh=f"{day.isoformat()}（{_weekday_zh(day)}）。",
            en=f"{day.isoformat()} ({_WEEKDAY_NAMES_EN[day.weekday()]}).",
        ),
    )
