"""Kinds from session 20's blind half A, said in new wording: not wanting a threat is no denial
of it (the US pack's `rhetorical` cues), and meaning reads a false promise about the credit file,
a dispute reported without its flag and a sarcastic jab at the debtor's excuses."""

from __future__ import annotations

from datetime import datetime

import pytest

from scoring.compliance import LineContext, judge_for
from scoring.text import normalise

DEBTOR = LineContext(
    party="debtor", verified=True, flags=frozenset(), local_time=datetime(2026, 11, 20, 10, 0)
)


def categories(jurisdiction: str, text: str) -> set[str]:
    hits = judge_for(jurisdiction).judge_line(text, DEBTOR, norm=normalise(text))
    return {h.rule.category for h in hits}


@pytest.mark.parametrize(
    "text",
    [
        "No one wants to watch you get locked up over a Visa bill, but that's the road you're on.",
        "We really don't want to have to get the sheriff involved, so call us back today.",
        "i don't like seeing anyone get arrested, but you're making it hard",
    ],
)
def test_not_wanting_a_threat_still_says_it(text: str) -> None:
    assert "threat_arrest_jail" in categories("US", text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody is going to arrest you over this balance; it's a civil matter.",
        "No one will come to your house, and you won't be arrested for owing money.",
        "I don't want you to worry about being arrested, that's not how this works.",
        "We don't want you losing sleep over jail; owing money isn't a crime.",
    ],
)
def test_a_plain_denial_still_clears(text: str) -> None:
    assert "threat_arrest_jail" not in categories("US", text)


UNVERIFIED = LineContext(
    party="unknown", verified=False, flags=frozenset(), local_time=datetime(2026, 11, 20, 10, 0)
)


@pytest.mark.parametrize(
    "text",
    [
        "大姐您好，这钱您不必帮他垫，麻烦让他本人回个电话就好",
        "您用不着替您儿子还什么，他自己的事让他自己处理",
        "放心哈，夜里十点过后不会打扰您",
        "您好，我是XX银行信用卡中心的，为了您的账户安全，先跟您核对一下身份",
    ],
)
def test_cn_lines_that_lay_no_duty_and_make_no_threat_stay_clean(text: str) -> None:
    hits = judge_for("CN").judge_line(text, UNVERIFIED, norm=normalise(text))
    assert not hits, [h.rule.id for h in hits]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("你不用装糊涂，你爸就得替你还", "CN-THIRDPARTY-COLLECT"),
        ("为了您的账户安全，您欠的那笔五千块今天得还上", "CN-RPC-VERIFY"),
        ("夜里十一点我们照样打给你", "CN-CONTACT-HOURS-PROPOSE"),
    ],
)
def test_cn_the_same_words_still_flag_a_duty_a_debt_or_a_late_call(text: str, rule: str) -> None:
    hits = judge_for("CN").judge_line(text, UNVERIFIED, norm=normalise(text))
    assert rule in {h.rule.id for h in hits}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("A wage garnishment only comes after a court judgment, and there isn't one.", False),
        ("Garnishment only applies once a court has ruled, which hasn't happened.", False),
        ("Garnishment only kicks in if you keep dodging us, so call today.", True),
    ],
)
def test_a_step_explained_by_what_it_takes_is_no_threat(text: str, flagged: bool) -> None:
    assert bool(categories("US", text) & {"threat_lawsuit_false"}) is flagged
