"""The one report a trainee reads, as words in one language: the app's report screen, the
Markdown and the HTML export all render this view, so they cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass

from scoring.endings import label as ending_label
from scoring.findings import Finding
from scoring.i18n import Bilingual, Lang
from scoring.report import Report

WORDS: dict[str, dict[Lang, str]] = {
    "title": {"zh": "通话评估报告", "en": "Call report"},
    "score": {"zh": "总分", "en": "Score"},
    "passed": {"zh": "通过", "en": "PASSED"},
    "failed": {"zh": "未通过", "en": "FAILED"},
    "pass_mark": {
        "zh": "（及格线 {mark:.0f} 分，且不能有严重违规）",
        "en": "(pass mark {mark:.0f}, and no critical violation)",
    },
    "critical": {
        "zh": "存在严重违规，本次通话不合格。",
        "en": "A critical violation fails the call.",
    },
    "no_outcome": {
        "zh": "通话没有达成还款方案、承诺或明确的下一步，不能只凭语气通过。",
        "en": "The call agreed no plan, promise or next step: tone alone does not pass it.",
    },
    "dimensions": {"zh": "分项", "en": "Dimensions"},
    "tone": {"zh": "语气", "en": "Tone"},
    "accuracy": {"zh": "准确", "en": "Accuracy"},
    "compliance": {"zh": "合规", "en": "Compliance"},
    "outcome": {"zh": "结果", "en": "Outcome"},
    "weight": {"zh": "权重", "en": "weight"},
    "full": {"zh": "满分，没有扣分", "en": "full marks, nothing deducted"},
    "findings": {"zh": "扣分项", "en": "Findings"},
    "no_findings": {"zh": "没有违规或错误", "en": "No rule broken, no figure wrong"},
    "objectives": {"zh": "通话目标", "en": "Objectives"},
    "objective_turn": {"zh": "第{n}句", "en": "turn {n}"},
    "transcript": {"zh": "通话记录", "en": "Transcript"},
    "mood": {"zh": "对方情绪", "en": "Persona's mood"},
    "ending": {"zh": "结束方式", "en": "Ending"},
    "final_mood": {"zh": "结束时对方情绪", "en": "persona's mood at the end"},
    "hints": {
        "zh": "使用提示 {n} 次（每次扣 {cost:g} 分）",
        "en": "hints used: {n} (−{cost:g} each)",
    },
    "suggest": {"zh": "建议说法", "en": "Say instead"},
    "source": {"zh": "依据", "en": "Source"},
    "turn": {"zh": "第{n}句", "en": "Turn {n}"},
    "call": {"zh": "整通电话", "en": "Whole call"},
    "trainee": {"zh": "学员", "en": "Trainee"},
    "persona": {"zh": "对方", "en": "Debtor's side"},
    "system": {"zh": "系统", "en": "System"},
}

MARKS = {"met": "✔", "missed": "✘", "impossible": "⊘"}


def w(key: str, lang: Lang, **values: object) -> str:
    return WORDS[key][lang].format(**values)


def citation_text(finding: Finding, lang: Lang) -> str:
    """A finding's legal source as every report shows it (the one place it is worded)."""
    del lang  # the citation is stored as written in the rule pack
    return finding.citation


def where(finding: Finding, lang: Lang) -> str:
    return w("call", lang) if finding.turn is None else w("turn", lang, n=finding.turn)


@dataclass(frozen=True, slots=True)
class DimensionView:
    key: str
    name: str
    score: float
    weight: float
    deductions: list[str]  # "−35.0 · Turn 3 · ACC-AMOUNT: …"; empty only at 100


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    mark: str
    label: str
    why: str  # the turn that met it, or why it was missed / impossible


@dataclass(frozen=True, slots=True)
class FindingView:
    severity: str
    turn: int | None
    head: str  # "[major] Turn 3 ACC-AMOUNT (accuracy)"
    quote: str
    message: str
    suggestion: str
    citation: str


@dataclass(frozen=True, slots=True)
class ReportView:
    title: str
    passed: bool
    verdict: str  # "Score: 69.6 / 100 — FAILED (pass mark 80, and no critical violation)"
    critical: str | None
    certification: str | None  # whether this attempt can count toward certification
    dimensions: list[DimensionView]
    objectives: list[ObjectiveView]
    ending: str  # "Ending: hung up · persona's mood at the end: 20 · hints used: 1 (−3 each)"
    findings: list[FindingView]
    footer: str  # rule pack, encoder, scenario hash, attempt


def _deduction_line(
    points: float, turn: int | None, rule: str | None, text: Bilingual, lang: Lang
) -> str:
    # A negative deduction gives points back (a line above the base tone): "+1.0".
    parts = [f"−{points:.1f}" if points >= 0 else f"+{-points:.1f}"]
    if turn is not None:
        parts.append(w("turn", lang, n=turn))
    body = text.get(lang)
    parts.append(f"{rule}: {body}" if rule else body)
    return " · ".join(parts)


def build_view(
    report: Report,
    lang: Lang,
    *,
    title: str | None = None,
    certification: Bilingual | None = None,
) -> ReportView:
    """The report in `lang`: every renderer's only input besides the transcript."""
    verdict_word = w("passed", lang) if report.passed else w("failed", lang)
    dims = []
    for key, value in report.dimensions.items():
        lost = [
            _deduction_line(d.points, d.turn, d.rule, d.text, lang)
            for d in report.deductions.get(key, [])
        ]
        dims.append(
            DimensionView(
                key=key,
                name=w(key, lang),
                score=value,
                weight=report.weights.get(key, 0.0),
                deductions=lost if lost or value < 100 else [],
            )
        )
    objectives = []
    for o in report.objectives:
        if o.status == "met":
            why = w("objective_turn", lang, n=o.turn) if o.turn is not None else ""
        else:
            why = o.why.get(lang) if o.why else ""
        objectives.append(ObjectiveView(MARKS[o.status], o.label.get(lang), why))
    mood = report.outcome.final_mood
    ending = (
        f"{w('ending', lang)}: {ending_label(report.outcome.ending).get(lang)} · "
        f"{w('final_mood', lang)}: {'—' if mood is None else mood} · "
        f"{w('hints', lang, n=report.hints_used, cost=report.hint_cost)}"
    )
    findings = [
        FindingView(
            severity=f.severity,
            turn=f.turn,
            head=f"[{f.severity}] {where(f, lang)} {f.rule} ({w(f.dimension, lang)})",
            quote=f.quote,
            message=f.message.get(lang),
            suggestion=f.suggestion.get(lang),
            citation=citation_text(f, lang),
        )
        for f in report.findings
    ]
    return ReportView(
        title=f"{w('title', lang)} — {title or report.scenario_id}",
        passed=report.passed,
        verdict=(
            f"{w('score', lang)}: {report.score:.1f} / 100 — {verdict_word}"
            f"{'' if lang == 'zh' else ' '}{w('pass_mark', lang, mark=report.pass_mark)}"
        ),
        # Why the call fails whatever its score: a critical violation, or no outcome.
        critical=w("critical", lang)
        if report.failed_by_critical
        else w("no_outcome", lang)
        if report.failed_by_outcome
        else None,
        certification=certification.get(lang) if certification else None,
        dimensions=dims,
        objectives=objectives,
        ending=ending,
        findings=findings,
        footer=(
            f"{report.rulepack} · {report.understanding} · {report.scenario_hash} · "
            f"{report.attempt_id}"
        ),
    )


def dimension_line(d: DimensionView, lang: Lang) -> str:
    return f"{d.name} {d.score:.0f} ({w('weight', lang)} ×{d.weight:.2f})"


def objective_line(o: ObjectiveView) -> str:
    return f"{o.mark} {o.label}" + (f" — {o.why}" if o.why else "")
