"""Open tabs whose sign-in no longer holds.

A sign-in is checked on every request, but a tab's app process runs on one websocket for as
long as the tab stays open. So the server looks again at the accounts of its open tabs every
few seconds and closes the tabs of an account disabled, deleted, given a new password or a
new role since the tab opened: "disable" ends a trainee's running app, not only their next
page load.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from simulator.records.accounts import User

Socket = TypeVar("Socket")


def still_holds(opened_as: User, now: User | None) -> bool:
    """Whether an account as it stood when a tab opened is the account as it stands now."""
    return (
        now is not None
        and not now.disabled
        and now.role == opened_as.role
        and now.password_changed_at == opened_as.password_changed_at
    )


class OpenTabs(Generic[Socket]):
    """The signed-in tabs of one server, each with the account it was opened as."""

    def __init__(self) -> None:
        self._tabs: dict[Socket, User] = {}

    def __len__(self) -> int:
        return len(self._tabs)

    def opened(self, socket: Socket, account: User) -> None:
        self._tabs[socket] = account

    def closed(self, socket: Socket) -> None:
        self._tabs.pop(socket, None)

    def revoked(self, accounts_now: Iterable[User]) -> list[Socket]:
        """The tabs whose sign-in no longer holds, given every account as it is now."""
        now = {user.name: user for user in accounts_now}
        return [
            socket
            for socket, opened_as in self._tabs.items()
            if not still_holds(opened_as, now.get(opened_as.name))
        ]
