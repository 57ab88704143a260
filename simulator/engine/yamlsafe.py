"""Strict, safe YAML loading that remembers where every value came from.

Safe loader only; aliases rejected at the first one (an alias bomb never expands); duplicate
keys rejected; a size cap before parsing. Every problem is a `Problem` with line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import Mark as CMark
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import Node, ScalarNode

from scoring.lang import Lang
from scoring.said import Said, Sayable
from simulator.engine.bounded import TooLarge, read_bounded
from simulator.engine.phrases import os_reason
from simulator.engine.problem_lines import SCALAR_KINDS, problem_said, yaml_reason
from simulator.engine.safetext import visible

MAX_BYTES = 512 * 1024
MAX_DEPTH = 40

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of a file, where it is and what it is; its message is said in the
    reader's language (`in_lang`), str() is the English line for logs and tools."""

    file: str
    line: int  # 1-based
    col: int  # 1-based
    said: Sayable
    severity: str = "error"
    code: str = ""  # the phrasebook line's key: stable for tools, whatever the language

    @classmethod
    def of(cls, file: str, line: int, col: int, said: Said, severity: str = "error") -> Problem:
        return cls(file, line, col, said, severity, said.key)

    @property
    def message(self) -> str:
        return self.said.get("en")

    def in_lang(self, lang: Lang) -> str:
        severity = _SEVERITY[lang].get(self.severity, self.severity)
        return f"{self.file}:{self.line}:{self.col}: {severity}: {self.said.get(lang)}"

    def __str__(self) -> str:
        return self.in_lang("en")

    def as_dict(self, lang: Lang = "en") -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.said.get(lang),
        }


# The word before a problem's message; `--json` keeps the English word as the severity.
_SEVERITY: dict[Lang, dict[str, str]] = {
    "zh": {"error": "错误", "warning": "警告"},
    "en": {},
}


class YamlError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# libyaml (C) when PyYAML has it: parsing the catalog is several times faster.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _mark(mark: Mark | CMark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _line_col(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset (the reader reports only the offset)."""
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _bad_scalar(node: Node, exc: Exception) -> Said:
    value = str(node.value)
    shown = visible(value if len(value) <= 40 else value[:40] + "…")
    kind = SCALAR_KINDS.get(node.tag)
    if kind is None:
        return problem_said(
            "yaml_invalid", reason=yaml_reason(f"invalid value for {visible(node.tag)}")
        )
    if len(value) > 40 and node.tag == "tag:yaml.org,2002:int":
        return problem_said("yaml_long_integer", value=shown, digits=len(value))
    # A ValueError's own words say why ("day is out of range for month"); others do not.
    if type(exc) is ValueError and "\n" not in str(exc):
        return problem_said("yaml_bad_scalar_why", value=shown, kind=kind, why=visible(str(exc)))
    return problem_said("yaml_bad_scalar", value=shown, kind=kind)


@dataclass(slots=True)
class Located:
    """Plain data plus the position of every mapping key and sequence item."""

    data: Any
    # Each key's and item's mark as the parser made it: turned into a line and column only
    # for the few a problem names. Mapped only when a problem first asks (`where`): most
    # files have none, and recording a mark per value was an eighth of a file's parse.
    positions: dict[PathKey, Mark | CMark] = field(default_factory=dict)
    file: str = ""
    raw: bytes = b""  # the file's bytes as read (once, bounded): what its content hash is of
    text: str = ""  # the text parsed, kept to map positions when first asked
    mapped: bool = False

    def where(self, loc: PathKey) -> tuple[int, int]:
        """Position of the deepest known prefix of `loc`."""
        if not self.mapped:
            self._map()
        for end in range(len(loc), -1, -1):
            found = self.positions.get(tuple(loc[:end]))
            if found is not None:
                return _mark(found)
        return (1, 1)

    def _map(self) -> None:
        """Parse the text again, recording every key's and item's mark (it parsed before)."""
        self.mapped = True
        if not self.text:
            return
        twin = Located(data=None, file=self.file, mapped=True)
        loader = _Loader(self.text)
        try:
            _Builder(loader, twin, record=True).document()
        except (YamlError, yaml.YAMLError):  # cannot happen for a text that loaded; no map
            return
        finally:
            loader.dispose()
        self.positions = twin.positions

    def problem(self, loc: PathKey, said: Said, severity: str = "error") -> Problem:
        line, col = self.where(loc)
        return Problem.of(self.file, line, col, said, severity)


def _pos(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_RESOLVED: dict[tuple[str, tuple[bool, bool]], str] = {}
_RESOLVED_MAX = 50_000


class _Builder:
    """Plain data built straight from libyaml's event stream: the file is parsed once, and
    the first alias or nesting deeper than MAX_DEPTH stops it there, before anything deeper
    is read (libyaml's scan of deep flow nesting is quadratic; composing a tree 25,000
    levels deep would overflow the C stack). Problems a value has (a duplicate key, a date
    that does not exist) are gathered, every one of them."""

    def __init__(self, loader: yaml.SafeLoader, located: Located, *, record: bool = False) -> None:
        self.loader: Any = loader  # libyaml's parser: its methods carry no types
        self.located = located
        self.record = record  # every key's and item's mark (Located.where asked for them)
        self.problems: list[Problem] = []
        self.depth = 0

    def _problem(self, mark: Mark | CMark | None, said: Said) -> None:
        line, col = _mark(mark)
        self.problems.append(Problem.of(self.located.file, line, col, said))

    def _next(self) -> Any:
        return self._check(self.loader.get_event())

    def _check(self, event: Any) -> Any:
        """The event, once the first alias or nesting too deep has stopped the file."""
        kind = type(event)
        if kind is ScalarEvent:  # most events: nothing to check
            return event
        if kind is AliasEvent:
            line, col = _mark(event.start_mark)
            raise YamlError([Problem.of(self.located.file, line, col, problem_said("yaml_alias"))])
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            self.depth += 1
            if self.depth > MAX_DEPTH:
                line, col = _mark(event.start_mark)
                raise YamlError(
                    [Problem.of(self.located.file, line, col, problem_said("yaml_too_deep"))]
                )
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            self.depth -= 1
        return event

    def document(self) -> tuple[bool, Any]:
        """(whether the stream has a document, its data)."""
        self._next()  # StreamStart
        if isinstance(self.loader.peek_event(), StreamEndEvent):
            return False, None
        self._next()  # DocumentStart
        first = self.loader.peek_event()
        self.located.positions[()] = first.start_mark
        data = self.node(self._next(), ())
        self._next()  # DocumentEnd
        extra = self._next()
        if not isinstance(extra, StreamEndEvent):
            line, col = _mark(extra.start_mark)
            raise YamlError(
                [Problem.of(self.located.file, line, col, problem_said("yaml_extra_document"))]
            )
        return True, data

    def node(self, event: Any, path: PathKey) -> Any:
        # Exact type checks, no peeking, and scalars (nine events in ten) built inline: this
        # loop runs for every value of a catalog.
        kind = type(event)
        if kind is ScalarEvent:
            return self.scalar(event)
        positions = self.located.positions
        record = self.record
        get_event = self.loader.get_event
        scalar = self.scalar
        if kind is MappingStartEvent:
            result: dict[str, Any] = {}
            while True:
                key_event = get_event()
                kind = type(key_event)
                if kind is MappingEndEvent:
                    self.depth -= 1
                    return result
                if kind is not ScalarEvent:
                    self._check(key_event)
                    self._problem(key_event.start_mark, problem_said("yaml_key_not_text"))
                    self.skip(key_event)
                    self.skip(self._next())
                    continue
                if key_event.tag == _MERGE or (key_event.value == "<<" and key_event.implicit[0]):
                    self._problem(key_event.start_mark, problem_said("yaml_merge_key"))
                    self.skip(self._next())
                    continue
                key = str(key_event.value)
                if key in result:
                    self._problem(key_event.start_mark, problem_said("yaml_duplicate_key", key=key))
                    self.skip(self._next())
                    continue
                value = get_event()
                if type(value) is ScalarEvent:
                    result[key] = scalar(value)
                    if record:
                        positions[(*path, key)] = key_event.start_mark
                else:
                    at = (*path, key)
                    if record:
                        positions[at] = key_event.start_mark
                    result[key] = self.node(self._check(value), at)
        if kind is SequenceStartEvent:
            items: list[Any] = []
            while True:
                item = get_event()
                kind = type(item)
                if kind is SequenceEndEvent:
                    self.depth -= 1
                    return items
                if kind is ScalarEvent:
                    if record:
                        positions[(*path, len(items))] = item.start_mark
                    items.append(scalar(item))
                else:
                    at = (*path, len(items))
                    if record:
                        positions[at] = item.start_mark
                    items.append(self.node(self._check(item), at))
        raise YamlError([Problem.of(self.located.file, 1, 1, problem_said("yaml_unexpected"))])

    def skip(self, event: Any) -> None:
        """The rest of a value not built (its aliases and depth are still checked)."""
        if isinstance(event, CollectionStartEvent):
            depth = self.depth
            while self.depth >= depth:
                self._next()

    def tag(self, event: ScalarEvent) -> str:
        tag = event.tag
        if tag is not None and tag != "!":
            return str(tag)
        # The implicit tag depends only on the text and its style: the same few hundred
        # texts recur across a catalog, and the resolver's regexes are the cost.
        key = (event.value, event.implicit)
        found = _RESOLVED.get(key)
        if found is None:
            found = str(self.loader.resolve(ScalarNode, event.value, event.implicit))
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            _RESOLVED[key] = found
        return found

    def scalar(self, event: ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVED.get((event.value, event.implicit)) or self.tag(event)
        if tag == _STR:
            return event.value  # most values: no constructor needed
        start: Any = event.start_mark  # libyaml's Mark: the same fields as PyYAML's
        end: Any = event.end_mark
        node = ScalarNode(tag, event.value, start, end, event.style)
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError as exc:  # an unknown tag (!foo, !!python/name:…)
            line, col = _mark(exc.problem_mark) if exc.problem_mark else _pos(node)
            reason = yaml_reason(visible(exc.problem or "invalid value"))
            self.problems.append(
                Problem.of(
                    self.located.file, line, col, problem_said("yaml_invalid", reason=reason)
                )
            )
        except (ValueError, KeyError, AttributeError, OverflowError, TypeError) as exc:
            # A scalar libyaml resolved but Python cannot build: 2026-02-30, !!int abc.
            line, col = _pos(node)
            self.problems.append(Problem.of(self.located.file, line, col, _bad_scalar(node, exc)))
        except yaml.YAMLError as exc:
            line, col = _pos(node)
            reason = yaml_reason(visible(str(exc).splitlines()[0] if str(exc) else "invalid value"))
            self.problems.append(
                Problem.of(
                    self.located.file, line, col, problem_said("yaml_invalid", reason=reason)
                )
            )
        return None


def load_text(text: str, file: str) -> Located:
    """Parse YAML text into plain data with positions; raise YamlError with every problem."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise YamlError([_too_large(file)])
    located = Located(data=None, file=file, text=text)
    loader = _Loader(text)
    builder = _Builder(loader, located)
    try:
        found, located.data = builder.document()
    except yaml.MarkedYAMLError as exc:
        line, col = _mark(exc.problem_mark or exc.context_mark)
        reason = yaml_reason(visible(exc.problem or exc.context or "invalid YAML"))
        raise YamlError(
            [Problem.of(file, line, col, problem_said("yaml_invalid", reason=reason))]
        ) from None
    except yaml.reader.ReaderError as exc:  # a NUL or other forbidden character
        line, col = _line_col(text, exc.position)
        char = repr(exc.character)
        if isinstance(exc.character, int):
            char = f"#x{exc.character:04x}"
        raise YamlError(
            [Problem.of(file, line, col, problem_said("yaml_bad_char", char=char))]
        ) from None
    except yaml.YAMLError as exc:
        first = yaml_reason(visible(str(exc).splitlines()[0] if str(exc) else "invalid YAML"))
        raise YamlError(
            [Problem.of(file, 1, 1, problem_said("yaml_invalid", reason=first))]
        ) from None
    finally:
        loader.dispose()
    if not found:
        raise YamlError([Problem.of(file, 1, 1, problem_said("file_empty"))])
    if builder.problems:
        raise YamlError(builder.problems)
    return located


def _too_large(file: str) -> Problem:
    return Problem.of(file, 1, 1, problem_said("file_too_large", kib=MAX_BYTES // 1024))


def read_raw(path: Path) -> bytes:
    """A YAML file's bytes, read once and bounded; YamlError when it cannot be."""
    name = str(path)
    try:
        return read_bounded(path, MAX_BYTES)
    except TooLarge:
        raise YamlError([_too_large(name)]) from None
    except OSError as exc:
        said = problem_said("file_unreadable", reason=os_reason(exc))
        raise YamlError([Problem.of(name, 1, 1, said)]) from None


def load_raw(raw: bytes, name: str) -> Located:
    """Parse a file's bytes as read by `read_raw`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        said = problem_said("not_utf8", reason=exc.reason)
        raise YamlError([Problem.of(name, 1, 1, said)]) from None
    located = load_text(text, name)
    located.raw = raw
    return located


def load_file(path: Path) -> Located:
    return load_raw(read_raw(path), str(path))
