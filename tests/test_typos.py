"""Homophone typos new collectors type are read as the words they meant, by keywords and
rules alike, and keep the line's length; the same characters used rightly stay as they are."""

from __future__ import annotations

from datetime import date

import pytest

from scoring.analysis import analyze
from scoring.text import normalise, plain
from scoring.typos import TypoFold, meant


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("您这笔以经逾期二十天了", "您这笔已经逾期二十天了"),
        ("我帮您按排一下分期", "我帮您安排一下分期"),
        ("请说以下身分证最后四位", "请说一下身份证最后四位"),
        ("您的帐户还有欠款", "您的账户还有欠款"),
        ("那我周五在打给您，在见", "那我周五再打给您，再见"),
        ("您看那天方便还款", "您看哪天方便还款"),
        ("已后有问题随时找我", "以后有问题随时找我"),
    ],
)
def test_a_typo_is_read_as_the_word_meant(typed: str, read: str) -> None:
    assert normalise(typed) == normalise(read)
    assert len(normalise(typed)) == len(typed)


@pytest.mark.parametrize(
    "right",
    ["我现在打给您核对一下", "正在打给您的同事", "我们在见面之前再确认", "请看以下三点说明"],
)
def test_the_same_characters_used_rightly_are_left_alone(right: str) -> None:
    assert meant(normalise(right)) == normalise(right).replace("看以下", "看一下")


def test_the_encoder_reads_the_line_as_typed() -> None:
    assert plain("我以经帮您按排了") == "我以经帮您按排了"


@pytest.mark.parametrize(
    ("typed", "intent"),
    [
        ("方便报以下身分证后四位吗", "verify_identity"),
        ("好的，那就先这样，在见", "close"),
        ("那我后天下午在打给您", "leave_callback"),
    ],
)
def test_intents_are_read_through_the_typo(typed: str, intent: str) -> None:
    assert intent in analyze(typed, "zh", date(2026, 12, 1)).intent_names


def test_a_fold_must_keep_the_length() -> None:
    with pytest.raises(ValueError, match="length"):
        TypoFold.model_validate({"version": 1, "words": {"以经": "已"}})


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("那你那天能把钱凑齐？", "那你哪天能把钱凑齐？"),
        ("您这边大概那天发工资？", "您这边大概哪天发工资？"),
        ("金额、那天都由您来定", "金额、哪天都由您来定"),
        ("您说个那天和几点，我到时打给您", "您说个哪天和几点，我到时打给您"),
    ],
)
def test_nayday_in_a_question_of_the_day_is_read_as_nayday(typed: str, read: str) -> None:
    assert normalise(typed) == normalise(read)


@pytest.mark.parametrize(
    "right",
    ["那天您家里有人吗？", "那天您能还多少？", "我那天下午再联系您", "就是上回那天的事？"],
)
def test_natian_meaning_that_day_is_left_alone(right: str) -> None:
    assert "那天" in normalise(right)
