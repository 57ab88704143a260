"""Probes of ways of saying a figure that blind lines showed (a sibling of `accuracy_probes.py`):
from each right dev line's figures, a line in one phrasing, said right (must stay unflagged) and
said wrong (`<kind>-wrong`, must be flagged). Kinds, per language:
* `paid-off`: a payment taken off, then what it leaves ("减掉您说的2000，还差3230.5", "take off
  your $1,000, and you're at $3,394.62"); wrong: the remainder ten off;
* `dot-date` (zh): a due date said M.D ("账单是11.2到期的", "还款日是11.2"); wrong: a day later;
* `caps-note` (zh): the total in 大写 in a transfer note ("转账备注：人民币伍仟贰佰叁拾元伍角");
  wrong: its last whole digit bumped;
* `range` (zh): a sum as two neighbouring digits ("逾期总额大概五千二三百"); wrong: the range
  two places up ("五千四五百");
* `exact` (zh 整, en "-ish"): "本金五千整" for a whole figure, and a rounded one stressed as exact
  ("最低五百整" for ¥523.05, must be flagged); "seven thirty-ish a month" for $732.44, and one
  three steps off ("seven sixty-ish");
* `last-one` (en): "six payments of …, with the last one …" (the plan's last instalment said in
  pairs); wrong: ten dollars off;
* `months`: days overdue said in months or weeks with 多 / over ("逾期一个多月了", "over four
  months behind", "两周多", "over two weeks") or in weeks plainly ("nineteen weeks past due");
  wrong: one month / two weeks more;
* `take-off`: a sum taken off with no word of whose it is, no charge of the account ("Take off
  $500, and you're at …", "减掉2000，还差…"): a payment; wrong: the remainder ten off;
* `fix`: the total put right mid-sentence ("一共欠5200，不对，是5230.5", "It's uh, 1,200 — sorry,
  $1,284.37"); `quoted`: said against the debtor's figure ("您说只欠两千六？实际是5230.5",
  "You said you only owe $600? It's actually …"); `asked`: a figure put as the question
  ("是5230吗？我查一下，一共是…", "Is it $2,486? Let me check: …"); wrong: the last figure 100 off.

Only the accuracy check runs (as in `accuracy_probes.py`). Dev lines only.

    python benchmarks/accuracy_phrasings.py [-v] [--lang zh|en] [--kind KIND]
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._spoken import cn_int, cn_kuai, en_int, en_pairs
from benchmarks.accuracy_mutants import scenario
from benchmarks.accuracy_probes import LABELS, on_ledger, run

_PAIR = "一二三四五六七八九"
_UNITS = {1000: "千", 100: "百", 10: "十"}


def _range(value: Decimal) -> tuple[str, str] | None:
    """(right, wrong): "五千二三百" for 5,230.50 and "五千四五百" (from ¥1,000 up, second
    digit not 0 nor 8 or 9, so the pair and the one two up are both said with neighbours)."""
    whole = int(value)
    if not 1000 <= whole < 10000:
        return None
    lead, second = whole // 1000, whole // 100 % 10
    if not 1 <= second <= 5:
        return None
    head = cn_int(lead * 1000)

    def said(a: int) -> str:
        return f"{head}{_PAIR[a - 1]}{_PAIR[a]}百"

    return said(second), said(second + 2)


def _months(days: int, lang: str) -> Iterator[tuple[bool, str]]:
    """(wrong, words) for days overdue said in months or weeks with 多 / over."""
    said = (
        # (count said, the count one too many, zh unit, en unit) when the days allow it
        (days // 30, 1, "个多月", "month", days >= 35 and days % 30 >= 5 and days < 365),
        (days // 7, 2, "周多", "week", 14 <= days < 63 and days % 7 >= 1),
    )
    for n, more, zh, en, fits in said:
        if not fits:
            continue
        for count, wrong in ((n, False), (n + more, True)):
            yield (
                wrong,
                (
                    f"您已经逾期{cn_int(count)}{zh}了"
                    if lang == "zh"
                    else f"You're over {en_int(count)} {en}{'s' * (count > 1)} behind on this."
                ),
            )
    weeks = round(days / 7)
    if 9 <= weeks <= 30 and abs(days - weeks * 7) <= 2:  # weeks said plainly, to the week
        for count, wrong in ((weeks, False), (weeks + 2, True)):
            plain = (
                f"这都逾期{cn_int(count)}周了"
                if lang == "zh"
                else (f"That's {en_int(count)} weeks past due now.")
            )
            yield wrong, plain


def _paid_off(ledger: Any, lang: str) -> Iterator[tuple[str, bool, str]]:
    """`paid-off`: the debtor's payment taken off; `take-off`: a sum taken off with no word of
    whose it is, no charge of the account, so a payment when what it leaves adds up."""
    total = ledger.overdue_total
    charges = {ledger.interest, ledger.late_fee, ledger.interest + ledger.late_fee}
    paid = next((p for p in (2000, 1000, 500, 100) if p * 2 < total and p not in charges), None)
    if paid is None:
        return
    for off, wrong in ((Decimal(0), False), (Decimal(10), True)):
        left = total - paid + off
        if lang == "zh":
            yield "paid-off", wrong, f"减掉您说的{paid}，还差{left.normalize():f}"
            yield "paid-off", wrong, f"扣掉您已经转的{cn_int(paid)}块，还剩{cn_kuai(left)}"
            yield "take-off", wrong, f"减掉{paid}，还差{left.normalize():f}"
        else:
            yield "paid-off", wrong, f"Take off your ${paid:,}, and you're at ${left:,.2f}."
            yield "paid-off", wrong, f"Minus the ${paid:,} you sent, that leaves ${left:,.2f}."
            yield "take-off", wrong, f"Take off ${paid:,}, and you're at ${left:,.2f}."
            yield "take-off", wrong, f"Minus ${paid:,}, that leaves ${left:,.2f}."


def _fix_and_quote(value: Decimal, lang: str) -> Iterator[tuple[str, bool, str]]:
    """The total put right mid-sentence ("3200，不对，是…", "uh, 1,200 — sorry, …"), and said
    against the debtor's figure ("您说只欠三千？实际是…"); wrong: the figure said last is off."""
    rough = int(value) // 100 * 100
    whole = int(value)  # asked with its cents dropped: a misquote, were it claimed
    for off, wrong in ((Decimal(0), False), (Decimal(100), True)):
        said = value + off
        if lang == "zh":
            figure = f"{said.normalize():f}"
            yield "fix", wrong, f"一共欠{rough}，不对，是{figure}"
            yield "fix", wrong, f"您这边一共是{rough}，啊不是，{figure}"
            yield "quoted", wrong, f"您说只欠{cn_int(rough // 2)}？实际是{figure}"
            yield "asked", wrong, f"是{whole}吗？我查一下，一共是{figure}"
        else:
            yield "fix", wrong, f"It's uh, {rough:,} — sorry, ${said:,.2f}."
            yield "fix", wrong, f"You owe {rough:,}, er, actually {said:,.2f}."
            yield (
                "quoted",
                wrong,
                f"You said you only owe ${rough // 2:,}? It's actually ${said:,.2f}.",
            )
            yield "asked", wrong, f"Is it ${whole:,}? Let me check: the balance is ${said:,.2f}."


def _exact(value: Decimal, role: str, lang: str) -> Iterator[tuple[bool, str]]:
    label = LABELS.get(role, ("每期", "monthly"))[0 if lang == "zh" else 1]
    label = "最低" if label == "最低还款额" else label  # "最低五百整", as said in chat
    whole = int(value)
    if lang == "zh":
        if value == whole:
            yield False, f"{label}{cn_int(whole)}块整"
        step = 10 ** max(0, len(str(whole)) - 2)
        rounded = whole // step * step
        if rounded != value and rounded > 0:
            yield True, f"{label}{cn_int(rounded)}整"
        return
    if role not in ("instalment", "minimum") or not 110 <= whole < 1000 or whole % 100 < 10:
        return
    near = (whole + 5) // 10 * 10
    for said, wrong in ((near, False), (near + 30, True)):
        words = en_pairs(Decimal(said))
        if words and said % 100:
            yield wrong, f"It'd be {words}-ish a month."


def variants(row: dict[str, Any], lang: str) -> Iterator[tuple[str, bool, str]]:
    """(kind, must be flagged, text) for one right dev line."""
    sc = scenario(str(row["scenario"]))
    ledger = sc.ledger
    total = ledger.overdue_total
    for figure in row.get("figures", []):
        role, truth = str(figure["role"]), str(figure["truth"])
        if role == "days_overdue" and truth.isdigit():
            for wrong, text in _months(int(truth), lang):
                yield "months", wrong, text
            continue
        if role == "due_date" and lang == "zh":
            due = date.fromisoformat(truth)
            for day, wrong in ((due.day, False), (due.day + 1, True)):
                if day > 28 or (wrong and day == ledger.due_date.day):
                    continue
                yield "dot-date", wrong, f"您的账单是{due.month}.{day}到期的"
                yield "dot-date", wrong, f"还款日是{due.month}.{day}，今天已经过了"
            continue
        if role not in LABELS and role != "instalment":
            continue
        try:
            value = Decimal(truth)
        except InvalidOperation:
            continue
        if role == "total":
            yield from _paid_off(ledger, lang)
            yield from _fix_and_quote(total, lang)
            if lang == "zh" and int(value) % 10:
                wrong_value = value + 1
                for v, wrong in ((value, False), (wrong_value, True)):
                    if not (wrong and on_ledger(v, str(row["scenario"]))):
                        yield "caps-note", wrong, f"转账备注：人民币{cn_kuai(v, caps=True)}"
        if lang == "zh" and role in LABELS:
            pair = _range(value)
            if pair is not None:
                for said, wrong in ((pair[0], False), (pair[1], True)):
                    yield "range", wrong, f"{LABELS[role][0]}大概{said}"
        if role in LABELS or on_ledger(value, str(row["scenario"])):  # an instalment on the total
            yield from (("exact", w, t) for w, t in _exact(value, role, lang))
        if lang == "en" and role == "instalment":
            yield from (("last-one", w, t) for w, t in _last_one(value, ledger))


def _last_one(monthly: Decimal, ledger: Any) -> Iterator[tuple[bool, str]]:
    total = ledger.overdue_total
    for plan in ledger.plans:
        if plan.monthly_payment(total) != monthly:
            continue
        repaid = total + plan.total_fee(total)
        last = repaid - monthly * (plan.months - 1)
        said = en_pairs(monthly)
        for value, wrong in ((last, False), (last + 10, True)):
            words = en_pairs(value)
            if said and words:
                yield (
                    wrong,
                    (
                        f"That's {en_int(plan.months)} payments of {said}, "
                        f"with the last one {words}."
                    ),
                )


def _named(row: dict[str, Any], lang: str) -> Iterator[tuple[str, bool, str, str]]:
    for kind, wrong, text in variants(row, lang):
        yield (f"{kind}-wrong" if wrong else kind), wrong, "", text


def main() -> None:
    run("accuracy_phrasings.py", _named, own_intents=True)


if __name__ == "__main__":
    main()
