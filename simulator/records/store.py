"""The records store: trainees, their attempts turn by turn, findings and trainer reviews.

Each attempt pins what it was judged against (scenario id, version and content hash, and
at finish the rule pack's version and hash) and keeps its Basis, so `load_transcript`
rebuilds a transcript that scores exactly as it did live, and can be rescored later.

Times: `started_at`, `finished_at`, `recorded_at`, `created_at` are UTC text in one fixed
ISO form (sortable as text in any backend); `started_at_local` keeps the wall-clock time
with its offset as the transcript has it, and turn times (`at`) are the call's own
simulated clock, kept as the transcript has them.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import Any, ClassVar, Literal, TypedDict, Unpack, get_args

from scoring.report import Report
from scoring.transcript import Basis, Transcript, Turn
from simulator.records.db import Database, Param, Row, StoreError, Target, parse_target
from simulator.records.migrations import (
    CURRENT_VERSION,
    FINDING_TOTALS_INSERT,
    PASS_MARKS_INSERT,
    TOTALS_UPSERT,
    migrate,
    schema_version,
)
from simulator.records.owner import Owner, is_interrupted
from simulator.records.results import AttemptResult

# Reported statuses. `interrupted` and `abandoned` are read, not written by the call: its
# process is gone (see owner.py). An exam whose process is gone is `abandoned` (a failed try
# the trainee cannot take up) until a trainer re-opens it (`hr reopen`, stored `interrupted`).
Status = Literal["in_progress", "completed", "interrupted", "abandoned"]
Verdict = Literal["accept", "adjust", "reject"]
STATUSES: tuple[str, ...] = get_args(Status)
VERDICTS: tuple[str, ...] = get_args(Verdict)


def utc_text(moment: datetime) -> str:
    """The one stored form of an instant: UTC, microseconds, sortable as text."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a naive time is the local wall clock
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _now() -> datetime:
    return datetime.now(UTC)


def _opt_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """One row of `hr attempts`."""

    COLUMNS: ClassVar[tuple[str, ...]] = (
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

    id: str
    trainee: str
    scenario: str
    mode: str
    status: Status
    trainee_turns: int
    score: float | None
    passed: bool | None
    started_at: str  # ISO 8601 with the offset the call was made in

    def to_json(self) -> dict[str, object]:
        """The stable shape of `hr attempts --json`: keys are added, never renamed."""
        return {
            "id": self.id,
            "trainee": self.trainee,
            "scenario": self.scenario,
            "mode": self.mode,
            "status": self.status,
            "trainee_turns": self.trainee_turns,
            "score": self.score,
            "passed": self.passed,
            "started_at": self.started_at,
        }


@dataclass(frozen=True, slots=True)
class AttemptDetail:
    summary: AttemptSummary
    scenario_version: int
    scenario_hash: str
    jurisdiction: str
    rulepack_version: str | None
    rulepack_hash: str | None
    understanding: str | None  # None for attempts finished before it was recorded
    language: str
    seed: int
    ending: str | None
    critical: bool | None
    finished_at: str | None

    @property
    def rulepack(self) -> str | None:
        if self.rulepack_version is None:
            return None
        return f"{self.jurisdiction} {self.rulepack_version} ({self.rulepack_hash})"

    def to_json(self) -> dict[str, object]:
        return {
            **self.summary.to_json(),
            "scenario_version": self.scenario_version,
            "scenario_hash": self.scenario_hash,
            "jurisdiction": self.jurisdiction,
            "rulepack": self.rulepack,
            "understanding": self.understanding,
            "language": self.language,
            "seed": self.seed,
            "ending": self.ending,
            "critical": self.critical,
            "finished_at": self.finished_at,
        }


@dataclass(frozen=True, slots=True)
class Review:
    id: str
    reviewer: str
    verdict: Verdict
    reason: str
    at: str

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "reviewer": self.reviewer,
            "verdict": self.verdict,
            "reason": self.reason,
            "at": self.at,
        }


@dataclass(frozen=True, slots=True)
class StoredFinding:
    seq: int
    turn: int | None
    rule: str
    category: str | None
    severity: str
    dimension: str
    evidence: str
    reviews: list[Review] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "turn": self.turn,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "dimension": self.dimension,
            "evidence": self.evidence,
            "reviews": [r.to_json() for r in self.reviews],
        }


# Not frozen: HR lists build thousands of these, and a frozen dataclass is several times
# slower to make.
@dataclass(slots=True)
class TraineeSummary:
    COLUMNS: ClassVar[tuple[str, ...]] = (
        "trainee",
        "cohort",
        "attempts",
        "passes",
        "best_score",
        "created_at",
    )

    name: str
    cohort: str | None
    attempts: int
    passes: int
    best_score: float | None
    created_at: str

    def to_json(self) -> dict[str, object]:
        return {
            "trainee": self.name,
            "cohort": self.cohort,
            "attempts": self.attempts,
            "passes": self.passes,
            "best_score": self.best_score,
            "created_at": self.created_at,
        }


_SUMMARY_SQL = """
SELECT a.id, a.trainee, a.scenario_id, a.mode, a.status, a.score, a.passed,
       a.started_at, a.started_at_local, a.owner_host, a.owner_pid, a.owner_token,
       (SELECT COUNT(*) FROM turns t
         WHERE t.attempt_id = a.id AND t.speaker = 'trainee') AS trainee_turns,
       (SELECT MAX(t.recorded_at) FROM turns t WHERE t.attempt_id = a.id) AS last_activity
       {extra}
  FROM attempts a
"""

_DETAIL_COLUMNS = (
    ", a.scenario_version, a.scenario_hash, a.jurisdiction, a.rulepack_version,"
    " a.rulepack_hash, a.understanding, a.language, a.seed, a.ending, a.critical, a.finished_at"
)


class AttemptQuery(TypedDict, total=False):
    """Which attempts `Store.attempts` lists: the keywords of `Store.iter_attempts`."""

    trainee: str | None
    cohort: str | None
    scenario: str | None
    since: datetime | None
    until: datetime | None
    status: str | None
    now: datetime | None
    limit: int | None
    offset: int


class Store:
    def __init__(self, db: Database, version: int | None = None) -> None:
        self.db = db
        # The schema this store was opened at (migrated to it, or found newer-or-equal by
        # `open`): asked once, not on every write that depends on it.
        self._version = schema_version(db) if version is None else version

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        url_or_path: str | os.PathLike[str] | None = None,
        *,
        create: bool = True,
        version: int = CURRENT_VERSION,
    ) -> Store:
        """Open (creating and migrating as needed) the store at a path or URL.

        None: COLLECTSIM_DB, else `sqlite:///<data_dir>/collectsim.db`. `create=False`: a
        database that does not exist is an error, not a new empty one (for readers).
        `version` below the current one leaves a new database at that older schema (for
        migration tests).
        """
        db = Database.connect(parse_target(url_or_path), create=create)
        try:
            found = migrate(db, version)
        except BaseException:
            db.close()
            raise
        return cls(db, found)

    @property
    def target(self) -> Target:
        return self.db.target

    def schema_version(self) -> int:
        """The schema as the database has it now (asks it)."""
        return schema_version(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------

    def enrol(self, name: str, cohort: str | None = None) -> None:
        """Add a trainee, or move one to another cohort (None leaves the cohort as it is)."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO trainees (name, cohort, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE "
                "SET cohort = COALESCE(excluded.cohort, trainees.cohort)",
                (name, cohort, utc_text(_now())),
            )

    def begin_attempt(self, transcript: Transcript, owner: Owner | None) -> None:
        """Record a new attempt as in progress, with any turns it already has."""
        header = transcript.model_dump(mode="json", include={"started_at"})
        with self.db.transaction():
            if self.db.scalar("SELECT 1 FROM attempts WHERE id = ?", (transcript.attempt_id,)):
                raise StoreError("already_recorded", attempt=transcript.attempt_id)
            self.db.execute(
                "INSERT INTO trainees (name, cohort, created_at) VALUES (?, NULL, ?) "
                "ON CONFLICT (name) DO NOTHING",
                (transcript.trainee, utc_text(_now())),
            )
            self.db.execute(
                """
                INSERT INTO attempts (
                    id, trainee, scenario_id, scenario_version, scenario_hash, jurisdiction,
                    mode, seed, language, status, started_at, started_at_local, basis,
                    owner_host, owner_pid, owner_token
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?, ?, ?, ?, ?)
                """,
                (
                    transcript.attempt_id,
                    transcript.trainee,
                    transcript.scenario_id,
                    transcript.scenario_version,
                    transcript.scenario_hash,
                    transcript.jurisdiction,
                    transcript.mode,
                    transcript.seed,
                    transcript.language,
                    utc_text(transcript.started_at),
                    str(header["started_at"]),
                    transcript.basis.model_dump_json(),
                    owner.host if owner else None,
                    owner.pid if owner else None,
                    owner.token if owner else None,
                ),
            )
            for turn in transcript.turns:
                self._insert_turn(transcript.attempt_id, turn)
            self._refresh_totals(transcript.trainee)

    def take_over(self, attempt_id: str, owner: Owner) -> Transcript:
        """Claim an interrupted attempt for `owner` (a process resuming the call) and return
        its transcript. Refused while its first owner still runs, and once it is completed;
        two processes claiming it at once: one wins, the other is refused."""
        with self.db.transaction():
            self.db.lock_row("attempts", "id", attempt_id)
            status = self.attempt(attempt_id).summary.status
            if status == "completed":
                raise StoreError("resume_completed", attempt=attempt_id)
            if status == "in_progress":
                raise StoreError("resume_elsewhere", attempt=attempt_id)
            if status == "abandoned":
                raise StoreError("resume_abandoned", attempt=attempt_id)
            # In progress again, in this process: closed again, an exam is abandoned again.
            self.db.execute(
                "UPDATE attempts SET status = 'in_progress', owner_host = ?, owner_pid = ?, "
                "owner_token = ? WHERE id = ?",
                (owner.host, owner.pid, owner.token, attempt_id),
            )
            return self.load_transcript(attempt_id)

    def reopen(self, attempt_id: str) -> None:
        """A trainer's decision: an abandoned exam may be taken up again (once: closed again
        before its end, it is abandoned again). StoreError unless it is abandoned."""
        with self.db.transaction():
            self.db.lock_row("attempts", "id", attempt_id)
            status = self.attempt(attempt_id).summary.status
            if status != "abandoned":
                raise StoreError("reopen_not_abandoned", attempt=attempt_id, status=status)
            self.db.execute(
                "UPDATE attempts SET status = 'interrupted' WHERE id = ?", (attempt_id,)
            )

    def add_turn(self, attempt_id: str, turn: Turn) -> None:
        """Record one turn, committed before this returns."""
        with self.db.transaction():
            self._insert_turn(attempt_id, turn)

    def _insert_turn(self, attempt_id: str, turn: Turn) -> None:
        data = turn.model_dump(mode="json")
        self.db.execute(
            """
            INSERT INTO turns (
                attempt_id, turn_index, speaker, text, at, state, mood, intents, context,
                hint, recorded_at
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                attempt_id,
                turn.index,
                turn.speaker,
                turn.text,
                str(data["at"]),
                turn.state,
                turn.mood,
                json.dumps(turn.intents, ensure_ascii=False),
                None if turn.context is None else turn.context.model_dump_json(),
                turn.hint,
                utc_text(_now()),
            ),
        )

    def finish_attempt(
        self, transcript: Transcript, report: Report, rulepack_version: str, rulepack_hash: str
    ) -> None:
        """Mark an attempt completed with its score and the findings of its report."""
        attempt_id = transcript.attempt_id
        with self.db.transaction():
            changed = self.db.execute(
                """
                UPDATE attempts
                   SET status = 'completed', ending = ?, final_state = ?, final_mood = ?,
                       score = ?, passed = ?, critical = ?, rulepack_version = ?,
                       rulepack_hash = ?, finished_at = ?
                 WHERE id = ?
                """,
                (
                    transcript.ending,
                    transcript.final_state,
                    transcript.final_mood,
                    report.score,
                    report.passed,
                    report.failed_by_critical,
                    rulepack_version,
                    rulepack_hash,
                    utc_text(_now()),
                    attempt_id,
                ),
            )
            if changed != 1:
                raise StoreError("nothing_to_finish", attempt=attempt_id)
            if self._version >= 9:  # older schemas are kept for migration tests
                self.db.execute(
                    "UPDATE attempts SET understanding = ? WHERE id = ?",
                    (report.understanding or None, attempt_id),
                )
            if transcript.note is not None:
                self.db.execute(
                    "INSERT INTO notes (attempt_id, text) VALUES (?, ?)",
                    (attempt_id, transcript.note),
                )
            self.db.execute("DELETE FROM findings WHERE attempt_id = ?", (attempt_id,))
            self.db.executemany(
                "INSERT INTO findings (attempt_id, seq, turn, rule, category, severity, "
                "dimension, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        attempt_id,
                        seq,
                        f.turn,
                        f.rule,
                        f.category,
                        f.severity,
                        f.dimension,
                        f.evidence,
                    )
                    for seq, f in enumerate(report.findings)
                ],
            )
            self._refresh_totals(transcript.trainee, findings=True)

    def _refresh_totals(self, trainee: str, *, findings: bool = False) -> None:
        """Recount one trainee's totals (and finding counts) from their attempts, in the
        caller's transaction. Recounting, not adding, keeps them exact when an attempt is
        finished again."""
        version = self._version
        if version < 5:
            return  # an older schema kept for migration tests has no totals
        self.db.lock_row("trainees", "name", trainee)
        self.db.execute(TOTALS_UPSERT.format(where="trainee = ?"), (trainee,))
        if findings and version >= 6:
            self.db.execute("DELETE FROM finding_totals WHERE trainee = ?", (trainee,))
            self.db.execute(FINDING_TOTALS_INSERT.format(where="a.trainee = ?"), (trainee,))
        if findings and version >= 7:
            self.db.execute("DELETE FROM pass_marks WHERE trainee = ?", (trainee,))
            self.db.execute(PASS_MARKS_INSERT.format(where="trainee = ?"), (trainee,))

    def rebuild_totals(self) -> None:
        """Recount every trainee's totals and finding counts: after attempts were written
        straight into the tables (a bulk import) rather than through begin/finish."""
        with self.db.transaction():
            self.db.execute(TOTALS_UPSERT.format(where="1 = 1"))
            self.db.execute("DELETE FROM finding_totals")
            self.db.execute(FINDING_TOTALS_INSERT.format(where="1 = 1"))
            self.db.execute("DELETE FROM pass_marks")
            self.db.execute(PASS_MARKS_INSERT.format(where="1 = 1"))

    def add_review(
        self, attempt_id: str, seq: int, reviewer: str, verdict: str, reason: str = ""
    ) -> str:
        """A trainer's verdict on a stored finding; the finding itself is left as it was."""
        if verdict not in VERDICTS:
            raise StoreError("bad_verdict", verdict=verdict, known=", ".join(VERDICTS))
        if verdict == "adjust" and not reason.strip():
            raise StoreError("adjust_needs_reason")
        review_id = uuid.uuid4().hex[:12]
        with self.db.transaction():
            if not self.db.scalar(
                "SELECT 1 FROM findings WHERE attempt_id = ? AND seq = ?", (attempt_id, seq)
            ):
                raise StoreError("no_finding", attempt=attempt_id, seq=seq)
            self.db.execute(
                "INSERT INTO reviews (id, attempt_id, finding_seq, reviewer, verdict, reason, "
                "at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (review_id, attempt_id, seq, reviewer, verdict, reason.strip(), utc_text(_now())),
            )
        return review_id

    # -- reading ----------------------------------------------------------------------------

    def _summary(self, row: Row, now: datetime) -> AttemptSummary:
        status: Status = row["status"]
        passed = _opt_bool(row["passed"])
        if status == "in_progress":
            owner = (
                Owner(row["owner_host"], int(row["owner_pid"]), row["owner_token"] or "")
                if row["owner_host"] is not None and row["owner_pid"] is not None
                else None
            )
            last = datetime.fromisoformat(row["last_activity"] or row["started_at"])
            if is_interrupted(owner, last, now):
                status = "abandoned" if row["mode"] == "exam" else "interrupted"
                passed = False if status == "abandoned" else passed  # a failed try
        return AttemptSummary(
            id=row["id"],
            trainee=row["trainee"],
            scenario=row["scenario_id"],
            mode=row["mode"],
            status=status,
            trainee_turns=int(row["trainee_turns"]),
            score=_opt_float(row["score"]),
            passed=passed,
            started_at=row["started_at_local"],
        )

    def attempts(self, **query: Unpack[AttemptQuery]) -> list[AttemptSummary]:
        """Attempts, oldest first, started in [since, until); `status` is the status as
        reported (see owner.py). A list: for few rows; `iter_attempts` streams."""
        return list(self.iter_attempts(**query))

    def iter_attempts(
        self,
        *,
        trainee: str | None = None,
        cohort: str | None = None,
        scenario: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        status: str | None = None,
        now: datetime | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[AttemptSummary]:
        """`attempts`, one at a time, read from the database in batches: memory stays flat
        in the number of attempts. `offset` attempts are skipped, then at most `limit` come,
        in the same order (started_at, then id), so pages never overlap or skip one."""
        if status is not None and status not in STATUSES:
            raise StoreError("bad_status", status=status, known=", ".join(STATUSES))
        if (limit is not None and limit < 0) or offset < 0:
            raise StoreError("not_counts")
        where: list[str] = []
        params: list[Param] = []
        if trainee is not None:
            where.append("a.trainee = ?")
            params.append(trainee)
        if cohort is not None:
            where.append("a.trainee IN (SELECT name FROM trainees WHERE cohort = ?)")
            params.append(cohort)
        if scenario is not None:
            where.append("a.scenario_id = ?")
            params.append(scenario)
        if since is not None:
            where.append("a.started_at >= ?")
            params.append(utc_text(since))
        if until is not None:
            where.append("a.started_at < ?")
            params.append(utc_text(until))
        if status == "completed":
            where.append("a.status = 'completed'")
        elif status is not None:
            where.append("a.status IN ('in_progress', 'interrupted')")
        sql = _SUMMARY_SQL.format(extra="") + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY a.started_at, a.id"
        # A stored status is the reported one, except for calls still open (their owner may
        # be gone): only then is the page cut here rather than by the database.
        exact = status is None or status == "completed"
        if exact:
            clause, page = self.db.page(limit, offset)
            sql, params = sql + clause, params + page
        moment = now or _now()
        found: Iterator[AttemptSummary] = (
            self._summary(row, moment) for row in self.db.stream(sql, params)
        )
        if not exact:
            found = (a for a in found if a.status == status)
            found = islice(found, offset, None if limit is None else offset + limit)
        yield from found

    def resolve(self, attempt: str) -> str:
        """The full id of an attempt given its id or an unambiguous prefix (4+ chars)."""
        if self.db.scalar("SELECT 1 FROM attempts WHERE id = ?", (attempt,)):
            return attempt
        if len(attempt) >= 4 and all(c.isalnum() or c in "-_" for c in attempt):
            rows = self.db.query(
                "SELECT id FROM attempts WHERE id LIKE ? ORDER BY id LIMIT 2", (attempt + "%",)
            )
            if len(rows) == 1:
                return str(rows[0]["id"])
            if len(rows) > 1:
                raise StoreError("ambiguous_attempt", attempt=attempt)
        raise StoreError("no_attempt", attempt=attempt, target=self.target)

    def attempt(self, attempt_id: str, *, now: datetime | None = None) -> AttemptDetail:
        row = self.db.query_one(
            _SUMMARY_SQL.format(extra=_DETAIL_COLUMNS) + " WHERE a.id = ?",
            (attempt_id,),
        )
        if row is None:
            raise StoreError("no_attempt", attempt=attempt_id, target=self.target)
        return AttemptDetail(
            summary=self._summary(row, now or _now()),
            scenario_version=int(row["scenario_version"]),
            scenario_hash=row["scenario_hash"],
            jurisdiction=row["jurisdiction"],
            rulepack_version=row["rulepack_version"],
            rulepack_hash=row["rulepack_hash"],
            understanding=row["understanding"],
            language=row["language"],
            seed=int(row["seed"]),
            ending=row["ending"],
            critical=_opt_bool(row["critical"]),
            finished_at=row["finished_at"],
        )

    def findings(self, attempt_id: str) -> list[StoredFinding]:
        """The findings stored when the attempt finished, each with its reviews."""
        reviews: dict[int, list[Review]] = {}
        for r in self.db.query(
            "SELECT id, finding_seq, reviewer, verdict, reason, at FROM reviews "
            "WHERE attempt_id = ? ORDER BY at, id",
            (attempt_id,),
        ):
            reviews.setdefault(int(r["finding_seq"]), []).append(
                Review(r["id"], r["reviewer"], r["verdict"], r["reason"], r["at"])
            )
        return [
            StoredFinding(
                seq=int(f["seq"]),
                turn=None if f["turn"] is None else int(f["turn"]),
                rule=f["rule"],
                category=f["category"],
                severity=f["severity"],
                dimension=f["dimension"],
                evidence=f["evidence"],
                reviews=reviews.get(int(f["seq"]), []),
            )
            for f in self.db.query(
                "SELECT seq, turn, rule, category, severity, dimension, evidence "
                "FROM findings WHERE attempt_id = ? ORDER BY seq",
                (attempt_id,),
            )
        ]

    def load_transcript(self, attempt_id: str) -> Transcript:
        """The transcript as recorded: every committed turn, in order."""
        row = self.db.query_one(
            "SELECT id, trainee, scenario_id, scenario_version, scenario_hash, jurisdiction, "
            "mode, seed, language, started_at_local, basis, ending, final_state, final_mood "
            "FROM attempts WHERE id = ?",
            (attempt_id,),
        )
        if row is None:
            raise StoreError("no_attempt", attempt=attempt_id, target=self.target)
        turns = [
            Turn.model_validate(
                {
                    "index": t["turn_index"],
                    "speaker": t["speaker"],
                    "text": t["text"],
                    "at": t["at"],
                    "state": t["state"],
                    "mood": t["mood"],
                    "intents": json.loads(t["intents"]),
                    "context": None if t["context"] is None else json.loads(t["context"]),
                    "hint": bool(t["hint"]),
                }
            )
            for t in self.db.query(
                "SELECT turn_index, speaker, text, at, state, mood, intents, context, hint "
                "FROM turns WHERE attempt_id = ? ORDER BY turn_index",
                (attempt_id,),
            )
        ]
        return Transcript(
            attempt_id=row["id"],
            scenario_id=row["scenario_id"],
            scenario_version=int(row["scenario_version"]),
            scenario_hash=row["scenario_hash"],
            jurisdiction=row["jurisdiction"],
            language=row["language"],
            seed=int(row["seed"]),
            mode=row["mode"],
            trainee=row["trainee"],
            started_at=datetime.fromisoformat(row["started_at_local"]),
            basis=Basis.model_validate_json(row["basis"]),
            turns=turns,
            ending=row["ending"],
            note=self._note(attempt_id),
            final_state=row["final_state"],
            final_mood=None if row["final_mood"] is None else int(row["final_mood"]),
        )

    def _note(self, attempt_id: str) -> str | None:
        if self._version < 3:
            return None
        row = self.db.query_one("SELECT text FROM notes WHERE attempt_id = ?", (attempt_id,))
        return None if row is None else str(row["text"])

    def trainees(
        self, *, cohort: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[TraineeSummary]:
        """Every trainee (of a cohort) with attempts, passes and best score (their totals)."""
        return list(self.iter_trainees(cohort=cohort, limit=limit, offset=offset))

    def iter_trainees(
        self, *, cohort: str | None = None, limit: int | None = None, offset: int = 0
    ) -> Iterator[TraineeSummary]:
        """`trainees` by name, one at a time, read in batches; a page of them with
        `offset` and `limit`."""
        if (limit is not None and limit < 0) or offset < 0:
            raise StoreError("not_counts")
        sql = """
        SELECT tr.name, tr.cohort, tr.created_at, tt.attempts, tt.passes, tt.best_score AS best
          FROM trainees tr LEFT JOIN trainee_totals tt ON tt.trainee = tr.name
        """
        params: list[Param] = []
        if cohort is not None:
            sql += " WHERE tr.cohort = ?"
            params.append(cohort)
        clause, page = self.db.page(limit, offset)
        for r in self.db.stream(sql + " ORDER BY tr.name" + clause, params + page):
            yield TraineeSummary(
                r["name"],
                r["cohort"],
                int(r["attempts"] or 0),
                int(r["passes"] or 0),
                _opt_float(r["best"]),
                r["created_at"],
            )

    def passed_by_mode(self, *, cohort: str | None = None) -> dict[str, dict[str, int]]:
        """trainee -> mode -> how many scenarios they have passed in it (completed, no
        critical finding), from the certification summary rows: one a scenario and mode."""
        sql = "SELECT pm.trainee, pm.mode, COUNT(*) FROM pass_marks pm"
        params: list[Param] = []
        if cohort is not None:
            sql += " JOIN trainees tr ON tr.name = pm.trainee WHERE tr.cohort = ?"
            params.append(cohort)
        sql += " GROUP BY pm.trainee, pm.mode"
        found: dict[str, dict[str, int]] = {}
        for trainee, mode, count in self.db.values(sql, params):
            found.setdefault(str(trainee), {})[str(mode)] = int(count)
        return found

    def best_by_scenario(self, trainee: str) -> dict[str, tuple[float | None, int]]:
        """scenario id -> (best score of a completed attempt or None, number of attempts)."""
        return {
            r["scenario_id"]: (_opt_float(r["best"]), int(r["attempts"]))
            for r in self.db.query(
                "SELECT scenario_id, MAX(score) AS best, COUNT(*) AS attempts FROM attempts "
                "WHERE trainee = ? GROUP BY scenario_id ORDER BY scenario_id",
                (trainee,),
            )
        }

    def results(self, trainee: str) -> list[AttemptResult]:
        """What certification needs of each of a trainee's attempts (progress is computed
        from these, never stored)."""
        now = _now()
        summaries = {a.id: a for a in self.attempts(trainee=trainee, now=now)}
        rows = self.db.query(
            "SELECT id, scenario_id, mode, score, passed, critical, finished_at "
            "FROM attempts WHERE trainee = ?",
            (trainee,),
        )
        return [
            AttemptResult(
                scenario_id=r["scenario_id"],
                mode=r["mode"],
                completed=summaries[r["id"]].status == "completed",
                passed=bool(r["passed"]),
                critical=bool(r["critical"]),
                score=_opt_float(r["score"]),
                finished_at=(
                    datetime.fromisoformat(r["finished_at"]) if r["finished_at"] else None
                ),
                attempt_id=r["id"],
            )
            for r in rows
        ]

    def qualifying(
        self,
        scenarios: list[str],
        *,
        min_score: float,
        exam: bool,
        finished_since: datetime | None,
        cohort: str | None = None,
    ) -> dict[str, set[str]]:
        """trainee -> the scenarios they hold a pass of that counts for a certification
        level: the same test as `tracks.qualifies`, done by the database over every trainee
        at once. A pass counts when its score and finish are recent and high enough: the
        latest pass answers that unless it is too low while the best is not, and only then
        are that trainee's passes of the scenario looked at (through attempts_passes)."""
        if not scenarios:
            return {}
        modes = ["exam"] if exam else ["exam", "practice"]
        where = (
            "SELECT pm.trainee, pm.scenario_id FROM pass_marks pm "
            f"WHERE pm.scenario_id IN ({_marks(scenarios)}) AND pm.mode IN ({_marks(modes)}) "
            "AND pm.best_score >= ?"
        )
        params: list[Param] = [*scenarios, *modes, min_score]
        if cohort is not None:
            where += " AND pm.trainee IN (SELECT name FROM trainees WHERE cohort = ?)"
            params.append(cohort)
        if finished_since is None:
            sql = where
        else:
            # Two parts, so each database plans the look into the attempts as a seek for
            # the few rows that need it (an OR makes PostgreSQL hash every recent pass).
            since = utc_text(finished_since)
            where += " AND pm.last_at >= ?"
            params.append(since)
            sql = (
                f"{where} AND pm.last_score >= ? UNION ALL {where} AND pm.last_score < ? "
                "AND EXISTS (SELECT 1 FROM attempts a WHERE a.scenario_id = pm.scenario_id"
                " AND a.mode = pm.mode AND a.trainee = pm.trainee AND a.status = 'completed'"
                " AND a.passed AND NOT a.critical AND a.score >= ? AND a.finished_at >= ?)"
            )
            params = [*params, min_score, *params, min_score, min_score, since]
        met: dict[str, set[str]] = {}
        for trainee, scenario in self.db.values(sql, params):
            met.setdefault(trainee, set()).add(scenario)
        return met

    def finding_counts(
        self, *, cohort: str | None = None, limit: int = 10
    ) -> list[tuple[str, str, int]]:
        """The most frequent findings of completed attempts (of a cohort): rule, severity, n.
        Findings are stored only when an attempt completes; their counts a trainee are kept
        beside them (finding_totals), so this adds up a few rows a trainee."""
        params: list[Param] = []
        sql = "SELECT ft.rule, ft.severity, SUM(ft.n) AS n FROM finding_totals ft"
        if cohort is not None:
            sql += " JOIN trainees t ON t.name = ft.trainee WHERE t.cohort = ?"
            params.append(cohort)
        sql += " GROUP BY ft.rule, ft.severity ORDER BY n DESC, ft.rule LIMIT ?"
        params.append(limit)
        return [(r["rule"], r["severity"], int(r["n"])) for r in self.db.query(sql, params)]

    def integrity_check(self) -> str:
        return self.db.integrity_check()


def _marks(values: list[str]) -> str:
    return ", ".join("?" for _ in values)


def best_by_scenario(
    trainee: str, db: str | os.PathLike[str] | None = None
) -> dict[str, tuple[float | None, int]]:
    """For the TUI: a trainee's best score and number of attempts per scenario."""
    with Store.open(db) as store:
        return store.best_by_scenario(trainee)
