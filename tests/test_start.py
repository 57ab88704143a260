"""Start-up and the line cap (issue 18): only the chosen command is imported, the command
table says what the real parsers say, and an over-long line is refused with its reason."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.text import MAX_LINE_CHARS, too_long
from simulator.cli.main import COMMANDS, build_parser, chosen_command, main

ROOT = Path(__file__).resolve().parent.parent


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, str]:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {action.dest: str(action.help) for action in sub._choices_actions}


def test_the_command_table_is_what_the_modules_define() -> None:
    # Every module imported: the names, order and help --help shows from the table.
    real = _subcommands(build_parser("*"))
    assert real == {name: text for name, (_, text) in COMMANDS.items()}
    assert list(_subcommands(build_parser(None))) == list(COMMANDS)


def test_the_chosen_command_is_read_past_global_options() -> None:
    assert chosen_command(["--scenarios", "dir", "check", "x"]) == "check"
    assert chosen_command(["--scenarios", "dir"]) is None
    assert chosen_command(["-h"]) is None


def test_help_and_check_import_neither_the_app_nor_the_encoder() -> None:
    code = (
        "import sys\n"
        "from simulator.cli.main import main\n"
        "status = main(['check', '--rules-only', '你再不还钱就让你坐牢'])\n"
        "heavy = [m for m in ('textual', 'numpy', 'scoring.encoder', 'simulator.records.store',"
        " 'simulator.engine.loader') if m in sys.modules]\n"
        "print(status, heavy, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.stderr.strip().splitlines()[-1] == "0 []"
    assert json.loads(done.stdout)["findings"][0]["rule"] == "CN-THREAT-ARREST-JAIL"


def test_a_line_over_the_cap_is_refused_in_both_languages() -> None:
    assert too_long("好" * MAX_LINE_CHARS) is None
    message = too_long("1" * 20_000)
    assert message is not None
    assert message.en == (
        "This line is 20,000 characters long, over the limit of 2,000: say it in shorter lines."
    )
    assert message.zh == "这句话有 20,000 个字符，超过了 2,000 个字符的上限：请分成几句来说。"


def test_check_refuses_a_long_line_with_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["check", "--rules-only", "1234567890" * 2000]) == 1
    assert capsys.readouterr().err == (
        "collectsim: error: This line is 20,000 characters long, over the limit of 2,000: "
        "say it in shorter lines.\n"
    )
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"id": 1, "text": "好的"}\n{"id": 2, "text": "' + "还" * 2001 + '"}\n')
    assert main(["check", "--rules-only", "--jsonl", str(lines)]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["id"] == 1
    # Said in the command's language (--lang, else the locale's), as every error is.
    assert captured.err.startswith(f"collectsim: error: {lines}:2: This line is 2,001 characters")
    assert main(["check", "--rules-only", "--jsonl", str(lines), "--lang", "zh"]) == 1
    assert capsys.readouterr().err == (
        f"collectsim: 错误：{lines}:2：这句话有 2,001 个字符，超过了 2,000 个字符的上限："
        "请分成几句来说。\n"
    )


def test_play_script_with_a_long_line_is_refused(tmp_path: Path, isolated_home: Path) -> None:
    script = tmp_path / "long.txt"
    script.write_text("您好\n" + "五" * 2500 + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "simulator.cli.main", "play", "cc-m1-forgetful", "--script",
         str(script), "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    # Said in play's language (--lang, else the scenario's), the error line's words too.
    assert done.stderr.startswith("collectsim: 错误：这句话有 2,500 个字符")
