"""Table tests for scoring.entities.amounts: money in digits, Chinese numerals and words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scoring.entities import extract_amounts


def amounts(text: str) -> list[tuple[Decimal, str]]:
    return [(a.value, a.raw) for a in extract_amounts(text)]


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        # currency symbols / codes / units
        ("¥5,230.50", "5230.50", "¥5,230.50"),
        ("￥5230.5", "5230.5", "￥5230.5"),
        ("5230.50元", "5230.50", "5230.50元"),
        ("5230元5角", "5230.5", "5230元5角"),
        ("5,230.5 元", "5230.5", "5,230.5 元"),
        ("RMB 5230", "5230", "RMB 5230"),
        ("rmb5230", "5230", "rmb5230"),
        ("人民币5230元", "5230", "人民币5230元"),
        ("5230块", "5230", "5230块"),
        ("5230块钱", "5230", "5230块钱"),
        ("5230块5", "5230.5", "5230块5"),
        ("5230块5毛", "5230.5", "5230块5毛"),
        ("5230元5角3分", "5230.53", "5230元5角3分"),
        ("523元零5分", "523.05", "523元零5分"),
        # Chinese numerals
        ("五千二百三十元五角", "5230.5", "五千二百三十元五角"),
        ("五千二百三十块零五毛", "5230.5", "五千二百三十块零五毛"),
        ("五百二十三块零五分", "523.05", "五百二十三块零五分"),
        ("五千二元", "5200", "五千二元"),
        ("五千二块", "5200", "五千二块"),
        ("五千二百三十块五", "5230.5", "五千二百三十块五"),
        ("一万三千零八十六块五", "13086.5", "一万三千零八十六块五"),
        ("两块五", "2.5", "两块五"),
        ("一块钱", "1", "一块钱"),
        ("就差这一块钱了", "1", "一块钱"),  # 钱 makes it money after 这
        ("两万三千元", "23000", "两万三千元"),
        ("一万元整", "10000", "一万元整"),
        ("壹仟伍佰元", "1500", "壹仟伍佰元"),
        ("叁万元整", "30000", "叁万元整"),
        # k / 万 / 千
        ("5.2k", "5200", "5.2k"),
        ("5.2K", "5200", "5.2K"),
        ("5k", "5000", "5k"),
        ("1.5万", "15000", "1.5万"),
        ("1.5万元", "15000", "1.5万元"),
        ("3万", "30000", "3万"),
        ("3千元", "3000", "3千元"),
        ("3千块", "3000", "3千块"),
        ("两千块", "2000", "两千块"),
        # English
        ("$5,230.50", "5230.50", "$5,230.50"),
        ("5230.50 dollars", "5230.50", "5230.50 dollars"),
        ("USD 1,200", "1200", "USD 1,200"),
        ("US$1,200", "1200", "US$1,200"),
        ("$1.2k", "1200", "$1.2k"),
        ("1200 bucks", "1200", "1200 bucks"),
        ("5 thousand dollars", "5000", "5 thousand dollars"),
        ("five hundred dollars", "500", "five hundred dollars"),
        ("two thousand three hundred dollars", "2300", "two thousand three hundred dollars"),
        (
            "Two Thousand Three Hundred and Fifty Dollars",
            "2350",
            "Two Thousand Three Hundred and Fifty Dollars",
        ),
        ("twenty-five bucks", "25", "twenty-five bucks"),
        # bare number with two decimals
        ("5230.50", "5230.50", "5230.50"),
        ("5,230.50", "5230.50", "5,230.50"),
        # full-width digits and punctuation
        ("５２３０元", "5230", "５２３０元"),
        ("５，２３０．５０", "5230.50", "５，２３０．５０"),
        ("￥５，２３０", "5230", "￥５，２３０"),
    ],
)
def test_amount_formats(text: str, value: str, raw: str) -> None:
    assert amounts(text) == [(Decimal(value), raw)]


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        # A bare integer or a bare Chinese numeral needs an amount cue before it.
        ("您欠款5230，请尽快处理", "5230", "5230"),
        ("总共5230", "5230", "5230"),
        ("应还金额：5230", "5230", "5230"),
        ("最低还款500", "500", "500"),
        ("每期还872", "872", "872"),
        ("每月500", "500", "500"),
        ("滞纳金100", "100", "100"),
        ("欠五千二", "5200", "五千二"),
        ("还两千", "2000", "两千"),
        ("我先还3千", "3000", "3千"),
        ("共计两万三千", "23000", "两万三千"),
        ("you owe 1200", "1200", "1200"),
        ("balance: 5230", "5230", "5230"),
        ("the total due is 880", "880", "880"),
        ("minimum payment 300", "300", "300"),
        ("I can pay two thousand", "2000", "two thousand"),
        ("我每个月工资3000", "3000", "3000"),
        ("I earn 3000 a month", "3000", "3000"),
        # ...or a label right after it.
        ("7777是您的欠款", "7777", "7777"),
        ("3230.5是剩下没还的", "3230.5", "3230.5"),
        ("246 in interest", "246", "246"),
        ("2486 is the balance", "2486", "2486"),
        ("fifteen hundred all together", "1500", "fifteen hundred"),
        # A waiver, what is left once it is applied, the price of each month of a plan.
        ("利息能减二百五十三", "253", "二百五十三"),
        ("免完是8783.6", "8783.6", "8783.6"),
        ("twelve months at 207", "207", "207"),
        ("利息减一半是618.2", "618.2", "618.2"),  # a share between cue and figure
        # A hotline's shape with a sum cue before it is a sum.
        ("欠款是12350对吧？", "12350", "12350"),
        (
            "your balance is forty-three ninety-four sixty-two",
            "4394.62",
            "forty-three ninety-four sixty-two",
        ),
        # Spoken payment verbs are amount cues for bare number words.
        ("throw in two hundred now", "200", "two hundred"),
        ("if you can come up with five hundred", "500", "five hundred"),
        ("knock out three hundred today", "300", "three hundred"),
        ("chip in a hundred this week", "100", "a hundred"),
        # "swing" is a payment verb; a digit then a pair, hyphened, is hundreds ("four-ten").
        ("could you swing two hundred by friday", "200", "two hundred"),
        ("could you swing four-ten a month", "410", "four-ten"),
        # A charge named, then "is": the bare number word after it is that charge.
        ("the late fee on it is fifty", "50", "fifty"),
        ("interest so far is ninety-eight", "98", "ninety-eight"),
        ("the minimum payment is seventy-five", "75", "seventy-five"),
        # "a grand" with no number said.
        ("you'd be down to an even grand", "1000", "an even grand"),
        # Hundreds said digit by digit with "oh" for a zero, with a money cue.
        ("four-oh-one forty a month", "401.40", "four-oh-one forty"),
        ("payments of two-oh-seven twenty", "207.20", "two-oh-seven twenty"),
        ("four-oh-one and four cents a month", "401.04", "four-oh-one and four cents"),
    ],
)
def test_amount_with_cue(text: str, value: str, raw: str) -> None:
    assert amounts(text) == [(Decimal(value), raw)]


@pytest.mark.parametrize(
    "text",
    [
        "尾号6621",
        "您尾号6621的卡",
        "card ending in 6621",
        "last 4 digits 6621",
        "2026-11-30",
        "2026/11/30",
        "11/30",
        "11月30号",
        "18天",
        "逾期18天",
        "还有3天",
        "6期",
        "分6期",
        "还差2期",
        "6个月",
        "打电话 138 0013 8000",
        "还款请拨 138-0013-8000",
        "客服热线400-820-8820",
        "13800138000",
        "利息是3.5%",
        "3%",
        "18 days",
        "pay in 3 days",
        "6 installments",
        "over 6 months",
        "下午3点还",
        "还差10:30",
        "5230",  # bare integer, no cue
        "一千零一夜",
        "千万别逾期",
        "万一还不上",
        "还一下",
        "我们一块去吧",
        # "这一块": a part of the account, not one yuan, even beside a money word (session 18).
        "滞纳金那一块我帮您问问能不能减",
        "本金這一塊沒法動",
        "你还有3个孩子",
        "我最多还五千多",  # approximate
        "能不能先还两三千",  # a range
        "第2期",
        "百分之五十",
        "验证码是6621",
        "you have 2 kids",
        "room 302",
        "3.5",
        "十万火急",  # an idiom, not 100000
        "利率是0.05",
        "interest rate 0.05",
        "if you don't settle this 2014 account",  # a year
        "twenty twenty-six was a hard year",  # a year in pairs, no label
        "减三成",  # a share, not money
        "we drove about two thousand miles",
        "the payment is two days late",  # a count after the charge and "is"
        "my fee is one of many",
        "meet me at four-ten",  # a time: no money cue
        "the room is four-oh-one",
        # Service hotlines, even put as a question to confirm.
        "那我只能投诉了，12378是吧？",
        "您可以打12345反映，对吧？",
        "有问题可以打95588，是吧？",
    ],
)
def test_not_an_amount(text: str) -> None:
    assert extract_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "您好，您的信用卡尾号6621目前欠款5230.50元，已逾期18天，最低还款500元。",
            [("5230.50", "5230.50元"), ("500", "500元")],
        ),
        (
            "我们可以给您分6期，每期还872元，您看下周五之前能先还2000吗？",
            [("872", "872元"), ("2000", "2000")],
        ),
        ("请在2026年12月5日前还款1.5万", [("15000", "1.5万")]),
        (
            "您总共欠我们两万三千块，这个月底前至少还五千二",
            [("23000", "两万三千块"), ("5200", "五千二")],
        ),
        (
            "Hi, your balance is $5,230.50, 18 days overdue. Can you pay 1,200 by next Friday?",
            [("5230.50", "$5,230.50"), ("1200", "1,200")],
        ),
        ("We can do six monthly payments of 872 dollars.", [("872", "872 dollars")]),
        ("先还一万，剩下一万二分12期", [("10000", "一万"), ("12000", "一万二")]),
        # "，" is a clause break, not a thousands comma; 300 is money by the label after it.
        ("本金5000，300是利息", [("5000", "5000"), ("300", "300")]),
        ("打 138 0013 8000 还款5000元", [("5000", "5000元")]),
        ("尾号6621的卡欠款5000", [("5000", "5000")]),
        ("还500到1000元", [("1000", "1000元")]),
        # The 毛 digit before 月底 is the amount's; 快 before a count or a number is "almost".
        ("剩下三千二百三十块五月底前还清", [("3230.5", "三千二百三十块五")]),
        ("欠了五千快五天了", [("5000", "五千")]),
        ("欠款三千快五个月没还了", [("3000", "三千")]),
        ("I called 5 hundred times", []),
        # An apology right after a figure corrects it: the bare figure after it is money.
        ("欠款5,230.50，不好意思，5,320", [("5230.50", "5,230.50"), ("5320", "5,320")]),
        ("不好意思，3号再打给您", []),
    ],
)
def test_amounts_in_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert amounts(text) == [(Decimal(v), raw) for v, raw in expected]


# --------------------------------------------------------------------------------------------
# Spoken amounts, complete to the last digit
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        # 块/毛/分 as said aloud: the digit after 毛 is the 分.
        ("一共四万一千五百二十八块七毛八", "41528.78", "四万一千五百二十八块七毛八"),
        ("两万零七十三块七毛五", "20073.75", "两万零七十三块七毛五"),
        ("五千二百三十块五毛", "5230.5", "五千二百三十块五毛"),
        ("三千四百二十三块七毛五分", "3423.75", "三千四百二十三块七毛五分"),
        ("9098块8毛", "9098.8", "9098块8毛"),
        ("最低的909块88", "909.88", "909块88"),
        ("一千七百四十三块五一期", "1743.5", "一千七百四十三块五"),
        ("一千九百九十四块三毛", "1994.3", "一千九百九十四块三毛"),
        # 元/角/分 and 大写 numerals.
        ("肆万壹仟伍佰贰拾捌元柒角捌分", "41528.78", "肆万壹仟伍佰贰拾捌元柒角捌分"),
        ("伍仟贰佰叁拾元伍角整", "5230.5", "伍仟贰佰叁拾元伍角整"),
        ("贰万零柒拾叁元柒角伍分", "20073.75", "贰万零柒拾叁元柒角伍分"),
        # 万/千 mixed with digits.
        ("4万1千5百28块7毛8", "41528.78", "4万1千5百28块7毛8"),
        ("4万1528.78元", "41528.78", "4万1528.78元"),
        ("五千二百三十点五元", "5230.5", "五千二百三十点五元"),
        # English spoken.
        ("twenty-four hundred dollars", "2400", "twenty-four hundred dollars"),
        (
            "two thousand four hundred eighty-six dollars and forty cents",
            "2486.40",
            "two thousand four hundred eighty-six dollars and forty cents",
        ),
        (
            "twenty-four eighty-six dollars and forty cents",
            "2486.40",
            "twenty-four eighty-six dollars and forty cents",
        ),
        ("$2,486 and 40 cents", "2486.40", "$2,486 and 40 cents"),
        ("1,284 dollars and 37 cents", "1284.37", "1,284 dollars and 37 cents"),
        ("647 dollars, 40 cents", "647.40", "647 dollars, 40 cents"),
        ("2.5k", "2500", "2.5k"),
        ("$2.5K", "2500", "$2.5K"),
        ("2 grand", "2000", "2 grand"),
        ("two grand", "2000", "two grand"),
        # Hundreds in pairs, then the cents as a third pair, with a label after them.
        ("twenty-four eighty-six forty is the balance", "2486.40", "twenty-four eighty-six forty"),
        (
            "forty-three ninety-four sixty-two is what you owe",
            "4394.62",
            "forty-three ninety-four sixty-two",
        ),
        (
            "you owe twenty-four sixty-eight and forty cents",
            "2468.40",
            "twenty-four sixty-eight and forty cents",
        ),
        # A payment after a figure with a currency marker is what the figure is.
        ("a $147.40 payment", "147.40", "$147.40"),
        # "N hundred M" then the cents as a pair; a digit then a pair then the cents.
        (
            "what she owes is nineteen hundred five and twelve cents",
            "1905.12",
            "nineteen hundred five and twelve cents",
        ),
        (
            "the total's thirty-one hundred forty-four seventy",
            "3144.70",
            "thirty-one hundred forty-four seventy",
        ),
        ("the balance is eight fifty-two thirty", "852.30", "eight fifty-two thirty"),
        ("one and a half grand is the balance", "1500", "one and a half grand"),
        # 繁體 units and labels read as 简体.
        ("總共欠兩萬零七十三塊七毛五", "20073.75", "兩萬零七十三塊七毛五"),
        ("餘額是玖仟零玖拾捌圓捌角", "9098.8", "玖仟零玖拾捌圓捌角"),
        # 零 then one digit after 块 is the 分; 快 typed for 块; 分期 after the 分 digit: the plan.
        ("最低还款伍佰贰拾叁块零伍", "523.05", "伍佰贰拾叁块零伍"),
        ("最低还523块零5", "523.05", "523块零5"),
        ("您欠款伍千贰百三十快五", "5230.5", "伍千贰百三十快五"),
        ("欠款四万一千五百二十八块七毛八分期还", "41528.78", "四万一千五百二十八块七毛八"),
        ("欠款五千二百三十块五分期还", "5230.5", "五千二百三十块五"),
        ("you owe 5 hundred", "500", "5 hundred"),
        # Digits with scale words are one figure, the pieces after the scale word added.
        (
            "you owe 6 hundred 47 dollars and 40 cents",
            "647.40",
            "6 hundred 47 dollars and 40 cents",
        ),
        ("it's 3 thousand 4 hundred and 12 dollars", "3412", "3 thousand 4 hundred and 12 dollars"),
        ("a balance of 2 thousand 486 dollars", "2486", "2 thousand 486 dollars"),
        # Hundreds as two pairs right after a ledger noun, no unit said.
        ("principal of eleven forty-six", "1146", "eleven forty-six"),
        ("your balance is twelve eighty-four", "1284", "twelve eighty-four"),
    ],
)
def test_spoken_amounts_to_the_last_digit(text: str, value: str, raw: str) -> None:
    assert amounts(text) == [(Decimal(value), raw)]


# --------------------------------------------------------------------------------------------
# Approximations said as such: read as ranges
# --------------------------------------------------------------------------------------------


def approximations(text: str) -> list[tuple[Decimal, str, str]]:
    return [(a.value, a.raw, a.approx) for a in extract_amounts(text, approximate=True)]


@pytest.mark.parametrize(
    ("text", "value", "raw", "approx"),
    [
        ("您欠了四万多", "40000", "四万多", "over"),
        ("欠了四万五千多", "45000", "四万五千多", "over"),
        ("欠四万多块钱", "40000", "四万多块钱", "over"),
        ("一共欠了四万一千五百多", "41500", "四万一千五百多", "over"),
        ("欠了两万来块", "20000", "两万来块", "about"),
        ("欠五千二左右", "5200", "五千二左右", "about"),
        ("您的欠款大概两万块左右", "20000", "两万块左右", "about"),
        ("还差不多五千", "5000", "五千", "about"),
        ("欠款将近四万二", "42000", "四万二", "near"),
        ("you owe about $2,500", "2500", "$2,500", "about"),
        ("roughly 2,500 dollars", "2500", "2,500 dollars", "about"),
        ("$2,500 or so", "2500", "$2,500 or so", "about"),
        ("a little over $4,000", "4000", "$4,000", "over"),
        ("almost $2,500", "2500", "$2,500", "near"),
        ("like 550 bucks, give or take", "550", "550 bucks, give or take", "about"),
        ("roughly fifteen hundred all together", "1500", "fifteen hundred", "about"),
        ("the balance is somewhere north of five thousand", "5000", "five thousand", "over"),
        # A rough sum in 万 said with a hedge and no unit or label.
        ("差不多七万了", "70000", "七万", "about"),
        ("将近三万了吧", "30000", "三万", "near"),
        # A hedged sum in 千 with no unit, and hedged thousands written with a comma.
        ("大概五千七左右吧", "5700", "五千七左右", "about"),
        ("nearly 2,700 now", "2700", "2,700", "near"),
        # "and change": that many and some more.
        ("it's 5 hundred and change", "500", "5 hundred and change", "over"),
        ("you owe six hundred and change", "600", "six hundred and change", "over"),
        ("five hundred and change is the balance", "500", "five hundred and change", "over"),
        # A rough figure in hundreds said as such, ending its clause.
        ("it's a little over twenty-six hundred", "2600", "twenty-six hundred", "over"),
        # 不到 after the figure; "like" in chat English (not "I'd like").
        ("一千九百八十块不到", "1980", "一千九百八十块不到", "under"),
        ("you owe like 2,500 bucks", "2500", "2,500 bucks", "about"),
        # "a hair under": within half the last place said.
        ("it's a hair under twenty-five hundred", "2500", "twenty-five hundred", "hair"),
        ("the balance is just a tad under $4,900", "4900", "$4,900", "hair"),
        # 多 after a rough sum in 千 / 万 with no unit; "even" closing a rough figure.
        ("四万五千多，您心里有个数", "45000", "四万五千多", "over"),
        ("it's around twelve hundred even", "1200", "twelve hundred", "about"),
    ],
)
def test_approximations(text: str, value: str, raw: str, approx: str) -> None:
    assert approximations(text) == [(Decimal(value), raw, approx)]
    assert extract_amounts(text) == []  # left out unless asked for


@pytest.mark.parametrize(
    "text",
    ["十多天", "两千多个人", "十多个月", "逾期一个多月"],
)
def test_not_an_approximate_amount(text: str) -> None:
    assert extract_amounts(text, approximate=True) == []


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("欠了四万多", ["41528.78", "40000"], ["50000", "39999"]),
        ("欠了四万五千多", ["45999"], ["41528.78", "46000"]),
        ("欠款将近四万二", ["41528.78", "42000"], ["41000", "42001"]),
        ("you owe about $2,500", ["2486.40", "2450", "2599"], ["2449", "2600"]),
        # "About" is within a twentieth: what rounding to two significant figures moves.
        ("about $300", ["300", "290"], ["207.20", "280"]),
        ("about $400 a month", ["400", "410"], ["428.12", "380"]),
        ("you owe about $2,000", ["2000", "1950"], ["2486.40", "1880"]),
        ("欠五千二左右", ["5230.50"], ["5300"]),
        ("欠款5230.50元", ["5230.50"], ["5230.51"]),
        ("you owe six hundred and change", ["647.40", "600"], ["700", "599"]),
        # "just under" a figure said to the hundred: within a thirtieth of it.
        ("you owe just under $3,500", ["3412.86", "3500"], ["3390", "3501"]),
        # "a hair under" a figure said to the hundred: within half a hundred of it.
        ("a hair under twenty-five hundred", ["2486.40", "2450"], ["2449", "2501"]),
        ("a hair under forty-nine hundred", ["4850", "4900"], ["4812.50", "4901"]),
    ],
)
def test_an_approximation_covers_a_range(text: str, inside: list[str], outside: list[str]) -> None:
    [mention] = extract_amounts(text, approximate=True)
    assert all(mention.covers(Decimal(v)) for v in inside)
    assert not any(mention.covers(Decimal(v)) for v in outside)


def test_a_pasted_run_of_numerals_is_no_amount() -> None:
    # "$" and thirty-one 一 read as a 31-digit figure, and judging it raised
    # decimal.InvalidOperation in the app (found by tests/test_linear_time.py).
    assert extract_amounts("$" + "一" * 31) == []
    assert [a.value for a in extract_amounts("$999,999,999,999")] == [Decimal("999999999999")]


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        # A remainder named 余款 / 差的, a figure with a decimal before 月底.
        ("余款3320.5下月还", "3320.5", "3320.5"),
        ("差的3230.5月底补上", "3230.5", "3230.5"),
    ],
)
def test_remainder_cues(text: str, value: str, raw: str) -> None:
    assert amounts(text) == [(Decimal(value), raw)]


# A numeral in 千 or 万 with 出头 / 不到 after it is a rough sum even with no unit or cue:
# "一万出头" (a little over ten thousand), "两万不到"; a bare "三十出头" (an age) is not money.
@pytest.mark.parametrize(
    ("text", "value", "approx"),
    [
        ("一万出头的欠款", "10000", "over"),
        ("一万出头了阿姨", "10000", "over"),
        ("九千出头，您先别急", "9000", "over"),
        ("两万不到", "20000", "under"),
    ],
)
def test_a_rough_sum_in_thousands_with_chutou_or_budao(text: str, value: str, approx: str) -> None:
    found = extract_amounts(text, approximate=True)
    assert [(str(a.value), a.approx) for a in found] == [(value, approx)]


def test_an_age_said_with_chutou_is_no_money() -> None:
    assert extract_amounts("他三十出头的人了", approximate=True) == []


# Session 15: cents after "dollars" with no word for them, ending the clause; a bare figure
# put "down" (even after "after"); what the debt is brought "down to" in number words; a digit
# then a pair with a label after it; "on it" after a rough figure in hundreds.
@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        (
            "she owes six hundred forty-seven dollars forty.",
            "647.40",
            "six hundred forty-seven dollars forty",
        ),
        ("after 500 down you owe less", "500", "500"),
        ("we could take it down to nine hundred", "900", "nine hundred"),
    ],
)
def test_session15_amount_wordings(text: str, value: str, raw: str) -> None:
    assert amounts(text) == [(Decimal(value), raw)]


def test_dollars_then_a_count_keeps_the_count_apart() -> None:
    assert amounts("forty dollars twelve months running") == [(Decimal(40), "forty dollars")]


@pytest.mark.parametrize(
    ("text", "value", "alt"),
    [
        ("the fee on it is fifty-two forty", "5240", "52.40"),
        ("plan's about four fifteen a month", "415", "4.15"),
    ],
)
def test_two_spoken_pairs_keep_their_other_reading(text: str, value: str, alt: str) -> None:
    [found] = extract_amounts(text, approximate=True)
    assert (found.value, found.alt) == (Decimal(value), Decimal(alt))


def test_a_rough_figure_on_the_account_is_money() -> None:
    found = extract_amounts("it's got roughly twenty-one hundred on it", approximate=True)
    assert [(a.value, a.approx) for a in found] == [(Decimal(2100), "about")]


def test_a_hotline_after_a_phone_taken_out_is_no_money() -> None:
    # 拿出 is a payment verb only right before its figure ("先拿三千过来").
    assert amounts("他拿出手机，是12378吗") == []
    assert amounts("您先拿三千过来") == [(Decimal(3000), "三千")]


@pytest.mark.parametrize(
    ("text", "value", "raw", "approx"),
    [
        ("每期也就两千多点", "2000", "两千多点", "over"),
        ("大头是一万多一点儿", "10000", "一万多一点儿", "over"),
        ("利息六百块不到一点", "600", "六百块不到一点", "under"),
    ],
)
def test_a_little_more_or_less_than_a_rough_sum(
    text: str, value: str, raw: str, approx: str
) -> None:
    """多点 / 多一点 after a rough sum, 不到一点 after a sum: still the approximation."""
    assert approximations(text) == [(Decimal(value), raw, approx)]


def test_budao_yidian_before_a_clock_hour_is_no_hedge() -> None:
    assert approximations("交六百块不到一点钟就到账") == [(Decimal(600), "六百块", "")]
