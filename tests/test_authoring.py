"""Trainer tooling: lint findings on deliberately broken scenarios, graphs, schema, scaffold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.authoring.graph import to_dot, to_mermaid
from simulator.authoring.lint import lint
from simulator.authoring.scaffold import scaffold
from simulator.authoring.schema import dump, golden_schema, scenario_schema, track_schema
from simulator.engine.loader import load_scenario
from simulator.engine.yamlsafe import load_file

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "scenarios" / "cc-m1-forgetful.scenario.yaml"


def lint_text(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "x.scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in lint(load_scenario(path), load_file(path))]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


@pytest.fixture
def base() -> str:
    return BASE.read_text(encoding="utf-8")


def test_shipped_scenario_lints_clean(tmp_path: Path, base: str) -> None:
    assert lint_text(tmp_path, base) == []


def test_unreachable_state(tmp_path: Path, base: str) -> None:
    text = base.replace("  wary:\n", "  island:\n    say: [孤岛]\n  wary:\n")
    problems = lint_text(tmp_path, text)
    where = f"{tmp_path}/x.scenario.yaml:{line_of(text, 'island:')}:3"
    assert f"{where}: warning: state 'island' is unreachable" in problems


def test_dead_end_that_is_not_an_ending(tmp_path: Path, base: str) -> None:
    text = base.replace(
        "  - {from: opening, on: any, to: wary}\n", "  - {from: opening, on: any, to: sink}\n"
    )
    text = text.replace("  wary:\n", "  sink:\n    say: [嗯。]\n  wary:\n")
    problems = lint_text(tmp_path, text)
    assert any("state 'sink' is a dead end but not an ending" in p for p in problems)


def test_loop_with_no_way_out(tmp_path: Path, base: str) -> None:
    text = base.replace(
        "  - {from: opening, on: any, to: wary}\n",
        "  - {from: opening, on: any, to: loop_a}\n"
        "  - {from: loop_a, on: any, to: loop_b}\n"
        "  - {from: loop_b, on: any, to: loop_a}\n",
    )
    text = text.replace(
        "  wary:\n", "  loop_a:\n    say: [甲]\n  loop_b:\n    say: [乙]\n  wary:\n"
    )
    problems = lint_text(tmp_path, text)
    assert any("from state 'loop_a' no ending can be reached" in p for p in problems)


def test_ending_no_path_reaches(tmp_path: Path, base: str) -> None:
    only_way = "on: close, to: callback}\n"
    text = "".join(line for line in base.splitlines(keepends=True) if not line.endswith(only_way))
    problems = lint_text(tmp_path, text)
    assert any("ending 'callback' is unreachable" in p for p in problems)


def test_objective_no_transition_serves(tmp_path: Path, base: str) -> None:
    text = base.replace(
        "objectives: [disclose_identity,", "objectives: [offer_claim, disclose_identity,"
    )
    problems = lint_text(tmp_path, text)
    assert any(
        "objective 'offer_claim' but no transition reacts to intent 'offer_claim'" in p
        for p in problems
    )


def test_debt_talk_rewarded_before_verification(tmp_path: Path, base: str) -> None:
    text = base.replace(
        "{from: verified, on: [state_purpose, state_amount, state_overdue], to: informed}",
        "{from: [verified, wary], on: [state_purpose, state_amount, state_overdue], to: informed}",
    )
    problems = lint_text(tmp_path, text)
    assert any("debt talk before identity verification is rewarded" in p for p in problems)


def test_no_way_to_succeed(tmp_path: Path, base: str) -> None:
    text = base.replace("rubric:\n", "rubric:\n  good_endings: [escalated]\n")
    assert any("no way to succeed" in p for p in lint_text(tmp_path, text))


def test_no_way_to_fail(tmp_path: Path, base: str) -> None:
    text = base.replace("  hangs_up_below: 15\n", "  hangs_up_below: 0\n")
    text = text.replace("    ending: hung_up\n", "    ending: escalated\n").replace(
        "    ending: escalated\n", "    ending: callback\n"
    )
    assert any("no way to fail" in p for p in lint_text(tmp_path, text))


# The line that echoes the amount the collector said (a placeholder, no figure written in).
ECHO = '["{offered_amount}？好吧，是我疏忽了。", "一共{offered_amount}是吧？行，是我忘了。"]'


def test_persona_line_contradicting_the_ledger(tmp_path: Path, base: str) -> None:
    assert ECHO in base
    text = base.replace(ECHO, '["六千块？你们算错了吧。"]')
    assert any("persona line mentions 六千块" in p for p in lint_text(tmp_path, text))


def test_what_the_persona_could_pay_a_month_is_its_own_figure(tmp_path: Path, base: str) -> None:
    old = ECHO
    # Without a budget, a figure a month is the persona's own; with one, the line must say
    # it through {can_monthly}, since each seed meets its own budget.
    unbudgeted = base[: base.index("  budget:\n")] + base[base.index("initial: opening") :]
    monthly = '["我一个月最多还八百块，再多真没有了。"]'
    misquote = '["八百块？不是这个数吧。"]'
    assert lint_text(tmp_path, unbudgeted.replace(old, monthly)) == []
    assert any(
        "persona line mentions 八百块" in p
        for p in lint_text(tmp_path, unbudgeted.replace(old, misquote))
    )
    assert [p.split(": ", 2)[-1] for p in lint_text(tmp_path, base.replace(old, monthly))] == [
        "persona line names 八百块 a month, but its budget says what it can pay: write"
        " {can_monthly}"
    ]
    placeholder = '["我一个月最多还{can_monthly}，再多真没有了。"]'
    assert lint_text(tmp_path, base.replace(old, placeholder)) == []


def test_persona_approximation_is_checked_as_a_range(tmp_path: Path, base: str) -> None:
    old = ECHO
    right = base.replace(old, '["五千多块？好吧，是我疏忽了。"]')
    wrong = base.replace(old, '["六千多块？你们算错了吧。"]')
    assert not any("persona line mentions" in p for p in lint_text(tmp_path, right))
    assert any("persona line mentions 六千多块" in p for p in lint_text(tmp_path, wrong))


def test_graph_marks_endings_and_hang_up() -> None:
    scenario = load_scenario(BASE)
    mermaid = to_mermaid(scenario)
    assert mermaid.startswith("stateDiagram-v2\n    [*] --> opening")
    assert "note right of promise_to_pay: ending promise_to_pay" in mermaid
    assert "informed --> hung_up: (mood)" in mermaid
    dot = to_dot(scenario)
    assert '"hung_up" [shape=doubleoctagon, color="#c0392b"' in dot


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("scenario.schema.json", scenario_schema),
        ("golden.schema.json", golden_schema),
        ("track.schema.json", track_schema),
    ],
)
def test_committed_schema_matches_the_model(name: str, make: object) -> None:
    committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert callable(make)
    assert committed == dump(make()), "run `collectsim schema` and commit schemas/"


def test_schema_is_draft07_and_knows_the_fields() -> None:
    schema = scenario_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert {"ledger", "persona", "states", "transitions"} <= set(schema["properties"])
    assert "content_hash" not in schema["properties"]
    assert "$defs" not in json.dumps(schema)


def test_shipped_files_carry_the_schema_modeline() -> None:
    for path in sorted((ROOT / "scenarios").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_scaffold_is_valid_and_lint_clean(tmp_path: Path, lang: str) -> None:
    scenario_path, test_path = scaffold(tmp_path, "new-one", lang, "CN" if lang == "zh" else "US")
    scenario = load_scenario(scenario_path)
    assert scenario.id == "new-one"
    assert lint(scenario, load_file(scenario_path)) == []
    assert test_path.exists()


def test_scaffold_refuses_to_overwrite(tmp_path: Path) -> None:
    scaffold(tmp_path, "taken", "zh", "CN")
    with pytest.raises(FileExistsError):
        scaffold(tmp_path, "taken", "zh", "CN")


def _validate(tmp_path: Path, golden: str) -> list[str]:
    from simulator.authoring.validation import validate

    (tmp_path / "tests").mkdir(exist_ok=True)
    (tmp_path / "cc-m1-forgetful.scenario.yaml").write_text(
        BASE.read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "tests" / "x.test.yaml"
    path.write_text(golden, encoding="utf-8")
    return [str(p) for p in validate([tmp_path])[1]]


GOLDEN = """\
scenario: cc-m1-forgetful
conversations:
  - name: one
    steps:
      - say: 请问是王敏本人吗？
        expect: {state: verified, rules: [CN-THREAT-VIOLENCE], intents: [verify_identity]}
    end: {ending: promise_to_pay, objectives_met: [verify_identity]}
"""


def test_valid_golden_file_passes(tmp_path: Path) -> None:
    assert _validate(tmp_path, GOLDEN) == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("state: verified", "state: verifyed", "unknown state 'verifyed'"),
        ("CN-THREAT-VIOLENCE", "CN-NO-SUCH-RULE", "unknown rule 'CN-NO-SUCH-RULE'"),
        ("intents: [verify_identity]", "intents: [verify]", "unknown intent 'verify'"),
        ("ending: promise_to_pay", "ending: paid", "unknown ending 'paid'"),
        ("objectives_met: [verify_identity]", "objectives_met: [offer_claim]", "objective"),
        ("scenario: cc-m1-forgetful", "scenario: nope", "unknown scenario 'nope'"),
        ("    steps:", "    stepz:", "stepz"),
    ],
)
def test_broken_golden_files_are_reported_with_position(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    problems = _validate(tmp_path, GOLDEN.replace(old, new))
    assert problems and any(message in p for p in problems), problems
    assert all(":" in p.split(" error: ")[0] for p in problems)
    assert problems[0].split(":")[1].isdigit()


def test_catalog_docs_are_current() -> None:
    from simulator.authoring.catalog_docs import catalog_markdown
    from simulator.engine.catalog import load_catalog

    entries, problems = load_catalog(ROOT / "scenarios")
    assert not problems
    committed = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
    assert committed == catalog_markdown(entries), "run `collectsim docs` and commit docs/"
    for entry in entries:
        assert f"## {entry.scenario.id}\n" in committed


def test_an_intent_with_few_exemplars_is_a_warning(
    tmp_path: Path, base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import simulator.authoring.lint as lint_module
    from scoring.exemplars import intent_exemplars

    thinnest = min(len(lines) for lines in intent_exemplars("zh").intents.values())
    assert lint_text(tmp_path, base) == []
    monkeypatch.setattr(lint_module, "MIN_EXEMPLARS", thinnest + 1)
    problems = lint_text(tmp_path, base)
    assert any(f"has {thinnest} exemplars in zh (fewer than {thinnest + 1})" in p for p in problems)
