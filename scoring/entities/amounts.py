"""Money amounts in a line: CNY or USD, in digits ("¥5,230.50", "5.2k", "1.5万"), Chinese numerals
with 元/角/分 or 块/毛/分 ("五千二百三十块五毛"), 大写 ("伍仟贰佰叁拾元伍角") or English words
("two thousand three hundred dollars").

Detection is deliberately conservative: a bare integer only counts as money with a currency
marker or an amount cue word shortly before it, and never when it is followed by a date / count /
time unit or preceded by a card / phone / ordinal marker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal, cast

from scoring.entities._view import RX, LineView, line_view
from scoring.entities.counts import restated_counts
from scoring.entities.dates import date_candidates
from scoring.entities.numerals import (
    CN_BIG_UNITS,
    CN_DIGIT_CHARS,
    CN_DIGITS,
    CN_NONZERO_DIGIT_CLASS,
    CN_NUM_CHARS,
    CN_UNIT_CHARS,
    EN_NUM,
    EN_NUM_RE,
    LEAD_NUM,
    clean_decimal,
    en_words_to_int,
    parse_numeral,
)
from scoring.entities.ranges import range_spans

__all__ = ["BALANCE_AT", "AmountMention", "extract_amounts"]

# "take off $100, and you're at eleven eighty-four thirty-seven": the balance a figure leaves.
BALANCE_AT = (
    r"(?:you'?re|you\s++are|you'?d\s++be|you'?ll\s++be|(?:(?:that|it)\s++)?puts\s++you)\s++at"
)


Approx = Literal["", "about", "over", "under", "near", "hair", "range"]
# "About" and "nearly" claim closeness: within this share of the figure, besides the rounding
# (a twentieth: what rounding to two significant figures can move it; "about $400" is not
# $428.12, "about $2,500" is $2,486.40).
_CLOSE_SHARE = Decimal("0.05")
_NEAR_SHARE = Decimal("0.03")


@dataclass(frozen=True, slots=True)
class AmountMention:
    value: Decimal  # in currency units, e.g. Decimal("5230.50")
    raw: str  # the exact substring of the input text it came from
    start: int  # offsets into the input text
    end: int
    # An approximation said as such: "about" (大概, 左右, 来, around, or so), "over" (多, 余, 出头,
    # more than), "under" (不到, less than) or "near" (将近, 快, almost, nearly); "" for a figure
    # said exactly.
    approx: Approx = ""
    # The other reading of a figure said as two spoken pairs with no unit: "ninety-eight
    # seventeen" is $9,817 or $98.17 (as a charge is read aloud); the ledger tells them apart.
    alt: Decimal | None = None

    @property
    def step(self) -> Decimal:
        """The place the figure is given to: 10000 for 四万, 100 for 2,500, 0.1 for 5230.5."""
        value = abs(self.value)
        if value == 0:
            return Decimal(1)
        exponent = value.normalize().as_tuple().exponent
        return Decimal(10) ** exponent if isinstance(exponent, int) else Decimal(1)

    def covers(self, figure: Decimal) -> bool:
        """Whether ``figure`` is what an approximation means: 四万多 is 40,000 to 50,000, "about
        $2,500" 2,450 to 2,600 (rounded or cut), 将近四万二 41,500 to 42,000; "about" and
        "nearly" also stay within a twentieth of the figure ("about $400" is not $428.12). An
        exact figure covers only itself."""
        value, step = self.value, self.step
        close = abs(figure - value) <= abs(figure) * _CLOSE_SHARE
        if self.approx == "about":
            return value - step / 2 <= figure < value + step and close
        if self.approx == "over":
            return value <= figure < value + step
        if self.approx == "under":
            return value - step < figure <= value
        if self.approx == "hair":
            # "a hair under twenty-five hundred": within half the last place said.
            return value - step / 2 <= figure <= value
        if self.approx == "range":
            # "五千二三百": from the low end to the high end's next step (5,200 to 5,399).
            return value <= figure < value + 2 * step
        if self.approx == "near":
            # "快两万一" is 20,500 to 21,000: almost there means within half the last place said,
            # or, for a figure said to the hundred, a thirtieth of it ("just under $3,500" for
            # $3,412.86; 将近四万二 stays 41,500 to 42,000).
            slack = step / 2 if step >= 1000 else max(step / 2, value * _NEAR_SHARE)
            return value - slack < figure <= value and close
        return figure == value


# Cheap scan for stretches that may hold numbers; _NUM_RUN_RE then splits each stretch.
_NUM_STRETCH_RE = re.compile(rf"[0-9{CN_NUM_CHARS}][0-9,.点{CN_NUM_CHARS}]*+", RX)
_NUM_RUN_RE = re.compile(
    # One number: Arabic (with optional thousands commas / decimals), Chinese numeral characters
    # or a mix ("1.5万"). A single possessive loop keeps this linear on any input.
    rf"{LEAD_NUM}(?<![0-9])(?<![0-9][.,])"
    r"(?:(?>[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))++(?:\.[0-9]++)?|[0-9]++(?:\.[0-9]++)?)"
    rf"|[{CN_NUM_CHARS}]|点(?=[{CN_DIGIT_CHARS}]))++",
    RX,
)
# No one owes a quadrillion: a longer run of digits ("$一一一…", a pasted number) is no
# amount, and beyond 28 digits Decimal arithmetic on it would fail.
_MAX_VALUE = Decimal(10) ** 15
_TWO_DECIMALS_RE = re.compile(r"[0-9][0-9,]*\.[0-9]{2}", RX)
# China's five-digit service numbers: 12345 and the regulators' 123xx hotlines (12378 the banking
# regulator's complaint line), banks' 95xxx and 96xxx.
_HOTLINE_RE = re.compile(r"(?:12|95|96)[0-9]{3}", RX)
_TWO_DECIMALS_BLOCK_RE = re.compile(r"\s*+(?:[%个期次倍岁]|percent\b|times\b)", RX)
_MULTIPLIER_RE = re.compile(
    r"\s?(?:(?P<k>k)|thousand|(?P<grand>grand)|(?P<mil>million)|(?P<hundred>hundred))\b", RX
)
_PREFIX_RE = re.compile(r"(?:us\$|\$|¥|\b(?:rmb|cny|usd)|人民币)\s?$", RX)
_UNIT_RE = re.compile(
    r"\s?(?:(?P<yuan>元|圆|块|快(?=_JIAO_))(?P<qian>钱)?|美元|美金|人民币|(?P<dollars>dollars?|bucks?|usd)\b"
    r"|(?:rmb|cny|yuan)\b)",
    RX,
)
# 快 typed for its homophone 块 between a number and one digit: "五千二百三十快五" (but
# "快五千" and "快五天" are "almost").
_UNIT_RE = re.compile(
    _UNIT_RE.pattern.replace(
        "_JIAO_", rf"[1-9{CN_DIGIT_CHARS}](?![0-9{CN_NUM_CHARS}.天日号期个月年点分钟小时%次周岁])"
    ),
    RX,
)
# "这一块" / "那一块": the demonstrative makes 一块 a part of something, not a sum.
_DEMONSTRATIVES = frozenset("这那哪這")
_SUBUNIT_DIGIT = rf"(?:[0-9]|[{CN_DIGIT_CHARS}])"
# 角/毛 then 分, or a bare digit after 毛/角 that is the 分 ("七毛八" is .78, as said aloud).
# 分 that starts an instalment split, not a 分 of money: "剩下3230块5分3期".
_SPLIT_AHEAD = rf"分\s*+[成为]?\s*+[0-9{CN_DIGIT_CHARS}十]+\s*+(?:期|个月|次)"
# 分 then 期 is the word 分期 (an instalment plan): "七毛八分期12个月" is .78, then the plan.
_SUBUNIT_RE = re.compile(
    rf"零?\s?(?P<jiao>{_SUBUNIT_DIGIT})\s?[角毛](?:\s?零?\s?(?P<fen1>{_SUBUNIT_DIGIT})\s?分(?![钟期])"
    # "一毛四一个月" is .14 a month: 一 then 个月/期 starts "a month", not a third digit.
    rf"|(?P<fen2>[1-9]|{CN_NONZERO_DIGIT_CLASS})"
    rf"(?:(?=一\s*+(?:期|个?月))|(?![0-9{CN_NUM_CHARS}.天日号期个月年点钟小时%次周岁]|分(?!期))))?"
    rf"|零\s?(?P<fen0>{_SUBUNIT_DIGIT})\s?分(?![钟期])"
    rf"|(?P<fen>{_SUBUNIT_DIGIT})\s?(?!{_SPLIT_AHEAD})分(?![钟期])",
    RX,
)
# "5230块5" == 5230.5 ("5" tenths), unless the digit starts something else ("500块5天内");
# "1743块5一期" is 1743.5 a period.
_COLLOQUIAL_JIAO_RE = re.compile(
    rf"(?P<d>[1-9]|{CN_NONZERO_DIGIT_CLASS})"
    rf"(?:(?=一\s*+(?:期|个?月))|(?![0-9{CN_NUM_CHARS}.天日号期个年点钟小时%次周岁]|月(?![底末])))"
    rf"(?!分(?!期|{_SPLIT_AHEAD[1:]}))",
    RX,
)
# "523块零5" == 523.05: 零 then one digit after 块 is the 分, as said aloud.
_COLLOQUIAL_FEN_RE = re.compile(
    rf"零\s?(?P<f>[1-9]|{CN_NONZERO_DIGIT_CLASS})"
    rf"(?![0-9{CN_NUM_CHARS}.天日号期个月年点钟小时%次周岁角毛])",
    RX,
)
# "909块88" == 909.88: two digits after 块 are its 角 and 分, as said aloud.
_COLLOQUIAL_CENTS_RE = re.compile(
    rf"(?P<d>[0-9])(?P<f>[0-9])(?![0-9{CN_NUM_CHARS}.天日号期个月年点分钟小时%次周岁])"
    # "八千一百八十八块九二", "四千七百零七块四五": the same two digits said in Chinese
    rf"|(?P<dz>{CN_NONZERO_DIGIT_CLASS}|零)(?P<fz>{CN_NONZERO_DIGIT_CLASS})"
    rf"(?![0-9{CN_NUM_CHARS}.天日号期个月年点分钟小时%次周岁角毛])",
    RX,
)
_AMOUNT_TAIL_RE = re.compile(r"钱|整", RX)
# Approximations said as such. 多 / 余 / 来 right after the number ("四万多", "两万来块"): not
# before a count or measure word ("十多天", "两千多个"), nor in 余额; 来 only before a unit.
_OVER_FIRST = frozenset("多余来")
_OVER_AFTER_RE = re.compile(
    r"(?:(?P<over>多(?![少个天日月年期次人岁位家笔条张倍])|余(?![额下])|(?P<about>来)(?=\s?[块元]))"
    r"(?:\s*+出头)?)",
    RX,
)
# "多点" / "多一点儿" after a rough sum: a little more than it.
_A_LITTLE_RE = re.compile(r"\s*+一?点点?儿?(?![0-9一二两三四五六七八九十半钟])", RX)
_HEDGE_WINDOW = 16
_HEDGE_GAP_ZH = r"\s*+(?:是|有|在|为|就是|要|欠了?|还有|一共|总共|共|需要还|要还|得还|应还)?\s*+"
# A hedged numeral in thousands or more is a sum even with no unit ("大概五千七左右").
_ROUGH_UNITS = frozenset("千仟万萬亿億")
_HEDGE_BEFORE_ZH_RE = re.compile(
    r"(?:(?P<about>大概|大约|(?<!预)约|差不多|估计|大致)|(?P<over>超过|多于)|(?P<under>不到|不足|小于)"
    rf"|(?P<near>将近|接近|(?<![尽赶最])[快近]))(?:{_HEDGE_GAP_ZH})$",
    RX,
)
_HEDGE_BEFORE_EN_RE = re.compile(
    # "like 2,500 bucks" in chat is "about"; "I'd like $500" and "would like" are a wish.
    r"\b(?:somewhere\s++)?(?:(?P<about>about|'?bout|abt|around|approximately|approx\.?|roughly|some|call\s++it"
    r"|(?<!would\s)(?<!'d\s)(?<!\bi\s)(?<!\bwe\s)(?<!\byou\s)(?<!\bthey\s)(?<!\bdon't\s)like"
    r"|in\s++the\s++(?:range|neighbou?rhood|ballpark)\s++of)"
    r"|(?P<over>over|more\s++than|(?:just|a\s++(?:little|bit))\s++(?:over|more\s++than)|upwards\s++of"
    r"|north\s++of|above)"
    r"|(?P<hair>(?:just\s++)?a\s++(?:hair|whisker|smidge|tad|touch)\s++(?:under|below|shy\s++of|less\s++than))"
    r"|(?P<near>(?:just|a\s++(?:little|bit))\s++(?:under|less\s++than)|nearly|almost|not\s++quite"
    r"|close\s++to|shy\s++of)"
    r"|(?P<under>under|less\s++than))\s*+$",
    RX,
)
_HEDGE_AFTER_RE = re.compile(
    r"\s*+(?:(?P<about>左右|上下|,?\s*+(?:or\s++so|give\s++or\s++take)\b|-?ish\b)|(?P<over>(?<=[块元])多(?![少个天日月年期次])|出头|以上|(?:or\s++more)\b|,?\s*+and\s++change\b)"
    r"|(?P<under>以下|(?<=[块元钱0-9一二两三四五六七八九十百千万])\s*+不到(?:一点点?儿?(?![0-9一二两三四五六七八九十半钟])|(?![一二两三四五六七八九十0-9]))"
    r"|(?:or\s++less)\b))",
    RX,
)
# Whole dollars then cents: "2,486 dollars and 40 cents", "$2,486 and forty cents".
_CENTS_RE = re.compile(
    rf"\s*+,?\s*+(?:and\s++)?(?P<c>[0-9]{{1,2}}|{EN_NUM})\s*+(?:cents?\b|¢)",
    RX,
)
# After a bare number these mean it is a date, a count, a time, a rate... not money.
_BLOCK_AFTER_RE = re.compile(
    r"\s*+(?:[天日号月年期个%岁次人点周笔张条位家份成倍折层楼秒克斤米度步几多余来]|小时|星期|礼拜"
    # 分 is minutes/points, except "一万二分12期" where it starts an instalment plan.
    rf"|分(?!\s*+[成为]?\s*+[0-9{CN_DIGIT_CHARS}十])"
    r"|[-~到至]\s*+[0-9]"
    r"|-?\s*+(?:days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|seconds?|secs?"
    r"|install?ments?|payments?|monthly\s++(?:payments?|install?ments?)|times|percent|pct"
    r"|people|persons?|am|pm|a\.m|p\.m|o'?clock|st|nd|rd|th|x)\b)",
    RX,
)
# After a figure with a currency marker, a payment is what the figure is: "a $147.40 payment".
_PAYMENT_AFTER_RE = re.compile(r"\s*+(?:monthly\s++)?(?:install?ments?|payments?)\b", RX)
# Right before a bare number these mean it is a card / phone / ordinal / time reference.
# (Chinese and English variants are separate: the English one only runs on lines with letters.)
_PRE_BLOCK_ZH_RE = re.compile(
    r"第|尾号|尾数|末尾|末四位|后四位|末4位|后4位|卡号|账号|帐号|号码|电话|手机号?|编号|工号|单号"
    r"|订单号?|验证码|密码|房间|房号|分机|百分之|利率|年化|费率|汇率|#",
    RX,
)
_PRE_BLOCK_EN_RE = re.compile(
    r"\b(?:no\.|number|ending(?:\s++in)?|ends?\s++(?:in|with)|last\s++(?:4|four)(?:\s++digits)?"
    r"|card|account|acct|ext\.?|phone|tel|call|room|rate|by|on|in|before|until|till|within|after"
    r"|since)\b",
    RX,
)
_PRE_BLOCK_GAP_RE = re.compile(r"\s*+[:是为]?\s*+", RX)
_CUE_ZH_RE = re.compile(
    r"欠款|欠|应还|最低还款额?|最低|还款额?|还款|还|总共|一共|共计|总计|共|合计|总额|金额|余额|本金|利息"
    r"|滞纳金|手续费|违约金|逾期费用?|罚金|罚息|每期|(?<![这本当上第])一期|每个?月|一个月|首付|先付|付款|付|打款|转账|结清|剩余|剩下|还剩|剩|余款|余额|尾款|差的|差额|后面的|减完|免完|减|免(?![费息])"
    r"|工资|收入|月薪|薪水|全额|全部|账单|月供|减免|免掉|免除|账上|显示|透支|本息|本利|连本带[息利]|优惠"
    # spoken payment verbs: "先拿三千过来", "月底凑五千"
    # (only right before the figure: "拿出手机…12378" names no sum)
    r"|(?:先拿|能拿|拿出来?|凑齐|凑出|凑够|凑|先转|先打|先交)(?=\s*+[0-9一二两三四五六七八九十])"
    # a sum taken off: "扣掉您转的2000", "刨去两千", "去掉您提过的一千"
    r"|扣掉|扣除|刨去|刨掉|去掉|除去"
    # A correction names the figure it puts right: "5230.5，哦不对，是5203.5".
    r"|不对|说错了|搞错了|看错了|口误|更正|应该是"
    # The real figure set against the debtor's: "您说只欠三千？实际是5330.5".
    r"|(?:实际上?|其实)(?:是|为)"
    # "5200，啊不是，5230.5", "是5000吗？不是的，是5230.5"
    r"|(?:(?:不是){1,2}的?|(?<=[哦噢啊呃])不)\s*+[，,]\s*+(?:是|就是)?"
    # An apology right after a figure corrects it: "5,320，不好意思，5,230.50".
    r"|(?<=[0-9元块])\s*+[，,]?\s*+(?:不好意思|抱歉|对不起)"
    # Arithmetic after a figure: "5000加180.5加50", "5230.5减2000", "=5230.5", "一万二再加…".
    rf"|(?<=[0-9元块{CN_NUM_CHARS}])\s*+再?(?:加上|加|减去|减|[+=-])",
    RX,
)
_CUE_EN_RE = re.compile(
    r"\b(?:owe[sd]?|owing|balance|total|pay\w*|paid|amount|due|overdue|fees?|interest|minimum"
    r"|principal|outstanding|debt|arrears|settle\w*|transfer\w*|install?ments?|salary|income"
    r"|rent|earn\w*|bill|comes?\s++(?:out\s++)?to|works?\s++out\s++to|shows?|leaves?|leaving|remaining|rest|left|waiv\w*"
    r"|monthly|each|per|(?:months?|payments?|install?ments?)\s++at|send\w*|sent|put(?:ting)?"
    r"|(?:last|final)\s++one(?:\s++(?:is|at|of))?"  # "with the last one four twenty-eight fourteen"
    # the balance a figure leaves
    rf"|{BALANCE_AT}"
    # spoken payment verbs: "knock out two hundred", "throw in fifty", "come up with a grand"
    r"|knock\w*\s++out|throw\w*\s++(?:in|down)|chip\w*\s++in|come\s++up\s++with|swing|manage"
    # what the debt is brought down to: "knock it down to two thousand", "drop it to…"
    r"|down\s++to|(?:reduc|lower)\w*\s++(?:it|that|this|(?:the|your)\s++(?:balance|total|debt))\s++to"
    r"|sorry|no\s++wait|i\s++mean|correction|scratch\s++that|make\s++that|my\s++(?:bad|mistake))"
    r"|(?<=[0-9])\s*+(?:\bplus\b|\bminus\b|[+=])",
    RX,
)
_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}", RX)
_YEAR_NOUN_RE = re.compile(r"\s++(?:account|loan|debt|card|bill|statement|tax|model|car)\b", RX)
# A label right after a bare number makes it money too: "7777是您的欠款", "246 in interest".
_CUE_AFTER_RE = re.compile(
    # (or in the next clause: "6230.5，这是您目前的逾期总额", "…，就是最低还款")
    r"\s*+(?:[，,]\s*+(?:(?:这|那)(?:个|笔)?\s*+(?:就|也就)?\s*+(?=是|为)|(?=(?:也)?就是)))?"
    r"(?:是|为|就是|也就是)?\s*+(?:您|你)?\s*+(?:(?:的|目前的?|现在的?|全部的?|所有的?)\s*+)*+"
    r"(?:欠款|逾期总额|逾期金额|总欠款|应还金额"
    r"|利息|本金|滞纳金|罚息|违约金|最低还款|月供|手续费|没还|未还|剩下|剩余)"
    # "五百整": a sum said to the yuan (not 整个, 整天, 整年)
    r"|\s*+(?:元|块)?\s*+整(?![个天年月齐理体])"
    # "能把6230.5还上吗", "先把两千转过来": a sum paid
    r"|\s*+(?:元|块)?\s*+(?:还上|还清|还掉|转过来|打过来|交上)"
    # "4394.62, that's your total balance": the next clause says what the figure was
    r"|\s*+[,;:—–]\s*+(?:that'?s|that\s++is|which\s++is|this\s++is|it'?s)\s++(?:the\s++|your\s++)?"
    r"(?:full\s++|total\s++|current\s++|entire\s++)?(?:balance|total|amount\s++due|principal|interest"
    r"|minimum|late\s++fee|payoff|monthly\s++payment|what\s++you\s++owe)"
    r"|\s++(?:(?:is|was)\s++(?:the\s++|your\s++)?(?:full\s++|total\s++)?(?:balance|total|amount\s++due"
    r"|principal|interest|minimum|what\s++you\s++owe"
    r"|what(?:'s|\s++is)\s++(?:owed|owing|due|outstanding)|what\s++(?:she|he|they)\s++owes?)|in\s++(?:interest|principal|late\s++fees?|fees)"
    r"|(?:a|per|each|every)\s++(?:month|payment|install?ment)|/\s*+mo(?:nth)?|monthly|past\s++due|outstanding|owed|total|altogether|all\s++together"
    r"|(?:is|are|was)\s++(?:still\s++)?(?:owed|owing|outstanding|past\s++due)|is\s++the\s++(?:figure|number)"
    r"|in\s++all|all\s++in|(?:is|are|would\s++be|will\s++be)\s++(?:left|remaining|what(?:'s|\s++is)\s++left)"
    r"|left\s++(?:over|to\s++pay|on\s++the)|remains?|to\s++go"
    # a payment put down: "after 800 down the rest is…", "500 up front"
    r"|down(?!\s++to\b)|up\s*+front"
    # what an account carries: "roughly forty-three hundred on it"
    r"|on\s++(?:it|there|the\s++(?:card|account|loan)))\b"
    # A figure put as a question to confirm: "是5320.5对吧？", "4394.62, right?".
    r"|\s*+(?:元|块)?\s*+(?:对吧|对不对|对吗|是吧|是吗|没错吧|没错吗)"
    r"|\s*+,?\s*+(?:right|correct|is\s++that\s++right|yeah)\s*+\?"
    # The first figure of a sum: "5000加180.5加50", "2164.75 + 246.65", "一万二加八百…".
    rf"|\s*+(?:加上|加|\+|\bplus\b)\s*+(?:\$|¥)?\s*+[0-9{CN_DIGIT_CHARS}]",
    RX,
)
# Between a cue and its number: at most this many characters, none of them a digit or an
# end of sentence ("还有3天，500" must not read 500 as "还").
_CUE_MAX_GAP = 12
_SHARE_IN_GAP_RE = re.compile(r"一半|[一二三四五六七八九]成|百分之[一二三四五六七八九十]+", RX)
_CUE_GAP_BAD_RE = re.compile(rf"[0-9{CN_NUM_CHARS}。！？!?;；\n]", RX)
_EN_AMOUNT_UNIT_RE = re.compile(
    r"\s*+(?:(?P<dollars>dollars?|bucks?|usd)\b|(?P<grand>grand)\b|(?:rmb|yuan)\b|元|块)", RX
)
_EN_SPLIT_RE = re.compile(r"[\s-]+", RX)
# "two and a half grand", "one and a half thousand": the half and its scale after the words.
_AND_A_HALF_RE = re.compile(
    r"\s++and\s++a\s++half\s++(?:(?P<grand>grand|k)|(?P<thousand>thousand)|(?P<hundred>hundred))\b",
    RX,
)
_EN_AMOUNT_TRIGGERS = (
    "dollar", "buck", "usd", "rmb", "yuan", "元", "块", "hundred", "thousand", "million", "billion",
    "grand", "balance", "total", "owe", "together", "interest", "principal", "minimum", "amount",
    "due", "left", "remain", "fee", "cent", "pay", "send", "put", "knock", "throw", "chip", "swing",
    "month",
    # what is left, a payment made, a balance shortened: "the rest is nineteen eighty-six fifty",
    # "that leaves ten thirty-four", "bal forty-eight twelve sixty", "per payment", "/mo"
    "rest", "leav", "paid", "bal", "per", "/mo",
    # "we're showing twenty-eight forty-six forty", "it's forty-eight twelve fifty": dollars
    # and cents said as pairs after a verb of stating (money on their own, see _money_shaped).
    "show", "bill", "come", "account", "card", "loan", "'s",
    # "we have it as twelve forty-eight thirty-seven", "it sits at…", "I've got…"
    "have", "got", "sits",
    # "twelve eighty-four thirty-seven is the figure", "twenty-four eighty-six and change",
    # "payments of about two-fourteen"
    "figure", "change", "about", "around", "roughly", "call it",
    # "with the last one four twenty-eight fourteen": a plan's last instalment
    "last one", "final one",
    # "take off $100, and you're at eleven eighty-four thirty-seven": the balance left
    "re at", "be at", "you at",
)  # fmt: skip
_EN_SCALE_WORD_RE = re.compile(r"hundred|thousand|million|billion", RX)
# Phone numbers: mobile ("138 0013 8000"), landline / hotline ("0755-1234 5678",
# "400-820-8820") and any run of 11+ digits.
_PHONE_RE = re.compile(
    r"(?<![0-9])(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]){8}(?![0-9])"
    r"|(?<![0-9])(?:0[0-9]{2,3}|[48]00)[ -]?[0-9]{3,4}[ -]?[0-9]{4}(?![0-9])"
    r"|[0-9]{11,}+",
    RX,
)
_WHITESPACE = " \t\n\r\f\v"
# First characters that can start a match of the pattern right after / right before a number;
# testing them first avoids most regex calls for the common tokens.
_MULTIPLIER_FIRST = frozenset("ktgmh" + _WHITESPACE)
_PREFIX_LAST = frozenset("$¥bdy币" + _WHITESPACE)
_UNIT_FIRST = frozenset("元圆块快美人dbuyrc" + _WHITESPACE)
_BLOCK_AFTER_FIRST = frozenset(
    "天日号月年期个%岁次人点周笔张条位家份成倍折层楼秒克斤米度步几多余来小星礼分-~到至"
    + "abcdefghijklmnopqrstuvwxyz"
    + _WHITESPACE
)


class _Context:
    """Per-line lookups for cue words and blockers, computed lazily and at most once."""

    __slots__ = ("_blocks", "_cues", "_phones", "latin", "low")

    def __init__(self, view: LineView) -> None:
        self.low = view.low
        self.latin = view.latin
        self._cues: list[int] | None = None
        self._blocks: list[int] | None = None
        self._phones: list[tuple[int, int]] | None = None

    def _ends(self, zh: re.Pattern[str], en: re.Pattern[str]) -> list[int]:
        ends = [m.end() for m in zh.finditer(self.low)]
        if self.latin:
            ends.extend(m.end() for m in en.finditer(self.low))
            ends.sort()
        return ends

    def in_phone(self, start: int, end: int) -> bool:
        low = self.low
        # Only a long digit run, or digits split into groups by a space / hyphen, can be part of
        # a phone number; checking that first spares the phone scan for ordinary numbers.
        if not (
            end - start >= 7
            or (low[end : end + 1] in (" ", "-") and low[end + 1 : end + 2].isdigit())
            or (low[start - 1 : start] in (" ", "-") and low[start - 2 : start - 1].isdigit())
            or low[start - 3 : start] == "+86"
        ):
            return False
        if self._phones is None:
            self._phones = [m.span() for m in _PHONE_RE.finditer(low)]
        return _overlaps(start, end, self._phones)

    def has_cue(self, start: int) -> bool:
        if self._cues is None:
            self._cues = self._ends(_CUE_ZH_RE, _CUE_EN_RE)
        end = _nearest_end_before(self._cues, start)
        if end is None or start - end > _CUE_MAX_GAP:
            return False
        gap = self.low[end:start]
        # A share between a cue and its figure is no other number: "利息减一半是618.2".
        return _CUE_GAP_BAD_RE.search(_SHARE_IN_GAP_RE.sub("", gap)) is None

    def pre_blocked(self, start: int) -> bool:
        if self._blocks is None:
            self._blocks = self._ends(_PRE_BLOCK_ZH_RE, _PRE_BLOCK_EN_RE)
        end = _nearest_end_before(self._blocks, start)
        return end is not None and _PRE_BLOCK_GAP_RE.fullmatch(self.low, end, start) is not None


def _nearest_end_before(ends: list[int], position: int) -> int | None:
    index = bisect_right(ends, position) - 1
    return ends[index] if index >= 0 else None


def _blocked_neighbours(low: str, start: int, end: int) -> bool:
    """Part of a time, fraction, range or malformed number: "10:30", "1/2", "5230,12", "1.2.3"."""
    if end + 1 < len(low) and low[end] in ":/.," and low[end + 1].isdigit():
        return True
    return start >= 2 and low[start - 1] in ":/-." and low[start - 2].isdigit()


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return bool(spans) and any(start < s_end and s_start < end for s_start, s_end in spans)


def _digit_value(ch: str) -> Decimal:
    return Decimal(int(ch)) if "0" <= ch <= "9" else Decimal(CN_DIGITS[ch])


def _numeric_amounts(
    text: str, ctx: _Context, excluded: list[tuple[int, int]]
) -> list[AmountMention]:
    low = ctx.low
    found: list[AmountMention] = []
    floor = 0
    for stretch in _NUM_STRETCH_RE.finditer(low):
        s = stretch.start()
        if s < floor:
            continue
        digits = stretch.group().rstrip(",.")
        if digits.isdigit() and digits.isascii():  # the common case: one plain number
            if _numeric_amount(text, ctx, excluded, s, s + len(digits), digits, found, floor):
                floor = found[-1].end
            continue
        for m in _NUM_RUN_RE.finditer(low, s, stretch.end()):
            if _numeric_amount(text, ctx, excluded, *m.span(), m.group(), found, floor):
                floor = found[-1].end
    return found


def _numeric_amount(
    text: str,
    ctx: _Context,
    excluded: list[tuple[int, int]],
    s: int,
    e: int,
    token: str,
    found: list[AmountMention],
    floor: int,
) -> bool:
    """Judge one number token; append it to ``found`` (and return True) if it is money."""
    low = ctx.low
    if token.startswith("点"):  # "早点五千块": that 点 belongs to the previous word
        s, token = s + 1, token[1:]
    if s < floor or _overlaps(s, e, excluded):
        return False
    value = parse_numeral(token)
    if value is None or value >= _MAX_VALUE:
        return False
    pure_arabic = token.isascii()
    has_cn_digit = not pure_arabic and any(ch in CN_DIGITS for ch in token)
    has_unit = not pure_arabic and any(ch in CN_UNIT_CHARS for ch in token)
    start, end = s, e
    strong = False  # an explicit currency marker or "k" is attached to the number
    approx: Approx = ""

    if pure_arabic and low[end : end + 1] in _MULTIPLIER_FIRST:
        km = _MULTIPLIER_RE.match(low, end)
        if km is not None:
            value *= 10**6 if km.group("mil") else 100 if km.group("hundred") else 1000
            end, strong = km.end(), True
    pm: re.Match[str] | None = None
    if low[s - 1 : s] in _PREFIX_LAST:
        pm = _PREFIX_RE.search(low, max(floor, s - 8), s)
        if pm is not None:
            start, strong = pm.start(), True
    if low[end : end + 1] in _OVER_FIRST:
        # "四万多", "五千多块钱", "两万来块": said as an approximation, unless what follows makes
        # it a count ("十多天", "两千多个人") or another word ("余额").
        hm = _OVER_AFTER_RE.match(low, end)
        if hm is None:
            return False
        approx = "about" if hm.group("about") else "over"
        end = e = hm.end()
        if any(c in _ROUGH_UNITS or c in "百佰" for c in token):
            # "三千多点", "四万多一点儿": a little more, still the rough sum (not a time).
            tail = _A_LITTLE_RE.match(low, end)
            if tail is not None:
                end = e = tail.end()
    um = _UNIT_RE.match(low, end) if low[end : end + 1] in _UNIT_FIRST else None
    if um is not None:
        end, strong = um.end(), True
        yuan = "块" if um.group("yuan") == "快" else um.group("yuan")
        subunits = False
        if yuan and not approx:
            sm = _SUBUNIT_RE.match(low, end)
            if sm is not None:
                jiao = sm.group("jiao")
                fen = sm.group("fen1") or sm.group("fen2") or sm.group("fen0") or sm.group("fen")
                if jiao:
                    value += _digit_value(jiao) / 10
                if fen:
                    value += _digit_value(fen) / 100
                end, subunits = sm.end(), True
            elif yuan == "块" and not um.group("qian"):
                cm = _COLLOQUIAL_CENTS_RE.match(low, end) or _COLLOQUIAL_JIAO_RE.match(low, end)
                fm = _COLLOQUIAL_FEN_RE.match(low, end) if cm is None else None
                if fm is not None:
                    value += _digit_value(fm.group("f")) / 100
                    end, subunits = fm.end(), True
                elif cm is not None:
                    jiao_said = cm.groupdict().get("d") or cm.groupdict().get("dz") or "0"
                    value += (_digit_value(jiao_said) if jiao_said != "零" else Decimal(0)) / 10
                    fen_said = cm.groupdict().get("f") or cm.groupdict().get("fz")
                    if fen_said:
                        value += _digit_value(fen_said) / 100
                    end, subunits = cm.end(), True
        if yuan:
            tm = _AMOUNT_TAIL_RE.match(low, end)
            if tm is not None:
                end = tm.end()
        elif pm is None and not approx and um.group("dollars") and value == int(value):
            cents = _cents(low, end)  # "2,486 dollars and 40 cents"
            if cents is not None:
                value, end = value + cents[0], cents[1]
        # "一块去" / "三块蛋糕": a lone Chinese digit + 块 is usually a measure word.
        if (
            yuan == "块"
            and not um.group("qian")
            and not subunits
            and len(token) == 1
            and has_cn_digit
            and pm is None
            and not ctx.has_cue(s)
        ):
            return False
        # "利息这一块" / "还款这一块": "this part of it", not one yuan, however near a money word.
        if (
            yuan == "块"
            and not um.group("qian")
            and not subunits
            and token == "一"
            and pm is None
            and low[s - 1 : s] in _DEMONSTRATIVES
        ):
            return False
    elif strong:
        if (
            low[end : end + 1] in _BLOCK_AFTER_FIRST
            and _BLOCK_AFTER_RE.match(low, end)
            and not _PAYMENT_AFTER_RE.match(low, end)
        ):
            return False  # "$5 days": a marker must not turn a count into money
        if pm is not None and pm.group().startswith(("$", "us$")) and value == int(value):
            cents = _cents(low, end)  # "$2,486 and 40 cents"
            if cents is not None:
                value, end = value + cents[0], cents[1]
    else:
        two_decimals = pure_arabic and _TWO_DECIMALS_RE.fullmatch(token) is not None
        if low[e : e + 1] in _BLOCK_AFTER_FIRST and (
            # "3230.50月底前": two decimals are money even before a date word.
            _TWO_DECIMALS_BLOCK_RE.match(low, e)
            if two_decimals or (pure_arabic and "." in token and value >= 100)  # "3320.5月底"
            else _BLOCK_AFTER_RE.match(low, e)
        ):
            return False
        if (
            _blocked_neighbours(low, s, e)
            or (ctx.pre_blocked(s) and not _PUT_DOWN_RE.match(low, e))
            or ctx.in_phone(s, e)
        ):
            return False
        if _YEAR_RE.fullmatch(token) and _YEAR_NOUN_RE.match(low, e):
            return False  # "this 2014 account": a year
        cents = _cents(low, e) if pure_arabic and "." not in token else None
        if cents is not None:
            value, end = value + cents[0], cents[1]  # "4,812 and five cents": said as money
        elif (
            token[0] in "0123456789" and not has_cn_digit and any(c in CN_BIG_UNITS for c in token)
        ):
            pass  # "1.5万", "3万": how amounts are written in chat (unlike "十万火急")
        elif two_decimals:
            pass  # "5230.50": two decimals read as money on their own
        elif any(c in _ROUGH_UNITS for c in token) and (
            _HEDGE_BEFORE_ZH_RE.search(low, max(floor, s - _HEDGE_WINDOW), s)
            or low.startswith(("左右", "上下", "出头", "不到"), end)
            or approx  # "四万五千多": 多 after a sum in 千 / 万 (counts were turned away above)
        ):
            # "差不多六万了", "大概五千七左右", "一万出头", "两万不到": a rough sum in 千 or 万,
            # said as one (no count of days or people is said in 万 with 出头).
            pass
        elif (
            pure_arabic
            and "," in token
            and _HEDGE_BEFORE_EN_RE.search(low, max(floor, s - _HEDGE_WINDOW), s)
        ):
            pass  # "nearly 2,700", "about 4,800": a hedged figure in thousands is a sum
        elif (
            pure_arabic
            and value >= 100
            and (STRESSED_EXACT_RE.match(low, e) or _AND_CHANGE_RE.match(low, e))
        ):
            pass  # "it's 2,480 flat", "like 700 and change": said the way only money is
        elif (
            pure_arabic
            and value >= 100
            and found
            and found[-1].approx
            and _SPELLED_OUT_GAP.fullmatch(low, found[-1].end, s) is not None
        ):
            pass  # "不到两万，19596.4", "九百出头，准确是909.88": the rough sum said exactly
        elif _HOTLINE_RE.fullmatch(token) and not ctx.has_cue(s):
            # "投诉了，12378是吧？": a service hotline (12xxx, 95xxx, 96xxx) is no sum, even put
            # as a question; a sum cue before it ("欠款是12350对吧") still reads it as money.
            return False
        elif not (ctx.has_cue(s) or _CUE_AFTER_RE.match(low, e)) or not (pure_arabic or has_unit):
            # Chinese numerals need a unit character too: "还一下" is not ¥1.
            return False
        elif pure_arabic and len(token.split(".")[0].replace(",", "")) > 9:
            return False  # an id-like digit string, not a debt
    found.append(_hedged(AmountMention(clean_decimal(value), "", start, end, approx), text, low))
    return True


# 几 for a digit not said: "一千几百块" 1,000–1,999, "一万三千几" 13,000–13,999, "二百几十块"
# 200–299, "两万几千" 20,000–29,999: the sum said up to its last unit, "over" it by less than
# that unit (entities read it as 多 would be read).
_JI_RE = re.compile(
    rf"(?P<head>[0-9{CN_NUM_CHARS}]*?[1-9{CN_DIGIT_CHARS}][0-9{CN_DIGIT_CHARS}]*?[十百千万萬](?:[{CN_DIGIT_CHARS}]+[十百千])?)"
    r"零?几(?P<unit>[十百千万])?(?P<money>\s*+(?:块钱|块|元|钱))?",
    RX,
)
_JI_COUNT_AFTER_RE = re.compile(r"\s*+(?:多\s*+)?[天日号月年期个次人岁周笔张条位家份倍]", RX)


def _ji_amounts(text: str, ctx: _Context, excluded: list[tuple[int, int]]) -> list[AmountMention]:
    low = ctx.low
    found: list[AmountMention] = []
    for m in _JI_RE.finditer(low):
        s, e = m.span()
        head = m.group("head")
        value = parse_numeral(head)
        if value is None or value <= 0 or _overlaps(s, e, excluded):
            continue
        if not m.group("money") and (
            _JI_COUNT_AFTER_RE.match(low, e) or not (ctx.has_cue(s) or _CUE_AFTER_RE.match(low, e))
        ):
            continue  # "一百几十天": a count; a bare 几 with no sum word is no amount
        found.append(_hedged(AmountMention(clean_decimal(value), "", s, e, "over"), text, low))
    return found


# A payment put down, which no "after" or "by" before it makes a count: "after 800 down…".
_PUT_DOWN_RE = re.compile(r"\s++(?:down(?!\s++to\b)|up\s*+front)\b", RX)
# Cents said after "dollars" with no word for them, ending the clause: "…twelve dollars
# eighty-six", "forty dollars and fifty." (not "dollars twelve months").
_BARE_CENTS_RE = re.compile(
    rf"\s*+,?\s*+(?:and\s++)?(?P<c>[0-9]{{2}}|{EN_NUM})(?=\s*+(?:[.,!?;]|$))", RX
)


def _cents(low: str, end: int, bare: bool = False) -> tuple[Decimal, int] | None:
    """The cents said after whole dollars ("and forty cents"; with ``bare``, after the word
    "dollars", "…dollars eighty-six"), and where they end."""
    m = _CENTS_RE.match(low, end) or (_BARE_CENTS_RE.match(low, end) if bare else None)
    if m is None:
        return None
    said = m.group("c")
    cents = int(said) if said.isdigit() else en_words_to_int(said)
    if cents is None or not 0 < cents < 100:
        return None
    return Decimal(cents) / 100, m.end()


def _hedged(mention: AmountMention, text: str, low: str) -> AmountMention:
    """The mention with the hedge said around it: "大概…", "about …", "…左右", "… or so"."""
    start, end, approx = mention.start, mention.end, mention.approx
    window = max(0, start - _HEDGE_WINDOW)
    before = _HEDGE_BEFORE_ZH_RE.search(low, window, start)
    if before is None:
        before = _HEDGE_BEFORE_EN_RE.search(low, window, start)
    after = _HEDGE_AFTER_RE.match(low, end)
    for m in (after, before):
        if m is not None:
            kind = next(
                k for k in ("about", "over", "under", "near", "hair") if m.groupdict().get(k)
            )
            approx = approx or cast(Approx, kind)
    if after is not None:
        end = after.end()
    if (
        not approx
        and _SMALL_BEFORE_RE.search(low, max(0, start - 2), start)
        and any(c in "千万萬" for c in low[start:end])
    ):
        # "小九千", "小两万": a bit under a round figure in 千 / 万, said the way people do.
        approx, start = "near", start - 1
    return replace(mention, raw=text[start:end], start=start, end=end, approx=approx)


# "小九千": 小 right before a Chinese figure (not 小李, not 大小).
_SMALL_BEFORE_RE = re.compile(r"(?<![大老])小$", RX)


# "the last one", "that one": "one" as a pronoun before the figure it names.
_PRONOUN_ONE_RE = re.compile(r"one[\s-]++(?=[a-z])(?!hundred|thousand|million|billion)", RX)
_ONE_AFTER_RE = re.compile(r"\b(?:last|final|first|next|other|that|this|each|every)\s++$", RX)
# A hedge said after the words: "seven fifty-ish", "seven fifty or so".
_ISH_RE = re.compile(r"-?ish\b|,?\s*+or\s++so\b", RX)


def _word_amounts(text: str, ctx: _Context, excluded: list[tuple[int, int]]) -> list[AmountMention]:
    low = ctx.low
    found: list[AmountMention] = []
    for m in EN_NUM_RE.finditer(low):
        s, e = m.span()
        said = m.group()
        one = _PRONOUN_ONE_RE.match(said)
        if one is not None and _ONE_AFTER_RE.search(low, max(0, s - 12), s):
            # "with the last one four twenty-eight fourteen": "one" is the payment, not a digit
            s, said = s + one.end(), said[one.end() :]
        if _overlaps(s, e, excluded):
            continue
        words = en_words_to_int(said)
        half = _AND_A_HALF_RE.match(low, e) if words is not None and words < 1000 else None
        if words is not None and half is not None:
            scale = 100 if half.group("hundred") else 1000
            value = clean_decimal((Decimal(words) + Decimal("0.5")) * scale)
            found.append(_hedged(AmountMention(value, "", s, half.end()), text, low))
            excluded.append((s, half.end()))
            continue
        um = _EN_AMOUNT_UNIT_RE.match(low, e)
        ish = _ISH_RE.match(low, e)
        labelled = um is None and (
            _CUE_AFTER_RE.match(low, e) is not None
            or _AND_CHANGE_RE.match(low, e) is not None
            # "seven fifty-ish a month": the label after the hedge
            or (ish is not None and _CUE_AFTER_RE.match(low, ish.end()) is not None)
        )
        cents_said: int | None = None
        paired = False
        if words is None:
            # "twenty-four eighty-six dollars", "twenty-four eighty-six forty is the balance":
            # hundreds said as two pairs (and the cents as a third), only with a unit or label.
            pairs = (
                _pairs_to_int(said, short=labelled)
                if (um is not None and not um.group("grand"))
                or labelled
                or (um is None and ctx.has_cue(s))
                or _PRICED_BEFORE_RE.search(low, max(0, s - 40), s)
                or _CENTS_RE.match(low, e)
                or _CENTS_AFTER_PAIRS_RE.match(low, e)
                else _money_shaped(said)
            )
            if pairs is None:
                continue
            words, cents_said = pairs
            paired = True
            tail = _CENTS_AFTER_PAIRS_RE.match(low, e) if cents_said is not None else None
            if tail is not None:
                e = tail.end()  # "… sixty-eight and forty cents"
            if cents_said is None and um is None:
                cents = _cents(low, e)  # "twenty-four sixty-eight, and forty cents"
                if cents is not None:
                    cents_said, e = int(cents[0] * 100), cents[1]
        value = Decimal(words) + (Decimal(cents_said) / 100 if cents_said else 0)
        if um is not None:
            e = um.end()
            if um.group("grand"):
                value *= 1000
            elif um.group("dollars"):
                cents = _cents(low, e, bare=True)  # "eighty-six dollars and forty cents"
                if cents is not None:
                    value, e = value + cents[0], cents[1]
        elif (
            not (paired and _LEDGER_NOUN_BEFORE_RE.search(low, max(0, s - 40), s) is not None)
            # "payments of three-sixty", "or six at about two-fourteen": an instalment's price
            and not (paired and _PRICED_BEFORE_RE.search(low, max(0, s - 40), s) is not None)
            and not (
                # Dollars then cents as pairs are money on their own ("it's forty-eight hundred
                # twelve fifty"), unless a count or a time follows.
                paired and cents_said is not None and not _BLOCK_AFTER_RE.match(low, e)
            )
            and not (
                (_EN_SCALE_WORD_RE.search(said) or cents_said is not None or labelled)
                and (
                    ctx.has_cue(_hedge_start(low, s))
                    or labelled
                    or _hedged_alone(low, s, e)
                    or STRESSED_EXACT_RE.match(low, e) is not None
                )
                and not _BLOCK_AFTER_RE.match(low, e)
            )
            and not (
                _CHARGE_IS_BEFORE_RE.search(low, max(0, s - 48), s) is not None
                and _EN_COUNT_AFTER_RE.match(low, e) is None
            )
        ):
            continue  # "I can pay two thousand" counts, a bare "two" never does
        alt = (
            Decimal(words) / 100
            if paired
            and cents_said is None
            and um is None
            and len(_EN_SPLIT_RE.split(said.strip())) >= 2
            else None
        )
        found.append(_hedged(AmountMention(value, "", s, e, alt=alt), text, low))
    return found


# Pairs right after what prices an instalment are dollars: "payments of three-sixty", "six at
# about two-fourteen" ("at seven thirty" alone is a time: a hedge or "payments of" is needed).
_PRICED_BEFORE_RE = re.compile(
    r"\b(?:(?:(?:monthly\s++)?(?:payments?|install?ments?)\s++of)"
    r"(?:\s++(?:about|around|roughly|approximately|like))?"
    r"|(?:of|at)\s++(?:about|around|roughly|approximately)"
    # "or six at two-fourteen oh-six": the other plan, priced
    r"|\bor\s++[a-z0-9-]++\s++(?:at|of))\s++$",
    RX,
)
# Hundreds said as two pairs right after a noun for a large quantity are money: "principal of
# twenty-nine eighty", "the balance is forty-eight twelve" (a bare "twenty twenty-six" is a
# year; "interest of ninety-eight seventeen" may be $98.17, so small charges are left out).
_LEDGER_NOUN_BEFORE_RE = re.compile(
    r"\b(?:principal|balance|total|owe[sd]?|owing|payoff)"
    r"(?:\s++(?:is|was|of|comes\s++to|will\s++be|would\s++be))?(?:'s)?\s*+:?\s*+"
    # "principal's about twenty-two sixty-five"
    r"(?:(?:about|around|roughly|approximately|just\s++(?:over|under))\s++)?$",
    RX,
)
# A charge named, then "is": the bare number word after it is that charge ("the late fee on
# it is fifty", "interest so far is ninety-eight"); "the payment is two days late" is a count.
_CHARGE_IS_BEFORE_RE = re.compile(
    r"\b(?:late\s++fees?|fees?|interest|principal|balance|minimum(?:\s++payment)?|payoff"
    r"|(?:monthly\s++)?payments?|install?ments?)"
    # "the interest charged is…", "the fees they've added are…": a participle of charging
    r"(?:\s++(?:that|which)?\s*+(?:(?:they|we|you)(?:'ve|\s++have)?\s++)?(?:has\s++|have\s++|'s\s++)?(?:been\s++)?"
    r"(?:charged|accrued|added|assessed|applied|billed|tacked\s++on|built\s++up|racked\s++up))?"
    r"(?:\s++(?:on\s++(?:it|this|that|the\s++(?:account|card|loan))|so\s++far|right\s++now|now|alone))?"
    r"\s++(?:is|was|are|were|comes\s++to|came\s++to|come\s++to|runs|ran|would\s++be|will\s++be)\s++(?:just\s++|only\s++)?$",
    RX,
)
_EN_COUNT_AFTER_RE = re.compile(
    r"\s*+(?:-\s*+)?(?:days?|weeks?|months?|years?|times|percent|%|payments?|install?ments?"
    r"|late|behind|past|overdue|o'?clock|am|pm|minutes?|hours?|of)\b",
    RX,
)
# Between a rough sum and the exact figure that spells it out: "，准确是", "，具体说是", ", ".
_SPELLED_OUT_GAP = re.compile(
    r"\s*+[，,:：]\s*+(?:(?:准确|确切|具体|精确|实际)(?:地|的|来)?\s*+(?:说|讲|数)?\s*+(?:是|为|就是)?"
    r"|(?:to\s++be\s++)?(?:exact|precise)(?:ly)?\s*+,?)?\s*+(?:\$|¥)?\s*+",
    RX,
)
# "five hundred and change": money said the way only money is.
_AND_CHANGE_RE = re.compile(r",?\s*+(?:and\s++)?change\b", RX)
# A sum stressed as exact after it: "2,480 flat", "forty-three hundred even", "$500 on the dot".
STRESSED_EXACT_RE = re.compile(r"\s++(?:even|flat|exactly|on\s++the\s++dot)\b", RX)
# "twenty-four sixty-eight and forty cents": the number words ran on into "and forty".
_CENTS_AFTER_PAIRS_RE = re.compile(r"\s*+cents?\b", RX)


# "even" after a round figure stresses it ("around twelve hundred even"), as a clause end.
_CLAUSE_END_RE = re.compile(r"(?:\s++even\b)?\s*+(?:[.,!?;:]|$)", RX)


def _hedged_alone(low: str, start: int, end: int) -> bool:
    """A rough figure in hundreds or thousands said as such, ending its clause: "it's a little
    over twenty-six hundred" (what is owed, as the zh "差不多六万了"); "about two thousand
    miles" is no money."""
    return (
        _HEDGE_BEFORE_EN_RE.search(low, max(0, start - _HEDGE_WINDOW - 8), start) is not None
        and _CLAUSE_END_RE.match(low, end) is not None
    )


def _hedge_start(low: str, start: int) -> int:
    """Where a hedge said before a figure starts ("the balance is somewhere north of five
    thousand"): a cue before the hedge is the figure's cue."""
    m = _HEDGE_BEFORE_EN_RE.search(low, max(0, start - _HEDGE_WINDOW - 8), start)
    return m.start() if m is not None else start


def _pairs_to_int(said: str, short: bool = False) -> tuple[int, int | None] | None:
    """Dollars said the short way, with the cents as a last pair: hundreds as two pairs
    ("twenty-four eighty-six" 2,486; "…eighty-six forty" and 40 cents), a digit then a pair
    ("six seventy-four forty" 674.40), or a whole number with "hundred" then the cents
    ("thirty-four hundred twenty-one eighty-six" 3,421.86, "forty-eight hundred twenty-one
    fifty" 4,821.50): the whole and the cents."""
    words = [w for w in _EN_SPLIT_RE.split(said) if w and w != "and"]
    if "hundred" in words:
        return _hundreds_then_cents(words)
    pairs: list[int] = []
    start = 0
    for end in range(1, len(words) + 1):
        value = en_words_to_int(" ".join(words[start:end]))
        longer = en_words_to_int(" ".join(words[start : end + 1])) if end < len(words) else None
        if value is not None and value <= 99 and (longer is None or longer > 99):
            pairs.append(value)
            start = end
    if start != len(words) or len(pairs) not in (2, 3) or not all(10 <= p <= 99 for p in pairs[1:]):
        return None
    if not (
        10 <= pairs[0] <= 99 or (1 <= pairs[0] <= 9 and (len(words) > 2 or "-" in said or short))
    ):
        # "six seventy-four" is 674 only as three words or more, or hyphened ("four-ten"), or
        # ``short``: a label right after says what it is ("two fifty a month")
        return None
    return pairs[0] * 100 + pairs[1], pairs[2] if len(pairs) == 3 else None


def _money_shaped(said: str) -> tuple[int, int | None] | None:
    """Number words only money is said in, with no unit or label: dollars then a pair of cents
    ("forty-eight hundred twelve fifty", "twelve eighty-four thirty-seven"), and not a bare
    pair of pairs ("twenty twenty-six" is a year)."""
    pairs = _pairs_to_int(said)
    return pairs if pairs is not None and pairs[1] is not None else None


def _hundreds_then_cents(words: list[str]) -> tuple[int, int | None] | None:
    """The longest run of words that is one number of at least a hundred, then one pair that
    is the cents ("twenty-four hundred sixty-eight and forty")."""
    for cut in range(len(words) - 1, 0, -1):
        whole = en_words_to_int(" ".join(words[:cut]))
        if whole is None:
            continue
        cents = en_words_to_int(" ".join(words[cut:]))
        if whole >= 100 and cents is not None and 10 <= cents <= 99:
            return whole, cents
        return None
    return None


def extract_amounts(text: str, *, approximate: bool = False) -> list[AmountMention]:
    """Money amounts in ``text`` (CNY or USD, written with digits, Chinese or English words).

    Approximations said as such ("四万多", "about $2,500", "五千二左右") only with
    ``approximate``, marked by their ``approx``; without it they are left out.
    """
    if not isinstance(text, str):
        return []
    view = line_view(text)
    excluded = [(c[0], c[1]) for c in date_candidates(view)]
    excluded += restated_counts(text)  # "…days past due, 212 to be exact": a count
    ctx = _Context(view)
    ji = _ji_amounts(text, ctx, excluded) if "几" in view.low else []
    excluded.extend((a.start, a.end) for a in ji)
    ranges = _range_amounts(text, view.low, excluded) if not view.chars.isdisjoint("千百万") else []
    excluded.extend((a.start, a.end) for a in ranges)
    found = sorted(_numeric_amounts(text, ctx, excluded) + ji + ranges, key=lambda a: a.start)
    if view.number_words and any(map(view.low.__contains__, _EN_AMOUNT_TRIGGERS)):
        excluded.extend((a.start, a.end) for a in found)
        if "oh" in view.low:
            oh = _oh_amounts(text, ctx, excluded)
            excluded.extend((a.start, a.end) for a in oh)
            found += oh
        found = sorted(found + _word_amounts(text, ctx, excluded), key=lambda a: a.start)
    if view.latin and "grand" in view.low:
        found = _a_grand(text, view.low, found, excluded)
    if view.latin and len(found) >= 2:
        found = _join_scaled(text, view.low, found)
    return found if approximate else [a for a in found if not a.approx]


def _range_amounts(text: str, low: str, excluded: list[tuple[int, int]]) -> list[AmountMention]:
    """ "五千二三百", "三四千块": a range of neighbouring digits (`ranges`), an approximation."""
    return [
        _hedged(AmountMention(value, text[s:e], s, e, "range"), text, low)
        for s, e, value in range_spans(low)
        if not _overlaps(s, e, excluded)
    ]


# Hundreds said digit by digit with "oh" for a zero: "four-oh-one forty" 401.40, "two-oh-seven
# twenty" 207.20, "two-fourteen oh-six" 214.06, "four-oh-one and four cents" 401.04; only with a
# money cue, a unit or a label, as other pairs.
_ONE_TO_NINE = "one|two|three|four|five|six|seven|eight|nine"
_PAIR_WORD = (
    "(?:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:"
    + _ONE_TO_NINE
    + "))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_OH_RE = re.compile(
    rf"\b(?P<h>{_ONE_TO_NINE})[\s-]++(?:oh[\s-]++(?P<u>{_ONE_TO_NINE})|(?P<p>{_PAIR_WORD}))"
    rf"(?:[\s-]++(?:oh[\s-]++(?P<cu>{_ONE_TO_NINE})|(?P<cp>{_PAIR_WORD})))?\b",
    RX,
)


def _oh_amounts(text: str, ctx: _Context, excluded: list[tuple[int, int]]) -> list[AmountMention]:
    low = ctx.low
    found: list[AmountMention] = []
    for m in _OH_RE.finditer(low):
        s, e = m.span()
        if not (m.group("u") or m.group("cu")) or _overlaps(s, e, excluded):
            continue  # no "oh": the ordinary pairs reader's
        dollars = en_words_to_int(m.group("h"))
        part = en_words_to_int(m.group("u") or m.group("p") or "")
        said_cents = m.group("cu") or m.group("cp")
        cents = en_words_to_int(said_cents) if said_cents else 0
        if dollars is None or part is None or cents is None:
            continue
        value = Decimal(dollars * 100 + part) + Decimal(cents) / 100
        um = _EN_AMOUNT_UNIT_RE.match(low, e)
        if um is not None and not um.group("grand"):
            e = um.end()
        elif said_cents is None and (extra := _cents(low, e)) is not None:
            value, e = value + extra[0], extra[1]  # "four-oh-one and four cents"
        elif not (
            _CUE_AFTER_RE.match(low, e)
            or ctx.has_cue(s)
            or _LEDGER_NOUN_BEFORE_RE.search(low, max(0, s - 40), s)
            # "interest on the account is four oh two eighteen": a charge named, then "is"
            or _CHARGE_IS_BEFORE_RE.search(low, max(0, s - 64), s)
            # "or six of eight oh two oh nine": the other plan, priced
            or _PRICED_BEFORE_RE.search(low, max(0, s - 40), s)
        ):
            continue
        if _BLOCK_AFTER_RE.match(low, e) and um is None:
            continue
        found.append(_hedged(AmountMention(value, text[s:e], s, e), text, low))
    return found


# "a grand", "an even grand": a thousand dollars with no number said.
_A_GRAND_RE = re.compile(r"\ban?\s++(?:(?:even|cool|whole|full|flat|round)\s++)?grand\b", RX)


def _a_grand(
    text: str, low: str, found: list[AmountMention], excluded: list[tuple[int, int]]
) -> list[AmountMention]:
    extra = [
        _hedged(AmountMention(Decimal(1000), text[m.start() : m.end()], *m.span()), text, low)
        for m in _A_GRAND_RE.finditer(low)
        if not _overlaps(*m.span(), excluded)
        and not any(a.start <= m.start() < a.end for a in found)
    ]
    return sorted(found + extra, key=lambda a: a.start) if extra else found


# Digits with scale words: "6 hundred 47 dollars", "4 thousand 3 hundred 94 dollars and 62
# cents" are read a piece at a time (600, then 47.40); a piece ending in a scale word and the
# smaller piece right after it are one figure, as "两千四百" is.
_SCALE_END_RE = re.compile(r"[0-9]\s?(?P<scale>hundred|thousand)$", RX)
_SCALE_JOIN_RE = re.compile(r"\s++(?:and\s++)?", RX)


def _join_scaled(text: str, low: str, found: list[AmountMention]) -> list[AmountMention]:
    out: list[AmountMention] = [found[0]]
    for mention in found[1:]:
        head = out[-1]
        m = _SCALE_END_RE.search(low, head.start, head.end)
        unit = (
            (Decimal(1000) if m.group("scale") == "thousand" else Decimal(100))
            if m is not None and m.end() == head.end
            else None
        )
        if (
            unit is not None
            and head.value % unit == 0
            and 0 < mention.value < unit
            and not mention.approx
            and _SCALE_JOIN_RE.fullmatch(low, head.end, mention.start)
        ):
            out[-1] = AmountMention(
                head.value + mention.value,
                text[head.start : mention.end],
                head.start,
                mention.end,
                head.approx,
            )
            continue
        out.append(mention)
    return out
