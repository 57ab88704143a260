"""Every kind of error the command line reports is one line in the command's language:
the records store's, the server's, certificates', resuming a call, journals, the catalog,
seeds, passwords, the system's refusals, and argparse's own usage and error lines."""

from __future__ import annotations

import errno
import io
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scoring.lang import Lang
from simulator.cli.main import main
from simulator.engine.loader import load_scenario
from simulator.engine.phrases import os_reason
from simulator.engine.session import Session
from simulator.records.db import StoreError
from simulator.records.owner import Owner, this_process
from simulator.records.store import Store
from tests.records_seed import seed

ROOT = Path(__file__).resolve().parent.parent
FORGETFUL = ROOT / "scenarios" / "cc-m1-forgetful.scenario.yaml"


def said(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[Lang, tuple[int, str, str]]:
    """The command's exit status, stdout and stderr with --lang zh and with --lang en."""
    heard: dict[Lang, tuple[int, str, str]] = {}
    for lang in ("zh", "en"):
        status = main([*argv, "--lang", lang])
        out, err = capsys.readouterr()
        heard[lang] = (status, out, err)
    return heard


@pytest.fixture(autouse=True)
def environment_restored() -> Iterator[None]:
    """`main` puts --scenarios and the caches in the environment, for the processes it
    starts: run in-process here, that must not reach the next test's commands."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def one_line(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[Lang, str]:
    """The one error line each language says (exit 1, nothing on stdout)."""
    heard = said(capsys, *argv)
    for status, out, err in heard.values():
        assert (status, out) == (1, ""), err
        assert err.count("\n") == 1, err
    return {lang: err for lang, (_, _, err) in heard.items()}


@pytest.fixture
def seeded(tmp_path: Path) -> str:
    db = str(tmp_path / "seeded.db")
    with Store.open(db) as store:
        now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
        seed(store, ["cc-m1-forgetful"], trainees=1, attempts=1, cohorts=1, now=now)
    return db


# -- the records store ------------------------------------------------------------------------


def test_store_errors_in_each_language(
    tmp_path: Path, seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.db"
    assert one_line(capsys, "hr", "attempts", "--db", str(missing)) == {
        "zh": f"collectsim: 错误：{missing}：没有这个数据库（那里还没有任何记录）\n",
        "en": f"collectsim: error: {missing}: no such database (nothing has been recorded there)\n",
    }
    assert one_line(capsys, "hr", "attempts", "--db", "mysql://hr@x/db") == {
        "zh": "collectsim: 错误：mysql://hr@x/db：未知的数据库类型 'mysql'"
        "（请用文件路径、sqlite:/// 或 postgresql://）\n",
        "en": "collectsim: error: mysql://hr@x/db: unknown database scheme 'mysql' "
        "(use a path, sqlite:/// or postgresql://)\n",
    }
    assert one_line(capsys, "hr", "show", "zzzz", "--db", seeded) == {
        "zh": f"collectsim: 错误：{seeded} 里没有通话 'zzzz'\n",
        "en": f"collectsim: error: no attempt 'zzzz' in {seeded}\n",
    }
    # The driver's words a user meets most are said too, inside the store's line.
    text = tmp_path / "notes.db"
    text.write_text("not a database, a note\n" * 100, encoding="utf-8")
    assert one_line(capsys, "hr", "trainees", "--db", str(text)) == {
        "zh": f"collectsim: 错误：{text}：不是 CollectSim 数据库（不是 SQLite 文件）\n",
        "en": f"collectsim: error: {text}: not a CollectSim database (not SQLite)\n",
    }


def test_account_and_password_errors_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "users.db")
    assert one_line(capsys, "users", "disable", "nobody", "--db", db) == {
        "zh": "collectsim: 错误：没有名为 'nobody' 的账号\n",
        "en": "collectsim: error: no user named 'nobody'\n",
    }
    short = ("users", "add", "王老师", "--role", "admin", "--password-stdin", "--db", db)
    heard = {}
    for lang in ("zh", "en"):
        monkeypatch.setattr("sys.stdin", io.StringIO("too short\n"))
        assert main([*short, "--lang", lang]) == 1
        heard[lang] = capsys.readouterr().err
    assert heard == {
        "zh": "collectsim: 错误：密码少于 10 个字符\n",
        "en": "collectsim: error: the password is shorter than 10 characters\n",
    }
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase 42\n"))
    assert main([*short]) == 0
    capsys.readouterr()
    heard = {}
    for lang in ("zh", "en"):
        monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase 42\n"))
        assert main([*short, "--lang", lang]) == 1
        heard[lang] = capsys.readouterr().err
    assert heard == {
        "zh": "collectsim: 错误：已经有名为 '王老师' 的账号\n",
        "en": "collectsim: error: there is already a user named '王老师'\n",
    }


# -- serve ------------------------------------------------------------------------------------


def test_serve_errors_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert one_line(capsys, "serve", "--host", "0.0.0.0", "--no-sign-in") == {
        "zh": "collectsim: 错误：--host 0.0.0.0：其他机器可以访问，必须开启登录"
        "（去掉 --no-sign-in）\n",
        "en": "collectsim: error: --host 0.0.0.0 is reachable from other machines: sign-in "
        "must be on there (drop --no-sign-in)\n",
    }
    assert one_line(capsys, "serve", "--public-url", "ftp://x") == {
        "zh": "collectsim: 错误：--public-url ftp://x：不是 http:// 或 https:// 地址\n",
        "en": "collectsim: error: --public-url ftp://x: not an http:// or https:// URL\n",
    }
    db = tmp_path / "empty.db"
    assert one_line(capsys, "serve", "--db", str(db)) == {
        "zh": f"collectsim: 错误：{db}：还没有账号：先用 `collectsim users add NAME --role admin` "
        "添加第一个（或在本机回环地址上用 serve --no-sign-in）\n",
        "en": f"collectsim: error: {db}: no accounts yet: create the first with `collectsim "
        "users add NAME --role admin` (or serve --no-sign-in on loopback)\n",
    }
    # A store error met while starting is the store's line, in the same language.
    assert one_line(capsys, "serve", "--db", "mysql://x") == {
        "zh": "collectsim: 错误：mysql://x：未知的数据库类型 'mysql'"
        "（请用文件路径、sqlite:/// 或 postgresql://）\n",
        "en": "collectsim: error: mysql://x: unknown database scheme 'mysql' "
        "(use a path, sqlite:/// or postgresql://)\n",
    }


# -- certificates -----------------------------------------------------------------------------


def test_certificate_errors_in_each_language(
    tmp_path: Path, seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.cert.json"
    assert one_line(capsys, "hr", "verify", str(missing)) == {
        "zh": f"collectsim: 错误：{missing}：无法读取证书（没有这个文件或文件夹）\n",
        "en": f"collectsim: error: {missing}: not a readable certificate (No such file or "
        "directory)\n",
    }
    twice = tmp_path / "twice.cert.json"
    twice.write_text('{"certificate": {}, "certificate": {}}', encoding="utf-8")
    assert one_line(capsys, "hr", "verify", str(twice)) == {
        "zh": f"collectsim: 错误：{twice}：无法读取证书（键 'certificate' 重复）\n",
        "en": f"collectsim: error: {twice}: not a readable certificate (duplicate key "
        "'certificate')\n",
    }
    assert one_line(capsys, "hr", "certify", "t00000", "--db", seeded) == {
        "zh": "collectsim: 错误：t00000 还没有达到 collector-certification 的任何等级"
        "（还需：cc-m1-forgetful, cc-wrong-number, us-cease-request）\n",
        "en": "collectsim: error: t00000 has not reached any level of collector-certification "
        "(cc-m1-forgetful, cc-wrong-number, us-cease-request)\n",
    }
    # An invalid certificate is the verdict of `verify` (stdout), in the same words.
    empty = tmp_path / "empty.cert.json"
    empty.write_text("{}", encoding="utf-8")
    heard = said(capsys, "hr", "verify", str(empty))
    assert heard == {
        "zh": (1, "证书无效：不是 CollectSim 证书\n", ""),
        "en": (1, "invalid: not a CollectSim certificate\n", ""),
    }


# -- resuming a call, journals, the catalog, seeds --------------------------------------------


def interrupted_call(db: str, scenario: Path) -> str:
    """An attempt whose process ended after the persona's first reply."""
    with Store.open(db) as store:
        session = Session(load_scenario(scenario), trainee="alice")
        session.say("喂，王敏吗？")
        child = subprocess.Popen([sys.executable, "-c", "pass"])
        child.wait(timeout=30)
        gone = Owner(this_process().host, child.pid, "")  # its process has ended
        store.begin_attempt(session.transcript.model_copy(update={"turns": []}), gone)
        for turn in session.transcript.turns:
            store.add_turn(session.transcript.attempt_id, turn)
    return session.transcript.attempt_id


def test_resume_errors_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    scenario = catalog / FORGETFUL.name
    shutil.copy(FORGETFUL, scenario)
    calls = {lang: str(tmp_path / f"{lang}.db") for lang in ("zh", "en")}
    attempts = {lang: interrupted_call(db, scenario) for lang, db in calls.items()}
    # The scenario is edited while the calls are interrupted: they can be scored, not resumed.
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("王敏", "王明"), "utf-8")
    heard = {}
    for lang, db in calls.items():
        resume = ("play", "--resume", attempts[lang], "--db", db, "--scenarios", str(catalog))
        assert main([*resume, "--lang", lang]) == 1
        heard[lang] = capsys.readouterr()
    assert heard["zh"].err == (
        f"collectsim: 错误：通话 {attempts['zh']}：场景 cc-m1-forgetful 在通话开始后改过了；"
        "这通电话可以评分，但不能继续\n"
    )
    assert heard["en"].err == (
        f"collectsim: error: attempt {attempts['en']}: scenario cc-m1-forgetful has changed "
        "since the call began; the call can be scored but not resumed\n"
    )
    assert heard["zh"].out == heard["en"].out == ""


def test_journal_catalog_and_seed_errors_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = tmp_path / "call.jsonl"
    journal.write_text('{"type": "end"}\n', encoding="utf-8")
    assert one_line(capsys, "score", str(journal)) == {
        "zh": f"collectsim: 错误：{journal}：没有开头的说明行；不是 CollectSim 通话日志\n",
        "en": f"collectsim: error: {journal}: no header line; not a CollectSim journal\n",
    }
    catalog = tmp_path / "catalog"
    catalog.mkdir()
    shutil.copy(FORGETFUL, catalog / FORGETFUL.name)
    script = tmp_path / "lines.txt"
    script.write_text("喂，王敏吗？\n", encoding="utf-8")
    unknown = ("play", "cc-nope", "--script", str(script), "--scenarios", str(catalog))
    assert one_line(capsys, *unknown) == {
        "zh": "collectsim: 错误：没有编号为 'cc-nope' 的场景（已有：cc-m1-forgetful）\n",
        "en": "collectsim: error: no scenario with id 'cc-nope' (known: cc-m1-forgetful)\n",
    }
    exam = ("play", str(FORGETFUL), "--mode", "exam", "--seed", "3", "--script", str(script))
    assert one_line(capsys, *exam) == {
        "zh": "collectsim: 错误：exam 模式使用固定种子 0，不能用 3\n",
        "en": "collectsim: error: exam mode uses the fixed seed 0, not 3\n",
    }


def test_the_systems_refusals_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.jsonl"
    assert one_line(capsys, "check", "--rules-only", "--jsonl", str(missing)) == {
        "zh": f"collectsim: 错误：{missing}：没有这个文件或文件夹\n",
        "en": f"collectsim: error: {missing}: No such file or directory\n",
    }
    script = tmp_path / "latin1.txt"
    script.write_bytes("caf\xe9\n".encode("latin-1"))
    heard = said(capsys, "play", str(FORGETFUL), "--script", str(script))
    assert {lang: (status, err) for lang, (status, _, err) in heard.items()} == {
        "zh": (1, f"collectsim: 错误：{script}：无法读取脚本：不是 UTF-8 文本\n"),
        "en": (1, f"collectsim: error: {script}: cannot read script: not UTF-8 text\n"),
    }


# -- argparse's own lines ---------------------------------------------------------------------


def test_argparse_errors_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    def parse_error(*argv: str) -> dict[Lang, list[str]]:
        heard: dict[Lang, list[str]] = {}
        for lang in ("zh", "en"):
            with pytest.raises(SystemExit) as exit_:
                main([*argv, "--lang", lang])
            assert exit_.value.code == 2
            out, err = capsys.readouterr()
            assert out == ""
            heard[lang] = err.splitlines()
        return heard

    required = parse_error("users", "add")
    assert required["zh"][0].startswith("用法：collectsim users add [-h] ")
    assert required["en"][0].startswith("usage: collectsim users add [-h] ")
    assert [required["zh"][-1], required["en"][-1]] == [
        "collectsim users add: 错误：缺少必需的参数：name",
        "collectsim users add: error: the following arguments are required: name",
    ]
    choice = parse_error("rules", "--jurisdiction", "XX")
    assert [choice["zh"][-1], choice["en"][-1]] == [
        "collectsim rules: 错误：参数 --jurisdiction：无效的选项：'XX'（可选：'CN', 'US'）",
        "collectsim rules: error: argument --jurisdiction: invalid choice: 'XX' "
        "(choose from 'CN', 'US')",
    ]
    count = parse_error("hr", "attempts", "--limit", "many")
    assert [count["zh"][-1], count["en"][-1]] == [
        "collectsim hr attempts: 错误：参数 --limit：无效的整数值：'many'",
        "collectsim hr attempts: error: argument --limit: invalid int value: 'many'",
    ]
    value = parse_error("hr", "attempts", "--db")
    assert [value["zh"][-1], value["en"][-1]] == [
        "collectsim hr attempts: 错误：参数 --db：需要一个值",
        "collectsim hr attempts: error: argument --db: expected one argument",
    ]
    unknown = parse_error("hr", "attempts", "--colour")
    assert [unknown["zh"][-1], unknown["en"][-1]] == [
        "collectsim: 错误：无法识别的参数：--colour",
        "collectsim: error: unrecognized arguments: --colour",
    ]
    command = parse_error("hr", "nope")
    assert command["zh"][-1].startswith(
        "collectsim hr: 错误：参数 COMMAND：无效的选项：'nope'（可选："
    )
    assert command["en"][-1].startswith(
        "collectsim hr: error: argument COMMAND: invalid choice: 'nope' (choose from"
    )
    both = parse_error("hr", "attempts", "--json", "--csv")
    assert [both["zh"][-1], both["en"][-1]] == [
        "collectsim hr attempts: 错误：参数 --csv：不能与参数 --json 同时使用",
        "collectsim hr attempts: error: argument --csv: not allowed with argument --json",
    ]


def test_a_said_error_keeps_its_line_and_values_across_processes() -> None:
    error = StoreError("no_attempt", attempt="abcd", target="calls.db")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is StoreError and str(again) == "no attempt 'abcd' in calls.db"
    assert again.in_lang("zh") == "calls.db 里没有通话 'abcd'"
    # A refusal the phrasebook does not know is the system's own words, in either language.
    odd = os_reason(OSError(errno.ELOOP, "Too many levels of symbolic links"))
    assert odd.get("zh") == odd.get("en") == "Too many levels of symbolic links"
    assert os_reason(OSError(errno.EACCES, "Permission denied")).get("zh") == "没有权限"
