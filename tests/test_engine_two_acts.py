"""Two acts in one message, both heard (session 21): understanding said with an offer
("理解您的难处，…先还一部分，哪天能凑出来？") is heard first where a persona that yields only
to good handling would refuse the offer before it (`policy.steps.soothes_first`); an act the
state it was said in has no use for, said with a check of identity ("投诉我给您记下了，您是
本人吧？"), is carried to the state the check reaches, as if said on a line of its own first."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.loader import load_scenario
from simulator.engine.policy import policy
from simulator.engine.session import Session

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def told_of_the_letter(seed: int) -> Session:
    """cc-m3-long-silence (difficulty 3) once told honestly about the lawyer's letter: he asks
    whether there is anything to talk about, at a mood below what he yields at."""
    session = Session(load_scenario(SCENARIOS / "cc-m3-long-silence.scenario.yaml"), seed=seed)
    session.say("赵先生您好，我是华信银行信用卡中心的，姓邓，工号6620")
    session.say("麻烦您报一下身份证最后四位，我核对下身份")
    session.say("您尾号3391的信用卡逾期97天了，总共欠41528.78，最低还款6788.78")
    told = session.say("律所那边的律师函确实已经寄出了，这是真的，但目前还没有起诉")
    assert told.persona.state == "legal_heard"
    return session


def test_understanding_and_an_apology_are_heard_first() -> None:
    assert policy().steps.soothes_first == ["empathize", "apologize"]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(
    "line",
    [
        "您一个人撑着确实不容易，要不先还最低的6788.78，您看哪天方便凑出来？",
        "我能体会您的处境，最低还款6788.78先还上，哪天您能凑齐？",
    ],
)
def test_an_offer_said_with_understanding_is_weighed_after_it(line: str, seed: int) -> None:
    session = told_of_the_letter(seed)
    offered = session.say(line)
    assert offered.persona.state == "promise_pending"
    assert offered.reply_kind == "say"


def test_the_offer_alone_is_still_refused_until_he_feels_heard() -> None:
    session = told_of_the_letter(0)
    offered = session.say("最低还款6788.78先还上，哪天您能凑齐？")
    assert offered.persona.state == "legal_heard"
    assert offered.reply_kind == "resist"


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(
    "line",
    [
        "您说要去投诉，这个您有权利，打电话太多的问题我这边会登记反馈。先确认一下，您是林晓燕女士本人吗？",
        "频繁来电这事我记下来报上去，您要投诉也是应该的。麻烦核对一下，您是林晓燕本人对吧？",
    ],
)
def test_a_complaint_logged_with_the_check_of_identity_is_carried(line: str, seed: int) -> None:
    """cc-complaint-threat: the complaint logged while she is still asking who calls had no
    use there; the check moves her on to venting, which waits for it: she hears it there."""
    scenario = load_scenario(SCENARIOS / "cc-complaint-threat.scenario.yaml")
    session = Session(scenario, seed=seed)
    session.say("林女士您好，我是锦程银行信用卡中心的，我姓郑。")
    checked = session.say(line)
    assert checked.persona.state == "complaint_noted"


def test_the_check_alone_still_leaves_her_venting() -> None:
    scenario = load_scenario(SCENARIOS / "cc-complaint-threat.scenario.yaml")
    session = Session(scenario, seed=0)
    session.say("林女士您好，我是锦程银行信用卡中心的，我姓郑。")
    checked = session.say("先确认一下，您是林晓燕女士本人吗？")
    assert checked.persona.state == "venting"
