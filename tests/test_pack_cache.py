"""A rule pack's patterns are checked once per content (issue 18: `check` starts fast), and
what is kept never changes a verdict: the same hits with and without the kept results."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from scoring import pack_cache
from scoring.compliance import Judge, LineContext
from scoring.prefilter import needs
from scoring.rulepack import RulePack, load_pack_file, pack_path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "packs"
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(folder))
    return folder


def _example_lines(pack: RulePack) -> list[str]:
    return [
        example.text
        for rule in pack.rules
        for example in [*rule.examples.violating, *rule.examples.near_miss]
    ]


def _verdicts(judge: Judge, lines: list[str]) -> list[list[tuple[str, str]]]:
    ctx = LineContext()
    return [[(h.rule.id, h.evidence) for h in judge.judge_line(line, ctx)] for line in lines]


@pytest.mark.parametrize("jurisdiction", ["CN", "US"])
def test_a_pack_checked_once_judges_the_same_from_what_was_kept(
    cache: Path, jurisdiction: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = pack_path(jurisdiction)
    first = load_pack_file(path)
    [kept] = cache.iterdir()
    assert kept.name.startswith(first.content_hash + "-")
    known = pack_cache.known(first.content_hash)
    assert known is not None
    assert known == {source: needs(source) for source in first.pattern_sources()}
    again = load_pack_file(path)
    assert again == first
    lines = _example_lines(first)
    from_cache = _verdicts(Judge(again, semantic=False), lines)
    monkeypatch.delenv(pack_cache.CACHE_ENV)
    assert from_cache == _verdicts(Judge(load_pack_file(path), semantic=False), lines)
    assert sum(bool(v) for v in from_cache) > 100  # the examples do break rules


def _broken_pack(folder: Path) -> Path:
    text = pack_path("CN").read_text(encoding="utf-8")
    broken = folder / "cn.yaml"
    # The first rule's first pattern made unbalanced.
    marker = "    patterns:\n      - "
    at = text.index(marker) + len(marker)
    broken.write_text(text[:at] + "'(unclosed' \n      - " + text[at:], encoding="utf-8")
    return broken


def test_a_bad_pattern_is_an_error_and_nothing_is_kept(cache: Path, tmp_path: Path) -> None:
    broken = _broken_pack(tmp_path)
    with pytest.raises(ValidationError, match="bad regular expression '\\(unclosed'"):
        load_pack_file(broken)
    assert not cache.exists() or not any(cache.iterdir())


def test_a_damaged_kept_file_is_checked_afresh(cache: Path, tmp_path: Path) -> None:
    good = load_pack_file(pack_path("CN"))
    [kept] = cache.iterdir()
    for damage in ["", "{", '{"needs": {"x": [[1]]}}', '{"needs": {"x": [[]]}}', "[]"]:
        kept.write_text(damage, encoding="utf-8")
        assert pack_cache.known(good.content_hash) is None, damage
        assert load_pack_file(pack_path("CN")) == good
        assert pack_cache.known(good.content_hash) is not None  # written again, whole


def test_a_judge_compiles_only_the_patterns_a_line_reaches(cache: Path) -> None:
    judge = Judge(load_pack_file(pack_path("CN")), semantic=False)
    patterns = [p for compiled in judge._rules for p in compiled.patterns]
    assert len(patterns) > 200
    judge.judge_line("您好，我是锦程银行的客服小李。", LineContext())
    compiled = sum(p._compiled is not None for p in patterns)
    assert compiled < len(patterns) // 5  # the patterns without a literal, and a few


def test_the_command_line_tells_the_judge_where_packs_are_kept() -> None:
    from simulator.engine import paths

    assert paths.PACK_CACHE_ENV == pack_cache.CACHE_ENV
    assert paths.pack_cache().parent == paths.cache_root()
