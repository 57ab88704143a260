"""Every user-facing string of the app, in zh-CN and en."""

from __future__ import annotations

from scoring.lang import Lang
from scoring.said import Sayable

_S: dict[str, tuple[str, str]] = {
    "app_title": ("CollectSim 催收通话模拟训练", "CollectSim call practice"),
    "trainee": ("学员", "Trainee"),
    "trainee_placeholder": ("输入你的名字", "Your name"),
    "language": ("界面语言", "Language"),
    "filter": ("筛选", "Filter"),
    "filter_placeholder": ("按标题、标签、编号筛选", "Filter by title, tag or id"),
    "all": ("全部", "All"),
    "jurisdiction": ("法域", "Jurisdiction"),
    "difficulty": ("难度", "Difficulty"),
    "mode": ("模式", "Mode"),
    "practice": ("练习", "Practice"),
    "exam": ("考核", "Exam"),
    "col_title": ("场景", "Scenario"),
    "col_lang": ("语言", "Lang"),
    "col_best": ("最高分", "Best"),
    "col_attempts": ("次数", "Tries"),
    "start_hint": (
        "回车开始通话 · F4 继续中断的通话 · F5 换学员 · F3 培训记录 · F1 帮助 · Ctrl+Q 退出",
        "Enter to call · F4 resume · F5 change trainee · F3 records · F1 help · Ctrl+Q quit",
    ),
    "trainee_signed_in": (
        "学员姓名来自登录，不能在这里更改",
        "The trainee name comes from sign-in and cannot be changed here",
    ),
    "start_hint_trainee": (
        "回车开始通话 · F4 继续您中断的通话 · F1 帮助 · Ctrl+Q 退出",
        "Enter to call · F4 resume your interrupted call · F1 help · Ctrl+Q quit",
    ),
    "resume_none": ("没有中断的通话可以继续", "No interrupted call to resume"),
    "resume_failed": ("无法继续这次通话：{reason}", "Cannot resume the call: {reason}"),
    "no_scenarios": ("没有可用的场景", "No scenarios found"),
    "loading": ("正在加载场景…", "Loading scenarios…"),
    "records_read_failed": (
        "无法读取培训记录（{reason}）",
        "Cannot read the training records ({reason})",
    ),
    "records_unavailable": (
        "无法打开培训记录库（{reason}），本次通话只保存到日志文件",
        "Cannot open the training records ({reason}); calls are saved to the journal only",
    ),
    "records_failed": (
        "培训记录库写入失败（{reason}），本次通话继续，完整保存在日志文件中",
        "Could not write to the training records ({reason}); the call goes on and is kept "
        "in full in the journal",
    ),
    "journal_failed": (
        "无法写入通话日志（{reason}），通话继续，仍记入培训记录库",
        "Cannot write the call's journal ({reason}); the call goes on and is still recorded",
    ),
    "need_name": ("请先输入学员名字", "Enter your name first"),
    "name_long": ("名字不能超过 {limit} 个字符", "A name has at most {limit} characters"),
    "name_control": (
        "名字里不能有控制字符或隐藏的格式字符",
        "A name cannot contain control or hidden formatting characters",
    ),
    "account": ("账户信息", "Account"),
    "debtor": ("客户", "Debtor"),
    "creditor": ("机构", "Creditor"),
    "you_are": ("您是", "You are"),
    "total": ("逾期总额", "Overdue total"),
    "principal": ("本金", "Principal"),
    "interest": ("利息", "Interest"),
    "late_fee": ("滞纳金", "Late fee"),
    "minimum": ("最低还款", "Minimum payment"),
    "due": ("到期日", "Due date"),
    "days": ("逾期天数", "Days overdue"),
    "channels": ("还款渠道", "Channels"),
    "plans": ("可选分期", "Allowed plans"),
    "plan_fmt": ("{m}期 · 每期{p}", "{m} months · {p}/month"),
    "relief": ("可减免", "Relief"),
    "legal": ("法律状态", "Legal status"),
    "local_time": ("对方当地时间", "Local time"),
    "legal_none": ("未进入法律程序", "no legal action"),
    "legal_possible": ("可能采取法律措施（尚未启动）", "legal action possible (not started)"),
    "legal_lawyer_letter_sent": ("已发律师函", "lawyer's letter sent"),
    "legal_filed": ("已起诉", "lawsuit filed"),
    "mood": ("对方情绪", "Mood"),
    "objectives": ("通话目标", "Objectives"),
    "timer": ("通话时长 {minutes} 分钟", "Call time {minutes} min"),
    "say_placeholder": ("输入你要说的话，回车发送", "Type what you say, Enter to send"),
    "warning": ("⚠ 违规提醒", "⚠ Warning"),
    "hint": ("提示（扣分）", "Hint (costs points)"),
    "hint_none": ("本模式不提供提示", "No hints in this mode"),
    "call_ended": ("通话结束：{ending}", "Call ended: {ending}"),
    "end_call": ("结束通话", "End call"),
    "help_call": (
        "回车发送 · Ctrl+E/F10 结束通话 · F2 提示 · F1 帮助",
        "Enter send · Ctrl+E/F10 end call · F2 hint · F1 help",
    ),
    "report": ("通话报告", "Call report"),
    "note_title": ("通话小结", "Call note"),
    "note_help": (
        "写下这通电话的结果、客户的承诺（金额和日期）和下一步安排，回车提交。",
        "Write the call's outcome, the customer's promise (amount and date) and the next "
        "step; Enter submits.",
    ),
    "note_placeholder": (
        "例如：客户承诺11月27日前还清5230.50元，到期前一天短信提醒。",
        "e.g. Promised $307.06 by Friday; reminder the day before.",
    ),
    "passed": ("通过", "PASSED"),
    "failed": ("未通过", "FAILED"),
    "critical": ("存在严重违规，本次通话不合格", "A critical violation fails the call"),
    "report_keys": (
        "R 从扣分的那句重来 · Esc 返回 · F1 帮助",
        "R retry from the line that cost the call · Esc back · F1 help",
    ),
    "score": ("总分", "Score"),
    "findings": ("扣分项", "Findings"),
    "no_findings": ("没有扣分项", "No findings"),
    "transcript": ("通话记录", "Transcript"),
    "suggest": ("建议说法", "Say instead"),
    "source": ("依据", "Source"),
    "export_html": ("导出 HTML", "Export HTML"),
    "export_md": ("导出 Markdown", "Export Markdown"),
    "exported": ("已导出：{path}", "Exported: {path}"),
    "export_failed": ("导出失败：{reason}", "Export failed: {reason}"),
    "retry": ("从此处重来", "Retry from here"),
    "retry_none": ("没有需要重来的扣分句", "No failing line to retry from"),
    "back": ("返回", "Back"),
    "you": ("你", "You"),
    "dim_tone": ("语气", "Tone"),
    "dim_accuracy": ("准确", "Accuracy"),
    "dim_compliance": ("合规", "Compliance"),
    "dim_outcome": ("结果", "Outcome"),
    "mood_curve": ("情绪曲线", "Mood over the call"),
    "help_title": ("帮助", "Help"),
    "help_text": (
        "选择场景后与模拟客户通话。练习模式下违规会即时提醒，F2 可获得提示（每次扣 3 分）；"
        "考核模式没有提醒和提示。只有考核模式的通过计入认证，练习通过不计入。"
        "通话结束后查看报告，可导出或从扣分处重来。"
        "通话意外中断（关闭了页面或程序被终止）时，在开始页按 F4 可从中断处继续。",
        "Pick a scenario and talk to the simulated customer. Practice mode warns you at once "
        "when a line breaks a rule and F2 gives a hint (3 points each); exam mode has neither. "
        "Only exam-mode passes count toward certification; practice passes do not. "
        "After the call, read the report, export it, or retry from the line that cost you. "
        "If a call was cut off (a closed page, a killed program), F4 on the start screen takes "
        "it up where it stopped.",
    ),
    "close": ("关闭", "Close"),
    "hr_levels": ("认证等级分布", "Trainees by level reached"),
    "hr_findings": ("最常见的扣分项", "Most frequent findings"),
    "hr_keys": ("Esc 返回", "Esc back"),
    "hr_unavailable": ("没有认证轨道或培训记录", "No certification track or no records"),
    "hr_loading": ("加载中…", "Loading…"),
    "hr_trainees": ("名学员", "trainees"),
    "hr_cohort": ("批次", "Cohort"),
    "hr_exam_passes": ("考核通过", "Exam passes"),
    "hr_practice_passes": ("练习通过", "Practice passes"),
    "hr_exam_only": ("只有考核模式的通过计入认证", "only exam passes count toward certification"),
    "hr_level": ("已达等级", "Level"),
    "hr_still_needs": ("下一级还需", "Still needs"),
    "hr_done": ("已完成", "done"),
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The line `key` in `lang`; a sayable value (a records store's error) is said in the
    same language."""
    zh, en = _S[key]
    text = zh if lang == "zh" else en
    if not values:
        return text
    return text.format(
        **{k: v.get(lang) if isinstance(v, Sayable) else v for k, v in values.items()}
    )


def keys() -> list[str]:
    return list(_S)
