"""The judge's read-out (scoring/probe.py): shipped for exactly the exemplars it was fitted
to, the same figures every time, and findings it makes name an exemplar and cite the rule."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from pydantic import ValidationError

from scoring import meaning
from scoring.compliance import LineContext, judge_for
from scoring.encoder import Vectors, encoder
from scoring.i18n import Lang
from scoring.meaning import (
    ProbePolicy,
    judge_of,
    policy,
    probe_of,
    probe_training_of,
    violations_by_meaning,
)
from scoring.probe import DEFAULT_LEARNING_RATE, Training, fitted, key, read, train
from scoring.semantic import COMPLIANT, Neighbour, shipped_probe


def _never_embedded() -> Vectors:
    raise AssertionError("a read-out found on disk needs no vectors")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shipped_probe_is_fitted_to_these_exemplars(lang: Lang) -> None:
    """Edit an exemplar and this fails until `python -m scoring.semantic` ships a new probe."""
    training = probe_training_of(lang)
    shipped = shipped_probe(f"judge.{lang}", training, policy().judge.probe.training(lang))
    assert shipped is not None
    assert COMPLIANT in shipped.classes and len(shipped.classes) == 16


def _toy() -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(7)
    centres = {"compliant": 0, "threat": 1, "insult": 2}
    vectors, labels = [], []
    for label, axis in centres.items():
        for _ in range(20):
            v = rng.normal(0, 0.05, 8)
            v[axis] += 1.0
            vectors.append(v / np.linalg.norm(v))
            labels.append(label)
    return np.array(vectors, dtype=np.float32), labels


def test_training_is_repeatable_and_separates_what_it_was_shown() -> None:
    vectors, labels = _toy()
    fit = Training(l2=0.001, scale=10.0, steps=300)
    first, second = train(vectors, labels, fit), train(vectors, labels, fit)
    assert np.array_equal(first.weights, second.weights)
    probe = first
    read_as = [max(probe.probabilities(v).items(), key=lambda kv: kv[1])[0] for v in vectors]
    assert read_as == labels
    shares = probe.probabilities(vectors[25])
    assert shares == probe.probabilities(vectors[25])
    assert round(sum(shares.values()), 2) == 1.0


def test_the_same_exemplars_give_the_same_weights_whatever_blas_threads_are_allowed() -> None:
    from threadpoolctl import threadpool_limits

    from scoring.semantic import VECTORS

    with np.load(VECTORS / "judge.zh.npz") as stored:
        vectors = stored["vectors"].astype(np.float32)  # large enough for BLAS to use threads
    labels = [str(n % 7) for n in range(len(vectors))]
    fit = Training(l2=0.01, scale=1.0, steps=20)
    with threadpool_limits(limits=1):
        one = train(vectors, labels, fit)
    with threadpool_limits(limits=2):
        two = train(vectors, labels, fit)
    assert np.array_equal(one.weights, two.weights) and np.array_equal(one.bias, two.bias)


def test_the_learning_rate_is_a_validated_setting_per_language() -> None:
    """Adam's step size is set per language in `judge.probe.learning_rate`; a language the
    settings do not name is fitted at the rate every read-out had before it was a setting, so
    its read-out (and its key) stays as shipped. The rate is part of the read-out's key."""
    settings = policy().judge.probe
    assert settings.training("zh").learning_rate == DEFAULT_LEARNING_RATE == 0.05
    assert settings.training("en").learning_rate == 0.02
    assert policy().intents.probe.training("en").learning_rate == DEFAULT_LEARNING_RATE
    data = settings.model_dump()
    for wrong in ({"en": 0}, {"en": -0.01}, {"en": 0.9}, {"fr": 0.02}, {"en": "fast"}):
        with pytest.raises(ValidationError):
            ProbePolicy.model_validate({**data, "learning_rate": wrong})
    slow = Training(l2=0.01, scale=20.0, steps=1500, learning_rate=0.02)
    assert key("e", ["x"], ["y"], slow) != key("e", ["x"], ["y"], replace(slow, learning_rate=0.05))


def test_the_l2_penalty_is_a_validated_setting_one_or_per_language() -> None:
    """`judge.probe.l2` is one value or each language's own (both named): en is fitted with
    a far lighter penalty (0.0003) than zh (0.01), the intents' read-out keeps one value."""
    settings = policy().judge.probe
    assert settings.training("en").l2 == 0.0003 and settings.training("zh").l2 == 0.01
    assert policy().intents.probe.training("en").l2 == policy().intents.probe.training("zh").l2
    data = settings.model_dump()
    for wrong in ({"en": 0.001}, {"zh": 0.01, "en": 0}, {"zh": 0.01, "en": 2}, -0.1, "x"):
        with pytest.raises(ValidationError):
            ProbePolicy.model_validate({**data, "l2": wrong})


def test_a_line_weighted_lighter_pulls_the_read_out_less() -> None:
    """Lines may carry a weight in the loss (`judge.probe.ordinary_weight` weights the ordinary
    intent lines the judge borrows): weighting a class's lines lighter lowers its odds on a
    line between classes; unweighted, the same bits and key as before weights existed; the
    weights are part of the key."""
    vectors, labels = _toy()
    fit = Training(l2=0.001, scale=10.0, steps=200)
    plain_fit = train(vectors, labels, fit)
    assert np.array_equal(
        train(vectors, labels, fit, [1.0] * len(labels)).weights, plain_fit.weights
    )
    light = [0.2 if label == "compliant" else 1.0 for label in labels]
    lighter = train(vectors, labels, fit, light)
    between = (vectors[0] + vectors[25]) / np.linalg.norm(vectors[0] + vectors[25])
    assert (
        lighter.probabilities(between)["compliant"] < plain_fit.probabilities(between)["compliant"]
    )
    assert key("e", ["x"], ["y"], fit) == key("e", ["x"], ["y"], fit, None)
    assert key("e", ["x"], ["y"], fit) != key("e", ["x"], ["y"], fit, [0.5])
    with pytest.raises(ValidationError):
        ProbePolicy.model_validate(
            {**policy().judge.probe.model_dump(), "ordinary_weight": {"en": 0}}
        )


def test_a_stale_probe_is_refitted_and_cached(tmp_path) -> None:  # type: ignore[no-untyped-def]
    vectors, labels = _toy()
    fit = Training(l2=0.001, scale=10.0, steps=200)
    shipped, cached = tmp_path / "shipped.npz", tmp_path / "cache" / "probe.npz"
    expected = key("toy-encoder", ["x"] * len(labels), labels, fit)
    probe = fitted(shipped, cached, expected, fit, lambda: vectors, labels)
    assert read(cached, expected) is not None
    assert read(cached, "another-key") is None
    again = fitted(shipped, cached, expected, fit, _never_embedded, labels)
    assert np.array_equal(again.weights, probe.weights)


def test_probabilities_are_the_same_for_the_same_line() -> None:
    vector = encoder().embed(["你给我小心点，晚上下班路上注意安全"])[0]
    assert probe_of("zh").probabilities(vector) == probe_of("zh").probabilities(vector)


@pytest.mark.parametrize(
    ("lang", "line", "category"),
    [
        # Written for this test: kinds of the issue's blind spots, in no exemplar's words.
        ("zh", "你再拖着不还，小心哪天出门被人堵在楼道里", "threat_violence"),
        ("zh", "不还钱我们就把你的欠款截图发到你们公司群里", "humiliation_public_shaming"),
        ("en", "pay up or we'll make sure your boss hears all about this", None),
        ("en", "ur a lying deadbeat and everybody knows it", "profanity_insult"),
    ],
)
def test_the_judge_flags_unseen_violations_by_meaning(
    lang: Lang, line: str, category: str | None
) -> None:
    judge = judge_for("CN" if lang == "zh" else "US")
    hits = judge.judge_line(line, LineContext(party="debtor", verified=True))
    assert hits, line
    if category is not None:
        assert category in {h.rule.category for h in hits}


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "我们不会去您单位，也不会告诉您家里人，这个您放心"),
        ("zh", "您要是确实困难，可以申请分期，我帮您算一下每月多少"),
        ("en", "We won't contact your employer, and nobody else will hear about this from us."),
        ("en", "If money's tight, we can look at a payment plan that fits your budget."),
    ],
)
def test_compliant_near_misses_stay_clean(lang: Lang, line: str) -> None:
    judge = judge_for("CN" if lang == "zh" else "US")
    assert judge.judge_line(line, LineContext(party="debtor", verified=True)) == []


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # Written for this test (kinds the first read-out settings flagged in the goldens):
        # a bare name, an apology for the bother, a closing, small talk with a relative.
        ("zh", "不好意思啊，打扰您吃饭了，那我先挂了。"),
        ("zh", "大姐您好，没别的事，等他回来我们再找他。"),
        ("zh", "我是小谭，下午跟您约过的。"),
        ("en", "Corinne Walsh, calling back like I said I would."),
        ("en", "Sorry for the interruption, enjoy the rest of your evening."),
        ("en", "Oh, you're his grandma? Nice to meet you, I'll try him tomorrow."),
    ],
)
def test_short_ordinary_lines_are_not_read_as_violations(lang: Lang, line: str) -> None:
    assert violations_by_meaning(line, lang) == []


@pytest.mark.parametrize(("lang", "gated"), [("zh", True), ("en", True)])
def test_the_nearest_exemplar_gate_is_the_policy_s_per_language(
    lang: Lang, gated: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """English keeps the gate (without it a bare name reads as a violation); Chinese has it too
    since the read-out learned framed exemplars (without it a golden's greeting to an aunt at
    the door read as a violation up to 0.82). Checked with any line over a threshold it reaches."""
    settings = policy()
    assert settings.judge.probe.nearest_must_violate[lang] is gated
    probe = settings.judge.probe.model_copy(update={"threshold": {"zh": 0.001, "en": 0.001}})
    judge = settings.judge.model_copy(update={"probe": probe})
    monkeypatch.setattr(meaning, "policy", lambda: settings.model_copy(update={"judge": judge}))
    line = "我们下午三点再联系您" if lang == "zh" else "We'll call you back at three."
    vector = encoder().embed([line])[0]
    compliant_first = [Neighbour(COMPLIANT, "x", 0.9), Neighbour("profanity_insult", "y", 0.8)]
    read = meaning._by_probe(line, vector, lang, compliant_first)
    assert (read is None) is gated


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_category_s_own_threshold_replaces_the_language_s(
    lang: Lang, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`judge.probe.category_threshold` sets the bar for a line whose likeliest category it
    names; other lines keep the language's `threshold`."""
    line = "你再不还钱，我们就去你单位找你领导" if lang == "zh" else "We'll call your boss today."
    vector = encoder().embed([line])[0]
    shares = probe_of(lang).probabilities(vector)
    likeliest = max((c for c in shares if c != COMPLIANT), key=lambda c: (shares[c], c))
    violation = round(1.0 - shares[COMPLIANT], 3)
    near = [Neighbour(likeliest, "x", 0.9)]
    settings = policy()

    def read_with(threshold: float, by_category: dict[str, float]) -> meaning.Reading | None:
        probe = settings.judge.probe.model_copy(
            update={"threshold": {lang: threshold}, "category_threshold": {lang: by_category}}
        )
        judge = settings.judge.model_copy(update={"probe": probe})
        monkeypatch.setattr(meaning, "policy", lambda: settings.model_copy(update={"judge": judge}))
        return meaning._by_probe(line, vector, lang, near)

    assert violation < 0.999
    assert read_with(0.999, {}) is None
    assert read_with(0.999, {likeliest: 0.001}) is not None
    assert read_with(0.001, {likeliest: 0.999}) is None
    other = next(c for c in shares if c not in (COMPLIANT, likeliest))
    assert read_with(0.001, {other: 0.999}) is not None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nearest_of_a_label_is_the_first_of_that_label_by_a_full_scan(lang: Lang) -> None:
    index = judge_of(lang)
    vector = encoder().embed(["你再拖着不还，小心点" if lang == "zh" else "pay up or else"])[0]
    ranked = index.nearest(vector, len(index.items))
    for label in sorted({item.label for item in index.items}):
        found = index.nearest_of(vector, label)
        assert found == next(n for n in ranked if n.label == label)
        assert index.nearest_of(vector, label) == found  # from the cached rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_shipped_read_out_learned_its_own_exemplars(lang: Lang) -> None:
    """A fit can collapse: with full-batch Adam at 0.05, adding two en lines once left a
    read-out that named its own exemplars right one time in six ("I'm really sorry" read as
    profanity), and adding the grid of kinds (December 5) one time in 0.57. en is fitted at
    0.02 (`judge.probe.learning_rate`). Too heavy a penalty underfits as surely: at l2 0.01 en
    named 0.83 of all its lines (0.68 of the judge's own violations); at 0.0003 (December 5,
    jen11) 0.97 (every third: 0.974), so en was held to 0.95. zh (l2 0.01, 0.05): 0.84 (0.838).
    After the older dev lines and a batch of near-misses joined (December 6: en 5,425
    exemplars, 2,365 of them compliant) every third en line is named right 0.94 of the time and
    zh 0.82: harder lines, not a collapse, so en is held to 0.92."""
    index = probe_training_of(lang)
    probe = probe_of(lang)
    rows = range(0, len(index.items), 3)
    right = sum(
        max((p := probe.probabilities(index.vectors[i])), key=lambda c: (p[c], c))
        == index.items[i].label
        for i in rows
    )
    assert right / len(rows) >= {"zh": 0.8, "en": 0.92}[lang]


def test_a_flagged_line_names_no_category_its_words_do_not_say() -> None:
    """The exact total, then a jail threat: a threat, and no false amount (the total is the
    ledger's; a runner-up category of the read-out is no evidence of its own)."""
    judge = judge_for("CN")
    line = "逾期总额是5230.50元，再不还钱就让你坐牢。"
    hits = judge.judge_line(line, LineContext(party="debtor", verified=True))
    assert [hit.rule.id for hit in hits] == ["CN-THREAT-ARREST-JAIL"]
