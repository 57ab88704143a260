"""Which process is recording an attempt, and whether that process is still there.

An attempt is written `in_progress` by the process holding the call and `completed` by
the same process when the call ends. If the process dies (kill -9, crash, power cut,
closed terminal) nothing gets to write `interrupted`; instead the reader decides:

- same host: the owner's pid is checked. A pid that no longer exists, a zombie, or a
  pid now used by a different process (on Linux the process's start time and the
  boot id are kept, so a reused pid or a reboot is told apart) means the call is over:
  `interrupted`.
- another host (a shared server database), or a platform with no check (Windows): the
  attempt is `interrupted` once nothing was recorded for `STALE_AFTER`; no call lasts
  that long.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

STALE_AFTER = timedelta(hours=6)


@dataclass(frozen=True, slots=True)
class Owner:
    host: str
    pid: int
    token: str  # boot id + process start time on Linux; "" where there is none


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _stat(pid: int) -> tuple[str, str] | None:
    """(state, start time) of a Linux process, or None if it is gone or unknowable."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may itself contain ") ".
    fields = raw[raw.rfind(")") + 2 :].split()
    if len(fields) < 20:
        return None
    return fields[0], fields[19]  # field 3 (state) and field 22 (starttime)


def _token(pid: int) -> str:
    boot = _boot_id()
    stat = _stat(pid)
    if not boot or stat is None:
        return ""
    return f"{boot}:{stat[1]}"


@cache
def _owner(pid: int) -> Owner:
    return Owner(socket.gethostname(), pid, _token(pid))


def this_process() -> Owner:
    return _owner(os.getpid())  # keyed by pid: a forked child is a new owner


def alive(owner: Owner) -> bool | None:
    """True: still running; False: gone; None: cannot tell from here."""
    here = this_process()
    if owner.host != here.host or os.name != "posix":
        return None
    if owner.pid == here.pid:
        return owner.token == here.token
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, belongs to someone else
    except OSError:
        return None
    if owner.token:
        stat = _stat(owner.pid)
        if stat is None:
            return False
        state, started = stat
        if state in ("Z", "X"):
            return False
        return owner.token == f"{_boot_id()}:{started}"
    return True


def is_interrupted(owner: Owner | None, last_activity: datetime, now: datetime) -> bool:
    """Whether an attempt still marked in progress has in fact been abandoned."""
    state = alive(owner) if owner is not None else None
    if state is not None:
        return not state
    return now - last_activity > STALE_AFTER
