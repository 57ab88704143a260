"""Synthetic training records: many trainees and attempts, written straight into a store.

Used by the tests (small, to compare the fast HR queries with the per-attempt rules) and by
`benchmarks/bench_records.py` (a million attempts).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from simulator.records.store import Store, utc_text

RULES = [
    ("CN-INSULT-ABUSE", "major", "profanity_insult"),
    ("CN-RPC-VERIFY", "major", "privacy_before_verification"),
    ("CN-THREAT-ARREST-JAIL", "critical", "threat_arrest_jail"),
    ("TONE-PRESSURE", "minor", None),
    ("ACC-AMOUNT", "major", "false_amount_or_fees"),
]


def seed(
    store: Store,
    scenarios: list[str],
    *,
    trainees: int,
    attempts: int,
    cohorts: int,
    now: datetime,
    rng_seed: int = 0,
    batch: int = 20_000,
) -> None:
    rng = random.Random(rng_seed)
    names = [f"t{n:05d}" for n in range(trainees)]
    with store.db.transaction():
        store.db.executemany(
            "INSERT INTO trainees (name, cohort, created_at) VALUES (?, ?, ?)",
            [(name, f"c{n % cohorts:02d}", utc_text(now)) for n, name in enumerate(names)],
        )
    attempt_rows: list[tuple[object, ...]] = []
    finding_rows: list[tuple[object, ...]] = []

    def flush() -> None:
        with store.db.transaction():
            store.db.executemany(
                "INSERT INTO attempts (id, trainee, scenario_id, scenario_version, scenario_hash,"
                " jurisdiction, mode, seed, language, status, ending, score, passed, critical,"
                " started_at, started_at_local, finished_at, basis) VALUES"
                " (?, ?, ?, 1, 'synthetic', 'CN', ?, 0, 'zh-CN', 'completed', 'promise_to_pay',"
                " ?, ?, ?, ?, ?, ?, '{}')",
                attempt_rows,  # type: ignore[arg-type]
            )
            store.db.executemany(
                "INSERT INTO findings (attempt_id, seq, turn, rule, category, severity,"
                " dimension, evidence) VALUES (?, ?, 1, ?, ?, ?, 'compliance', '')",
                finding_rows,  # type: ignore[arg-type]
            )
        attempt_rows.clear()
        finding_rows.clear()

    for n in range(attempts):
        started = now - timedelta(days=rng.uniform(0, 200))
        score = round(min(100.0, max(0.0, rng.gauss(78, 12))), 1)
        critical = rng.random() < 0.04
        attempt_id = f"a{n:08d}"
        attempt_rows.append(
            (
                attempt_id,
                names[rng.randrange(trainees)],
                scenarios[rng.randrange(len(scenarios))],
                "exam" if rng.random() < 0.5 else "practice",
                score,
                score >= 80 and not critical,
                critical,
                utc_text(started),
                started.isoformat(),
                utc_text(started + timedelta(minutes=6)),
            )
        )
        for seq in range(rng.randrange(3)):
            rule, severity, category = RULES[rng.randrange(len(RULES))]
            finding_rows.append((attempt_id, seq, rule, category, severity))
        if len(attempt_rows) >= batch:
            flush()
    flush()
    store.rebuild_totals()  # written straight into the tables, not through finish_attempt


def fixed_now() -> datetime:
    return datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
