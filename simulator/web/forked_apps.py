"""App processes forked from the warm parent (`simulator.cli.warm_parent`), for the server.

`WarmParent` starts the parent with the environment every app process shares, and asks it for
one child a browser tab; `ForkedApp` is that child as textual-serve uses an asyncio
subprocess (stdin, stdout, stderr streams; wait; kill). When the parent is not there (it
failed to start, died, or a tab's environment differs from the one it loaded under), the
server starts the app the ordinary way: the warm parent only ever saves time and memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import signal
import socket
import sys
import tempfile
from asyncio.streams import FlowControlMixin

log = logging.getLogger("collectsim.serve")
PARENT_COMMAND = [sys.executable, "-m", "simulator.cli.warm_parent"]
READY_SECONDS = 60.0  # loading the app takes 1-3 s; a crowded machine, longer
ASK_SECONDS = 10.0
RETRY_SECONDS = 30.0  # after the parent failed, how long tabs start the ordinary way
# Read by Textual when it is imported: the parent imported it with these, so a child's must
# be the same (textual-serve sets them alike for every tab).
FIXED_PREFIXES = ("TEXTUAL", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR")


def _fixed(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(FIXED_PREFIXES)}


class ForkedApp:
    """A child of the warm parent, as textual-serve and the server use a subprocess. Its exit
    status stays with the parent (which logs an error status); here it ends as 0, or -9 when
    killed from here."""

    def __init__(
        self,
        pid: int,
        pidfd: int,
        stdin: asyncio.StreamWriter,
        stdout: asyncio.StreamReader,
        stderr: asyncio.StreamReader,
    ) -> None:
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.returncode: int | None = None
        self._pidfd = pidfd
        self._killed = False
        self._ended = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().add_reader(pidfd, self._on_exit)

    def _on_exit(self) -> None:
        loop = asyncio.get_running_loop()
        loop.remove_reader(self._pidfd)
        os.close(self._pidfd)
        self.returncode = -signal.SIGKILL if self._killed else 0
        self.stdin.close()
        if not self._ended.done():
            self._ended.set_result(self.returncode)

    async def wait(self) -> int:
        return int(await asyncio.shield(self._ended))

    def kill(self) -> None:
        if self.returncode is None:
            self._killed = True
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)


class WarmParent:
    """The server's warm parent: started once, asked for a child a tab."""

    def __init__(self, env: dict[str, str], argv: list[str]) -> None:
        self._env = env
        self._argv = argv
        self._folder = tempfile.mkdtemp(prefix="collectsim-warm-")  # 0700: only this user
        self._path = os.path.join(self._folder, "socket")
        self._process: asyncio.subprocess.Process | None = None
        self._ready = False
        self._failed_at: float | None = None
        self._starting: asyncio.Task[bool] | None = None

    @property
    def ready(self) -> bool:
        return self._ready and self._process is not None and self._process.returncode is None

    def begin(self) -> None:
        """Start the parent in the background (the server listens meanwhile; a tab opened
        before it has loaded waits for it, as long as a fresh app process would load)."""
        if self._starting is None or self._starting.done():
            self._starting = asyncio.create_task(self._start())

    async def _start(self) -> bool:
        """Start the parent and wait until it has loaded; False (logged) when it cannot."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path)
        try:
            self._process = await asyncio.create_subprocess_exec(
                *PARENT_COMMAND,
                self._path,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                env=self._env,
            )
            assert self._process.stdout is not None
            line = await asyncio.wait_for(self._process.stdout.readline(), READY_SECONDS)
        except (OSError, TimeoutError) as exc:
            return self._failed(f"did not start: {exc}")
        except asyncio.CancelledError:  # the server stopped while the parent loaded
            if self._process is not None and self._process.returncode is None:
                self._process.kill()
            raise
        if line != b"ready\n":
            return self._failed("ended while loading")
        self._ready = True
        return True

    def _failed(self, why: str) -> bool:
        log.warning("warm parent %s; app processes start the ordinary way", why)
        self._ready = False
        self._failed_at = asyncio.get_running_loop().time()
        if self._process is not None and self._process.returncode is None:
            self._process.kill()
        return False

    def fits(self, env: dict[str, str]) -> bool:
        """Whether a child with `env` would be the same app as one started afresh."""
        return _fixed(env) == _fixed(self._env)

    async def spawn(self, env: dict[str, str]) -> ForkedApp | None:
        """A child running the app with `env`; None when the parent cannot give one (the
        caller starts the app the ordinary way). A parent that died is started again, at
        most once every RETRY_SECONDS."""
        if self._starting is not None and not self._starting.done():
            await asyncio.shield(self._starting)
        if not self.ready:
            now = asyncio.get_running_loop().time()
            if self._failed_at is not None and now - self._failed_at < RETRY_SECONDS:
                return None
            if self._process is not None:
                await self.close_process()
            self.begin()
            assert self._starting is not None
            if not await asyncio.shield(self._starting):
                return None
        if not self.fits(env):
            return None
        pipes = [os.pipe() for _ in range(3)]  # (read, write) for stdin, stdout, stderr
        theirs = [pipes[0][0], pipes[1][1], pipes[2][1]]
        ours = [pipes[0][1], pipes[1][0], pipes[2][0]]
        try:
            pid, pidfd = await asyncio.to_thread(self._ask, env, theirs)
        except (OSError, ValueError) as exc:
            for fd in ours:
                os.close(fd)
            self._failed(f"could not fork an app process: {exc}")
            return None
        finally:
            for fd in theirs:
                os.close(fd)
        return await _connect(pid, pidfd, *ours)

    def _ask(self, env: dict[str, str], fds: list[int]) -> tuple[int, int]:
        request = json.dumps({"env": env, "argv": self._argv}).encode()
        with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as asking:
            asking.settimeout(ASK_SECONDS)
            asking.connect(self._path)
            socket.send_fds(asking, [request], fds)
            message, got, _flags, _address = socket.recv_fds(asking, 4096, 1)
        answer = json.loads(message or b"{}")
        if "pid" not in answer or len(got) != 1:
            for fd in got:
                os.close(fd)
            raise ValueError(answer.get("error", "no answer"))
        return int(answer["pid"]), got[0]

    async def close_process(self) -> None:
        process, self._process, self._ready = self._process, None, False
        if process is None or process.returncode is not None:
            return
        assert process.stdin is not None
        process.stdin.close()  # the parent quits when its stdin closes
        try:
            await asyncio.wait_for(process.wait(), 5)
        except TimeoutError:
            process.kill()
            await process.wait()

    async def close(self) -> None:
        if self._starting is not None and not self._starting.done():
            self._starting.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._starting
        await self.close_process()
        shutil.rmtree(self._folder, ignore_errors=True)


async def _connect(pid: int, pidfd: int, stdin: int, stdout: int, stderr: int) -> ForkedApp:
    """Our ends of the child's pipes as asyncio streams (as asyncio's subprocesses have)."""
    loop = asyncio.get_running_loop()
    readers = []
    for fd in (stdout, stderr):
        reader = asyncio.StreamReader(limit=2**16, loop=loop)
        await loop.connect_read_pipe(
            lambda r=reader: asyncio.StreamReaderProtocol(r, loop=loop),  # type: ignore[misc]
            os.fdopen(fd, "rb", buffering=0),
        )
        readers.append(reader)
    transport, protocol = await loop.connect_write_pipe(
        lambda: FlowControlMixin(loop=loop), os.fdopen(stdin, "wb", buffering=0)
    )
    writer = asyncio.StreamWriter(transport, protocol, None, loop)
    return ForkedApp(pid, pidfd, writer, readers[0], readers[1])


def app_argv(command: list[str]) -> list[str]:
    """The CLI arguments of the app command (what follows `-m simulator.cli.main`)."""
    return command[command.index("simulator.cli.main") + 1 :]
