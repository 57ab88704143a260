"""Negotiation: the persona answers an amount, a plan or a date by its budget and the ledger's
plans, and echoes figures that were said or are the ledger's, never fixed text (issue 12.5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from scoring.analysis import analyze
from scoring.i18n import Lang
from simulator.engine.loader import ScenarioError, load_scenario, load_scenario_text
from simulator.engine.negotiation import Negotiation, pick_budget
from simulator.engine.scenario import Budget, Scenario
from simulator.engine.session import Session

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS / f"{name}.scenario.yaml")


def deal(name: str, budget: Budget | None) -> tuple[Negotiation, Scenario]:
    s = scenario(name)
    return Negotiation(s.ledger, budget, s.call.local_time.date()), s


def hear(n: Negotiation, s: Scenario, line: str) -> str | None:
    return n.hear(analyze(line, s.lang, s.call.local_time.date()))


CAROL = Budget(monthly=Decimal(210), by=date(2026, 12, 15))


def test_an_instalment_beyond_the_budget_is_countered_with_a_plan_it_fits() -> None:
    n, s = deal("us-medical-hardship", CAROL)
    assert hear(n, s, "We can do 3 months, that's $828.80 a month.") == "counter"
    assert (n.terms.months, n.terms.monthly) == (12, Decimal("207.20"))
    figures = n.figures(s.lang)
    assert (figures["offered_monthly"], figures["months"], figures["monthly"]) == (
        "$828.80",
        "12",
        "$207.20",
    )
    assert figures["date"] == "December 15"


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("us-medical-hardship", "So $207.20 on the 1st of each month, starting January 1st?"),
        ("ol-hardship-instalment", "那就1169.06元，每月10号从App里扣，您看行吗"),
    ],
)
def test_a_figure_said_with_a_recurring_day_is_an_instalment_not_a_lump_sum(
    name: str, line: str
) -> None:
    n, s = deal(name, Budget(monthly=Decimal(1500), now=Decimal(0), by=date(2026, 12, 1)))
    assert hear(n, s, line) == "accept"
    assert n.terms.monthly in (Decimal("207.20"), Decimal("1169.06"))
    assert n.terms.amount is None


def test_a_figure_far_from_a_word_for_monthly_stays_a_lump_sum() -> None:
    n, s = deal(
        "us-medical-hardship",
        Budget(monthly=Decimal(100), now=Decimal(5000), by=date(2026, 11, 10)),
    )
    line = "Can you pay $1,000.00 by Friday, and after that we can talk about monthly payments?"
    assert hear(n, s, line) == "accept"
    assert (n.terms.amount, n.terms.monthly) == (Decimal("1000.00"), None)


def test_several_plans_offered_the_persona_picks_the_shortest_it_can_carry() -> None:
    n, s = deal("us-medical-hardship", Budget(monthly=Decimal(450), by=date(2026, 12, 1)))
    assert hear(n, s, "We can spread it over 3, 6 or 12 months with no fees.") == "accept"
    assert (n.terms.months, n.terms.monthly) == (6, Decimal("414.40"))


def test_a_date_before_the_persona_has_the_money_is_countered_with_its_own_day() -> None:
    n, s = deal("us-medical-hardship", CAROL)
    assert hear(n, s, "We can do 12 months, $207.20 a month.") == "accept"
    assert hear(n, s, "Could the first payment be on November 20th?") == "counter"
    assert n.terms.date == date(2026, 12, 15)
    assert hear(n, s, "How about December 20th for the first payment?") == "accept"
    assert n.terms.date == date(2026, 12, 20)
    assert n.terms.months == 12  # the plan stays on the table


def test_a_lump_sum_beyond_what_it_has_is_countered_with_what_it_has_on_its_day() -> None:
    n, s = deal(
        "cc-m1-forgetful", Budget(now=Decimal(2000), monthly=Decimal(1000), by=date(2026, 11, 25))
    )
    assert hear(n, s, "您看今天能把5230.50元还上吗？") == "counter"
    assert (n.terms.amount, n.terms.date) == (Decimal(2000), date(2026, 11, 25))
    figures = n.figures(s.lang)
    assert (figures["amount"], figures["date"], figures["offered_amount"]) == (
        "2000元",
        "11月25号",
        "5230.50元",
    )


def test_without_a_budget_what_is_proposed_stands_and_is_echoed_as_said() -> None:
    n, s = deal("cc-m3-long-silence", None)
    assert hear(n, s, "我们可以帮您办分24期。") == "accept"
    assert n.figures(s.lang)["months"] == "24"
    assert n.figures(s.lang)["monthly"] == "1979.54元"
    assert hear(n, s, "那我们可以给您办分36期。") == "accept"
    assert n.figures(s.lang)["months"] == "36"


def test_a_line_that_proposes_nothing_gets_no_answer() -> None:
    n, s = deal("cc-m1-forgetful", None)
    assert hear(n, s, "是遇到什么困难了吗？") is None
    assert n.verdict is None


def test_no_plan_the_budget_fits_is_refused() -> None:
    n, s = deal("us-medical-hardship", Budget(monthly=Decimal(100), by=date(2026, 12, 1)))
    assert hear(n, s, "We can do 6 months at $414.40 a month.") == "refuse"


def test_the_circumstance_turns_with_the_seed_and_is_the_same_for_the_same_seed() -> None:
    s = scenario("us-medical-hardship")
    picks = [pick_budget(s, seed) for seed in range(6)]
    assert len({b.monthly for b in picks if b}) == 3
    assert picks[0] == pick_budget(s, 0) == picks[3]


@pytest.mark.parametrize(
    "name", ["cc-m1-forgetful", "ol-hardship-instalment", "us-medical-hardship"]
)
def test_one_scenario_per_level_varies_what_the_debtor_can_afford(name: str) -> None:
    s = scenario(name)
    assert len({(b.now, b.monthly, b.by) for b in s.persona.budget}) >= 2


# -- in a call -------------------------------------------------------------------------------

CAROL_OPENED = [
    "Hi, this is Alex Chen with Crossroads Financial Recovery. Am I speaking with Carol Jennings?",
    "Thank you. I'm a debt collector and this is an attempt to collect a debt; any information "
    "obtained will be used for that purpose. It's about your Northwind Bank card.",
    "I'm so sorry to hear that. That sounds really hard, and there's nothing to be ashamed of.",
]


def test_carol_no_longer_takes_a_plan_four_times_her_budget() -> None:
    session = Session(scenario("us-medical-hardship"), seed=0)  # the $210 a month circumstance
    for line in CAROL_OPENED:
        session.say(line)
    offer = session.say("We could do 3 months with no fees, $828.80 a month.")
    assert offer.persona.state == "budget_shared"
    assert "$828.80" in offer.persona.text and "$207.20" in offer.persona.text
    taken = session.say("Okay, 12 months at $207.20 a month, no fees.")
    assert taken.persona.state == "plan_considered"
    assert "$207.20" in taken.persona.text


def test_the_collectors_figures_are_echoed_not_fixed_ones() -> None:
    session = Session(scenario("cc-m1-forgetful"), seed=2)  # 2,000 at once, 1,000 a month
    for line in [
        "您好，我是某银行信用卡中心的小李，请问是王敏女士本人吗？",
        "您的信用卡逾期18天了，欠款一共5230.50元。",
    ]:
        session.say(line)
    reply = session.say("我们可以帮您申请分3期，没有手续费，每期1743.50元。")
    assert "1743.50元" in reply.persona.text and "分6期" in reply.persona.text
    assert "903.13元" in reply.persona.text


# -- the scenario file -----------------------------------------------------------------------


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_an_unknown_figure_in_a_line_is_an_error_at_its_line() -> None:
    text = (SCENARIOS / "cc-m1-forgetful.scenario.yaml").read_text("utf-8")
    bad = _with(text, "分{months}期是吧？", "分{month}期是吧？")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(bad, "x.yaml")
    (problem,) = caught.value.problems
    line = next(i for i, row in enumerate(bad.splitlines(), 1) if "{month}" in row)
    assert str(problem).startswith(f"x.yaml:{line}:")
    assert "unknown figure {month}" in str(problem)


def test_a_budget_figure_needs_a_budget() -> None:
    # cc-m3's lines say the day his money comes ({can_by}): without his budget, an error.
    text = (SCENARIOS / "cc-m3-long-silence.scenario.yaml").read_text("utf-8")
    start = text.index("  budget:\n")
    end = text.index("initial:", start)
    bad = text[:start] + text[end:]
    with pytest.raises(ScenarioError, match=r"\{can_by\} needs persona.budget"):
        load_scenario_text(bad, "x.yaml")


def test_a_budget_day_before_the_call_is_an_error() -> None:
    text = (SCENARIOS / "cc-m1-forgetful.scenario.yaml").read_text("utf-8")
    bad = _with(text, "by: 2026-11-20,", "by: 2026-11-01,")
    with pytest.raises(ScenarioError, match="before the call"):
        load_scenario_text(bad, "x.yaml")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_figures_are_said_in_the_calls_language(lang: Lang) -> None:
    n, _ = deal("cc-m1-forgetful", None)
    assert n.figures(lang)["date"] == ("今天" if lang == "zh" else "today")


def test_a_season_said_of_something_else_is_no_day_to_pay_on() -> None:
    n, s = deal(
        "ol-field-visit", Budget(monthly=Decimal(3000), now=Decimal(0), by=date(2026, 11, 30))
    )
    hear(n, s, "分3期没有手续费，每期2966.20元，按您店里年底的生意是能承担的。")
    assert n.terms.date == date(2026, 11, 30)  # its own day, not the year's end
    hear(n, s, "年底之前能不能把这期补上？")
    assert n.offered.date == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("name", "line", "day"),
    [
        (
            "ol-hardship-instalment",
            "好的，再确认一遍：分12期，首期12月5号，App内还款。今天打扰了，再见",
            date(2026, 12, 5),
        ),
        ("ol-hardship-instalment", "今天辛苦您了，那就12期，第一期12月5号还", date(2026, 12, 5)),
        (
            "us-medical-hardship",
            "So 6 months, first payment December 15. Thanks for your time today.",
            date(2026, 12, 15),
        ),
    ],
)
def test_a_day_said_only_to_take_leave_is_no_day_to_pay(name: str, line: str, day: date) -> None:
    """ "今天打扰了" after a recap proposed paying today: the persona countered a plan it had
    accepted. The policy's `negotiation.leave_taking` says which words around a relative day
    make it a leave-taking."""
    n, s = deal(name, None)
    hear(n, s, line)
    assert n.offered.date == day


@pytest.mark.parametrize(
    "line",
    [
        "行，就12期，第一期12月5号，罚息减免我明天帮您报上去",
        "那就6期，头一期12月5号还，分期申请我今天就给您提交",
        # The act's object said with 把, or an hour of the day first (session 21).
        "就12期，12月5号还第一期。我们这边明天就把减免材料递交上去",
        "好，6期，首期12月5号。我今天晚上会把您的情况上报",
    ],
)
def test_a_day_the_collector_names_for_their_own_act_is_no_day_to_pay(line: str) -> None:
    """ "减免我今天提交" named today for the collector's own act: the persona countered
    "today? my money isn't in yet" of a plan agreed on the 5th (session 15)."""
    n, s = deal("ol-hardship-instalment", None)
    hear(n, s, line)
    assert n.offered.date == date(2026, 12, 5)


def test_a_schedule_proposes_its_first_instalments_day() -> None:
    """ "第一期12月5号，第二期1月5号" proposes the first instalment's day, not the last day said."""
    n, s = deal("ol-hardship-instalment", None)
    hear(n, s, "分6期的话，第一期12月5号，第二期1月5号，您看行吗")
    assert n.offered.date == date(2026, 12, 5)


def test_a_day_to_pay_said_today_is_still_heard() -> None:
    n, s = deal("ol-hardship-instalment", None)
    hear(n, s, "分12期，第一期今天就在App里还，可以吗")
    assert n.offered.date == s.call.local_time.date()


def test_an_ordinal_instalment_said_with_the_amount_due_is_no_plan() -> None:
    """ "第3期12月1号到期的1994.3元" names which instalment of the loan is due, not a 3-month plan:
    read as one, the persona took a plan nobody offered and accepted a date it could not make."""
    budget = Budget(now=Decimal(1500), monthly=Decimal(700), by=date(2026, 12, 15))
    n, s = deal("ol-already-paid", budget)
    # The sum due, more than he has: countered with what he has on payday, no plan.
    assert hear(n, s, "您青禾钱包第3期12月1号到期的1994.3元，目前逾期9天") == "counter"
    assert (n.terms.months, n.terms.amount, n.terms.date) == (None, Decimal(1500), budget.by)
    assert not n.plan_talked


@pytest.mark.parametrize(
    ("line", "asked"),
    [
        ("您看月底回款了能先拿出多少来还？", "at_once"),
        ("这个月底前大概能凑多少？", "at_once"),
        ("你每个月大概能拿出多少来还", "monthly"),
        ("那您一个月最多能承受多少啊", "monthly"),
        ("How much could you manage a month?", "monthly"),
        ("What can you afford right now?", "at_once"),
        ("大概还差多少", None),  # what is left, not what he can pay
        ("一共要还多少您知道吗", None),
        ("能不能先还一部分？", None),  # a part asked for, no figure asked of him
        # The day and the sum left to the debtor to set (session 18).
        ("哪天手头宽裕了，你挑个日子和数目告诉我", "at_once"),
        ("金额和日期您来定，我登记", "at_once"),
        ("Just pick a date and an amount that work for you.", "at_once"),
        ("还款日期和金额我短信发您", None),  # told, not asked
        ("How much do you owe them?", None),
    ],
)
def test_a_question_of_what_the_debtor_can_pay_is_read_as_one(line: str, asked: str | None) -> None:
    from simulator.engine.policy import policy

    lang: Lang = "en" if line.isascii() else "zh"
    norm = analyze(line, lang, date(2026, 11, 21)).norm
    assert policy().negotiation.capacity[lang].asked(norm) == asked


def test_asked_what_it_can_pay_the_persona_names_its_budget() -> None:
    """The monthly-capacity question had no answer by the budget: "你每个月大概能拿出多少？" puts
    the shortest plan it can carry on the table; "月底能先拿出多少？" what it has at once."""
    budget = Budget(now=Decimal(1500), monthly=Decimal(1600), by=date(2026, 12, 5))
    n, s = deal("ol-field-visit", budget)
    assert hear(n, s, "你每个月大概能拿出多少来还？") == "counter"
    assert (n.terms.months, n.terms.monthly, n.terms.date) == (6, Decimal("1527.59"), budget.by)
    assert n.plan_talked
    n, s = deal("ol-field-visit", budget)
    assert hear(n, s, "您看月底回款了能先拿出多少来还？") == "counter"
    assert (n.terms.amount, n.terms.date) == (Decimal(1500), budget.by)
    assert n.figures(s.lang)["amount"] == "1500元"


def test_a_capacity_question_at_the_door_is_answered_with_what_he_has() -> None:
    """ol-field-visit: asked how much he can pay by the month's end, he offers the part his
    budget allows (not "I can't pay it all"), and a recap of "what you said" is a promise."""
    session = Session(scenario("ol-field-visit"), seed=2)
    for line in [
        "阿姨您好，打扰了，请问徐海波在家吗？我们找他本人有点事",
        "没事阿姨，麻烦您叫他出来一下就行",
        "徐先生您好，我们是恒通资产管理公司的，这是工作证和汇鑫的委托书",
        "先跟您核对一下，您身份证后四位是多少？",
        "您在汇鑫借App的借款逾期78天了，一共8898.6元",
        "生意是不是不太好做？方便说说吗",
        "理解，今年实体店都难",
    ]:
        session.say(line)
    exchange = session.say("您看月底回款了能先拿出多少来还？")
    assert session.persona.state == "offers_partial"
    assert "1500元" in exchange.persona.text
    session.say("行，就按您说的，12月5号前先还1500元")
    assert session.ended == "promise_to_pay"


def test_a_plan_named_without_its_instalment_is_echoed_with_its_own() -> None:
    """ "3期，每期2966.2" then "那就6期": what was offered is 6 instalments of 6's own amount,
    not 6 of 2966.20 (the persona said "6期太紧了，每个月2966.20元俺还不上")."""
    n, s = deal(
        "ol-field-visit", Budget(now=Decimal(0), monthly=Decimal(1600), by=date(2026, 12, 5))
    )
    hear(n, s, "可以分3期，不收手续费，每期2966.2")
    hear(n, s, "那就6期，第一期11月30号前")
    figures = n.figures(s.lang)
    assert (figures["offered_months"], figures["offered_monthly"]) == ("6", "1527.59元")


def test_asked_what_it_can_pay_after_its_own_counter_it_keeps_that_plan() -> None:
    """Its counter ("分6期，每期1527.59……俺咬咬牙能还") still on the table, the day and the sum
    left to it ("那你定个时间和数目") are a yes to that plan, not the counter said again."""
    budget = Budget(now=Decimal("2966.20"), monthly=Decimal(1600), by=date(2026, 11, 30))
    n, s = deal("ol-field-visit", budget)
    assert hear(n, s, "可以分3期，不收手续费") == "counter"
    assert n.terms.months == 6
    assert hear(n, s, "那你定个时间和数目，App里还就行") == "accept"
    assert (n.terms.months, n.terms.monthly) == (6, Decimal("1527.59"))


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # The day stands (her payday) and only the sum was too much: the day is not blamed.
        ("11月25号您把5230.50元一次还清，可以吗？", "{offered_amount}太多了"),
        # The sum stands and only the day was early: the sum is not blamed.
        ("明天先还1000元，行吗？", "{offered_date}太早了"),
    ],
)
def test_a_counter_blames_only_the_figure_it_changes(line: str, kept: str) -> None:
    """ "15号不行，我15号才发工资" when the collector had offered her own payday with too large
    a sum (session 21): a counter's line that blames only figures the persona says back
    unchanged is not said while another is left (policy `negotiation.blames`)."""
    n, s = deal(
        "cc-m1-forgetful", Budget(now=Decimal(2000), monthly=Decimal(1000), by=date(2026, 11, 25))
    )
    assert hear(n, s, line) == "counter"
    lines = ["{offered_date}太早了", "{offered_amount}太多了", "我只能{date}还{amount}"]
    assert n.fair(lines, s.lang) == [kept, lines[2]]
    # Nothing left to say but a wrong blame: the band is said as it is.
    assert n.fair([lines[0 if kept == lines[1] else 1]], s.lang) != []
