"""Who is listening, from the line itself (issue 13, item 3): a line that addresses a
relative or colleague of the debtor is judged as said to a third party even when the call's
context says the debtor is on the line. A spouse is the consumer under 15 USC 1692c(d)."""

from __future__ import annotations

import pytest

from scoring.compliance import Judge, LineContext
from scoring.rulepack import load_pack


def broken(jurisdiction: str, line: str) -> list[str]:
    judge = Judge(load_pack(jurisdiction), semantic=False)
    return [hit.rule.id for hit in judge.judge_line(line, LineContext(party="debtor"))]


@pytest.mark.parametrize(
    ("jurisdiction", "line", "rule"),
    [
        ("CN", "你是他姐姐吧？他欠我们三万多", "CN-THIRDPARTY-DISCLOSURE"),
        ("CN", "请问您是王敏的家属吗？她欠款逾期了", "CN-THIRDPARTY-DISCLOSURE"),
        ("US", "Are you his mother? Tell him he owes us $3,100", "US-FDCPA-THIRDPARTY-DISCLOSURE"),
        ("US", "your son owes us $2,400 and it's way past due", "US-FDCPA-THIRDPARTY-DISCLOSURE"),
    ],
)
def test_a_line_to_a_relative_is_judged_as_said_to_a_third_party(
    jurisdiction: str, line: str, rule: str
) -> None:
    assert rule in broken(jurisdiction, line)


@pytest.mark.parametrize(
    ("jurisdiction", "line"),
    [
        ("CN", "麻烦您转告她回个电话"),
        ("CN", "请问是王敏本人吗？您的信用卡逾期了"),
        ("US", "Are you her husband? Tell her she owes us $3,100"),
        ("US", "Is this Dana? Your balance is $2,400"),
    ],
)
def test_the_debtor_a_spouse_or_a_bare_message_request_is_not_a_third_party(
    jurisdiction: str, line: str
) -> None:
    assert broken(jurisdiction, line) == []


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # The line echoes the debtor's dispute or hardship, so no flag in the context is needed.
        ("你说那笔早就还过了？我不管，马上再转一次", "CN-DISPUTE-HANDLING"),
        ("截图ps的吧，少跟我扯，赶紧还", "CN-DISPUTE-HANDLING"),
        ("住院关我什么事，今天必须全部还清", "CN-HARDSHIP-NEGOTIATION"),
    ],
)
def test_a_line_that_echoes_a_dispute_or_hardship_is_judged_with_that_flag(
    line: str, rule: str
) -> None:
    assert rule in broken("CN", line)


@pytest.mark.parametrize(
    "line",
    [
        "您说已经还过了？麻烦发一下凭证，我帮您核对",
        "您说住院了，那这个月先不用全部还清，我帮您申请延期",
    ],
)
def test_echoing_a_dispute_or_hardship_to_help_is_no_violation(line: str) -> None:
    assert broken("CN", line) == []
