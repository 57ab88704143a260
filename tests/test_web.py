"""The browser app's sign-in (issue 17, items 1 and 2): accounts, the session cookie, the
checks on every request and on /ws, the caps, and the app started for its user. The
high finding H2 of the 2026-12 review is reproduced here with a raw websocket."""

from __future__ import annotations

import asyncio
import io
import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from simulator.cli.main import main
from simulator.records import Store, StoreError
from simulator.records.accounts import RECORDS_ROLES, Accounts, User
from simulator.records.passwords import PasswordError
from simulator.web import identity, tokens
from simulator.web.limits import Sessions, Throttle
from simulator.web.pages import login_page, pick_lang
from simulator.web.revocation import OpenTabs
from simulator.web.server import CollectSimServer, ServeError, ServeOptions, check_options

PASSWORD = "a-long-password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- accounts --------------------------------------------------------------------------------


def test_accounts_sign_in_only_with_the_right_password_of_an_enabled_account(
    store_url: str,
) -> None:
    with Store.open(store_url) as store:
        accounts = Accounts(store.db)
        added = accounts.add("小李", "trainee", PASSWORD)
        assert (added.name, added.role, added.disabled) == ("小李", "trainee", False)
        assert accounts.authenticate("小李", PASSWORD) == added
        assert accounts.authenticate("小李", PASSWORD + "x") is None
        assert accounts.authenticate("nobody", PASSWORD) is None
        hashed = store.db.scalar("SELECT password_hash FROM users WHERE name = '小李'")
        assert hashed.startswith("$argon2id$") and PASSWORD not in hashed
        with pytest.raises(StoreError, match="already a user named '小李'"):
            accounts.add("小李", "admin", PASSWORD)
        with pytest.raises(PasswordError, match="shorter than 10"):
            accounts.add("bob", "trainee", "short")
        disabled = accounts.set_disabled("小李", True)
        assert accounts.authenticate("小李", PASSWORD) is None
        assert disabled.password_changed_at != added.password_changed_at  # ends sign-ins
        accounts.set_disabled("小李", False)
        changed = accounts.set_password("小李", "another-password")
        assert accounts.authenticate("小李", PASSWORD) is None
        assert accounts.authenticate("小李", "another-password") == changed
        assert [u.name for u in accounts.users()] == ["小李"]
        # One cookie key for every serve process of the store, made by whichever asks first.
        assert accounts.secret("k") == Accounts(store.db).secret("k")
        assert len(accounts.secret("k")) == 64


def test_the_app_process_knows_the_same_records_roles_as_the_store() -> None:
    assert identity.RECORDS_ROLES == RECORDS_ROLES == {"trainer", "admin"}


def run_cli(args: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(args)


def test_users_commands(
    store_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Store.open(store_url).close()  # a store with calls in it, and no accounts yet
    assert run_cli(["users", "list"], "", monkeypatch) == 0
    assert "no accounts yet" in capsys.readouterr().out
    add = ["users", "add", "Amy", "--role", "admin", "--password-stdin"]
    assert run_cli(add, PASSWORD + "\n", monkeypatch) == 0
    assert capsys.readouterr().out == "added: Amy (admin)\n"
    assert run_cli(add, PASSWORD + "\n", monkeypatch) == 1
    assert capsys.readouterr().err == "collectsim: error: there is already a user named 'Amy'\n"
    short = ["users", "add", "Ben", "--password-stdin"]
    assert run_cli(short, "short\n", monkeypatch) == 1
    assert "shorter than 10 characters" in capsys.readouterr().err
    # No password as an argument, and none asked without a terminal.
    assert run_cli(["users", "add", "Ben"], "", monkeypatch) == 1
    assert "use --password-stdin" in capsys.readouterr().err
    assert run_cli(["users", "add", "bad\x1bname", "--password-stdin"], "", monkeypatch) == 1
    assert "control characters" in capsys.readouterr().err
    assert run_cli(["users", "disable", "Amy"], "", monkeypatch) == 0
    assert capsys.readouterr().out == "disabled: Amy (admin, disabled)\n"
    assert run_cli(["users", "list", "--json"], "", monkeypatch) == 0
    [amy] = json.loads(capsys.readouterr().out)
    assert (amy["name"], amy["role"], amy["disabled"]) == ("Amy", "admin", True)
    assert run_cli(["users", "passwd", "Nobody", "--password-stdin"], "", monkeypatch) == 1
    assert "no user named 'Nobody'" in capsys.readouterr().err


# -- the cookie, the caps --------------------------------------------------------------------


def test_a_session_token_cannot_be_forged_altered_or_kept_past_its_time() -> None:
    key = b"k" * 32
    claims = tokens.Claims("小李", "2026-12-01T00:00:00+00:00", 1000.0)
    token = tokens.issue(key, claims)
    assert tokens.read(key, token, now=999.0) == claims
    assert tokens.read(key, token, now=1000.0) is None  # expired
    assert tokens.read(b"x" * 32, token, now=0) is None  # another key
    payload, mac = token.split(".")
    other = tokens.issue(b"x" * 32, tokens.Claims("admin", claims.generation, 1000.0))
    assert tokens.read(key, f"{other.split('.')[0]}.{mac}", now=0) is None
    assert tokens.read(key, payload, now=0) is None
    assert tokens.read(key, "", now=0) is None


def test_caps_on_app_processes_in_total_and_per_user() -> None:
    sessions = Sessions(total=3, per_user=2)
    assert sessions.take("a") is None and sessions.take("a") is None
    assert sessions.take("a") == "user"
    assert sessions.take("b") is None
    assert sessions.take("c") == "total"
    sessions.give_back("a")
    assert (sessions.running, sessions.of("a")) == (2, 1)
    assert sessions.take("c") is None


def test_failed_sign_ins_make_a_name_wait(store_url: str) -> None:
    with Store.open(store_url) as store:
        throttle = Throttle(Accounts(store.db), failures=3, window=60)
        for now in (0.0, 1.0, 2.0):
            assert throttle.wait("sam", now) == 0
            throttle.failed("sam", now)
        assert throttle.wait("sam", 3.0) == 57.0
        assert throttle.wait("other", 3.0) == 0
        assert throttle.wait("sam", 60.5) == 0  # the first failure has left the window
        throttle.failed("sam", 60.5)  # three again within the window: the oldest is 1.0
        assert throttle.wait("sam", 60.5) == 0.5
        throttle.failed("other", 200.0)  # and every failure older than a window is gone
        assert throttle.log.failures_since("sam", -1.0) == []
        throttle.succeeded("other")
        assert throttle.wait("other", 200.0) == 0 and throttle.log.failures_since("other", 0) == []


def test_pages_escape_what_they_show() -> None:
    page = login_page("en", "/login", error="x", name='"><script>alert(1)</script>')
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert pick_lang(None, "zh-CN,zh;q=0.9") == "zh" and pick_lang("en", "zh-CN") == "en"


def test_serve_options_refused() -> None:
    with pytest.raises(ServeError, match="sign-in must be on"):
        check_options(ServeOptions(host="0.0.0.0", sign_in=False))
    with pytest.raises(ServeError, match="needs --trusted-proxy"):
        check_options(ServeOptions(trusted_header="X-Forwarded-User"))
    check_options(ServeOptions(host="0.0.0.0"))  # reachable, with sign-in: allowed


def test_serve_refuses_to_start_without_accounts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", str(free_port())]) == 1
    assert "no accounts yet: create the first with `collectsim users add NAME --role admin`" in (
        capsys.readouterr().err
    )
    assert main(["serve", "--host", "0.0.0.0", "--no-sign-in"]) == 1
    assert "sign-in must be on there" in capsys.readouterr().err


def test_serve_on_a_busy_port_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(None) as store:
        Accounts(store.db).add("Amy", "admin", PASSWORD)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"collectsim: error: cannot listen on 127.0.0.1:{port}: ")
    assert err.count("\n") == 1


# -- the server, in process ------------------------------------------------------------------


Client = TestClient[aiohttp.web.Request, aiohttp.web.Application]


@dataclass
class Site:
    client: Client
    store: Store
    server: CollectSimServer


@asynccontextmanager
async def serving(**options: Any) -> AsyncIterator[Site]:
    port = free_port()
    store = Store.open(None)
    accounts = Accounts(store.db)
    accounts.add("Sam", "trainee", PASSWORD)
    accounts.add("Tess", "trainer", PASSWORD)
    server = CollectSimServer(ServeOptions(port=port, **options), store)
    app = await server._make_app()
    async with TestClient(TestServer(app, host="127.0.0.1", port=port)) as client:
        yield Site(client, store, server)


@pytest.fixture
async def site(isolated_home: Path) -> AsyncIterator[Site]:
    proxy = {"trusted_header": "X-Forwarded-User", "trusted_proxies": frozenset({"10.9.9.9"})}
    # These tests open no app process worth a warm parent (tests/test_forked_apps.py has it).
    async with serving(max_per_user=1, prefork=False, **proxy) as site:
        yield site


ORIGIN_OK = "http://127.0.0.1:{port}"


async def sign_in(
    client: Client,
    name: str,
    password: str = PASSWORD,
) -> int:
    origin = ORIGIN_OK.format(port=client.port)
    response = await client.post(
        "/login",
        data={"name": name, "password": password},
        headers={"Origin": origin},
        allow_redirects=False,
    )
    return response.status


async def ws_status(client: Client, origin: str) -> int:
    try:
        ws = await client.ws_connect("/ws?width=80&height=24", headers={"Origin": origin})
    except aiohttp.WSServerHandshakeError as exc:
        return exc.status
    await ws.close()
    return 101


async def test_h2_reproduction_no_session_without_a_sign_in_and_this_sites_origin(
    site: Site,
) -> None:
    client = site.client
    origin = ORIGIN_OK.format(port=client.port)
    # The review's H2: a websocket with Origin evil.example got a full session. Now:
    assert await ws_status(client, "http://evil.example") == 403
    assert await ws_status(client, origin) == 403  # the right origin, but no sign-in
    index = await client.get("/", allow_redirects=False)
    assert (index.status, index.headers["Location"]) == (303, "/login")
    # A sign-in form posted from another site is refused (login CSRF).
    refused = await client.post(
        "/login", data={"name": "Sam", "password": PASSWORD}, headers={"Origin": "null"}
    )
    assert refused.status == 403
    assert await sign_in(client, "Sam", "wrong-password-x") == 401
    assert await sign_in(client, "Sam") == 303
    [cookie] = [c for c in client.session.cookie_jar if c.key == tokens.COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/"
    assert await ws_status(client, "http://evil.example") == 403  # signed in, wrong origin
    page = await client.get("/")
    html = await page.text()
    assert page.status == 200 and "googleapis" not in html and "RobotoMono" in html


async def test_m1_reproduction_per_user_cap_gives_a_clear_page_and_a_refused_socket(
    site: Site,
) -> None:
    client = site.client
    origin = ORIGIN_OK.format(port=client.port)
    assert await sign_in(client, "Sam") == 303
    ws = await client.ws_connect("/ws?width=80&height=24", headers={"Origin": origin})
    try:
        first = await ws.receive(timeout=60)  # the app process, started for Sam, draws
        assert first.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
        assert await ws_status(client, origin) == 503
        full = await client.get("/", headers={"Accept-Language": "zh-CN"})
        assert full.status == 503
        assert "您已经打开了 1 个练习窗口，这是每人的上限" in await full.text()
    finally:
        await ws.close()
        for _ in range(100):  # the app process told to quit, and gone
            if site.server.sessions.running == 0:
                break
            await asyncio.sleep(0.1)
    assert site.server.sessions.running == 0


async def test_a_changed_password_or_a_disabled_account_ends_the_sign_in(
    site: Site,
) -> None:
    client, store = site.client, site.store
    assert await sign_in(client, "Sam") == 303
    assert (await client.get("/", allow_redirects=False)).status == 200
    Accounts(store.db).set_password("Sam", "a-new-password-1")
    assert (await client.get("/", allow_redirects=False)).status == 303
    assert await sign_in(client, "Sam", "a-new-password-1") == 303
    Accounts(store.db).set_disabled("Sam", True)
    assert (await client.get("/", allow_redirects=False)).status == 303


def test_an_open_tab_ends_when_its_account_is_disabled_deleted_or_changed() -> None:
    def user(name: str, role: Any = "trainee", disabled: bool = False, gen: str = "g1") -> User:
        return User(name, role, disabled, "c", gen)

    tabs: OpenTabs[str] = OpenTabs()
    for tab, name in [("sam", "Sam"), ("tess", "Tess"), ("ann", "Ann"), ("bo", "Bo"), ("cy", "Cy")]:
        tabs.opened(tab, user(name))
    now = [
        user("Sam"),  # unchanged: stays open
        user("Tess", disabled=True),
        user("Bo", gen="g2"),  # a new password
        user("Cy", role="trainer"),  # a new role: the app was started with the old one
    ]  # Ann deleted
    assert sorted(tabs.revoked(now)) == ["ann", "bo", "cy", "tess"]
    tabs.closed("tess")
    assert len(tabs) == 4 and "tess" not in tabs.revoked(now)


async def test_disabling_an_account_ends_its_app_process_already_open(
    isolated_home: Path,
) -> None:
    async with serving(recheck_seconds=0.2) as site:
        client = site.client
        origin = ORIGIN_OK.format(port=client.port)
        assert await sign_in(client, "Sam") == 303
        ws = await client.ws_connect("/ws?width=80&height=24", headers={"Origin": origin})
        first = await ws.receive(timeout=60)  # Sam's app process draws
        assert first.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
        Accounts(site.store.db).set_disabled("Sam", True)
        for _ in range(1000):
            message = await ws.receive(timeout=60)
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
        assert ws.close_code == aiohttp.WSCloseCode.POLICY_VIOLATION
        for _ in range(100):  # its app process told to quit, and gone
            if site.server.sessions.running == 0:
                break
            await asyncio.sleep(0.1)
        assert site.server.sessions.running == 0


async def test_a_trusted_header_counts_only_from_the_allow_listed_proxy(
    site: Site,
) -> None:
    client = site.client
    # The test client connects from 127.0.0.1, which is not the allow-listed proxy.
    forged = await client.get("/", headers={"X-Forwarded-User": "Tess"}, allow_redirects=False)
    assert forged.status == 303


async def test_a_trusted_proxys_header_signs_in_an_enabled_account(isolated_home: Path) -> None:
    proxy = {"trusted_header": "X-Forwarded-User", "trusted_proxies": frozenset({"127.0.0.1"})}
    async with serving(prefork=False, **proxy) as site:
        sso = {"X-Forwarded-User": "Tess"}
        assert (await site.client.get("/", headers=sso, allow_redirects=False)).status == 200
        unknown = {"X-Forwarded-User": "Mallory"}
        assert (await site.client.get("/", headers=unknown, allow_redirects=False)).status == 303


async def test_repeated_failures_make_the_name_wait(
    site: Site,
) -> None:
    client = site.client
    for _ in range(5):
        assert await sign_in(client, "Sam", "wrong-password-x") == 401
    assert await sign_in(client, "Sam") == 429  # even the right password, for a while
    # Another `serve` process of the same store (a centre behind one proxy) counts them too.
    other = CollectSimServer(ServeOptions(port=free_port(), prefork=False), site.store)
    async with TestClient(TestServer(await other._make_app(), port=other.port)) as second:
        assert await sign_in(second, "Sam") == 429
        assert await sign_in(second, "Tess") == 303  # another name is not held up


async def test_without_sign_in_on_loopback_the_origin_is_still_checked(
    isolated_home: Path,
) -> None:
    async with serving(sign_in=False, prefork=False) as site:
        client = site.client
        assert (await client.get("/", allow_redirects=False)).status == 200
        assert await ws_status(client, "http://evil.example") == 403
        # DNS rebinding: a page of another name that points at 127.0.0.1.
        rebound = await client.get("/", headers={"Host": f"evil.example:{client.port}"})
        assert rebound.status == 421


async def test_m1_reproduction_a_reachable_host_needs_sign_in_and_says_so_at_start(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(None) as store:
        server = CollectSimServer(ServeOptions(host="0.0.0.0", port=8123, prefork=False), store)
        await server.on_startup(await server._make_app())
    out = capsys.readouterr().out
    # The review's M1: `serve --host 0.0.0.0` bound every interface with no word said, and
    # without sign-in (check_options refuses that: test_serve_options_refused).
    assert "CollectSim is served on http://0.0.0.0:8123" in out
    assert "--host 0.0.0.0: reachable from other machines; sign-in is required" in out
    assert "At most 20 sessions at once, 2 per user." in out
