"""Strict, safe YAML loading that remembers where every value came from.

Safe loader only; aliases rejected at the first one (an alias bomb never expands); duplicate
keys rejected; a size cap before parsing. Every problem is a `Problem` with line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BYTES = 512 * 1024
MAX_DEPTH = 40

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int  # 1-based
    col: int  # 1-based
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
        }


class YamlError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# libyaml (C) when PyYAML has it: parsing the catalog is several times faster.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _first_alias(text: str) -> tuple[int, int] | None:
    """Line and column (1-based) of the first alias, from the event stream: nothing is built."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, AliasEvent):
            mark = event.start_mark
            return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return None


@dataclass(slots=True)
class Located:
    """Plain data plus the position of every mapping key and sequence item."""

    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    file: str = ""

    def where(self, loc: PathKey) -> tuple[int, int]:
        """Position of the deepest known prefix of `loc`."""
        for end in range(len(loc), -1, -1):
            found = self.positions.get(tuple(loc[:end]))
            if found is not None:
                return found
        return (1, 1)

    def problem(self, loc: PathKey, message: str, severity: str = "error") -> Problem:
        line, col = self.where(loc)
        return Problem(self.file, line, col, message, severity)


def _pos(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, located: Located) -> None:
        self.loader = loader
        self.located = located
        self.problems: list[Problem] = []

    def build(self, node: Node, path: PathKey, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            line, col = _pos(node)
            self.problems.append(Problem(self.located.file, line, col, "nesting too deep"))
            return None
        if isinstance(node, MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                line, col = _pos(key_node)
                if not isinstance(key_node, ScalarNode):
                    self.problems.append(
                        Problem(self.located.file, line, col, "mapping keys must be plain text")
                    )
                    continue
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.problems.append(
                        Problem(self.located.file, line, col, "merge keys (<<) are not allowed")
                    )
                    continue
                key = str(key_node.value)
                if key in result:
                    self.problems.append(
                        Problem(self.located.file, line, col, f"duplicate key '{key}'")
                    )
                    continue
                self.located.positions[(*path, key)] = (line, col)
                result[key] = self.build(value_node, (*path, key), depth + 1)
            return result
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.located.positions[(*path, index)] = _pos(item)
                items.append(self.build(item, (*path, index), depth + 1))
            return items
        return self.loader.construct_object(node, deep=True)


def load_text(text: str, file: str) -> Located:
    """Parse YAML text into plain data with positions; raise YamlError with every problem."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise YamlError([Problem(file, 1, 1, f"file is larger than {MAX_BYTES // 1024} KiB")])
    located = Located(data=None, file=file)
    loader = _Loader(text)
    try:
        alias = _first_alias(text)
        if alias is not None:
            line, col = alias
            raise YamlError(
                [Problem(file, line, col, "aliases (*name) are not allowed; write the value out")]
            )
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        raise YamlError([Problem(file, line, col, f"invalid YAML: {reason}")]) from None
    except yaml.YAMLError as exc:
        raise YamlError([Problem(file, 1, 1, f"invalid YAML: {exc}")]) from None
    finally:
        loader.dispose()
    if root is None:
        raise YamlError([Problem(file, 1, 1, "file is empty")])
    builder = _Builder(loader, located)
    located.positions[()] = _pos(root)
    try:
        located.data = builder.build(root, ())
    except yaml.YAMLError as exc:
        raise YamlError([Problem(file, 1, 1, f"invalid YAML value: {exc}")]) from None
    if builder.problems:
        raise YamlError(builder.problems)
    return located


def load_file(path: Path) -> Located:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlError([Problem(name, 1, 1, f"file is larger than {MAX_BYTES // 1024} KiB")])
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError([Problem(name, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError([Problem(name, 1, 1, f"not UTF-8 text: {exc.reason}")]) from None
    return load_text(text, name)
