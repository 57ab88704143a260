"""Intent matching: what a trainee line is doing (keywords + rapidfuzz examples, negation-aware)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from scoring.data_files import load_yaml
from scoring.i18n import Lang
from scoring.text import any_of, clause_after, clause_before, word_regex

DATA = Path(__file__).parent / "data" / "intents.yaml"
KEYWORD_SCORE = 100.0


@dataclass(frozen=True, slots=True)
class IntentHit:
    name: str
    score: float
    # Read from the line's nearest exemplars rather than found in its wording.
    by_meaning: bool = False


@dataclass(frozen=True, slots=True)
class _Intent:
    name: str
    negatable: bool
    keywords: re.Pattern[str] | None  # every keyword of the intent as one alternation


def _rhetorical(window: str, cue: re.Match[str]) -> bool:
    """A cue that only looks like negation: "why don't you…" suggests, and an A-not-A
    question (能不能, 可不可以, 会不会) asks."""
    if window[: cue.start()].endswith("why "):
        return True
    word = cue.group(0)
    return (
        word.startswith("不")
        and len(word) > 1
        and cue.start() > 0
        and window[cue.start() - 1] == word[1]
    )


class IntentMatcher:
    """One language's intent catalog, compiled once."""

    def __init__(self, data: dict[str, object], lang: Lang) -> None:
        cues = data["negation_cues"]
        assert isinstance(cues, dict)
        self.lang = lang
        self._negation = word_regex([str(c) for c in cues[lang]])
        windows = data["negation_window"]
        assert isinstance(windows, dict)
        # Chinese negation sits right before the verb; English takes more words to say it.
        self._window = int(windows[lang])
        self._cutoff = float(str(data["fuzzy_cutoff"]))
        after = data.get("negation_after") or {}
        assert isinstance(after, dict)
        self._denied_after = any_of([str(p) for p in after.get(lang, [])])
        after_windows = data.get("negation_after_window") or {}
        assert isinstance(after_windows, dict)
        self._after_window = int(after_windows.get(lang, 0))
        self._intents: list[_Intent] = []
        self._examples: list[str] = []
        self._example_owner: list[int] = []
        intents = data["intents"]
        assert isinstance(intents, dict)
        for position, (name, spec) in enumerate(intents.items()):
            per_lang = spec[lang]
            self._intents.append(
                _Intent(
                    name=name,
                    negatable=bool(spec.get("negatable", False)),
                    keywords=any_of(per_lang.get("keywords", [])),
                )
            )
            for example in per_lang.get("examples", []):
                self._examples.append(str(example).lower())
                self._example_owner.append(position)

    @property
    def names(self) -> list[str]:
        return [i.name for i in self._intents]

    def negated(self, norm: str, start: int) -> bool:
        window = clause_before(norm, start, self._window)
        if any(not _rhetorical(window, cue) for cue in self._negation.finditer(window)):
            return True
        # A cue whose tail opens the keyword (不要去 + 去借钱来还, 别去 + 去借): the words share
        # a character, so the cue is not wholly before the match but still negates it.
        reach = window + norm[start : start + 2]
        return any(
            cue.start() < len(window) < cue.end() and not _rhetorical(reach, cue)
            for cue in self._negation.finditer(reach)
        )

    def denied_after(self, norm: str, end: int) -> bool:
        """The rest of the keyword's clause denies it (冻结抓人那些都不会有)."""
        if self._denied_after is None:
            return False
        return self._denied_after.search(clause_after(norm, end, self._after_window)) is not None

    def _keyword_hit(self, intent: _Intent, norm: str) -> int:
        """Where the last un-negated keyword of the intent starts, or -1."""
        last = -1
        if intent.keywords is None:
            return last
        for match in intent.keywords.finditer(norm):
            if intent.negatable and (
                self.negated(norm, match.start()) or self.denied_after(norm, match.end())
            ):
                continue
            last = match.start()
        return last

    def match(self, norm: str) -> list[IntentHit]:
        """Intents of a normalised line, best first.

        Equal scores go to what was said last ("我是银行的小李，请问是王敏本人吗？" is answered
        as a question about identity), then to catalog order.
        """
        scores: dict[int, float] = {}
        where: dict[int, int] = {}
        for position, intent in enumerate(self._intents):
            at = self._keyword_hit(intent, norm)
            if at >= 0:
                scores[position] = KEYWORD_SCORE
                where[position] = at
        if norm:
            for _, score, index in process.extract(
                norm,
                self._examples,
                scorer=fuzz.partial_ratio,
                score_cutoff=self._cutoff,
                limit=8,
            ):
                owner = self._example_owner[index]
                intent = self._intents[owner]
                # A fuzzy match cannot see negation, so a negated negatable intent is dropped.
                if intent.negatable and self._negation.search(norm):
                    continue
                scores[owner] = max(scores.get(owner, 0.0), round(float(score), 1))
        ranked = sorted(
            scores.items(), key=lambda item: (-item[1], -where.get(item[0], -1), item[0])
        )
        return [IntentHit(self._intents[pos].name, score) for pos, score in ranked]


@cache
def _catalog() -> dict[str, object]:
    loaded = load_yaml(DATA)
    assert isinstance(loaded, dict)
    return loaded


@cache
def matcher(lang: Lang) -> IntentMatcher:
    return IntentMatcher(_catalog(), lang)


def intent_names() -> list[str]:
    return matcher("zh").names
