"""The intents' read-out (`scoring/probe.py` fitted to the intent exemplars): shipped for exactly
those exemplars, it reads lines the nearest-exemplar vote leaves split, never a short
acknowledgement, never a harmful intent into a harmless line, and its bars are validated data.
The lines here were written for these tests, in no exemplar's or dev line's words."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from scoring.encoder import encoder
from scoring.i18n import Lang
from scoring.meaning import (
    IntentProbePolicy,
    Reading,
    _by_intent_probe,
    _by_vote,
    _seen,
    intent_probe_of,
    intents_by_meaning,
    policy,
)
from scoring.semantic import NONE, intent_index, shipped_probe


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shipped_read_out_is_fitted_to_these_exemplars(lang: Lang) -> None:
    """Edit an intent exemplar and this fails until `python -m scoring.semantic` ships anew."""
    index = intent_index(lang)
    shipped = shipped_probe(f"intents.{lang}", index, policy().intents.probe.training(lang))
    assert shipped is not None
    assert shipped.classes == tuple(sorted({i.label for i in index.items}))
    assert NONE in shipped.classes and len(shipped.classes) == 25


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        (
            "zh",
            "礼拜五之前能不能先挪点钱出来还",
            Reading(
                "ask_payment_date",
                0.935,
                "下礼拜一之前先把这期的钱还进来,您觉得咋样",
                "礼拜五之前能不能先挪点钱出来还",
            ),
        ),
        (
            "en",
            "could you put something towards it later this week, and what day",
            Reading(
                "ask_payment_date",
                0.919,
                "Can you do anything this week?",
                "could you put something towards it later this week, and what day",
            ),
        ),
    ],
)
def test_a_line_the_vote_leaves_split_is_read_by_the_read_out(
    lang: Lang, line: str, expected: Reading
) -> None:
    vector = encoder().embed([line])[0]
    assert _by_vote(line, _seen(vector, lang), lang, clause=False) is None
    assert intent_probe_of(lang).probabilities(vector)["ask_payment_date"] == (
        0.913 if lang == "zh" else 0.946
    )
    # The explanation is the nearest exemplar of the intent read.
    assert intents_by_meaning(line, lang) == [expected]


@pytest.mark.parametrize(
    ("lang", "line"),
    [("zh", "好的"), ("zh", "行"), ("zh", "嗯嗯好"), ("en", "ok"), ("en", "ok sounds good")],
)
def test_a_short_acknowledgement_is_never_read(lang: Lang, line: str) -> None:
    assert intents_by_meaning(line, lang) == []


def test_a_harmless_line_near_a_threat_is_never_read_as_one() -> None:
    line = "如果一直协商不了，银行那边有可能走诉讼，目前还没有"
    vector = encoder().embed([line])[0]
    shares = intent_probe_of("zh").probabilities(vector)
    assert max(shares, key=lambda c: shares[c]) == "consequence_honest"
    assert shares["threaten"] < policy().intents.probe.strict_threshold["zh"]
    assert [r.label for r in intents_by_meaning(line, "zh")] == ["consequence_honest"]


def test_a_harmful_intent_is_read_from_a_whole_line_only() -> None:
    """A clause says too little to be called a threat by the read-out."""
    clause = "pay it by friday or we show up at your job"
    vector = encoder().embed([clause])[0]
    assert intent_probe_of("en").probabilities(vector)["threaten"] == 0.54
    assert _by_intent_probe(clause, _seen(vector, "en"), "en", clause=True) is None
    # 0.54 is under the strict bar (0.8) for a whole line too.
    assert _by_intent_probe(clause, _seen(vector, "en"), "en", clause=False) is None


def test_the_read_out_s_bars_are_validated() -> None:
    good = {"threshold": {"zh": 0.6, "en": 0.6}, "l2": 0.001, "scale": 20.0, "steps": 1500}
    IntentProbePolicy.model_validate(
        {
            **good,
            "clause_threshold": {"zh": 0.8, "en": 0.8},
            "strict_threshold": {"zh": 0.8, "en": 0.8},
        }
    )
    with pytest.raises(ValidationError, match="strict_threshold below threshold for en"):
        IntentProbePolicy.model_validate(
            {
                **good,
                "clause_threshold": {"zh": 0.8, "en": 0.8},
                "strict_threshold": {"zh": 0.8, "en": 0.5},
            }
        )
    with pytest.raises(ValidationError, match="threshold and clause_threshold must name"):
        IntentProbePolicy.model_validate(
            {**good, "clause_threshold": {"zh": 0.8}, "strict_threshold": {"zh": 0.8, "en": 0.8}}
        )
