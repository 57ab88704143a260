"""The wheel, installed in a fresh virtualenv outside the checkout, has everything it needs:
the shipped catalog with its golden tests and tracks, the schemas, every data file, and hints;
`new` writes into the working directory's ./scenarios, never into the installed package.

Slow (builds and installs, about half a minute): marked `wheel`; `make test` runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.calls import FORGETFUL_GOOD

ROOT = Path(__file__).resolve().parent.parent
# What a build reads; never the checkout's virtualenv, caches or an earlier build.
NOT_SOURCES = shutil.ignore_patterns(
    ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".*_cache", "out"
)

pytestmark = pytest.mark.wheel


@dataclass(frozen=True)
class Installed:
    wheel: Path
    sources: Path  # the copy of the checkout the wheel was built from
    venv: Path

    @property
    def bin(self) -> Path:
        return self.venv / "bin"


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr[-3000:])
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    assert not base.resolve().is_relative_to(ROOT)
    sources = base / "src"
    shutil.copytree(ROOT, sources, ignore=NOT_SOURCES)
    dist = base / "dist"
    # Built with this environment's setuptools: no build isolation, nothing downloaded.
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-w",
        dist,
        sources,
        cwd=base,
    )
    [wheel] = dist.glob("collectsim-*.whl")
    venv = base / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)  # no system packages
    python = venv / "bin" / "python"
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        wheel,
        cwd=base,
    )
    # The dependencies (textual, pydantic, ...) come from this environment, read-only: a .pth
    # line only appends the folder to sys.path (its own .pth files, among them the checkout's
    # editable finder, are not run), after the new environment's site-packages. Written after
    # the install, so pip never sees (or uninstalls) this environment's collectsim.
    purelib = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=base
    ).strip()
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    Path(purelib, "collectsim_test_deps.pth").write_text("\n".join(sorted(ours)) + "\n")
    return Installed(wheel, sources, venv)


@pytest.fixture
def outside(tmp_path: Path, installed: Installed) -> tuple[Path, dict[str, str]]:
    """A working directory outside the checkout, and an environment with no hint of it."""
    cwd = tmp_path / "work"
    cwd.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "COLLECTSIM_SCENARIOS", "VIRTUAL_ENV", "COLLECTSIM_DB"}
    }
    env |= {
        "COLLECTSIM_HOME": str(tmp_path / "home"),
        "PYTHONIOENCODING": "utf-8",
        "PATH": f"{installed.bin}{os.pathsep}{env.get('PATH', '')}",
    }
    return cwd, env


def _files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_the_wheel_carries_code_catalog_schemas_and_every_data_file(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
    src = installed.sources
    for package in ("simulator", "scoring"):
        missing = {f"{package}/{f}" for f in _files_under(src / package)} - names
        assert not missing, f"not in the wheel: {sorted(missing)}"
    for folder in ("scenarios", "schemas"):
        missing = {f"simulator/shipped/{folder}/{f}" for f in _files_under(src / folder)} - names
        assert not missing, f"not in the wheel: {sorted(missing)}"
    assert "simulator/engine/data/hints.yaml" in names
    assert "simulator/shipped/scenarios/tracks/collector-certification.track.yaml" in names
    assert not [n for n in names if n.startswith(("scenarios/", "schemas/", "tests/"))]


def test_installed_collectsim_is_the_wheels_and_finds_its_catalog(
    installed: Installed, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    where = _run(
        installed.bin / "python",
        "-c",
        "import json, simulator, scoring\n"
        "from simulator.engine.paths import SHIPPED_SCENARIOS, SHIPPED_SCHEMAS, scenarios_dir\n"
        "print(json.dumps([simulator.__file__, scoring.__file__, str(SHIPPED_SCENARIOS),"
        " str(SHIPPED_SCHEMAS), str(scenarios_dir())]))",
        cwd=cwd,
        env=env,
    )
    for path in json.loads(where):
        assert Path(path).resolve().is_relative_to(installed.venv.resolve()), path
    validated = json.loads(_run("collectsim", "validate", "--json", cwd=cwd, env=env))
    shipped = installed.sources / "scenarios"
    expected = len([p for p in shipped.rglob("*.yaml") if p.is_file()])
    assert validated == {"files": expected, "problems": []}
    tested = _run("collectsim", "test", cwd=cwd, env=env)
    assert tested.rstrip().endswith(" failed") and ", 0 failed" in tested
    assert "collector-certification" in _run("collectsim", "tracks", cwd=cwd, env=env)


def test_installed_collectsim_plays_a_call_and_gives_hints(
    installed: Installed, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    script = cwd / "good.txt"
    script.write_text("\n".join(FORGETFUL_GOOD) + "\n", encoding="utf-8")
    played = json.loads(
        _run(
            "collectsim", "play", "cc-m1-forgetful", "--script", script, "--json", cwd=cwd, env=env
        )
    )
    assert played["ending"] == "promise_to_pay"
    assert played["report"]["passed"] is True
    assert played["report"]["score"] >= played["report"]["pass_mark"]
    hint = _run(
        installed.bin / "python",
        "-c",
        "from simulator.engine.catalog import resolve\n"
        "from simulator.engine.hints import suggest\n"
        "from simulator.engine.session import Session\n"
        "print(suggest(Session(resolve('cc-m1-forgetful').scenario)))",
        cwd=cwd,
        env=env,
    )
    assert hint.strip(), "no hint from the installed package"


def test_new_writes_into_the_working_directory_not_the_package(
    installed: Installed, outside: tuple[Path, dict[str, str]]
) -> None:
    cwd, env = outside
    before = _files_under(installed.venv)
    said = _run("collectsim", "new", "my-call", cwd=cwd, env=env)
    assert said.splitlines()[0] == "还没有自己的场景目录：新建 ./scenarios，写在那里"
    assert (cwd / "scenarios" / "my-call.scenario.yaml").is_file()
    assert (cwd / "scenarios" / "tests" / "my-call.test.yaml").is_file()
    assert _files_under(installed.venv) - before == set()
    # ./scenarios is now the catalog: its golden test runs, the shipped catalog is not read.
    assert "1 passed, 0 failed" in _run("collectsim", "test", cwd=cwd, env=env)
    other = _run(
        "collectsim", "--scenarios", installed.sources / "scenarios", "tracks", cwd=cwd, env=env
    )
    assert "collector-certification" in other
