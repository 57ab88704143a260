"""`collectsim`: entry point. Every error is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

from scoring.lang import Lang
from scoring.said import SaidError
from simulator.cli.errors import UserError
from simulator.cli.parsing import Parser, named_lang, speak
from simulator.cli.strings import add_lang_option, lang_of, tr
from simulator.engine.paths import (
    PACK_CACHE_ENV,
    SCENARIOS_ENV,
    VECTOR_CACHE_ENV,
    pack_cache,
    vector_cache,
)
from simulator.engine.phrases import os_reason
from simulator.engine.safetext import visible
from simulator.engine.ui_lang import default_lang

SCENARIOS_HELP = (
    "the scenarios folder to use (also COLLECTSIM_SCENARIOS; default: ./scenarios when "
    "present, else the shipped catalog)"
)


# Each command, the module that defines it and its one-line help, in the order `--help` lists
# them. Only the chosen command's module is imported: the others pull in the judge, the
# records store or Textual, and `collectsim --help` need not (a test keeps this table true).
COMMANDS: dict[str, tuple[str, str]] = {
    "tui": ("app_cmds", "open the app (the default command)"),
    "serve": (
        "app_cmds",
        "serve the app to browsers, behind a sign-in (accounts: collectsim users)",
    ),
    "play": ("play", "hold a call in the terminal (headless)"),
    "check": ("judge_cmds", "judge utterances out of context (one JSON object a line)"),
    "analyze": ("judge_cmds", "what the engine understands of a line"),
    "rules": (
        "judge_cmds",
        "list a rule pack: each rule's citations, binding force and scope",
    ),
    "score": (
        "score_cmd",
        "score a stored call: a journal file, or an attempt id in the records",
    ),
    "validate": ("validate_cmd", "validate scenario and golden test files"),
    "lint": ("author_cmds", "check scenarios as graphs (unreachable states, dead ends...)"),
    "graph": ("author_cmds", "draw a scenario's state machine"),
    "test": ("author_cmds", "run golden conversation tests"),
    "schema": ("author_cmds", "write the JSON Schemas of scenario and test files"),
    "new": ("author_cmds", "scaffold a valid scenario and a starter golden test"),
    "docs": ("author_cmds", "write docs/scenarios.md: the catalog with its graphs"),
    "tracks": ("author_cmds", "list the certification tracks and their levels"),
    "intents": ("author_cmds", "list the intents transitions can react to"),
    "rescore": (
        "hr_cmds",
        "judge stored attempts again under the current rule pack (read-only)",
    ),
    "hr": ("hr_cmds", "training records: attempts, trainees, transcripts"),
    "users": ("users_cmds", "accounts that sign in to the browser app (serve)"),
}
_MODULES = tuple(dict.fromkeys(module for module, _ in COMMANDS.values()))


def _register(module: str, sub: argparse._SubParsersAction[Parser]) -> None:
    loaded = import_module(f"simulator.cli.{module}")
    adder = getattr(loaded, "add_parsers", None) or loaded.add_parser
    adder(sub)


def build_parser(command: str | None = "*") -> argparse.ArgumentParser:
    """The parser with every command (`"*"`), or with `command`'s module only and the others
    listed by name and help (`--help`, or a command that is not known)."""
    parser = Parser(
        prog="collectsim",
        description="CollectSim: practise collection calls with scripted debtors; "
        "every line scored for tone, accuracy and compliance.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _MODULES if command == "*" else [m for n, (m, _) in COMMANDS.items() if n == command]
    for module in dict.fromkeys(wanted):
        _register(module, sub)
    for name, (_, help_text) in COMMANDS.items():
        if name not in sub.choices:
            sub.add_parser(name, help=help_text)
    # --help lists the commands in the table's order, whichever module was imported.
    sub._choices_actions.sort(key=lambda action: list(COMMANDS).index(action.dest))
    parser.add_argument("--scenarios", type=Path, metavar="DIR", help=SCENARIOS_HELP)
    add_lang_option(parser)  # `collectsim --lang zh --help`; a command's own --lang also
    _add_scenarios_option(sub)
    _add_lang_option(sub)
    return parser


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named on the command line (the first word that is not an option or the
    value of --scenarios or --lang), or None."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in ("--scenarios", "--lang"):
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def _add_scenarios_option(sub: argparse._SubParsersAction[Parser]) -> None:
    """`--scenarios DIR` after any command too (`collectsim play --scenarios DIR ...`)."""
    for command in sub.choices.values():
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            for group in nested:
                _add_scenarios_option(group)
        else:
            command.add_argument(
                "--scenarios",
                type=Path,
                metavar="DIR",
                default=argparse.SUPPRESS,
                help=SCENARIOS_HELP,
            )


def _add_lang_option(sub: argparse._SubParsersAction[Parser]) -> None:
    """`--lang zh|en` on every command that has none of its own (what it says to a person)."""
    for command in sub.choices.values():
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        for group in nested:
            _add_lang_option(group)
        if not any("--lang" in a.option_strings for a in command._actions):
            add_lang_option(command)


def use_scenarios(folder: Path | None, command: str | None) -> None:
    """The catalog chosen by --scenarios, for this process and the app's (`serve` starts one
    process a browser tab): it goes in the environment as COLLECTSIM_SCENARIOS."""
    if folder is None:
        return
    if command != "new" and not folder.is_dir():
        raise UserError.said("no_folder", status=2, folder=folder)
    os.environ[SCENARIOS_ENV] = str(folder)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    command = chosen_command(words)
    if command is None and not {"-h", "--help"} & set(words):
        words, command = [*words, "tui"], "tui"  # the app, with any global option given
    parser = build_parser(command)
    # --help and argparse's errors speak before the command line is parsed: its --lang (the
    # last one named), else the locale's.
    named = named_lang(words)
    speak(parser, named or default_lang())
    args = parser.parse_args(words)
    if named is not None and getattr(args, "lang", None) is None:
        args.lang = named  # `collectsim --lang zh COMMAND`: the command's --lang is unset
    # Vectors of exemplars a centre edited are embedded once and kept in the data directory.
    os.environ.setdefault(VECTOR_CACHE_ENV, str(vector_cache()))
    # So are a rule pack's checked patterns and their literals (a faster `check`).
    os.environ.setdefault(PACK_CACHE_ENV, str(pack_cache()))
    try:
        use_scenarios(args.scenarios, args.command)
        status: int = args.func(args)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # Said in the command's language as the command left it (`play` speaks its
        # scenario's language when no --lang is given).
        return _failed(exc, lang_of(args))
    return status


def _failed(exc: Exception, lang: Lang) -> int:
    """The one error line of a command that failed, and its exit status."""
    if isinstance(exc, UserError):
        error(exc.in_lang(lang), lang)
        return exc.status
    if isinstance(exc, UnicodeError):  # an argument or input line that is not UTF-8 ($'\xff')
        error(tr("not_utf8", lang), lang)
        return 2
    if isinstance(exc, OverflowError):
        error(tr("out_of_range", lang), lang)
        return 2
    if isinstance(exc, RecursionError):
        error(tr("too_deep", lang), lang)
        return 1
    return _engine_error(exc, lang)


def error(message: str, lang: Lang = "en") -> None:
    """One line on stderr; whatever a trainee or a file put in it cannot drive the terminal."""
    print(tr("error_line", lang, message=visible(message)), file=sys.stderr)


def _engine_error(exc: Exception, lang: Lang) -> int:
    """A scenario's problems one line each, any layer's said error (a journal's, the
    catalog's) or the system's refusal as one line, exit 1; anything else is raised again.
    The scenario loader is looked up only if already imported (one that was not cannot have
    raised), so `check` never loads it."""

    loader = sys.modules.get("simulator.engine.loader")
    if loader is not None and isinstance(exc, loader.ScenarioError):
        for problem in exc.problems:
            print(visible(problem.in_lang(lang)), file=sys.stderr)
        return 1
    if isinstance(exc, SaidError):  # a journal's, the catalog's, any layer's said error
        error(exc.in_lang(lang), lang)
        return 1
    if isinstance(exc, OSError):  # COLLECTSIM_HOME naming a file, a full or read-only disk
        reason = os_reason(exc)
        where = exc.filename
        error(tr("os_error", lang, path=where, reason=reason) if where else reason.get(lang), lang)
        return 1

    raise exc


if __name__ == "__main__":
    sys.exit(main())
