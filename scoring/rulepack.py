"""Rule packs: compliance rules as YAML data, one pack per jurisdiction."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from scoring.data_files import load_yaml
from scoring.i18n import Bilingual
from scoring.taxonomy import Category, Party, Severity

RULES_DIR = Path(__file__).parent / "rules"
Confidence = Literal["high", "medium", "low"]
RuleKind = Literal["prohibited", "required", "stateful"]


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    provision: str = ""
    confidence: Confidence = "medium"

    def label(self) -> str:
        text = f"{self.source} {self.provision}".strip()
        return text if self.confidence != "low" else f"{text} (citation to verify)"


class When(BaseModel):
    """Context a line must be spoken in for the rule to apply (all given fields must hold)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    party: list[Party] | None = None
    verified: bool | None = None
    flags_any: list[str] | None = None
    legal_status: list[str] | None = None  # the ledger's legal_status
    time_barred: bool | None = None
    hours_outside: tuple[int, int] | None = None  # [start, end): allowed window, local time


class Requirement(BaseModel):
    """What a `required` rule wants said, and by when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    patterns: list[str] = Field(min_length=1)
    # first_trainee_turn: in the opening line; before_debt_talk: before or with the first line
    # that discusses the debt with the debtor; message: anywhere in a stand-alone message.
    by: Literal["first_trainee_turn", "before_debt_talk", "message"] = "before_debt_talk"
    party: list[Party] = Field(default_factory=lambda: list[Party](["debtor"]))


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    context: dict[str, object] = Field(default_factory=dict)


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    violating: list[Example] = Field(min_length=3)
    near_miss: list[Example] = Field(min_length=2)


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Z]{2}-[A-Z0-9-]+$")
    title: Bilingual
    category: Category
    severity: Severity
    kind: RuleKind
    patterns: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    negatable: bool = True
    when: When = When()
    requirement: Requirement | None = None
    citations: list[Citation] = Field(min_length=1)
    explanation: Bilingual
    rewrite: Bilingual
    examples: Examples

    @field_validator("patterns", "unless")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
        return patterns

    @model_validator(mode="after")
    def _kind_fits(self) -> Rule:
        if self.kind == "required" and self.requirement is None:
            raise ValueError("a required rule needs `requirement`")
        if self.kind != "required" and not self.patterns and self.when.hours_outside is None:
            raise ValueError("a prohibited or stateful rule needs `patterns`")
        return self

    def citation_text(self) -> str:
        return "; ".join(c.label() for c in self.citations)


class NegationScope(BaseModel):
    """Where a negatable rule's match is not what the collector said: a cue before it that
    still reaches it, words after it in the same clause that deny or disown it, or a report
    of someone else's words. Regexes, searched in normalised text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # A cue before the match stops reaching it past these ("if you don't pay you'll go to
    # jail": "don't" negates "pay", not "jail").
    breaks: list[str] = Field(default_factory=list)
    # Cues that only look like negation ("don't make me", "别逼我"): never clear a match.
    rhetorical: list[str] = Field(default_factory=list)
    # After the match, in the same clause and within `after_window` characters: a denial
    # ("arrest is not something that happens here", "坐牢那种话是吓唬人的").
    after: list[str] = Field(default_factory=list)
    after_window: int = Field(default=24, ge=1, le=80)
    # Before the match, in the same clause: someone else's words reported back
    # ("您说对方骂您…", "they told you you'd be arrested").
    reported: list[str] = Field(default_factory=list)
    reported_window: int = Field(default=24, ge=1, le=80)

    @field_validator("breaks", "rhetorical", "after", "reported")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
        return patterns


class RulePack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: Literal["CN", "US"]
    version: str
    language: Literal["zh", "en"]
    title: Bilingual
    # Words that negate what follows in the same clause ("不会", "won't"): a negated match
    # of a negatable rule is an honest reassurance, not a threat.
    negation_cues: list[str] = Field(min_length=1)
    negation_window: int = Field(default=12, ge=1, le=60)
    negation_scope: NegationScope = NegationScope()
    # A line that shows by itself it is said to someone other than the debtor ("你是他姐姐吧？",
    # "are you his mother?"): judged as said to a third party whatever the call's context says.
    third_party_address: list[str] = Field(default_factory=list)

    @field_validator("third_party_address")
    @classmethod
    def _address_compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
        return patterns

    # What counts as talking about the debt (used by disclosure and verification rules).
    debt_talk_patterns: list[str] = Field(min_length=1)
    rules: list[Rule] = Field(min_length=1)
    content_hash: str = ""

    @model_validator(mode="after")
    def _unique_ids(self) -> RulePack:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id}")
            seen.add(rule.id)
        return self

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def pack_path(jurisdiction: str) -> Path:
    return RULES_DIR / f"{jurisdiction.lower()}.yaml"


def load_pack_file(path: Path) -> RulePack:
    raw = path.read_bytes()
    data = load_yaml(raw)
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return RulePack.model_validate({**data, "content_hash": digest})


@cache
def load_pack(jurisdiction: str) -> RulePack:
    """The shipped pack for a jurisdiction, parsed once per process."""
    return load_pack_file(pack_path(jurisdiction))
