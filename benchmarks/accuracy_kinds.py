"""A grid of kinds for the accuracy check, built from the ledgers, not from dev lines: every
ledger quantity × where its label stands (before, after, none) × how the number is said (digits,
currency and commas, 块/毛/分, 大写, 万/千 mixes, spoken English, "2.5k") × hedge (none, 多/左右/
来/不到, about/like/roughly/just under) × its relation to the truth (the value, or a misquote:
digits swapped, a digit off, a tenth off). Each cell is a line with the verdict it deserves.
Frames beyond a label (`frame_cells`): the figure in a question, two figures in one clause, a
figure corrected mid-line, the wrong unit (万 for 千), a relative's account, a share of a
quantity, a weekday paired with its date, days said as months.

    python benchmarks/accuracy_kinds.py [--misses] [--lang zh|en]

Prints caught/flagged by kind. Unlike accuracy_grid.py (seeded samples of templated
lines), every cell is run: a measure of kinds, not a claim about real trainee lines."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._spoken import en_int, en_words
from scoring.ledger import Ledger

CENT = Decimal("0.01")
_CN = "零一二三四五六七八九"
_CN_UPPER = "零壹贰叁肆伍陆柒捌玖"


@dataclass(frozen=True, slots=True)
class Cell:
    kind: str  # quantity/label/form/hedge/relation, for the tally
    scenario: str
    text: str
    wrong: bool


def _four(n: int, digits: str, units: tuple[str, str, str]) -> str:
    """A number below 10,000 in Chinese with 零 where a place is skipped."""
    out, zero = "", False
    for place, unit in ((1000, units[0]), (100, units[1]), (10, units[2]), (1, "")):
        d = n // place % 10
        if d:
            if zero and out:
                out += digits[0]
            out += digits[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def zh_int(n: int, upper: bool = False) -> str:
    digits = _CN_UPPER if upper else _CN
    units = ("仟", "佰", "拾") if upper else ("千", "百", "十")
    if n == 0:
        return digits[0]
    high, low = divmod(n, 10000)
    text = (_four(high, digits, units) + "万") if high else ""
    if low:
        if high and low < 1000:
            text += digits[0]
        text += _four(low, digits, units)
    if not upper and text.startswith("一十"):
        text = text[1:]
    return text


def zh_spoken(v: Decimal) -> str:
    """5230.50 → 五千二百三十块五毛; 523.05 → 五百二十三块零五分."""
    yuan = int(v)
    cents = int((v - yuan) * 100)
    jiao, fen = divmod(cents, 10)
    text = zh_int(yuan).replace("二千", "两千").replace("二万", "两万") + "块"
    if jiao:
        text += _CN[jiao] + "毛"
        if fen:
            text += _CN[fen]
    elif fen:
        text += "零" + _CN[fen] + "分"
    return text


def zh_upper(v: Decimal) -> str:
    yuan = int(v)
    cents = int((v - yuan) * 100)
    jiao, fen = divmod(cents, 10)
    text = zh_int(yuan, upper=True) + "元"
    if jiao:
        text += _CN_UPPER[jiao] + "角"
    if fen:
        text += ("" if jiao else "零") + _CN_UPPER[fen] + "分"
    return text


def zh_mixed(v: Decimal) -> str:
    """41528.78 → 4万1千5百28块78: digits with 万/千/百, the way a chat message writes it."""
    yuan = int(v)
    cents = int((v - yuan) * 100)
    parts, rest = "", yuan
    for place, unit in ((10000, "万"), (1000, "千"), (100, "百")):
        d, rest = divmod(rest, place)
        if d:
            parts += f"{d}{unit}"
    parts += f"{rest}" if rest else ""
    return parts + ("块" + f"{cents:02d}" if cents else "块")


def en_forms(v: Decimal) -> dict[str, str]:
    return {
        "dollar": f"${v:,.2f}",
        "bare": f"{v:.2f}",
        "spoken": en_words(v),
    }


def zh_forms(v: Decimal) -> dict[str, str]:
    forms = {
        "digits": f"{v:.2f}".rstrip("0").rstrip(".") + "元",
        "comma": f"¥{v:,.2f}",
        "kuai": zh_spoken(v),
        "upper": zh_upper(v),
    }
    if v >= 10000:
        forms["mixed"] = zh_mixed(v)
    return forms


def misquotes(v: Decimal) -> dict[str, Decimal]:
    """Wrong figures of the kinds people say: two digits swapped, one digit off, a tenth off."""
    s = f"{v:.2f}"
    digits = [i for i, c in enumerate(s) if c.isdigit()]
    swapped = None
    for a, b in itertools.pairwise(digits):
        if s[a] != s[b] and b == a + 1 and a < len(s) - 4:
            chars = list(s)
            chars[a], chars[b] = chars[b], chars[a]
            swapped = Decimal("".join(chars))
            break
    out: dict[str, Decimal] = {}
    if swapped is not None and swapped != v:
        out["swap"] = swapped
    step = Decimal(10) ** (len(str(int(v))) - 2) if v >= 100 else Decimal(1)
    out["digit"] = v + step
    out["tenth"] = (v * Decimal("1.1")).quantize(CENT, ROUND_HALF_UP)
    return out


def ledger_quantities(ledger: Ledger) -> dict[str, Decimal]:
    """The ledger's own figures by role (the minimum payment where the account has one)."""
    q = {
        "total": ledger.overdue_total,
        "principal": ledger.principal,
        "interest": ledger.interest,
        "late_fee": ledger.late_fee,
    }
    if ledger.minimum_payment is not None:
        q["minimum"] = ledger.minimum_payment
    return q


def quantities(ledger: Ledger) -> dict[str, Decimal]:
    return {k: v for k, v in ledger_quantities(ledger).items() if v > 0}


ZH_BEFORE = {
    "total": ["逾期总额是", "您一共欠", "您现在需要还的是", "账上显示欠款"],
    "principal": ["本金是", "本金"],
    "interest": ["利息是", "利息一共"],
    "late_fee": ["滞纳金是", "违约金"],
    "minimum": ["最低还款额是", "最低还"],
}
ZH_AFTER = {
    "total": ["是您目前的欠款", "就是您要还的全部"],
    "principal": ["是本金"],
    "interest": ["是利息"],
    "late_fee": ["是滞纳金"],
    "minimum": ["是最低还款额"],
}
EN_BEFORE = {
    "total": [
        "Your balance is ",
        "What you owe right now is ",
        "You need to pay ",
        "The total comes to ",
    ],
    "principal": ["The principal is ", "Principal's "],
    "interest": ["The interest is ", "Interest comes to "],
    "late_fee": ["The late fee is ", "There's a late fee of "],
    "minimum": ["The minimum payment is "],
}
EN_AFTER = {
    "total": [" is what you owe", " is your total balance"],
    "principal": [" is the principal"],
    "interest": [" in interest"],
    "late_fee": [" in late fees"],
    "minimum": [" is the minimum payment"],
}


def amount_cells(sid: str, lang: str, ledger: Ledger) -> Iterator[Cell]:
    forms = zh_forms if lang == "zh" else en_forms
    before, after = (ZH_BEFORE, ZH_AFTER) if lang == "zh" else (EN_BEFORE, EN_AFTER)
    for name, value in quantities(ledger).items():
        said = {"right": value, **misquotes(value)}
        for relation, v in said.items():
            for form, text in forms(v).items():
                for i, label in enumerate(before.get(name, [])):
                    yield Cell(
                        f"{name}/before{i}/{form}/{relation}",
                        sid,
                        f"{label}{text}",
                        relation != "right",
                    )
                for i, label in enumerate(after.get(name, [])):
                    line = f"{text}{label}"
                    yield Cell(
                        f"{name}/after{i}/{form}/{relation}",
                        sid,
                        line[0].upper() + line[1:] if lang == "en" else line,
                        relation != "right",
                    )


def _round_hedges_zh(v: Decimal) -> list[tuple[str, str, bool]]:
    """(kind, text, right): hedged totals said the way people round."""
    out: list[tuple[str, str, bool]] = []
    wan = int(v) // 10000
    thou = int(v) // 1000
    hund = int(v) // 100
    if wan:
        out.append(("duo-wan", f"{zh_int(wan)}万多", True))
        out.append(("duo-wan-wrong", f"{zh_int(wan + 1)}万多", False))
    if thou:
        out.append(("duo-qian", f"{zh_int(thou * 1000)}多", True))
        out.append(("duo-qian-wrong", f"{zh_int((thou + 2) * 1000)}多", False))
        # 来 is a little over a round figure: "五千来块" is 5,230.50, not 8,898.60.
        lai_right = v - thou * 1000 <= thou * 1000 * Decimal("0.05")
        out.append(("lai" if lai_right else "lai-wrong", f"{zh_int(thou * 1000)}来块", lai_right))
    near = Decimal(round(v / 100) * 100)
    out.append(("zuoyou", f"{zh_int(int(near))}左右", True))
    out.append(("zuoyou-wrong", f"{zh_int(int(near * Decimal('1.2') // 100 * 100))}左右", False))
    out.append(("dagai", f"大概{zh_int(int(near))}", True))
    up = (hund + 1) * 100
    out.append(("budao", f"{zh_int(up)}块不到", True))
    out.append(("budao-before", f"不到{zh_int(up)}", True))
    out.append(("chutou", f"{zh_int(hund * 100)}出头", True))
    out.append(("budao-wrong", f"{zh_int(int(v * Decimal('0.8')) // 100 * 100)}块不到", False))
    return out


def _two_figures(v: Decimal) -> Decimal:
    """A figure rounded to two significant figures, the way people round: 647.40 → 650."""
    place = Decimal(10) ** (len(str(int(v))) - 2)
    return (v / place).quantize(Decimal(1), ROUND_HALF_UP) * place


def _two_figures_up(v: Decimal) -> Decimal:
    place = Decimal(10) ** (len(str(int(v))) - 2)
    return ((v / place).to_integral_value(rounding="ROUND_CEILING")) * place


def _round_hedges_en(v: Decimal) -> list[tuple[str, str, bool]]:
    near = _two_figures(v)
    out = [
        ("about", f"about ${near:,.0f}", True),
        ("like", f"like {near:,.0f} bucks", True),
        ("roughly", f"roughly ${near:,.0f}", True),
        ("about-wrong", f"about ${near * Decimal('1.25'):,.0f}", False),
        ("just-under", f"just under ${_two_figures_up(v):,.0f}", True),
        ("a-bit-over", f"a bit over ${int(v) // 100 * 100:,}", True),
        ("over-wrong", f"over ${(int(v) // 100 + 3) * 100:,}", False),
    ]
    if v >= 1000:
        k = (v / 1000).quantize(Decimal("0.1"))
        out.append(("k", f"{k}k", True))
        out.append(("k-wrong", f"{k + Decimal('0.9')}k", False))
    if v >= 1100:
        h = int(near) // 100
        out.append(("hundreds", f"about {en_int(h)} hundred", True))
        out.append(
            ("hundreds-wrong", f"about {en_int(h + 5 if h + 5 < 20 else h - 5)} hundred", False)
        )
    return out


def hedge_cells(sid: str, lang: str, ledger: Ledger) -> Iterator[Cell]:
    v = ledger.overdue_total
    if lang == "zh":
        for kind, said, right in _round_hedges_zh(v):
            for i, frame in enumerate(("您欠了{}", "一共{}", "欠款{}", "{}没还")):
                yield Cell(f"total-hedge/{kind}/f{i}", sid, frame.format(said), not right)
    else:
        for kind, said, right in _round_hedges_en(v):
            for i, frame in enumerate(
                ("you owe {}", "the balance is {}", "it's {} total", "{} is what's owed")
            ):
                yield Cell(f"total-hedge/{kind}/f{i}", sid, frame.format(said), not right)


# An instalment said in four frames a language, each in two number forms.
_PLAN_FRAMES = {
    "zh": ("分{n}期每期{v}", "分{n}期的话，一个月{v}", "{v}一个月，分{n}期", "分{n}期，月供{v}"),
    "en": (
        "{n} payments of {v}",
        "{n} months at {v} a month",
        "{v} a month for {n} months",
        "{v} per month over {n} months",
    ),
}
_PLAN_FORMS = {"zh": ("digits", "kuai"), "en": ("dollar", "spoken")}


def plan_cells(sid: str, lang: str, ledger: Ledger) -> Iterator[Cell]:
    total = ledger.overdue_total
    allowed = {p.months for p in ledger.plans}
    for plan in ledger.plans:
        m = plan.monthly_payment(total)
        for relation, v in {"right": m, **misquotes(m)}.items():
            for i, frame in enumerate(_PLAN_FRAMES[lang]):
                for form in _PLAN_FORMS[lang]:
                    said = (zh_forms if lang == "zh" else en_forms)(v)[form]
                    yield Cell(
                        f"instalment/f{i}/{form}/{relation}",
                        sid,
                        frame.format(n=plan.months, v=said),
                        relation != "right",
                    )
    # Plan lengths said in years: right when the ledger has that plan, wrong otherwise.
    years = {
        12: ("一年", "a year", "one year"),
        24: ("两年", "two years", "2 years"),
        36: ("三年", "three years", "3 years"),
        60: ("五年", "five years", "5 years"),
        6: ("半年", "six months", "half a year"),
    }
    if ledger.plans:
        for months, (zh, en1, en2) in years.items():
            wrong = months not in allowed
            if lang == "zh":
                for i, frame in enumerate(("可以分{}还", "最长能分{}", "给您分{}慢慢还")):
                    yield Cell(f"plan-years/{months}/f{i}", sid, frame.format(zh), wrong)
            else:
                for i, frame in enumerate(
                    (
                        "we can spread it over {}",
                        "we could do a plan over {}",
                        "you can pay it off over {}",
                    )
                ):
                    for said in (en1, en2):
                        yield Cell(f"plan-years/{months}/f{i}", sid, frame.format(said), wrong)


def remainder_cells(sid: str, lang: str, ledger: Ledger) -> Iterator[Cell]:
    total = ledger.overdue_total
    for share in (Decimal("0.2"), Decimal("0.5")):
        paid = Decimal(int(total * share) // 100 * 100)
        if paid <= 0:
            continue
        rest = total - paid
        for relation, v in {"right": rest, **misquotes(rest)}.items():
            wrong = relation != "right"
            if lang == "zh":
                for i, frame in enumerate(
                    (
                        "您先还{p}，剩下的{v}下个月还",
                        "先还{p}的话，还剩{v}",
                        "今天还{p}，剩余{v}分期",
                    )
                ):
                    for form in ("digits", "kuai"):
                        yield Cell(
                            f"remainder/f{i}/{form}/{relation}",
                            sid,
                            frame.format(p=zh_forms(paid)["digits"], v=zh_forms(v)[form]),
                            wrong,
                        )
            else:
                for i, frame in enumerate(
                    (
                        "if you pay {p} today, the rest is {v}",
                        "put {p} down and you'd have {v} left",
                        "after your {p} payment the remaining balance is {v}",
                        "{p} now leaves {v}",
                    )
                ):
                    for form in ("dollar", "bare"):
                        yield Cell(
                            f"remainder/f{i}/{form}/{relation}",
                            sid,
                            frame.format(p=f"${paid:,.0f}", v=en_forms(v)[form]),
                            wrong,
                        )


def day_cells(sid: str, lang: str, ledger: Ledger, today: date) -> Iterator[Cell]:
    days = ledger.days_overdue
    due = ledger.due_date
    wrong_days = {
        "right": days,
        "swap": int(str(days)[::-1]) if days > 9 and str(days)[::-1] != str(days) else days + 11,
        "off": days + 7,
    }
    for relation, d in wrong_days.items():
        wrong = relation != "right"
        if lang == "zh":
            for i, frame in enumerate(
                ("您已经逾期{}天了", "逾期{}天", "到今天是逾期第{}天", "拖了{}天没还")
            ):
                for form, said in (("digits", str(d)), ("cn", zh_int(d))):
                    yield Cell(f"days/f{i}/{form}/{relation}", sid, frame.format(said), wrong)
        else:
            for i, frame in enumerate(
                (
                    "you're {} days past due",
                    "it's been {} days since the due date",
                    "the account is {} days late",
                    "{} days behind",
                )
            ):
                for form, said in (("digits", str(d)), ("words", en_int(d))):
                    yield Cell(f"days/f{i}/{form}/{relation}", sid, frame.format(said), wrong)
    # Hedged day counts.
    tens = days // 10 * 10
    if lang == "zh":
        hedged = [
            (f"{zh_int(tens)}来天", tens <= days <= tens + 5),
            (f"{zh_int(tens)}多天", tens < days < tens + 10),
            (f"快{zh_int(tens + 10)}天", 0 < tens + 10 - days <= max(3, days // 10)),
            (f"{zh_int(tens + 30)}多天", False),
            (f"{zh_int(max(tens - 20, 10))}来天", days <= max(tens - 20, 10) + 5),
        ]
        hedged = [h for h in hedged if tens >= 10]
        for said, right in dict(hedged).items():
            for i, frame in enumerate(("逾期{}了", "已经{}没还了")):
                yield Cell(
                    f"days-hedge/{'right' if right else 'wrong'}/f{i}",
                    sid,
                    frame.format(said),
                    not right,
                )
    else:
        hedged = [
            (f"about {tens if days - tens < 5 else tens + 10} days", True),
            (f"over {tens} days", True),
            (f"almost {tens + 10} days", 0 < tens + 10 - days <= max(3, days // 10)),
            (f"over {tens + 30} days", False),
            (f"about {tens + 40} days", False),
        ]
        for said, right in hedged:
            for i, frame in enumerate(
                ("you're {} past due", "it's been {} since the payment was due")
            ):
                yield Cell(
                    f"days-hedge/{'right' if right else 'wrong'}/f{i}",
                    sid,
                    frame.format(said),
                    not right,
                )
    # Due dates, the label before or after.
    for relation, said_day in {
        "right": due,
        "day": due + timedelta(days=3),
        "month": due.replace(month=due.month - 1 if due.month > 1 else 12, day=min(due.day, 28)),
    }.items():
        wrong = relation != "right"
        if lang == "zh":
            for i, frame in enumerate(
                (
                    "您的还款日是{m}月{d}号",
                    "{m}月{d}号到期的",
                    "{m}月{d}日应还的那笔没还",
                    "您{m}月{d}号那期没还上",
                )
            ):
                yield Cell(
                    f"due/f{i}/{relation}",
                    sid,
                    frame.format(m=said_day.month, d=said_day.day),
                    wrong,
                )
        else:
            name = said_day.strftime("%B")
            for i, frame in enumerate(
                (
                    "the payment was due {n} {d}",
                    "your due date was {n} {d}",
                    "the {n} {d} payment was missed",
                    "it went past due on {n} {d}",
                )
            ):
                yield Cell(f"due/f{i}/{relation}", sid, frame.format(n=name, d=said_day.day), wrong)


def _zh_date(day: date) -> str:
    return f"{day.month}月{day.day}号"


def _next_week(today: date, weekday: int) -> date:
    """That weekday of next week (weeks start on Monday): 下周五, "Friday next week"."""
    return today + timedelta(days=7 - today.weekday() + weekday)


def _pair_cells(
    kind: str,
    sid: str,
    frames: tuple[str, ...],
    pairs: tuple[tuple[str, tuple[Decimal, Decimal]], ...],
    form: Callable[[Decimal], str],
) -> Iterator[Cell]:
    """Each frame holding two figures ({a}, {b}), for each (relation, figures): wrong unless
    the relation is "right"."""
    for relation, (a, b) in pairs:
        for i, frame in enumerate(frames):
            text = frame.format(a=form(a), b=form(b))
            yield Cell(f"{kind}/f{i}/{relation}", sid, text, relation != "right")


def frame_cells(sid: str, lang: str, ledger: Ledger, today: date) -> Iterator[Cell]:
    """The frames a label table does not list: a question, two figures in one clause, a
    correction mid-line, the wrong unit, a relative's account, a share, a weekday paired with
    its date, days said as months. Each right and wrong."""
    total, zh = ledger.overdue_total, lang == "zh"

    def form(v: Decimal) -> str:
        return zh_forms(v)["kuai"] if zh else en_forms(v)["dollar"]

    wrong_total = misquotes(total)["digit"]
    for relation, v in (("right", total), ("wrong", wrong_total)):
        frames: tuple[str, ...] = (
            (
                "您是不是欠了{}？",
                "欠款是{}对吧？",
                "您爱人那边的欠款是{}",
                "帮您家里人算了下，一共欠{}",
            )
            if zh
            else (
                "so you owe {}, right?",
                "is your balance {}?",
                "your wife's balance is {}",
                "tell him what he owes is {}",
            )
        )
        for i, frame in enumerate(frames):
            kind = ("question", "question", "relative", "relative")[i]
            yield Cell(f"{kind}/f{i}/{relation}", sid, frame.format(form(v)), relation != "right")
    # A figure corrected mid-line: the second one stands.
    yield from _pair_cells(
        "correction",
        sid,
        ("您一共欠{a}，不对，是{b}", "欠款{a}，说错了，{b}")
        if zh
        else ("you owe {a}, sorry, {b}", "the balance is {a} - I mean {b}"),
        (("right", (wrong_total, total)), ("wrong", (total, wrong_total))),
        form,
    )
    # Two figures in one clause, one of them wrong or both right.
    p, n = ledger.principal, ledger.interest
    if n > 0:
        yield from _pair_cells(
            "two-figures",
            sid,
            ("本金{a}利息{b}", "本金是{a}，利息{b}")
            if zh
            else ("{a} principal and {b} interest", "principal {a}, interest {b}"),
            (
                ("right", (p, n)),
                ("wrong-first", (misquotes(p)["digit"], n)),
                ("wrong-second", (p, misquotes(n)["digit"])),
            ),
            form,
        )
    # The wrong unit: 万 for 千 (ten times the total), "thousand" for "hundred".
    if zh and total >= 10000:
        wan = (total / 10000).quantize(Decimal("0.01"))
        yield Cell("unit/wan/right", sid, f"您一共欠{wan}万左右", False)
        yield Cell("unit/wan/wrong", sid, f"您一共欠{wan * 10}万左右", True)
    elif zh:
        qian = (total / 1000).quantize(Decimal("0.1"))
        yield Cell("unit/qian/right", sid, f"欠款{qian}千左右", False)
        yield Cell("unit/qian/wrong", sid, f"欠款{qian}万左右", True)
    elif total >= 1000:  # "about six hundred" is no close figure for $647.40
        hundreds = int(_two_figures(total)) // 100
        yield Cell("unit/hundred/right", sid, f"you owe about {en_int(hundreds)} hundred", False)
        yield Cell("unit/hundred/wrong", sid, f"you owe about {en_int(hundreds)} thousand", True)
    # A share of a quantity: half the balance.
    half = (total / 2).quantize(CENT, ROUND_HALF_UP)
    for relation, v in (("right", half), ("wrong", misquotes(half)["digit"])):
        for i, frame in enumerate(
            ("欠款的一半是{}", "先还一半，也就是{}")
            if zh
            else ("half of your balance is {}", "pay half now, that's {}")
        ):
            yield Cell(f"share/f{i}/{relation}", sid, frame.format(form(v)), relation != "right")
    # A weekday paired with its date: 下周五 is that date, or not.
    friday = _next_week(today, 4)
    for relation, d in (("right", friday), ("wrong", friday + timedelta(days=1))):
        if zh:
            frames = (
                f"下周五也就是{_zh_date(d)}之前还上",
                f"{_zh_date(d)}下周五，您看行吗",
            )
        else:
            name = d.strftime("%B")
            frames = (f"next Friday, that's {name} {d.day}", f"by Friday next week, {name} {d.day}")
        for i, text in enumerate(frames):
            yield Cell(f"weekday/f{i}/{relation}", sid, text, relation != "right")
    # Days said as months: "三个多月" for 97 days, "over three months".
    months = ledger.days_overdue // 30
    if months >= 1:
        for relation, m in (("right", months), ("wrong", months + 2)):
            frames = (
                (
                    f"逾期{zh_int(m).replace('二', '两')}个多月了",
                    f"已经{zh_int(m).replace('二', '两')}个多月没还了",
                )
                if zh
                else (
                    f"you're over {en_int(m)} months behind",
                    f"it's been more than {en_int(m)} months past due",
                )
            )
            for i, text in enumerate(frames):
                yield Cell(f"months/f{i}/{relation}", sid, text, relation != "right")


def cells(lang: str) -> Iterator[Cell]:
    from simulator.engine.catalog import load_catalog

    for entry in load_catalog()[0]:
        sc = entry.scenario
        if not sc.lang.startswith(lang) or sc.id == "cc-wrong-number":
            continue
        ledger, today = sc.ledger, sc.call.local_time.date()
        yield from amount_cells(sc.id, lang, ledger)
        yield from hedge_cells(sc.id, lang, ledger)
        yield from plan_cells(sc.id, lang, ledger)
        yield from remainder_cells(sc.id, lang, ledger)
        yield from day_cells(sc.id, lang, ledger, today)
        yield from frame_cells(sc.id, lang, ledger, today)


def flagged(cell: Cell) -> bool:
    from scoring.accuracy import check_line
    from scoring.analysis import analyze
    from simulator.engine.catalog import resolve

    sc = resolve(cell.scenario).scenario
    analysis = analyze(cell.text, sc.lang, sc.call.local_time.date())
    return any(f.rule.startswith("ACC-") for f in check_line(analysis, sc.ledger, 1))


def main() -> None:
    parser = argparse.ArgumentParser(prog="accuracy_kinds.py")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--lang", choices=["zh", "en"], action="append")
    args = parser.parse_args()
    for lang in args.lang or ["zh", "en"]:
        tally: Counter[tuple[str, bool, bool]] = Counter()
        misses: list[str] = []
        for cell in cells(lang):
            got = flagged(cell)
            head = "/".join(cell.kind.split("/")[:2])
            tally[(head, cell.wrong, got)] += 1
            if got != cell.wrong:
                misses.append(
                    f"{cell.scenario} {'wrong' if cell.wrong else 'right'} "
                    f"[{cell.kind}]: {cell.text}"
                )
        wrong = sum(n for (_, w, _), n in tally.items() if w)
        caught = sum(n for (_, w, g), n in tally.items() if w and g)
        right = sum(n for (_, w, _), n in tally.items() if not w)
        flag = sum(n for (_, w, g), n in tally.items() if not w and g)
        print(
            f"{lang}: {wrong + right} cells, wrong caught {caught / wrong:.3f}, "
            f"right flagged {flag / right:.3f}"
        )
        heads = sorted({h for h, _, _ in tally})
        for h in heads:
            w = tally[(h, True, True)] + tally[(h, True, False)]
            r = tally[(h, False, True)] + tally[(h, False, False)]
            if tally[(h, True, False)] or tally[(h, False, True)]:
                print(
                    f"  {h}: missed {tally[(h, True, False)]}/{w}, "
                    f"flagged {tally[(h, False, True)]}/{r}"
                )
        if args.misses:
            print("\n".join(misses))


if __name__ == "__main__":
    main()
