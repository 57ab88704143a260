"""Judging one trainee turn: compliance, accuracy and tone findings together.

Used live (practice-mode warnings) and by `score` on the stored transcript, so the
two always agree.
"""

from __future__ import annotations

from datetime import datetime

from scoring.accuracy import check_line
from scoring.analysis import Analysis
from scoring.compliance import Judge, LineContext, compliance_finding
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger
from scoring.taxonomy import Severity
from scoring.tone import reader
from scoring.transcript import TurnContext

# Tone markers that cost points, with their severity and a better way to say it.
_TONE_PENALTIES: dict[str, tuple[Severity, Bilingual]] = {
    "contempt": (
        "major",
        Bilingual(
            zh="就事论事，称呼客户“您”，不评价其为人：“我们一起看看怎么把这笔款项处理好。”",
            en="Stick to facts and respect: “Let's look at how we can resolve this together.”",
        ),
    ),
    "threat": (
        "major",
        Bilingual(
            zh="只陈述真实、可能的后果：“如果持续逾期，可能会影响您的征信记录。”",
            en="State only real, possible consequences: “If it stays unpaid, it may be "
            "reported to the credit bureaus.”",
        ),
    ),
    "pressure": (
        "minor",
        Bilingual(
            zh="给出选择而非命令：“您看今天或者明天，哪个时间方便处理？”",
            en="Offer choices, not orders: “Would today or tomorrow work better for you?”",
        ),
    ),
    "blame": (
        "minor",
        Bilingual(
            zh="不追究对错，聚焦方案：“我们先看看接下来怎么安排还款。”",
            en="Skip the blame, focus on a plan: “Let's look at what we can set up from here.”",
        ),
    ),
    "shouting": (
        "minor",
        Bilingual(
            zh="保持平稳语气，不用连串感叹号或全大写。",
            en="Keep an even tone: no capitals or strings of exclamation marks.",
        ),
    ),
}


def line_context(context: TurnContext, at: datetime, ledger: Ledger) -> LineContext:
    return LineContext(
        party=context.party,
        verified=context.verified,
        flags=frozenset(context.flags),
        local_time=at,
        legal_status=ledger.legal_status,
        time_barred=ledger.time_barred,
    )


def tone_findings(analysis: Analysis, turn: int | None) -> list[Finding]:
    findings = []
    for marker in analysis.tone.markers:
        penalty = _TONE_PENALTIES.get(marker.kind)
        if penalty is None:
            continue
        severity, suggestion = penalty
        label = reader().label(marker.kind)
        findings.append(
            Finding(
                turn=turn,
                dimension="tone",
                rule=f"TONE-{marker.kind.upper()}",
                category=None,
                severity=severity,
                quote=analysis.text,
                evidence=marker.words,
                message=Bilingual(
                    zh=f"语气扣分（{label.zh}）：“{marker.words}”",
                    en=f"Tone ({label.en}): “{marker.words}”",
                ),
                suggestion=suggestion,
                citation="Civil-language practice / 文明催收用语规范",
            )
        )
    return findings


def judge_turn(
    analysis: Analysis,
    context: TurnContext,
    at: datetime,
    ledger: Ledger,
    judge: Judge,
    turn: int | None,
) -> list[Finding]:
    """Every finding of one trainee line said in `context` at local time `at`."""
    hits = judge.judge_line(analysis.text, line_context(context, at, ledger), norm=analysis.norm)
    return [
        *(compliance_finding(hit.rule, turn, analysis.text, hit.evidence) for hit in hits),
        *check_line(analysis, ledger, turn),
        *tone_findings(analysis, turn),
    ]
