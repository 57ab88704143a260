"""A large catalog is loaded over worker processes: the problems and outlines it reports
are the ones loading file after file reports, in the same order and both languages."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from simulator.authoring import parallel_load
from simulator.authoring.validation import validate
from simulator.engine.paths import SHIPPED_SCENARIOS
from simulator.engine.yamlsafe import Problem

BASE = SHIPPED_SCENARIOS / "cc-m1-forgetful.scenario.yaml"
Validated = tuple[int, list[Problem]]


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """The shipped catalog and 24 copies of one scenario, three of them broken."""
    folder = tmp_path / "catalog"
    shutil.copytree(SHIPPED_SCENARIOS, folder)
    text = BASE.read_text("utf-8")
    for n in range(24):
        copy = text.replace("\nid: cc-m1-forgetful\n", f"\nid: cc-copy-{n:02d}\n", 1)
        if n == 3:
            copy = copy.replace("\ndifficulty: 1\n", "\ndifficulty: 9\nextra: 1\n")
        if n == 11:
            copy += "\nbroken: [\n"
        if n == 20:
            copy = copy.replace("\njurisdiction: CN\n", "\njurisdiction: XX\n")
        (folder / f"cc-copy-{n:02d}.scenario.yaml").write_text(copy, "utf-8")
    return folder


def _said(problems: list[Problem]) -> list[tuple[str, str, dict[str, object]]]:
    return [(p.in_lang("zh"), p.in_lang("en"), p.as_dict("zh")) for p in problems]


def _validated(catalog: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> Validated:
    """The catalog validated with `workers` processes (workers from 8 new files on)."""
    monkeypatch.setattr(parallel_load, "worker_count", lambda: workers)
    monkeypatch.setattr(parallel_load, "MIN_FILES", 8)
    return validate([catalog])


def test_workers_report_what_one_process_reports(
    catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _validated(catalog, monkeypatch, 1)
    shared = _validated(catalog, monkeypatch, 2)
    assert shared[0] == alone[0] == 57
    assert _said(shared[1]) == _said(alone[1])
    named = [Path(p.file).name for p in shared[1]]
    assert sorted(set(named)) == [
        "cc-copy-03.scenario.yaml",
        "cc-copy-11.scenario.yaml",
        "cc-copy-20.scenario.yaml",
    ]
    assert named == sorted(named)  # in the files' order


def _dies(span: tuple[int, int]) -> list[dict[str, object]]:
    os._exit(1)  # a worker killed mid-load (out of memory, a signal)


def test_a_worker_that_dies_leaves_the_files_to_this_process(
    catalog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _validated(catalog, monkeypatch, 1)
    monkeypatch.setattr(parallel_load, "_load_span", _dies)
    assert _said(_validated(catalog, monkeypatch, 2)[1]) == _said(alone[1])


def test_spans_cover_every_file_once() -> None:
    for count in (1, 7, 199, 200, 2_000):
        for workers in (2, 3, 8):
            spans = parallel_load._spans(count, workers)
            covered = [i for start, end in spans for i in range(start, end)]
            assert covered == list(range(count))
            assert len(spans) <= workers * parallel_load.SPANS_PER_WORKER
