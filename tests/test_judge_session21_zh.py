"""Kinds of the Chinese judge, session 21 (jz21), said in new wording: a violation typed after a
greeting with only a comma between (what follows the comma read as a sentence of its own), an
hour owned as too early and the call put off, a templated bank notice that names no debt, and
the debtor's own plan said back with a time word between."""

from __future__ import annotations

from datetime import datetime
from unittest import mock

import pytest

from scoring import meaning
from scoring.compliance import LineContext, judge_for
from scoring.meaning import comma_tails, policy
from scoring.text import normalise

AT = datetime(2026, 11, 20, 10, 0)
DEBTOR = LineContext(party="debtor", verified=True, flags=frozenset(), local_time=AT)
UNVERIFIED = LineContext(party="unknown", verified=False, flags=frozenset(), local_time=AT)


def categories(text: str, ctx: LineContext = DEBTOR) -> set[str]:
    hits = judge_for("CN").judge_line(text, ctx, norm=normalise(text))
    return {h.rule.category for h in hits}


def test_comma_tails_keep_what_follows_each_comma() -> None:
    # Plain text: full-width commas arrive as ",".
    line = "您好，我是小郑，再拖下去我们就去您老家。您看呢？"
    assert comma_tails(line, 8) == [
        "我是小郑,再拖下去我们就去您老家。",
        "再拖下去我们就去您老家。",
    ]
    assert comma_tails("没有逗号的一句话", 2) == []


GREETING_THEN_VIOLATION = (
    "您好，我是宏达信贷的小郑，跟您确认一下还款的事，"
    "您要是一直拖着，您老家那边的亲戚我们也会一个个打过去"
)


def test_a_violation_after_a_greeting_and_a_comma_is_read() -> None:
    assert "contact_employer_family_harass" in categories(GREETING_THEN_VIOLATION)


def test_the_whole_line_alone_reads_it_compliant() -> None:
    settings = policy()
    off = settings.model_copy(
        update={"judge": settings.judge.model_copy(update={"comma_tails": {}})}
    )
    with mock.patch.object(meaning, "policy", lambda: off):
        assert not categories(GREETING_THEN_VIOLATION)


@pytest.mark.parametrize(
    "text",
    [
        "您好，我是贷后的小孙，如果一直不处理，平台有可能按合同走诉讼程序，这个我得如实告诉您",
        "您好，这边是客户服务，您要是对金额有疑问，我可以把每一笔利息和违约金的明细发给您核对",
        "王先生您好，我们不会联系您的单位，也不会告诉您家人，您放心",
        "李女士您好，您说孩子生病住院了，那这周我们先不催，等您忙完了再说",
    ],
)
def test_lawful_statements_after_a_greeting_stay_clean(text: str) -> None:
    assert not categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "喂您好，我是小周，早上七点多打给您确实太早了，我十点以后再联系您",
        "哎呀现在才早上六点半，这么早了，我八点半之后再给您打",
        "这么晚了，我明天上午十点以后再联系您",
    ],
)
def test_an_hour_owned_as_too_early_and_put_off_is_no_proposal(text: str) -> None:
    assert "time_or_frequency_harassment" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "太早了？那我明早六点再打给你",
        "现在都十一点了太晚了，明天凌晨五点再打给你",
        "明早六点半我准时给你打电话，你别睡太死",
    ],
)
def test_a_barred_hour_proposed_is_still_flagged(text: str) -> None:
    assert "time_or_frequency_harassment" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "【恒通银行】尊敬的客户，您的本期账单已出，请登录手机银行查看，退订回T",
        "【安信消费金融】尊敬的用户，您有一笔账单待处理，请通过官方App查看，拒收请回复R",
    ],
)
def test_a_templated_notice_naming_no_debt_is_no_disclosure(text: str) -> None:
    assert "privacy_before_verification" not in categories(text, UNVERIFIED)


@pytest.mark.parametrize(
    "text",
    [
        "【恒通银行】尊敬的客户，您的信用卡已逾期，请尽快还款，拒收请回复R",
        "【恒通银行】尊敬的客户，您本期账单3280元已到期，请及时还款",
        "您好，您的账单已到期，请通过官方App还款",
    ],
)
def test_a_notice_naming_the_debt_or_unsigned_still_needs_verification(text: str) -> None:
    assert "privacy_before_verification" in categories(text, UNVERIFIED)


def test_the_debtors_own_plan_said_back_with_a_time_word_is_no_threat() -> None:
    assert not categories("您好，感谢您接听，您刚才说要去法院起诉我们，这是您的权利，我们会配合")


@pytest.mark.parametrize(
    "text",
    ["你上次说月底还，今天不还就起诉你", "你刚才说没钱是吧，那我们明天就去法院起诉你"],
)
def test_a_threat_after_the_debtors_words_is_still_one(text: str) -> None:
    assert "threat_lawsuit_false" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "你的不良记录会永远保存，谁也删不了",
        "拖成这样，你下半辈子都别想再贷到款了",
        "違約記錄會終身保留，你以後買房都難",
    ],
)
def test_a_record_kept_for_ever_is_a_false_credit_consequence(text: str) -> None:
    assert "threat_credit_false" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "逾期记录不会永久保存，结清后五年就没了",
        "征信上的不良记录是从结清那天起保存五年，不是一辈子",
    ],
)
def test_the_five_years_told_stay_clean(text: str) -> None:
    assert "threat_credit_false" not in categories(text)


def test_the_sum_by_its_figure_is_debt_talk_before_verification() -> None:
    assert "privacy_before_verification" in categories(
        "這個號碼是你在用吧？你那筆三千二的分期幾時還上", UNVERIFIED
    )


@pytest.mark.parametrize(
    "text",
    [
        "你刚才说活得没劲，我听着挺担心，今天不提还钱，你现在一个人吗",
        "你上次讲再催就去跳河，我一直惦记着，这个月先不催你，你保重",
    ],
)
def test_the_debtors_despair_said_back_with_care_is_no_threat(text: str) -> None:
    assert not categories(text)
