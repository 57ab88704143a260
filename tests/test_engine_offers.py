"""How the persona hears offers around a refusal and a move (session 14): the day it named
itself is not refused twice, a question of what it can pay is heard before a vague offer, and an
offer made while the debtor reads his receipt is answered once he has realised."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.loader import load_scenario
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / f"{name}.scenario.yaml")


# ol-already-paid up to the moment he has realised he paid the other lender.
_TO_REALISED = [
    "喂，您好，是陈浩先生吗？",
    "我是青禾钱包的客服，工号QH1001，通话会录音",
    "麻烦您报一下身份证后四位",
    "您青禾钱包这一期1994.3元，12月1号到期，逾期9天了",
    "您说已经还了，好的，我先给您登记异议，核实前不催您",
    "麻烦把还款截图找出来，念一下收款方",
]


def _realised(seed: int) -> Session:
    session = Session(scenario("ol-already-paid"), seed=seed)
    for line in _TO_REALISED:
        session.say(line)
    for _ in range(2):  # the receipt refused once or twice first
        if session.persona.state == "dispute_heard":
            session.say(_TO_REALISED[5])
    assert session.persona.state == "reads_screenshot"
    session.say("收款方是嘉禾花，是另一家平台，钱没到我们这边")
    assert session.persona.state == "realises"
    return session


def test_the_day_the_persona_named_is_not_refused_a_second_time() -> None:
    """Seed 2 refuses a date twice at difficulty 2; after one refusal ("得等15号发工资"), the
    15th offered back is its own day (policy `own_day_refusals`), while a line that names no
    day is still refused a second time."""
    session = _realised(2)
    first = session.say("那这边这期您看什么时候能还？")
    assert first.reply_kind == "resist"
    session.say("那就15号发工资那天还，您看行吗？")
    assert session.persona.state == "proposes_date"
    early = _realised(2)
    early.say("那这边这期您看什么时候能还？")
    refused = early.say("那您看哪天方便还上？")
    assert refused.reply_kind == "resist"
    assert early.persona.state == "realises"


def test_an_offer_made_as_he_reads_the_receipt_is_answered_once_he_has_realised() -> None:
    """The payee already told, a date asked while he reads the receipt moves him to realise
    (`rehear` on the edge) and is then answered there: refused once at difficulty 2, with his
    realisation said first; the date offered again is taken."""
    session = Session(scenario("ol-already-paid"), seed=0)
    for line in _TO_REALISED[:5]:
        session.say(line)
    session.say("我这边查到收款方是嘉禾花，是另一家平台，钱没到我们这边")
    for _ in range(2):  # the receipt refused once or twice first
        if session.persona.state == "dispute_heard":
            session.say(_TO_REALISED[5])
    assert session.persona.state == "reads_screenshot"
    heard = session.say("那青禾这期1994.3元，您看15号能还上吗？")
    assert session.persona.state == "realises"
    assert heard.reply_kind == "resist"
    assert "嘉禾花" in heard.persona.text
    session.say("那就15号还，可以吗？")
    assert session.persona.state == "proposes_date"


def _visit_heard_out() -> Session:
    """ol-field-visit, seed 0: at the door, verified, the amount said, his business heard."""
    session = Session(scenario("ol-field-visit"), seed=0)
    for line in [
        "阿姨好，我们找徐海波本人，麻烦您叫他一下",
        "徐先生好，恒通资产管理公司的，这是工作证和委托书",
        "您身份证后四位是多少？核对一下",
        "您汇鑫借的借款逾期78天了，一共8898.6元",
        "生意是不是不好做？",
        "明白，今年都难",
    ]:
        session.say(line)
    return session


def test_asked_what_he_can_pay_beside_a_vague_offer_he_names_his_part() -> None:
    """ "月底能先拿多少？不行先还一部分也行" asks what he can pay (the policy's
    `capacity_intent`) before the offer of "part of it" names no plan."""
    session = _visit_heard_out()
    session.say("月底您能先拿出多少？实在不行先还一部分也可以，剩下的分期再商量")
    assert session.persona.state == "offers_partial"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_told_the_payee_while_he_will_not_look_a_payment_asked_makes_him_look(seed: int) -> None:
    """ol-already-paid: told that the money went to the other lender while he still refuses to
    dig out the receipt, a payment asked for here is no "pay twice": he looks and realises
    (then answers the ask there), at every seed. Said as "打给的是…" or "…不是同一家平台"."""
    session = Session(scenario("ol-already-paid"), seed=seed)
    for line in _TO_REALISED[:5]:
        session.say(line)
    assert session.persona.state == "dispute_heard"
    session.say("系统里能看到，那笔钱打给的是嘉禾花，和咱们不是同一家平台")
    assert session.persona.memory.told(["paid_elsewhere"])
    session.say("所以青禾这期还得麻烦您处理一下，您看哪天方便？")
    assert session.persona.state in ("realises", "proposes_date")
    assert "collected_after_dispute" not in session.persona.flags


# ol-hardship-instalment up to the moment he has heard empathy (softened).
_HARDSHIP_SOFTENED = [
    "喂，你好，麻烦找一下刘建国先生",
    "是他个人的一点事情，方便请他本人听一下吗？谢谢",
    "刘先生您好，我是安融金服的，工号AR5120，通话有录音",
    "请您说一下身份证最后四位，核对本人",
    "您的借款9月27号到期，逾期52天，现在是13086.5元",
    "方便说说最近是碰到什么情况了吗",
    "工作没了压力肯定很大，我能体会",
]


def test_a_plan_he_can_carry_on_a_day_too_early_is_countered_on_the_day_alone() -> None:
    """Seed 2's money comes on the 10th: 12 instalments he can carry, first on the 1st, are
    taken as a plan and only the day is countered (`day_only`), with both days said, not
    "a month is too much" of the very instalment he then proposes; his day taken back agrees it."""
    session = Session(scenario("ol-hardship-instalment"), seed=2)
    for line in _HARDSHIP_SOFTENED:
        session.say(line)
    reply = session.say("我们给您办12期，头一期12月1号还，您看可以不？")
    assert session.persona.state == "proposes_date"
    assert session.persona.deal.day_only
    assert "12月1号" in reply.persona.text and "12月10号" in reply.persona.text
    session.say("行，那头一期就12月10号之前，就按这个办")
    assert session.ended == "plan_agreed"


def test_a_day_said_as_the_plan_is_taken_is_answered_not_asked_for() -> None:
    """ol-field-visit: a plan offered with its first day, refused once or twice at difficulty
    2, then asked again with the day ("头一期就放月底？"): the persona takes the plan and
    answers the day (policy `steps.dated_after`), never "第一期啥时候开始？" of a day just said."""
    for seed in (0, 1):
        session = Session(scenario("ol-field-visit"), seed=seed)
        for line in [
            "大娘您好，我们找徐海波，麻烦您叫他一声",
            "徐先生您好，恒通资产的外访员，这是工作证和委托书",
            "先核对一下，您身份证后四位是多少？",
            "您汇鑫借的款逾期78天了，一共8898.6元",
            "婶子您好，没啥事，我们聊两句",
            "店里最近是不是不太好做？",
            "理解，一个人撑店不容易",
            "能分6期，每期压力小点，您看中不中",
        ]:
            session.say(line)
        reply = None
        for _ in range(3):
            if session.persona.state != "softened":
                break
            reply = session.say("头一期就放11月30号，您看中不？")
        assert reply is not None
        assert session.persona.state == "proposes_date"
        assert "啥时候开始" not in reply.persona.text


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_goodbye_said_with_the_deal_is_heard_after_the_deal(seed: int) -> None:
    """ol-hardship-instalment: a plan refused once, then restated with its first day and a
    worded goodbye ("…我给您登记好 拜拜"): the deal is heard first and the goodbye after it,
    so the call ends agreed, not as a call-back because "拜拜" came in the same line."""
    session = Session(scenario("ol-hardship-instalment"), seed=seed)
    for line in _HARDSHIP_SOFTENED:
        session.say(line)
    assert session.say("可以给您分12期，每个月压力小一些").reply_kind == "resist"
    session.say("行 那就12期 头一期12月10号 我给您登记好 拜拜")
    assert session.ended == "plan_agreed"


def test_a_goodbye_with_an_offer_refused_is_still_a_goodbye() -> None:
    """The goodbye heard after the line's offer: where the offer is refused, the trainee is
    still leaving, so the goodbye is heard (a call-back), not a refusal nobody is left to hear."""
    session = Session(scenario("ol-hardship-instalment"), seed=0)
    for line in _HARDSHIP_SOFTENED:
        session.say(line)
    session.say("我们这边可以分12期，头一期12月10号，那今天先这样，再见")
    assert session.ended == "callback"


def test_a_first_payment_named_with_the_rest_in_instalments_is_answered_as_a_part() -> None:
    """ol-field-visit (session 17): "先还一笔（a sum, a day），剩下的再分期" with no term names a
    part payment; he answers the part by his budget instead of asking how the plan works."""
    session = _visit_heard_out()
    session.say("月底前先还2966.2元行不行？余下的后面分期慢慢还")
    assert session.persona.state == "offers_partial"
    session.say("行，那就月底前2966.2元，我给您登记上")
    assert session.persona.ended == "promise_to_pay"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_mix_up_of_look_alike_apps_tells_him_where_the_money_went(seed: int) -> None:
    """ol-already-paid (session 17): "两个App图标差不多，容易还串了" tells him the money went to
    the other lender, so a payment asked once he has read the payee is no "pay twice"."""
    session = Session(scenario("ol-already-paid"), seed=seed)
    for line in _TO_REALISED[:5]:
        session.say(line)
    session.say("这种情况挺常见，两个App图标差不多，一不小心就还串了")
    assert session.persona.memory.told(["paid_elsewhere"])
