"""The numbers a trainee sees, pinned: each dimension, the total, hints, the outcome split and
the critical fail, for fixed calls. A one-line change to the score formula or the rubric's
defaults turns one of these red."""

from __future__ import annotations

from decimal import Decimal

from scoring.report import Report
from scoring.rubric import Outcome, Rubric
from simulator.engine.reporting import report_for
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

# A good call with one blaming phrase, no word on how to pay, and a hint used on line 6.
BLAME_NO_CHANNELS = [
    "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
    "请问是王敏女士本人吗？",
    "您的信用卡目前逾期18天，逾期金额是5230.50元。",
    "你早干嘛去了？是遇到什么困难了吗？",
    "我非常理解您的难处。",
    "您看什么时候方便还款呢？",
    "好的，那我们约定您这周五之前还清5230.50元，谢谢您的配合，再见。",
]
HINTED_LINE = 5


def report_of(scenario: Scenario, lines: list[str], hinted: int | None = None) -> Report:
    session = Session(scenario, seed=0)
    for i, line in enumerate(lines):
        session.say(line, hint=i == hinted)
    if not session.ended:
        session.end_call()
    return report_for(session.transcript)


def test_a_good_call_with_a_blame_a_missed_objective_and_a_hint(forgetful: Scenario) -> None:
    report = report_of(forgetful, BLAME_NO_CHANNELS, hinted=HINTED_LINE)
    # Tone: lines at 80 + markers (84 ×5, 68 with the blame, 92 with empathy) average 82.857,
    # less a quarter of the minor blame's 10 points.
    assert [t.score for t in report.tone_by_line] == [84.0, 84.0, 84.0, 68.0, 92.0, 84.0, 84.0]
    assert [f.rule for f in report.findings] == ["TONE-BLAME"]
    # Outcome: 6 of 7 objectives share 60 points, and the promise earns 40.
    assert [o.name for o in report.objectives if not o.met] == ["explain_channels"]
    assert report.dimensions == {
        "tone": 80.4,
        "accuracy": 100.0,
        "compliance": 100.0,
        "outcome": 91.4,
    }
    # 80.4×0.25 + 100×0.25 + 100×0.35 + 91.4×0.15 − 3 for the hint
    assert report.hints_used == 1
    assert report.score == 90.8
    assert report.passed and not report.failed_by_critical
    # The promise as the report states it, and the persona's mood after each of her lines.
    assert (report.outcome.promise_amounts, report.outcome.promise_dates) == (
        [5230.5],
        ["2026-11-20"],
    )
    assert report.mood_curve == [
        (0, 65), (2, 68), (4, 69), (6, 70), (8, 64), (10, 76), (12, 77), (14, 78)
    ]  # fmt: skip


def test_the_rubric_in_the_scenario_sets_hint_cost_and_outcome_split(
    forgetful: Scenario,
) -> None:
    rubric = Rubric(hint_cost=5, outcome=Outcome(objectives=50, good_ending=50))
    scenario = forgetful.model_copy(update={"rubric": rubric})
    report = report_of(scenario, BLAME_NO_CHANNELS, hinted=HINTED_LINE)
    assert report.dimensions["outcome"] == 92.9  # 50 × 6/7 + 50
    assert report.score == 89.0  # 80.4×0.25 + 25 + 35 + 92.9×0.15 − 5
    exactly = forgetful.model_copy(update={"rubric": rubric.model_copy(update={"pass_mark": 89})})
    assert report_of(exactly, BLAME_NO_CHANNELS, hinted=HINTED_LINE).passed  # the mark passes


def test_a_wrong_amount_and_a_jail_threat_fail_the_call(forgetful: Scenario) -> None:
    report = report_of(
        forgetful,
        [
            "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
            "请问是王敏女士本人吗？",
            "您的信用卡逾期金额是6230.50元。",
            "你再不还钱就让你坐牢",
        ],
    )
    assert [(f.rule, f.severity, f.turn) for f in report.findings] == [
        ("ACC-AMOUNT", "major", 5),
        ("CN-THREAT-ARREST-JAIL", "critical", 7),
        ("TONE-THREAT", "major", 7),
    ]
    assert report.dimensions == {
        "tone": 68.0,  # (84×3 + 55) / 4 − 35/4
        "accuracy": 65.0,  # 100 − 35
        "compliance": 0.0,  # a critical finding costs the whole dimension
        "outcome": 17.1,  # 2 of 7 objectives, no good ending
    }
    assert report.score == 35.8
    assert report.failed_by_critical and not report.passed
    assert report.outcome.ending == "trainee_ended" and not report.outcome.good


def test_by_default_a_promise_a_plan_a_callback_a_logged_dispute_or_cease_is_good() -> None:
    assert Rubric().good_endings == [
        "callback",
        "cease_requested",
        "dispute_logged",
        "plan_agreed",
        "promise_to_pay",
    ]


def test_a_figure_is_the_ledger_s_only_when_right_to_the_cent(forgetful: Scenario) -> None:
    ledger = forgetful.ledger
    assert ledger.matches(Decimal("5230.50")) == "overdue_total"
    assert ledger.matches(Decimal("5230.505")) == "overdue_total"
    assert ledger.matches(Decimal("5230.51")) is None
    assert ledger.matches(Decimal("5230.49")) is None


def test_debt_talk_before_saying_who_you_are_costs_a_finding_at_that_line(
    forgetful: Scenario,
) -> None:
    report = report_of(
        forgetful, ["请问是王敏女士本人吗？", "您的信用卡目前逾期18天，逾期金额是5230.50元。"]
    )
    assert [(f.rule, f.turn, f.quote) for f in report.findings] == [
        ("CN-IDENTITY-DISCLOSURE", 3, "您的信用卡目前逾期18天，逾期金额是5230.50元。")
    ]
    assert report.score == 71.3


# A courteous, accurate, compliant call that never asks for a payment and ends with nothing
# agreed: no plan, no promise, no next step.
NOTHING_AGREED = [
    "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
    "请问是王敏女士本人吗？",
    "您的信用卡目前逾期18天，逾期金额是5230.50元。",
    "是遇到什么困难了吗？",
    "我非常理解您的难处。",
    "您可以通过手机银行或者支付宝还款，很方便。",
    "好的，谢谢您，再见。",
]


def test_tone_alone_does_not_pass_a_call_that_agreed_nothing(forgetful: Scenario) -> None:
    report = report_of(forgetful, NOTHING_AGREED)
    assert report.outcome.ending == "trainee_ended" and not report.outcome.good
    assert [t.score for t in report.tone_by_line] == [84.0, 84.0, 84.0, 80.0, 92.0, 84.0, 84.0]
    assert [o.name for o in report.objectives if not o.met] == ["get_promise_to_pay"]
    assert report.dimensions == {
        "tone": 84.6,  # 592 / 7
        "accuracy": 100.0,
        "compliance": 100.0,
        "outcome": 51.4,  # 6 of 7 objectives share 60 points; no good ending, no 40
    }
    assert report.score == 88.9  # 84.6×0.25 + 25 + 35 + 51.4×0.15: above the pass mark ...
    assert not report.passed and report.failed_by_outcome  # ... and still not passed
    assert not report.failed_by_critical
    # A scenario's rubric may lift the house rule (data/endings.yaml): then the score decides.
    lifted = forgetful.model_copy(
        update={"rubric": forgetful.rubric.model_copy(update={"pass_needs_good_ending": False})}
    )
    again = report_of(lifted, NOTHING_AGREED)
    assert again.score == 88.9 and again.passed and not again.failed_by_outcome
