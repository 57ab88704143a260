"""Every figure a trainee says is checked against the ledger, however it is said (issue 14).

Each row is a line said in a shipped scenario, on that scenario's call day, with the accuracy
findings it must get: none for a right line, the rule for a wrong one. Right figures said in
every natural way stay clean; wrong ones are caught whichever side of the label they stand on.
"""

from __future__ import annotations

import random
import re
from functools import cache

import pytest

from scoring.accuracy import check_line
from scoring.analysis import analyze
from scoring.findings import Finding
from simulator.engine.catalog import resolve
from simulator.engine.scenario import Scenario


@cache
def scenario(ref: str) -> Scenario:
    return resolve(ref).scenario


def findings(ref: str, text: str) -> list[Finding]:
    sc = scenario(ref)
    analysis = analyze(text, sc.lang, sc.call.local_time.date())
    return check_line(analysis, sc.ledger, 1)


def rules(ref: str, text: str) -> list[str]:
    return sorted({f.rule for f in findings(ref, text)})


M1 = "cc-m1-forgetful"  # ¥5,230.50 = 5000 + 180.50 + 50; min 523.05; due 11-02; 18 days
M3 = "cc-m3-long-silence"  # ¥41,528.78; min 6,788.78; due 08-28; 97 days; 12/24/36 periods
ANGRY = "cc-complaint-threat"  # ¥20,073.75 = 18500 + 1203.75 + 370; min 3,423.75; 41 days
HARD = "ol-hardship-instalment"  # ¥13,086.50; waive ≤ 30 % interest, ≤ 50 % late fee
ELDER = "cc-elderly-vulnerable"  # ¥9,098.80; min 909.88; 6 (no fee) / 12 periods; 46 days
LAWYER = "cc-lawyer-letter-honest"  # ¥51,698.40; 112 days; due 08-04
PAID = "ol-already-paid"  # ¥1,994.30; due 12-01; 9 days; 2 / 3 periods
VISIT = "ol-field-visit"  # ¥8,898.60; 78 days; 3 periods of 2,966.20
ILL = "ol-illness-claim"  # ¥19,596.40; waive ≤ 50 % interest (618.20), all of the late fee
WRONG = "cc-wrong-number"  # ¥3,420.80; waive ≤ 50 % of the late fee (32)
MED = "us-medical-hardship"  # $2,486.40 = 2164.75 + 246.65 + 75; 3/6/12 months; 97 days
ATT = "us-attorney-represented"  # $4,394.62; 128 days; due 05-31; 6 / 12 months
CEASE = "us-cease-request"  # $647.40 = 612.40 + 35; 212 days; 3 / 6 months
DISPUTE = "us-dispute-validation"  # $1,284.37; 173 days; due 03-27
THEFT = "us-identity-theft"  # $3,412.86; 141 days; no plans
SPOUSE = "us-spouse-answers"  # $4,812.50; 68 days; due 09-05; 6 / 12 months

RIGHT_ZH = [
    # The examples, right.
    (M3, "您一共欠四万一千五百二十八块七毛八。"),
    (M3, "一共是四万一千五百二十八块七毛八，您看怎么安排？"),
    (M1, "本金5000元、利息180.5元，另外还有50元滞纳金。"),
    (M1, "本金五千，利息一百八十块五，滞纳金五十块。"),
    (M1, "您先还2000，剩下的3230.50元下个月还清就可以。"),
    (M1, "如果今天先还一千块，剩下四千二百三十块五。"),
    (M3, "您现在欠了四万多。"),
    (M3, "欠款四万一千多块钱。"),
    (M1, "您欠款大概五千二左右。"),
    # Labels before or after the figure.
    (M1, "您的逾期总额是5,230.50元。"),
    (M1, "5230.50元是您目前的欠款。"),
    (M1, "五千二百三十块五是您现在的欠款总额。"),
    (M1, "您现在需要还的是五千二百三十块五毛。"),
    (M1, "要还的钱是五千二百三十块五。"),
    (M1, "最低还款额是五百二十三块零五分。"),
    (M1, "523.05元是最低还款额，先还这个就不会继续产生滞纳金。"),
    (M1, "伍仟贰佰叁拾元伍角是逾期总额。"),
    (M1, "您这期账单欠款共计¥5230.5。"),
    # Sums, remainders, instalments.
    (M1, "5000加180.5加50，一共5230.5。"),
    (M1, "本金加利息是5180.5元，再加50元滞纳金。"),
    (M1, "先还最低还款523.05元，剩余4707.45元。"),
    (M1, "分6期的话每期903块1毛3。"),
    (M1, "分三期，每个月1743块5毛。"),
    (M1, "分6期手续费每期31.38元，一共188.30元。"),
    (M1, "今天先还1000，剩下的4230.5分3期，每期1410.17元。"),
    (M1, "您先还一千可以吗？"),
    (M1, "您能先转500过来吗？"),
    # Relief within the limits.
    (M1, "滞纳金50块可以给您免掉，免了之后还5180.50。"),
    (M1, "滞纳金可以全部减免。"),
    (HARD, "利息可以减免30%，也就是253.95元。"),
    (HARD, "滞纳金可以减一半，就是120块。"),
    (HARD, "利息和滞纳金都减免之后，您需要还12712.55元。"),
    (HARD, "减免利息以后还12832.55元。"),
    (HARD, "我们不能全免利息，最多减免30%。"),
    (HARD, "分12期每期1169.06元。"),
    (ILL, "利息最多可以减免一半，也就是618.2元。"),
    (WRONG, "滞纳金可以减免一半，32元。"),
    # Dates and days against the call's clock.
    (M1, "您的账单是11月2号到期的，到今天已经逾期18天了。"),
    (M1, "11月2号是您的最后还款日。"),
    (M1, "已经逾期两周多了，准确说是18天。"),
    (M1, "您看下周五，11月27号之前能还上吗？"),
    (M1, "明天也就是11月21号，您方便还款吗？"),
    (M1, "那就约定11月30号前还款。"),
    (M1, "您已经逾期十八天了。"),
    # Other scenarios.
    (M3, "分12期每期3730.67元。"),
    (M3, "分24期，每个月1979块5毛4。"),
    (M3, "最低还款6788.78元。"),
    (M3, "您已经逾期97天了，三个多月了。"),
    (M3, "您的账单8月28号就到期了。"),
    (M3, "肆万壹仟伍佰贰拾捌元柒角捌分是您的逾期总额。"),
    (M3, "欠款大概四万一千五左右。"),
    (ANGRY, "截至今天您的欠款一共是20073.75元。"),
    (ANGRY, "其中本金18500，利息1203.75，滞纳金370。"),
    (ANGRY, "最低还款三千四百二十三块七毛五分。"),
    (ANGRY, "您已经逾期41天了，10月29号是还款日。"),
    (ANGRY, "分12期每期1805.30元。"),
    (ANGRY, "滞纳金370元可以全部减免。"),
    (ELDER, "阿姨，您一共欠九千零九十八块八。"),
    (ELDER, "分6期的话每个月1516.47元，没有手续费。"),
    (ELDER, "最低还九百零九块八毛八就可以。"),
    (LAWYER, "您的欠款是51698.40元，已经逾期112天。"),
    (LAWYER, "欠款五万一千多。"),
    (PAID, "这期应还1994.30元，12月1号到期，现在逾期9天。"),
    (PAID, "可以分两期，每期997.15元。"),
    (VISIT, "徐先生，您的借款逾期78天了，欠款8898.6元。"),
    (VISIT, "分3期每期2966.20元。"),
    (ILL, "您目前的欠款是一万九千五百九十六块四。"),
]

WRONG_ZH = [
    # The examples, wrong.
    (M1, "您的逾期总额是7,777元。", "ACC-AMOUNT"),
    (M1, "逾期总额是7,777元，请您尽快处理。", "ACC-AMOUNT"),
    (M1, "您现在需要还的是五千三百二十块五毛。", "ACC-AMOUNT"),
    (M1, "要还的钱是六千二百三十块五。", "ACC-AMOUNT"),
    (M1, "您的账单是11月22号到期的。", "ACC-DUE-DATE"),
    (M1, "11月22号到期，现在已经逾期了。", "ACC-DUE-DATE"),
    (M3, "您欠了四万五千多。", "ACC-AMOUNT"),
    (M3, "一共四万一千五百二十八块七毛。", "ACC-AMOUNT"),
    # Labels before or after the figure.
    (M1, "7777元是您的欠款。", "ACC-AMOUNT"),
    (M1, "您这笔¥8,888什么时候能处理？", "ACC-AMOUNT"),
    (M1, "本金5000元、利息180.5元，另外还有80元滞纳金。", "ACC-AMOUNT"),
    (M1, "利息是一百五十元。", "ACC-AMOUNT"),
    (M1, "最低还款是532.05元。", "ACC-AMOUNT"),
    (M1, "您欠了六千多。", "ACC-AMOUNT"),
    (M1, "一共欠了四千二百三十块五。", "ACC-AMOUNT"),
    (M1, "5000加180.5加50，一共5320.5。", "ACC-AMOUNT"),
    # Remainders and instalments.
    (M1, "您先还2000，剩下的3000元下个月还清。", "ACC-AMOUNT"),
    (M1, "分6期每期871.75元。", "ACC-AMOUNT"),
    (M1, "分三期每期1800。", "ACC-AMOUNT"),
    (M1, "可以给您分24期。", "ACC-PLAN"),
    # Relief beyond the limits.
    (M1, "利息可以给您全免。", "ACC-RELIEF"),
    (M1, "滞纳金可以减免100元。", "ACC-RELIEF"),
    (HARD, "利息可以全部免掉。", "ACC-RELIEF"),
    (HARD, "滞纳金全免。", "ACC-RELIEF"),
    (HARD, "减免之后只要还一万块就行。", "ACC-RELIEF"),
    (HARD, "分6期每期2181.08元。", "ACC-AMOUNT"),
    # Dates and days.
    (M1, "您已经逾期28天了。", "ACC-DAYS-OVERDUE"),
    (M1, "明天也就是11月22号，您方便还款吗？", "ACC-DATE"),
    (M1, "下周五11月26号之前还上可以吗？", "ACC-DATE"),
    (M1, "请您在11月15号之前还款。", "ACC-DATE"),
    (HARD, "您逾期57天了。", "ACC-DAYS-OVERDUE"),
    # Other scenarios.
    (M3, "欠款大概五万左右。", "ACC-AMOUNT"),
    (M3, "分12期，每期3500元。", "ACC-AMOUNT"),
    (M3, "您已经逾期90天了。", "ACC-DAYS-OVERDUE"),
    (M3, "本金是三万六千元。", "ACC-AMOUNT"),
    (ANGRY, "欠款一共是20037.75元。", "ACC-AMOUNT"),
    (ANGRY, "最低还款3432.75元。", "ACC-AMOUNT"),
    (ANGRY, "您10月19号就到期了。", "ACC-DUE-DATE"),
    (ANGRY, "利息1230.75元。", "ACC-AMOUNT"),
    (ELDER, "阿姨，您一共欠九千零八十九块八。", "ACC-AMOUNT"),
    (LAWYER, "您已经逾期121天了。", "ACC-DAYS-OVERDUE"),
    (PAID, "这期应还1949.30元。", "ACC-AMOUNT"),
    (VISIT, "分3期每期2699.20元。", "ACC-AMOUNT"),
    (ILL, "利息可以全部减免。", "ACC-RELIEF"),
]

RIGHT_EN = [
    # The examples, right.
    (MED, "You owe two thousand four hundred eighty-six dollars and forty cents."),
    (MED, "The principal is $2,164.75, interest $246.65 and $75 in late fees."),
    (MED, "If you pay $500 today, the remaining $1,986.40 can go on a plan."),
    (MED, "It's about $2,500 in total."),
    (MED, "The balance is a little under twenty-five hundred dollars."),
    (MED, "You owe about twenty-four hundred dollars."),
    # Labels before or after the figure; verbs.
    (MED, "Your balance comes to $2,486.40."),
    (MED, "What you owe us right now is $2,486.40."),
    (MED, "$2,486.40 is the full balance on the account."),
    (MED, "You need to pay $2,486.40 to bring the account current."),
    (MED, "That's $2,164.75 in principal, $246.65 in interest, and a $75 late fee."),
    (MED, "2,164.75 plus 246.65 plus 75 comes to 2,486.40."),
    # Instalments.
    (MED, "On a 12-month plan that's $207.20 a month."),
    (MED, "We could do 6 monthly payments of $414.40."),
    (MED, "Three payments of $828.80 would clear it."),
    (MED, "That works out to roughly $200 a month over twelve months."),
    (MED, "Could you pay $200 by Friday?"),
    # Dates and days.
    (MED, "The account is 97 days past due."),
    (MED, "Your payment was due on August 5th."),
    (MED, "You're a little over three months behind, 97 days to be exact."),
    (MED, "Could you make the first payment next Friday, November 20th?"),
    (ATT, "The balance is $4,394.62 and it is 128 days past due."),
    (ATT, "It was due May 31st."),
    (ATT, "A 6-month plan would be $732.44 a month."),
    (CEASE, "The balance is $647.40: $612.40 for the device and service plus a $35 late fee."),
    (CEASE, "Three payments of $215.80."),
    (DISPUTE, "The amount we show is $1,284.37, originally due March 27."),
    (DISPUTE, "It is 173 days past due."),
    (DISPUTE, "You could split it into 6 payments of $214.06."),
    (THEFT, "The account shows a balance of $3,412.86."),
    (THEFT, "That includes $392.86 in interest and a $40 late fee."),
    (SPOUSE, "The balance is forty-eight hundred twelve dollars and fifty cents."),
    (SPOUSE, "Twelve monthly payments of $401.04 is an option."),
    (SPOUSE, "The account is 68 days past due."),
]

WRONG_EN = [
    # The examples, wrong.
    (MED, "That's about $300 a month on the 12-month plan.", "ACC-AMOUNT"),
    (MED, "You're three months behind, 57 days to be exact.", "ACC-DAYS-OVERDUE"),
    (MED, "You need to pay $2,846.40.", "ACC-AMOUNT"),
    (MED, "You need to pay $3,000 by Friday.", "ACC-AMOUNT"),
    (MED, "You owe about twenty-one hundred dollars.", "ACC-AMOUNT"),
    # Labels and verbs.
    (MED, "Your balance comes to $2,468.40.", "ACC-AMOUNT"),
    (MED, "What you owe us right now is $3,000.", "ACC-AMOUNT"),
    (MED, "The interest is $264.65.", "ACC-AMOUNT"),
    (MED, "$2,864.40 is the full balance on the account.", "ACC-AMOUNT"),
    (MED, "The principal is $2,164.75, interest $246.65 and $57 in late fees.", "ACC-AMOUNT"),
    (MED, "You owe about $2,000.", "ACC-AMOUNT"),
    # Remainders and instalments.
    (MED, "If you pay $500 today, the remaining $2,000 can go on a plan.", "ACC-AMOUNT"),
    (MED, "We could do 6 monthly payments of $400.", "ACC-AMOUNT"),
    (MED, "On a 12-month plan that's $217.20 a month.", "ACC-AMOUNT"),
    (MED, "We can set you up on a 24-month payment plan.", "ACC-PLAN"),
    # Relief beyond the limits.
    (MED, "We can waive the late fee for you.", "ACC-RELIEF"),
    (MED, "If you pay today we can knock $75 off.", "ACC-RELIEF"),
    (MED, "We could settle the account for $1,500.", "ACC-RELIEF"),
    # Dates and days.
    (MED, "Your payment was due on August 15th.", "ACC-DUE-DATE"),
    (MED, "The account is 79 days past due.", "ACC-DAYS-OVERDUE"),
    (MED, "Can you pay tomorrow, November 12th?", "ACC-DATE"),
    (MED, "Please pay by Monday, November 20th.", "ACC-DATE"),
    # Other scenarios.
    (ATT, "The balance is $4,349.62.", "ACC-AMOUNT"),
    (ATT, "It was due June 30th.", "ACC-DUE-DATE"),
    (CEASE, "The balance is $674.40.", "ACC-AMOUNT"),
    (DISPUTE, "It is 137 days past due.", "ACC-DAYS-OVERDUE"),
    (DISPUTE, "You could split it into 6 payments of $241.06.", "ACC-AMOUNT"),
    (THEFT, "That includes $329.86 in interest.", "ACC-AMOUNT"),
    (
        SPOUSE,
        "The balance is forty-eight hundred twenty-one dollars and fifty cents.",
        "ACC-AMOUNT",
    ),
]


RIGHT_ZH_MORE = [
    (M1, "王女士，您这张卡截至今天一共欠了5230.50元。"),
    (M1, "连本带息加滞纳金，总共是五千二百三十块五毛钱。"),
    (M1, "账单金额5230.5元，其中利息180.5元。"),
    (M1, "利息加滞纳金一共230.5元，本金是5000元。"),
    (M1, "利息和滞纳金加起来是230块5。"),
    (M1, "您现在的应还金额是¥5,230.50，最低还款是¥523.05。"),
    (M1, "您这个月最少要还523块零5分。"),
    (M1, "您只要先还最低还款523.05，就不会再产生滞纳金了。"),
    (M1, "如果分3期，月供是1743.5元，没有手续费。"),
    (M1, "分6期每个月还903.13，手续费一共188.3。"),
    (M1, "您先还两千块，剩下三千二百三十块五分三期还，每期1076.83元。"),
    (M1, "那您今天先还3000，剩余的2230.5元月底前还清可以吗？"),
    (M1, "滞纳金那50块我可以帮您免了。"),
    (M1, "滞纳金免掉以后，您需要还5180.5元。"),
    (M1, "您说您以为只欠5000，其实是5230.50元。"),
    (M1, "不是5000，是5230.50元。"),
    (M1, "您每个月工资8000，先拿出1000来还可以吗？"),
    (M1, "您的最后还款日是2026年11月2日。"),
    (M1, "从11月2号到期到今天，已经逾期18天了。"),
    (M1, "您18天没还款了。"),
    (M1, "已经晚了十八天了。"),
    (M1, "您看今天能不能先还一部分，比如2000块？"),
    (M1, "这周日，也就是11月22号，可以吗？"),
    (M1, "您说下周一还款，就是11月23号对吧？"),
    (M1, "那我们约定11月27号，下周五，您还5230.50元。"),
    (M1, "给您三天时间考虑一下。"),
    (M3, "您的欠款已经四万多了，最低还款是6788.78元。"),
    (M3, "逾期快一百天了，准确是97天。"),
    (M3, "连本带息四万一千五百二十八元七角八分。"),
    (M3, "分36期每期1381.99元，手续费已经算在里面了。"),
    (M3, "您先还6788.78的最低还款，剩下的34740元再商量。"),
    (M3, "本金38600元，利息2316.48元，滞纳金612.3元，合计41528.78元。"),
    (ANGRY, "林女士，您的欠款一共是两万零七十三块七毛五。"),
    (ANGRY, "我们这边可以把370块的滞纳金免掉，免掉以后是19703.75元。"),
    (ANGRY, "滞纳金370块免掉。"),
    (HARD, "您的欠款一共13086.5元，利息846.5元，滞纳金240元。"),
    (HARD, "利息我们最多能减免253.95元，滞纳金最多减免120元。"),
    (HARD, "分6期的话每期2246.52元。"),
    (HARD, "利息减免30%后一共12832.55元。"),
    (HARD, "一万三千零八十六块五，您看能先还多少？"),
    (ELDER, "顾阿姨，您这张卡一共欠了九千零九十八块八毛。"),
    (ELDER, "逾期46天了，10月9号到期的。"),
    (ELDER, "分12期的话每个月803块7毛3。"),
    (LAWYER, "周女士，您的欠款一共五万一千六百九十八元四角。"),
    (LAWYER, "分60期每期1120.13元。"),
    (PAID, "陈先生，这期应还一千九百九十四块三。"),
    (PAID, "您说12月1号已经还了，我这边查一下。"),
    (VISIT, "您欠的八千八百九十八块六，今天能处理一部分吗？"),
    (VISIT, "分6期每期1527.59元。"),
    (ILL, "分24期，每期934.10元。"),
    (ILL, "利息可以减免一半，就是618.20元，减免后还18978.20元。"),
    (WRONG, "滞纳金64元最多减免一半。"),
]

WRONG_ZH_MORE = [
    (M1, "王女士，您这张卡截至今天一共欠了5320.50元。", "ACC-AMOUNT"),
    (M1, "利息加滞纳金一共250元。", "ACC-AMOUNT"),
    (M1, "您现在的应还金额是¥5,230.50，最低还款是¥532.05。", "ACC-AMOUNT"),
    (M1, "如果分3期，月供是1734.5元。", "ACC-AMOUNT"),
    (M1, "您先还两千块，剩下两千二百三十块五分三期还。", "ACC-AMOUNT"),
    (M1, "滞纳金免掉以后，您需要还5130.5元。", "ACC-AMOUNT"),
    (M1, "您的最后还款日是2026年11月12日。", "ACC-DUE-DATE"),
    (M1, "您18天没还款了，已经逾期二十天了。", "ACC-DAYS-OVERDUE"),
    (M1, "这周日，也就是11月23号，可以吗？", "ACC-DATE"),
    (M1, "那我们约定11月28号，下周五，您还5230.50元。", "ACC-DATE"),
    (M1, "利息180块5可以给您减免掉。", "ACC-RELIEF"),
    (M1, "逾期总额是五千二百三十块零五分。", "ACC-AMOUNT"),
    (M3, "您的欠款已经五万多了。", "ACC-AMOUNT"),
    (M3, "连本带息四万一千二百五十八元七角八分。", "ACC-AMOUNT"),
    (M3, "分36期每期1318.99元。", "ACC-AMOUNT"),
    (ANGRY, "林女士，您的欠款一共是两万零三十七块七毛五。", "ACC-AMOUNT"),
    (ANGRY, "免掉滞纳金以后是19730.75元。", "ACC-AMOUNT"),
    (HARD, "利息我们可以减免423.25元。", "ACC-RELIEF"),
    (HARD, "利息减免30%后一共12382.55元。", "ACC-AMOUNT"),
    (ELDER, "逾期64天了。", "ACC-DAYS-OVERDUE"),
    (ELDER, "分12期的话每个月830块7毛3。", "ACC-AMOUNT"),
    (LAWYER, "周女士，您的欠款一共五万一千九百六十八元四角。", "ACC-AMOUNT"),
    (PAID, "陈先生，这期应还一千四百九十四块三。", "ACC-AMOUNT"),
    (VISIT, "分6期每期1572.59元。", "ACC-AMOUNT"),
    (ILL, "分24期，每期943.10元。", "ACC-AMOUNT"),
    (WRONG, "滞纳金64元可以全部减免。", "ACC-RELIEF"),
]

RIGHT_EN_MORE = [
    (MED, "Ms. Jennings, the current balance on the card is $2,486.40."),
    (MED, "You're behind by $2,486.40 in total."),
    (MED, "The past-due amount is $2,486.40, which includes a $75 late fee."),
    (MED, "Interest charges of $246.65 are part of that."),
    (MED, "Interest and late fees together come to $321.65."),
    (MED, "If you can do $500 now, that leaves $1,986.40."),
    (MED, "$207.20 per month for 12 months would pay it off."),
    (MED, "You'd pay $414.40 monthly for six months."),
    (MED, "Splitting it into 3 payments means $828.80 each."),
    (MED, "Your last payment was due August 5, so you're 97 days past due."),
    (MED, "It has been 97 days since the payment was due."),
    (MED, "I'm not saying you owe $3,000; the balance is $2,486.40."),
    (
        MED,
        "You mentioned you could pay $100 a month; the smallest plan we have is $207.20 a month.",
    ),
    (MED, "The hospital bills were $12,000, I understand."),
    (MED, "Could we schedule the first payment for Friday, November 13th?"),
    (MED, "Tomorrow, November 11th, works for the first payment."),
    (MED, "The total is twenty-four hundred eighty-six dollars and forty cents."),
    (MED, "That's roughly twenty-five hundred."),
    (ATT, "The account shows $4,394.62 owed, 128 days past due since May 31."),
    (ATT, "$3,912.44 of that is principal and $402.18 is interest."),
    (ATT, "Twelve payments of $366.22 would cover it."),
    (CEASE, "There's no interest on this account, only the $35 late fee on top of $612.40."),
    (CEASE, "You could do six payments of $107.90."),
    (DISPUTE, "The balance we were assigned is $1,284.37."),
    (DISPUTE, "That breaks down as $1,146.20 principal, $98.17 interest and a $40 late fee."),
    (DISPUTE, "Three payments of $428.12, starting whenever suits you."),
    (THEFT, "The charges on the account total $3,412.86 and the account is 141 days past due."),
    (SPOUSE, "Ms. Whitfield, the loan balance is $4,812.50."),
    (SPOUSE, "That's $4,400 in principal, $362.50 in interest and a $50 late fee."),
    (SPOUSE, "Six monthly payments of $802.08."),
    (SPOUSE, "Your payment was due September 5th."),
]

WRONG_EN_MORE = [
    (MED, "Ms. Jennings, the current balance on the card is $2,846.40.", "ACC-AMOUNT"),
    (MED, "The past-due amount is $2,486.40, which includes a $57 late fee.", "ACC-AMOUNT"),
    (MED, "Interest and late fees together come to $312.65.", "ACC-AMOUNT"),
    (MED, "If you can do $500 now, that leaves $1,968.40.", "ACC-AMOUNT"),
    (MED, "$270.20 per month for 12 months would pay it off.", "ACC-AMOUNT"),
    (MED, "You'd pay $441.40 monthly for six months.", "ACC-AMOUNT"),
    (MED, "It has been 79 days since the payment was due.", "ACC-DAYS-OVERDUE"),
    (MED, "Tomorrow, November 12th, works for the first payment.", "ACC-DATE"),
    (MED, "The total is twenty-four hundred sixty-eight dollars and forty cents.", "ACC-AMOUNT"),
    (MED, "Your minimum payment is $100.", "ACC-AMOUNT"),
    (ATT, "$3,921.44 of that is principal.", "ACC-AMOUNT"),
    (ATT, "Twelve payments of $336.22 would cover it.", "ACC-AMOUNT"),
    (CEASE, "You could do six payments of $109.70.", "ACC-AMOUNT"),
    (
        DISPUTE,
        "That breaks down as $1,146.20 principal, $89.17 interest and a $40 late fee.",
        "ACC-AMOUNT",
    ),
    (THEFT, "The charges on the account total $3,421.86.", "ACC-AMOUNT"),
    (SPOUSE, "Six monthly payments of $820.08.", "ACC-AMOUNT"),
    (SPOUSE, "Your payment was due September 15th.", "ACC-DUE-DATE"),
    (SPOUSE, "We can take the $50 late fee off for you.", "ACC-RELIEF"),
]


# How long overdue, said loosely: checked as a range of days.
RIGHT_DURATIONS = [
    (M3, "您已经逾期三个多月了。"),
    (M3, "您三个多月没还了。"),
    (M1, "逾期两周多了。"),
    (M1, "已经快三周没还了。"),
    (ANGRY, "您已经逾期一个多月了。"),
    (HARD, "逾期快两个月了。"),
    (WRONG, "逾期二十多天了。"),
    (PAID, "逾期一周多了。"),
    (LAWYER, "逾期快四个月了。"),
    (M3, "逾期快一百天了，准确是97天。"),
    (MED, "You're a little over three months behind."),
    (ATT, "It's been over four months past due."),
    (DISPUTE, "The account is almost six months past due."),
    (M1, "分三个月还，每个月1743.5。"),
    (M1, "三个月内还清就行。"),
]
WRONG_DURATIONS = [
    (M3, "您已经逾期两个多月了。", "ACC-DAYS-OVERDUE"),
    (M1, "逾期三周多了。", "ACC-DAYS-OVERDUE"),
    (ANGRY, "您已经逾期两个多月了。", "ACC-DAYS-OVERDUE"),
    (WRONG, "逾期十多天了。", "ACC-DAYS-OVERDUE"),
    (M3, "逾期五十多天了。", "ACC-DAYS-OVERDUE"),
    (MED, "You're about two months behind.", "ACC-DAYS-OVERDUE"),
    (ATT, "It's been over five months past due.", "ACC-DAYS-OVERDUE"),
]


# Varied wording: the same figures said the ways trainees say them.
RIGHT_VARIED = [
    (M1, "您这边是五千二百三十元五角整。"),
    (M1, "您需要还款5230块5毛钱。"),
    (M1, "您这个账户欠款RMB5230.5。"),
    (M1, "王女士，系统显示您逾期未还的金额为￥5230.50元。"),
    (M1, "总欠款5,230.5元，包括本金5千、利息180.5和滞纳金50。"),
    (M1, "其中五千是本金，一百八十块五是利息，五十块是滞纳金。"),
    (M1, "您的最低还款额523.05，全额是5230.50。"),
    (M1, "全部还清的话是5230.5元，只还最低的话是523.05元。"),
    (M1, "如果今天能还5230.50，那这个账户就结清了。"),
    (M1, "今天还不了全部的话，可以先还五百二十三块零五分。"),
    (M1, "分3期的话每期1743.50元，3个月还完。"),
    (M1, "如果选6期，每期903.13元，总共要多付188.30元手续费。"),
    (M1, "分6期总共要还5418.8元。"),
    (M1, "您这个账单11月2号就到期了，今天已经是逾期第18天。"),
    (M1, "还款日是11月2日，您现在已经逾期18天。"),
    (M1, "我们11月30号之前等您的还款。"),
    (M1, "您看后天，11月22号方便吗？"),
    (M1, "那就这周日11月22号吧。"),
    (M1, "那就定在11月25号，周三，可以吗？"),
    (M1, "您今天能先还2000吗？剩下的3230.50月底前还上。"),
    (M1, "您刚才说手头只有三千，那先还三千，剩下2230.5下周五前还。"),
    (M1, "如果您先还1000，剩下的4230.50可以分3期，每期1410.17元。"),
    (M1, "滞纳金50元我们可以申请全部减免，这样您只需要还5180.50元。"),
    (M1, "您的信用额度是两万，现在欠款5230.50。"),
    (M1, "大概五千多一点。"),
    (M1, "您欠了五千多块钱，具体是5230.5。"),
    (M3, "赵先生，您现在的欠款是41528.78元，已经逾期97天。"),
    (M3, "四万一千五百二十八块七毛八，这是截至今天的全部欠款。"),
    (M3, "您三个多月没还了，欠款四万一千多。"),
    (M3, "最低还款6788块7毛8，先把这个还上好吗？"),
    (M3, "分24期的话，每个月大概两千左右。"),
    (M3, "分36期每月1381.99，分24期每月1979.54。"),
    (ANGRY, "两万零七十三块七毛五，我再跟您核对一遍。"),
    (ANGRY, "您的欠款是20073.75元，这个数字您可以在App上查到。"),
    (ANGRY, "最低还款是3423.75元，10月29号到期的。"),
    (ANGRY, "分3期，每期6841.80元。"),
    (HARD, "刘先生，您的借款逾期52天，欠款13086.5元。"),
    (HARD, "本金一万二，利息846块5，滞纳金240。"),
    (HARD, "如果一次性结清，利息最多减免30%，滞纳金减一半，结清金额是12712.55元。"),
    (HARD, "每月1169块零6分，12期。"),
    (ELDER, "阿姨，您不用着急，欠款是9098.8元，最低还909.88就行。"),
    (ELDER, "分6期没有手续费，每期1516块4毛7。"),
    (LAWYER, "您的账户已经逾期112天，欠款51698.4元，最低还款6698.4元。"),
    (LAWYER, "分12期每期4644.24元。"),
    (PAID, "您这期账单1994.3元，12月1号到期的，现在逾期9天了。"),
    (PAID, "分3期每期674.74元。"),
    (VISIT, "您的欠款是8898块6，本金8000，利息738.6，滞纳金160。"),
    (ILL, "苏女士，您的欠款是19596.4元，逾期35天。"),
    (ILL, "分12期每期1731.02元。"),
    (WRONG, "赵志鹏先生的欠款是3420.8元。"),
    (MED, "Carol, the total balance is $2,486.40 and it's 97 days past due."),
    (MED, "The total comes to 2486.40."),
    (MED, "You owe 2,486 dollars and 40 cents."),
    (MED, "The amount owed is USD 2,486.40."),
    (MED, "You currently owe about twenty-five hundred dollars."),
    (MED, "It's roughly 2.5k."),
    (MED, "We can break it into twelve payments of about $207."),
    (MED, "The 6-month option is $414.40 per month."),
    (MED, "On the three-month plan you'd pay $828.80 each month."),
    (MED, "If you pay $1,000 now, the rest is $1,486.40."),
    (MED, "Pay $486.40 today and the remaining $2,000 over 12 months? That's not a plan we have."),
    (MED, "Your account has been past due since August 5th."),
    (MED, "That is 97 days as of today."),
    (MED, "Can you make a payment this Friday, November 13?"),
    (MED, "Let's set the first payment for December 1st."),
    (MED, "There's a $75 late fee included in the $2,486.40."),
    (MED, "$246.65 is interest."),
    (ATT, "Ms. Harper, your account shows a balance of $4,394.62."),
    (ATT, "The balance includes $80 in late fees and $402.18 in interest."),
    (ATT, "You could do $366.22 a month for a year."),
    (CEASE, "The final bill is $647.40."),
    (CEASE, "Three monthly payments of $215.80 would clear it by December."),
    (DISPUTE, "The balance is $1,284.37 and it has been past due since March 27."),
    (THEFT, "The account ending 5528 shows $3,412.86."),
    (SPOUSE, "The account balance is $4,812.50, and the loan is 68 days behind."),
    (SPOUSE, "Twelve payments of $401.04 or six of $802.08."),
]
RIGHT_VARIED += [
    (MED, "You owe 2.5k."),
    (MED, "We received your last payment of $150 in March."),
    (MED, "You want to pay $300 a month, right?"),
    (M1, "您是想每个月还500是吗？"),
    (M1, "您有5230.50元没还。"),
    (M1, "您先把没还的5230.50还上。"),
    (MED, "There is $2,486.40 past due."),
    (MED, "You're behind by $2,486.40."),
]
WRONG_VARIED = [
    (M1, "您这边是五千三百二十元五角整。", "ACC-AMOUNT"),
    (M1, "您需要还款5203块5毛钱。", "ACC-AMOUNT"),
    (M1, "您的最低还款额532.05，全额是5230.50。", "ACC-AMOUNT"),
    (M1, "全部还清的话是5320.5元。", "ACC-AMOUNT"),
    (M1, "如果选6期，每期930.13元。", "ACC-AMOUNT"),
    (M1, "分6期总共要还5481.8元。", "ACC-AMOUNT"),
    (M1, "您这个账单11月12号就到期了。", "ACC-DUE-DATE"),
    (M1, "还款日是11月20日，您现在已经逾期18天。", "ACC-DUE-DATE"),
    (M1, "您看后天，11月23号方便吗？", "ACC-DATE"),
    (M1, "那就定在11月25号，周四，可以吗？", "ACC-DATE"),
    (M1, "您今天能先还2000吗？剩下的3320.50月底前还上。", "ACC-AMOUNT"),
    (M1, "滞纳金50元我们可以申请全部减免，这样您只需要还5130.50元。", "ACC-AMOUNT"),
    (M1, "您欠了六千多块钱。", "ACC-AMOUNT"),
    (M3, "赵先生，您现在的欠款是41258.78元。", "ACC-AMOUNT"),
    (M3, "您三个多月没还了，欠款四万二千多。", "ACC-AMOUNT"),
    (M3, "分36期每月1318.99。", "ACC-AMOUNT"),
    (M3, "您已经逾期79天了。", "ACC-DAYS-OVERDUE"),
    (ANGRY, "最低还款是3243.75元。", "ACC-AMOUNT"),
    (ANGRY, "分3期，每期6481.80元。", "ACC-AMOUNT"),
    (HARD, "本金一万二，利息864块5，滞纳金240。", "ACC-AMOUNT"),
    (HARD, "结清金额是12172.55元。", "ACC-RELIEF"),
    (ELDER, "欠款是9089.8元。", "ACC-AMOUNT"),
    (LAWYER, "分12期每期4464.24元。", "ACC-AMOUNT"),
    (PAID, "您这期账单1994.3元，12月11号到期的。", "ACC-DUE-DATE"),
    (VISIT, "您的欠款是8989块6。", "ACC-AMOUNT"),
    (ILL, "分12期每期1713.02元。", "ACC-AMOUNT"),
    (MED, "Carol, the total balance is $2,468.40.", "ACC-AMOUNT"),
    (MED, "You owe 2,486 dollars and 4 cents.", "ACC-AMOUNT"),
    (MED, "You currently owe about thirty-five hundred dollars.", "ACC-AMOUNT"),
    (MED, "The 6-month option is $441.40 per month.", "ACC-AMOUNT"),
    (MED, "If you pay $1,000 now, the rest is $1,846.40.", "ACC-AMOUNT"),
    (MED, "Your account has been past due since September 5th.", "ACC-DUE-DATE"),
    (MED, "There's a $57 late fee included.", "ACC-AMOUNT"),
    (MED, "$264.65 is interest.", "ACC-AMOUNT"),
    (ATT, "You could do $336.22 a month for a year.", "ACC-AMOUNT"),
    (CEASE, "The final bill is $674.40.", "ACC-AMOUNT"),
    (DISPUTE, "It has been past due since May 27.", "ACC-DUE-DATE"),
    (SPOUSE, "Twelve payments of $410.04.", "ACC-AMOUNT"),
    (SPOUSE, "The loan is 86 days behind.", "ACC-DAYS-OVERDUE"),
    (MED, "You owe 2.8k.", "ACC-AMOUNT"),
    (MED, "Would $300 a month work?", "ACC-AMOUNT"),
    (M1, "您还有3000没还。", "ACC-AMOUNT"),
    (MED, "You have $3,000 past due.", "ACC-AMOUNT"),
    (MED, "You're behind by $2,000.", "ACC-AMOUNT"),
]


# Every scenario, the figures of its own ledger.
RIGHT_SCENARIOS = [
    (
        ELDER,
        "阿姨您别急，我慢慢说：您这张卡一共欠九千零九十八块八毛钱，其中本金八千六，利息四百一十二块八，滞纳金八十六块。",
    ),
    (ELDER, "如果这个月先还最低的909块88，就不会再多收滞纳金了。"),
    (ELDER, "滞纳金86块我可以帮您减免掉，减免后是9012.8元。"),
    (ELDER, "分6期的话一个月一千五百一十六块四毛七，分12期是八百零三块七毛三。"),
    (ELDER, "您是10月9号到期的，到今天逾期46天。"),
    (LAWYER, "周女士，您的账户逾期112天，欠款五万一千六百九十八块四。"),
    (LAWYER, "本金46800元，利息3962.4元，滞纳金936元。"),
    (LAWYER, "分24期每期2464.29元，分36期每期1720.41元。"),
    (LAWYER, "8月4号到期的，已经三个多月了。"),
    (LAWYER, "滞纳金936元可以全部减免，减免后应还50762.4元。"),
    (PAID, "陈先生，我们系统显示这期1994.30元还没有到账。"),
    (PAID, "本金1850元，利息129.5元，罚息14.8元。"),
    (PAID, "如果分两期，每期997.15元；分三期，每期674.74元。"),
    (PAID, "12月1号到期，今天是12月10号，逾期9天。"),
    (VISIT, "徐先生，您在汇鑫借的钱逾期78天了，一共8898块6毛。"),
    (VISIT, "您今天先还一部分，比如3000，剩下的5898.6可以分3期，每期1966.2元。"),
    (VISIT, "滞纳金160元可以免掉。"),
    (ILL, "苏女士，您的欠款19596.4元，本金18000元。"),
    (ILL, "利息1236.4元最多可以减免一半，也就是618.2元。"),
    (ILL, "逾期35天了，10月22号到期的。"),
    (ILL, "分24期每个月934块1毛。"),
    (WRONG, "请转告赵志鹏先生回电，谢谢。"),
    (WRONG, "赵先生，您的信用卡欠款3420.8元，逾期27天。"),
    (WRONG, "最低还款342.08元。"),
    (WRONG, "分3期每期1140.27元，分6期每期590.66元。"),
    (
        ATT,
        "I understand you're represented; I'll note that. For the record the balance is $4,394.62.",
    ),
    (ATT, "It's been 128 days since the May 31 due date."),
    (ATT, "The plan options are $732.44 a month for six months or $366.22 for twelve."),
    (CEASE, "I'll stop calling. For your records, the balance is $647.40."),
    (CEASE, "The account is 212 days past due; the due date was February 22."),
    (CEASE, "$612.40 is the device and service balance and $35 is a late fee."),
    (DISPUTE, "We'll send validation; the amount we're collecting is $1,284.37."),
    (DISPUTE, "That includes $98.17 of interest and a $40 late fee on $1,146.20 of principal."),
    (DISPUTE, "Two options: $428.12 a month for three months, or $214.06 a month for six."),
    (THEFT, "The account in your name shows $3,412.86 owed, 141 days past due."),
    (THEFT, "$2,980 of that is charges, $392.86 interest and $40 in late fees."),
    (THEFT, "It went past due on June 1st."),
    (SPOUSE, "Could you ask Lauren to call us back? Thank you."),
    (SPOUSE, "Ms. Whitfield, the balance on your installment loan is $4,812.50."),
    (SPOUSE, "It was due September 5, so it's 68 days past due now."),
    (SPOUSE, "We can do six payments of $802.08 or twelve of $401.04."),
    (MED, "I'm sorry about your surgery. The balance is $2,486.40; we can spread it out."),
    (MED, "With the 12-month plan it's $207.20 a month, no interest added."),
    (MED, "If $207.20 is too much, let's talk about what you can afford."),
]
RIGHT_SCENARIOS += [
    (PAID, "您这笔12期的借款，现在是第3期逾期了。"),
    (MED, "We have 3, 6 or 12-month plans."),
    (MED, "In two weeks, November 24th, is fine."),
]
WRONG_SCENARIOS = [
    (ELDER, "阿姨，您这张卡一共欠九千零八十九块八毛钱。", "ACC-AMOUNT"),
    (ELDER, "如果这个月先还最低的990块88，就不会再多收滞纳金了。", "ACC-AMOUNT"),
    (ELDER, "滞纳金86块我可以帮您减免掉，减免后是9102.8元。", "ACC-AMOUNT"),
    (ELDER, "您是10月19号到期的。", "ACC-DUE-DATE"),
    (LAWYER, "本金46800元，利息3692.4元，滞纳金936元。", "ACC-AMOUNT"),
    (LAWYER, "分24期每期2446.29元。", "ACC-AMOUNT"),
    (LAWYER, "利息3962.4元可以全部减免。", "ACC-RELIEF"),
    (PAID, "本金1580元，利息129.5元。", "ACC-AMOUNT"),
    (PAID, "如果分两期，每期979.15元。", "ACC-AMOUNT"),
    (PAID, "今天是12月10号，逾期19天。", "ACC-DAYS-OVERDUE"),
    (VISIT, "您今天先还3000，剩下的5989.6可以分3期。", "ACC-AMOUNT"),
    (VISIT, "利息738.6元可以免掉。", "ACC-RELIEF"),
    (ILL, "利息1236.4元可以全部减免。", "ACC-RELIEF"),
    (ILL, "逾期53天了。", "ACC-DAYS-OVERDUE"),
    (WRONG, "赵先生，您的信用卡欠款3240.8元。", "ACC-AMOUNT"),
    (WRONG, "滞纳金64元可以全免。", "ACC-RELIEF"),
    (ATT, "It's been 182 days since the May 31 due date.", "ACC-DAYS-OVERDUE"),
    (ATT, "The plan options are $723.44 a month for six months.", "ACC-AMOUNT"),
    (CEASE, "The account is 221 days past due.", "ACC-DAYS-OVERDUE"),
    (CEASE, "$621.40 is the device and service balance.", "ACC-AMOUNT"),
    (DISPUTE, "The amount we're collecting is $1,248.37.", "ACC-AMOUNT"),
    (DISPUTE, "We can waive the $40 late fee.", "ACC-RELIEF"),
    (THEFT, "It went past due on July 1st.", "ACC-DUE-DATE"),
    (THEFT, "The account in your name shows $3,142.86 owed.", "ACC-AMOUNT"),
    (SPOUSE, "It was due September 15, so it's 68 days past due now.", "ACC-DUE-DATE"),
    (SPOUSE, "We can do six payments of $820.08.", "ACC-AMOUNT"),
    (MED, "With the 12-month plan it's $270.20 a month.", "ACC-AMOUNT"),
    (PAID, "可以给您分12期。", "ACC-PLAN"),
    (MED, "We can set up a 9-month plan.", "ACC-PLAN"),
    (MED, "Can you pay by Friday, November 14?", "ACC-DATE"),
    (MED, "Three days from now, November 12th, works.", "ACC-DATE"),
    (PAID, "这期账单是1500元。", "ACC-AMOUNT"),
    (CEASE, "Your final bill is $500.", "ACC-AMOUNT"),
]


# Several figures in one line, one of them wrong; labels bound to the nearest figure or date.
RIGHT_MIXED = [
    (M1, "您这5230块5里面，有5000是本金。"),
    (M1, "这5230.50元包括5000元本金、180.50元利息和50元滞纳金。"),
    (M1, "您的还款日是每月2号，这期是11月2号到期的。"),
    (M1, "这个月2号到期的，到今天18天。"),
    (M1, "您要是今天还5230.5，明天就能恢复正常。"),
    (M1, "只还最低523.05的话，剩下的4707.45会继续计息。"),
    (M1, "全额5230.5，最低523.05，您选哪个？"),
    (M1, "一千七百四十三块五一期，分三期。"),
    (M1, "您看这样，11月25号周三先还2000，11月30号再还剩下的3230.5。"),
    (M1, "如果您今天还不了，最晚下周五也就是11月27号。"),
    (M1, "手续费是每期31块38。"),
    (M3, "您欠了我们四万一千五百二十八点七八元。"),
    (M3, "您欠款4.15万多一点。"),
    (M3, "本金三万八千六，利息两千三百一十六块四毛八，滞纳金六百一十二块三。"),
    (ANGRY, "我先跟您道歉。您的欠款是两万零七十三块七毛五分，我念慢一点。"),
    (HARD, "您之前借了两万，现在还欠13086.5元。"),
    (HARD, "您说每个月最多能还1000，我们最低的方案是12期每期1169.06元。"),
    (MED, "Of the $2,486.40, $2,164.75 is principal."),
    (
        MED,
        "Your balance is $2,486.40. If you can pay $86.40 today, "
        "the remaining $2,400 can be split into three payments of $800.",
    ),
    (MED, "I can't waive the late fee, I'm sorry."),
    (MED, "I can ask my supervisor whether the $75 late fee can be waived."),
    (MED, "The payment was due on August 5th and today is November 10th."),
    (MED, "We're 97 days past the August 5 due date."),
    (ATT, "Since you have an attorney, I'll only confirm the balance of $4,394.62 in writing."),
    (SPOUSE, "I can't discuss the account with you, sorry."),
    (DISPUTE, "You have 30 days to dispute the debt."),
    (THEFT, "You'll have 60 days to send us the police report."),
    (MED, "Your payment of $207.20 would be due on the 10th of each month."),
    (M1, "今天是11月20号，您已经逾期18天了。"),
    (M1, "月底，是30号还是31号？"),
    (CEASE, "We're now more than 120 days since the due date."),
    (MED, "The promotional rate ends if payments are more than 60 days late."),
    (M1, "您已经逾期18天了，如果超过30天就会影响征信。"),
    (M3, "逾期九十多天了。"),
    (M1, "11月2号是您的账单日。"),
    (M1, "滞纳金可以打五折。"),
    (HARD, "利息可以打七折。"),
    (M1, "其中本金5000，其余230.5是利息和滞纳金。"),
    (M1, "5230.50元中有180.50元是利息。"),
    (M1, "230块5是利息加滞纳金。"),
    (MED, "$321.65 of that is interest and late fees."),
    (M1, "今天已经是逾期第18天了。"),
    (M1, "还款日是11月2号，已经过了18天。"),
    (MED, "Your account went delinquent on August 6."),
    (MED, "Your current balance stands at $2,486.40."),
    (MED, "To pay in full you'd send $2,486.40."),
    (MED, "Your first payment of $207.20 would be due December 1."),
    (MED, "The account is now over 90 days delinquent."),
    (MED, "That's $2,486.40 total."),
    (M1, "您上个月还了1000，现在还剩5230.5。"),
    (M1, "您原来欠3000，现在加上利息是5230.5。"),
    (MED, "The original balance was $2,000."),
    (M1, "5230.5是您的欠款。"),
    (MED, "That's 207.20 a month."),
    (ATT, "With the hardship plan, your APR would drop from 29.9% to 6%."),
    (M1, "可以幫您申請減免部分利息。"),
    (M1, "5000+180.5+50=5230.5"),
    (MED, "2,164.75 + 246.65 + 75 = 2,486.40"),
]
WRONG_MIXED = [
    (M1, "这5230.50元包括5000元本金、180.50元利息和80元滞纳金。", "ACC-AMOUNT"),
    (M1, "只还最低523.05的话，剩下的4770.45会继续计息。", "ACC-AMOUNT"),
    (M1, "全额5320.5，最低523.05，您选哪个？", "ACC-AMOUNT"),
    (M1, "如果您今天还不了，最晚下周五也就是11月26号。", "ACC-DATE"),
    (M3, "本金三万八千六，利息两千三百六十一块四毛八，滞纳金六百一十二块三。", "ACC-AMOUNT"),
    (MED, "Of the $2,486.40, $2,146.75 is principal.", "ACC-AMOUNT"),
    (
        MED,
        "Your balance is $2,486.40. If you can pay $86.40 today, "
        "the remaining $2,300 can go on a plan.",
        "ACC-AMOUNT",
    ),
    (MED, "We're 79 days past the August 5 due date.", "ACC-DAYS-OVERDUE"),
    (MED, "The payment was due on August 15th and today is November 10th.", "ACC-DUE-DATE"),
    (M1, "今天是11月21号。", "ACC-DATE"),
    (M3, "逾期二十多天了。", "ACC-DAYS-OVERDUE"),
    (CEASE, "We're now more than 250 days past the due date.", "ACC-DAYS-OVERDUE"),
    (M1, "您今天还4000，剩下的就不用还了。", "ACC-RELIEF"),
    (M1, "可以给您优惠500。", "ACC-RELIEF"),
    (MED, "We can offer a 10% discount.", "ACC-RELIEF"),
    (MED, "Pay $2,000 and the rest is forgiven.", "ACC-RELIEF"),
    (HARD, "利息可以打五折。", "ACC-RELIEF"),
    (M1, "250块是利息加滞纳金。", "ACC-AMOUNT"),
    (MED, "$312.65 of that is interest and late fees.", "ACC-AMOUNT"),
    (M1, "今天已经是逾期第28天了。", "ACC-DAYS-OVERDUE"),
    (M1, "还款日是11月2号，已经过了8天。", "ACC-DAYS-OVERDUE"),
    (M1, "7777是您的欠款。", "ACC-AMOUNT"),
    (MED, "It's 264 in interest.", "ACC-AMOUNT"),
    (MED, "About 300 a month on the 12-month plan.", "ACC-AMOUNT"),
    (M1, "5000加280.5加50，一共5230.5。", "ACC-AMOUNT"),
    (MED, "2,164.75 + 246.65 + 57 = 2,467.40", "ACC-AMOUNT"),
    (MED, "Your account went delinquent on August 16.", "ACC-DUE-DATE"),
    (MED, "We could accept $2,000 as payment in full.", "ACC-RELIEF"),
]

# Kinds of miss and false flag found on the dev set (December), each in new wording.
RIGHT_KINDS = [
    # "这一期" is the bill now due, not one instalment of a plan.
    (PAID, "您这一期需要还1994.3元。"),
    # 减 waives; what is owed once it is waived (减完/免完) is the total less the waiver.
    (M1, "滞纳金50元可以给您免掉，免完一共5180.5。"),
    (HARD, "利息能减253.95，减完一共12832.55元。"),
    # 罚息 is the late fee when the interest is named apart; alone, either charge.
    (ILL, "利息最多减一半，罚息可以全部免掉。"),
    (HARD, "罚息最多减一半，也就是120元。"),
    # A share of a ledger quantity: half the balance, 欠款的一半.
    (ATT, "Half of your balance is $2,197.31."),
    (M1, "欠款的一半是2615.25元。"),
    (CEASE, "Pay half today, that's $323.70, and the rest next month."),
    # What is left after a payment said hypothetically, "down to", "$X left".
    (MED, "If you paid $486.40 now, that would leave $2,000."),
    (CEASE, "With a $147.40 payment you'd be down to $500."),
    (SPOUSE, "Send $812.50 this week and you'd have $4,000 left."),
    # The total less parts named in an earlier clause.
    (MED, "Not counting interest and fees, what you owe is $2,164.75."),
    (M1, "不算利息和滞纳金的话，您欠的是5000元。"),
    # Approximations: within a twentieth of the figure, labelled or not.
    (THEFT, "roughly thirty-four hundred bucks"),
    (CEASE, "Over six months that's about $108 a month."),
    (CEASE, "we're talking 650 dollars, give or take."),
    (SPOUSE, "roughly forty-eight hundred all together"),
    # An instalment said with "each", or "at" after the plan's length.
    (MED, "Six payments would be $414.40 each."),
    (MED, "twelve months at around 207"),
    # Hundreds in pairs, then the cents: "twenty-four eighty-six forty".
    (MED, "twenty-four eighty-six forty is the balance"),
    # A relative day and the date it is, joined by "then" / "so".
    (SPOUSE, "Let's do next Tuesday then, the 17th."),
    (CEASE, "ten days from today, so the 2nd"),
    # "was due" is the ledger's date, even for the first payment.
    (DISPUTE, "Your first payment was due March 27th."),
    (M3, "8月28号就该还了。"),
    (M3, "12月5号要还的。"),
    # Days overdue: "outstanding", "due since …, that's N days", "到今天N天".
    (DISPUTE, "It's been outstanding almost six months."),
    (MED, "It's been due since August 5th, that's 97 days."),
    (ANGRY, "10月29号到期，到今天四十一天。"),
    # Not statements of the account: a rough proposal, a share refused, relief asked about,
    # a guess that the debtor has paid.
    (MED, "Could you do around $500 today?"),
    (MED, "We can't do 30% off, but could you pay $300 today?"),
    (M1, "想帮您减轻一点压力，利息这块我帮您问问。"),
    (M1, "您11月15号应该还了吧？"),
    (SPOUSE, "You made a payment 10 days ago, and your balance is past due."),
    # Found probing after the dev set was clean: "after that", "N days ago", cents after pairs.
    (MED, "If you put $486.40 down today, you'd owe $2,000 after that."),
    (SPOUSE, "It went past due on September 5th, 68 days ago now."),
    (MED, "All in, you owe twenty-four eighty-six and forty cents."),
    (M1, "您先还一半吧，就是2615.25元。"),
    (ATT, "Your balance is forty-three ninety-four sixty-two."),
    (CEASE, "It's been past due since February 22nd, so 212 days."),
    (SPOUSE, "Pay a quarter of it now, that's $1,203.13."),
    # Second dev batch (December, night). 繁體 read as 简体: 塊, 萬, 還, 總共.
    (ILL, "滯納金360全免，免完是一萬九千二百三十六塊四"),
    (WRONG, "他這張卡總共欠三千四百二十塊八毛"),
    # Spoken dollars: "N hundred M" then the cents, a digit then a pair, "and a half grand".
    (THEFT, "The balance on file is thirty-four hundred twelve and eighty-six cents."),
    (CEASE, "Your full balance is six forty-seven forty."),
    (ATT, "you owe us forty-three hundred ninety-four sixty-two"),
    (MED, "two and a half grand, roughly, is the balance"),
    # A day count standing alone after the clause that names the due date.
    (DISPUTE, "Overdue since March 27th: 173 days."),
    # What is owed after a payment said in the line: 还差, "still owe", "is what's left".
    (VISIT, "您先还三千，还差五千八百九十八块六"),
    (ATT, "Send four hundred today and you'd still owe $3,994.62."),
    (THEFT, "If he sends $412.86 now, $3,000 is what's left."),
    # A part as the subject of a sum verb; a sum of the parts said with their labels.
    (MED, "The late fee comes to $75."),
    (ELDER, "本金8600+利息412.8+滞纳金86=9098.8"),
    # A share of a quantity said with its figure, within the relief; a rough sum in 万.
    (HARD, "利息846块5最多减三成"),
    (M3, "差不多四万二了"),
    (LAWYER, "分24期的话，总共大概要还六万块"),
]
WRONG_KINDS = [
    (PAID, "您这一期需要还1499.3元。", "ACC-AMOUNT"),
    (HARD, "利息能减253.95，减完一共12932.55元。", "ACC-AMOUNT"),
    (HARD, "利息可以减三成，能减三百块。", "ACC-RELIEF"),
    (HARD, "罚息240元可以全部免掉。", "ACC-RELIEF"),
    (HARD, "利息减三成，罚息全免。", "ACC-RELIEF"),
    (ATT, "Half of your balance is $2,179.13.", "ACC-AMOUNT"),
    (CEASE, "Pay half today, that's $332.70.", "ACC-AMOUNT"),
    (ILL, "利息可以减一半，也就是600元。", "ACC-AMOUNT"),
    (MED, "If you paid $486.40 now, that would leave $1,900.", "ACC-AMOUNT"),
    (CEASE, "With a $147.40 payment you'd be down to $450.", "ACC-AMOUNT"),
    (SPOUSE, "Send $812.50 this week and you'd have $4,100 left.", "ACC-AMOUNT"),
    (M1, "不算利息和滞纳金的话，您欠的是5050元。", "ACC-AMOUNT"),
    (MED, "it's somewhere around 2,300 bucks", "ACC-AMOUNT"),
    (ATT, "roughly five grand", "ACC-AMOUNT"),
    (CEASE, "Over six months that's about $100 a month.", "ACC-AMOUNT"),
    (CEASE, "we're talking 700 dollars, give or take.", "ACC-AMOUNT"),
    (SPOUSE, "roughly forty-five hundred all together", "ACC-AMOUNT"),
    (MED, "Six payments would be $440 each.", "ACC-AMOUNT"),
    (MED, "twelve months at around 250", "ACC-AMOUNT"),
    (MED, "twenty-four sixty-eight forty is the balance", "ACC-AMOUNT"),
    (SPOUSE, "Let's do next Tuesday then, the 18th.", "ACC-DATE"),
    (CEASE, "ten days from today, so the 3rd", "ACC-DATE"),
    (DISPUTE, "Your first payment was due March 7th.", "ACC-DUE-DATE"),
    (M3, "8月18号就该还了。", "ACC-DUE-DATE"),
    (DISPUTE, "It's been outstanding about four months.", "ACC-DAYS-OVERDUE"),
    (MED, "It's been due since August 5th, that's 79 days.", "ACC-DAYS-OVERDUE"),
    (ANGRY, "10月29号到期，到今天四十四天。", "ACC-DAYS-OVERDUE"),
    (MED, "If you put $486.40 down today, you'd owe $2,100 after that.", "ACC-AMOUNT"),
    (SPOUSE, "It went past due on September 5th, 86 days ago now.", "ACC-DAYS-OVERDUE"),
    (MED, "All in, you owe twenty-four sixty-eight and forty cents.", "ACC-AMOUNT"),
    (SPOUSE, "The balance is somewhere north of five thousand.", "ACC-AMOUNT"),
    (M1, "您先还一半吧，就是2651.25元。", "ACC-AMOUNT"),
    (ATT, "Your balance is forty-three forty-nine sixty-two.", "ACC-AMOUNT"),
    (CEASE, "It's been past due since February 22nd, so 221 days.", "ACC-DAYS-OVERDUE"),
    (SPOUSE, "Pay a quarter of it now, that's $1,230.", "ACC-AMOUNT"),
    (ILL, "利息减一半是681.2。", "ACC-RELIEF"),
    # Second dev batch (December, night): each failed before its fix.
    (M1, "餘額還有五千三百二十塊五毛", "ACC-AMOUNT"),
    (
        THEFT,
        "The balance on file is thirty-four hundred twenty-one and eighty-six cents.",
        "ACC-AMOUNT",
    ),
    (CEASE, "Your full balance is six forty-seven seventy.", "ACC-AMOUNT"),
    (ATT, "you owe us forty-three hundred forty-nine sixty-two", "ACC-AMOUNT"),
    (MED, "It's about three and a half grand you owe.", "ACC-AMOUNT"),
    (DISPUTE, "Overdue since March 27th: 137 days.", "ACC-DAYS-OVERDUE"),
    (ATT, "Behind since May 31 — 118 days.", "ACC-DAYS-OVERDUE"),
    (M1, "利息180块5可以给您减三成", "ACC-RELIEF"),
    (M3, "将近七万了", "ACC-AMOUNT"),
    # A rough figure with no plan talked of is not what a plan repays in all (¥49,751.48).
    (M3, "将近五万了吧", "ACC-AMOUNT"),
]


# Third dev batch (December, early morning): the kinds it found, in other words; each failed
# before its fix.
RIGHT_ROLES = [
    # Owed after a waiver said in an earlier clause: a remainder or a total.
    (LAWYER, "九百三十六的滞纳金免掉，剩五万零七百六十二块四就行"),
    (M3, "滞纳金给您全免了，总共还40916.48"),
    # A payment, rough or not, with what it leaves said after it.
    (SPOUSE, "Two grand now, then $2,812.50 later this month?"),
    # The alternative of an instalment is an instalment.
    (DISPUTE, "$214.06 a month for six months or $428.12 for 3"),
    # A day count from the due date.
    (MED, "That's 97 days since August 5th."),
    (CEASE, "six hundred and change is what you owe"),
    # 块五 before 月底; 块零五; 快 for 块; 七毛八 then 分期.
    (M1, "先还两千吧，剩的三千二百三十块五月底还完"),
    (M1, "最低还款五百二十三块零五"),
    (M1, "欠款是五千二百三十快五"),
    (M3, "一共四万一千五百二十八块七毛八分期的话每月3730.67"),
    (MED, "you missed the August 5 payment"),
    (M1, "您还了两千以后还剩三千二百三十块五"),
    (MED, "it's a little under twenty-five hundred."),
]
WRONG_ROLES = [
    (LAWYER, "九百三十六的滞纳金免掉，剩五万零六百七十二块四就行", "ACC-AMOUNT"),
    (M3, "滞纳金给您全免了，总共还40619.48", "ACC-AMOUNT"),
    (SPOUSE, "Two grand now, then $2,821.50 later this month?", "ACC-AMOUNT"),
    (DISPUTE, "$214.06 a month for six months or $482.12 for 3", "ACC-AMOUNT"),
    (MED, "That's 97 days since August 25th.", "ACC-DUE-DATE"),
    (CEASE, "five hundred and change is what you owe", "ACC-AMOUNT"),
    (M1, "先还两千吧，剩的三千三百二十块五月底还完", "ACC-AMOUNT"),
    (M1, "最低还款五百三十二块零五", "ACC-AMOUNT"),
    (M1, "欠款是五千三百二十快五", "ACC-AMOUNT"),
    # A figure inside a question is said all the same.
    (ANGRY, "是不是欠了两万零七百三十七块五啊", "ACC-AMOUNT"),
    (MED, "I can do $75 off the fees", "ACC-RELIEF"),
    (MED, "you missed the August 15 payment", "ACC-DUE-DATE"),
    (M1, "您还了两千以后还剩三千二百零三块五", "ACC-AMOUNT"),
    (MED, "it's a little over twenty-six hundred", "ACC-AMOUNT"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_ROLES)
def test_roles_batch_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG_ROLES)
def test_roles_batch_wrong(ref: str, text: str, rule: str) -> None:
    found = rules(ref, text)
    assert any(r == rule or r.startswith(f"{rule}-") for r in found), found


# Kinds the accuracy grid (benchmarks/accuracy_grid.py) found weak, in wording of their own:
# a label that names its own figure is not a second reading of its neighbour (a role swap is
# caught); digits with scale words; hundreds as two pairs after a ledger noun; M.D dates.
RIGHT_GRID = [
    (ELDER, "利息412.8，滞纳金86，本金8600"),
    (ANGRY, "其中本金18500 利息1203.75 滞纳金370"),
    (CEASE, "that's 6 hundred 12 dollars and 40 cents of principal"),
    (ATT, "it comes to 4 thousand 3 hundred 94 dollars and 62 cents"),
    (THEFT, "the principal is twenty-nine eighty"),
    (VISIT, "这笔是9.4到期的"),
    # A remainder or a part named after its figure with 是…的; a partial payment labelled so.
    (ELDER, "先付3000，6098.8是剩下要还的"),
    (ELDER, "412块8是这两个月的利息"),
    (ELDER, "部分还款1000也行"),
    (HARD, "下周一，也就是11.23还上"),
]
WRONG_GRID = [
    (ELDER, "利息86，滞纳金412.8", "ACC-AMOUNT"),
    (VISIT, "滞纳金738.6，利息160", "ACC-AMOUNT"),
    (ATT, "interest is $80 and the late fee is $402.18", "ACC-AMOUNT"),
    (CEASE, "that's 6 hundred 21 dollars and 40 cents of principal", "ACC-AMOUNT"),
    (THEFT, "the principal is twenty-nine ninety", "ACC-AMOUNT"),
    (VISIT, "这笔是9.14到期的", "ACC-DUE-DATE"),
    (ELDER, "先付3000，6908.8是剩下要还的", "ACC-AMOUNT"),
    # what a proposed payment leaves is not the whole total
    (ELDER, "先付3000，剩下的9098.8下个月还", "ACC-AMOUNT"),
    (ELDER, "421块8是这两个月的利息", "ACC-AMOUNT"),
    (HARD, "下周一，也就是11.24还上", "ACC-DATE"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_GRID)
def test_grid_kinds_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG_GRID)
def test_grid_kinds_wrong(ref: str, text: str, rule: str) -> None:
    found = rules(ref, text)
    assert any(r == rule or r.startswith(f"{rule}-") for r in found), found


def test_a_role_swap_names_the_figure_its_role_and_the_right_value() -> None:
    found = findings(ELDER, "利息86，滞纳金412.8")
    assert [f.message.zh for f in found] == [
        "¥86（“86”）与账户不符：利息是 ¥412.80。",
        "¥412.80（“412.8”）与账户不符：滞纳金是 ¥86.00。",
    ]
    assert [f.message.en for f in found] == [
        "¥86 (“86”) is not on this account: the interest is ¥412.80.",
        "¥412.80 (“412.8”) is not on this account: the late fee is ¥86.00.",
    ]
    found = findings(ATT, "interest is $80 and the late fee is $402.18")
    assert [f.message.en for f in found] == [
        "$80 is not on this account: the interest is $402.18.",
        "$402.18 is not on this account: the late fee is $80.00.",
    ]
    assert [f.message.zh for f in found] == [
        "$80与账户不符：利息是 $402.18。",
        "$402.18与账户不符：滞纳金是 $80.00。",
    ]


# Batch 8 kinds (mechanisms, each in wording of its own). Exact figures: a sum said with its
# cents dropped (¥20,073 for ¥20,073.75) is a misquote, as the newcomer review expected; what a
# settlement leaves within the relief is a proposal, not a misquote.
RIGHT_BATCH8 = [
    (M1, "其中五千是本金，一百八十块五是利息，五十块是滞纳金。"),
    (ANGRY, "一次性还一万九千八百块就能结清。"),
    (M1, "最低还款532.05，说错了，应该是523.05。"),
    (MED, "The balance is $2,468.40 - sorry, I mean $2,486.40."),
    (M1, "最低还款523.05对吗？"),
    (ELDER, "是9098.8没错吧？"),
    (ELDER, "至少还909.88就行。"),
    (M1, "您至少先还2000吧。"),
    (ANGRY, "10月29号，周四，那天就到期了。"),
    (ATT, "The due date was May 31, a Sunday."),
    (M1, "上上周一就该还了。"),
    (ELDER, "都拖了一个半月了。"),
    (CEASE, "You're over half a year behind."),
    (VISIT, "您这欠了小九千块钱。"),
    (M1, "利息一百八十块多。"),
    (SPOUSE, "So it's forty-eight hundred twelve fifty."),
    (M3, "将近四万二了。"),
    (SPOUSE, "It's past due since September 5, so over two months now."),
]
WRONG_BATCH8 = [
    (ANGRY, "您欠了两万零七十块。", "ACC-AMOUNT"),
    (ANGRY, "您欠了两万零七十三块。", "ACC-AMOUNT"),
    (ATT, "You owe 4,394 bucks.", "ACC-AMOUNT"),
    (SPOUSE, "The balance is 4,813 dollars.", "ACC-AMOUNT"),
    (M1, "其中五千是本金，一百八十块是利息，五十块是滞纳金。", "ACC-AMOUNT"),
    (ATT, "Pay $4,394 and you're all paid off.", "ACC-RELIEF"),
    (M1, "最低还款是五百二十二块。", "ACC-AMOUNT"),
    (M1, "最低还款523.05，不对，是532.05。", "ACC-AMOUNT"),
    (MED, "The balance is $2,486.40, I mean $2,468.40.", "ACC-AMOUNT"),
    (ELDER, "是9089.8没错吧？", "ACC-AMOUNT"),
    (ELDER, "至少还990.88就行。", "ACC-AMOUNT"),
    (M3, "最起码先还6878.78。", "ACC-AMOUNT"),
    (ANGRY, "10月29号周三到期的。", "ACC-DATE"),
    (ATT, "It was due May 31, a Monday.", "ACC-DATE"),
    (PAID, "上上周二到期的。", "ACC-DUE-DATE"),
    (M3, "逾期都快半年了。", "ACC-DAYS-OVERDUE"),
    (PAID, "逾期大概半个月。", "ACC-DAYS-OVERDUE"),
    (CEASE, "It's been over a year past due.", "ACC-DAYS-OVERDUE"),
    (ELDER, "拖了两个半月了。", "ACC-DAYS-OVERDUE"),
    (VISIT, "您欠了小八千。", "ACC-AMOUNT"),
    (ANGRY, "将近两万一了。", "ACC-AMOUNT"),
    (SPOUSE, "So it's forty-eight hundred twenty fifty.", "ACC-AMOUNT"),
    (MED, "It's been about six weeks.", "ACC-DAYS-OVERDUE"),
]


# Kinds from benchmarks/accuracy_kinds.py (every quantity x label x form x hedge), in wording
# of their own: plan lengths in years, 来 counts, hedges after a figure, due dates named as the
# payment missed, a payment named by "after your", a label after a verb.
RIGHT_BY_KIND = [
    (M1, "逾期二十来天了"),
    (M3, "可以分两年，也可以分三年"),
    (M1, "6期的话每月九百块出头"),
    (M1, "11月2号应还的那笔一直没还"),
    (MED, "the August 5 payment was never made"),
    (MED, "the balance after your $500 payment would be $1,986.40"),
    (MED, "the remaining balance after your $500 would be $1,986.40"),
    (ANGRY, "20073.75元就是您要还的全部"),
    (ANGRY, "分6期，三千四百八十六块一毛四一个月"),
    (MED, "you owe like 2,500 bucks"),
]
WRONG_BY_KIND = [
    # 903.13 a month is not "under 900": only the plan on the total less the waived late fee
    # (894.50) is, and no waiver is talked of (session 16).
    (M1, "6期的话每月九百块不到", "ACC-AMOUNT"),
    (M1, "逾期四十来天了", "ACC-DAYS-OVERDUE"),
    (M1, "最长能给您分两年", "ACC-PLAN"),
    (ATT, "we could spread it over three years", "ACC-PLAN"),
    (M3, "8月18号应还的那期没还", "ACC-DUE-DATE"),
    (SPOUSE, "the October 5 payment was missed", "ACC-DUE-DATE"),
    (MED, "the balance after your $500 payment would be $1,896.40", "ACC-AMOUNT"),
    (ANGRY, "2073.75元就是您要还的全部", "ACC-AMOUNT"),
    (MED, "you owe like 3,000 bucks", "ACC-AMOUNT"),
]

# Kinds of session 12, each right and wrong: a yearless date said as missed is read in the
# past on the call's clock; ordinal day counts past 99 in Chinese numerals; a rough hundreds
# figure with its label after it; a list of named parts before their sum; an apology as a
# correction; a month's end as the due date.
RIGHT_SESSION12 = [
    (CEASE, "it went past due on February 22"),
    (CEASE, "the Feb 22 payment was never made"),
    (DISPUTE, "your account went delinquent on March 27"),
    (LAWYER, "今天已经是逾期第一百一十二天了"),
    (M3, "到今天是逾期第九十七天"),
    (DISPUTE, "about thirteen hundred is what's owed"),
    (VISIT, "滞纳金160，利息738.6，合计898.6"),
    (M1, "本金5000、利息180.5，一共5180.5"),
    (M1, "逾期总额5,320，抱歉，5,230.50"),
    (M3, "8月底到期的那笔一直没还"),
    (MED, "what you'd owe once your $400 clears is $2,086.40"),
    (THEFT, "late fee: $40 / interest: $392.86"),
    (HARD, "要是不行的话，也可以分12期"),
    (ATT, "we can't do 24 months, only 6 or 12"),
]
WRONG_SESSION12 = [
    (CEASE, "it went past due on January 22", "ACC-DUE-DATE"),
    (DISPUTE, "the February 27 payment was missed", "ACC-DUE-DATE"),
    (LAWYER, "今天已经是逾期第一百二十一天了", "ACC-DAYS-OVERDUE"),
    (M3, "到今天是逾期第一百零七天", "ACC-DAYS-OVERDUE"),
    (ATT, "about thirty-nine hundred is what's owed", "ACC-AMOUNT"),
    (VISIT, "滞纳金160，利息738.6，合计988.6", "ACC-AMOUNT"),
    (M1, "逾期总额5,230.50，抱歉，5,320", "ACC-AMOUNT"),
    (M3, "7月底到期的那笔一直没还", "ACC-DUE-DATE"),
    (MED, "what you'd owe once your $400 clears is $2,068.40", "ACC-AMOUNT"),
    (THEFT, "late fee: $40 / interest: $293.86", "ACC-AMOUNT"),
    (HARD, "要是不行的话，也可以分三年", "ACC-PLAN"),
    (DISPUTE, "if that doesn't work out we can do 12 payments", "ACC-PLAN"),
]
# Kinds of session 13, each right and wrong: days said as ordinal words; spoken payment verbs
# before a remainder; becoming delinquent "in" a month's part; a rough figure near the total
# after a waiver nobody talked of; what a plan with a fee repays in all said as the debt (the
# fee hidden); a plan's length "for a year".
RIGHT_SESSION13 = [
    (SPOUSE, "the due date was the fifth of September"),
    (CEASE, "it's been past due since the twenty-second of February"),
    (MED, "knock out $600 today and you'd have $1,886.40 left"),
    (MED, "throw in two hundred now and you'd still owe $2,286.40"),
    (MED, "this went delinquent in early August"),
    (ILL, "利息减一半的话大概一万九左右"),
    (ILL, "大概两万左右"),
    (M1, "分6期，总共还5418.78"),
    (M1, "分6期的话，您总共欠5230.5"),
    (M1, "分3期，一共还5230.5"),
    (M3, "分12期，加起来还款总额是44768.04"),
    (MED, "we can spread it out for a year, $207.20 a month"),
]
WRONG_SESSION13 = [
    (SPOUSE, "the due date was the fifth of October", "ACC-DUE-DATE"),
    (CEASE, "it's been past due since the twenty-second of March", "ACC-DUE-DATE"),
    (MED, "knock out $600 today and you'd have $1,986.40 left", "ACC-AMOUNT"),
    (MED, "throw in two hundred now and you'd still owe $2,268.40", "ACC-AMOUNT"),
    (MED, "this went delinquent in late August", "ACC-DUE-DATE"),
    (DISPUTE, "the account fell behind in mid-April", "ACC-DUE-DATE"),
    (ILL, "大概一万八左右", "ACC-AMOUNT"),
    (M1, "分6期，总共还5230.5", "ACC-AMOUNT"),
    (M3, "分12期，算下来总共还41528.78", "ACC-AMOUNT"),
    (SPOUSE, "we can spread it out for two years", "ACC-PLAN"),
]
RIGHT_ALL = (
    RIGHT_ZH
    + RIGHT_EN
    + RIGHT_ZH_MORE
    + RIGHT_EN_MORE
    + RIGHT_DURATIONS
    + RIGHT_VARIED
    + RIGHT_SCENARIOS
    + RIGHT_MIXED
    + RIGHT_GRID
    + RIGHT_BATCH8
    + RIGHT_BY_KIND
    + RIGHT_SESSION12
    + RIGHT_SESSION13
)
WRONG_ALL = (
    WRONG_ZH
    + WRONG_EN
    + WRONG_ZH_MORE
    + WRONG_EN_MORE
    + WRONG_DURATIONS
    + WRONG_VARIED
    + WRONG_SCENARIOS
    + WRONG_MIXED
    + WRONG_GRID
    + WRONG_BATCH8
    + WRONG_BY_KIND
    + WRONG_SESSION12
    + WRONG_SESSION13
)


@pytest.mark.parametrize(("ref", "text"), RIGHT_ALL)
def test_right_figures_stay_clean(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG_ALL)
def test_wrong_figures_are_caught(ref: str, text: str, rule: str) -> None:
    found = rules(ref, text)
    assert any(r == rule or r.startswith(f"{rule}-") for r in found), found


@pytest.mark.parametrize(("ref", "text"), RIGHT_KINDS)
def test_kinds_right(ref: str, text: str) -> None:
    """The December kinds, apart so they run on their own; typed loosely below too."""
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule"), WRONG_KINDS)
def test_kinds_wrong(ref: str, text: str, rule: str) -> None:
    found = rules(ref, text)
    assert any(r == rule or r.startswith(f"{rule}-") for r in found), found


@pytest.mark.parametrize(
    ("ref", "text", "zh", "en"),
    [
        (
            M1,
            "您这笔¥8,888什么时候能处理？",
            "¥8,888与账户不符：逾期总额是 ¥5,230.50。",
            "¥8,888 is not on this account: the total is ¥5,230.50.",
        ),
        (
            M1,
            "您的逾期总额是7,777元。",
            "¥7,777（“7,777元”）与账户不符：逾期总额是 ¥5,230.50。",
            "¥7,777 (“7,777元”) is not on this account: the total is ¥5,230.50.",
        ),
        (
            MED,
            "That's about $300 a month on the 12-month plan.",
            "分12期的每期还款额是 $207.20",
            "about $300 (“$300”) is not on this account: "
            "the monthly payment on the 12-month plan is $207.20.",
        ),
        (
            M3,
            "您欠了四万五千多。",
            "¥45,000多（“四万五千多”）与账户不符：逾期总额是 ¥41,528.78。",
            "over ¥45,000 (“四万五千多”) is not on this account: the total is ¥41,528.78.",
        ),
        (
            M1,
            "您先还2000，剩下的3000元下个月还清。",
            "剩余金额是 ¥3,230.50",
            "the remainder after ¥2,000.00 is ¥3,230.50",
        ),
        (M1, "滞纳金可以减免100元。", "滞纳金最多减免 ¥50.00", "Waiving ¥100 of the late fee"),
        (M1, "明天也就是11月22号，您方便还款吗？", "2026-11-21", "“明天” is 2026-11-21"),
        (M1, "您的账单是11月22号到期的。", "2026-11-02", "the ledger says 2026-11-02"),
        (MED, "You're three months behind, 57 days to be exact.", "97 天", "it is 97 days"),
        # A share, a rough figure, 罚息 read as the late fee, a remainder after a payment.
        (
            ILL,
            "利息可以减一半，也就是600元。",
            "利息的一半是 ¥618.20",
            "half of the interest is ¥618.20",
        ),
        (
            ATT,
            "roughly five grand",
            "约$5,000（“five grand”）与账户不符：逾期总额是 $4,394.62。",
            "about $5,000 (“five grand”) is not on this account: the total is $4,394.62.",
        ),
        (HARD, "罚息240元可以全部免掉。", "减免滞纳金 ¥240", "Waiving ¥240 of the late fee"),
        (
            SPOUSE,
            "Send $812.50 this week and you'd have $4,100 left.",
            "还$812.50后的剩余金额是 $4,000.00",
            "the remainder after $812.50 is $4,000.00",
        ),
        # Second dev batch: what a payment leaves, a part before a sum verb, a sum with its
        # labels, what is owed after a waiver.
        (
            VISIT,
            "先还三千，还差五千九百八十九块六",
            "剩余金额是 ¥5,898.60",
            "the remainder after ¥3,000.00 is ¥5,898.60",
        ),
        (
            ATT,
            "Put $394.62 down and you'll owe $4,100.",
            "剩余金额是 $4,000.00",
            "the remainder after $394.62 is $4,000.00",
        ),
        (MED, "Interest comes to $264.56.", "利息是 $246.65", "the interest is $246.65"),
        (ELDER, "本金8600+利息412.8+滞纳金86=9089.8", "= ¥9,098.80", "= ¥9,098.80"),
        (
            LAWYER,
            "滞纳金九百三十六免掉以后还欠五万零七百二十六块四",
            "减免后应还金额是 ¥50,762.40",
            "the total after the waiver is ¥50,762.40",
        ),
    ],
)
def test_a_finding_names_the_figure_its_role_and_the_right_value(
    ref: str, text: str, zh: str, en: str
) -> None:
    [finding] = findings(ref, text)
    assert zh in finding.message.zh
    assert en in finding.message.en
    assert finding.quote == text and finding.evidence in text


def test_any_line_is_judged_without_error() -> None:
    """Random and very long lines: the judge never raises, and a long paste stays linear."""
    rng = random.Random(1)
    alphabet = "0123456789.,，。？ 元块毛分万千百十欠还剩先每期利息本金滞纳金减免免后号月天周五明"
    alphabet += "$ owe pay balance the rest a month waive late fee due days past Friday Nov"
    for ref in (M1, MED):
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 120)))
            findings(ref, text)
        for text in ("欠5230.50元，" * 200, "您先还1000，剩下4230.5分3期，每期1410.17元。" * 60):
            findings(ref, text)


def loosely(text: str, lang: str) -> list[str]:
    """The same line typed loosely: a filler before it, spaces for commas, no final stop."""
    if lang == "zh":
        return ["嗯，跟您说一下，" + text, text.replace("，", " "), text.rstrip("。")]
    return [
        "So, just so you know, " + text[0].lower() + text[1:],
        re.sub(r"\.(\s|$)", r"!\1", text.replace(", ", " ")),
        text.rstrip("."),
    ]


def test_the_same_lines_typed_loosely() -> None:
    flagged = [
        v
        for ref, text in RIGHT_ALL + RIGHT_KINDS
        for v in loosely(text, scenario(ref).lang)
        if rules(ref, v)
    ]
    missed = [
        v
        for ref, text, _ in WRONG_ALL + WRONG_KINDS
        for v in loosely(text, scenario(ref).lang)
        if not rules(ref, v)
    ]
    assert flagged == [] and missed == []


# Batch 9 kinds (issue 14), in wording of their own: a figure's role read from labels and verbs
# not seen before, approximations as ranges, weekday abbreviations before a date, days overdue
# as a bare duration closed by 了 or in weeks, offers beyond the plans and the relief. Each wrong
# line draws exactly one finding, naming the wrong figure.
RIGHT_BATCH9 = [
    (M1, "最少还个523.05就行"),
    (M1, "保底先还523块零5"),
    (M1, "今天还2000，差的3230.5月底补上"),
    (M1, "您先还2000，余款3230.5下月还"),
    (ELDER, "您先还三千，后面的6098.8再分期"),
    (M1, "两个多礼拜了"),
    (M1, "大概五千二左右吧"),
    (HARD, "罚息二百四的话我能给您免掉八十"),
    (M1, "滞纳金免了，减到5180.5"),
    (M3, "三个多月了"),
    (ANGRY, "可以帮您申请分12期"),
    (MED, "put 500 down and the balance drops to 1,986.40"),
    (MED, "after that there'd be 1,986.40 to go"),
    (MED, "it's been 14 weeks now"),
    (MED, "I can do 12 months for you"),
    (MED, "how about Thurs 11/12?"),
    (MED, "close to twenty-five hundred"),
    (DISPUTE, "about thirteen hundred all told"),
    (THEFT, "about 3.4 grand"),
    (SPOUSE, "over two months behind now"),
]
WRONG_BATCH9 = [
    (M1, "最少还个532.05就不会再上征信了", "ACC-AMOUNT", "532.05"),
    (M1, "保底先还532块零5", "ACC-AMOUNT", "532块零5"),
    (M1, "您先还2000，余款3320.5下月还", "ACC-AMOUNT", "3320.5"),
    (M1, "今天还2000，差的3320.5月底补上", "ACC-AMOUNT", "3320.5"),
    (ELDER, "您先还三千，后面的6089.8再分期", "ACC-AMOUNT", "6089.8"),
    (M1, "大概五千七左右吧您这个", "ACC-AMOUNT", "五千七左右"),
    (M1, "利息那一百八十块五可以给您打个对折", "ACC-RELIEF", "利息那一百八十块五可以给您打个对折"),
    (M1, "利息可以少收一点，少收一百", "ACC-RELIEF", "利息可以少收一点"),
    (M1, "给您减到五千就行", "ACC-RELIEF", "五千"),
    (M1, "都快一个月了", "ACC-DAYS-OVERDUE", "快一个月"),
    (M3, "一个多月了赵先生", "ACC-DAYS-OVERDUE", "一个多月"),
    (HARD, "您这都逾期仨月了", "ACC-DAYS-OVERDUE", "仨月"),
    (HARD, "罚息二百四的话我能给您免掉二百", "ACC-RELIEF", "二百"),
    (ANGRY, "可以帮您申请分48期", "ACC-PLAN", "分48期"),
    (ATT, "pay $1,000 today and you'd still be short $3,494.62", "ACC-AMOUNT", "$3,494.62"),
    (ATT, "how about Wed. Oct 8", "ACC-DATE", "Oct 8"),
    (MED, "Tues 11/18 for the first one?", "ACC-DATE", "11/18"),
    (MED, "I can cut it down to $2,000 even if you pay this week", "ACC-RELIEF", "$2,000"),
    (MED, "put 500 down and the balance drops to 1,896.40", "ACC-AMOUNT", "1,896.40"),
    (MED, "nearly 2,700 now", "ACC-AMOUNT", "2,700"),
    (MED, "I can do 9 months for you", "ACC-PLAN", "do 9 months"),
    (DISPUTE, "roughly $1,100 all told", "ACC-AMOUNT", "$1,100"),
    (THEFT, "about 3 grand", "ACC-AMOUNT", "3 grand"),
    (SPOUSE, "over 70 days behind now", "ACC-DAYS-OVERDUE", "70 days"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_BATCH9)
def test_batch9_kinds_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule", "evidence"), WRONG_BATCH9)
def test_batch9_kinds_wrong_draw_one_finding(ref: str, text: str, rule: str, evidence: str) -> None:
    found = [f for f in findings(ref, text) if f.rule.startswith("ACC-")]
    assert [(f.rule, f.evidence) for f in found] == [(rule, evidence)]


# Session 12, one table per kind a fresh batch missed: the approximation rule (the package
# docstring of scoring.accuracy), a part of a named month as the due date, a rough sum in 万
# with 出头 / 不到, and a sum that clears the debt "today". Each wrong line draws one finding,
# naming the wrong figure.
RIGHT_APPROX_AND_PARTS = [
    (ATT, "she owes roughly 4.3 grand"),  # truncates to it at the hundred
    (SPOUSE, "it's about five grand all in"),  # rounds to it at the thousand
    (ANGRY, "逾期差不多一个半月了"),  # 41 days rounds to a month and a half
    (VISIT, "这都逾期两个半月了"),  # 78 days
    (ANGRY, "逾期快一个半月了"),
    (ELDER, "九千出头的欠款"),
    (M3, "欠了四万出头"),
    (MED, "it went past due in early August"),
    (M3, "8月下旬到期的那笔一直没还"),
    (DISPUTE, "to pay this off you need $1,284.37"),
    (DISPUTE, "settle up today with $400 and the rest next month"),
    (MED, "you can clear the balance today with $2,486.40"),
]
WRONG_APPROX_AND_PARTS = [
    (ATT, "she owes about 4.2k", "ACC-AMOUNT", "4.2k"),
    (SPOUSE, "it's like 4 grand", "ACC-AMOUNT", "4 grand"),
    (ANGRY, "都快两个月没还了", "ACC-DAYS-OVERDUE", "快两个月"),  # 41 days is not almost two
    (ELDER, "一万出头的欠款", "ACC-AMOUNT", "一万出头"),
    (ELDER, "欠了两万不到", "ACC-AMOUNT", "两万不到"),
    (MED, "you've been past due since the end of August", "ACC-DUE-DATE", "the end of August"),
    (M3, "您这笔是9月初到期的", "ACC-DUE-DATE", "9月初"),
    (DISPUTE, "you can clear it today with $1,248.37", "ACC-RELIEF", "$1,248.37"),
    (DISPUTE, "to pay the balance off you need $1,428.37", "ACC-AMOUNT", "$1,428.37"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_APPROX_AND_PARTS)
def test_approximations_and_month_parts_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule", "evidence"), WRONG_APPROX_AND_PARTS)
def test_approximations_and_month_parts_wrong_draw_one_finding(
    ref: str, text: str, rule: str, evidence: str
) -> None:
    found = [f for f in findings(ref, text) if f.rule.startswith("ACC-")]
    assert [(f.rule, f.evidence) for f in found] == [(rule, evidence)]


# A plan's fee terms (ACC-PLAN): a fee rate said must be the named plan's (per month, or in all
# when said so); a plan with a fee said to be free is wrong; a plan's fee and what it repays in
# all are right as charged (a month's fee to the cent times the months: 31.38 × 6 = 188.28) or
# at the rate (188.30); a month's fee said as the plan's in all is wrong.
RIGHT_PLAN_TERMS = [
    (M1, "分3期免手续费"),
    (M1, "分6期每月费率千分之六"),
    (M3, "分12期的话手续费率每月百分之零点六五"),
    (M3, "分12期不是免手续费的，每月0.65%"),
    (M3, "分12期有没有手续费？"),
    (ANGRY, "分3期手续费一共是2.25%"),
    (HARD, "利息最多减百分之三十"),
    (MED, "the 12-month plan has no fees"),
    (M1, "分6期，手续费总共一百八十八块二毛八"),
    (M1, "分6期手续费加起来188.30"),
    (M1, "分6期下来一共要还5418.78"),
    (M1, "分6期，每期手续费31.38，6期一共188.28"),
    (M3, "分24期每期还1979.54，一共要还47508.96"),
    (ANGRY, "分12期，每期手续费132.49，总共手续费1589.88"),
]
WRONG_PLAN_TERMS = [
    (M3, "分12期免手续费", "ACC-PLAN", "免手续费"),
    (ELDER, "分12期没有手续费", "ACC-PLAN", "没有手续费"),
    (M1, "分6期也不收手续费", "ACC-PLAN", "不收手续费"),
    (M1, "分6期手续费是每月0.8%", "ACC-PLAN", "0.8%"),
    (ANGRY, "分3期每个月手续费是总额的0.57%", "ACC-PLAN", "0.57%"),
    (M1, "分6期，手续费一共三十一块三毛八", "ACC-AMOUNT", "三十一块三毛八"),
    (ANGRY, "分12期，手续费一共132块49", "ACC-AMOUNT", "132块49"),
    (M1, "分6期每个月手续费188.28", "ACC-AMOUNT", "188.28"),
    (M1, "分6期下来一共要还5261.88", "ACC-AMOUNT", "5261.88"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_PLAN_TERMS)
def test_plan_terms_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule", "evidence"), WRONG_PLAN_TERMS)
def test_plan_terms_wrong_draw_one_finding(ref: str, text: str, rule: str, evidence: str) -> None:
    found = [f for f in findings(ref, text) if f.rule.startswith("ACC-")]
    assert [(f.rule, f.evidence) for f in found] == [(rule, evidence)]


def test_a_fee_rate_finding_names_the_plans_terms() -> None:
    (found,) = findings(M1, "分6期手续费是每月0.8%")
    assert found.message.zh == "手续费率“0.8%”不对：分6期每月手续费率 0.6%（每期 ¥31.38）。"
    assert found.message.en == (
        "Fee rate “0.8%” is wrong: the 6-month plan's fee is 0.6% a month (¥31.38 a month)."
    )


# Dollars and cents said as pairs after a verb of stating, with no money word in the line.
@pytest.mark.parametrize(
    ("ref", "text", "found"),
    [
        (MED, "we're showing twenty-eight forty-six forty", ["ACC-AMOUNT"]),
        (MED, "we're showing twenty-four eighty-six forty", []),
        (SPOUSE, "it's forty-two twelve fifty", ["ACC-AMOUNT"]),
        (SPOUSE, "it's forty-eight twelve fifty", []),
        (SPOUSE, "it's twenty twenty-six now", []),
    ],
)
def test_pairs_said_after_a_verb_of_stating(ref: str, text: str, found: list[str]) -> None:
    assert rules(ref, text) == found


# Session 14's kinds: M-D dates with a hyphen, a weekday said in a clause that points back at
# its date, 一个月出头 / 不到 / "shy of" durations, a waiver promised with no figure, "a hair
# under", a digit then a pair hyphened ("four-ten"), "swing" as a payment verb, a bare number
# word after "the late fee … is", "an even grand".
RIGHT_SESSION14 = [
    (M1, "这个卡是11-2到期的"),
    (ILL, "还款日10-22，到现在一个多月了"),
    (MED, "it was due on 8-5, so we're past 90 days"),
    (ELDER, "10月9号那天该还的，那天是周五"),
    (THEFT, "payment was due June 1st, which was a Monday"),
    (M1, "逾期还不到一个月"),
    (VISIT, "逾期两个月出头了"),
    (HARD, "滞纳金可以帮您免掉一部分"),
    (ILL, "滞纳金可以给您免掉"),
    (MED, "it's a hair under twenty-five hundred all told"),
    (MED, "could you swing four-fourteen forty a month for six months"),
    (MED, "the late fee on it is seventy-five"),
    (DISPUTE, "if you can swing $284.37 this week you'd be down to an even grand"),
    # Kinds the blind batch showed: the unpaid bill of a date (那期…没还), a date before "due
    # date", 逾期 as the total's label, 多 after a rough sum with no unit, "连…带…" as the
    # whole debt, "oh" for a zero, "an N-month option", "even" after a rough figure, 申请 as
    # how a waiver within the limits is offered, "减不了" as a refusal.
    (LAWYER, "8.4那期之后就一直没还过"),
    (VISIT, "9月4号那期一直没还上"),
    (MED, "the 8/5 due date is the one that got missed"),
    (LAWYER, "现在是逾期五万一千多"),
    (M3, "四万一千多，您先心里有个数"),
    (VISIT, "本金八千，连利息带滞纳金快九千了"),
    (SPOUSE, "that's four-oh-one and four cents each month for twelve months"),
    (SPOUSE, "there's also a 6-month option"),
    (DISPUTE, "it's around thirteen hundred even"),
    (ANGRY, "滞纳金三百七我帮您申请全免，利息是减不了的"),
    (LAWYER, "利息减免我帮您申请一下，看看能不能批"),
]
WRONG_SESSION14 = [
    (M1, "这个卡是11-12到期的", "ACC-DUE-DATE", "11-12"),
    (MED, "it went past due on 8-25", "ACC-DUE-DATE", "8-25"),
    (ELDER, "10月9号那天该还的，那天是周三", "ACC-DATE", "10月9号那天该还的，那天是周三"),
    (WRONG, "他这张卡逾期一个月出头了", "ACC-DAYS-OVERDUE", "一个月出头"),
    (HARD, "利息这块能给你全减了", "ACC-RELIEF", "利息这块能给你全减了"),
    (HARD, "滞纳金我帮你免掉", "ACC-RELIEF", "滞纳金我帮你免掉"),
    (SPOUSE, "the balance is a hair under forty-nine hundred", "ACC-AMOUNT", "forty-nine hundred"),
    (MED, "could you swing four-ten a month for six months", "ACC-AMOUNT", "four-ten"),
    (MED, "the late fee on it is sixty", "ACC-AMOUNT", "sixty"),
    (
        DISPUTE,
        "swing $384.37 this week and you'd be down to an even grand",
        "ACC-AMOUNT",
        "an even grand",
    ),
    (LAWYER, "8.24那期之后就一直没还过", "ACC-DUE-DATE", "8.24"),
    (VISIT, "9月24号那期一直没还上", "ACC-DUE-DATE", "9月24号"),
    (MED, "the 8/25 due date is the one that got missed", "ACC-DUE-DATE", "8/25"),
    (LAWYER, "现在是逾期五万八千多", "ACC-AMOUNT", "五万八千多"),
    (M3, "四万八千多，您先心里有个数", "ACC-AMOUNT", "四万八千多"),
    (
        SPOUSE,
        "that's four-oh-one forty each month for twelve months",
        "ACC-AMOUNT",
        "four-oh-one forty",
    ),
    (SPOUSE, "there's also a 36-month option", "ACC-PLAN", "36-month option"),
    (DISPUTE, "it's around eleven hundred even", "ACC-AMOUNT", "eleven hundred"),
    (ANGRY, "利息可以帮您申请全免", "ACC-RELIEF", "利息可以帮您申请全免"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_SESSION14)
def test_session14_kinds_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule", "evidence"), WRONG_SESSION14)
def test_session14_kinds_wrong_draw_one_finding(
    ref: str, text: str, rule: str, evidence: str
) -> None:
    found = [f for f in findings(ref, text) if f.rule.startswith("ACC-")]
    assert [(f.rule, f.evidence) for f in found] == [(rule, evidence)]


# Session 15's kinds (a fresh batch written from the ledgers): 大写 with traditional and
# variant digits (貳, 參, 参), one clause waiving two charges by different shares, the charge
# left after its waiver, the minimum named by its label and paid before a remainder, 拿 / 凑
# as payment verbs, 一个月 before a hedged sum, 那天 / 当天 between a date and 到期, days since
# a date said as elapsed with no overdue word, two spoken pairs read either way, cents after
# "dollars" with no "cents", a payment said after what it leaves, "N down", "down to" before
# number words and a settlement that is the total less a payment, a digit then a pair with a
# label after it, "on it" after a rough figure, "going on N months".
RIGHT_SESSION15 = [
    (M1, "賬上欠款是伍仟貳佰參拾元伍角"),
    (HARD, "利息减三成滞纳金减半"),
    (ILL, "利息能减一半，减完之后利息就剩618.2了"),
    (M1, "最低的还上之后，还差四千七百零七块四毛五"),
    (VISIT, "月底凑两千过来，剩的六千八百九十八块六再分期"),
    (ELDER, "分12期的话一个月八百多"),
    (ILL, "10月22号当天到期的"),
    (PAID, "是12月1号到期，到现在九天了"),
    (THEFT, "since June 1st, that's 141 days"),
    (DISPUTE, "so the interest on it is ninety-eight seventeen"),
    (ATT, "the balance is four thousand three hundred ninety-four dollars sixty-two"),
    (MED, "you'd still owe $2,286.40 after a $200 payment"),
    (SPOUSE, "with 300 down, the rest is $4,512.50"),
    (MED, "we can bring it down to $2,286.40 once you send $200 today"),
    (MED, "spread over 12 months it's roughly two ten a month"),
    (SPOUSE, "the loan has roughly forty-eight hundred on it"),
    (DISPUTE, "it's been going on six months"),
    # batch 19b: 本息 as principal and interest, 少收 as a waiver verb, a rough figure waived,
    # a relative day a few words before the date it is said to be.
    (ELDER, "本息加起来是九千零一十二块八"),
    (ILL, "利息这块能少收六百一十八块二"),
    (M3, "滞纳金六百多可以给您免了"),
    (PAID, "月底之前还清，也就是31号"),
    # batch 20 (measured once, then fixed): 违约金 / 逾期费 as a part of a sum, days "since it
    # went unpaid", "Month, the Nth", "lower/reduce the balance to" before a bare figure.
    (VISIT, "利息738.6加违约金160，一共898.6"),
    (SPOUSE, "sixty-eight days since it went unpaid"),
    (ATT, "the missed payment was May, the 31st"),
    (MED, "I'm not able to lower the balance, but three payments of 828.80 work"),
]
WRONG_SESSION15 = [
    (M1, "賬上欠款是伍仟參佰貳拾元伍角", "ACC-AMOUNT", "伍仟參佰貳拾元伍角"),
    (HARD, "滞纳金减三成利息减一半", "ACC-RELIEF", "滞纳金减三成利息减一半"),
    (ILL, "利息能减一半，减完之后利息就剩681.2了", "ACC-AMOUNT", "681.2"),
    (M1, "最低的还上之后，还差四千七百七十块四毛五", "ACC-AMOUNT", "四千七百七十块四毛五"),
    (VISIT, "月底凑两千过来，剩的六千九百八十九块六再分期", "ACC-AMOUNT", "六千九百八十九块六"),
    (ELDER, "分12期的话一个月六百多", "ACC-AMOUNT", "六百多"),
    (ILL, "10月12号当天到期的", "ACC-DUE-DATE", "10月12号"),
    (PAID, "是12月1号到期，到现在十一天了", "ACC-DAYS-OVERDUE", "十一天"),
    (THEFT, "since June 1st, that's 114 days", "ACC-DAYS-OVERDUE", "114 days"),
    (
        DISPUTE,
        "so the interest on it is ninety-eight seventy",
        "ACC-AMOUNT",
        "ninety-eight seventy",
    ),
    (
        ATT,
        "the balance is four thousand three hundred ninety-four dollars twenty-six",
        "ACC-AMOUNT",
        "four thousand three hundred ninety-four dollars twenty-six",
    ),
    (MED, "you'd still owe $2,186.40 after a $200 payment", "ACC-AMOUNT", "$2,186.40"),
    (SPOUSE, "with 300 down, the rest is $4,521.50", "ACC-AMOUNT", "$4,521.50"),
    (MED, "I could bring it down to twenty-two hundred flat", "ACC-RELIEF", "twenty-two hundred"),
    (MED, "spread over 12 months it's roughly three ten a month", "ACC-AMOUNT", "three ten"),
    (SPOUSE, "the loan has roughly fifty-eight hundred on it", "ACC-AMOUNT", "fifty-eight hundred"),
    (DISPUTE, "it's been going on nine months", "ACC-DAYS-OVERDUE", "going on nine months"),
    (ELDER, "本息加起来是九千一百零二块八", "ACC-AMOUNT", "九千一百零二块八"),
    (ILL, "利息这块能少收八百块", "ACC-RELIEF", "八百块"),
    (M3, "利息两千多也一块儿给您免了", "ACC-RELIEF", "两千多"),
    (ANGRY, "月底之前还清，也就是30号", "ACC-DATE", "30号"),
    (VISIT, "利息738.6加违约金160，一共988.6", "ACC-AMOUNT", "988.6"),
    (SPOUSE, "eighty-six days since it went unpaid", "ACC-DAYS-OVERDUE", "eighty-six days"),
    (ATT, "the missed payment was March, the 31st", "ACC-DUE-DATE", "March, the 31st"),
    (SPOUSE, "we could lower your balance to 4,000 today", "ACC-RELIEF", "4,000"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_SESSION15)
def test_session15_kinds_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule", "evidence"), WRONG_SESSION15)
def test_session15_kinds_wrong_draw_one_finding(
    ref: str, text: str, rule: str, evidence: str
) -> None:
    found = [f for f in findings(ref, text) if f.rule.startswith("ACC-")]
    assert [(f.rule, f.evidence) for f in found] == [(rule, evidence)]


def test_a_charge_left_after_its_waiver_is_named_as_such() -> None:
    [finding] = findings(ILL, "利息能减一半，减完之后利息就剩681.2了")
    assert finding.message.en == (
        "$681.20 (“681.2”) is not on this account: the charge left after the waiver is ¥618.20."
    ).replace("$", "¥")


def test_two_pairs_are_named_by_the_reading_nearer_the_ledger() -> None:
    [finding] = findings(DISPUTE, "so the interest on it is ninety-eight seventy")
    assert finding.message.en == (
        "$98.70 (“ninety-eight seventy”) is not on this account: the interest is $98.17."
    )


# Session 16's kinds (structural, then a blind batch's half A): days counted from a date to the
# call's day ("from May 31st up to today"), a charge named with a participle before "is" ("the
# fees that have been added are…"), a remainder said with no payment in the line (below the
# total, the total less it a payment a debtor makes; set off by commas too), 几 for a digit not
# said (一千几百, 六百几十块), a rough instalment measured on the total when no waiver is talked
# of, a fee rate with decimals after 手续费是, what is left after a reduction said before it
# (降下来是…), a relief limit said below the ledger's (最多只能减三成 where half may go), "that
# would leave", a count said again without its unit ("141 to be precise"), 块 then two Chinese
# digits (块九二), today's day of the delinquency (今天是第N天), "as of now" before the balance,
# 连本带利.
RIGHT_SESSION16 = [
    (ATT, "counting from May 31st up to today, that comes to 128 days"),
    (VISIT, "9月4号到现在一共七十八天"),
    (CEASE, "from February 22nd till now it's been 212 days"),
    (SPOUSE, "the fees that have been added are fifty"),
    (M1, "剩下的三千二百三十块五可以分三期"),
    (ELDER, "剩下八千一百八十八块九二下个月再说"),
    (MED, "the remaining $1,986.40 can go on a payment plan"),
    (HARD, "利息大概八百几十块"),
    (M3, "一共欠了四万一千几百块"),
    (ANGRY, "每期手续费率是0.75%，分3期"),
    (ILL, "滞纳金三百六免掉，降下来是一万九千二百三十六块四"),
    (WRONG, "滞纳金最多能减一半，三十二块"),
    (SPOUSE, "if you can swing $1,812.50 tonight, that would leave $3,000"),
    (THEFT, "it's more than 140 days overdue, 141 to be precise"),
    # today's day of the delinquency after the due date, "as of now" before the balance,
    # 连本带利 for the whole debt
    (PAID, "12月1号到期的，今天是第九天"),
    (MED, "as of now you're at $2,486.40 with us"),
    (VISIT, "连本带利八千八百九十八块六"),
    (SPOUSE, "what's left, 3,812.50, we can split over six months"),
    (M3, "8月底到期的，到今天九十七天"),  # a part of a month: no day to count the span from
]
WRONG_SESSION16 = [
    (
        ATT,
        "counting from May 31st up to today, that comes to 182 days",
        "ACC-DAYS-OVERDUE",
        "182 days",
    ),
    (VISIT, "9月4号到现在一共八十七天", "ACC-DAYS-OVERDUE", "八十七天"),
    (SPOUSE, "the fees that have been added are sixty", "ACC-AMOUNT", "sixty"),
    (M1, "剩下的三千三百二十块五可以分三期", "ACC-AMOUNT", "三千三百二十块五"),
    (MED, "the remaining $2,896.40 can go on a payment plan", "ACC-AMOUNT", "$2,896.40"),
    (HARD, "利息大概六百几十块", "ACC-AMOUNT", "六百几十块"),
    (M3, "一共欠了五万一千几百块", "ACC-AMOUNT", "五万一千几百块"),
    (ILL, "分24期每期差不多八百五左右", "ACC-AMOUNT", "八百五左右"),
    (ANGRY, "每期手续费率是0.57%，分3期", "ACC-PLAN", "0.57%"),
    (
        ILL,
        "滞纳金三百六免掉，降下来是一万九千三百六十二块四",
        "ACC-AMOUNT",
        "一万九千三百六十二块四",
    ),
    (ILL, "利息最多只能减三成", "ACC-RELIEF", "利息最多只能减三成"),
    (SPOUSE, "if you can swing $1,812.50 tonight, that would leave $3,200", "ACC-AMOUNT", "$3,200"),
    (THEFT, "it's more than 140 days overdue, 144 to be precise", "ACC-DAYS-OVERDUE", "144"),
    (PAID, "12月1号到期的，今天是第十一天", "ACC-DAYS-OVERDUE", "十一天"),
    (MED, "as of now you're at $2,468.40 with us", "ACC-AMOUNT", "$2,468.40"),
    (VISIT, "连本带利八千九百八十九块六", "ACC-AMOUNT", "八千九百八十九块六"),
    (SPOUSE, "what's left, 3,821.50, we can split over six months", "ACC-AMOUNT", "3,821.50"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_SESSION16)
def test_session16_kinds_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule", "evidence"), WRONG_SESSION16)
def test_session16_kinds_wrong_draw_one_finding(
    ref: str, text: str, rule: str, evidence: str
) -> None:
    found = [f for f in findings(ref, text) if f.rule.startswith("ACC-")]
    assert [(f.rule, f.evidence) for f in found] == [(rule, evidence)]


def test_a_span_to_today_names_the_days_between() -> None:
    [finding] = findings(ATT, "counting from May 31st up to today, that comes to 182 days")
    assert finding.message.en == "“182 days” is wrong: from 2026-05-31 to today is 128 days."


def test_a_relief_limit_said_too_low_names_the_accounts_limit() -> None:
    [finding] = findings(ILL, "利息最多只能减三成")
    assert finding.severity == "minor"
    assert finding.message.zh == (
        "“利息最多只能减三成”说的减免上限不对：该账户利息最多减免 ¥618.20，滞纳金最多减免 ¥360.00。"
    )


def test_a_remainder_alone_names_the_total() -> None:
    [finding] = findings(M1, "剩下的三千三百二十块五可以分三期")
    assert finding.message.en == (
        "¥3,320.50 (“三千三百二十块五”) is not on this account: what is left is the total"
        " less a payment; the total is ¥5,230.50."
    )


# Session 17's kinds (a blind batch's half A): a date said to be a relative day with a copula
# or after a tag question (12月X号是下周三, "…到账是吧，那就是下礼拜五", "October 15th would be next
# Wednesday"), and a weekday phrase with its week a week off the date (the right weekday, the
# wrong week); a plan with a fee said to have none (没手续费, 不加手续费; not "不加手续费的话", a
# breakdown); a little more or less than a rough sum (三千多点, 块不到一点); a total after waivers
# said as shares of both charges (滞纳金全免，利息免一半，免完…: both taken off, not one); a fee
# named by its kind (a returned-check fee, a convenience fee) that is not the account's.
RIGHT_SESSION17 = [
    (M1, "11月25号是下周三对吧"),
    (M1, "27号嘛，也就是下礼拜五"),
    (ATT, "October 14th is next Wednesday"),
    (ATT, "the 9th, which is this Friday"),
    (PAID, "12月1号是上周二"),
    (ELDER, "分6期没手续费，每期1516块47"),
    (ELDER, "分12期的话，不加手续费的话每月是758.23"),
    (ELDER, "分12期，有没手续费我帮您查一下"),
    (M3, "一共四万一千多点"),
    (M1, "五千二百三十一块不到一点"),
    (LAWYER, "分24期每个月两千多点"),
    (ILL, "滞纳金全免，利息免一半，免完还一万八千六百一十八块二"),
    (ILL, "利息减一半，减完还剩18978.2"),
    (ILL, "滞纳金免一半，利息减三成，减完是19045.48"),
    # one charge named: the other may have been waived earlier in the call
    (ILL, "利息也能减一半，都减完还剩18618.2"),
    (THEFT, "the $40 late fee is included"),
]
WRONG_SESSION17 = [
    (M1, "11月26号就是下周三", "ACC-DATE", "11月26号"),
    (M1, "12月4号到账是吧，那就是下礼拜五", "ACC-DATE", "12月4号"),
    (ATT, "October 15th would be next Wednesday", "ACC-DATE", "October 15th"),
    (ATT, "the 16th, which is this Friday", "ACC-DATE", "the 16th"),
    (PAID, "12月2号是上周二", "ACC-DATE", "12月2号"),
    (ELDER, "分12期也没手续费的", "ACC-PLAN", "没手续费"),
    (ELDER, "分12期每月七百五十八块二三，不加手续费", "ACC-PLAN", "不加手续费"),
    (M1, "欠款五千二百三十块不到一点", "ACC-AMOUNT", "五千二百三十块不到一点"),
    (LAWYER, "分24期每个月三千多点", "ACC-AMOUNT", "三千多点"),
    (
        ILL,
        "滞纳金全免，利息免一半，免完还一万九千二百三十六块四",
        "ACC-AMOUNT",
        "一万九千二百三十六块四",
    ),
    (ILL, "滞纳金免一半，利息减三成，减完是19416.40", "ACC-AMOUNT", "19416.40"),
    (MED, "plus a $29 returned-check fee from the bounced payment", "ACC-AMOUNT", "$29"),
    (THEFT, "there's also a $15 convenience fee if you pay by phone", "ACC-AMOUNT", "$15"),
]


@pytest.mark.parametrize(("ref", "text"), RIGHT_SESSION17)
def test_session17_kinds_right(ref: str, text: str) -> None:
    assert rules(ref, text) == []


@pytest.mark.parametrize(("ref", "text", "rule", "evidence"), WRONG_SESSION17)
def test_session17_kinds_wrong_draw_one_finding(
    ref: str, text: str, rule: str, evidence: str
) -> None:
    found = [f for f in findings(ref, text) if f.rule.startswith("ACC-")]
    assert [(f.rule, f.evidence) for f in found] == [(rule, evidence)]


def test_a_weekday_phrase_a_week_off_names_the_day_it_is() -> None:
    [finding] = findings(M1, "12月4号到账是吧，那就是下礼拜五")
    assert finding.message.zh == "“下礼拜五”是 2026-11-27，不是“12月4号”（2026-12-04）。"
