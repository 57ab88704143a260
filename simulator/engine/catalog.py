"""The scenario catalog: find scenarios by id or path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scoring.said import SaidError
from simulator.engine.loader import SUFFIX, ScenarioError, load_scenario
from simulator.engine.paths import scenarios_dir
from simulator.engine.phrases import ENGINE
from simulator.engine.problem_lines import problem_said
from simulator.engine.scenario import Scenario
from simulator.engine.yamlsafe import Problem


class UnknownScenario(SaidError, LookupError):
    """An id that names no scenario of the catalog (not a problem inside a file)."""

    book = ENGINE


@dataclass(frozen=True, slots=True)
class Entry:
    path: Path
    scenario: Scenario


def scenario_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or scenarios_dir()).glob(f"*{SUFFIX}"))


def load_catalog(directory: Path | None = None) -> tuple[list[Entry], list[Problem]]:
    """Every loadable scenario, and the problems of those that are not."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for path in scenario_files(directory):
        try:
            entries.append(Entry(path, load_scenario(path)))
        except ScenarioError as exc:
            problems.extend(exc.problems)
        except Exception as exc:  # one bad file (whatever is wrong) must never stop the app
            said = problem_said("cannot_load", reason=type(exc).__name__)
            problems.append(Problem.of(str(path), 1, 1, said))
    return entries, problems


def resolve(ref: str, directory: Path | None = None) -> Entry:
    """A scenario by file path or by id; ScenarioError (one line) when there is none."""
    path = Path(ref)
    # A file path, not a folder that happens to be named like a scenario id.
    if path.suffix in {".yaml", ".yml"} or path.is_file():
        return Entry(path, load_scenario(path))
    for candidate in scenario_files(directory):
        if candidate.name == f"{ref}{SUFFIX}":
            return Entry(candidate, load_scenario(candidate))
    entries, _ = load_catalog(directory)
    for entry in entries:
        if entry.scenario.id == ref:
            return entry
    known = ", ".join(e.scenario.id for e in entries) or ENGINE.said("none")
    raise UnknownScenario("unknown_scenario", ref=ref, known=known)
