"""`collectsim check` and `collectsim analyze`: the judge and the analyser on single lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO, get_args

from scoring.check import check_utterance
from scoring.compliance import LineContext, judge_for
from scoring.i18n import Lang
from scoring.packdoc import pack_markdown, pack_text
from scoring.rulepack import load_pack
from scoring.taxonomy import PRODUCTS, Party
from scoring.text import too_long
from simulator.cli.errors import UserError
from simulator.cli.strings import lang_of, tr
from simulator.engine.bounded import bounded_lines
from simulator.engine.phrases import os_reason

PARTIES: tuple[str, ...] = get_args(Party)


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser("check", help="judge utterances out of context (one JSON object a line)")
    check.add_argument("text", nargs="?", help="one utterance (or use --jsonl)")
    check.add_argument(
        "--jurisdiction",
        choices=["CN", "US"],
        default=None,
        help="whose rules judge the line: CN or US (default: by its language)",
    )
    check.add_argument(
        "--lang",
        choices=["zh", "en"],
        default=None,
        help="the lines' language (default: by --jurisdiction, else by the line)",
    )
    check.add_argument(
        "--jsonl", metavar="FILE", help='{"id", "text"} objects, one a line; - = stdin'
    )
    check.add_argument(
        "--message",
        action="store_true",
        help="each input is a complete message (voicemail, SMS, letter): required content applies",
    )
    check.add_argument("--party", choices=PARTIES, default="debtor", help="who hears the line")
    check.add_argument("--unverified", action="store_true", help="the debtor is not verified yet")
    check.add_argument(
        "--product",
        choices=PRODUCTS,
        default=None,
        help="the lender's kind: only the rules that bind it run (default: every rule)",
    )
    check.add_argument(
        "--legal-status",
        choices=["none", "possible", "lawyer_letter_sent", "filed"],
        default="none",
        help="the account's real legal status (honest escalation depends on it)",
    )
    check.add_argument(
        "--rules-only",
        action="store_true",
        help="judge by the rules' wording alone, not also by meaning (no sentence encoder)",
    )
    check.add_argument("--json", action="store_true", help="(output is always JSON lines)")
    check.set_defaults(func=run_check)

    an = sub.add_parser("analyze", help="what the engine understands of a line")
    an.add_argument("text", nargs="?", help="one line (or use --jsonl)")
    an.add_argument(
        "--lang",
        choices=["zh", "en"],
        default=None,
        help="the lines' language (default: by the line)",
    )
    an.add_argument("--now", help="ISO date-time that relative dates resolve against")
    an.add_argument("--jsonl", metavar="FILE", help='{"id", "text"} objects, one a line; - = stdin')
    an.add_argument("--json", action="store_true", help="(output is always JSON lines)")
    an.set_defaults(func=run_analyze)

    rules = sub.add_parser(
        "rules", help="list a rule pack: each rule's citations, binding force and scope"
    )
    rules.add_argument(
        "--jurisdiction", choices=["CN", "US"], required=True, help="the rule pack: CN or US"
    )
    rules.add_argument(
        "--lang",
        choices=["zh", "en"],
        default=None,
        help="language of the listing (default: the pack's)",
    )
    rules.add_argument(
        "--format",
        choices=["text", "md"],
        default="text",
        help="text for the terminal, md for a page",
    )
    rules.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="with --format md: where to write (default docs/rules-<jurisdiction>.md); - = stdout",
    )
    rules.set_defaults(func=run_rules)


def _inputs(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    if args.jsonl is None:
        if args.text is None:
            raise UserError.said("text_or_jsonl", status=2)
        yield {"id": None, "text": args.text}
        return
    if args.text is not None:
        raise UserError.said("text_and_jsonl", status=2)
    if args.jsonl == "-":
        yield from _parse_jsonl(sys.stdin, "<stdin>")
        return
    try:
        with Path(args.jsonl).open(encoding="utf-8") as stream:
            yield from _parse_jsonl(stream, args.jsonl)
    except OSError as exc:
        raise UserError.said("os_error", path=args.jsonl, reason=os_reason(exc)) from None


MAX_JSONL_LINE = 4 * 1024 * 1024  # characters of one line; longer is cut (and not JSON)


def _parse_jsonl(stream: TextIO, name: str) -> Iterator[dict[str, Any]]:
    for number, raw in enumerate(bounded_lines(stream, MAX_JSONL_LINE), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise UserError.said("not_json", where=f"{name}:{number}", reason=exc.msg) from None
        except RecursionError:
            raise UserError.said("json_too_deep", where=f"{name}:{number}") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise UserError.said("json_shape", where=f"{name}:{number}")
        yield {**item, "_line": number}


def _lang_for(args: argparse.Namespace, text: str) -> Lang:
    if args.lang:
        return args.lang  # type: ignore[no-any-return]
    jurisdiction = getattr(args, "jurisdiction", None)
    if jurisdiction:
        return "zh" if jurisdiction == "CN" else "en"
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


def _emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _context(args: argparse.Namespace, item: dict[str, Any]) -> LineContext:
    """The command line's context, overridden per input by an optional "context" object."""
    given = item.get("context") or {}
    if not isinstance(given, dict):
        raise UserError.said("context_object")
    party = given.get("party", args.party)
    if party not in PARTIES:
        raise UserError.said("bad_party", party=repr(party), known=", ".join(PARTIES))
    hour = given.get("hour")
    when = None
    if hour is not None:
        if not isinstance(hour, int) or not 0 <= hour <= 23:
            raise UserError.said("bad_hour", hour=repr(hour))
        when = datetime.now().replace(hour=hour, minute=0, second=0, microsecond=0)
    flags = given.get("flags", [])
    if not isinstance(flags, list):
        raise UserError.said("flags_list")
    return LineContext(
        party=party,
        verified=bool(given.get("verified", not args.unverified)),
        flags=frozenset(str(f) for f in flags),
        local_time=when,
        legal_status=str(given.get("legal_status", args.legal_status)),
        time_barred=bool(given.get("time_barred", False)),
        product=args.product,
    )


def run_check(args: argparse.Namespace) -> int:
    for item in _inputs(args):
        text = item["text"]
        lang = _lang_for(args, text)
        refused = too_long(text)
        if refused is not None:
            if "_line" in item:
                raise UserError.said("in_file", where=f"{args.jsonl}:{item['_line']}", said=refused)
            raise UserError(refused)

        jurisdiction = args.jurisdiction or ("CN" if lang == "zh" else "US")
        result = check_utterance(
            text,
            lang,
            judge_for(jurisdiction, not args.rules_only),
            _context(args, item),
            message=args.message,
        )
        _emit({"id": item.get("id"), **result})
    return 0


def run_analyze(args: argparse.Namespace) -> int:
    try:
        now = datetime.fromisoformat(args.now) if args.now else datetime.now()
    except ValueError:
        raise UserError.said("bad_now", status=2, value=repr(args.now)) from None
    from scoring.analysis import analyze  # entities and intents: not needed by `check`

    for item in _inputs(args):
        text = item["text"]
        analysis = analyze(text, _lang_for(args, text), now.date())
        _emit({"id": item.get("id"), **analysis.as_dict()})
    return 0


def run_rules(args: argparse.Namespace) -> int:
    pack = load_pack(args.jurisdiction)
    lang: Lang = args.lang or ("zh" if args.jurisdiction == "CN" else "en")
    if args.format == "text":
        sys.stdout.write(pack_text(pack, lang) + "\n")
        return 0
    page = pack_markdown(pack, lang)
    target = args.output or f"docs/rules-{args.jurisdiction.lower()}.md"
    if target == "-":
        sys.stdout.write(page)
        return 0
    try:
        Path(target).write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UserError.said("os_error", path=target, reason=os_reason(exc)) from None
    sys.stdout.write(tr("wrote", lang_of(args), path=target) + "\n")
    return 0
