"""Table tests for scoring.figures: the role of each figure, read from its whole clause."""

from __future__ import annotations

import pytest

from scoring.entities import extract_amounts
from scoring.figures import FigureReading, read_figures


def readings(text: str) -> list[FigureReading]:
    return list(read_figures(text, extract_amounts(text, approximate=True)).figures)


def first_roles(text: str) -> list[str | None]:
    return [r.roles[0] if r.roles else None for r in readings(text)]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # A label before the figure, or after it.
        ("逾期总额是7,777元", ["total"]),
        ("7777元是您的欠款", ["total"]),
        ("五千二百三十块五是您现在的欠款总额", ["total"]),
        ("523.05元是最低还款额", ["minimum"]),
        ("the balance comes to $2,486.40", ["total"]),
        ("what you owe us right now is $2,486.40", ["total"]),
        ("$2,486.40 is the full balance", ["total"]),
        ("$246.65 in interest", ["interest"]),
        ("a $75 late fee", ["late_fee"]),
        ("$207.20 a month", ["monthly"]),
        ("monthly payments of $414.40", ["monthly"]),
        # Verbs, and a ledger label over a verb.
        ("您需要还的是五千二百三十块五毛", ["due"]),
        ("要还的钱是五千二百三十块五", ["due"]),
        ("You need to pay $2,846.40", ["due"]),
        ("您欠了四万五千多", ["total"]),
        ("每期还872元", ["monthly"]),
        ("您先还1000元可以吗", ["partial"]),
        ("If you pay $500 today, the remaining $1,986.40 can go on a plan", ["pay", "remainder"]),
        # What the balance is after a payment said between the words and the figure: the
        # remainder, for accuracy and the persona alike.
        ("the balance after your $500 payment would be $1,986.40", ["partial", "remainder"]),
        ("what you'd owe once your $300 clears is $984.37", ["partial", "remainder"]),
        # A label after the figure, past "what's": "about eighteen hundred is what's owed".
        ("about eighteen hundred is what's owed", ["total"]),
        ("$4,812.50 is what's outstanding", ["total"]),
        # A label binds to the figure nearest it.
        ("本金5000元、利息180.5元，另外还有50元滞纳金", ["principal", "interest", "late_fee"]),
        ("interest $246.65 and $75 in late fees", ["interest", "late_fee"]),
        ("only the $35 late fee on top of $612.40", ["late_fee", None]),
        # Relief and settlement.
        ("滞纳金可以减免100元", ["waiver"]),
        ("减免之后只要还一万块就行", ["after_waiver"]),
        ("利息减免30%后一共12832.55元", ["total"]),
        ("一次性还4000就可以结清", ["settlement"]),
        ("we can knock $75 off", ["waiver"]),
        # Not the account's.
        ("您每个月工资8000", ["other"]),
        ("The hospital bills were $12,000", ["other"]),
        # "这一期" is the bill now due; "一期" alone is one instalment.
        ("您这一期需要还1994.3元", ["due"]),
        ("一期还997.15元", ["monthly"]),
        # 减 waives, 减完/免完 name what is owed after it (only the figure after them).
        ("利息能减253.95", ["waiver"]),
        ("免完是8783.6", ["after_waiver"]),
        ("罚息240全免", ["waiver"]),
        # A remainder named after its figure, or as "down to".
        ("you'd have $4,000 left", ["remainder"]),
        ("exactly $3,000 would remain", ["remainder"]),
        ("you'd be down to $500", ["remainder"]),
        ("you'd owe $2,000 after that", ["remainder"]),
        # An instalment: "each" after the figure, "N months at" before it.
        ("Six payments would be $414.40 each", ["monthly"]),
        ("twelve months at $207.20", ["monthly"]),
        ("roughly fifteen hundred all together", ["total"]),
        # A part as the subject of a sum verb; a payment put down; what the waiver leaves.
        ("the interest comes to $98.17", ["interest"]),
        ("put $500 down", ["pay"]),
        ("滞纳金360免掉以后还欠19236.4", ["late_fee", "total"]),
        ("if he sends $300, $347.40 is what's left", ["pay", "remainder"]),
        # A figure offered as the alternative of the one before has its role.
        ("$428.12 a month for 3 months or $214.06 for 6", ["monthly", "monthly"]),
        ("每期1743.5，或者903.13也行", ["monthly", "monthly"]),
        # "later" after a figure: what is left to pay.
        ("two grand now and $2,812.50 later", [None, "remainder"]),
        # A recurring day or period after a figure with no label: an instalment (the cue the
        # persona's negotiation reads too), but only of the figure right before the cue.
        ("那就1169.06元，每月10号从App里扣", ["monthly"]),
        ("$207.20 on the 1st of each month", ["monthly"]),
        ("903.13，月月15号自动扣", ["monthly"]),
        ("$414.40, every month until it's done", ["monthly"]),
        ("$5,230.50, or $903.13 each month", [None, "monthly"]),
        ("Can you do $1,000 by Friday, and after that we talk about monthly payments?", [None]),
        # "knock out $600" pays it; "knock $75 off" takes it off.
        ("knock out $600 and you'd have $1,886.40 left", ["pay", "remainder"]),
        ("throw in $200 now", ["pay"]),
        ("we could knock $75 off", ["waiver"]),
    ],
)
def test_roles(text: str, roles: list[str | None]) -> None:
    assert first_roles(text) == roles


@pytest.mark.parametrize(
    ("text", "compound"),
    [
        ("本金加利息是5180.5元", ("principal", "interest")),
        ("利息和滞纳金加起来是230块5", ("interest", "late_fee")),
        ("Interest and late fees together come to $321.65", ("interest", "late_fee")),
        ("不算滞纳金是5180.5元", ("late_fee",)),
        ("利息180.5元和50元滞纳金", ()),
        # Parts left out in an earlier clause: the total less them.
        ("Not counting interest and fees, what you owe is $2,164.75", ("interest", "late_fee")),
        ("不算利息和滞纳金的话，您欠的是5000元", ("interest", "late_fee")),
    ],
)
def test_compound_labels(text: str, compound: tuple[str, ...]) -> None:
    assert readings(text)[-1].compound == compound


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ("不是5000元，是5230.50元", [True, False]),
        ("I'm not saying you owe $3,000; the balance is $2,486.40", [True, False]),
        ("您说您以为只欠5000", [True]),
        ("you said you paid $500 last week", [True]),
        ("you say you paid $500 last week", [True]),
        ("您欠款5230.50元", [False]),
        # A payment supposed is not one reported.
        ("if you paid $500 now, that leaves $1,986.40", [False, False]),
        ("如果您已经还了2000，剩下3230.5", [False, False]),
        # A question put ("是不是…") is no correction.
        ("是不是欠了两万零三百七十三块七毛五", [False]),
        ("您是不是欠5230.50元？", [False]),
        # The payment is reported; what it leaves is the trainee's own figure.
        ("您还了2000以后还剩3230.5", [True, False]),
    ],
)
def test_corrections_and_reported_claims_are_not_statements(text: str, skipped: list[bool]) -> None:
    assert [r.skip for r in readings(text)] == skipped


def test_topics_are_the_labels_of_the_sentence() -> None:
    [fee, total] = readings("分6期手续费每期31.38元，一共188.30元")
    assert "plan_fee" in fee.roles
    assert total.roles[0] == "total" and "plan_fee" in total.topics


# "today" says when a sum is paid; with a word that ends the debt before it (clear it, pay it
# off, settle) the sum is a settlement, unless the sentence goes on to what is left.
@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("you can clear it today with $1,248.37", ["settlement"]),
        ("to pay this off you need $1,284.37", ["settlement"]),
        ("settle up today with $400 and the rest next month", ["partial"]),
        ("pay $400 today", ["pay"]),
    ],
)
def test_a_sum_that_ends_the_debt_is_a_settlement(text: str, roles: list[str]) -> None:
    assert first_roles(text) == roles
