"""Session 21, the lead's kinds from bj21 half A: a voicemail that names a person but no
business ("<name> here", "please call <name> at <number>") is no Reg F limited-content message.
New wording, none of it a dev line or an exemplar; each with look-alikes that must stay clean."""

from __future__ import annotations

import pytest

from scoring.compliance import LineContext, judge_for
from scoring.text import normalise

VOICEMAIL = LineContext(party="unknown", verified=False, product="agency", channel="voicemail")
CALL = LineContext(party="debtor", verified=True, product="agency", channel="call")


def rules(text: str, ctx: LineContext) -> set[str]:
    judge = judge_for("US")
    return {hit.rule.id for hit in judge.judge_line(text, ctx, norm=normalise(text))}


@pytest.mark.parametrize(
    "line",
    [
        "Hi, Dana Cole here, ring me back at 833-555-0142 when you get this.",
        "good afternoon, Marcus here. please give me a call back today, 844-555-0117.",
        "This message is for Lee Park. Please call Robin at 877-555-0190. Thank you.",
        "For Jamie Ortiz: contact Priya on 866-555-0175 before Friday, thanks.",
    ],
)
def test_a_name_without_a_business_is_no_limited_content_message(line: str) -> None:
    assert "US-REGF-VOICEMAIL-NO-BUSINESS" in rules(line, VOICEMAIL)


@pytest.mark.parametrize(
    "line",
    [
        # The business is named: the limited-content message of 12 CFR 1006.2(j)(1).
        "Hi, Dana Cole here with Northgate Services, ring me back at 833-555-0142.",
        "This message is for Lee Park. Please call Robin at Alder Group at 877-555-0190.",
        # "here" not after a name, and a call back to the office itself.
        "I'm here until six, so please call us back at 833-555-0142.",
        "We're here to help. Please call us at 877-555-0190.",
    ],
)
def test_a_named_business_or_no_name_stays_clean(line: str) -> None:
    assert "US-REGF-VOICEMAIL-NO-BUSINESS" not in rules(line, VOICEMAIL)


def test_on_a_live_call_the_rule_does_not_apply() -> None:
    # The business was said at the call's start; "call Robin at…" later is ordinary talk.
    line = "If I'm out, please call Robin at 877-555-0190."
    assert "US-REGF-VOICEMAIL-NO-BUSINESS" not in rules(line, CALL)
    assert "US-REGF-VOICEMAIL-NO-BUSINESS" in rules(line, VOICEMAIL)


def test_a_message_relayed_through_whoever_answers_is_left_to_the_location_rules() -> None:
    line = "Could you ask him to call Robin at 877-555-0190? Thanks."
    assert "US-REGF-VOICEMAIL-NO-BUSINESS" not in rules(line, VOICEMAIL)
