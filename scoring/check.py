"""Judging single utterances out of a call (`collectsim check`)."""

from __future__ import annotations

from scoring.compliance import Judge, LineContext, compliance_finding
from scoring.i18n import Lang
from scoring.text import normalise
from scoring.tone import reader


def check_utterance(
    text: str, lang: Lang, judge: Judge, ctx: LineContext, *, message: bool = False
) -> dict[str, object]:
    """Findings and tone of one utterance; with `message`, required content applies too.

    Out of a call there is no ledger and no persona, so only compliance and tone are judged
    (and only tone and the judge run: no intent or entity analysis is needed).
    """
    norm = normalise(text)
    hits = judge.judge_line(text, ctx, norm=norm)
    findings = [
        compliance_finding(h.rule, None, text, h.evidence, h.severity, h.nearest, ctx.product)
        for h in hits
    ]
    if message:
        findings += [
            compliance_finding(r, None, text, "", product=ctx.product)
            for r in judge.missing_in_message(text, ctx.product, ctx.channel)
        ]
    return {
        "findings": [
            {
                "rule": f.rule,
                "category": f.category,
                "severity": f.severity,
                "quote": f.evidence or f.quote,
                "message": f.message.get(lang),
                "citation": f.citation,
            }
            for f in findings
        ],
        "tone": reader().read(text, norm, lang).as_dict(),
    }
