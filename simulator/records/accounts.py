"""Accounts for the browser app: who may sign in, under which name, with which role.

A user's name is the trainee name their calls are recorded under. Roles:
- `trainee`: their own calls only (the catalog, practice and exams, their own interrupted
  calls);
- `trainer`: also the records of every trainee (the HR screen, F3);
- `admin`: HR and the centre's administrator; the same views as a trainer in the app.
Accounts are made and changed from the command line (`collectsim users`), by whoever runs
the centre's server; there is no default account and no default password.
"""

from __future__ import annotations

import secrets as token_source
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

from simulator.records.db import Database, Row, StoreError
from simulator.records.passwords import hash_password, needs_rehash, verify_password

Role = Literal["trainee", "trainer", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
# Roles that see every trainee's records (the HR screen and its data).
RECORDS_ROLES = frozenset({"trainer", "admin"})


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: Role
    disabled: bool
    created_at: str
    # Changes with every new password: a sign-in cookie names the one it was issued under,
    # so changing a password (or disabling the account) ends every earlier sign-in.
    password_changed_at: str

    @property
    def sees_records(self) -> bool:
        return self.role in RECORDS_ROLES

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "role": self.role,
            "disabled": self.disabled,
            "created_at": self.created_at,
            "password_changed_at": self.password_changed_at,
        }


def _user(row: Row) -> User:
    role = str(row["role"])
    if role not in ROLES:  # the table's CHECK keeps this from happening
        raise StoreError("stored_role", name=row["name"], role=role)
    return User(
        name=str(row["name"]),
        role=role,  # type: ignore[arg-type]  # checked just above
        disabled=bool(row["disabled"]),
        created_at=str(row["created_at"]),
        password_changed_at=str(row["password_changed_at"]),
    )


_COLUMNS = "name, role, disabled, created_at, password_changed_at"


class Accounts:
    """The users table of one store (`Accounts(store.db)`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, name: str, role: Role, password: str) -> User:
        """A new account. StoreError when the name is taken; PasswordError when the
        password is too weak."""
        if role not in ROLES:
            raise StoreError("unknown_role", role=role, known=", ".join(ROLES))
        hashed = hash_password(password)  # before the transaction: it takes a while
        now = _now()
        with self.db.transaction():
            added = self.db.execute(
                "INSERT INTO users (name, role, password_hash, disabled, created_at, "
                "password_changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                (name, role, hashed, False, now, now),
            )
        if added != 1:
            raise StoreError("user_exists", name=name)

        return self._get(name)

    def set_password(self, name: str, password: str) -> User:
        hashed = hash_password(password)
        with self.db.transaction():
            changed = self.db.execute(
                "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE name = ?",
                (hashed, _now(), name),
            )
        if changed != 1:
            raise StoreError("no_user", name=name)
        return self._get(name)

    def set_disabled(self, name: str, disabled: bool) -> User:
        """Disable (or enable again) an account; disabling ends its sign-ins at once."""
        with self.db.transaction():
            changed = self.db.execute(
                "UPDATE users SET disabled = ?, password_changed_at = ? WHERE name = ?",
                (disabled, _now(), name),
            )
        if changed != 1:
            raise StoreError("no_user", name=name)
        return self._get(name)

    def user(self, name: str) -> User | None:
        row = self.db.query_one(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name,))
        return None if row is None else _user(row)

    def _get(self, name: str) -> User:
        user = self.user(name)
        if user is None:
            raise StoreError("no_user", name=name)
        return user

    def users(self) -> list[User]:
        return [_user(r) for r in self.db.query(f"SELECT {_COLUMNS} FROM users ORDER BY name")]

    def any_enabled(self) -> bool:
        return self.db.scalar("SELECT 1 FROM users WHERE NOT disabled LIMIT 1") is not None

    def authenticate(self, name: str, password: str) -> User | None:
        """The user when the name and password match an enabled account, else None. An
        unknown name costs the same time as a wrong password."""
        row = self.db.query_one(
            f"SELECT {_COLUMNS}, password_hash FROM users WHERE name = ?", (name,)
        )
        stored = None if row is None else str(row["password_hash"])
        if not verify_password(stored, password) or row is None:
            return None
        user = _user(row)
        if user.disabled:
            return None
        if stored is not None and needs_rehash(stored):  # parameters raised since: store anew
            with self.db.transaction():
                self.db.execute(
                    "UPDATE users SET password_hash = ? WHERE name = ? AND password_hash = ?",
                    (hash_password(password, check=False), name, stored),
                )
        return user

    # -- failed sign-ins (the throttle of every `serve` process of this store) -------------

    def failures_since(self, name: str, since: float) -> list[float]:
        """When `name` failed to sign in after `since` (seconds since the epoch), oldest
        first; the latest 1,000 at most (the wait depends on the latest few)."""
        rows = self.db.query(
            "SELECT at FROM sign_in_failures WHERE name = ? AND at > ? ORDER BY at DESC LIMIT 1000",
            (name, since),
        )
        return [float(row["at"]) for row in reversed(rows)]

    def sign_in_failed(self, name: str, at: float, forget_before: float) -> None:
        """One more failure for `name`; failures of any name older than `forget_before` go."""
        with self.db.transaction():
            self.db.execute("DELETE FROM sign_in_failures WHERE at <= ?", (forget_before,))
            self.db.execute("INSERT INTO sign_in_failures (name, at) VALUES (?, ?)", (name, at))

    def sign_in_succeeded(self, name: str) -> None:
        with self.db.transaction():
            self.db.execute("DELETE FROM sign_in_failures WHERE name = ?", (name,))

    def secret(self, name: str, nbytes: int = 32) -> str:
        """A random secret shared by every process using this store, made by whichever asks
        first (hex). Two processes asking at once get the same one."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO NOTHING",
                (name, token_source.token_hex(nbytes), _now()),
            )
            return str(self.db.scalar("SELECT value FROM secrets WHERE name = ?", (name,)))
