"""Password hashing: Argon2id through argon2-cffi (the one module that imports it).

A hash carries its own parameters and salt (the PHC string form), so parameters can be
raised later and old hashes still verify; `needs_rehash` says when a sign-in should store
a new one. Verifying against a fixed dummy hash when a name is unknown keeps the time a
sign-in takes the same whether the name exists or not.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from scoring.said import SaidError
from simulator.records.phrases import RECORDS

MIN_CHARS = 10  # NIST SP 800-63B asks for at least 8; a training centre's accounts get 10
MAX_CHARS = 1024  # Argon2 takes any length; this only bounds the work a request can ask for


class PasswordError(SaidError, ValueError):
    """A password that cannot be used: one line, said in the reader's language."""

    book = RECORDS


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # RFC 9106's second recommended profile (Argon2id, 64 MiB)


def check_strength(password: str) -> None:
    """PasswordError when the password is too short, too long or only spaces."""
    if len(password) < MIN_CHARS:
        raise PasswordError("password_short", limit=MIN_CHARS)
    if len(password) > MAX_CHARS:
        raise PasswordError("password_long", limit=MAX_CHARS)
    if not password.strip():
        raise PasswordError("password_spaces")


def hash_password(password: str, *, check: bool = True) -> str:
    """The PHC string of a new Argon2id hash; `check=False` only to rehash a password that
    was accepted before (the rules may have grown stricter since)."""
    if check:
        check_strength(password)
    return _hasher().hash(password)


@cache
def _dummy_hash() -> str:
    return _hasher().hash("not a password anyone has")


def verify_password(stored: str | None, password: str) -> bool:
    """Whether `password` matches `stored` (None: an unknown name, checked against a dummy
    hash for the same cost). Never raises for a wrong or malformed hash."""
    if len(password) > MAX_CHARS:
        return False
    try:
        return _hasher().verify(stored or _dummy_hash(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher().check_needs_rehash(stored)
