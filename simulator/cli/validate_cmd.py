"""`collectsim validate`: schema and reference checks, `path:line:col: error: message`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from simulator.loader import SUFFIX, ScenarioError, load_scenario
from simulator.yamlsafe import Problem


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("validate", help="validate scenario files")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob(f"*{SUFFIX}")) if path.is_dir() else [path])
    return found


def run(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    files = _files(args.paths)
    for path in files:
        try:
            load_scenario(path)
        except ScenarioError as exc:
            problems.extend(exc.problems)
    if args.json:
        json.dump(
            {
                "files": len(files),
                "problems": [
                    {
                        "file": p.file,
                        "line": p.line,
                        "col": p.col,
                        "severity": p.severity,
                        "message": p.message,
                    }
                    for p in problems
                ],
            },
            sys.stdout,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
    else:
        for problem in problems:
            print(problem)
    return 1 if any(p.severity == "error" for p in problems) else 0
