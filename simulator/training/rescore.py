"""Rescoring stored attempts under the current rule pack: what changed, originals untouched."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from scoring.rulepack import load_pack
from simulator.engine.reporting import report_for
from simulator.records.store import Store


@dataclass(frozen=True, slots=True)
class Rescore:
    attempt_id: str
    trainee: str
    scenario: str
    old_score: float | None
    new_score: float
    old_passed: bool | None
    new_passed: bool
    old_pack: str | None
    new_pack: str
    # What read the lines then and now (None: finished before it was recorded).
    old_understanding: str | None
    new_understanding: str
    rules_added: list[str]  # findings the current pack adds (with multiplicity)
    rules_removed: list[str]  # findings it no longer raises
    # Why: the pack's own change notes for the rules this attempt touched, newer than its pack.
    reasons: dict[str, str] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return (
            self.old_score != self.new_score
            or self.old_passed != self.new_passed
            or bool(self.rules_added or self.rules_removed)
        )

    def to_json(self) -> dict[str, object]:
        return {
            "attempt": self.attempt_id,
            "trainee": self.trainee,
            "scenario": self.scenario,
            "old": {
                "score": self.old_score,
                "passed": self.old_passed,
                "rulepack": self.old_pack,
                "understanding": self.old_understanding,
            },
            "new": {
                "score": self.new_score,
                "passed": self.new_passed,
                "rulepack": self.new_pack,
                "understanding": self.new_understanding,
            },
            "rules_added": self.rules_added,
            "rules_removed": self.rules_removed,
            "reasons": self.reasons,
            "changed": self.changed,
        }


def rescore(store: Store, attempt_ids: list[str]) -> list[Rescore]:
    """Each completed attempt judged again; the stored scores and findings stay as they were."""
    results: list[Rescore] = []
    for attempt_id in attempt_ids:
        detail = store.attempt(attempt_id)
        if detail.summary.status != "completed":
            continue
        report = report_for(store.load_transcript(attempt_id))
        old = Counter(f.rule for f in store.findings(attempt_id))
        new = Counter(f.rule for f in report.findings)
        reasons = _reasons(report.rulepack, detail.rulepack, {*old, *new})
        results.append(
            Rescore(
                attempt_id=attempt_id,
                trainee=detail.summary.trainee,
                scenario=detail.summary.scenario,
                old_score=detail.summary.score,
                new_score=report.score,
                old_passed=detail.summary.passed,
                new_passed=report.passed,
                old_pack=detail.rulepack,
                new_pack=report.rulepack,
                old_understanding=detail.understanding,
                new_understanding=report.understanding,
                rules_added=sorted((new - old).elements()),
                rules_removed=sorted((old - new).elements()),
                reasons=reasons,
            )
        )
    return results


def _reasons(new_pack: str, old_pack: str | None, rules: set[str]) -> dict[str, str]:
    """The current pack's notes on `rules` changed since `old_pack` ("CN 2026.11.1 (hash)")."""
    jurisdiction = new_pack.split()[0]
    old_version = old_pack.split()[1] if old_pack and len(old_pack.split()) > 1 else None
    pack = load_pack(jurisdiction)
    lang = "zh" if jurisdiction == "CN" else "en"
    return {
        rule: why.get(lang)
        for rule, why in sorted(pack.changed_since(old_version).items())
        if rule in rules
    }
