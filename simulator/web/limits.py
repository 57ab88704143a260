"""What `serve` allows: app processes at once (in total and per user, counted by each
process from its event loop, so counting needs no lock), and failed sign-ins per name
(kept in the records store, so they count across every `serve` process of a centre)."""

from __future__ import annotations

from collections import Counter
from typing import Literal, Protocol

Refusal = Literal["total", "user"]


class Sessions:
    """App processes running now: one per open tab (websocket)."""

    def __init__(self, total: int, per_user: int) -> None:
        self.total = total
        self.per_user = per_user
        self._by_user: Counter[str] = Counter()

    @property
    def running(self) -> int:
        return sum(self._by_user.values())

    def of(self, user: str) -> int:
        return self._by_user[user]

    def refusal(self, user: str) -> Refusal | None:
        """Why one more process for `user` would be refused now; None when it would not."""
        if self.running >= self.total:
            return "total"
        if self._by_user[user] >= self.per_user:
            return "user"
        return None

    def take(self, user: str) -> Refusal | None:
        """Count one more process for `user`, unless refused (the reason then)."""
        refusal = self.refusal(user)
        if refusal is None:
            self._by_user[user] += 1
        return refusal

    def give_back(self, user: str) -> None:
        self._by_user[user] -= 1
        if self._by_user[user] <= 0:
            del self._by_user[user]


class FailureLog(Protocol):
    """Where failed sign-ins are kept: the records store (`Accounts`)."""

    def failures_since(self, name: str, since: float) -> list[float]: ...
    def sign_in_failed(self, name: str, at: float, forget_before: float) -> None: ...
    def sign_in_succeeded(self, name: str) -> None: ...


class Throttle:
    """At most `failures` failed sign-ins for one name within `window` seconds; then that
    name is refused until the oldest failure leaves the window (guessing costs time).
    Times are seconds since the epoch: several processes, maybe on several hosts, share
    the log."""

    def __init__(self, log: FailureLog, failures: int = 5, window: float = 900.0) -> None:
        self.log = log
        self.failures = failures
        self.window = window

    def wait(self, name: str, now: float) -> float:
        """Seconds until `name` may try again (0: now)."""
        times = self.log.failures_since(name, now - self.window)
        if len(times) < self.failures:
            return 0.0
        return times[-self.failures] + self.window - now

    def failed(self, name: str, now: float) -> None:
        self.log.sign_in_failed(name, now, now - self.window)

    def succeeded(self, name: str) -> None:
        self.log.sign_in_succeeded(name)
