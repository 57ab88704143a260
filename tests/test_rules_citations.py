"""The packs teach the law as it is: citations carry their force and certainty, rules their scope.

The line-by-line review (shared/domain/rule-pack-citation-review.md) found citations shown as
certain that were not, guidelines shown as law and card rules applied to online loans; these tests
keep each of those from coming back.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from scoring.compliance import Judge, LineContext, compliance_finding
from scoring.rulepack import EDITOR_NOTES, Citation, Rule, load_pack
from simulator.cli.main import main

PACKS = ("CN", "US")


def _rules() -> list[Rule]:
    return [rule for j in PACKS for rule in load_pack(j).rules]


def _trainee_texts(rule: Rule) -> list[str]:
    texts = [rule.title.zh, rule.title.en, rule.explanation.zh, rule.explanation.en]
    texts += [rule.rewrite.zh, rule.rewrite.en]
    texts += [c.label(lang) for c in rule.citations for lang in ("zh", "en")]
    return texts


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.id)
def test_no_editor_notes_reach_a_trainee(rule: Rule) -> None:
    for text in _trainee_texts(rule):
        assert not EDITOR_NOTES.search(text), text
        assert "（条号" not in text and "据报道" not in text, text


def _verified_numbers(rule: Rule) -> str:
    return " ".join(c.article for c in rule.citations if c.verified())


@pytest.mark.parametrize("rule", _rules(), ids=lambda r: r.id)
def test_explanations_name_only_verified_article_numbers(rule: Rule) -> None:
    """An article number in an explanation must be one the rule cites as verified."""
    verified = _verified_numbers(rule)
    for number in re.findall(r"第(\d+)条", rule.explanation.zh):
        assert f"第{number}条" in verified, f"{rule.id}: 第{number}条 is not a verified citation"
    for plural, numbers in re.findall(r"Art(s?)\. ([\d\-, and]+)", rule.explanation.en):
        for number, sub in re.findall(r"(\d+)(?:-(\d+))?", numbers):
            # "Art. 293-1" is 第293条之一; "Arts. 5-6" is a range of two articles
            expected = [f"第{number}条"] + ([f"第{sub}条"] if sub and plural else [])
            if sub and not plural:
                expected = [f"第{number}条之一"]
            for article in expected:
                assert article in verified, f"{rule.id}: {article} is not verified"
    for section in re.findall(r"§(\d{4}[a-z]?(?:\.\d+)?)", rule.explanation.en):
        assert f"§{section}" in verified, f"{rule.id}: §{section} is not a verified citation"


LAW_CLAIMS = re.compile(
    r"违反《|违法|法律(明确)?(禁止|要求)|依法必须|the law (forbids|bans|prohibits|requires)"
    r"|\billegal\b|\bunlawful\b|\bviolat|prohibited by law|banned by"
)


@pytest.mark.parametrize(
    "rule", [r for r in _rules() if r.basis == "house_policy"], ids=lambda r: r.id
)
def test_house_policy_never_says_the_law_forbids_it(rule: Rule) -> None:
    for text in (rule.explanation.zh, rule.explanation.en, rule.title.zh, rule.title.en):
        assert not LAW_CLAIMS.search(text), f"{rule.id}: {text}"
    assert "机构" in rule.explanation.zh and "policy" in rule.explanation.en


@pytest.mark.parametrize(
    "rule", [r for r in _rules() if r.basis == "self_regulatory"], ids=lambda r: r.id
)
def test_self_regulation_says_what_it_is(rule: Rule) -> None:
    assert "自律" in rule.explanation.zh, rule.id
    assert re.search(r"self-regulatory|industry code", rule.explanation.en), rule.id


def test_a_citation_shows_its_number_only_when_verified() -> None:
    verified = Citation(
        source="《中华人民共和国刑法》",
        article="第293条",
        provision="寻衅滋事",
        binding="law",
        confidence="high",
    )
    unsure = Citation(
        source="《商业银行信用卡业务监督管理办法》",
        article="第68条",
        provision="不得辱骂",
        binding="regulation",
        confidence="medium",
    )
    guideline = Citation(source="某协会指引", provision="夜间不得催收", binding="self_regulatory")
    assert verified.label("zh") == "《中华人民共和国刑法》第293条（寻衅滋事）〔法律〕"
    assert unsure.label("zh") == "《商业银行信用卡业务监督管理办法》（不得辱骂）〔监管规章〕"
    assert guideline.label("en") == "某协会指引 (夜间不得催收) [self-regulatory code]"


@pytest.mark.parametrize(
    "fields",
    [
        {"source": "《某办法》", "provision": "第41条：不得恐吓"},
        {"source": "《某办法》", "provision": "催收条款（条号待核）"},
        {"source": "FDCPA 15 U.S.C. §1692e"},
        {"source": "某协会指引", "provision": "催收时段（据报道）"},
    ],
)
def test_numbers_and_notes_cannot_hide_in_citation_words(fields: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        Citation(binding="regulation", **fields)


def _finding(jurisdiction: str, rule_id: str, product: str | None) -> tuple[str, str, str]:
    rule = load_pack(jurisdiction).rule(rule_id)
    f = compliance_finding(rule, 1, "x", "x", product=product)
    return f.citation, f.message.zh, f.message.en


def test_card_measures_are_cited_only_for_credit_cards() -> None:
    card, _, _ = _finding("CN", "CN-THREAT-VIOLENCE", "credit_card")
    online, _, _ = _finding("CN", "CN-THREAT-VIOLENCE", "online_lending")
    assert "《商业银行信用卡业务监督管理办法》" in card
    assert "信用卡" not in online
    assert "互联网金融逾期债务催收自律公约" in online and "中国银行业协会" not in online
    assert online.startswith("《中华人民共和国刑法》第293条（寻衅滋事")


def test_a_house_policy_finding_says_so_in_both_languages() -> None:
    citation, zh, en = _finding("CN", "CN-LAWSUIT-THREAT-NO-BASIS", "credit_card")
    assert zh.endswith("依据性质：机构内部规定，不是法律禁令。")
    assert en.endswith("Basis: house policy, not a legal prohibition.")
    assert citation.startswith("本机构催收作业规范（")
    _, zh, en = _finding("CN", "CN-CONTACT-HOURS", "credit_card")
    assert zh.endswith("依据性质：行业自律规范，不是法律。")
    assert en.endswith("Basis: a self-regulatory code, not law.")
    # For an online loan the hours come from GB/T 45251-2025, not from the Civil Code beside it.
    _, zh, _ = _finding("CN", "CN-CONTACT-HOURS", "online_lending")
    assert zh.endswith("依据性质：推荐性国家标准，不是强制性法律。")
    _, _, en = _finding("US", "US-FDCPA-THREAT-ARREST-CRIME", "agency")
    assert en.endswith("Basis: statute.")


def test_the_basis_follows_the_lender() -> None:
    """Call records are a card-measures duty; for an online loan the standard is the basis."""
    rule = load_pack("CN").rule("CN-OFFICIAL-CHANNEL-RECORDING")
    assert rule.basis_for("credit_card") == "regulation"
    assert rule.basis_for("online_lending") == "national_standard"


def _ctx(product: str | None, **kw: object) -> LineContext:
    return LineContext(product=product, local_time=datetime(2026, 11, 20, 10), **kw)  # type: ignore[arg-type]


def test_only_rules_in_scope_run() -> None:
    judge = Judge(load_pack("CN"), semantic=False)
    line = "您再拖下去，银行是可以按恶意透支来处理的。"
    fired = {h.rule.id for h in judge.judge_line(line, _ctx("credit_card"))}
    assert "CN-HOUSE-CRIMINAL-LAW-TALK" in fired
    fired = {h.rule.id for h in judge.judge_line(line, _ctx("online_lending"))}
    assert "CN-HOUSE-CRIMINAL-LAW-TALK" not in fired


def test_fdcpa_rules_do_not_run_for_a_first_party_card_issuer() -> None:
    judge = Judge(load_pack("US"), semantic=False)
    line = "If you don't pay we'll have you arrested."
    assert judge.judge_line(line, _ctx("agency"))
    assert not judge.judge_line(line, _ctx("credit_card"))


def test_every_rule_declares_a_basis_among_its_citations() -> None:
    for rule in _rules():
        assert rule.basis in {c.binding for c in rule.citations}, rule.id


def _cli(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_rules_command_lists_citations_force_and_scope(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _cli("rules", "--jurisdiction", "US", capsys=capsys)
    assert status == 0
    assert out.splitlines()[0] == (
        "United States debt-collection compliance rules (FDCPA and Regulation F) — "
        f"version {load_pack('US').version}, {len(load_pack('US').rules)} rules"
    )
    assert (
        "    - Regulation F 12 CFR §1006.18(c)(2) — communicating or threatening to communicate "
        "false credit information [regulation; medium]"
    ) in out
    assert "  Applies to: collection agency, debt buyer; every channel" in out
    status, out, _ = _cli("rules", "--jurisdiction", "CN", capsys=capsys)
    assert "  依据性质: 机构内部规定" in out
    assert "(约束对象: 信用卡)" in out


def test_rules_markdown_is_written_for_docs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rules-cn.md"
    status, out, _ = _cli(
        "rules", "--jurisdiction", "CN", "--format", "md", "-o", str(target), capsys=capsys
    )
    assert status == 0 and out == f"wrote {target}\n"
    page = target.read_text("utf-8")
    assert page.count("\n## CN-") == len(load_pack("CN").rules)
    assert "| 《中华人民共和国刑法》 | 第293条之一 |" in page
    shipped = (Path(__file__).resolve().parent.parent / "docs" / "rules-cn.md").read_text("utf-8")
    assert shipped == page, (
        "docs/rules-cn.md is stale: run collectsim rules --jurisdiction CN --format md"
    )


def test_rules_command_bad_output_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _cli(
        "rules",
        "--jurisdiction",
        "US",
        "--format",
        "md",
        "-o",
        "/nonexistent/dir/x.md",
        capsys=capsys,
    )
    assert status != 0
    assert err.strip().count("\n") == 0 and "/nonexistent/dir/x.md" in err


def test_a_scenario_must_name_its_lender(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Which rules bind a call depends on the lender, so a ledger without one is refused."""
    root = Path(__file__).resolve().parent.parent
    text = (root / "scenarios" / "ol-field-visit.scenario.yaml").read_text("utf-8")
    bad = tmp_path / "bad.scenario.yaml"
    bad.write_text(text.replace("  product_type: online_lending\n", ""), "utf-8")
    status, out, _ = _cli("validate", str(bad), capsys=capsys)
    assert status == 1
    [problem] = out.strip().splitlines()
    line = 1 + text.splitlines().index("ledger:")
    assert problem == (
        f"{bad}:{line}:1: error: ledger: product_type is required: the lender's kind "
        "(credit_card, online_lending, consumer_finance, debt_buyer, agency)"
    )


# -- the review's corrections (shared/domain/rule-pack-citation-review.md, sections 0 and 4) ------


def _articles(jurisdiction: str, rule_id: str) -> dict[str, Citation]:
    return {c.article: c for c in load_pack(jurisdiction).rule(rule_id).citations if c.article}


def _cited(jurisdiction: str, rule_id: str) -> str:
    rule = load_pack(jurisdiction).rule(rule_id)
    return " | ".join(f"{c.source} {c.article} {c.provision}" for c in rule.citations)


def test_review_us_wrong_paragraphs_are_corrected() -> None:
    """Section 0, US: each wrong paragraph is gone and the right one is cited."""
    credit = _articles("US", "US-FDCPA-CREDIT-REPORTING-MISREP")
    assert "12 CFR §1006.18(c)(1)" not in credit
    assert credit["12 CFR §1006.18(c)(2)"].confidence == "medium"
    assert "12 CFR §1006.10(b)-(c)" in _articles("US", "US-FDCPA-LOCATION-INFO")
    cease = _articles("US", "US-FDCPA-CEASE-COMMUNICATION")
    assert cease["12 CFR §1006.14(h)(1)"].provision.startswith("no communication through a medium")
    assert "opt-out notice" in cease["12 CFR §1006.6(e)"].provision
    assert "1692f(3)" not in _cited("US", "US-FDCPA-THREAT-ARREST-CRIME")
    gov = _articles("US", "US-FDCPA-GOV-AFFILIATION")
    assert "15 U.S.C. §1692e(1), (10)" in gov
    assert gov["15 U.S.C. §1692e(9), (13)"].provision.startswith("documents only")
    # 1006.2(j): a limited-content message needs a business name; "about an account" is not one.
    mini = load_pack("US").rule("US-FDCPA-MINI-MIRANDA")
    assert "a business name that does not indicate debt collection" in mini.explanation.en


def test_review_cn_wrong_claims_are_corrected() -> None:
    """Section 0, CN: each misapplied provision is dropped or cited for what it says."""
    for rule_id in ("CN-THREAT-ARREST-JAIL", "CN-FREQUENCY-HARASS"):
        assert "第293条之一" not in _articles("CN", rule_id), rule_id
    for rule in load_pack("CN").rules:
        for citation in rule.citations:
            if citation.article == "第293条之一":
                assert "非法债务" in citation.provision, rule.id
    disclosure = _articles("CN", "CN-THIRDPARTY-DISCLOSURE")
    assert "第23条" not in disclosure and {"第10条", "第1038条"} <= set(disclosure)
    dispute = load_pack("CN").rule("CN-DISPUTE-HANDLING")
    assert dispute.basis == "house_policy"
    for citation in dispute.citations:
        if citation.binding != "house_policy":
            assert "暂停" not in citation.provision and "不得" not in citation.provision
    impersonate = load_pack("CN").rule("CN-IMPERSONATE-AUTHORITY")
    assert "国家机关工作人员" in impersonate.explanation.zh
    assert "冒充国家工作人员" not in impersonate.explanation.zh
    assert "《银行保险机构消费者权益保护管理办法》" not in _cited("CN", "CN-IDENTITY-DISCLOSURE")


def test_review_cn_criminal_citations_match_the_statute() -> None:
    """Checked against the Criminal Law's text (LawRefBook/Laws, 刑法/刑法.md): 第293条 is 寻衅滋事,
    第245条 非法侵入住宅, 第274条 敲诈勒索; the 治安管理处罚法 is named without a number because
    the revision in force since 2026-01-01 renumbered it."""
    expected = {"第293条": "寻衅滋事", "第245条": "非法侵入他人住宅", "第274条": "敲诈勒索"}
    for rule in load_pack("CN").rules:
        for citation in rule.citations:
            if citation.source == "《中华人民共和国刑法》" and citation.article in expected:
                assert citation.provision.startswith(expected[citation.article]), rule.id
                assert citation.confidence == "high"
            if citation.source == "《中华人民共和国治安管理处罚法》":
                assert not citation.verified(), rule.id
    intrusion = _cited("CN", "CN-HOME-WORK-INTRUSION")
    assert "《中华人民共和国治安管理处罚法》  非法侵入他人住宅" in intrusion


def test_regulation_f_letters_not_seen_in_the_text_are_not_shown() -> None:
    """1006.14(c), (d) and 1006.6(b)(3) follow the FDCPA's structure but were not seen verbatim."""
    for rule_id, article in (
        ("US-FDCPA-THREAT-VIOLENCE", "12 CFR §1006.14(c)"),
        ("US-FDCPA-PROFANITY-ABUSE", "12 CFR §1006.14(d)"),
        ("US-FDCPA-WORKPLACE-CONTACT", "12 CFR §1006.6(b)(3)"),
        ("US-FDCPA-WORKPLACE-CONTACT-FORBIDDEN", "12 CFR §1006.6(b)(3)"),
    ):
        rule = load_pack("US").rule(rule_id)
        assert _articles("US", rule_id)[article].confidence == "medium"
        shown = rule.citation_text("en", "agency")
        assert article not in shown and "(b)(3)" not in rule.explanation.en, rule_id
    shown = load_pack("US").rule("US-FDCPA-PROFANITY-ABUSE").citation_text("en", "agency")
    assert shown == (
        "FDCPA 15 U.S.C. §1692d(2) [statute]; Regulation F 12 CFR §1006.14(a) (general ban on "
        "conduct whose natural consequence is to harass, oppress or abuse) [regulation]; "
        "Regulation F (obscene, profane or abusive language) [regulation]"
    )


def test_review_section_4_teaches_the_law() -> None:
    """Section 4: the spouse is the consumer, the time-barred rewrite says what the agency will do,
    online loans are taught the national standard's call limit."""
    third_party = load_pack("US").rule("US-FDCPA-THIRDPARTY-DISCLOSURE")
    assert third_party.when.party is not None and "spouse" not in third_party.when.party
    judge = Judge(load_pack("US"), semantic=False)
    hits = judge.judge_line(
        "I'm calling about her past-due loan.", _ctx("agency", party="spouse", verified=False)
    )
    assert [h.rule.id for h in hits] == ["US-HOUSE-SPOUSE-DISCLOSURE"]
    rewrite = load_pack("US").rule("US-REGF-TIME-BARRED-DEBT").rewrite.en
    assert "we will not sue you" in rewrite and "can't sue" not in rewrite
    frequency = load_pack("CN").rule("CN-FREQUENCY-HARASS")
    assert "每名债务人每日接通的催收电话不超过3次" in frequency.citation_text(
        "zh", "online_lending"
    )
    assert "不宜超过6次" not in frequency.citation_text("zh", "online_lending")


# -- a cease request names a medium (12 CFR 1006.14(h)(1)) ----------------------------------------


@pytest.mark.parametrize(
    ("flag", "line", "expected"),
    [
        (
            "cease_requested",
            "I'll call you again tomorrow at 10.",
            {"US-FDCPA-CEASE-COMMUNICATION"},
        ),
        ("cease_requested", "I'll text you the payment link tomorrow.", set()),
        ("cease_requested", "I'll email you the statement tonight.", set()),
        (
            "opted_out_texts",
            "I'll text you the payment link tomorrow.",
            {"US-REGF-OPTED-OUT-TEXTS"},
        ),
        ("opted_out_texts", "I'll call you again tomorrow at 10.", set()),
        ("opted_out_texts", "I'll email you the statement tonight.", set()),
        ("opted_out_email", "I'll email you the statement tonight.", {"US-REGF-OPTED-OUT-EMAIL"}),
        ("opted_out_email", "I'll text you the payment link tomorrow.", set()),
    ],
)
def test_a_cease_request_bars_only_the_medium_it_names(
    flag: str, line: str, expected: set[str]
) -> None:
    judge = Judge(load_pack("US"), semantic=False)
    fired = {h.rule.id for h in judge.judge_line(line, _ctx("agency", flags=frozenset({flag})))}
    assert fired == expected


def test_a_scenario_can_name_the_medium_refused() -> None:
    from simulator.engine.actions import ACTIONS, CONTEXT_FLAGS

    for action, flag in (
        ("request_cease", "cease_requested"),
        ("opt_out_texts", "opted_out_texts"),
        ("opt_out_email", "opted_out_email"),
    ):
        flags: set[str] = set()
        ACTIONS[action](flags)
        assert flags == {flag} and flag in CONTEXT_FLAGS


def test_us_rules_markdown_is_current(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "rules-us.md"
    status, _, _ = _cli(
        "rules", "--jurisdiction", "US", "--format", "md", "-o", str(target), capsys=capsys
    )
    assert status == 0
    page = target.read_text("utf-8")
    assert page.count("\n## US-") == len(load_pack("US").rules)
    shipped = (Path(__file__).resolve().parent.parent / "docs" / "rules-us.md").read_text("utf-8")
    assert shipped == page, (
        "docs/rules-us.md is stale: run collectsim rules --jurisdiction US --format md"
    )
