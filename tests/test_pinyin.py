"""Pinyin read as the Chinese it spells (scoring/pinyin.py), and the judge reading it so."""

from __future__ import annotations

import pytest

from scoring.compliance import LineContext, judge_for
from scoring.pinyin import decoded, spelled, syllables_of


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # spaced, joined, and mixed with characters
        ("ni ta ma de dao di huan bu huan", "你他妈得到底还不还"),
        ("等着zuolao吧", "等着坐牢吧"),
        (
            "再不还qian，wo men jiu qu ni dan wei zhao ni ling dao tan tan",
            "再不还钱，我们就去你单位找你领导谈谈",
        ),
        (
            "ni zai bu huan qian, wo men jiu qu ni jia zhao ni ba ma",
            "你再不还钱, 我们就去你家找你爸妈",
        ),
    ],
)
def test_pinyin_is_read_as_the_characters_it_spells(said: str, read: str) -> None:
    assert decoded(said) == read


@pytest.mark.parametrize(
    "said",
    [
        "你个sb ok app",  # Latin that is not pinyin
        "plan a 方案",  # a lone syllable ("a") away from any character
        "he is 好人",  # an English word that is also a syllable, beside one that is not
        "We'll call you back at three.",
    ],
)
def test_latin_that_is_not_a_run_of_pinyin_is_left_alone(said: str) -> None:
    assert decoded(said) == said


def test_a_token_splits_into_the_fewest_syllables_or_none() -> None:
    assert syllables_of("zuolao") == ["zuo", "lao"]
    assert syllables_of("xian") == ["xian"]
    assert syllables_of("app") is None
    # a syllable the lexicon lacks stays in Latin, its neighbours are still spelled
    assert spelled(["huan", "qian"]) == "还钱"


def test_the_judge_reads_a_pinyin_threat_by_meaning_and_not_a_pinyin_greeting() -> None:
    judge = judge_for("CN")
    threat = judge.judge_line(
        "ni zai bu huan qian, wo men jiu qu ni jia zhao ni ba ma", LineContext()
    )
    assert threat, "a pinyin threat to visit the family is a finding"
    greeting = judge.judge_line(
        "ni hao, wo shi jin cheng yin hang de xiao zhang, gong hao 3321", LineContext()
    )
    assert greeting == []


def test_the_rules_read_pinyin_as_the_characters_it_spells() -> None:
    # Rules alone (no meaning): a pinyin jail threat breaks the rule its characters break, and
    # a pinyin greeting with a staff number breaks none.
    judge = judge_for("CN", semantic=False)
    threat = judge.judge_line("ni zai bu huan qian, jiu deng zhe zuo lao ba", LineContext())
    assert [hit.rule.id for hit in threat] == ["CN-THREAT-ARREST-JAIL"]
    assert threat[0].evidence == "坐牢"
    greeting = judge.judge_line("nin hao, wo shi xiao zhang, gong hao 3321", LineContext())
    assert greeting == []
