"""The after-call note: complete (outcome, promise, next step) and true to what was said."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from scoring.analysis import Analysis, analyze
from scoring.data_files import load_yaml
from scoring.endings import of_class
from scoring.findings import Finding
from scoring.i18n import Bilingual, Lang, lang_of
from scoring.ledger import same_amount
from scoring.taxonomy import Severity
from scoring.text import either
from scoring.transcript import Transcript

DATA = Path(__file__).parent / "data" / "callnote.yaml"
NOTE_OBJECTIVE = "write_call_note"
_PROMISE_WORDS = re.compile(r"还款|还清|还第|承诺|约定|promis|agreed|will pay|payment|due")


@dataclass(frozen=True, slots=True)
class _Patterns:
    outcome: dict[str, dict[str, re.Pattern[str]]]
    next_step: dict[str, re.Pattern[str]]


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(either(patterns))


@cache
def _patterns() -> _Patterns:
    data = load_yaml(DATA)
    return _Patterns(
        outcome={
            ending: {lang: _alternation(spec[lang]) for lang in ("zh", "en")}
            for ending, spec in data["outcome"].items()
        },
        next_step={lang: _alternation(data["next_step"][lang]) for lang in ("zh", "en")},
    )


def _finding(
    rule: str,
    severity: Severity,
    note: str,
    evidence: str,
    zh: str,
    en: str,
    fix_zh: str,
    fix_en: str,
) -> Finding:
    return Finding(
        turn=None,
        dimension="outcome",
        rule=rule,
        category=None,
        severity=severity,
        quote=note,
        evidence=evidence,
        message=Bilingual(zh=zh, en=en),
        suggestion=Bilingual(zh=fix_zh, en=fix_en),
        citation="Call-record practice / 催收作业记录规范",
    )


def _said_in_call(analyses: list[Analysis]) -> tuple[set[Decimal], set[str]]:
    amounts = {m.value for a in analyses for m in a.amounts}
    dates = {d.value.isoformat() for a in analyses for d in a.dates}
    return amounts, dates


def judge_note(note: str | None, transcript: Transcript) -> list[Finding]:
    """Findings of a call note, checked against the transcript it summarises."""
    lang: Lang = lang_of(transcript.language)
    text = (note or "").strip()
    if not text:
        return [
            _finding(
                "NOTE-MISSING",
                "major",
                "",
                "",
                "没有填写通话小结。",
                "No call note was written.",
                "写明结果、承诺（金额和日期）和下一步。",
                "Write the outcome, the promise (amount and date) and the next step.",
            )
        ]
    day = transcript.turns[-1].at.date() if transcript.turns else transcript.started_at.date()
    note_analysis = analyze(text, lang, day)
    findings: list[Finding] = []
    patterns = _patterns()
    ending = transcript.ending or ""
    outcome = patterns.outcome.get(ending, {}).get(lang)
    if outcome is not None and not outcome.search(note_analysis.norm):
        findings.append(
            _finding(
                "NOTE-OUTCOME",
                "major",
                text,
                "",
                f"小结没有写明通话结果（{ending}）。",
                f"The note does not state the call's outcome ({ending}).",
                "第一句写结果，例如：“客户承诺…”“已约定回电时间…”。",
                "Lead with the outcome, e.g. “Customer promised…”, “Callback agreed for…”.",
            )
        )
    call_lines = [
        analyze(t.text, lang, t.at.date()) for t in transcript.turns if t.speaker != "system"
    ]
    said_amounts, said_dates = _said_in_call(call_lines)
    known = set(transcript.basis.ledger.known_amounts().values()) | said_amounts
    for mention in note_analysis.amounts:
        if not any(same_amount(mention.value, k) for k in known):
            findings.append(
                _finding(
                    "NOTE-FIGURE",
                    "major",
                    text,
                    mention.raw,
                    f"小结中的金额“{mention.raw}”在通话和账户中都没有出现。",
                    f"The amount “{mention.raw}” was neither said in the call nor on the ledger.",
                    "只记录通话中确认过的金额。",
                    "Record only amounts confirmed in the call.",
                )
            )
    for date_mention in note_analysis.dates:
        # Only a promised date must match the call; a reminder date is the trainee's own plan.
        around = text[max(0, date_mention.start - 12) : date_mention.end + 12].lower()
        if _PROMISE_WORDS.search(around) and date_mention.value.isoformat() not in said_dates:
            findings.append(
                _finding(
                    "NOTE-DATE",
                    "major",
                    text,
                    date_mention.raw,
                    f"小结中的日期“{date_mention.raw}”与通话中约定的不符。",
                    f"The date “{date_mention.raw}” is not a date agreed in the call.",
                    "写通话中确认的日期。",
                    "Write the date confirmed in the call.",
                )
            )
    if ending in of_class("promise") and not (note_analysis.amounts or note_analysis.dates):
        findings.append(
            _finding(
                "NOTE-PROMISE",
                "major",
                text,
                "",
                "有还款承诺，但小结没有写金额或日期。",
                "There was a promise, but the note gives no amount or date.",
                "写明承诺的金额和日期。",
                "Write the promised amount and date.",
            )
        )
    if not patterns.next_step[lang].search(note_analysis.norm):
        findings.append(
            _finding(
                "NOTE-NEXT-STEP",
                "minor",
                text,
                "",
                "小结没有写下一步安排。",
                "The note does not say what happens next.",
                "补一句下一步，例如“到期前一天短信提醒”。",
                "Add the next step, e.g. “Reminder SMS the day before”.",
            )
        )
    return findings
