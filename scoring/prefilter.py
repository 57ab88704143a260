"""Literal prefilters: skip a regex when a line lacks every literal its matches must contain.

Most lines break no rule, so most rule regexes fail; a substring test (`"坐牢" in line`) is
far cheaper than running a pattern with bounded gaps at every position. The required
literals are read from the pattern's parse tree; when none can be proven the regex always
runs, so a prefilter can only save time, never change a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

Literals = frozenset[str] | None  # one of these must occur; None: nothing provable
# Every set must have a member in the line for the pattern to match: a conjunction.
Needs = tuple[frozenset[str], ...]


def _sequence_sets(items: Iterable[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Every provable required literal set of a sequence (all of them must be satisfied)."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run.clear()
        if op is c.SUBPATTERN:
            found.extend(_sequence_sets(av[-1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found.extend(_sequence_sets(av[2]))
        else:
            single = _item(op, av)
            if single is not None:
                found.append(single)
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _sequence(items: Iterable[tuple[Any, Any]]) -> Literals:
    """The most selective single set: the one whose shortest literal is longest."""
    candidates = _sequence_sets(items)
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s)))


def _item(op: Any, av: Any) -> Literals:
    if op is c.SUBPATTERN:
        return _sequence(av[-1])
    if op is c.BRANCH:
        total: set[str] = set()
        for alternative in av[1]:
            one = _sequence(alternative)
            if one is None:
                return None
            total |= one
        return frozenset(total)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(body) if low >= 1 else None
    if op is c.IN:
        # A small class of plain characters ([吗嘛]) is as good as a branch of literals.
        chars = [chr(v) for o, v in av if o is c.LITERAL]
        if chars and len(chars) == len(av) and len(chars) <= 8:
            return frozenset(chars)
        return None
    return None


def _selective(literal: str) -> bool:
    return len(literal) >= (3 if literal.isascii() else 2)


def needs(pattern: str) -> Needs | None:
    """Literal sets a match of `pattern` must all satisfy, most selective first."""
    try:
        sets = _sequence_sets(parser.parse(pattern))
    except (re.error, RecursionError, TypeError, ValueError):
        return None
    # A one-character literal (的, 你, $) or a two-letter one ("ow", "if") occurs in nearly
    # every line: it filters nothing and costs a scan hit at almost every position.
    useful = {s for s in sets if all(_selective(x) for x in s)}
    if not useful:
        return None
    return tuple(sorted(useful, key=lambda s: (-min(len(x) for x in s), len(s))))


def trie_regex(words: Iterable[str]) -> str:
    """One regex for a set of words, shaped as a trie (re has no trie of its own, and a flat
    alternation of a thousand words is tried word by word at every position).

    The longest word wins at each position, as with a longest-first alternation.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy optional: a longer word is preferred, the word ending here is the fallback.
        return f"(?:{body})?" if ends else body

    return build(trie)


class PatternIndex:
    """Which of many patterns could match a line, from one C-level scan for literals.

    The scan finds, at every position, the longest known literal starting there; shorter
    literals that are its prefixes are implied. A pattern is a candidate when each of its
    needed literal sets has a member among those found.
    """

    def __init__(self, all_needs: list[Needs | None]) -> None:
        self._needs = all_needs
        self._always = frozenset(i for i, need in enumerate(all_needs) if need is None)
        literals = {lit for need in all_needs if need for options in need for lit in options}
        ordered = sorted(literals, key=lambda lit: (-len(lit), lit))
        self._scan = re.compile("(?=(" + trie_regex(ordered) + "))") if ordered else None
        # The literals each one implies (itself and those of them that are its prefixes):
        # its own prefixes looked up, not every pair compared (that was O(L²) a pack).
        self._implied = {
            lit: frozenset(lit[:n] for n in range(1, len(lit) + 1) if lit[:n] in literals)
            for lit in literals
        }
        self._by_first: dict[str, list[int]] = {}
        for index, need in enumerate(all_needs):
            if need:
                for lit in need[0]:
                    self._by_first.setdefault(lit, []).append(index)

    def candidates(self, text: str) -> frozenset[int]:
        if self._scan is None:
            return self._always
        present: set[str] = set()
        for match in self._scan.finditer(text):
            present |= self._implied[match.group(1)]
        found = set(self._always)
        for lit in present:
            for index in self._by_first.get(lit, ()):
                if index in found:
                    continue
                need = self._needs[index]
                assert need is not None
                if all(not options.isdisjoint(present) for options in need[1:]):
                    found.add(index)
        return frozenset(found)
