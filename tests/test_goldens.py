"""Every golden conversation of the shipped catalog runs as a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.authoring.goldens import golden_files, load_tests, run_conversation

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"


def _cases() -> list[object]:
    cases: list[object] = []
    for path in golden_files(SCENARIOS):
        loaded = load_tests(path)
        for index, conversation in enumerate(loaded.tests.conversations):
            cases.append(pytest.param(path, index, id=f"{path.stem}:{conversation.name}"))
    return cases


@pytest.mark.parametrize(("path", "index"), _cases())
def test_golden_conversation(path: Path, index: int) -> None:
    failures = run_conversation(load_tests(path), index)
    assert not failures, "\n".join(str(f) for f in failures)


def test_every_shipped_scenario_has_goldens() -> None:
    scenario_ids = {
        p.name.removesuffix(".scenario.yaml") for p in SCENARIOS.glob("*.scenario.yaml")
    }
    tested = {load_tests(p).tests.scenario for p in golden_files(SCENARIOS)}
    assert scenario_ids <= tested, f"no golden conversations for {sorted(scenario_ids - tested)}"


ABSENT = """\
scenario: cc-m1-forgetful
conversations:
  - name: a rule that must not fire
    steps:
      - say: 请问是王敏本人吗？
        expect: {no_rules: [CN-THREAT-ARREST-JAIL]}
      - say: 你再不还钱就让你坐牢
        expect: {no_rules: [CN-THREAT-ARREST-JAIL]}
    end: {no_rules: [CN-THREAT-ARREST-JAIL, TONE-BLAME]}
"""


def test_a_golden_fails_when_a_rule_it_rules_out_fires(tmp_path: Path) -> None:
    scenario = "cc-m1-forgetful.scenario.yaml"
    (tmp_path / scenario).write_text((SCENARIOS / scenario).read_text("utf-8"), "utf-8")
    (tmp_path / "tests").mkdir()
    path = tmp_path / "tests" / "absent.test.yaml"
    path.write_text(ABSENT, encoding="utf-8")
    failures = run_conversation(load_tests(path), 0)
    assert [f.problem.line for f in failures] == [7, 9]  # the second step, then the end
    assert [f.problem.message for f in failures] == [
        "finding 'CN-THREAT-ARREST-JAIL' not expected, but the line has it",
        "finding 'CN-THREAT-ARREST-JAIL' not expected in the report, but it is there",
    ]
