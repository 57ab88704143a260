"""Plans against the ledger: an instalment count the ledger does not offer."""

from __future__ import annotations

import re

from scoring.accuracy._common import accuracy_finding
from scoring.analysis import MAX_ANALYSED_CHARS, Analysis
from scoring.entities import fold
from scoring.figures import clause_end, clause_start
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger

# --------------------------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------------------------

_PLAN_STATED = re.compile(
    r"^分|plan|payments?|install?ments?|^over|^across|^(?:do|offer|give|stretch|spread|split|pay)\b"
)
_PLAN_REFUSED = re.compile(
    r"不能|不可以|没法|无法|没办法|不行|不支持|没有|\bcan'?t\b|\bcannot\b|\bunable\b|\bnot\b"
    r"|\bno\b|\bdon'?t\b|\bdoesn'?t\b"
)
# "If that does not work out", said before an offer, is no refusal of it: "实在不行可以分两年",
# "if that doesn't work we can do 24 months".
_CONCESSIVE = re.compile(
    r"实在不行|真不行|要是不行|如果不行|不行的话|再不行|\bif\s++(?:that|this|it)\s++(?:doesn'?t|does"
    r"\s++not|won'?t)\s++work(?:\s++out)?|\bif\s++not\b"
)
# A plan put to a supervisor, not offered. Unlike a waiver's, 申请 / apply / request do not count:
# "帮您申请分48期" is how a plan is offered (the debtor applies for it), not an escalation.
_PLAN_ESCALATED = re.compile(
    r"上报|请示|报批|帮您问|帮你问|审批|审核|争取|问一下|问问|核实|看看能不能|看能不能"
    r"|上報|請示|審批|審核|爭取"
    r"|\bask\s++(?:my|a|the)\s++(?:supervisor|manager|team)|\bcheck\s++with|\bsee\s++if\b"
    r"|\bescalat\w*"
)
# Periods or payments missed, not a plan: "逾期四期", "还有三期没还", "two payments behind".
_ARREARS_BEFORE = re.compile(r"(?:逾期|拖欠|欠了?|还有|已经|连续|没还|未还|落下|for|been)\s*+$")
# The loan's own term ("这笔12期的借款"), not a plan offered now.
_LOAN_TERM = re.compile(r"借|贷|本期|第\s*+[0-9一二三四五六七八九十]+\s*+期|\bloan\b|\bterm\b")
_ARREARS_AFTER = re.compile(
    r"\s*+(?:没还|未还|没有还|逾期|都没|没按时|的月供|月供|欠款|\bbehind\b|\bin\s++arrears\b"
    r"|\bpast\s++due\b|\boverdue\b|\blate\b|\bmissed\b|\bthat\s++are\b|\bago\b)"
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
        clause = low[clause_start(low, count.start) : clause_end(low, count.end)]
        if (
            _PLAN_REFUSED.search(_CONCESSIVE.sub(" ", clause))
            or _PLAN_ESCALATED.search(clause)
            or _LOAN_TERM.search(clause)
        ):
            continue
        if _ARREARS_BEFORE.search(
            low, max(0, count.start - 6), count.start
        ) or _ARREARS_AFTER.match(low, count.end):
            continue
        options_zh = "、".join(f"{m}期" for m in allowed) or "无分期方案"
        options_en = ", ".join(f"{m} months" for m in allowed) or "no instalment plan"
        findings.append(
            accuracy_finding(
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
