"""`collectsim tui` (the app in the terminal) and `collectsim serve` (the app in a browser)."""

from __future__ import annotations

import argparse

from simulator.cli.common import add_db_option
from simulator.cli.errors import UserError
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

    serve = sub.add_parser("serve", help="serve the app to browsers (textual-serve)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--public-url", default=None, help="URL browsers use, if proxied")
    serve.set_defaults(func=run_serve)


def run_tui(args: argparse.Namespace) -> int:
    from simulator.tui.app import CollectSimApp  # Textual loads only when the app opens

    if args.resume:
        if args.scenario or args.trainee:
            raise UserError("--resume takes the scenario and trainee from the attempt", status=2)
        from simulator.cli.resume import resume_call

        app = CollectSimApp(lang=args.lang)
        session, store, _journal = resume_call(args.resume, args.db, app.records_failed)
        app.open_resumed(session, store)
        app.run()
        return 0
    if args.lock_trainee and not args.trainee.strip():
        raise UserError("--lock-trainee needs --trainee NAME", status=2)
    entries = None
    if args.scenario:
        if not args.trainee:
            raise UserError("--scenario needs --trainee NAME", status=2)
        entries = load_catalog()[0]
        if all(e.scenario.id != args.scenario for e in entries):
            raise UserError(f"no scenario with id '{args.scenario}'")
    app = CollectSimApp(
        lang=args.lang,
        trainee=args.trainee,
        scenario_id=args.scenario,
        entries=entries,
        records_url=args.db,
        trainee_locked=args.lock_trainee,
    )
    app.run()
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from simulator.tui.serve import serve

    if not 0 < args.port < 65536:
        raise UserError(f"--port {args.port}: not a TCP port", status=2)
    serve(args.host, args.port, args.public_url)
    return 0
