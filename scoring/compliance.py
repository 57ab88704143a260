"""The compliance judge: a rule pack compiled once, applied to lines in their context."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache

from scoring.findings import Finding
from scoring.i18n import Bilingual, Lang
from scoring.negation import Negation
from scoring.pinyin import decoded
from scoring.prefilter import Needs, PatternIndex, needs
from scoring.rulepack import BASIS_NOTES, Rule, RulePack, load_pack
from scoring.taxonomy import SEVERITY_PENALTY, Party, Severity
from scoring.text import any_of, either, normalise

DEBT_TALK_MACRO = "@debt_talk"


@dataclass(frozen=True, slots=True)
class LineContext:
    """What the judge must know about the moment a line was said."""

    party: Party = "debtor"
    verified: bool = True
    flags: frozenset[str] = frozenset()
    local_time: datetime | None = None
    legal_status: str = "none"
    time_barred: bool = False
    # The lender's kind and the channel (see rulepack.Product, Channel); None = unknown, all apply.
    product: str | None = None
    channel: str | None = None
    state: str = ""  # the consumer's US state, where the law differs by state


@dataclass(frozen=True, slots=True)
class Hit:
    rule: Rule
    evidence: str  # the words of the line that broke the rule
    # Set for a finding read from meaning, which may weigh less than the rule it cites, and
    # the exemplar it was nearest to with the similarity; None for a rule's own pattern.
    severity: Severity | None = None
    nearest: str | None = None


class _Lazy:
    """A pattern compiled the first time a line reaches it: the prefilter rules out most
    patterns for most lines, and a judge started for one line (`check`) compiles only the
    few that line reaches."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self._get().search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._get().finditer(text)


@dataclass(slots=True)
class _Compiled:
    rule: Rule
    patterns: list[_Lazy]
    unless: _Lazy | None
    requirement: list[re.Pattern[str]] = field(default_factory=list)


class Judge:
    """Applies one rule pack. Build it once (see `judge_for`); judging a line is the hot path."""

    def __init__(self, pack: RulePack, *, semantic: bool = True) -> None:
        self.pack = pack
        self.semantic = semantic
        self.lang: Lang = "zh" if pack.jurisdiction == "CN" else "en"
        self._negation = Negation(pack)
        self._third_party = any_of(pack.third_party_address)
        self._line_flags = [
            (flag, compiled)
            for flag, patterns in pack.line_flags.items()
            if (compiled := any_of(patterns)) is not None
        ]
        self.debt_talk = [re.compile(p) for p in pack.debt_talk_patterns]
        debt_talk = [_Lazy(p) for p in pack.debt_talk_patterns]
        # Each pattern's literals as kept for this pack (pack_cache), else read now.
        kept = pack.pattern_needs
        self._rules: list[_Compiled] = []
        all_needs: list[Needs | None] = []
        for rule in pack.rules:
            patterns = [
                lazy
                for source in rule.patterns
                for lazy in (debt_talk if source == DEBT_TALK_MACRO else [_Lazy(source)])
            ]
            requirement = (
                [re.compile(p) for p in rule.requirement.patterns] if rule.requirement else []
            )
            unless = _Lazy(either(rule.unless)) if rule.unless else None
            all_needs.extend(
                kept[p.pattern] if p.pattern in kept else needs(p.pattern) for p in patterns
            )
            self._rules.append(_Compiled(rule, patterns, unless, requirement))
        # Most lines break no rule: one literal scan rules out most patterns at once.
        self._index = PatternIndex(all_needs)
        self._owner = [
            (position, pattern)
            for position, compiled in enumerate(self._rules)
            for pattern in compiled.patterns
        ]
        self._context_rules = frozenset(
            position
            for position, compiled in enumerate(self._rules)
            if not compiled.patterns and compiled.rule.kind != "required"
        )

    # -- single lines ---------------------------------------------------------------------

    def is_debt_talk(self, norm: str) -> bool:
        return any(p.search(norm) for p in self.debt_talk)

    def listener(self, norm: str, ctx: LineContext) -> LineContext:
        """The context with the listener the line itself names: a line that addresses a
        relative or a colleague is said to a third party, not to the verified debtor; a line
        that echoes the debtor's dispute or hardship is judged with that flag."""
        if ctx.party == "debtor" and self._third_party and self._third_party.search(norm):
            ctx = replace(ctx, party="third_party", verified=False)
        said = {flag for flag, pattern in self._line_flags if pattern.search(norm)}
        if said - ctx.flags:
            ctx = replace(ctx, flags=ctx.flags | said)
        return ctx

    def _applies(self, rule: Rule, ctx: LineContext) -> bool:
        if not rule.applies_to(ctx.product, ctx.channel):
            return False
        when = rule.when
        if when.party is not None and ctx.party not in when.party:
            return False
        if when.verified is not None and ctx.verified != when.verified:
            return False
        if when.flags_any is not None and not ctx.flags.intersection(when.flags_any):
            return False
        if when.flags_none is not None and ctx.flags.intersection(when.flags_none):
            return False
        if when.legal_status is not None and ctx.legal_status not in when.legal_status:
            return False
        if when.time_barred is not None and ctx.time_barred != when.time_barred:
            return False
        if when.states is not None and ctx.state not in when.states:
            return False
        if when.hours_outside is not None:
            if ctx.local_time is None:
                return False
            start, end = when.hours_outside
            if start <= ctx.local_time.hour < end:
                return False
        return True

    def _match(self, compiled: _Compiled, norm: str, patterns: list[_Lazy]) -> str | None:
        if not compiled.patterns:  # a pure context rule (calling hours)
            return None if compiled.unless and compiled.unless.search(norm) else norm
        for pattern in patterns:
            for match in pattern.finditer(norm):
                if compiled.rule.negatable and self._negation.clears(norm, *match.span()):
                    continue
                if compiled.unless and compiled.unless.search(norm):
                    return None
                return match.group(0)
        return None

    def judge_line(self, text: str, ctx: LineContext, *, norm: str | None = None) -> list[Hit]:
        """Prohibited and stateful rules broken by one line said in `ctx`."""
        norm = normalise(text) if norm is None else norm
        if self.lang == "zh":
            # Pinyin typed to slip past keyword filters ("ni zai bu huan qian wo men jiu bao
            # jing") is read by the rules as the characters it spells, as by meaning.
            norm = decoded(norm)
        ctx = self.listener(norm, ctx)
        hits: list[Hit] = []
        # Only rules with a candidate pattern (or no patterns at all) can fire.
        by_rule: dict[int, list[_Lazy]] = {}
        for pattern_id in sorted(self._index.candidates(norm)):
            position, pattern = self._owner[pattern_id]
            by_rule.setdefault(position, []).append(pattern)
        for position in sorted({*by_rule, *self._context_rules}):
            compiled = self._rules[position]
            if compiled.rule.kind == "required" or not self._applies(compiled.rule, ctx):
                continue
            evidence = self._match(compiled, norm, by_rule.get(position, []))
            if evidence is not None:
                hits.append(Hit(compiled.rule, evidence))
        if self.semantic:
            hits = self._cleared_by_meaning(text, hits)
            hits += self._by_meaning(text, ctx, {hit.rule.category for hit in hits})
        return hits

    def _cleared_by_meaning(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The rules' hits without those the policy lets meaning clear, when the line reads
        as a whole as a compliant one: a topic word ("坐牢", "lawsuit") said in a denial or
        an honest explanation the rule's negation cannot see."""
        from scoring.meaning import policy as semantic_policy
        from scoring.meaning import reads_compliant

        clearable = semantic_policy().judge.cleared.rules.get(self.pack.jurisdiction, frozenset())
        if not any(hit.rule.id in clearable for hit in hits):
            return hits
        if reads_compliant(text, self.lang) is None:
            return hits
        return [hit for hit in hits if hit.rule.id not in clearable]

    def _by_meaning(self, text: str, ctx: LineContext, caught: set[str]) -> list[Hit]:
        """Violations the rules' wordings missed, read from the nearest exemplars."""
        # Imported on first use: the encoder (numpy, its model) is for a judge that reads
        # meaning, and `check --rules-only` starts without it.
        from scoring.meaning import policy as semantic_policy
        from scoring.meaning import violations_by_meaning

        policy = semantic_policy().judge
        cites = policy.rules[self.pack.jurisdiction]
        cap = policy.max_severity

        def cited_rule(category: str) -> Rule | None:
            """The rule a finding of `category` cites, when it applies where the line was
            said (a pack without it, as in a rescore with another version, cites nothing)."""
            cited = cites.get(category)  # type: ignore[call-overload]
            rule = self._rule_or_none(cited.rule) if cited is not None else None
            if rule is None or not rule.applies_to(ctx.product, ctx.channel):
                return None
            if not cited.line_context and not self._applies(rule, ctx):
                return None
            return rule

        hits = []
        for reading in violations_by_meaning(
            text, self.lang, lambda category: cited_rule(category) is not None, bool(caught)
        ):
            if reading.label in caught:
                continue
            rule = cited_rule(reading.label)
            if rule is None:
                continue
            severity = min(rule.severity, cap, key=lambda s: SEVERITY_PENALTY[s])
            nearest = f"“{reading.exemplar}” {reading.similarity:.3f}"
            hits.append(Hit(rule, reading.unit, severity, nearest))
            caught.add(reading.label)
        return hits

    def _rule_or_none(self, rule_id: str) -> Rule | None:
        return next((c.rule for c in self._rules if c.rule.id == rule_id), None)

    def rule(self, rule_id: str) -> Rule:
        found = self._rule_or_none(rule_id)
        if found is None:
            raise KeyError(rule_id)
        return found

    # -- required content -----------------------------------------------------------------

    def required_rules(self, product: str | None = None, channel: str | None = None) -> list[Rule]:
        return [
            c.rule
            for c in self._rules
            if c.rule.kind == "required" and c.rule.applies_to(product, channel)
        ]

    def says_required(self, rule: Rule, norm: str) -> bool:
        for compiled in self._rules:
            if compiled.rule.id == rule.id:
                return any(p.search(norm) for p in compiled.requirement)
        raise KeyError(rule.id)

    def missing_in_message(
        self, text: str, product: str | None = None, channel: str | None = None
    ) -> list[Rule]:
        """Required items a stand-alone message (voicemail, SMS, letter) leaves out."""
        norm = normalise(text)
        return [r for r in self.required_rules(product, channel) if not self.says_required(r, norm)]


@cache
def judge_for(jurisdiction: str, semantic: bool = True) -> Judge:
    return Judge(load_pack(jurisdiction), semantic=semantic)


def compliance_finding(
    rule: Rule,
    turn: int | None,
    quote: str,
    evidence: str,
    severity: Severity | None = None,
    nearest: str | None = None,
    product: str | None = None,
) -> Finding:
    """A rule's finding; one read by meaning says so and names the exemplar it was nearest.

    The message ends with the force of the rule's basis (house policy never reads as law), and
    the citation lists only the sources that bind this lender, numbers only where verified.
    """
    why = (
        Bilingual(
            zh=f"（按语义判断：最接近 {nearest}）", en=f" (read by meaning: nearest {nearest})"
        )
        if nearest
        else Bilingual(zh="", en="")
    )
    basis = BASIS_NOTES[rule.basis_for(product)]
    return Finding(
        turn=turn,
        dimension="compliance",
        rule=rule.id,
        category=rule.category,
        severity=severity or rule.severity,
        quote=quote,
        evidence=evidence,
        message=Bilingual(
            zh=f"{rule.title.zh}：{rule.explanation.zh}{why.zh}{basis.zh}",
            en=f"{rule.title.en}: {rule.explanation.en}{why.en} {basis.en}",
        ),
        suggestion=rule.rewrite,
        citation=rule.citation_text(rule.language, product),
    )


def check_required_in_turns(
    judge: Judge,
    turns: Sequence[tuple[int, str, Party]],
    product: str | None = None,
    channel: str | None = None,
) -> list[tuple[Rule, int | None]]:
    """Required rules a conversation broke: (rule, index of the turn where it was due).

    `turns` are the trainee's lines as (turn index, text, party on the line).
    """
    broken: list[tuple[Rule, int | None]] = []
    normed = [(index, normalise(text), party) for index, text, party in turns]
    for rule in judge.required_rules(product, channel):
        req = rule.requirement
        assert req is not None  # guaranteed by the model
        relevant = [(i, n) for i, n, party in normed if party in req.party]
        if not relevant:
            continue
        if req.by == "first_trainee_turn":
            first_index, first_norm = relevant[0]
            if not judge.says_required(rule, first_norm):
                broken.append((rule, first_index))
            continue
        said = False
        for index, norm in relevant:
            said = said or judge.says_required(rule, norm)
            if req.by == "before_debt_talk" and judge.is_debt_talk(norm):
                if not said:
                    broken.append((rule, index))
                break
        else:
            if req.by == "message" and not said:
                broken.append((rule, None))
    return broken
