"""A coverage grid for the accuracy check: a dev measure, never a test-set claim.

For every shipped scenario's ledger (zh and en) it composes lines over the cross product of
  role      what the figure is (total, principal, interest, late fee, minimum, instalment and
            months, remainder after a partial payment, partial payment, due date, days
            overdue, promised date),
  position  where the label sits (before the figure, after it, a verb only, in a question, in
            a subordinate clause, two figures in one line),
  form      how the number is said (digits, separators, 万 mixes, 块毛分/元角分, 大写, elided
            units, "twenty-four hundred", "6 hundred 47 dollars", "$2.4k", "bucks", pairs,
            approximations said as such),
  value     right, or wrong by a plausible slip (a digit, a decimal place, a role swap),
samples a few thousand lines with a fixed seed, runs `scoring.accuracy.check_line` on each
and prints miss rates: wrong lines without an ACC-* finding, right lines with one.

    python benchmarks/accuracy_grid.py [--lines N] [--seed S] [--cells K] [--show CELL]

`--show role/position/form/lang` prints that cell's missed lines (to study a kind, then fix
it in general code). The lines are templated: a miss here names a kind of wording to write
natural dev lines for, and the grid's rates are not a claim about real trainee lines."""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._spoken import (
    CN_DIGITS,
    approx_floor,
    approx_near,
    cn_elided,
    cn_int,
    cn_kuai,
    cn_wan,
    cn_wan_mix,
    en_hundreds,
    en_int,
    en_k,
    en_mixed,
    en_pairs,
    en_words,
    floor_unit,
)
from benchmarks.accuracy_kinds import ledger_quantities
from scoring.accuracy import check_line
from scoring.analysis import analyze
from scoring.ledger import Ledger, money
from simulator.engine.catalog import resolve, scenario_files
from simulator.engine.scenario import Scenario

POSITIONS = ("before", "after", "verb", "question", "clause", "two")
AMOUNT_ROLES = (
    "total",
    "principal",
    "interest",
    "late_fee",
    "minimum",
    "instalment",
    "remainder",
    "partial",
)
COUNT_ROLES = ("months", "days_overdue")
DATE_ROLES = ("due_date", "promised_date")
SLIPS = ("right", "digit", "decimal", "swap")

# Templates: {A} the figure under test; {T} total, {P} principal or a partial payment, {I}
# interest, {N} months, {D} the due date, {K} days, all said right (digits).
ZH: dict[str, dict[str, str]] = {
    "total": {
        "before": "王女士，您这边的逾期总额是{A}",
        "after": "{A}，这个是您目前全部的欠款",
        "verb": "您现在一共欠{A}",
        "question": "您知道您总共欠了{A}吗？",
        "clause": "如果您今天能把{A}全部还上的话，后面就不会再产生利息了",
        "two": "本金{P}，连利息带滞纳金一共{A}",
    },
    "principal": {
        "before": "您的本金是{A}",
        "after": "{A}是您的本金部分",
        "verb": "您当时刷了{A}的本金没还",
        "question": "本金{A}这个您认可吧？",
        "clause": "虽然本金只有{A}，但是利息每天都在加",
        "two": "总共{T}，其中本金是{A}",
    },
    "interest": {
        "before": "利息这块是{A}",
        "after": "{A}是这段时间的利息",
        "verb": "到现在已经产生了{A}利息",
        "question": "利息{A}您看到短信了吗？",
        "clause": "因为利息已经有{A}了，建议您尽快处理",
        "two": "本金{P}，利息{A}",
    },
    "late_fee": {
        "before": "滞纳金是{A}",
        "after": "{A}是逾期的滞纳金",
        "verb": "逾期以后收了您{A}滞纳金",
        "question": "滞纳金{A}您清楚吗？",
        "clause": "由于产生了{A}的滞纳金，所以总额比本金多",
        "two": "利息{I}，滞纳金{A}",
    },
    "minimum": {
        "before": "最低还款额是{A}",
        "after": "{A}是这期的最低还款",
        "verb": "您最少先还{A}就行",
        "question": "最低还{A}，今天能还上吗？",
        "clause": "只要您先把{A}的最低还款还上，就不算继续逾期",
        "two": "总共{T}，最低先还{A}",
    },
    "instalment": {
        "before": "分{N}期的话，每期是{A}",
        "after": "分{N}期，{A}一个月",
        "verb": "办{N}期分期，每个月还{A}",
        "question": "分{N}期每月{A}，您能接受吗？",
        "clause": "如果您选{N}期、每个月还{A}的话，压力会小很多",
        "two": "总共{T}，分{N}期每月{A}",
    },
    "remainder": {
        "before": "您今天先还{P}，剩下的是{A}",
        "after": "先还{P}，{A}是剩下没还的",
        "verb": "今天还{P}的话，还欠{A}",
        "question": "您先还{P}，剩下{A}下个月能还上吗？",
        "clause": "如果今天先还{P}，那剩余的{A}月底前还清就行",
        "two": "总额{T}，您还{P}以后还差{A}",
    },
    "partial": {
        "before": "部分还款金额{A}也可以",
        "after": "{A}先还上也行",
        "verb": "您今天先还{A}吧",
        "question": "今天能先还{A}吗？",
        "clause": "如果您今天先还{A}，我这边给您备注一下",
        "two": "总额{T}，您今天先还{A}",
    },
    "months": {
        "before": "期数可以选{A}期",
        "after": "{A}期，这个是可以办的",
        "verb": "可以给您分{A}期",
        "question": "分{A}期您看行不行？",
        "clause": "如果您办{A}期分期的话，每个月压力小一点",
        "two": "总共{T}，可以分{A}期还",
    },
    "days_overdue": {
        "before": "逾期天数是{A}",
        "after": "{A}了，一直没有还款",
        "verb": "已经逾期{A}了",
        "question": "您知道已经逾期{A}了吗？",
        "clause": "由于已经拖了{A}，所以每天都在产生利息",
        "two": "{D}到期的，已经逾期{A}",
    },
    "due_date": {
        "before": "您的还款日是{A}",
        "after": "{A}是最后还款日",
        "verb": "账单{A}到期",
        "question": "您记得{A}是还款日吗？",
        "clause": "因为{A}就已经到期了，所以现在算逾期",
        "two": "{A}到期，到今天逾期{K}天了",
    },
    "promised_date": {
        "before": "那还款时间定在{A}，可以吧",
        "after": "{A}，您说的是这个时间还对吧",
        "verb": "您答应{A}还上",
        "question": "{A}之前能还上吗？",
        "clause": "如果您{A}还上的话，我这边就先不催了",
        "two": "总共{T}，{A}前还清",
    },
}
EN: dict[str, dict[str, str]] = {
    "total": {
        "before": "Your total balance is {A}.",
        "after": "{A} is the full balance on the account right now.",
        "verb": "You owe {A}.",
        "question": "Are you aware you owe {A} on this account?",
        "clause": "Since the balance comes to {A}, I'd like to set something up today.",
        "two": "The principal is {P}, and with interest and fees it comes to {A}.",
    },
    "principal": {
        "before": "The principal is {A}.",
        "after": "{A} of that is the original principal.",
        "verb": "You charged {A} on the card originally.",
        "question": "Do you recognize the {A} principal?",
        "clause": "Although the principal was only {A}, interest kept adding up.",
        "two": "It's {T} in total, {A} of which is principal.",
    },
    "interest": {
        "before": "The interest is {A}.",
        "after": "{A} of the balance is interest.",
        "verb": "The account has accrued {A} in interest.",
        "question": "Did you see the {A} in interest?",
        "clause": "Because {A} in interest has built up, it's worth settling soon.",
        "two": "Principal {P}, interest {A}.",
    },
    "late_fee": {
        "before": "The late fee is {A}.",
        "after": "{A} is the late fee.",
        "verb": "They charged you {A} in late fees.",
        "question": "Were you aware of the {A} late fee?",
        "clause": "Since a {A} late fee was added, the total is higher than the principal.",
        "two": "Interest of {I} and a late fee of {A}.",
    },
    "minimum": {
        "before": "The minimum payment is {A}.",
        "after": "{A} is the minimum due.",
        "verb": "You'd need to pay at least {A}.",
        "question": "Can you make the {A} minimum today?",
        "clause": "If you pay the {A} minimum today, the account stops rolling.",
        "two": "The balance is {T} and the minimum is {A}.",
    },
    "instalment": {
        "before": "On the {N}-month plan the payment is {A} a month.",
        "after": "{A} a month for {N} months.",
        "verb": "You'd pay {A} each month for {N} months.",
        "question": "Could you do {A} a month for {N} months?",
        "clause": "If you take the {N}-month plan, which is {A} a month, it's more manageable.",
        "two": "That's {T} split into {N} monthly payments of {A}.",
    },
    "remainder": {
        "before": "If you pay {P} today, the remaining balance is {A}.",
        "after": "Pay {P} today and {A} is what's left.",
        "verb": "Pay {P} now and you'll still owe {A}.",
        "question": "If you put {P} down today, can you cover the remaining {A} next month?",
        "clause": "If you pay {P} today, the other {A} can wait until the end of the month.",
        "two": "The balance is {T}; after a {P} payment you'd have {A} left.",
    },
    "partial": {
        "before": "A partial payment of {A} works.",
        "after": "{A} today would be a good start.",
        "verb": "Can you pay {A} today?",
        "question": "Would {A} today be doable?",
        "clause": "If you can send {A} today, I'll note it on the account.",
        "two": "The balance is {T}, but you could start with {A} today.",
    },
    "months": {
        "before": "The plan can run {A} months.",
        "after": "{A} months, that's an option.",
        "verb": "We can split it over {A} months.",
        "question": "Would {A} months work for you?",
        "clause": "If you spread it over {A} months, the payments are smaller.",
        "two": "The balance is {T}, and we can spread it over {A} months.",
    },
    "days_overdue": {
        "before": "Days past due: {A}.",
        "after": "{A} now without a payment.",
        "verb": "The account is {A} past due.",
        "question": "Did you know it's {A} past due?",
        "clause": "Because it's been {A} since the due date, interest keeps adding up.",
        "two": "It was due {D} and it's now {A} late.",
    },
    "due_date": {
        "before": "The due date was {A}.",
        "after": "{A} was the last day to pay.",
        "verb": "The payment was due {A}.",
        "question": "Do you remember the payment was due {A}?",
        "clause": "Since it was due {A}, the account is past due now.",
        "two": "It was due {A}, so it's {K} days past due.",
    },
    "promised_date": {
        "before": "So the payment date is {A}, right?",
        "after": "{A}, that's when you'll pay?",
        "verb": "You'll pay it {A}.",
        "question": "Can you have it paid by {A}?",
        "clause": "If you pay by {A}, I'll hold the account.",
        "two": "The balance is {T}, paid in full by {A}.",
    },
}
ZH_WEEKDAYS = "一二三四五六日"
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Said:
    """A figure as said: the words, and whether they name a range (an approximation)."""

    text: str
    approx: bool = False


Render = Callable[[Decimal], Said | None]


def _zh_forms() -> dict[str, Render]:
    def digits(v: Decimal) -> Said:
        return Said(f"{v.normalize():f}" + ("元" if v == int(v) else ""))

    def sep(v: Decimal) -> Said:
        return Said(f"{v:,.2f}元")

    def wan(v: Decimal) -> Said | None:
        exact = cn_wan(v)
        if exact:
            return Said(exact[0])
        if v < 10000:
            return None
        near = approx_near(v) / 10000
        return Said(f"{near.normalize():f}万左右", True)

    def wan_mix(v: Decimal) -> Said | None:
        text = cn_wan_mix(v)
        return Said(text) if text else None

    def kuai(v: Decimal) -> Said:
        return Said(cn_kuai(v, fen=False))

    def yuan(v: Decimal) -> Said:
        return Said(cn_kuai(v, yuan=True))

    def caps(v: Decimal) -> Said:
        return Said(cn_kuai(v, caps=True))

    def elided(v: Decimal) -> Said | None:
        text = cn_elided(v)
        return Said(text) if text else None

    def kuai_digits(v: Decimal) -> Said:
        whole = int(v)
        cents = int((v - whole) * 100)
        if not cents:
            return Said(f"{whole}块")
        if cents % 10 == 0:
            return Said(f"{whole}块{cents // 10}")
        return Said(f"{whole}块{cents // 10}毛{cents % 10}")

    def duo(v: Decimal) -> Said | None:
        floor = approx_floor(v)
        if floor == v or v < 100:
            return None
        return Said(cn_int(int(floor)) + "多", True)

    def about(v: Decimal) -> Said | None:
        near = approx_near(v)
        if near == v or v < 100:
            return None
        return Said(f"大概{near}块左右", True)

    def dropped(v: Decimal) -> Said | None:
        if v == int(v):
            return None
        return Said(f"{floor_unit(v)}块")

    return {
        "digits": digits,
        "sep": sep,
        "wan": wan,
        "wan_mix": wan_mix,
        "kuai_mao": kuai,
        "yuan_jiao": yuan,
        "daxie": caps,
        "elided": elided,
        "kuai_digits": kuai_digits,
        "approx_duo": duo,
        "approx_about": about,
        "cents_dropped": dropped,
    }


def _en_forms() -> dict[str, Render]:
    def digits(v: Decimal) -> Said:
        return Said(f"${v.normalize():f}" if v != int(v) else f"${int(v)}")

    def sep(v: Decimal) -> Said:
        return Said(f"${v:,.2f}")

    def words(v: Decimal) -> Said:
        return Said(en_words(v))

    def hundreds(v: Decimal) -> Said | None:
        text = en_hundreds(v)
        return Said(text) if text else None

    def mixed(v: Decimal) -> Said:
        return Said(en_mixed(v))

    def pairs(v: Decimal) -> Said | None:
        text = en_pairs(v)
        return Said(text) if text else None

    def k(v: Decimal) -> Said | None:
        text = en_k(v)
        if text:
            return Said(text)
        if v < 1000:
            return None
        near = approx_near(v) / 1000
        return Said(f"about ${near.normalize():f}k", True)

    def bucks(v: Decimal) -> Said:
        return Said(f"{int(v):,} bucks")

    def about(v: Decimal) -> Said | None:
        near = approx_near(v)
        if near == v or v < 100:
            return None
        return Said(f"about ${int(near):,}", True)

    def over(v: Decimal) -> Said | None:
        floor = approx_floor(v)
        if floor == v or v < 100:
            return None
        return Said(f"just over ${int(floor):,}", True)

    return {
        "digits": digits,
        "sep": sep,
        "words": words,
        "hundreds": hundreds,
        "mixed": mixed,
        "pairs": pairs,
        "k": k,
        "bucks": bucks,
        "approx_about": about,
        "approx_over": over,
    }


FORMS: dict[str, dict[str, Render]] = {"zh": _zh_forms(), "en": _en_forms()}


def zh_date(d: date, form: str) -> str:
    return {
        "digits": f"{d.month}月{d.day}号",
        "ri": f"{d.month}月{d.day}日",
        "chars": f"{cn_int(d.month, liang=False)}月{cn_int(d.day, liang=False)}号",
        "dot": f"{d.month}.{d.day}",
        "slash": f"{d.month}/{d.day}",
        "year": f"{d.year}年{d.month}月{d.day}日",
    }[form]


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def en_date(d: date, form: str) -> str:
    month = EN_MONTHS[d.month - 1]
    return {
        "digits": f"{month} {d.day}",
        "ri": f"{month[:3]}. {_ordinal(d.day)}",
        "chars": f"the {_ordinal(d.day)} of {month}",
        "dot": f"{d.day} {month}",
        "slash": f"{d.month}/{d.day}",
        "year": f"{month} {d.day}, {d.year}",
    }[form]


DATE_FORMS = ("digits", "ri", "chars", "dot", "slash", "year")
COUNT_FORMS = ("digits", "words", "approx")


@dataclass(frozen=True)
class Line:
    scenario: str
    lang: str
    role: str
    position: str
    form: str
    slip: str
    text: str

    @property
    def wrong(self) -> bool:
        return self.slip != "right"

    @property
    def cell(self) -> str:
        return f"{self.role}/{self.position}/{self.form}/{self.lang}"


def _digit_slip(v: Decimal, lead: bool) -> Decimal:
    """One digit of the whole part off by one (the leading digit for approximations)."""
    whole = str(int(v))
    at = 0 if lead or len(whole) < 3 else 1
    d = int(whole[at])
    new = d + 1 if d < 9 else d - 1
    slipped = whole[:at] + str(new) + whole[at + 1 :]
    return Decimal(slipped) + (v - int(v))


def _role_values(ledger: Ledger) -> dict[str, Decimal]:
    values = ledger_quantities(ledger)
    if ledger.plans:
        values["instalment"] = ledger.plans[-1].monthly_payment(ledger.overdue_total)
    values["partial"] = partial_payment(ledger)
    values["remainder"] = money(ledger.overdue_total - values["partial"])
    return {k: v for k, v in values.items() if v > 0}


def partial_payment(ledger: Ledger) -> Decimal:
    """A round first payment a collector would propose: about a third of the total."""
    third = ledger.overdue_total / 3
    step = Decimal(1000) if third >= 2000 else Decimal(100)
    return max(step, (third // step) * step)


SWAPS = {
    "total": "principal",
    "principal": "total",
    "interest": "late_fee",
    "late_fee": "interest",
    "minimum": "total",
    "instalment": "no_fee",
    "remainder": "total",
}


def _wrong(
    role: str, slip: str, values: dict[str, Decimal], ledger: Ledger, lead: bool
) -> Decimal | None:
    v = values[role]
    if slip == "digit":
        return _digit_slip(v, lead)
    if slip == "decimal":
        return money(v / 10) if v >= 10000 else money(v * 10)
    swap = SWAPS.get(role)
    if swap == "no_fee":
        plan = ledger.plans[-1]
        other = money(ledger.overdue_total / plan.months)
        return other if other != v else None
    return values.get(swap) if swap else None


def _others(values: dict[str, Decimal], lang: str, ledger: Ledger) -> dict[str, str]:
    def say(v: Decimal) -> str:
        return f"{v}元" if lang == "zh" else f"${v:,.2f}"

    months = ledger.plans[-1].months if ledger.plans else 0
    return {
        "T": say(values["total"]),
        "P": say(values["partial"]),
        "I": say(ledger.interest),
        "N": str(months),
        "K": str(ledger.days_overdue),
    }


def amount_lines(sc: Scenario) -> Iterator[Line]:
    ledger, lang = sc.ledger, sc.lang
    values = _role_values(ledger)
    templates = ZH if lang == "zh" else EN
    others = _others(values, lang, ledger)
    for role in AMOUNT_ROLES:
        if role not in values or (role == "instalment" and not ledger.plans):
            continue
        for position in POSITIONS:
            template = templates[role][position]
            fill = dict(others)
            if role in {"total", "interest"}:  # their templates name the principal as {P}
                fill["P"] = f"{ledger.principal}元" if lang == "zh" else f"${ledger.principal:,.2f}"
            for form, render in FORMS[lang].items():
                for slip in SLIPS:
                    if role == "partial" and slip != "right":
                        continue
                    said = _value_said(role, slip, values, ledger, render)
                    if said is None:
                        continue
                    text = template.format(A=said.text, **fill)
                    yield Line(sc.id, lang, role, position, form, slip, text)


def _value_said(
    role: str, slip: str, values: dict[str, Decimal], ledger: Ledger, render: Render
) -> Said | None:
    truth = values[role]
    right = render(truth)
    if right is None:
        return None
    if slip == "right":
        return right
    wrong = _wrong(role, slip, values, ledger, right.approx)
    if wrong is None or wrong == truth:
        return None
    said = render(wrong)
    if said is None or said.text == right.text:
        return None
    if said.approx and abs(wrong - truth) / truth < Decimal("0.1"):
        return None  # an approximation only claims its range: a near slip is still right
    return said


def _count_said(n: int, form: str, lang: str, kind: str) -> str | None:
    unit_zh = "天" if kind == "days" else ""
    if form == "digits":
        return f"{n}{unit_zh}" if lang == "zh" else (f"{n} days" if kind == "days" else str(n))
    if form == "words":
        if lang == "zh":
            return cn_int(n, liang=False) + unit_zh
        return f"{en_int(n)} days" if kind == "days" else en_int(n)
    if kind != "days" or n < 60:
        return None
    months = n // 30
    if lang == "zh":
        return f"{CN_DIGITS[months] if months < 10 else months}个多月"
    return f"over {en_int(months)} months"


def count_lines(sc: Scenario) -> Iterator[Line]:
    ledger, lang = sc.ledger, sc.lang
    templates = ZH if lang == "zh" else EN
    values = _role_values(ledger)
    others = _others(values, lang, ledger)
    others["D"] = (
        zh_date(ledger.due_date, "digits") if lang == "zh" else en_date(ledger.due_date, "digits")
    )
    offered = {p.months for p in ledger.plans}
    for position in POSITIONS:
        for form in COUNT_FORMS:
            if offered:
                right_n = max(offered)
                wrong_n = next(n for n in (5, 9, 18, 10, 4) if n not in offered)
                for slip, n in (("right", right_n), ("digit", wrong_n)):
                    said = _count_said(n, form, lang, "months")
                    if said:
                        text = templates["months"][position].format(A=said, **others)
                        yield Line(sc.id, lang, "months", position, form, slip, text)
            days = ledger.days_overdue
            wrong_days = (days + 30, days + 10) if form == "approx" else (days + 1, days * 10)
            for slip, n in (("right", days), ("digit", wrong_days[0]), ("decimal", wrong_days[1])):
                said = _count_said(n, form, lang, "days")
                if said and (slip == "right" or said != _count_said(days, form, lang, "days")):
                    text = templates["days_overdue"][position].format(A=said, **others)
                    yield Line(sc.id, lang, "days_overdue", position, form, slip, text)


def _weekday_phrase(today: date, lang: str) -> tuple[str, date]:
    """下周五 / next Friday and the date it names (the Friday of next week)."""
    monday_next = today + timedelta(days=7 - today.weekday())
    friday = monday_next + timedelta(days=4)
    return ("下周五" if lang == "zh" else "next Friday"), friday


def date_lines(sc: Scenario) -> Iterator[Line]:
    ledger, lang = sc.ledger, sc.lang
    templates = ZH if lang == "zh" else EN
    values = _role_values(ledger)
    others = _others(values, lang, ledger)
    render = zh_date if lang == "zh" else en_date
    today = sc.call.local_time.date()
    due = ledger.due_date
    due_wrong = {
        "digit": due + timedelta(days=1),
        "decimal": due.replace(day=min(due.day, 28)) + timedelta(days=30),
    }
    phrase, friday = _weekday_phrase(today, lang)
    for position in POSITIONS:
        for form in DATE_FORMS:
            for slip in ("right", "digit", "decimal"):
                day = due if slip == "right" else due_wrong[slip]
                text = templates["due_date"][position].format(A=render(day, form), **others)
                yield Line(sc.id, lang, "due_date", position, form, slip, text)
            # A promise: the weekday phrase with the date it names, or a date a day off.
            for slip, day in (("right", friday), ("digit", friday + timedelta(days=1))):
                sep = "，也就是" if lang == "zh" else ", "
                said = f"{phrase}{sep}{render(day, form)}"
                text = templates["promised_date"][position].format(A=said, **others)
                yield Line(sc.id, lang, "promised_date", position, form, slip, text)


def scenarios() -> list[Scenario]:
    return [resolve(str(path)).scenario for path in scenario_files(None)]


def all_lines() -> list[Line]:
    lines: list[Line] = []
    for sc in scenarios():
        lines += [*amount_lines(sc), *count_lines(sc), *date_lines(sc)]
    return lines


def sample(lines: list[Line], n: int, seed: int) -> list[Line]:
    """Every (role, position, form, lang) cell keeps at least one line of each verdict, then
    the rest is drawn at random: a fixed seed gives the same lines every run."""
    rng = random.Random(seed)
    by_cell: dict[tuple[str, bool], list[Line]] = defaultdict(list)
    for line in lines:
        by_cell[(line.cell, line.wrong)].append(line)
    chosen = [rng.choice(group) for _, group in sorted(by_cell.items())]
    taken = set(chosen)
    rest = [line for line in lines if line not in taken]
    extra = max(0, n - len(chosen))
    return chosen + rng.sample(rest, min(extra, len(rest)))


def flagged(line: Line, cache: dict[str, Scenario]) -> bool:
    sc = cache[line.scenario]
    analysis = analyze(line.text, sc.lang, sc.call.local_time.date())
    return any(f.rule.startswith("ACC-") for f in check_line(analysis, sc.ledger, 1))


def miss_table(results: list[tuple[Line, bool]], key: Callable[[Line], str], title: str) -> None:
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for line, hit in results:
        s = stats[key(line)]
        if line.wrong:
            s[0] += 1
            s[1] += not hit
        else:
            s[2] += 1
            s[3] += hit
    print(f"\n| {title} | wrong | missed | right | flagged |")
    print("|---|---|---|---|---|")
    for name, (w, m, r, f) in sorted(stats.items()):
        miss = f"{m / w:.2f}" if w else "-"
        flag = f"{f / r:.2f}" if r else "-"
        print(f"| {name} | {w} | {miss} | {r} | {flag} |")


def main() -> None:
    parser = argparse.ArgumentParser(prog="accuracy_grid.py")
    parser.add_argument("--lines", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--cells", type=int, default=30, help="worst full cells to list")
    parser.add_argument("--show", default="", help="list one cell's (or a prefix's) misses")
    args = parser.parse_args()
    cache = {sc.id: sc for sc in scenarios()}
    lines = sample(all_lines(), int(args.lines), int(args.seed))
    if args.show:
        lines = [line for line in all_lines() if line.cell.startswith(str(args.show))]
    results = [(line, flagged(line, cache)) for line in lines]
    if args.show:
        for line, hit in results:
            if hit != line.wrong:
                print(f"{line.slip:8} {line.scenario}: {line.text}")
        return
    wrong = [hit for line, hit in results if line.wrong]
    right = [hit for line, hit in results if not line.wrong]
    print(
        f"{len(results)} lines: wrong caught {sum(wrong) / len(wrong):.3f}, "
        f"right flagged {sum(right) / len(right):.3f}"
    )
    for lang in ("zh", "en"):
        part = [(line, hit) for line, hit in results if line.lang == lang]
        miss_table(part, lambda line: line.role, f"role ({lang})")
        miss_table(part, lambda line: line.position, f"position ({lang})")
        miss_table(part, lambda line: line.form, f"form ({lang})")
    miss_table(results, lambda line: line.slip, "slip")
    cells: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line, hit in results:
        cells[line.cell][0] += 1
        cells[line.cell][1] += hit != line.wrong
    worst = sorted(cells.items(), key=lambda kv: (-kv[1][1] / kv[1][0], kv[0]))
    print("\n| worst cells (role/position/form/lang) | lines | scored wrongly |\n|---|---|---|")
    for cell, (n, bad) in worst[: int(args.cells)]:
        if bad:
            print(f"| {cell} | {n} | {bad} |")


if __name__ == "__main__":
    main()
