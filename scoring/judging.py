"""Judging one trainee turn: compliance, accuracy and tone findings together.

Used live (practice-mode warnings) and by `score` on the stored transcript, so the
two always agree.
"""

from __future__ import annotations

import re
from datetime import datetime

from scoring.accuracy import check_line
from scoring.analysis import Analysis
from scoring.compliance import Judge, LineContext, compliance_finding
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger
from scoring.rulepack import RewriteNames
from scoring.tone import reader
from scoring.transcript import TurnContext


def line_context(
    context: TurnContext, at: datetime, ledger: Ledger, channel: str | None = None
) -> LineContext:
    return LineContext(
        party=context.party,
        verified=context.verified,
        flags=frozenset(context.flags),
        local_time=at,
        legal_status=ledger.legal_status,
        time_barred=ledger.time_barred,
        product=ledger.product_type,
        channel=channel,
        state=ledger.state,
    )


def _swap(text: str, samples: list[str], real: str) -> str:
    for sample in samples:
        # Whole words only: "Alex" is not replaced inside "Alexander".
        text = re.sub(rf"(?<![A-Za-z]){re.escape(sample)}(?![A-Za-z])", lambda _: real, text)
    return text


def in_the_callers_words(finding: Finding, names: RewriteNames, ledger: Ledger) -> Finding:
    """The finding's rewrite with the call's own agency, creditor, collector and debtor in place
    of the pack's sample names (the review's "Alex Chen with Acme Recovery Services" on a
    Bayline Recovery Partners call)."""
    first = {
        "collector": ledger.collector.split()[0] if ledger.collector.strip() else "",
        "debtor": ledger.debtor.split()[0] if ledger.debtor.strip() else "",
    }
    swaps = [
        (names.agency, ledger.agency),
        (names.creditor, ledger.creditor),
        (names.collector, ledger.collector),
        (names.collector_first, first["collector"]),
        (names.debtor, ledger.debtor),
        (names.debtor_first, first["debtor"]),
    ]
    texts = {"zh": finding.suggestion.zh, "en": finding.suggestion.en}
    for samples, real in swaps:
        if real.strip():
            texts = {lang: _swap(text, samples, real) for lang, text in texts.items()}
    if texts == {"zh": finding.suggestion.zh, "en": finding.suggestion.en}:
        return finding
    return finding.model_copy(update={"suggestion": Bilingual(**texts)})


def tone_findings(analysis: Analysis, turn: int | None) -> list[Finding]:
    findings = []
    tone = reader()
    for marker in analysis.tone.markers:
        penalty = tone.penalty(marker.kind)
        if penalty is None:
            continue
        label = tone.label(marker.kind)
        findings.append(
            Finding(
                turn=turn,
                dimension="tone",
                rule=f"TONE-{marker.kind.upper()}",
                category=None,
                severity=penalty.severity,
                quote=analysis.text,
                evidence=marker.words,
                message=Bilingual(
                    zh=f"语气扣分（{label.zh}）：“{marker.words}”",
                    en=f"Tone ({label.en}): “{marker.words}”",
                ),
                suggestion=penalty.rewrite,
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
    channel: str | None = None,
) -> list[Finding]:
    """Every finding of one trainee line said in `context` at local time `at`."""
    ctx = line_context(context, at, ledger, channel)
    hits = judge.judge_line(analysis.text, ctx, norm=analysis.norm)
    return [
        *(
            in_the_callers_words(
                compliance_finding(
                    hit.rule,
                    turn,
                    analysis.text,
                    hit.evidence,
                    hit.severity,
                    hit.nearest,
                    ledger.product_type,
                ),
                judge.pack.rewrite_names,
                ledger,
            )
            for hit in hits
        ),
        *check_line(analysis, ledger, turn),
        *tone_findings(analysis, turn),
    ]
