"""Products said with their result: "207.20 x 12 = 2,486.40", "12 times $366.22 is about
$4,394.62", "903.13乘以6等于5418.78". The result must be the product, whatever the figures are
(each is checked against the ledger on its own): instalments times months said as the balance
are a slip of arithmetic even when every factor is on the account."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from scoring.accuracy._common import accuracy_finding, fmt_money
from scoring.analysis import MAX_ANALYSED_CHARS, Analysis
from scoring.entities import fold
from scoring.entities.numerals import EN_NUM, en_words_to_int
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger, money

_FIGURE = r"(?:\$|¥)?\s*+[0-9][0-9,]*+(?:\.[0-9]{1,2})?"
_PRODUCT = re.compile(
    rf"(?<![0-9.,])(?P<a>{_FIGURE}|{EN_NUM})\s*+(?:元|块|dollars?)?\s*+"
    r"(?:[x×*](?=\s*+[$¥0-9a-z])|\btimes\b|乘以?)\s*+"
    rf"(?P<b>{_FIGURE}|{EN_NUM})\s*+(?:元|块|dollars?|months?|payments?|期)?\s*+"
    r"(?:=|\bis\b|\bequals\b|\bcomes\s++to\b|\bmakes\b|\bgives\b|等于|是|得|一共是?|总共是?)\s*+"
    r"(?P<hedge>about|around|roughly|approximately|exactly|just|大概|大约|约|差不多|正好)?\s*+"
    rf"(?P<c>{_FIGURE})(?![0-9])",
    re.ASCII,
)
_HEDGED = frozenset({"about", "around", "roughly", "approximately", "大概", "大约", "约", "差不多"})
# A hedged result ("about $4,394.62") may stray this share from the product.
_HEDGE_SHARE = Decimal("0.01")


def _number(said: str) -> Decimal | None:
    said = said.strip().lstrip("$¥").strip().replace(",", "")
    if said and said[0].isdigit():
        try:
            return Decimal(said)
        except InvalidOperation:
            return None
    words = en_words_to_int(said)
    return Decimal(words) if words is not None else None


def check_products(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """A product said with its result: the result must be the product (to a cent a factor,
    as instalments rounded to the cent add up)."""
    text = analysis.text[:MAX_ANALYSED_CHARS]
    low = fold(text)
    findings: list[Finding] = []
    for m in _PRODUCT.finditer(low):
        a, b, c = _number(m.group("a")), _number(m.group("b")), _number(m.group("c"))
        if a is None or b is None or c is None or not a or not b:
            continue
        count = min(a, b) if min(a, b) == int(min(a, b)) else max(a, b)
        product = a * b
        slack = Decimal("0.01") * count + Decimal("0.005")
        if m.group("hedge") in _HEDGED:
            slack = max(slack, product * _HEDGE_SHARE)
        if abs(product - c) <= slack:
            continue
        said = text[m.start() : m.end()].strip()
        right = fmt_money(money(product), ledger)
        findings.append(
            accuracy_finding(
                turn,
                "ACC-AMOUNT",
                "major",
                analysis.text,
                said,
                Bilingual(
                    zh=f"“{said}”算错了：乘积是 {right}。",
                    en=f"“{said}” is wrong arithmetic: the product is {right}.",
                ),
                Bilingual(
                    zh="先算清每期金额乘以期数，再报总额。",
                    en="Multiply the instalment by the months before giving the total.",
                ),
            )
        )
    return findings
