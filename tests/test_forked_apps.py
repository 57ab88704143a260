"""`serve` forks each tab's app process from a warm parent that loaded the app once
(issue 18, item 6: a box for many trainees): each tab gets a process of its own, for its own
user, and a tab still opens when the parent cannot give one."""

from __future__ import annotations

import asyncio
import os
import signal
import stat
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from simulator.web import forked_apps
from simulator.web.forked_apps import WarmParent
from tests.test_web import ORIGIN_OK, Site, serving, sign_in


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(entry.parent.name))
    return found


async def screen_text(ws: aiohttp.ClientWebSocketResponse, wanted: str) -> str:
    """What the tab's terminal shows, read until `wanted` appears."""
    seen = ""
    while wanted not in seen:
        message = await ws.receive(timeout=60)
        assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
        if message.type == aiohttp.WSMsgType.TEXT:
            continue  # textual-serve's own messages (ping, open_url)
        seen += message.data.decode("utf-8", "replace")
    return seen


async def open_tab(site: Site) -> aiohttp.ClientWebSocketResponse:
    origin = ORIGIN_OK.format(port=site.client.port)
    return await site.client.ws_connect("/ws?width=100&height=30", headers={"Origin": origin})


@pytest.fixture
async def warm_site(isolated_home: Path) -> AsyncIterator[Site]:
    async with serving() as site:
        assert await sign_in(site.client, "Tess") == 303
        yield site


async def test_each_tab_is_a_child_of_the_warm_parent_for_its_own_user(warm_site: Site) -> None:
    warm = warm_site.server._warm
    assert warm is not None
    first, second = await open_tab(warm_site), await open_tab(warm_site)
    for ws in (first, second):
        # Tess (a trainer) sees her name and the records; the parent never signed in.
        shown = await screen_text(ws, "Tess")
        assert "Tess" in shown
    assert warm._process is not None
    apps = children(warm._process.pid)
    assert len(apps) == 2  # two processes of their own, both forked from the parent
    assert os.getpid() not in apps
    await first.close()
    await second.close()
    for _ in range(100):  # each told to quit on its tab's close, and gone
        if not children(warm._process.pid):
            break
        await asyncio.sleep(0.1)
    assert not children(warm._process.pid)


async def test_a_tab_opens_afresh_when_the_warm_parent_cannot_start(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked_apps, "PARENT_COMMAND", [sys.executable, "-c", "pass"])
    async with serving() as site:
        assert await sign_in(site.client, "Sam") == 303
        ws = await open_tab(site)
        assert "Sam" in await screen_text(ws, "Sam")
        # Started the ordinary way: a child of the server itself.
        assert site.server._warm is not None and not site.server._warm.ready
        assert any(
            b"simulator.cli.main" in Path(f"/proc/{pid}/cmdline").read_bytes()
            for pid in children(os.getpid())
        )
        await ws.close()


async def test_a_warm_parent_that_died_is_started_again(warm_site: Site) -> None:
    warm = warm_site.server._warm
    assert warm is not None and warm._starting is not None
    assert await warm._starting
    assert warm._process is not None
    old = warm._process.pid
    os.kill(old, signal.SIGKILL)
    await warm._process.wait()
    ws = await open_tab(warm_site)
    assert "Tess" in await screen_text(ws, "Tess")
    assert warm._process is not None and warm._process.pid != old
    assert len(children(warm._process.pid)) == 1
    await ws.close()


def test_a_tab_whose_textual_settings_differ_is_not_forked() -> None:
    base = {"TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "TEXTUAL_FPS": "60"}
    warm = WarmParent(base, ["tui"])
    try:
        assert warm.fits({**base, "COLUMNS": "100", "COLLECTSIM_SIGNED_IN_USER": "Sam"})
        assert not warm.fits({**base, "TEXTUAL_FPS": "30"})
        assert not warm.fits({"TEXTUAL_FPS": "60"})
        # The socket lives in a folder only this user can enter.
        mode = stat.S_IMODE(os.stat(os.path.dirname(warm._path)).st_mode)
        assert mode == 0o700
    finally:
        asyncio.run(warm.close())
