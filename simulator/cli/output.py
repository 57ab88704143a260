"""Printing data: JSON, CSV and aligned tables (CJK characters count two columns)."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import TextIO

from simulator.engine.safetext import visible

# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…),
# +cmd|' /C calc'!A0, @SUM(…)); OWASP's advice: a leading quote makes it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def print_json(payload: object) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_csv(columns: Sequence[str], records: list[dict[str, object]]) -> None:
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


def say(text: str = "", file: TextIO | None = None) -> None:
    """One line for a person at a terminal: names, lines and reasons in it are people's text,
    so control characters (ESC[2J, OSC 52 clipboard writes, RLO) are shown, never obeyed."""
    print(visible(text), file=file or sys.stdout)
