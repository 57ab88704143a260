"""Relief against the ledger: a waiver offered beyond what the collector may waive."""

from __future__ import annotations

import re
from decimal import Decimal

from scoring.accuracy._common import (
    ESCALATED,
    ESCALATED_NOT_APPLYING,
    PART_NAMES,
    REFUSED,
    accuracy_finding,
    fmt_said,
    read_line,
    relief_allowed,
    relief_finding,
)
from scoring.analysis import Analysis
from scoring.entities import AmountMention, extract_shares
from scoring.figures import LineFigures, clauses, sentence_end, sentence_start
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger, money, same_amount

# --------------------------------------------------------------------------------------------
# Relief offered without an amount: "利息可以全免", "we can waive the late fee"
# --------------------------------------------------------------------------------------------

_COMPONENTS_ZH = {
    "interest": re.compile(r"利息"),
    # 罚息 names the interest or the late fee: resolved by what else the line names.
    "penalty": re.compile(r"罚息"),
    "late_fee": re.compile(r"滞纳金|违约金|逾期费|罚金"),
}
_COMPONENTS_EN = {
    "interest": re.compile(r"\binterest\b(?!\s++rate)"),
    "late_fee": re.compile(r"\blate\s++(?:fees?|charges?)|\bfees?\b|\bpenalt(?:y|ies)\b"),
}
_WAIVE_RE = re.compile(
    r"减免|免除|免掉|免去|全免|免了|豁免|减掉|减一半|减半|少收|不收|不用还|不用付"
    # 免 alone waives ("可以免一百二"), not in 以免 / 避免 ("to avoid")
    r"|(?:(?<=可以)|(?<![以避难不]))免(?![费得])"
    r"|(?<![0-9元块])减(?![去少轻肥])"
    r"|打个?(?:[一二三四五六七八九]|[1-9]|对)折"
    r"|\bwaiv\w*|\bforgiv\w*|\bremov\w*|\bdrop\w*+(?!\s++(?:down\s++)?to\b)|\beliminat\w*"
    r"|\b(?:take|knock)\w*\s++(?:\S+\s++){0,5}off\b|\bwrite\s++off"
    # "I can do $75 off the fees", "give you fifty off", "cut $40 off"
    r"|\b(?:do|give|get|cut|shave)\w*\s++(?:you\s++)?(?:\S+\s++){0,4}off\b|\bwipe\w*|\bdiscount\w*"
    r"|优惠|打折"
)


def _components(sentence: str) -> set[str]:
    named = {k for k, rx in _COMPONENTS_ZH.items() if rx.search(sentence)}
    named |= {k for k, rx in _COMPONENTS_EN.items() if rx.search(sentence)}
    return named


def _resolve_penalty(
    named: set[str], line_parts: set[str], figures: list[Decimal], ledger: Ledger
) -> set[str]:
    """罚息 is the late fee when the line names the interest apart (and the interest when it
    names the late fee apart), or the charge its figure is; otherwise either (kept as
    "penalty": an offer is beyond the relief only if it is beyond it for both)."""
    if "penalty" not in named:
        return named
    rest = named - {"penalty"}
    if "interest" in line_parts and "late_fee" not in line_parts:
        return rest | {"late_fee"}
    if "late_fee" in line_parts and "interest" not in line_parts:
        return rest | {"interest"}
    for part, amount in (("late_fee", ledger.late_fee), ("interest", ledger.interest)):
        if amount and any(same_amount(f, amount) for f in figures):
            return rest | {part}
    return named


def _within(mention: AmountMention, cap: Decimal) -> bool:
    """A waiver figure within the cap; a rough one ("三千九百多") when it may be."""
    if mention.approx:
        least = mention.value if mention.approx == "over" else mention.value - mention.step
        return least <= cap or mention.covers(cap)
    return mention.value <= cap or same_amount(mention.value, cap)


def _shares_by_part(clause: str) -> dict[str, Decimal]:
    """Each charge with the share said right after it, when one clause waives several
    ("滞纳金减一半利息减三成", "half the late fee and 30% of the interest"): a share belongs to the
    charge named before it, up to the next charge named."""
    marks = _part_marks(clause)
    if len({part for _, part in marks}) < 2:
        return {}
    return _shares_after(clause, marks)


def _part_marks(text: str) -> list[tuple[int, str]]:
    return sorted(
        (m.start(), part)
        for rxs in (_COMPONENTS_ZH, _COMPONENTS_EN)
        for part, rx in rxs.items()
        for m in rx.finditer(text)
    )


def _shares_after(text: str, marks: list[tuple[int, str]]) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    for i, (at, part) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        share = _fraction(text[at:end])
        if share is not None:
            found.setdefault(part, share)
    return found


def waived_by_share(text: str, ledger: Ledger) -> Decimal | None:
    """What a zh stretch waives when it names both charges, each with its share after it
    ("利息减一半滞纳金全免"): the sum of those shares of the ledger's charges. None when a charge
    is named with no share, 罚息 (either charge) is named, or nothing is waived; and when one
    charge alone is named, as another may have been waived earlier in the call ("滞纳金360也能
    全免，都减完是…")."""
    if not _WAIVE_RE.search(text):
        return None
    marks = _part_marks(text)
    named = {part for _, part in marks}
    shares = _shares_after(text, marks)
    if named != shares.keys() or named != {"interest", "late_fee"}:
        return None
    charges = {"interest": ledger.interest, "late_fee": ledger.late_fee}
    return money(sum((charges[p] * shares[p] for p in named), Decimal(0)))


def _fraction(clause: str) -> Decimal | None:
    """The share waived as said: 全免 1, 一半 0.5, 30% 0.3, 三成 0.3, 打八折 0.2; None if unsaid."""
    said = extract_shares(clause)
    if not said:
        return None
    first = said[0]
    return 1 - first.value if first.kind == "discount" else first.value


def check_relief(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """A waiver offered beyond the ledger's relief."""
    return check_line_relief(read_line(analysis), analysis, ledger, turn)


# Figures that may be the amount waived in a clause that waives: not what is owed after it.
_WAIVED_ROLES = frozenset({"waiver", "interest", "late_fee", "penalty"})


def check_line_relief(
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
    # 罚息 left unresolved: either charge, so the larger of their limits.
    either = [p for p in ("interest", "late_fee") if amounts[p]]
    shares["penalty"] = max((shares[p] for p in either), default=Decimal(0))
    caps["penalty"] = max((caps[p] for p in either), default=Decimal(0))
    line_parts = _components(low)
    findings: list[Finding] = []
    sentence_facts: dict[int, tuple[str, bool, set[str]]] = {}  # text, escalated?, parts named
    for start, end in clauses(low):
        clause = low[start:end]
        if _WAIVE_RE.search(clause) is None or REFUSED.search(clause) or _asked(clause):
            continue
        s_start = sentence_start(low, start)
        if s_start not in sentence_facts:
            sentence = low[s_start : sentence_end(low, start)]
            sentence_facts[s_start] = (
                sentence,
                bool(ESCALATED.search(sentence)),
                _components(sentence),
            )
        sentence, escalated, in_sentence = sentence_facts[s_start]
        said = [r.mention.value for r in line.figures if start <= r.mention.start < end]
        if escalated and not _applied_for_outright(sentence, clause, said):
            continue
        named = _resolve_penalty(_components(clause) or in_sentence, line_parts, said, ledger)
        share = _fraction(clause)
        if _LIMIT_RE.search(clause):
            # "滞纳金最多减一半" where all of it may go: the limit said is not the account's.
            low_limit = _understated(clause, named, share, line, start, end, ledger)
            if low_limit is not None:
                findings.append(_understated_finding(turn, analysis, low_limit, ledger))
                continue
        bases = (
            {amounts[q] for p in named for q in (either if p == "penalty" else (p,))}
            if share is not None and share < 1
            else set()
        )
        waived = [
            r
            for r in line.figures
            if start <= r.mention.start < end
            and not r.skip
            # a rough figure is what is waived only when no share of it is said ("利息三千九
            # 百多也一起免了"; "利息三千九百多可以减三成" names the interest the share is of)
            and (not r.mention.approx or share is None or share == 1)
            and (not r.roles or r.roles[0] in _WAIVED_ROLES or r.compound)
            and "after_waiver" not in r.roles
            and not any(same_amount(r.mention.value, b) for b in bases)  # "64元最多减免一半"
        ]
        named_waived = [r for r in waived if r.roles[:1] == ("waiver",)]
        if named_waived:
            # "罚息二百四的话我能给您免掉八十": the figure the waiver verb names is what is
            # waived; the charge named beside it is what it is taken from.
            waived = named_waived
        if waived:
            cap = (
                sum((caps[p] for p in named), Decimal(0))
                if named
                else sum(caps.values(), Decimal(0))
            )
            for r in waived:
                if _within(r.mention, cap):
                    continue
                said_zh, said_en = fmt_said(r.mention, ledger)
                part_zh = "、".join(PART_NAMES[p][0] for p in sorted(named)) or "费用"
                part_en = " and ".join(PART_NAMES[p][1] for p in sorted(named)) or "charges"
                findings.append(
                    relief_finding(
                        turn,
                        analysis,
                        r.mention.raw,
                        f"减免{part_zh} {said_zh}",
                        f"Waiving {said_en} of the {part_en}",
                        ledger,
                    )
                )
            continue
        if any(
            start <= r.mention.start < end
            and not any(same_amount(r.mention.value, b) for b in bases)
            for r in line.figures
        ):
            continue  # what is owed after the waiver is checked as a figure
        # Only the quantity the share is of was said ("利息1203.75可以减一半"): the share counts.
        if not named and share is not None and share < 1 and _DISCOUNT.search(clause):
            # "a 10% discount", "打九折": a share of the whole debt.
            total_cap = caps["interest"] + caps["late_fee"]
            if money(ledger.overdue_total * share) > total_cap:
                findings.append(
                    relief_finding(
                        turn,
                        analysis,
                        analysis.text[start:end].strip(),
                        f"减免欠款的{share:.0%}",
                        f"Taking {share:.0%} off the debt",
                        ledger,
                    )
                )
            continue
        own = _shares_by_part(clause)
        for part in sorted(named):
            if part != "penalty" and not amounts[part]:
                continue
            cap_share = shares[part]
            wanted = own.get(part, share)
            if wanted is None and (cap_share == 0 or _waives_it_all(clause)):
                wanted = Decimal(1)
            if wanted is None or wanted <= cap_share:
                continue
            zh_part, en_part = PART_NAMES[part]
            share_zh = "全部" if wanted == 1 else f"{wanted:.0%}"
            share_en = "all" if wanted == 1 else f"{wanted:.0%}"
            findings.append(
                relief_finding(
                    turn,
                    analysis,
                    analysis.text[start:end].strip(),
                    f"减免{share_zh}{zh_part}",
                    f"Waiving {share_en} of the {en_part}",
                    ledger,
                )
            )
    # One offer said twice ("利息可以少收一点，少收一百") is one finding, not two.
    unique: dict[str, Finding] = {}
    for finding in findings:
        unique.setdefault(finding.message.en, finding)
    return list(unique.values())


# 申请 is how a waiver is offered when its outcome is said ("滞纳金可以帮您申请全免", "利息
# 三千九百六十二块四也能一起申请免": the debtor applies and it is granted, as "帮您申请分48期"
# offers a plan, plans.py); with no outcome ("申请减免部分利息") or a doubt said ("看看能不能",
# "不一定") it is put to someone else.
_APPLY = re.compile(r"申请|申請")


def _applied_for_outright(sentence: str, clause: str, said: list[Decimal]) -> bool:
    return (
        _APPLY.search(sentence) is not None
        and ESCALATED_NOT_APPLYING.search(sentence) is None
        and bool(said or extract_shares(clause) or _waives_it_all(clause))
    )


# Verbs that take the whole charge away when no share is said: "滞纳金帮您免掉", "we'll waive
# the late fee" (but "减", "少收", "knock some off" take a part, and "免掉一部分" says so).
_WHOLE_VERB = re.compile(
    r"免掉|免了|免去|免除|豁免|不收|不用还|不用付|不用交|\bwaiv\w*|\bforgiv\w*|\bremov\w*"
    r"|\bdrop\w*|\beliminat\w*|\bwip\w*|\bwrite\s++(?:it\s++)?off"
)
_A_PART = re.compile(
    r"部分|一些|一点|一块|\bsome\b|\bpart\b|\bportion|\bpartial|\ba\s++(?:little|bit)\b"
)


def _waives_it_all(clause: str) -> bool:
    return _WHOLE_VERB.search(clause) is not None and _A_PART.search(clause) is None


# A share off the whole debt: "a 10% discount", "打九折", "20% off".
_DISCOUNT = re.compile(r"discount|\boff\b|优惠|折扣|打个?.折|减免")


def _asked(clause: str) -> bool:
    """A question, not an offer ("您是想减免利息吗？"), unless it offers ("可以给您免掉吗")."""
    return bool(re.search(r"[?？]|吗\s*+$", clause.strip())) and not re.search(
        r"可以给|能给|帮您|\bwe\s++can|\bi\s++can", clause
    )


# The most that may be waived, said as such: "最多减一半", "最高能免618.2", "up to half",
# "at most $40", "the max we can take off is…".
_LIMIT_RE = re.compile(
    r"最多|最高|顶多|至多|上限|封顶|最大|\bat\s++most\b|\bup\s++to\b|\bmax(?:imum)?\b|\bthe\s++most\b"
    r"|\bno\s++more\s++than\b|\bcapped\s++at\b"
)


def _understated(
    clause: str,
    named: set[str],
    share: Decimal | None,
    line: LineFigures,
    start: int,
    end: int,
    ledger: Ledger,
) -> str | None:
    """The limit said, when it is below what the ledger lets the collector waive of the charge
    named (a share, or an amount of it); None when it is the limit or above it (beyond it is
    ACC-RELIEF's own finding)."""
    relief = ledger.relief
    shares = {"interest": relief.max_waive_interest, "late_fee": relief.max_waive_late_fee}
    amounts = {"interest": ledger.interest, "late_fee": ledger.late_fee}
    parts = [p for p in sorted(named) if p in shares and amounts[p] and shares[p]]
    if not parts:
        return None
    own = _shares_by_part(clause)
    for part in parts:
        wanted = own.get(part, share)
        if wanted is not None and wanted < shares[part]:
            return clause.strip()
    if share is not None or len(parts) != 1:
        return None
    part = parts[0]
    cap = money(amounts[part] * shares[part])
    for r in line.figures:
        m = r.mention
        if not start <= m.start < end or r.skip or m.approx:
            continue
        if r.roles and r.roles[0] not in ("waiver", part):
            continue
        if same_amount(m.value, amounts[part]) or same_amount(m.value, cap):
            continue
        if 0 < m.value < cap:
            return m.raw
    return None


def _understated_finding(
    turn: int | None, analysis: Analysis, evidence: str, ledger: Ledger
) -> Finding:
    allowed_zh, allowed_en = relief_allowed(ledger)
    return accuracy_finding(
        turn,
        "ACC-RELIEF",
        "minor",
        analysis.text,
        evidence,
        Bilingual(
            zh=f"“{evidence}”说的减免上限不对：该账户{allowed_zh}。",
            en=f"“{evidence}” is not this account's relief limit: it allows {allowed_en}.",
        ),
        Bilingual(
            zh=f"按账户的减免权限说：{allowed_zh}。",
            en=f"State the relief the account allows: {allowed_en}.",
        ),
    )
