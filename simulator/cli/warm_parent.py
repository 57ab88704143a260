"""The warm parent `serve` forks app processes from (one per `serve` process).

Started by the server (`python -m simulator.cli.warm_parent SOCKET`), it imports the app and
loads what every call needs (the judge's compiled packs, the exemplar indexes and read-outs,
the encoder's weights) once, then forks one child a browser tab: the child starts with all of
it in memory, shared with its siblings page by page until written, instead of importing and
loading it again (about 0.7 s of CPU and 75 MB of its own memory a tab, measured in
benchmarks/bench_serve.py).

The server asks over a private Unix socket (SOCK_SEQPACKET: one request a message), sending
the tab's environment as JSON and the three pipe ends that become the child's stdin, stdout
and stderr; the answer is the child's pid and a pidfd, with which the server waits for it and
kills it (no pid can be reused under a pidfd). Nothing here runs a parallel region of the
encoder (OpenMP's threads do not survive a fork); each child embeds with one thread, as many
trainees share the cores. The parent reaps its children and says on stderr which ended on an
error. It quits when the server does (its stdin closes).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import select
import signal
import socket
import struct
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from scoring.encoder import THREADS_ENV

READY = b"ready\n"
MAX_REQUEST = 256 * 1024  # one tab's environment, as JSON
PEERCRED = struct.Struct("3i")


def preload() -> None:
    """What every app process would load itself: imported and loaded here, once."""
    from scoring.compliance import judge_for
    from scoring.meaning import load
    from simulator.cli import app_cmds, main
    from simulator.tui.app import import_call_modules

    del app_cmds, main  # loaded for their cost
    import_call_modules()
    for jurisdiction in ("CN", "US"):
        judge_for(jurisdiction)
    for lang in ("zh", "en"):
        load(lang)


def _reap(_signal: int, _frame: FrameType | None) -> None:
    """Collect every child that ended; say which ended on an error."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            print(f"collectsim warm parent: app process {pid} ended with {code}", file=sys.stderr)


def _child(request: dict[str, Any], fds: list[int], listener: socket.socket) -> None:
    """In the forked child: become the app process the server asked for. Never returns."""
    status = 1
    try:
        listener.close()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.clear()
        os.environ.update(request["env"])
        sys.argv = ["collectsim", *request["argv"]]
        from simulator.cli.main import main

        status = main(request["argv"])
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:  # the app's own handler reports its errors; this is the last guard
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(status)


def _serve_one(connection: socket.socket, listener: socket.socket) -> None:
    """One request: fork the child it asks for and answer with its pid and pidfd."""
    message, fds, _flags, _address = socket.recv_fds(connection, MAX_REQUEST, 3)
    try:
        if len(fds) != 3:
            raise ValueError("three pipe ends expected")
        request = json.loads(message)
        if not isinstance(request.get("env"), dict) or not isinstance(request.get("argv"), list):
            raise ValueError("a request is an environment and an argument list")
        # No SIGCHLD between the fork and the pidfd: the child cannot be reaped (and its pid
        # reused) before the pidfd holds it.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            pid = os.fork()
            if pid == 0:
                connection.close()
                _child(request, fds, listener)
            pidfd = os.pidfd_open(pid)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        try:
            socket.send_fds(connection, [json.dumps({"pid": pid}).encode()], [pidfd])
        finally:
            os.close(pidfd)
    except (ValueError, OSError) as exc:
        with contextlib.suppress(OSError):
            connection.sendall(json.dumps({"error": str(exc)}).encode())
    finally:
        for fd in fds:
            os.close(fd)


def _same_user(connection: socket.socket) -> bool:
    """Whether the peer runs as this user (SO_PEERCRED: pid, uid, gid)."""
    credentials = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, PEERCRED.size)
    _pid, uid, _gid = PEERCRED.unpack(credentials)
    return bool(uid == os.getuid())


def run(path: str, loaded: Callable[[], None] = preload) -> int:
    """Load, listen on `path`, say READY on stdout, then fork children until stdin closes."""
    os.environ.setdefault(THREADS_ENV, "1")
    loaded()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener.bind(path)
    listener.listen(64)
    signal.signal(signal.SIGCHLD, _reap)
    gc.collect()
    gc.freeze()  # the loaded objects stay out of every collection: their pages stay shared
    sys.stdout.buffer.write(READY)
    sys.stdout.flush()
    stdin = sys.stdin.fileno()
    while True:
        readable, _, _ = select.select([listener, stdin], [], [])
        if stdin in readable and not os.read(stdin, 4096):
            return 0  # the server is gone
        if listener in readable:
            connection, _ = listener.accept()
            with connection:
                if _same_user(connection):
                    _serve_one(connection, listener)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1]))
