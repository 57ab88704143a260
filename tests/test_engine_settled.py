"""A line that only does again what is already settled in the call (the check of who answers,
who calls, the amount, how to pay) is answered "already said", not as if it were off the
point; empathy said again, or a line that also does something new, is not."""

from __future__ import annotations

from pathlib import Path

from simulator.engine.loader import load_scenario
from simulator.engine.policy import policy
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session
from simulator.engine.stock_lines import stock_lines

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / f"{name}.scenario.yaml")


def test_the_settled_acts_are_facts_of_the_call_not_feelings() -> None:
    settled = set(policy().memory.settled)
    assert {"verify_identity", "self_identify", "state_amount"} <= settled
    assert not settled & {"empathize", "apologize", "thank", "offer_plan"}


def test_asked_for_his_id_digits_after_he_gave_them_he_says_so_and_waits() -> None:
    session = Session(scenario("ol-already-paid"), seed=0)
    first = session.say("您好，我是青禾钱包的，我姓杨，请问是陈浩先生吗？")
    assert first.persona.state == "verified"  # he gives his digits as he answers
    again = session.say("陈先生，先核对下身份，麻烦报一下身份证后四位。")
    assert again.reply_kind == "settled"
    assert again.persona.state == "verified"
    assert again.persona.text in stock_lines("zh", "settled")
    # the call goes on from where it was
    on = session.say("您这笔12月1号到期，现在逾期9天，一共1994.30元。")
    assert on.reply_kind == "say" and on.persona.state == "disputes"


def test_a_line_that_adds_an_act_the_state_does_not_take_is_still_unexpected() -> None:
    session = Session(scenario("ol-already-paid"), seed=0)
    session.say("您好，我是青禾钱包的，我姓杨，请问是陈浩先生吗？")
    again = session.say("陈先生，您身份证后四位是多少？真不好意思这么晚打给您。")
    assert "apologize" in again.trainee.intents
    assert again.reply_kind != "settled"


def test_empathy_said_again_is_no_settled_fact() -> None:
    session = Session(scenario("ol-already-paid"), seed=0)
    session.say("您好，我是青禾钱包的，我姓杨，请问是陈浩先生吗？")
    line = session.say("我理解您，换谁都着急。")
    assert line.reply_kind != "settled"
