"""What a scenario, golden test or track file's problems say, in zh-CN and en: the YAML
reader's, the schema's and the references'. A `Problem` carries the line with its values;
`validate`, `lint`, `test` and the app say it in the reader's language."""

from __future__ import annotations

from scoring.i18n import Bilingual
from scoring.said import InvalidValue, Phrasebook, Said

PROBLEMS = Phrasebook(
    "problems",
    {
        # -- reading the file ----------------------------------------------------------------
        "file_too_large": {
            "zh": "文件超过 {kib} KiB",
            "en": "file is larger than {kib} KiB",
        },
        "file_unreadable": {
            "zh": "无法读取文件：{reason}",
            "en": "cannot read file: {reason}",
        },
        "not_utf8": {
            "zh": "不是 UTF-8 文本：{reason}",
            "en": "not UTF-8 text: {reason}",
        },
        "file_empty": {"zh": "文件是空的", "en": "file is empty"},
        "cannot_load": {"zh": "无法加载：{reason}", "en": "cannot load: {reason}"},
        # -- YAML ----------------------------------------------------------------------------
        "yaml_invalid": {"zh": "YAML 格式错误：{reason}", "en": "invalid YAML: {reason}"},
        "yaml_bad_char": {
            "zh": "YAML 格式错误：YAML 里不能有字符 {char}",
            "en": "invalid YAML: character {char} is not allowed in YAML",
        },
        "yaml_extra_document": {
            "zh": "YAML 格式错误：一个文件只能有一个文档（这里又出现了一个）",
            "en": "invalid YAML: but found another document",
        },
        "yaml_unexpected": {
            "zh": "YAML 格式错误：意外的结构",
            "en": "invalid YAML: unexpected event",
        },
        "yaml_alias": {
            "zh": "不允许使用别名（*name）；请把值直接写出来",
            "en": "aliases (*name) are not allowed; write the value out",
        },
        "yaml_too_deep": {"zh": "嵌套层次太深", "en": "nesting too deep"},
        "yaml_key_not_text": {
            "zh": "映射的键必须是普通文本",
            "en": "mapping keys must be plain text",
        },
        "yaml_merge_key": {
            "zh": "不允许使用合并键（<<）",
            "en": "merge keys (<<) are not allowed",
        },
        "yaml_duplicate_key": {"zh": "重复的键 '{key}'", "en": "duplicate key '{key}'"},
        "yaml_bad_scalar": {
            "zh": "'{value}' 不是有效的{kind}",
            "en": "'{value}' is not a valid {kind}",
        },
        "yaml_bad_scalar_why": {
            "zh": "'{value}' 不是有效的{kind}（{why}）",
            "en": "'{value}' is not a valid {kind} ({why})",
        },
        "yaml_long_integer": {
            "zh": "'{value}' 不是有效的整数（{digits} 位）",
            "en": "'{value}' is not a valid integer ({digits} digits)",
        },
        # -- the schema ----------------------------------------------------------------------
        "not_mapping": {
            "zh": "场景文件必须是一个映射（键: 值）",
            "en": "a scenario file must be a mapping",
        },
        "unknown_key": {"zh": "未知的键 '{key}'", "en": "unknown key '{key}'"},
        "missing_key": {"zh": "缺少必需的键 '{key}'", "en": "missing required key '{key}'"},
        "missing_key_in": {
            "zh": "{where} 里缺少必需的键 '{key}'",
            "en": "missing required key '{key}' in {where}",
        },
        "at": {"zh": "{where}：{message}", "en": "{where}: {message}"},
        "unknown_figure": {
            "zh": "{line} 里有未知的数字占位 {{{name}}}（可用：{known}）",
            "en": "unknown figure {{{name}}} in {line} (known: {known})",
        },
        "action_import_path": {
            "zh": "'{name}' 像是导入路径；动作只能来自登记表",
            "en": "'{name}' looks like an import path; actions come only from the registry",
        },
        "unknown_action": {
            "zh": "未知的动作 '{name}'（可用：{known}）",
            "en": "unknown action '{name}' (known: {known})",
        },
        "unknown_ask": {
            "zh": "未知的询问 '{name}'（可用：{known}）",
            "en": "unknown ask '{name}' (known: {known})",
        },
        "product_type_required": {
            "zh": "product_type 必须填写：放款机构的类型（{known}）",
            "en": "product_type is required: the lender's kind ({known})",
        },
        "state_name_snake": {
            "zh": "状态名 '{name}' 必须是小写字母加下划线（lower_snake_case）",
            "en": "state name '{name}' must be lower_snake_case",
        },
        "us_names_agency": {
            "zh": "ledger：美国场景要在 `agency` 里写明催收机构（或债权人自己的催收部门），"
            "在 `collector` 里写明学员的名字",
            "en": "ledger: a US scenario names the agency (or the creditor's own collections "
            "department) in `agency` and the trainee's name in `collector`",
        },
        "budget_before_call": {
            "zh": "persona.budget：日期 {by} 早于通话日期（{day}）",
            "en": "persona.budget: by {by} is before the call ({day})",
        },
        "hangs_up_above_mood": {
            "zh": "persona.hangs_up_below 高于初始情绪",
            "en": "persona.hangs_up_below is above the starting mood",
        },
        "level_ids_unique": {"zh": "级别 id 不能重复", "en": "level ids must be unique"},
        # -- references ----------------------------------------------------------------------
        "unknown_state": {"zh": "未知的状态 '{state}'", "en": "unknown state '{state}'"},
        "from_ending": {
            "zh": "状态 '{state}' 是结局；后面不能再接任何转换",
            "en": "state '{state}' is an ending; nothing can follow it",
        },
        "unknown_intent": {
            "zh": "未知的意图 '{intent}'（见 `collectsim intents`）",
            "en": "unknown intent '{intent}' (see `collectsim intents`)",
        },
        "no_ending": {"zh": "没有一个状态带 `ending`", "en": "no state has an `ending`"},
        "needs_budget": {
            "zh": "{{{name}}} 需要 persona.budget",
            "en": "{{{name}}} needs persona.budget",
        },
        "needs_plans": {
            "zh": "{{{name}}} 需要 ledger.plans",
            "en": "{{{name}}} needs ledger.plans",
        },
    },
)


def problem_said(key: str, /, **values: object) -> Said:
    """A problem's line with its values."""
    return PROBLEMS.said(key, **values)


def invalid(key: str, /, **values: object) -> InvalidValue:
    """A scenario schema's refusal `key`, to raise inside a validator."""
    return InvalidValue(PROBLEMS.said(key, **values))


# What a YAML scalar's tag asks for ("'2026-02-30' is not a valid date").
SCALAR_KINDS: dict[str, Bilingual] = {
    "tag:yaml.org,2002:int": Bilingual(zh="整数", en="integer"),
    "tag:yaml.org,2002:float": Bilingual(zh="数字", en="number"),
    "tag:yaml.org,2002:bool": Bilingual(zh="true/false 值", en="true/false value"),
    "tag:yaml.org,2002:timestamp": Bilingual(zh="日期", en="date"),
    "tag:yaml.org,2002:binary": Bilingual(zh="base64 值", en="base64 value"),
}

# libyaml's most common complaints, said in Chinese; any other is shown as libyaml says it.
YAML_REASONS_ZH: dict[str, str] = {
    "mapping values are not allowed here": "这里不能写键值（缩进或冒号有误？）",
    "could not find expected ':'": "找不到应有的冒号 ':'",
    "found character that cannot start any token": "出现了不能作为开头的字符（制表符？）",
    "did not find expected key": "找不到应有的键（缩进有误？）",
    "did not find expected '-' indicator": "找不到应有的 '-'（列表缩进有误？）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "found undefined tag handle": "出现了未定义的标签",
    "found unknown escape character": "出现了未知的转义字符",
    "found unexpected ':'": "出现了多余的冒号 ':'",
    "did not find expected node content": "找不到应有的值",
    "did not find expected ',' or ']'": "找不到应有的 ',' 或 ']'",
    "did not find expected ',' or '}'": "找不到应有的 ',' 或 '}'",
    "block sequence entries are not allowed in this context": "这里不能写列表项（缩进有误？）",
    "found a tab character that violates indentation": "缩进里有制表符（请用空格）",
    "found a tab character where an indentation space is expected": "缩进里有制表符（请用空格）",
    "invalid value": "无效的值",
}


def yaml_reason(reason: str) -> Bilingual:
    """libyaml's reason for refusing a file, in both languages where it is a known one."""
    return Bilingual(zh=YAML_REASONS_ZH.get(reason, reason), en=reason)
