"""What the trainer's tools say about a scenario, in zh-CN and en: `lint`'s warnings, the
references `validate` checks in golden tests and tracks, and why a golden conversation failed."""

from __future__ import annotations

from scoring.said import Phrasebook, Said

AUTHORING = Phrasebook(
    "authoring",
    {
        # -- lint: the scenario as a graph ---------------------------------------------------
        "unreachable_state": {
            "zh": "状态 '{name}' 永远到不了",
            "en": "state '{name}' is unreachable",
        },
        "unreachable_ending": {
            "zh": "结局 '{name}' 永远到不了",
            "en": "ending '{name}' is unreachable",
        },
        "dead_end": {
            "zh": "状态 '{name}' 是死路，但又不是结局",
            "en": "state '{name}' is a dead end but not an ending",
        },
        "only_hang_up": {
            "zh": "从状态 '{name}' 出发，除了挂断，到不了任何结局",
            "en": "from state '{name}' no ending can be reached except by hanging up",
        },
        "no_good_ending": {
            "zh": "没有一条路能到达好的结局：学员无法成功",
            "en": "no path reaches a good ending: no way to succeed",
        },
        "no_failing_ending": {
            "zh": "没有一条路能到达失败的结局：学员不会失败",
            "en": "no path reaches a failing ending: no way to fail",
        },
        "objective_without_intent": {
            "zh": "有目标 '{objective}'，但没有转换对意图 '{intent}' 作出反应",
            "en": "objective '{objective}' but no transition reacts to intent '{intent}'",
        },
        "thin_intent": {
            "zh": "意图 '{intent}' 在 {lang} 里只有 {found} 条范例（少于 {minimum} 条）："
            "对方会经常听不懂",
            "en": "intent '{intent}' has {found} exemplars in {lang} (fewer than {minimum}): "
            "the persona will often miss it",
        },
        "debt_before_verified": {
            "zh": "这里在核实身份之前谈欠款也会被奖励（没有扣情绪，也没有 "
            "`when: {{flags: [verified]}}`）",
            "en": "debt talk before identity verification is rewarded here "
            "(no mood penalty, no `when: {{flags: [verified]}}`)",
        },
        "monthly_not_budget": {
            "zh": "对方台词说每月 {raw}，但预算里已写明能付多少：请写 {{can_monthly}}",
            "en": "persona line names {raw} a month, but its budget says what it can pay: "
            "write {{can_monthly}}",
        },
        "not_ledger_figure": {
            "zh": "对方台词提到 {raw}，这不是账目上的数字",
            "en": "persona line mentions {raw}, which is not a ledger figure",
        },
        # -- validate: what golden tests and tracks refer to -----------------------------------
        "unknown_scenario": {
            "zh": "未知的场景 '{scenario}'",
            "en": "unknown scenario '{scenario}'",
        },
        "unknown_state": {"zh": "未知的状态 '{state}'", "en": "unknown state '{state}'"},
        "unknown_rule": {"zh": "未知的规则 '{rule}'", "en": "unknown rule '{rule}'"},
        "unknown_intent": {"zh": "未知的意图 '{intent}'", "en": "unknown intent '{intent}'"},
        "unknown_ending": {"zh": "未知的结局 '{ending}'", "en": "unknown ending '{ending}'"},
        "not_an_objective": {
            "zh": "目标 '{objective}' 不是这个场景的目标",
            "en": "objective '{objective}' is not one of the scenario's",
        },
        # -- test: why a golden conversation failed ------------------------------------------
        "call_over": {
            "zh": "通话已经结束（{ended}）",
            "en": "the call already ended ({ended})",
        },
        "expect_state": {
            "zh": "状态：应为 '{expected}'，实际是 '{got}'",
            "en": "state: expected '{expected}', got '{got}'",
        },
        "expect_state_in": {
            "zh": "状态：应为 {expected} 之一，实际是 '{got}'",
            "en": "state: expected one of {expected}, got '{got}'",
        },
        "expect_reply": {
            "zh": "回复：应包含 '{expected}'，实际是 '{got}'",
            "en": "reply: expected to contain '{expected}', got '{got}'",
        },
        "expect_mood_at_least": {
            "zh": "情绪：应 >= {expected}，实际是 {got}",
            "en": "mood: expected >= {expected}, got {got}",
        },
        "expect_mood_below": {
            "zh": "情绪：应 < {expected}，实际是 {got}",
            "en": "mood: expected < {expected}, got {got}",
        },
        "intent_missed": {
            "zh": "没有识别出意图 '{intent}'；识别出的是 {got}",
            "en": "intent '{intent}' not recognised; got {got}",
        },
        "finding_missing": {
            "zh": "应有问题 '{rule}'；实际是 {got}",
            "en": "finding '{rule}' expected; got {got}",
        },
        "finding_unwanted": {
            "zh": "不应有问题 '{rule}'，但这句话有",
            "en": "finding '{rule}' not expected, but the line has it",
        },
        "category_missing": {
            "zh": "应有类别 '{category}'；实际是 {got}",
            "en": "category '{category}' expected; got {got}",
        },
        "no_findings_expected": {
            "zh": "不应有任何问题；实际是 {got}",
            "en": "no findings expected; got {got}",
        },
        "expect_ending": {
            "zh": "结局：应为 '{expected}'，实际是 '{got}'",
            "en": "ending: expected '{expected}', got '{got}'",
        },
        "expect_passed": {
            "zh": "是否通过：应为 {expected}，实际是 {got}（{score}）",
            "en": "passed: expected {expected}, got {got} ({score})",
        },
        "expect_score_at_least": {
            "zh": "分数：应 >= {expected}，实际是 {got}",
            "en": "score: expected >= {expected}, got {got}",
        },
        "expect_score_below": {
            "zh": "分数：应 < {expected}，实际是 {got}",
            "en": "score: expected < {expected}, got {got}",
        },
        "objective_not_met": {
            "zh": "目标 '{objective}' 没有达成",
            "en": "objective '{objective}' not met",
        },
        "report_finding_missing": {
            "zh": "报告里应有问题 '{rule}'；实际是 {got}",
            "en": "finding '{rule}' expected in the report; got {got}",
        },
        "report_finding_unwanted": {
            "zh": "报告里不应有问题 '{rule}'，但它在",
            "en": "finding '{rule}' not expected in the report, but it is there",
        },
        "no_critical_expected": {
            "zh": "不应有严重问题；实际有一个",
            "en": "no critical finding expected; got one",
        },
        "report_no_critical": {
            "zh": "报告里不应有严重问题",
            "en": "no critical finding expected in the report",
        },
        "none": {"zh": "无", "en": "none"},
    },
)


def said(key: str, /, **values: object) -> Said:
    return AUTHORING.said(key, **values)
