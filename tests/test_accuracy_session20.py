"""Kinds found by the phrasing probes of session 20 (`benchmarks/accuracy_phrasings.py`): a
payment taken off then what it leaves, M.D dates, ranges of neighbouring digits, 整 and
"-ish", the last instalment after "the last one", weeks said in words. New wording (none of
it a dev line); right lines stay clean, wrong ones draw an ACC-* finding of the rule named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scoring.entities import extract_amounts, extract_dates
from tests.test_accuracy import (
    ATT,
    CEASE,
    DISPUTE,
    ELDER,
    LAWYER,
    M1,
    MED,
    SPOUSE,
    THEFT,
    VISIT,
    rules,
)

RIGHT_SESSION20 = [
    # a payment of the debtor's taken off, then what it leaves (no waiver)
    (ELDER, "扣掉您上周转的三千块，还差6098.8"),
    (VISIT, "去掉你已经还的1000，还欠7898.6"),
    (SPOUSE, "Take off your $1,500 and you're at $3,312.50."),
    (CEASE, "minus the $100 she already paid, you'd be at $547.40"),
    (CEASE, "take off the $100 you sent and you're at $547.40"),
    # arithmetic from the balance: what is taken off it is a payment
    (DISPUTE, "from $1,284.37 take off $200 and that leaves $1,084.37"),
    (SPOUSE, "So from 4812.50, minus $800, you're at 4012.50"),
    (LAWYER, "总的五万一千六百九十八块四，扣掉您转过的三千，还差四万八千六百九十八块四"),
    (DISPUTE, "minus your $300, you're at nine eighty-four thirty-seven"),
    # M.D said with what happens on the day
    (M1, "最迟11.28还款，别忘了"),
    (M1, "您提的11.2，那天就该还上了"),
    # a range of neighbouring digits that holds the figure
    (ELDER, "欠款差不多九千零几十，最低九百零几"),
    (VISIT, "总共大概八千八九百"),
    (LAWYER, "本金跟利息加起来五万一二千"),
    # a whole figure stressed as exact; "-ish" around the right one
    (M1, "本金五千整，一分不差"),
    (MED, "the six-month plan is four ten-ish a month"),
    # weeks said in words past twelve
    (ATT, "that's a little over eighteen weeks without a payment"),
    (DISPUTE, "you're at twenty-five weeks past due"),
    # cents said after a bare figure; "bout" / "abt" as chat says about (ba20 half A kinds)
    (MED, "2,486 and forty cents is the balance"),
    (DISPUTE, "bout thirteen hundred all in"),
    # the due date right after "went delinquent" / "became past due"
    (THEFT, "so it became past due June 1st"),
    # some payments of a plan named after them: no plan of that length offered
    (DISPUTE, "Three payments on the 6-month plan would be $642.18."),
    # the last instalment said in pairs after "the last one"
    (SPOUSE, "twelve payments of four-oh-one oh-four, with the last one four-oh-one oh-six"),
    (MED, "It's twelve at two-oh-seven twenty, and the final one two-oh-seven twenty as well."),
]
WRONG_SESSION20 = [
    (ELDER, "扣掉您上周转的三千块，还差6089.8", "ACC-AMOUNT"),
    (VISIT, "去掉你已经还的1000，还欠7988.6", "ACC-AMOUNT"),
    (SPOUSE, "Take off your $1,500 and you're at $3,321.50.", "ACC-AMOUNT"),
    (CEASE, "take off the $100 you sent and you're at $574.40", "ACC-AMOUNT"),
    (VISIT, "总共大概八千六七百", "ACC-AMOUNT"),
    (
        LAWYER,
        "总的五万一千九百六十八块四，扣掉您转过的三千，还差四万八千九百六十八块四",
        "ACC-AMOUNT",
    ),
    (DISPUTE, "minus your $300, you're at nine forty-eight thirty-seven", "ACC-AMOUNT"),
    (DISPUTE, "from $1,284.37 take off $200 and that leaves $1,048.37", "ACC-AMOUNT"),
    (SPOUSE, "So from 4812.50, minus $800, you're at 4102.50", "ACC-AMOUNT"),
    (M1, "最低五百整，今天转过来", "ACC-AMOUNT"),
    (MED, "the six-month plan is four forty-ish a month", "ACC-AMOUNT"),
    (ATT, "that's twenty-one weeks without a payment", "ACC-DAYS-OVERDUE"),
    (MED, "2,486 and four cents is the balance", "ACC-AMOUNT"),
    (THEFT, "so it became past due June 11th", "ACC-DUE-DATE"),
    (DISPUTE, "abt eleven hundred all in", "ACC-AMOUNT"),
    (DISPUTE, "you're at twenty-seven weeks past due", "ACC-DAYS-OVERDUE"),
    (
        SPOUSE,
        "twelve payments of four-oh-one oh-four, with the last one four-eleven oh-six",
        "ACC-AMOUNT",
    ),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_SESSION20)
def test_session20_right_figures_stay_clean(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG_SESSION20)
def test_session20_wrong_figures_are_compared(ref: str, text: str, rule: str) -> None:
    found = rules(ref, text)
    assert any(r == rule or r.startswith(f"{rule}-") for r in found), found


@pytest.mark.parametrize(
    ("text", "low", "covered", "not_covered"),
    [
        ("大概七千三四百吧", "7300", "7488.10", "7500"),
        ("一共四五万", "40000", "59999", "60000"),
        ("一万二三", "12000", "13999", "14000"),
    ],
)
def test_ranges_of_neighbouring_digits(text: str, low: str, covered: str, not_covered: str) -> None:
    (mention,) = extract_amounts(text, approximate=True)
    assert (mention.value, mention.approx) == (Decimal(low), "range")
    assert mention.covers(Decimal(covered)) and not mention.covers(Decimal(not_covered))


@pytest.mark.parametrize("text", ["三四个人", "等两三天", "五七千", "两三百也行"])
def test_no_range_in_counts_or_far_digits(text: str) -> None:
    assert extract_amounts(text, approximate=True) == []


def test_md_dot_named_by_its_day() -> None:
    from datetime import date

    today = date(2026, 11, 20)
    assert [d.value for d in extract_dates("最晚12.3还款", today)] == [date(2026, 12, 3)]
    assert extract_dates("还款12.3元", today) == []
