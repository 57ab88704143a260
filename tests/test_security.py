"""The security review's findings (shared/reviews/security-review-2026-12.md), one test each
for every high and medium reproduction and for the lows fixed here. Each failed before its fix.

H2 (browser sign-in and Origin) and M1 (serve host warning and session cap) are tested with
the browser sign-in work, not here.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from scoring.i18n import Bilingual
from scoring.transcript import Mode
from simulator.cli.main import main
from simulator.engine.catalog import Entry, load_catalog
from simulator.engine.recording import journal_sink
from simulator.engine.session import Session
from simulator.records import Store
from simulator.tui.app import CollectSimApp
from simulator.tui.chat_log import ChatLog
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.start import StartScreen

ROOT = Path(__file__).resolve().parent.parent
SIZE = (130, 40)

# What a hostile name, title or line carries: markup that crashes ([/]), markup that runs an
# action when clicked, markup that hides text, and escape sequences (OSC 52 clipboard write,
# clear screen, right-to-left override).
MARKUP = "[/]x [@click=app.screenshot('victim.txt','.')]Zhang San[/] Li [red]"
ESCAPES = "\x1b]52;c;cHduZWQ=\x07\x1b[2J\u202eevil"
SHOWN = "\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J\\u202eevil"  # ESCAPES as shown: visible escapes


def cells(table: DataTable[object]) -> list[str]:
    return [str(c) for row in range(table.row_count) for c in table.get_row_at(row)]


def hostile_entries() -> list[Entry]:
    """The shipped forgetful-customer scenario with markup and escapes in its title and the
    persona's name."""
    entry = next(e for e in load_catalog()[0] if e.scenario.id == "cc-m1-forgetful")
    scenario = entry.scenario.model_copy(
        update={
            "title": Bilingual(zh=MARKUP + ESCAPES, en=MARKUP + ESCAPES),
            "persona": entry.scenario.persona.model_copy(update={"name": "[/]" + ESCAPES}),
        }
    )
    return [Entry(entry.path, scenario)]


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(100):
        await pilot.pause()
        pending = [w for w in pilot.app.workers if not w.is_finished]
        if pilot.app.screen.is_mounted and not pending:
            break
        await pilot.app.workers.wait_for_complete(pending)
    await pilot.pause()


# -- H1 (the review's numbering: markup in the HR screen) and L12 (markup in catalog titles) --


def literal(cell: str, text: str) -> bool:
    """`text` shown as typed, or its start shown as typed and cut with … to fit its column."""
    return cell == text or (cell.endswith("…") and text.startswith(cell[:-1]))


async def test_markup_and_escapes_are_shown_literally_on_every_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "victim.txt").write_text("KEEP")
    with Store.open(None) as store:  # names recorded before names were checked, or by a tool
        store.enrol(MARKUP, cohort="[/]" + ESCAPES)
        store.enrol("Li " + ESCAPES)
    app = CollectSimApp(lang="en", trainee="[b]Wang[/b] [/]", entries=hostile_entries())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        start = pilot.app.screen
        assert isinstance(start, StartScreen)  # the start screen did not crash on the title
        shown = cells(start.query_one("#catalog", DataTable))
        assert literal(shown[0], MARKUP + SHOWN)
        start.open_scenario("cc-m1-forgetful", mode="practice")
        await pilot.pause()
        call = pilot.app.screen
        assert isinstance(call, CallScreen)
        assert "[/]x [@click" in str(call.query_one("#call-title", Static).render())
        call.query_one("#say", Input).value = "[/] [bold red]你这种老赖[/] " + ESCAPES
        await pilot.press("enter")
        await pilot.pause()
        log = call.query_one("#chat", ChatLog)
        chat = [line.shown() for line in log.lines]
        assert f"You: [/] [bold red]你这种老赖[/] {SHOWN}" in chat
        # What is drawn, row by row: the same characters, no escape reaching the terminal.
        drawn = "".join(
            segment.text for y in range(log.size.height) for segment in log.render_line(y)
        )
        assert "[bold red]你这种老赖[/]" in drawn
        assert all("\x1b" not in text and "\u202e" not in text for text in [*chat, drawn])
        await pilot.press("ctrl+e")
        await settle(pilot)
        report = pilot.app.screen
        rendered = "\n".join(str(w.render()) for w in report.query(Static).results(Static))
        assert "[bold red]你这种老赖[/]" in rendered  # the finding's quote, literally
        assert "\x1b" not in rendered
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f3")
        await settle(pilot)
        hr = pilot.app.screen.query_one("#people", DataTable)
        names = cells(hr)
        assert any(literal(name, MARKUP) for name in names)  # no markup error
        assert any(literal(name, f"Li {SHOWN}") for name in names)
        # Clicking the name runs no action: the victim file is untouched.
        await pilot.click("#people", offset=(3, 2))
        await pilot.pause()
    assert (tmp_path / "victim.txt").read_text() == "KEEP"
    assert app.return_code in (None, 0)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("\x1b]52;c;cHduZWQ=\x07evil", "A name cannot contain control or hidden formatting"),
        ("X" * 201, "A name has at most 200 characters"),
        ("Li\u202elive", "A name cannot contain control or hidden formatting"),
    ],
)
async def test_the_app_refuses_names_the_command_line_refuses(name: str, message: str) -> None:
    # M2: the app's name field skipped the CLI's check; a pasted 10 KB name with OSC 52 was stored.
    app = CollectSimApp(lang="en", trainee="", entries=load_catalog()[0])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        start.query_one("#trainee", Input).value = name
        await pilot.pause()
        start.open_scenario("cc-m1-forgetful", mode="exam")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StartScreen)  # no call opened
        notes = [str(n.message) for n in pilot.app._notifications]
        assert any(n.startswith(message) for n in notes)
    with Store.open(None) as store:
        assert store.trainees() == []


def test_tui_exits_non_zero_when_the_app_crashes(monkeypatch: pytest.MonkeyPatch) -> None:
    # L11: `collectsim tui` exited 0 after a crash.
    def crash(self: StartScreen) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(StartScreen, "on_mount", crash)
    monkeypatch.setattr(CollectSimApp, "run", _run_headless)
    assert main(["tui", "--trainee", "x"]) == 1


def _run_headless(self: CollectSimApp) -> None:
    import asyncio

    async def go() -> None:
        try:  # the test harness re-raises the app's crash; the real run() does not
            async with self.run_test(size=SIZE):
                pass
        except RuntimeError:
            pass

    asyncio.run(go())


def test_tui_refuses_a_trainee_name_with_escapes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CollectSimApp, "run", lambda self: pytest.fail("the app must not start"))
    assert main(["tui", "--trainee", "a\x1b[2Jb"]) == 1
    assert "--trainee: the name has control characters" in capsys.readouterr().err


# -- the command line: tracebacks, escapes, CSV, YAML ---------------------------------------


def cli(
    *args: str, home: Path, timeout: float = 60, preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """`collectsim` in its own process: a crash (SIGSEGV) or a hang cannot take the tests down."""
    env = {**os.environ, "COLLECTSIM_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "simulator.cli.main", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
        check=False,
        preexec_fn=preexec_fn,
    )


def record(trainee: str, lines: list[str], mode: Mode = "practice") -> str:
    """A call recorded straight through the store: names no entry point would take today may
    be in the records already (older versions, other tools)."""
    from simulator.records.sink import RecordingSink

    scenario = next(e.scenario for e in load_catalog()[0] if e.scenario.id == "cc-m1-forgetful")
    with Store.open(None) as store:
        session = Session(scenario, trainee=trainee, mode=mode, sink=RecordingSink(store))
        for line in lines:
            session.say(line)
        session.end()
        return session.transcript.attempt_id


def test_hr_commands_never_send_escape_sequences_to_the_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # M2: OSC 52, ESC[2J and RLO in a name and in a line reached HR's terminal raw.
    attempt = record("Li " + ESCAPES, ["你好" + ESCAPES + "\x1b[31mFAKE: score 100 PASSED"])
    for command in (
        ["hr", "trainees"],
        ["hr", "attempts"],
        ["hr", "progress"],
        ["hr", "show", attempt],
    ):
        assert main(command) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, command
        assert "Li \\x1b]52;c;cHduZWQ=" in out, command
    assert main(["hr", "show", attempt]) == 0
    assert "\\x1b[31mFAKE: score 100 PASSED" in capsys.readouterr().out


def test_validate_shows_escapes_from_yaml_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.scenario.yaml"
    path.write_text('"\\e]52;c;ZWNobyBwd25lZA==\\a": 1\n', encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]52;c;ZWNobyBwd25lZA==\\x07" in out


FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx"]


def test_csv_exports_neutralise_formulas(capsys: pytest.CaptureFixture[str]) -> None:
    # M3: a spreadsheet runs a cell starting with = + - @ as a formula.
    for name in FORMULAS[:4]:
        record(name, ["您好，我是某银行信用卡中心的客服专员小李"])
    assert main(["hr", "enrol", "Alice", "--cohort", "=1+1"]) == 0
    capsys.readouterr()
    for command, column in (
        (["hr", "trainees", "--csv"], "trainee"),
        (["hr", "attempts", "--csv"], "trainee"),
        (["hr", "progress", "--csv"], "trainee"),
        (["hr", "export", "--format", "csv"], "trainee"),
    ):
        assert main(command) == 0
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        names = {row[column] for row in rows}
        assert {"'" + f for f in FORMULAS[:4]} <= names, command
        assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v)
    assert main(["hr", "trainees", "--csv"]) == 0
    assert "'=1+1" in capsys.readouterr().out


def test_deep_flow_nesting_is_refused_while_parsing(tmp_path: Path, isolated_home: Path) -> None:
    # M4: 25,000 nested `[` (50 KB) crashed the process with SIGSEGV.
    deep = tmp_path / "deep.scenario.yaml"
    deep.write_text("a: " + "[" * 25_000 + "]" * 25_000 + "\n")
    result = cli("validate", str(deep), home=isolated_home)
    assert result.returncode == 1
    assert result.stdout + result.stderr == f"{deep}:1:43: error: nesting too deep\n"
    # In the catalog: the app's catalog loads the rest (one problem), it does not die.
    code = (
        "from pathlib import Path; from simulator.engine.catalog import load_catalog; "
        f"e, p = load_catalog(Path({str(tmp_path)!r})); print(len(e), [str(x) for x in p])"
    )
    env = {**os.environ, "COLLECTSIM_HOME": str(isolated_home)}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert run.returncode == 0
    assert run.stdout.strip() == f"0 ['{deep}:1:43: error: nesting too deep']"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "'2026-02-30' is not a valid date (day is out of range for month)"),
        (
            "2026-11-20 25:15:00",
            "'2026-11-20 25:15:00' is not a valid date (hour must be in 0..23)",
        ),
        (
            "!!int abc",
            "'abc' is not a valid integer (invalid literal for int() with base 10: 'abc')",
        ),
        ("!!float abc", "'abc' is not a valid number (could not convert string to float: 'abc')"),
        ("!!bool maybe", "'maybe' is not a valid true/false value"),
        ("!!timestamp nope", "'nope' is not a valid date"),
        ("9" * 5000, f"'{'9' * 40}…' is not a valid integer (5000 digits)"),
    ],
)
def test_impossible_scalars_are_one_line_with_their_position(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    value: str,
    message: str,
) -> None:
    # M5: these were Python tracebacks.
    source = (ROOT / "scenarios" / "cc-m1-forgetful.scenario.yaml").read_text(encoding="utf-8")
    assert "  due_date: 2026-11-02\n" in source
    path = tmp_path / "x.scenario.yaml"
    path.write_text(source.replace("due_date: 2026-11-02", f"due_date: {value}"), "utf-8")
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    line = source[: source.index("  due_date: 2026-11-02")].count("\n") + 1
    assert captured.out == f"{path}:{line}:13: error: {message}\n"
    # In a catalog folder: `play <unknown id>` lists the problem and answers in one line.
    monkeypatch.setenv("COLLECTSIM_SCENARIOS", str(tmp_path))  # undone after the test
    assert main(["--scenarios", str(tmp_path), "play", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.endswith("collectsim: error: no scenario with id 'nope' (known: none)\n")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "id: x\na: !!python/name:os.system x\n",
            "2:4: error: invalid YAML: could not "
            "determine a constructor for the tag 'tag:yaml.org,2002:python/name:os.system'",
        ),
        (
            "id: x\na: !foo x\n",
            "2:4: error: invalid YAML: could not determine a constructor for the tag '!foo'",
        ),
        ("id: x\nab: 1\x00\n", "2:6: error: invalid YAML: character #x0000 is not allowed in YAML"),
    ],
)
def test_unknown_tags_and_nul_are_one_line_at_their_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, line: str
) -> None:
    # L5: two lines at 1:1 (`... in "<unicode string>", line 3, column 5`).
    path = tmp_path / "x.scenario.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out == f"{path}:{line}\n"


def test_reads_are_bounded_whatever_the_file_says_its_size_is(isolated_home: Path) -> None:
    # L4: `validate /dev/zero` grew without bound (stat() says 0 bytes); so did `play --script`.
    result = cli("validate", "/dev/zero", home=isolated_home, timeout=30)
    assert (result.returncode, result.stdout) == (
        1,
        "/dev/zero:1:1: error: file is larger than 512 KiB\n",
    )
    result = cli("play", "cc-m1-forgetful", "--script", "/dev/zero", home=isolated_home, timeout=30)
    assert result.returncode == 1
    # In play's language: the scenario's (zh-CN) when no --lang is given.
    assert result.stderr == "collectsim: 错误：/dev/zero：无法读取脚本：超过 4096 KiB\n"


# -- M6: a journal that cannot be written --------------------------------------------------


def test_a_journal_write_failure_in_the_cli_is_one_line(
    tmp_path: Path, isolated_home: Path
) -> None:
    # M6: `ulimit -f 50` (or a full disk) gave `OSError: [Errno 27]` as a traceback.
    import resource

    script = tmp_path / "long.txt"
    script.write_text(
        "您好，我是某银行信用卡中心的客服专员小李。请问是王敏女士本人吗？\n" * 40, "utf-8"
    )

    def small_files() -> None:  # the journal outgrows it in a few turns
        resource.setrlimit(resource.RLIMIT_FSIZE, (12 * 1024, 12 * 1024))

    result = cli(
        "play",
        "cc-m1-forgetful",
        "--script",
        str(script),
        home=isolated_home,
        preexec_fn=small_files,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    # In play's language: the scenario's (zh-CN) when no --lang is given.
    assert line.startswith(f"collectsim: 错误：{isolated_home / 'journal'}/")
    assert line.endswith(".jsonl：无法写入通话日志：文件太大")


async def test_a_journal_write_failure_in_the_app_is_told_once_and_the_call_goes_on(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # M6: with journal and DB on one full disk, the journal's OSError ended the app's call.
    import errno

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = CollectSimApp(lang="en", trainee="pat", entries=load_catalog()[0])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        start.open_scenario("cc-m1-forgetful", mode="practice")
        await pilot.pause()
        call = pilot.app.screen
        assert isinstance(call, CallScreen)
        session = call.session
        monkeypatch.setattr("simulator.engine.journal.os.fsync", full)  # the disk fills up
        for line in ("您好，我是某银行信用卡中心的客服专员小李", "请问是王敏女士本人吗？"):
            call.query_one("#say", Input).value = line
            await pilot.press("enter")
            await pilot.pause()
        assert pilot.app.screen is call
        notes = [str(n.message) for n in pilot.app._notifications]
        told = [n for n in notes if n.startswith("Cannot write the call's journal")]
        assert len(told) == 1 and "No space left on device" in told[0]
        attempt = session.transcript.attempt_id
    with Store.open(None, create=False) as store:  # the store still has every line
        assert store.attempt(attempt).summary.trainee_turns == 2


# -- M7: the PostgreSQL password ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("postgresql://127.0.0.1:1/db?user=cs&password=WrongQueryPW", "WrongQueryPW"),
        ("postgresql://cs:GarbPW@[::1", "GarbPW"),
        ("postgresql://cs:P@ssW0rd@127.0.0.1:1/db", "ssW0rd"),
        ("host=127.0.0.1 port=1 user=cs password=DsnSecret connect_timeout=2", "DsnSecret"),
    ],
)
def test_the_database_password_is_never_printed(
    url: str,
    secret: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["hr", "attempts", "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("collectsim: error: ") and err.count("\n") == 1
    assert secret not in err
    assert list(tmp_path.iterdir()) == []  # a keyword DSN is not a SQLite file name


def test_a_keyword_dsn_is_postgresql_and_redacted() -> None:
    from simulator.records.db import parse_target

    target = parse_target("host=db.example dbname=cs user=hr password='p w'")
    assert target.backend == "postgresql"
    assert str(target) == "host=db.example dbname=cs user=hr password=***"


# -- the lows -----------------------------------------------------------------------------------


def test_nul_and_undecodable_bytes_in_a_line_are_stored_as_replacement_characters() -> None:
    # L1: PostgreSQL refuses NUL in text, which ended the call's recording mid-call;
    # L3: a lone surrogate (bad UTF-8 on stdin) failed the journal.
    attempt = record("nul", ["你好\x00NUL在这里", "bad \udcff byte"])
    with Store.open(None, create=False) as store:
        turns = [t.text for t in store.load_transcript(attempt).trainee_turns()]
    assert turns == ["你好\ufffdNUL在这里", "bad \ufffd byte"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["play", "cc-m1-forgetful", "--trainee", "x", "--seed", "99999999999999999999"],
            "a number is out of range (--seed, --limit)",
        ),
        (
            ["hr", "findings", "--limit", "99999999999999999999"],
            "a number is out of range (--seed, --limit)",
        ),
        (["hr", "certify", "\udcff"], "trainee: the name has control characters"),
        (["hr", "attempts", "--trainee", "\udcff"], "an argument or input is not valid UTF-8 text"),
    ],
)
def test_odd_arguments_are_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["hr", "enrol", "x"])  # a store to query
    capsys.readouterr()
    assert main(args) != 0
    assert capsys.readouterr().err == f"collectsim: error: {message}\n"


def test_a_data_folder_that_is_a_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "file"
    home.write_text("")
    monkeypatch.setenv("COLLECTSIM_HOME", str(home))
    assert main(["hr", "enrol", "x"]) == 1
    assert capsys.readouterr().err == f"collectsim: error: {home}: Not a directory\n"


def test_deep_json_and_header_only_journals_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    assert main(["check", "--jsonl", str(deep)]) == 1
    assert capsys.readouterr().err == f"collectsim: error: {deep}:1: JSON nested too deep\n"
    journal = tmp_path / "header.jsonl"
    journal.write_text('{"type": "header"}\n')
    assert main(["score", str(journal)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"collectsim: error: {journal}: not a CollectSim journal (")
    assert err.count("\n") == 1


def test_markdown_report_escapes_the_quoted_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # L6: a quoted line's <img onerror=…> and [x](javascript:…) reached Markdown viewers.
    attempt = record("md", ["你这种老赖！<img src=x onerror=alert(1)> [x](javascript:alert(1))"])
    assert main(["score", attempt, "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"(?<!\\)<img|(?<!\\)\]\(javascript:", out)  # only escaped
    assert "\\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:alert\\(1\\)\\)" in out


def test_a_foreign_sqlite_file_is_refused_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # L7: it was switched to WAL (persistent) before it was refused.
    import sqlite3

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    conn.close()
    assert main(["hr", "enrol", "x", "--db", str(path)]) == 1
    assert "not a CollectSim database (it holds other tables)" in capsys.readouterr().err
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_read_only_database_can_be_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # L8: a database on a read-only mount could not even be read. (The tests run as root,
    # whom permissions do not stop: the mount's answer is stood in for.)
    import simulator.records.db as db

    record("ro", ["您好"])
    monkeypatch.setattr(db, "_unwritable", lambda path: True)
    assert main(["hr", "trainees"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("ro ")


def test_certify_writes_its_default_file_in_the_current_folder() -> None:
    # L9: a trainee named `../../x` or `/some/dir/x` chose where the certificate went.
    from simulator.cli.hr_cmds import certificate_file

    assert certificate_file("../../x", "track") == Path("x-track.cert.json")
    assert certificate_file("/some/dir/x", "track") == Path("some_dir_x-track.cert.json")
    assert certificate_file("王敏", "track") == Path("王敏-track.cert.json")
    assert certificate_file("..", "track") == Path("trainee-track.cert.json")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--reviewer", "   "], "--reviewer: the name is empty"),
        (["--reviewer", "\x1b[2Jevil"], "--reviewer: the name has control characters"),
        (
            ["--reviewer", "hr", "--reason", "\x1b]52;c;x\x07"],
            "--reason: the text has control characters",
        ),
    ],
)
def test_review_checks_reviewer_and_reason(
    extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # L10
    attempt = record("rv", ["你这种老赖！"])
    assert main(["hr", "review", attempt, "1", "--verdict", "accept", *extra]) == 1
    assert capsys.readouterr().err == f"collectsim: error: {message}\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_journals_database_and_data_folder_are_private(isolated_home: Path) -> None:
    # I2: journals and the DB were 0644 under 0755 folders (umask).
    old = os.umask(0o022)
    try:
        attempt = record("modes", ["您好"])
        scenario = next(e.scenario for e in load_catalog()[0] if e.scenario.id == "cc-m1-forgetful")
        call = Session(scenario, trainee="j", sink=journal_sink())
        call.say("您好")  # nothing is recorded before the trainee's first line
        call.end()
    finally:
        os.umask(old)
    assert mode(isolated_home) == 0o700
    assert mode(isolated_home / "journal") == 0o700
    assert {mode(p) for p in (isolated_home / "journal").iterdir()} == {0o600}
    assert mode(isolated_home / "collectsim.db") == 0o600
    assert attempt


# -- L2: certificates ----------------------------------------------------------------------------


def _first_use(directory: str, barrier: object, out: object) -> None:
    from simulator.training.certificates import Keys, key_id

    barrier.wait()  # type: ignore[attr-defined]
    out.put(key_id(Keys(Path(directory)).signing_key().public_key()))  # type: ignore[attr-defined]


def test_concurrent_first_uses_of_the_key_all_get_the_one_key(tmp_path: Path) -> None:
    # L2a: `touch` then write: 3 different keys were handed out in 1 of 10 rounds of 8.
    import multiprocessing

    from simulator.training.certificates import Keys, key_id

    # Spawned, not forked: earlier tests may have started the encoder's threads, and a fork
    # of a threaded process can hang or die before it reaches the key.
    context = multiprocessing.get_context("spawn")
    for round_ in range(5):
        directory = tmp_path / f"keys{round_}"
        barrier, out = context.Barrier(8), context.Queue()
        workers = [
            context.Process(target=_first_use, args=(str(directory), barrier, out))
            for _ in range(8)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join(60)
        assert [w.exitcode for w in workers] == [0] * 8
        ids = {out.get(timeout=5) for _ in workers}
        assert ids == {key_id(Keys(directory).signing_key().public_key())}
        assert [p.name for p in directory.iterdir()] == ["centre-ed25519.pem"]  # no leftovers
        assert stat.S_IMODE((directory / "centre-ed25519.pem").stat().st_mode) == 0o600


def test_a_broken_key_file_is_one_line(
    isolated_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # L2b: a junk centre-ed25519.pem or trusted/*.pub was a traceback in certify and verify.
    from simulator.engine.paths import data_dir

    keys = data_dir() / "keys"
    (keys / "trusted").mkdir(parents=True)
    (keys / "centre-ed25519.pem").write_text("junk")
    cert = tmp_path / "c.json"
    cert.write_text(
        '{"certificate": {"format": "collectsim-certificate/1", "trainee": "x", "key_id": "k"},'
        ' "signature": "x"}'
    )
    assert main(["hr", "verify", str(cert)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"invalid: {keys / 'centre-ed25519.pem'}: not a readable key (")
    (keys / "centre-ed25519.pem").unlink()
    (keys / "trusted" / "bad.pub").write_text("not base64!")
    assert main(["hr", "verify", str(cert)]) == 1
    assert capsys.readouterr().out.startswith(
        f"invalid: {keys / 'trusted' / 'bad.pub'}: not a trusted public key ("
    )


def test_a_certificate_with_a_key_given_twice_or_nested_deep_is_not_readable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # L2c/d: a duplicate "level" verified as valid; 10^5 levels gave a RecursionError.
    twice = tmp_path / "twice.json"
    twice.write_text('{"certificate": {"level": "L3", "level": "L1"}}')
    assert main(["hr", "verify", str(twice)]) == 1
    assert capsys.readouterr().err == (
        f"collectsim: error: {twice}: not a readable certificate (duplicate key 'level')\n"
    )
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert main(["hr", "verify", str(deep)]) == 1
    assert capsys.readouterr().err == (
        f"collectsim: error: {deep}: not a readable certificate (nested too deep)\n"
    )


# -- I5 and issue 17 item 4: exam integrity ------------------------------------------------------


def cut_off(trainee: str, mode: Mode) -> str:
    """A call whose process died after two lines (a closed tab, kill -9)."""
    from simulator.records.owner import Owner, this_process

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=30)
    scenario = next(e.scenario for e in load_catalog()[0] if e.scenario.id == "cc-m1-forgetful")
    with Store.open(None) as store:
        session = Session(scenario, trainee=trainee, mode=mode)
        for line in ("您好，我是某银行信用卡中心的客服专员小李", "请问是王敏女士本人吗？"):
            session.say(line)
        store.begin_attempt(session.transcript, Owner(this_process().host, child.pid, ""))
        return session.transcript.attempt_id


def test_an_exam_closed_before_its_end_is_an_abandoned_failed_try() -> None:
    exam, practice = cut_off("eve", "exam"), cut_off("eve", "practice")
    with Store.open(None, create=False) as store:
        by_id = {a.id: a for a in store.attempts(trainee="eve")}
        assert (by_id[exam].status, by_id[exam].passed) == ("abandoned", False)
        assert (by_id[practice].status, by_id[practice].passed) == ("interrupted", None)
        assert [a.id for a in store.attempts(status="abandoned")] == [exam]


async def test_f4_never_offers_an_exam_a_trainer_did_not_reopen(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # H2's F4 route: anyone typing "victim" took up victim's exam and failed it.
    exam = cut_off("victim", "exam")
    app = CollectSimApp(lang="en", trainee="victim", entries=load_catalog()[0])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StartScreen)
        assert "No interrupted call to resume" in [str(n.message) for n in pilot.app._notifications]
    # Nor the command line: one line that names the trainer's command.
    assert main(["play", "--resume", exam]) == 1
    assert capsys.readouterr().err == (
        f"collectsim: error: attempt {exam} is an exam closed before its end: only a trainer "
        f"can re-open it (collectsim hr reopen {exam})\n"
    )
    # A trainer re-opens it: then, and only then, F4 takes it up.
    assert main(["hr", "reopen", exam[:8], "--trainer", "Ms Zhou"]) == 0
    assert capsys.readouterr().out == (
        f"attempt {exam} re-opened by Ms Zhou: victim can take it up (F4, --resume)\n"
    )
    app = CollectSimApp(lang="en", trainee="victim", entries=load_catalog()[0])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        call = pilot.app.screen
        assert isinstance(call, CallScreen)
        assert call.session.transcript.attempt_id == exam
    with Store.open(None, create=False) as store:  # taken up by this (still running) process
        assert store.attempt(exam).summary.status == "in_progress"


def test_reopen_refuses_anything_but_an_abandoned_exam(capsys: pytest.CaptureFixture[str]) -> None:
    practice = cut_off("pat", "practice")
    assert main(["hr", "reopen", practice, "--trainer", "zhou"]) == 1
    assert capsys.readouterr().err == (
        f"collectsim: error: attempt {practice} is interrupted, not an abandoned exam\n"
    )


def test_the_track_decides_whether_a_trainee_may_take_up_an_abandoned_exam() -> None:
    from simulator.training.resuming import trainee_may_resume
    from simulator.training.tracks import load_tracks

    [track] = load_tracks(ROOT / "scenarios" / "tracks")
    assert track.abandoned_exam == "failed"
    lenient = track.model_copy(update={"abandoned_exam": "resumable"})
    exam = cut_off("kim", "exam")
    with Store.open(None, create=False) as store:
        summary = store.attempt(exam).summary
    assert not trainee_may_resume(summary, [track])
    assert trainee_may_resume(summary, [lenient])
    assert not trainee_may_resume(summary, [lenient, track])  # every track it counts for
    assert not trainee_may_resume(summary, [])  # in no track: the default, a failed try
