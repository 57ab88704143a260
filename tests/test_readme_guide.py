"""The README's "Writing a scenario" guide, followed literally: every command must work."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def guide_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Writing a scenario", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the guide has a command block"
    return [
        shlex.split(line, comments=True) for line in block.group(1).splitlines() if line.strip()
    ]


def test_guide_from_empty_folder_to_a_tested_scenario(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    env = {
        **os.environ,
        "COLLECTSIM_HOME": str(tmp_path / "home"),
        "COLLECTSIM_SCENARIOS": str(tmp_path / "scenarios"),
    }
    commands = guide_commands()
    # The loop ends with `docs`: in a checkout `make test` fails until the docs are current.
    assert [c[1] for c in commands] == ["new", "validate", "lint", "graph", "test", "docs"]
    outputs = []
    for number, command in enumerate(commands):
        assert command[0] == "collectsim"
        result = subprocess.run(
            [sys.executable, "-m", "simulator.cli.main", *command[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        outputs.append(result.stdout)
        if number == 0:  # step 2 of the guide: the trainer edits the scenario
            path = tmp_path / "scenarios" / "my-first-call.scenario.yaml"
            text = path.read_text(encoding="utf-8")
            edited = re.sub(
                r"^title: .*$",
                "title: {zh: 我的第一个场景——忘记还款, en: My first call — forgot to pay}",
                text,
                flags=re.M,
            )
            assert edited != text
            path.write_text(edited, encoding="utf-8")
    assert (tmp_path / "my-first-call.mmd").read_text("utf-8").startswith("stateDiagram-v2")
    assert "1 passed, 0 failed" in outputs[-2]
    assert outputs[1].strip() == "ok: 1 file valid"  # validate says so when all is well
    docs = next(tmp_path.rglob("scenarios.md"))
    assert "my-first-call" in docs.read_text("utf-8")
