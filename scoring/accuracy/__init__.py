"""Accuracy: every figure a trainee says is checked against the ledger, however it is said.

`scoring.figures` reads what each amount is (its role, from labels before or after it, verbs
and the other figures of the line); each module here compares one kind of figure with the
ledger: `amounts` (every amount against the quantity its role names), `relief` (waivers within
the ledger's limits), `dates` (the due date, days overdue, the call's calendar), `plans`
(instalment counts the ledger offers, and each plan's fee rate, or that it has none) and
`products` (an instalment times the months said with its result: the result is the product).
Every finding names the figure, its role as read and the right value, in zh and en.

Approximations, one rule (as a debtor hears them, reading the card's figure off a screen): a
figure said as approximate is right when the ledger figure is what its words mean at the place
the figure is said to (its step: 100 for "4.3k", 1,000 for "5 grand", half a month for 一个半月).
* "about" (大概, 左右, 差不多, around, roughly, like, "4.3k", "two grand"): the ledger figure
  rounds to it or its leading digits are it (X − step/2 ≤ figure < X + step), and, for money,
  within a twentieth of X: "about 4.3k" and "like 5 grand" are right for $4,394.62 and
  $4,812.50; "about $400" is not $428.12;
* "over" (多, 出头, 以上, more than, "and change"): X ≤ figure < X + step: 四万多 40,000–49,999,
  一万出头 is not ¥9,098.80; 一个多月 30–65 days;
* "near" (快, 将近, almost, nearly) and "under" (不到, less than): just below X, rounding up to
  it: 快两个月 45–60 days (41 days is 一个多月), 将近四万二 41,500–42,000;
* a range of neighbouring digits (五千二三百, 三四千, 一万二三): from the low end up to the high
  end's next step, 五千二三百 5,200–5,399;
* a duration said in months or weeks with no hedge (三个月, 一个半月, two weeks) rounds to the
  days overdue at its step: 一个半月 38–52 days counts 41; a count of days (57天) is exact;
* a part of a month ("end of August", 8月初, mid-May) names its ten days (旬): "the end of
  August" is not August 5th.
"""

from __future__ import annotations

from scoring.accuracy._common import read_line
from scoring.accuracy.amounts import check_amounts, check_line_amounts
from scoring.accuracy.dates import check_dates_and_days
from scoring.accuracy.payments import payments_taken_off
from scoring.accuracy.plans import check_plan_fees, check_plans
from scoring.accuracy.products import check_products
from scoring.accuracy.relief import check_line_relief, check_relief
from scoring.analysis import Analysis
from scoring.findings import Finding
from scoring.ledger import Ledger

__all__ = ["check_amounts", "check_dates_and_days", "check_line", "check_plans", "check_relief"]


def check_line(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """Every accuracy finding of one line."""
    line = payments_taken_off(read_line(analysis), ledger)
    return [
        *check_line_amounts(line, analysis, ledger, turn),
        *check_line_relief(line, analysis, ledger, turn),
        *check_dates_and_days(analysis, ledger, turn),
        *check_plans(analysis, ledger, turn),
        *check_plan_fees(analysis, ledger, turn),
        *check_products(analysis, ledger, turn),
    ]
