"""The after-call note: scored for completeness and truth against the call it summarises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.callnote import judge_note
from scoring.transcript import Transcript
from simulator.engine.journal import NullSink
from simulator.engine.loader import load_scenario
from simulator.engine.reporting import report_for
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

ROOT = Path(__file__).resolve().parent.parent
LINES = [
    "您好，我是安融金服平台的客服专员张敏，请问刘建国先生在吗？",
    "不好意思，这个涉及刘先生本人的事情，麻烦您请他接一下电话，谢谢。",
    "刘先生您好，我是安融金服平台的客服专员张敏，工号1024。",
    "麻烦您报一下身份证后四位，核实一下身份。",
    "今天联系您是关于您在安融金服的借款，目前逾期52天，欠款一共13086.50元。",
    "能跟我说说是什么情况吗？",
    "我能理解，失业确实不容易，您慢慢说。",
    "我们可以帮您申请分12期，每期1169.06元。",
    "我明白您的顾虑。分12期每期只要1169.06元，以您现在失业金加上家里的收入，是能承担的，我们按您的实际能力来安排。",
    "您先别急着拒绝，分12期之后，后面找到工作了也可以提前还清，不会多收手续费以外的钱。",
    "您看第一期什么时候方便还？",
    "好的，那我们约定12月5号前在App内还第一期，我帮您记录还款承诺。谢谢您。",
]
GOOD_NOTE = (
    "客户同意分12期还款，每期1169.06元，承诺12月5号前在App内还第一期。下一步：到期前短信提醒。"
)


@pytest.fixture(scope="module")
def hardship() -> Scenario:
    return load_scenario(ROOT / "scenarios" / "ol-hardship-instalment.scenario.yaml")


def call(scenario: Scenario) -> Session:
    session = Session(scenario, seed=1)
    for line in LINES:
        session.say(line)
    assert session.ended == "plan_agreed"
    return session


def rules(scenario: Scenario, note: str | None) -> list[str]:
    return [f.rule for f in judge_note(note, call(scenario).transcript)]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (GOOD_NOTE, []),
        ("", ["NOTE-MISSING"]),
        ("客户态度还行。下一步：跟进。", ["NOTE-OUTCOME", "NOTE-PROMISE"]),
        (GOOD_NOTE.replace("1169.06", "1196.06"), ["NOTE-FIGURE"]),
        (GOOD_NOTE.replace("12月5号", "12月15号"), ["NOTE-DATE"]),
        ("客户同意分12期还款，每期1169.06元，承诺12月5号前还第一期。", ["NOTE-NEXT-STEP"]),
        (GOOD_NOTE + "12月4日短信提醒。", []),  # a reminder date is the trainee's own plan
    ],
)
def test_note_is_checked_against_the_call(
    hardship: Scenario, note: str, expected: list[str]
) -> None:
    assert rules(hardship, note) == expected


def test_the_note_counts_in_the_report(hardship: Scenario) -> None:
    good = call(hardship)
    good.end(note=GOOD_NOTE)
    bad = call(hardship)
    bad.end(note="")
    good_report, bad_report = report_for(good.transcript), report_for(bad.transcript)
    met = {o.name: o.met for o in good_report.objectives}
    assert met["write_call_note"]
    assert not {o.name: o.met for o in bad_report.objectives}["write_call_note"]
    assert good_report.dimensions["outcome"] > bad_report.dimensions["outcome"]
    assert any(f.rule == "NOTE-MISSING" for f in bad_report.findings)


def test_the_call_is_recorded_only_once_the_note_is_in(hardship: Scenario) -> None:
    finished: list[str | None] = []

    class Sink(NullSink):
        def finish(self, transcript: Transcript) -> None:
            finished.append(transcript.note)

    session = Session(hardship, seed=1, sink=Sink())
    for line in LINES:
        session.say(line)
    assert finished == []  # the persona ended the call; the note is still owed
    session.end(note=GOOD_NOTE)
    assert finished == [GOOD_NOTE]


def test_play_takes_the_note(tmp_path: Path, isolated_home: Path) -> None:
    script = tmp_path / "lines.txt"
    script.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    env = {**os.environ, "COLLECTSIM_HOME": str(isolated_home)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "simulator.cli.main",
            "play",
            "ol-hardship-instalment",
            "--script",
            str(script),
            "--seed",
            "1",
            "--note",
            GOOD_NOTE,
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["report"]
    assert {o["name"]: o["met"] for o in report["objectives"]}["write_call_note"]
    assert report["passed"]
