"""A question the wording asks beside another act that moved the persona is answered from
where that act led (policy `steps.asked_after`): two thoughts typed as one message are heard
as two, unless the first drew an objection."""

from __future__ import annotations

from pathlib import Path

from simulator.engine.loader import load_scenario
from simulator.engine.policy import policy
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / f"{name}.scenario.yaml")


def test_the_questions_heard_after_another_act_are_policy_data() -> None:
    assert policy().steps.asked_after == ["verify_identity", "ask_reason"]


def test_his_work_number_and_the_check_in_one_message_get_his_digits() -> None:
    session = Session(scenario("cc-m3-long-silence"), seed=0)
    first = session.say("您好，请问是赵志强先生吗？我是华信银行信用卡中心的，姓罗。")
    assert first.persona.state == "scam_check"  # he wants a work number first
    both = session.say("没问题，我全名罗明，工号8261，您方便的话报一下身份证后四位我核对下。")
    assert both.persona.state == "verified"
    assert "0418" in both.persona.text


def test_the_number_alone_is_noted_and_he_asks_who_is_sought() -> None:
    session = Session(scenario("cc-m3-long-silence"), seed=0)
    session.say("您好，请问是赵志强先生吗？我是华信银行信用卡中心的，姓罗。")
    noted = session.say("没问题，我全名罗明，工号8261。")
    assert noted.persona.state == "id_noted"


def test_a_check_said_with_a_disclosure_does_not_undo_the_objection() -> None:
    session = Session(scenario("cc-m1-forgetful"), seed=1)
    said = session.say("喂，王敏吧，你信用卡欠了五千多，啥时候还？")
    assert said.persona.state == "privacy_objection"
