"""The persona remembers what it was told, and a call untouched leaves nothing behind
(issue 16, items 5 and 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine.journal import JournalSink
from simulator.engine.memory import asked_in
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

IDENTIFY = "您好，我是某银行信用卡中心的客服专员小李，工号1024。请问是王敏女士本人吗？"
TOTAL = "给您打电话是关于您信用卡账单的事，您的信用卡目前逾期18天，逾期总额是5,230.50元。"


@pytest.mark.parametrize("seed", range(8))
def test_the_persona_never_asks_for_the_total_it_was_just_told(
    forgetful: Scenario, seed: int
) -> None:
    session = Session(forgetful, seed=seed)
    session.say(IDENTIFY)
    reply = session.say(TOTAL).persona
    assert reply.state == "informed"
    assert asked_in(reply.text, "zh") == set(), reply.text


def test_a_line_that_asks_for_the_total_is_still_said_when_it_was_not_told(
    forgetful: Scenario,
) -> None:
    replies = set()
    for seed in range(8):
        session = Session(forgetful, seed=seed)
        session.say(IDENTIFY)
        replies.add(session.say("您的信用卡已经逾期18天了。").persona.text)
    assert "啊？逾期了？我还以为绑了自动还款……一共是多少钱来着？" in replies


@pytest.mark.parametrize(
    ("line", "lang", "asks"),
    [
        ("啊？逾期了？我还以为绑了自动还款……一共是多少钱来着？", "zh", {"amount"}),
        ("嗯……你是哪里的？找谁？", "zh", {"caller"}),
        ("Wait, how much is it?", "en", {"amount"}),
        ("OK. I'll pay on Friday.", "en", set()),
    ],
)
def test_what_a_persona_line_asks_for(line: str, lang: str, asks: set[str]) -> None:
    assert asked_in(line, lang) == asks  # type: ignore[arg-type]


def test_an_untouched_call_records_nothing(forgetful: Scenario, tmp_path: Path) -> None:
    journal = JournalSink(tmp_path)
    session = Session(forgetful, sink=journal)
    assert session.end_call() == "trainee_ended"
    session.end()
    assert list(tmp_path.iterdir()) == []  # no journal, no attempt


def test_the_first_line_records_the_opening_and_the_line(
    forgetful: Scenario, tmp_path: Path
) -> None:
    from simulator.engine.journal import read_journal

    journal = JournalSink(tmp_path)
    session = Session(forgetful, sink=journal)
    session.say(IDENTIFY)
    assert journal.path is not None
    transcript, finished = read_journal(journal.path)
    assert not finished
    assert transcript.turns == session.transcript.turns  # opening, the line, the reply
    assert [t.speaker for t in transcript.turns] == ["persona", "trainee", "persona"]


async def test_quitting_an_untouched_call_in_the_app_leaves_no_attempt(store_url: str) -> None:
    # store_url: in each backend (it is the default store, COLLECTSIM_DB)
    from simulator.engine.paths import data_dir
    from simulator.records import Store
    from tests.test_tui import SIZE, app, open_call

    async with app().run_test(size=SIZE) as pilot:
        await open_call(pilot)
        await pilot.press("ctrl+q")
    with Store.open(None, create=False) as store:
        assert store.attempts(trainee="小李") == []
    journal = data_dir() / "journal"
    assert not journal.exists() or list(journal.iterdir()) == []


# -- acts done before the state that waits for them (issue 12) ------------------------------


def _scenario(name: str) -> Scenario:
    from simulator.engine.catalog import resolve

    return resolve(name).scenario


def test_a_complaint_acknowledged_before_verification_counts_once_she_is_verified() -> None:
    session = Session(_scenario("cc-complaint-threat"), seed=0)
    session.say("林女士您好，我是锦程银行信用卡中心的小周。")
    aside = session.say("您要去12378投诉，这是您的权利，我这边先帮您把意见登记上。")
    assert aside.persona.state == "identified_rant"  # heard, not what this state waits for
    verified = session.say("跟您核对一下，您身份证后四位是多少？")
    # Verified, she would vent; the complaint already logged is remembered instead.
    assert verified.persona.state == "complaint_noted"
    assert verified.reply_kind == "say"


def test_without_the_acknowledgement_she_vents_first() -> None:
    session = Session(_scenario("cc-complaint-threat"), seed=0)
    session.say("林女士您好，我是锦程银行信用卡中心的小周。")
    assert session.say("跟您核对一下，您身份证后四位是多少？").persona.state == "venting"


def test_the_id_digits_asked_with_her_name_verify_her_in_one_line() -> None:
    session = Session(_scenario("cc-elderly-vulnerable"), seed=0)
    session.say("阿姨您好，我是申江银行信用卡中心的小周。")
    both = session.say("请问是顾美珍阿姨吗？麻烦您说一下身份证最后四位。")
    assert both.persona.state == "verified"
    assert "verified" in session.persona.flags


def test_her_name_alone_is_not_the_check() -> None:
    session = Session(_scenario("cc-elderly-vulnerable"), seed=0)
    session.say("阿姨您好，我是申江银行信用卡中心的小周。")
    assert session.say("请问是顾美珍阿姨本人吗？").persona.state == "name_confirmed"
    again = session.say("是顾美珍阿姨吧？")
    assert again.persona.state == "name_confirmed"  # asking her name twice checks nothing
    assert session.say("麻烦您说一下身份证最后四位。").persona.state == "verified"
