"""A line that says back what the debtor asked for (a lawyer, no more calls, not at work, not at
night) and then overrides it is judged as if the call's flag were set: the line itself shows
the collector knew."""

from __future__ import annotations

import pytest

from scoring.compliance import LineContext, judge_for

DEBTOR = LineContext(party="debtor", verified=True)


def rule_ids(jurisdiction: str, line: str) -> list[str]:
    judge = judge_for(jurisdiction, semantic=False)
    return [hit.rule.id for hit in judge.judge_line(line, DEBTOR)]


@pytest.mark.parametrize(
    ("jurisdiction", "line", "rule"),
    [
        (
            "US",
            "Look, I hear you've got a lawyer now, but we can wrap this up faster just the "
            "two of us.",
            "US-FDCPA-ATTORNEY-REPRESENTED",
        ),
        (
            "US",
            "u told us not to call ur office, but its important so pick up next time",
            "US-FDCPA-WORKPLACE-CONTACT-FORBIDDEN",
        ),
        (
            "US",
            "I know you said no calls after 7, but that's the only time I'm free.",
            "US-FDCPA-INCONVENIENT-TIME-STATED",
        ),
        (
            "US",
            "you asked us to stop calling but figured i'd check in one more time",
            "US-FDCPA-CEASE-COMMUNICATION",
        ),
        ("CN", "你不是说过别打你单位吗？我照样打。", "CN-WORK-CONTACT-REFUSED"),
        ("CN", "您说早上八点前别打，我偏要七点打给您。", "CN-CONTACT-INCONVENIENT"),
    ],
)
def test_a_request_said_back_and_overridden_is_a_finding(
    jurisdiction: str, line: str, rule: str
) -> None:
    assert rule in rule_ids(jurisdiction, line)


@pytest.mark.parametrize(
    ("jurisdiction", "line"),
    [
        ("US", "You mentioned you have an attorney; could you share their number so I call them?"),
        ("US", "You asked us not to call your job, so I'll use your cell from now on."),
        ("US", "You said not before 9, but would 9:30 tomorrow work for you?"),
        ("US", "I work weekends too, but let's find a weekday time that suits you."),
        ("CN", "您说过别打单位，我们已经备注了，以后只打您本人手机。"),
        ("CN", "您说晚上九点以后不方便，那我明天下午再联系您。"),
    ],
)
def test_a_request_said_back_and_kept_is_no_finding(jurisdiction: str, line: str) -> None:
    assert rule_ids(jurisdiction, line) == []
