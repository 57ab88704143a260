"""Rule packs: compliance rules as YAML data, one pack per jurisdiction."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from scoring import pack_cache
from scoring.data_files import load_yaml
from scoring.i18n import Bilingual
from scoring.taxonomy import CHANNELS, PRODUCTS, Category, Channel, Party, Product, Severity

RULES_DIR = Path(__file__).parent / "rules"
# high: the article number was seen in the primary text; medium: the content is confirmed (often by
# secondary sources) but not the number; low: neither. Only `high` numbers reach a trainee.
Confidence = Literal["high", "medium", "low"]
RuleKind = Literal["prohibited", "required", "stateful"]
# The force of a source, strongest first. A trainee must never read self-regulation or house
# policy as law, so every citation says which it is.
Binding = Literal[
    "law",
    "judicial_interpretation",
    "regulation",
    "national_standard",
    "self_regulatory",
    "house_policy",
]
BINDING_ORDER: tuple[Binding, ...] = get_args(Binding)
BINDING_WORDS: dict[Binding, Bilingual] = {
    "law": Bilingual(zh="法律", en="statute"),
    "judicial_interpretation": Bilingual(zh="司法解释", en="judicial interpretation"),
    "regulation": Bilingual(zh="监管规章", en="regulation"),
    "national_standard": Bilingual(zh="推荐性国家标准", en="national standard (recommended)"),
    "self_regulatory": Bilingual(zh="行业自律规范", en="self-regulatory code"),
    "house_policy": Bilingual(zh="机构内部规定", en="house policy"),
}
# Said after a finding's explanation, so the trainee knows what kind of rule was broken.
BASIS_NOTES: dict[Binding, Bilingual] = {
    "law": Bilingual(zh="依据性质：法律。", en="Basis: statute."),
    "judicial_interpretation": Bilingual(
        zh="依据性质：司法解释。", en="Basis: judicial interpretation."
    ),
    "regulation": Bilingual(zh="依据性质：监管规章。", en="Basis: regulation."),
    "national_standard": Bilingual(
        zh="依据性质：推荐性国家标准，不是强制性法律。",
        en="Basis: a recommended national standard, not binding law.",
    ),
    "self_regulatory": Bilingual(
        zh="依据性质：行业自律规范，不是法律。", en="Basis: a self-regulatory code, not law."
    ),
    "house_policy": Bilingual(
        zh="依据性质：机构内部规定，不是法律禁令。",
        en="Basis: house policy, not a legal prohibition.",
    ),
}

# Article numbers belong in `article` (shown only when verified), and notes to the pack's
# editors never reach a trainee: neither may hide in a citation's words.
_NUMBER_IN_WORDS = re.compile(r"第[0-9一二三四五六七八九十百]+条|§|\b\d{3,4}\.\d|\(\d\)|\([a-z]\)")
EDITOR_NOTES = re.compile(
    r"待核|据报道|条号[^，。,]{0,4}未核实|citations? to verify|\(to verify\)|\bunverified\b",
    re.IGNORECASE,
)


# Validation context: the pack's bytes are known to compile (pack_cache), skip the check.
PATTERNS_CHECKED = "patterns_checked"


def _regexes(patterns: list[str]) -> list[str]:
    """The patterns, each checked to compile (a bad one is a one-line validation error)."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
    return patterns


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str  # the instrument's name alone
    article: str = ""  # article, section or paragraph; shown only when confidence is high
    provision: str = ""  # what the provision says, in words (no numbers)
    binding: Binding
    confidence: Confidence = "medium"
    # Lenders this source binds; None = every lender the rule applies to.
    products: list[Product] | None = None

    @field_validator("source", "provision")
    @classmethod
    def _no_numbers_or_notes(cls, text: str) -> str:
        if _NUMBER_IN_WORDS.search(text):
            raise ValueError(f"article numbers go in `article`, not in {text!r}")
        if EDITOR_NOTES.search(text):
            raise ValueError(f"editor's note in trainee-facing citation text: {text!r}")
        return text

    def verified(self) -> bool:
        return self.confidence == "high" and bool(self.article)

    def label(self, lang: str) -> str:
        """The citation as a trainee reads it: a number only if verified, and its force."""
        zh = lang.startswith("zh")
        parts = [self.source]
        if self.verified():
            parts.append(self.article)
        text = ("" if zh else " ").join(parts)
        if self.provision:
            text += f"（{self.provision}）" if zh else f" ({self.provision})"
        force = BINDING_WORDS[self.binding].get(lang)
        return f"{text}〔{force}〕" if zh else f"{text} [{force}]"

    def applies_to(self, product: str | None) -> bool:
        return product is None or self.products is None or product in self.products


class Scope(BaseModel):
    """Where a rule applies: the lenders and the channels (all by default)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    products: list[Product] = Field(default_factory=lambda: list(PRODUCTS), min_length=1)
    channels: list[Channel] = Field(default_factory=lambda: list(CHANNELS), min_length=1)


class When(BaseModel):
    """Context a line must be spoken in for the rule to apply (all given fields must hold)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    party: list[Party] | None = None
    verified: bool | None = None
    flags_any: list[str] | None = None
    flags_none: list[str] | None = None  # none of these may be on
    states: list[str] | None = None  # the ledger's US state is one of these
    legal_status: list[str] | None = None  # the ledger's legal_status
    time_barred: bool | None = None
    hours_outside: tuple[int, int] | None = None  # [start, end): allowed window, local time


class Requirement(BaseModel):
    """What a `required` rule wants said, and by when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    patterns: list[str] = Field(min_length=1)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return _regexes(patterns)

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
    scope: Scope = Scope()
    # The force of the rule's specific duty: a general ban cited alongside does not make a
    # guideline's number law. It must be the binding of one of the citations.
    basis: Binding
    citations: list[Citation] = Field(min_length=1)
    explanation: Bilingual
    rewrite: Bilingual
    examples: Examples

    @field_validator("patterns", "unless")
    @classmethod
    def _compiles(cls, patterns: list[str], info: ValidationInfo) -> list[str]:
        if info.context and info.context.get(PATTERNS_CHECKED):
            return patterns  # these very bytes were checked before (pack_cache)
        return _regexes(patterns)

    @model_validator(mode="after")
    def _kind_fits(self) -> Rule:
        if self.kind == "required" and self.requirement is None:
            raise ValueError("a required rule needs `requirement`")
        if self.kind != "required" and not self.patterns and self.when.hours_outside is None:
            raise ValueError("a prohibited or stateful rule needs `patterns`")
        if self.basis not in {c.binding for c in self.citations}:
            raise ValueError(f"basis {self.basis} is not the binding of any citation")
        for citation in self.citations:
            if citation.products and not set(citation.products) & set(self.scope.products):
                raise ValueError(f"citation {citation.source} binds no lender in the rule's scope")
        return self

    @property
    def language(self) -> str:
        """The language the pack's citations are written in (a rule id starts with its pack)."""
        return "zh" if self.id.startswith("CN-") else "en"

    def basis_for(self, product: str | None) -> Binding:
        """The rule's basis where it runs: its own, or the strongest source that binds there."""
        bindings = {c.binding for c in self.citations_for(product)}
        if self.basis in bindings or not bindings:
            return self.basis
        # The nearest force to the rule's own (the weaker on a tie): a general statute cited beside
        # a standard must not turn the standard's specific duty into law.
        own = BINDING_ORDER.index(self.basis)
        return min(
            bindings, key=lambda b: (abs(BINDING_ORDER.index(b) - own), -BINDING_ORDER.index(b))
        )

    def citations_for(self, product: str | None) -> list[Citation]:
        return [c for c in self.citations if c.applies_to(product)]

    def applies_to(self, product: str | None, channel: str | None) -> bool:
        """The rule runs for this lender and channel (None: unknown, so it runs)."""
        if product is not None and product not in self.scope.products:
            return False
        if channel is not None and channel not in self.scope.channels:
            return False
        return bool(self.citations_for(product))

    def citation_text(self, lang: str, product: str | None = None) -> str:
        return "; ".join(c.label(lang) for c in self.citations_for(product))


class Change(BaseModel):
    """Why a rule changed in a pack version (quoted when old attempts are rescored)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    rule: str
    why: Bilingual


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
    # Right before the match, nothing between: a denial of what the match names ("普通逾期
    # 不是刑事案件"), too short a cue to reach further ("不是…坐牢" would clear "这不是吓唬你…").
    adjacent: list[str] = Field(default_factory=list)
    # The whole clause after the match's own, when it points back to deny or reassure ("…刑事
    # 案件，这点您不用担心"): the one comma a denial may cross.
    next_clause: list[str] = Field(default_factory=list)
    # A said-back echo answered: the match's sentence, up to the match, says back what the
    # consumer fears as a question (`echo`, from the sentence start: "you're worried you'll
    # be arrested?"), and the next sentence, whole, denies it (`echo_denial`: "that won't
    # happen."). The echo alone is no denial ("you're scared of jail? you should be.").
    echo: list[str] = Field(default_factory=list)
    echo_denial: list[str] = Field(default_factory=list)

    @field_validator(
        "breaks",
        "rhetorical",
        "after",
        "reported",
        "adjacent",
        "next_clause",
        "echo",
        "echo_denial",
    )
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return _regexes(patterns)


class RewriteNames(BaseModel):
    """The sample people a pack's rewrites are written with. In a call the ledger's own names
    replace them, so a rewrite never teaches a trainee to give another company's name; out
    of a call (`collectsim check`) the samples stay. Each list longest first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agency: list[str] = Field(default_factory=list)  # -> the ledger's agency
    creditor: list[str] = Field(default_factory=list)  # -> the ledger's creditor
    collector: list[str] = Field(default_factory=list)  # -> the collector's full name
    collector_first: list[str] = Field(default_factory=list)  # -> the collector's first name
    debtor: list[str] = Field(default_factory=list)  # -> the debtor's full name
    debtor_first: list[str] = Field(default_factory=list)  # -> the debtor's first name


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
        return _regexes(patterns)

    # A line that shows by itself what the debtor just said ("你说已经还了我不管…", "分期？没有
    # 分期", "I know you have a lawyer, but…"): the flag holds for that line whatever the call's
    # context says, as the listener does for third_party_address.
    line_flags: dict[
        Literal[
            "dispute_raised",
            "hardship",
            "attorney_represented",
            "cease_requested",
            "work_contact_forbidden",
            "inconvenient_time",
        ],
        list[str],
    ] = Field(default_factory=dict)

    @field_validator("line_flags")
    @classmethod
    def _line_flags_compile(cls, flags: dict[str, list[str]]) -> dict[str, list[str]]:
        return {flag: _regexes(patterns) for flag, patterns in flags.items()}

    # What counts as talking about the debt (used by disclosure and verification rules).
    debt_talk_patterns: list[str] = Field(min_length=1)

    @field_validator("debt_talk_patterns")
    @classmethod
    def _debt_talk_compiles(cls, patterns: list[str]) -> list[str]:
        return _regexes(patterns)

    rewrite_names: RewriteNames = RewriteNames()
    rules: list[Rule] = Field(min_length=1)
    changes: list[Change] = Field(default_factory=list)
    content_hash: str = ""
    # Each pattern's literals as kept for these bytes (pack_cache), set by `load_pack_file`.
    _pattern_needs: pack_cache.PatternNeeds = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _unique_ids(self) -> RulePack:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id}")
            seen.add(rule.id)
        for change in self.changes:
            if change.rule not in seen:
                raise ValueError(f"changes: unknown rule {change.rule}")
        return self

    def changed_since(self, version: str | None) -> dict[str, Bilingual]:
        """Rule id -> why it changed, for every change newer than `version` (None: all): a
        rule changed more than once says each reason, oldest first."""
        newer = sorted(
            (
                c
                for c in self.changes
                if version is None or _version_key(c.version) > _version_key(version)
            ),
            key=lambda c: _version_key(c.version),
        )
        reasons: dict[str, list[Bilingual]] = {}
        for change in newer:
            reasons.setdefault(change.rule, []).append(change.why)
        return {
            rule: whys[0]
            if len(whys) == 1
            else Bilingual(zh="".join(w.zh for w in whys), en=" ".join(w.en for w in whys))
            for rule, whys in reasons.items()
        }

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def pattern_needs(self) -> pack_cache.PatternNeeds:
        """The literals each pattern needs, as read when the pack was loaded (a judge reads
        them from here, not from disk again); empty for a pack built otherwise."""
        return self._pattern_needs

    def pattern_sources(self) -> list[str]:
        """The patterns a judge runs on lines through the prefilter: the rules' own and the
        debt-talk patterns (which a rule may name as `@debt_talk`)."""
        return [*self.debt_talk_patterns, *(p for rule in self.rules for p in rule.patterns)]


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def pack_path(jurisdiction: str) -> Path:
    return RULES_DIR / f"{jurisdiction.lower()}.yaml"


def load_pack_file(path: Path) -> RulePack:
    raw = path.read_bytes()
    data = load_yaml(raw)
    digest = hashlib.sha256(raw).hexdigest()[:16]
    kept = pack_cache.known(digest)
    pack = RulePack.model_validate(
        {**data, "content_hash": digest}, context={PATTERNS_CHECKED: kept is not None}
    )
    # Every pattern compiled: the next start need not check them again.
    pack._pattern_needs = (
        kept if kept is not None else pack_cache.keep(digest, pack.pattern_sources())
    )
    return pack


@cache
def load_pack(jurisdiction: str) -> RulePack:
    """The shipped pack for a jurisdiction, parsed once per process."""
    return load_pack_file(pack_path(jurisdiction))
