"""Report renderers: Markdown and a self-contained HTML page (annotated transcript, mood curve)."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from scoring.findings import Finding
from scoring.i18n import Lang
from scoring.report import Report
from scoring.transcript import Transcript

_WORDS: dict[str, dict[Lang, str]] = {
    "title": {"zh": "通话评估报告", "en": "Call report"},
    "score": {"zh": "总分", "en": "Score"},
    "passed": {"zh": "通过", "en": "Passed"},
    "failed": {"zh": "未通过", "en": "Failed"},
    "critical": {
        "zh": "存在严重违规，本次通话不合格。",
        "en": "A critical violation fails the call.",
    },
    "dimensions": {"zh": "分项", "en": "Dimensions"},
    "tone": {"zh": "语气", "en": "Tone"},
    "accuracy": {"zh": "准确性", "en": "Accuracy"},
    "compliance": {"zh": "合规", "en": "Compliance"},
    "outcome": {"zh": "结果", "en": "Outcome"},
    "findings": {"zh": "扣分项", "en": "Findings"},
    "none": {"zh": "无", "en": "None"},
    "objectives": {"zh": "通话目标", "en": "Objectives"},
    "transcript": {"zh": "通话记录", "en": "Transcript"},
    "mood": {"zh": "对方情绪", "en": "Persona's mood"},
    "ending": {"zh": "结束方式", "en": "Ending"},
    "suggest": {"zh": "建议说法", "en": "Say instead"},
    "source": {"zh": "依据", "en": "Source"},
    "turn": {"zh": "第{n}句", "en": "Turn {n}"},
    "call": {"zh": "整通电话", "en": "Whole call"},
    "trainee": {"zh": "学员", "en": "Trainee"},
    "hints": {"zh": "使用提示次数", "en": "Hints used"},
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key][lang]


_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:960px;margin:2em auto;color:#222}
table{border-collapse:collapse;width:100%}
td{border-bottom:1px solid #ddd;padding:4px 6px;vertical-align:top}
tr.trainee td{background:#f3f8ff} .f{margin-top:4px;padding:4px;border-left:4px solid #999}
.critical{border-color:#c00;color:#900} .major{border-color:#e67e00} .minor{border-color:#999}
.verdict{font-size:1.4em}
"""


def _where(finding: Finding, lang: Lang) -> str:
    if finding.turn is None:
        return _w("call", lang)
    return _w("turn", lang).format(n=finding.turn)


# Characters Markdown (or the HTML it may carry) acts on: escaped, so a trainee's quoted line
# is text in any viewer: no <img onerror=…>, no [x](javascript:…), no emphasis or heading.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!|<>&~])")


def md_text(text: str) -> str:
    """Text shown as itself in Markdown, on one line."""
    one_line = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", one_line)


def to_markdown(report: Report, lang: Lang) -> str:
    verdict = _w("passed", lang) if report.passed else _w("failed", lang)
    out = [
        f"# {_w('title', lang)} — {report.scenario_id}",
        "",
        f"**{_w('score', lang)}: {report.score:.1f} / 100 — {verdict}** ({report.pass_mark:.0f}+)",
        "",
    ]
    if report.failed_by_critical:
        out += [f"> {_w('critical', lang)}", ""]
    out += [f"## {_w('dimensions', lang)}", "", "| | | |", "|---|---|---|"]
    out += [
        f"| {_w(k, lang)} | {v:.0f} | ×{report.weights[k]:.2f} |"
        for k, v in report.dimensions.items()
    ]
    out += ["", f"## {_w('findings', lang)}", ""]
    if not report.findings:
        out.append(_w("none", lang))
    for f in report.findings:
        out.append(
            f"- **[{f.severity}] {f.rule}** ({f.dimension}, {_where(f, lang)}): "
            f"{f.message.get(lang)}"
        )
        if f.quote:
            out.append(f"  - > {md_text(f.quote)}")
        out.append(f"  - {_w('suggest', lang)}: {f.suggestion.get(lang)}")
        out.append(f"  - {_w('source', lang)}: {f.citation}")
    out += ["", f"## {_w('objectives', lang)}", ""]
    out += [f"- [{'x' if o.met else ' '}] {o.label.get(lang)}" for o in report.objectives]
    out += [
        "",
        f"{_w('ending', lang)}: `{report.outcome.ending}` · {_w('mood', lang)}: "
        f"{report.outcome.final_mood} · {_w('hints', lang)}: {report.hints_used}",
        "",
    ]
    return "\n".join(out)


def _mood_svg(report: Report) -> str:
    points = report.mood_curve
    if not points:
        return ""
    width, height = 600, 120
    last = max(index for index, _ in points) or 1
    coords = " ".join(
        f"{index / last * (width - 20) + 10:.1f},{height - 10 - mood / 100 * (height - 20):.1f}"
        for index, mood in points
    )
    return (
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f7f7f7"/>'
        f'<polyline fill="none" stroke="#2a6fdb" stroke-width="2" points="{coords}"/></svg>'
    )


def to_html(report: Report, transcript: Transcript, lang: Lang) -> str:
    esc = html.escape
    by_turn: dict[int | None, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_turn[f.turn].append(f)
    verdict = _w("passed", lang) if report.passed else _w("failed", lang)
    rows = []
    for turn in transcript.turns:
        who = _w("trainee", lang) if turn.speaker == "trainee" else esc(turn.speaker)
        notes = "".join(
            f'<div class="f {esc(f.severity)}"><b>[{esc(f.severity)}] {esc(f.rule)}</b> '
            f"{esc(f.message.get(lang))}<br><i>{esc(_w('suggest', lang))}:</i> "
            f"{esc(f.suggestion.get(lang))}<br><small>{esc(f.citation)}</small></div>"
            for f in by_turn.get(turn.index, [])
        )
        rows.append(
            f'<tr class="{esc(turn.speaker)}"><td>{turn.index}</td><td>{who}</td>'
            f"<td>{esc(turn.text)}{notes}</td><td>{turn.mood}</td></tr>"
        )
    call_level = "".join(
        f'<li class="{esc(f.severity)}">[{esc(f.severity)}] {esc(f.rule)}: '
        f"{esc(f.message.get(lang))}</li>"
        for f in by_turn.get(None, [])
    )
    dims = "".join(
        f"<tr><td>{esc(_w(k, lang))}</td><td>{v:.0f}</td></tr>"
        for k, v in report.dimensions.items()
    )
    objectives = "".join(
        f"<li>{'✔' if o.met else '✘'} {esc(o.label.get(lang))}</li>" for o in report.objectives
    )
    return f"""<!doctype html>
<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">
<title>{esc(_w("title", lang))} — {esc(report.scenario_id)}</title>
<style>{_CSS}</style></head><body>
<h1>{esc(_w("title", lang))} — {esc(report.scenario_id)}</h1>
<p class="verdict"><b>{esc(_w("score", lang))}: {report.score:.1f}</b> / 100 — {esc(verdict)}</p>
{f"<p class='critical'>{esc(_w('critical', lang))}</p>" if report.failed_by_critical else ""}
<h2>{esc(_w("dimensions", lang))}</h2><table>{dims}</table>
<h2>{esc(_w("objectives", lang))}</h2><ul>{objectives}</ul>
<h2>{esc(_w("mood", lang))}</h2>{_mood_svg(report)}
<h2>{esc(_w("transcript", lang))}</h2>
<table>{"".join(rows)}</table>
{f"<h2>{esc(_w('call', lang))}</h2><ul>{call_level}</ul>" if call_level else ""}
<p><small>{esc(report.rulepack)} · {esc(report.understanding)} · {esc(report.scenario_hash)} ·
{esc(report.attempt_id)}</small></p>
</body></html>
"""
