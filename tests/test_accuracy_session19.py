"""Kinds found by the dev probes of session 19 (`benchmarks/accuracy_probes.py`: the last
digit, the cents, spoken forms, a label after the figure), each with new wording (none of it
a dev line). Right lines stay clean; wrong ones draw an ACC-* finding of the rule named."""

from __future__ import annotations

import pytest

from tests.test_accuracy import ANGRY, ATT, CEASE, DISPUTE, LAWYER, M1, MED, SPOUSE, rules

RIGHT_SESSION19 = [
    # "the first $X": a plan's first instalment
    (CEASE, "Could the first $215.80 go out by the end of the week?"),
    (SPOUSE, "we can take the first $401.04 when your check clears"),
    # a payment made first, then the plan: no instalment
    (CEASE, "the first $100 today, then $215.80 a month"),
    # what ends the debt is the debt, to the cent
    (ATT, "to pay it off in full you'd need $4,394.62"),
    # a round sum stressed as exact is exact; one said roughly stays rough
    (SPOUSE, "pay $812.50 now and you're left with an even four grand"),
    (SPOUSE, "after $500 you'd owe about 4.3k"),
    # a label in the clause after the figure, in English
    (CEASE, "$35, that's the late fee on it"),
    (
        MED,
        "two thousand one hundred sixty-four dollars and seventy-five cents, that's your principal",
    ),
    # hundreds said digit by digit after a charge named with "is"
    (ATT, "the interest charged on it is four oh two eighteen"),
    # 跟您说: the collector telling, not the debtor's words reported
    (M1, "跟您说一声，本金五千，利息180.5"),
    # spoken dollars after what is left, a plan priced, "per payment", a bare figure named after
    (MED, "put $500 down and the rest is nineteen eighty-six forty"),
    (DISPUTE, "a $250 payment leaves you at ten thirty-four thirty-seven"),
    (SPOUSE, "twelve payments of $401.04, or six of eight oh two oh eight"),
    (SPOUSE, "over six months that's eight oh two oh eight per payment"),
    (MED, "2486.4, which is the full balance"),
    # "part of the $X": the whole the part is of
    (DISPUTE, "the $40 late fee is part of your $1,284.37"),
    # a payment in words after "after your": what is left follows it
    (SPOUSE, "the balance after your three hundred dollars would be $4,512.50"),
    # 还了…以后: a payment supposed, then what it leaves (no payment reported)
    (M1, "还了最低523.05以后，剩4707.45"),
    # days overdue as of a day to come, said before the count
    (LAWYER, "如果拖到11月30号，那就逾期118天了"),
    (MED, "by November 20th you'll be at 107 days"),
    # a waiver said, then the sum that settles: what the waiver leaves
    (ANGRY, "滞纳金全免，您还一万九千七百零三块七毛五就两清了"),
    (M1, "违约金五十给您免了，月底打5180.5就结清"),
    # lead's pass on ba19 half A: 这块 pointing back at a label, 当初本金 is the principal,
    # a homophone typo (以经) before a day count
    (M1, "本金那一块，5000，利息这块，180.5"),
    (M1, "当初本金就是五千块，没变过"),
    (M1, "账单11月2号到期，到今天以经18天了"),
]
WRONG_SESSION19 = [
    (CEASE, "Could the first $251.80 go out by the end of the week?", "ACC-AMOUNT"),
    (SPOUSE, "we can take the first $410.04 when your check clears", "ACC-AMOUNT"),
    (ATT, "to pay it off in full you'd need $4,394.63", "ACC-AMOUNT"),
    (SPOUSE, "pay $821.50 now and you're left with an even four grand", "ACC-AMOUNT"),
    (SPOUSE, "after $500 the balance is 4.3k flat", "ACC-AMOUNT"),
    (CEASE, "$53, that's the late fee on it", "ACC-AMOUNT"),
    (
        MED,
        "two thousand one hundred sixty-four dollars and sixty-five cents, that's your principal",
        "ACC-AMOUNT",
    ),
    (ATT, "the interest charged on it is four oh two eighty", "ACC-AMOUNT"),
    (M1, "给你说下哈，本金五千五，利息180.5", "ACC-AMOUNT"),
    (MED, "put $500 down and the rest is nineteen eighty-six fifty", "ACC-AMOUNT"),
    (DISPUTE, "a $250 payment leaves you at ten thirty-four seventy-three", "ACC-AMOUNT"),
    (SPOUSE, "twelve payments of $401.04, or six of eight oh three oh eight", "ACC-AMOUNT"),
    (SPOUSE, "over six months that's eight oh two eighteen per payment", "ACC-AMOUNT"),
    (MED, "2468.4, which is the full balance", "ACC-AMOUNT"),
    (DISPUTE, "the $40 late fee is part of your $1,248.37", "ACC-AMOUNT"),
    (SPOUSE, "the balance after your three hundred dollars would be $4,521.50", "ACC-AMOUNT"),
    (M1, "还了最低532.05以后，剩4707.45", "ACC-AMOUNT"),
    (M1, "还了最低523.05以后，剩4770.45", "ACC-AMOUNT"),
    (LAWYER, "如果拖到11月30号，那就逾期120天了", "ACC-DAYS-OVERDUE"),
    (MED, "by November 20th you'll be at 110 days", "ACC-DAYS-OVERDUE"),
    (ANGRY, "滞纳金全免，您还一万九千七百零四块七毛五就两清了", "ACC-AMOUNT"),
    (M1, "违约金五十给您免了，月底打5185.5就结清", "ACC-AMOUNT"),
    (M1, "利息这块，185.5", "ACC-AMOUNT"),
    (M1, "当初本金是五千五百块", "ACC-AMOUNT"),
    (M1, "11月2号到期的，以经20天了", "ACC-DAYS-OVERDUE"),
    # a charge said by its kind that the account does not carry
    (M1, "还得算上上门费200", "ACC-AMOUNT"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_SESSION19)
def test_session19_right_figures_stay_clean(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG_SESSION19)
def test_session19_wrong_figures_are_compared(ref: str, text: str, rule: str) -> None:
    found = rules(ref, text)
    assert any(r == rule or r.startswith(f"{rule}-") for r in found), found
