"""The judge's read-out (scoring/probe.py): shipped for exactly the exemplars it was fitted
to, the same figures every time, and findings it makes name an exemplar and cite the rule."""

from __future__ import annotations

import numpy as np
import pytest

from scoring.compliance import LineContext, judge_for
from scoring.encoder import encoder
from scoring.i18n import Lang
from scoring.meaning import judge_of, policy, probe_of
from scoring.probe import Training, fitted, key, read, train
from scoring.semantic import COMPLIANT, VECTORS


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_shipped_probe_is_fitted_to_these_exemplars(lang: Lang) -> None:
    """Edit an exemplar and this fails until `python -m scoring.semantic` ships a new probe."""
    index = judge_of(lang)
    expected = key(
        encoder().identity,
        [i.text for i in index.items],
        [i.label for i in index.items],
        policy().judge.probe.training(),
    )
    shipped = read(VECTORS / f"judge.{lang}.probe.npz", expected)
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


def test_a_stale_probe_is_refitted_and_cached(tmp_path) -> None:  # type: ignore[no-untyped-def]
    vectors, labels = _toy()
    fit = Training(l2=0.001, scale=10.0, steps=200)
    shipped, cached = tmp_path / "shipped.npz", tmp_path / "cache" / "probe.npz"
    expected = key("toy-encoder", ["x"] * len(labels), labels, fit)
    probe = fitted(shipped, cached, expected, fit, vectors, labels)
    assert read(cached, expected) is not None
    assert read(cached, "another-key") is None
    again = fitted(shipped, cached, expected, fit, vectors, labels)
    assert np.array_equal(again.weights, probe.weights)


def test_probabilities_are_the_same_for_the_same_line() -> None:
    vector = encoder().embed(["你给我小心点，晚上下班路上注意安全"])[0]
    assert probe_of("zh").probabilities(vector) == probe_of("zh").probabilities(vector)


@pytest.mark.parametrize(
    ("lang", "line", "category"),
    [
        # Written for this test: kinds of the blind spots, in no exemplar's words.
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
