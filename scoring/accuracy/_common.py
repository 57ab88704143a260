"""What accuracy findings share: their wording (the figure, its role as read, the right value,
in zh and en), money as the ledger writes it, and what marks a waiver refused or escalated."""

from __future__ import annotations

import re
from decimal import Decimal

from scoring.analysis import MAX_ANALYSED_CHARS, Analysis
from scoring.entities import AmountMention
from scoring.figures import LineFigures, read_figures
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger, money
from scoring.taxonomy import Severity

ROLE_NAMES: dict[str, tuple[str, str]] = {
    "total": ("逾期总额", "the total"),
    "principal": ("本金", "the principal"),
    "interest": ("利息", "the interest"),
    "late_fee": ("滞纳金", "the late fee"),
    "minimum": ("最低还款额", "the minimum payment"),
    "monthly": ("每期还款额", "the monthly payment"),
    "last_monthly": ("最后一期还款额", "the last payment"),
    "plan_fee": ("分期手续费", "the plan fee"),
    "after_waiver": ("减免后应还金额", "the total after the waiver"),
    "remainder": ("剩余金额", "the remainder"),
    "due": ("应还金额", "the amount due"),
    "partial": ("逾期总额", "the total"),
    "pay": ("逾期总额", "the total"),
}
PART_NAMES: dict[str, tuple[str, str]] = {
    "principal": ("本金", "principal"),
    "interest": ("利息", "interest"),
    "late_fee": ("滞纳金", "late fee"),
    "penalty": ("罚息", "penalty interest"),
    "plan_fee": ("手续费", "plan fee"),
}


def currency_symbol(ledger: Ledger) -> str:
    return "¥" if ledger.currency == "CNY" else "$"


def fmt_money(value: Decimal, ledger: Ledger) -> str:
    return f"{currency_symbol(ledger)}{money(value):,.2f}"


def fmt_said(mention: AmountMention, ledger: Ledger) -> tuple[str, str]:
    """The figure as said, formatted, in zh and en: "¥8,888", "约¥20,000", "about $300"."""
    value = mention.value
    shown = (
        f"{currency_symbol(ledger)}{value:,.2f}"
        if value != int(value)
        else f"{currency_symbol(ledger)}{int(value):,}"
    )
    top = f"{currency_symbol(ledger)}{int(value + 2 * mention.step - 1):,}"
    zh = {
        "range": f"{shown}至{top}",
        "about": f"约{shown}",
        "over": f"{shown}多",
        "under": f"不到{shown}",
        "near": f"将近{shown}",
        "hair": f"差一点到{shown}",
    }
    en = {
        "range": f"{shown} to {top}",
        "about": f"about {shown}",
        "over": f"over {shown}",
        "under": f"under {shown}",
        "near": f"almost {shown}",
        "hair": f"a hair under {shown}",
    }
    return zh.get(mention.approx, shown), en.get(mention.approx, shown)


def accuracy_finding(
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


def relief_finding(
    turn: int | None, analysis: Analysis, evidence: str, zh: str, en: str, ledger: Ledger
) -> Finding:
    allowed_zh, allowed_en = relief_allowed(ledger)
    return accuracy_finding(
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


def relief_allowed(ledger: Ledger) -> tuple[str, str]:
    relief = ledger.relief
    zh: list[str] = []
    en: list[str] = []
    if relief.max_waive_interest and ledger.interest:
        cap = money(ledger.interest * relief.max_waive_interest)
        zh.append(f"利息最多减免 {fmt_money(cap, ledger)}")
        en.append(f"up to {fmt_money(cap, ledger)} of interest")
    if relief.max_waive_late_fee and ledger.late_fee:
        cap = money(ledger.late_fee * relief.max_waive_late_fee)
        zh.append(f"滞纳金最多减免 {fmt_money(cap, ledger)}")
        en.append(f"up to {fmt_money(cap, ledger)} of the late fee")
    return ("，".join(zh) or "不可减免", ", ".join(en) or "no waiver at all")


# A waiver or a plan refused, or only asked for (to be escalated): not an offer.
REFUSED = re.compile(
    r"不能|不可以|不可能|没法|无法|没办法|不行|不会|不予|不给|没有权限|做不到|不允许|不支持"
    # "利息这块是减不了的", "免不掉", "减不下来"
    r"|[减免降少]不[了掉下]"
    r"|\bcan'?t\b|\bcannot\b|\bcan\s++not\b|\bunable\b|\bwon'?t\b|\bwill\s++not\b|\bnot\s++able\b"
    r"|\bdon'?t\b|\bdo\s++not\b|\bno\s++way\b|\bnot\s++possible\b|\bisn'?t\s++possible\b|\bnot\b"
)
# A waiver put to someone else to decide, not offered (see relief.py for 申请, which escalates
# only an offer with no definite outcome).
# Every word of it but 申请, which relief.py reads apart: with its outcome said it offers.
ESCALATED_NOT_APPLYING = re.compile(
    r"上报|请示|报批|帮您问|帮你问|审批|审核|争取|反映|问一下|问问|核实|看看能不能|看能不能|试试"
    r"|试一下|不一定|不保证|上報|請示|審批|審核|爭取"
    r"|\brequest\w*|\bsubmit\w*|\bapply\w*|\bask\s++(?:my|a|the)\s++(?:supervisor|manager|team)"
    r"|\bcheck\s++with|\bsee\s++if\b|\bescalat\w*"
)
ESCALATED = re.compile(r"申请|申請|" + ESCALATED_NOT_APPLYING.pattern)


def read_line(analysis: Analysis) -> LineFigures:
    """The roles of the line's figures, exact and approximate."""
    mentions = [*analysis.amounts, *analysis.approximate]
    return read_figures(analysis.text[:MAX_ANALYSED_CHARS], mentions)
