"""Every line the command line says to a person, in zh-CN and en.

Data is not here: names, ids, paths, numbers, rule ids, stored values (mode, status,
verdict, severity) and every --json/--csv key are printed as they are. A command's language
is its `--lang`, else the locale's (`default_lang`).
"""

from __future__ import annotations

import argparse

from scoring.lang import Lang
from scoring.said import Phrasebook
from simulator.engine.ui_lang import default_lang

STRINGS: dict[str, dict[Lang, str]] = {
    # -- main: errors of any command ---------------------------------------------------------
    "error_line": {"zh": "collectsim: 错误：{message}", "en": "collectsim: error: {message}"},
    "parse_error": {"zh": "{prog}: 错误：{message}", "en": "{prog}: error: {message}"},
    "no_folder": {
        "zh": "--scenarios {folder}：没有这个文件夹",
        "en": "--scenarios {folder}: no such folder",
    },
    "not_utf8": {
        "zh": "有参数或输入不是有效的 UTF-8 文本",
        "en": "an argument or input is not valid UTF-8 text",
    },
    "out_of_range": {
        "zh": "数字超出范围（--seed、--limit）",
        "en": "a number is out of range (--seed, --limit)",
    },
    "too_deep": {"zh": "输入的嵌套层级太深", "en": "the input is nested too deep"},
    "cannot_write": {"zh": "{path}：无法写入：{reason}", "en": "{path}: cannot write: {reason}"},
    "lang_help": {
        "zh": "输出语言（默认：系统区域设置的语言）",
        "en": "language of the output (default: the locale's)",
    },
    # -- common: names, dates, the records store ---------------------------------------------
    "name_empty": {"zh": "{option}：名字为空", "en": "{option}: the name is empty"},
    "name_long": {
        "zh": "{option}：名字超过 {limit} 个字符",
        "en": "{option}: the name is longer than {limit} characters",
    },
    "name_control": {
        "zh": "{option}：名字含有控制字符",
        "en": "{option}: the name has control characters",
    },
    "db_needs_trainee": {
        "zh": "--db 用于记录这通电话：请用 --trainee NAME 指定学员",
        "en": "--db records the call: name the trainee with --trainee NAME",
    },
    "not_a_date": {
        "zh": "{option}：{value} 不是日期（YYYY-MM-DD[THH:MM]）",
        "en": "{option}: {value} is not a date (YYYY-MM-DD[THH:MM])",
    },
    # -- hr -----------------------------------------------------------------------------------
    "hr_missing": {
        "zh": "hr：请指定子命令：attempts、trainees、show、enrol 等（见 collectsim hr -h）",
        "en": "hr: name a command: attempts, trainees, show, enrol (see collectsim hr -h)",
    },
    "not_a_count": {
        "zh": "{option}：{value} 不是有效的数量（应为 0 或更大）",
        "en": "{option}: {value} is not a count (0 or more)",
    },
    "bad_status": {
        "zh": "--status：{value} 不是以下之一：{known}",
        "en": "--status: {value} is not one of {known}",
    },
    "col_id": {"zh": "编号", "en": "ID"},
    "col_trainee": {"zh": "学员", "en": "TRAINEE"},
    "col_scenario": {"zh": "场景", "en": "SCENARIO"},
    "col_mode": {"zh": "模式", "en": "MODE"},
    "col_status": {"zh": "状态", "en": "STATUS"},
    "col_turns": {"zh": "轮次", "en": "TURNS"},
    "col_score": {"zh": "评分", "en": "SCORE"},
    "col_passed": {"zh": "通过", "en": "PASSED"},
    "col_started": {"zh": "开始时间", "en": "STARTED"},
    "col_cohort": {"zh": "批次", "en": "COHORT"},
    "col_attempts": {"zh": "通话次数", "en": "ATTEMPTS"},
    "col_passes": {"zh": "通过次数", "en": "PASSES"},
    "col_best": {"zh": "最高分", "en": "BEST"},
    "col_level": {"zh": "已达等级", "en": "LEVEL"},
    "col_next": {"zh": "下一级", "en": "NEXT"},
    "col_still_needs": {"zh": "下一级还需", "en": "STILL NEEDS"},
    "col_rule": {"zh": "规则", "en": "RULE"},
    "col_severity": {"zh": "严重程度", "en": "SEVERITY"},
    "col_count": {"zh": "次数", "en": "COUNT"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "level_done": {"zh": "已完成", "en": "done"},
    "no_attempts": {"zh": "没有通话记录", "en": "no attempts"},
    "no_trainees": {"zh": "没有学员", "en": "no trainees"},
    "no_findings": {"zh": "没有扣分项", "en": "no findings"},
    "show_head": {
        "zh": "通话 {id} · {trainee} · {scenario} v{version} · {mode} · {status}",
        "en": "Attempt {id} · {trainee} · {scenario} v{version} · {mode} · {status}",
    },
    "show_started": {"zh": "开始时间：{when}", "en": "Started {when}"},
    "speaker_trainee": {"zh": "学员", "en": "trainee"},
    "speaker_persona": {"zh": "客户", "en": "persona"},
    "speaker_system": {"zh": "系统", "en": "system"},
    "show_hint": {"zh": "（用了提示）", "en": " (hint)"},
    "show_not_scored": {
        "zh": "未评分：这通电话{status}。",
        "en": "Not scored: the call is {status}.",
    },
    "status_in_progress": {"zh": "仍在进行中", "en": "in progress"},
    "status_interrupted": {"zh": "已中断", "en": "interrupted"},
    "status_abandoned": {"zh": "已放弃", "en": "abandoned"},
    "status_completed": {"zh": "已完成", "en": "completed"},
    "show_score": {
        "zh": "总分：{score}/100 — {verdict} · 结局：{ending}",
        "en": "Score: {score}/100 — {verdict} · ending: {ending}",
    },
    "show_rulepack": {"zh": "规则包：{pack}", "en": "Rule pack: {pack}"},
    "show_understanding": {"zh": "语义理解：{by}", "en": "Understanding: {by}"},
    "show_review": {
        "zh": "      {reviewer} 复核：{verdict}{reason}",
        "en": "      review by {reviewer}: {verdict}{reason}",
    },
    "enrolled": {"zh": "已登记学员 {name}", "en": "enrolled {name}"},
    "enrolled_cohort": {
        "zh": "已登记学员 {name}，批次 {cohort}",
        "en": "enrolled {name} in cohort {cohort}",
    },
    "rescored": {
        "zh": "重新评分 {total} 通，其中 {changed} 通有变化（已存的评分不变）",
        "en": "{total} attempts rescored, {changed} changed (stored scores are unchanged)",
    },
    "rescore_passed": {"zh": "  通过 {old} → {new}", "en": "  passed {old} → {new}"},
    "rescore_read_by": {
        "zh": "    当时由 {then} 理解；现在由 {now} 理解",
        "en": "    read then by {then}; now by {now}",
    },
    "not_recorded": {"zh": "（未记录）", "en": "not recorded"},
    "reason_control": {
        "zh": "--reason：文字含有控制字符",
        "en": "--reason: the text has control characters",
    },
    "reviewed": {
        "zh": "复核 {review}：{attempt} 的第 {finding} 个扣分项{verdict}",
        "en": "review {review}: finding {finding} of {attempt} {verdict}",
    },
    "reviewed_accept": {"zh": "已确认", "en": "accepted"},
    "reviewed_adjust": {"zh": "已调整", "en": "adjusted"},
    "reviewed_reject": {"zh": "已驳回", "en": "rejected"},
    "verdict_accept": {"zh": "确认", "en": "accept"},
    "verdict_adjust": {"zh": "调整", "en": "adjust"},
    "verdict_reject": {"zh": "驳回", "en": "reject"},
    "reopened": {
        "zh": "通话 {attempt} 已由 {trainer} 重新开放：{trainee} 可以继续完成（F4，--resume）",
        "en": "attempt {attempt} re-opened by {trainer}: {trainee} can take it up (F4, --resume)",
    },
    "no_tracks": {
        "zh": "{folder} 里没有认证轨道（*.track.yaml）",
        "en": "no certification tracks (*.track.yaml) in {folder}",
    },
    "no_track": {
        "zh": "没有认证轨道 '{track}'（已有：{known}）",
        "en": "no track '{track}' (known: {known})",
    },
    "certified": {
        "zh": "证书：{trainee} · {track} {level} → {path}",
        "en": "certificate: {trainee} · {track} {level} → {path}",
    },
    "cert_invalid": {"zh": "证书无效：{reason}", "en": "invalid: {reason}"},
    "cert_valid": {
        "zh": "证书有效：{trainee} 已达到 {track} 的 {level}（签发于 {issued}；已核对{scope}）",
        "en": "valid: {trainee} reached {level} of {track} (issued {issued}; checked {scope})",
    },
    "scope_records": {"zh": "签名、密钥和培训记录", "en": "signature, key and records"},
    "scope_key": {"zh": "签名和密钥", "en": "signature and key"},
    # -- users --------------------------------------------------------------------------------
    "users_missing": {
        "zh": "users：请指定子命令：add、passwd、disable、enable、list",
        "en": "users: name a command: add, passwd, disable, enable, list",
    },
    "no_terminal": {
        "zh": "没有终端可以输入密码：请用 --password-stdin",
        "en": "no terminal to ask the password on: use --password-stdin",
    },
    "new_password": {"zh": "新密码：", "en": "New password: "},
    "again": {"zh": "再输入一次：", "en": "Again: "},
    "passwords_differ": {"zh": "两次输入的密码不一致", "en": "the two passwords differ"},
    "no_user": {"zh": "没有名为 {name} 的账号", "en": "no user named {name}"},
    "user_added": {"zh": "已添加：{account}", "en": "added: {account}"},
    "user_password": {"zh": "已修改密码：{account}", "en": "password changed: {account}"},
    "user_disabled": {"zh": "已停用：{account}", "en": "disabled: {account}"},
    "user_enabled": {"zh": "已启用：{account}", "en": "enabled: {account}"},
    "account": {"zh": "{name}（{role}）", "en": "{name} ({role})"},
    "account_disabled": {"zh": "{name}（{role}，已停用）", "en": "{name} ({role}, disabled)"},
    "col_name": {"zh": "用户名", "en": "name"},
    "col_role": {"zh": "角色", "en": "role"},
    "col_disabled": {"zh": "已停用", "en": "disabled"},
    "col_created": {"zh": "创建时间", "en": "created"},
    "no_accounts": {
        "zh": "还没有账号：先用 `collectsim users add NAME --role admin` 添加第一个管理员",
        "en": "no accounts yet: add the first with `collectsim users add NAME --role admin`",
    },
    # -- validate, lint, test and the other authoring commands -------------------------------
    "valid_one": {"zh": "通过：{count} 个文件有效", "en": "ok: {count} file valid"},
    "valid_many": {"zh": "通过：{count} 个文件有效", "en": "ok: {count} files valid"},
    "lint_ok": {
        "zh": "通过：{count} 个场景，没有问题",
        "en": "ok: {count} scenarios, no problems",
    },
    "no_goldens": {
        "zh": "没有找到黄金测试文件（*.test.yaml）",
        "en": "no golden test files (*.test.yaml) found",
    },
    "golden_ok": {"zh": "通过 {file}：{name}", "en": "ok   {file}: {name}"},
    "golden_fail": {"zh": "失败 {file}：{name}", "en": "FAIL {file}: {name}"},
    "goldens_total": {
        "zh": "{passed} 个通过，{failed} 个失败",
        "en": "{passed} passed, {failed} failed",
    },
    "wrote_schemas": {
        "zh": "已把场景、黄金测试和认证轨道的 JSON Schema 写入 {folder}",
        "en": "wrote scenario, golden and track schemas to {folder}",
    },
    "bad_scenario_id": {
        "zh": "'{id}' 不是有效的编号：请用 3 到 64 个小写字母、数字或 '-'",
        "en": "'{id}' is not a valid id: use 3-64 lower-case letters, digits, '-'",
    },
    "new_folder": {
        "zh": "还没有自己的场景目录：新建 ./{folder}，写在那里",
        "en": "no scenarios folder of your own yet: creating ./{folder} for it",
    },
    "inside_package": {
        "zh": "{folder}：位于已安装的程序包内；请用 --dir 另选目录",
        "en": "{folder}: inside the installed package; choose another --dir",
    },
    "exists": {"zh": "{path}：已存在，不会覆盖", "en": "{path}: already exists; not overwriting"},
    "created": {"zh": "已创建 {path}", "en": "created {path}"},
    "no_tracks_in": {
        "zh": "{folder} 里没有认证轨道（*.track.yaml）",
        "en": "no tracks (*.track.yaml) in {folder}",
    },
    "track_exam": {"zh": "考核模式", "en": "exam mode"},
    "track_within": {"zh": "{days}天内", "en": "within {days} days"},
    "wrote_docs": {
        "zh": "已写入 {path}（{count} 个场景）",
        "en": "wrote {path} ({count} scenarios)",
    },
    # -- check, analyze, rules, score -------------------------------------------------------
    "text_or_jsonl": {"zh": "请给出 TEXT 或 --jsonl FILE", "en": "give TEXT or --jsonl FILE"},
    "text_and_jsonl": {
        "zh": "TEXT 和 --jsonl FILE 只能给一个",
        "en": "give TEXT or --jsonl FILE, not both",
    },
    "not_json": {"zh": "{where}：不是 JSON（{reason}）", "en": "{where}: not JSON ({reason})"},
    "json_too_deep": {"zh": "{where}：JSON 嵌套太深", "en": "{where}: JSON nested too deep"},
    "json_shape": {
        "zh": '{where}：应为 {{"id": ..., "text": "..."}}',
        "en": '{where}: expected {{"id": ..., "text": "..."}}',
    },
    "context_object": {"zh": '"context" 必须是对象', "en": '"context" must be an object'},
    "bad_party": {
        "zh": "未知的通话对象 {party}（应为：{known}）",
        "en": "unknown party {party} (one of {known})",
    },
    "bad_hour": {
        "zh": '"hour" 必须在 0-23 之间，不能是 {hour}',
        "en": '"hour" must be 0-23, not {hour}',
    },
    "flags_list": {"zh": '"flags" 必须是列表', "en": '"flags" must be a list'},
    "bad_now": {
        "zh": "--now：不是 ISO 日期时间：{value}",
        "en": "--now: not an ISO date-time: {value}",
    },
    "wrote": {"zh": "已写入 {path}", "en": "wrote {path}"},
    "os_error": {"zh": "{path}：{reason}", "en": "{path}: {reason}"},
    "in_file": {"zh": "{where}：{said}", "en": "{where}: {said}"},
    "no_file": {"zh": "{path}：没有这个文件", "en": "{path}: no such file"},
    # -- play and tui -------------------------------------------------------------------------
    "cannot_read_script": {
        "zh": "{path}：无法读取脚本：{reason}",
        "en": "{path}: cannot read script: {reason}",
    },
    "no_scenarios": {
        "zh": "没有找到场景；请把 COLLECTSIM_SCENARIOS 设为存放 *.scenario.yaml 的文件夹",
        "en": "no scenarios found; set COLLECTSIM_SCENARIOS to a folder of *.scenario.yaml",
    },
    "choose_scenario": {"zh": "选择场景：", "en": "Choose a scenario:"},
    "no_scenario_chosen": {"zh": "没有选择场景", "en": "no scenario chosen"},
    "resume_takes_all": {
        "zh": "--resume 会沿用那次通话的场景、学员、种子和模式",
        "en": "--resume takes the scenario, trainee, seed and mode from the attempt",
    },
    "play_help": {
        "zh": "命令：/card 账户信息 · /hint 提示下一句（练习模式，用了扣分）· /end 结束通话"
        " · /help 本说明",
        "en": "Commands: /card the account · /hint a good next line (practice; costs points if "
        "used) · /end end the call · /help this list",
    },
    "you": {"zh": "你", "en": "You"},
    "note_prompt": {
        "zh": "通话小结（结果、承诺、下一步）",
        "en": "Call note (outcome, promise, next step)",
    },
    "call_saved": {"zh": "通话已保存: {path}", "en": "Call saved to: {path}"},
    "call_recorded": {"zh": "已记录: {attempt} ({store})", "en": "Recorded: {attempt} ({store})"},
    "no_hints": {"zh": "考核模式没有提示", "en": "No hints in exam mode"},
    "hint": {
        "zh": "提示（用了扣分）: {hint}",
        "en": "Hint (costs points if you use it): {hint}",
    },
    "unknown_command": {
        "zh": "collectsim: 未知命令 {name}（可用：{known}）",
        "en": "collectsim: unknown command {name} (known: {known})",
    },
    "signed_in_app": {
        "zh": "已登录的应用不接受 --trainee、--scenario 或 --resume",
        "en": "a signed-in app takes no --trainee, --scenario or --resume",
    },
    "resume_takes_trainee": {
        "zh": "--resume 会沿用那次通话的场景和学员",
        "en": "--resume takes the scenario and trainee from the attempt",
    },
    "lock_needs_trainee": {
        "zh": "--lock-trainee 需要 --trainee NAME",
        "en": "--lock-trainee needs --trainee NAME",
    },
    "scenario_needs_trainee": {
        "zh": "--scenario 需要 --trainee NAME",
        "en": "--scenario needs --trainee NAME",
    },
    "no_scenario_id": {"zh": "没有编号为 '{id}' 的场景", "en": "no scenario with id '{id}'"},
    "not_a_port": {"zh": "--port {port}：不是 TCP 端口", "en": "--port {port}: not a TCP port"},
}


CLI = Phrasebook("cli", STRINGS)


def tr(key: str, lang: Lang, **values: object) -> str:
    """The line `key` in `lang`, with its {placeholders} filled (a sayable value, such as
    a layer's error, in the same language)."""
    return CLI.said(key, **values).get(lang)


def lang_of(args: argparse.Namespace) -> Lang:
    """The language a command speaks: its --lang, else the locale's."""
    chosen = getattr(args, "lang", None)
    return "zh" if chosen == "zh" else "en" if chosen == "en" else default_lang()


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=["zh", "en"], default=None, help=STRINGS["lang_help"]["en"]
    )
