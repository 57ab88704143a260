"""Kinds found by the phrasing probes of session 21 (`benchmarks/accuracy_phrasings.py`): a
reported payment taken off then the rest said with a total's label (还差/还欠), a sum taken off
with no word of whose it is (a payment unless the ledger shows a charge), corrections said with
"啊不是" / "哦不" / "er, actually", the real figure set against the debtor's (其实是), a figure
put as the question. New wording (none of it a dev line); right lines stay clean, wrong ones
draw an ACC-* finding of the rule named."""

from __future__ import annotations

import pytest

from tests.test_accuracy import (
    ANGRY,
    ATT,
    CEASE,
    ELDER,
    HARD,
    SPOUSE,
    THEFT,
    VISIT,
    WRONG,
    rules,
)

RIGHT_SESSION21 = [
    # a payment the debtor reported, taken off, the rest said with a total's label
    (ELDER, "扣除您说的三千块，还欠六千零九十八块八"),
    (VISIT, "去掉您提过的一千，还差7898.6"),
    # a sum taken off that is no charge of the account, and what it leaves adds up: a payment
    (SPOUSE, "knock off $800 and that leaves $4,012.50"),
    (CEASE, "Minus $200, you're at $447.40."),
    (HARD, "扣掉3000，还差10086.5"),
    # corrections mid-sentence: only the corrected figure counts
    (ELDER, "欠款九千，啊不是，9098.8"),
    (ANGRY, "最低还款三千四，哦不，3423.75"),
    (THEFT, "the balance is 3,400, um, actually 3,412.86"),
    # the real figure set against the debtor's
    (WRONG, "您觉得才欠两千？其实是3420.8"),
    # a figure put as the question, then the answer
    (HARD, "是13086吗？我再核对下，总共13086.5"),
    (SPOUSE, "Was it $4,812? Let me look: it's $4,812.50."),
]
WRONG_SESSION21 = [
    (ELDER, "扣除您说的三千块，还欠六千零八十九块八", "ACC-AMOUNT"),
    (VISIT, "去掉您提过的一千，还差7989.6", "ACC-AMOUNT"),
    (SPOUSE, "knock off $800 and that leaves $4,102.50", "ACC-AMOUNT"),
    (HARD, "扣掉3000，还差10068.5", "ACC-AMOUNT"),
    # a charge taken off is a discount, checked against the relief (none on the late fee here)
    (ATT, "take off $80, and you're at $4,314.62", "ACC-RELIEF"),
    # said as a favour: a discount offered, whatever the sum
    (HARD, "给您减掉3000，还差10086.5", "ACC-RELIEF"),
    (ELDER, "欠款9098.8，啊不是，9089.8", "ACC-AMOUNT"),
    (ANGRY, "最低还款3423.75，哦不，3432.75", "ACC-AMOUNT"),
    (THEFT, "the balance is 3,412.86, uh, actually 3,421.86", "ACC-AMOUNT"),
    (WRONG, "您觉得才欠两千？其实是3240.8", "ACC-AMOUNT"),
    (HARD, "是13086吗？我再核对下，总共13068.5", "ACC-AMOUNT"),
    # a claim with a tag question stays a claim
    (SPOUSE, "You owe $4,821.50, right?", "ACC-AMOUNT"),
    (ELDER, "您是不是欠9089.8？", "ACC-AMOUNT"),
    # a question that labels the figure as the account's still tells the debtor a sum
    (HARD, "您现在一共欠的是13068.5吗？", "ACC-AMOUNT"),
    (SPOUSE, "Is the balance $4,821.50?", "ACC-AMOUNT"),
    # a payment only reported is not taken off: the debt may still be all of it
    (VISIT, "您转了一千，还欠7898.6", "ACC-AMOUNT"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_SESSION21)
def test_session21_right_figures_stay_clean(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG_SESSION21)
def test_session21_wrong_figures_are_compared(ref: str, text: str, rule: str) -> None:
    found = rules(ref, text)
    assert any(r == rule or r.startswith(f"{rule}-") for r in found), found


def test_md_dot_named_by_to_shi_hou() -> None:
    """ "那就12.3，到时候…": a day named by what happens then, not an amount."""
    from datetime import date

    from scoring.entities import extract_amounts, extract_dates

    today = date(2026, 11, 20)
    assert [d.value for d in extract_dates("那就12.3，到时候再打给您", today)] == [
        date(2026, 12, 3)
    ]
    assert extract_amounts("那就12.3，到时候再打给您") == []
