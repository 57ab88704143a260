"""A thin connection layer: plain SQL with `?` placeholders, one backend per URL scheme.

The store's SQL is written once, in the portable subset SQLite and PostgreSQL share
(`ON CONFLICT ... DO NOTHING`, `||`, `COALESCE`, `BOOLEAN`, `DOUBLE PRECISION`, TEXT
timestamps in one sortable UTC form). Everything backend-specific lives here: how to
connect, how placeholders are spelt, how a write transaction takes its lock, how to
ask whether a table exists. SQLite is the only backend built so far; a `postgresql://`
URL is recognised and refused with a clear message.
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from simulator.paths import data_dir

DEFAULT_FILE = "collectsim.db"
ENV_VAR = "COLLECTSIM_DB"
# How long a writer waits for another process's short transaction before giving up.
BUSY_TIMEOUT_MS = 30_000

Row = dict[str, Any]
Param = str | int | float | bool | None


class StoreError(Exception):
    """The records store cannot do what was asked: one line, fit for the CLI."""


@dataclass(frozen=True, slots=True)
class Target:
    backend: Literal["sqlite", "postgresql"]
    location: str  # a file path (or ":memory:") for SQLite, the URL for PostgreSQL

    def __str__(self) -> str:
        if self.backend == "sqlite":
            return self.location
        return _redact(self.location)


def _redact(url: str) -> str:
    """A URL fit to print: any password replaced."""
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return url
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


def default_url() -> str:
    return f"sqlite:///{data_dir() / DEFAULT_FILE}"


def parse_target(url_or_path: str | os.PathLike[str] | None) -> Target:
    """`--db`, else COLLECTSIM_DB, else the SQLite file in the data directory.

    `sqlite:///relative.db` and `sqlite:////absolute.db` follow the usual URL convention;
    a bare path is a SQLite file.
    """
    raw = os.fspath(url_or_path) if url_or_path is not None else None
    if raw is None or not raw.strip():
        raw = os.environ.get(ENV_VAR, "").strip() or default_url()
    if raw.startswith(("postgresql://", "postgres://")):
        return Target("postgresql", raw)
    if raw.startswith("sqlite://"):
        rest = raw.removeprefix("sqlite://")
        if not rest.startswith("/") or rest == "/":
            raise StoreError(f"{raw}: a SQLite URL is sqlite:///relative.db or sqlite:////abs.db")
        return Target("sqlite", rest[1:])
    if "://" in raw:
        scheme = raw.split("://", 1)[0]
        raise StoreError(f"{raw}: unknown database scheme {scheme!r} (use a path or sqlite:///)")
    return Target("sqlite", raw)


class Database:
    """One connection, used from any thread one statement at a time."""

    def __init__(self, conn: sqlite3.Connection, target: Target) -> None:
        self._conn = conn
        self.target = target
        self.backend = target.backend
        self._lock = threading.RLock()
        self._depth = 0

    # -- connecting -------------------------------------------------------------------------

    @classmethod
    def connect(cls, target: Target, *, create: bool = True) -> Database:
        """Connect; `create=False` refuses a SQLite file that does not exist yet."""
        if target.backend == "postgresql":
            raise StoreError(
                f"{target}: PostgreSQL stores are not supported yet; use a SQLite path"
            )
        return cls(_connect_sqlite(target, create), target)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- statements -------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        # Statements are written with `?`; PostgreSQL drivers spell it `%s`.
        return sql if self.backend == "sqlite" else sql.replace("?", "%s")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.target}: {_describe(exc)}") from exc

    def execute(self, sql: str, params: Sequence[Param] = ()) -> int:
        """Run one statement; the number of rows it changed."""
        with self._lock, self._errors():
            return self._conn.execute(self._sql(sql), tuple(params)).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Param]]) -> None:
        with self._lock, self._errors():
            self._conn.executemany(self._sql(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Sequence[Param] = ()) -> list[Row]:
        with self._lock, self._errors():
            cursor = self._conn.execute(self._sql(sql), tuple(params))
            names = [d[0] for d in cursor.description or ()]
            return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def query_one(self, sql: str, params: Sequence[Param] = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Param] = ()) -> Any:
        with self._lock, self._errors():
            row = self._conn.execute(self._sql(sql), tuple(params)).fetchone()
            return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A short write transaction that holds the write lock from its first statement.

        SQLite: BEGIN IMMEDIATE, so two writers never deadlock upgrading read locks; the
        busy timeout makes the second wait. Nested use joins the outer transaction.
        """
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            with self._errors():
                self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                with self._errors():
                    self._conn.rollback()
                raise
            self._depth = 0
            try:
                self._conn.commit()
            except sqlite3.Error as exc:
                with suppress(sqlite3.Error):
                    self._conn.rollback()  # never leave a failed transaction open
                raise StoreError(f"{self.target}: {_describe(exc)}") from exc

    # -- catalogue --------------------------------------------------------------------------

    def table_exists(self, name: str) -> bool:
        if self.backend == "sqlite":
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        else:
            sql = (
                "SELECT 1 FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_name = ?"
            )
        return self.scalar(sql, (name,)) is not None

    def has_tables(self) -> bool:
        if self.backend == "sqlite":
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1"
        else:
            sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema()"
        return self.scalar(sql) is not None

    def integrity_check(self) -> str:
        """'ok', or what the backend found wrong."""
        if self.backend != "sqlite":
            return "ok"
        rows = self.query("PRAGMA integrity_check")
        return "; ".join(str(next(iter(r.values()))) for r in rows)


def _describe(exc: sqlite3.Error) -> str:
    message = str(exc)
    if message == "file is not a database":
        return "not a CollectSim database (not SQLite)"
    if message == "unable to open database file":
        return "cannot open the database file"
    return message


def _switch_to_wal(conn: sqlite3.Connection) -> str:
    """WAL: readers never block the writer, nor the writer readers. The switch is made once
    per file and persists. Processes opening a new file at once race to make it, and SQLite
    answers "locked" at once rather than calling the busy handler: retry, within the same
    time limit as any other wait."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(random.uniform(0.005, 0.05))


def _connect_sqlite(target: Target, create: bool) -> sqlite3.Connection:
    location = target.location
    if location != ":memory:":
        path = Path(location)
        if not path.parent.is_dir():
            raise StoreError(f"{target}: no such directory: {path.parent}")
        if path.is_dir():
            raise StoreError(f"{target}: is a directory, not a database file")
        if not create and not path.exists():
            raise StoreError(f"{target}: no such database (nothing has been recorded there)")
    try:
        conn = sqlite3.connect(
            location,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # transactions are explicit: see Database.transaction
            check_same_thread=False,  # the Database's lock serialises use
        )
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: {_describe(exc)}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = _switch_to_wal(conn)
        if mode not in ("wal", "memory"):
            raise StoreError(f"{target}: cannot switch the database to WAL (got {mode})")
        # Every commit is on disk (not merely in the OS cache) before the call goes on.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{target}: {_describe(exc)}") from exc
    except StoreError:
        conn.close()
        raise
    return conn
