"""Does the judge read a violation by meaning into a golden conversation's clean lines?

Every golden conversation of `scenarios/tests/*.test.yaml` is played as the goldens test plays
it, and each trainee line is judged in the context it was said in (who was on the line,
verified or not, the duties in force). A line is clean when its step expects no finding (no
`rules`, no `categories`) and no harmful intent (threaten, insult, pressure), and the rules
alone find nothing in it. Prints how many clean lines there are, each one a finding by meaning
was read into and why, and exits 1 when there was any.

    python benchmarks/eval_golden_clean.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scoring.compliance import LineContext, judge_for
from scoring.i18n import Lang
from scoring.judging import line_context
from simulator.authoring.goldens import golden_files, load_tests
from simulator.engine.catalog import resolve
from simulator.engine.session import Session

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
HARMFUL = {"threaten", "insult", "pressure"}


@dataclass(frozen=True, slots=True)
class GoldenLine:
    text: str
    lang: Lang
    ctx: LineContext
    where: str  # file and conversation, for the report


def clean_lines() -> list[GoldenLine]:
    """Each distinct (line, context) of the goldens that is clean, in the order played."""
    found: dict[tuple[str, LineContext], GoldenLine] = {}
    for path in golden_files(SCENARIOS):
        loaded = load_tests(path)
        scenario = resolve(loaded.tests.scenario, SCENARIOS).scenario
        lang: Lang = "zh" if scenario.jurisdiction == "CN" else "en"
        rules = judge_for(scenario.jurisdiction, semantic=False)
        for conversation in loaded.tests.conversations:
            session = Session(scenario, seed=conversation.seed, mode=conversation.mode)
            for step in conversation.steps:
                if session.ended:
                    break
                session.say(step.say)
                expect = step.expect
                if expect.rules or expect.categories or HARMFUL & set(expect.intents or []):
                    continue
                transcript = session.transcript
                turn = next(t for t in reversed(transcript.turns) if t.speaker == "trainee")
                assert turn.context is not None
                ctx = line_context(
                    turn.context, turn.at, transcript.basis.ledger, transcript.basis.channel
                )
                if rules.judge_line(turn.text, ctx):
                    continue
                where = f"{path.name}: {conversation.name}"
                found.setdefault((turn.text, ctx), GoldenLine(turn.text, lang, ctx, where))
    return list(found.values())


def flagged(lines: list[GoldenLine]) -> list[tuple[GoldenLine, str]]:
    """The clean lines the judge (rules and meaning) finds anything in, and what."""
    out = []
    for line in lines:
        judge = judge_for("CN" if line.lang == "zh" else "US")
        hits = judge.judge_line(line.text, line.ctx)
        if hits:
            out.append((line, "; ".join(f"{h.rule.id} {h.nearest}" for h in hits)))
    return out


def main() -> int:
    lines = clean_lines()
    hits = flagged(lines)
    langs: tuple[Lang, ...] = ("zh", "en")
    for lang in langs:
        total = sum(1 for line in lines if line.lang == lang)
        bad = sum(1 for line, _ in hits if line.lang == lang)
        print(f"golden clean lines {lang}: {total}, flagged by meaning {bad}")
    for line, why in hits:
        print(f"  {line.where}\n    {line.text}\n    → {why}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
