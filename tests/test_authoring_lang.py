"""A trainer reads `validate`, `lint` and `test` in their own language: every problem of a
scenario, golden test or track file (the YAML reader's, the schema's, a validator's, the
references') and every reason a golden conversation failed, in zh-CN and en, with the same
file:line:col and a language-free code for tools."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scoring.lang import Lang
from simulator.authoring.phrases import AUTHORING
from simulator.cli.main import main
from simulator.engine.problem_lines import PROBLEMS, YAML_REASONS_ZH
from simulator.engine.schema_errors import PYDANTIC_ZH

ROOT = Path(__file__).resolve().parent.parent
FORGETFUL = ROOT / "scenarios" / "cc-m1-forgetful.scenario.yaml"


@pytest.fixture(autouse=True)
def environment_restored() -> Iterator[None]:
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[Lang, tuple[int, str]]:
    """Exit status and stdout of the command with --lang zh and with --lang en."""
    heard: dict[Lang, tuple[int, str]] = {}
    for lang in ("zh", "en"):
        status = main([*argv, "--lang", lang])
        heard[lang] = (status, capsys.readouterr().out)
    return heard


def scenario_with(tmp_path: Path, old: str, new: str) -> Path:
    text = FORGETFUL.read_text("utf-8")
    assert old in text
    path = tmp_path / "broken.scenario.yaml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def test_a_reference_problem_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = scenario_with(tmp_path, "initial: ", "initial: nowhere\nx_initial: ")
    heard = run(capsys, "validate", "--no-cache", str(path))
    assert heard["zh"] == (1, f"{path}:51:1: 错误: 未知的键 'x_initial'\n")
    assert heard["en"] == (1, f"{path}:51:1: error: unknown key 'x_initial'\n")


def test_yaml_problems_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.scenario.yaml"
    path.write_text("id: x\nid: y\n", "utf-8")
    heard = run(capsys, "validate", "--no-cache", str(path))
    assert heard["zh"] == (1, f"{path}:2:1: 错误: 重复的键 'id'\n")
    assert heard["en"] == (1, f"{path}:2:1: error: duplicate key 'id'\n")
    path.write_text("id: x\nfoo: [1\n", "utf-8")
    heard = run(capsys, "validate", "--no-cache", str(path))
    assert heard["zh"] == (1, f"{path}:3:1: 错误: YAML 格式错误：找不到应有的 ',' 或 ']'\n")
    assert heard["en"] == (
        1,
        f"{path}:3:1: error: invalid YAML: did not find expected ',' or ']'\n",
    )


def test_pydantic_and_validator_problems_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A type error (pydantic's own words) and a validator's refusal (InvalidValue).
    path = scenario_with(tmp_path, "  product_type: credit_card\n", "")
    path.write_text(path.read_text("utf-8").replace("difficulty: 1", "difficulty: one"), "utf-8")
    heard = run(capsys, "validate", "--no-cache", "--json", str(path))
    zh = json.loads(heard["zh"][1])["problems"]
    en = json.loads(heard["en"][1])["problems"]
    assert [p["code"] for p in zh] == [p["code"] for p in en]
    assert [p["message"] for p in zh if p["code"] == "schema"] == [
        "difficulty：应为 1, 2 或 3 之一"
    ]
    assert [p["message"] for p in en if p["code"] == "schema"] == [
        "difficulty: Input should be 1, 2 or 3"
    ]
    zh_required = [p["message"] for p in zh if p["code"] == "product_type_required"]
    en_required = [p["message"] for p in en if p["code"] == "product_type_required"]
    assert zh_required == [
        "ledger：product_type 必须填写：放款机构的类型"
        "（credit_card, online_lending, consumer_finance, debt_buyer, agency）"
    ]
    assert en_required == [
        "ledger: product_type is required: the lender's kind "
        "(credit_card, online_lending, consumer_finance, debt_buyer, agency)"
    ]


def test_a_type_error_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = scenario_with(tmp_path, "  mood: ", "  mood: abc\n  x_mood: ")
    path.write_text(path.read_text("utf-8").replace("  x_mood: ", "  # ", 1), "utf-8")
    heard = run(capsys, "validate", "--no-cache", "--json", str(path))
    zh = [p["message"] for p in json.loads(heard["zh"][1])["problems"]]
    en = [p["message"] for p in json.loads(heard["en"][1])["problems"]]
    assert zh == ["persona.mood：应为整数"]
    assert en == [
        "persona.mood: Input should be a valid integer, unable to parse string as an integer"
    ]


def test_the_cache_keeps_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLLECTSIM_HOME", str(tmp_path / "home"))
    path = scenario_with(tmp_path, "initial: ", "initial: nowhere\nx_initial: ")
    first = run(capsys, "validate", str(path))  # zh reads and caches, en from the cache
    again = run(capsys, "validate", str(path))  # both from the cache
    assert first == again
    assert again["zh"][1].endswith("错误: 未知的键 'x_initial'\n")
    assert again["en"][1].endswith("error: unknown key 'x_initial'\n")


def test_lint_warnings_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A persona line that names a figure the ledger does not have.
    text = FORGETFUL.read_text("utf-8")
    path = tmp_path / "a.scenario.yaml"
    marker = '"喂，你好，哪位？"'
    assert marker in text
    path.write_text(text.replace(marker, '"喂，我欠了9999块吗？"', 1), "utf-8")
    heard = run(capsys, "lint", str(path))
    zh = [line for line in heard["zh"][1].splitlines() if "9999" in line]
    en = [line for line in heard["en"][1].splitlines() if "9999" in line]
    assert len(zh) == len(en) == 1
    assert zh[0].endswith("警告: 对方台词提到 9999块，这不是账目上的数字")
    assert en[0].endswith("warning: persona line mentions 9999块, which is not a ledger figure")


def test_golden_failures_in_each_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FORGETFUL, tmp_path / FORGETFUL.name)
    (tmp_path / "tests").mkdir()
    golden = tmp_path / "tests" / "one.test.yaml"
    golden.write_text(
        "scenario: cc-m1-forgetful\n"
        "conversations:\n"
        "  - name: one line\n"
        "    steps:\n"
        "      - say: 您好\n"
        "        expect:\n"
        "          state: nowhere_near\n",
        "utf-8",
    )
    heard = run(capsys, "test", str(golden))
    assert heard["zh"][0] == heard["en"][0] == 1
    assert f"{golden}:5:9: 错误: 状态：应为 'nowhere_near'，实际是 '" in heard["zh"][1]
    assert f"{golden}:5:9: error: state: expected 'nowhere_near', got '" in heard["en"][1]
    assert heard["zh"][1].endswith("0 个通过，1 个失败\n")


def test_every_line_is_said_in_chinese() -> None:
    # Importing a phrasebook already refuses a line that lacks a language or whose
    # placeholders differ. This checks what importing cannot: a zh line left in English,
    # and the two translation tables below.
    for book in (PROBLEMS, AUTHORING):
        assert all(lines["zh"] != lines["en"] for lines in book.lines.values())
    assert all(not zh.isascii() for zh in YAML_REASONS_ZH.values())
    assert all(not zh.isascii() for zh in PYDANTIC_ZH.values())
