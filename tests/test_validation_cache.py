"""`collectsim validate` keeps results by content: a cached run reports exactly what a fresh
run reports, reads no unchanged scenario again, and re-reads what changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from simulator.authoring import parallel_load
from simulator.authoring.validation import validate
from simulator.authoring.validation_cache import ValidationCache, _sources, fingerprint
from simulator.cli.main import main
from simulator.engine.loader import load_scenario_raw
from simulator.engine.paths import SHIPPED_SCENARIOS
from simulator.engine.scenario import Scenario
from simulator.engine.yamlsafe import Problem

BASE = SHIPPED_SCENARIOS / "cc-m1-forgetful.scenario.yaml"


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """The shipped catalog, one scenario broken in two places, one golden file."""
    folder = tmp_path / "catalog"
    shutil.copytree(SHIPPED_SCENARIOS, folder)
    broken = BASE.read_text("utf-8").replace("\ndifficulty: 1\n", "\ndifficulty: 9\nextra: 1\n")
    (folder / "cc-broken.scenario.yaml").write_text(broken, "utf-8")
    return folder


def _lines(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every scenario file parsed from here on, by name."""
    seen: list[str] = []

    def counting(raw: bytes, name: str) -> Scenario:
        seen.append(Path(name).name)
        return load_scenario_raw(raw, name)

    monkeypatch.setattr(parallel_load, "load_scenario_raw", counting)
    return seen


def test_a_cached_run_reports_what_a_fresh_run_reports(
    catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _lines(validate([catalog])[1])
    assert len(fresh) == 2 and all("cc-broken.scenario.yaml" in line for line in fresh)
    assert validate([catalog], ValidationCache(tmp_path / "cache"))[0] == 34
    parsed = _parses(monkeypatch)
    count, problems = validate([catalog], ValidationCache(tmp_path / "cache"))
    assert (count, _lines(problems)) == (34, fresh)
    assert parsed == []  # nothing read again, the goldens still checked against outlines


def test_an_edited_file_is_read_again_and_only_it(
    catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validate([catalog], ValidationCache(tmp_path / "cache"))
    edited = catalog / "cc-broken.scenario.yaml"
    edited.write_text(BASE.read_text("utf-8") + "# mended\n", "utf-8")
    parsed = _parses(monkeypatch)
    count, problems = validate([catalog], ValidationCache(tmp_path / "cache"))
    assert parsed == ["cc-broken.scenario.yaml"]
    assert (count, _lines(problems)) == (34, _lines(validate([catalog])[1]))


def test_the_same_bytes_under_another_name_report_that_name(catalog: Path, tmp_path: Path) -> None:
    validate([catalog], ValidationCache(tmp_path / "cache"))
    moved = catalog / "cc-broken-too.scenario.yaml"
    (catalog / "cc-broken.scenario.yaml").rename(moved)
    problems = _lines(validate([catalog], ValidationCache(tmp_path / "cache"))[1])
    assert len(problems) == 2 and all(line.startswith(f"{moved}:") for line in problems)


@pytest.mark.parametrize(
    "content",
    ["not json", '{"entries": []}', '{"entries": {"x": 1}}', "[]"],
)
def test_a_foreign_cache_file_is_ignored(catalog: Path, tmp_path: Path, content: str) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / f"{fingerprint()}.json").write_text(content, "utf-8")
    fresh = _lines(validate([catalog])[1])
    assert _lines(validate([catalog], ValidationCache(folder))[1]) == fresh


def test_a_cache_entry_of_the_wrong_shape_is_read_again(catalog: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    validate([catalog], ValidationCache(folder))
    path = folder / f"{fingerprint()}.json"
    data = json.loads(path.read_text("utf-8"))
    data["entries"] = {key: {"o": ["too", "short"]} for key in data["entries"]}
    path.write_text(json.dumps(data), "utf-8")
    assert _lines(validate([catalog], ValidationCache(folder))[1]) == _lines(validate([catalog])[1])


def test_the_validator_fingerprint_covers_its_code_and_data() -> None:
    names = {f"{p.parent.name}/{p.name}" for p in _sources()}
    for needed in (
        "authoring/validation.py",
        "engine/loader.py",
        "engine/scenario.py",
        "engine/yamlsafe.py",
        "scoring/intents.py",
        "data/intents.yaml",
        "data/objectives.yaml",
    ):
        assert needed in names, needed


def test_the_command_keeps_its_cache_unless_told_not_to(
    catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # conftest points COLLECTSIM_HOME at a folder of the test's own.
    assert main(["validate", "--no-cache", str(catalog)]) == 1
    out = capsys.readouterr().out
    from simulator.engine.paths import cache_root

    kept = cache_root() / "validation"
    assert not kept.exists()
    assert main(["validate", str(catalog)]) == 1
    assert capsys.readouterr().out == out
    assert [p.name for p in kept.iterdir()] == [f"{fingerprint()}.json"]
    assert main(["validate", str(catalog)]) == 1
    assert capsys.readouterr().out == out
