"""Session 21, the English judge: veiled violence by wished presence, mockery of the
consumer's excuses said as a joke, a dispute reported "anyway" or without its flag, and the
consumer's fear echoed as a bare question then denied in the next sentence; from bj21 half A,
property harm hinted by insurance and a dispute said back and mocked. New wording,
none of it a dev line or an exemplar; each kind with its look-alikes that must stay clean."""

from __future__ import annotations

import pytest

from scoring.compliance import LineContext, judge_for
from scoring.text import normalise

DEBTOR = LineContext(party="debtor", verified=True)


def categories(text: str) -> set[str]:
    judge = judge_for("US")
    return {hit.rule.category for hit in judge.judge_line(text, DEBTOR, norm=normalise(text))}


@pytest.mark.parametrize(
    ("line", "category"),
    [
        # Veiled violence: the phone, not the will, is what stops it.
        ("ur real lucky we're on a call and not in the same room rn", "threat_violence"),
        ("Be grateful I'm not standing at your doorstep right now.", "threat_violence"),
        ("good thing it's a text and not me across the table from u", "threat_violence"),
        ("lucky for you I can't get at you through this phone", "threat_violence"),
        # Mockery of excuses, said as a joke.
        ("Your aunt passed away again? That family of yours is cursed.", "profanity_insult"),
        ("wow how convenient, the app crashed right at checkout", "profanity_insult"),
        ("Another late fee. Way to go adulting.", "profanity_insult"),
        ("If you weren't so irresponsible we'd be done by now.", "profanity_insult"),
        # A dispute reported anyway, or without its flag (1692e(8)).
        ("Disputing is your right, but we're reporting it Monday anyway.", "threat_credit_false"),
        ("dispute away, it hits ur report this week regardless", "threat_credit_false"),
        ("We'll send it over without any dispute notation.", "threat_credit_false"),
        ("Sure, dispute, we're not flagging the account as disputed.", "threat_credit_false"),
        ("The tradeline won't show as disputed, just so you know.", "threat_credit_false"),
        # bj21 half A's kinds: property harm hinted by insurance; a dispute mocked.
        ("hope u got full coverage on that truck of yours", "threat_violence"),
        ("Hope your shop is well insured, that's all I'll say.", "threat_violence"),
        ("Not your loan? Uh huh, sure, heard that one before.", "refuse_dispute_or_validation"),
        ("u already paid? nice try lol", "refuse_dispute_or_validation"),
        # An echo put to the consumer, not answered with a denial, stays a threat.
        ("You're scared of a warrant? Good, you should be.", "threat_arrest_jail"),
        ("Worried about getting arrested? Not yet, anyway.", "threat_arrest_jail"),
        ("You think the police won't come? Keep ignoring us.", "threat_arrest_jail"),
        ("You think the warrant is a bluff? We don't bluff.", "threat_arrest_jail"),
    ],
)
def test_session21_kinds_are_flagged(line: str, category: str) -> None:
    assert category in categories(line)


@pytest.mark.parametrize(
    "line",
    [
        # Luck and presence said kindly.
        "Good thing we can sort this out by phone, no need to come into the office.",
        "You're lucky, the hardship plan is open this month.",
        "Be glad we're not adding interest while the plan runs.",
        "Lucky for you I'm not the only one who can approve this, my supervisor can too.",
        "You're lucky we can settle this by phone instead of you driving in.",
        "Glad the truck is insured and running again; shall we pick a date?",
        "You say it isn't your loan? Okay, I'll mark it disputed and mail you verification.",
        # Sympathy, and "convenient" asked plainly.
        "I'm sorry your uncle passed away; we can move the date to next month.",
        "How convenient would a Tuesday draft date be for you?",
        # A dispute reported as disputed.
        "We report it either way, and it will be marked as disputed while we verify.",
        "Because you're disputing, we'll report the account as disputed.",
        # The consumer's fear echoed, then denied in the next sentence.
        "You're scared you'll be locked up? That's not something that happens over a card bill.",
        "u think we'll send the police? no one is sending anybody, its a civil account",
        "Nervous about a warrant? There is none, and there won't be one.",
        "ur worried ull be arrested? thats not a thing for a phone bill",
    ],
)
def test_session21_look_alikes_stay_clean(line: str) -> None:
    assert categories(line) == set()
