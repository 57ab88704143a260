"""`score`: the pure function from a transcript to its report.

Same transcript, ledger, rubric and rule pack: same report, byte for byte. The live
session and a rescore years later both come through here.
"""

from __future__ import annotations

from scoring.analysis import Analysis, analyze
from scoring.callnote import NOTE_OBJECTIVE, judge_note
from scoring.compliance import Judge, check_required_in_turns, compliance_finding
from scoring.endings import label as ending_label
from scoring.endings import of_class
from scoring.findings import Finding
from scoring.i18n import Bilingual, lang_of
from scoring.judging import in_the_callers_words, judge_turn
from scoring.objectives import assess, label
from scoring.report import Deduction, LineTone, ObjectiveResult, Outcome, Report
from scoring.rubric import Rubric
from scoring.taxonomy import SEVERITY_PENALTY
from scoring.tone import reader as tone_reader
from scoring.transcript import Transcript
from scoring.understanding import identity as understanding_identity


def _lost(findings: list[Finding], dimension: str, share: float = 1.0) -> float:
    """Points a dimension loses to its findings, at `share` of each severity's penalty."""
    return sum(SEVERITY_PENALTY[f.severity] * share for f in findings if f.dimension == dimension)


def _dedupe_context_rules(findings: list[Finding], judge: Judge) -> list[Finding]:
    """Rules about the moment (calling hours) count once per call, not once per line."""
    context_rules = {r.id for r in judge.pack.rules if not r.patterns and r.kind != "required"}
    seen: set[str] = set()
    kept = []
    for f in findings:
        if f.rule in context_rules:
            if f.rule in seen:
                continue
            seen.add(f.rule)
        kept.append(f)
    return kept


def score(transcript: Transcript, judge: Judge) -> Report:
    """Score a transcript against its basis (ledger, rubric, objectives) under `judge`'s pack."""
    ledger, rubric, objectives = (
        transcript.basis.ledger,
        transcript.basis.rubric,
        transcript.basis.objectives,
    )
    lang = lang_of(transcript.language)
    trainee = transcript.trainee_turns()
    analyses: list[Analysis] = [analyze(t.text, lang, t.at.date()) for t in trainee]
    findings: list[Finding] = []
    tone_lines: list[LineTone] = []
    for turn, analysis in zip(trainee, analyses, strict=True):
        assert turn.context is not None, "trainee turns carry their context"
        findings.extend(
            judge_turn(
                analysis, turn.context, turn.at, ledger, judge, turn.index, transcript.basis.channel
            )
        )
        tone_lines.append(
            LineTone(
                turn=turn.index,
                score=max(0.0, min(100.0, rubric.tone_base + analysis.tone.score)),
                markers=[
                    {"kind": m.kind, "words": m.words, "delta": m.delta}
                    for m in analysis.tone.markers
                ],
            )
        )
    required = check_required_in_turns(
        judge,
        [(t.index, t.text, t.context.party if t.context else "debtor") for t in trainee],
        ledger.product_type,
        transcript.basis.channel,
    )
    for rule, index in required:
        quote = next((t.text for t in trainee if t.index == index), "")
        found = compliance_finding(rule, index, quote, "", product=ledger.product_type)
        findings.append(in_the_callers_words(found, judge.pack.rewrite_names, ledger))
    if NOTE_OBJECTIVE in objectives:
        findings.extend(judge_note(transcript.note, transcript))
    findings = _dedupe_context_rules(findings, judge)
    findings.sort(key=lambda f: (f.turn if f.turn is not None else 10**9, f.dimension, f.rule))

    lines = [(t.index, a) for t, a in zip(trainee, analyses, strict=True)]
    met = [
        ObjectiveResult(
            name=a.name,
            label=label(a.name),
            met=a.status == "met",
            status="missed" if a.status == "pending" else a.status,
            turn=a.turn,
            why=a.why,
        )
        for a in assess(objectives, lines, findings, transcript.ending, ledger)
    ]
    good_ending = transcript.ending in rubric.good_endings
    # An objective the other party made impossible is left out of the share, not failed.
    counted = [o for o in met if o.status != "impossible"]
    objective_share = sum(o.met for o in counted) / len(counted) if counted else 1.0
    tone_mean = sum(t.score for t in tone_lines) / len(tone_lines) if tone_lines else 0.0
    outcome_points = rubric.outcome.objectives * objective_share + (
        rubric.outcome.good_ending if good_ending else 0.0
    )
    dimensions = {
        "tone": tone_mean - _lost(findings, "tone", rubric.tone_penalty_share),
        "accuracy": 100.0 - _lost(findings, "accuracy"),
        "compliance": 100.0 - _lost(findings, "compliance"),
        "outcome": outcome_points - _lost(findings, "outcome", rubric.outcome_penalty_share),
    }
    dimensions = {k: round(max(0.0, v), 1) for k, v in dimensions.items()}
    weights = rubric.weights.model_dump()
    hints = sum(1 for t in trainee if t.hint)
    total = sum(dimensions[k] * weights[k] for k in dimensions) - rubric.hint_cost * hints
    total = round(max(0.0, min(100.0, total)), 1)
    critical = any(f.severity == "critical" and f.dimension == "compliance" for f in findings)
    # Tone alone never passes a call that agreed nothing (the rubric's data says so).
    no_outcome = rubric.needs_good_ending() and not good_ending
    promise_lines = [a for a in analyses if a.has("confirm_arrangement")]
    outcome = Outcome(
        ending=transcript.ending,
        good=good_ending,
        final_mood=transcript.final_mood,
        promise_amounts=[float(m.value) for a in promise_lines for m in a.amounts]
        if transcript.ending in of_class("promise")
        else [],
        promise_dates=[d.value.isoformat() for a in promise_lines for d in a.dates]
        if transcript.ending in of_class("promise")
        else [],
    )
    pack = judge.pack
    return Report(
        attempt_id=transcript.attempt_id,
        scenario_id=transcript.scenario_id,
        scenario_hash=transcript.scenario_hash,
        rulepack=f"{pack.jurisdiction} {pack.version} ({pack.content_hash})",
        understanding=understanding_identity(),
        mode=transcript.mode,
        language=transcript.language,
        passed=total >= rubric.pass_mark and not critical and not no_outcome,
        failed_by_critical=critical,
        failed_by_outcome=no_outcome,
        score=total,
        pass_mark=rubric.pass_mark,
        dimensions=dimensions,
        weights=weights,
        findings=findings,
        objectives=met,
        outcome=outcome,
        hints_used=hints,
        hint_cost=rubric.hint_cost,
        mood_curve=[(t.index, t.mood) for t in transcript.turns if t.speaker == "persona"],
        tone_by_line=tone_lines,
        deductions=_deductions(findings, tone_lines, counted, transcript.ending, rubric),
    )


def _head(text: str, colon: str) -> str:
    """A finding message's title (before its first colon): the findings list says the rest."""
    return text.split(colon, 1)[0] if colon in text else text


def _finding_deduction(f: Finding, share: float) -> Deduction:
    text = Bilingual(
        zh=f"[{f.severity}] {_head(f.message.zh, '：')}",
        en=f"[{f.severity}] {_head(f.message.en, ': ')}",
    )
    return Deduction(
        points=SEVERITY_PENALTY[f.severity] * share, turn=f.turn, rule=f.rule, text=text
    )


def _marker_words(markers: list[dict[str, object]]) -> Bilingual:
    """ "polite wording +4, empathy +8" in each language (the tone data's labels, never ids)."""
    labels = [
        (tone_reader().label(str(m["kind"])), f"{float(str(m['delta'])):+.0f}".replace("-", "−"))
        for m in markers
    ]
    return Bilingual(
        zh="，".join(f"{label.zh} {delta}" for label, delta in labels),
        en=", ".join(f"{label.en} {delta}" for label, delta in labels),
    )


def _tone_deductions(tone_lines: list[LineTone], rubric: Rubric) -> list[Deduction]:
    """100 − the mean line tone, in the formula's terms: every line starts at the base, so the
    base's distance from 100 is one entry; then each line (lines alike grouped) moves the mean
    by its distance from the base: below it a deduction, above it points given back (negative).
    A line better than the base is never charged (it once showed as "−8 · tone 84")."""
    if not tone_lines:
        return [
            Deduction(
                points=100.0,
                turn=None,
                rule=None,
                text=Bilingual(zh="没有说一句话", en="Nothing was said"),
            )
        ]
    n = len(tone_lines)
    if all(t.score >= 100 for t in tone_lines):
        return []
    base = rubric.tone_base
    out = []
    if base < 100:
        out.append(
            Deduction(
                points=100 - base,
                turn=None,
                rule=None,
                text=Bilingual(
                    zh=f"每句话从基准分 {base:.0f} 起算（礼貌用语、表达理解可加分）",
                    en=f"every line starts at the base tone {base:.0f} "
                    "(courtesy and empathy raise it)",
                ),
            )
        )
    # Lines of the same tone and markers as one entry: "turns 2, 3, 5: tone 84 (…)".
    groups: dict[tuple[float, str], tuple[Bilingual, list[int]]] = {}
    for t in tone_lines:
        if t.score == base:
            continue
        words = _marker_words(t.markers)
        groups.setdefault((t.score, words.en), (words, []))[1].append(t.turn)
    for (score, _), (words, turns) in groups.items():
        which = ", ".join(str(n) for n in turns)
        out.append(
            Deduction(
                points=(base - score) * len(turns) / n,
                turn=turns[0] if len(turns) == 1 else None,
                rule=None,
                text=Bilingual(
                    zh=(f"第{which.replace(', ', '、')}句" if len(turns) > 1 else "这句")
                    + f"语气 {score:.0f}（{words.zh}）",
                    en=(f"turns {which}: " if len(turns) > 1 else "this line: ")
                    + f"tone {score:.0f} ({words.en})",
                ),
            )
        )
    return out


def _deductions(
    findings: list[Finding],
    tone_lines: list[LineTone],
    counted: list[ObjectiveResult],
    ending: str | None,
    rubric: Rubric,
) -> dict[str, list[Deduction]]:
    """What cost each dimension its points, in the score formula's own terms."""
    shares = {
        "tone": rubric.tone_penalty_share,
        "accuracy": 1.0,
        "compliance": 1.0,
        "outcome": rubric.outcome_penalty_share,
    }
    out: dict[str, list[Deduction]] = {k: [] for k in shares}
    out["tone"] = _tone_deductions(tone_lines, rubric)
    each = rubric.outcome.objectives / len(counted) if counted else 0.0
    for o in counted:
        if not o.met:
            out["outcome"].append(
                Deduction(
                    points=each,
                    turn=None,
                    rule=None,
                    text=Bilingual(
                        zh=f"未达成目标：{o.label.zh}", en=f"Objective not met: {o.label.en}"
                    ),
                )
            )
    if ending not in rubric.good_endings:
        named = ending_label(ending)
        out["outcome"].append(
            Deduction(
                points=rubric.outcome.good_ending,
                turn=None,
                rule=None,
                text=Bilingual(
                    zh=f"结束方式不算好结果：{named.zh}",
                    en=f"The call did not end well: {named.en}",
                ),
            )
        )
    for f in findings:
        out[f.dimension].append(_finding_deduction(f, shares[f.dimension]))
    return out
