"""What the engine understands of a trainee line: intents, negation, tone (table-driven)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from scoring.analysis import analyze
from scoring.i18n import Lang

DATA = Path(__file__).resolve().parent.parent / "scoring"
DAY = date(2026, 11, 20)


def intents(text: str, lang: Lang) -> list[str]:
    return analyze(text, lang, DAY).intent_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("您好，我是某银行信用卡中心的客服专员小李，工号1024。", "self_identify"),
        ("我是安融金服的工作人员。", "self_identify"),
        ("请问是王敏女士本人吗？", "verify_identity"),
        ("刘先生，跟您核对一下，您身份证最后四位是多少？", "verify_identity"),
        ("您好，请问刘建国在家吗？", "verify_identity"),
        ("麻烦您叫他接一下电话。", "verify_identity"),
        ("请问他现在方便接电话吗？", "verify_identity"),
        ("我找刘建国。", "verify_identity"),
        ("刘先生，您最近是不是遇到什么难处了？", "ask_reason"),
        ("失业了确实很难，我能体会。", "empathize"),
        ("那您看每个月大概能还多少？", "ask_payment_date"),
        ("那就按6期来吧，每期2246.52元。", "offer_plan"),
        ("您可以申请延期还款。", "offer_plan"),
        ("您可以通过银行卡代扣或者对公账户转账还款。", "explain_channels"),
        ("你今天必须把13086.50元全部还清。", "pressure"),
        ("他在我们这有一笔借款需要处理。", "state_purpose"),
        ("目前银行还没起诉，也没冻结任何账户", "consequence_honest"),
        ("再拖下去的话，银行有可能会起诉，这个我如实跟您说", "consequence_honest"),
        ("月底前先还两千，您看行不行？", "ask_payment_date"),
        ("再不还钱就起诉你", "threaten"),
        ("您是他家属吗？他的网贷逾期了。", "state_overdue"),
        ("我这边先帮您登记异议并核实还款记录。", "acknowledge_dispute"),
        ("再不还钱就让你坐牢，后果自负！", "threaten"),
        ("你这种老赖，脸都不要了吗？", "insult"),
        ("这么大年纪了还乱刷卡，丢人现眼。", "insult"),
        ("您看哪天您女儿在家，我那天再打给您。", "leave_callback"),
        ("您先别哭，有什么困难跟我说。", "empathize"),
        ("您先好好治病，钱的事我们慢慢商量。", "empathize"),
        ("您的借款有保险，可以理赔。", "offer_claim"),
        ("这段时间我们不会再打电话催您了。", "agree_stop_contact"),
        ("今天必须把钱还上", "pressure"),
        ("立即还款，别再拖了", "pressure"),
        ("请问这个号码是赵志鹏先生在用吗？", "verify_identity"),
        ("那我们只能打给你老婆了", "threaten"),
        ("我代表我们中心向您道歉", "apologize"),
        ("我这边也可以先帮您登记投诉", "acknowledge_dispute"),
        ("您看15号能还吗？", "ask_payment_date"),
        ("我们可以一起协商一个还款方案", "offer_plan"),
        ("阿姨您好，我们是汇鑫的工作人员。", "self_identify"),
        ("麻烦您叫他出来一下", "verify_identity"),
        ("今天上门主要是想跟您当面沟通一下还款的事", "state_purpose"),
        ("那我们约个时间再聊", "leave_callback"),
        ("您看月底之前能不能先还一部分？", "offer_plan"),
        ("下一步银行可能会委托律师处理", "consequence_honest"),
    ],
)
def test_chinese_intents(text: str, expected: str) -> None:
    assert expected in intents(text, "zh")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, this is Sam Carter calling from Northgate Recovery Services.", "self_identify"),
        ("It's Sam from Northgate.", "self_identify"),
        ("Am I speaking with Jordan Miller?", "verify_identity"),
        ("Is Jordan Miller there?", "verify_identity"),
        ("Could I speak to Jordan please?", "verify_identity"),
        ("Could you put Jordan on the phone?", "verify_identity"),
        ("I need to speak with Jordan.", "verify_identity"),
        ("I'm looking for Jordan Miller.", "verify_identity"),
        ("I'll mark the account as disputed.", "acknowledge_dispute"),
        ("I'll note that you're disputing this debt.", "acknowledge_dispute"),
        ("We'll stop collection activity until we send you verification.", "acknowledge_dispute"),
        ("What card did you pay off in March?", "ask_reason"),
        ("You still have to pay this.", "pressure"),
        ("You still owe the money regardless.", "pressure"),
        ("You could be arrested for this.", "threaten"),
        ("We'll take you to court.", "threaten"),
        ("This is going to hurt your credit score.", "threaten"),
        ("Can you pay it today?", "ask_payment_date"),
        ("Sure, we can do 3 payments of $428.12.", "offer_plan"),
        ("I'm sorry to hear that, that sounds frustrating.", "empathize"),
        ("We'll stop calling you.", "agree_stop_contact"),
        (
            "You can file an identity theft report with the FTC and send us a copy.",
            "acknowledge_dispute",
        ),
        ("It's about a past-due loan.", "state_purpose"),
        ("Is tomorrow at 12:15 a good time to call you back?", "leave_callback"),
        ("Can you pay something today?", "ask_payment_date"),
        ("Why don't you take out a loan to cover it?", "pressure"),
        ("You could always use your credit card to pay it off today.", "pressure"),
        ("We'll keep calling until you pay.", "pressure"),
        ("Okay, I'll let you go. Have a good night at work.", "close"),
        ("We have payment plans over 3, 6 or 12 months.", "offer_plan"),
        ("You'll never get approved for credit again.", "threaten"),
        # An instalment put as a question of what they can carry, and the plans left to their
        # choice (session 18).
        ("Would roughly $180 a month be something you could handle?", "offer_plan"),
        ("Which of the plans would suit you best?", "offer_plan"),
    ],
)
def test_english_intents(text: str, expected: str) -> None:
    assert expected in intents(text, "en")


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        ("我们不会起诉您，也不会联系您的家人。", "zh", "threaten"),
        ("你今天必须全额还清，没有分期。", "zh", "offer_plan"),
        ("Nobody is going to arrest you over this.", "en", "threaten"),
        ("I'm sorry, I can't share the details with anyone but Jordan.", "en", "self_identify"),
        ("I'm trying to reach Jordan Miller. Am I speaking with Jordan?", "en", "self_identify"),
        ("You can't dispute this, the balance is final.", "en", "acknowledge_dispute"),
        ("I'll note your dispute right now.", "en", "pressure"),
        ("When could you send us the statement?", "en", "ask_payment_date"),
        ("核实一下身份", "zh", "acknowledge_dispute"),
        ("工号不方便告诉你", "zh", "self_identify"),
        ("您可以随时拨打官方客服热线核实我的身份", "zh", "verify_identity"),
        ("麻烦您把转账凭证发给我", "zh", "explain_channels"),
        ("第3期已经逾期了", "zh", "offer_plan"),
        ("今天上门主要是想跟您当面沟通一下还款的事", "zh", "threaten"),
        ("我们就不进去了，在门口说几句就行", "zh", "threaten"),
        ("We won't stop calling until the balance is paid.", "en", "agree_stop_contact"),
        # The app's button, named or quoted, is no demand.
        ("打开App，点立即还款就可以了", "zh", "pressure"),
        ("首页有个“立即还款”，点进去就行", "zh", "pressure"),
        ("Could you put it on another credit card?", "en", "verify_identity"),
        # A legal step said as not taken, or as a possibility, is no threat.
        ("目前银行还没起诉，也没冻结任何账户", "zh", "threaten"),
        ("再拖下去的话，银行有可能会起诉，这个我如实跟您说", "zh", "threaten"),
        # A cue sharing its last character with the keyword (不要去 + 去借) still negates it.
        ("大姐，手头再紧也不要去借网贷还我们这边", "zh", "pressure"),
        ("您可千万别去借钱来还这个卡", "zh", "pressure"),
    ],
)
def test_negation_and_near_misses(text: str, lang: Lang, absent: str) -> None:
    assert absent not in intents(text, lang)


def test_borrowing_pushed_is_still_pressure() -> None:
    """The shared-character negation reads only a cue before the words: a push stays one."""
    assert "pressure" in intents("别磨蹭了，去借网贷还我们这边", "zh")


def test_what_was_said_last_leads() -> None:
    names = intents("您好，我是某银行信用卡中心的小李，请问是王敏女士本人吗？", "zh")
    assert names.index("verify_identity") < names.index("self_identify")


def test_reassurance_is_not_a_threatening_tone() -> None:
    calm = analyze("没有人会来抓您，也不会坐牢。", "zh", DAY).tone
    assert "threat" not in {m.kind for m in calm.markers}
    assert "threat" in {m.kind for m in analyze("小心让你坐牢。", "zh", DAY).tone.markers}
    english = analyze("Nobody is going to jail.", "en", DAY).tone
    assert "threat" not in {m.kind for m in english.markers}


def test_tone_markers_name_their_words() -> None:
    tone = analyze("你这种老赖！！！必须今天还！", "zh", DAY).tone
    kinds = {m.kind: m.words for m in tone.markers}
    assert "老赖" in kinds["contempt"]
    assert "shouting" in kinds
    assert tone.score < -30
    warm = analyze("I understand, I'm sorry to hear that. Please take your time.", "en", DAY).tone
    assert {"empathy", "politeness"} <= {m.kind for m in warm.markers}


@pytest.mark.parametrize(
    "path", ["data/intents.yaml", "data/tone.yaml", "rules/cn.yaml", "rules/us.yaml"]
)
def test_no_pattern_hides_a_control_character(path: str) -> None:
    """A double-quoted "\\b" in YAML is a backspace: such a pattern silently never matches."""
    text = (DATA / path).read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)

    def strings(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [s for v in node.values() for s in strings(v)]
        if isinstance(node, list):
            return [s for v in node for s in strings(v)]
        return []

    bad = [s for s in strings(loaded) if any(ord(c) < 32 and c not in "\n\t" for c in s)]
    assert not bad, bad


@pytest.mark.parametrize(
    ("line", "meant", "not_meant"),
    [
        # A police report is what an identity-theft victim files: advice, not a threat.
        (
            "You can file a police report and send us a copy with the FTC affidavit.",
            "acknowledge_dispute",
            "threaten",
        ),
        ("We'll report you to the police for this.", "threaten", None),
        # "Sorry to hear" is sympathy, with or without "I'm"; "sorry for the hold" apologises.
        ("so sorry to hear about your dad", "empathize", "apologize"),
        ("sorry for the hold, the system is slow", "apologize", None),
        # "Stupid" insults only when aimed at the listener.
        ("there are no stupid questions here", None, "insult"),
        ("I'm a bit stupid with computers, one sec", None, "insult"),
        ("are you stupid or something", "insult", None),
        # A proposal of a sum per period is an offer.
        ("what if you did half now and half next payday", "offer_plan", None),
    ],
)
def test_en_keywords_read_the_kind_not_the_word(
    line: str, meant: str | None, not_meant: str | None
) -> None:
    read = intents(line, "en")
    if meant:
        assert meant in read
    if not_meant:
        assert not_meant not in read


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # A day and sum proposed with the tag after it, or the question first (session 15).
        ("月中发了工资先把最低的那部分还了行吗", "ask_payment_date", None),
        ("中不中，月底前先把这期最低还款还上", "ask_payment_date", None),
        ("你看下周三先把欠的最低还款还掉", "ask_payment_date", None),
        # Fewer calls promised; "多少打一点" asks for money, not fewer calls.
        ("那我给您备注一下，以后少给您打电话", "agree_stop_contact", None),
        ("多少打一点过来也行", None, "agree_stop_contact"),
        # Parting wishes as the last words close the call.
        ("好的好的，您保重身体啊", "close", None),
        ("不多打扰您了", "close", None),
        # A phone number checked is no arrangement confirmed.
        ("跟您确认一下，这个号码现在是您本人在用吗", None, "confirm_arrangement"),
        # Money talk set aside to calm someone is no pressure; legitimacy asserted is no
        # introduction.
        ("咱先不谈欠款，您消消火", None, "pressure"),
        ("钱先搁一边，今天主要是给您赔不是", None, "pressure"),
        ("真的是银行打来的，您就放心说吧", None, "self_identify"),
        ("您不用打客服了，我就是负责这个的", None, "agree_stop_contact"),
        # The debtor heard busy, a word to be brief; whose number it is; no message asked of a
        # stranger (session 16).
        ("您那头正忙着是吧，我简短点说", None, "close"),
        ("这个号码眼下是您在用对吧", None, "agree_stop_contact"),
        ("用不着您帮忙转告的", None, "leave_callback"),
        # A number recorded or marked (登记 / 标记) asks no call-back; shame denied in a clause
        # of a comforting line is no insult (session 17).
        ("估计是系统里登记的电话号码不对，打扰了", None, "leave_callback"),
        ("我们把这个号标记为错号，以后不打了", None, "leave_callback"),
        ("您记一下我们的客服电话", "leave_callback", None),
        ("懂了，叔叔，这个不丢人，好多人都碰到过，我们一起想办法。", "empathize", "insult"),
        ("你这么大岁数还欠钱，丢不丢人？", "insult", None),
        # Asking once more (再问 / 再确认) is no call later; an instalment put as a question of
        # what she can carry, and the plans left to her choice, are offers; the decision put off
        # to a call with family beside her is a call-back; no answer asked for today is no
        # pressure (session 18).
        ("叔叔，我再多问一嘴，这会儿听电话的还是您本人吧？", "verify_identity", "leave_callback"),
        ("一个月还六百出头，您手头吃得消吗？", "offer_plan", None),
        ("每期一千一左右，这个数您顶得住不？", "offer_plan", None),
        ("这几个方案里，您看哪一个比较合适？", "offer_plan", None),
        ("不着急今天拍板，要不等您儿子在家，我们下回一块儿慢慢说？", "leave_callback", None),
        ("这个不用今天就给答复", None, "pressure"),
        # A call opened on the name after a greeting checks who answers; a question of a
        # figure or a day does not.
        ("喂喂，您好，是钱晓梅吗？", "verify_identity", None),
        ("是上个月吗？", None, "verify_identity"),
    ],
)
def test_chinese_kinds_from_whole_calls(
    text: str, expected: str | None, absent: str | None
) -> None:
    found = intents(text, "zh")
    assert expected is None or expected in found
    assert absent is None or absent not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count in Chinese numerals beside a day in them (cv20).
        ("那咱们就二十四期，每个月八号扣", "offer_plan"),
        ("十一期吧，头一期下个月三号", "offer_plan"),
        ("要不就两期，第一期十二月二十号", "offer_plan"),
        # 缴 for paying a bill.
        ("那您看几号能把这笔缴了？", "ask_payment_date"),
    ],
)
def test_chinese_numeral_counts_and_paying_a_bill(text: str, expected: str) -> None:
    assert expected in analyze(text, "zh", date(2026, 11, 20)).intent_names


@pytest.mark.parametrize("text", ["第十二期已经扣过了", "这一期账单是上个月的"])
def test_the_nth_instalment_or_this_period_is_no_plan(text: str) -> None:
    assert "offer_plan" not in analyze(text, "zh", date(2026, 11, 20)).intent_names


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # Steps named and then said to be untrue as a claim (not a threat; cv20).
        ("外面传的起诉、拘留的说法都不是真的", "threaten", None),
        ("他们讲的冻结账户那是没影的事", "threaten", None),
        # What the debtor can pay in a month (一个月, not only 每月).
        ("那您一个月大概能拿出多少来？", None, "ask_payment_date"),
    ],
)
def test_untrue_claims_and_a_months_capacity(
    text: str, absent: str | None, present: str | None
) -> None:
    names = analyze(text, "zh", date(2026, 11, 20)).intent_names
    assert absent is None or absent not in names
    assert present is None or present in names
