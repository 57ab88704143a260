"""What the engine says when a call cannot go on, in zh-CN and en: resuming, journals, the
catalog, seeds, and the reasons a file cannot be read or written. Whoever shows the error
(the command line, the app) says it in its own language."""

from __future__ import annotations

import errno

from scoring.said import Phrasebook, Said

ENGINE = Phrasebook(
    "engine",
    {
        # -- resuming an interrupted call ----------------------------------------------------
        "scenario_changed": {
            "zh": "通话 {attempt}：场景 {scenario} 在通话开始后改过了；这通电话可以评分，"
            "但不能继续",
            "en": "attempt {attempt}: scenario {scenario} has changed since the call began; "
            "the call can be scored but not resumed",
        },
        "call_ended": {
            "zh": "通话 {attempt} 已经结束；请改为评分",
            "en": "attempt {attempt} has ended; score it instead",
        },
        "replay_differs": {
            "zh": "通话 {attempt}：重放这通电话得不到记录下来的轮次；这通电话可以评分，但不能继续",
            "en": "attempt {attempt}: replaying the call does not give the recorded turns; "
            "the call can be scored but not resumed",
        },
        "not_in_catalog": {
            "zh": "场景 {scenario} 不在场景目录里",
            "en": "scenario {scenario} is not in the catalog",
        },
        # -- journals ------------------------------------------------------------------------
        "journal_unwritable": {
            "zh": "{where}：无法写入通话日志：{reason}",
            "en": "{where}: cannot write the journal: {reason}",
        },
        "journal_not_json": {
            "zh": "{where}：不是 JSON（{reason}）",
            "en": "{where}: not JSON ({reason})",
        },
        "journal_too_deep": {
            "zh": "{where}：JSON 嵌套太深",
            "en": "{where}: JSON nested too deep",
        },
        "journal_record": {
            "zh": "{where}：不是通话日志的记录",
            "en": "{where}: not a journal record",
        },
        "journal_no_header": {
            "zh": "{where}：没有开头的说明行；不是 CollectSim 通话日志",
            "en": "{where}: no header line; not a CollectSim journal",
        },
        "journal_not_utf8": {
            "zh": "{where}：不是 UTF-8 文本（{reason}）",
            "en": "{where}: not UTF-8 text ({reason})",
        },
        "journal_shape": {
            "zh": "{where}：不是 CollectSim 通话日志（{field}：{reason}）",
            "en": "{where}: not a CollectSim journal ({field}: {reason})",
        },
        # -- the catalog and seeds -----------------------------------------------------------
        "unknown_scenario": {
            "zh": "没有编号为 '{ref}' 的场景（已有：{known}）",
            "en": "no scenario with id '{ref}' (known: {known})",
        },
        "none": {"zh": "无", "en": "none"},
        "fixed_seed": {
            "zh": "{mode} 模式使用固定种子 {fixed}，不能用 {requested}",
            "en": "{mode} mode uses the fixed seed {fixed}, not {requested}",
        },
        # -- why a file could not be read or written (the system's own words otherwise) -----
        "os_ENOENT": {"zh": "没有这个文件或文件夹", "en": "No such file or directory"},
        "os_EACCES": {"zh": "没有权限", "en": "Permission denied"},
        "os_EPERM": {"zh": "不允许的操作", "en": "Operation not permitted"},
        "os_EISDIR": {"zh": "这是文件夹", "en": "Is a directory"},
        "os_ENOTDIR": {"zh": "不是文件夹", "en": "Not a directory"},
        "os_EEXIST": {"zh": "已存在", "en": "File exists"},
        "os_ENOSPC": {"zh": "磁盘已满", "en": "No space left on device"},
        "os_EFBIG": {"zh": "文件太大", "en": "File too large"},
        "os_EROFS": {"zh": "只读文件系统", "en": "Read-only file system"},
        "os_EDQUOT": {"zh": "超出磁盘配额", "en": "Disk quota exceeded"},
        "os_ENAMETOOLONG": {"zh": "文件名太长", "en": "File name too long"},
        "os_EADDRINUSE": {"zh": "地址已被占用", "en": "Address already in use"},
        "os_EADDRNOTAVAIL": {"zh": "无法使用这个地址", "en": "Cannot assign requested address"},
        "too_large": {"zh": "超过 {kib} KiB", "en": "larger than {kib} KiB"},
        "nested_too_deep": {"zh": "嵌套太深", "en": "nested too deep"},
        "not_utf8": {"zh": "不是 UTF-8 文本", "en": "not UTF-8 text"},
        # Any other refusal is the system's own words.
        "os_other": {"zh": "{reason}", "en": "{reason}"},
    },
)

# The errors said above, by number (a name this system does not have is left out).
_KNOWN_ERRNOS = {
    getattr(errno, key[3:]): key
    for key in ENGINE.lines
    if key.startswith("os_") and hasattr(errno, key[3:])
}


def os_reason(exc: OSError) -> Said:
    """Why the system refused, in either language for the errors a user meets; any other is
    the system's own words."""
    key = _KNOWN_ERRNOS.get(exc.errno) if exc.errno is not None else None
    if key is not None:
        return ENGINE.said(key)
    return ENGINE.said("os_other", reason=exc.strerror or str(exc))
