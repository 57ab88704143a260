"""What the scoring layer's schemas (ledger, objectives) say when a file breaks them, in
zh-CN and en: raised as `InvalidValue` so a trainer reads it in their own language."""

from __future__ import annotations

from scoring.said import InvalidValue, Phrasebook

SCHEMA = Phrasebook(
    "schema",
    {
        "ledger_total": {
            "zh": "逾期总额 overdue_total {total} ≠ 本金 + 利息 + 滞纳金（{parts}）",
            "en": "overdue_total {total} != principal + interest + late_fee ({parts})",
        },
        "unknown_intents": {
            "zh": "未知的意图 {names}（见 `collectsim intents`）",
            "en": "unknown intents {names} (see `collectsim intents`)",
        },
        "one_test": {
            "zh": "一个条件只能有一项检查，这里是 {given}",
            "en": "a predicate has exactly one test, not {given}",
        },
        "in_last_with_said": {
            "zh": "in_last 只能和 said 一起用",
            "en": "in_last goes with said",
        },
        "unknown_objective": {
            "zh": "未知的目标 '{name}'（可用：{known}）",
            "en": "unknown objective '{name}' (known: {known})",
        },
    },
)


def invalid(key: str, /, **values: object) -> InvalidValue:
    """The schema's refusal `key`, to raise inside a validator."""
    return InvalidValue(SCHEMA.said(key, **values))
