"""A rule's match on a topic word is cleared when the line reads, as a whole, as a compliant
one (`judge.cleared` in semantic.yaml): denials and honest explanations of legal process are
no threats, whatever words they share with one."""

from __future__ import annotations

import pytest

from scoring import meaning
from scoring.compliance import LineContext, judge_for
from scoring.i18n import Lang
from scoring.meaning import policy, reads_compliant
from scoring.rulepack import load_pack

DEBTOR = LineContext(party="debtor", verified=True)


def rule_ids(lang: Lang, line: str, *, semantic: bool) -> list[str]:
    judge = judge_for("CN" if lang == "zh" else "US", semantic=semantic)
    return [hit.rule.id for hit in judge.judge_line(line, DEBTOR)]


@pytest.mark.parametrize("jurisdiction", ["CN", "US"])
def test_every_clearable_rule_is_a_rule_of_its_pack_about_what_is_said(jurisdiction: str) -> None:
    """Named rules exist, and none is a duty or turns on who is listening or on the call's
    flags (what meaning, read without the call, cannot see)."""
    rules = {rule.id: rule for rule in load_pack(jurisdiction).rules}
    named = policy().judge.cleared.rules[jurisdiction]  # type: ignore[index]
    assert named, "a pack with no clearable rule"
    for rule_id in named:
        rule = rules[rule_id]
        assert rule.kind in {"prohibited", "stateful"}
        assert rule.when.party in (None, ["debtor"], ["debtor", "spouse"])
        assert rule.when.flags_any is None and rule.when.verified is None


CLEARED: list[tuple[Lang, str, str]] = [
    ("zh", "逾期是合同上的事，走的是民事那一套，坐牢轮不到您头上。", "CN-THREAT-ARREST-JAIL"),
    ("zh", "起诉这事您要担心，可以自己找律师问问，我这边不下结论。", "CN-LAWSUIT-THREAT-NO-BASIS"),
    (
        "en",
        "Wage garnishment needs a court judgment first, and nobody has taken you to court.",
        "US-FDCPA-THREAT-UNINTENDED-ACTION",
    ),
    # a hedge, not a denial: what may happen, said as such (judge.cleared.hedge)
    (
        "zh",
        "时间拖太长的话，贷款方有可能走诉讼，我先跟您商量个您能承受的方案。",
        "CN-LAWSUIT-THREAT-NO-BASIS",
    ),
    (
        "en",
        "If this sits unpaid for a long time, the creditor could file a lawsuit, but today I'd "
        "like to find a plan that fits your budget.",
        "US-FDCPA-THREAT-UNINTENDED-ACTION",
    ),
    # a fee denied, an insult quoted to apologise for it (December 6, a blind batch's
    # false alarms: the words were the rules', the lines were not)
    ("zh", "办分期我们这边不收任何手续费以外的催收费，您放心。", "CN-FALSE-AMOUNT-FEES"),
    (
        "en",
        "You told me the last guy called you a deadbeat. That's not okay, and I'm sorry.",
        "US-FDCPA-PROFANITY-ABUSE",
    ),
]


@pytest.mark.parametrize(("lang", "line", "rule"), CLEARED)
def test_a_topic_word_in_a_line_that_reads_compliant_is_no_finding(
    lang: Lang, line: str, rule: str
) -> None:
    assert rule_ids(lang, line, semantic=False) == [rule]  # the word alone is the rule's
    assert rule_ids(lang, line, semantic=True) == []
    nearest = reads_compliant(line, lang)
    assert nearest is not None and nearest.label == "compliant"


@pytest.mark.parametrize(
    ("lang", "line", "rule"),
    [
        ("zh", "你再拖着不还，等着坐牢吧。", "CN-THREAT-ARREST-JAIL"),
        ("zh", "你再不还，我们可能明天就起诉你，到时候你就等着吧。", "CN-LAWSUIT-THREAT-NO-BASIS"),
        (
            "en",
            "We may sue you tomorrow if you don't pay today.",
            "US-FDCPA-THREAT-UNINTENDED-ACTION",
        ),
        (
            "en",
            "If you don't pay by Friday we'll have you arrested.",
            "US-FDCPA-THREAT-ARREST-CRIME",
        ),
        ("zh", "还要再加三百的催收费，不交的话别想结清。", "CN-FALSE-AMOUNT-FEES"),
        ("en", "Quit whining, you deadbeat, and pay what you owe.", "US-FDCPA-PROFANITY-ABUSE"),
        # A negation that frames the threat (a condition of not paying, "no choice but") is
        # no denial of it: these four were cleared as denials before session 19.
        (
            "en",
            "If you don't pay, we have no choice but to refer this for prosecution.",
            "US-FDCPA-THREAT-ARREST-CRIME",
        ),
        (
            "en",
            "Unless you settle, we have no option but to refer it for criminal prosecution.",
            "US-FDCPA-THREAT-ARREST-CRIME",
        ),
        (
            "en",
            "If you won't settle, we've got no choice but to refer your case for prosecution.",
            "US-FDCPA-THREAT-ARREST-CRIME",
        ),
        (
            "en",
            "If you don't pay, there's no choice but to press charges.",
            "US-FDCPA-THREAT-ARREST-CRIME",
        ),
    ],
)
def test_the_threat_itself_stands(lang: Lang, line: str, rule: str) -> None:
    assert reads_compliant(line, lang) is None
    assert rule in rule_ids(lang, line, semantic=True)


def test_a_rule_the_policy_does_not_name_is_never_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    lang, line, rule = CLEARED[0]
    settings = policy()
    cleared = settings.judge.cleared.model_copy(
        update={"rules": {"CN": frozenset(), "US": frozenset()}}
    )
    judge = settings.judge.model_copy(update={"cleared": cleared})
    monkeypatch.setattr(meaning, "policy", lambda: settings.model_copy(update={"judge": judge}))
    assert rule_ids(lang, line, semantic=True) == [rule]
