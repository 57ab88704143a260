"""Versioned schema migrations: migration N takes a database from version N-1 to N.

`schema_version` holds one row per applied migration. Migrations run in one write
transaction, so a database is never left half-migrated and two processes opening a new
file at once migrate it once. A migration is never edited after it has shipped: change
the schema by adding the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from simulator.records.db import Database, StoreError

Migration = Callable[[Database], None]


def _v1(db: Database) -> None:
    """Trainees, attempts, turns and the findings of each finished attempt."""
    db.execute(
        """
        CREATE TABLE trainees (
            name TEXT PRIMARY KEY,
            cohort TEXT,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE attempts (
            id TEXT PRIMARY KEY,
            trainee TEXT NOT NULL REFERENCES trainees (name),
            scenario_id TEXT NOT NULL,
            scenario_version INTEGER NOT NULL,
            scenario_hash TEXT NOT NULL,
            jurisdiction TEXT NOT NULL,
            rulepack_version TEXT,
            rulepack_hash TEXT,
            mode TEXT NOT NULL CHECK (mode IN ('practice', 'exam')),
            seed BIGINT NOT NULL,
            language TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed', 'interrupted')),
            ending TEXT,
            final_state TEXT,
            final_mood INTEGER,
            score DOUBLE PRECISION,
            passed BOOLEAN,
            critical BOOLEAN,
            started_at TEXT NOT NULL,
            started_at_local TEXT NOT NULL,
            finished_at TEXT,
            basis TEXT NOT NULL,
            owner_host TEXT,
            owner_pid INTEGER,
            owner_token TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE turns (
            attempt_id TEXT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
            turn_index INTEGER NOT NULL,
            speaker TEXT NOT NULL CHECK (speaker IN ('trainee', 'persona', 'system')),
            text TEXT NOT NULL,
            at TEXT NOT NULL,
            state TEXT NOT NULL,
            mood INTEGER NOT NULL,
            intents TEXT NOT NULL,
            context TEXT,
            hint BOOLEAN NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (attempt_id, turn_index)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE findings (
            attempt_id TEXT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            turn INTEGER,
            rule TEXT NOT NULL,
            category TEXT,
            severity TEXT NOT NULL,
            dimension TEXT NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (attempt_id, seq)
        )
        """
    )


def _v2(db: Database) -> None:
    """Trainer reviews of findings (the finding itself is never changed), and the indexes
    the HR listings filter and sort by."""
    db.execute(
        """
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            attempt_id TEXT NOT NULL,
            finding_seq INTEGER NOT NULL,
            reviewer TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'adjust', 'reject')),
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            FOREIGN KEY (attempt_id, finding_seq)
                REFERENCES findings (attempt_id, seq) ON DELETE CASCADE
        )
        """
    )
    db.execute("CREATE INDEX reviews_finding ON reviews (attempt_id, finding_seq)")
    db.execute("CREATE INDEX attempts_trainee ON attempts (trainee, started_at)")
    db.execute("CREATE INDEX attempts_scenario ON attempts (scenario_id, started_at)")
    db.execute("CREATE INDEX attempts_started ON attempts (started_at)")
    db.execute("CREATE INDEX findings_rule ON findings (rule)")


def _v3(db: Database) -> None:
    """The trainee's after-call note, part of what some scenarios score (one per attempt)."""
    db.execute(
        "CREATE TABLE notes ("
        " attempt_id TEXT PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,"
        " text TEXT NOT NULL)"
    )


def _v4(db: Database) -> None:
    """Indexes for HR over a whole centre: certification passes, cohorts, finding counts."""
    db.execute(
        "CREATE INDEX attempts_qualifying ON attempts (scenario_id, mode, score, trainee, "
        "finished_at) WHERE status = 'completed' AND passed AND NOT critical"
    )
    db.execute("CREATE INDEX trainees_cohort ON trainees (cohort)")
    db.execute("CREATE INDEX findings_rule_severity ON findings (rule, severity)")


# A trainee's totals, read from their attempts (through attempts_trainee). The WHERE is
# always there: SQLite needs one before ON CONFLICT in an INSERT ... SELECT.
TOTALS_UPSERT = """
INSERT INTO trainee_totals (trainee, attempts, passes, best_score)
SELECT trainee, COUNT(*), SUM(CASE WHEN passed THEN 1 ELSE 0 END), MAX(score)
  FROM attempts WHERE {where} GROUP BY trainee
ON CONFLICT (trainee) DO UPDATE SET attempts = excluded.attempts,
       passes = excluded.passes, best_score = excluded.best_score
"""


def _v5(db: Database) -> None:
    """HR over a whole centre: per-trainee totals (attempts, passes, best score), kept as
    attempts begin and finish, so listing trainees reads one row each, not every attempt;
    and an index of certification passes that serves a centre and a cohort alike."""
    db.execute(
        "CREATE TABLE trainee_totals ("
        " trainee TEXT PRIMARY KEY REFERENCES trainees (name) ON DELETE CASCADE,"
        " attempts INTEGER NOT NULL, passes INTEGER NOT NULL, best_score DOUBLE PRECISION)"
    )
    db.execute(TOTALS_UPSERT.format(where="1 = 1"))
    # Certification passes ordered by trainee within a scenario: a level's passes for the
    # whole centre come out grouped without a sort, and a cohort's by seeking its trainees.
    db.execute(
        "CREATE INDEX attempts_passes ON attempts (scenario_id, mode, trainee, score, "
        "finished_at) WHERE status = 'completed' AND passed AND NOT critical"
    )
    db.execute("DROP INDEX attempts_qualifying")


# A trainee's finding counts by rule and severity, from the findings of their attempts.
FINDING_TOTALS_INSERT = """
INSERT INTO finding_totals (trainee, rule, severity, n)
SELECT a.trainee, f.rule, f.severity, COUNT(*)
  FROM attempts a JOIN findings f ON f.attempt_id = a.id
 WHERE {where} GROUP BY a.trainee, f.rule, f.severity
"""


def _v6(db: Database) -> None:
    """Per-trainee finding counts, kept as attempts finish: a cohort's (or the centre's)
    most frequent findings add up a few rows a trainee, not every finding."""
    db.execute(
        "CREATE TABLE finding_totals ("
        " trainee TEXT NOT NULL REFERENCES trainees (name) ON DELETE CASCADE,"
        " rule TEXT NOT NULL, severity TEXT NOT NULL, n INTEGER NOT NULL,"
        " PRIMARY KEY (trainee, rule, severity))"
    )
    db.execute(FINDING_TOTALS_INSERT.format(where="1 = 1"))


# A trainee's certification passes, one row a (scenario, mode): the best score, and the
# latest pass with its score. The latest is found by ROW_NUMBER (portable SQL).
PASS_MARKS_INSERT = """
INSERT INTO pass_marks (trainee, scenario_id, mode, best_score, last_score, last_at)
SELECT trainee, scenario_id, mode, best_score, score, finished_at FROM (
    SELECT trainee, scenario_id, mode, score, finished_at,
           MAX(score) OVER (PARTITION BY trainee, scenario_id, mode) AS best_score,
           ROW_NUMBER() OVER (PARTITION BY trainee, scenario_id, mode
                              ORDER BY finished_at DESC, id DESC) AS latest
      FROM attempts
     WHERE status = 'completed' AND passed AND NOT critical AND {where}
) ranked WHERE latest = 1
"""


def _v7(db: Database) -> None:
    """Certification passes summed up a trainee, scenario and mode (pass_marks): whether a
    level's scenario is met is read from one row, and from the attempts only when the
    latest pass is recent enough but below the level's score while an older one is not."""
    db.execute(
        "CREATE TABLE pass_marks ("
        " trainee TEXT NOT NULL REFERENCES trainees (name) ON DELETE CASCADE,"
        " scenario_id TEXT NOT NULL, mode TEXT NOT NULL,"
        " best_score DOUBLE PRECISION NOT NULL, last_score DOUBLE PRECISION NOT NULL,"
        " last_at TEXT NOT NULL, PRIMARY KEY (trainee, scenario_id, mode))"
    )
    db.execute(
        "CREATE INDEX pass_marks_level ON pass_marks "
        "(scenario_id, mode, trainee, last_at, best_score, last_score)"
    )
    db.execute(PASS_MARKS_INSERT.format(where="1 = 1"))


def _v8(db: Database) -> None:
    """Accounts for the browser app (`collectsim users`): a name (the trainee name their
    calls are recorded under), a role and an Argon2 password hash; and the secrets every
    `serve` process of this store shares (the key that signs sign-in cookies), so several
    processes behind one proxy accept one another's sign-ins."""
    db.execute(
        "CREATE TABLE users ("
        " name TEXT PRIMARY KEY,"
        " role TEXT NOT NULL CHECK (role IN ('trainee', 'trainer', 'admin')),"
        " password_hash TEXT NOT NULL,"
        " disabled BOOLEAN NOT NULL,"
        " created_at TEXT NOT NULL,"
        " password_changed_at TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL, "
        "created_at TEXT NOT NULL)"
    )


def _v9(db: Database) -> None:
    """What read each finished attempt's lines (the report's `understanding`: the sentence
    encoder and the hash of its exemplars and settings), beside the rule pack: a rescore
    under other exemplars is then seen to be one. Attempts finished before stay NULL."""
    db.execute("ALTER TABLE attempts ADD COLUMN understanding TEXT")


def _v10(db: Database) -> None:
    """Failed sign-ins by name and time (seconds since the epoch), shared by every `serve`
    process of the store: five for a name make it wait, whichever process was tried."""
    db.execute("CREATE TABLE sign_in_failures (name TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)")
    db.execute("CREATE INDEX sign_in_failures_name ON sign_in_failures (name, at)")
    db.execute("CREATE INDEX sign_in_failures_at ON sign_in_failures (at)")


MIGRATIONS: dict[int, Migration] = {
    1: _v1,
    2: _v2,
    3: _v3,
    4: _v4,
    5: _v5,
    6: _v6,
    7: _v7,
    8: _v8,
    9: _v9,
    10: _v10,
}
CURRENT_VERSION = max(MIGRATIONS)


def schema_version(db: Database) -> int:
    """The version a database is at: 0 for a new (empty) one."""
    if not db.table_exists("schema_version"):
        return 0
    return int(db.scalar("SELECT MAX(version) FROM schema_version") or 0)


def migrate(db: Database, target: int = CURRENT_VERSION) -> int:
    """Bring the database up to `target`; the version it is at afterwards."""
    if target not in MIGRATIONS:
        raise ValueError(f"no schema version {target}")
    found = schema_version(db)
    _refuse_newer(db, found)
    if found >= target:
        return found
    with db.transaction():
        # Decide again under the lock: another process may have migrated meanwhile.
        db.lock_schema()
        found = schema_version(db)
        _refuse_newer(db, found)
        if found == 0 and db.has_tables():
            raise StoreError("foreign", target=db.target)
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        for version in range(found + 1, target + 1):
            MIGRATIONS[version](db)
            db.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (version, datetime.now(UTC).isoformat(timespec="microseconds")),
            )
    return max(found, target)


def _refuse_newer(db: Database, found: int) -> None:
    if found > CURRENT_VERSION:
        raise StoreError("newer_schema", target=db.target, found=found, known=CURRENT_VERSION)
