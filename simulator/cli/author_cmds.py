"""Trainer tooling: `lint`, `graph`, `test`, `schema`, `intents`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from scoring.intents import matcher
from scoring.lang import Lang
from simulator.authoring.catalog_docs import catalog_markdown
from simulator.authoring.goldens import golden_files, load_tests, run_conversation
from simulator.authoring.graph import to_dot, to_mermaid
from simulator.authoring.lint import lint
from simulator.authoring.scaffold import scaffold
from simulator.authoring.schema import dump, golden_schema, scenario_schema, track_schema
from simulator.cli.errors import UserError
from simulator.cli.strings import lang_of, tr
from simulator.engine.catalog import load_catalog, resolve
from simulator.engine.loader import SUFFIX, ScenarioError, scenario_from_located
from simulator.engine.paths import (
    LOCAL_SCENARIOS,
    authoring_root,
    inside_package,
    scenarios_dir,
    user_scenarios_dir,
)
from simulator.engine.phrases import os_reason
from simulator.engine.safetext import visible
from simulator.engine.ui_lang import default_lang
from simulator.engine.yamlsafe import Problem, YamlError, load_file
from simulator.training.tracks import load_tracks, tracks_dir


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("lint", help="check scenarios as graphs (unreachable states, dead ends...)")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the catalog)")
    p.add_argument("--fail-on-warnings", action="store_true", help="exit 1 on warnings too")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=run_lint)

    g = sub.add_parser("graph", help="draw a scenario's state machine")
    g.add_argument("scenario", help="scenario id or path")
    g.add_argument(
        "--format", choices=["mermaid", "dot"], default="mermaid", help="mermaid or dot (Graphviz)"
    )
    g.add_argument("-o", "--output", type=Path, help="write to a file instead of stdout")
    g.set_defaults(func=run_graph)

    t = sub.add_parser("test", help="run golden conversation tests")
    t.add_argument(
        "paths", nargs="*", type=Path, help="golden test files or folders (default: the catalog's)"
    )
    t.add_argument("--json", action="store_true", help="print the results as JSON")
    t.set_defaults(func=run_test)

    s = sub.add_parser("schema", help="write the JSON Schemas of scenario and test files")
    s.add_argument(
        "-o", "--output-dir", type=Path, help="default: schemas/ beside your scenarios folder"
    )
    s.add_argument("--json", action="store_true", help="print the scenario schema instead")
    s.set_defaults(func=run_schema)

    n = sub.add_parser("new", help="scaffold a valid scenario and a starter golden test")
    n.add_argument(
        "scenario_id", help="the new scenario's id (3-64 lower-case letters, digits, '-')"
    )
    n.add_argument(
        "--lang",
        choices=["zh", "en"],
        default="zh",
        help="the new scenario's language (default zh)",
    )
    n.add_argument(
        "--jurisdiction",
        choices=["CN", "US"],
        default=None,
        help="its rule pack: CN or US (default: by its language)",
    )
    n.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="scenarios folder (default: your catalog, else ./scenarios)",
    )
    n.set_defaults(func=run_new)

    d = sub.add_parser("docs", help="write docs/scenarios.md: the catalog with its graphs")
    d.add_argument(
        "-o", "--output", type=Path, help="default: docs/scenarios.md beside the catalog"
    )
    d.set_defaults(func=run_docs)

    tr = sub.add_parser("tracks", help="list the certification tracks and their levels")
    tr.add_argument("--lang", choices=["zh", "en"], default=None, help="default: the locale's")
    tr.add_argument("--json", action="store_true", help="print as JSON")
    tr.set_defaults(func=run_tracks)

    i = sub.add_parser("intents", help="list the intents transitions can react to")
    i.add_argument("--lang", choices=["zh", "en"], default=None, help="default: the locale's")
    i.add_argument("--json", action="store_true", help="print as JSON")
    i.set_defaults(func=run_intents)


def _scenario_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob(f"*{SUFFIX}")) if path.is_dir() else [path])
    return found


def _print_problems(problems: list[Problem], as_json: bool, lang: Lang) -> None:
    if as_json:
        json.dump(
            [p.as_dict(lang) for p in problems],
            sys.stdout,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
        return
    for problem in problems:
        print(visible(problem.in_lang(lang)))  # a YAML key can carry escape sequences


def run_lint(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    files = _scenario_files(args.paths or [scenarios_dir()])
    for path in files:
        try:
            located = load_file(path)
            scenario = scenario_from_located(located, located.raw)
        except (ScenarioError, YamlError) as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(lint(scenario, located))
    lang = lang_of(args)
    _print_problems(problems, args.json, lang)
    if not problems and not args.json:
        print(tr("lint_ok", lang, count=len(files)))
    if any(p.severity == "error" for p in problems):
        return 1
    return 1 if args.fail_on_warnings and problems else 0


def run_graph(args: argparse.Namespace) -> int:
    scenario = resolve(args.scenario).scenario
    text = to_mermaid(scenario) if args.format == "mermaid" else to_dot(scenario)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError.said("cannot_write", path=args.output, reason=os_reason(exc)) from None
    else:
        sys.stdout.write(text)
    return 0


def run_test(args: argparse.Namespace) -> int:
    paths: list[Path] = args.paths or [scenarios_dir()]
    files: list[Path] = []
    for path in paths:
        files.extend(golden_files(path) if path.is_dir() else [path])
    if not files:
        raise UserError.said("no_goldens")
    results = []
    failed = 0
    for path in files:
        loaded = load_tests(path)
        for index, conversation in enumerate(loaded.tests.conversations):
            failures = run_conversation(loaded, index)
            failed += bool(failures)
            results.append((path, conversation.name, failures))
    lang = lang_of(args)
    if args.json:
        json.dump(
            [
                {
                    "file": str(p),
                    "conversation": name,
                    "passed": not f,
                    "failures": [x.problem.in_lang(lang) for x in f],
                }
                for p, name, f in results
            ],
            sys.stdout,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
    else:
        for path, name, failures in results:
            print(tr("golden_fail" if failures else "golden_ok", lang, file=path.name, name=name))
            for failure in failures:
                print(f"     {visible(failure.problem.in_lang(lang))}")
        print(tr("goldens_total", lang, passed=len(results) - failed, failed=failed))
    return 1 if failed else 0


def run_schema(args: argparse.Namespace) -> int:
    if args.json:
        sys.stdout.write(dump(scenario_schema()))
        return 0
    # Beside the scenarios folder, where the modeline of a scaffolded scenario looks.
    output: Path = args.output_dir or authoring_root() / "schemas"
    try:
        output.mkdir(parents=True, exist_ok=True)
        (output / "scenario.schema.json").write_text(dump(scenario_schema()), "utf-8")
        (output / "golden.schema.json").write_text(dump(golden_schema()), "utf-8")
        (output / "track.schema.json").write_text(dump(track_schema()), "utf-8")
    except OSError as exc:
        raise UserError.said("cannot_write", path=output, reason=os_reason(exc)) from None
    print(tr("wrote_schemas", lang_of(args), folder=output))
    return 0


def run_intents(args: argparse.Namespace) -> int:
    from simulator.authoring.intent_help import descriptions

    lang = args.lang or default_lang()
    names = matcher(lang).names
    if args.json:
        json.dump(names, sys.stdout)
        sys.stdout.write("\n")
    else:
        known = descriptions()
        width = max(len(n) for n in names)
        for name in names:
            about = known[name].get(lang) if name in known else ""
            print(f"{name:<{width}}  {about}".rstrip())
    return 0


def run_new(args: argparse.Namespace) -> int:
    if not re.match(r"^[a-z0-9][a-z0-9-]{2,63}$", args.scenario_id):
        raise UserError.said("bad_scenario_id", status=2, id=args.scenario_id)
    jurisdiction = args.jurisdiction or ("CN" if args.lang == "zh" else "US")
    directory = args.dir or user_scenarios_dir()
    if directory is None:  # only the shipped catalog: the user's own starts here
        directory = LOCAL_SCENARIOS
        print(tr("new_folder", args.lang, folder=LOCAL_SCENARIOS))
    if inside_package(directory):
        raise UserError.said("inside_package", status=2, folder=directory)
    try:
        scenario_path, test_path = scaffold(directory, args.scenario_id, args.lang, jurisdiction)
    except FileExistsError as exc:
        raise UserError.said("exists", path=exc) from None
    except OSError as exc:
        raise UserError.said("cannot_write", path=directory, reason=os_reason(exc)) from None
    print(tr("created", args.lang, path=scenario_path))
    print(tr("created", args.lang, path=test_path))
    return 0


def run_tracks(args: argparse.Namespace) -> int:
    args.lang = args.lang or default_lang()
    tracks = load_tracks()
    if args.json:
        json.dump([t.model_dump(mode="json") for t in tracks], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if not tracks:
        raise UserError.said("no_tracks_in", folder=tracks_dir())
    for track in tracks:
        print(f"{track.id}: {track.title.get(args.lang)}")
        for level in track.levels:
            mode = tr("track_exam", args.lang) if level.exam else ""
            days = level.within_days
            recency = tr("track_within", args.lang, days=days) if days else ""
            terms = " · ".join(x for x in (f"≥{level.min_score:g}", mode, recency) if x)
            print(f"  {level.id} {level.title.get(args.lang)} ({terms})")
            for scenario in level.scenarios:
                print(f"     - {scenario}")
    return 0


def run_docs(args: argparse.Namespace) -> int:
    entries, problems = load_catalog()
    if problems:
        raise ScenarioError(problems)
    output: Path = args.output or authoring_root() / "docs" / "scenarios.md"
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(catalog_markdown(entries), encoding="utf-8")
    except OSError as exc:
        raise UserError.said("cannot_write", path=output, reason=os_reason(exc)) from None
    print(tr("wrote_docs", lang_of(args), path=output, count=len(entries)))
    return 0
