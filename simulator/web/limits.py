"""What one `serve` process allows at once: app processes (in total and per user), and
failed sign-ins per name. Used from the event loop only, so counting needs no lock."""

from __future__ import annotations

from collections import Counter, deque
from typing import Literal

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


class Throttle:
    """At most `failures` failed sign-ins for one name within `window` seconds; then that
    name is refused until the oldest failure leaves the window (guessing costs time)."""

    def __init__(self, failures: int = 5, window: float = 900.0) -> None:
        self.failures = failures
        self.window = window
        self._seen: dict[str, deque[float]] = {}

    def _recent(self, name: str, now: float) -> deque[float]:
        times = self._seen.setdefault(name, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def wait(self, name: str, now: float) -> float:
        """Seconds until `name` may try again (0: now)."""
        times = self._recent(name, now)
        if len(times) < self.failures:
            return 0.0
        return times[0] + self.window - now

    def failed(self, name: str, now: float) -> None:
        self._recent(name, now).append(now)
        if len(self._seen) > 10_000:  # many names tried: forget those with nothing recent
            for key in [k for k, v in self._seen.items() if not v]:
                del self._seen[key]

    def succeeded(self, name: str) -> None:
        self._seen.pop(name, None)
