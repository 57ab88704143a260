"""A thin connection layer: plain SQL with `?` placeholders, one backend per URL scheme.

The store's SQL is written once, in the portable subset SQLite and PostgreSQL share
(`ON CONFLICT ... DO NOTHING`, `||`, `COALESCE`, `BOOLEAN`, `DOUBLE PRECISION`, TEXT
timestamps in one sortable UTC form). Everything backend-specific lives here: how to
connect, how placeholders are spelt, how a write transaction takes its lock, how to
ask whether a table exists. SQLite is the default; a `postgresql://` URL opens a
PostgreSQL store through psycopg, imported only then (the app's start never pays for it).
"""

from __future__ import annotations

import itertools
import os
import random
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol
from urllib.parse import quote

from scoring.said import Said, SaidError
from simulator.engine.paths import data_dir
from simulator.records.phrases import RECORDS

if TYPE_CHECKING:
    import psycopg

DEFAULT_FILE = "collectsim.db"
ENV_VAR = "COLLECTSIM_DB"
# How long a writer waits for another process's short transaction before giving up.
BUSY_TIMEOUT_MS = 30_000
# Rows fetched at a time by `Database.stream`: large enough that a round trip costs little
# per row, small enough that a listing's memory does not grow with the store.
STREAM_BATCH = 2_000

Row = dict[str, Any]
Param = str | int | float | bool | None


class _Cursor(Protocol):
    # The DB-API cursor both drivers give.
    @property
    def description(self) -> Sequence[Sequence[Any]] | None: ...
    @property
    def rowcount(self) -> int: ...
    def execute(self, sql: str, params: Sequence[Param] = ..., /) -> Any: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Param]], /) -> Any: ...
    def fetchall(self) -> Sequence[Sequence[Any]]: ...
    def fetchone(self) -> Sequence[Any] | None: ...
    def fetchmany(self, size: int = ..., /) -> Sequence[Sequence[Any]]: ...


class _Connection(Protocol):
    def cursor(self, *args: Any, **kwargs: Any) -> Any: ...
    def close(self) -> None: ...


# One key for every CollectSim database on a server: migrations of one database wait for
# one another (transaction-level, released at COMMIT or ROLLBACK).
_MIGRATION_LOCK_KEY = 0x436F6C6C656374  # "Collect"


# Names of PostgreSQL server-side cursors, unique within a process.
_cursor_names = itertools.count()


class StoreError(SaidError):
    """The records store cannot do what was asked: one line, said in the reader's language
    (a line of `RECORDS` and its values)."""

    book = RECORDS


@dataclass(frozen=True, slots=True)
class Target:
    backend: Literal["sqlite", "postgresql"]
    location: str  # a file path (or ":memory:") for SQLite, the URL for PostgreSQL

    def __str__(self) -> str:
        if self.backend == "sqlite":
            return self.location
        return _redact(self.location)

    def secrets(self) -> list[str]:
        """The password, and the pieces a driver may quote when it misreads the URL (a raw
        `@` in the password makes psycopg read its tail as the host name)."""
        if self.backend == "sqlite":
            return []
        found = [m.group(2) for m in _PASSWORD_PARAM.finditer(self.location)]
        _, _, rest = self.location.partition("://")
        credentials, at, _host = rest.rpartition("@")
        if at and ":" in credentials:
            found.append(credentials.split(":", 1)[1])
        pieces = {p for s in found for p in re.split(r"[@:/?#&]", s) if len(p) >= 3}
        return sorted({*found, *pieces} - {""}, key=len, reverse=True)

    def scrub(self, message: str) -> str:
        """A driver's message with the password taken out wherever it appears."""
        message = _URI_QUOTE.sub("", message)
        for secret in self.secrets():
            message = message.replace(secret, "***")
        return message


# `password=…` in a URL's query or a libpq keyword string ('quoted' or plain).
_PASSWORD_PARAM = re.compile(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)")
_URI_QUOTE = re.compile(r'\s*in URI: ".*"')
# A libpq keyword string: `host=… dbname=… user=…` (psycopg takes it as well as a URL).
_LIBPQ_KEYWORDS = re.compile(
    r"(?i)^\s*(host|hostaddr|port|dbname|user|password|service|sslmode|connect_timeout)\s*="
)


def _redact(url: str) -> str:
    """A URL or keyword string fit to print: every password replaced."""
    url = _PASSWORD_PARAM.sub(lambda m: f"{m.group(1)}***", url)
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
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
    if raw.startswith(("postgresql://", "postgres://")) or _LIBPQ_KEYWORDS.match(raw):
        return Target("postgresql", raw)
    if raw.startswith("sqlite://"):
        rest = raw.removeprefix("sqlite://")
        if not rest.startswith("/") or rest == "/":
            raise StoreError("sqlite_url", url=raw)
        return Target("sqlite", rest[1:])
    if "://" in raw:
        scheme = raw.split("://", 1)[0]
        raise StoreError("unknown_scheme", url=raw, scheme=scheme)
    return Target("sqlite", raw)


class Database:
    """One connection, used from any thread one statement at a time."""

    def __init__(
        self, conn: _Connection, target: Target, errors: tuple[type[Exception], ...]
    ) -> None:
        self._conn = conn
        self.target = target
        self.backend = target.backend
        self._driver_errors = errors
        # SQLite: take the write lock at BEGIN, so two writers never deadlock upgrading
        # read locks (the busy timeout makes the second wait). PostgreSQL locks rows.
        self._begin = "BEGIN IMMEDIATE" if target.backend == "sqlite" else "BEGIN"
        self._lock = threading.RLock()
        self._depth = 0

    # -- connecting -------------------------------------------------------------------------

    @classmethod
    def connect(cls, target: Target, *, create: bool = True) -> Database:
        """Connect; `create=False` refuses a SQLite file that does not exist yet."""
        if target.backend == "postgresql":
            import psycopg  # only a PostgreSQL store needs the driver

            return cls(_connect_postgresql(target), target, (psycopg.Error,))
        return cls(_connect_sqlite(target, create), target, (sqlite3.Error,))

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- statements -------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        # Statements are written with `?` and no literal `%`; psycopg spells it `%s`.
        return sql if self.backend == "sqlite" else sql.replace("?", "%s")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except self._driver_errors as exc:
            raise _driver_error(self.target, exc) from exc

    def _run(self, sql: str, params: Sequence[Param]) -> _Cursor:
        cursor: _Cursor = self._conn.cursor()
        cursor.execute(self._sql(sql), tuple(params))
        return cursor

    def execute(self, sql: str, params: Sequence[Param] = ()) -> int:
        """Run one statement; the number of rows it changed."""
        with self._lock, self._errors():
            return self._run(sql, params).rowcount

    def executemany(self, sql: str, rows: Sequence[Sequence[Param]]) -> None:
        with self._lock, self._errors():
            cursor: _Cursor = self._conn.cursor()
            cursor.executemany(self._sql(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Sequence[Param] = ()) -> list[Row]:
        with self._lock, self._errors():
            cursor = self._run(sql, params)
            names = [d[0] for d in cursor.description or ()]
            return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def values(self, sql: str, params: Sequence[Param] = ()) -> list[tuple[Any, ...]]:
        """Rows as plain tuples: for large results, where building dicts would cost more
        than the query."""
        with self._lock, self._errors():
            return [tuple(row) for row in self._run(sql, params).fetchall()]

    def stream(
        self, sql: str, params: Sequence[Param] = (), *, batch: int = STREAM_BATCH
    ) -> Iterator[Row]:
        """Rows one at a time, fetched `batch` at a time: memory stays flat however many
        rows match. PostgreSQL reads through a server-side cursor (a client cursor would
        take the whole result into memory first) inside a read transaction of its own;
        SQLite's cursor already steps through the result. The connection is held until the
        iterator is exhausted or closed, so other threads wait; the caller's own queries in
        between run on the same connection (another cursor)."""
        with self._lock:
            if self.backend == "postgresql":
                yield from self._stream_postgresql(sql, params, batch)
                return
            with self._errors():
                cursor = self._run(sql, params)
                names = [d[0] for d in cursor.description or ()]
            while True:
                with self._errors():
                    chunk = cursor.fetchmany(batch)
                if not chunk:
                    return
                for values in chunk:
                    yield dict(zip(names, values, strict=True))
                del chunk  # not held while the next batch is fetched: one batch at a time

    def _stream_postgresql(self, sql: str, params: Sequence[Param], batch: int) -> Iterator[Row]:
        own = not self._depth  # a named cursor lives in a transaction: join one, or open one
        if own:
            with self._errors():
                self._run("BEGIN READ ONLY", ())
        self._depth += 1
        cursor: Any = None
        try:
            with self._errors():
                cursor = self._conn.cursor(name=f"collectsim_{next(_cursor_names)}")
                cursor.itersize = batch
                cursor.execute(self._sql(sql), tuple(params))
            names: list[str] | None = None
            while True:
                with self._errors():
                    chunk = cursor.fetchmany(batch)
                    if names is None:
                        names = [d[0] for d in cursor.description or ()]
                if not chunk:
                    break
                for values in chunk:
                    yield dict(zip(names, values, strict=True))
                del chunk
        finally:
            self._depth -= 1
            with suppress(*self._driver_errors):
                if cursor is not None:
                    cursor.close()
                if own:
                    self._run("COMMIT", ())

    def page(self, limit: int | None, offset: int) -> tuple[str, list[Param]]:
        """The clause that keeps rows offset … offset+limit of an ordered query (SQLite
        takes OFFSET only after a LIMIT, where -1 means none)."""
        if limit is None and not offset:
            return "", []
        if limit is None:
            return (" LIMIT -1 OFFSET ?" if self.backend == "sqlite" else " OFFSET ?"), [offset]
        return " LIMIT ? OFFSET ?", [limit, offset]

    def query_one(self, sql: str, params: Sequence[Param] = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Param] = ()) -> Any:
        with self._lock, self._errors():
            row = self._run(sql, params).fetchone()
            return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A short write transaction; nested use joins the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            with self._errors():
                self._run(self._begin, ())
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                with self._errors():
                    self._run("ROLLBACK", ())
                raise
            self._depth = 0
            try:
                self._run("COMMIT", ())
            except self._driver_errors as exc:
                with suppress(*self._driver_errors):
                    self._run("ROLLBACK", ())  # never leave a failed transaction open
                raise _driver_error(self.target, exc) from exc

    def lock_row(self, table: str, column: str, value: Param) -> None:
        """Inside a transaction: hold one row against other writers until it ends, so a
        read-then-write of what hangs off it sees every earlier commit.

        SQLite's transaction already holds the whole database (BEGIN IMMEDIATE). In
        PostgreSQL, NO KEY UPDATE: it waits for another holder, yet not for the key-share
        locks that inserting rows which reference this one take (those would deadlock)."""
        if self.backend == "postgresql":
            sql = f"SELECT 1 FROM {table} WHERE {column} = ? FOR NO KEY UPDATE"
            self.query(sql, (value,))

    def lock_schema(self) -> None:
        """Inside a transaction: wait until no other process is migrating this database.

        SQLite's write lock (BEGIN IMMEDIATE) already does; PostgreSQL needs an advisory
        lock, as its DDL takes no lock that would keep two migrations apart."""
        if self.backend == "postgresql":
            self.scalar("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK_KEY,))

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
        """'ok', or what the backend found wrong.

        PostgreSQL enforces every constraint as it writes and checksums pages itself; what
        can be asked here is that every turn and finding still belongs to an attempt."""
        if self.backend == "sqlite":
            rows = self.query("PRAGMA integrity_check")
            return "; ".join(str(next(iter(r.values()))) for r in rows)
        orphans = self.scalar(
            "SELECT (SELECT COUNT(*) FROM turns t WHERE NOT EXISTS "
            "(SELECT 1 FROM attempts a WHERE a.id = t.attempt_id)) + "
            "(SELECT COUNT(*) FROM findings f WHERE NOT EXISTS "
            "(SELECT 1 FROM attempts a WHERE a.id = f.attempt_id))"
        )
        return "ok" if not orphans else f"{orphans} turns or findings without their attempt"


def _driver_error(target: Target, exc: Exception) -> StoreError:
    """What the driver said, as one line; a URL it quotes has its password scrubbed."""
    reason = _describe(exc)
    shown = target.scrub(reason) if isinstance(reason, str) else reason
    return StoreError("driver", target=target, reason=shown)


def _describe(exc: Exception) -> str | Said:
    # psycopg's messages run over several lines (hints, the failing statement): keep one.
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if message == "file is not a database":
        return RECORDS.said("not_sqlite")
    if message == "unable to open database file":
        return RECORDS.said("cannot_open")
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
    read_only = False
    if location != ":memory:":
        path = Path(location)
        if not path.parent.is_dir():
            raise StoreError("no_directory", target=target, folder=path.parent)
        if path.is_dir():
            raise StoreError("is_directory", target=target)
        if not create and not path.exists():
            raise StoreError("no_database", target=target)
        # An archive or snapshot on read-only media is opened as it is, to be read.
        read_only = not create and _unwritable(path)
        if not path.exists():
            _create_private(path)  # transcripts: readable by their owner only
    try:
        conn = sqlite3.connect(
            f"file:{quote(str(Path(location).resolve()))}?mode=ro&immutable=1"
            if read_only
            else location,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # transactions are explicit: see Database.transaction
            check_same_thread=False,  # the Database's lock serialises use
            uri=read_only,
        )
    except sqlite3.Error as exc:
        raise _driver_error(target, exc) from exc
    if read_only:
        return conn
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        _refuse_foreign(conn, target)  # before WAL: switching mode would change their file
        mode = _switch_to_wal(conn)
        if mode not in ("wal", "memory"):
            raise StoreError("no_wal", target=target, mode=mode)
        # Every commit is on disk (not merely in the OS cache) before the call goes on.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        conn.close()
        raise _driver_error(target, exc) from exc
    except StoreError:
        conn.close()
        raise
    return conn


def _unwritable(path: Path) -> bool:
    """The database's folder or file cannot be written (a read-only mount, or permissions):
    SQLite could not even take a read lock there in WAL mode."""
    return not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK)


def _create_private(path: Path) -> None:
    """A new database file is made 0600 before SQLite opens it (its -wal and -shm files
    take the same mode from it)."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _refuse_foreign(conn: sqlite3.Connection, target: Target) -> None:
    """Another program's SQLite file is refused before anything in it changes."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if names and "schema_version" not in names:
        raise StoreError("foreign", target=target)


def _connect_postgresql(target: Target) -> psycopg.Connection[Any]:
    import psycopg  # see Database.connect

    try:
        # Autocommit: transactions are explicit (BEGIN ... COMMIT), as with SQLite.
        conn = psycopg.connect(target.location, autocommit=True, connect_timeout=10)
        # HR's queries are short: with parallel query the planner starts workers for a few
        # milliseconds of work. Measured over a million attempts (bench_records.py), one
        # cohort's progress took 224 ms with 2 workers a gather and 42 ms with none.
        conn.execute("SET max_parallel_workers_per_gather = 0")
        return conn
    except psycopg.Error as exc:
        # The driver quotes the URL it could not parse, password and all: scrubbed.
        raise _driver_error(target, exc) from exc
