"""Load on `collectsim serve`: N trainees signed in at once, each in a call.

Starts a real server (a temporary data folder, its SQLite store, or `--db URL`), makes N
trainee accounts, signs each in over HTTP, opens the app's websocket as a browser does
(the same Origin, the session cookie), opens the first scenario of the catalog and, once
every session is in its call, has them all say the same lines at once-ish (each session
waits a random 0-2 s between lines, as people type). It reports:

- memory: the server and all its app processes (RSS from /proc), per session;
- Enter-to-reply: from the Enter keystroke leaving the client to the persona's reply
  (computed beforehand with the engine) arriving in the terminal stream, p50 and p95;
- CPU per idle trainee: app processes' CPU time over 20 s with every trainee in a call
  and nobody typing; and CPU per line said (server and app processes, while the lines were
  said, over the lines), from which how many trainees the machine holds follows.

    python benchmarks/bench_serve.py --sessions 10 30
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-password-1"
LINES = [
    "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
    "请问是机主本人吗？",
    "是遇到什么困难了吗？",
]
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]")
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def expected_replies() -> tuple[str, list[str]]:
    """The first scenario of the catalog and the persona's replies to LINES (lines do not
    vary by seed; a fresh trainee's practice seed is the policy's first)."""
    from simulator.engine.catalog import load_catalog
    from simulator.engine.policy import mode_policy
    from simulator.engine.session import Session

    scenario = load_catalog()[0][0].scenario
    seed = mode_policy("practice").seed_for("practice", 0)
    session = Session(scenario, seed=seed, mode="practice", trainee="x")
    replies = []
    for line in LINES:
        persona = session.say(line).persona
        assert persona is not None, "the call ended before the benchmark's last line"
        replies.append(persona.text)
    return scenario.id, replies


def marker(reply: str) -> str:
    """A piece of the reply that is drawn on one line: its first characters."""
    return reply.replace(" ", "")[:6]


def tree(pid: int) -> list[int]:
    """`pid` and every process below it."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [pid], [pid]
    while frontier:
        frontier = [p for p, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except OSError:
            continue
    return total * PAGE / 2**20


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / TICKS


class Tab:
    """One signed-in browser tab: its websocket and the terminal text received so far."""

    def __init__(self, base: str, name: str) -> None:
        self.base, self.name = base, name
        self.text = ""
        self.arrived = asyncio.Event()

    async def open(self) -> None:
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        form = {"name": self.name, "password": PASSWORD}
        origin = {"Origin": self.base}
        async with self.http.post(f"{self.base}/login", data=form, headers=origin) as r:
            assert r.status == 200, f"sign-in of {self.name}: {r.status}"
        self.ws = await self.http.ws_connect(f"{self.base}/ws?width=140&height=40", headers=origin)
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        # Each frame decoded and stripped once (incrementally): the client must never be
        # what is slow, nor miss the server's heartbeat.
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.text += ANSI.sub("", decoder.decode(message.data))
                self.arrived.set()
        self.arrived.set()  # closed: wake any waiter, who then sees it

    async def wait_for(self, piece: str, since: int = 0, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        start = since
        while self.text.find(piece, start) < 0:
            start = max(since, len(self.text) - len(piece))
            self.arrived.clear()
            left = deadline - time.monotonic()
            if left <= 0 or self.ws.closed:
                state = "closed" if self.ws.closed else "open"
                raise TimeoutError(
                    f"{self.name}: {piece!r} never arrived (socket {state}; last text: "
                    f"{self.text[-300:]!r})"
                )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), min(left, 1.0))

    async def send(self, data: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", data]))

    async def close(self) -> None:
        await self.ws.close()
        self.reader.cancel()
        await self.http.close()


async def say_lines(tab: Tab, replies: list[str], latencies: list[float]) -> None:
    for line, reply in zip(LINES, replies, strict=True):
        await asyncio.sleep(random.uniform(0, 2))
        await tab.send(line)
        await asyncio.sleep(0.3)
        since = len(tab.text)
        started = time.perf_counter()
        await tab.send("\r")
        await tab.wait_for(marker(reply), since)
        latencies.append((time.perf_counter() - started) * 1000)


async def run(count: int, base: str, server_pid: int, scenario: str) -> dict[str, float]:
    _, replies = expected_replies()
    baseline = rss_mb(tree(server_pid))
    tabs = [Tab(base, f"trainee{i:02d}") for i in range(count)]
    for tab in tabs:  # one after another, as a class arrives
        print(f"opening {tab.name}", file=sys.stderr, flush=True)
        await tab.open()
        await tab.wait_for("Enter to call")
        await tab.send("\r")  # the catalog has the focus: open its first scenario
    for tab in tabs:
        await tab.wait_for("Ctrl+E")  # every tab is in its call
    await asyncio.sleep(5)  # the calls settle (judges compiled, encoders loaded)
    pids = tree(server_pid)
    in_call = rss_mb(pids)
    idle_before = cpu_seconds(pids[1:])
    await asyncio.sleep(20)
    idle_cpu = (cpu_seconds(pids[1:]) - idle_before) / 20 / count
    latencies: list[float] = []
    busy_before = cpu_seconds(tree(server_pid))
    await asyncio.gather(*(say_lines(tab, replies, latencies) for tab in tabs))
    busy = cpu_seconds(tree(server_pid)) - busy_before
    after_lines = rss_mb(tree(server_pid))
    for tab in tabs:
        await tab.close()
    latencies.sort()
    return {
        "sessions": count,
        "server_alone_mb": round(baseline),
        "total_in_call_mb": round(in_call),
        "total_after_lines_mb": round(after_lines),
        "mb_per_session": round((after_lines - baseline) / count, 1),
        "idle_cpu_percent_of_a_core_per_trainee": round(idle_cpu * 100, 2),
        "enter_to_reply_p50_ms": round(statistics.median(latencies), 1),
        "enter_to_reply_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "lines": len(latencies),
        # CPU of the server and every app process while the lines were said, per line
        # (typing, the turn, drawing): what a line costs the machine.
        "cpu_ms_per_line": round(busy / len(latencies) * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 30])
    parser.add_argument("--db", help="records store (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    scenario, _ = expected_replies()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "COLLECTSIM_HOME": home, "LANG": "en_US.UTF-8"}
        db = args.db or str(Path(home) / "collectsim.db")
        env["COLLECTSIM_DB"] = db
        from simulator.records import Store
        from simulator.records.accounts import Accounts

        with Store.open(db) as store:
            for i in range(max(args.sessions)):
                Accounts(store.db).add(f"trainee{i:02d}", "trainee", PASSWORD)
        for count in args.sessions:
            port = free_port()
            command = [sys.executable, "-m", "simulator.cli.main", "serve", "--port", str(port)]
            command += ["--max-sessions", str(count), "--max-per-user", "1"]
            server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
            base = f"http://127.0.0.1:{port}"
            try:
                for _ in range(600):
                    try:
                        urllib.request.urlopen(f"{base}/login", timeout=5).close()
                        break
                    except OSError:
                        time.sleep(0.2)
                result = asyncio.run(run(count, base, server.pid, scenario))
                print(json.dumps(result), flush=True)
            finally:
                server.terminate()
                server.wait(timeout=30)


if __name__ == "__main__":
    main()
