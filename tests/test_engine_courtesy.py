"""A thanks tagged onto another act ("店里生意是不是不好做？谢谢您") is politeness: the act
is heard, and the thanks takes no step of its own; a thanks said alone keeps its edges."""

from __future__ import annotations

from pathlib import Path

from simulator.engine.loader import load_scenario
from simulator.engine.policy import policy
from simulator.engine.session import Session

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def told_the_truth() -> Session:
    """cc-lawyer-letter-honest, where a thanks ends the call (escalated) once she has heard
    what happens next."""
    session = Session(load_scenario(SCENARIOS / "cc-lawyer-letter-honest.scenario.yaml"), seed=0)
    session.say("周女士您好，我是澜江银行信用卡中心的，我姓何，工号LJ2208")
    session.say("先跟您核实一下，身份证号后四位麻烦说一下")
    session.say("您尾号4471那张卡逾期112天了，现在欠款51698.4元")
    said = session.say(
        "跟您说实话，目前没有起诉，也没有发律师函；要是一直谈不拢，银行可能会委托律所，"
        "之后有可能起诉"
    )
    assert said.persona.state == "legal_explained"
    return session


def test_thanks_is_a_courtesy() -> None:
    assert "thank" in policy().steps.courtesies


def test_a_question_with_thanks_tagged_on_is_heard_as_the_question() -> None:
    session = told_the_truth()
    asked = session.say("您这家店最近生意是不是很难做？谢谢您")
    assert asked.persona.state == "explains"
    assert session.ended is None


def test_an_offer_with_thanks_tagged_on_is_heard_as_the_offer() -> None:
    session = told_the_truth()
    offered = session.say("我可以帮您申请把滞纳金减免掉，以审批为准，谢谢")
    assert offered.persona.state == "relief_heard"


def test_a_thanks_alone_still_takes_its_step() -> None:
    session = told_the_truth()
    session.say("好的，谢谢您")
    assert session.ended == "escalated"
