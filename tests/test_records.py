"""The records store: attempts committed turn by turn, never lost, read back exactly."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from scoring.transcript import Transcript
from scoring.understanding import identity as understanding_identity
from simulator.cli.main import main
from simulator.engine.journal import read_journal
from simulator.engine.loader import load_scenario
from simulator.engine.reporting import report_for
from simulator.engine.scenario import Scenario
from simulator.engine.session import ResumeError, Session
from simulator.records import Store, StoreError, best_by_scenario, parse_target
from simulator.records.db import Database
from simulator.records.migrations import CURRENT_VERSION
from simulator.records.owner import STALE_AFTER, Owner, this_process
from simulator.records.sink import RecordingSink
from tests.calls import FORGETFUL_GOOD, kill_play_after

ROOT = Path(__file__).resolve().parent.parent
FORGETFUL = ROOT / "scenarios" / "cc-m1-forgetful.scenario.yaml"
GOOD = FORGETFUL_GOOD
BAD = ["喂，王敏吗？", "你欠的钱再不还，我们就报警抓你坐牢。", "你这种人真是不要脸。"]
# The stable shape of `hr attempts --json` and `--csv`, in column order.
ATTEMPT_KEYS_ORDER = (
    "id",
    "trainee",
    "scenario",
    "mode",
    "status",
    "trainee_turns",
    "score",
    "passed",
    "started_at",
)
ATTEMPT_KEYS = set(ATTEMPT_KEYS_ORDER)


def record(
    store: Store,
    scenario: Scenario,
    lines: list[str],
    *,
    trainee: str = "alice",
    seed: int = 0,
    finish: bool = True,
) -> Session:
    session = Session(scenario, seed=seed, trainee=trainee, sink=RecordingSink(store))
    for line in lines:
        if session.ended:
            break
        session.say(line)
    if finish:
        session.end()
    return session


def cli(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def rows(db: str, table: str, order: str) -> list[dict[str, Any]]:
    with Store.open(db, create=False, version=1) as store:
        return store.db.query(f"SELECT * FROM {table} ORDER BY {order}")


@pytest.fixture
def db(store_url: str) -> str:
    """A new store, in SQLite and in PostgreSQL (see conftest.store_url)."""
    return store_url


# -- recording and reading back -------------------------------------------------------------


def test_completed_attempt_reads_back_exactly_and_its_score_is_the_rescore(
    db: str, forgetful: Scenario
) -> None:
    with Store.open(db) as store:
        session = record(store, forgetful, BAD)
        attempt_id = session.transcript.attempt_id
        loaded = store.load_transcript(attempt_id)
        assert loaded == session.transcript
        assert loaded.model_dump(mode="json") == session.transcript.model_dump(mode="json")
        rescored = report_for(loaded)
        detail = store.attempt(attempt_id)
        assert detail.summary.status == "completed"
        assert detail.summary.score == rescored.score
        assert detail.summary.passed is rescored.passed is False
        assert detail.critical is True
        assert detail.ending == session.ended == "hung_up"
        assert detail.rulepack == rescored.rulepack
        assert detail.understanding == rescored.understanding == understanding_identity()
        assert detail.scenario_hash == forgetful.content_hash
        stored = store.findings(attempt_id)
        assert [(f.turn, f.rule, f.category, f.severity, f.dimension) for f in stored] == [
            (f.turn, f.rule, f.category, f.severity, f.dimension) for f in rescored.findings
        ]
        assert stored  # this call breaks rules


def test_each_turn_is_committed_before_the_call_goes_on(db: str, forgetful: Scenario) -> None:
    with Store.open(db) as store, Store.open(db) as reader:
        session = Session(forgetful, trainee="alice", sink=RecordingSink(store))
        attempt_id = session.transcript.attempt_id
        for count, line in enumerate(GOOD[:3], start=1):
            session.say(line)
            # Another connection sees the turns at once: nothing is held in a transaction.
            turns = reader.load_transcript(attempt_id).turns
            assert len(turns) == 1 + 2 * count
        [summary] = reader.attempts()
        assert summary.status == "in_progress"  # its owner (this process) is alive
        assert summary.trainee_turns == 3
        assert summary.score is None and summary.passed is None


def test_kill_9_during_play_keeps_every_committed_turn_and_shows_interrupted(
    db: str, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said = ["请问是王敏本人吗？", "您的信用卡逾期18天了。"]
    _killed_call(db, isolated_home, said)

    with Store.open(db) as store:
        assert store.integrity_check() == "ok"
        [attempt] = store.attempts()
        assert attempt.status == "interrupted"
        assert attempt.trainee == "alice"
        assert attempt.trainee_turns == 2
        assert attempt.score is None
        transcript = store.load_transcript(attempt.id)
        assert [t.speaker for t in transcript.turns] == [
            "persona",
            "trainee",
            "persona",
            "trainee",
            "persona",
        ]
        assert [t.text for t in transcript.trainee_turns()] == said
        assert transcript.ending is None
        # The interrupted call can still be scored from the store.
        assert report_for(transcript).attempt_id == attempt.id
        assert store.attempts(status="interrupted") == [attempt]
        assert store.attempts(status="in_progress") == []

    status, out, _ = cli("hr", "attempts", "--json", "--db", str(db), capsys=capsys)
    assert status == 0
    [listed] = json.loads(out)
    assert listed["status"] == "interrupted" and listed["trainee_turns"] == 2
    status, out, _ = cli("hr", "show", attempt.id, "--db", str(db), capsys=capsys)
    assert status == 0 and "Not scored: the call is interrupted." in out


def test_in_progress_or_interrupted_follows_the_owner(db: str, forgetful: Scenario) -> None:
    now = datetime.now(UTC)
    me = this_process()
    owners = {
        "alive": me,
        # Same host, same pid, another process start: the pid was reused, the owner is gone.
        "reused": Owner(me.host, me.pid, "another-boot:1"),
        "elsewhere-recent": Owner("another-host", 1234, ""),
        "elsewhere-stale": Owner("another-host", 1234, ""),
    }
    with Store.open(db) as store:
        for name, owner in owners.items():
            session = Session(forgetful, trainee=name, sink=None)
            session.say(GOOD[0])
            store.begin_attempt(session.transcript, owner)
        store.begin_attempt(Session(forgetful, trainee="unowned").transcript, None)
        later = now + STALE_AFTER + timedelta(minutes=1)
        status = {a.trainee: a.status for a in store.attempts(now=now)}
        assert status == {
            "alive": "in_progress",
            "reused": "interrupted",
            "elsewhere-recent": "in_progress",
            "elsewhere-stale": "in_progress",
            "unowned": "in_progress",
        }
        # Another host's attempt cannot be checked: silent for longer than any call = over.
        status = {a.trainee: a.status for a in store.attempts(now=later)}
        assert status["elsewhere-stale"] == "interrupted"
        assert status["unowned"] == "interrupted"
        assert status["alive"] == "in_progress"


def test_a_dead_process_on_this_host_is_interrupted(db: str, forgetful: Scenario) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=30)
    with Store.open(db) as store:
        session = Session(forgetful, trainee="bob")
        store.begin_attempt(session.transcript, Owner(this_process().host, child.pid, ""))
        [attempt] = store.attempts()
        assert attempt.status == "interrupted"


def test_best_by_scenario_counts_every_attempt_and_keeps_the_best_score(
    db: str, forgetful: Scenario
) -> None:
    with Store.open(db) as store:
        good = record(store, forgetful, GOOD)
        record(store, forgetful, BAD)
        record(store, forgetful, GOOD[:2], finish=False)
        record(store, forgetful, GOOD, trainee="bob")
        expected = report_for(good.transcript).score
        assert store.best_by_scenario("alice") == {"cc-m1-forgetful": (expected, 3)}
        assert store.best_by_scenario("nobody") == {}
    assert best_by_scenario("alice", db) == {"cc-m1-forgetful": (expected, 3)}


def assert_totals_are_the_attempts(store: Store) -> None:
    """The trainee totals HR lists equal a count over every attempt."""
    counted = {
        r["trainee"]: (int(r["n"]), int(r["passes"]), r["best"])
        for r in store.db.query(
            "SELECT trainee, COUNT(*) AS n, SUM(CASE WHEN passed THEN 1 ELSE 0 END) AS passes,"
            " MAX(score) AS best FROM attempts GROUP BY trainee"
        )
    }
    for t in store.trainees():
        assert (t.attempts, t.passes, t.best_score) == counted.get(t.name, (0, 0, None))
    findings = [
        (r["rule"], r["severity"], int(r["n"]))
        for r in store.db.query(
            "SELECT rule, severity, COUNT(*) AS n FROM findings GROUP BY rule, severity"
            " ORDER BY n DESC, rule"
        )
    ]
    assert store.finding_counts(limit=1000) == findings


def test_trainee_totals_follow_every_attempt(db: str, forgetful: Scenario) -> None:
    with Store.open(db) as store:
        store.enrol("dan", "2026-A")
        good = record(store, forgetful, GOOD)
        assert_totals_are_the_attempts(store)
        record(store, forgetful, BAD)
        unfinished = record(store, forgetful, GOOD[:2], trainee="bob", finish=False)
        assert_totals_are_the_attempts(store)
        # Finishing an attempt again (a resumed call) recounts rather than adds.
        bad = record(store, forgetful, BAD, trainee="bob", finish=False)
        bad.end()
        store.finish_attempt(bad.transcript, report_for(bad.transcript), "x", "y")
        assert_totals_are_the_attempts(store)
        totals = {t.name: (t.attempts, t.passes, t.best_score) for t in store.trainees()}
        best = report_for(good.transcript).score
        assert totals["alice"] == (2, 1, best)
        assert totals["bob"][:2] == (2, 0)
        assert totals["dan"] == (0, 0, None)
        assert unfinished.transcript.attempt_id in {a.id for a in store.attempts(trainee="bob")}


def test_reviews_keep_the_original_finding(db: str, forgetful: Scenario) -> None:
    with Store.open(db) as store:
        attempt_id = record(store, forgetful, BAD).transcript.attempt_id
        before = store.findings(attempt_id)
        store.add_review(attempt_id, 0, "trainer-li", "reject", "the name was the debtor's own")
        store.add_review(attempt_id, 1, "trainer-li", "adjust", "verified on the next line")
        with pytest.raises(StoreError, match="reason"):
            store.add_review(attempt_id, 1, "trainer-li", "adjust", " ")
        with pytest.raises(StoreError, match="verdict"):
            store.add_review(attempt_id, 1, "trainer-li", "delete")
        with pytest.raises(StoreError, match="no finding 99"):
            store.add_review(attempt_id, 99, "trainer-li", "accept")
        after = store.findings(attempt_id)
        assert [f.rule for f in after] == [f.rule for f in before]
        assert [r.verdict for r in after[0].reviews] == ["reject"]
        assert after[1].reviews[0].reason == "verified on the next line"
        assert all(not f.reviews for f in after[2:])


# -- many recorders at once -----------------------------------------------------------------


def _recorder_process(db: str, worker: int, calls: int, start: Any, results: Any) -> None:
    try:
        scenario = load_scenario(FORGETFUL)
        start.wait()
        with Store.open(db) as store:  # all open the new file at once: they race to create it
            for call in range(calls):
                # Four trainees, four processes each: their totals are counted concurrently.
                # Seeds 0, 3, … meet the budget GOOD's recap fits (she pays it all today).
                seed = call * 3
                session = record(store, scenario, GOOD, trainee=f"t{worker % 4}", seed=seed)
                transcript = session.transcript
                score = report_for(transcript).score
                results.put((transcript.attempt_id, len(transcript.turns), score))
    except BaseException:
        results.put(("error", worker, traceback.format_exc()))
        raise


def test_16_concurrent_recorders_lose_nothing(db: str) -> None:
    workers, calls = 16, 2
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(workers)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_recorder_process, args=(str(db), n, calls, start, results))
        for n in range(workers)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=600)  # a guard against a hang, not a timing assertion
    reported = []
    while not results.empty():
        reported.append(results.get(timeout=10))
    errors = [r[2] for r in reported if r[0] == "error"]
    assert errors == []
    assert [proc.exitcode for proc in procs] == [0] * workers
    assert len(reported) == workers * calls

    with Store.open(db) as store:
        assert store.integrity_check() == "ok"
        if store.db.backend == "sqlite":
            assert store.db.query("PRAGMA foreign_key_check") == []
        attempts = {a.id: a for a in store.attempts()}
        assert len(attempts) == workers * calls
        for attempt_id, turns, score in reported:
            assert attempts[attempt_id].status == "completed"
            assert attempts[attempt_id].score == score
            assert len(store.load_transcript(attempt_id).turns) == turns
        assert {t.name: (t.attempts, t.passes) for t in store.trainees()} == {
            f"t{n}": (workers // 4 * calls,) * 2 for n in range(4)
        }
        assert_totals_are_the_attempts(store)


# -- schema migrations ----------------------------------------------------------------------


def test_migration_from_version_1_keeps_all_data(db: str, forgetful: Scenario) -> None:
    assert CURRENT_VERSION == 10
    with Store.open(db, version=1) as old:
        assert old.schema_version() == 1
        assert not old.db.table_exists("reviews")
        finished = record(old, forgetful, BAD).transcript
        unfinished = record(old, forgetful, GOOD[:3], trainee="bob", finish=False).transcript
        record(old, forgetful, GOOD, trainee="dan")  # a pass, from before passes were summed
        old.enrol("carol", "2026-A")
    tables = {
        "trainees": "name",
        "attempts": "id",
        "turns": "attempt_id, turn_index",
        "findings": "attempt_id, seq",
    }
    before = {table: rows(db, table, order) for table, order in tables.items()}
    assert all(before.values())

    with Store.open(db) as store:
        assert store.schema_version() == CURRENT_VERSION
        after = {table: rows(db, table, order) for table, order in tables.items()}
        # Version 9's column: what read the lines is not known for attempts before it.
        assert [row.pop("understanding") for row in after["attempts"]] == [None] * 3
        assert after == before
        assert store.load_transcript(finished.attempt_id) == finished
        assert store.attempt(finished.attempt_id).understanding is None  # not known then
        assert store.load_transcript(unfinished.attempt_id) == unfinished
        assert store.add_review(finished.attempt_id, 0, "trainer", "accept")
        versions = store.db.query("SELECT version FROM schema_version ORDER BY version")
        assert [v["version"] for v in versions] == list(range(1, CURRENT_VERSION + 1))
        assert store.db.table_exists("notes")
        assert store.db.table_exists("users") and store.db.table_exists("secrets")
        assert_totals_are_the_attempts(store)  # counted from the attempts already there
        assert {t.name: t.attempts for t in store.trainees()} == {
            "alice": 1,
            "bob": 1,
            "carol": 0,
            "dan": 1,
        }
        a_day_ago = datetime.now(UTC) - timedelta(days=1)
        assert store.qualifying(
            ["cc-m1-forgetful"], min_score=80, exam=False, finished_since=a_day_ago
        ) == {"dan": {"cc-m1-forgetful"}}
        indexes = store.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'index'"
            if store.db.backend == "sqlite"
            else "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
        )
        assert {"attempts_trainee", "findings_rule"} <= {i["name"] for i in indexes}
    with Store.open(db) as again:  # opening a current database changes nothing
        assert again.schema_version() == CURRENT_VERSION


def test_a_newer_database_is_refused(db: str) -> None:
    with Store.open(db) as store:
        store.db.execute("INSERT INTO schema_version VALUES (99, 'later')")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store.open(db)


def test_a_foreign_database_is_refused_and_left_alone(db: str) -> None:
    foreign = Database.connect(parse_target(db))
    foreign.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(StoreError, match="not a CollectSim database"):
        Store.open(db)
    assert not foreign.table_exists("attempts") and not foreign.table_exists("schema_version")
    foreign.close()


def test_the_database_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    with Store.open(tmp_path / "records.db") as store:
        assert store.db.scalar("PRAGMA journal_mode") == "wal"
        assert store.db.scalar("PRAGMA foreign_keys") == 1
        assert store.db.scalar("PRAGMA busy_timeout") >= 1000


def test_where_the_store_is(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLLECTSIM_DB", raising=False)
    assert parse_target(None).location == str(isolated_home / "collectsim.db")
    monkeypatch.setenv("COLLECTSIM_DB", str(tmp_path / "env.db"))
    assert parse_target(None).location == str(tmp_path / "env.db")
    assert parse_target(str(tmp_path / "opt.db")).location == str(tmp_path / "opt.db")
    assert parse_target("sqlite:////abs/x.db").location == "/abs/x.db"
    assert parse_target("sqlite:///rel/x.db").location == "rel/x.db"
    pg = parse_target("postgresql://hr:secret@127.0.0.1:1/collectsim")
    assert pg.backend == "postgresql" and "secret" not in str(pg)
    with pytest.raises(StoreError, match="refused") as refused:
        Database.connect(pg)
    [line] = str(refused.value).splitlines()
    assert "secret" not in line and line.startswith("postgresql://hr:***@127.0.0.1:1/")


# -- the CLI --------------------------------------------------------------------------------


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    return path


def test_play_records_and_hr_attempts_json_has_the_stable_shape(
    script: Path, isolated_home: Path, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = cli(
        "play", "cc-m1-forgetful", "--script", str(script), "--trainee", "alice", capsys=capsys
    )
    assert status == 0, err
    assert str(parse_target(None)) in out  # the default store (COLLECTSIM_DB here)
    status, _, err = cli(
        "play",
        "cc-m1-forgetful",
        *("--script", str(script), "--trainee", "bob", "--mode", "exam", "--json"),
        capsys=capsys,
    )
    assert status == 0, err
    # The journal is kept as before.
    assert len(list((isolated_home / "journal").glob("*.jsonl"))) == 2

    status, out, _ = cli("hr", "attempts", "--json", capsys=capsys)
    assert status == 0
    listed = json.loads(out)
    assert [a["trainee"] for a in listed] == ["alice", "bob"]
    for attempt in listed:
        assert set(attempt) == ATTEMPT_KEYS
        assert attempt["scenario"] == "cc-m1-forgetful"
        assert attempt["status"] == "completed"
        assert attempt["trainee_turns"] == len(GOOD)
        assert isinstance(attempt["score"], float) and attempt["passed"] is True
        assert datetime.fromisoformat(attempt["started_at"]).tzinfo is not None
    assert listed[1]["mode"] == "exam"

    with Store.open(store_url) as store:
        for attempt in listed:
            assert attempt["score"] == report_for(store.load_transcript(attempt["id"])).score

    def ids(*args: str) -> list[str]:
        code, text, _ = cli("hr", "attempts", "--json", *args, capsys=capsys)
        assert code == 0
        return [a["trainee"] for a in json.loads(text)]

    assert ids("--trainee", "bob") == ["bob"]
    assert ids("--scenario", "no-such") == []
    assert ids("--status", "completed") == ["alice", "bob"]
    assert ids("--status", "interrupted") == []
    assert ids("--since", "2000-01-01") == ["alice", "bob"]
    assert ids("--since", "9999-01-01") == []
    assert ids("--since", "2000-01-01", "--until", "9999-01-01") == ["alice", "bob"]
    assert ids("--until", "2000-01-01") == []
    assert cli("hr", "enrol", "bob", "--cohort", "2026-B", capsys=capsys)[0] == 0
    assert ids("--cohort", "2026-B") == ["bob"]
    assert ids("--cohort", "2026-C") == []

    status, out, _ = cli("hr", "attempts", "--csv", capsys=capsys)
    header, *lines = out.splitlines()
    assert header.split(",") == list(ATTEMPT_KEYS_ORDER)
    assert len(lines) == 2 and lines[0].endswith(listed[0]["started_at"])

    status, out, _ = cli("hr", "show", listed[0]["id"][:6], "--json", capsys=capsys)
    shown = json.loads(out)
    assert set(shown["attempt"]) >= ATTEMPT_KEYS
    assert shown["report"]["score"] == listed[0]["score"]
    assert Transcript.model_validate(shown["transcript"]).trainee_turns()[0].text == GOOD[0]
    status, out, _ = cli("hr", "show", listed[0]["id"], capsys=capsys)
    assert status == 0 and "PASSED" in out and GOOD[-1] in out


def test_hr_trainees_by_cohort(
    db: str, forgetful: Scenario, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db) as store:
        record(store, forgetful, GOOD)
        record(store, forgetful, BAD)
        record(store, forgetful, GOOD, trainee="bob")
    assert cli("hr", "enrol", "alice", "--cohort", "2026-A", "--db", str(db), capsys=capsys)[0] == 0
    assert cli("hr", "enrol", "dan", "--cohort", "2026-A", "--db", str(db), capsys=capsys)[0] == 0
    status, out, _ = cli(
        "hr", "trainees", "--cohort", "2026-A", "--json", "--db", str(db), capsys=capsys
    )
    assert status == 0
    listed = {t["trainee"]: t for t in json.loads(out)}
    assert set(listed) == {"alice", "dan"}
    assert (listed["alice"]["attempts"], listed["alice"]["passes"]) == (2, 1)
    assert listed["alice"]["best_score"] > 90
    assert (listed["dan"]["attempts"], listed["dan"]["best_score"]) == (0, None)
    status, out, _ = cli("hr", "trainees", "--csv", "--db", str(db), capsys=capsys)
    assert out.splitlines()[0] == "trainee,cohort,attempts,passes,best_score,created_at"
    assert len(out.splitlines()) == 4


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["hr"], "name a command"),
        (["hr", "show", "abcdef"], "no attempt 'abcdef'"),
        (["hr", "attempts", "--db", "{tmp}/missing.db"], "no such database"),
        (["hr", "show", "abcdef", "--db", "{tmp}/missing.db"], "no such database"),
        (["hr", "attempts", "--since", "yesterday"], "--since"),
        (["rescore", "--until", "tomorrow"], "--until"),
        (["hr", "attempts", "--status", "lost"], "--status"),
        (["hr", "attempts", "--db", "/no/such/dir/x.db"], "no such directory"),
        (["hr", "attempts", "--db", "mysql://h/db"], "unknown database scheme"),
        (["hr", "trainees", "--db", "postgresql://hr:secret@127.0.0.1:1/db"], "refused"),
        (["hr", "enrol", "  "], "empty"),
        (["play", "cc-m1-forgetful", "--db", "x.db"], "--trainee"),
        (["play", "cc-m1-forgetful", "--trainee", ""], "empty"),
    ],
)
def test_cli_errors_are_one_line(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    Store.open().close()  # the default store exists, empty
    status, out, err = cli(*(a.format(tmp=tmp_path) for a in argv), capsys=capsys)
    assert status == 1
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith("collectsim: error: ") and message in line


def test_cli_error_on_a_file_that_is_not_a_database(tmp_path: Path, isolated_home: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not a database\n", encoding="utf-8")
    env = {**os.environ, "COLLECTSIM_HOME": str(isolated_home), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "simulator.cli.main", "hr", "attempts", "--db", str(junk)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"collectsim: error: {junk}: not a CollectSim database (not SQLite)"
    ]


def test_progress_counts_only_qualifying_passes(
    tmp_path: Path, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "good.txt"
    script.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    for trainee, mode in (("exam-taker", "exam"), ("practiser", "practice")):
        status, _, err = cli(
            "play",
            "cc-m1-forgetful",
            "--script",
            str(script),
            "--mode",
            mode,
            "--trainee",
            trainee,
            capsys=capsys,
        )
        assert status == 0, err
    status, out, err = cli("hr", "progress", "--json", capsys=capsys)
    assert status == 0, err
    by_name = {r["trainee"]: r for r in json.loads(out)}
    assert by_name["exam-taker"]["levels"][0]["met"]["cc-m1-forgetful"] is True
    assert by_name["practiser"]["levels"][0]["met"]["cc-m1-forgetful"] is False
    assert by_name["exam-taker"]["next_level"] == "L1"
    assert "cc-m1-forgetful" not in by_name["exam-taker"]["missing"]
    _, out, _ = cli("hr", "attempts", "--json", capsys=capsys)
    attempt = json.loads(out)[0]["id"]
    status, out, err = cli("score", attempt[:6], "--format", "json", capsys=capsys)
    assert status == 0, err
    assert json.loads(out)["finished"] is True


def test_rescore_shows_changes_and_keeps_the_originals(
    tmp_path: Path,
    store_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _play_rude_call(tmp_path, capsys)
    _, out, _ = cli("rescore", "--json", capsys=capsys)
    assert json.loads(out) == []  # same pack, nothing changed
    # A newer pack that no longer flags the insult: the rescore says so, the record stays.
    from scoring import compliance

    judge = compliance.judge_for("CN")
    lenient = compliance.Judge(
        judge.pack.model_copy(
            update={"rules": [r for r in judge.pack.rules if r.id != "CN-INSULT-ABUSE"]}
        )
    )
    monkeypatch.setattr("simulator.engine.reporting.judge_for", lambda jurisdiction: lenient)
    _, out, _ = cli("rescore", "--json", capsys=capsys)
    [change] = json.loads(out)
    assert change["rules_removed"] == ["CN-INSULT-ABUSE"]
    assert change["new"]["score"] > change["old"]["score"]
    _, out, _ = cli("hr", "attempts", "--json", capsys=capsys)
    assert json.loads(out)[0]["score"] == change["old"]["score"]


def test_rescore_says_when_other_exemplars_read_the_lines(
    tmp_path: Path,
    store_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _play_rude_call(tmp_path, capsys)
    then = understanding_identity()
    status, out, err = cli("hr", "show", "--json", _only_attempt(capsys), capsys=capsys)
    assert status == 0, err
    assert json.loads(out)["report"]["understanding"] == then
    now = then.replace(" · exemplars ", " · exemplars 0")
    monkeypatch.setattr("scoring.scorer.understanding_identity", lambda: now)
    _, out, _ = cli("rescore", "--all", capsys=capsys)
    assert f"    read then by {then}; now by {now}" in out.splitlines()
    _, out, _ = cli("rescore", "--json", "--all", capsys=capsys)
    [result] = json.loads(out)
    assert (result["old"]["understanding"], result["new"]["understanding"]) == (then, now)


def _play_rude_call(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Trainee "a" plays cc-m1-forgetful from a script with an insult in it, recorded."""
    script = tmp_path / "rude.txt"
    script.write_text("请问是王敏本人吗？\n你这种老赖！\n", encoding="utf-8")
    status, _, err = cli(
        "play", "cc-m1-forgetful", "--script", str(script), "--trainee", "a", capsys=capsys
    )
    assert status == 0, err


def _only_attempt(capsys: pytest.CaptureFixture[str]) -> str:
    _, out, _ = cli("hr", "attempts", "--json", capsys=capsys)
    [attempt] = json.loads(out)
    return str(attempt["id"])


def test_rescore_says_why_a_finding_changed(
    tmp_path: Path,
    store_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An attempt judged by the 2026.11 pack, which flagged an accurate statement of the right to
    sue, loses that finding under the current pack, and the rescore quotes the pack's reason."""
    from scoring import compliance

    current = compliance.judge_for("CN")
    rule = current.pack.rule("CN-LAWSUIT-THREAT-NO-BASIS")
    old_rules = [
        r.model_copy(update={"unless": []}) if r is rule else r for r in current.pack.rules
    ]
    # The old pack judged by its rules alone: meaning now also clears the hedged line
    # ("可能…诉讼"), and the finding to lose is the old rule's own.
    old = compliance.Judge(
        current.pack.model_copy(update={"rules": old_rules, "version": "2026.11.1"}),
        semantic=False,
    )
    for where in ("session", "reporting"):
        monkeypatch.setattr(f"simulator.engine.{where}.judge_for", lambda jurisdiction: old)
    monkeypatch.setattr("simulator.records.sink.judge_for", lambda jurisdiction: old)
    script = tmp_path / "lawful.txt"
    script.write_text(
        "请问是王敏本人吗？\n如果一直逾期，我司可能会依法通过诉讼途径主张权利。\n", encoding="utf-8"
    )
    status, _, err = cli(
        "play", "cc-m1-forgetful", "--script", str(script), "--trainee", "c", capsys=capsys
    )
    assert status == 0, err
    for where in ("session", "reporting"):
        monkeypatch.setattr(f"simulator.engine.{where}.judge_for", compliance.judge_for)
    monkeypatch.setattr("simulator.records.sink.judge_for", compliance.judge_for)
    _, out, _ = cli("rescore", "--json", capsys=capsys)
    [change] = json.loads(out)
    assert change["old"]["rulepack"].startswith("CN 2026.11.1 ")
    assert "CN-LAWSUIT-THREAT-NO-BASIS" in change["rules_removed"]
    # Every change since 2026.11.1, oldest first (2026.12.1, .9, .10, .12, .13, .18).
    assert change["reasons"]["CN-LAWSUIT-THREAT-NO-BASIS"] == (
        "如实说明「可能依法通过诉讼主张权利」不再扣分；本条标为机构规定。"
        "假设将来起诉并说明会先收到法院正式文书、把起诉说成可能并讲明是法律赋予的权利或表示更愿意协商、"
        "或说明起诉尚未决定，都是如实告知，不再扣分。"
        "把起诉说成贷款机构（平台、银行、我司）可能采取的做法、句中没有限期或施压的，是如实告知，不再扣分；"
        "「真要起诉，法院会依法送达」同样不算。"
        "把起诉本身当作假设（「真走到诉讼那步，……」「万一闹到打官司，……」）再如实讲后面的程序、"
        "句中没有施压的，不再扣分；公司或机构可能委托律师起诉的如实说明同样不算。"
        "把起诉当作让步（「就算真被起诉了，也就是判你还本金利息」「即使起诉，顶多……」）来说明后果有限、"
        "句中没有施压的，不再扣分。"
        "否定范围：「您刚才说／您上次讲」这类隔着时间词转述对方的话（「您刚才说要去法院起诉我们，这是您的权利」），"
        "同「您说」一样不再扣分。"
    )
    _, out, _ = cli("rescore", capsys=capsys)
    assert "    CN-LAWSUIT-THREAT-NO-BASIS: 如实说明「可能依法通过诉讼主张权利」不再扣分" in out


def test_trainer_review_sits_beside_the_finding(
    tmp_path: Path, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "rude.txt"
    script.write_text("请问是王敏本人吗？\n你这种老赖！\n", encoding="utf-8")
    cli("play", "cc-m1-forgetful", "--script", str(script), "--trainee", "b", capsys=capsys)
    _, out, _ = cli("hr", "attempts", "--json", capsys=capsys)
    attempt = json.loads(out)[0]["id"]
    status, _, err = cli(
        "hr", "review", attempt, "0", "--verdict", "adjust", "--reviewer", "t", capsys=capsys
    )
    assert status == 1 and "needs a reason" in err
    status, _, err = cli(
        "hr",
        "review",
        attempt,
        "0",
        "--verdict",
        "reject",
        "--reviewer",
        "t",
        "--reason",
        "quoting the customer",
        capsys=capsys,
    )
    assert status == 0, err
    _, out, _ = cli("hr", "show", attempt, "--json", capsys=capsys)
    shown = json.loads(out)
    first = shown["report"]["findings"][0]
    assert first["reviews"][0]["verdict"] == "reject"
    assert first["rule"]  # the original finding is still there


def test_exports_csv_and_xapi(
    tmp_path: Path, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    script = tmp_path / "good.txt"
    script.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    cli(
        "play",
        "cc-m1-forgetful",
        "--script",
        str(script),
        "--trainee",
        "c",
        "--mode",
        "exam",
        capsys=capsys,
    )
    status, out, err = cli("hr", "export", "--format", "xapi", capsys=capsys)
    assert status == 0, err
    [stmt] = json.loads(out)
    assert stmt["actor"]["account"]["name"] == "c"
    assert stmt["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert stmt["object"]["id"] == "urn:collectsim:scenario:cc-m1-forgetful"
    # Named by its title, not its id (an LMS showed "cc-m1-forgetful").
    assert stmt["object"]["definition"]["name"] == {
        "en-US": "Credit card 18 days late — the office worker who forgot",
        "zh-CN": "信用卡逾期18天——忘记还款的白领",
    }
    result = stmt["result"]
    assert result["success"] is True and 0 < result["score"]["scaled"] <= 1
    assert result["duration"].startswith("PT")
    assert "transcript" not in json.dumps(stmt)  # full transcripts stay local
    again = json.loads(cli("hr", "export", "--format", "xapi", capsys=capsys)[1])
    assert again[0]["context"]["registration"] == stmt["context"]["registration"]
    status, out, _ = cli("hr", "export", capsys=capsys)
    header, row = out.splitlines()
    assert header.startswith("id,trainee,scenario,mode,status")
    assert ",c,cc-m1-forgetful,exam,completed," in row


def test_hr_overview_agrees_with_the_per_attempt_rules(db: str) -> None:
    from simulator.training.hr import overview
    from simulator.training.tracks import load_tracks, progress
    from tests.records_seed import fixed_now, seed

    [track] = load_tracks(Path(__file__).resolve().parent.parent / "scenarios" / "tracks")
    scenarios = sorted({s for level in track.levels for s in level.scenarios})
    now = fixed_now()
    with Store.open(db) as store:
        seed(store, scenarios, trainees=12, attempts=1500, cohorts=3, now=now)
        # The seeded records hold the hard case: a recent pass below a level's score beside
        # an older one above it (pass_marks alone cannot tell; the attempts must).
        hard = store.db.scalar(
            "SELECT COUNT(*) FROM pass_marks WHERE last_score < ? AND best_score >= ?",
            (track.levels[-1].min_score, track.levels[-1].min_score),
        )
        assert hard > 0
        rows = overview(store, track, now)
        assert len(rows) == 12
        reached = {r.level for r in rows}
        assert len(reached) > 1  # the seeded cohort spans several levels
        for row in rows:
            slow = progress(track, store.results(row.trainee), now)
            assert row.level == (slow.highest.id if slow.highest else None)
            stuck = slow.stuck_at()
            assert row.next_level == (stuck[0].id if stuck else None)
            assert row.missing == (stuck[1] if stuck else [])
            assert row.levels == [(lp.level.id, lp.achieved, lp.met) for lp in slow.levels]


def test_finding_statistics_of_a_cohort_count_its_findings(db: str, forgetful: Scenario) -> None:
    from simulator.training.hr import top_findings
    from tests.records_seed import fixed_now, seed

    with Store.open(db) as store:
        seed(store, ["cc-m1-forgetful"], trainees=9, attempts=600, cohorts=3, now=fixed_now())
        record(store, forgetful, BAD, trainee="t00001")  # a live call adds to its cohort
        counted = [
            (r["rule"], r["severity"], int(r["n"]))
            for r in store.db.query(
                "SELECT f.rule, f.severity, COUNT(*) AS n FROM findings f"
                " JOIN attempts a ON a.id = f.attempt_id JOIN trainees t ON t.name = a.trainee"
                " WHERE t.cohort = ? GROUP BY f.rule, f.severity ORDER BY n DESC, f.rule",
                ("c01",),
            )
        ]
        assert "CN-INSULT-ABUSE" in {rule for rule, _, _ in counted}
        assert top_findings(store, cohort="c01", limit=100) == counted
        assert top_findings(store, cohort="c01", limit=2) == counted[:2]
        assert top_findings(store, cohort="nobody") == []
        assert_totals_are_the_attempts(store)


# -- resuming an interrupted call -----------------------------------------------------------


def _killed_call(db: str, home: Path, said: list[str]) -> str:
    """A recorded `play` process killed -9 after the persona answered every line of `said`."""
    status = kill_play_after(home, said, "--trainee", "alice", "--db", db)
    assert status == -signal.SIGKILL
    with Store.open(db) as store:
        [attempt] = store.attempts()
    assert attempt.status == "interrupted"
    return attempt.id


def test_an_interrupted_call_is_resumed_where_it_stopped(
    db: str, isolated_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attempt_id = _killed_call(db, isolated_home, GOOD[:2])
    rest = tmp_path / "rest.txt"
    rest.write_text("\n".join(GOOD[2:]) + "\n", encoding="utf-8")
    status, out, err = cli("play", "--resume", attempt_id[:6], "--script", str(rest), capsys=capsys)
    assert status == 0, err
    assert out.count(GOOD[0]) == 1  # the call so far is shown once, then it goes on
    with Store.open(db) as store:
        [attempt] = store.attempts()
        assert (attempt.id, attempt.status, attempt.trainee) == (attempt_id, "completed", "alice")
        stored = store.load_transcript(attempt_id)
        # The same call as if it had never stopped: same seed, same replies, one attempt.
        uninterrupted = Session(load_scenario(FORGETFUL), trainee="alice")
        for line in GOOD:
            uninterrupted.say(line)
        assert [(t.speaker, t.text) for t in stored.turns] == [
            (t.speaker, t.text) for t in uninterrupted.transcript.turns
        ]
        assert (
            attempt.score == report_for(stored).score == report_for(uninterrupted.transcript).score
        )
        assert_totals_are_the_attempts(store)
    # The journal was taken up too, and tells the same call.
    journaled, finished = read_journal(isolated_home / "journal" / f"{attempt_id}.jsonl")
    assert finished and journaled.turns == stored.turns
    status, _, err = cli("play", "--resume", attempt_id, capsys=capsys)
    assert status == 1 and "is completed; score it instead" in err


def test_a_call_still_running_cannot_be_resumed_elsewhere(db: str, forgetful: Scenario) -> None:
    with Store.open(db) as store:
        live = record(store, forgetful, GOOD[:2], finish=False)  # owned by this process
        with pytest.raises(StoreError, match="still in progress"):
            store.take_over(live.transcript.attempt_id, Owner("elsewhere", 1, ""))


def test_a_reply_lost_with_the_process_is_recorded_on_resume(db: str, forgetful: Scenario) -> None:
    with Store.open(db) as store:
        session = Session(forgetful, trainee="bob")
        for line in GOOD[:2]:
            session.say(line)
        child = subprocess.Popen([sys.executable, "-c", "pass"])
        child.wait(timeout=30)
        dead = Owner(this_process().host, child.pid, "")  # its process has gone
        store.begin_attempt(session.transcript.model_copy(update={"turns": []}), dead)
        for turn in session.transcript.turns[:-1]:  # the last reply never reached the store
            store.add_turn(session.transcript.attempt_id, turn)
        transcript = store.take_over(session.transcript.attempt_id, this_process())
        resumed = Session.resumed(forgetful, transcript, RecordingSink(store))
        assert resumed.transcript.turns == session.transcript.turns
        assert store.load_transcript(session.transcript.attempt_id).turns == (
            session.transcript.turns
        )


def test_a_changed_scenario_is_not_resumed(db: str, forgetful: Scenario) -> None:
    session = Session(forgetful, trainee="carol")
    session.say(GOOD[0])
    changed = forgetful.model_copy(update={"content_hash": "0" * 16})
    with Store.open(db) as store, pytest.raises(ResumeError, match="has changed since"):
        Session.resumed(changed, session.transcript, RecordingSink(store))
