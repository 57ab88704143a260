"""The `collectsim` command as a user runs it: output, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.engine.journal import read_journal
from tests.calls import kill_play_after

ROOT = Path(__file__).resolve().parent.parent
GOOD_SCRIPT = """\
您好，我是某银行信用卡中心的客服专员小李，工号1024。
请问是王敏女士本人吗？
您的信用卡目前逾期18天，逾期金额是5230.50元。
是遇到什么困难了吗？
我非常理解您的难处。
您可以通过手机银行或者支付宝还款。
您看什么时候方便还款呢？
好的，那我们约定您这周五之前还清5230.50元，谢谢您的配合，再见。
"""


def run(*args: str, stdin: str = "", home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLLECTSIM_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "simulator.cli.main", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_SCRIPT, encoding="utf-8")
    return path


def test_play_script_json_has_turns_ending_and_report(script: Path, isolated_home: Path) -> None:
    result = run("play", "cc-m1-forgetful", "--script", str(script), "--json", home=isolated_home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scenario"] == "cc-m1-forgetful"
    assert data["ending"] == "promise_to_pay"
    assert data["turns"][0]["speaker"] == "persona"
    assert {"speaker", "text", "state", "mood", "intents"} <= set(data["turns"][1])
    report = data["report"]
    assert report["passed"] is True
    assert set(report["dimensions"]) == {"tone", "accuracy", "compliance", "outcome"}


def test_play_is_deterministic_across_processes(script: Path, isolated_home: Path) -> None:
    outputs = []
    for _ in range(2):
        result = run(
            "play",
            "cc-m1-forgetful",
            "--script",
            str(script),
            "--seed",
            "5",
            "--json",
            home=isolated_home,
        )
        data = json.loads(result.stdout)
        data.pop("attempt")
        data["report"].pop("attempt")
        outputs.append(data)
    assert outputs[0] == outputs[1]


def test_play_by_path_and_stdin_lines(isolated_home: Path) -> None:
    path = str(ROOT / "scenarios" / "cc-m1-forgetful.scenario.yaml")
    result = run("play", path, stdin="请问是王敏本人吗？\n/end\n", home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "王敏:" in result.stdout
    assert "总分: " in result.stdout


def test_exam_mode_prints_no_live_warnings(tmp_path: Path, isolated_home: Path) -> None:
    rude = tmp_path / "rude.txt"
    rude.write_text("请问是王敏本人吗？\n你这种老赖，脸都不要了吗？\n", encoding="utf-8")
    practice = run("play", "cc-m1-forgetful", "--script", str(rude), home=isolated_home)
    exam = run(
        "play", "cc-m1-forgetful", "--script", str(rude), "--mode", "exam", home=isolated_home
    )
    assert "⚠" in practice.stdout.split("通话评估报告")[0]
    assert "⚠" not in exam.stdout.split("通话评估报告")[0]


def test_unknown_scenario_is_one_line_error(isolated_home: Path) -> None:
    result = run("play", "no-such-scenario", home=isolated_home)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no scenario with id 'no-such-scenario'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_script_is_one_line_error(isolated_home: Path) -> None:
    result = run("play", "cc-m1-forgetful", "--script", "/nope/x.txt", home=isolated_home)
    assert result.returncode == 1
    # In play's language: --lang, else the scenario's (this one is zh-CN).
    assert result.stderr == "collectsim: 错误：/nope/x.txt：无法读取脚本：没有这个文件或文件夹\n"


def test_validate_reports_file_line_col(tmp_path: Path, isolated_home: Path) -> None:
    bad = tmp_path / "bad.scenario.yaml"
    text = (ROOT / "scenarios" / "cc-m1-forgetful.scenario.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("difficulty: 1\n", "difficulty: 1\ndifficulty: 1\n"), "utf-8")
    result = run("validate", str(bad), home=isolated_home)
    assert result.returncode == 1
    line = next(
        n for n, text in enumerate(bad.read_text("utf-8").splitlines(), 1) if "difficulty" in text
    )
    assert result.stdout.strip() == f"{bad}:{line + 1}:1: error: duplicate key 'difficulty'"


def test_validate_shipped_catalog_is_clean(isolated_home: Path) -> None:
    result = run("validate", "scenarios", home=isolated_home)
    assert result.returncode == 0, result.stdout


def test_play_without_scenario_offers_a_menu(isolated_home: Path) -> None:
    result = run("play", stdin="1\n请问是王敏本人吗？\n/end\n", home=isolated_home)
    assert result.returncode == 0, result.stderr
    assert "Choose a scenario" in result.stdout
    assert "王敏" in result.stdout


def test_killed_process_keeps_every_said_turn(isolated_home: Path) -> None:
    said = ["请问是王敏本人吗？", "您的信用卡逾期18天了。"]
    assert kill_play_after(isolated_home, said) == -signal.SIGKILL
    journals = list((isolated_home / "journal").glob("*.jsonl"))
    assert len(journals) == 1
    transcript, finished = read_journal(journals[0])
    assert not finished
    assert [t.speaker for t in transcript.turns] == [
        "persona",
        "trainee",
        "persona",
        "trainee",
        "persona",
    ]
    assert transcript.turns[3].text == "您的信用卡逾期18天了。"


def test_score_a_stored_journal_matches_the_live_report(script: Path, isolated_home: Path) -> None:
    live = json.loads(
        run("play", "cc-m1-forgetful", "--script", str(script), "--json", home=isolated_home).stdout
    )
    [journal] = list((isolated_home / "journal").glob("*.jsonl"))
    rescored = run("score", str(journal), "--format", "json", home=isolated_home)
    assert rescored.returncode == 0, rescored.stderr
    again = json.loads(rescored.stdout)
    again.pop("finished")
    assert again == live["report"]


def test_check_jsonl_echoes_ids(tmp_path: Path, isolated_home: Path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        json.dumps({"id": "a1", "text": "再不还钱就让你坐牢"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": 7, "text": "我们不会联系您的家人"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    result = run("check", "--jsonl", str(lines), "--jurisdiction", "CN", home=isolated_home)
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(row) for row in result.stdout.splitlines())
    assert first["id"] == "a1" and first["findings"]
    assert {"rule", "category", "severity", "quote"} <= set(first["findings"][0])
    assert second["id"] == 7 and second["findings"] == []


def test_check_bad_jsonl_is_one_line_error(tmp_path: Path, isolated_home: Path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text("{not json}\n", encoding="utf-8")
    result = run("check", "--jsonl", str(lines), home=isolated_home)
    assert result.returncode == 1
    assert f"{lines}:1: not JSON" in result.stderr


def test_analyze_resolves_relative_dates(isolated_home: Path) -> None:
    result = run(
        "analyze", "--now", "2026-11-20T10:00", "下周五之前还五千二百三十元五角", home=isolated_home
    )
    data = json.loads(result.stdout)
    assert data["dates"] == ["2026-11-27"]
    assert data["amounts"] == [5230.5]


def test_an_exam_takes_the_policy_seed_and_refuses_another(script: Path, tmp_path: Path) -> None:
    refused = run("play", "cc-m1-forgetful", "--mode", "exam", "--seed", "7", home=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr == "collectsim: error: exam mode uses the fixed seed 0, not 7\n"
    taken = run(
        "play",
        "cc-m1-forgetful",
        "--mode",
        "exam",
        "--script",
        str(script),
        "--json",
        home=tmp_path,
    )
    assert taken.returncode == 0, taken.stderr
    assert json.loads(taken.stdout)["seed"] == 0


def test_play_shows_the_account_card_and_slash_commands_are_never_spoken(
    isolated_home: Path,
) -> None:
    lines = "/help\n/card\n/hint\n请问是王敏本人吗？\n/nonsense\n/end\n"
    result = run("play", "cc-m1-forgetful", "--json", stdin=lines, home=isolated_home)
    assert result.returncode == 0, result.stderr
    said = [t["text"] for t in json.loads(result.stdout)["turns"] if t["speaker"] == "trainee"]
    assert said == ["请问是王敏本人吗？"]  # no command reached the persona or the record
    assert result.stderr.strip().splitlines()[-1] == (
        "collectsim: 未知命令 /nonsense（可用：/help /card /hint /end）"
    )
    shown = run("play", "cc-m1-forgetful", stdin=lines, home=isolated_home).stdout
    card = shown.split("王敏: ")[0]  # before the persona's first line
    assert "逾期总额: ¥5,230.50" in card and "逾期天数: 18" in card
    assert "练习模式：本次通话不计入认证" in card
    assert shown.count("逾期总额: ¥5,230.50") == 2  # and /card prints it again
    assert "命令：/card 账户信息" in shown
    assert "提示（用了扣分）: 您好，我是某银行信用卡中心的客服专员" in shown


def test_play_hint_marks_the_next_line(isolated_home: Path) -> None:
    lines = "/hint\n您好，我是某银行信用卡中心的客服专员，我的工号是1024。\n/end\n"
    result = run("play", "cc-m1-forgetful", "--json", stdin=lines, home=isolated_home)
    report = json.loads(result.stdout)["report"]
    assert report["hints_used"] == 1


def test_trainer_commands_say_when_all_is_well(tmp_path: Path, isolated_home: Path) -> None:
    validate = run("validate", "scenarios", home=isolated_home)
    assert validate.stdout.strip() == "ok: 33 files valid"
    lint = run("lint", "scenarios", home=isolated_home)
    assert lint.stdout.strip() == "ok: 16 scenarios, no problems"
    db = str(tmp_path / "r.db")
    enrol = run("hr", "enrol", "小李", "--cohort", "2026-11", "--db", db, home=isolated_home)
    assert (enrol.returncode, enrol.stdout.strip()) == (0, "enrolled 小李 in cohort 2026-11")


def test_tracks_speak_the_locales_language(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert run("tracks", home=isolated_home).stdout.startswith(
        "collector-certification: Collector certification"
    )
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run("tracks", home=isolated_home).stdout.startswith(
        "collector-certification: 催收员上岗认证"
    )


def test_intents_say_what_each_means_in_the_language_asked(isolated_home: Path) -> None:
    from scoring.intents import intent_names
    from simulator.authoring.intent_help import descriptions

    assert set(descriptions()) == set(intent_names())  # every intent described, no stale one
    en = run("intents", "--lang", "en", home=isolated_home).stdout.splitlines()
    zh = run("intents", "--lang", "zh", home=isolated_home).stdout.splitlines()
    assert "self_identify        says who is calling and for which company" in en
    assert "self_identify        说明自己是谁、代表哪家机构" in zh


def test_play_ends_with_the_one_report_the_app_shows(tmp_path: Path, isolated_home: Path) -> None:
    """`play`'s summary was its own (no pass mark, no deductions, no objectives): now it is
    the report view the app's screen and the exports render, line for line."""
    from scoring.render import to_text
    from scoring.report_view import build_view
    from simulator.engine.reporting import report_for
    from simulator.training.tracks import certification_note, load_tracks

    lines = tmp_path / "threat.txt"
    lines.write_text("请问是王敏女士本人吗？\n逾期总额是8,888元，再不还钱就让你坐牢。\n")
    shown = run("play", "cc-m1-forgetful", "--script", str(lines), home=isolated_home).stdout
    summary = shown.split("\n\n", 1)[1]
    for line in [
        "通话评估报告 — 信用卡逾期18天——忘记还款的白领",
        "总分: 32.7 / 100 — 未通过（及格线 80 分，且不能有严重违规）",
        "存在严重违规，本次通话不合格。",
        "练习模式：本次通话不计入认证（催收员上岗认证 L1 只认考核模式的通过）。",
        "  语气 61 (权重 ×0.25)",
        "    +2.0 · 第1句 · 这句语气 84（礼貌用语 +4）",
        "    −35.0 · 第3句 · ACC-AMOUNT: [major] ¥8,888（“8,888元”）与账户不符",
        "    −100.0 · 第3句 · CN-THREAT-ARREST-JAIL: [critical] 以拘留、坐牢、案底相威胁",
        "    −40.0 · 结束方式不算好结果：学员结束通话",
        "  ✔ 核实对方是否本人 — 第1句",
        "  ✘ 礼貌结束通话 — 最后两句里没有致谢或道别",
        "结束方式: 学员结束通话 · 结束时对方情绪: 28 · 使用提示 0 次（每次扣 3 分）",
        "  [critical] 第3句 CN-THREAT-ARREST-JAIL (合规)",
    ]:
        assert f"\n{line}\n" in f"\n{summary}", line
    [journal] = list((isolated_home / "journal").glob("*.jsonl"))
    transcript, _ = read_journal(journal)
    report = report_for(transcript)
    note = certification_note("cc-m1-forgetful", "practice", load_tracks())
    view = build_view(report, "zh", title="信用卡逾期18天——忘记还款的白领", certification=note)
    assert to_text(report, "zh", view) in summary
    # `score` prints the same report, headed by the scenario's title (it used the id).
    scored = run("score", str(journal), home=isolated_home).stdout
    title = "信用卡逾期18天——忘记还款的白领"
    assert scored == to_text(report, "zh", build_view(report, "zh", title=title)) + "\n"
    assert scored.startswith("通话评估报告 — 信用卡逾期18天——忘记还款的白领\n")
