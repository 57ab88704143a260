"""HR listings page and stream: `--limit`/`--offset`, `--jsonl`, memory flat in the store's
size (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from simulator.cli.main import main
from simulator.records import Store
from tests.records_seed import fixed_now, seed

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ["cc-m1-forgetful", "cc-m2-hardship", "cc-m3-dispute"]
ATTEMPTS = 250
TRAINEES = 30


@pytest.fixture
def seeded(store_url: str) -> Iterator[str]:
    with Store.open(store_url) as store:
        seed(store, SCENARIOS, trainees=TRAINEES, attempts=ATTEMPTS, cohorts=3, now=fixed_now())
    yield store_url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    status, out, err = run(capsys, *argv)
    assert status == 0, err
    records: list[dict[str, object]] = json.loads(out)
    return records


def test_attempt_pages_are_the_whole_list_in_order_without_overlap(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    everything = listed(capsys, "hr", "attempts", "--json")
    assert len(everything) == ATTEMPTS
    keys = [(a["started_at"], a["id"]) for a in everything]
    with Store.open(seeded) as store:
        stored = [a.id for a in store.attempts()]
    assert [a["id"] for a in everything] == stored
    pages = [
        listed(capsys, "hr", "attempts", "--json", "--limit", "100", "--offset", str(offset))
        for offset in (0, 100, 200, 300)
    ]
    assert [len(p) for p in pages] == [100, 100, 50, 0]
    assert [a for page in pages for a in page] == everything
    assert len(keys) == len(set(keys))
    assert listed(capsys, "hr", "attempts", "--json", "--limit", "0") == []
    # An offset alone (SQLite needs a LIMIT before OFFSET: the store writes one).
    assert listed(capsys, "hr", "attempts", "--json", "--offset", "245") == everything[245:]
    # Filters and pages together: the page is cut after the filter.
    bob = [a for a in everything if a["trainee"] == "t00007"]
    assert len(bob) > 4
    assert (
        listed(
            capsys,
            "hr",
            "attempts",
            "--json",
            "--trainee",
            "t00007",
            "--limit",
            "3",
            "--offset",
            "2",
        )
        == bob[2:5]
    )


def test_json_is_the_same_array_as_before_and_jsonl_one_record_a_line(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "hr", "attempts", "--json", "--limit", "3")
    assert status == 0
    records = json.loads(out)
    # Streamed element by element, yet byte for byte the indented array it always was.
    assert out == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    status, out, _ = run(capsys, "hr", "attempts", "--jsonl", "--limit", "3")
    lines = out.splitlines()
    assert [json.loads(line) for line in lines] == records
    assert all("\n" not in line and line.startswith('{"id":"a') for line in lines)
    status, out, _ = run(capsys, "hr", "attempts", "--json", "--offset", "1000")
    assert out == "[]\n"
    status, out, _ = run(capsys, "hr", "attempts", "--jsonl", "--offset", "1000")
    assert status == 0 and out == ""


def test_status_pages_are_cut_after_the_reported_status(
    seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Calls cut off are read, not stored as such: their page is cut after reading them.
    with Store.open(seeded) as store:
        ids = [a.id for a in store.attempts()]
        cut = ids[10:60:10]  # 5 attempts
        for attempt_id in cut:
            store.db.execute(
                "UPDATE attempts SET status = 'interrupted', score = NULL, passed = NULL"
                " WHERE id = ?",
                (attempt_id,),
            )
    page = listed(
        capsys,
        "hr",
        "attempts",
        "--json",
        "--status",
        "interrupted",
        "--limit",
        "2",
        "--offset",
        "1",
    )
    assert [a["id"] for a in page] == cut[1:3]
    assert all(a["status"] == "interrupted" for a in page)
    completed = listed(
        capsys, "hr", "attempts", "--json", "--status", "completed", "--offset", "240"
    )
    assert len(completed) == ATTEMPTS - len(cut) - 240


def test_trainee_progress_and_export_pages(seeded: str, capsys: pytest.CaptureFixture[str]) -> None:
    names = [t["trainee"] for t in listed(capsys, "hr", "trainees", "--json")]
    assert names == [f"t{n:05d}" for n in range(TRAINEES)]
    page = listed(capsys, "hr", "trainees", "--json", "--limit", "4", "--offset", "26")
    assert [t["trainee"] for t in page] == ["t00026", "t00027", "t00028", "t00029"]
    status, out, _ = run(capsys, "hr", "trainees", "--limit", "2")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == ["TRAINEE", "t00000", "t00001"]
    progress = listed(capsys, "hr", "progress", "--json", "--limit", "2", "--offset", "5")
    assert [p["trainee"] for p in progress] == ["t00005", "t00006"]
    status, out, _ = run(capsys, "hr", "progress", "--jsonl", "--limit", "3")
    assert [json.loads(line)["trainee"] for line in out.splitlines()] == [
        "t00000",
        "t00001",
        "t00002",
    ]
    status, out, _ = run(capsys, "hr", "export", "--limit", "5", "--offset", "10")
    header, *rows = out.splitlines()
    everything = listed(capsys, "hr", "attempts", "--json")
    assert header.startswith("id,trainee,")
    assert [row.split(",")[0] for row in rows] == [a["id"] for a in everything[10:15]]


@pytest.mark.parametrize("option", ["--limit", "--offset"])
def test_a_negative_page_is_a_one_line_error(
    seeded: str, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "hr", "attempts", option, "-1")
    assert status == 1 and out == ""
    assert err == f"collectsim: error: {option}: -1 is not a count (0 or more)\n"


class _Count(io.TextIOBase):
    """A stdout that keeps nothing (a StringIO would itself grow with the output)."""

    def __init__(self) -> None:
        self.written = 0

    def write(self, text: str) -> int:
        self.written += len(text)
        return len(text)


def _peak_bytes(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    sink = _Count()
    monkeypatch.setattr("sys.stdout", sink)
    tracemalloc.start()
    try:
        assert main(argv) == 0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        monkeypatch.undo()
    assert sink.written > 50
    return peak


@pytest.mark.parametrize("form", ["--csv", "--jsonl", "--json", "table"])
def test_listing_memory_stays_flat_in_the_number_of_attempts(
    store_url: str, form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(store_url) as store:
        seed(store, SCENARIOS, trainees=50, attempts=9_000, cohorts=2, now=fixed_now())
    fmt = [] if form == "table" else [form]
    # Imports and first-use caches are paid once, before measuring.
    _peak_bytes(["hr", "attempts", *fmt, "--limit", "1", "--db", store_url], monkeypatch)
    # A quarter of the attempts, then all of them: streamed, the peak is one batch of rows
    # either way (held whole, it would grow about four times).
    quarter = _peak_bytes(
        ["hr", "attempts", *fmt, "--limit", "2250", "--db", store_url], monkeypatch
    )
    whole = _peak_bytes(["hr", "attempts", *fmt, "--db", store_url], monkeypatch)
    assert whole < 1.3 * quarter, (quarter, whole)


def test_postgresql_sessions_run_without_parallel_workers(store_url: str) -> None:
    # Short HR queries: workers cost more to start than the query (bench_records.py).
    with Store.open(store_url) as store:
        if store.db.backend != "postgresql":
            pytest.skip("a PostgreSQL setting")
        assert store.db.scalar("SHOW max_parallel_workers_per_gather") == "0"
