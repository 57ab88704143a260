"""The literal prefilter may only save time: verdicts with and without it are identical."""

from __future__ import annotations

import random
import re
from datetime import datetime

import pytest

from scoring.compliance import Judge, LineContext
from scoring.prefilter import needs, trie_regex
from scoring.rulepack import load_pack


def _lines(jurisdiction: str) -> list[str]:
    pack = load_pack(jurisdiction)
    lines = [e.text for r in pack.rules for e in (*r.examples.violating, *r.examples.near_miss)]
    rng = random.Random(7)
    # Shuffled fragments of real lines: new combinations of trigger words.
    words = [w for line in lines for w in re.split(r"[，,。 ]", line) if w]
    lines += ["，".join(rng.sample(words, 3)) for _ in range(300)]
    return lines


@pytest.mark.parametrize("jurisdiction", ["CN", "US"])
@pytest.mark.parametrize("party", ["debtor", "third_party"])
def test_prefilter_never_changes_a_verdict(jurisdiction: str, party: str) -> None:
    fast = Judge(load_pack(jurisdiction))
    exhaustive = Judge(load_pack(jurisdiction))
    every = frozenset(range(len(exhaustive._owner)))
    exhaustive._index.candidates = lambda text: every  # type: ignore[method-assign]
    ctx = LineContext(party=party, verified=party == "debtor", local_time=datetime(2026, 1, 1, 10))  # type: ignore[arg-type]
    for line in _lines(jurisdiction):
        got = [h.rule.id for h in fast.judge_line(line, ctx)]
        want = [h.rule.id for h in exhaustive.judge_line(line, ctx)]
        assert got == want, line


def test_trie_regex_finds_the_longest_word_like_a_flat_alternation() -> None:
    rng = random.Random(3)
    alphabet = "ab欠款钱c"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(60)}
    flat = re.compile(
        "(?=(" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + "))"
    )
    trie = re.compile("(?=(" + trie_regex(words) + "))")
    for _ in range(200):
        text = "".join(rng.choice(alphabet + "xy") for _ in range(30))
        assert [m.group(1) for m in trie.finditer(text)] == [
            m.group(1) for m in flat.finditer(text)
        ]


@pytest.mark.parametrize(
    ("pattern", "line", "could_match"),
    [
        ("(小心|当心).{0,6}(出事|意外)", "小心点别出意外", True),
        ("(小心|当心).{0,6}(出事|意外)", "您好，请问是王敏吗", False),
        (r"\byou (still )?(have to|need to|must) pay\b", "you must pay", True),
        (r"\byou (still )?(have to|need to|must) pay\b", "thank you, goodbye", False),
    ],
)
def test_needs_are_necessary(pattern: str, line: str, could_match: bool) -> None:
    need = needs(pattern)
    assert need is not None
    present = all(any(lit in line for lit in options) for options in need)
    assert present == could_match
    if re.search(pattern, line):
        assert present
