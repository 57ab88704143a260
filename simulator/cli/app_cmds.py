"""`collectsim tui` (the app in the terminal) and `collectsim serve` (the app in a browser)."""

from __future__ import annotations

import argparse
import os

from simulator.cli.common import add_db_option, trainee_name
from simulator.cli.errors import UserError
from simulator.cli.strings import lang_of
from simulator.engine.catalog import load_catalog


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tui = sub.add_parser("tui", help="open the app (the default command)")
    tui.add_argument("--scenario", help="open this scenario's call directly")
    tui.add_argument("--trainee", default="", help="trainee name")
    tui.add_argument(
        "--lock-trainee",
        action="store_true",
        help="the name is fixed (given by sign-in): the app never lets it change",
    )
    tui.add_argument("--lang", choices=["zh", "en"], default=None, help="UI language")
    add_db_option(tui)
    tui.add_argument(
        "--resume",
        metavar="ATTEMPT",
        help="go on with an interrupted call from the records store (its id or a prefix)",
    )
    tui.set_defaults(func=run_tui)

    serve = sub.add_parser(
        "serve", help="serve the app to browsers, behind a sign-in (accounts: collectsim users)"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default loopback; any other needs sign-in, which is on)",
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="TCP port to listen on (default 8000)"
    )
    serve.add_argument("--public-url", default=None, help="URL browsers use, if proxied")
    serve.add_argument(
        "--no-sign-in",
        dest="sign_in",
        action="store_false",
        help="loopback only: no accounts, the name is typed in the app (one person's machine)",
    )
    serve.add_argument(
        "--max-sessions", type=int, default=20, help="app processes at once (default 20)"
    )
    serve.add_argument(
        "--max-per-user", type=int, default=2, help="app processes per user (default 2)"
    )
    serve.add_argument(
        "--session-hours", type=float, default=12.0, help="how long a sign-in lasts (12)"
    )
    serve.add_argument(
        "--trusted-header",
        metavar="HEADER",
        help="a reverse proxy's authenticated-user header (e.g. X-Forwarded-User), "
        "believed only from --trusted-proxy addresses",
    )
    serve.add_argument(
        "--trusted-proxy",
        metavar="ADDRESS",
        action="append",
        default=[],
        help="address of a proxy allowed to send --trusted-header (repeatable)",
    )
    serve.add_argument(
        "--no-prefork",
        dest="prefork",
        action="store_false",
        help="start each tab's app afresh, not forked from a warm parent (slower, more memory)",
    )
    add_db_option(serve)
    serve.set_defaults(func=run_serve)


def run_tui(args: argparse.Namespace) -> int:
    from simulator.tui.app import CollectSimApp  # Textual loads only when the app opens
    from simulator.web.identity import signed_in

    # Started by `serve` for a signed-in user: their name, fixed; their role's screens.
    user = signed_in(os.environ)
    if user is not None:
        if args.resume or args.scenario or args.trainee:
            raise UserError.said("signed_in_app", status=2)
        app = CollectSimApp(
            lang=args.lang,
            trainee=user.name,
            trainee_locked=True,
            sees_records=user.sees_records,
            records_url=args.db,
        )
        app.run()
        return 0

    if args.resume:
        if args.scenario or args.trainee:
            raise UserError.said("resume_takes_trainee", status=2)
        from simulator.cli.resume import resume_call

        app = CollectSimApp(lang=args.lang)
        session, store, _journal = resume_call(args.resume, args.db, app.records_failed)
        app.open_resumed(session, store)
        app.run()
        return _exit_status(app.return_code)
    if args.lock_trainee and not args.trainee.strip():
        raise UserError.said("lock_needs_trainee", status=2)
    if args.trainee:
        trainee_name(args.trainee)
    entries = None
    if args.scenario:
        if not args.trainee:
            raise UserError.said("scenario_needs_trainee", status=2)
        entries = load_catalog()[0]
        if all(e.scenario.id != args.scenario for e in entries):
            raise UserError.said("no_scenario_id", id=args.scenario)
    app = CollectSimApp(
        lang=args.lang,
        trainee=args.trainee,
        scenario_id=args.scenario,
        entries=entries,
        records_url=args.db,
        trainee_locked=args.lock_trainee,
    )
    app.run()
    return _exit_status(app.return_code)


def _exit_status(code: int | None) -> int:
    """The app's own status: non-zero when it ended on an error (a crash is never exit 0)."""
    return code or 0


def run_serve(args: argparse.Namespace) -> int:
    from simulator.web.server import ServeError, ServeOptions, serve

    if not 0 < args.port < 65536:
        raise UserError.said("not_a_port", status=2, port=args.port)
    if args.db is not None:
        os.environ["COLLECTSIM_DB"] = args.db  # the app processes record there too
    options = ServeOptions(
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        sign_in=args.sign_in,
        max_sessions=args.max_sessions,
        max_per_user=args.max_per_user,
        session_hours=args.session_hours,
        trusted_header=args.trusted_header,
        trusted_proxies=frozenset(args.trusted_proxy),
        lang=lang_of(args),
        prefork=args.prefork,
    )
    try:
        serve(options, args.db)
    except ServeError as exc:
        raise UserError.of(exc) from None
    return 0
