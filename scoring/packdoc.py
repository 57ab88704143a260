"""A rule pack on one page, for a compliance officer: each rule's citations, force and scope.

Unlike a trainee's finding, this view shows every article number with its confidence, so the
reviewer sees what is verified and what is only the instrument's name to a trainee.
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.i18n import Bilingual, Lang
from scoring.rulepack import BINDING_WORDS, Citation, Rule, RulePack
from scoring.taxonomy import CHANNELS, PRODUCTS

_WORDS: dict[str, Bilingual] = {
    "title": Bilingual(zh="规则清单", en="Rule list"),
    "version": Bilingual(zh="版本", en="version"),
    "rules": Bilingual(zh="条规则", en="rules"),
    "basis": Bilingual(zh="依据性质", en="Basis"),
    "scope": Bilingual(zh="适用范围", en="Applies to"),
    "when": Bilingual(zh="触发条件", en="When"),
    "always": Bilingual(zh="任何时候", en="always"),
    "all_products": Bilingual(zh="全部贷款机构类型", en="every lender"),
    "all_channels": Bilingual(zh="全部渠道", en="every channel"),
    "source": Bilingual(zh="出处", en="Source"),
    "article": Bilingual(zh="条款", en="Provision"),
    "says": Bilingual(zh="内容", en="What it says"),
    "force": Bilingual(zh="效力", en="Force"),
    "confidence": Bilingual(zh="可信度", en="Confidence"),
    "binds": Bilingual(zh="约束对象", en="Binds"),
    "shown": Bilingual(
        zh="只有可信度为 high 的条号会显示给学员；其余只显示法规名称。",
        en="Only article numbers with high confidence are shown to trainees; "
        "the others show the instrument's name alone.",
    ),
}
_PRODUCT_WORDS: dict[str, Bilingual] = {
    "credit_card": Bilingual(zh="信用卡", en="credit card"),
    "online_lending": Bilingual(zh="网络贷款", en="online lending"),
    "consumer_finance": Bilingual(zh="消费金融", en="consumer finance"),
    "debt_buyer": Bilingual(zh="债务购买方", en="debt buyer"),
    "agency": Bilingual(zh="外包催收机构", en="collection agency"),
}
_CHANNEL_WORDS: dict[str, Bilingual] = {
    "call": Bilingual(zh="电话", en="call"),
    "sms": Bilingual(zh="短信", en="SMS"),
    "chat": Bilingual(zh="在线聊天", en="chat"),
    "visit": Bilingual(zh="外访", en="visit"),
    "letter": Bilingual(zh="信函", en="letter"),
    "voicemail": Bilingual(zh="语音留言", en="voicemail"),
}


def _w(key: str, lang: Lang) -> str:
    return _WORDS[key].get(lang)


def _list(
    values: Sequence[str],
    every: tuple[str, ...],
    words: dict[str, Bilingual],
    all_key: str,
    lang: Lang,
) -> str:
    if set(values) == set(every):
        return _w(all_key, lang)
    sep = "、" if lang == "zh" else ", "
    return sep.join(words[v].get(lang) for v in values)


def scope_text(rule: Rule, lang: Lang) -> str:
    products = _list(rule.scope.products, PRODUCTS, _PRODUCT_WORDS, "all_products", lang)
    channels = _list(rule.scope.channels, CHANNELS, _CHANNEL_WORDS, "all_channels", lang)
    return f"{products}; {channels}"


def when_text(rule: Rule, lang: Lang) -> str:
    given = rule.when.model_dump(exclude_none=True)
    if not given:
        return _w("always", lang)
    return "; ".join(f"{key}={value}" for key, value in given.items())


def _binds(citation: Citation, lang: Lang) -> str:
    if citation.products is None:
        return "—"
    sep = "、" if lang == "zh" else ", "
    return sep.join(_PRODUCT_WORDS[p].get(lang) for p in citation.products)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def pack_text(pack: RulePack, lang: Lang) -> str:
    """Plain text for a terminal: one block a rule."""
    out = [
        f"{pack.title.get(lang)} — {_w('version', lang)} {pack.version}, "
        f"{len(pack.rules)} {_w('rules', lang)}",
        _w("shown", lang),
        "",
    ]
    for rule in pack.rules:
        out.append(f"{rule.id}  [{rule.severity}, {rule.kind}]  {rule.title.get(lang)}")
        out.append(f"  {_w('basis', lang)}: {BINDING_WORDS[rule.basis].get(lang)}")
        out.append(f"  {_w('scope', lang)}: {scope_text(rule, lang)}")
        out.append(f"  {_w('when', lang)}: {when_text(rule, lang)}")
        for c in rule.citations:
            article = f" {c.article}" if c.article else ""
            says = f" — {c.provision}" if c.provision else ""
            binds = "" if c.products is None else f" ({_w('binds', lang)}: {_binds(c, lang)})"
            out.append(
                f"    - {c.source}{article}{says} "
                f"[{BINDING_WORDS[c.binding].get(lang)}; {c.confidence}]{binds}"
            )
        out.append("")
    return "\n".join(out)


def pack_markdown(pack: RulePack, lang: Lang) -> str:
    """The same list as a Markdown page for docs/."""
    out = [
        f"# {pack.title.get(lang)} — {_w('title', lang)}",
        "",
        f"{_w('version', lang)} {pack.version} · {len(pack.rules)} {_w('rules', lang)} · "
        f"`collectsim rules --jurisdiction {pack.jurisdiction} --format md`",
        "",
        f"> {_w('shown', lang)}",
        "",
    ]
    for rule in pack.rules:
        out += [
            f"## {rule.id} — {rule.title.get(lang)}",
            "",
            f"- {rule.severity}, {rule.kind}",
            f"- **{_w('basis', lang)}**: {BINDING_WORDS[rule.basis].get(lang)}",
            f"- **{_w('scope', lang)}**: {scope_text(rule, lang)}",
            f"- **{_w('when', lang)}**: {when_text(rule, lang)}",
            "",
            f"| {_w('source', lang)} | {_w('article', lang)} | {_w('says', lang)} | "
            f"{_w('force', lang)} | {_w('confidence', lang)} | {_w('binds', lang)} |",
            "|---|---|---|---|---|---|",
        ]
        out += [
            f"| {_cell(c.source)} | {_cell(c.article) or '—'} | {_cell(c.provision) or '—'} | "
            f"{BINDING_WORDS[c.binding].get(lang)} | {c.confidence} | {_binds(c, lang)} |"
            for c in rule.citations
        ]
        out.append("")
    return "\n".join(out)
