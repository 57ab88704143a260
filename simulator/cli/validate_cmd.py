"""`collectsim validate`: every problem as `path:line:col: error|warning: message`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from simulator.authoring.validation import validate
from simulator.authoring.validation_cache import default_cache
from simulator.cli.strings import lang_of, tr
from simulator.engine.paths import scenarios_dir
from simulator.engine.safetext import visible


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("validate", help="validate scenario and golden test files")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the catalog)")
    p.add_argument("--fail-on-warnings", action="store_true", help="exit 1 on warnings too")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="read every file again (results are otherwise kept by content, in the cache folder)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    cache = None if args.no_cache else default_cache()
    count, problems = validate(args.paths or [scenarios_dir()], cache)
    lang = lang_of(args)
    if args.json:
        rows = [p.as_dict(lang) for p in problems]
        json.dump({"files": count, "problems": rows}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for problem in problems:
            print(visible(problem.in_lang(lang)))  # a YAML key can carry escape sequences
        if not problems:
            print(tr("valid_one" if count == 1 else "valid_many", lang, count=count))
    if any(p.severity == "error" for p in problems):
        return 1
    return 1 if args.fail_on_warnings and problems else 0
