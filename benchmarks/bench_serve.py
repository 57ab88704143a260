"""Load on `collectsim serve`: N trainees signed in at once, each in a call.

Each session count gets a server of its own on a fresh data folder (its own SQLite store, or
`--db URL`, where the accounts are named for the run): N new trainee accounts, so every
trainee's practice call has the first seed and the persona's replies are known beforehand.
Each trainee signs in over HTTP, opens the app's websocket as a browser does (the same
Origin, the session cookie), opens the first scenario of the catalog and, once every session
is in its call, they all say the same lines at once-ish (each waits a random 0-2 s between
lines, as people type), or, with `--pace S`, as a class at work does: each trainee waits a
random time before each line, S seconds on average (exponential, the first wait spread
evenly over S), so lines arrive at N/S a second in no step with one another. It reports:

- memory: RSS, PSS and USS (from /proc/PID/smaps_rollup) of the server and its app
  processes. RSS counts shared pages (the encoder's weights, libraries, the page cache of
  the exemplar vectors) in full in every process; PSS shares them out, USS leaves them out:
  PSS per session is what one more trainee costs the machine;
- Enter-to-reply: from the Enter keystroke leaving the client to the persona's reply
  arriving in the terminal stream, p50 and p95;
- CPU per idle trainee: the server's and the app processes' CPU time over 20 s with every
  trainee in a call and nobody typing; CPU per line said (while the lines were said, less
  the idle cost of that time, over the lines), from which how many trainees the machine
  holds follows.

A step that does not happen in time fails with one line naming the trainee, the step and
what the tab shows (another seed's reply, a closed socket, a full server). Every socket and
server is closed on the way out.

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
import uuid
from dataclasses import dataclass
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import load_average

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-password-1"
LINES = [
    "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
    "请问是机主本人吗？",
    "是遇到什么困难了吗？",
]
OTHER_SEEDS = range(1, 8)  # replies of these seeds name what went wrong when one arrives
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]")
TICKS = os.sysconf("SC_CLK_TCK")
IDLE_SECONDS = 20.0
STEP_TIMEOUT = 180.0  # a step (the app's start, a call opening, a reply): seconds at most


class BenchError(Exception):
    """The benchmark could not measure: one line, naming the cause."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def expected_replies(seed: int) -> tuple[str, list[str]]:
    """The first scenario of the catalog and the persona's replies to LINES under `seed`.
    Replies differ by seed: a new account's first practice call has seed 0."""
    from simulator.engine.catalog import load_catalog
    from simulator.engine.session import Session

    scenario = load_catalog()[0][0].scenario
    session = Session(scenario, seed=seed, mode="practice", trainee="x")
    replies = []
    for line in LINES:
        persona = session.say(line).persona
        if persona is None:
            raise BenchError(f"{scenario.id}: the call ended before the benchmark's last line")
        replies.append(persona.text)
    return scenario.id, replies


def marker(reply: str) -> str:
    """A piece of the reply that is drawn on one line: its first characters."""
    return reply.replace(" ", "")[:6]


# -- the processes ---------------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class Memory:
    """MiB: resident, proportional (shared pages divided among their users), unique."""

    rss: float = 0.0
    pss: float = 0.0
    uss: float = 0.0

    def __add__(self, other: Memory) -> Memory:
        return Memory(self.rss + other.rss, self.pss + other.pss, self.uss + other.uss)


def memory(pid: int) -> Memory:
    """One process's memory from /proc/PID/smaps_rollup (kB there); nothing once it is gone."""
    fields: dict[str, int] = {}
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return Memory()
    for line in text.splitlines()[1:]:
        name, _, rest = line.partition(":")
        value = rest.split()
        if value and value[0].isdigit():
            fields[name] = int(value[0])
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return Memory(fields.get("Rss", 0) / 1024, fields.get("Pss", 0) / 1024, private / 1024)


def total_memory(pids: list[int]) -> Memory:
    total = Memory()
    for pid in pids:
        total += memory(pid)
    return total


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / TICKS


# -- one browser tab -------------------------------------------------------------------------


class Tab:
    """One signed-in browser tab: its websocket and the terminal text received so far."""

    def __init__(self, base: str, name: str, others: dict[str, int]) -> None:
        self.base, self.name = base, name
        self.others = others  # another seed's reply marker -> that seed
        self.text = ""
        self.arrived = asyncio.Event()
        self.http: aiohttp.ClientSession | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.reader: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        form = {"name": self.name, "password": PASSWORD}
        origin = {"Origin": self.base}
        async with self.http.post(f"{self.base}/login", data=form, headers=origin) as r:
            if r.status != 200:
                raise BenchError(f"{self.name}: sign-in answered {r.status}")
        try:
            self.ws = await self.http.ws_connect(
                f"{self.base}/ws?width=140&height=40", headers=origin
            )
        except aiohttp.WSServerHandshakeError as exc:
            raise BenchError(f"{self.name}: /ws refused ({exc.status}: {exc.message})") from None
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        # Each frame decoded and stripped once (incrementally): the client must never be
        # what is slow, nor miss the server's heartbeat.
        assert self.ws is not None
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        async for message in self.ws:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.text += ANSI.sub("", decoder.decode(message.data))
                self.arrived.set()
        self.arrived.set()  # closed: wake any waiter, who then sees it

    def _why(self, piece: str, step: str, since: int, timeout: float) -> str:
        """What the tab shows instead of `piece`: the cause, as far as it can be told."""
        assert self.ws is not None
        seen = self.text[since:]
        if self.ws.closed:
            cause = f"the socket was closed (code {self.ws.close_code})"
        elif other := next((s for m, s in self.others.items() if m in seen), None):
            cause = (
                f"the reply of seed {other} arrived instead: this account's call does not "
                "have the first seed (it has earlier attempts)"
            )
        elif "Ctrl+E/F10" not in self.text:
            cause = "the tab never showed the call screen"
        else:
            cause = f"nothing matching in {timeout:.0f} s (the machine too busy?)"
        tail = " ".join(ANSI.sub("", seen[-160:]).split())
        return f"{self.name}: {step}: {piece!r} never arrived: {cause}; last text: {tail!r}"

    async def wait_for(self, piece: str, step: str, since: int = 0) -> None:
        assert self.ws is not None
        deadline = time.monotonic() + STEP_TIMEOUT
        start = since
        while self.text.find(piece, start) < 0:
            start = max(since, len(self.text) - len(piece))
            self.arrived.clear()
            left = deadline - time.monotonic()
            if left <= 0 or self.ws.closed:
                raise BenchError(self._why(piece, step, since, STEP_TIMEOUT))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), min(left, 1.0))

    async def send(self, data: str) -> None:
        assert self.ws is not None
        await self.ws.send_str(json.dumps(["stdin", data]))

    async def close(self) -> None:
        """Everything this tab holds, closed (also half-opened ones)."""
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.reader
        if self.http is not None:
            await self.http.close()


async def say_lines(
    tab: Tab, replies: list[str], latencies: list[float], pace: float | None
) -> None:
    for number, (line, reply) in enumerate(zip(LINES, replies, strict=True), 1):
        if pace is None:
            await asyncio.sleep(random.uniform(0, 2))
        else:  # a trainee thinks and types; their lines meet no one else's on purpose
            await asyncio.sleep(
                random.uniform(0, pace) if number == 1 else random.expovariate(1 / pace)
            )
        await tab.send(line)
        await asyncio.sleep(0.3)
        since = len(tab.text)
        started = time.perf_counter()
        await tab.send("\r")
        await tab.wait_for(marker(reply), f"the reply to line {number}", since)
        latencies.append((time.perf_counter() - started) * 1000)


# -- one run ---------------------------------------------------------------------------------


def mib(value: float) -> float:
    return round(value, 1)


def warm_parents(pids: list[int]) -> list[int]:
    """The server's warm parent (`simulator.cli.warm_parent`), which app processes fork from."""
    found = []
    for pid in pids:
        with contextlib.suppress(OSError):
            if b"simulator.cli.warm_parent" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
    return found


async def measure(
    tabs: list[Tab], server_pid: int, replies: list[str], pace: float | None
) -> dict[str, object]:
    count = len(tabs)
    # The server before any tab: with its warm parent, when it forks app processes from one.
    before = tree(server_pid)
    parents = warm_parents(before)
    alone = total_memory(before)
    opened: list[float] = []  # ms from opening the websocket to the start screen
    for tab in tabs:  # one after another, as a class arrives
        print(f"opening {tab.name}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        await tab.open()
        await tab.wait_for("Enter to call", "the start screen")
        opened.append((time.perf_counter() - started) * 1000)
        await tab.send("\r")  # the catalog has the focus: open its first scenario
    for tab in tabs:
        await tab.wait_for("Ctrl+E/F10", "the call screen")
    await asyncio.sleep(5)  # the calls settle (judges compiled, encoders loaded)
    pids = tree(server_pid)
    apps = [pid for pid in pids[1:] if pid not in parents]
    if len(apps) != count:
        raise BenchError(f"{len(apps)} app processes for {count} sessions")
    in_call = total_memory(pids)
    print(f"{count} in their calls; idle for {IDLE_SECONDS:.0f} s", file=sys.stderr, flush=True)
    idle_server, idle_apps = cpu_seconds([server_pid]), cpu_seconds(apps)
    await asyncio.sleep(IDLE_SECONDS)
    idle_server = cpu_seconds([server_pid]) - idle_server
    idle_apps = cpu_seconds(apps) - idle_apps
    idle_rate = (idle_server + idle_apps) / IDLE_SECONDS  # cores, all trainees
    latencies: list[float] = []
    busy_server, busy_apps = cpu_seconds([server_pid]), cpu_seconds(apps)
    started = time.perf_counter()
    await asyncio.gather(*(say_lines(tab, replies, latencies, pace) for tab in tabs))
    took = time.perf_counter() - started
    busy_server = cpu_seconds([server_pid]) - busy_server
    busy_apps = cpu_seconds(apps) - busy_apps
    after = total_memory(pids)
    per_app = [memory(pid) for pid in apps]
    latencies.sort()
    lines = len(latencies)
    return {
        "sessions": count,
        "prefork": bool(parents),
        "pace_s": pace,  # None: every trainee's lines within 0-2 s of the others'
        "lines_per_s": round(len(latencies) / took, 2),
        "server_alone_mb": {"rss": mib(alone.rss), "pss": mib(alone.pss)},
        "total_in_call_mb": {"rss": round(in_call.rss), "pss": round(in_call.pss)},
        "total_after_lines_mb": {"rss": round(after.rss), "pss": round(after.pss)},
        # What one more trainee costs: the tree's growth over the server alone, a session.
        "mb_per_session_rss": mib((after.rss - alone.rss) / count),
        "mb_per_session_pss": mib((after.pss - alone.pss) / count),
        "app_process_uss_mb_median": mib(statistics.median(m.uss for m in per_app)),
        "open_to_start_screen_ms_median": round(statistics.median(opened)),
        "idle_cpu_percent_of_a_core_per_trainee": round(idle_rate / count * 100, 3),
        "idle_server_share_percent": round(idle_server / max(idle_server + idle_apps, 1e-9) * 100),
        "enter_to_reply_p50_ms": round(statistics.median(latencies), 1),
        "enter_to_reply_p95_ms": round(latencies[int(0.95 * (lines - 1))], 1),
        "lines": lines,
        # CPU of the server and every app process while the lines were said, less what
        # the trainees cost idle for that time, per line (typing, the turn, drawing).
        "cpu_ms_per_line": round((busy_server + busy_apps - idle_rate * took) / lines * 1000, 1),
        "server_cpu_ms_per_line": round(busy_server / lines * 1000, 1),
    }


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STEP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"the server exited with status {server.returncode}")
        try:
            urllib.request.urlopen(f"{base}/login", timeout=5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise BenchError(f"the server did not answer on {base} in {STEP_TIMEOUT:.0f} s")


async def run_tabs(
    base: str,
    names: list[str],
    server_pid: int,
    replies: dict[int, list[str]],
    pace: float | None,
) -> dict[str, object]:
    # Another seed's reply to any line, where it differs from the first seed's.
    others = {
        marker(reply): seed
        for seed, said in replies.items()
        for reply, expected in zip(said, replies[0], strict=True)
        if marker(reply) != marker(expected)
    }
    tabs = [Tab(base, name, others) for name in names]
    try:
        return await measure(tabs, server_pid, replies[0], pace)
    finally:
        await asyncio.gather(*(tab.close() for tab in tabs), return_exceptions=True)


def one_run(
    count: int,
    db_url: str | None,
    replies: dict[int, list[str]],
    prefork: bool = True,
    pace: float | None = None,
) -> dict[str, object]:
    """A server of its own on a fresh data folder, `count` new accounts, one measurement."""
    from simulator.records import Store
    from simulator.records.accounts import Accounts

    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "COLLECTSIM_HOME": home, "LANG": "en_US.UTF-8"}
        db = db_url or str(Path(home) / "collectsim.db")
        env["COLLECTSIM_DB"] = db
        run = uuid.uuid4().hex[:6]  # names never used before, also in a shared --db
        names = [f"bench-{run}-{i:03d}" for i in range(count)]
        with Store.open(db) as store:
            accounts = Accounts(store.db)
            for name in names:
                accounts.add(name, "trainee", PASSWORD)
        port = free_port()
        command = [sys.executable, "-m", "simulator.cli.main", "serve", "--port", str(port)]
        command += ["--max-sessions", str(count), "--max-per-user", "1"]
        if not prefork:
            command.append("--no-prefork")
        log = Path(home) / "serve.log"  # a file, not a pipe nobody reads while it runs
        with log.open("wb") as out:
            server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base, server)
            return asyncio.run(run_tabs(base, names, server.pid, replies, pace))
        except BaseException:
            print(
                f"the server's output:\n{log.read_text(errors='replace')[-3000:]}", file=sys.stderr
            )
            raise
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[10, 30])
    parser.add_argument("--db", help="records store (default: SQLite in a fresh folder a run)")
    parser.add_argument(
        "--no-prefork", action="store_true", help="start each app process afresh (to compare)"
    )
    parser.add_argument(
        "--pace",
        type=float,
        metavar="S",
        help="each trainee says a line every S seconds on average (default: all at once-ish)",
    )
    args = parser.parse_args()
    if args.pace is not None and args.pace <= 0:
        parser.error("--pace must be more than 0 seconds")
    print(load_average(), flush=True)
    replies = {seed: expected_replies(seed)[1] for seed in (0, *OTHER_SEEDS)}
    try:
        for count in args.sessions:
            result = one_run(count, args.db, replies, prefork=not args.no_prefork, pace=args.pace)
            print(json.dumps(result), flush=True)
            print(load_average(), flush=True)
    except BenchError as exc:
        raise SystemExit(f"bench_serve: {exc}") from None
    except KeyboardInterrupt:
        raise SystemExit("bench_serve: interrupted") from None


if __name__ == "__main__":
    main()
