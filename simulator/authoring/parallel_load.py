"""Scenario files loaded over the machine's cores when a catalog is large.

Parsing is a file's cost (libyaml's events, built into plain data in Python) and files do
not depend on one another, so the files of a large catalog are shared among worker
processes forked from this one: they inherit the files' bytes, already read, and the rule
packs and intent catalog, already loaded. Each result comes back as the validation cache's
plain entry, in the files' order. Where forking is not available or not worth it (few files,
one core, threads running), or a worker dies, the files are loaded here, one after another:
the results are the same either way (a test holds them equal).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from simulator.authoring.validation_cache import (
    Outline,
    Result,
    result_entry,
    result_from_entry,
)
from simulator.engine.loader import ScenarioError, load_scenario_raw

MIN_FILES = 200  # below this, starting workers costs more than they save
MAX_WORKERS = 8
SPANS_PER_WORKER = 8  # smaller pieces even out files of different sizes

# The files of the load under way: set before the workers are forked, which inherit them
# (nothing is sent to a worker but a range of indexes).
_pending: list[tuple[bytes, str]] = []


def load_one(raw: bytes, name: str) -> Result:
    """One scenario file's bytes validated: its outline, or its problems."""
    try:
        return Result(Outline.of(load_scenario_raw(raw, name)), ())
    except ScenarioError as exc:
        return Result(None, tuple(exc.problems))


def _load_span(span: tuple[int, int]) -> list[dict[str, Any]]:
    return [result_entry(load_one(*_pending[i])) for i in range(*span)]


def worker_count() -> int:
    """How many processes may load at once: the cores this process may use, where a worker
    can be forked safely (Linux, and no thread running that a fork would copy mid-step)."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0))))


def _spans(count: int, workers: int) -> list[tuple[int, int]]:
    size = max(1, -(-count // (workers * SPANS_PER_WORKER)))
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def load_all(files: list[tuple[bytes, str]], workers: int | None = None) -> list[Result]:
    """Each file's result, in order; over `workers` processes (default: `worker_count()`)
    when there are enough files to be worth it."""
    global _pending
    workers = worker_count() if workers is None else workers
    if workers < 2 or len(files) < MIN_FILES:
        return [load_one(raw, name) for raw, name in files]
    # The first file loaded here warms what every worker needs (packs, intent catalog).
    first = load_one(*files[0])
    rest = files[1:]
    _pending = rest
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            entries = [e for part in pool.map(_load_span, _spans(len(rest), workers)) for e in part]
    except (BrokenProcessPool, OSError):  # a worker killed, or no process could start
        return [first, *(load_one(raw, name) for raw, name in rest)]
    finally:
        _pending = []
    results = [first]
    for entry, (raw, name) in zip(entries, rest, strict=True):
        result = result_from_entry(entry, name)
        results.append(result if result is not None else load_one(raw, name))
    return results
