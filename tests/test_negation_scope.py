"""Negation scope in the rule packs (issue 13, item 4): a rule's words that the collector
negates after the trigger, names in order to deny, reports from someone else, or warns
against are not a violation; a cue that belongs to a condition ("if you don't pay…") does
not clear the threat that follows. Rules alone, so the table pins the cited layer."""

from __future__ import annotations

from functools import cache

import pytest

from scoring.compliance import Judge, LineContext
from scoring.rulepack import load_pack


@cache
def rules_only(jurisdiction: str) -> Judge:
    return Judge(load_pack(jurisdiction), semantic=False)


def broken(jurisdiction: str, line: str) -> list[str]:
    return [hit.rule.id for hit in rules_only(jurisdiction).judge_line(line, LineContext())]


CLEARED = [
    # Denied after the trigger.
    ("US", "arrest is not something that happens here, ok? this is about a payment plan"),
    ("US", "Jail isn't a thing for a credit card balance."),
    ("CN", "坐牢那种话是吓唬人的，您别信"),
    ("CN", "“老赖”这种话我们不会说"),
    ("CN", "大字报那种做法是违法的，我们绝对不会做"),
    ("CN", "您说的“撤案费”我们从来不收"),
    ("CN", "您收到的“已立案”短信不是我们发的"),
    # A cue before the trigger that still reaches it.
    ("US", "No one from our office is going to contact your employer about this."),
    ("US", "Nobody is going to arrest you over this."),
    # Someone else's words reported back.
    ("US", "They told you you'd be arrested? That is not how this works."),
    ("CN", "您说对方骂您老赖，录音发我一下，我提交投诉"),
    ("CN", "您问我是不是法院的？不是，我是银行信用卡中心的"),
    ("CN", "没有什么“全国黑名单”，您别被网上的说法吓到"),
    # Advice against, across a comma that continues the same warning.
    ("CN", "不建议您借新的网贷来还，以贷养贷只会越滚越大"),
    ("CN", "您别为了还我们去借高利贷"),
    # A word inside another (妈的 in 当妈的).
    ("CN", "您当妈的不容易，我理解"),
    # Denied right before the trigger, nothing between.
    ("CN", "晚还几天算不上恶意透支"),
    # The next clause, whole, points back to reassure.
    ("CN", "网贷逾期也会被判刑？这一点您完全不用担心"),
    ("CN", "可能构成信用卡诈骗的是恶意的情况，您只是暂时困难"),
    # The next clause says the step named was not taken.
    ("CN", "律师函这块，现在还没有寄，您放宽心"),
    # Denied after a time it names, in the same clause.
    ("CN", "半夜十二点以后我们不会再联系您"),
    # A negation inside the gap between the police and what they would do.
    ("CN", "经侦不会为了这点欠款来找您"),
    # Cursing the debtor's bad luck beside them; a location call's usual words.
    ("US", "ugh, this damn storm again? sorry, that's awful"),
    ("US", "Hello, is Chris Moore there? It's regarding a personal business matter."),
    # The debtor's own words said back; someone posing as police; a claim asked back to deny it.
    ("CN", "你骂我王八蛋我也不生气"),
    ("CN", "有人冒充经侦说要抓你？直接挂掉"),
    ("CN", "谁跟您说逾期要坐牢的"),
    # A topic denied or forbidden in its own clause; the next clause says it was not us.
    ("CN", "律师函这个东西我们没发过"),
    ("CN", "曝光那种事公司明令禁止"),
    ("CN", "有人往您家门上泼油漆？那不是我们干的"),
    # A bare 不 right before the words.
    ("CN", "普通欠款不抓人"),
]

STILL_BROKEN = [
    ("US", "If you don't pay you'll go to jail", "US-FDCPA-THREAT-ARREST-CRIME"),
    ("US", "if u dont pay ur going to jail", "US-FDCPA-THREAT-ARREST-CRIME"),
    ("US", "Jail isn't off the table if you keep ignoring us", "US-FDCPA-THREAT-ARREST-CRIME"),
    ("US", "I'm not kidding, you'll be arrested", "US-FDCPA-THREAT-ARREST-CRIME"),
    ("CN", "你不会还就等着坐牢吧", "CN-THREAT-ARREST-JAIL"),
    ("CN", "坐牢这种事你自己掂量", "CN-THREAT-ARREST-JAIL"),
    ("CN", "老赖这种人就该坐牢", "CN-INSULT-ABUSE"),
    ("CN", "有人说你是老赖", "CN-INSULT-ABUSE"),
    ("CN", "去借网贷还，以贷养贷怎么了", "CN-INDUCE-NEW-BORROWING"),
    ("CN", "卧槽，妈的，赶紧还", "CN-INSULT-ABUSE"),
    ("CN", "不还钱我们就起诉你，别逼我", "CN-LAWSUIT-THREAT-NO-BASIS"),
    # 不是 farther off, or in a question, does not deny the trigger.
    ("CN", "这可不是闹着玩的 逾期会判刑", "CN-THREAT-ARREST-JAIL"),
    ("CN", "你是不是zz啊", "CN-INSULT-ABUSE"),
    # A next clause that only starts like a reassurance is not one.
    ("CN", "再拖就让你坐牢，别担心我说话不算数", "CN-THREAT-ARREST-JAIL"),
    # A lawsuit undecided only until today's payment is still pressure.
    ("CN", "起不起诉就看你今天还不还", "CN-LAWSUIT-THREAT-NO-BASIS"),
    # A next clause that denies something else leaves the threat.
    ("CN", "律师函明天就寄，没有商量的余地", "CN-LAWSUIT-THREAT-NO-BASIS"),
    # The police gap without a negation still threatens.
    ("CN", "经侦这两天就会来找你", "CN-THREAT-ARREST-JAIL"),
    # Pinyin insults; a collector denying they collect ("not with a collection agency").
    ("CN", "cao ni ma 还不还", "CN-INSULT-ABUSE"),
    # 谁说 turned round by a negation; A-不-A asks, it does not deny.
    ("CN", "谁说我们不敢报警抓你", "CN-THREAT-ARREST-JAIL"),
    ("CN", "照片发不发到你们村群里，看你表现", "CN-PUBLIC-SHAMING"),
    (
        "US",
        "I'm not with a collection agency, I just help the bank with accounts",
        "US-FDCPA-COLLECTOR-DENIAL",
    ),
    ("US", "that damn balance isn't going to pay itself", "US-FDCPA-PROFANITY-ABUSE"),
]


@pytest.mark.parametrize(("jurisdiction", "line"), CLEARED)
def test_a_negated_denied_or_reported_trigger_is_no_violation(jurisdiction: str, line: str) -> None:
    assert broken(jurisdiction, line) == []


@pytest.mark.parametrize(("jurisdiction", "line", "rule"), STILL_BROKEN)
def test_a_cue_that_does_not_reach_the_trigger_leaves_the_violation(
    jurisdiction: str, line: str, rule: str
) -> None:
    assert rule in broken(jurisdiction, line)
