"""deploy/nginx.conf, run as shipped (its ports changed): two `serve` processes on one
PostgreSQL store behind nginx. Signing in through the proxy, and each new tab's app
process started on the process running fewer (least_conn), one on each."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import pytest

from tests.backends import pg_schema
from tests.test_browser import PASSWORDS, add_accounts, free_port, start_serve

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

if not Path(NGINX).exists():
    if os.environ.get("CI"):  # .ci/run installs Debian's nginx
        raise RuntimeError("nginx is not installed; .ci/run installs it")
    pytest.skip("Debian's nginx is not installed", allow_module_level=True)


@contextmanager
def nginx(listen: int, upstreams: tuple[int, int], folder: Path) -> Iterator[None]:
    conf = (ROOT / "deploy" / "nginx.conf").read_text("utf-8")
    for old, new in (
        ("127.0.0.1:8080", f"127.0.0.1:{listen}"),
        ("127.0.0.1:8001", f"127.0.0.1:{upstreams[0]}"),
        ("127.0.0.1:8002", f"127.0.0.1:{upstreams[1]}"),
    ):
        assert old in conf
        conf = conf.replace(old, new)
    (folder / "logs").mkdir(parents=True)
    (folder / "nginx.conf").write_text(conf, "utf-8")
    settings = f"daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log;"
    proc = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", settings],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def children(pid: int) -> int:
    """How many processes `pid` has started and still runs (its app processes)."""
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        count += int(fields[1]) == pid
    return count


async def test_two_serve_processes_behind_nginx(tmp_path: Path) -> None:
    with pg_schema() as url:
        add_accounts(url, ("Amy",))
        proxy = free_port()
        public = f"http://127.0.0.1:{proxy}"
        one, _ = start_serve(tmp_path / "one", url, "--public-url", public)
        two, _ = start_serve(tmp_path / "two", url, "--public-url", public)
        try:
            with nginx(proxy, (_port(one), _port(two)), tmp_path / "nginx"):
                await _through_the_proxy(public, (one.pid, two.pid))
        finally:
            for proc in (one, two):
                proc.terminate()
                proc.wait(timeout=30)


def _port(proc: subprocess.Popen[bytes]) -> int:
    args = [str(a) for a in proc.args]  # type: ignore[union-attr]
    return int(args[args.index("--port") + 1])


async def _through_the_proxy(public: str, pids: tuple[int, int]) -> None:
    # unsafe=True: keep cookies of an IP address (the proxy listens on 127.0.0.1).
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        for _ in range(50):  # nginx starting
            try:
                async with session.get(f"{public}/login") as page:
                    if page.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
        form = {"name": "Amy", "password": PASSWORDS["Amy"]}
        async with session.post(
            f"{public}/login", data=form, headers={"Origin": public}, allow_redirects=False
        ) as signed:
            assert signed.status == 303
        async with session.get(f"{public}/") as index:
            html = await index.text()
        assert index.status == 200
        assert f'data-session-websocket-url="ws://{public.split("://")[1]}/ws"' in html
        sockets = []
        try:
            for _ in range(2):  # two tabs: least_conn gives each process one
                ws = await session.ws_connect(
                    f"{public}/ws?width=80&height=24", headers={"Origin": public}
                )
                sockets.append(ws)
                message = await ws.receive(timeout=60)  # the app draws its first screen
                assert message.type == aiohttp.WSMsgType.BINARY
            assert [children(pid) for pid in pids] == [1, 1]
        finally:
            for ws in sockets:
                await ws.close()
