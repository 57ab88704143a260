"""Scenario loading: strict, safe, and every error with its line and column."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from simulator.engine.loader import ScenarioError, load_scenario, load_scenario_text
from simulator.engine.yamlsafe import MAX_BYTES

SHIPPED = Path(__file__).resolve().parent.parent / "scenarios" / "cc-m1-forgetful.scenario.yaml"


def base_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


def errors_of(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "s.yaml")
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_shipped_scenario_loads() -> None:
    scenario = load_scenario(SHIPPED)
    assert scenario.id == "cc-m1-forgetful"
    assert len(scenario.states) >= 10
    assert scenario.content_hash


def test_duplicate_key_reported_at_its_line() -> None:
    text = base_text().replace("difficulty: 1\n", "difficulty: 1\ndifficulty: 2\n")
    line = line_of(text, "difficulty: 2")
    assert errors_of(text) == [f"s.yaml:{line}:1: error: duplicate key 'difficulty'"]


def test_unknown_key_reported_at_its_line_and_column() -> None:
    text = base_text().replace("  mood: 65\n", "  mood: 65\n  moood: 3\n")
    line = line_of(text, "moood")
    assert f"s.yaml:{line}:3: error: unknown key 'moood'" in errors_of(text)


def test_wrong_type_names_the_field() -> None:
    text = base_text().replace("difficulty: 1", "difficulty: hard")
    [error] = errors_of(text)
    assert error.startswith(f"s.yaml:{line_of(text, 'difficulty: hard')}:1: error: difficulty:")


def test_missing_key_reported() -> None:
    text = base_text().replace("initial: opening\n", "")
    assert any("missing required key 'initial'" in e for e in errors_of(text))


def test_all_errors_of_a_file_at_once() -> None:
    text = (
        base_text()
        .replace("difficulty: 1", "difficulty: 9")
        .replace("  mood: 65\n", "  mood: 65\n  extra: 1\n")
    )
    errors = errors_of(text)
    assert len(errors) == 2
    assert any("difficulty" in e for e in errors) and any("'extra'" in e for e in errors)


def test_syntax_error_has_position() -> None:
    text = base_text().replace("tags: [credit-card,", "tags: [credit-card,,")
    [error] = errors_of(text)
    assert error.startswith(f"s.yaml:{line_of(text, 'tags:')}:")
    assert "invalid YAML" in error


def test_unknown_state_in_transition() -> None:
    text = base_text().replace("to: identified, mood: 2}", "to: nowhere, mood: 2}")
    [error] = errors_of(text)
    assert f"s.yaml:{line_of(text, 'to: nowhere')}:" in error
    assert "unknown state 'nowhere'" in error


def test_unknown_intent_trigger() -> None:
    text = base_text().replace("on: greet, to: opening", "on: greeet, to: opening")
    [error] = errors_of(text)
    assert "unknown intent 'greeet'" in error


def test_unknown_intent_a_state_prefers() -> None:
    text = base_text().replace("  opening:\n", "  opening:\n    prefer: [verifyy_identity]\n", 1)
    [error] = errors_of(text)
    assert f"s.yaml:{line_of(text, 'verifyy_identity')}:" in error
    assert "unknown intent 'verifyy_identity'" in error


def test_dotted_callback_is_rejected() -> None:
    text = base_text().replace("actions: [mark_verified]}", "actions: [os.system]}", 1)
    errors = errors_of(text)
    assert any("'os.system' looks like an import path" in e for e in errors)
    assert any(f"s.yaml:{line_of(text, 'os.system')}:" in e for e in errors)


def test_unknown_action_is_rejected() -> None:
    text = base_text().replace("actions: [mark_verified]}", "actions: [launch_rockets]}", 1)
    assert any("unknown action 'launch_rockets'" in e for e in errors_of(text))


def test_alias_rejected() -> None:
    text = base_text() + "extra_anchor: &a [1]\nextra_alias: *a\n"
    [error] = errors_of(text)
    assert "aliases" in error
    assert error.startswith(f"s.yaml:{line_of(text, 'extra_alias')}:")


def test_alias_bomb_fails_fast_with_bounded_memory() -> None:
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [" + ",".join([f"*{prev}"] * 9) + "]")
    tracemalloc.start()
    errors = errors_of("\n".join(bomb) + "\n")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "aliases" in errors[0]
    # Expanded, the bomb is 9**9 strings; refused, it costs next to nothing.
    assert peak < 5 * 1024 * 1024


def test_size_cap() -> None:
    text = base_text() + "#" + "x" * MAX_BYTES + "\n"
    [error] = errors_of(text)
    assert "larger than" in error


def test_merge_key_rejected() -> None:
    text = base_text().replace("persona:\n", "persona:\n  <<: {}\n")
    assert any("merge keys" in e for e in errors_of(text))


def test_ending_state_cannot_have_transitions() -> None:
    text = base_text().replace(
        "  - {from: opening, on: greet, to: opening",
        "  - {from: hung_up, on: greet, to: opening, say: [x]}\n"
        "  - {from: opening, on: greet, to: opening",
    )
    assert any("is an ending; nothing can follow it" in e for e in errors_of(text))


def test_ledger_total_must_add_up() -> None:
    text = base_text().replace("overdue_total: 5230.50", "overdue_total: 5230.00")
    assert any("overdue_total" in e and "principal + interest" in e for e in errors_of(text))


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(tmp_path / "nope.scenario.yaml")
    [problem] = caught.value.problems
    assert "cannot read file" in str(problem)


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.scenario.yaml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert "not UTF-8" in str(caught.value.problems[0])


def test_positions_are_mapped_only_when_a_problem_asks_and_then_exactly() -> None:
    """A file with no problem is parsed once without recording a mark per value; the first
    `where` parses it again and names the exact line and column of any key or item."""
    from simulator.engine.yamlsafe import load_text

    located = load_text("a:\n  b: 1\n  c:\n    - x\n    - {d: 2}\n", "f.yaml")
    assert located.data == {"a": {"b": 1, "c": ["x", {"d": 2}]}}
    assert not located.mapped and len(located.positions) == 1  # the document's own mark
    assert located.where(("a", "b")) == (2, 3)
    assert located.mapped
    assert located.where(("a", "c", 1, "d")) == (5, 8)
    assert located.where(("a", "c", 0)) == (4, 7)  # the item itself, after its dash
    assert located.where(("a", "missing")) == (1, 1)
