"""The command line in zh-CN and en: one strings table, `--lang` on every command, the
locale's language by default; and every strings table (command line, serve, web pages,
report) has each line in both languages with the same placeholders."""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import io
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from string import Formatter

import pytest

from scoring import report_view
from scoring.lang import Lang
from scoring.said import Phrasebook, SaidError
from simulator.cli import strings
from simulator.cli.help_zh import HELP_ZH
from simulator.cli.hr_cmds import _when
from simulator.cli.main import COMMANDS, build_parser, main
from simulator.cli.parsing import ARGPARSE_ZH, speak, width, wrap
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session
from simulator.records.sink import RecordingSink
from simulator.records.store import Store
from simulator.web import pages, startup
from tests.records_seed import seed

ROOT = Path(__file__).resolve().parent.parent


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@pytest.mark.parametrize(
    "table",
    [strings.STRINGS, startup.STRINGS, pages.STRINGS, report_view.WORDS],
    ids=["cli", "serve", "web pages", "report"],
)
def test_every_line_is_in_both_languages_with_the_same_placeholders(
    table: dict[str, dict[Lang, str]],
) -> None:
    for key, said in table.items():
        assert set(said) == {"zh", "en"}, key
        assert said["zh"].strip() and said["en"].strip(), key
        assert _fields(said["zh"]) == _fields(said["en"]), key


def _leaves(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        return [parser]
    return [leaf for g in groups for p in g.choices.values() for leaf in _leaves(p)]


def test_every_command_takes_lang() -> None:
    commands = _leaves(build_parser())
    assert len(commands) > 30
    for command in commands:
        [option] = [a for a in command._actions if "--lang" in a.option_strings]
        assert option.choices == ["zh", "en"], command.prog


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def seeded(tmp_path: Path) -> str:
    db = str(tmp_path / "seeded.db")
    with Store.open(db) as store:
        now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
        seed(store, ["cc-m1-forgetful"], trainees=2, attempts=3, cohorts=1, now=now)
    return db


def test_hr_attempts_and_trainees_in_each_language(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(seeded, create=False) as store:
        when = [_when(a.started_at) for a in store.attempts()]
    assert cli(capsys, "hr", "attempts", "--db", seeded, "--lang", "zh")[1].splitlines() == [
        "编号       学员    场景             模式      状态       轮次  评分  通过  开始时间",
        f"a00000000  t00001  cc-m1-forgetful  practice  completed  0     78.6  否    {when[0]}",
        f"a00000002  t00000  cc-m1-forgetful  exam      completed  0     77.9  否    {when[1]}",
        f"a00000001  t00000  cc-m1-forgetful  exam      completed  0     65.5  否    {when[2]}",
    ]
    assert cli(capsys, "hr", "attempts", "--db", seeded, "--lang", "en")[1].splitlines() == [
        "ID         TRAINEE  SCENARIO         MODE      STATUS     TURNS  SCORE  PASSED  STARTED",
        "a00000000  t00001   cc-m1-forgetful  practice  completed  0      78.6   no      "
        + when[0],
        "a00000002  t00000   cc-m1-forgetful  exam      completed  0      77.9   no      "
        + when[1],
        "a00000001  t00000   cc-m1-forgetful  exam      completed  0      65.5   no      "
        + when[2],
    ]
    assert cli(capsys, "hr", "trainees", "--db", seeded, "--lang", "zh")[1] == (
        "学员    批次  通话次数  通过次数  最高分\n"
        "t00000  c00   2         0         77.9\n"
        "t00001  c00   1         0         78.6\n"
    )
    # Data stays data: --json keys and values are the same whatever the language.
    json_zh = cli(capsys, "hr", "attempts", "--json", "--db", seeded, "--lang", "zh")[1]
    assert json_zh == cli(capsys, "hr", "attempts", "--json", "--db", seeded, "--lang", "en")[1]
    assert '"trainee": "t00001"' in json_zh


def test_the_locale_chooses_when_lang_is_not_given(
    seeded: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert cli(capsys, "hr", "trainees", "--db", seeded)[1].startswith("学员    批次")
    assert cli(capsys, "hr", "trainees", "--db", seeded, "--lang", "en")[1].startswith("TRAINEE")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert cli(capsys, "hr", "trainees", "--db", seeded)[1].startswith("TRAINEE  COHORT")


def test_hr_show_and_review_in_each_language(
    tmp_path: Path, forgetful: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "show.db")
    with Store.open(db) as store:
        session = Session(forgetful, seed=0, trainee="小李", sink=RecordingSink(store))
        for line in ["喂，王敏吗？", "你欠的钱再不还，我们就报警抓你坐牢。"]:
            session.say(line)
        session.end()
        attempt = session.transcript.attempt_id
        detail = store.attempt(attempt)
        findings = store.findings(attempt)
    reject = ("--verdict", "reject", "--reason", "误判", "--reviewer", "王老师")
    status, out, _ = cli(capsys, "hr", "review", attempt, "0", *reject, "--db", db, "--lang", "zh")
    assert status == 0 and re.fullmatch(f"复核 [0-9a-f]+：{attempt} 的第 0 个扣分项已驳回\n", out)
    out = cli(capsys, "hr", "review", attempt, "1", "--verdict", "accept", "--reviewer", "Ann",
              "--db", db, "--lang", "en")[1]  # fmt: skip
    assert re.fullmatch(f"review [0-9a-f]+: finding 1 of {attempt} accepted\n", out)

    s = detail.summary
    assert s.score is not None and s.passed is False and detail.critical
    turns = session.transcript.turns
    speakers = {"zh": {"trainee": "学员", "persona": "客户"}, "en": {}}
    zh = cli(capsys, "hr", "show", attempt, "--db", db, "--lang", "zh")[1].splitlines()
    en = cli(capsys, "hr", "show", attempt, "--db", db, "--lang", "en")[1].splitlines()
    said = {
        lang: [f"  #{t.index} {speakers[lang].get(t.speaker, t.speaker)}: {t.text}" for t in turns]
        for lang in ("zh", "en")
    }
    head = f"{attempt} · 小李 · cc-m1-forgetful v1 · practice · completed"
    assert zh[: 5 + len(turns)] == [
        f"通话 {head}",
        f"开始时间：{_when(s.started_at)}",
        *said["zh"],
        f"总分：{s.score:.1f}/100 — 未通过 · 结局：{detail.ending}",
        "存在严重违规，本次通话不合格。",
        f"规则包：{detail.rulepack}",
    ]
    assert en[: 5 + len(turns)] == [
        f"Attempt {head}",
        f"Started {_when(s.started_at)}",
        *said["en"],
        f"Score: {s.score:.1f}/100 — FAILED · ending: {detail.ending}",
        "A critical violation fails the call.",
        f"Rule pack: {detail.rulepack}",
    ]
    assert zh[5 + len(turns)] == f"语义理解：{detail.understanding}"
    assert en[5 + len(turns)] == f"Understanding: {detail.understanding}"
    # Findings are data (rule ids, severities, the trainee's words); reviews are said.
    assert "      王老师 复核：驳回: 误判" in zh and "      Ann 复核：确认" in zh
    assert "      review by 王老师: reject: 误判" in en and "      review by Ann: accept" in en
    assert [x for x in zh if x.startswith("  0.")] == [x for x in en if x.startswith("  0.")]
    assert len([x for x in zh if x[2:3].isdigit()]) == len(findings) > 1


def test_users_list_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "users.db")
    assert cli(capsys, "hr", "enrol", "x", "--db", db, "--lang", "zh")[1] == "已登记学员 x\n"
    empty = cli(capsys, "users", "list", "--db", db, "--lang", "zh")[1]
    assert empty == "还没有账号：先用 `collectsim users add NAME --role admin` 添加第一个管理员\n"
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough passphrase 42\n"))
    status, out, _ = cli(capsys, "users", "add", "王老师", "--role", "admin", "--password-stdin",
                         "--db", db, "--lang", "zh")  # fmt: skip
    assert (status, out) == (0, "已添加：王老师（admin）\n")
    assert cli(capsys, "users", "disable", "王老师", "--db", db, "--lang", "en")[1] == (
        "disabled: 王老师 (admin, disabled)\n"
    )
    with Store.open(db, create=False) as store:
        created = store.db.query("SELECT created_at FROM users")[0]["created_at"][:16]
    assert cli(capsys, "users", "list", "--db", db, "--lang", "zh")[1].splitlines() == [
        "用户名  角色   已停用  创建时间",
        f"王老师  admin  是      {created}",
    ]
    assert cli(capsys, "users", "list", "--db", db, "--lang", "en")[1].splitlines() == [
        "name    role   disabled  created",
        f"王老师  admin  yes       {created}",
    ]


def test_validate_says_its_summary_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = tmp_path / "cc-m1-forgetful.scenario.yaml"
    shutil.copy(ROOT / "scenarios" / one.name, one)
    assert cli(capsys, "validate", str(one), "--lang", "zh")[:2] == (0, "通过：1 个文件有效\n")
    assert cli(capsys, "validate", str(one), "--lang", "en")[:2] == (0, "ok: 1 file valid\n")
    assert cli(capsys, "validate", str(tmp_path), "--lang", "en")[:2] == (
        0,
        "ok: 1 file valid\n",
    )


def test_one_line_errors_in_each_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "hr", "attempts", "--limit", "-1", "--lang", "zh") == (
        1,
        "",
        "collectsim: 错误：--limit：-1 不是有效的数量（应为 0 或更大）\n",
    )
    assert cli(capsys, "hr", "attempts", "--limit", "-1", "--lang", "en") == (
        1,
        "",
        "collectsim: error: --limit: -1 is not a count (0 or more)\n",
    )
    assert (
        cli(capsys, "hr", "enrol", " ", "--lang", "zh")[2]
        == "collectsim: 错误：trainee：名字为空\n"
    )
    assert cli(capsys, "users", "--lang", "en") == (
        2,
        "",
        "collectsim: error: users: name a command: add, passwd, disable, enable, list\n",
    )


def test_serve_says_where_and_how_in_each_language() -> None:
    args = ("http://0.0.0.0:8123", None, "0.0.0.0", True, 20, 2)
    assert startup.startup_lines("zh", *args) == [
        "CollectSim 已在 http://0.0.0.0:8123 提供服务",
        "--host 0.0.0.0：其他机器可以访问；必须登录（账号：collectsim users list）",
        "登录：已开启（账号由 collectsim users 管理）",
        "最多同时运行 20 个会话，每人 2 个。按 Ctrl+C 停止服务。",
    ]
    assert startup.startup_lines(
        "en", "http://127.0.0.1:8000", "https://x.test/cs", None, False, 5, 1
    ) == [
        "CollectSim is served on http://127.0.0.1:8000 (browsers use https://x.test/cs)",
        "Sign-in: OFF (--no-sign-in): anyone on this machine can open the app and read every "
        "trainee's records",
        "At most 5 sessions at once, 1 per user. Ctrl+C stops the server.",
    ]


# -- every line a layer says, and every place that says one ---------------------------------


def _books() -> dict[str, Phrasebook]:
    # The layers whose errors reach the command line: importing them makes their books.
    for module in (
        "simulator.cli.strings",
        "simulator.engine.phrases",
        "simulator.records.phrases",
        "simulator.training.phrases",
        "simulator.web.startup",
    ):
        importlib.import_module(module)
    return {book.name: book for book in Phrasebook.books}


def test_every_phrasebook_has_each_line_in_both_languages() -> None:
    books = _books()
    assert {"cli", "engine", "records", "training", "serve"} <= set(books)
    for book in books.values():
        for key, line in book.lines.items():
            assert set(line) == {"zh", "en"}, (book.name, key)
            assert _fields(line["zh"]) == _fields(line["en"]), (book.name, key)


def test_a_line_missing_a_language_or_a_placeholder_is_refused() -> None:
    with pytest.raises(ValueError, match="needs a line in each"):
        Phrasebook("broken", {"only_en": {"en": "no user named {name}"}})
    with pytest.raises(ValueError, match="different placeholders"):
        Phrasebook("broken", {"no_name": {"zh": "没有这个账号", "en": "no user named {name}"}})
    with pytest.raises(ValueError, match="needs a line in each"):
        Phrasebook("broken", {"blank": {"zh": " ", "en": "no user"}})


def _error_classes() -> dict[str, type[SaidError]]:
    _books()
    for module in (
        "simulator.records.db",
        "simulator.records.passwords",
        "simulator.engine.session",
        "simulator.engine.journal",
        "simulator.engine.catalog",
        "simulator.engine.policy",
        "simulator.training.certificates",
        "simulator.web.server",
    ):
        importlib.import_module(module)
    found: dict[str, type[SaidError]] = {}
    todo = list(SaidError.__subclasses__())
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found


def _said_calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    """(the name of what says it, the call) for `raise XError("key", ...)`,
    `UserError.said("key", ...)`, `BOOK.said("key", ...)` and `tr("key", lang, ...)`."""
    calls: list[tuple[str, ast.Call]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        if not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            continue
        func = node.func
        if isinstance(func, ast.Name):
            calls.append((func.id, node))
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "said"
            and isinstance(func.value, ast.Name)
        ):
            calls.append((f"{func.value.id}.said", node))
    return calls


def test_every_said_error_and_line_names_a_line_with_its_placeholders() -> None:
    classes = _error_classes()
    books = _books()
    by_name: dict[str, Phrasebook] = {
        "tr": books["cli"],
        "UserError.said": books["cli"],
        "CLI.said": books["cli"],
        "ENGINE.said": books["engine"],
        "RECORDS.said": books["records"],
        "TRAINING.said": books["training"],
        **{name: cls.book for name, cls in classes.items()},
    }
    checked = 0
    for path in sorted([*(ROOT / "simulator").rglob("*.py"), *(ROOT / "scoring").rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, call in _said_calls(tree):
            book = by_name.get(name)
            if book is None or (name == "tr" and path.name == "strings.py"):
                continue
            key = call.args[0].value  # type: ignore[attr-defined]
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            assert key in book, f"{where}: {book.name} has no line {key!r}"
            names = {k.arg for k in call.keywords}
            if None in names:  # **values: the line's placeholders are the caller's to fill
                continue
            if name == "UserError.said":
                names -= {"status"}  # the exit status, not a value of the line
            assert names == _fields(book.lines[key]["en"]), where
            checked += 1
    assert checked > 150


# -- argparse: help texts, usage and argparse's own words -----------------------------------


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found.extend(_parsers(command))
    return found


def _help_texts(parser: argparse.ArgumentParser) -> set[str]:
    texts: set[str] = set()
    for each in _parsers(parser):
        texts.update(t for t in (each.description, each.epilog) if t)
        for action in each._actions:
            if action.help and action.help != argparse.SUPPRESS:
                texts.add(action.help)
            if isinstance(action, argparse._SubParsersAction):
                texts.update(a.help for a in action._choices_actions if a.help)
    return texts


def test_every_help_text_is_in_chinese_and_every_chinese_one_is_used() -> None:
    texts = _help_texts(build_parser())
    argparse_own = {"show this help message and exit"}
    missing = sorted(t for t in texts - argparse_own if t not in HELP_ZH)
    assert missing == [], "help texts with no line in simulator/cli/help_zh.py"
    assert sorted(set(HELP_ZH) - texts) == [], "lines of help_zh.py no help text uses"
    assert set(COMMANDS[name][1] for name in COMMANDS) <= set(HELP_ZH)


def test_every_commands_help_is_said_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    root = build_parser()
    speak(root, "zh")
    english = {*HELP_ZH, *ARGPARSE_ZH}
    for parser in _parsers(root):
        shown = parser.format_help()
        assert shown.startswith(f"用法：{parser.prog}"), parser.prog
        assert "options:" not in shown and "positional arguments:" not in shown, parser.prog
        flat = " ".join(shown.split())
        left = [text for text in english if len(text) > 12 and text in flat]
        assert left == [], parser.prog
        # Chinese is wrapped by terminal columns (a Chinese character takes two).
        assert max(width(line) for line in shown.splitlines()) <= 98, parser.prog


def test_argparse_says_these_words_in_this_python() -> None:
    source = inspect.getsource(argparse)
    for msgid in ARGPARSE_ZH:
        assert repr(msgid)[1:-1] in source or msgid in source, msgid


def test_collectsim_help_in_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")

    def shown(*argv: str) -> str:
        with pytest.raises(SystemExit) as exit_:
            main(list(argv))
        assert exit_.value.code == 0
        return capsys.readouterr().out

    zh = shown("--lang", "zh", "--help")
    assert (
        zh.splitlines()[0] == "用法：collectsim [-h] [--scenarios DIR] [--lang {zh,en}] COMMAND ..."
    )
    assert "  -h, --help       显示此帮助信息并退出" in zh.splitlines()
    assert "    tui            打开应用（默认命令）" in zh.splitlines()
    assert "选项:" in zh.splitlines() and "位置参数:" in zh.splitlines()
    en = shown("--lang", "en", "--help")
    assert (
        en.splitlines()[0]
        == "usage: collectsim [-h] [--scenarios DIR] [--lang {zh,en}] COMMAND ..."
    )
    assert "    tui            open the app (the default command)" in en.splitlines()
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert shown("--help") == zh
    assert shown("hr", "attempts", "--help").startswith("用法：collectsim hr attempts [-h]")
    assert (
        "  --limit N          最多 N 行（默认：全部，逐行输出）"
        in shown("hr", "attempts", "-h").splitlines()
    )
    assert shown("hr", "attempts", "--help", "--lang", "en").startswith(
        "usage: collectsim hr attempts [-h]"
    )


def test_chinese_help_is_wrapped_by_columns_and_punctuation() -> None:
    assert wrap("一二三四（五六）七八。九十", 10) == ["一二三四", "（五六）七", "八。九十"]
    assert wrap("一二三四五，六七", 10) == ["一二三四", "五，六七"]  # "，" never starts a line
    assert wrap("用 --jsonl FILE 读取", 12) == ["用 --jsonl", "FILE 读取"]
    assert width("用法：usage") == 11
