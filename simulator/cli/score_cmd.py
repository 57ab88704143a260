"""`collectsim score`: the report of a stored transcript (a journal .jsonl)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scoring.i18n import Lang, lang_of
from scoring.render import to_html, to_markdown, to_text
from scoring.report_view import build_view
from simulator.cli.common import add_db_option, open_store, store_errors
from simulator.cli.errors import UserError
from simulator.engine.catalog import UnknownScenario, resolve
from simulator.engine.journal import read_journal
from simulator.engine.loader import ScenarioError
from simulator.engine.phrases import os_reason
from simulator.engine.reporting import report_for
from simulator.engine.safetext import visible


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "score", help="score a stored call: a journal file, or an attempt id in the records"
    )
    p.add_argument("transcript", help="journal .jsonl path, or attempt id (or prefix)")
    add_db_option(p)
    p.add_argument(
        "--format",
        choices=["text", "json", "md", "html"],
        default="text",
        help="text, json, md or html",
    )
    p.add_argument("--lang", choices=["zh", "en"], default=None, help="report language")
    p.add_argument("-o", "--output", type=Path, help="write to a file instead of stdout")
    p.add_argument("--json", action="store_true", help="same as --format json")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.transcript)
    if path.is_file():
        transcript, finished = read_journal(path)
    elif path.suffix == ".jsonl" or "/" in args.transcript:
        raise UserError.said("no_file", path=args.transcript)
    else:
        with store_errors(), open_store(args.db, create=False) as store:
            attempt_id = store.resolve(args.transcript)
            transcript = store.load_transcript(attempt_id)
            finished = store.attempt(attempt_id).summary.status == "completed"
    report = report_for(transcript)
    lang = args.lang or lang_of(transcript.language)
    fmt = "json" if args.json else args.format
    view = build_view(report, lang, title=_title(transcript.scenario_id, lang))
    if fmt == "json":
        payload = report.to_json(lang)
        payload["finished"] = finished
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        text = to_markdown(report, lang, view)
    elif fmt == "html":
        text = to_html(report, transcript, lang, view)
    else:
        text = visible(to_text(report, lang, view), lines=True) + "\n"
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError.said("cannot_write", path=args.output, reason=os_reason(exc)) from None
    else:
        sys.stdout.write(text)
    return 0


def _title(scenario_id: str, lang: Lang) -> str | None:
    """The scenario's title for the report heading; None (the id is shown) when the catalog
    no longer has it."""
    if not scenario_id or Path(scenario_id).name != scenario_id or "." in scenario_id:
        return None  # an id, never a path a journal could name
    try:
        return resolve(scenario_id).scenario.title.get(lang)
    except (ScenarioError, UnknownScenario, OSError):
        return None
