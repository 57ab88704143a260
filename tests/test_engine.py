"""The persona engine and the session: determinism, mood, endings, robustness, the clock."""

from __future__ import annotations

import itertools

import pytest

from scoring.transcript import Turn
from simulator.engine.catalog import resolve
from simulator.engine.journal import NullSink
from simulator.engine.loader import ScenarioError, load_scenario_text
from simulator.engine.scenario import Scenario
from simulator.engine.session import TRAINEE_ENDED, TURN_LIMIT, Session, SessionOver
from simulator.engine.stock_lines import stock_lines
from tests.calls import FORGETFUL_GOOD
from tests.conftest import SCENARIOS

GOOD = FORGETFUL_GOOD


def play(scenario: Scenario, lines: list[str], seed: int = 0) -> Session:
    session = Session(scenario, seed=seed)
    for line in lines:
        if session.ended:
            break
        session.say(line)
    return session


def comparable(session: Session) -> list[tuple[str, str, str, int, list[str]]]:
    return [(t.speaker, t.text, t.state, t.mood, t.intents) for t in session.transcript.turns]


def test_same_seed_same_call_byte_for_byte(forgetful: Scenario) -> None:
    first = play(forgetful, GOOD, seed=11)
    second = play(forgetful, GOOD, seed=11)
    assert comparable(first) == comparable(second)
    assert [t.at for t in first.transcript.turns] == [t.at for t in second.transcript.turns]


def test_seed_changes_the_wording_and_the_debtors_circumstances(forgetful: Scenario) -> None:
    runs = [play(forgetful, GOOD, seed=seed) for seed in range(8)]
    # Where she can pay it all today (every third seed), the call ends in the promise ...
    assert {r.ended for r in runs[::3]} == {"promise_to_pay"}
    assert len({tuple(t.text for t in r.transcript.turns) for r in runs[::3]}) > 1
    # ... where she is paid on the 25th, a promise for today is corrected, not taken.
    later = runs[1]
    assert later.ended is None and later.persona.state == "proposes_date"
    assert "11月25号" in later.transcript.turns[-1].text


def test_good_call_reaches_promise(forgetful: Scenario) -> None:
    session = play(forgetful, GOOD)
    assert session.ended == "promise_to_pay"
    assert session.transcript.final_state == "promise_to_pay"


def test_abuse_drops_mood_until_hang_up(forgetful: Scenario) -> None:
    session = Session(forgetful)
    start = session.persona.mood
    first = session.say("你这种老赖，脸都不要了吗？")
    assert first.persona.mood < start - 20
    session.say("再不还钱就让你坐牢，后果自负！")
    assert session.ended == "hung_up"
    assert session.transcript.turns[-1].text in forgetful.states["hung_up"].say.all_lines()


def test_unrecognised_line_gets_a_natural_reaction(forgetful: Scenario) -> None:
    session = Session(forgetful)
    session.say("请问是王敏本人吗？")
    exchange = session.say("天气预报说明天下雨。")
    assert exchange.persona.state == "verified"
    assert exchange.persona.text in forgetful.confused.all_lines()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "[b]bold[/b] [Note] [link=x]click[/link] $var ${x} {0} %s",
        "\x00\x07\x1b[31mred\x1b[0m\r\n\t",
        "９９９９９９９９９９９９９９９９９９９９元" * 50,
        "哈" * 10_000,
        "a" * 20_000,
        "🙂🙃" * 100,
        "",
    ],
)
def test_any_text_is_answered_never_crashes(forgetful: Scenario, text: str) -> None:
    session = Session(forgetful)
    exchange = session.say(text)
    assert exchange.persona.text
    # Kept as said, but for NUL, which no store can keep (PostgreSQL text): U+FFFD.
    assert exchange.trainee.text == text[:10_000].replace("\x00", "\ufffd")


def test_clock_advances_with_each_turn(forgetful: Scenario) -> None:
    session = play(forgetful, GOOD[:3])
    times = [t.at for t in session.transcript.turns]
    assert times == sorted(times)
    assert times[0] == forgetful.call.local_time
    assert times[-1] > times[0]


def test_turn_limit_ends_the_call(forgetful: Scenario) -> None:
    session = Session(forgetful)
    for _ in range(forgetful.call.max_turns):
        if session.ended:
            break
        session.say("嗯。")
    assert session.ended == TURN_LIMIT
    with pytest.raises(SessionOver):
        session.say("还在吗？")


def test_trainee_can_end_the_call(forgetful: Scenario) -> None:
    session = Session(forgetful)
    session.say("请问是王敏本人吗？")
    assert session.end() == TRAINEE_ENDED
    assert session.end() == TRAINEE_ENDED  # idempotent


def test_difficulty_two_resists_then_yields(forgetful: Scenario) -> None:
    hard = forgetful.model_copy(update={"difficulty": 2})
    session = play(hard, GOOD[:6])
    assert session.persona.state == "knows_how"
    replies = [session.say("您看什么时候方便还款呢？") for _ in range(3)]
    states = [r.persona.state for r in replies]
    assert states[0] == "knows_how"  # refused at least once
    assert "proposes_date" in states


def test_difficulty_three_needs_empathy(forgetful: Scenario) -> None:
    hardest = forgetful.model_copy(update={"difficulty": 3})
    cold = play(hardest, [GOOD[1], GOOD[2], GOOD[5]])
    for _ in range(3):
        cold.say("您看什么时候方便还款呢？")
    assert cold.persona.state != "proposes_date"
    warm = play(hardest, [GOOD[1], GOOD[2], GOOD[4], GOOD[5]])
    warm.say("您看什么时候方便还款呢？")
    assert warm.persona.state == "proposes_date"


class RecordingSink(NullSink):
    def __init__(self) -> None:
        self.turns: list[Turn] = []

    def append(self, turn: Turn) -> None:
        self.turns.append(turn)


def test_trainee_turn_is_stored_before_the_reply_exists(forgetful: Scenario) -> None:
    sink = RecordingSink()
    session = Session(forgetful, sink=sink)
    seen_at_store: list[int] = []
    original = sink.append

    def spy(turn: Turn) -> None:
        seen_at_store.append(len(session.transcript.turns))
        original(turn)

    sink.append = spy  # type: ignore[method-assign]
    session.say("请问是王敏本人吗？")
    assert [t.speaker for t in sink.turns] == ["persona", "trainee", "persona"]
    # Nothing reaches the sink before the first line; then the opening line, the trainee's
    # line (the persona's reply not yet in the transcript) and the reply, in that order.
    assert seen_at_store == [1, 2, 3]


def test_the_persona_does_not_answer_a_line_that_could_not_be_stored(
    forgetful: Scenario,
) -> None:
    """A line the sink refuses is never answered: the store comes first, then the persona."""
    sink = RecordingSink()
    session = Session(forgetful, sink=sink)
    state, mood = session.persona.state, session.persona.mood

    def refuse(turn: Turn) -> None:
        raise OSError("disk full")

    sink.append = refuse  # type: ignore[method-assign]
    with pytest.raises(OSError):
        session.say("您好，我是某银行信用卡中心的小李，请问是王敏本人吗？您最近还好吗？")
    assert (session.persona.state, session.persona.mood) == (state, mood)
    assert "empathy_shown" not in session.persona.flags and session.persona.flags == set()


def test_context_records_who_is_on_the_line(forgetful: Scenario) -> None:
    session = play(forgetful, ["请问是王敏本人吗？", "您的信用卡逾期了。"])
    trainee = session.transcript.trainee_turns()
    assert trainee[0].context is not None and not trainee[0].context.verified
    assert trainee[1].context is not None and trainee[1].context.verified


def test_the_mode_policy_decides_seed_warnings_and_hints(forgetful: Scenario) -> None:
    from simulator.engine.policy import SeedError, mode_policy

    practice, exam = mode_policy("practice"), mode_policy("exam")
    assert (practice.warnings, practice.hints, exam.warnings, exam.hints) == (
        True,
        True,
        False,
        False,
    )
    assert practice.seed_for("practice", tries=3) == 3  # each new try meets other wordings
    assert practice.seed_for("practice", tries=3, requested=9) == 9
    assert exam.seed_for("exam", tries=3) == 0  # every trainee meets the same persona
    with pytest.raises(SeedError):
        exam.seed_for("exam", requested=7)
    assert Session(forgetful, mode="exam").policy == exam


def test_an_understood_line_the_state_cannot_use_is_not_a_didnt_understand(
    forgetful: Scenario,
) -> None:
    session = Session(forgetful)
    session.say("请问是王敏本人吗？")
    exchange = session.say("我们可以帮您申请分期")
    assert exchange.analysis.intent_names == ["offer_plan"]
    assert exchange.persona.state == "verified"
    assert exchange.reply_kind == "unexpected"
    assert exchange.persona.text in stock_lines("zh", "unexpected")
    assert exchange.persona.text not in forgetful.confused.all_lines()  # type: ignore[union-attr]


def test_the_persona_never_says_the_same_line_twice_in_a_row(forgetful: Scenario) -> None:
    session = Session(forgetful)
    session.say("请问是王敏本人吗？")
    said = [session.say(line).persona.text for line in ["天气预报说明天下雨。"] * 6]
    said += [session.say("我们可以帮您申请分期").persona.text for _ in range(4)]
    assert all(a != b for a, b in itertools.pairwise(said))
    assert {session.say("嗯嗯").reply_kind} <= {"confused", "unexpected"}


def test_a_state_line_said_again_is_marked_as_said_again() -> None:
    # A transition with one line (the shipped one has two phrasings), its figure echoed.
    text = (SCENARIOS / "cc-m1-forgetful.scenario.yaml").read_text("utf-8")
    two = (
        'say: ["{offered_amount}？好吧，是我疏忽了。", "一共{offered_amount}是吧？行，是我忘了。"]'
    )
    assert two in text
    one = load_scenario_text(text.replace(two, 'say: ["{offered_amount}？好吧，是我疏忽了。"]'))
    session = Session(one)
    session.say("请问是王敏本人吗？")
    session.say("您的信用卡已经逾期了")
    first = session.say("一共是5230.50元").persona.text
    second = session.say("一共是5230.50元").persona.text
    assert first == "5230.50元？好吧，是我疏忽了。"
    assert second != first
    assert second.endswith(first)
    assert second.removesuffix(first) in stock_lines("zh", "again")


def test_a_state_hears_the_intent_it_prefers_first() -> None:
    """Asking "is this Ray? This is Mia from Bayline" asks for Ray: us-cease-request's opening
    prefers verify_identity, so he confirms instead of asking who she wants."""
    scenario = _shipped("us-cease-request")
    line = "Hey, is this Ray Delgado? This is Mia Chen from Bayline Recovery Partners."
    assert play(scenario, [line]).persona.state == "verified"
    unpreferred = load_scenario_text(
        (SCENARIOS / "us-cease-request.scenario.yaml")
        .read_text("utf-8")
        .replace("    prefer: [verify_identity]\n", ""),
        "s.yaml",
    )
    assert play(unpreferred, [line]).persona.state == "asks_who"


def test_an_intent_that_moves_the_call_beats_one_answered_in_place() -> None:
    """In asks_who a thanks is answered in place and a check moves on: the check wins though
    the thanks comes first in the line, and though the check is read by meaning only."""
    scenario = load_scenario_text(
        (SCENARIOS / "us-cease-request.scenario.yaml")
        .read_text("utf-8")
        .replace("    prefer: [verify_identity]\n", ""),
        "s.yaml",
    )
    line = "Thanks. For security, what is your date of birth?"
    session = play(scenario, ["This is Mia Chen with Bayline Recovery Partners.", line])
    assert session.transcript.turns[-2].intents[:2] == ["thank", "verify_identity"]
    assert session.persona.state == "verified"


def test_a_recap_of_sum_and_day_is_answered_once_the_debtor_sees_his_mistake() -> None:
    """ol-already-paid: once he sees he paid the wrong app, a recap of the right sum and a
    day is a proposal he answers with his own day (it was answered in place before)."""
    scenario = _shipped("ol-already-paid")
    lines = [
        "您好，我是青禾钱包平台的贷后专员王磊，工号QH0421，请问是陈浩先生本人吗？",
        "今天联系您是关于您在青禾钱包的借款，本期已经逾期9天，应还金额1994.30元。",
        "好的，您说上周已经还了，我这边先帮您登记异议，核实一下还款记录，核实期间这笔款项我们暂不催收。",
        "麻烦您提供一下还款截图，我这边提交核对。",
        "麻烦您提供一下还款截图，我这边提交核对，有了截图核实最快。",
        "理解您店里忙，麻烦您提供一下转账凭证或者还款截图，我这边提交核对。",
        "陈先生，您截图上的收款方是嘉禾花，不是我们青禾钱包，两个名字确实很像，很容易搞混。",
    ]
    session = play(scenario, lines)
    assert session.persona.state == "realises"
    session.say("那我跟您核对一下：这个月15号，在青禾钱包App里还1994.30元，可以吗？")
    assert session.persona.state == "proposes_date"
    session.say("好的，谢谢您，再见。")
    assert session.ended == "promise_to_pay"


def _shipped(scenario_id: str) -> Scenario:
    """A shipped scenario, read as an author's file is."""
    return load_scenario_text(
        (SCENARIOS / f"{scenario_id}.scenario.yaml").read_text("utf-8"), "s.yaml"
    )


def _m3() -> Scenario:
    return _shipped("cc-m3-long-silence")


def test_a_staff_number_said_before_it_is_asked_for_is_remembered() -> None:
    """cc-m3: he wants a staff number; one given in the first line passes his test at once
    (he asked for it again before, and took the next line for a dodge)."""
    given = play(_m3(), ["您好，我是华信银行信用卡中心的周婷，工号HX20417，请问是赵志强先生吗？"])
    assert given.persona.state == "id_noted"
    assert "工号我记到了" in given.transcript.turns[-1].text
    not_given = play(_m3(), ["您好，我是华信银行信用卡中心的周婷，请问是赵志强先生吗？"])
    assert not_given.persona.state == "scam_check"


M3_TO_SOFTENED = [
    "您好，我是华信银行信用卡中心的周婷，工号HX20417，请问是赵志强先生吗？",
    "麻烦您报一下身份证后四位，核实一下身份。",
    "您尾号3391的信用卡已经逾期97天，欠款41528.78元。",
    "这段时间是遇到什么困难了吗？",
    "火锅店关了确实太难了，换谁都扛不住。",
]


@pytest.mark.parametrize(
    ("seed", "state", "reply"),
    [
        (0, "promise_pending", "5000元是嘛？要得，12月20号之前我还上。剩下的……后面再说。"),
        (1, "promise_pending", "5000元……我凑不齐。12月20号之前我能还3000元，要得不？"),
        (2, "promise_pending", "5000元……我凑不齐。12月20号之前我能还4000元，要得不？"),
    ],
)
def test_a_part_payment_with_its_figure_is_answered_by_the_seeds_budget(
    seed: int, state: str, reply: str
) -> None:
    """cc-m3 has a budget now: a part payment proposed with figure and day is taken or
    countered with what he has (it was read as a plan, then he asked "最少要还好多？"). Countered,
    he has named his own terms and waits for their recap (promise_pending), as when he takes one."""
    session = play(_m3(), [*M3_TO_SOFTENED, "您看12月20号之前先还5000，能做到不？"], seed)
    assert session.persona.state == state
    assert session.transcript.turns[-1].text == reply


def test_a_refused_concession_is_the_whole_answer_to_its_line() -> None:
    """cc-elderly (difficulty 2): a plan offer she refuses first, said with empathy, gets her
    refusal; the empathy no longer moves her in the same line as well."""
    scenario = _shipped("cc-elderly-vulnerable")
    lines = [
        "您好，我是申江银行信用卡中心的客服专员陈静，工号3306。请问您是顾美珍阿姨本人吗？",
        "阿姨您别担心，我们不会问您密码和验证码，只需要您说一下身份证后四位，核实一下身份。",
        "谢谢阿姨。今天给您打电话，是关于您尾号3902的信用卡账单，目前已经逾期46天了，一共是9098.80元。",
        "阿姨，方便跟我说说是什么情况吗？",
        "阿姨，我非常理解您，您别着急，我们慢慢来。",
        "我们可以帮您申请分12期还款，每期803.73元，每个月压力小一些。",
    ]
    session = play(scenario, lines)
    exchange = session.say(
        "我明白您的顾虑。分12期的话每期只要803.73元，我们按您的实际情况来安排，您看可以吗？"
    )
    assert {"offer_plan", "empathize"} <= set(exchange.analysis.intent_names)
    assert exchange.reply_kind == "resist"
    assert session.persona.state == "softened"


def test_a_soothing_line_that_offers_a_call_back_is_heard_as_the_call_back() -> None:
    """cc-elderly (difficulty 2, session 16): she refused a plan, wanting her daughter with her;
    a line with understanding and a call-back once they have talked is that call-back, not the
    refused plan asked again by its empathy."""
    scenario = _shipped("cc-elderly-vulnerable")
    lines = [
        "您好，我是申江银行信用卡中心的客服专员陈静，工号3306。请问您是顾美珍阿姨本人吗？",
        "阿姨您别担心，我们不会问您密码和验证码，只需要您说一下身份证后四位，核实一下身份。",
        "谢谢阿姨。今天给您打电话，是关于您尾号3902的信用卡账单，目前已经逾期46天了，一共是9098.80元。",
        "阿姨，方便跟我说说是什么情况吗？",
        "阿姨，我非常理解您，您别着急，我们慢慢来。",
        "我们可以帮您申请分12期还款，每期803.73元，每个月压力小一些。",
    ]
    session = play(scenario, lines)
    assert session.persona.state == "softened"
    exchange = session.say(
        "阿姨我理解您，这种事是该跟女儿合计合计，那等你们商量好了我再打过来行吗？"
    )
    assert {"leave_callback", "empathize"} <= set(exchange.analysis.intent_names)
    assert session.persona.state in ("callback_agreed", "callback")
    assert session.persona.state != "plan_considered"


@pytest.mark.parametrize(
    ("seed", "reply"),
    [
        (0, "我算了一哈，12月20号之前凑得出6788.78元，就这么多。"),
        (1, "全部我肯定拿不出来……12月15号之前我能先还3000元，要得不？"),
    ],
)
def test_asked_what_he_can_manage_he_names_his_own_sum_and_day(seed: int, reply: str) -> None:
    """cc-m3 (session 16): amount and day both left to him ("金额、日子，您看着说") is asked
    what he can pay: he names his budget (he asked back "最少要还好多？" before)."""
    asked = "那您能先还一点吗？什么时候、多少，您看着说就行。"
    session = play(_m3(), [*M3_TO_SOFTENED, asked], seed)
    assert session.persona.state == "promise_pending"
    assert session.transcript.turns[-1].text == reply


def test_her_condition_met_earlier_in_the_call_is_not_asked_again() -> None:
    """cc-complaint-threat (session 16): fewer calls promised before the money talk; asked
    for a day on her payday, she does not refuse it for a promise already given."""
    scenario = _shipped("cc-complaint-threat")
    lines = [
        "您好，请问是林晓燕女士本人吗？我是锦程银行信用卡中心的方磊，工号2231。",
        "您要去12378反映是您的正当权利，您说的情况我先给您记下来报上去。",
        "以后就我一个人跟您对接，不会再有别的同事一天打好几遍了。",
        "实在对不住，给您工作添乱了。",
        "现在账上一共是20073.75元，最低还款3423.75元。",
        "是遇到啥事了吗？",
    ]
    session = play(scenario, lines, seed=2)
    assert session.persona.state == "explains"
    exchange = session.say("那15号工资到账以后，先还最低的3423.75元，可以吗？")
    assert exchange.reply_kind == "say"
    assert session.persona.state == "proposes_date"


def test_a_condition_on_what_was_told_names_a_known_ask() -> None:
    text = (SCENARIOS / "cc-m3-long-silence.scenario.yaml").read_text("utf-8")
    with pytest.raises(ScenarioError, match="unknown ask 'badge'"):
        load_scenario_text(text.replace("told: [staff_id]", "told: [badge]", 1), "s.yaml")


def test_a_line_said_to_a_bystander_is_not_said_to_the_debtor() -> None:
    """ol-field-visit lists how a trainee addresses the neighbour or his mother: a line that
    opens so, while he is on, is an aside he waits through; the same words said to him are
    heard (a goodbye before a word of why you came agrees no call-back either)."""
    session = Session(resolve("ol-field-visit").scenario, seed=0)
    session.say("阿姨您好，请问徐海波在家吗？")
    # The ID check asked at the door: he has come out and heard it.
    session.say("海波你好，我是恒通资产的，先核对一下，你身份证后四位是多少？")
    assert session.persona.state == "verified"
    aside = session.say("大爷您好，我们找他说点私事，您先忙。")
    assert (aside.reply_kind, aside.persona.state, session.ended) == ("aside", "verified", None)
    said = session.say("您好，我们找他说点私事，您先忙。")
    assert (said.reply_kind, said.persona.state, session.ended) == ("unexpected", "verified", None)
    # The debtor sought by name in the third person, with him verified at the door: an aside.
    aside = session.say("您好，我们来找海波说点事，马上就走，不打扰您了。")
    assert (aside.reply_kind, aside.persona.state, session.ended) == ("aside", "verified", None)


def test_answering_a_refusals_worry_weighs_the_refused_date_again() -> None:
    """Difficulty 2, seed 2: the payment date asked is refused; once she has been heard out
    (an apology moves her to explaining), a line that only answers her worry again is heard as
    the ask again, and she proposes her date. (Since the merge of session 15, whose recap and
    minimum-payment edges in cc-complaint-threat share the asking transitions, the second
    apology is that line; it was the third before.)"""
    session = Session(resolve("cc-complaint-threat").scenario, seed=2)
    for line in [
        "您好，我是锦程银行信用卡中心的客服专员陈雪，工号J5186，请问是林晓燕女士本人吗？",
        "您向金融监管总局的12378热线投诉是您的权利，我这边也会把您的投诉登记下来反馈处理。",
        "截至今天，您的欠款一共是20073.75元，其中本金18500元，利息1203.75元，违约金370元。",
    ]:
        session.say(line)
    assert session.say("您是15号发工资吧？那15号能先还3423.75吗？").reply_kind == "resist"
    assert session.say("真的抱歉，这几天电话太多了，是我们做得不好。").persona.state == "explains"
    again = session.say("真的抱歉，这几天电话太多了，是我们做得不好。")
    assert (again.reply_kind, again.persona.state) == ("say", "proposes_date")
    assert again.persona.text == "12月15号，3423.75元。你记好，别再问了。"


def test_the_policys_patterns_are_checked_when_it_is_read() -> None:
    """What may follow a form of address and the words that make a day a leave-taking are
    data (policy.yaml), per language; a pattern that does not compile is refused at once."""
    from pydantic import ValidationError

    from simulator.engine.policy import Bystanders, LeaveTaking, policy

    assert policy().bystanders.follows["zh"].startswith("[")
    assert policy().negotiation.leave_taking["zh"].says("今天打扰了", 0, 2)
    assert not policy().negotiation.leave_taking["zh"].says("今天还上", 0, 2)
    with pytest.raises(ValidationError, match="not a regular expression"):
        Bystanders(follows={"zh": "[您"})
    with pytest.raises(ValidationError, match="not a regular expression"):
        LeaveTaking(after="(打扰")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_goodbye_beside_a_move_is_heard_from_where_the_move_led(seed: int) -> None:
    """ "到时候在App里还就行，那我们就先走了" in plan_considered: how to pay moves him on to name
    the first date, and the goodbye is then heard there (steps.closes_after), as if said next:
    the visit ends with the plan agreed instead of him asking the date of people who left.
    At seed 0 the plan was refused twice; the goodbye's apology asks it again first."""
    session = Session(resolve("ol-field-visit").scenario, seed=seed)
    for line in [
        "阿姨您好，请问徐海波在家吗？",
        "海波你好，我是恒通资产的外访员，这是工作证和委托书。先核对一下，你身份证后四位是多少？",
        "你在汇鑫借的借款逾期78天了，一共8898.60元。",
        "是店里生意不好做吗？",
        "我理解，一个人撑个店真的不容易。",
        "可以分6期，每期1527.59元，您看行吗？",
        "分6期，每期1527.59元，按您的情况是能承担的。",
    ]:
        session.say(line)
    last = session.say("到时候在App里还就行，那我们就先走了，不打扰了。")
    assert (last.persona.state, session.ended) == ("plan_agreed", "plan_agreed")


def test_a_goodbye_that_is_all_the_line_says_moves_nothing_twice() -> None:
    """A move on anything at all (`any`: the neighbour answered) is the state's, not the
    line's act: the goodbye read into "婶子好，没啥事…" does not then end the visit."""
    session = Session(resolve("ol-field-visit").scenario, seed=1)
    for line in [
        "阿姨您好，请问徐海波在家吗？",
        "海波你好，我是恒通资产的外访员，这是工作证和委托书。先核对一下，你身份证后四位是多少？",
        "你在汇鑫借的借款逾期78天了，一共8898.60元。",
    ]:
        session.say(line)
    assert session.persona.state == "neighbour_passes"
    session.say("婶子好，没啥事，我们找海波聊两句。")
    assert session.ended is None


def test_one_instalment_named_with_a_plan_is_no_plan_of_its_own() -> None:
    """ "分两期，一期997.15" offers two instalments; "一期" is each one, not a one-instalment plan
    the ledger does not allow (the persona asked "分几期？每期多少？" of an offer naming both)."""
    session = Session(resolve("ol-already-paid").scenario, seed=1)
    for line in [
        "您好，陈浩先生吧，我是青禾钱包贷后专员，工号QH8830，麻烦报一下身份证后四位核实一下",
        "您12月1号那期1994.3到今天逾期9天了",
        "您说已经还了？我先把您的异议登记上，核实之前不催您",
        "您把支付宝付款截图找出来看一下收款方是谁",
        "截图上的收款方是嘉禾花，不是青禾钱包，俩名字太像了",
    ]:
        session.say(line)
    assert session.persona.state == "realises"
    exchange = session.say("一下还不上的话，可以分两期，没手续费，一期997.15")
    assert [c.value for c in exchange.analysis.counts if c.kind == "instalments"] == [2, 1]
    assert exchange.persona.text != "分期？分几期？每期多少？"
    assert exchange.reply_kind in ("say", "resist")


@pytest.mark.parametrize(
    ("told", "state"),
    [
        ("截图我看了，钱转到嘉禾花了，不是咱们这边，名字太像了", "realises"),
        ("您再翻翻截图，看看收款方是谁？", "dispute_ignored"),
    ],
)
def test_told_the_payee_before_reading_the_receipt_he_sees_it_as_he_reads(
    told: str, state: str
) -> None:
    """ol-already-paid: the trainee tells him the payee is another lender while he will not
    look yet (refused at difficulty 2); once he reads the receipt, talk of paying is heard
    after he has realised, not as "pay twice". Asking who the payee is tells him nothing."""
    session = Session(resolve("ol-already-paid").scenario, seed=0)
    for line in [
        "您好，陈浩先生吧，我是青禾钱包贷后专员，工号QH8830，麻烦报一下身份证后四位核实一下",
        "您12月1号那期1994.3到今天逾期9天了",
        "您说已经还了？我先把您的异议登记上，核实之前不催您",
        told,
        "麻烦您把截图找出来，我帮您核对",
        "理解您店里忙，麻烦您找一下还款截图",
    ]:
        session.say(line)
    assert session.persona.state == "reads_screenshot"
    session.say("那青禾这边这期还是要还的，您看15号能还上吗？")
    assert session.persona.state == state


def test_seeking_the_debtor_by_name_before_he_is_verified_is_said_to_him() -> None:
    """ "我们找徐海波，是您本人吗？" before the check asks him who he is: no aside."""
    session = Session(resolve("ol-field-visit").scenario, seed=0)
    session.say("阿姨您好，请问徐海波在家吗？")
    session.say("没事阿姨，麻烦您叫他出来一下就行")
    exchange = session.say("您好，我们找徐海波，是您本人吗？")
    assert exchange.reply_kind != "aside"
