"""A question of the day asked beside a statement that moves the persona ("…微信也能还，
那你啥时候弄好？", the question read by meaning) is answered from where the statement led:
she takes or counters the day instead of only acknowledging the statement
(`policy.steps.asked_after`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.loader import load_scenario
from simulator.engine.policy import policy
from simulator.engine.session import Session

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def heard_why(seed: int) -> Session:
    """cc-m1-forgetful once she has said why she forgot (state `explains`)."""
    session = Session(load_scenario(SCENARIOS / "cc-m1-forgetful.scenario.yaml"), seed=seed)
    session.say("王女士您好，我这边是信用卡中心的，我姓孙，工号5530")
    session.say("跟您核实下身份，麻烦报一下身份证末四位")
    session.say("您尾号6621的卡有5230.5元到期没还，逾期18天了")
    said = session.say("是没顾上还，还是有别的情况？")
    assert said.persona.state == "explains"
    return session


def test_only_the_day_is_asked_after() -> None:
    assert policy().steps.asked_after == ["ask_payment_date"]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize(
    "line",
    [
        "云闪付、微信都可以还，操作也简单，那你啥时候弄好？",
        "手機銀行、雲閃付都能還，很快的，那妳啥時候弄好？",
    ],
)
def test_a_day_asked_beside_how_to_pay_is_answered(line: str, seed: int) -> None:
    session = heard_why(seed)
    asked = session.say(line)
    assert asked.persona.state == "proposes_date"
    assert asked.reply_kind == "say"


def test_how_to_pay_alone_still_only_tells_her_how() -> None:
    session = heard_why(0)
    told = session.say("云闪付、微信都可以还，操作也简单")
    assert told.persona.state == "knows_how"


def test_asked_what_he_can_pay_after_he_asked_how_many_instalments() -> None:
    """ol-field-visit: "先还一部分" with no plan named has him ask "分几期？"; asked then what he
    can pay and when, he names his part (not "that's not what I asked")."""
    scenario = load_scenario(SCENARIOS / "ol-field-visit.scenario.yaml")
    session = Session(scenario, seed=0)
    for line in (
        "阿姨您好，麻烦问下徐海波在家吗？我们跟他约好了的",
        "好，谢谢阿姨，您叫他一下",
        "徐先生，我们是恒通资产的，受汇鑫委托，这是我的工作证，我姓秦",
        "先跟您核对下，身份证后四位麻烦报一下",
    ):
        session.say(line)
    session.say("汇鑫借那笔现在逾期78天，合计8898.60元")
    session.say("最近是手头周转不开吗？")
    session.say("这样啊，换谁都不好受")
    asked = session.say("不用一次还清，能不能先还上一部分？")
    assert asked.persona.state == "asks_plan"
    named = session.say("那您先能拿多少，大概哪天？")
    assert named.persona.state == "offers_partial"
