"""A pydantic validation error as a file problem said in the reader's language.

Pydantic speaks English only. Its error types are a fixed set with their values in `ctx`, so
the common ones are said in Chinese here; a validator's own refusal (`InvalidValue`) carries
its two lines; anything else keeps pydantic's English words inside a Chinese frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

from scoring.i18n import Bilingual
from scoring.said import InvalidValue, Said
from simulator.engine.problem_lines import problem_said
from simulator.engine.yamlsafe import Located, Problem

# Pydantic error type -> the Chinese line, filled from the error's ctx (same names).
PYDANTIC_ZH: dict[str, str] = {
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数，不能有小数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "decimal_type": "应为数字",
    "decimal_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "datetime_type": "应为日期时间（YYYY-MM-DDTHH:MM）",
    "datetime_parsing": "应为日期时间（YYYY-MM-DDTHH:MM）",
    "datetime_from_date_parsing": "应为日期时间（YYYY-MM-DDTHH:MM）",
    "time_parsing": "应为时间（HH:MM）",
    "literal_error": "应为 {expected} 之一",
    "enum": "应为 {expected} 之一",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应大于或等于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应小于或等于 {le}",
    "multiple_of": "应为 {multiple_of} 的倍数",
    "string_too_short": "至少要有 {min_length} 个字符",
    "string_too_long": "最多只能有 {max_length} 个字符",
    "too_short": "至少要有 {min_length} 项",
    "too_long": "最多只能有 {max_length} 项",
    "string_pattern_mismatch": "应符合格式 {pattern}",
    "decimal_max_places": "小数最多 {decimal_places} 位",
    "decimal_max_digits": "最多 {max_digits} 位数字",
    "frozen_instance": "不能修改",
    "union_tag_invalid": "类型应为 {expected_tags} 之一",
    "union_tag_not_found": "缺少用来区分类型的键 '{discriminator}'",
}


def _zh(kind: str, ctx: Mapping[str, Any], english: str) -> str:
    template = PYDANTIC_ZH.get(kind)
    if template is None:
        return english
    try:
        # pydantic joins the choices of a literal with an English "or".
        return template.format(**{k: str(v).replace(" or ", " 或 ") for k, v in ctx.items()})
    except (KeyError, IndexError, ValueError):  # a ctx without the value the line names
        return english


def schema_problem(located: Located, item: ErrorDetails) -> Problem:
    """One pydantic error as a problem of the file, at the deepest key of its path the file
    has; its code is its line's key (a validator's own, or "schema" for pydantic's words)."""
    loc = tuple(item["loc"])
    line, col = located.where(loc)
    where = ".".join(str(p) for p in loc) or "(top)"
    kind = item["type"]
    ctx: Mapping[str, Any] = item.get("ctx") or {}
    if kind == "extra_forbidden":
        return Problem.of(located.file, line, col, problem_said("unknown_key", key=loc[-1]))
    if kind == "missing":
        said = (
            problem_said("missing_key_in", key=loc[-1], where=where.rsplit(".", 1)[0])
            if len(loc) > 1
            else problem_said("missing_key", key=loc[-1])
        )
        return Problem.of(located.file, line, col, said)
    error = ctx.get("error")
    if isinstance(error, InvalidValue):  # a validator of ours: its own two lines
        code = error.said.key if isinstance(error.said, Said) else "schema"
        said = problem_said("at", where=where, message=error.said)
        return Problem(located.file, line, col, said, "error", code)
    english = item["msg"].replace("Value error, ", "")
    message = Bilingual(zh=_zh(kind, ctx, english), en=english)
    said = problem_said("at", where=where, message=message)
    return Problem(located.file, line, col, said, "error", "schema")
