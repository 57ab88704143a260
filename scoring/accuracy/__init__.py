"""Accuracy: every figure a trainee says is checked against the ledger, however it is said.

`scoring.figures` reads what each amount is (its role, from labels before or after it, verbs
and the other figures of the line); each module here compares one kind of figure with the
ledger: `amounts` (every amount against the quantity its role names), `relief` (waivers within
the ledger's limits), `dates` (the due date, days overdue, the call's calendar) and `plans`
(instalment counts the ledger offers). Every finding names the figure, its role as read and
the right value, in zh and en.
"""

from __future__ import annotations

from scoring.accuracy._common import read_line
from scoring.accuracy.amounts import check_amounts, check_line_amounts
from scoring.accuracy.dates import check_dates_and_days
from scoring.accuracy.plans import check_plans
from scoring.accuracy.relief import check_line_relief, check_relief
from scoring.analysis import Analysis
from scoring.findings import Finding
from scoring.ledger import Ledger

__all__ = ["check_amounts", "check_dates_and_days", "check_line", "check_plans", "check_relief"]


def check_line(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """Every accuracy finding of one line."""
    line = read_line(analysis)
    return [
        *check_line_amounts(line, analysis, ledger, turn),
        *check_line_relief(line, analysis, ledger, turn),
        *check_dates_and_days(analysis, ledger, turn),
        *check_plans(analysis, ledger, turn),
    ]
