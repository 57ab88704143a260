"""A day put forward for the plan already on the table (session 16, issue 12): it is that
plan's first day, not a sum paid at once nor a new ask to pay everything; what the persona can
carry, asked after the plan was offered, is a yes when it is that very plan; an instalment of
the loan as large as all that is overdue is the whole sum, not a plan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from scoring.analysis import analyze
from simulator.engine.loader import load_scenario
from simulator.engine.negotiation import Negotiation, plan_counts
from simulator.engine.scenario import Budget, Scenario
from simulator.engine.session import Session

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / f"{name}.scenario.yaml")


# ol-already-paid until he sees he paid the other lender (the receipt refused once or twice).
_TO_REALISED = [
    "陈先生您好，是陈浩本人吧？",
    "我这边青禾钱包贷后的，工号QH3307，电话录音哈",
    "身份证最后四位麻烦说一下",
    "青禾钱包这期1994.3元，12月1号到期，超了9天",
    "您说已经还过了，好，我给您记个异议，查清楚前不找您要钱",
    "您翻一下那笔还款记录，看看收款方写的啥",
]


def _realised(seed: int) -> Session:
    session = Session(scenario("ol-already-paid"), seed=seed)
    for line in _TO_REALISED:
        session.say(line)
    for _ in range(2):
        if session.persona.state == "dispute_heard":
            session.say(_TO_REALISED[5])
    session.say("那边收钱的是嘉禾花，跟青禾不是一家，钱没进我们这")
    assert session.persona.state == "realises"
    return session


@pytest.mark.parametrize(
    ("seed", "months", "monthly"), [(0, "2", "997.15元"), (1, "3", "674.74元")]
)
def test_a_day_for_the_plan_on_the_table_is_its_first_day_not_a_lump_sum(
    seed: int, months: str, monthly: str
) -> None:
    """Two instalments offered (refused once at seed 0, countered with three at seed 1), then
    the first day said ("头一笔放…"): the plan he can carry, first on that day — before, the day
    was heard as the whole 1,994.30 paid at once and the call ended as a promise."""
    session = _realised(seed)
    session.say("一下还不上的话可以拆两期，一期997.15，免手续费")
    reply = session.say("头一笔放12月15号，下一笔1月15号，中不？")
    assert session.persona.state == "plan_considered"
    assert f"{months}期" in reply.persona.text and monthly in reply.persona.text
    assert "12月15号" in reply.persona.text and "1994.30元" not in reply.persona.text
    session.say("行，就这么办，App里按期还，再见")
    assert session.ended == "plan_agreed"


def test_asked_what_he_can_carry_after_that_very_plan_was_offered_he_says_yes() -> None:
    """Seed 2 carries two instalments: asked a month's figure after they were offered, his own
    plan is the one on the table, so he takes it (not "2期太紧了……分2期中不中？")."""
    session = _realised(2)
    session.say("一下还不上的话可以拆两期，一期997.15，免手续费")
    reply = session.say("那您一个月最多能拿出多少来？")
    assert session.persona.deal.verdict == "accept"
    assert session.persona.state == "plan_considered"
    assert "太紧" not in reply.persona.text
    assert "2期" in reply.persona.text and "997.15元" in reply.persona.text


# ol-hardship-instalment until empathy has landed.
_HARDSHIP = [
    "喂您好，刘建国先生在家吗？找他本人",
    "是他自己的一点事，麻烦让他接一下，谢谢您",
    "刘先生好，安融金服的小何，工号AR7731，通话录音",
    "核对一下，您身份证最后四位是？",
    "您那笔借款9月27号到期，逾期52天，一共13086.5元",
    "最近是遇到啥难处了吗",
    "没了工作确实难熬，我懂",
]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_first_day_for_a_refused_plan_asks_for_the_plan_again(seed: int) -> None:
    """ol-hardship-instalment: twelve instalments refused once, then their first day put
    forward ("第一期放12月10号"): the plan is asked again with that day (taken at 12月10号, his
    own day at every seed), never "一次过真的还不了，能不能分开还？" of a plan just offered."""
    session = Session(scenario("ol-hardship-instalment"), seed=seed)
    for line in _HARDSHIP:
        session.say(line)
    assert session.say("我们能给您做12期，每个月压力小很多").reply_kind == "resist"
    reply = session.say("第一期放12月10号，您看行不行")
    assert "ask_payment_date" in reply.analysis.intent_names
    assert session.persona.state == "proposes_date"
    assert "分开还" not in reply.persona.text
    assert "12月10号" in reply.persona.text


def test_an_instalment_as_large_as_all_that_is_overdue_is_no_plan() -> None:
    """ "这期1994.3，15号能还上不" in ol-already-paid (the loan's own instalment, all that is
    overdue) proposes the whole sum on a day, so no plan is on the table afterwards."""
    s = scenario("ol-already-paid")
    deal = Negotiation(
        s.ledger,
        Budget(now=Decimal(1000), monthly=Decimal(700), by=date(2026, 12, 15)),
        s.call.local_time.date(),
    )
    verdict = deal.hear(
        analyze("您这一期1994.3元，12月15号之前能还上不", s.lang, s.call.local_time.date())
    )
    assert verdict == "counter"
    assert not deal.plan_talked
    assert (deal.terms.months, deal.terms.amount) == (None, Decimal(1000))


@pytest.mark.parametrize(
    ("lang", "line", "counts"),
    [
        ("zh", "这月25号先交2966.2，剩余的两期每月25号交", [3]),
        ("zh", "头款先给一千块，其余的再分两期", [3]),
        ("en", "so $997.15 on Dec 15 and then the other 1 payment on Jan 15", [2]),
        ("zh", "后面两期每期997.15", [2]),  # no payment named before: two instalments
        ("zh", "利息给您减掉200块，余下的分6期", [6]),  # a waiver is no payment
        ("zh", "我们这边分3期，每期2966.2", [3]),
    ],
)
def test_what_is_left_after_a_payment_named_first_counts_that_payment(
    lang: str, line: str, counts: list[int]
) -> None:
    """Policy `negotiation.remainder`: "先还…，后面两期" offers three instalments, not two
    (the persona asked "到底分几期？" of the ledger's 3-plan)."""
    analysis = analyze(line, lang, date(2026, 11, 21))  # type: ignore[arg-type]
    assert plan_counts(analysis) == counts


def test_a_first_payment_and_the_two_left_is_the_three_instalment_plan() -> None:
    """ol-field-visit seed 1 carries 3 instalments: "月底先还2966.2，剩下两期…" is that plan
    (before: a count of 2 the ledger lacks, answered "到底分几期？每期多少？")."""
    session = Session(scenario("ol-field-visit"), seed=1)
    for line in [
        "大娘早，我们找海波，麻烦叫他一下，谢谢您",
        "徐先生好，我们恒通资产的，受汇鑫委托，证件您看一下",
        "得先核对下，您身份证后四位多少",
        "汇鑫借这笔逾期78天了，8898.6",
        "婶子早啊，没事没事，串个门",
        "咋一直没还上呢，店里不顺？",
        "这年头开店都难，理解您",
    ]:
        session.say(line)
    reply = session.say("月底先还2966.2，剩下两期每月底各还一笔，您看中不中")
    assert "到底分几期" not in reply.persona.text
    assert session.persona.deal.terms.months == 3
