"""Validation results kept by content, so re-validating an unchanged catalog reads no YAML.

A centre's catalog of thousands of scenarios is validated on every commit and after every
edit; parsing is most of the cost and almost every file is unchanged. As ruff and mypy do,
each scenario file's result (its problems, or the outline other files are checked against)
is kept under a key made of its bytes, and the whole cache under a fingerprint of the
validator itself: its source, the data it reads, the versions of Python and of the
libraries that parse and check. Any change to either validates again, so a cached result
is always the one a fresh run would give (a test holds them equal). Nothing in it is
trusted beyond that: an unreadable or foreign cache file is ignored and written anew.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
import yaml

import scoring
from scoring.i18n import Bilingual
from simulator.engine.paths import PACKAGE, cache_root
from simulator.engine.scenario import Scenario
from simulator.engine.yamlsafe import Problem

# Kept across runs over different folders, up to this many files (the oldest go first).
MAX_ENTRIES = 50_000


@dataclass(frozen=True, slots=True)
class Outline:
    """What a golden test file or a track is checked against: a scenario's names."""

    id: str
    jurisdiction: str
    states: tuple[str, ...]
    endings: tuple[str, ...]
    objectives: tuple[str, ...]

    @staticmethod
    def of(scenario: Scenario) -> Outline:
        return Outline(
            id=scenario.id,
            jurisdiction=scenario.jurisdiction,
            states=tuple(scenario.states),
            endings=tuple(sorted(set(scenario.endings().values()))),
            objectives=tuple(scenario.objectives),
        )


@dataclass(frozen=True, slots=True)
class Result:
    """One scenario file validated: its outline when it loads, else its problems."""

    outline: Outline | None
    problems: tuple[Problem, ...]


def _sources() -> list[Path]:
    """What validation reads besides the file: the code and the small data files beside it."""
    found: list[Path] = []
    for root in (PACKAGE, Path(scoring.__file__).resolve().parent):
        found += root.rglob("*.py")
        found += root.rglob("data/*.yaml")
    return sorted(found)


@cache
def fingerprint() -> str:
    """The validator's identity: a change to its code, data or libraries changes it."""
    digest = hashlib.sha256()
    for part in (sys.version, yaml.__version__, pydantic.VERSION):
        digest.update(part.encode() + b"\0")
    for path in _sources():
        digest.update(str(path.relative_to(path.parents[1])).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:32]


def _problem_row(problem: Problem) -> list[Any]:
    # Both languages as said: a cached problem is shown in whichever the reader uses.
    said = problem.said
    return [
        problem.line,
        problem.col,
        problem.code,
        said.get("zh"),
        said.get("en"),
        problem.severity,
    ]


def result_entry(result: Result) -> dict[str, Any]:
    """A result as plain JSON data: what the cache keeps, and what a worker process sends."""
    if result.outline is not None:
        o = result.outline
        return {"o": [o.id, o.jurisdiction, list(o.states), list(o.endings), list(o.objectives)]}
    return {"p": [_problem_row(p) for p in result.problems]}


def result_from_entry(entry: dict[str, Any], file: str) -> Result | None:
    """The result an entry holds, its problems under `file`'s name; None when the entry
    was not written by this code."""
    try:
        if "o" in entry:
            name, jurisdiction, states, endings, objectives = entry["o"]
            outline = Outline(
                str(name),
                str(jurisdiction),
                tuple(map(str, states)),
                tuple(map(str, endings)),
                tuple(map(str, objectives)),
            )
            return Result(outline, ())
        return Result(
            None,
            tuple(
                Problem(
                    file,
                    int(line),
                    int(col),
                    Bilingual(zh=str(zh), en=str(en)),
                    str(severity),
                    str(code),
                )
                for line, col, code, zh, en, severity in entry["p"]
            ),
        )
    except (KeyError, TypeError, ValueError):
        return None


class ValidationCache:
    """Results by content under one folder; `save` writes what this run added."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / f"{fingerprint()}.json"
        self._entries: dict[str, Any] = self._read()
        self._changed = False

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        entries = data.get("entries") if isinstance(data, dict) else None
        return entries if isinstance(entries, dict) else {}

    def get(self, raw: bytes, file: str) -> Result | None:
        """The cached result of a file with these bytes, its problems under `file`'s name."""
        entry = self._entries.get(_key(raw))
        return result_from_entry(entry, file) if isinstance(entry, dict) else None

    def put(self, raw: bytes, result: Result) -> None:
        key = _key(raw)
        self._entries.pop(key, None)  # re-inserted last: the newest is kept longest
        self._entries[key] = result_entry(result)
        self._changed = True

    def save(self) -> None:
        """Write the cache atomically; a folder that cannot be written keeps no cache."""
        if not self._changed:
            return
        entries = self._entries
        if len(entries) > MAX_ENTRIES:
            entries = dict(list(entries.items())[-MAX_ENTRIES:])
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            for old in self.folder.glob("*.json"):  # another validator's results
                if old != self.path:
                    old.unlink(missing_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"entries": entries}, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            return
        self._changed = False


def default_cache() -> ValidationCache:
    return ValidationCache(cache_root() / "validation")
