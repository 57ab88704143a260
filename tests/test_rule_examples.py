"""Every example of every rule in every shipped pack is a test case."""

from __future__ import annotations

from datetime import datetime

import pytest

from scoring.compliance import Judge, LineContext, judge_for
from scoring.rulepack import RULES_DIR, Example, Rule, load_pack

JURISDICTIONS = tuple(path.stem.upper() for path in sorted(RULES_DIR.glob("*.yaml")))


def _context(example: Example) -> LineContext:
    ctx = example.context
    hour = int(str(ctx.get("hour", 10)))
    flags = ctx.get("flags", [])
    assert isinstance(flags, list)
    return LineContext(
        party=str(ctx.get("party", "debtor")),  # type: ignore[arg-type]
        verified=bool(ctx.get("verified", True)),
        flags=frozenset(str(f) for f in flags),
        local_time=datetime(2026, 11, 20, hour, 15),
        legal_status=str(ctx.get("legal_status", "none")),
        time_barred=bool(ctx.get("time_barred", False)),
        product=str(ctx["product"]) if "product" in ctx else None,
        channel=str(ctx["channel"]) if "channel" in ctx else None,
        state=str(ctx.get("state", "")),
    )


def _fires(judge: Judge, rule: Rule, example: Example) -> bool:
    if rule.kind == "required":
        ctx = _context(example)
        return rule in judge.missing_in_message(example.text, ctx.product, ctx.channel)
    return any(hit.rule.id == rule.id for hit in judge.judge_line(example.text, _context(example)))


def _cases(kind: str) -> list[object]:
    cases: list[object] = []
    for jurisdiction in JURISDICTIONS:
        for rule in load_pack(jurisdiction).rules:
            examples = rule.examples.violating if kind == "violating" else rule.examples.near_miss
            for n in range(len(examples)):
                cases.append(pytest.param(jurisdiction, rule.id, n, id=f"{rule.id}-{kind}-{n}"))
    return cases


@pytest.mark.parametrize(("jurisdiction", "rule_id", "n"), _cases("violating"))
def test_violating_example_is_caught(jurisdiction: str, rule_id: str, n: int) -> None:
    judge = judge_for(jurisdiction)
    rule = judge.pack.rule(rule_id)
    example = rule.examples.violating[n]
    assert _fires(judge, rule, example), f"{rule_id} missed: {example.text}"


@pytest.mark.parametrize(("jurisdiction", "rule_id", "n"), _cases("near_miss"))
def test_near_miss_example_is_not_flagged(jurisdiction: str, rule_id: str, n: int) -> None:
    judge = judge_for(jurisdiction)
    rule = judge.pack.rule(rule_id)
    example = rule.examples.near_miss[n]
    assert not _fires(judge, rule, example), f"{rule_id} false alarm: {example.text}"


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_every_near_miss_is_clean_under_the_whole_pack(jurisdiction: str) -> None:
    """A compliant line must not trip some other rule of the same pack either."""
    judge = judge_for(jurisdiction)
    noisy = []
    for rule in judge.pack.rules:
        if rule.kind == "required":
            continue
        for example in rule.examples.near_miss:
            hits = judge.judge_line(example.text, _context(example))
            if hits:
                noisy.append((rule.id, example.text, [h.rule.id for h in hits]))
    assert not noisy, noisy
