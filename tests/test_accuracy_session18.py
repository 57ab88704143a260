"""Figures read but never compared (session 18): each kind of wording that left a figure
unchecked, with new wording (none of it a dev line). Right lines stay clean; wrong ones draw
an ACC-* finding of the rule named."""

from __future__ import annotations

import pytest

from tests.test_accuracy import (
    ANGRY,
    ATT,
    CEASE,
    DISPUTE,
    ELDER,
    HARD,
    ILL,
    LAWYER,
    M1,
    M3,
    MED,
    PAID,
    SPOUSE,
    THEFT,
    VISIT,
    WRONG,
    rules,
)

RIGHT_SESSION18 = [
    # a month said with its day is a date, not a count of months
    (ANGRY, "10月29号到期的，截至今天12月9号一共41天"),
    # 减了以后: what is owed once the waiver is applied
    (M1, "滞纳金50块给您免了，减了以后还5180.5"),
    (ELDER, "分6期手续费这些都不收"),
    # a plan's last instalment takes the cents' rounding
    (SPOUSE, "Twelve payments of $401.04, and the final payment is $401.06"),
    (M1, "分6期，每期903.13，最后一期903.15"),
    (MED, "the interest and the late fee come to $321.65"),
    (M1, "分3期的话，前两期每期1743.5，最后一期也是1743.5"),
    (MED, "It's $2,486.40 even, nothing more"),
    (CEASE, "we're at 600 and change"),
    # a duration that restates the day count said with it
    (SPOUSE, "68 days, so a bit over two months"),
    (LAWYER, "112天，也就是将近四个月"),
    (DISPUTE, "it's been past due since March 27th, so almost six months"),
    (ATT, "the debt is about four months old"),
    (M3, "您这张卡目前逾期97天"),
    (WRONG, "如果您是持卡人本人：这张卡已经逾期27天"),
    (VISIT, "逾期费一百六，利息七百三十八块六"),
    (M1, "分三期，一期1743.5"),
    (VISIT, "您借了八千本金，利息738.6"),
    (SPOUSE, "Twelve payments of $401.04, or six at $802.08"),
    (M3, "分12期每期3730.67，24期是1979.54"),
    (MED, "six months is $414.40 a month"),
    # a rough figure, then the exact one that spells it out
    (ILL, "两万不到一点，准确是19596.40"),
    (MED, "about $2,500, $2,486.40 to be exact"),
    # a label in the clause after the figure
    (M1, "5230.5，这就是您现在的欠款"),
    (ELDER, "先还九百零九块八毛八，也就是最低还款"),
    (LAWYER, "欠款五万一千六百九十八点四元"),
    (HARD, "一万二加八百四十六点五再加二百四，合计一万三千零八十六点五"),
    (ILL, "利息可以减一半，减六百一十八块二"),
    (WRONG, "滞纳金最多给您免一半，也就是32"),
    (M1, "您是11月2号该还的，现在过了十八天了"),
    (M1, "11月2号的账单一直没还"),
    (M3, "您8月28号以后就没再还过，算下来九十七天"),
    (VISIT, "您这笔是9月4号到期的，今天七十八天"),
    (LAWYER, "快一百二十天了周女士"),
    (PAID, "一个多礼拜了，九天"),
    # spoken dollars
    (ATT, "call it forty-four hundred, give or take"),
    (SPOUSE, "about forty-eight hundred is owed"),
    (DISPUTE, "twelve eighty-four thirty-seven is the figure on file"),
    (MED, "principal's roughly twenty-one sixty-five"),
    (MED, "we're at twenty-four eighty and change"),
    (MED, "she could knock it out with 12 payments around 210"),
    # products said with their result
    (SPOUSE, "so 401.04 x 12 = 4,812.48"),
    (M1, "1743.5乘以3等于5230.5"),
    # spans back to a date said
    (SPOUSE, "Sept 5 was the due date, 68 days ago"),
    (THEFT, "so 141 days since June 1"),
    (THEFT, "it went past due June 1st, about 20 weeks ago"),
    (CEASE, "it's been about seven months, since February 22nd"),
    (CEASE, "due Feb 22, so 212 days late"),
    # what the debtor can carry, supposed: a budget, not an instalment
    (MED, "If $300 a month works for you, the 12-month plan at $207.20 is the one"),
    (DISPUTE, "so the 24th is a week from tomorrow"),
    (ANGRY, "最低先还3423.75，月中之前"),
    (M1, "您就先还个最低吧，523.05"),
    (M1, "您讲的五千是本金，加上利息和滞纳金一共5230.5"),
    (DISPUTE, "the original principal was $1,146.20"),
    (HARD, "滞纳金最多可以免一百二"),
    (M1, "您先转一千过来，剩下4230.5月底前还"),
    (M1, "月底前能把5230.5还上吗"),
    (LAWYER, "滞纳金可以全免，利息那三千九百多是减不了的"),
    (ILL, "苏姐 欠款19596.40 保险理赔下来再说"),
    (PAID, "下周能拿一千的话，剩994.3"),
    (SPOUSE, "you'd be paying $401.04 for a year"),
    (CEASE, "The file shows 212 days"),
]
WRONG_SESSION18 = [
    (ANGRY, "10月29号到期的，截至今天12月9号一共44天", "ACC-DAYS-OVERDUE"),
    (M1, "滞纳金50块给您免了，减了以后还5108.5", "ACC-RELIEF"),
    (M1, "滞纳金50块给您免了，减了以后还5190.5", "ACC-AMOUNT"),
    (LAWYER, "分36期，手续费那些都不收", "ACC-PLAN"),
    (SPOUSE, "Twelve payments of $401.04, and the final payment is $411.06", "ACC-AMOUNT"),
    (M1, "分6期，每期903.13，最后一期913.15", "ACC-AMOUNT"),
    (MED, "the interest and the late fee come to $312.65", "ACC-AMOUNT"),
    (ATT, "so it's 4,390 flat", "ACC-AMOUNT"),
    (MED, "you owe twenty-four hundred even", "ACC-AMOUNT"),
    (CEASE, "it's 700 and change", "ACC-AMOUNT"),
    (SPOUSE, "68 days, which is over three months", "ACC-DAYS-OVERDUE"),
    (LAWYER, "112天，也就是差不多五个月", "ACC-DAYS-OVERDUE"),
    (DISPUTE, "it's been past due since March 27th, so about eight months", "ACC-DAYS-OVERDUE"),
    (ATT, "the debt is about six months old", "ACC-DAYS-OVERDUE"),
    (M3, "赵先生，您这张卡目前逾期87天", "ACC-DAYS-OVERDUE"),
    (WRONG, "如果您是持卡人本人：这张卡已经逾期37天", "ACC-DAYS-OVERDUE"),
    (VISIT, "本金八千，利息七百三十八块六，逾期费一百九", "ACC-AMOUNT"),
    (M1, "三期的话一期1734.5", "ACC-AMOUNT"),
    (VISIT, "您借了七千本金，利息738.6", "ACC-AMOUNT"),
    (SPOUSE, "Twelve payments of $401.04, or six at $812.08", "ACC-AMOUNT"),
    (M3, "分12期每期3730.67，24期是1997.54", "ACC-AMOUNT"),
    (MED, "nine months is $276.27 a month", "ACC-PLAN"),
    (ILL, "两万不到一点，准确是21596.40", "ACC-AMOUNT"),
    (MED, "about $2,500, $2,684.40 to be exact", "ACC-AMOUNT"),
    (M1, "5320.5，这就是您现在的欠款", "ACC-AMOUNT"),
    (ELDER, "先还九百九十块八毛八，也就是最低还款", "ACC-AMOUNT"),
    (LAWYER, "五万一千九百六十八点四元就是全部欠款", "ACC-AMOUNT"),
    (HARD, "一万二加八百四十六点五再加二百四，一共一万三千一百八十六点五", "ACC-AMOUNT"),
    (ILL, "利息可以减一半，减六百八十一块二", "ACC-AMOUNT"),
    (WRONG, "滞纳金最多给您免一半，也就是23", "ACC-AMOUNT"),
    (M1, "您是11月3号该还的，现在过了十八天了", "ACC-DUE-DATE"),
    (M1, "11月12号的账单一直没还", "ACC-DUE-DATE"),
    (M3, "您8月28号以后就没再还过，算下来一百零七天", "ACC-DAYS-OVERDUE"),
    (VISIT, "您这笔是9月4号到期的，今天八十八天", "ACC-DAYS-OVERDUE"),
    (LAWYER, "快一百五十天了周女士", "ACC-DAYS-OVERDUE"),
    (PAID, "一个多礼拜了，十二天", "ACC-DAYS-OVERDUE"),
    (ATT, "call it forty-six hundred, give or take", "ACC-AMOUNT"),
    (SPOUSE, "about forty-six hundred is owed", "ACC-AMOUNT"),
    (DISPUTE, "twelve eighty-seven thirty-four is the figure on file", "ACC-AMOUNT"),
    (MED, "principal's about twenty-three sixty-five", "ACC-AMOUNT"),
    (MED, "we're at twenty-five ninety and change", "ACC-AMOUNT"),
    (MED, "she could knock it out with 12 payments around 250", "ACC-AMOUNT"),
    (SPOUSE, "so 401.04 x 12 = 4,821.50", "ACC-AMOUNT"),
    (M1, "1743.5乘以3等于5320.5", "ACC-AMOUNT"),
    (SPOUSE, "Sept 5 was the due date, 86 days ago", "ACC-DAYS-OVERDUE"),
    (THEFT, "so 114 days since June 1", "ACC-DAYS-OVERDUE"),
    (THEFT, "it went past due June 1st, about 25 weeks ago", "ACC-DAYS-OVERDUE"),
    (CEASE, "it's been about seven months, since February 12th", "ACC-DUE-DATE"),
    (CEASE, "due Feb 12, so 212 days late", "ACC-DUE-DATE"),
    (MED, "If $300 a month works for you, the 12-month plan at $270.20 is the one", "ACC-AMOUNT"),
    (DISPUTE, "so the 25th is a week from tomorrow", "ACC-DATE"),
    (ANGRY, "最低先还3243.75，月中之前", "ACC-AMOUNT"),
    (M1, "您就先还个最低吧，532.05", "ACC-AMOUNT"),
    (M1, "您讲的五千五是本金，加上利息和滞纳金一共5230.5", "ACC-AMOUNT"),
    (DISPUTE, "the original principal was $1,164.20", "ACC-AMOUNT"),
    (HARD, "滞纳金最多可以免二百", "ACC-RELIEF"),
    (M1, "您先转一千过来，剩下3230.5月底前还", "ACC-AMOUNT"),
    (M1, "月底前能把5320.5还上吗", "ACC-AMOUNT"),
    # a part said to be paid that is more than the debt leaves nothing
    (PAID, "先还两千，剩下994.3下个月还", "ACC-AMOUNT"),
    (LAWYER, "滞纳金可以全免，利息那五千九百多是减不了的", "ACC-AMOUNT"),
    (ILL, "苏姐 欠款15996.40 保险理赔下来再说", "ACC-AMOUNT"),
    (PAID, "下周能拿一千的话，剩949.3", "ACC-AMOUNT"),
    (SPOUSE, "you'd be paying $410.04 for a year", "ACC-AMOUNT"),
    (CEASE, "The file shows 221 days", "ACC-DAYS-OVERDUE"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_SESSION18)
def test_session18_right_figures_stay_clean(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG_SESSION18)
def test_session18_wrong_figures_are_compared(ref: str, text: str, rule: str) -> None:
    found = rules(ref, text)
    assert any(r == rule or r.startswith(f"{rule}-") for r in found), found
