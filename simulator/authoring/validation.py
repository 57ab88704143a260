"""`validate`: schema and reference checks of scenario files and golden test files."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from scoring.intents import intent_names
from scoring.rulepack import load_pack
from simulator.authoring.goldens import TEST_SUFFIX, LoadedTests, load_tests
from simulator.authoring.parallel_load import load_all
from simulator.authoring.phrases import said
from simulator.authoring.validation_cache import Outline, Result, ValidationCache
from simulator.engine.loader import (
    SUFFIX,
    ScenarioError,
    load_model,
    load_scenario,
)
from simulator.engine.persona import HUNG_UP_STATE
from simulator.engine.yamlsafe import Problem, YamlError, read_raw
from simulator.training.tracks import TRACK_SUFFIX, Track


def files_under(paths: list[Path]) -> list[Path]:
    """Scenario and golden test files named or found under the given paths."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.rglob(f"*{SUFFIX}")) + sorted(path.rglob(f"*{TEST_SUFFIX}"))
            found += sorted(path.rglob(f"*{TRACK_SUFFIX}"))
        else:
            found.append(path)
    return found


def _golden_references(loaded: LoadedTests, scenarios: dict[str, Outline]) -> list[Problem]:
    tests, located = loaded.tests, loaded.located
    scenario = scenarios.get(tests.scenario)
    if scenario is None:
        return [located.problem(("scenario",), said("unknown_scenario", scenario=tests.scenario))]
    states = set(scenario.states) | {HUNG_UP_STATE}
    endings = set(scenario.endings) | {
        "hung_up",
        "trainee_ended",
        "turn_limit",
    }
    rules = {r.id for r in load_pack(scenario.jurisdiction).rules}
    intents = set(intent_names())
    problems: list[Problem] = []
    for c, conversation in enumerate(tests.conversations):
        for s, step in enumerate(conversation.steps):
            where = ("conversations", c, "steps", s, "expect")
            expect = step.expect
            for state in [expect.state, *(expect.state_in or [])]:
                if state is not None and state not in states:
                    problems.append(located.problem(where, said("unknown_state", state=state)))
            for rule in [*(expect.rules or []), *(expect.no_rules or [])]:
                if rule not in rules and not rule.startswith(("ACC-", "TONE-")):
                    problems.append(located.problem(where, said("unknown_rule", rule=rule)))
            for intent in expect.intents or []:
                if intent not in intents:
                    problems.append(located.problem(where, said("unknown_intent", intent=intent)))
            if expect.ending is not None and expect.ending not in endings:
                problems.append(
                    located.problem(where, said("unknown_ending", ending=expect.ending))
                )
        end = conversation.end
        where_end = ("conversations", c, "end")
        if end.ending is not None and end.ending not in endings:
            problems.append(located.problem(where_end, said("unknown_ending", ending=end.ending)))
        for rule in [*(end.rules or []), *(end.no_rules or [])]:
            if rule not in rules and not rule.startswith(("ACC-", "TONE-")):
                problems.append(located.problem(where_end, said("unknown_rule", rule=rule)))
        for objective in end.objectives_met or []:
            if objective not in scenario.objectives:
                problems.append(
                    located.problem(where_end, said("not_an_objective", objective=objective))
                )
    return problems


def _track_problems(path: Path, scenarios: dict[str, Outline]) -> list[Problem]:
    try:
        located, track = load_model(path, Track)  # parsed once
    except ScenarioError as exc:
        return list(exc.problems)
    known = set(scenarios) or {
        p.name.removesuffix(SUFFIX) for p in path.parent.parent.glob(f"*{SUFFIX}")
    }
    return [
        located.problem(("levels", i, "scenarios", j), said("unknown_scenario", scenario=scenario))
        for i, level in enumerate(track.levels)
        for j, scenario in enumerate(level.scenarios)
        if scenario not in known
    ]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a catalog is read: thousands of files make
    millions of young objects that are not garbage, and its full passes over a heap that
    grows with the catalog cost a quarter of the time at 1,000 files. Reference counting
    still frees everything at once; the collector runs again as soon as validation ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate(paths: list[Path], cache: ValidationCache | None = None) -> tuple[int, list[Problem]]:
    """(files checked, problems) for every scenario and golden file under `paths`; with a
    cache, a scenario file whose bytes it holds is not read again (and what was read is
    kept in it)."""
    with _collector_paused():
        found = _validate(paths, cache)
    if cache is not None:
        cache.save()
    return found


def _scenario_results(paths: list[Path], cache: ValidationCache | None) -> list[Result]:
    """Each scenario file's result, in order: from the cache by its bytes, else loaded (over
    the machine's cores when many are new) and kept in the cache."""
    results: list[Result | None] = []
    new: list[tuple[int, bytes]] = []
    for path in paths:
        try:
            raw = read_raw(path)
        except YamlError as exc:
            results.append(Result(None, tuple(exc.problems)))
            continue
        cached = cache.get(raw, str(path)) if cache is not None else None
        if cached is None:
            new.append((len(results), raw))
        results.append(cached)
    loaded = load_all([(raw, str(paths[i])) for i, raw in new])
    for (i, raw), result in zip(new, loaded, strict=True):
        results[i] = result
        if cache is not None:
            cache.put(raw, result)
    return [r for r in results if r is not None]


def _validate(paths: list[Path], cache: ValidationCache | None) -> tuple[int, list[Problem]]:
    files = files_under(paths)
    problems: list[Problem] = []
    scenarios: dict[str, Outline] = {}
    goldens: list[Path] = []
    tracks: list[Path] = []
    scenario_files: list[Path] = []
    for path in files:
        if path.name.endswith(TEST_SUFFIX):
            goldens.append(path)
        elif path.name.endswith(TRACK_SUFFIX):
            tracks.append(path)
        else:
            scenario_files.append(path)
    for result in _scenario_results(scenario_files, cache):
        problems += result.problems
        if result.outline is not None:
            scenarios[result.outline.id] = result.outline
    for path in tracks:
        problems += _track_problems(path, scenarios)
    for path in goldens:
        try:
            loaded = load_tests(path)
        except ScenarioError as exc:
            problems += exc.problems
            continue
        if loaded.tests.scenario not in scenarios:
            # A golden validated on its own: find its scenario beside or above it.
            for folder in (path.parent, path.parent.parent):
                candidate = folder / f"{loaded.tests.scenario}{SUFFIX}"
                if candidate.exists():
                    # A broken scenario is reported when that file itself is validated.
                    with contextlib.suppress(ScenarioError):
                        outline = Outline.of(load_scenario(candidate))
                        scenarios[loaded.tests.scenario] = outline
                    break
        problems += _golden_references(loaded, scenarios)
    return len(files), problems
