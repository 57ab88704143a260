"""`collectsim hr`: the records store for HR — attempts, trainees, one attempt in full.

Every listing has `--json` (a stable shape: keys are added, never renamed), `--jsonl` (the
same records, one a line) and `--csv`. Listings that grow with the centre (attempts,
trainees, progress, export) take `--limit` and `--offset` and are streamed from the
database as they are printed: memory stays flat however many attempts the store holds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from scoring.lang import Lang
from scoring.report_view import w as report_words
from simulator.cli.common import (
    add_db_option,
    add_range,
    date_range,
    open_store,
    store_errors,
    trainee_name,
)
from simulator.cli.errors import UserError
from simulator.cli.output import (
    print_csv,
    print_json,
    print_json_array,
    print_json_lines,
    print_table,
    print_table_stream,
    say,
)
from simulator.cli.strings import lang_of, tr
from simulator.engine.paths import data_dir
from simulator.engine.phrases import os_reason
from simulator.engine.safetext import has_control
from simulator.records import StoreError
from simulator.records.results import AttemptResult
from simulator.records.store import STATUSES, AttemptSummary, TraineeSummary
from simulator.training.certificates import (
    CertificateError,
    Keys,
    issue,
    read_certificate,
    verify,
)
from simulator.training.hr import overview, top_findings
from simulator.training.rescore import rescore
from simulator.training.tracks import Track, load_tracks, tracks_dir
from simulator.training.xapi import statement

# -- parsers --------------------------------------------------------------------------------


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    r = sub.add_parser(
        "rescore", help="judge stored attempts again under the current rule pack (read-only)"
    )
    r.add_argument("--trainee", help="only this trainee")
    r.add_argument("--cohort", help="only this cohort")
    r.add_argument("--scenario", metavar="ID", help="only this scenario's attempts")
    add_range(r)
    r.add_argument("--all", action="store_true", help="list unchanged attempts too")
    r.add_argument("--json", action="store_true", help="print as JSON")
    add_db_option(r)
    r.set_defaults(func=run_rescore)

    hr = sub.add_parser("hr", help="training records: attempts, trainees, transcripts")
    hr.set_defaults(func=run_missing)
    cmds = hr.add_subparsers(dest="hr_command", metavar="COMMAND")

    a = cmds.add_parser("attempts", help="list attempts (oldest first)")
    a.add_argument("--trainee", help="only this trainee")
    a.add_argument("--cohort", help="only this cohort")
    a.add_argument("--scenario", metavar="ID", help="only this scenario's attempts")
    add_range(a)
    a.add_argument("--status", metavar="S", help=f"one of {', '.join(STATUSES)}")
    _add_format(a)
    _add_page(a)
    add_db_option(a)
    a.set_defaults(func=run_attempts)

    t = cmds.add_parser("trainees", help="trainees with attempts, passes and best score")
    t.add_argument("--cohort", help="only this cohort")
    _add_format(t)
    _add_page(t)
    add_db_option(t)
    t.set_defaults(func=run_trainees)

    g = cmds.add_parser("progress", help="who reached which certification level, who is stuck")
    g.add_argument("--track", help="track id (default: the only or first track)")
    g.add_argument("--trainee", help="only this trainee")
    g.add_argument("--cohort", help="only this cohort")
    _add_format(g)
    _add_page(g)
    add_db_option(g)
    g.set_defaults(func=run_progress)

    f = cmds.add_parser("findings", help="the most frequent findings (of a cohort)")
    f.add_argument("--cohort", help="only this cohort")
    f.add_argument("--limit", type=int, default=10, help="at most N rules (default 10)")
    _add_format(f)
    add_db_option(f)
    f.set_defaults(func=run_findings)

    x = cmds.add_parser("export", help="completed attempts as CSV or xAPI statements (JSON)")
    x.add_argument(
        "--format",
        choices=["csv", "xapi"],
        default="csv",
        help="csv, or xapi (xAPI statements, JSON)",
    )
    x.add_argument("--trainee", help="only this trainee")
    x.add_argument("--cohort", help="only this cohort")
    add_range(x)
    x.add_argument(
        "--home-page",
        default="https://collectsim.invalid",
        help="the centre's URL that names trainee accounts in xAPI",
    )
    _add_page(x)
    add_db_option(x)
    x.set_defaults(func=run_export)

    c = cmds.add_parser("certify", help="issue a signed certificate of the level reached")
    c.add_argument("trainee", help="the trainee's name")
    c.add_argument("--track", help="track id (default: the first track)")
    c.add_argument("-o", "--output", help="file to write (default: <trainee>-<track>.cert.json)")
    add_db_option(c)
    c.set_defaults(func=run_certify)

    w = cmds.add_parser("verify", help="check a certificate: signature, key, and the records")
    w.add_argument("file", help="the certificate file (.cert.json)")
    add_db_option(w)
    w.set_defaults(func=run_verify)

    v = cmds.add_parser("review", help="a trainer's verdict on a stored finding (kept beside it)")
    v.add_argument("attempt", help="attempt id (or an unambiguous prefix)")
    v.add_argument("finding", type=int, help="the finding's number, as `hr show` lists it")
    v.add_argument(
        "--verdict",
        choices=["accept", "adjust", "reject"],
        required=True,
        help="accept, adjust or reject the finding",
    )
    v.add_argument("--reason", default="", help="why (required to adjust)")
    v.add_argument("--reviewer", required=True, help="who reviews (kept with the verdict)")
    add_db_option(v)
    v.set_defaults(func=run_review)

    o = cmds.add_parser(
        "reopen", help="let a trainee take up an exam closed before its end (a trainer's call)"
    )
    o.add_argument("attempt", help="attempt id (or an unambiguous prefix)")
    o.add_argument("--trainer", required=True, help="who decided (printed, for the record)")
    add_db_option(o)
    o.set_defaults(func=run_reopen)

    s = cmds.add_parser("show", help="one attempt: the transcript and its stored report")
    s.add_argument("attempt", help="attempt id (or an unambiguous prefix)")
    s.add_argument("--json", action="store_true", help="print as JSON")
    add_db_option(s)
    s.set_defaults(func=run_show)

    e = cmds.add_parser("enrol", help="add a trainee, or set a trainee's cohort")
    e.add_argument("trainee", help="the trainee's name")
    e.add_argument("--cohort", help="the cohort to put the trainee in")
    add_db_option(e)
    e.set_defaults(func=run_enrol)


def _add_format(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="a JSON array")
    group.add_argument(
        "--jsonl", action="store_true", help="JSON lines: one record a line (large results)"
    )
    group.add_argument("--csv", action="store_true", help="print as CSV")


def _add_page(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limit", type=int, metavar="N", help="at most N rows (default: all, streamed)"
    )
    parser.add_argument(
        "--offset", type=int, default=0, metavar="N", help="skip the first N rows (a page)"
    )


def _page(args: argparse.Namespace) -> tuple[int | None, int]:
    if args.limit is not None and args.limit < 0:
        raise UserError.said("not_a_count", option="--limit", value=args.limit)
    if args.offset < 0:
        raise UserError.said("not_a_count", option="--offset", value=args.offset)
    return args.limit, args.offset


def _emit(
    args: argparse.Namespace,
    records: Iterator[dict[str, object]],
    columns: Sequence[str],
) -> bool:
    """Print `records` as --json, --jsonl or --csv, streamed; False when a table is wanted."""
    if args.json:
        print_json_array(records)
    elif args.jsonl:
        print_json_lines(records)
    elif args.csv:
        print_csv(columns, records)
    else:
        return False
    return True


def run_missing(args: argparse.Namespace) -> int:
    raise UserError.said("hr_missing")


# -- commands -------------------------------------------------------------------------------


def run_attempts(args: argparse.Namespace) -> int:
    if args.status is not None and args.status not in STATUSES:
        raise UserError.said("bad_status", value=repr(args.status), known=", ".join(STATUSES))
    lang = lang_of(args)
    since, until = date_range(args)
    limit, offset = _page(args)
    with store_errors(), open_store(args.db, create=False) as store:
        rows = store.iter_attempts(
            trainee=args.trainee,
            cohort=args.cohort,
            scenario=args.scenario,
            status=args.status,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
        if not _emit(args, (row.to_json() for row in rows), AttemptSummary.COLUMNS):
            print_table_stream(
                [tr(f"col_{c}", lang) for c in ATTEMPT_COLUMNS],
                (_attempt_cells(row, lang) for row in rows),
                empty=tr("no_attempts", lang),
            )
    return 0


ATTEMPT_COLUMNS = (
    "id",
    "trainee",
    "scenario",
    "mode",
    "status",
    "turns",
    "score",
    "passed",
    "started",
)


def _attempt_cells(row: AttemptSummary, lang: Lang) -> list[str]:
    return [
        row.id,
        row.trainee,
        row.scenario,
        row.mode,
        row.status,
        str(row.trainee_turns),
        "—" if row.score is None else f"{row.score:.1f}",
        "—" if row.passed is None else tr("yes" if row.passed else "no", lang),
        _when(row.started_at),
    ]


def _when(iso: str | None) -> str:
    if iso is None:
        return "—"
    moment = datetime.fromisoformat(iso)
    return moment.strftime("%Y-%m-%d %H:%M")


def run_trainees(args: argparse.Namespace) -> int:
    limit, offset = _page(args)
    lang = lang_of(args)
    with store_errors(), open_store(args.db, create=False) as store:
        rows = store.iter_trainees(cohort=args.cohort, limit=limit, offset=offset)
        if not _emit(args, (row.to_json() for row in rows), TraineeSummary.COLUMNS):
            print_table_stream(
                [tr(f"col_{c}", lang) for c in ("trainee", "cohort", "attempts", "passes", "best")],
                (
                    [
                        r.name,
                        r.cohort or "—",
                        str(r.attempts),
                        str(r.passes),
                        "—" if r.best_score is None else f"{r.best_score:.1f}",
                    ]
                    for r in rows
                ),
                empty=tr("no_trainees", lang),
            )
    return 0


def run_show(args: argparse.Namespace) -> int:
    with store_errors(), open_store(args.db, create=False) as store:
        attempt_id = store.resolve(args.attempt)
        detail = store.attempt(attempt_id)
        transcript = store.load_transcript(attempt_id)
        findings = store.findings(attempt_id)
    if args.json:
        print_json(
            {
                "attempt": detail.to_json(),
                "report": {
                    "score": detail.summary.score,
                    "passed": detail.summary.passed,
                    "critical": detail.critical,
                    "ending": detail.ending,
                    "rulepack": detail.rulepack,
                    "understanding": detail.understanding,
                    "findings": [f.to_json() for f in findings],
                },
                "transcript": transcript.model_dump(mode="json"),
            }
        )
        return 0
    out = sys.stdout
    lang = lang_of(args)
    s = detail.summary
    head = {"id": s.id, "trainee": s.trainee, "scenario": s.scenario, "mode": s.mode}
    say(tr("show_head", lang, **head, version=detail.scenario_version, status=s.status), file=out)
    say(tr("show_started", lang, when=_when(s.started_at)), file=out)
    for turn in transcript.turns:
        hint = tr("show_hint", lang) if turn.hint else ""
        speaker = tr(f"speaker_{turn.speaker}", lang)
        say(f"  #{turn.index} {speaker}{hint}: {turn.text}", file=out)
    if s.status != "completed":
        say(tr("show_not_scored", lang, status=tr(f"status_{s.status}", lang)), file=out)
        return 0
    # The verdict in the words of the trainee's own report.
    verdict = report_words("passed" if s.passed else "failed", lang)
    score = f"{s.score:.1f}"
    say(tr("show_score", lang, score=score, verdict=verdict, ending=detail.ending), file=out)
    if detail.critical:
        say(report_words("critical", lang), file=out)
    say(tr("show_rulepack", lang, pack=detail.rulepack), file=out)
    if detail.understanding:
        say(tr("show_understanding", lang, by=detail.understanding), file=out)
    for f in findings:
        where = f"#{f.turn}" if f.turn is not None else "—"
        evidence = f" “{f.evidence}”" if f.evidence else ""
        say(f"  {f.seq}. [{f.severity}] {where} {f.rule} ({f.dimension}){evidence}", file=out)
        for r in f.reviews:
            reason = f": {r.reason}" if r.reason else ""
            judged = tr(f"verdict_{r.verdict}", lang)
            line = tr("show_review", lang, reviewer=r.reviewer, verdict=judged, reason=reason)
            say(line, file=out)
    return 0


def run_enrol(args: argparse.Namespace) -> int:
    name = trainee_name(args.trainee, "trainee")
    cohort = args.cohort.strip() if args.cohort is not None else None
    with store_errors(), open_store(args.db) as store:
        store.enrol(name, cohort or None)
    lang = lang_of(args)
    print(
        tr("enrolled_cohort", lang, name=name, cohort=cohort)
        if cohort
        else tr("enrolled", lang, name=name)
    )
    return 0


def run_progress(args: argparse.Namespace) -> int:
    track = _track(args.track)
    now = datetime.now(UTC)
    limit, offset = _page(args)
    lang = lang_of(args)
    with store_errors(), open_store(args.db, create=False) as store:
        if args.trainee is None:
            rows = overview(store, track, now, cohort=args.cohort, limit=limit, offset=offset)
        else:
            everyone = overview(store, track, now, cohort=args.cohort)
            rows = [r for r in everyone if r.trainee == args.trainee][offset:][:limit]
    records: list[dict[str, object]] = [
        {
            "trainee": r.trainee,
            "cohort": r.cohort,
            "track": track.id,
            "highest_level": r.level,
            "next_level": r.next_level,
            "missing": r.missing,
            "levels": [
                {"id": level_id, "achieved": achieved, "met": met}
                for level_id, achieved, met in r.levels
            ],
        }
        for r in rows
    ]
    if args.json:
        print_json(records)
    elif args.jsonl:
        print_json_lines(records)
    elif args.csv:
        columns = ("trainee", "cohort", "track", "highest_level", "next_level", "missing")
        print_csv(
            columns,
            [
                {**{k: v for k, v in rec.items() if k != "levels"}, "missing": " ".join(r.missing)}
                for rec, r in zip(records, rows, strict=True)
            ],
        )
    else:
        print_table(
            [tr(f"col_{c}", lang) for c in ("trainee", "cohort", "level", "next", "still_needs")],
            [
                [
                    r.trainee,
                    r.cohort or "—",
                    r.level or "—",
                    r.next_level or tr("level_done", lang),
                    ", ".join(r.missing) or "—",
                ]
                for r in rows
            ],
            empty=tr("no_trainees", lang),
        )
    return 0


def run_findings(args: argparse.Namespace) -> int:
    with store_errors(), open_store(args.db, create=False) as store:
        counts = top_findings(store, cohort=args.cohort, limit=args.limit)
    records: list[dict[str, object]] = [
        {"rule": rule, "severity": severity, "count": n} for rule, severity, n in counts
    ]
    if args.json:
        print_json(records)
    elif args.csv:
        print_csv(("rule", "severity", "count"), records)
    else:
        lang = lang_of(args)
        print_table(
            [tr(f"col_{c}", lang) for c in ("rule", "severity", "count")],
            [[rule, severity, str(n)] for rule, severity, n in counts],
            empty=tr("no_findings", lang),
        )
    return 0


def run_rescore(args: argparse.Namespace) -> int:
    since, until = date_range(args)
    with store_errors(), open_store(args.db, create=False) as store:
        attempts = store.attempts(
            trainee=args.trainee,
            cohort=args.cohort,
            scenario=args.scenario,
            status="completed",
            since=since,
            until=until,
        )
        results = rescore(store, [a.id for a in attempts])
    shown = [r for r in results if args.all or r.changed]
    if args.json:
        print_json([r.to_json() for r in shown])
        return 0
    lang = lang_of(args)
    changed = sum(r.changed for r in results)
    say(tr("rescored", lang, total=len(results), changed=changed))
    for r in shown:
        old = "—" if r.old_score is None else f"{r.old_score:.1f}"
        verdict = (
            ""
            if r.old_passed == r.new_passed
            else tr("rescore_passed", lang, old=r.old_passed, new=r.new_passed)
        )
        say(f"{r.attempt_id}  {r.trainee}  {r.scenario}  {old} → {r.new_score:.1f}{verdict}")
        if r.rules_added:
            say(f"    + {', '.join(r.rules_added)}")
        if r.rules_removed:
            say(f"    - {', '.join(r.rules_removed)}")
        for rule, why in r.reasons.items():
            say(f"    {rule}: {why}")
        if r.old_understanding != r.new_understanding:
            then = r.old_understanding or tr("not_recorded", lang)
            say(tr("rescore_read_by", lang, then=then, now=r.new_understanding))
    return 0


def run_review(args: argparse.Namespace) -> int:
    reviewer = trainee_name(args.reviewer, "--reviewer")  # shown by `hr show`: same rules
    reason = args.reason.strip()
    if has_control(reason.replace("\n", " ").replace("\t", " ")):
        raise UserError.said("reason_control")
    with store_errors(), open_store(args.db, create=False) as store:
        attempt_id = store.resolve(args.attempt)
        review_id = store.add_review(attempt_id, args.finding, reviewer, args.verdict, reason)
    done = {"review": review_id, "finding": args.finding, "attempt": attempt_id}
    lang = lang_of(args)
    say(tr("reviewed", lang, **done, verdict=tr(f"reviewed_{args.verdict}", lang)))
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    trainer = trainee_name(args.trainer, "--trainer")
    with store_errors(), open_store(args.db, create=False) as store:
        attempt_id = store.resolve(args.attempt)
        store.reopen(attempt_id)
        trainee = store.attempt(attempt_id).summary.trainee
    done = {"attempt": attempt_id, "trainer": trainer, "trainee": trainee}
    say(tr("reopened", lang_of(args), **done))
    return 0


def run_export(args: argparse.Namespace) -> int:
    since, until = date_range(args)
    limit, offset = _page(args)
    with store_errors(), open_store(args.db, create=False) as store:
        summaries = store.iter_attempts(
            trainee=args.trainee,
            cohort=args.cohort,
            status="completed",
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
        if args.format == "xapi":
            from simulator.engine.catalog import load_catalog

            titles = {e.scenario.id: e.scenario.title for e in load_catalog()[0]}
            print_json_array(
                statement(store.attempt(a.id), args.home_page, titles) for a in summaries
            )
            return 0
        print_csv(AttemptSummary.COLUMNS, (a.to_json() for a in summaries))
    return 0


def _track(track_id: str | None) -> Track:
    tracks = load_tracks()
    if not tracks:
        raise UserError.said("no_tracks", folder=tracks_dir())
    if track_id is None:
        return tracks[0]
    for track in tracks:
        if track.id == track_id:
            return track
    raise UserError.said("no_track", track=track_id, known=", ".join(t.id for t in tracks))


def certificate_file(trainee: str, track_id: str) -> Path:
    """The default file name: in the current folder whatever the name holds (a trainee named
    `../../x` or `/etc/x` must not choose where HR's file goes)."""
    stem = re.sub(r"[^\w.-]+", "_", trainee).strip("._") or "trainee"
    return Path(f"{stem}-{track_id}.cert.json")


def run_certify(args: argparse.Namespace) -> int:
    args.trainee = trainee_name(args.trainee, "trainee")
    track = _track(args.track)
    now = datetime.now(UTC)
    with store_errors(), open_store(args.db, create=False) as store:
        attempts = store.results(args.trainee)
    try:
        document = issue(Keys(data_dir() / "keys"), args.trainee, track, attempts, now)
    except CertificateError as exc:
        raise UserError.of(exc) from None
    path = Path(args.output) if args.output else certificate_file(args.trainee, track.id)
    try:
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    except OSError as exc:
        raise UserError.said("cannot_write", path=path, reason=os_reason(exc)) from None
    level = document["certificate"]["level"]
    done = {"trainee": args.trainee, "track": track.id, "level": level, "path": path}
    say(tr("certified", lang_of(args), **done))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        document = read_certificate(path)
    except CertificateError as exc:
        raise UserError.of(exc) from None
    payload = document.get("certificate") if isinstance(document, dict) else None
    track_id = payload.get("track") if isinstance(payload, dict) else None
    tracks = {t.id: t for t in load_tracks()}
    track = tracks.get(str(track_id))
    trainee = str(payload.get("trainee")) if isinstance(payload, dict) else ""
    now = datetime.now(UTC)
    try:
        with open_store(args.db, create=False) as store:
            attempts: list[AttemptResult] | None = store.results(trainee)
    except (StoreError, UserError):
        attempts = None  # no records here: signature and key are still checked
    try:
        checked = verify(Keys(data_dir() / "keys"), document, track, attempts, now)
    except CertificateError as exc:
        say(tr("cert_invalid", lang_of(args), reason=exc.said))

        return 1
    lang = lang_of(args)
    scope = tr("scope_records" if attempts is not None else "scope_key", lang)
    done = {k: checked[k] for k in ("trainee", "level", "track")}
    say(tr("cert_valid", lang, **done, issued=checked["issued_at"], scope=scope))
    return 0
