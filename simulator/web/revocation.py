"""Open tabs whose sign-in no longer holds.

A sign-in is checked on every request, but a tab's app process runs on one websocket for as
long as the tab stays open. So the server looks again at the accounts of its open tabs every
few seconds and closes the tabs of an account disabled, deleted, given a new password or a
new role since the tab opened: "disable" ends a trainee's running app, not only their next
page load.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from simulator.records.accounts import User

Socket = TypeVar("Socket")


@dataclass(frozen=True, slots=True)
class OpenedAs:
    """The account as it stood when a tab's app process was started."""

    name: str
    role: str
    generation: str  # the account's password_changed_at then

    @classmethod
    def of(cls, user: User) -> OpenedAs:
        return cls(user.name, user.role, user.password_changed_at)

    def holds_for(self, now: User | None) -> bool:
        return (
            now is not None
            and not now.disabled
            and now.role == self.role
            and now.password_changed_at == self.generation
        )


@dataclass(slots=True)
class OpenTabs(Generic[Socket]):
    """The signed-in tabs of one server, each with the account it was opened as."""

    tabs: dict[Socket, OpenedAs]

    def __init__(self) -> None:
        self.tabs = {}

    def opened(self, socket: Socket, account: OpenedAs) -> None:
        self.tabs[socket] = account

    def closed(self, socket: Socket) -> None:
        self.tabs.pop(socket, None)

    def names(self) -> set[str]:
        return {account.name for account in self.tabs.values()}

    def revoked(self, accounts_now: Mapping[str, User]) -> list[Socket]:
        """The tabs whose sign-in no longer holds, given the accounts as they are now."""
        return [
            socket
            for socket, account in self.tabs.items()
            if not account.holds_for(accounts_now.get(account.name))
        ]


def by_name(users: Iterable[User]) -> dict[str, User]:
    return {user.name: user for user in users}
