"""Probes of the dev set's right lines beyond the leading digit (`accuracy_mutants.py`): does the
check compare every digit of a figure, every way it is said, wherever its label stands?

Kinds, each from the figures a right dev line names (`figures[]`, found in the line by the
amount read there), reported per kind and language:
* mutants that must be flagged: `last` (the last non-leading digit of an amount's whole part:
  5230.5 → 5240.5, 五千二百三十块五毛 → 五千二百四十块五毛), `cents` (七毛八 → 七毛九, "and
  forty cents" → "and forty-five cents", 523.05 → 523.06), `days+1` / `days-1` / `days+10` /
  `days-10` (a count of days overdue), `plan` (an instalment count the ledger's plans have,
  said as one they do not: 分12期 → 分10期);
* spoken forms that must stay unflagged: `form` (each amount said another way: 五千二百三十块
  五毛, 五千二百三十元五角, 伍仟贰佰叁拾元伍角, 5,230.5元; "five thousand two hundred thirty
  dollars and fifty cents", "fifty-two thirty fifty", "about $5.2k") and the same forms of a
  figure off by its last said place, which must be flagged (`form-wrong`);
* labels after the figure: `label` (the figure alone, then "，这是您的逾期总额" / ", that's
  your total balance"), right and off by its last place (`label-wrong`).

A mutant whose value is itself on the ledger is skipped. Only the accuracy check runs: intents
(read by meaning, slow) are those of the dev line the variant came from, and only for a line
with an instalment count (the one check that reads them). Dev lines only.

    python benchmarks/accuracy_probes.py [-v] [--lang zh|en] [--kind KIND]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._spoken import (
    approx_near,
    cn_elided,
    cn_int,
    cn_kuai,
    en_hundreds,
    en_int,
    en_mixed,
    en_pairs,
    en_words,
)
from benchmarks.accuracy_mutants import scenario
from scoring import analysis as analysis_module
from scoring.accuracy import check_line
from scoring.analysis import MAX_ANALYSED_CHARS, MAX_MENTIONS, Analysis
from scoring.entities import (
    AmountMention,
    extract_amounts,
    extract_counts,
    extract_dates,
)
from scoring.text import normalise
from scoring.tone import reader

ROOT = Path(__file__).resolve().parent.parent
NOT_MONEY = {
    "days_overdue",
    "days",
    "due_date",
    "promise_date",
    "date",
    "plan_months",
    "count",
    "not_money",
    "plan_fee_rate",
}
LABELS = {
    "total": ("逾期总额", "total balance"),
    "principal": ("本金", "principal"),
    "interest": ("利息", "interest"),
    "late_fee": ("滞纳金", "late fee"),
    "minimum": ("最低还款额", "minimum payment"),
}
ZH_ROWS = ("一二三四五六七八九", "壹贰叁肆伍陆柒捌玖")
EN_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
EN_WORD = re.compile(r"\b(?:" + "|".join((*EN_ONES, *EN_TENS)) + r")\b", re.IGNORECASE)
HEDGE = re.compile(
    r"about|around|roughly|over|almost|nearly|more\s+than|under|less\s+than|多|左右|将近|快|不到|差不多|大概",
    re.IGNORECASE,
)
CENTS_SPLIT = re.compile(r"[块元圆塊]|\bdollars?\b|\bbucks?\b|\band\b|\.", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Reading a variant: the accuracy check alone
# --------------------------------------------------------------------------------------------


@cache
def _base_intents(text: str, lang: str) -> tuple[Any, ...]:
    head = text[:MAX_ANALYSED_CHARS]
    return tuple(analysis_module._intents(head, normalise(head), lang))  # type: ignore[arg-type]


def read(text: str, base: str, ref: str) -> Analysis:
    sc = scenario(ref)
    today = sc.call.local_time.date()
    head = text[:MAX_ANALYSED_CHARS]
    norm = normalise(head)
    amounts = extract_amounts(head, approximate=True)[:MAX_MENTIONS]
    counts = tuple(extract_counts(head)[:MAX_MENTIONS])
    plans = any(c.kind == "instalments" for c in counts)
    return Analysis(
        text=text,
        norm=norm,
        lang=sc.lang,
        intents=_base_intents(base, sc.lang) if plans else (),
        amounts=tuple(a for a in amounts if not a.approx),
        dates=tuple(extract_dates(head, today)[:MAX_MENTIONS]),
        counts=counts,
        tone=reader().read(head, norm, sc.lang),
        approximate=tuple(a for a in amounts if a.approx),
        today=today,
    )


def flagged(text: str, base: str, ref: str) -> bool:
    sc = scenario(ref)
    return any(f.rule.startswith("ACC-") for f in check_line(read(text, base, ref), sc.ledger, 1))


@cache
def ledger_amounts(ref: str) -> tuple[Decimal, ...]:
    return tuple(scenario(ref).ledger.known_amounts().values())


def on_ledger(value: Decimal, ref: str) -> bool:
    """Another quantity of the account (a role swap, not a wrong figure)."""
    return any(abs(value - v) < Decimal("0.005") for v in ledger_amounts(ref))


# --------------------------------------------------------------------------------------------
# Digit mutants, on the words said
# --------------------------------------------------------------------------------------------


def _bump_zh(ch: str) -> str | None:
    if ch == "两":
        return "三"
    for row in ZH_ROWS:
        at = row.find(ch)
        if at >= 0:
            return row[at + 1] if at < 8 else row[7]
    return None


def _bump_en(word: str) -> str:
    low = word.lower()
    if low in EN_ONES:
        at = EN_ONES.index(low)
        return EN_ONES[at + 1] if at < 8 else EN_ONES[7]
    at = EN_TENS.index(low)
    return EN_TENS[at + 1] if at < 7 else EN_TENS[6]


def _digits(part: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every non-zero digit of a stretch, in order."""
    out: list[tuple[int, int, str]] = []
    for i, ch in enumerate(part):
        if ch.isascii() and ch.isdigit() and ch != "0":
            out.append((i, i + 1, str(int(ch) + 1) if ch != "9" else "8"))
        else:
            bumped = _bump_zh(ch)
            if bumped is not None:
                out.append((i, i + 1, bumped))
    for match in EN_WORD.finditer(part):
        out.append((match.start(), match.end(), _bump_en(match.group(0))))
    return sorted(out)


def _whole_and_cents(raw: str) -> tuple[int, int]:
    """Where the whole part of an amount said ends and its cents begin (equal: no cents)."""
    low = raw.lower()
    split = CENTS_SPLIT.search(low)
    if split is None:
        return len(raw), len(raw)
    rest = raw[split.end() :]
    if not re.search(r"[0-9]|[一二三四五六七八九壹贰叁肆伍陆柒捌玖两]|" + EN_WORD.pattern, rest):
        return split.start(), split.start()
    return split.start(), split.end()


def mutate_last(raw: str) -> str | None:
    whole_end, _ = _whole_and_cents(raw)
    digits = _digits(raw[:whole_end])
    if len(digits) < 2:
        return None  # the leading digit: accuracy_mutants.py
    start, end, new = digits[-1]
    return raw[:start] + new + raw[end:]


def mutate_cents(raw: str) -> str | None:
    whole_end, cents_start = _whole_and_cents(raw)
    if whole_end == cents_start:
        return None
    tail = raw[cents_start:]
    ones = [m for m in re.finditer(r"\b(?:" + "|".join(EN_ONES) + r")\b", tail, re.I)]
    tens = [m for m in re.finditer(r"\b(?:" + "|".join(EN_TENS) + r")\b(?!-)", tail, re.I)]
    if tens and not ones:  # "and forty cents" → "and forty-five cents"
        at = cents_start + tens[-1].end()
        return raw[:at] + "-five" + raw[at:]
    digits = _digits(tail)
    if not digits:
        return None
    start, end, new = digits[-1]
    return raw[: cents_start + start] + new + raw[cents_start + end :]


_EN_NUMBER_WORDS = (
    "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|hundred|"
    + "|".join((*EN_TENS, *EN_ONES))
)
NUMBER = re.compile(
    rf"[0-9]+|[零一二两三四五六七八九十百]+|(?:\b(?:{_EN_NUMBER_WORDS})\b[\s-]?)+", re.IGNORECASE
)


def renumber(said: str, value: int) -> str | None:
    """The count said with another number, in the same numerals."""
    match = NUMBER.search(said)
    if match is None:
        return None
    old = match.group(0)
    if old[0].isdigit():
        new = str(value)
    elif re.match(r"[零一二两三四五六七八九十百]", old):
        new = cn_int(value, liang=False)
    else:
        new = en_int(value) + (" " if old.endswith(" ") else "")
    return said[: match.start()] + new + said[match.end() :]


# --------------------------------------------------------------------------------------------
# Spoken forms of an amount
# --------------------------------------------------------------------------------------------


def forms(value: Decimal, lang: str) -> list[tuple[str, Decimal, str]]:
    """(form name, value the words mean, words) for every way this probe says an amount."""
    out: list[tuple[str, str | None]] = []
    if lang == "zh":
        out = [
            ("块毛", cn_kuai(value)),
            ("元角", cn_kuai(value, yuan=True)),
            ("大写", cn_kuai(value, caps=True)),
            ("毛分省", cn_kuai(value, fen=False)),
            ("digits元", f"{value.normalize():,f}元"),
            ("省单位", cn_elided(value)),
        ]
    else:
        out = [
            ("words", en_words(value)),
            ("pairs", _pairs(value)),
            ("hundreds", en_hundreds(value)),
            ("mixed", en_mixed(value)),
            ("dollars", f"${value:,.2f}"),
        ]
    return [(name, value, text) for name, text in out if text]


def _pairs(value: Decimal) -> str | None:
    """Pairs as people say them: not "five oh zero" for $500 nor "thirty hundred" for $3,000."""
    whole = int(value)
    if whole % 100 == 0 and (whole < 1000 or whole % 1000 == 0):
        return None
    return en_pairs(value)


def about_k(value: Decimal) -> tuple[str, Decimal] | None:
    """ "about $5.2k" for 5,230.50 (the k form said as about only)."""
    if value < 1000:
        return None
    near = approx_near(value)
    if near % 100:
        return None
    return f"about ${(near / 1000).normalize():f}k", near


def last_place(value: Decimal, text: str) -> Decimal:
    """The place of the last digit the words say: 10 for 五千二百三十块五毛's 三十, 0.01 for
    "…and sixty-two cents" (the whole part's last non-zero place when there are no cents)."""
    whole = int(value)
    if value != whole:
        return Decimal("0.01") if (value * 100) % 10 else Decimal("0.1")
    place = 1
    while whole and whole % 10 == 0:
        whole //= 10
        place *= 10
    return Decimal(place)


# --------------------------------------------------------------------------------------------
# The probe
# --------------------------------------------------------------------------------------------


def _mention_of(
    row: dict[str, Any], figure: dict[str, Any], base: Analysis
) -> AmountMention | None:
    said = str(figure["said"])
    try:
        truth = Decimal(str(figure["truth"]))
    except InvalidOperation:
        return None
    for mention in base.amounts:
        said_as = (mention.value,) if mention.alt is None else (mention.value, mention.alt)
        if (said in mention.raw or truth in said_as) and truth in said_as:
            return replace(mention, value=truth)  # a figure said roughly is no exact form
    return None


def variants(row: dict[str, Any], lang: str) -> Iterator[tuple[str, bool, str, str]]:
    """(kind, must be flagged, what changed, text) for one right dev line."""
    text, ref = str(row["text"]), str(row["scenario"])
    sc = scenario(ref)
    base = read(text, text, ref)
    plans = sorted(p.months for p in sc.ledger.plans)
    for figure in row.get("figures", []):
        role, said = str(figure["role"]), str(figure["said"])
        if role == "days_overdue" and said in text:
            counts = [c for c in base.counts if c.kind == "days" and said in text[c.start : c.end]]
            counts = counts or [c for c in extract_counts(said) if c.kind == "days"]
            if not counts:
                continue
            n = counts[0].value
            at = text.find(said)
            hedged = HEDGE.search(text, max(0, at - 12), at + len(said) + 6)
            for delta in (1, -1, 10, -10):
                if n + delta < 1 or (hedged and abs(delta) == 1):  # within the hedge
                    continue
                wrong = renumber(said, n + delta)
                if wrong and wrong != said:
                    yield f"days{delta:+d}", True, f"{said}→{wrong}", text.replace(said, wrong, 1)
            continue
        if role == "plan_months" and said in text:
            counts = [c for c in extract_counts(said) if c.kind == "instalments"] or [
                c for c in base.counts if c.kind == "instalments" and said in text[c.start : c.end]
            ]
            if not counts or counts[0].value not in plans:
                continue
            n = counts[0].value
            other = next(
                (m for m in (n - 2, n + 2, n - 1, n + 1, n + 3) if m >= 2 and m not in plans), None
            )
            if other is None:
                continue
            wrong = renumber(said, other)
            if wrong and wrong != said:
                yield "plan", True, f"{said}→{wrong}", text.replace(said, wrong, 1)
            continue
        if role in NOT_MONEY:
            continue
        mention = _mention_of(row, figure, base)
        if mention is None:
            continue
        value = mention.value
        raw, head, tail = mention.raw, text[: mention.start], text[mention.end :]
        for kind, mutate in (("last", mutate_last), ("cents", mutate_cents)):
            wrong = mutate(raw)
            if wrong is None:
                continue
            said_as = extract_amounts(wrong)
            if said_as and on_ledger(said_as[0].value, ref):
                continue
            yield kind, True, f"{raw}→{wrong}", head + wrong + tail
        spoken = forms(value, lang)
        k = about_k(value) if lang == "en" and role in LABELS else None
        for name, _, words in spoken:
            yield "form", False, f"{name} {words}", head + words + tail
            off = value + last_place(value, words)
            if on_ledger(off, ref):
                continue
            wrong_words = next((w for n2, _, w in forms(off, lang) if n2 == name), None)
            if wrong_words:
                yield "form-wrong", True, f"{name} {wrong_words}", head + wrong_words + tail
        if k is not None:
            yield "form", False, f"about-k {k[0]}", head + k[0] + tail
        label = LABELS.get(role)
        if label is None or len(base.amounts) != 1:
            continue
        for name, _, words in [*spoken[:2], ("as said", value, raw.strip())]:
            said_line = (
                f"{words}，这是您的{label[0]}"
                if lang == "zh"
                else f"{words}, that's your {label[1]}"
            )
            yield "label", False, f"{name} {words}", said_line
            wrong = mutate_last(words) or mutate_cents(words)
            if wrong is None:
                continue
            said_as = extract_amounts(wrong)
            if said_as and on_ledger(said_as[0].value, ref):
                continue
            wrong_line = (
                f"{wrong}，这是您的{label[0]}"
                if lang == "zh"
                else f"{wrong}, that's your {label[1]}"
            )
            yield "label-wrong", True, f"{name} {wrong}", wrong_line


Variants = Callable[[dict[str, Any], str], Iterator[tuple[str, bool, str, str]]]


def run(prog: str, make: Variants, own_intents: bool = False) -> None:
    """Tally, per language and kind, the variants ``make`` builds from each right dev line
    ((kind, must be flagged, what changed, text)) that the check scores wrongly; ``-v`` lists
    them. The intents read are the dev line's, or with ``own_intents`` the variant's own."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("-v", "--misses", action="store_true", help="print each miss")
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument("--kind", help="only this kind")
    args = parser.parse_args()
    for lang in [args.lang] if args.lang else ["zh", "en"]:
        lines = (ROOT / "devsets" / f"accuracy.{lang}.jsonl").read_text(encoding="utf-8")
        rows = [json.loads(line) for line in lines.splitlines() if line.strip()]
        tried: Counter[str] = Counter()
        missed: Counter[str] = Counter()
        seen: set[tuple[str, str]] = set()
        for row in rows:
            if row["verdict"] != "right":
                continue
            ref = str(row["scenario"])
            for kind, must_flag, change, text in make(row, lang):
                if args.kind and args.kind not in (kind, kind.removesuffix("-wrong")):
                    continue
                if (ref, text) in seen or text == row["text"]:
                    continue
                seen.add((ref, text))
                tried[kind] += 1
                if flagged(text, text if own_intents else str(row["text"]), ref) != must_flag:
                    missed[kind] += 1
                    if args.misses:
                        print(f"  {lang} {kind} {row['id']} [{change}] {text}")
        print(f"{lang}: {sum(tried.values())} variants, missed {sum(missed.values())}")
        for kind, n in sorted(tried.items()):
            print(f"  {kind:16} {n:5}  missed {missed[kind]:4}  ({1 - missed[kind] / n:.3f} right)")


def main() -> None:
    run("accuracy_probes.py", variants)


if __name__ == "__main__":
    main()
