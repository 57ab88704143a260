"""`collectsim`: entry point. Every error is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["tui"])
    try:
        status: int = args.func(args)
    except ScenarioError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except (UserError, JournalError, UnknownScenario) as exc:
        print(f"collectsim: error: {exc}", file=sys.stderr)
        return exc.status if isinstance(exc, UserError) else 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return status


if __name__ == "__main__":
    sys.exit(main())
