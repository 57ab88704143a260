"""`collectsim`: entry point. Every error is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from simulator.cli import (
    app_cmds,
    author_cmds,
    hr_cmds,
    judge_cmds,
    play,
    score_cmd,
    validate_cmd,
)
from simulator.cli.errors import UserError
from simulator.engine.catalog import UnknownScenario
from simulator.engine.journal import JournalError
from simulator.engine.loader import ScenarioError
from simulator.engine.paths import SCENARIOS_ENV, VECTOR_CACHE_ENV, vector_cache
from simulator.engine.safetext import visible

SCENARIOS_HELP = (
    "the scenarios folder to use (also COLLECTSIM_SCENARIOS; default: ./scenarios when "
    "present, else the shipped catalog)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="collectsim",
        description="CollectSim: practise collection calls with scripted debtors; "
        "every line scored for tone, accuracy and compliance.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    app_cmds.add_parsers(sub)
    play.add_parser(sub)
    judge_cmds.add_parsers(sub)
    score_cmd.add_parser(sub)
    validate_cmd.add_parser(sub)
    author_cmds.add_parsers(sub)
    hr_cmds.add_parsers(sub)
    parser.add_argument("--scenarios", type=Path, metavar="DIR", help=SCENARIOS_HELP)
    _add_scenarios_option(sub)
    return parser


def _add_scenarios_option(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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


def use_scenarios(folder: Path | None, command: str | None) -> None:
    """The catalog chosen by --scenarios, for this process and the app's (`serve` starts one
    process a browser tab): it goes in the environment as COLLECTSIM_SCENARIOS."""
    if folder is None:
        return
    if command != "new" and not folder.is_dir():
        raise UserError(f"--scenarios {folder}: no such folder", status=2)
    os.environ[SCENARIOS_ENV] = str(folder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # the app, with any global option given
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "tui"])
    # Vectors of exemplars a centre edited are embedded once and kept in the data directory.
    os.environ.setdefault(VECTOR_CACHE_ENV, str(vector_cache()))
    try:
        use_scenarios(args.scenarios, args.command)
        status: int = args.func(args)
    except ScenarioError as exc:
        for problem in exc.problems:
            print(visible(str(problem)), file=sys.stderr)
        return 1
    except (UserError, JournalError, UnknownScenario) as exc:
        error(str(exc))
        return exc.status if isinstance(exc, UserError) else 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except UnicodeError:  # an argument or input line that is not UTF-8 ($'\xff')
        error("an argument or input is not valid UTF-8 text")
        return 2
    except OverflowError:
        error("a number is out of range (--seed, --limit)")
        return 2
    except RecursionError:
        error("the input is nested too deep")
        return 1
    except OSError as exc:  # COLLECTSIM_HOME naming a file, a full or read-only disk
        where = f"{exc.filename}: " if exc.filename else ""
        error(f"{where}{exc.strerror or exc}")
        return 1
    return status


def error(message: str) -> None:
    """One line on stderr; whatever a trainee or a file put in it cannot drive the terminal."""
    print(f"collectsim: error: {visible(message)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
