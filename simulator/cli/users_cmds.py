"""`collectsim users`: the accounts that sign in to the browser app (`collectsim serve`).

Passwords are asked on the terminal (twice, not echoed) or read from one line of standard
input with `--password-stdin` (for scripts); never taken as an argument, where `ps` and
the shell history would show them. There is no default account: the first admin is made
with `collectsim users add NAME --role admin`.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from scoring.lang import Lang
from simulator.cli.common import add_db_option, open_store, store_errors, trainee_name
from simulator.cli.errors import UserError
from simulator.cli.output import print_json, print_table
from simulator.cli.strings import lang_of, tr
from simulator.records.accounts import ROLES, Accounts, User
from simulator.records.passwords import MAX_CHARS, PasswordError, check_strength


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = sub.add_parser("users", help="accounts that sign in to the browser app (serve)")
    users.set_defaults(func=run_missing)
    cmds = users.add_subparsers(dest="users_command", metavar="COMMAND")

    a = cmds.add_parser("add", help="add an account (the first admin too)")
    a.add_argument("name", help="the name shown and recorded (a trainee's calls go under it)")
    a.add_argument(
        "--role",
        choices=ROLES,
        default="trainee",
        help="trainee: own calls; trainer and admin: also every trainee's records (F3)",
    )
    _add_password_stdin(a)
    a.set_defaults(func=run_add)

    p = cmds.add_parser("passwd", help="set a new password (ends the account's sign-ins)")
    p.add_argument("name", help="the account's name")
    _add_password_stdin(p)
    p.set_defaults(func=run_passwd)

    d = cmds.add_parser("disable", help="disable an account (ends its sign-ins at once)")
    d.add_argument("name", help="the account's name")
    add_db_option(d)
    d.set_defaults(func=run_disable, disabled=True)

    e = cmds.add_parser("enable", help="enable a disabled account again")
    e.add_argument("name", help="the account's name")
    add_db_option(e)
    e.set_defaults(func=run_disable, disabled=False)

    li = cmds.add_parser("list", help="the accounts, their roles and whether disabled")
    li.add_argument("--json", action="store_true", help="print as JSON")
    add_db_option(li)
    li.set_defaults(func=run_list)


def _add_password_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input (not the terminal)",
    )
    add_db_option(parser)


def run_missing(args: argparse.Namespace) -> int:
    raise UserError.said("users_missing", status=2)


def read_password(from_stdin: bool, lang: Lang = "en") -> str:
    """The new password: one line of stdin, or asked twice on the terminal."""
    if from_stdin:
        line = sys.stdin.readline(MAX_CHARS + 2)  # bounded: a password, not a file
        password = line.removesuffix("\n").removesuffix("\r")
    else:
        if not sys.stdin.isatty():
            raise UserError.said("no_terminal")
        password = getpass.getpass(tr("new_password", lang))
        if getpass.getpass(tr("again", lang)) != password:
            raise UserError.said("passwords_differ")
    try:
        check_strength(password)
    except PasswordError as exc:
        raise UserError.of(exc) from None
    return password


def _done(done: str, user: User, lang: Lang) -> None:
    shown = "account_disabled" if user.disabled else "account"
    print(tr(done, lang, account=tr(shown, lang, name=user.name, role=user.role)))


def run_add(args: argparse.Namespace) -> int:
    name = trainee_name(args.name, "name")
    lang = lang_of(args)
    password = read_password(args.password_stdin, lang)
    with store_errors(), open_store(args.db) as store:
        _done("user_added", Accounts(store.db).add(name, args.role, password), lang)
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    with store_errors(), open_store(args.db) as store:
        accounts = Accounts(store.db)
        if accounts.user(args.name) is None:  # before asking for a password
            raise UserError.said("no_user", name=repr(args.name))
        lang = lang_of(args)
        password = read_password(args.password_stdin, lang)
        _done("user_password", accounts.set_password(args.name, password), lang)
    return 0


def run_disable(args: argparse.Namespace) -> int:
    with store_errors(), open_store(args.db) as store:
        user = Accounts(store.db).set_disabled(args.name, args.disabled)
        _done("user_disabled" if args.disabled else "user_enabled", user, lang_of(args))
    return 0


def run_list(args: argparse.Namespace) -> int:
    with store_errors(), open_store(args.db, create=False) as store:
        users = Accounts(store.db).users()
    if args.json:
        print_json([u.to_json() for u in users])
        return 0
    lang = lang_of(args)
    print_table(
        [tr(f"col_{c}", lang) for c in ("name", "role", "disabled", "created")],
        [[u.name, u.role, tr("yes", lang) if u.disabled else "", u.created_at[:16]] for u in users],
        empty=tr("no_accounts", lang),
    )
    return 0
