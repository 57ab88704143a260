"""Which catalog is read (--scenarios / COLLECTSIM_SCENARIOS, else ./scenarios, else the
shipped one) and where `new` writes (the user's catalog, never the installed package)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from simulator.cli.main import build_parser, main
from simulator.engine.paths import (
    PACKAGE,
    SHIPPED_SCENARIOS,
    authoring_root,
    scenarios_dir,
    user_scenarios_dir,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with no ./scenarios and no COLLECTSIM_SCENARIOS."""
    cwd = tmp_path / "work"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    # Set, then removed: the main() under test sets it, and the test's end restores it.
    monkeypatch.setenv("COLLECTSIM_SCENARIOS", "unset")
    monkeypatch.delenv("COLLECTSIM_SCENARIOS")
    return cwd


def test_a_checkout_ships_its_top_level_catalog() -> None:
    assert SHIPPED_SCENARIOS == ROOT / "scenarios"


def test_the_catalog_is_the_environments_else_the_working_directorys_else_the_shipped(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert user_scenarios_dir() is None
    assert scenarios_dir() == SHIPPED_SCENARIOS
    assert authoring_root() == Path()
    (elsewhere / "scenarios").mkdir()
    assert scenarios_dir() == Path("scenarios")
    monkeypatch.setenv("COLLECTSIM_SCENARIOS", str(elsewhere / "mine"))
    assert scenarios_dir() == elsewhere / "mine"
    assert authoring_root() == elsewhere


def test_new_with_only_the_shipped_catalog_starts_scenarios_here_and_says_so(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "my-call", "--lang", "en"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == "no scenarios folder of your own yet: creating ./scenarios for it"
    assert (elsewhere / "scenarios" / "my-call.scenario.yaml").is_file()
    assert (elsewhere / "scenarios" / "tests" / "my-call.test.yaml").is_file()
    assert main(["new", "my-second", "--lang", "en"]) == 0  # ./scenarios is the catalog now
    assert capsys.readouterr().out.startswith("created scenarios/my-second.scenario.yaml")


def test_new_writes_to_the_chosen_catalog_and_never_into_the_package(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = elsewhere / "mine"
    assert main(["--scenarios", str(mine), "new", "my-call"]) == 0
    assert (mine / "my-call.scenario.yaml").is_file()
    assert not (elsewhere / "scenarios").exists()
    capsys.readouterr()
    assert main(["new", "my-call", "--lang", "en", "--dir", str(PACKAGE / "shipped")]) == 2
    assert "inside the installed package" in capsys.readouterr().err
    assert not (PACKAGE / "shipped").exists()


def test_scenarios_option_before_or_after_the_command(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = elsewhere / "mine"
    (mine / "tests").mkdir(parents=True)
    shutil.copy(ROOT / "scenarios" / "cc-m1-forgetful.scenario.yaml", mine)
    shutil.copy(ROOT / "scenarios" / "tests" / "cc-m1-forgetful.test.yaml", mine / "tests")
    assert main(["validate", "--scenarios", str(mine), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"files": 2, "problems": []}
    assert os.environ["COLLECTSIM_SCENARIOS"] == str(mine)  # the app's processes see it too
    nested = build_parser().parse_args(["hr", "progress", "--scenarios", "x"])
    assert nested.scenarios == Path("x")
    assert build_parser().parse_args(["hr", "progress"]).scenarios is None


def test_scenarios_option_names_a_folder(
    elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--scenarios", "nope", "validate"]) == 2
    assert capsys.readouterr().err.strip() == "collectsim: error: --scenarios nope: no such folder"
