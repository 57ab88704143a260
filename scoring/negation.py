"""Whether a rule's match is what the collector said, or something they negated, denied or
reported: the rule pack's negation cues and its `negation_scope`, compiled once."""

from __future__ import annotations

import re

from scoring.rulepack import RulePack
from scoring.text import CLAUSE_BREAK, any_of, clause_after, clause_before, word_regex

# A sentence's end: its stop and the space after it.
_SENTENCE_END = re.compile(r"[.!?？！。]+[\"”’']*(?:\s+|$)")
# Quote marks and spaces, which alone make no clause.
_QUOTES = "”“\"'」『』「 "


class Negation:
    """One pack's negation scope. `clears(norm, start, end)` is asked of a negatable rule's
    match at norm[start:end]."""

    def __init__(self, pack: RulePack) -> None:
        scope = pack.negation_scope
        self._cues = word_regex(pack.negation_cues)
        self._window = pack.negation_window
        self._breaks = any_of(scope.breaks)
        self._rhetorical = any_of(scope.rhetorical)
        self._after = any_of(scope.after)
        self._after_window = scope.after_window
        self._reported = any_of(scope.reported)
        self._reported_window = scope.reported_window
        # Anchored: `adjacent` must end where the match starts; `next_clause` must fill the
        # clause after the match's own.
        self._adjacent = any_of([f"(?:{p})$" for p in scope.adjacent])
        self._next_clause = any_of([f"(?:{p})$" for p in scope.next_clause])
        self._echo = any_of([f"^(?:{p})" for p in scope.echo])
        self._echo_denial = any_of([f"(?:{p})$" for p in scope.echo_denial])

    def clears(self, norm: str, start: int, end: int) -> bool:
        return (
            self.negated_before(norm, start)
            or self.denied_after(norm, end)
            or self.reported(norm, start)
            or self.denied_right_before(norm, start)
            or self.denied_in_next_clause(norm, end)
            or self.echo_denied(norm, start, end)
        )

    def negated_before(self, norm: str, start: int) -> bool:
        """A cue before the match, in its clause, that no break or rhetorical turn stops."""
        window = clause_before(norm, start, self._window)
        if self._breaks is not None:
            cut = [m.end() for m in self._breaks.finditer(window)]
            window = window[cut[-1] :] if cut else window
        if self._rhetorical is not None and self._rhetorical.search(window):
            return False
        return self._cues.search(window) is not None

    def denied_after(self, norm: str, end: int) -> bool:
        if self._after is None:
            return False
        return self._after.match(clause_after(norm, end, self._after_window)) is not None

    def reported(self, norm: str, start: int) -> bool:
        if self._reported is None:
            return False
        return self._reported.search(clause_before(norm, start, self._reported_window)) is not None

    def denied_right_before(self, norm: str, start: int) -> bool:
        if self._adjacent is None:
            return False
        window = clause_before(norm, start, self._window)
        # "发不发到群里" asks A-不-A: the 不 before the words is a question, not a denial.
        if window[-2:-1] == norm[start : start + 1] and window[-1:] in ("不", "没"):
            return False
        return self._adjacent.search(window) is not None

    def denied_in_next_clause(self, norm: str, end: int) -> bool:
        """The clause after the match's own, whole, denies it: one break, then the clause.
        A clause of closing quotes alone is passed over ("“会被起诉吗？”——不会的": the
        question's quote mark and the dash do not stand between the question and its answer)."""
        if self._next_clause is None:
            return False
        at = end
        for _ in range(3):
            first = CLAUSE_BREAK.search(norm, at)
            if first is None:
                return False
            rest = norm[first.end() :]
            second = CLAUSE_BREAK.search(rest)
            clause = (rest[: second.start()] if second else rest).strip()
            if clause.strip(_QUOTES):
                return self._next_clause.match(clause.lstrip(_QUOTES)) is not None
            at = first.end()
        return False

    def echo_denied(self, norm: str, start: int, end: int) -> bool:
        """The match is in a question that says back the consumer's fear (its sentence, up to
        the match, an `echo`), and the next sentence, whole, denies it: "you're worried you'll
        be arrested? that won't happen." Only the answer tells it from "…? you should be."."""
        if self._echo is None or self._echo_denial is None:
            return False
        stops = list(_SENTENCE_END.finditer(norm, 0, start))
        if not self._echo.match(norm[stops[-1].end() if stops else 0 : start].lstrip(_QUOTES)):
            return False
        asked = _SENTENCE_END.search(norm, end)
        if asked is None or "?" not in asked.group():
            return False
        following = _SENTENCE_END.search(norm, asked.end())
        answer = norm[asked.end() : following.start() if following else len(norm)].strip(_QUOTES)
        return self._echo_denial.match(answer) is not None
