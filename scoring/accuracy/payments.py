"""A sum taken off with no word of whose it is: a payment or a discount? The ledger decides.

"take off $100, and you're at $2,386.40", "减掉2000，还差3230.5": a charge of the account (the
late fee, the interest, both) taken off is a discount, checked against the relief it may have;
any other sum is the debtor's payment when what the line says it leaves is the balance less it
(a remainder that adds up is right either way). A wrong remainder leaves the sum a waiver, so
the line is still flagged for both. An offer said as a favour ("给您减掉", "for you") stays a
discount."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from scoring.figures import FigureReading, LineFigures, clause_start
from scoring.ledger import Ledger, money

# The verb right before the sum ("take off $100", "knock off 500", "减掉2000", "扣掉两千").
_TAKE_OFF_BEFORE = re.compile(
    r"(?:(?:take|knock|shave)\s++off|minus|subtract\w*|deduct\w*|减掉|减去|扣掉|扣除|去掉|刨去|刨掉)"
    r"\s*+(?:[$¥]\s*+)?$"
)
# Said as a favour to the debtor: a discount offered, whatever the sum.
_FAVOUR = re.compile(r"给您|给你|帮您|帮你|替您|替你|\bfor\s++you\b|\bi\s++can\b|\bwe\s++can\b")
_LEAVES = frozenset({(), ("total",), ("remainder",), ("due",)})


def _charges(ledger: Ledger) -> set[Decimal]:
    return {
        money(v) for v in (ledger.interest, ledger.late_fee, ledger.interest + ledger.late_fee) if v
    }


def _a_payment(
    line: LineFigures, taken: FigureReading, left: FigureReading, ledger: Ledger
) -> bool:
    low, at = line.low, taken.mention.start
    start = clause_start(low, at)
    return (
        taken.roles[:1] == ("waiver",)
        and not taken.skip
        and not taken.mention.approx
        and not left.skip
        and left.sentence == taken.sentence
        and left.roles[:1] in _LEAVES
        and _TAKE_OFF_BEFORE.search(low, start, at) is not None
        and _FAVOUR.search(low, max(0, start - 12), at) is None
        and money(taken.mention.value) not in _charges(ledger)
        and money(ledger.overdue_total - taken.mention.value) == money(left.mention.value)
    )


def payments_taken_off(line: LineFigures, ledger: Ledger) -> LineFigures:
    """The line with each bare take-off of a sum the ledger shows to be a payment read as one."""
    figures = list(line.figures)
    changed = False
    for index, (taken, left) in enumerate(pairwise(figures)):
        if _a_payment(line, taken, left, ledger):
            figures[index] = replace(taken, roles=("partial",))
            changed = True
    return replace(line, figures=tuple(figures)) if changed else line
