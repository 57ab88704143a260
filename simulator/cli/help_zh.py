"""The command line's help texts in Chinese, keyed by their English (as gettext keys a
catalog by msgid): each command and option keeps its English help where it is defined, and
`--help` in zh says this table's line. A test walks every command's parser and fails on a
help text missing here, or a line here that no help text uses any more."""

from __future__ import annotations

HELP_ZH: dict[str, str] = {
    # -- collectsim ---------------------------------------------------------------------------
    "CollectSim: practise collection calls with scripted debtors; every line scored for "
    "tone, accuracy and compliance.": "CollectSim：与按脚本扮演的债务人练习催收通话；"
    "每句话都按语气、准确性和合规性评分。",
    "the scenarios folder to use (also COLLECTSIM_SCENARIOS; default: ./scenarios when "
    "present, else the shipped catalog)": "要使用的场景文件夹（也可用 COLLECTSIM_SCENARIOS；"
    "默认：有 ./scenarios 时用它，否则用自带的场景目录）",
    "language of the output (default: the locale's)": "输出语言（默认：系统区域设置的语言）",
    # -- the commands -------------------------------------------------------------------------
    "open the app (the default command)": "打开应用（默认命令）",
    "serve the app to browsers, behind a sign-in (accounts: collectsim users)": "通过浏览器"
    "提供应用，需要登录（账号：collectsim users）",
    "hold a call in the terminal (headless)": "在终端里进行一通电话（无界面）",
    "judge utterances out of context (one JSON object a line)": "脱离上下文评判话语"
    "（每行一个 JSON 对象）",
    "what the engine understands of a line": "引擎对一句话的理解",
    "list a rule pack: each rule's citations, binding force and scope": "列出规则包：每条规则的"
    "出处、约束力和适用范围",
    "score a stored call: a journal file, or an attempt id in the records": "为保存的通话评分："
    "通话日志文件，或培训记录中的通话编号",
    "validate scenario and golden test files": "校验场景和黄金测试文件",
    "check scenarios as graphs (unreachable states, dead ends...)": "把场景当作图来检查"
    "（到达不了的状态、死路……）",
    "draw a scenario's state machine": "画出场景的状态机",
    "run golden conversation tests": "运行黄金对话测试",
    "write the JSON Schemas of scenario and test files": "写出场景和测试文件的 JSON Schema",
    "scaffold a valid scenario and a starter golden test": "生成一个有效的场景和一个入门黄金测试",
    "write docs/scenarios.md: the catalog with its graphs": "写出 docs/scenarios.md："
    "场景目录及其状态图",
    "list the certification tracks and their levels": "列出认证轨道及其等级",
    "list the intents transitions can react to": "列出状态转换可以响应的意图",
    "judge stored attempts again under the current rule pack (read-only)": "按当前规则包重新评判"
    "已保存的通话（只读）",
    "training records: attempts, trainees, transcripts": "培训记录：通话、学员、通话记录",
    "accounts that sign in to the browser app (serve)": "登录浏览器应用（serve）的账号",
    # -- tui and serve ------------------------------------------------------------------------
    "open this scenario's call directly": "直接打开这个场景的通话",
    "trainee name": "学员姓名",
    "the name is fixed (given by sign-in): the app never lets it change": "姓名固定"
    "（由登录给出）：应用里不能更改",
    "UI language": "界面语言",
    "records store: a SQLite file, sqlite:/// or postgresql://user:pw@host/db URL (default: "
    "COLLECTSIM_DB, else collectsim.db in the data directory)": "培训记录库：SQLite 文件、"
    "sqlite:/// 或 postgresql://user:pw@host/db 地址（默认：COLLECTSIM_DB，否则为数据目录中的 "
    "collectsim.db）",
    "go on with an interrupted call from the records store (its id or a prefix)": "继续培训记录中"
    "一通中断的电话（给出编号或编号开头）",
    "address to listen on (default loopback; any other needs sign-in, which is on)": "监听地址"
    "（默认本机回环地址；其他地址都需要登录，登录默认开启）",
    "URL browsers use, if proxied": "经代理访问时浏览器使用的地址",
    "loopback only: no accounts, the name is typed in the app (one person's machine)": "仅限本机"
    "回环地址：不用账号，在应用里输入姓名（个人电脑）",
    "app processes at once (default 20)": "同时运行的应用进程数（默认 20）",
    "app processes per user (default 2)": "每个用户的应用进程数（默认 2）",
    "how long a sign-in lasts (12)": "一次登录的有效小时数（12）",
    "start each tab's app afresh, not forked from a warm parent (slower, more memory)": "每个"
    "标签页的应用都重新启动，而不是从预热的父进程派生（更慢，更占内存）",
    "a reverse proxy's authenticated-user header (e.g. X-Forwarded-User), believed only from "
    "--trusted-proxy addresses": "反向代理传来的已认证用户标头（例如 X-Forwarded-User），"
    "只相信来自 --trusted-proxy 地址的",
    "address of a proxy allowed to send --trusted-header (repeatable)": "允许发送 "
    "--trusted-header 的代理地址（可重复）",
    # -- play ---------------------------------------------------------------------------------
    "scenario id or path (omit to pick from a list)": "场景编号或路径（省略则从列表中选择）",
    "file with the trainee's lines, one a line": "学员台词文件，每行一句",
    "the persona's seed (practice only; an exam's seed is fixed)": "客户角色的随机种子"
    "（仅练习模式；考核的种子固定）",
    "record the call in the records store under this name": "以这个姓名把通话记入培训记录",
    "the after-call note (for scenarios that ask for one)": "通话小结（用于要求写小结的场景）",
    "print the call and report as JSON": "以 JSON 输出通话和报告",
    # -- check, analyze, rules, score ---------------------------------------------------------
    "one utterance (or use --jsonl)": "一句话（或用 --jsonl）",
    '{"id", "text"} objects, one a line; - = stdin': '{"id", "text"} 对象，每行一个；'
    "- 表示标准输入",
    "each input is a complete message (voicemail, SMS, letter): required content applies": "每条"
    "输入都是完整的消息（语音留言、短信、信函）：适用必须包含的内容的规则",
    "who hears the line": "听到这句话的人",
    "the debtor is not verified yet": "还没有核实债务人身份",
    "the lender's kind: only the rules that bind it run (default: every rule)": "放贷机构的类型："
    "只运行约束它的规则（默认：所有规则）",
    "the account's real legal status (honest escalation depends on it)": "账户真实的法律状态"
    "（如实说明升级措施取决于它）",
    "judge by the rules' wording alone, not also by meaning (no sentence encoder)": "只按规则的"
    "措辞评判，不按语义（不用句子编码器）",
    "(output is always JSON lines)": "（输出总是 JSON 行）",
    "ISO date-time that relative dates resolve against": "解析相对日期所依据的 ISO 日期时间",
    "with --format md: where to write (default docs/rules-<jurisdiction>.md); - = stdout": "配合 "
    "--format md：写到哪里（默认 docs/rules-<jurisdiction>.md）；- 表示标准输出",
    "journal .jsonl path, or attempt id (or prefix)": "通话日志 .jsonl 路径，或通话编号"
    "（或编号开头）",
    "report language": "报告语言",
    "write to a file instead of stdout": "写入文件而不是标准输出",
    "same as --format json": "等同于 --format json",
    # -- validate and the other authoring commands --------------------------------------------
    "files or folders (default: the catalog)": "文件或文件夹（默认：场景目录）",
    "read every file again (results are otherwise kept by content, in the cache folder)": "重新读取"
    "每个文件（否则结果按内容保存在缓存文件夹中）",
    "default: schemas/ beside your scenarios folder": "默认：场景文件夹旁边的 schemas/",
    "print the scenario schema instead": "改为输出场景的 Schema",
    "scenarios folder (default: your catalog, else ./scenarios)": "场景文件夹（默认：你的场景"
    "目录，否则为 ./scenarios）",
    "default: docs/scenarios.md beside the catalog": "默认：场景目录旁边的 docs/scenarios.md",
    "default: the locale's": "默认：系统区域设置的语言",
    # -- rescore and hr -----------------------------------------------------------------------
    "started on or after (YYYY-MM-DD[THH:MM])": "开始于此时或之后（YYYY-MM-DD[THH:MM]）",
    "started before (YYYY-MM-DD[THH:MM])": "开始于此时之前（YYYY-MM-DD[THH:MM]）",
    "list unchanged attempts too": "也列出没有变化的通话",
    "list attempts (oldest first)": "列出通话（最早的在前）",
    "trainees with attempts, passes and best score": "学员及其通话次数、通过次数和最高分",
    "who reached which certification level, who is stuck": "谁达到了哪个认证等级，谁卡住了",
    "the most frequent findings (of a cohort)": "（某个批次）最常见的扣分项",
    "completed attempts as CSV or xAPI statements (JSON)": "以 CSV 或 xAPI 语句（JSON）导出"
    "已完成的通话",
    "issue a signed certificate of the level reached": "为已达到的等级签发带签名的证书",
    "check a certificate: signature, key, and the records": "核对证书：签名、密钥和培训记录",
    "a trainer's verdict on a stored finding (kept beside it)": "培训师对已保存扣分项的复核结论"
    "（与之一起保存）",
    "let a trainee take up an exam closed before its end (a trainer's call)": "让学员继续一次"
    "中途关闭的考核（由培训师决定）",
    "one attempt: the transcript and its stored report": "一通电话：通话记录及保存的报告",
    "add a trainee, or set a trainee's cohort": "添加学员，或设置学员的批次",
    "one of in_progress, completed, interrupted, abandoned": "in_progress、completed、"
    "interrupted、abandoned 之一",
    "a JSON array": "一个 JSON 数组",
    "JSON lines: one record a line (large results)": "JSON 行：每行一条记录（适合大量结果）",
    "at most N rows (default: all, streamed)": "最多 N 行（默认：全部，逐行输出）",
    "skip the first N rows (a page)": "跳过前 N 行（分页）",
    "track id (default: the only or first track)": "认证轨道编号（默认：唯一的或第一个轨道）",
    "the centre's URL that names trainee accounts in xAPI": "在 xAPI 中标识学员账号的本中心网址",
    "track id (default: the first track)": "认证轨道编号（默认：第一个轨道）",
    "file to write (default: <trainee>-<track>.cert.json)": "要写入的文件（默认："
    "<trainee>-<track>.cert.json）",
    "attempt id (or an unambiguous prefix)": "通话编号（或不会混淆的编号开头）",
    "the finding's number, as `hr show` lists it": "扣分项的序号，即 `hr show` 列出的序号",
    "why (required to adjust)": "理由（调整时必填）",
    "who decided (printed, for the record)": "做决定的人（会打印出来，留作记录）",
    # -- users --------------------------------------------------------------------------------
    "add an account (the first admin too)": "添加账号（包括第一个管理员）",
    "set a new password (ends the account's sign-ins)": "设置新密码（该账号已有的登录全部失效）",
    "disable an account (ends its sign-ins at once)": "停用账号（立即结束它的登录）",
    "enable a disabled account again": "重新启用已停用的账号",
    "the accounts, their roles and whether disabled": "所有账号、角色以及是否已停用",
    "the name shown and recorded (a trainee's calls go under it)": "显示和记录的名字"
    "（学员的通话记在这个名字下）",
    "trainee: own calls; trainer and admin: also every trainee's records (F3)": "trainee："
    "自己的通话；trainer 和 admin：还能看所有学员的培训记录（F3）",
    "read the password from the first line of standard input (not the terminal)": "从标准输入的"
    "第一行读取密码（不从终端）",
    "the account's name": "账号名",
    # -- options shared by several commands ---------------------------------------------------
    "TCP port to listen on (default 8000)": "监听的 TCP 端口（默认 8000）",
    "practice (hints, any seed) or exam (no hints, a fixed seed)": "practice 练习（有提示，"
    "种子任选）或 exam 考核（没有提示，种子固定）",
    "whose rules judge the line: CN or US (default: by its language)": "按哪里的规则评判："
    "CN 或 US（默认：按这句话的语言）",
    "the lines' language (default: by --jurisdiction, else by the line)": "这些话的语言"
    "（默认：按 --jurisdiction，否则按这句话本身）",
    "one line (or use --jsonl)": "一句话（或用 --jsonl）",
    "the lines' language (default: by the line)": "这些话的语言（默认：按这句话本身）",
    "the rule pack: CN or US": "规则包：CN 或 US",
    "language of the listing (default: the pack's)": "列表的语言（默认：规则包的语言）",
    "text for the terminal, md for a page": "text 用于终端，md 用于页面",
    "text, json, md or html": "text、json、md 或 html",
    "exit 1 on warnings too": "有警告时也以状态 1 退出",
    "print the results as JSON": "以 JSON 输出结果",
    "scenario id or path": "场景编号或路径",
    "mermaid or dot (Graphviz)": "mermaid 或 dot（Graphviz）",
    "golden test files or folders (default: the catalog's)": "黄金测试文件或文件夹"
    "（默认：场景目录中的）",
    "the new scenario's id (3-64 lower-case letters, digits, '-')": "新场景的编号"
    "（3 到 64 个小写字母、数字或 '-'）",
    "the new scenario's language (default zh)": "新场景的语言（默认 zh）",
    "its rule pack: CN or US (default: by its language)": "它的规则包：CN 或 US"
    "（默认：按它的语言）",
    "print as JSON": "以 JSON 输出",
    "print as CSV": "以 CSV 输出",
    "only this trainee": "只看这位学员",
    "only this cohort": "只看这个批次",
    "only this scenario's attempts": "只看这个场景的通话",
    "the cohort to put the trainee in": "把学员分到这个批次",
    "at most N rules (default 10)": "最多 N 条规则（默认 10）",
    "csv, or xapi (xAPI statements, JSON)": "csv，或 xapi（xAPI 语句，JSON）",
    "the trainee's name": "学员姓名",
    "the certificate file (.cert.json)": "证书文件（.cert.json）",
    "accept, adjust or reject the finding": "确认（accept）、调整（adjust）或驳回（reject）"
    "这个扣分项",
    "who reviews (kept with the verdict)": "复核人（与结论一起保存）",
}
