"""The judge on whole calls and single lines: accuracy, stateful duties, purity, the report."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from scoring.accuracy import check_line
from scoring.analysis import analyze
from scoring.compliance import judge_for
from scoring.judging import judge_turn
from scoring.render import to_html, to_markdown, to_text
from scoring.scorer import score
from scoring.transcript import TurnContext
from simulator.engine.reporting import report_for
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session
from tests.calls import FORGETFUL_GOOD

CALL_DAY = date(2026, 11, 20)


def accuracy_rules(scenario: Scenario, text: str) -> list[str]:
    analysis = analyze(text, scenario.lang, CALL_DAY)
    return [f.rule for f in check_line(analysis, scenario.ledger, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("您的逾期金额是5230.50元。", []),
        ("您一共欠款五千二百三十元五角。", []),
        ("您的欠款是¥5,230.50。", []),
        ("最低还款是523.05元。", []),
        ("利息是180.5元，滞纳金50元。", []),
        ("您的欠款是5320.50元。", ["ACC-AMOUNT"]),
        ("您一共欠了六千元。", ["ACC-AMOUNT"]),
        ("您一共欠五千二。", ["ACC-AMOUNT-IMPRECISE"]),
        ("利息是280元。", ["ACC-AMOUNT"]),
        ("您先还1000元可以吗？", []),  # a proposal, not a statement of the debt
        ("您已经逾期18天了。", []),
        ("您已经逾期十八天了。", []),
        ("您已经逾期30天了。", ["ACC-DAYS-OVERDUE"]),
        ("您的还款日是11月2号。", []),
        ("您的还款日是11月5号。", ["ACC-DUE-DATE"]),
        ("可以分3期，也可以分6期。", []),
        ("可以帮您分12期。", ["ACC-PLAN"]),
        ("分6期的话每期是903.13元。", []),
        ("分3期每期1743.5元。", []),
        ("分3期每期2000元。", ["ACC-AMOUNT"]),
        ("滞纳金可以全部减免，减免50元。", []),
        ("本金5000元、利息180.5元、滞纳金50元。", []),
        ("本金5000元、利息180.5元、滞纳金60元。", ["ACC-AMOUNT"]),
        ("您已经两个月没接电话了。", []),
        ("这一期您还没还。", []),
    ],
)
def test_accuracy_against_the_ledger(forgetful: Scenario, text: str, expected: list[str]) -> None:
    assert accuracy_rules(forgetful, text) == expected


def test_wrong_amount_is_quoted_with_the_right_one(forgetful: Scenario) -> None:
    analysis = analyze("您的欠款是5320.50元。", "zh", CALL_DAY)
    [finding] = check_line(analysis, forgetful.ledger, 3)
    assert finding.quote == "您的欠款是5320.50元。"
    assert finding.evidence == "5320.50元"
    assert "¥5,230.50" in finding.message.zh and "¥5,230.50" in finding.message.en
    assert finding.turn == 3


def _findings(text: str, party: str, verified: bool, forgetful: Scenario) -> list[str]:
    context = TurnContext(party=party, verified=verified)
    analysis = analyze(text, "zh", CALL_DAY)
    at = datetime(2026, 11, 20, 10, 30)
    judge = judge_for("CN")
    return [
        str(f.category)
        for f in judge_turn(analysis, context, at, forgetful.ledger, judge, 1)
        if f.dimension == "compliance"
    ]


DISCLOSURE = "您好，王敏的信用卡已经逾期18天了，欠款5230.50元，麻烦您转告她尽快还款。"


def test_disclosure_to_a_spouse_is_critical(forgetful: Scenario) -> None:
    assert "third_party_disclosure" in _findings(DISCLOSURE, "third_party", False, forgetful)


def test_same_words_to_the_verified_debtor_pass(forgetful: Scenario) -> None:
    words = "您的信用卡已经逾期18天了，欠款5230.50元，麻烦您尽快还款。"
    assert _findings(words, "debtor", True, forgetful) == []


def test_same_words_before_verification_are_flagged(forgetful: Scenario) -> None:
    words = "您的信用卡已经逾期18天了，欠款5230.50元，麻烦您尽快还款。"
    assert "privacy_before_verification" in _findings(words, "debtor", False, forgetful)


def test_calling_at_night_is_a_finding_once_per_call(forgetful: Scenario) -> None:
    night = forgetful.model_copy(
        update={
            "call": forgetful.call.model_copy(update={"local_time": datetime(2026, 11, 20, 22, 40)})
        }
    )
    session = Session(night)
    session.say("请问是王敏本人吗？")
    session.say("我是某银行信用卡中心的小李。")
    session.end()
    report = report_for(session.transcript)
    hours = [f for f in report.findings if f.category == "time_or_frequency_harassment"]
    assert len(hours) == 1


GOOD = FORGETFUL_GOOD


def played(scenario: Scenario, lines: list[str]) -> Session:
    # Seed 6 meets the circumstance GOOD's recap fits (she can pay it all today): seed n meets
    # the scenario's budget n mod 3.
    session = Session(scenario, seed=6)
    for line in lines:
        if session.ended:
            break
        session.say(line)
    session.end()
    return session


def test_score_is_pure(forgetful: Scenario) -> None:
    session = played(forgetful, GOOD)
    judge = judge_for("CN")
    first = score(session.transcript, judge)
    restored = type(session.transcript).model_validate_json(session.transcript.model_dump_json())
    second = score(restored, judge)
    assert first == second
    assert json.dumps(first.to_json("zh"), ensure_ascii=False) == json.dumps(
        second.to_json("zh"), ensure_ascii=False
    )


def test_good_call_passes_with_objectives_met(forgetful: Scenario) -> None:
    report = report_for(played(forgetful, GOOD).transcript)
    assert report.passed, to_text(report, "en")
    assert report.outcome.ending == "promise_to_pay"
    assert all(o.met for o in report.objectives)
    assert report.outcome.promise_amounts == [5230.5]


def test_critical_violation_fails_regardless_of_points(forgetful: Scenario) -> None:
    lines = [*GOOD[:7], "你要是不还，我们就找你家人和单位，让大家都知道你欠钱不还。", GOOD[7]]
    report = report_for(played(forgetful, lines).transcript)
    assert report.failed_by_critical
    assert not report.passed
    critical = [f for f in report.findings if f.severity == "critical"]
    assert critical and all(f.citation and f.suggestion.zh and f.suggestion.en for f in critical)
    assert critical[0].quote == lines[7]


def test_every_finding_traces_to_a_rule_and_a_quote(forgetful: Scenario) -> None:
    lines = [
        "喂，王敏是吧，你欠我们银行五千多块钱，什么时候还？",
        "你这种老赖！！！",
        "必须今天还！",
    ]
    report = report_for(played(forgetful, lines).transcript)
    assert report.findings
    for finding in report.findings:
        assert finding.rule and finding.message.zh and finding.message.en
        assert finding.quote in lines
        if finding.dimension == "compliance":
            assert finding.category is not None and finding.citation


def test_renderers_quote_and_escape(forgetful: Scenario) -> None:
    session = played(forgetful, ["<script>alert(1)</script> 你这种老赖", *GOOD[:2]])
    report = report_for(session.transcript)
    page = to_html(report, session.transcript, "zh")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "<svg" in page
    markdown = to_markdown(report, "en")
    assert "## Findings" in markdown and "TONE-CONTEMPT" in markdown
