"""Accuracy: every figure a trainee says is checked against the ledger, however it is said.

`figures` reads what each amount is (its role, from labels before or after it, verbs and the
other figures of the line); here each role is compared with the ledger quantity it names:

* a ledger figure (total, principal, interest, late fee, minimum payment; a compound such as
  本金加利息) must be that figure, to the cent; an approximation said as such (四万多, about
  $2,500) must cover it; a round figure said as exact (五千二) is imprecise, a minor finding;
* an instalment must be a plan's (Plan.monthly_payment, with its fee rate) on the total, on
  what remains after a partial payment said in the line, or after a waiver; a remainder must be
  the total less the payment said before it;
* a waiver, a total after a waiver and a settlement must stay within the ledger's relief;
* an amount that names nothing is right when it is a ledger quantity or a payment no larger
  than the debt; a figure above the debt, or a precise one next to a ledger figure, is wrong;
* dates: the due date, days overdue, and dates said against the call's own calendar (明天 /
  next Friday next to the date it is, a promise date already past); plans beyond the ledger's.

Every finding names the figure, its role as read and the right value, in zh and en.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from scoring.analysis import MAX_ANALYSED_CHARS, Analysis
from scoring.entities import AmountMention, CountMention, DateMention, fold
from scoring.figures import FigureReading, LineFigures, Role, read_figures
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import CENT, Ledger, Plan, money, same_amount
from scoring.taxonomy import Severity

# A round figure close to the truth ("五千二" for 5,230.50) is imprecise, not wrong; a
# precise-looking wrong figure (5,320.50) is wrong.
_IMPRECISE_SHARE = Decimal("0.02")
# A figure that names nothing but sits this close to a ledger figure, precise to the yuan or
# cent, is that figure misquoted ("¥5,320.50" for ¥5,230.50), not a payment.
_MISQUOTE_SHARE = Decimal("0.10")

_ROLE_NAMES: dict[str, tuple[str, str]] = {
    "total": ("逾期总额", "the total"),
    "principal": ("本金", "the principal"),
    "interest": ("利息", "the interest"),
    "late_fee": ("滞纳金", "the late fee"),
    "minimum": ("最低还款额", "the minimum payment"),
    "monthly": ("每期还款额", "the monthly payment"),
    "plan_fee": ("分期手续费", "the plan fee"),
    "after_waiver": ("减免后应还金额", "the total after the waiver"),
    "remainder": ("剩余金额", "the remainder"),
    "due": ("应还金额", "the amount due"),
    "partial": ("逾期总额", "the total"),
    "pay": ("逾期总额", "the total"),
}
_PART_NAMES: dict[str, tuple[str, str]] = {
    "principal": ("本金", "principal"),
    "interest": ("利息", "interest"),
    "late_fee": ("滞纳金", "late fee"),
    "plan_fee": ("手续费", "plan fee"),
}


def _symbol(ledger: Ledger) -> str:
    return "¥" if ledger.currency == "CNY" else "$"


def _fmt(value: Decimal, ledger: Ledger) -> str:
    return f"{_symbol(ledger)}{money(value):,.2f}"


def _fmt_said(mention: AmountMention, ledger: Ledger) -> tuple[str, str]:
    """The figure as said, formatted, in zh and en: "¥8,888", "约¥20,000", "about $300"."""
    value = mention.value
    shown = (
        f"{_symbol(ledger)}{value:,.2f}"
        if value != int(value)
        else f"{_symbol(ledger)}{int(value):,}"
    )
    zh = {
        "about": f"约{shown}",
        "over": f"{shown}多",
        "under": f"不到{shown}",
        "near": f"将近{shown}",
    }
    en = {
        "about": f"about {shown}",
        "over": f"over {shown}",
        "under": f"under {shown}",
        "near": f"almost {shown}",
    }
    return zh.get(mention.approx, shown), en.get(mention.approx, shown)


def _finding(
    turn: int | None,
    rule: str,
    severity: Severity,
    quote: str,
    evidence: str,
    message: Bilingual,
    suggestion: Bilingual,
) -> Finding:
    return Finding(
        turn=turn,
        dimension="accuracy",
        rule=rule,
        category="false_amount_or_fees" if severity != "minor" else None,
        severity=severity,
        quote=quote,
        evidence=evidence,
        message=message,
        suggestion=suggestion,
        citation="Scenario ledger / 账户信息",
    )


# --------------------------------------------------------------------------------------------
# What the ledger allows, and what the line itself says (plans, payments, waivers)
# --------------------------------------------------------------------------------------------

_FEE_WORDS = re.compile(r"手续费|费率|不含|本金部分|fee|before\s+fees|plus")
_PLAN_WORDS = re.compile(r"分期|期|plan|install?ment|monthly|a\s+month|per\s+month|payments")


@dataclass(frozen=True, slots=True)
class Expected:
    """One reading of a figure: the ledger values it may be, the one to name when it is none."""

    role: str
    values: tuple[Decimal, ...]
    right: Decimal
    zh: str  # what the right value is, in words: "逾期总额", "分12期的每期还款额"
    en: str


class _Facts:
    """The ledger's quantities and the line's own figures, computed once per line."""

    def __init__(self, ledger: Ledger, analysis: Analysis, line: LineFigures) -> None:
        self.ledger = ledger
        self.line = line
        self.total = ledger.overdue_total
        self.known = ledger.known_amounts()
        self.counts = [c.value for c in analysis.counts if c.kind == "instalments"]
        low = line.low
        self.fee_words = bool(_FEE_WORDS.search(low))
        self.plan_talk = bool(self.counts) or bool(_PLAN_WORDS.search(low))
        relief = ledger.relief
        self.max_interest = money(ledger.interest * relief.max_waive_interest)
        self.max_fee = money(ledger.late_fee * relief.max_waive_late_fee)
        self.max_waiver = self.max_interest + self.max_fee
        waivers = {w for w in (self.max_interest, self.max_fee, self.max_waiver) if w > 0}
        self.waivers_said = [
            r.mention.value
            for r in line.figures
            if r.roles[:1] == ("waiver",) and not r.mention.approx
        ]
        waivers.update(w for w in self.waivers_said if 0 < w <= self.max_waiver)
        self.after_waiver = sorted(money(self.total - w) for w in waivers)

    def plans(self) -> list[Plan]:
        chosen = [p for p in self.ledger.plans if p.months in self.counts]
        return chosen or list(self.ledger.plans)

    def payments_before(self, reading: FigureReading) -> list[Decimal]:
        """Partial payments said before this figure in the line."""
        return [
            r.mention.value
            for r in self.line.figures
            if r.mention.end <= reading.mention.start
            and r.roles[:1] in ((), ("partial",), ("pay",), ("minimum",))
            and not r.skip
            and not r.mention.approx
            and r.mention.value < self.total
        ]

    def remainders_before(self, reading: FigureReading) -> list[Decimal]:
        return [
            r.mention.value
            for r in self.line.figures
            if r.mention.end <= reading.mention.start and "remainder" in r.roles[:1]
        ]

    def bases(self, reading: FigureReading) -> list[Decimal]:
        """What a plan may be on: the total, what remains after a payment or a waiver."""
        bases = [self.total, *self.after_waiver]
        bases += self.remainders_before(reading)
        paid = self.payments_before(reading)
        if paid:
            bases += [money(b - sum(paid)) for b in (self.total, *self.after_waiver)]
            bases += [money(self.total - p) for p in paid]
        return [b for b in dict.fromkeys(bases) if b > 0]

    def monthly(self, reading: FigureReading) -> Expected:
        values: list[Decimal] = []
        bases = self.bases(reading)
        plans = self.plans()
        for plan in plans:
            for base in bases:
                values.append(plan.monthly_payment(base))
                if self.fee_words or plan.fee_rate == 0:
                    values.append(money(base / plan.months))
        for n in self.counts:
            if n >= 2 and all(p.months != n for p in self.ledger.plans):
                values += [money(b / n) for b in bases]  # a plan not offered: ACC-PLAN says so
        if not plans:
            return Expected("monthly", tuple(values), self.total, "逾期总额", "the total")
        value = reading.mention.value
        plan = min(plans, key=lambda p: abs(p.monthly_payment(self.total) - value))
        right = plan.monthly_payment(self.total)
        return Expected(
            "monthly",
            tuple(values),
            right,
            f"分{plan.months}期的每期还款额",
            f"the monthly payment on the {plan.months}-month plan",
        )

    def plan_fee(self) -> Expected:
        values: list[Decimal] = []
        for plan in self.plans():
            values += [money(self.total * plan.fee_rate), plan.total_fee(self.total)]
        right = values[0] if values else Decimal(0)
        return Expected("plan_fee", tuple(values), right, "分期手续费", "the plan fee")

    def ledger_values(self) -> list[Decimal]:
        """Every quantity the account has, and those the line derives from it."""
        values = list(self.known.values())
        values += self.after_waiver
        for plan in self.ledger.plans:
            values += [
                money(self.total * plan.fee_rate),
                money(self.total + plan.total_fee(self.total)),
            ]
        return values

    def expected(self, role: str, reading: FigureReading) -> Expected | None:
        ledger, total = self.ledger, self.total
        if role == "total":
            values = [total]
            if self.plan_talk:
                values += [money(total + p.total_fee(total)) for p in self.plans()]
            return Expected("total", tuple(values), total, "逾期总额", "the total")
        if role in ("principal", "interest", "late_fee"):
            value = {"principal": ledger.principal, "interest": ledger.interest}.get(
                role, ledger.late_fee
            )
            zh, en = _ROLE_NAMES[role]
            return Expected(role, (value,), value, zh, en)
        if role == "minimum":
            if ledger.minimum_payment is None:
                # No minimum payment on this account: a plan's instalment may be meant.
                return Expected(
                    role,
                    tuple(p.monthly_payment(total) for p in ledger.plans),
                    total,
                    "该账户没有最低还款额，逾期总额",
                    "this account has no minimum payment; the total",
                )
            value = ledger.minimum_payment
            return Expected(role, (value,), value, "最低还款额", "the minimum payment")
        if role == "monthly":
            return self.monthly(reading)
        if role == "plan_fee":
            return self.plan_fee() if ledger.plans else None
        if role == "after_waiver":
            after = tuple(self.after_waiver) or (total,)
            return Expected(role, after, after[0], "减免后应还金额", "the total after the waiver")
        if role == "remainder":
            paid = self.payments_before(reading)
            if not paid:
                return None  # a remainder of a payment said elsewhere: checked against the total
            bases = [total, *self.after_waiver]
            values = [money(b - sum(paid)) for b in bases] + [money(total - p) for p in paid]
            right = money(total - sum(paid))
            paid_s = " + ".join(_fmt(p, ledger) for p in paid)
            return Expected(
                role,
                tuple(values),
                right,
                f"还{paid_s}后的剩余金额",
                f"the remainder after {paid_s}",
            )
        if role == "due":
            values = [total, *self.after_waiver]
            if ledger.minimum_payment is not None:
                values.append(ledger.minimum_payment)
            values += [p.monthly_payment(b) for p in self.ledger.plans for b in self.bases(reading)]
            paid = self.payments_before(reading)
            values += [money(total - sum(paid))] if paid else []
            return Expected("due", tuple(values), total, "逾期总额", "the total")
        return None


def _fits(mention: AmountMention, values: Iterable[Decimal]) -> bool:
    if mention.approx:
        return any(mention.covers(v) for v in values)
    return any(same_amount(mention.value, v) for v in values)


def _compound_expected(parts: tuple[Role, ...], ledger: Ledger) -> Expected:
    values = {
        "principal": ledger.principal,
        "interest": ledger.interest,
        "late_fee": ledger.late_fee,
    }
    total = money(sum((values.get(p, Decimal(0)) for p in parts), Decimal(0)))
    zh = "加".join(_PART_NAMES[p][0] for p in parts)
    en = " + ".join(_PART_NAMES[p][1] for p in parts)
    return Expected("compound", (total,), total, zh, en)


def _amount_finding(
    turn: int | None,
    analysis: Analysis,
    reading: FigureReading,
    expected: Expected,
    ledger: Ledger,
) -> Finding:
    mention = reading.mention
    right = _fmt(expected.right, ledger)
    said_zh, said_en = _fmt_said(mention, ledger)
    rounded = (
        not mention.approx
        and mention.value % 100 == 0
        and expected.right % 100 != 0
        and abs(mention.value - expected.right) <= expected.right * _IMPRECISE_SHARE
    )
    if rounded:
        return _finding(
            turn,
            "ACC-AMOUNT-IMPRECISE",
            "minor",
            analysis.text,
            mention.raw,
            Bilingual(
                zh=f"“{mention.raw}”（{said_zh}）不够准确：{expected.zh}是 {right}。",
                en=f"“{mention.raw}” ({said_en}) is rounded: {expected.en} is {right}.",
            ),
            Bilingual(
                zh=f"报金额要精确到分：“{right}”。", en=f"Quote the exact figure: “{right}”."
            ),
        )
    return _finding(
        turn,
        "ACC-AMOUNT",
        "major",
        analysis.text,
        mention.raw,
        Bilingual(
            zh=f"{said_zh}（“{mention.raw}”）与账户不符：{expected.zh}是 {right}。",
            en=f"{said_en} (“{mention.raw}”) is not on this account: {expected.en} is {right}.",
        ),
        Bilingual(zh=f"{expected.zh}是 {right}。", en=f"{expected.en.capitalize()} is {right}."),
    )


def _relief_finding(
    turn: int | None, analysis: Analysis, evidence: str, zh: str, en: str, ledger: Ledger
) -> Finding:
    allowed_zh, allowed_en = _relief_allowed(ledger)
    return _finding(
        turn,
        "ACC-RELIEF",
        "major",
        analysis.text,
        evidence,
        Bilingual(
            zh=f"{zh}超出该账户的减免权限（{allowed_zh}）。",
            en=f"{en} is beyond this account's relief ({allowed_en}).",
        ),
        Bilingual(
            zh=f"只承诺账户允许的减免：{allowed_zh}；更多须报批。",
            en=f"Offer only the relief the account allows: {allowed_en}; more needs approval.",
        ),
    )


def _relief_allowed(ledger: Ledger) -> tuple[str, str]:
    relief = ledger.relief
    zh: list[str] = []
    en: list[str] = []
    if relief.max_waive_interest and ledger.interest:
        cap = money(ledger.interest * relief.max_waive_interest)
        zh.append(f"利息最多减免 {_fmt(cap, ledger)}")
        en.append(f"up to {_fmt(cap, ledger)} of interest")
    if relief.max_waive_late_fee and ledger.late_fee:
        cap = money(ledger.late_fee * relief.max_waive_late_fee)
        zh.append(f"滞纳金最多减免 {_fmt(cap, ledger)}")
        en.append(f"up to {_fmt(cap, ledger)} of the late fee")
    return ("，".join(zh) or "不可减免", ", ".join(en) or "no waiver at all")


def _line(analysis: Analysis) -> LineFigures:
    mentions = [*analysis.amounts, *analysis.approximate]
    return read_figures(analysis.text[:MAX_ANALYSED_CHARS], mentions)


def check_amounts(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """Every amount against the ledger quantity its role names."""
    return _check_amounts(_line(analysis), analysis, ledger, turn)


def _check_amounts(
    line: LineFigures, analysis: Analysis, ledger: Ledger, turn: int | None
) -> list[Finding]:
    if not line.figures:
        return []
    facts = _Facts(ledger, analysis, line)
    findings: list[Finding] = []
    for reading in line.figures:
        finding = _check_figure(reading, facts, analysis, turn)
        if finding is not None:
            findings.append(finding)
    return findings


def _check_figure(
    reading: FigureReading, facts: _Facts, analysis: Analysis, turn: int | None
) -> Finding | None:
    ledger, total = facts.ledger, facts.total
    mention = reading.mention
    if reading.skip or "other" in reading.roles[:1]:
        return None
    value = mention.value
    roles = reading.roles
    # Everything this figure may rightly be, by its roles and the labels of its sentence.
    readings: list[Expected] = []
    if reading.compound:
        readings.append(_compound_expected(reading.compound, ledger))
    for role in roles:
        if role in ("waiver", "settlement", "partial", "pay", "other"):
            continue
        expected = facts.expected(role, reading)
        if expected is not None:
            readings.append(expected)
    topical = [facts.expected(t, reading) for t in reading.topics if t not in roles]
    lenient = [e for e in topical if e is not None]
    if any(_fits(mention, e.values) for e in (*readings, *lenient)):
        return None
    primary = roles[0] if roles else None

    if primary == "waiver":
        return None  # the amount waived is checked with the waiver (check_relief)
    if primary == "settlement" or (primary == "after_waiver" and readings):
        low_end = money(total - facts.max_waiver)
        if value < low_end - CENT and not mention.approx:
            said_zh, said_en = _fmt_said(mention, ledger)
            return _relief_finding(
                turn,
                analysis,
                mention.raw,
                f"减免后只还{said_zh}（至少应还 {_fmt(low_end, ledger)}）",
                f"Settling for {said_en} (at least {_fmt(low_end, ledger)} is owed after relief)",
                ledger,
            )
        if primary == "settlement":
            return None
    if primary in ("partial", "pay") or (primary is None and not readings):
        if _fits(mention, facts.ledger_values()):
            return None
        ceiling = max([total, *(total + p.total_fee(total) for p in ledger.plans)])
        over = value > ceiling if mention.approx else value > ceiling + CENT
        if over:
            return _amount_finding(
                turn, analysis, reading, facts.expected("total", reading) or _never(), ledger
            )
        if primary is None and _misquote(mention, facts):
            nearest = min(facts.ledger_values(), key=lambda v: abs(v - value))
            name = next((k for k, v in facts.known.items() if v == nearest), "overdue_total")
            zh, en = _known_name(name)
            return _amount_finding(
                turn, analysis, reading, Expected("misquote", (nearest,), nearest, zh, en), ledger
            )
        return None
    if not readings:
        return None
    return _amount_finding(turn, analysis, reading, readings[0], ledger)


def _never() -> Expected:  # pragma: no cover - "total" always has an expectation
    raise AssertionError("no expectation for the total")


def _known_name(name: str) -> tuple[str, str]:
    if name in _ROLE_NAMES:
        return _ROLE_NAMES[name]
    if name == "minimum_payment":
        return _ROLE_NAMES["minimum"]
    if name.startswith("plan_") and name.endswith("_monthly"):
        months = name.split("_")[1]
        return f"分{months}期的每期还款额", f"the monthly payment on the {months}-month plan"
    if name.startswith("plan_"):
        return _ROLE_NAMES["plan_fee"]
    return _ROLE_NAMES["total"]


def _misquote(mention: AmountMention, facts: _Facts) -> bool:
    """A figure precise to the yuan or the cent, next to a ledger figure but not it."""
    value = mention.value
    if mention.approx or value % 10 == 0:
        return False
    return any(
        abs(value - v) <= v * _MISQUOTE_SHARE and not same_amount(value, v)
        for v in facts.ledger_values()
        if v >= 100
    )


# --------------------------------------------------------------------------------------------
# Relief offered without an amount: "利息可以全免", "we can waive the late fee"
# --------------------------------------------------------------------------------------------

_COMPONENTS_ZH = {
    "interest": re.compile(r"利息|罚息"),
    "late_fee": re.compile(r"滞纳金|违约金|逾期费|罚金"),
}
_COMPONENTS_EN = {
    "interest": re.compile(r"\binterest\b(?!\s+rate)"),
    "late_fee": re.compile(r"\blate\s+(?:fees?|charges?)|\bfees?\b|\bpenalt(?:y|ies)\b"),
}
_WAIVE_RE = re.compile(
    r"减免|免除|免掉|免去|全免|免了|豁免|减掉|减一半|减半|少收|不收|不用还|不用付|(?<![以避难不])免(?![费得])"
    r"|打(?:[一二三四五六七八九]|[1-9])折"
    r"|\bwaiv\w*|\bforgiv\w*|\bremov\w*|\bdrop\w*|\beliminat\w*"
    r"|\b(?:take|knock)\w*\s+(?:\S+\s+){0,5}off\b|\bwrite\s+off|\bwipe\w*"
)
_REFUSED = re.compile(
    r"不能|不可以|不可能|没法|无法|没办法|不行|不会|不予|不给|没有权限|做不到|不允许|不支持"
    r"|\bcan'?t\b|\bcannot\b|\bcan\s+not\b|\bunable\b|\bwon'?t\b|\bwill\s+not\b|\bnot\s+able\b"
    r"|\bdon'?t\b|\bdo\s+not\b|\bno\s+way\b|\bnot\s+possible\b|\bisn'?t\s+possible\b|\bnot\b"
)
_ESCALATED = re.compile(
    r"申请|上报|请示|报批|帮您问|帮你问|审批|审核|争取|反映|问一下|核实"
    r"|\brequest\w*|\bsubmit\w*|\bapply\w*|\bask\s+(?:my|a|the)\s+(?:supervisor|manager|team)"
    r"|\bcheck\s+with|\bsee\s+if\b|\bescalat\w*"
)
_FRACTION_ZH = re.compile(
    r"全部|全额|全免|所有|都免|(?P<half>一半|减半|半数|对半)|百分之(?P<pct_cn>[0-9一二三四五六七八九十]+)"
    r"|(?P<pct>[0-9]{1,3})\s*%|(?P<tenths>[一二三四五六七八九]|[1-9])成|打(?P<zhe>[一二三四五六七八九]|[1-9])折"
)
_FRACTION_EN = re.compile(
    r"\b(?:all|entire|full|whole|completely|fully|every)\b|(?P<half>\bhalf\b)|(?P<pct>[0-9]{1,3})\s*(?:%|percent\b)"
)
_CN_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _components(sentence: str) -> set[str]:
    named = {k for k, rx in _COMPONENTS_ZH.items() if rx.search(sentence)}
    named |= {k for k, rx in _COMPONENTS_EN.items() if rx.search(sentence)}
    return named


def _cn_small(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_SMALL.get(text[1:], 0)
    if "十" in text:
        head, _, tail = text.partition("十")
        return _CN_SMALL.get(head, 0) * 10 + _CN_SMALL.get(tail, 0)
    return _CN_SMALL.get(text, 0)


def _fraction(clause: str) -> Decimal | None:
    """The share waived as said: 全免 1, 一半 0.5, 30% 0.3, 三成 0.3, 打八折 0.2; None if unsaid."""
    m = _FRACTION_ZH.search(clause) or _FRACTION_EN.search(clause)
    if m is None:
        return None
    groups = m.groupdict()
    if groups.get("half"):
        return Decimal("0.5")
    if groups.get("pct"):
        return Decimal(groups["pct"]) / 100
    if groups.get("pct_cn"):
        return Decimal(_cn_small(groups["pct_cn"])) / 100
    if groups.get("tenths"):
        return Decimal(_cn_small(groups["tenths"])) / 10
    if groups.get("zhe"):
        return 1 - Decimal(_cn_small(groups["zhe"])) / 10
    return Decimal(1)


def check_relief(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """A waiver offered beyond the ledger's relief."""
    return _check_relief(_line(analysis), analysis, ledger, turn)


# Figures that may be the amount waived in a clause that waives: not what is owed after it.
_WAIVED_ROLES = frozenset({"waiver", "interest", "late_fee"})


def _check_relief(
    line: LineFigures, analysis: Analysis, ledger: Ledger, turn: int | None
) -> list[Finding]:
    """A waiver offered beyond the ledger's relief: an amount ("滞纳金可以减免100元", "knock $75
    off") or a share ("利息可以全免", "滞纳金全免" where half may go, "we can waive the late fee")
    of what the ledger lets the collector waive, said as an offer (not refused, not a request
    to escalate, not a question)."""
    low = line.low
    if not _WAIVE_RE.search(low):
        return []
    relief = ledger.relief
    shares = {"interest": relief.max_waive_interest, "late_fee": relief.max_waive_late_fee}
    caps = {
        "interest": money(ledger.interest * relief.max_waive_interest),
        "late_fee": money(ledger.late_fee * relief.max_waive_late_fee),
    }
    amounts = {"interest": ledger.interest, "late_fee": ledger.late_fee}
    findings: list[Finding] = []
    for start, end in _clauses(low):
        clause = low[start:end]
        sentence = low[_sentence_start(low, start) : _sentence_end(low, start)]
        if _WAIVE_RE.search(clause) is None or _REFUSED.search(clause):
            continue
        if _ESCALATED.search(sentence) or _asked(clause):
            continue
        named = _components(clause) or _components(sentence)
        share = _fraction(clause)
        bases = {amounts[p] for p in named} if share is not None and share < 1 else set()
        waived = [
            r
            for r in line.figures
            if start <= r.mention.start < end
            and not r.skip
            and not r.mention.approx
            and (not r.roles or r.roles[0] in _WAIVED_ROLES or r.compound)
            and "after_waiver" not in r.roles
            and not any(same_amount(r.mention.value, b) for b in bases)  # "64元最多减免一半"
        ]
        if waived:
            cap = (
                sum((caps[p] for p in named), Decimal(0))
                if named
                else sum(caps.values(), Decimal(0))
            )
            for r in waived:
                if r.mention.value <= cap or same_amount(r.mention.value, cap):
                    continue
                said_zh, said_en = _fmt_said(r.mention, ledger)
                part_zh = "、".join(_PART_NAMES[p][0] for p in sorted(named)) or "费用"
                part_en = " and ".join(_PART_NAMES[p][1] for p in sorted(named)) or "charges"
                findings.append(
                    _relief_finding(
                        turn,
                        analysis,
                        r.mention.raw,
                        f"减免{part_zh} {said_zh}",
                        f"Waiving {said_en} of {part_en}",
                        ledger,
                    )
                )
            continue
        if any(start <= r.mention.start < end for r in line.figures):
            continue  # what is owed after the waiver is checked as a figure
        for part in sorted(named):
            if not amounts[part]:
                continue
            cap_share = shares[part]
            wanted = share if share is not None else (Decimal(1) if cap_share == 0 else None)
            if wanted is None or wanted <= cap_share:
                continue
            zh_part, en_part = _PART_NAMES[part]
            share_zh = "全部" if wanted == 1 else f"{wanted:.0%}"
            share_en = "all" if wanted == 1 else f"{wanted:.0%}"
            findings.append(
                _relief_finding(
                    turn,
                    analysis,
                    analysis.text[start:end].strip(),
                    f"减免{share_zh}{zh_part}",
                    f"Waiving {share_en} of the {en_part}",
                    ledger,
                )
            )
    return findings


def _asked(clause: str) -> bool:
    """A question, not an offer ("您是想减免利息吗？"), unless it offers ("可以给您免掉吗")."""
    return bool(re.search(r"[?？]|吗\s*$", clause.strip())) and not re.search(
        r"可以给|能给|帮您|\bwe\s+can|\bi\s+can", clause
    )


_CLAUSE_SPLIT = re.compile(r"[。!?;；\n，]|,(?![0-9])|\.(?=\s|$)")


def _clauses(low: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_SPLIT.finditer(low):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(low)))
    return [(s, e) for s, e in spans if e > s]


# --------------------------------------------------------------------------------------------
# Dates and days
# --------------------------------------------------------------------------------------------

_DUE_BEFORE = re.compile(
    r"还款日|到期日|到期|最后还款|账单日|应还款日|due\s+date|was\s+due|were\s+due|due\s+on|due|"
    r"payment\s+date"
)
_DUE_AFTER = re.compile(
    r"\s*(?:就|已经|已)?\s*(?:到期|是[^0-9，。]{0,6}(?:还款日|到期日|最后还款日|账单日))"
    r"|\s*(?:开始|起)\s*(?:就)?\s*(?:逾期|算逾期)"
    r"|,?\s*(?:was|is)\s+(?:the|your)\s+(?:\w+\s+)?due\s+date"
)
# A due date of something to come (a plan's instalment, a promise), not the ledger's.
_FUTURE_PLAN = re.compile(
    r"分期|每期|下期|首期|第一期|下一期|新的|承诺|约定|答应|计划|安排|以后每月|每月|每个月"
    r"|\bplan\b|install?ment|first\s+payment|next\s+payment|\bpromis\w*|\bagreed\b"
    r"|\barrangement\b|\beach\s+month\b|\bevery\s+month\b|\bwill\s+be\s+due\b"
    r"|\bwould\s+be\s+due\b"
)
# "since 11-03", "从11月3号开始逾期": the first day overdue, the day after the due date.
_SINCE = re.compile(r"\bsince\b|\bfrom\b|从|自")
_OVERDUE_FROM = re.compile(r"\s*(?:开始|起)")
_PAST_TENSE = re.compile(r"\bwas\b|\bwere\b|\bhad\b|已经|就|了|过")
_DAYS_CUE = re.compile(
    r"逾期|拖欠|超期|过期|没还|未还|没有还|晚了|拖了|迟了|延迟|过了还款日|超过还款日|欠了"
    r"|overdue|past\s+due|\blate\b|behind|delinquent|in\s+arrears|without\s+a\s+payment"
    r"|since\s+(?:\w+\s+){0,3}(?:was\s+|were\s+)?due|since\s+(?:your|the)\s+(?:last\s+)?payment"
)
# Right before or after a day count, what makes it something else: a deadline, a grace period,
# a rule's threshold ("逾期超过60天的", "more than 60 days late"), a rate ("逾期一天收100").
_DAYS_NOT_BEFORE = re.compile(
    r"宽限|期限|再给|给您|给你|还有|超过|满|达到|不到|以上|每|第|前|最多|至少|只有"
    r"|\bwithin\b|\bin\b|\bafter\b|\bgrace\b|\bgive\b|\bmore\s+than\b"
    r"|\bover\b(?!\s+(?:three|four|two|five|six|seven|eight|nine|ten|[0-9]))|\bevery\b|\bif\b"
    r"|\bonce\b|\bafter\b|\bfirst\b|\bnext\b|\bup\s+to\b|\bat\s+least\b|\bextra\b"
)
_DAYS_NOT_AFTER = re.compile(
    r"\s*(?:内|以内|之内|后|以后|之后|时间|的时间|宽限|期限|考虑|以上|的话|就|收|要|会|起|开始|之前"
    r"|\bto\s+(?:dispute|respond|pay|decide|request|think)|\bfrom\s+(?:now|today)|\bnotice\b"
    r"|\bwindow\b|\bperiod\b|\bgrace\b|\bor\s+more\b|\bago\b|\blater\b|\bbefore\b"
    r"|\bafter\b|\bfor\s+(?:you|the)\b)"
)
# A clause that spells out a figure said loosely before it: "…behind, 57 days to be exact".
_DAYS_EXACT = re.compile(
    r"准确|确切|具体|整整|正好|刚好|也就是|一共|总共|已经|了|今天是"
    r"|exact|precisely|in\s+total|that'?s|that\s+is|which\s+is|i\.e\.|already|now|today"
)
_FUTURE_CUE = re.compile(
    r"请|麻烦|务必|记得|最晚|最迟|之前|以前|前还|约定|承诺|答应|安排|能不能|可以|方便|争取|确认"
    r"|\bplease\b|\bby\b|\bbefore\b|\bno\s+later\s+than\b|\buntil\b|\bcan\s+you\b|\bcould\s+you\b"
    r"|\bwill\s+you\b|\bpromise\w*|\bagree\w*|\bschedule\w*|\bset\s+up\b|\bconfirm\w*"
)
_PAST_CUE = re.compile(
    r"到期|还款日|逾期|已经|已|之前就|本该|本来|应该在|那天|上次|当时|以来|开始|起"
    r"|\bwas\b|\bwere\b|\bhad\b|\bsince\b|\bago\b|\bdue\b|\blast\b|\bmissed\b|\bdid\b|\bpaid\b"
)
_WEEKDAY_NAMES_ZH = "一二三四五六日"
_WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_AFTER = re.compile(
    r"\s*[(（,，]?\s*(?:周|星期|礼拜)(?P<zh>[一二三四五六日天])|\s*[(,]?\s*(?P<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_PAIR_GAP = re.compile(
    r"\s*[(（,，:：]?\s*(?:也就是|就是|即|那就是|也即|that\s+is|which\s+is|i\.e\.)?\s*[(（,，]?"
    r"\s*(?:on\s+|the\s+)?$"
)


def _said_year(mention: DateMention) -> bool:
    return bool(re.search(r"[0-9]{4}|年", mention.raw)) or mention.kind.startswith(("ymd", "ywmd"))


def _same_due(mention: DateMention, due: date, since: bool = False) -> bool:
    """Whether a date said is the due date, compared as said: the day alone ("2号"), the month
    and day, or the whole date with a year; "since" it may be the first day overdue."""
    days = (due, due + timedelta(days=1)) if since else (due,)
    value = mention.value
    if mention.kind in ("day_zh", "the_nth_en"):
        return any(value.day == d.day for d in days)
    if _said_year(mention):
        return value in days
    return any((value.month, value.day) == (d.month, d.day) for d in days)


def _date_finding(
    turn: int | None, analysis: Analysis, rule: str, evidence: str, zh: str, en: str, fix: Bilingual
) -> Finding:
    return _finding(turn, rule, "major", analysis.text, evidence, Bilingual(zh=zh, en=en), fix)


def _weekday_zh(day: date) -> str:
    return "周" + _WEEKDAY_NAMES_ZH[day.weekday()]


def check_dates_and_days(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    today = analysis.today
    findings: list[Finding] = []
    text = analysis.text[:MAX_ANALYSED_CHARS]
    low = fold(text)
    due = ledger.due_date
    for index, mention in enumerate(analysis.dates):
        clause_start = _clause_start(low, mention.start)
        clause_end = _clause_end(low, mention.end)
        before = low[clause_start : mention.start]
        after = low[mention.end : clause_end]
        sentence = low[_sentence_start(low, mention.start) : _sentence_end(low, mention.end)]
        due_cue = (_DUE_BEFORE.search(before) and not mention.relative) or _DUE_AFTER.match(after)
        if due_cue and not _FUTURE_PLAN.search(sentence):
            since = bool(_SINCE.search(before)) or bool(_OVERDUE_FROM.match(after))
            # A date still to come named with a plain "due" is a new arrangement's, not the
            # ledger's ("due December 1st"); "11月22号到期" and "was due" are the ledger's.
            future = (
                today is not None
                and mention.value > today
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
        # A relative day or a weekday next to the date it means: they must agree.
        pair = _paired(analysis.dates, index, low)
        if pair is not None and not mention.relative:
            rel = pair
            if rel.weekday_named:
                agree = rel.value.weekday() == mention.value.weekday()
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
        if count.kind == "days" and _days_overdue_said(count, analysis, low):
            finding = _check_days(count, low, ledger, analysis, turn)
            if finding is not None:
                findings.append(finding)
    return findings


def _days_overdue_said(count: CountMention, analysis: Analysis, low: str) -> bool:
    """Whether a day count says how long the account is overdue ("逾期18天", "18 days past due",
    "…behind, 57 days to be exact"), not a deadline, a grace period or a rule's threshold."""
    if any(d.start <= count.start < d.end for d in analysis.dates):
        return False  # "3天内", "in 3 days": a deadline
    clause_start = _clause_start(low, count.start)
    clause_end = _clause_end(low, count.end)
    near_before = low[max(clause_start, count.start - 8) : count.start]
    near_after = low[count.end : min(clause_end, count.end + 10)]
    if _DAYS_NOT_BEFORE.search(near_before) or _DAYS_NOT_AFTER.match(near_after):
        return False
    tail = low[count.end : min(clause_end, count.end + 40)].lstrip()
    if _DAYS_CUE.search(low, clause_start, count.start) or _DAYS_CUE.match(tail):
        return True
    sentence = low[_sentence_start(low, count.start) : _sentence_end(low, count.end)]
    # The cue in another clause of the sentence, this one spelling the figure out.
    return bool(_DAYS_CUE.search(sentence)) and bool(
        _DAYS_EXACT.search(low, clause_start, clause_end)
    )


_COUNT_HEDGE_BEFORE = re.compile(
    r"(?:(?P<near>快|将近|接近|近|差不多|almost|nearly|close\s+to|just\s+under)"
    r"|(?P<about>大概|大约|约|about|around|roughly|approximately)"
    r"|(?P<over>超过|over|more\s+than|just\s+over))\s*$"
)


def _check_days(
    count: CountMention, low: str, ledger: Ledger, analysis: Analysis, turn: int | None
) -> Finding | None:
    days = ledger.days_overdue
    said = count.value
    hedge = _COUNT_HEDGE_BEFORE.search(low, max(0, count.start - 12), count.start)
    if hedge is not None:  # "快一百天" for 97, "over 90 days" for 97
        share = max(1, round(said * 0.1))
        if hedge.group("near") and said - share <= days <= said:
            return None
        if hedge.group("about") and abs(days - said) <= share:
            return None
        if hedge.group("over") and said <= days <= said + max(share, 10):
            return None
    elif said == days:
        return None
    return _date_finding(
        turn,
        analysis,
        "ACC-DAYS-OVERDUE",
        count.raw,
        f"逾期天数“{count.raw}”不对，应为 {days} 天。",
        f"Days overdue “{count.raw}” is wrong; it is {days} days.",
        Bilingual(zh=f"您的账户已逾期 {days} 天。", en=f"Your account is {days} days past due."),
    )


def _paired(dates: tuple[DateMention, ...], index: int, low: str) -> DateMention | None:
    """A relative date said right before or after this one ("明天也就是11月21号", "next Friday,
    November 20th", "11月27号下周五")."""
    mention = dates[index]
    if index > 0:
        prev = dates[index - 1]
        if prev.relative and _PAIR_GAP.fullmatch(low[prev.end : mention.start]):
            return prev
    if index + 1 < len(dates):
        nxt = dates[index + 1]
        if (
            nxt.relative
            and nxt.weekday_named
            and re.fullmatch(r"\s*[(（,，]?\s*", low[mention.end : nxt.start])
        ):
            return nxt
    return None


def _calendar_finding(
    turn: int | None, analysis: Analysis, rel: DateMention, mention: DateMention
) -> Finding:
    real = rel.value
    if rel.weekday_named:
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


_CLAUSE_BREAK = re.compile(r"[。!?;；\n、—–]|，|,(?![0-9])|\.(?=\s|$)")
_SENTENCE_BREAK = re.compile(r"[。!?;；\n]|\.(?=\s|$)")


def _clause_start(low: str, position: int) -> int:
    start = 0
    for m in _CLAUSE_BREAK.finditer(low, 0, position):
        start = m.end()
    return start


def _clause_end(low: str, position: int) -> int:
    m = _CLAUSE_BREAK.search(low, position)
    return m.start() if m else len(low)


def _sentence_start(low: str, position: int) -> int:
    start = 0
    for m in _SENTENCE_BREAK.finditer(low, 0, position):
        start = m.end()
    return start


def _sentence_end(low: str, position: int) -> int:
    m = _SENTENCE_BREAK.search(low, position)
    return m.end() if m else len(low)


# --------------------------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------------------------

_PLAN_STATED = re.compile(r"^分|plan|payments?|install?ments?|^over|^across")
_PLAN_REFUSED = re.compile(
    r"不能|不可以|没法|无法|没办法|不行|不支持|没有|\bcan'?t\b|\bcannot\b|\bunable\b|\bnot\b"
    r"|\bno\b|\bdon'?t\b|\bdoesn'?t\b"
)
# Periods or payments missed, not a plan: "逾期四期", "还有三期没还", "two payments behind".
_ARREARS_BEFORE = re.compile(r"(?:逾期|拖欠|欠了?|还有|已经|连续|没还|未还|落下|for|been)\s*$")
_ARREARS_AFTER = re.compile(
    r"\s*(?:没还|未还|没有还|逾期|都没|没按时|的月供|月供|欠款|\bbehind\b|\bin\s+arrears\b"
    r"|\bpast\s+due\b|\boverdue\b|\blate\b|\bmissed\b|\bthat\s+are\b|\bago\b)"
)


def check_plans(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """An instalment count beyond the ledger's plans, in a line that offers a plan (the intent,
    or a count said as a plan: "分24期", "a 24-month plan", "24 monthly payments")."""
    allowed = sorted(p.months for p in ledger.plans)
    low = fold(analysis.text[:MAX_ANALYSED_CHARS])
    offers = analysis.has("offer_plan")
    findings: list[Finding] = []
    for count in analysis.counts:
        if count.kind != "instalments" or count.value in allowed or count.value < 2:
            continue
        stated = bool(_PLAN_STATED.search(count.raw.lower()))
        if not (offers or stated):
            continue
        clause = low[_clause_start(low, count.start) : _clause_end(low, count.end)]
        if _PLAN_REFUSED.search(clause) or _ESCALATED.search(clause):
            continue
        if _ARREARS_BEFORE.search(
            low, max(0, count.start - 6), count.start
        ) or _ARREARS_AFTER.match(low, count.end):
            continue
        options_zh = "、".join(f"{m}期" for m in allowed) or "无分期方案"
        options_en = ", ".join(f"{m} months" for m in allowed) or "no instalment plan"
        findings.append(
            _finding(
                turn,
                "ACC-PLAN",
                "major",
                analysis.text,
                count.raw,
                Bilingual(
                    zh=f"“{count.raw}”不是该账户允许的分期方案（允许：{options_zh}）。",
                    en=f"“{count.raw}” is not an allowed plan for this account "
                    f"(allowed: {options_en}).",
                ),
                Bilingual(
                    zh=f"只提供账户允许的方案：{options_zh}。",
                    en=f"Offer only the plans the account allows: {options_en}.",
                ),
            )
        )
    return findings


def check_line(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """Every accuracy finding of one line."""
    line = _line(analysis)
    return [
        *_check_amounts(line, analysis, ledger, turn),
        *_check_relief(line, analysis, ledger, turn),
        *check_dates_and_days(analysis, ledger, turn),
        *check_plans(analysis, ledger, turn),
    ]
