"""Plans against the ledger: an instalment count the ledger does not offer, and a plan's fee
terms said wrongly (a fee rate that is not the plan's, a plan with a fee said to be free)."""

from __future__ import annotations

import re
from decimal import Decimal

from scoring.accuracy._common import accuracy_finding, fmt_money, read_line
from scoring.analysis import MAX_ANALYSED_CHARS, Analysis
from scoring.entities import extract_rates, fold
from scoring.figures import clause_end, clause_start, sentence_end, sentence_start
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger, Plan, money

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
_OR_PRICED = re.compile(r"or\s")
_PRICED_AFTER = re.compile(r"\s++(?:at|of)\s")
# Periods or payments missed, not a plan: "逾期四期", "还有三期没还", "two payments behind".
_ARREARS_BEFORE = re.compile(r"(?:逾期|拖欠|欠了?|还有|已经|连续|没还|未还|落下|for|been)\s*+$")
# Some of a plan's instalments, not its length: "前两期每期…", "头三个月", "the first two payments".
_SOME_OF_PLAN_BEFORE = re.compile(r"(?:前|头|\bfirst|\blast|\bfinal)\s*+$")
# Some payments of a plan named after them: "two payments on the 6-month plan".
_OF_A_PLAN_AFTER = re.compile(
    r"\s++(?:on|of|from|in(?:to)?|under)\s++(?:the|your|a|that|this)\s++"
    r"(?:[0-9]{1,2}|[a-z]+(?:-[a-z]+)?)[\s-]++(?:months?|payments?)(?:[\s-]++plan)?\b"
)
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
    monthly_at: list[int] | None = None
    for count in analysis.counts:
        if count.kind != "instalments" or count.value in allowed or count.value < 2:
            continue
        # ("or seven at $214.06": the other plan's length, priced)
        stated = bool(_PLAN_STATED.search(count.raw.lower())) or bool(
            _OR_PRICED.fullmatch(low, max(0, count.start - 3), count.start)
            and _PRICED_AFTER.match(low, count.end)
        )
        if not (offers or stated):
            # "seven months is $214.06 a month": a count said with an instalment in its
            # sentence is a plan's length.
            if monthly_at is None:
                monthly_at = [
                    r.mention.start for r in read_line(analysis).figures if "monthly" in r.roles[:1]
                ]
            s_start, s_end = sentence_start(low, count.start), sentence_end(low, count.end)
            stated = any(s_start <= at < s_end for at in monthly_at)
        if not (offers or stated):
            continue
        clause = low[clause_start(low, count.start) : clause_end(low, count.end)]
        if (
            _PLAN_REFUSED.search(_CONCESSIVE.sub(" ", clause))
            or _PLAN_ESCALATED.search(clause)
            or _LOAN_TERM.search(clause)
        ):
            continue
        if (
            _ARREARS_BEFORE.search(low, max(0, count.start - 6), count.start)
            or _ARREARS_AFTER.match(low, count.end)
            or _SOME_OF_PLAN_BEFORE.search(low, max(0, count.start - 6), count.start)
            or _OF_A_PLAN_AFTER.match(low, count.end)
        ):
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


# --------------------------------------------------------------------------------------------
# A plan's fee terms
# --------------------------------------------------------------------------------------------

_FEE_CONTEXT = re.compile(r"手续费|费率|服务费|\bfees?\b")
# A rate of interest, a share waived or a discount is not the plan's fee rate.
_NOT_FEE_RATE = re.compile(
    r"利率|利息|罚息|年化|减|免|折|优惠|\binterest\b|\bapr\b|\boff\b|\bwaiv\w*|\bdiscount\w*"
)
_RATE_IN_ALL = re.compile(r"一共|总共|合计|总的|总手续费|总费率|\bin\s++total\b|\boverall\b")
# "免手续费", "不收手续费", "没手续费", "不加手续费", "手续费全免", "no fees", "fee-free": a plan
# said to cost nothing more ("不加手续费的话…" is a breakdown, not a claim; nor is "不含").
_FREE_RE = re.compile(
    r"(?:免|不收|不要|(?<!有)没有?|(?<![有没])无|零|0|不加|不另收|不额外收|不用(?:交|付|出|给)?)"
    r"\s*+(?:任何\s*+)?(?:的\s*+)?(?:分期\s*+)?手续费(?!\s*+的话)"
    # a rate said after it is no zero: "手续费是0.66%", "手续费为零点五个点"
    # "手续费这些都不收", "手续费什么的全免": the fee with its kind, then said free
    r"|手续费(?:这些|这块|这个|那些|什么的|之类的?|啥的)?\s*+(?:也|都|全|就)?\s*+"
    r"(?:免|不收|(?:为|是)(?:零(?![点0-9一二三四五六七八九])|0(?![0-9.．])))"
    r"|免息分期|分期免息"
    r"|\bno\s++(?:plan\s++|set-?up\s++|extra\s++|additional\s++|install?ment\s++)?fees?\b"
    r"|\bfee[\s-]free\b|\bwithout\s++(?:any\s++)?fees?\b|\bzero\s++fees?\b|\bfree\s++of\s++fees\b"
)
_FREE_DENIED = re.compile(
    r"(?:不是|并非|并不|不能|不可以|没法|没办法|无法|不会|不\s*+|\bnot|\bisn'?t|\bcan'?t|\bwon'?t)"
    r"\s*+$"
)
_QUESTION_AFTER = re.compile(r"\s*+(?:吗|么|嘛|吧|\?|？)")
_PLAN_TALK = re.compile(
    r"分期|分\s*+[0-9一二两三四五六七八九十]|期|\bplan\b|install?ments?|payments"
)


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def _plans_named(analysis: Analysis, ledger: Ledger, low: str, start: int) -> list[Plan]:
    """The ledger's plans the sentence around ``start`` names by their count, else all of them;
    [] when it names only counts the ledger does not offer (ACC-PLAN says so)."""
    s_start, s_end = sentence_start(low, start), sentence_end(low, start)
    counts = [
        c.value for c in analysis.counts if c.kind == "instalments" and s_start <= c.start < s_end
    ]
    if not counts:
        return list(ledger.plans)
    return [p for p in ledger.plans if p.months in counts]


def _terms(plan: Plan, ledger: Ledger) -> tuple[str, str]:
    fee = fmt_money(money(ledger.overdue_total * plan.fee_rate), ledger)
    if plan.fee_rate == 0:
        return f"分{plan.months}期不收手续费", f"the {plan.months}-month plan has no fee"
    return (
        f"分{plan.months}期每月手续费率 {_pct(plan.fee_rate)}（每期 {fee}）",
        f"the {plan.months}-month plan's fee is {_pct(plan.fee_rate)} a month ({fee} a month)",
    )


def check_plan_fees(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """A plan's fee terms against the ledger's: a fee rate said must be a plan's (per month, or
    the months' in all when said so); a plan said to be free of fees must be one that is.
    Shares waived (利息减30%) and rates of interest are not fee rates."""
    if not ledger.plans:
        return []
    low = fold(analysis.text[:MAX_ANALYSED_CHARS])
    if not _FEE_CONTEXT.search(low) and not _FREE_RE.search(low):
        return []
    findings: list[Finding] = []
    for rate in extract_rates(analysis.text[:MAX_ANALYSED_CHARS]):
        c_start, c_end = clause_start(low, rate.start), clause_end(low, rate.end)
        s_start = sentence_start(low, rate.start)
        clause = low[c_start:c_end]
        if not _FEE_CONTEXT.search(low, s_start, c_end) or _NOT_FEE_RATE.search(clause):
            continue
        plans = _plans_named(analysis, ledger, low, rate.start)
        if not plans:
            continue
        allowed = {p.fee_rate for p in plans}
        if _RATE_IN_ALL.search(clause):
            allowed |= {p.fee_rate * p.months for p in plans}
        if any(abs(rate.value - a) < Decimal("0.00001") for a in allowed):
            continue
        zh, en = _terms(plans[0], ledger)
        findings.append(
            _fee_finding(
                turn,
                analysis,
                rate.raw,
                Bilingual(
                    zh=f"手续费率“{rate.raw}”不对：{zh}。",
                    en=f"Fee rate “{rate.raw}” is wrong: {en}.",
                ),
                Bilingual(zh=f"{zh}。", en=f"{en[0].upper()}{en[1:]}."),
            )
        )
    for m in _FREE_RE.finditer(low):
        c_start = clause_start(low, m.start())
        if _FREE_DENIED.search(low, max(c_start, m.start() - 6), m.start()):
            continue  # "不是免手续费的", "it's not fee-free"
        if _QUESTION_AFTER.match(low, m.end()) or not _PLAN_TALK.search(
            low, sentence_start(low, m.start()), sentence_end(low, m.start())
        ):
            continue  # "免手续费吗？", or no plan talked of
        plans = _plans_named(analysis, ledger, low, m.start())
        if not plans or any(p.fee_rate == 0 for p in plans):
            continue
        said = analysis.text[m.start() : m.end()]
        zh, en = _terms(plans[0], ledger)
        findings.append(
            _fee_finding(
                turn,
                analysis,
                said,
                Bilingual(zh=f"“{said}”不对：{zh}。", en=f"“{said}” is wrong: {en}."),
                Bilingual(zh=f"{zh}。", en=f"{en[0].upper()}{en[1:]}."),
            )
        )
    return findings


def _fee_finding(
    turn: int | None, analysis: Analysis, evidence: str, message: Bilingual, fix: Bilingual
) -> Finding:
    return accuracy_finding(turn, "ACC-PLAN", "major", analysis.text, evidence, message, fix)
