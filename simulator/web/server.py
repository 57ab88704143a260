"""`collectsim serve`: textual-serve behind a sign-in.

textual-serve (aiohttp) starts one app process for each websocket on `/ws`. This server
extends it, never forks it: a middleware lets nothing but the sign-in page through until
the browser holds a valid session cookie; `/ws` also needs an Origin of this site; each app
process is started for the signed-in user (`identity`: their name is the trainee name, their
role decides whether the HR screen exists) and counted against the caps (`limits`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from scoring.i18n import Lang
from scoring.said import SaidError
from simulator.engine.phrases import os_reason
from simulator.records import Store, StoreError
from simulator.records.accounts import Accounts, User
from simulator.web import pages
from simulator.web.forked_apps import WarmParent, app_argv
from simulator.web.identity import ROLE_ENV, USER_ENV, SignedIn
from simulator.web.limits import Sessions, Throttle
from simulator.web.revocation import OpenTabs
from simulator.web.startup import SERVE, startup_lines
from simulator.web.tokens import COOKIE, Claims, issue, read

log = logging.getLogger("collectsim.serve")
TEMPLATES = Path(__file__).resolve().parent / "templates"
APP_COMMAND = [sys.executable, "-m", "simulator.cli.main", "tui"]
COOKIE_SECRET = "session-cookie"
QUIT_SECONDS = 10
ANONYMOUS = ""  # the caps' key for sessions when sign-in is off
# The signed-in user of a request (None when sign-in is off), set by the guard.
USER: web.RequestKey[SignedIn | None] = web.RequestKey("user", object)  # type: ignore[arg-type]
# The account as it stood when the request was let through (None when sign-in is off).
ACCOUNT: web.RequestKey[User | None] = web.RequestKey("account", object)  # type: ignore[arg-type]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ServeError(SaidError):
    """The server cannot start as asked: one line, said in the reader's language."""

    book = SERVE


@dataclass(frozen=True, slots=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    sign_in: bool = True
    max_sessions: int = 20
    max_per_user: int = 2
    session_hours: float = 12.0
    trusted_header: str | None = None
    trusted_proxies: frozenset[str] = field(default_factory=frozenset)
    # How often open tabs' accounts are looked at again (a disabled account's app ends).
    recheck_seconds: float = 5.0
    lang: Lang = "en"  # of the lines printed on start (`serve --lang`)
    # Fork each tab's app process from a warm parent that has loaded the app once (forked_apps).
    prefork: bool = True


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_options(options: ServeOptions) -> None:
    if not options.sign_in and not is_loopback(options.host):
        raise ServeError("open_host", host=options.host)
    if options.max_sessions < 1 or options.max_per_user < 1:
        raise ServeError("caps_positive")
    if options.trusted_header and not options.trusted_proxies:
        raise ServeError("header_needs_proxy")
    if options.trusted_header and not options.sign_in:
        raise ServeError("header_needs_sign_in")
    if options.session_hours <= 0:
        raise ServeError("hours_positive")
    if options.public_url and urlsplit(options.public_url).scheme not in ("http", "https"):
        raise ServeError("not_http", url=options.public_url)


class UserAppService(AppService):
    """textual-serve's app process, started for one signed-in user: their identity in its
    environment, and the command run directly (no shell in between)."""

    def __init__(
        self, user: SignedIn | None, warm: WarmParent | None = None, **kwargs: Any
    ) -> None:
        super().__init__(" ".join(APP_COMMAND), **kwargs)
        self.user = user
        self.warm = warm

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width=width, height=height)
        env.pop(USER_ENV, None)  # only ever the server's word for who this is
        env.pop(ROLE_ENV, None)
        if self.user is not None:
            env.update(self.user.environment())
        return env

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        environment = self._build_environment(width=width, height=height)
        forked = await self.warm.spawn(environment) if self.warm is not None else None
        if forked is not None:
            # textual-serve types its process as asyncio's; a ForkedApp has what it uses.
            self._process = forked  # type: ignore[assignment]
            self._stdin = forked.stdin
            return forked
        self._process = process = await asyncio.create_subprocess_exec(
            *APP_COMMAND,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """Told to quit (textual-serve), then waited for: no process is left behind, and
        the cap counts it until it is gone. One that does not quit in time is killed."""
        await super().stop()
        process = self._process
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), QUIT_SECONDS)
            except TimeoutError:
                process.kill()
                await process.wait()


class CollectSimServer(Server):
    def __init__(self, options: ServeOptions, store: Store) -> None:
        super().__init__(
            " ".join(APP_COMMAND),
            host=options.host,
            port=options.port,
            title="CollectSim",
            public_url=options.public_url,
            templates_path=TEMPLATES,
        )
        self.options = options
        self.store = store
        self.accounts = Accounts(store.db)
        self.sessions = Sessions(options.max_sessions, options.max_per_user)
        self.throttle = Throttle(self.accounts)  # counted in the store: every process
        self._sockets: set[web.WebSocketResponse] = set()
        self._tabs: OpenTabs[web.WebSocketResponse] = OpenTabs()
        self._recheck: asyncio.Task[None] | None = None
        self._warm: WarmParent | None = None
        self._key = bytes.fromhex(self.accounts.secret(COOKIE_SECRET))
        # Where the app lives as browsers see it: a proxy may serve it under a path.
        public = urlsplit(options.public_url) if options.public_url else None
        self._prefix = public.path.rstrip("/") if public else ""
        self._public_origin = f"{public.scheme}://{public.netloc}" if public else None
        self._secure = bool(public and public.scheme == "https")

    # -- the aiohttp application -------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.router.add_get("/login", self.handle_login_page)
        app.router.add_post("/login", self.handle_login)
        app.router.add_post("/logout", self.handle_logout)
        return app

    async def on_startup(self, app: web.Application) -> None:
        o = self.options
        for line in startup_lines(
            o.lang,
            f"http://{self.host}:{self.port}",
            o.public_url,
            None if is_loopback(self.host) else self.host,
            o.sign_in,
            o.max_sessions,
            o.max_per_user,
        ):
            print(line)
        sys.stdout.flush()
        if self.options.sign_in:
            self._recheck = asyncio.create_task(self._recheck_accounts())
        if self.options.prefork:
            # Every tab's environment but its size and its user: what the parent loads under.
            base = UserAppService(
                None,
                write_bytes=_ignored,
                write_str=_ignored,
                close=_ignored,
                download_manager=self.download_manager,
                debug=self.debug,
            )._build_environment()
            self._warm = WarmParent(base, app_argv(APP_COMMAND))
            self._warm.begin()

    async def _recheck_accounts(self) -> None:
        """Every few seconds, close the open tabs whose account was disabled, deleted or
        changed since (its app process is then told to quit, as when the tab closes)."""
        while True:
            await asyncio.sleep(self.options.recheck_seconds)
            if not self._tabs:
                continue
            try:
                now = await asyncio.to_thread(self.accounts.users)
            except StoreError as exc:  # the store is down: keep the tabs, look again later
                log.error("records store: %s", exc)
                continue
            for websocket in self._tabs.revoked(now):
                self._tabs.closed(websocket)
                await websocket.close(code=WSCloseCode.POLICY_VIOLATION, message=b"signed out")

    async def on_shutdown(self, app: web.Application) -> None:
        if self._recheck is not None:
            self._recheck.cancel()
        # Close every tab's websocket now, so each app process is told to quit and the
        # server stops in seconds, not after aiohttp's wait for open handlers.
        await asyncio.gather(
            *(ws.close(code=WSCloseCode.GOING_AWAY) for ws in list(self._sockets)),
            return_exceptions=True,
        )
        await asyncio.to_thread(self.store.close)
        if self._warm is not None:
            await self._warm.close()

    # -- who is asking -----------------------------------------------------------------------

    def url(self, path: str) -> str:
        """A path as the browser must ask for it (under the public URL's path, if any)."""
        return f"{self._prefix}{path}"

    def _allowed_origins(self, request: web.Request) -> set[str]:
        origins = set()
        if self._public_origin:
            origins.add(self._public_origin)
        if is_loopback(self.host):
            origins |= {f"http://{h}:{self.port}" for h in ("127.0.0.1", "localhost", "[::1]")}
        elif not self._public_origin:
            # Reached under any name: this host's own pages (the cookie is what keeps
            # another site's page out, as no other site's pages hold it).
            origins |= {f"http://{request.host}", f"https://{request.host}"}
        return origins

    def origin_ok(self, request: web.Request) -> bool:
        return request.headers.get("Origin", "") in self._allowed_origins(request)

    def host_ok(self, request: web.Request) -> bool:
        """A loopback server answers only to its own names (a page whose name was pointed
        at 127.0.0.1 — DNS rebinding — is refused)."""
        if not is_loopback(self.host):
            return True
        allowed = {o.split("://", 1)[1] for o in self._allowed_origins(request)}
        return request.host in allowed

    def _proxy_user(self, request: web.Request) -> str | None:
        """The name an allow-listed proxy vouches for (single sign-on), if any."""
        header = self.options.trusted_header
        if not header or request.remote not in self.options.trusted_proxies:
            return None
        return request.headers.get(header, "").strip() or None

    async def signed_in_user(self, request: web.Request) -> User | None:
        """Who this request is from: a trusted proxy's header, else the session cookie. A
        cookie issued before the password changed, or before the account was disabled,
        no longer counts; nor does any sign-in of a disabled or deleted account."""
        name = self._proxy_user(request)
        claims = None
        if name is None:
            claims = read(self._key, request.cookies.get(COOKIE, ""), time.time())
            if claims is None:
                return None
            name = claims.name
        user = await asyncio.to_thread(self.accounts.user, name)
        if user is None or user.disabled:
            return None
        if claims is not None and claims.generation != user.password_changed_at:
            return None
        return user

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        lang = self._lang(request)
        if not self.host_ok(request):
            return web.Response(status=421, text="unknown host name")
        if request.path == "/login":
            return await handler(request)
        if not self.options.sign_in:
            request[USER] = None
            request[ACCOUNT] = None
            return await handler(request)
        try:
            user = await self.signed_in_user(request)
        except StoreError as exc:  # the store is down: say so, never a traceback page
            log.error("records store: %s", exc)
            return web.Response(status=503, text=pages.s("store_down", lang))
        if user is None:
            if request.method == "GET" and request.path != "/ws":
                raise web.HTTPSeeOther(self.url("/login"))
            return web.Response(status=403, text=pages.s("sign_in_first", lang))
        request[USER] = SignedIn(user.name, user.role)
        request[ACCOUNT] = user
        return await handler(request)

    @staticmethod
    def _lang(request: web.Request) -> Lang:
        return pages.pick_lang(request.query.get("lang"), request.headers.get("Accept-Language"))

    # -- sign-in -------------------------------------------------------------------------------

    def _html(self, text: str, status: int = 200) -> web.Response:
        response = web.Response(text=text, status=status, content_type="text/html")
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            "frame-ancestors 'none'"
        )
        return response

    async def handle_login_page(self, request: web.Request) -> web.StreamResponse:
        if not self.options.sign_in or await self.signed_in_user(request) is not None:
            raise web.HTTPSeeOther(self.url("/"))
        return self._html(pages.login_page(self._lang(request), self.url("/login")))

    async def handle_login(self, request: web.Request) -> web.StreamResponse:
        lang = self._lang(request)
        if not self.origin_ok(request):
            title = pages.s("title", lang)
            return self._html(pages.message_page(lang, title, pages.s("bad_origin", lang)), 403)
        form = await request.post()
        name = str(form.get("name", "")).strip()[:200]
        password = str(form.get("password", ""))
        now = time.time()
        try:
            wait = await asyncio.to_thread(self.throttle.wait, name, now)
            if wait > 0:
                error = pages.s("throttled", lang, minutes=max(1, round(wait / 60)))
                return self._login_again(lang, error, name, 429)
            user = await asyncio.to_thread(self.accounts.authenticate, name, password)
            if user is None:
                await asyncio.to_thread(self.throttle.failed, name, now)
                error = pages.s("failed", lang)
                return self._login_again(lang, error, name, 401)
            await asyncio.to_thread(self.throttle.succeeded, name)
        except StoreError as exc:
            log.error("records store: %s", exc)
            return web.Response(status=503, text=pages.s("store_down", lang))
        expires = time.time() + self.options.session_hours * 3600
        token = issue(self._key, Claims(user.name, user.password_changed_at, expires))
        response = web.Response(status=303, headers={"Location": self.url("/")})
        response.set_cookie(
            COOKIE,
            token,
            path=self.url("/"),
            httponly=True,
            samesite="Strict",
            secure=self._secure,
        )
        log.info("signed in: %r (%s)", user.name, user.role)
        return response

    def _login_again(self, lang: Lang, error: str, name: str, status: int) -> web.Response:
        page = pages.login_page(lang, self.url("/login"), error=error, name=name)
        return self._html(page, status)

    async def handle_logout(self, request: web.Request) -> web.StreamResponse:
        if not self.origin_ok(request):
            return web.Response(status=403, text="cross-site request refused")
        response = web.Response(status=303, headers={"Location": self.url("/login")})
        response.del_cookie(COOKIE, path=self.url("/"))
        return response

    # -- the app -------------------------------------------------------------------------------

    def _full(self, request: web.Request, user: SignedIn | None) -> web.Response | None:
        refusal = self.sessions.refusal(user.name if user else ANONYMOUS)
        if refusal is None:
            return None
        lang = self._lang(request)
        limit = self.sessions.total if refusal == "total" else self.sessions.per_user
        message = pages.s(f"full_{refusal}", lang, limit=limit)
        page = pages.message_page(lang, pages.s("full_title", lang), message, reload=True)
        return self._html(page, 503)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        user = request[USER]
        full = self._full(request, user)
        if full is not None:
            return full
        lang = self._lang(request)
        base = (self.options.public_url or f"{request.scheme}://{request.host}").rstrip("/")
        ws_base = ("wss:" if base.startswith("https:") else "ws:") + base.split(":", 1)[1]
        context = {
            "font_size": _int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{ws_base}/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
            "lang_tag": "zh-CN" if lang == "zh" else "en",
            "sign_out_url": self.url("/logout") if user else "",
            "text": {k: pages.s(k, lang) for k in ("ended", "restart", "sign_out")},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        if not self.origin_ok(request):
            return web.Response(status=403, text="cross-site websocket refused")
        user = request[USER]
        key = user.name if user else ANONYMOUS
        if self.sessions.take(key) is not None:
            return web.Response(status=503, text="the server is full")
        try:
            return await self._run_app(request, user)
        finally:
            self.sessions.give_back(key)

    async def _run_app(self, request: web.Request, user: SignedIn | None) -> web.StreamResponse:
        # As textual-serve's own handle_websocket, with the user's app service.
        websocket = web.WebSocketResponse(heartbeat=15)
        self._sockets.add(websocket)
        width = _int(request.query.get("width", "80"), 80)
        height = _int(request.query.get("height", "24"), 24)
        app_service: UserAppService | None = None
        try:
            await websocket.prepare(request)
            account = request[ACCOUNT]
            if account is not None:
                self._tabs.opened(websocket, account)
            app_service = UserAppService(
                user,
                self._warm,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # as textual-serve: one tab's failure never stops the server
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
            self._sockets.discard(websocket)
            self._tabs.closed(websocket)
        return websocket

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app hands to the browser (a report export): only to its own user."""
        try:
            download = await self.download_manager.get_download_metadata(request.match_info["key"])
        except KeyError:
            raise web.HTTPNotFound() from None
        owner = getattr(download.app_service, "user", None)
        if owner != request[USER]:
            raise web.HTTPNotFound()
        return await super().handle_download(request)


async def _ignored(*_args: Any, **_kwargs: Any) -> None:
    """What a service built only for its environment is given to write and close with."""


def _int(value: str, default: int) -> int:
    try:
        return max(1, min(int(value), 1000))
    except ValueError:
        return default


def serve(options: ServeOptions, db: str | None = None) -> None:
    """Run the server until Ctrl+C; ServeError when it cannot start."""
    check_options(options)
    try:
        store = Store.open(db)
        if options.sign_in and not Accounts(store.db).any_enabled():
            store.close()
            raise ServeError("no_accounts", target=store.target)
        server = CollectSimServer(options, store)
    except StoreError as exc:
        raise ServeError("store", error=exc.said) from None
    try:
        server.serve()
    except OSError as exc:
        raise ServeError(
            "cannot_listen", host=options.host, port=options.port, reason=os_reason(exc)
        ) from None
