"""Printing data: JSON, CSV and aligned tables (CJK characters count two columns)."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO

from simulator.engine.safetext import visible

# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…),
# +cmd|' /C calc'!A0, @SUM(…)); OWASP's advice: a leading quote makes it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# Rows a streamed table aligns at a time (its columns only ever widen).
TABLE_BLOCK = 500


def print_json(payload: object) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_json_array(records: Iterable[object]) -> None:
    """A JSON array written element by element, byte for byte what `print_json` writes for
    the same list, without holding the list."""
    out = sys.stdout
    first = True
    for record in records:
        out.write("[\n" if first else ",\n")
        text = json.dumps(record, ensure_ascii=False, indent=2)
        out.write("  " + text.replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def print_json_lines(records: Iterable[object]) -> None:
    """JSON lines: one compact JSON value a line, for results too large to read whole."""
    out = sys.stdout
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


def print_csv(columns: Sequence[str], records: Iterable[dict[str, object]]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _csv_cell(value) for key, value in record.items()})


def _csv_cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def print_table(
    header: list[str], rows: list[list[str]], empty: str, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    if not rows:
        print(empty, file=out)
        return
    # Names and cohorts are trainees' text: escapes shown, never sent to HR's terminal.
    header, rows = [visible(c) for c in header], [[visible(c) for c in row] for row in rows]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)]
        print("  ".join(cells).rstrip(), file=out)


def print_table_stream(
    header: list[str], rows: Iterable[list[str]], empty: str, out: TextIO | None = None
) -> None:
    """`print_table` for rows that come one at a time: aligned TABLE_BLOCK rows at a time,
    columns widening as wider cells come, so memory stays flat in the number of rows."""
    out = out or sys.stdout
    header = [visible(c) for c in header]
    widths = [_width(c) for c in header]
    block: list[list[str]] = []
    printed = False

    def flush() -> None:
        nonlocal printed
        for row in block:
            for i, cell in enumerate(row):
                widths[i] = max(widths[i], _width(cell))
        lines = block if printed else [header, *block]
        for row in lines:
            cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)]
            print("  ".join(cells).rstrip(), file=out)
        printed = True
        block.clear()

    for row in rows:
        block.append([visible(c) for c in row])
        if len(block) >= TABLE_BLOCK:
            flush()
    if block:
        flush()
    if not printed:
        print(empty, file=out)


def say(text: str = "", file: TextIO | None = None) -> None:
    """One line for a person at a terminal: names, lines and reasons in it are people's text,
    so control characters (ESC[2J, OSC 52 clipboard writes, RLO) are shown, never obeyed."""
    print(visible(text), file=file or sys.stdout)
