"""argparse in the command's language.

`Parser` is the command line's ArgumentParser: its help (`--help`), usage and error lines
are said in `Parser.lang`, which `speak` sets on every command of the tree. The English help
texts written beside each option are looked up in `HELP_ZH`; argparse's own words (usage,
section titles, its errors) in `ARGPARSE_ZH`, keyed by argparse's English as gettext keys
it. argparse formats its errors before handing them to `error`, so the message is matched
against those keys and its values said again in Chinese.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import NoReturn

from scoring.lang import Lang
from simulator.cli.help_zh import HELP_ZH
from simulator.cli.strings import tr

# argparse's user-facing English, as this Python words it (a test checks each key is still
# in argparse's source), each with its Chinese. Placeholders are argparse's (`%(name)s`,
# `%(name)r`, `%s`); positional ones are named p0, p1... in the zh.

ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示此帮助信息并退出",
    "argument %(argument_name)s: %(message)s": "参数 {argument_name}：{message}",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：{value}（可选：{choices}）",
    "invalid %(type)s value: %(value)r": "无效的{type}值：{value}",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 {p0} 个值",
    "expected %s arguments": "需要 {p0} 个值",
    "not allowed with argument %s": "不能与参数 {p0} 同时使用",
    "ignored explicit argument %r": "多余的值：{p0}",
    "the following arguments are required: %s": "缺少必需的参数：{p0}",
    "one of the arguments %s is required": "必须给出以下参数之一：{p0}",
    "unrecognized arguments: %s": "无法识别的参数：{p0}",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：{option} 可能是 "
    "{matches}",
    "unexpected option string: %s": "意外的选项：{p0}",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 {parser_name}"
    "（可选：{choices}）",
    "can't open '%(filename)s': %(error)s": "无法打开 '{filename}'：{error}",
}

# `invalid %(type)s value`: the names of the types options take, said in Chinese.
TYPE_ZH = {"int": "整数", "float": "数字", "Path": "路径"}

_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sr]")


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each argparse message as a pattern whose groups are its values, the most literal
    first (`expected one argument` before `expected %s argument`)."""
    found: list[tuple[int, re.Pattern[str], str]] = []

    for msgid, zh in ARGPARSE_ZH.items():
        parts, last, position = [], 0, 0
        for match in _PLACEHOLDER.finditer(msgid):
            parts.append(re.escape(msgid[last : match.start()]))
            name = match.group(1) or f"p{position}"
            position += match.group(1) is None
            parts.append(f"(?P<{name}>.+?)" if name != "message" else "(?P<message>.+)")
            last = match.end()
        parts.append(re.escape(msgid[last:]))
        literal = len(_PLACEHOLDER.sub("", msgid))
        found.append((literal, re.compile("".join(parts), re.DOTALL), zh))
    return [(pattern, zh) for _, pattern, zh in sorted(found, key=lambda item: -item[0])]


def argparse_said(message: str, lang: Lang) -> str:
    """argparse's English `message` (a title, a help line, an error) in `lang`; an argument's
    error says its inner message too. Anything argparse does not say is left as it is."""
    if lang == "en":
        return message
    for pattern, zh in _patterns():
        match = pattern.fullmatch(message)
        if match is None:
            continue
        values = match.groupdict()
        if "message" in values:
            values["message"] = argparse_said(values["message"], lang)
        if "type" in values:
            values["type"] = TYPE_ZH.get(values["type"], values["type"])
        return zh.format(**values)
    return message


def help_said(text: str, lang: Lang) -> str:
    """A help text in `lang`: ours from HELP_ZH, argparse's from ARGPARSE_ZH."""
    if lang == "en":
        return text
    return HELP_ZH.get(text) or argparse_said(text, lang)


def width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# Punctuation that never starts a line (it stays with the character before it).
_NO_LINE_START = set("，。、；：！？）》」』”’…,.;:!?)]")
# And punctuation that never ends one.
_NO_LINE_END = set("（《「『“‘([")


def _pieces(text: str) -> Iterable[str]:
    """Words of Latin text, single Chinese characters, and the spaces between them."""
    return re.findall(r"\s+|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+|.", text)


def wrap(text: str, columns: int) -> list[str]:
    """`text` in lines of at most `columns` terminal columns, broken between words or
    between Chinese characters (a word longer than a line has a line of its own)."""
    lines: list[str] = []
    line: list[str] = []
    for piece in _pieces(" ".join(text.split())):
        if piece.isspace():
            line += [" "] if line else []
            continue
        if line and width("".join(line).rstrip() + piece) > columns:
            # Punctuation that cannot start a line takes the piece before it along; an
            # opening bracket never ends one.
            carried = [line.pop()] if piece in _NO_LINE_START and len(line) > 1 else []
            while len(line) > 1 and line[-1] in _NO_LINE_END:
                carried.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            line = carried
        line.append(piece)
    if "".join(line).strip():
        lines.append("".join(line).rstrip())
    return lines


class Formatter(argparse.HelpFormatter):
    """argparse's help formatter speaking `lang`, wrapping Chinese by terminal columns."""

    def __init__(self, prog: str, lang: Lang = "en") -> None:
        super().__init__(prog)
        self.lang: Lang = lang

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        if prefix is None:
            prefix = argparse_said("usage: ", self.lang)
        # argparse counts characters; "用法：" takes twice as many columns. The lines are
        # made that much narrower, and the lines after the first indented that much more.
        extra = width(prefix) - len(prefix)
        self._width -= extra
        try:
            text = super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += extra
        first, *rest = text.split("\n")
        return "\n".join([first, *(" " * extra + line if line else line for line in rest)])

    def start_section(self, heading: str | None) -> None:
        super().start_section(argparse_said(heading, self.lang) if heading else heading)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return help_said(action.help, self.lang) if action.help else action.help

    def _format_text(self, text: str) -> str:
        return super()._format_text(help_said(text, self.lang))

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width) if self.lang == "zh" else super()._split_lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if self.lang == "en":
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))


class Parser(argparse.ArgumentParser):
    """The command line's parser: help, usage and errors in `lang` (see `speak`)."""

    lang: Lang = "en"

    def _get_formatter(self) -> argparse.HelpFormatter:
        return Formatter(self.prog, self.lang)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        said = argparse_said(message, self.lang)
        self.exit(2, tr("parse_error", self.lang, prog=self.prog, message=said) + "\n")


def speak(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """`lang` for `parser` and every command under it."""
    if isinstance(parser, Parser):
        parser.lang = lang
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                speak(command, lang)


def named_lang(words: Iterable[str]) -> Lang | None:
    """The language named by `--lang zh|en` (or `--lang=zh`) anywhere on the command line,
    the last one if several: what `--help` and argparse's errors speak before the command
    line is parsed."""
    found: Lang | None = None
    words = list(words)
    for i, word in enumerate(words):
        value = None
        if word == "--lang" and i + 1 < len(words):
            value = words[i + 1]
        elif word.startswith("--lang="):
            value = word.removeprefix("--lang=")
        if value == "zh":
            found = "zh"
        elif value == "en":
            found = "en"
    return found
