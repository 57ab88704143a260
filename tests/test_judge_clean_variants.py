"""Kinds the clean-variant probe (`benchmarks/judge_clean_variants.py`) found raising false
alarms: chat spelling read by the encoder as typed, and the debtor's own fear (or what someone
else threatened them with) said back to be answered. New wording, none of it a dev line, an
exemplar or a line of the probe."""

from __future__ import annotations

import pytest

from scoring.chat import spelled_out
from scoring.compliance import LineContext, judge_for
from scoring.i18n import Lang
from scoring.text import normalise

DEBTOR = LineContext(party="debtor", verified=True)


def categories(text: str, lang: Lang, ctx: LineContext = DEBTOR) -> set[str]:
    judge = judge_for("CN" if lang == "zh" else "US")
    return {hit.rule.category for hit in judge.judge_line(text, ctx, norm=normalise(text))}


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("r u free to talk?", "Are you free to talk?"),
        ("thx, ill note it. pls call b4 friday", "Thanks, I'll note it. Please call before friday"),
        ("oh ur his brother? ok", "Oh you're his brother? Ok"),
        ("ur statement is in the app", "Your statement is in the app"),
        ("its past 8 so im done for today", "It's past 8 so I'm done for today"),
        # Words that are English too stay themselves; so do initials and "U.S.".
        ("Well, I hope you feel less ill soon.", "Well, I hope you feel less ill soon."),
        ("The U.S. office, ask for R. Diaz.", "The U.S. office, ask for R. Diaz."),
        ("The card and its statement moved.", "The card and its statement moved."),
    ],
)
def test_chat_spelling_is_read_as_the_words_meant(said: str, meant: str) -> None:
    assert spelled_out(said) == meant


@pytest.mark.parametrize(
    ("line", "ctx"),
    [
        ("hey r u still good w the plan we set up? pls let me know", DEBTOR),
        ("thx for getting back to me, ill note ur payment for the 3rd", DEBTOR),
        ("no worries if now isnt good, ill try u again tmrw around noon", DEBTOR),
        ("since ur working with a counselor, ill wait to hear from them", DEBTOR),
    ],
)
def test_courteous_chat_lines_stay_clean(line: str, ctx: LineContext) -> None:
    assert categories(line, "en", ctx) == set()


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("pay by 5 or ur gonna get picked up by the cops, ur choice", "threat_arrest_jail"),
        ("ur a deadbeat and everyone at ur job is gonna hear abt it", "profanity_insult"),
    ],
)
def test_chat_spelled_violations_are_still_flagged(line: str, category: str) -> None:
    assert categories(line, "en")


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "我听得出来您挺怕被拘留的，欠款是合同上的事，跟拘留没关系。"),
        ("zh", "您刚刚说担心公安上门，这个您放宽心，欠款不归他们管。"),
        (
            "en",
            "I know you're scared of being arrested over the card. Owing money isn't a crime.",
        ),
        (
            "en",
            "You told me another agency threatened to have you jailed; that was wrong, and I'm "
            "noting it.",
        ),
        (
            "en",
            "So the previous collector threatened to have you arrested? I'm sorry, we'd never "
            "say that.",
        ),
    ],
)
def test_the_debtor_s_fear_said_back_and_answered_stays_clean(lang: Lang, line: str) -> None:
    assert categories(line, lang) == set()


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "你就不怕警察上门抓你吗？"),
        ("en", "Are you scared of going to jail? You should be."),
        ("en", "You should be afraid of jail if you keep dodging us."),
        ("en", "ur scared of jail? u should be"),
    ],
)
def test_a_fear_put_to_the_debtor_is_still_a_threat(lang: Lang, line: str) -> None:
    assert "threat_arrest_jail" in categories(line, lang)
