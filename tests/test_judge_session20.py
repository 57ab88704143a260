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
    ],
)
def test_a_plain_denial_still_clears(text: str) -> None:
    assert "threat_arrest_jail" not in categories("US", text)
