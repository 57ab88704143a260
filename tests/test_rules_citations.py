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
