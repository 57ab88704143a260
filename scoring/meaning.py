"""What a line means, from its nearest exemplars: intents for the persona, categories for the
judge. One embedding per line and clause serves both (the encoder remembers it).

A line is read whole and clause by clause: "我是银行的小李，请问是王敏本人吗？" is two acts, and
each clause is nearer its own exemplar than the whole line is to either. Every verdict names
the exemplar it came from, so a trainer sees why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring.chat import spelled_out
from scoring.data_files import load_yaml
from scoring.encoder import Vectors, encoder
from scoring.i18n import Lang
from scoring.pinyin import decoded, lexicon
from scoring.probe import DEFAULT_LEARNING_RATE, Probe, Training
from scoring.semantic import (
    COMPLIANT,
    NONE,
    Index,
    Neighbour,
    intent_index,
    intent_probe,
    judge_index,
    judge_probe,
    judge_training_index,
    judge_training_weights,
    ship_intent_probe,
    ship_probe,
)
from scoring.taxonomy import Category, Severity
from scoring.text import plain

DATA = Path(__file__).parent / "data" / "semantic.yaml"
_CLAUSE = re.compile(r"[。！？；!?;\n，,]|\.(?=\s|$)")
# After a sentence's end; a full stop only before a space and not in "p.m." or "Mr.".
_SENTENCE = re.compile(
    r"(?<=[。！？!?；;\n])|(?<=\.)(?<!\.\w\.)(?<!\b\w\.)(?<!Mr\.)(?<!Ms\.)(?<!Dr\.)(?<!Mrs\.)(?<!St\.)"
    r"(?=\s)"
)
# A comma inside a sentence, where a zh line's next act often starts (`comma_tails`).
_COMMA = re.compile(r"[，,]")
MAX_UNITS = 6  # the whole line and its first clauses: a paste is not read clause by clause
# A space beside a Chinese character parts clauses the way a comma does in chat typing
# ("好 那就12期 第一期12月10号 保重"): for intents only, which read each act of a line.
_SPACED = re.compile(r"(?<=[\u3400-\u9fff])\s+|\s+(?=[\u3400-\u9fff])")


class CategoryRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    line_context: bool = False


class _Fitting(BaseModel):
    """How a read-out (`scoring.probe`) is fitted to its exemplars."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # The L2 penalty: one for every language, or each language's own (both named).
    l2: Annotated[float, Field(gt=0, le=1)] | dict[Lang, Annotated[float, Field(gt=0, le=1)]]
    scale: float = Field(gt=0, le=100)
    steps: int = Field(ge=1, le=20_000)
    # Adam's step size per language; a language not named is fitted at DEFAULT_LEARNING_RATE.
    # Full-batch Adam at too high a rate can settle in a fit that names few of its own
    # exemplars right (tests/test_probe.py checks every shipped read-out).
    learning_rate: dict[Lang, Annotated[float, Field(gt=0, le=0.5)]] = {}

    @model_validator(mode="after")
    def _every_language_penalised(self) -> _Fitting:
        if isinstance(self.l2, dict) and set(self.l2) != {"zh", "en"}:
            raise ValueError("l2 by language must name zh and en")
        return self

    def training(self, lang: Lang) -> Training:
        rate = self.learning_rate.get(lang, DEFAULT_LEARNING_RATE)
        l2 = self.l2[lang] if isinstance(self.l2, dict) else self.l2
        return Training(l2=l2, scale=self.scale, steps=self.steps, learning_rate=rate)


class ProbePolicy(_Fitting):
    """The judge's read-out: how it is fitted, and the probability of a violation at which a
    whole line is flagged (chosen on the dev set, per language)."""

    threshold: dict[Lang, Annotated[float, Field(gt=0, le=1)]]
    # Per language, the threshold for a line whose likeliest category is named here, in place
    # of `threshold` (categories whose read-out is precise on the dev set may be read lower).
    category_threshold: dict[Lang, dict[Category, Annotated[float, Field(gt=0, le=1)]]] = {}
    # Whether the verdict stands only when the line's nearest exemplar is a violation too.
    nearest_must_violate: dict[Lang, bool]
    # Per language, the probability at which the read-out's verdict stands even though the
    # nearest exemplar is a compliant line (a near-miss that shares the line's words); none
    # for a language: the gate always holds.
    nearest_gate_waived_at: dict[Lang, Annotated[float, Field(gt=0, le=1)]] = {}
    # Frames (`{}` where a line goes) the judge's own exemplars are also said in when the
    # read-out is fitted (`semantic.wrapped_items`): none for a language, none added.
    wrappers: dict[Lang, tuple[Annotated[str, Field(pattern=r"^[^{}]*\{\}[^{}]*$")], ...]] = {}
    # Per language, the probability at which a clause of a flagged line names its category
    # too (`_clause_categories`); none for a language: clauses name none.
    clause_category: dict[Lang, Annotated[float, Field(gt=0, le=1)]] = {}
    # Per language, the weight in the read-out's loss of each ordinary line the intent
    # exemplars lend the judge as compliant (`semantic.judge_training_weights`); a language
    # not named: 1, as the judge's own lines.
    ordinary_weight: dict[Lang, Annotated[float, Field(gt=0, le=1)]] = {}


class IntentProbePolicy(_Fitting):
    """The intents' read-out: a whole line is read as its likeliest intent when that intent's
    probability reaches `threshold`, a clause when it reaches `clause_threshold`; a strict
    (harmful) intent only from the whole line, at `strict_threshold`, and only where the
    judge's index also places the line among violations."""

    threshold: dict[Lang, Annotated[float, Field(gt=0, le=1)]]
    clause_threshold: dict[Lang, Annotated[float, Field(gt=0, le=1)]]
    strict_threshold: dict[Lang, Annotated[float, Field(gt=0, le=1)]]

    @model_validator(mode="after")
    def _higher_bars(self) -> IntentProbePolicy:
        for name, bars in (
            ("clause_threshold", self.clause_threshold),
            ("strict_threshold", self.strict_threshold),
        ):
            if set(bars) != set(self.threshold):
                raise ValueError(f"threshold and {name} must name the same languages")
            lower = sorted(lang for lang, bar in bars.items() if bar < self.threshold[lang])
            if lower:
                raise ValueError(f"{name} below threshold for {', '.join(lower)}")
        return self


class IntentPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    neighbours: int = Field(ge=1, le=50)
    need: int = Field(ge=1, le=50)
    strict: list[str]
    strict_need: int = Field(ge=1, le=50)
    min_chars: dict[Lang, int]
    clause_min_chars: dict[Lang, int]
    clause_need: int = Field(ge=1, le=50)
    min_similarity: dict[Lang, float]
    probe: IntentProbePolicy


class ClearingPolicy(BaseModel):
    """When a rule's own match may be cleared by meaning: a topic word said in a line that
    reads, as a whole, as a compliant one ("跟坐牢扯不上关系", "there's no judgment on this
    account"). Only the rules named (threat and pressure words whose denials and honest
    explanations are common), never a rule whose violation lies in who is listening or in
    the call's state; the read-out must be this sure the line is compliant, and this many of
    its nearest exemplars compliant lines."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: dict[Literal["CN", "US"], frozenset[str]]
    compliant_at: dict[Lang, Annotated[float, Field(ge=0.5, le=1)]]
    compliant_neighbours: int = Field(ge=1, le=50)
    # Besides a denial, a hedge ("也可能被起诉", "could be garnished") marks a line that says
    # what may happen rather than what will: an honest consequence the rules read as a threat.
    hedge: dict[Lang, re.Pattern[str]] = {}
    # A negation that frames the threat rather than denying it ("if you don't settle", "we
    # have no choice but", 不还的话, 没办法只能): struck out before a denial cue is sought.
    framing: dict[Lang, re.Pattern[str]] = {}


class JudgePolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    neighbours: int = Field(ge=1, le=50)
    need: int = Field(ge=1, le=50)
    margin: dict[Lang, float]
    # A line whose whole reads as compliant may still say a violation in one clause, diluted
    # by the polite words around it ("您好，打扰了，…材料就递到公安，您看怎么安排？"): its clauses
    # that do not negate are voted on too, when the nearest violation leads the nearest
    # compliant line by this much (stricter than `margin`); null: not read.
    diluted_clause_lead: dict[Lang, Annotated[float, Field(ge=0, le=1)] | None]
    category_need: int = Field(ge=1, le=50)
    min_chars: dict[Lang, int]
    max_severity: Severity
    # A clause that matches is read by the rules, whose negation is exact, not by meaning.
    clause_negation: dict[Lang, re.Pattern[str]]
    probe: ProbePolicy
    # A sentence that says back the debtor's own words or fear ("You said the calls keep you
    # up at night.", "You're worried you'll be arrested?") is not read alone: alone it loses
    # the answer that follows it and reads as the threat it names. None for a language: all read.
    said_back: dict[Lang, re.Pattern[str]] = {}
    # What follows a comma of a sentence, to its end (`comma_tails`), is read as a sentence is
    # when it is at least this long; a language not named: not read.
    comma_tails: dict[Lang, Annotated[int, Field(ge=2, le=100)]] = {}
    rules: dict[Literal["CN", "US"], dict[Category, CategoryRule]]
    cleared: ClearingPolicy


class SemanticPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    intents: IntentPolicy
    judge: JudgePolicy


@cache
def policy() -> SemanticPolicy:
    return SemanticPolicy.model_validate(load_yaml(DATA))


def judge_of(lang: Lang) -> Index:
    """The judge's index: ordinary lines are the intent exemplars but the policy's strict
    (harmful) intents."""
    return judge_index(lang, frozenset(policy().intents.strict))


def probe_of(lang: Lang) -> Probe:
    probe = policy().judge.probe
    wrappers = probe.wrappers.get(lang, ())
    strict = frozenset(policy().intents.strict)
    ordinary = probe.ordinary_weight.get(lang)
    return judge_probe(lang, strict, probe.training(lang), wrappers, ordinary)


def probe_weights_of(lang: Lang) -> list[float] | None:
    """Each of the read-out's training lines' weight in its loss (None: all 1)."""
    probe = policy().judge.probe
    wrappers = probe.wrappers.get(lang, ())
    strict = frozenset(policy().intents.strict)
    return judge_training_weights(lang, strict, wrappers, probe.ordinary_weight.get(lang))


def frames() -> dict[Lang, tuple[str, ...]]:
    """The frames the judge's own exemplars are also said in for its read-out, by language."""
    return dict(policy().judge.probe.wrappers)


def probe_training_of(lang: Lang) -> Index:
    """What the judge's read-out is fitted to: the judge's index and its framed exemplars."""
    wrappers = policy().judge.probe.wrappers.get(lang, ())
    return judge_training_index(lang, frozenset(policy().intents.strict), wrappers)


def intent_probe_of(lang: Lang) -> Probe:
    return intent_probe(lang, policy().intents.probe.training(lang))


def ship_probes() -> list[Path]:
    """The judge's read-outs and the intents' read-outs, fitted afresh, for the package."""
    langs: tuple[Lang, ...] = ("zh", "en")
    strict = frozenset(policy().intents.strict)
    probe = policy().judge.probe
    judge = [
        ship_probe(
            lang,
            strict,
            probe.training(lang),
            probe.wrappers.get(lang, ()),
            probe.ordinary_weight.get(lang),
        )
        for lang in langs
    ]
    fit = policy().intents.probe
    return judge + [ship_intent_probe(lang, fit.training(lang)) for lang in langs]


def load(lang: Lang) -> None:
    """Load the encoder's weights and a language's indexes and read-outs (embedding
    nothing: `serve`'s warm parent forks after this, and the encoder's threads would not
    survive a fork)."""
    intent_index(lang)
    intent_probe_of(lang)
    judge_of(lang)
    probe_of(lang)
    if lang == "zh":
        lexicon()  # read here, not in the first turn that says "App"
    encoder()


def warm(lang: Lang) -> None:
    """Load everything a language needs now (the app does it while the trainee chooses a
    scenario), and embed one line, so the first line of a call is read at once."""
    load(lang)
    encoder().embed(["您好" if lang == "zh" else "hello"])


def units(text: str, *, spaced: bool = False, min_chars: int = 1) -> list[str]:
    """The line, then each of its clauses (when it has more than one) at least `min_chars`
    long; `spaced`: a space beside a Chinese character also parts clauses. Short clauses are
    dropped before the count is cut, so a greeting ("您好，打扰一下，…") takes no clause's place."""
    line = plain(text)
    clauses = [c.strip() for c in _CLAUSE.split(line)]
    if spaced:
        clauses = [part for c in clauses for part in _SPACED.split(c)]
    clauses = [c for c in clauses if len(c) >= min_chars]
    found = [line] if line else []
    if len(clauses) > 1:
        found += [c for c in clauses if c != line]
    found = list(dict.fromkeys(found))
    if spaced and len(found) > MAX_UNITS:
        # A chat line's last act is often its goodbye ("…App里还就行 您多保重"): kept.
        return [*found[: MAX_UNITS - 1], found[-1]]
    return found[:MAX_UNITS]


@dataclass(frozen=True, slots=True)
class Reading:
    """One intent or category a line was read as, and the exemplar that says so."""

    label: str
    similarity: float
    exemplar: str
    unit: str
    # Both readers of the whole line (the vote and the read-out) name this intent at the
    # strict bars (`_agreed`): sure enough to overrule a keyword (`analysis._intents`).
    sure: bool = False


def _units(text: str, lang: Lang, min_chars: dict[Lang, int]) -> list[str]:
    return [u for u in units(text, min_chars=min_chars[lang]) if len(u) >= min_chars[lang]]


def sentences(text: str) -> list[str]:
    """The sentences of a line (cut at 。！？; and a full stop, not at a comma), plain; one
    sentence when it has no such end. Two sentences are often two acts typed as one message
    ("…先还最低还款，可以吗？你这智商也就配借网贷了"): each is read as a line is."""
    line = plain(text)
    found = [s.strip() for s in _SENTENCE.split(line)]
    return [s for s in found if s] or ([line] if line else [])


def comma_tails(text: str, min_chars: int) -> list[str]:
    """What follows each comma of each sentence of a line, to the sentence's end, when at least
    `min_chars` long (plain). A violation typed after a greeting with no stop between
    ("您好我是XX的，再不还钱明天就去你单位找你领导") is a sentence of its own that the whole
    line's reading dilutes; from the comma on it keeps the words after it that make it one."""
    found: list[str] = []
    for sentence in sentences(text):
        for cut in _COMMA.finditer(sentence):
            tail = sentence[cut.end() :].strip()
            if len(tail) >= min_chars and tail not in found:
                found.append(tail)
    return found


def intents_by_meaning(text: str, lang: Lang) -> list[Reading]:
    """Intents of a line and of each clause: by the vote of their nearest intent exemplars,
    and by the intents' read-out (`_by_intent_probe`); `none` readings are dropped. A clause
    is a fragment ("please"): it must be longer and win more of the votes."""
    rules = policy().intents
    read = [
        (unit, clause)
        for clause, unit in enumerate(units(text, spaced=True))
        if len(unit) >= (rules.clause_min_chars if clause else rules.min_chars)[lang]
    ]
    if not read:
        return []
    best: dict[str, Reading] = {}
    vectors = encoder().embed([unit for unit, _ in read])
    calm = False  # the whole line: both readers sure of a harmless intent, no violation near
    for (unit, clause), vector in zip(read, vectors, strict=True):
        # Both readers, and the harmful-intent gate, read the unit's nearest exemplars and
        # its read-out's shares: taken once.
        seen = _seen(vector, lang)
        agreed = _agreed(seen, lang) if clause == 0 else None
        if clause == 0:
            calm = (
                agreed is not None
                and agreed not in rules.strict
                and not _among_violations(seen.vector, lang)
            )
        for reading in (
            _by_vote(unit, seen, lang, clause=clause > 0),
            _by_intent_probe(unit, seen, lang, clause=clause > 0),
        ):
            if reading is None:
                continue
            # A clause that reads harsh alone in a line sure of comfort ("这个不丢人" in
            # "这个不丢人，好多人都会碰到，我们一起想办法"): the encoder hears 丢人 and
            # not its denial; the whole line says what the clause does.
            if clause > 0 and calm and reading.label in rules.strict:
                continue
            if reading.label == agreed:  # None past the whole line
                reading = replace(reading, sure=True)
            if reading.label not in best or reading.similarity > best[reading.label].similarity:
                best[reading.label] = reading
    return sorted(best.values(), key=lambda r: (-r.similarity, r.label))


@dataclass(frozen=True, slots=True)
class _Seen:
    """A unit's vector, its nearest intent exemplars (nearest first) and its read-out's
    shares."""

    vector: Vectors
    near: list[Neighbour]
    shares: dict[str, float]
    likeliest: str  # the read-out's likeliest label (ties by name)


def _seen(vector: Vectors, lang: Lang) -> _Seen:
    near = intent_index(lang).nearest(vector, policy().intents.neighbours)
    shares = intent_probe_of(lang).probabilities(vector)
    return _Seen(vector, near, shares, max(shares, key=lambda c: (shares[c], c)))


def _by_vote(unit: str, seen: _Seen, lang: Lang, *, clause: bool) -> Reading | None:
    """The intent of most of the nearest exemplars, when the nearest is near enough."""
    rules = policy().intents
    near = seen.near
    top = near[0]
    need = rules.strict_need if top.label in rules.strict else rules.need
    if clause:
        need = max(need, rules.clause_need)
    if top.label == NONE or top.similarity < rules.min_similarity[lang]:
        return None
    # The harmful intents share their votes (as in `_both_read`) on a whole line: "pay today
    # or we send someone to ur job" is nearest threats and pressure alike; the nearest names
    # which. A clause says too little ("谁让你不还钱" alone lies near every harsh line).
    shared = top.label in rules.strict and not clause
    same = rules.strict if shared else [top.label]
    if sum(n.label in same for n in near) < need:
        return None
    # A harmful reading (threaten, insult, pressure) must also be among violations for
    # the judge, whose compliant near-misses ("我们在门口等就行") the intents lack, unless
    # the intents' read-out agrees with the vote (`_both_read`).
    if top.label in rules.strict and not _harmful_stands(seen, lang):
        return None
    return Reading(top.label, top.similarity, top.text, unit)


def _by_intent_probe(unit: str, seen: _Seen, lang: Lang, *, clause: bool) -> Reading | None:
    """The likeliest intent by the intents' read-out, when its probability reaches the bar
    (a clause's is higher: a fragment says less). The vote sees only distance, so a line
    whose nearest exemplars are split between intents is lost to it; the regression weighs
    every exemplar. A strict intent is read only from a whole line, at the strict bar, and
    only where the judge's index places it among violations, as for the vote ("when you say
    you have a lawyer" is no threat). The reading names the nearest exemplar of its intent."""
    rules = policy().intents
    shares, label = seen.shares, seen.likeliest
    if label == NONE:
        return None
    strict = label in rules.strict
    if strict and clause:
        return None
    bars = rules.probe
    bar = bars.strict_threshold if strict else bars.clause_threshold if clause else bars.threshold
    if shares[label] < bar[lang]:
        return None
    if strict and not _harmful_stands(seen, lang):
        return None
    nearest = next((n for n in seen.near if n.label == label), None)
    if nearest is None:
        nearest = intent_index(lang).nearest_of(seen.vector, label)
    return Reading(label, nearest.similarity, nearest.text, unit)


def _harmful_stands(seen: _Seen, lang: Lang) -> bool:
    """A harmful reading stands where the judge's index places the line among violations,
    or where both of the intents' readers name the same harmful intent at their strict bars."""
    return _among_violations(seen.vector, lang) or _both_read(seen, lang)


def _both_read(seen: _Seen, lang: Lang) -> bool:
    """Both readers name the same harmful intent at their strict bars (`_agreed`), the vote
    counting the harmful intents together. Two readers agreeing on a line this near its
    kind outweigh the judge's index, whose ordinary compliant lines (every other intent's
    exemplars) crowd out a plain "find the money by tonight". The harmful intents share
    their votes because they lie together: "people like u never pay their bills" is
    nearest insults and pressure alike, and the read-out names which. On the dev sets
    (session 11): en harmful-intent recall +4 lines, no harmless line read as harmful; zh
    unchanged."""
    harmful = policy().intents.strict
    return seen.near[0].label in harmful and _agreed(seen, lang, pooled=harmful) is not None


def _agreed(seen: _Seen, lang: Lang, pooled: Collection[str] = ()) -> str | None:
    """The intent both readers name at the strict bars: the nearest exemplar near enough and
    of that intent (or of any intent in `pooled`, when it is one of them) a strict share of
    the nearest, and the read-out's likeliest, at the strict threshold."""
    rules = policy().intents
    top = seen.near[0]
    if top.label == NONE or top.similarity < rules.min_similarity[lang]:
        return None
    same = pooled if top.label in pooled else (top.label,)
    if sum(n.label in same for n in seen.near) < rules.strict_need:
        return None
    label = seen.likeliest
    if label != top.label or seen.shares[label] < rules.probe.strict_threshold[lang]:
        return None
    return label


def _among_violations(vector: Vectors, lang: Lang) -> bool:
    rules = policy().judge
    near = judge_of(lang).nearest(vector, rules.neighbours)
    violating = sum(n.label != COMPLIANT for n in near)
    return near[0].label != COMPLIANT and violating >= rules.need


def _by_probe(
    unit: str,
    vector: Vectors,
    lang: Lang,
    near: list[Neighbour],
    allowed: Callable[[str], bool] | None = None,
) -> Reading | None:
    """The whole line by the judge's read-out: a violation when the probability that it is
    one reaches the language's threshold; its category is the likeliest, when `allowed` (its
    rule applies where the line was said), explained by that category's nearest exemplar.
    `near` is the line's nearest exemplars, nearest first (the vote has them already)."""
    settings = policy().judge.probe
    shares = probe_of(lang).probabilities(vector)
    violation = round(1.0 - shares.get(COMPLIANT, 0.0), 3)
    category = max((label for label in shares if label != COMPLIANT), key=lambda c: (shares[c], c))
    # A likeliest category whose rule does not apply here is no finding, and none other
    # stands in for it: the goldens' clean "您的信用卡逾期18天了…" (likeliest: before
    # verification, to the verified debtor) would read as a disclosure to a third party.
    # Nor does the runner-up count: beside an exact total and a jail threat it named a false
    # amount (a second category comes from the clause that says it, `_clause_categories`).
    if allowed is not None and not allowed(category):
        return None
    own = settings.category_threshold.get(lang, {})
    bar = next((t for c, t in own.items() if c == category), settings.threshold[lang])
    if violation < bar:
        return None
    # Short, ordinary lines ("不好意思，打扰您了", "This is Sam Patel.") lie far from every
    # exemplar, where a regression's odds mean little: where the policy says so, its verdict
    # stands only when the nearest exemplar is a violation too.
    # Very sure, the read-out outweighs one near neighbour: "…够判了，到时候别让你妈去里头给
    # 你送饭" lies nearest a compliant line about what is not a crime, yet reads at 0.96.
    waived = violation >= settings.nearest_gate_waived_at.get(lang, 2.0)
    if settings.nearest_must_violate[lang] and near[0].label == COMPLIANT and not waived:
        return None
    return _explained(category, unit, vector, lang, near)


def _explained(
    category: str, unit: str, vector: Vectors, lang: Lang, near: list[Neighbour]
) -> Reading:
    """A reading of `category`, named by its nearest exemplar: among the nearest already, the
    first of them (ties by position, as nearest_of)."""
    nearest = next((n for n in near if n.label == category), None)
    if nearest is None:
        nearest = judge_of(lang).nearest_of(vector, category)
    return Reading(category, nearest.similarity, nearest.text, unit)


def said_as_meant(text: str, lang: Lang) -> str:
    """What the encoder reads for the judge: a zh line's pinyin as the characters it spells
    (`scoring.pinyin`), an en line's chat spelling as the words meant (`scoring.chat`)."""
    return decoded(text) if lang == "zh" else spelled_out(text)


def reads_compliant(text: str, lang: Lang) -> Neighbour | None:
    """The nearest compliant exemplar of a line that denies or hedges something (the judge's
    clause negation or the policy's `hedge` finds a cue in it) and reads, as a whole, as
    compliant by the policy's `cleared` bars (the read-out's odds and its nearest exemplars);
    None otherwise, or when the language has no bar."""
    judge = policy().judge
    settings = judge.cleared
    bar = settings.compliant_at.get(lang)
    line = plain(said_as_meant(text, lang))
    if bar is None or len(line) < judge.min_chars[lang]:
        return None
    # Only a line that denies or hedges something: the encoder hardly tells "我们马上走法律程序"
    # from "现在还没有走法律程序", so meaning places a denial (or a "may") the rules' negation
    # scope could not reach, and never clears a line with neither in it.
    hedge = settings.hedge.get(lang)
    framing = settings.framing.get(lang)
    denial = framing.sub(" ", line) if framing else line
    if not judge.clause_negation[lang].search(denial) and not (hedge and hedge.search(line)):
        return None
    vector = encoder().embed([line])[0]
    if probe_of(lang).probabilities(vector).get(COMPLIANT, 0.0) < bar:
        return None
    near = judge_of(lang).nearest(vector, judge.neighbours)
    compliant = [n for n in near if n.label == COMPLIANT]
    return compliant[0] if len(compliant) >= settings.compliant_neighbours else None


def violations_by_meaning(
    text: str, lang: Lang, allowed: Callable[[str], bool] | None = None, flagged: bool = False
) -> list[Reading]:
    """Finding categories a line is among: the whole line by the judge's read-out (`_by_probe`);
    then the line and its clauses by vote: most of its nearest exemplars are violations, the
    nearest of them at least as near as the nearest compliant line. A line read as clearly
    compliant as a whole is not read again clause by clause (its clauses lose the context
    that clears them: "普通逾期不是刑事案件，也不会坐牢") unless the policy's
    `diluted_clause_lead` says by how clear a lead a clause still counts, and a clause that
    negates is left to the rules, whose negation is exact. A zh line's pinyin is read as the
    characters it spells (`scoring.pinyin`), an en line's chat spelling as the words meant
    (`scoring.chat`). A line found a violation (here, or by the rules:
    `flagged`) names each category its clauses are read as (`_clause_categories`)."""
    rules = policy().judge
    text = said_as_meant(text, lang)
    parts = _units(text, lang, rules.min_chars)
    if not parts:
        return []
    index = judge_of(lang)
    negation = rules.clause_negation[lang]
    vectors = encoder().embed(parts)
    best: dict[str, Reading] = {}
    # The first unit's nearest exemplars serve the read-out's gate and the vote alike.
    first = index.nearest(vectors[0], rules.neighbours)
    if parts[0] == plain(text):
        read = _by_probe(parts[0], vectors[0], lang, first, allowed)
        if read is not None:
            best[read.label] = read
    margin: float | None = rules.margin[lang]
    # A clause that says back the debtor's words or fear is theirs, not the collector's act.
    back = rules.said_back.get(lang)
    for position, (unit, vector) in enumerate(zip(parts, vectors, strict=True)):
        near = first if position == 0 else index.nearest(vector, rules.neighbours)
        violating = [n for n in near if n.label != COMPLIANT]
        if position == 0 and len(near) - len(violating) >= rules.need:
            # The whole line is among compliant lines: a clause of it only by a clear lead.
            margin = rules.diluted_clause_lead[lang]
            if margin is None:
                break
            continue
        if position > 0 and (negation.search(unit) or (back and back.search(unit))):
            continue
        category = _voted(near, vector, lang, margin) if margin is not None else None
        if category is None:
            continue
        nearest = next(n for n in violating if n.label == category)
        if category not in best or nearest.similarity > best[category].similarity:
            best[category] = Reading(category, nearest.similarity, nearest.text, unit)
    for read in _by_sentence(text, lang, allowed):
        if read.label not in best or read.similarity > best[read.label].similarity:
            best[read.label] = read
    if best or flagged:
        line = plain(text)
        clauses = [(u, v) for u, v in zip(parts, vectors, strict=True) if u != line]
        for read in _clause_categories(clauses, lang, allowed):
            best.setdefault(read.label, read)
    return sorted(best.values(), key=lambda r: (-r.similarity, r.label))


def _by_sentence(text: str, lang: Lang, allowed: Callable[[str], bool] | None) -> list[Reading]:
    """Each sentence of a line of several, read as a whole line is, when both readers agree:
    the read-out (`_by_probe`, its bars and gate) and the vote at the line's margin name the
    same category. A violation said after a courteous or reassuring sentence ("…先还最低还款，
    可以吗？你这智商也就配借网贷了") is its own act; the whole line's reading dilutes it, and its
    clauses lose the words that make it one. Alone, a sentence loses its context too ("Pay
    what you can." before "there's no penalty if you can't"): one reader is not enough."""
    rules = policy().judge
    line = plain(text)
    back = rules.said_back.get(lang)
    said = [
        u
        for u in sentences(text)
        if len(u) >= rules.min_chars[lang] and u != line and not (back and back.search(u))
    ]
    said = said[:MAX_UNITS]
    shortest = rules.comma_tails.get(lang)
    if shortest is not None:
        tails = [t for t in comma_tails(text, shortest) if t != line and t not in said]
        said += tails[:MAX_UNITS]
    if not said:
        return []
    index = judge_of(lang)
    found = []
    for unit, vector in zip(said, encoder().embed(said), strict=True):
        near = index.nearest(vector, rules.neighbours)
        read = _by_probe(unit, vector, lang, near, allowed)
        if read is None:
            continue
        compliant = sum(1 for n in near if n.label == COMPLIANT)
        if compliant >= rules.need:
            continue  # the sentence is among compliant lines
        if _voted(near, vector, lang, rules.margin[lang]) == read.label:
            found.append(read)
    return found


def _voted(near: list[Neighbour], vector: Vectors, lang: Lang, margin: float) -> str | None:
    """The category a unit's nearest exemplars vote for: enough of them violations, the
    nearest of all one, leading the nearest compliant line by `margin`, and most of them
    sharing the category (a tie goes to the nearest); None for a unit between categories or
    among compliant lines."""
    rules = policy().judge
    violating = [n for n in near if n.label != COMPLIANT]
    if len(violating) < rules.need or near[0].label == COMPLIANT:
        return None
    compliant = judge_of(lang).nearest_labelled(vector, COMPLIANT)
    if round(near[0].similarity - compliant, 3) < margin:
        return None
    votes = Counter(n.label for n in violating)
    category = max(votes, key=lambda c: (votes[c], -[n.label for n in violating].index(c)))
    return category if votes[category] >= rules.category_need else None


def _clause_categories(
    clauses: list[tuple[str, Vectors]], lang: Lang, allowed: Callable[[str], bool] | None
) -> list[Reading]:
    """On a line already found a violation, the category each clause that does not negate is
    read as by the judge's read-out, at the policy's `clause_category` bar: a line's whole
    reads as its likeliest category, and a threat inside it ("…and trust me, you won't like
    them") or a visit to the workplace ("…someone will be by your job Thursday") is named by
    its own clause. It adds a category, never a flag."""
    bar = policy().judge.probe.clause_category.get(lang)
    if bar is None:
        return []
    found = []
    for unit, vector in clauses:
        if policy().judge.clause_negation[lang].search(unit):
            continue
        shares = probe_of(lang).probabilities(vector)
        ranked = [c for c in shares if c != COMPLIANT and (allowed is None or allowed(c))]
        if not ranked:
            continue
        category = max(ranked, key=lambda c: (shares[c], c))
        if shares[category] >= bar:
            found.append(_explained(category, unit, vector, lang, []))
    return found
