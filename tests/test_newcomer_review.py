"""The newcomer review's own reproductions (shared/reviews/newcomer-trial-2026-12.md), line
for line: each fails again if its defect comes back. Defects are numbered as in the review."""

from __future__ import annotations

from datetime import date

import pytest

from scoring.analysis import analyze
from scoring.check import check_utterance
from scoring.compliance import LineContext, judge_for
from scoring.i18n import Lang
from simulator.engine.catalog import resolve
from simulator.engine.reporting import report_for
from simulator.engine.session import Session

VERIFY_ZH = "您好，我是某银行信用卡中心的工作人员小赵。请问您是王敏本人吗？"
VERIFY_EN = (
    "Hi, this is Alex Chen with Bayline Recovery Partners, a debt collector. This is an attempt"
    " to collect a debt and any information obtained will be used for that purpose."
    " Am I speaking with Ray Delgado?"
)
ON_THE_CALL_DAY = date(2026, 11, 20)


def accuracy_rules(scenario_id: str, first: str, line: str) -> list[str]:
    session = Session(resolve(scenario_id).scenario, seed=7)
    session.say(first)
    session.say(line)
    session.end()
    report = report_for(session.transcript)
    return [f.rule for f in report.findings if f.dimension == "accuracy" and f.turn == 3]


@pytest.mark.parametrize(
    "line",
    [
        "您的信用卡已经逾期18天，逾期总额是8,888元。",
        "您的信用卡已经逾期18天，逾期总额是5,320.50元。",
        "您的信用卡已经逾期18天，逾期总额是5,330.50元。",
        "您的信用卡已经逾期18天，逾期总额是6,000元。",
        "您的信用卡已经逾期18天，逾期总额是5230元。",
        "您的信用卡已经逾期18天，逾期总额是4,230.50元。",
        "您的信用卡已经逾期18天，逾期总额是五千三百二十元五角。",
        "您需要还8888元。",
        "您的信用卡逾期总额8,888元，请尽快还款。",
        "您目前欠款8,888元。",
    ],
)
def test_1_a_wrong_total_is_flagged_zh(line: str) -> None:
    assert accuracy_rules("cc-m1-forgetful", VERIFY_ZH, line) == ["ACC-AMOUNT"]


@pytest.mark.parametrize(
    "line",
    [
        "You need to pay $700.",
        "The amount is $700.",
        "It's $700 on the account.",
        "Your account shows $746.40 past due.",
        "Your overdue total is $700.00.",
        "I'm from collections. Pay the 700 today or we'll have you arrested and call your boss,"
        " deadbeat.",
    ],
)
def test_1_a_wrong_total_is_flagged_en(line: str) -> None:
    assert accuracy_rules("us-cease-request", VERIFY_EN, line) == ["ACC-AMOUNT"]


@pytest.mark.parametrize(
    ("line", "intent"),
    [
        ("您看下周五之前能还上吗？", "ask_payment_date"),
        ("您看下周五之前还可以吗？", "ask_payment_date"),
        ("您能在11月27日之前还清吗？", "ask_payment_date"),
        ("您看这周五，也就是11月27日之前，能把5,230.50元一次还清吗？", "ask_payment_date"),
        ("您看下周五11月27日之前把5,230.50元全额还上，可以吗？", "ask_payment_date"),
        ("我理解您的心情，您有权投诉，我这边可以先帮您登记反馈。", "acknowledge_dispute"),
        ("您的投诉我会如实记录并反馈。", "acknowledge_dispute"),
    ],
)
def test_3_natural_moves_are_understood(line: str, intent: str) -> None:
    assert intent in analyze(line, "zh", ON_THE_CALL_DAY).intent_names


@pytest.mark.parametrize(
    "proposal",
    [
        "您看这周五，也就是11月27日之前，能把5,230.50元一次还清吗？",
        "您看下周五11月27日之前把5,230.50元全额还上，可以吗？",
    ],
)
def test_3_the_persona_takes_up_a_date_put_to_her(proposal: str) -> None:
    """Both proposals once drew "那现在怎么处理比较好？" / "手机银行就能还是吧？"."""
    session = Session(resolve("cc-m1-forgetful").scenario, seed=7)
    for line in [
        VERIFY_ZH,
        "您的信用卡已经逾期18天，逾期总额是5,230.50元。",
        "是什么原因没有按时还款呢？",
    ]:
        session.say(line)
    reply = session.say(proposal).persona
    assert session.transcript.turns[-1].state == "proposes_date"
    # She takes up the collector's own date and sum (negotiation echoes what was said).
    assert reply.text == "可以，11月27号之前我把5230.50元还了。"


@pytest.mark.parametrize(
    ("line", "jurisdiction", "rules"),
    [
        ("你要是再不还，我们就上门找你单位领导。", "CN", {"CN-THIRDPARTY-COLLECT"}),
        ("不还钱就通知你家人和同事。", "CN", {"CN-THIRDPARTY-DISCLOSURE-THREAT"}),
        ("你再不还钱就让你坐牢", "CN", {"CN-THREAT-ARREST-JAIL"}),
        (
            "I'm from collections. Pay the 700 today or we'll have you arrested and call your"
            " boss, deadbeat.",
            "US",
            {
                "US-FDCPA-THREAT-ARREST-CRIME",
                "US-FDCPA-WORKPLACE-CONTACT",
                "US-FDCPA-PROFANITY-ABUSE",
            },
        ),
    ],
)
def test_9_common_threats_are_flagged(line: str, jurisdiction: str, rules: set[str]) -> None:
    lang: Lang = "zh" if jurisdiction == "CN" else "en"
    found = check_utterance(line, lang, judge_for(jurisdiction), LineContext())["findings"]
    assert isinstance(found, list)
    assert rules <= {f["rule"] for f in found}


def test_13_make_test_prints_no_license_banner_and_says_what_it_starts() -> None:
    """setuptools printed "project.license as a TOML table is deprecated" three times, and the
    README did not say that `make test` may ask sudo and leaves PostgreSQL running."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == "LicenseRef-Proprietary"
    readme = " ".join((root / "README.md").read_text("utf-8").split())
    assert "asks `sudo`" in readme and "the server is left running afterwards" in readme
