"""Session 21, the lead's accuracy kinds from ba21 half A: a day word and the weekday said to
be it ("today, Wednesday" on a Tuesday, "明天礼拜三"), a weekday then the date it is said to be
("下周一是12月1号"), a due-date label before a weekday-date pair ("due date was Sunday Sept 6"),
and a span since a date then its length ("since March 27, which makes it 137 days"). New
wording, none of it a dev line; right lines stay clean, wrong ones draw the rule named."""

from __future__ import annotations

import pytest

from tests.test_accuracy import M1, SPOUSE, THEFT, rules

# Call days: M1 Fri 2026-11-20 (due 11-02), SPOUSE Thu 2026-11-12 (due 09-05), THEFT Tue
# 2026-10-20 (due 06-01, 141 days).
RIGHT = [
    (M1, "今天星期五，11月20号，您这笔5230.5还没还上"),
    (M1, "后天是礼拜天，22号，那天之前还上就行"),
    (M1, "下周二是11月24号，您看那天方便吗"),
    (SPOUSE, "The due date on this account was Saturday, Sept 5."),
    (SPOUSE, "I can call you back tomorrow, Friday, around ten."),
]
WRONG = [
    (M1, "今天星期四，11月20号，您这笔5230.5还没还上", "ACC-DATE"),
    (M1, "后天是礼拜六，22号，那天之前还上就行", "ACC-DATE"),
    (M1, "下周二是11月25号，您看那天方便吗", "ACC-DATE"),
    (SPOUSE, "The due date on this account was Sunday, Sept 6.", "ACC-DUE-DATE"),
    (SPOUSE, "I can call you back tomorrow, Saturday, around ten.", "ACC-DATE"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT)
def test_days_said_two_ways_that_agree_stay_clean(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG)
def test_days_said_two_ways_that_disagree_are_flagged(ref: str, text: str, rule: str) -> None:
    assert rule in rules(ref, text)


def test_a_span_since_a_date_then_its_length_is_counted() -> None:
    # M1 falls due 2026-11-02 and is called on 2026-11-20: 18 days.
    assert rules(M1, "从11月2号算起，一共18天了") == []
    assert "ACC-DAYS-OVERDUE" in rules(M1, "从11月2号算起，一共21天了")
    assert rules(THEFT, "unpaid since June 1st, which makes it 141 days") == []
    assert "ACC-DAYS-OVERDUE" in rules(THEFT, "unpaid since June 1st, which makes it 114 days")
