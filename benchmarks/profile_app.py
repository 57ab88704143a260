"""One app process as `collectsim serve` runs it, driven through a call: where its memory and
CPU go.

The process is started with the environment textual-serve gives it (the web driver, its
terminal size, a signed-in trainee on a fresh data folder) and spoken to over its pipes in
textual-serve's packets, as the server relays a browser's keys. It opens the catalog's first
scenario, sits in the call, then says LINES one after another. Printed:

- the process's memory (RSS, PSS, USS) after start, in the call and after the lines, and the
  largest private mappings in /proc/PID/smaps (what is not shared with other app processes);
- CPU time of the process: start to the call, idle in the call, per line said.

`--profile FILE` runs the app under cProfile (written when it quits; read it with
`python -m pstats FILE`).

    python benchmarks/profile_app.py [--profile app.prof]
"""

from __future__ import annotations

import argparse
import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_serve import (
    ANSI,
    LINES,
    PASSWORD,
    cpu_seconds,
    expected_replies,
    marker,
    memory,
)
from benchmarks.measure import load_average

ROOT = Path(__file__).resolve().parent.parent
TRAINEE = "profile-trainee"


class AppProcess:
    """The app's pipes, in textual-serve's packets (type byte, 4-byte size, payload)."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin, self.stdout = self.process.stdin, self.process.stdout
        self.text = ""
        self._buffer = b""
        self._decoded = b""
        self.wait_for_bytes(b"__GANGLION__\n")

    @property
    def pid(self) -> int:
        return self.process.pid

    def send(self, kind: bytes, payload: bytes) -> None:
        self.stdin.write(kind + len(payload).to_bytes(4, "big") + payload)
        self.stdin.flush()

    def keys(self, text: str) -> None:
        self.send(b"D", text.encode())

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.stdout], [], [], timeout)
        if not ready:
            return
        chunk = os.read(self.stdout.fileno(), 1 << 16)
        if not chunk:
            raise SystemExit(f"the app exited ({self.process.wait()})")
        self._buffer += chunk

    def wait_for_bytes(self, piece: bytes, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while piece not in self._buffer:
            if time.monotonic() > deadline:
                raise SystemExit(f"no {piece!r} from the app in {timeout} s")
            self._read(0.5)
        self._buffer = self._buffer.split(piece, 1)[1]

    def pump(self, timeout: float) -> None:
        """Read what the app wrote for `timeout` seconds, decoding its data packets."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self._read(min(left, 0.2))
            while len(self._buffer) >= 5:
                size = int.from_bytes(self._buffer[1:5], "big")
                if len(self._buffer) < 5 + size:
                    break
                kind, payload = self._buffer[:1], self._buffer[5 : 5 + size]
                self._buffer = self._buffer[5 + size :]
                if kind == b"D":
                    self._decoded += payload
                    text = self._decoded.decode("utf-8", "ignore")
                    self._decoded = b"" if text.encode() == self._decoded else self._decoded
                    self.text += ANSI.sub("", text)

    def wait_for(self, piece: str, since: int = 0, timeout: float = 120) -> float:
        started = time.perf_counter()
        while self.text.find(piece, since) < 0:
            if time.perf_counter() - started > timeout:
                raise SystemExit(f"{piece!r} never arrived; last text {self.text[-200:]!r}")
            self.pump(0.05)
        return time.perf_counter() - started

    def quit(self) -> None:
        self.send(b"M", json.dumps({"type": "quit"}).encode())
        try:
            self.pump(2)
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def private_mappings(pid: int, top: int = 12) -> list[str]:
    """The mappings holding the most private (unshared) memory."""
    found: list[tuple[int, str]] = []
    name = ""
    private = 0
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        head = line.split()
        if "-" in head[0] and ":" not in head[0]:
            if private:
                found.append((private, name))
            name = head[5] if len(head) > 5 else "[anonymous]"
            private = 0
        elif head[0] in ("Private_Clean:", "Private_Dirty:"):
            private += int(head[1])
    if private:
        found.append((private, name))
    merged: dict[str, int] = {}
    for kb, where in found:
        merged[where] = merged.get(where, 0) + kb
    rows = sorted(merged.items(), key=lambda item: -item[1])[:top]
    return [f"  {kb / 1024:8.1f} MiB  {where}" for where, kb in rows]


def show(label: str, pid: int) -> None:
    m = memory(pid)
    print(f"{label:28s} RSS {m.rss:6.1f}  PSS {m.pss:6.1f}  USS {m.uss:6.1f} MiB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", help="write the app's cProfile here")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds idle in the call")
    args = parser.parse_args()
    print(load_average())
    _, replies = expected_replies(0)
    with tempfile.TemporaryDirectory() as home:
        from simulator.records import Store
        from simulator.records.accounts import Accounts

        db = str(Path(home) / "collectsim.db")
        with Store.open(db) as store:
            Accounts(store.db).add(TRAINEE, "trainee", PASSWORD)
        env = {
            **os.environ,
            "COLLECTSIM_HOME": home,
            "COLLECTSIM_DB": db,
            "LANG": "en_US.UTF-8",
            # As textual-serve's AppService and our server set them.
            "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
            "TEXTUAL_FPS": os.environ.get("TEXTUAL_FPS", "60"),
            "TEXTUAL_COLOR_SYSTEM": "truecolor",
            "TERM_PROGRAM": "textual",
            "COLUMNS": "140",
            "ROWS": "40",
            "COLLECTSIM_SIGNED_IN_USER": TRAINEE,
            "COLLECTSIM_SIGNED_IN_ROLE": "trainee",
        }
        argv = [sys.executable]
        if args.profile:
            argv += ["-m", "cProfile", "-o", str(Path(args.profile).resolve())]
        argv += ["-m", "simulator.cli.main", "tui"]
        started = time.perf_counter()
        app = AppProcess(argv, env)
        app.wait_for("Enter to call")
        print(f"first screen after {time.perf_counter() - started:.2f} s wall")
        app.pump(8)  # the catalog and the warm-up (encoder, judge) in their threads
        show("after start and warm-up", app.pid)
        cpu = cpu_seconds([app.pid])
        app.keys("\r")
        app.wait_for("Ctrl+E/F10")
        app.pump(3)
        show("in the call", app.pid)
        print(f"CPU to open the call: {(cpu_seconds([app.pid]) - cpu) * 1000:.0f} ms")
        cpu = cpu_seconds([app.pid])
        app.pump(args.idle)
        idle = cpu_seconds([app.pid]) - cpu
        print(f"idle in the call: {idle / args.idle * 100:.2f} % of a core")
        per_line = []
        for line, reply in zip(LINES, replies, strict=True):
            app.keys(line)
            app.pump(0.3)
            since = len(app.text)
            cpu = cpu_seconds([app.pid])
            app.keys("\r")
            wall = app.wait_for(marker(reply), since)
            app.pump(0.5)  # the rest of the frame
            per_line.append((cpu_seconds([app.pid]) - cpu, wall))
        for number, (cpu_s, wall) in enumerate(per_line, 1):
            print(
                f"line {number}: CPU {cpu_s * 1000:.0f} ms (with 0.5 s after), "
                f"reply {wall * 1000:.0f} ms wall"
            )
        show("after the lines", app.pid)
        print("largest private mappings:")
        print("\n".join(private_mappings(app.pid)))
        app.quit()


if __name__ == "__main__":
    main()
