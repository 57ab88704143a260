"""What the records store says when it cannot do what was asked, in zh-CN and en (the
command line and the app say a `StoreError` or `PasswordError` in their own language)."""

from __future__ import annotations

from scoring.said import Phrasebook

RECORDS = Phrasebook(
    "records",
    {
        # -- where the store is --------------------------------------------------------------
        "sqlite_url": {
            "zh": "{url}：SQLite 地址应为 sqlite:///relative.db 或 sqlite:////abs.db",
            "en": "{url}: a SQLite URL is sqlite:///relative.db or sqlite:////abs.db",
        },
        "unknown_scheme": {
            "zh": "{url}：未知的数据库类型 {scheme!r}（请用文件路径、sqlite:/// 或 postgresql://）",
            "en": "{url}: unknown database scheme {scheme!r} (use a path, sqlite:/// or "
            "postgresql://)",
        },
        "no_directory": {
            "zh": "{target}：没有这个文件夹：{folder}",
            "en": "{target}: no such directory: {folder}",
        },
        "is_directory": {
            "zh": "{target}：这是文件夹，不是数据库文件",
            "en": "{target}: is a directory, not a database file",
        },
        "no_database": {
            "zh": "{target}：没有这个数据库（那里还没有任何记录）",
            "en": "{target}: no such database (nothing has been recorded there)",
        },
        "no_wal": {
            "zh": "{target}：无法把数据库切换到 WAL 模式（得到 {mode}）",
            "en": "{target}: cannot switch the database to WAL (got {mode})",
        },
        "foreign": {
            "zh": "{target}：不是 CollectSim 数据库（其中有别的表）",
            "en": "{target}: not a CollectSim database (it holds other tables)",
        },
        "newer_schema": {
            "zh": "{target}：数据库结构版本 {found} 比这个 CollectSim 认识的（{known}）更新；"
            "请升级 CollectSim",
            "en": "{target}: schema version {found} is newer than this CollectSim knows "
            "({known}); upgrade CollectSim",
        },
        # What the database driver said: the two SQLite messages a user meets most are
        # said here; any other is the driver's own words.
        "driver": {"zh": "{target}：{reason}", "en": "{target}: {reason}"},
        "not_sqlite": {
            "zh": "不是 CollectSim 数据库（不是 SQLite 文件）",
            "en": "not a CollectSim database (not SQLite)",
        },
        "cannot_open": {"zh": "无法打开数据库文件", "en": "cannot open the database file"},
        # -- attempts ------------------------------------------------------------------------
        "already_recorded": {
            "zh": "通话 {attempt} 已经记录过了",
            "en": "attempt {attempt} is already recorded",
        },
        "resume_completed": {
            "zh": "通话 {attempt} 已完成；请改为评分",
            "en": "attempt {attempt} is completed; score it instead",
        },
        "resume_elsewhere": {
            "zh": "通话 {attempt} 仍在另一个进程中进行",
            "en": "attempt {attempt} is still in progress in another process",
        },
        "resume_abandoned": {
            "zh": "通话 {attempt} 是中途关闭的考核：只有培训师可以重新开放"
            "（collectsim hr reopen {attempt}）",
            "en": "attempt {attempt} is an exam closed before its end: only a trainer can "
            "re-open it (collectsim hr reopen {attempt})",
        },
        "reopen_not_abandoned": {
            "zh": "通话 {attempt} 的状态是 {status}，不是中途放弃的考核",
            "en": "attempt {attempt} is {status}, not an abandoned exam",
        },
        "nothing_to_finish": {
            "zh": "没有可以结束的通话 {attempt}",
            "en": "no attempt {attempt} to finish",
        },
        "bad_verdict": {
            "zh": "复核结论 {verdict!r}：应为 {known} 之一",
            "en": "verdict {verdict!r}: one of {known}",
        },
        "adjust_needs_reason": {
            "zh": "调整扣分项需要写明理由",
            "en": "an adjusted finding needs a reason",
        },
        "no_finding": {
            "zh": "通话 {attempt} 没有第 {seq} 个扣分项",
            "en": "attempt {attempt} has no finding {seq}",
        },
        "bad_status": {
            "zh": "状态 {status!r}：应为 {known} 之一",
            "en": "status {status!r}: one of {known}",
        },
        "not_counts": {
            "zh": "limit 和 offset 是数量：应为 0 或更大",
            "en": "limit and offset are counts: 0 or more",
        },
        "ambiguous_attempt": {
            "zh": "通话 {attempt!r} 有歧义：请多给几位编号",
            "en": "attempt {attempt!r} is ambiguous; give more of its id",
        },
        "no_attempt": {
            "zh": "{target} 里没有通话 {attempt!r}",
            "en": "no attempt {attempt!r} in {target}",
        },
        # -- accounts ------------------------------------------------------------------------
        "stored_role": {
            "zh": "账号 {name!r} 的角色 {role!r} 未知",
            "en": "user {name!r} has an unknown role {role!r}",
        },
        "unknown_role": {
            "zh": "未知的角色 {role!r}（可用角色：{known}）",
            "en": "unknown role {role!r} (roles: {known})",
        },
        "user_exists": {
            "zh": "已经有名为 {name!r} 的账号",
            "en": "there is already a user named {name!r}",
        },
        "no_user": {"zh": "没有名为 {name!r} 的账号", "en": "no user named {name!r}"},
        # -- passwords -----------------------------------------------------------------------
        "password_short": {
            "zh": "密码少于 {limit} 个字符",
            "en": "the password is shorter than {limit} characters",
        },
        "password_long": {
            "zh": "密码超过 {limit} 个字符",
            "en": "the password is longer than {limit} characters",
        },
        "password_spaces": {"zh": "密码只有空格", "en": "the password is only spaces"},
    },
)
