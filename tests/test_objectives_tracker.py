"""The live checklist is kept line by line (`objectives.Tracker`): at every turn of a long
call, and once it ends, it says exactly what `assess` says reading the whole call again."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.analysis import Analysis
from scoring.objectives import assess
from simulator.engine.loader import load_scenario
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

ROOT = Path(__file__).resolve().parent.parent
# Lines that meet objectives at different turns (identity, empathy, the figure, a date, a
# plan, the agency), mixed with lines that meet none, so "first met at turn" is exercised.
LINES = {
    "zh": [
        "嗯，好的，我明白。",
        "您最近工作还顺利吗？",
        "请问是王敏女士本人吗？",
        "我理解您的难处。",
        "您的欠款是5230.50元。",
        "您看什么时候方便还款呢？",
        "我们可以分期，您觉得呢？",
        "好的，那我们约定您11月30号前还款。",
    ],
    "en": [
        "Okay, I see.",
        "How are things going at work?",
        "Am I speaking with Jordan Miller?",
        "This is Sam Carter calling from Northgate Recovery Services.",
        "I understand this is hard.",
        "The balance is $1,842.37.",
        "When could you make a payment?",
        "We can set up a plan, how does that sound?",
    ],
}
TURNS = 150


def _long(scenario: Scenario) -> Scenario:
    return scenario.model_copy(
        update={"call": scenario.call.model_copy(update={"max_turns": TURNS})}
    )


@pytest.mark.parametrize(
    "file", ["cc-elderly-vulnerable.scenario.yaml", "cc-lawyer-letter-honest.scenario.yaml"]
)
def test_tracker_equals_the_whole_call_reading_at_every_turn(file: str) -> None:
    scenario = _long(load_scenario(ROOT / "scenarios" / file))
    session = Session(scenario)
    lines: list[tuple[int, Analysis]] = []
    compared = 0
    n = 0
    while session.ended is None:
        # The opening lines in order, then a cycle that starts later each round.
        text = LINES[scenario.lang][(n + n // len(LINES["zh"])) % len(LINES["zh"])]
        exchange = session.say(text)
        lines.append((exchange.trainee.index, exchange.analysis))
        n += 1
        live = session.objectives()
        whole = assess(scenario.objectives, lines, session.findings, session.ended, scenario.ledger)
        assert live == whole, f"turn {exchange.trainee.index}"
        compared += 1
    session.end_call()
    whole = assess(scenario.objectives, lines, session.findings, session.ended, scenario.ledger)
    assert session.objectives() == whole
    # A long call, not one the persona cut short, and one where objectives changed.
    assert compared >= 40, (compared, session.ended)
    assert {a.status for a in whole} != {"pending"}
    assert any(a.turn is not None and a.turn > 1 for a in whole)
