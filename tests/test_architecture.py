"""The layers are contracts: import-linter checks them, and a deliberately wrong import fails."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def copy_of_the_code(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    for part in ("simulator", "scoring"):
        shutil.copytree(ROOT / part, tree / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def add_import(module: Path, line: str) -> None:
    text = module.read_text(encoding="utf-8")
    head, rest = text.split("from __future__ import annotations\n", 1)
    module.write_text(f"{head}from __future__ import annotations\n{line}\n{rest}", encoding="utf-8")


def test_the_code_keeps_every_contract(tmp_path: Path) -> None:
    result = lint_imports(copy_of_the_code(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "Contracts: 6 kept, 0 broken." in result.stdout


def test_the_engine_importing_the_records_store_breaks_the_layers(tmp_path: Path) -> None:
    tree = copy_of_the_code(tmp_path)
    add_import(tree / "simulator/engine/session.py", "import simulator.records.store  # noqa")
    result = lint_imports(tree)
    assert result.returncode == 1
    assert "Layers: cli > web | tui > authoring > training > records > engine > scoring BROKEN" in (
        result.stdout
    )
    assert "simulator.engine.session -> simulator.records.store" in result.stdout


def test_the_judge_importing_the_simulator_or_textual_breaks_its_purity(tmp_path: Path) -> None:
    tree = copy_of_the_code(tmp_path)
    add_import(tree / "scoring/tone.py", "import textual  # noqa")
    result = lint_imports(tree)
    assert result.returncode == 1
    assert "The judge is pure: no simulator, no UI, no storage BROKEN" in result.stdout
    assert "scoring.tone -> textual" in result.stdout


def test_a_database_driver_outside_the_connection_layer_is_refused(tmp_path: Path) -> None:
    tree = copy_of_the_code(tmp_path)
    add_import(tree / "simulator/records/store.py", "import sqlite3  # noqa")
    result = lint_imports(tree)
    assert result.returncode == 1
    assert "Only the records' connection layer imports a database driver BROKEN" in result.stdout
