"""How `serve` tells an app process whom it runs for: two environment variables set by the
server when it starts the process (never by the browser), read by `collectsim tui`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

USER_ENV = "COLLECTSIM_SIGNED_IN_USER"
ROLE_ENV = "COLLECTSIM_SIGNED_IN_ROLE"
# As records.accounts.RECORDS_ROLES (a test keeps them equal): the app process reads this
# module at start, and importing the records store there would slow the first screen.
RECORDS_ROLES = frozenset({"trainer", "admin"})


@dataclass(frozen=True, slots=True)
class SignedIn:
    name: str
    role: str

    @property
    def sees_records(self) -> bool:
        return self.role in RECORDS_ROLES

    def environment(self) -> dict[str, str]:
        return {USER_ENV: self.name, ROLE_ENV: self.role}


def signed_in(env: Mapping[str, str]) -> SignedIn | None:
    """The user an app process was started for; None when it was not started by `serve`
    with sign-in (a terminal, or `serve --no-sign-in`)."""
    name = env.get(USER_ENV, "")
    if not name:
        return None
    return SignedIn(name, env.get(ROLE_ENV, "trainee"))
