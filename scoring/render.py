"""Report renderers: plain text for a terminal, Markdown, and a self-contained HTML page
(annotated transcript, mood curve); all three from the one report view."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from scoring.i18n import Lang
from scoring.report import Report
from scoring.report_view import (
    FindingView,
    ReportView,
    build_view,
    dimension_line,
    objective_line,
    w,
)
from scoring.transcript import Transcript

_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:960px;margin:2em auto;color:#222}
table{border-collapse:collapse;width:100%}
td{border-bottom:1px solid #ddd;padding:4px 6px;vertical-align:top}
tr.trainee td{background:#f3f8ff} .f{margin-top:4px;padding:4px;border-left:4px solid #999}
.critical{border-color:#c00;color:#900} .major{border-color:#e67e00} .minor{border-color:#999}
.verdict{font-size:1.4em}
"""


def _dimension_rows(view: ReportView, lang: Lang) -> list[tuple[str, list[str]]]:
    """Each dimension's line and what cost it points (or that nothing did)."""
    return [(dimension_line(d, lang), d.deductions or [w("full", lang)]) for d in view.dimensions]


# Characters Markdown (or the HTML it may carry) acts on: escaped, so a trainee's quoted line
# is text in any viewer: no <img onerror=…>, no [x](javascript:…), no emphasis or heading.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!|<>&~])")


def md_text(text: str) -> str:
    """Text shown as itself in Markdown, on one line."""
    one_line = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", one_line)


def to_markdown(report: Report, lang: Lang, view: ReportView | None = None) -> str:
    view = view or build_view(report, lang)
    out = [f"# {view.title}", "", f"**{view.verdict}**", ""]
    if view.critical:
        out += [f"> {view.critical}", ""]
    if view.certification:
        out += [view.certification, ""]
    out += [f"## {w('dimensions', lang)}", ""]
    for head, lost in _dimension_rows(view, lang):
        out.append(f"- **{head}**")
        out += [f"  - {line}" for line in lost]
    out += ["", f"## {w('objectives', lang)}", ""]
    out += [f"- {objective_line(o)}" for o in view.objectives]
    out += ["", view.ending, "", f"## {w('findings', lang)}", ""]
    if not view.findings:
        out.append(w("no_findings", lang))
    for f in view.findings:
        out.append(f"- **{f.head}**: {f.message}")
        if f.quote:
            out.append(f"  - > {md_text(f.quote)}")
        out.append(f"  - {w('suggest', lang)}: {f.suggestion}")
        out.append(f"  - {w('source', lang)}: {f.citation}")
    out += ["", f"<small>{view.footer}</small>", ""]
    return "\n".join(out)


def to_text(report: Report, lang: Lang, view: ReportView | None = None) -> str:
    """The report in a plain terminal (`play`, `score`): the app's screen, line for line,
    without the transcript the terminal already shows."""
    view = view or build_view(report, lang)
    out = [view.title, view.verdict]
    out += [x for x in (view.critical, view.certification) if x]
    out.append(w("dimensions", lang))
    for head, lost in _dimension_rows(view, lang):
        out.append(f"  {head}")
        out += [f"    {line}" for line in lost]
    out.append(w("objectives", lang))
    out += [f"  {objective_line(o)}" for o in view.objectives]
    out += [view.ending, w("findings", lang)]
    if not view.findings:
        out.append(f"  {w('no_findings', lang)}")
    for f in view.findings:
        out.append(f"  {f.head}")
        if f.quote:
            out.append(f"    “{' '.join(f.quote.split())}”")
        out.append(f"    {f.message}")
        out.append(f"    {w('suggest', lang)}: {f.suggestion}")
        out.append(f"    {w('source', lang)}: {f.citation}")
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


def to_html(
    report: Report, transcript: Transcript, lang: Lang, view: ReportView | None = None
) -> str:
    view = view or build_view(report, lang)
    esc = html.escape
    by_turn: dict[int | None, list[FindingView]] = defaultdict(list)
    for f in view.findings:
        by_turn[f.turn].append(f)
    rows = []
    for turn in transcript.turns:
        who = esc(w(turn.speaker, lang))
        notes = "".join(
            f'<div class="f {esc(f.severity)}"><b>{esc(f.head)}</b> '
            f"{esc(f.message)}<br><i>{esc(w('suggest', lang))}:</i> "
            f"{esc(f.suggestion)}<br>"
            f"<small>{esc(w('source', lang))}: {esc(f.citation)}</small></div>"
            for f in by_turn.get(turn.index, [])
        )
        rows.append(
            f'<tr class="{esc(turn.speaker)}"><td>{turn.index}</td><td>{who}</td>'
            f"<td>{esc(turn.text)}{notes}</td><td>{turn.mood}</td></tr>"
        )
    call_level = "".join(
        f'<li class="{esc(f.severity)}"><b>{esc(f.head)}</b> {esc(f.message)}<br>'
        f"<i>{esc(w('suggest', lang))}:</i> {esc(f.suggestion)}<br>"
        f"<small>{esc(w('source', lang))}: {esc(f.citation)}</small></li>"
        for f in by_turn.get(None, [])
    )
    dims = "".join(
        f"<li><b>{esc(head)}</b><ul>{''.join(f'<li>{esc(x)}</li>' for x in lost)}</ul></li>"
        for head, lost in _dimension_rows(view, lang)
    )
    objectives = "".join(f"<li>{esc(objective_line(o))}</li>" for o in view.objectives)
    critical = f"<p class='critical'>{esc(view.critical)}</p>" if view.critical else ""
    certification = f"<p>{esc(view.certification)}</p>" if view.certification else ""
    none = "" if view.findings else f"<p>{esc(w('no_findings', lang))}</p>"
    return f"""<!doctype html>
<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">
<title>{esc(view.title)}</title>
<style>{_CSS}</style></head><body>
<h1>{esc(view.title)}</h1>
<p class="verdict"><b>{esc(view.verdict)}</b></p>
{critical}{certification}
<h2>{esc(w("dimensions", lang))}</h2><ul>{dims}</ul>
<h2>{esc(w("objectives", lang))}</h2><ul>{objectives}</ul>
<p>{esc(view.ending)}</p>
<h2>{esc(w("findings", lang))}</h2>{none}
<h2>{esc(w("mood", lang))}</h2>{_mood_svg(report)}
<h2>{esc(w("transcript", lang))}</h2>
<table>{"".join(rows)}</table>
{f"<h2>{esc(w('call', lang))}</h2><ul>{call_level}</ul>" if call_level else ""}
<p><small>{esc(view.footer)}</small></p>
</body></html>
"""
