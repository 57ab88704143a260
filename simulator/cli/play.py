"""`collectsim play`: a whole call in the plain terminal, interactive or scripted."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from scoring.findings import Finding
from scoring.i18n import Bilingual, Lang
from scoring.text import too_long
from simulator.cli import common
from simulator.cli.errors import UserError
from simulator.cli.resume import resume_call
from simulator.cli.strings import lang_of, tr
from simulator.engine.bounded import TooLarge, bounded_lines, read_bounded
from simulator.engine.catalog import load_catalog, resolve
from simulator.engine.phrases import ENGINE, os_reason
from simulator.engine.policy import SeedError, mode_policy
from simulator.engine.recording import journal_sink
from simulator.engine.safetext import visible
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session
from simulator.records.sink import recorded
from simulator.records.store import Store
from simulator.tui.cards import account_card

END_COMMANDS = {"/end", "/quit", "/挂断"}
MAX_SCRIPT_BYTES = 4 * 1024 * 1024
MAX_INPUT_LINE = 64 * 1024  # characters read of one typed line (a session keeps 10,000)
# Slash-commands are never spoken to the persona; an unknown one is a one-line error.
COMMANDS = ("/help", "/card", "/hint", "/end")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("play", help="hold a call in the terminal (headless)")
    p.add_argument("scenario", nargs="?", help="scenario id or path (omit to pick from a list)")
    p.add_argument("--script", type=Path, help="file with the trainee's lines, one a line")
    p.add_argument(
        "--seed", type=int, help="the persona's seed (practice only; an exam's seed is fixed)"
    )
    p.add_argument(
        "--mode",
        choices=["practice", "exam"],
        default="practice",
        help="practice (hints, any seed) or exam (no hints, a fixed seed)",
    )
    p.add_argument("--trainee", help="record the call in the records store under this name")
    p.add_argument(
        "--resume",
        metavar="ATTEMPT",
        help="go on with an interrupted call from the records store (its id or a prefix)",
    )
    common.add_db_option(p)
    p.add_argument("--note", help="the after-call note (for scenarios that ask for one)")
    p.add_argument("--json", action="store_true", help="print the call and report as JSON")
    p.set_defaults(func=run)


def _lines_from(stream: TextIO) -> Iterator[str]:
    for raw in bounded_lines(stream, MAX_INPUT_LINE):
        yield raw.rstrip("\r\n")


def _script_lines(path: Path) -> Iterator[str]:
    try:
        text = read_bounded(path, MAX_SCRIPT_BYTES).decode("utf-8")
    except TooLarge as exc:
        reason = ENGINE.said("too_large", kib=exc.limit // 1024)
        raise UserError.said("cannot_read_script", path=path, reason=reason) from None
    except OSError as exc:
        raise UserError.said("cannot_read_script", path=path, reason=os_reason(exc)) from None
    except UnicodeDecodeError:
        reason = ENGINE.said("not_utf8")
        raise UserError.said("cannot_read_script", path=path, reason=reason) from None

    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield line.strip()


def pick_scenario(stdin: TextIO, out: TextIO, lang: Lang = "en") -> Scenario:
    entries, problems = load_catalog()
    for problem in problems:
        print(visible(problem.in_lang(lang)), file=sys.stderr)
    if not entries:
        raise UserError.said("no_scenarios")
    print(tr("choose_scenario", lang), file=out)
    for number, entry in enumerate(entries, start=1):
        s = entry.scenario
        print(
            f"  {number}. [{s.language} · {'★' * s.difficulty}] {s.title.zh} / {s.title.en}",
            file=out,
        )
    while True:
        print("> ", end="", file=out, flush=True)
        answer = stdin.readline()
        if not answer:
            raise UserError.said("no_scenario_chosen")
        choice = answer.strip()
        if choice.isdigit() and 1 <= int(choice) <= len(entries):
            return entries[int(choice) - 1].scenario
        for entry in entries:
            if entry.scenario.id == choice:
                return entry.scenario
        print(f"  1–{len(entries)}?", file=out)


def _warning_lines(findings: list[Finding], lang: Lang) -> list[str]:
    return [
        f"  ⚠ [{f.severity}] {f.rule}: {f.message.get(lang)}\n    → {f.suggestion.get(lang)}"
        for f in findings
    ]


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    store: Store | None
    if args.resume:
        if args.scenario or args.trainee or args.seed is not None or args.mode != "practice":
            raise UserError.said("resume_takes_all")
        session, store, journal = resume_call(args.resume, args.db)
        scenario = session.scenario
    else:
        journal = journal_sink()
        scenario = (
            resolve(args.scenario).scenario
            if args.scenario
            else pick_scenario(sys.stdin, out, lang_of(args))
        )
        store = common.recorder_for(args.trainee, args.db)
        sink = recorded(journal, store, common.fail_on_store_error)
        trainee = args.trainee.strip() if args.trainee else "trainee"
        try:
            seed = mode_policy(args.mode).seed_for(args.mode, requested=args.seed)
            if seed is not None and not -(2**63) <= seed < 2**63:
                # Told now, before a line is read: a store keeps a 64-bit seed.
                raise OverflowError("seed out of range")
        except SeedError as exc:
            raise UserError.of(exc) from None
        session = Session(scenario, seed=seed, mode=args.mode, trainee=trainee, sink=sink)
    # The call, its report and play's own lines: in --lang, else the scenario's language.
    lang: Lang = args.lang or scenario.lang
    args.lang = lang  # and its one-line errors (main says them in args.lang)

    interactive = args.script is None and sys.stdin.isatty()
    lines = _script_lines(args.script) if args.script else _lines_from(sys.stdin)
    persona = scenario.persona.name
    you = tr("you", lang)
    if not args.json:
        print(f"— {scenario.title.get(lang)} —", file=out)
        print(account_card(scenario.ledger, lang, session.clock), file=out)
        print(certification(scenario.id, session.transcript.mode).get(lang), file=out)
        if interactive:
            print(f"({tr('play_help', lang)})", file=out)
        for turn in session.transcript.turns:  # a new call: the opening line; resumed: all
            print(f"{persona if turn.speaker == 'persona' else you}: {turn.text}", file=out)
    warnings = session.policy.warnings
    # A call resumed after it had ended reads no more lines: only its note may be owed.
    said = iter(()) if session.ended else _prompted(lines, you, out, interactive and not args.json)
    hinted = False
    for line in said:
        command = line.strip()
        if command in END_COMMANDS:
            break
        if not command:
            continue
        if command.startswith("/"):
            # With --json, stdout is the JSON alone: what a command prints goes to stderr.
            shown = sys.stderr if args.json else out
            hinted = _command(command, session, lang, shown) or hinted
            continue
        refused = too_long(line)
        if refused is not None:
            if not interactive:  # a script or a pipe: the call it describes cannot be played
                raise UserError(refused)
            print(refused.get(lang), file=sys.stderr)
            continue
        exchange = session.say(line, hint=hinted)
        hinted = False
        if not args.json:
            if not interactive:
                print(f"{you}: {line}", file=out)
            if warnings:
                for warning in _warning_lines(exchange.findings, lang):
                    print(warning, file=out)
            print(f"{persona}: {exchange.persona.text}", file=out)
        if session.ended:
            break
    note = args.note
    if note is None and session.wants_note and interactive:
        print(f"{tr('note_prompt', lang)}> ", end="", file=out, flush=True)
        note = sys.stdin.readline().strip()
    ending = session.end(note=note)
    from simulator.engine.reporting import report_for  # imported late: keeps `play --help` fast

    report = report_for(session.transcript)
    if args.json:
        payload = {
            "scenario": scenario.id,
            "seed": session.transcript.seed,
            "mode": session.transcript.mode,
            "attempt": session.transcript.attempt_id,
            "turns": [
                {
                    "speaker": t.speaker,
                    "text": t.text,
                    "state": t.state,
                    "mood": t.mood,
                    "intents": t.intents,
                    "at": t.at.isoformat(),
                    **({"context": t.context.model_dump(mode="json")} if t.context else {}),
                }
                for t in session.transcript.turns
            ],
            "ending": ending,
            "report": report.to_json(lang),
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        from scoring.render import to_text
        from scoring.report_view import build_view

        # The one report view, as the app's report screen and the exports show it.
        view = build_view(
            report,
            lang,
            title=scenario.title.get(lang),
            certification=certification(scenario.id, session.transcript.mode),
        )
        print(file=out)
        print(visible(to_text(report, lang, view), lines=True), file=out)
        if journal.path is not None:
            print(tr("call_saved", lang, path=journal.path), file=out)
        if store is not None:
            recorded_as = {"attempt": session.transcript.attempt_id, "store": store.target}
            print(tr("call_recorded", lang, **recorded_as), file=out)
    return 0


def certification(scenario_id: str, mode: str) -> Bilingual:
    """Whether this call can count toward certification (said before the call and after)."""
    from simulator.engine.loader import ScenarioError
    from simulator.training.tracks import certification_note, load_tracks

    try:
        tracks = load_tracks()
    except (ScenarioError, OSError):
        tracks = []
    return certification_note(scenario_id, mode, tracks)


def _command(command: str, session: Session, lang: Lang, out: TextIO) -> bool:
    """Run a slash-command; True when it was /hint and the next line counts as hinted."""
    name = command.split()[0]
    if name == "/help":
        print(tr("play_help", lang), file=out)
    elif name == "/card":
        print(account_card(session.scenario.ledger, lang, session.clock), file=out)
    elif name == "/hint":
        if not session.policy.hints:
            print(tr("no_hints", lang), file=out)
            return False
        from simulator.engine.hints import suggest

        print(tr("hint", lang, hint=suggest(session)), file=out)
        return True
    else:
        known = " ".join(COMMANDS)
        print(tr("unknown_command", lang, name=name, known=known), file=sys.stderr)
    return False


def _prompted(lines: Iterator[str], you: str, out: TextIO, show: bool) -> Iterator[str]:
    while True:
        if show:
            print(f"{you}> ", end="", file=out, flush=True)
        try:
            line = next(lines)
        except StopIteration:
            return
        yield line
