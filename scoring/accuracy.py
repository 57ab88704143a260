"""Accuracy: every figure a trainee states as a fact is checked against the ledger."""

from __future__ import annotations

import re
from decimal import Decimal

from scoring.analysis import Analysis
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger, money, same_amount
from scoring.taxonomy import Severity
from scoring.text import CLAUSE_BREAK

# Which ledger figure a cue word before an amount refers to. Order matters: specific first.
_AMOUNT_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("interest", re.compile(r"利息|interest")),
    ("late_fee", re.compile(r"滞纳金|违约金|罚息|late fee")),
    ("principal", re.compile(r"本金|principal")),
    ("minimum_payment", re.compile(r"最低还款|最低|minimum")),
    ("monthly", re.compile(r"每期|每月|每个月|月供|a month|per month|monthly|each month")),
    ("relief", re.compile(r"减免|免除|免掉|waive|off the")),
    (
        "overdue_total",
        re.compile(
            r"欠款|欠|逾期金额|应还|待还|一共|总共|合计|全部|未还"
            r"|owe|balance|total|past[- ]due|amount due"
        ),
    ),
]
_DUE_DATE_CUE = re.compile(r"还款日|到期|最后还款|账单日|due date|was due|were due|due on")
_DAYS_CUE = re.compile(r"逾期|拖欠|超期|overdue|past due|late|behind")
# A round figure close to the truth ("五千二" for 5,230.50) is imprecise, not wrong; a
# precise-looking wrong figure (5,320.50) is wrong.
_IMPRECISE_SHARE = Decimal("0.02")


# A list of figures ("本金18500元、利息1203.75元") gives each figure its own label.
_LIST_BREAK = re.compile(r"、|;")


def _clause_before(norm: str, text: str, start: int) -> str:
    """The part of the clause before a mention (the mention's own offsets are in `text`)."""
    head = text[:start].lower()
    breaks = [*CLAUSE_BREAK.finditer(head), *_LIST_BREAK.finditer(head)]
    return head[max(b.end() for b in breaks) :] if breaks else head


def _label(before: str) -> str | None:
    """The ledger figure named nearest before an amount ("利息是…", "the balance is …")."""
    best: tuple[int, str] | None = None
    for name, cue in _AMOUNT_CUES:
        ends = [m.end() for m in cue.finditer(before)]
        if ends and (best is None or max(ends) > best[0]):
            best = (max(ends), name)
    return best[1] if best else None


def _fmt(value: Decimal, ledger: Ledger) -> str:
    symbol = "¥" if ledger.currency == "CNY" else "$"
    return f"{symbol}{money(value):,.2f}"


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


def _expected_amounts(kind: str, ledger: Ledger, instalments: list[int]) -> list[Decimal]:
    known = ledger.known_amounts()
    if kind == "monthly":
        plans = [p for p in ledger.plans if not instalments or p.months in instalments]
        return [p.monthly_payment(ledger.overdue_total) for p in plans]
    if kind == "relief":
        return [v for k, v in known.items() if k.startswith("relief_")]
    if kind in known:
        return [known[kind]]
    return list(known.values())


def check_amounts(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    findings: list[Finding] = []
    instalments = [c.value for c in analysis.counts if c.kind == "instalments"]
    for mention in sorted((*analysis.amounts, *analysis.approximate), key=lambda a: a.start):
        kind = _label(_clause_before(analysis.norm, analysis.text, mention.start))
        if kind is None:
            continue  # a proposal ("先还1000可以吗"), not a statement of fact
        expected = _expected_amounts(kind, ledger, instalments)
        if not expected:
            continue
        if any(same_amount(mention.value, e) for e in expected):
            continue
        closest = min(expected, key=lambda e: abs(e - mention.value))
        if kind == "relief" and mention.value < closest:
            continue  # waiving less than allowed is the creditor's gain, not an error
        rounded = mention.value % 100 == 0 and closest % 100 != 0
        imprecise = rounded and abs(mention.value - closest) <= closest * _IMPRECISE_SHARE
        right = _fmt(closest, ledger)
        findings.append(
            _finding(
                turn,
                "ACC-AMOUNT-IMPRECISE" if imprecise else "ACC-AMOUNT",
                "minor" if imprecise else "major",
                analysis.text,
                mention.raw,
                Bilingual(
                    zh=f"金额“{mention.raw}”与账户不符，正确金额是 {right}。",
                    en=f"The amount “{mention.raw}” does not match the ledger; it is {right}.",
                ),
                Bilingual(
                    zh=f"报金额要精确到分：“{right}”。", en=f"Quote the exact figure: “{right}”."
                ),
            )
        )
    return findings


def check_dates_and_days(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    findings: list[Finding] = []
    for mention in analysis.dates:
        before = _clause_before(analysis.norm, analysis.text, mention.start)
        if _DUE_DATE_CUE.search(before) and mention.value != ledger.due_date:
            right = ledger.due_date.isoformat()
            findings.append(
                _finding(
                    turn,
                    "ACC-DUE-DATE",
                    "major",
                    analysis.text,
                    mention.raw,
                    Bilingual(
                        zh=f"到期日“{mention.raw}”不对，账户到期日是 {right}。",
                        en=f"Due date “{mention.raw}” is wrong; the ledger says {right}.",
                    ),
                    Bilingual(zh=f"到期还款日是 {right}。", en=f"The payment was due on {right}."),
                )
            )
    for count in analysis.counts:
        if count.kind != "days":
            continue
        before = _clause_before(analysis.norm, analysis.text, count.start)
        after = analysis.text[count.end : count.end + 12].lower()
        if not (_DAYS_CUE.search(before) or _DAYS_CUE.search(after)):
            continue
        if count.value != ledger.days_overdue:
            days = ledger.days_overdue
            findings.append(
                _finding(
                    turn,
                    "ACC-DAYS-OVERDUE",
                    "major",
                    analysis.text,
                    count.raw,
                    Bilingual(
                        zh=f"逾期天数“{count.raw}”不对，应为 {days} 天。",
                        en=f"Days overdue “{count.raw}” is wrong; it is {days} days.",
                    ),
                    Bilingual(
                        zh=f"您的账户已逾期 {days} 天。",
                        en=f"Your account is {days} days past due.",
                    ),
                )
            )
    return findings


def check_plans(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """An instalment count is checked only in a line that offers a plan ("两个月没接电话" is not
    an offer of a two-month plan)."""
    if not analysis.has("offer_plan"):
        return []
    allowed = sorted(p.months for p in ledger.plans)
    findings: list[Finding] = []
    for count in analysis.counts:
        if count.kind != "instalments" or count.value in allowed or count.value < 2:
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
    return [
        *check_amounts(analysis, ledger, turn),
        *check_dates_and_days(analysis, ledger, turn),
        *check_plans(analysis, ledger, turn),
    ]
