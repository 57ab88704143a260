"""Kinds the dev judge probe (`benchmarks/judge_variants.py`) found: a violation said after a
courteous or reassuring sentence is still read by meaning, and courteous padding takes no
clause's place. New wording, none of it a dev line or a variant of one."""

from __future__ import annotations

import pytest

from scoring.compliance import LineContext, judge_for
from scoring.i18n import Lang
from scoring.meaning import MAX_UNITS, sentences, units
from scoring.text import normalise

DEBTOR = LineContext(party="debtor", verified=True)


def categories(text: str, lang: Lang) -> set[str]:
    judge = judge_for("CN" if lang == "zh" else "US")
    return {hit.rule.category for hit in judge.judge_line(text, DEBTOR, norm=normalise(text))}


@pytest.mark.parametrize(
    ("lang", "line", "category"),
    [
        # An insult after a sentence about the bill: the whole reads as the bill.
        ("zh", "您的账单明细在App里都能查到。你这种人也就配一辈子打工还债", "profanity_insult"),
        (
            "en",
            "Your statement is in the app if you want to check it. Honestly, people like you "
            "are a waste of space.",
            "profanity_insult",
        ),
        (
            "zh",
            "您说的情况我记下了，会帮您反馈。明天起每天给你打二十个电话，打到你接为止",
            "time_or_frequency_harassment",
        ),
    ],
)
def test_a_violation_after_a_courteous_sentence_is_still_read(
    lang: Lang, line: str, category: str
) -> None:
    assert category in categories(line, lang)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "您好，打扰一下，我们是按合同办事的。您看这周能先还一部分吗？"),
        ("zh", "不会有人去您单位的，您放心。我们只跟您本人沟通。"),
        ("zh", "您好，我是信用卡中心的小周。想跟您确认一下这个月的还款安排，您方便说话吗？"),
        ("en", "Thanks for taking my call. We can look at a smaller monthly amount if that helps."),
        ("en", "We won't contact your employer. We only discuss this with you directly."),
    ],
)
def test_clean_sentences_said_together_stay_clean(lang: Lang, line: str) -> None:
    assert categories(line, lang) == set()


def test_a_line_s_sentences_end_at_stops_not_at_commas_or_abbreviations() -> None:
    assert sentences("好的，我记下了。你什么时候方便？下午吧") == [
        "好的,我记下了。",
        "你什么时候方便?",
        "下午吧",
    ]
    assert sentences("Mr. Lin, call at 4 p.m. or later. Thanks!") == [
        "Mr. Lin, call at 4 p.m. or later.",
        "Thanks!",
    ]
    assert sentences("") == []


def test_short_courtesies_take_no_clause_s_place() -> None:
    """Clauses shorter than the judge reads are dropped before the count is cut: a line
    padded with 您好, 打扰了, 谢谢 still has its last acts read."""
    padded = "您好，嗯，是这样，那个，我说，欠款九千，今晚去你家，找你爸妈，谢谢"
    read = units(padded, min_chars=4)
    assert "今晚去你家" in read and "找你爸妈" in read
    assert len(read) <= MAX_UNITS
