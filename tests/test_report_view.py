"""One report, the same everywhere: what each point cost, the pass mark, objectives and why,
the live checklist agreeing with the report (issue 16, items 1 and 2)."""

from __future__ import annotations

import html

import pytest

from scoring.render import to_html, to_markdown
from scoring.report import Report
from scoring.report_view import build_view
from simulator.engine.reporting import report_for
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

# The persona ends the call on the promise: the trainee never gets a turn to say goodbye.
THANKS_EARLY = [
    "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
    "请问是王敏女士本人吗？谢谢您。",
    "给您打电话是关于您信用卡账单的事，您的信用卡目前逾期18天，逾期金额是5230.50元。",
    "是遇到什么困难了吗？",
    "我非常理解您的难处，工作忙确实容易忘。",
    "您可以通过手机银行或者支付宝还款，很方便。",
    "您看什么时候方便还款呢？",
    "好的，那我们约定您这周五之前还清5230.50元。",
]
THREAT = ["请问是王敏女士本人吗？", "再不还钱就让你坐牢。", "你这种老赖！"]


def played(scenario: Scenario, lines: list[str]) -> Session:
    session = Session(scenario)
    for line in lines:
        session.say(line)
        if session.ended:
            break
    session.end()
    return session


def test_live_checklist_never_ticks_what_the_end_decides(forgetful: Scenario) -> None:
    session = Session(forgetful)
    for line in THANKS_EARLY[:3]:  # "谢谢您" in the second line
        session.say(line)
    live = {o.name: o.status for o in session.objectives()}
    assert live["close_politely"] == "pending"  # not ☑ now and ✘ in the report
    assert live["verify_identity"] == "met"


def test_checklist_and_report_agree_and_say_what_the_debtor_made_impossible(
    forgetful: Scenario,
) -> None:
    session = played(forgetful, THANKS_EARLY)
    assert session.ended == "promise_to_pay"
    report = report_for(session.transcript)
    live = [(o.name, o.status) for o in session.objectives()]
    assert live == [(o.name, o.status) for o in report.objectives]
    close = next(o for o in report.objectives if o.name == "close_politely")
    assert (close.status, close.met) == ("impossible", False)
    assert close.why is not None and "对方先结束了通话" in close.why.zh
    # Not counted against the trainee: every other objective met, so the outcome is whole.
    assert report.dimensions["outcome"] == 100.0
    view = build_view(report, "zh")
    assert "⊘ 礼貌结束通话 — 对方先结束了通话，没有机会道别" in [
        f"{o.mark} {o.label} — {o.why}" for o in view.objectives
    ]


@pytest.mark.parametrize("lines", [THANKS_EARLY, THREAT, THREAT[:1]])
def test_every_point_lost_has_a_line(forgetful: Scenario, lines: list[str]) -> None:
    report = report_for(played(forgetful, lines).transcript)
    for name, value in report.dimensions.items():
        lost = sum(d.points for d in report.deductions[name])
        if value > 0:
            assert lost == pytest.approx(100 - value, abs=0.06), name
        else:
            assert lost >= 100 - 0.06, name
        if value < 100:
            assert report.deductions[name], name


def test_the_tone_deductions_name_the_lines_and_the_base(forgetful: Scenario) -> None:
    report = report_for(played(forgetful, THANKS_EARLY).transcript)
    assert report.dimensions["tone"] == 84.5
    en = [d.text.en for d in report.deductions["tone"]]
    assert en == [
        "every line starts at the base tone 80 (courtesy and empathy raise it)",
        "turns 1, 3, 5, 11, 13, 15: tone 84 (polite wording +4)",
        "this line: tone 92 (polite wording +4, empathy +8)",
    ]
    # 20 off the base, given back 4 × 6/8 and 12 × 1/8: 100 − 20 + 3 + 1.5 = 84.5.
    assert [round(d.points, 2) for d in report.deductions["tone"]] == [20.0, -3.0, -1.5]


def test_a_line_above_the_base_tone_is_never_charged(forgetful: Scenario) -> None:
    """The zh report once read "−8.0 · 第1句 · 这句语气 84（基准 80；politeness +4）": a line
    better than the base was charged its distance from 100 (over two lines), and the marker
    was named by its English id. Now it gives back its distance above the base."""
    lines = ["请问是王敏女士本人吗？", "逾期总额是5230.50元，再不还钱就让你坐牢。"]
    report = report_for(played(forgetful, lines).transcript)
    assert report.dimensions["tone"] == 60.8  # (84 + 55) / 2 − 35 × 0.25
    zh = next(d for d in build_view(report, "zh").dimensions if d.key == "tone")
    assert zh.deductions == [
        "−20.0 · 每句话从基准分 80 起算（礼貌用语、表达理解可加分）",
        "+2.0 · 第1句 · 这句语气 84（礼貌用语 +4）",
        "−12.5 · 第3句 · 这句语气 55（威胁口吻 −25）",
        "−8.8 · 第3句 · TONE-THREAT: [major] 语气扣分（威胁口吻）",
    ]
    en = next(d for d in build_view(report, "en").dimensions if d.key == "tone")
    assert en.deductions[1:3] == [
        "+2.0 · Turn 1 · this line: tone 84 (polite wording +4)",
        "−12.5 · Turn 3 · this line: tone 55 (threatening tone −25)",
    ]


def test_a_zh_report_names_no_marker_by_its_id(forgetful: Scenario) -> None:
    from scoring.tone import reader

    kinds = [*reader().data.markers, "shouting"]
    shouted = [
        "请问是王敏女士本人吗？",
        "我理解您的难处，您说",
        "马上还钱！！你这种老赖，早干嘛去了",
    ]
    report = report_for(played(forgetful, shouted).transcript)
    text = "\n".join(x for d in build_view(report, "zh").dimensions for x in d.deductions)
    assert "共情 +8，倾听 +5" in text
    assert "施压 −10，指责 −12，轻蔑/辱骂 −30，吼叫（全大写或连串感叹号） −10" in text
    for kind in kinds:
        assert kind not in text, kind


def failed(forgetful: Scenario) -> Report:
    return report_for(played(forgetful, THREAT).transcript)


def test_the_verdict_states_the_pass_mark(forgetful: Scenario) -> None:
    view = build_view(failed(forgetful), "en")
    assert view.verdict.endswith("— FAILED (pass mark 80, and no critical violation)")
    zh = build_view(failed(forgetful), "zh")
    assert zh.verdict.endswith("— 未通过（及格线 80 分，且不能有严重违规）")


def test_markdown_and_html_show_the_same_view(forgetful: Scenario) -> None:
    session = played(forgetful, THREAT)
    report = report_for(session.transcript)
    view = build_view(report, "zh")
    md = to_markdown(report, "zh")
    page = to_html(report, session.transcript, "zh")
    for text in [
        view.verdict,
        view.ending,
        *(o.label for o in view.objectives),
        *(x for d in view.dimensions for x in d.deductions),
        *(f.citation for f in view.findings),
    ]:
        assert text in md, text
        assert html.escape(text) in page, text
    assert ">persona<" not in page and ">对方<" in page  # the speaker in the report's language
