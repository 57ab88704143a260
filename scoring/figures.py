"""A figure's role, read from its whole clause (issue 14).

A trainee names a figure in many ways: with a label before it (逾期总额是…, the balance comes
to…), a label after it (…是您的欠款, $75 in late fees, $207.20 a month), a verb (欠 / 需要还 /
owe / need to pay / pay), or a relation with the other figures of the line (先还2000，剩下3230.50;
5000加180.5加50一共5230.5; 分6期每期903.13). This module reads those roles; `accuracy` compares
each figure with the ledger quantity its role names.

A label binds to the figure nearest to it: a figure between a label and another figure takes
the label for itself ("利息180.5元和50元滞纳金": 50 is not interest). Labels that only name a verb
("还", "pay", "需要还") give way to a ledger label in the same stretch ("每期还872": monthly).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from scoring.entities import AmountMention, fold
from scoring.entities.amounts import BALANCE_AT

Role = Literal[
    "total",  # the overdue total (逾期总额, 欠款, balance, owe)
    "principal",
    "interest",
    "late_fee",
    "penalty",  # 罚息: penalty interest, which trainees use for the interest or the late fee
    "minimum",  # the minimum payment
    "monthly",  # one instalment of a plan (每期, 月供, a month, payments of)
    "last_monthly",  # a plan's last instalment, with the cents' rounding (最后一期, the last one)
    "plan_fee",  # the plan's fee, a month or in all (手续费, plan fee)
    "waiver",  # an amount waived (减免50元, $75 off, waive $40)
    "after_waiver",  # what is owed once a waiver is applied (减免后还…, after the waiver)
    "settlement",  # a lump sum that closes the account (一次性还…就结清, settle for)
    "remainder",  # what is left after a payment (剩下, the rest, remaining)
    "partial",  # a partial payment or its proposal (先还, 首付, first, down payment, today)
    "due",  # an amount said to be owed now, no label (需要还, 应还, need to pay, due)
    "pay",  # an amount to pay, no label (还, 付, pay): a proposal unless it exceeds the debt
    "other",  # not the account's (工资, rent, income, 医药费)
    "excluding",  # the total less a part ("不算滞纳金是…", "without the late fee it's…")
]

# Labels, most specific first: at one position the first alternative that matches wins
# ("最低还款" before "还款", "还剩" before "还", "还款日" before "还款").
_LABELS_ZH: tuple[tuple[str, str], ...] = (
    ("date", r"还款日|到期日|账单日|还款期限|还款时间|还款日期"),
    ("minimum", r"最低还款额?|最低应还|最低额度|最低还|最低"),
    # A payment of the debtor's taken off the debt is no waiver: "减掉您说的2000，还差…",
    # "扣掉你已经转的那笔…" (what the debtor did, 您…还的, follows the verb; "减掉您的滞纳金"
    # is a waiver of the debtor's charge).
    (
        "partial",
        r"(?:减掉|减去|扣掉|扣除|去掉|刨去|刨掉|除去)"
        r"(?=\s*+(?:您|你|他|她)[^，,。!?;\s0-9]{0,4}?(?:说|提|还|转|付|交|打|汇|存)[过了]?的)",
    ),
    (
        "after_waiver",
        r"(?:减免|免除|免掉|免了|免去|减掉|减了|减完|免完|优惠|全免)[^，。!?;\s]{0,8}?(?:之后|以后|后)",
    ),
    # "减完一共…", "免完是…": what is owed once the waiver is applied (of the figure after it).
    # "减下来是…", "免了是…", "免掉就剩…": what is left once taken off, said before it (not
    # "减了253.95", the amount taken off).
    (
        "then_after_waiver",
        r"减完|免完|(?:减|免|降|砍)(?:下来|下去|了|掉)(?=\s*+(?:就|也就|那就|那|总共|一共)?\s*+(?:是|为|剩))",
    ),
    # A charge said by its kind (处理费, 上门费) is checked against the fees the ledger has.
    ("late_fee", r"滞纳金|违约金|逾期费用?|罚金|延滞金|处理费|催收费|上门费|外访费|管理费"),
    ("penalty", r"罚息"),
    ("plan_fee", r"分期手续费|分期费用?|手续费|服务费"),
    ("interest", r"利息"),
    ("principal", r"本金"),
    # The last instalment takes what the others' rounding left: "最后一期802.10".
    ("last_monthly", r"最后一期|最后1期|最后那一?期|末期|尾期|最后一笔|最后一个月"),
    # "这一期" / "本期" is the bill now due, not one instalment of a plan.
    ("monthly", r"每一?期|每个?月|月供|一个月|(?<![这本当上])一期|首期"),
    # What the debt is cut down to is a settlement, not the amount taken off ("给您减到五千").
    ("settlement", r"(?:减|降|砍|压)到|只收您?|少收到"),
    # 减 alone waives ("利息减253.95"), but not between two figures ("5230.5减2000").
    (
        "waiver",
        # (not refused: "利息那三千九百多免不了")
        r"减免|免除|免掉|免去|豁免|减掉|(?<![最至])少还|少收(?!到)|少算|全免|优惠|免(?!不)"
        r"|(?<![0-9元块])减(?![去少轻肥不])",
    ),
    ("remainder", r"剩下|剩余|还剩|余下|其余|剩的|尾款|余款|差的|差额|后面的|后边的|剩"),
    ("settlement", r"一次性结清|结清|一次性还清|一次还清|一次性"),
    ("partial", r"部分还款|部分还|先还|先付|先转|先打|先交|先处理|首付|至少|先(?![生前])"),
    (
        "other",
        r"工资|收入|月薪|薪水|房租|医药费|治疗费|手术费|住院费|保险|理赔|赔付|存款|信用额度|额度"
        r"|借了|当初借|借款金额|贷款金额|年费|生活费|赔偿|补偿|退款|花了|花费|开销|支出|学费|房贷|车贷"
        r"|医疗费|看病",
    ),
    (
        "total",
        r"逾期总额|逾期金额|逾期款项?|欠款总额|欠款金额|总欠款|欠款|欠的钱|还欠|欠着|欠了|欠|还差"
        # "逾期五万六千多": 逾期 right before a sum names what is overdue (逾期18天 is no sum)
        r"|逾期(?=\s*+[0-9一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾])"
        r"|系统显示|账上显示|显示|账上|账面上?|连本带[息利]|本息|本利|透支|账单"
        # "连利息带滞纳金快九千": with the charges in, the whole debt
        r"|连(?:本金|本|利息|息)(?:带|加|和)(?:利息|息|滞纳金|罚息|违约金|逾期费)(?:[带加和](?:滞纳金|罚息|违约金|逾期费))?(?:一起|在内|算上|算下来)?"
        r"|应还总额|应还金额|待还金额|未还金额|账单金额|账户余额|余额|总金额|总额|总共|一共"
        r"|合计|共计|总计|全部|全额|本息合计|加起来|共"
        # "总的五万一千…" names the total (not "总的来说")
        r"|总的(?=\s*+(?:是|为)?\s*+[0-9一二两三四五六七八九壹贰叁肆伍陆柒捌玖¥])",
    ),
    ("unpaid", r"还没还|没还|未还|没有还|没结清|未结清|还没有还"),
    ("due", r"需要还|要还|得还|该还|应还|必须还|需还|应该还|待还|还款额|还款金额|还款"),
    ("pay", r"还|付|支付|转账|转|打款|缴"),
)
_LABELS_EN: tuple[tuple[str, str], ...] = (
    ("date", r"due\s++date|payment\s++date|due\s++on"),
    ("minimum", r"minimum(?:\s++(?:payment|amount|due))?|min\s++payment"),
    # A payment of the debtor's taken off the debt is no waiver: "take off your $500",
    # "minus the $1,000 you sent" (someone's payment verb follows the figure in its clause).
    (
        "partial",
        r"(?:take\s++off|minus|subtract\w*|deduct\w*|less)\s++(?:your\b|the(?=[^,.;:!?]{1,40}?"
        r"\b(?:you|she|he|they)\s++(?:already\s++|just\s++)?(?:paid|sent|put\s++(?:down|in)|gave|made)\b))",
    ),
    (
        "after_waiver",
        r"after\s++(?:the\s++|we\s++|i\s++)?(?:waiv\w*|discount\w*|credit\w*|reduc\w*)"
        r"|once\s++(?:we|i)\s++waive|with\s++the\s++(?:\w+\s++){0,2}waived|with\s++the\s++waiver",
    ),
    (
        "plan_fee",
        r"(?:plan|set-?up|installment|instalment|program|enrollment|processing)\s++fees?",
    ),
    # A fee said by its kind ("a $35 NSF fee", "a $25 returned-payment charge") is a charge
    # on the account, checked against the one the ledger has.
    (
        "late_fee",
        r"(?:late|nsf|non-?sufficient[\s-]funds|returned[\s-]++(?:payment|check|item)"
        r"|bounced[\s-]++(?:payment|check)|over[\s-]?(?:the[\s-]++)?limit|annual|service|convenience"
        r"|collection|admin(?:istrative)?|maintenance|recovery|penalty)\s++(?:fees?|charges?)"
        r"|fees?|penalt(?:y|ies)",
    ),
    ("interest", r"interest"),
    ("principal", r"principal"),
    # "with the last one $428.13": the last instalment takes what the others' rounding left.
    (
        "last_monthly",
        r"(?:the\s++)?(?:last|final)\s++(?:one|payment|install?ment|month'?s\s++payment)"
        r"(?=\s++(?:is|will\s++be|would\s++be|at|of|comes?\s++to|being)?\s*+\$?\s*+"
        r"(?:[0-9]|(?:one|two|three|four|five|six|seven|eight|nine)[\s-]))",
    ),
    (
        "monthly",
        r"a\s++month|per\s++month|monthly|each\s++month|every\s++month|/\s*+mo(?:nth)?"
        r"|(?:per|each|a)\s++(?:payment|installment|instalment)"
        r"|(?:monthly\s++)?payments\s++(?:of|around|about|roughly)|(?:monthly\s++)?install?ments?\s++of|monthly\s++payment\s++of"
        r"|(?:months?|payments?|install?ments?|plan)\s++at"  # "twelve months at $207.20"
        # "for the first $207.20", "the first two-oh-seven twenty": a plan's first instalment
        # (a payment made first is "pay $500 first", a partial payment)
        r"|the\s++first(?=\s*+\$|\s*+[0-9]|\s++(?:one|two|three|four|five|six|seven|eight|nine)[\s-])"
        r"(?![^,.;:!?]*?\b(?:today|tonight|now|down|up\s*+front|then)\b)"
        # "you'd be paying 401.04 for a year", "$214.06 for six months"
        r"|for\s++(?:a|one)\s++year|for\s++(?:the\s++next\s++)?(?:[0-9]{1,2}|two|three|four|five"
        r"|six|nine|twelve|eighteen|twenty-four|thirty-six)\s++months",
    ),
    # "I can cut it down to $2,000", "bring your balance down to…": what is left to pay in all.
    (
        "settlement",
        r"(?:cut|bring|knock|get|take|drop|lower)\w*\s++(?:it|that|this|(?:the|your)\s++(?:balance|total|debt))"
        r"\s++down\s++to|(?:reduc|lower)\w*\s++(?:it|that|this|(?:the|your)\s++(?:balance|total|debt))\s++to",
    ),
    (
        "waiver",
        # "knock $75 off" takes off; "knock out $600" pays it (a payment verb below).
        r"waiv\w*|forgiv\w*|knock\w*(?!\s++(?:(?:it|that|this)\s++)?out\b)|take\s++off|off\s++the|off"
        r"|discount\w*"
        r"|write\s++off|credit",
    ),
    (
        "remainder",
        r"the\s++rest|remaining|remainder|what'?s\s++left|left\s++over|leftover|left|rest"
        r"|leaves|leaving|(?:would|will|could|should|'d|'ll)\s++leave|leave\s++(?:you|her|him|them|it|us)\b"
        r"|down\s++to|drops?\s++to|to\s++go|remains?|(?:still\s++)?(?:be\s++)?short(?:\s++by)?"
        r"|after\s++(?:that|this|the\s++payment)|afterwards",
    ),
    (
        "settlement",
        r"settle\w*|lump[\s-]sum|pay\s++(?:it\s++)?off\s++for|close\s++(?:it|the\s++account)"
        # "clear it today with $1,284.37", "to pay this off you need…": the sum that ends the
        # debt; not "pay it off over six months" (a plan's length follows).
        r"|clear\w*\s++(?:it|this|that|(?:the|your)\s++(?:account|balance|debt))(?:\s++(?:off|up|out))?"
        r"|pay\w*\s++(?:it|this|that|(?:the|your)\s++(?:account|balance|debt))\s++off"
        r"(?!\s++(?:over|in|across|with\s++(?:a\s++)?plan)\b)",
    ),
    (
        "partial",
        # "the remaining balance after your $500 would be…": the payment the remainder follows.
        # ("part of the $1,284.37" is the whole the part is of: the total)
        r"down\s++payment|up\s*+front|good[\s-]faith|to\s++start|first|partial|initial"
        r"|part\s++of(?!\s++(?:the|your|that|this)\b)"
        r"|(?:after|once|with)\s++(?:your|an?|the|that|this|her|his|their)(?=\s*+\$"
        # ("after your five hundred dollars": the payment in words)
        r"|\s++(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty"
        r"|sixty|seventy|eighty|ninety)\b[\w\s-]*?\b(?:dollars|bucks)\b)"
        r"|at\s++least|for\s++now|today|tonight|right\s++away",
    ),
    (
        "other",
        r"income|salary|paycheck|rent|mortgage|hospital|medical\s++bills?|insurance|savings"
        r"|earn\w*|make|benefits|unemployment|credit\s++limit|limit|spent|spend|costs?"
        r"|(?:medical|hospital|doctor|other)\s++bills?"
        r"|expenses?|borrowed|loan\s++(?:of|amount)|originally\s++borrowed|tuition|car\s++payment",
    ),
    (
        "total",
        r"balance|total\w*|owe[sd]?|owing|outstanding|amount\s++(?:due|owed)|past[\s-]due\s++amount"
        r"|debt|payoff|in\s++full|full\s++amount|comes?\s++to|amounts?\s++to|adds?\s++up\s++to"
        rf"|altogether|all\s++together|all\s++in|all\s++told|in\s++all|grand\s++total|sitting\s++at|{BALANCE_AT}|arrears|the\s++amount|amount|shows?|showing|on\s++file|on\s++record"
        r"|behind\s++by|(?:the|your|final|this)\s++bill|part\s++of\s++(?:the|your|that|this)"
        # "as of today you're at…": the balance on the call's day, not a payment made today
        r"|as\s++of\s++(?:today|now|right\s++now|this\s++(?:morning|afternoon|evening))",
    ),
    ("unpaid", r"unpaid|past[\s-]due|overdue|still\s++(?:owing|outstanding|due)|behind"),
    (
        "due",
        r"(?:need|needs|have|has|required|supposed|expected|asked)\s++to\s++pay|must\s++pay|is\s++due"
        r"|are\s++due|due",
    ),
    (
        "pay",
        r"pay\w*|send\w*|put\s++down|put(?=\s*+\$)|make\s++a\s++payment\s++of"
        # spoken payment verbs: "knock out $600", "throw in two hundred", "chip in $50"
        r"|knock\w*\s++(?:(?:it|that|this)\s++)?out|throw\w*\s++(?:in|down)|chip\w*\s++in|put\s++in"
        r"|come\s++up\s++with"
        # "could you swing $200", "can you manage four hundred", "cover 828.80 a month"
        r"|swing|manage|cover",
    ),
    ("each", r"each|apiece"),  # "$414.40 each": only after the figure, an instalment
    # "two grand now and $2,812.50 later": only after the figure, what is left to pay.
    ("later", r"later(?:\s++on)?|next\s++(?:month|week)|after\s++that"),
)
# Roles that only name a verb: a ledger label in the same stretch wins over them.
_WEAK = frozenset({"due", "pay"})
_NEUTRAL = frozenset({"date"})  # labels read only so that they hide a shorter one ("还款日")
# Labels that name a figure only after it: "3000没还" (the total), but "没还的3000" may be a part.
_AFTER_ONLY = {"unpaid": "total", "each": "monthly", "later": "remainder"}
# Labels that name only the figure after them: "减完一共12832.55", not "253.95减完".
_BEFORE_ONLY = {"then_after_waiver": "after_waiver"}
_PLAN_HINT = re.compile(r"payments?|install?ments?|months?|plan|期")
# A remainder named right after its figure: "you'd have $4,000 left", "$1,986.40 remaining".
_REMAINDER_AFTER = re.compile(
    r"left(?:\s++over)?|remaining|remains?|to\s++go|after\s++(?:that|this|the\s++payment)|afterwards"
    r"|what'?s\s++left|what\s++is\s++left|what\s++remains"
)
_COPULA_ZH = re.compile(r"是|为")
# Partial-payment labels that only say when ("today", "right away"), not that it is a part.
_WHEN_ONLY = re.compile(r"today|tonight|right\s++away|for\s++now")
# A day or a period that recurs after a figure with no label of its own ("那就1169.06元，每月10号
# 从App里扣", "$207.20 on the 1st of each month"): what is paid each month, an instalment. The
# persona (simulator.engine.negotiation) and the accuracy check read it here, the same way.
RECURRING = re.compile(
    r"[^。.!?！？;；]{0,16}?(?:每个?月|月月|\b(?:each|every|a|per)\s++month\b|\bmonthly\b)",
    re.IGNORECASE,
)


def recurring_after(text: str, end: int, until: int | None = None) -> bool:
    """A recurring cue within a few characters after ``end`` (and before ``until``, the next
    figure: the cue of "$5,230.50, or $903.13 a month" names the second figure only)."""
    found = RECURRING.match(text, end)
    return found is not None and (until is None or found.end() <= until)


# A part named as the subject of a sum verb: "interest comes to $420.81", "利息一共是…".
_PART_SUBJECT_GAP = re.compile(
    r"\s*+(?:on\s++(?:it|this|that|the\s++(?:account|card|loan))\s*+|so\s++far\s*+)?"
    r"(?:is|was|all|'s|是|为)?\s*+"
)


def _labels_regex(table: tuple[tuple[str, str], ...], english: bool) -> re.Pattern[str]:
    parts = [f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(table)]
    body = "|".join(parts)
    return re.compile(rf"\b(?:{body})\b" if english else body, re.ASCII)


_LABELS_ZH_RE = _labels_regex(_LABELS_ZH, english=False)
_LABELS_EN_RE = _labels_regex(_LABELS_EN, english=True)

# A part named only to be taken out of the total: "不算滞纳金", "without the late fee".
_EXCLUDING_RE = re.compile(
    r"(?:不算|去掉|不含|扣除|除去|不包括|刨去|减去|\bwithout|\bexcluding|\bnot\s++counting|\bminus"
    r"|\bless|\bapart\s++from|\bleaving\s++out)\s*+(?:the\s++|那个?|这个?)?\s*+$"
)
# Two labels joined make a compound: "本金加利息", "利息和滞纳金", "principal and interest".
# ("interest and the late fee": an article may stand before the second part)
_JOIN_RE = re.compile(
    r"\s*+(?:加上|加|和|与|及|以及|跟|\+|plus|and|&)\s*+(?:(?:the|your|any)\s++)?$"
)

# Between a label and the figure before it, what may stand: "5230.50元是您目前的欠款",
# "$75 in late fees", "$2,486.40 is the full balance", "a $75 late fee".
_AFTER_GAP_ZH = re.compile(
    r"\s*+(?:这个|这笔|是|为|就是|算是|属于|作为|都是|的)?\s*+(?:您|你|咱们|我们|您们)?\s*+"
    # (qualifiers may stack: "是您目前的全部欠款")
    r"(?:(?:的|目前的?|现在的?|这边的?|账户的?|这期的?|本期的?|总的|全部的?|当前的?|所有的?)\s*+)*+"
    r"$"
)
# "180.5是这段时间的利息", "50元是逾期产生的滞纳金": a copula, a few words, then 的.
_AFTER_GAP_ZH_COPULA = re.compile(
    r"\s*+(?:元|块)?\s*+(?:是|为|就是|都是|算是)[^\s，,。!?？！0-9]{1,6}的\s*+$"
)
_AFTER_GAP_EN = re.compile(
    r"(?:\s++(?:is|was|are|be|will|would|in|of|for|as|toward|towards|the|your|a|an|full|total"
    r"|entire|whole|what'?s|what|that|all|just|only|current|currently|this|account's|you|us|the))"
    r"{0,5}\s*+$"
)
_AFTER_MAX = 14  # characters between a figure and a label after it
_AFTER_MAX_EN = 20
_BEFORE_MAX = 40  # characters between a label and the figure after it

# Not a statement of the account: a correction ("不是5000"), a claim reported ("您说…").
_NEGATION_REACH = 24
_NEGATED_RE = re.compile(
    # "是不是欠了…": a question put, not a correction.
    r"(?<!是)不是(?!不是)|并非|而不是|不再是|并不是|不欠|\bnot\b|\bisn'?t\b|\bwasn'?t\b|\baren'?t\b"
    r"|\bdon'?t\s++owe|\bdo\s++not\s++owe|\binstead\s++of\b|\brather\s++than\b|\bno\s++longer\b"
)
_REPORTED_RE = re.compile(
    # (跟您说, 给你讲: the collector telling the debtor, not the debtor's words reported)
    r"(?<![跟给和向同对])(?:您说|你说|您讲)|您刚才说|你刚才说|您以为|你以为|您觉得|你觉得|您提到|客户说|您那边说|您记得"
    r"|已经还了|已经还过|已还|还过|已经付了|已经转了|您还了|上次还|之前还的|还的那|付的那"
    r"|您是想|你是想|您想|你想|您打算|你打算|您提出|您能接受的|您上次|上次您|上个月还了|还了"
    # ("original principal", 当初本金 is the principal: the ledger's, not a figure from the past)
    r"|(?:原来|原本|当初|起初|最初)(?!的?本金)|\boriginal(?:ly)?\b(?!\s++principal)|\bat\s++first\b|\bused\s++to\b"
    r"|\byou\s++(?:said|say|mentioned|think|thought|believe|claim|remember|were\s++told|told\s++me"
    r"|want|wanted|proposed|offered|suggested|asked)|\byou'?d\s++like|\byou'?re\s++thinking"
    r"|\breceived\b|\bcame\s++in\b|\bposted\b|\blast\s++payment\b|\bprevious\s++payment\b"
    r"|\baccording\s++to\s++you|\byou(?:'ve|\s++have)?\s++(?:already\s++)?paid|\bpaid\b|\bsent\b"
)
_JOINED_AFTER = re.compile(r"\b(?:and|so)\b")
_CLAUSE_BREAK = re.compile(
    # A colon before a figure labels it ("interest: $329.86", "Balance: 3,421.86"), no break.
    r"[。!?;；\n、—–]|，|,(?![0-9])|\.(?=\s|$)|:(?=\s)(?!\s*+[$¥]?\s*+[0-9])|\bbut\b|但是|不过|可是"
    # In Chinese chat a space often stands for a comma: "逾期41天了 10月29号到期".
    r"|(?<=[\u3400-\u9fff])\s++(?=[\u3400-\u9fff0-9])"
    # "总共19596.40 理赔期间…": after a figure too, but not before its unit or a copula
    r"|(?<=[0-9])\s++(?=[\u3400-\u9fff])(?![元块圆角分毛万千百亿是为的号日月天期个周年])"
)
_SENTENCE_BREAK = re.compile(r"[。!?;；\n]|\.(?=\s|$)")


@dataclass(frozen=True, slots=True)
class Label:
    start: int
    end: int
    role: str


@dataclass(frozen=True, slots=True)
class FigureReading:
    """What the line says a figure is."""

    mention: AmountMention
    roles: tuple[Role, ...]  # candidate roles, the one read first; () when nothing names it
    compound: tuple[Role, ...]  # the parts of a compound label ("本金加利息是…")
    topics: tuple[Role, ...]  # ledger labels elsewhere in its sentence
    skip: bool  # a correction or a claim reported: not a statement of the account
    sentence: int  # which sentence of the line
    # The rough figure this one spells out ("九百出头，准确是909.88"): it must cover it.
    restates: AmountMention | None = None


@dataclass(frozen=True, slots=True)
class LineFigures:
    low: str  # the line folded (NFKC per character, lower case): offsets as in the text
    figures: tuple[FigureReading, ...]
    labels: tuple[Label, ...]
    sentences: tuple[tuple[int, int], ...]
    label_starts: tuple[int, ...] = ()  # where each label starts, for bisection

    def sentence_of(self, position: int) -> int:
        index = bisect_right([s for s, _ in self.sentences], position) - 1
        return max(0, min(index, len(self.sentences) - 1))


def _spans(low: str, breaks: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in breaks.finditer(low):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(low) or not spans:
        spans.append((start, len(low)))
    return tuple(spans)


def _find_labels(low: str, figures: list[AmountMention]) -> list[Label]:
    found: list[Label] = []
    for regex, table in ((_LABELS_ZH_RE, _LABELS_ZH), (_LABELS_EN_RE, _LABELS_EN)):
        if regex is _LABELS_EN_RE and not re.search(r"[a-z]", low):
            continue
        for m in regex.finditer(low):
            index = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
            start, end = m.span()
            if any(f.start <= start < f.end for f in figures):
                continue  # a word inside a figure ("两万块" is not 万; "四万多" not 多)
            found.append(Label(start, end, table[index][0]))
    found.sort(key=lambda lab: lab.start)
    return found


@lru_cache(maxsize=16)
def _breaks(low: str, sentences: bool) -> tuple[list[int], list[int]]:
    """Where the clause (or sentence) breaks of a folded line start and end, found once a line:
    every lookup below is a bisection, so a long paste stays linear."""
    regex = _SENTENCE_BREAK if sentences else _CLAUSE_BREAK
    found = [m.span() for m in regex.finditer(low)]
    return [s for s, _ in found], [e for _, e in found]


def clause_start(low: str, position: int) -> int:
    """Where the clause holding ``position`` starts (after the last break before it)."""
    starts, ends = _breaks(low, False)
    index = bisect_left(starts, position) - 1
    return ends[index] if index >= 0 else 0


def clause_end(low: str, position: int) -> int:
    starts, _ = _breaks(low, False)
    index = bisect_left(starts, position)
    return starts[index] if index < len(starts) else len(low)


def sentence_start(low: str, position: int) -> int:
    starts, ends = _breaks(low, True)
    index = bisect_left(starts, position) - 1
    return ends[index] if index >= 0 else 0


def sentence_end(low: str, position: int) -> int:
    starts, ends = _breaks(low, True)
    index = bisect_left(starts, position)
    return ends[index] if index < len(starts) else len(low)


def clauses(low: str) -> tuple[tuple[int, int], ...]:
    """The clauses of a folded line, as (start, end)."""
    return _spans(low, _CLAUSE_BREAK)


def read_figures(text: str, amounts: list[AmountMention]) -> LineFigures:
    """The roles of the figures ``amounts`` found in ``text`` (sorted by position)."""
    low = fold(text)
    figures = sorted(amounts, key=lambda a: a.start)
    labels = _find_labels(low, figures)
    sentences = _spans(low, _SENTENCE_BREAK)
    starts = tuple(lab.start for lab in labels)
    line = LineFigures(low, (), tuple(labels), sentences, starts)
    readings: list[FigureReading] = []
    claimed: set[int] = set()  # labels taken by the figure before them ("$35 late fee")
    for index in range(len(figures)):
        reading, taken = _read_one(line, figures, index, claimed)
        following = figures[index + 1].start if index + 1 < len(figures) else None
        if (
            not reading.roles
            and not reading.skip
            and recurring_after(low, figures[index].end, following)
        ):
            reading = replace(reading, roles=("monthly",))
        if readings and not reading.roles:
            reading = _alternative(low, readings[-1], reading)
        if reading.roles in ((), ("pay",)):
            reading = _after_payment(line, readings, reading)
        if reading.roles in ((), ("pay",), ("partial",), ("due",)) and not reading.skip:
            reading = _named_next(line, figures, index, reading)
        if not reading.roles and not reading.skip:
            reading = _named_before_break(line, figures, index, reading)
        if (
            readings
            and reading.roles[:1] in ((), ("waiver",))
            and _taken_from(low, readings[-1], reading)
        ):
            # The sum it is taken from is the balance (the label after it, "$1,284.37 take
            # off", names no waiver of it).
            if readings[-1].roles[:1] in ((), ("waiver",)):
                readings[-1] = replace(readings[-1], roles=("total",))
            reading = replace(reading, roles=("partial",))
        if readings and not reading.roles and _spells_out(low, readings[-1], reading):
            # "最低还款九百出头，准确是909.88": the exact figure of the rough one before it.
            before = readings[-1]
            reading = replace(
                reading, roles=before.roles, compound=before.compound, restates=before.mention
            )
        if readings and not reading.roles and _corrects(low, readings[-1], reading):
            # "欠款5230.5，哦不对，是5203.5": the figure put right takes the role of the one
            # it replaces, which is no longer said.
            readings[-1] = replace(readings[-1], skip=True)
            reading = replace(reading, roles=readings[-1].roles, compound=readings[-1].compound)
        readings.append(reading)
        if taken is not None:
            claimed.add(taken)
    return LineFigures(low, tuple(readings), tuple(labels), sentences, starts)


def _rest_follows(line: LineFigures, end: int) -> bool:
    """Whether the sentence goes on to what is left ("…with $400 and the rest next month")."""
    s_end = line.sentences[line.sentence_of(end)][1]
    at = bisect_left(line.label_starts, end)
    return any(lab.role in ("remainder", "later") and lab.start < s_end for lab in line.labels[at:])


def _read_one(
    line: LineFigures, figures: list[AmountMention], index: int, claimed: set[int]
) -> tuple[FigureReading, int | None]:
    low, labels = line.low, line.labels
    figure = figures[index]
    c_start = clause_start(low, figure.start)
    c_end = clause_end(low, figure.end)
    prev_end = max(c_start, figures[index - 1].end if index else 0)
    next_start = min(c_end, figures[index + 1].start if index + 1 < len(figures) else len(low))

    starts = line.label_starts
    reach = bisect_left(starts, max(prev_end, figure.start - _BEFORE_MAX - 40))
    before = [
        lab
        for lab in labels[reach : bisect_left(starts, figure.start)]
        if lab.start >= prev_end
        and lab.end <= figure.start
        and figure.start - lab.end <= _BEFORE_MAX
        and lab.role not in _NEUTRAL
        and lab.role not in _AFTER_ONLY
        and lab.start not in claimed
    ]
    after = [
        lab
        for lab in labels[bisect_left(starts, figure.end) : bisect_left(starts, next_start)]
        if lab.end <= next_start and lab.role not in _NEUTRAL and lab.role not in _BEFORE_ONLY
    ]
    roles: list[Role] = []
    taken: int | None = None
    after_compound: tuple[Role, ...] = ()

    # A label right after the figure: "5230.50元是您的欠款", "$75 in late fees", "$207.20 a month".
    # A verb between the figure and its label stands aside: "2073.75元就是您要还的全部",
    # "$647.40 is what you need to pay in full" (the label after the verb names the figure).
    weak_before = 0
    while weak_before < len(after) - 1 and after[weak_before].role == "due":
        weak_before += 1
    if after:
        first = after[weak_before]
        gap = "".join(
            low[a:b]
            for a, b in zip(
                [figure.end, *(lab.end for lab in after[:weak_before])],
                [*(lab.start for lab in after[:weak_before]), first.start],
                strict=True,
            )
        )
        # (only a figure of the same clause: "借了九千本金，利息…" keeps 本金 for 九千)
        next_figure = (
            figures[index + 1].start
            if index + 1 < len(figures) and figures[index + 1].start <= c_end
            else len(low) + 99
        )
        if (
            # (English words run longer: "$85 of that is the late fee")
            first.start - figure.end <= (_AFTER_MAX_EN if gap.isascii() else _AFTER_MAX)
            # "…plus 75 comes to 2,486.40": a label right before the next figure is its own;
            # so is any label there when this figure has its own label before it ("本金18500
            # 利息1203.75": 利息 names 1203.75, not 18500).
            and not (
                next_figure - first.end <= 4
                and (first.role in ("total", "due") or any(lab.role not in _WEAK for lab in before))
            )
            and first.role not in _WEAK
            # "936免掉以后还欠…": the figure is what is waived; "after" names the next one.
            and first.role not in ("partial", "settlement", "after_waiver")
            and (
                first.role != "remainder"
                or _REMAINDER_AFTER.fullmatch(low, first.start, first.end)
                # "6198.8元是剩下没还的": said to be what is left ("3000剩下的分期" is not)
                or _COPULA_ZH.search(gap) is not None
            )
            # "$414.40 each" is an instalment only where payments are talked of ("two late
            # fees of $37.50 each" are not).
            and (first.role != "each" or _PLAN_HINT.search(low) is not None)
            and (
                _AFTER_GAP_EN.fullmatch(gap)
                or _AFTER_GAP_ZH.fullmatch(gap)
                or _AFTER_GAP_ZH_COPULA.fullmatch(gap)
            )
        ):
            roles.append(_AFTER_ONLY.get(first.role, first.role))  # type: ignore[arg-type]
            taken = first.start
            after_compound = _compound_after(low, after)

    # Labels before it, nearest first; a ledger label wins over a verb.
    strong = [lab for lab in before if lab.role not in _WEAK]
    weak = [lab for lab in before if lab.role in _WEAK]
    compound = _compound(low, strong) or after_compound
    if (
        strong
        and strong[-1].role in _PARTS
        and _EXCLUDING_RE.search(low, max(0, strong[-1].start - 16), strong[-1].start)
    ):
        # "不算滞纳金是5180.5": the total less the part, not the part.
        compound = (_role(strong[-1]),)
        roles.insert(0, "excluding")
        strong = []
    elif not roles and (not strong or strong[-1].role in ("total", "due")):
        # "Not counting interest and fees, what you owe is…": the parts left out in an
        # earlier clause of the sentence.
        left_out = _excluded_before(line, figure.start, figures[index - 1].end if index else 0)
        if left_out:
            compound = left_out
            roles.insert(0, "excluding")
            strong = []
    if (
        len(strong) >= 2
        and strong[-1].role == "total"
        and strong[-2].role in _PARTS
        and not compound
        and _PART_SUBJECT_GAP.fullmatch(low, strong[-2].end, strong[-1].start)
    ):
        strong = strong[:-1]  # "interest comes to…": the interest, not the total
    if strong:
        nearest = strong[-1]
        if (
            nearest.role == "partial"
            and len(strong) >= 2
            and strong[-2].role == "minimum"
            and strong[-2].end == nearest.start
            and low.startswith("先", nearest.start)
        ):
            # "最低先还3423.75": the payment verb right after the label says how, not what
            nearest = strong[-2]
        if (
            nearest.role == "partial"
            and _WHEN_ONLY.fullmatch(low, nearest.start, nearest.end)
            and any(lab.role == "settlement" for lab in strong[:-1])
            and not _rest_follows(line, figure.end)
        ):
            # "you can clear it today with $1,284.37": "today" says when, the sum still ends
            # the debt (a partial payment needs a word of its own: first, down payment, 先还).
            nearest = next(lab for lab in reversed(strong) if lab.role == "settlement")
        if _role(nearest) not in roles:
            roles.append(_role(nearest))
        # A remainder or a waiver named earlier in the stretch still frames the figure
        # ("剩下的钱分3期，每期…" is an instalment of the remainder).
        for lab in reversed(strong[:-1]):
            role = _role(lab)
            if role not in roles and role in ("total", "remainder", "after_waiver", "plan_fee"):
                if role == "total" and roles[0] in ("monthly", "minimum", "plan_fee", "remainder"):
                    continue
                roles.append(role)
    elif weak:
        roles.append(_role(weak[-1]))

    sentence = line.sentence_of(figure.start)
    s_start, s_end = line.sentences[sentence]
    topics = tuple(
        dict.fromkeys(
            _role(lab)
            for lab in labels[bisect_left(starts, s_start) : bisect_left(starts, s_end)]
            if lab.role not in _WEAK and lab.role not in _NEUTRAL and lab.role not in _AFTER_ONLY
        )
    )
    head = low[max(c_start, prev_end, figure.start - _NEGATION_REACH) : figure.start]
    # "还了两千以后还剩…": the payment is reported, what it leaves is said by the trainee.
    r_start = prev_end if roles[:1] == ["remainder"] else c_start
    said = _REPORTED_RE.search(low, r_start, figure.start)
    if (
        said is not None
        and roles[:1] in (["remainder"], ["total"])
        and said.start() >= prev_end > c_start
    ):
        # "take off the $500 you sent and you're at…": the payment is reported, the balance
        # it leaves (joined by "and", "so") is said by the trainee.
        joined = _JOINED_AFTER.search(low, said.end(), figure.start)
        said = None if joined is not None else said
    reported = (
        said is not None
        and not (
            _HYPOTHETICAL.search(low, c_start, figure.start)  # "if you paid $500 now, …"
            # "还了最低以后还欠…": a payment supposed, then what it leaves, said by the trainee.
            or (
                roles[:1] in (["remainder"], ["total"])
                and _THEN.search(low, said.end(), figure.start)
            )
            # "还了最低6698.4以后，剩下…": the payment itself supposed, then what it leaves
            # ("您还了2000以后…" says who paid: a payment reported)
            or (
                _SUPPOSED_THEN.match(low, figure.end) is not None
                and not said.group(0).startswith(("您", "你"))
            )
        )
    )
    if (
        reported
        and said is not None
        and taken is not None
        and low.startswith("的", said.end())
        and _COPULA_ZH.search(low, figure.end, taken)
    ):
        # "您说的六千是本金": the figure the debtor named, said by the trainee to be a quantity
        reported = False
    # A bare figure put as the question is asked, not claimed; one the trainee labels as the
    # account's ("您一共欠的是5330.5吗？") still tells the debtor what they owe, and is checked.
    asked = not roles and _asked(low, figure)
    skip = bool(_NEGATED_RE.search(head)) or reported or asked
    reading = FigureReading(figure, tuple(roles), compound, topics, skip, sentence)
    return reading, taken


# A figure put as the question itself ("是5200吗？", "Is it $2,400?"): asked, not claimed
# (a claim with a tag question, "一共欠5230.5，是吧？", "你是不是欠5330.5？", stays a claim).
_ASKED_BEFORE = re.compile(r"(?:(?<![不])是|\b(?:is|was)\s++it)\s*+[$¥]?\s*+$")
_ASKED_AFTER = re.compile(r"\s*+(?:元|块|块钱|dollars)?\s*+(?:吗|么|嘛)?\s*+[？?]")


def _asked(low: str, figure: AmountMention) -> bool:
    return (
        _ASKED_BEFORE.search(low, max(0, figure.start - 12), figure.start) is not None
        and _ASKED_AFTER.match(low, figure.end) is not None
    )


# "the (remaining) balance after your $500 (payment) would be…": what the balance is after a
# payment said before the figure, in its sentence.
_AFTER_PAYMENT = re.compile(
    r"(?:balance|remaining|rest|total|owe\w*|left)\s++(?:\w+\s++){0,2}?(?:after|once)\s++"
    r"(?:your|a|the|that|this|her|his|their)\s*+\$"
)


def _after_payment(
    line: LineFigures, readings: list[FigureReading], reading: FigureReading
) -> FigureReading:
    """A figure named by nothing (or by a verb) after "the balance after your $500 (payment)
    would be…": the remainder, once the payment figure stands between the words and it. The
    persona (simulator.engine.negotiation) reads it as what is left, as accuracy does."""
    if not any(t in reading.topics for t in ("remainder", "total")):
        return reading
    low, start = line.low, reading.mention.start
    said = _AFTER_PAYMENT.search(low, sentence_start(low, start), start)
    if said is None:
        return reading
    paid = [
        r
        for r in readings
        if said.end() - 1 <= r.mention.start < start and not r.skip and not r.mention.approx
    ]
    return replace(reading, roles=("remainder",)) if paid else reading


# "…or $241.06 for 6", "或者…", "还是…": a figure offered as the alternative of the one before.
# The alternative may name its own count: "or six at $241.06", "or 6 payments of…", "36期是…".
_OR_RE = re.compile(
    r"(?:\bor|或者?|还是|要么)\s*+(?:(?:[0-9]{1,2}|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|eighteen|twenty-four|thirty-six)\s++(?:(?:monthly\s++)?(?:months?|payments?"
    r"|install?ments?)\s++)?(?:at|of|for)\s++(?:about\s++|around\s++|roughly\s++)?)?(?:\$|¥)?\s*+$"
    r"|[，,]\s*+(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*+期(?:的话)?\s*+(?:是|就是|每期|每个?月)\s*+$"
)


def _alternative(low: str, before: FigureReading, reading: FigureReading) -> FigureReading:
    """A figure named by nothing, said as the alternative of the figure before it in its
    sentence ("$428.12 a month for 3 months or $241.06 for 6"), has that figure's role."""
    if (
        before.roles
        and before.sentence == reading.sentence
        and _OR_RE.search(low, before.mention.end, reading.mention.start)
    ):
        return replace(reading, roles=before.roles[:1], compound=before.compound)
    return reading


# "6230.5，这是您目前的逾期总额", "$4,394.62, that's your full balance": a clause that opens
# with a copula names the figure that ends the clause before it.
_NAMED_NEXT = re.compile(
    r"\s*+(?:元|块|dollars?|bucks)?\s*+[，,]\s*+(?:(?:这|那)(?:个|笔)?\s*+(?:就|也就|都)?\s*+(?:是|为)"
    r"|(?:也)?就是|即|(?:that'?s|that\s++is|which\s++is|which'?s|this\s++is|it'?s)\b)\s*+"
)
# The ledger quantities such a clause may name.
_NAMED_NEXT_ROLES = frozenset(
    {"total", "principal", "interest", "late_fee", "penalty", "minimum", "monthly", "plan_fee"}
)


def _named_next(
    line: LineFigures, figures: list[AmountMention], index: int, reading: FigureReading
) -> FigureReading:
    """A figure at the end of its clause, named by the copula clause after it: that label's
    quantity ("您先还709.88，就是最低还款" is the minimum, not a free payment)."""
    low = line.low
    said = _NAMED_NEXT.match(low, figures[index].end)
    if said is None:
        return reading
    following = figures[index + 1].start if index + 1 < len(figures) else len(low)
    at = bisect_left(line.label_starts, said.end())
    for lab in line.labels[at:]:
        if lab.start >= following or lab.role in _WEAK or lab.role in _NEUTRAL:
            continue
        gap = low[said.end() : lab.start]
        # (the copula took the space before the gap's first word: "that's| your late fee")
        if lab.role in _NAMED_NEXT_ROLES and (
            _AFTER_GAP_ZH.fullmatch(gap) or _AFTER_GAP_EN.fullmatch(" " + gap)
        ):
            return replace(reading, roles=(lab.role, *reading.roles))  # type: ignore[arg-type]
        break
    return reading


# A label ending the clause right before a figure that opens its own: "您先还个最低，623.05就行",
# "the minimum, $523.05, by Friday"; "利息这块，2,103.75" (这块 / 这部分 points back at the
# label, it is no amount).
_LABEL_THEN_BREAK = re.compile(
    r"\s*+(?:这一?块|那一?块|这部分|这边)?\s*+(?:的话|呢|啊|吧|是|is)?\s*+[，,:：]\s*+(?:\$|¥)?\s*+$"
)


def _named_before_break(
    line: LineFigures, figures: list[AmountMention], index: int, reading: FigureReading
) -> FigureReading:
    low, start = line.low, figures[index].start
    since = figures[index - 1].end if index else 0
    at = bisect_left(line.label_starts, start) - 1
    if at < 0:
        return reading
    lab = line.labels[at]
    if (
        # (a label in the clause of the figure before is that figure's: "$75 in fees, $2,486.40")
        clause_start(low, lab.start) < since
        or lab.role not in _NAMED_NEXT_ROLES
        or _LABEL_THEN_BREAK.fullmatch(low, lab.end, start) is None
    ):
        return reading
    return replace(reading, roles=(_role(lab),))


# "from 1284.37, take off $100, and you're at…": arithmetic on the figure said before, a
# payment taken off it (a waiver is not worked out from a sum: "knock $75 off the fees").
_FROM_BEFORE = re.compile(r"\bfrom\s*+(?:\$\s*+)?$")
_TAKE_OFF = re.compile(r"[\s,]*+(?:take\s++off|minus|subtract\w*|deduct\w*)\s*+(?:\$\s*+)?$")


def _taken_from(low: str, before: FigureReading, reading: FigureReading) -> bool:
    start = before.mention.start
    return bool(
        _FROM_BEFORE.search(low, max(0, start - 8), start)
        and _TAKE_OFF.fullmatch(low, before.mention.end, reading.mention.start)
    )


# Between a rough figure and the exact one that spells it out: "，准确是", "，具体说是",
# ", to be exact, ", ", exactly".
_SPELLS_OUT = re.compile(
    r"\s*+(?:元|块|dollars?|bucks)?\s*+[，,:：]\s*+(?:(?:准确|确切|具体|精确|实际|详细)(?:地|的|来)?\s*+"
    r"(?:说|讲|数|数字|金额)?\s*+(?:是|为|就是)?"
    r"|(?:(?:to\s++be\s++)?(?:exact|precise)(?:ly)?|specifically|actually)\s*+,?\s*+(?:it'?s|that'?s)?)?"
    r"\s*+(?:\$|¥)?\s*+"
)


def _spells_out(low: str, before: FigureReading, reading: FigureReading) -> bool:
    """The figure spells out the rough one said right before it, in the same sentence."""
    return (
        bool(before.mention.approx)
        and not reading.mention.approx
        and not before.skip
        and before.sentence == reading.sentence
        and _SPELLS_OUT.fullmatch(low, before.mention.end, reading.mention.start) is not None
    )


# A correction between two figures: the second replaces the first.
_CORRECTION_RE = re.compile(
    r"不对|说错了?|搞错了?|看错了?|口误|更正|应该是|不好意思|抱歉|对不起|"
    # "5200，啊不是，5230.5", "500，哦不，523.05" (not "是5230.5，不是5320.5": a comma follows)
    r"(?:不是){1,2}的?\s*+[，,]|(?<=[哦噢啊呃])不\s*+[，,]|"
    r"\bsorry\b|\bno\s++wait\b|\bwait\b|\bi\s++mean\b|\b(?:er|uh|um)\b[\s,]*+actually\b"
    r"|\bcorrection\b|\bscratch\s++that\b|\bmake\s++that\b|\bmy\s++(?:bad|mistake)\b"
)


def _corrects(low: str, before: FigureReading, reading: FigureReading) -> bool:
    """The figure is said to put the one before it right ("5230.5，哦不对，是5203.5", "4812.5.
    Wait, sorry, 4821.5"): a correction word between them, and no other figure or label."""
    gap = low[before.mention.end : reading.mention.start]
    return len(gap) <= 24 and _CORRECTION_RE.search(gap) is not None and not before.skip


# What a payment leaves, said after it: "还了最低以后…", "还完之后…", "once that's paid…".
_THEN = re.compile(r"以后|之后|过后|完后|(?<![以之然])后(?![面边来])|\bafter\s++that\b|\bthen\b")
# A payment supposed, not reported: "if you paid…", "要是您还了…".
_SUPPOSED_THEN = re.compile(r"\s*+(?:元|块)?\s*+(?:以后|之后|过后|(?<![以之然])后(?![面边来]))")
_HYPOTHETICAL = re.compile(r"\bif\b|\bsuppose\b|如果|要是|假如|假设")


def _excluded_before(line: LineFigures, position: int, since: int) -> tuple[Role, ...]:
    """Parts left out of the total earlier in the sentence, with no figure said since:
    "不算利息和滞纳金的话，您欠的是…", "without the late fee, it comes to…"."""
    low, labels, starts = line.low, line.labels, line.label_starts
    s_start = sentence_start(low, position)
    before = labels[bisect_left(starts, s_start) : bisect_left(starts, position)]
    parts = [lab for lab in before if lab.role in _PARTS]
    if not parts:
        return ()
    chain = [parts[-1]]
    for lab in reversed(parts[:-1]):
        if not _JOIN_RE.fullmatch(low[lab.end : chain[0].start]):
            break
        chain.insert(0, lab)
    head = chain[0].start
    if head < since or not _EXCLUDING_RE.search(low, max(s_start, head - 16), head):
        return ()
    return tuple(dict.fromkeys(_role(lab) for lab in chain))


def _role(label: Label) -> Role:
    # Every label but "date" is a Role, once a before-only label is given its role.
    return _BEFORE_ONLY.get(label.role, label.role)  # type: ignore[return-value]


_PARTS = ("principal", "interest", "late_fee", "penalty", "plan_fee")


def _compound_after(low: str, after: list[Label]) -> tuple[Role, ...]:
    """Parts joined after the figure: "230块5是利息加滞纳金", "$321.65 is interest and fees"."""
    if not after or after[0].role not in _PARTS:
        return ()
    chain = [after[0]]
    for lab in after[1:]:
        if lab.role not in _PARTS or not _JOIN_RE.fullmatch(low[chain[-1].end : lab.start]):
            break
        chain.append(lab)
    return tuple(dict.fromkeys(_role(lab) for lab in chain)) if len(chain) >= 2 else ()


def _compound(low: str, strong: list[Label]) -> tuple[Role, ...]:
    """Parts joined by 加/和/plus/and before the figure, a sum word or none after them:
    "本金加利息是…", "利息和滞纳金一共…", "interest and late fees together come to…"."""
    items = list(strong)
    while items and items[-1].role == "total":
        items.pop()  # "一共", "come to", "in total" after the parts
    chain: list[Label] = []
    for lab in reversed(items):
        if lab.role not in _PARTS:
            break
        if chain and not _JOIN_RE.fullmatch(low[lab.end : chain[-1].start]):
            break
        chain.append(lab)
    if len(chain) < 2:
        return ()
    return tuple(dict.fromkeys(_role(lab) for lab in reversed(chain)))
