"""What every `collectsim` command shares: the records store option and its errors, trainee
names, dates."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import NoReturn

from simulator.cli.errors import UserError
from simulator.engine.names import MAX_NAME_CHARS, name_problem
from simulator.records import Store, StoreError


@contextmanager
def store_errors() -> Iterator[None]:
    """Store problems become the CLI's one-line errors."""
    try:
        yield
    except StoreError as exc:
        raise UserError.of(exc) from None


def open_store(db: str | None, *, create: bool = True) -> Store:
    with store_errors():
        return Store.open(db, create=create)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="records store: a SQLite file, sqlite:/// or postgresql://user:pw@host/db URL "
        "(default: COLLECTSIM_DB, else collectsim.db in the data directory)",
    )


def trainee_name(raw: str, option: str = "--trainee") -> str:
    problem = name_problem(raw)
    if problem is not None:
        raise UserError.said(f"name_{problem}", option=option, limit=MAX_NAME_CHARS)
    return raw.strip()


def fail_on_store_error(exc: StoreError) -> NoReturn:
    """A store that fails during a headless call ends the command with one line."""
    raise UserError.of(exc) from None


def recorder_for(trainee: str | None, db: str | None) -> Store | None:
    """`play --trainee NAME [--db URL]`: the store the call is recorded in; without a name
    it is not recorded."""
    if trainee is None:
        if db is not None:
            raise UserError.said("db_needs_trainee")
        return None
    trainee_name(trainee)
    return open_store(db)


def add_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="DATE", help="started on or after (YYYY-MM-DD[THH:MM])")
    parser.add_argument("--until", metavar="DATE", help="started before (YYYY-MM-DD[THH:MM])")


def parse_when(raw: str | None, option: str = "--since") -> datetime | None:
    """A date or date-time; without an offset it is the local wall clock."""
    if raw is None:
        return None
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise UserError.said("not_a_date", option=option, value=repr(raw)) from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def date_range(args: argparse.Namespace) -> tuple[datetime | None, datetime | None]:
    """`--since` and `--until`: started on or after, and before."""
    return parse_when(args.since, "--since"), parse_when(args.until, "--until")
