"""Amounts against the ledger: each figure compared with the quantity its role names.

* a ledger figure (total, principal, interest, late fee, minimum payment; a compound such as
  本金加利息, or the total less a part) must be that figure, to the cent; an approximation said
  as such (四万多, about $2,500) must cover it; a round figure said as exact (五千二) is
  imprecise, a minor finding;
* an instalment must be a plan's (Plan.monthly_payment, with its fee rate) on the total, on what
  remains after a payment said in the line, or after a waiver; a remainder must be the total
  less the payments said before it; a settlement or a total after a waiver must stay within the
  ledger's relief;
* a figure said as a share of a quantity (half the balance, 欠款的一半, 利息减三成，也就是…)
  must be that share of it (or the rest of it);
* an amount that names nothing is right when it is a ledger quantity or a payment no larger than
  the debt; a figure above the debt, a precise one next to a ledger figure, or a rough one
  ("roughly four grand") that covers no ledger quantity, is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal

from scoring.accuracy._common import (
    PART_NAMES,
    REFUSED,
    ROLE_NAMES,
    accuracy_finding,
    fmt_money,
    fmt_said,
    read_line,
    relief_finding,
)
from scoring.accuracy.relief import waived_by_share
from scoring.analysis import Analysis
from scoring.entities import STRESSED_EXACT_RE, AmountMention, extract_shares
from scoring.figures import (
    FigureReading,
    LineFigures,
    Role,
    clause_end,
    clause_start,
    sentence_start,
)
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import CENT, Ledger, Plan, money, same_amount

# A round figure close to the truth ("五千二" for 5,230.50) is imprecise, not wrong; a
# precise-looking wrong figure (5,320.50) is wrong.
_IMPRECISE_SHARE = Decimal("0.02")
# A figure that names nothing but sits this close to a ledger figure, precise to the yuan or
# cent, is that figure misquoted ("¥5,320.50" for ¥5,230.50), not a payment.
_MISQUOTE_SHARE = Decimal("0.10")
# How many figures back a remainder or an instalment looks for the payment it follows.
_LOOKBACK = 3

# --------------------------------------------------------------------------------------------
# What the ledger allows, and what the line itself says (plans, payments, waivers)
# --------------------------------------------------------------------------------------------

_FEE_WORDS = re.compile(r"手续费|费率|不含|本金部分|fee|before\s++fees|plus")
# (逾期, 到期 and 过期 say the debt is late, not that a plan is talked of)
_PLAN_WORDS = re.compile(
    r"分期|(?<![逾到过])期|plan|install?ment|monthly|a\s++month|per\s++month|payments"
)


@dataclass(frozen=True, slots=True)
class Expected:
    """One reading of a figure: the ledger values it may be, the one to name when it is none."""

    role: str
    values: tuple[Decimal, ...]
    right: Decimal
    zh: str  # what the right value is, in words: "逾期总额", "分12期的每期还款额"
    en: str


# Around a payment named by its label only: a verb of paying before it, what it leaves after.
_PAID_VERB = re.compile(
    r"还完|还了|还上|交完|交了|付完|付了|先还|还掉|\bpay(?:ing)?\s++(?:the\s++)?$"
)
_PAID_THEN = re.compile(r"还完|还了|还上|交了|付了|以后|之后|后|\bafter\b|\bthen\b")


# Between what is left and the payment said after it: "… after an $800 payment", "…，在您先还".
_PAID_AFTER_GAP = re.compile(
    r"\s*+(?:dollars?|bucks?|元|块)?\s*+,?\s*+(?:after|once)\s++(?:you\s++(?:pay|send|put\s++down)\s++)?"
    r"(?:your|an?|the|that|this|her|his|their)?\s*+(?:\$|¥)?\s*+"
)


# 本息 ("本息合计", "连本带息"): principal and interest, or the whole debt as people say it.
_PRINCIPAL_AND_INTEREST = re.compile(r"本息|本利|连本带[息利]")


class _Facts:
    """The ledger's quantities and the line's own figures, computed once per line."""

    def __init__(self, ledger: Ledger, analysis: Analysis, line: LineFigures) -> None:
        self.ledger = ledger
        self.line = line
        self.lang = analysis.lang
        self.total = ledger.overdue_total
        self.known = ledger.known_amounts()
        self.counts = [c.value for c in analysis.counts if c.kind == "instalments"]
        low = line.low
        self.fee_words = bool(_FEE_WORDS.search(low))
        self.plan_talk = bool(self.counts) or bool(_PLAN_WORDS.search(low))
        relief = ledger.relief
        self.max_interest = money(ledger.interest * relief.max_waive_interest)
        self.max_fee = money(ledger.late_fee * relief.max_waive_late_fee)
        self.max_waiver = self.max_interest + self.max_fee
        waivers = {w for w in (self.max_interest, self.max_fee, self.max_waiver) if w > 0}
        self.waivers_said = [
            r.mention.value
            for r in line.figures
            if r.roles[:1] == ("waiver",) and not r.mention.approx
        ]
        waivers.update(w for w in self.waivers_said if 0 < w <= self.max_waiver)
        self.waivers = sorted(waivers)
        self.after_waiver = sorted(money(self.total - w) for w in waivers)
        # A waiver talked of anywhere in the line (免/减/waive…): only then may a rough figure
        # mean the total after it.
        self.waiver_talk = any(lab.role in ("waiver", "after_waiver") for lab in line.labels)
        self.position = {id(r): i for i, r in enumerate(line.figures)}
        self.shares = extract_shares(low)  # half, 一半, 三成… (offsets as in the line)

    def plans(self) -> list[Plan]:
        chosen = [p for p in self.ledger.plans if p.months in self.counts]
        return chosen or list(self.ledger.plans)

    def _before(self, reading: FigureReading) -> list[FigureReading]:
        """The figures said just before this one, in its sentence or the one before it (a
        remainder answers the payment of the previous sentence: "先还2000吗？剩下的…")."""
        index = self.position[id(reading)]
        nearby = self.line.figures[max(0, index - _LOOKBACK) : index]
        return [r for r in nearby if r.sentence >= reading.sentence - 1]

    def payments_before(self, reading: FigureReading) -> list[Decimal]:
        """Partial payments said before this figure (the minimum paid, named by its label
        only: "还完最低以后还剩…")."""
        paid = [
            r.mention.value
            for r in self._before(reading)
            if r.roles[:1] in ((), ("partial",), ("pay",), ("minimum",))
            and not r.skip
            and not r.mention.approx
            # (a payment said as a part counts even when it is more than the debt: "先还2000，
            # 剩下994.3" on ¥1,994.30 leaves nothing, not 994.30)
            and (r.mention.value < self.total or r.roles[:1] == ("partial",))
        ]
        minimum = self.ledger.minimum_payment
        if not paid and minimum and self.minimum_paid_before(reading):
            paid.append(minimum)
        return paid or self.payment_after(reading)

    def payment_after(self, reading: FigureReading) -> list[Decimal]:
        """A payment said right after what it leaves: "you'd owe $4,012.50 after an $800
        payment", "还剩三千二，在您先还两千之后"."""
        if reading.roles[:1] not in (("total",), ("remainder",), ("due",)):
            return []
        index = self.position[id(reading)]
        if index + 1 >= len(self.line.figures):
            return []
        nxt = self.line.figures[index + 1]
        gap = self.line.low[reading.mention.end : nxt.mention.start]
        if nxt.mention.approx or nxt.skip or not _PAID_AFTER_GAP.fullmatch(gap):
            return []
        return [nxt.mention.value] if nxt.mention.value < self.total else []

    def minimum_paid_before(self, reading: FigureReading) -> bool:
        """The minimum payment named without its figure, paid before this remainder or total:
        "还完最低以后剩…", "最低的还了之后还欠…" (not "不还最低的话…")."""
        if reading.roles[:1] not in (("remainder",), ("total",)):
            return False
        low, start = self.line.low, reading.mention.start
        index = self.position[id(reading)]
        since = self.line.figures[index - 1].mention.end if index else 0
        since = max(since, sentence_start(low, start))
        for lab in self.line.labels:
            if lab.role != "minimum" or not since <= lab.start < start:
                continue
            head = low[max(since, lab.start - 4) : lab.start]
            tail = low[lab.end : start]
            if REFUSED.search(low, since, start) or "不还" in low[since:start]:
                return False
            if _PAID_VERB.search(head) or _PAID_THEN.search(tail):
                return True
        return False

    def waived_before(self, reading: FigureReading) -> bool:
        """A waiver offered earlier in the figure's sentence, in another clause too ("滞纳金
        可以全免，一共还…", "滞纳金936免了，还剩…"): what is owed then is after the waiver."""
        low, start = self.line.low, reading.mention.start
        s_start = sentence_start(low, start)
        said = [
            lab
            for lab in self.line.labels
            if s_start <= lab.start < start and lab.role in ("waiver", "after_waiver")
        ]
        return bool(said) and not REFUSED.search(low, s_start, start)

    def after_waiver_expected(self, reading: FigureReading) -> Expected:
        left = self.part_left(reading)
        waived = self.waived_by_share(reading)
        if waived is not None:
            # "利息减一半滞纳金全免，减完…": the total less the shares said, not any waiver.
            after = (money(self.total - waived), *left)
        else:
            after = (*(tuple(self.after_waiver) or (self.total,)), *left)
        value = reading.mention.value
        right = min(after, key=lambda v: abs(v - value))
        zh, en = ROLE_NAMES["after_waiver"]
        if right in left:
            zh, en = "减免后剩下的费用", "the charge left after the waiver"
        return Expected("after_waiver", after, right, zh, en)

    def waived_by_share(self, reading: FigureReading) -> Decimal | None:
        """What the figure's sentence waives before it, said as shares of the charges it names
        (zh, where the share follows its charge); None in en, or when a waiver figure is said."""
        if self.lang != "zh" or self.waivers_said:
            return None
        low, start = self.line.low, reading.mention.start
        return waived_by_share(low[sentence_start(low, start) : start], self.ledger)

    def part_left(self, reading: FigureReading) -> tuple[Decimal, ...]:
        """What is left of a charge named in the figure's clause once the waiver is taken off
        it ("利息减一半，减完利息还剩618.2", "the interest left after that is…"): that charge
        less each waiver it can bear, not the whole debt."""
        low, start = self.line.low, reading.mention.start
        c_start = clause_start(low, start)
        amounts = {"interest": self.ledger.interest, "late_fee": self.ledger.late_fee}
        named = {
            lab.role for lab in self.line.labels if c_start <= lab.start < start
        } & amounts.keys()
        return tuple(
            money(amounts[part] - w)
            for part in sorted(named)
            for w in self.waivers
            if 0 < w <= amounts[part]
        )

    def payments_made_before(self, reading: FigureReading) -> list[Decimal]:
        """Payments reported as made ("您还了两千") said before this figure."""
        return [
            r.mention.value
            for r in self._before(reading)
            if r.roles[:1] in ((), ("partial",), ("pay",))
            and r.skip
            and not r.mention.approx
            and r.mention.value < self.total
        ]

    def payments_taken_off_before(self, reading: FigureReading) -> list[Decimal]:
        """Payments the debtor reported, said taken off before this figure ("减掉您说的2000")."""
        return [
            r.mention.value
            for r in self._before(reading)
            if r.roles[:1] == ("partial",)
            and r.skip
            and not r.mention.approx
            and r.mention.value < self.total
        ]

    def remainders_before(self, reading: FigureReading) -> list[Decimal]:
        return [r.mention.value for r in self._before(reading) if "remainder" in r.roles[:1]]

    def bases(self, reading: FigureReading) -> list[Decimal]:
        """What a plan may be on: the total, what remains after a payment or a waiver. A
        rough figure is on what remains after a waiver only when a waiver is talked of: "每期
        大概一千六" is not the plan on the total less the largest waiver, said of nothing."""
        waived = self.after_waiver if self.waiver_talk or not reading.mention.approx else []
        bases = [self.total, *waived]
        bases += self.remainders_before(reading)
        paid = self.payments_before(reading)
        if paid:
            bases += [money(b - sum(paid)) for b in (self.total, *waived)]
            bases += [money(self.total - p) for p in paid]
        return [b for b in dict.fromkeys(bases) if b > 0]

    def monthly(self, reading: FigureReading) -> Expected:
        values: list[Decimal] = []
        bases = self.bases(reading)
        plans = self.plans()
        for plan in plans:
            for base in bases:
                values.append(plan.monthly_payment(base))
                if self.fee_words or plan.fee_rate == 0:
                    values.append(money(base / plan.months))
        for n in self.counts:
            if n >= 2 and all(p.months != n for p in self.ledger.plans):
                values += [money(b / n) for b in bases]  # a plan not offered: ACC-PLAN says so
        if not plans:
            return Expected("monthly", tuple(values), self.total, "逾期总额", "the total")
        value = reading.mention.value
        plan = min(plans, key=lambda p: abs(p.monthly_payment(self.total) - value))
        right = plan.monthly_payment(self.total)
        return Expected(
            "monthly",
            tuple(values),
            right,
            f"分{plan.months}期的每期还款额",
            f"the monthly payment on the {plan.months}-month plan",
        )

    def last_monthly(self, reading: FigureReading) -> Expected:
        """A plan's last instalment: what the plan repays in all less the instalments before
        it, each rounded to the cent ("six payments of $802.08, the last one $802.10"); an
        instalment like the others is right too."""
        monthly = self.monthly(reading)
        values = list(monthly.values)
        for plan in self.plans():
            if plan.months < 2:
                continue
            for base in self.bases(reading):
                each = [plan.monthly_payment(base)]
                if self.fee_words or plan.fee_rate == 0:
                    each.append(money(base / plan.months))
                for repaid in _plan_repaid(plan, base):
                    values += [money(repaid - m * (plan.months - 1)) for m in each]
        zh, en = ROLE_NAMES["last_monthly"]
        return Expected("last_monthly", tuple(values), monthly.right, zh, en)

    def plan_fee(self, reading: FigureReading | None = None) -> Expected:
        """A plan's fee: a month's (每期手续费) or the plan's in all (手续费一共…), as said.
        "分6期，手续费一共31.38" gives a month's fee as the whole plan's, and is wrong."""
        said = _fee_said_as(self.line.low, reading) if reading is not None else ""
        values: list[Decimal] = []
        for plan in self.plans():
            if said != "all":
                values.append(money(self.total * plan.fee_rate))
            if said != "month":
                values += _plan_fees_in_all(plan, self.total)
        if not values:
            return Expected("plan_fee", (), Decimal(0), "分期手续费", "the plan fee")
        if said == "all":
            plan = self.plans()[0]
            months = plan.months
            return Expected(
                "plan_fee",
                tuple(values),
                values[0],
                f"分{months}期的手续费总额",
                f"the {months}-month plan's fee in all",
            )
        return Expected("plan_fee", tuple(values), values[0], "分期手续费", "the plan fee")

    def ledger_values(self, plan_totals: bool = True) -> list[Decimal]:
        """Every quantity the account has, and those the line derives from it."""
        return [value for value, _, _ in self.named_values(plan_totals)]

    def named_values(self, plan_totals: bool = True) -> list[tuple[Decimal, str, str]]:
        """Those quantities with their names in zh and en, for a finding that names one (what
        a plan repays in all only with ``plan_totals``)."""
        ledger, total = self.ledger, self.total
        named = [(v, *_known_name(k)) for k, v in self.known.items()]
        named += [(v, "减免后应还金额", "the total after the waiver") for v in self.after_waiver]
        parts = [(ledger.principal, "本金", "principal"), (ledger.interest, "利息", "interest")]
        parts.append((ledger.late_fee, "滞纳金", "late fee"))
        for i, (a, a_zh, a_en) in enumerate(parts):
            for b, b_zh, b_en in parts[i + 1 :]:
                named.append((money(a + b), f"{a_zh}加{b_zh}", f"{a_en} + {b_en}"))
        for plan in ledger.plans:
            months = plan.months
            named.append(
                (
                    money(total * plan.fee_rate),
                    f"分{months}期的每期手续费",
                    f"the {months}-month plan's fee a month",
                )
            )
            if not plan_totals:
                continue
            named += [
                (
                    repaid,
                    f"分{months}期的还款总额",
                    f"the total repaid on the {months}-month plan",
                )
                for repaid in _plan_repaid(plan, total)
            ]
        return named

    def plan_repaid_in_all(self, reading: FigureReading) -> Expected | None:
        """What the plan named in the sentence repays in all, when the figure is said so
        ("分6期，总共还5418.78", "six payments, a total of…"): with a fee the plan repays more
        than the debt, and the debt said there hides the fee. None when no plan with a fee is
        named, or the figure is what is owed ("分6期的话，您总共欠5230.5")."""
        low, start = self.line.low, reading.mention.start
        plans = [p for p in self.ledger.plans if p.months in self.counts]
        if not plans or any(p.fee_rate == 0 for p in plans) or self.waivers_said:
            return None
        clause = low[clause_start(low, start) : start]
        if _OWED.search(clause) or not _REPAID_IN_ALL.search(clause):
            return None
        values = tuple(v for p in plans for v in _plan_repaid(p, self.total))
        months = plans[0].months
        return Expected(
            "plan_total",
            values,
            values[0],
            f"分{months}期的还款总额（含手续费）",
            f"the total repaid on the {months}-month plan (with its fee)",
        )

    def remainder_alone(self, reading: FigureReading) -> Expected:
        """A remainder said with no payment in the line ("剩下的4230.5下个月再还", "the rest,
        $1,986.40, goes on a plan"): the payment was agreed earlier in the call. What is left is
        below the total, and the total less it is a payment a debtor makes: a round sum, a
        ledger quantity (the minimum, an instalment, a charge waived) or a round sum with a
        waiver. A round remainder said so is a rounding of it, and passes."""
        mention = reading.mention
        value = mention.value
        fits: tuple[Decimal, ...] = ()
        if mention.approx:
            fits = (value,) if mention.covers(min(value, self.total)) else ()
        elif value < self.total and (value % 100 == 0 or self._paid_plausibly(value)):
            fits = (value,)
        zh, en = ROLE_NAMES["total"]
        return Expected(
            "remainder",
            fits,
            self.total,
            f"剩余金额应是{zh}减去一笔还款；{zh}",
            f"what is left is the total less a payment; {en}",
        )

    def _paid_plausibly(self, left: Decimal) -> bool:
        """The total (or the total after a waiver) less ``left`` is a payment: a round sum (a
        multiple of 50), a ledger quantity, or a round sum and a ledger quantity together."""
        quantities = [Decimal(0), *(v for v in self.known.values() if v > 0)]
        for base in (self.total, *self.after_waiver):
            paid = money(base - left)
            if paid <= 0:
                continue
            for q in quantities:
                rest = money(paid - q)
                if rest == 0 and q:
                    return True
                if rest > 0 and rest % 50 == 0:
                    return True
        return False

    def expected(self, role: str, reading: FigureReading) -> Expected | None:
        ledger, total = self.ledger, self.total
        if role == "total":
            values = [total]
            low = self.line.low
            if _PRINCIPAL_AND_INTEREST.search(
                low, clause_start(low, reading.mention.start), reading.mention.start
            ):
                # 本息 is principal and interest, and is said of the whole debt too.
                values.append(money(ledger.principal + ledger.interest))
            if self.plan_talk:
                values += [v for p in self.plans() for v in _plan_repaid(p, total)]
            if any(
                r is not reading and r.roles[:1] == ("plan_fee",) and r.sentence == reading.sentence
                for r in self.line.figures
            ):
                # "每期手续费31.38，6期一共188.28": after a month's fee, the fee in all.
                values += [v for p in self.plans() for v in _plan_fees_in_all(p, total)]
            plan_total = self.plan_repaid_in_all(reading)
            if plan_total is not None:
                return plan_total
            paid = self.payments_before(reading) or self.payments_taken_off_before(reading)
            if paid and reading.mention.value < total:
                # "先还两千，还差…", "put $1,500 down and you'll owe…", "减掉您说的2000，还差…":
                # what the payment leaves (one only reported, "您还了两千，还欠…", is not taken
                # off: the debt may still be all of it).
                return self.expected("remainder", reading)
            if self.after_waiver and self.waived_before(reading):
                # "滞纳金可以全免，一共还…": the total once the waiver is applied, or before it.
                after = self.after_waiver_expected(reading)
                return replace(after, values=(*values, *after.values))
            return Expected("total", tuple(values), total, "逾期总额", "the total")
        if role == "penalty":
            either = (ledger.interest, ledger.late_fee, money(ledger.interest + ledger.late_fee))
            return Expected(role, either, ledger.interest, "利息（罚息）", "the interest")
        if role in ("principal", "interest", "late_fee"):
            value = {"principal": ledger.principal, "interest": ledger.interest}.get(
                role, ledger.late_fee
            )
            zh, en = ROLE_NAMES[role]
            return Expected(role, (value,), value, zh, en)
        if role == "minimum":
            if ledger.minimum_payment is None:
                # No minimum payment on this account: a plan's instalment may be meant.
                return Expected(
                    role,
                    tuple(p.monthly_payment(total) for p in ledger.plans),
                    total,
                    "该账户没有最低还款额，逾期总额",
                    "this account has no minimum payment; the total",
                )
            value = ledger.minimum_payment
            return Expected(role, (value,), value, "最低还款额", "the minimum payment")
        if role == "monthly":
            return self.monthly(reading)
        if role == "last_monthly":
            return self.last_monthly(reading)
        if role == "plan_fee":
            return self.plan_fee(reading) if ledger.plans else None
        if role == "after_waiver":
            return self.after_waiver_expected(reading)
        if role == "remainder":
            paid = self.payments_before(reading)
            if not paid and self.after_waiver and self.waived_before(reading):
                return self.after_waiver_expected(reading)  # "滞纳金936免了，还剩…"
            made = self.payments_made_before(reading)
            if not paid and made:
                # "还了两千以后还剩…": the total (if the ledger has it already) or the total
                # less the payment.
                right = money(total - sum(made))
                made_s = " + ".join(fmt_money(p, ledger) for p in made)
                return Expected(
                    role,
                    (total, right),
                    right,
                    f"还{made_s}后的剩余金额",
                    f"the remainder after {made_s}",
                )
            if not paid:
                # Said as what is left: checked alone. A remainder only talked of in the
                # sentence ("还4000，剩下的就不用还了") is no reading of this figure.
                return (
                    self.remainder_alone(reading) if reading.roles[:1] == ("remainder",) else None
                )
            bases = [total, *self.after_waiver]
            values = [money(b - sum(paid)) for b in bases] + [money(total - p) for p in paid]
            right = max(Decimal(0), money(total - sum(paid)))  # more paid than owed: nothing left
            paid_s = " + ".join(fmt_money(p, ledger) for p in paid)
            return Expected(
                role,
                tuple(values),
                right,
                f"还{paid_s}后的剩余金额",
                f"the remainder after {paid_s}",
            )
        if role == "due":
            values = [total, *self.after_waiver]
            if ledger.minimum_payment is not None:
                values.append(ledger.minimum_payment)
            values += [p.monthly_payment(b) for p in self.ledger.plans for b in self.bases(reading)]
            paid = self.payments_before(reading)
            values += [money(total - sum(paid))] if paid else []
            return Expected("due", tuple(values), total, "逾期总额", "the total")
        return None


def _plan_fees_in_all(plan: Plan, base: Decimal) -> list[Decimal]:
    """A plan's fee in all: the rate on the months at once, or the month's fee as charged (to
    the cent) times the months (31.38 × 6 = 188.28 beside 188.30); both are heard as right."""
    return list(dict.fromkeys((plan.total_fee(base), money(base * plan.fee_rate) * plan.months)))


# Said of what a plan repays in all, in the figure's clause before it: "总共还", "一共要还",
# "加起来还", "还款总额", "a total of", "pay … in total"; what is owed (欠, owe) is the debt.
_REPAID_IN_ALL = re.compile(
    r"(?:总共|一共|合计|共计|总计|加起来|算下来|下来)\s*+(?:是|就是)?\s*+(?:要|需要|得|会)?\s*+还"
    r"|还款总额|总还款|a\s++total\s++of|(?:pay|repay)\w*\s++(?:back\s++)?(?:in\s++total|altogether|all\s++told)"
)
_OWED = re.compile(r"欠|owe|owing|balance")


def _plan_repaid(plan: Plan, base: Decimal) -> list[Decimal]:
    """What a plan repays in all: the base and its fee in all, or the instalment times the
    months (903.13 × 6 = 5,418.78 beside 5,418.80)."""
    values = [money(base + fee) for fee in _plan_fees_in_all(plan, base)]
    values.append(plan.monthly_payment(base) * plan.months)
    return list(dict.fromkeys(values))


# A plan's fee said in all ("手续费一共…", "fees come to … in total") or a month's ("每期手续费…",
# "a $12 fee each month"), read in the figure's clause.
_FEE_IN_ALL = re.compile(
    r"一共|总共|合计|共计|总计|加起来|全部|总的|累计|\bin\s++total\b|\baltogether\b|\ball\s++told\b"
    r"|\boverall\b|\btotal\b|\ball\s++in\b"
)
_FEE_A_MONTH = re.compile(
    r"每一?期|每个?月|一个月|月手续费|\ba\s++month\b|\bper\s++(?:month|payment)\b|\bmonthly\b"
    r"|\beach\s++(?:month|payment)\b|\bevery\s++month\b"
)


def _fee_said_as(low: str, reading: FigureReading) -> str:
    """ "all" when the plan fee is said as the whole plan's, "month" as a month's, else ""."""
    start, end = reading.mention.start, reading.mention.end
    before = low[max(clause_start(low, start), start - 16) : start]
    after = low[end : min(clause_end(low, end), end + 12)]
    month = _FEE_A_MONTH.search(before) or _FEE_A_MONTH.match(after.lstrip())
    whole = _FEE_IN_ALL.search(before) or _FEE_IN_ALL.match(after.lstrip())
    if whole and not month:
        return "all"
    if month and not whole:
        return "month"
    return ""


# Thousands in shorthand ("2.5k", "two grand") are a rough figure, read like "about".
_SHORTHAND = re.compile(r"[0-9.]\s?k\b|grand\b", re.IGNORECASE)


# A round sum stressed as exact before it: "an even three grand", "exactly 2k".
_STRESSED_BEFORE = re.compile(r"\b(?:even|exactly|precisely|flat)\s++(?:\$\s*+)?$", re.IGNORECASE)
_STRESSED_WORD = re.compile(r"\b(?:even|exactly|flat)\b", re.IGNORECASE)


def _stressed(low: str, mention: AmountMention) -> bool:
    """A shorthand sum said as exact ("the rest is 2k flat", "an even grand"): no rounding."""
    return bool(
        STRESSED_EXACT_RE.match(low, mention.end)
        or _STRESSED_BEFORE.search(low, max(0, mention.start - 12), mention.start)
        or _STRESSED_WORD.search(mention.raw)
    )


def _fits(mention: AmountMention, values: Iterable[Decimal], exact: bool = False) -> bool:
    if not mention.approx and not exact and _SHORTHAND.search(mention.raw):
        mention = replace(mention, approx="about")
    if mention.approx:
        return any(mention.covers(v) for v in values)
    said = (mention.value,) if mention.alt is None else (mention.value, mention.alt)
    return any(same_amount(s, v) for s in said for v in values)


def _compound_expected(parts: tuple[Role, ...], ledger: Ledger) -> Expected:
    """A compound label's sum: "本金加利息" is principal + interest; 罚息 may be either charge."""
    fixed = {
        "principal": ledger.principal,
        "interest": ledger.interest,
        "late_fee": ledger.late_fee,
    }
    base = sum((fixed.get(p, Decimal(0)) for p in parts), Decimal(0))
    extras = [Decimal(0)]
    if "penalty" in parts:
        extras = [ledger.interest, ledger.late_fee, ledger.interest + ledger.late_fee]
    values = tuple(money(base + e) for e in extras)
    zh = "加".join(PART_NAMES[p][0] for p in parts)
    en = " + ".join(PART_NAMES[p][1] for p in parts)
    return Expected("compound", values, values[0], zh, en)


def _amount_finding(
    turn: int | None,
    analysis: Analysis,
    reading: FigureReading,
    expected: Expected,
    ledger: Ledger,
) -> Finding:
    """ "¥8,888 is not on this account: the total is ¥5,230.50": the figure, its role as read and
    the right value; a round figure close to it is "rounded" instead (a minor finding)."""
    mention = reading.mention
    if mention.alt is not None and abs(mention.alt - expected.right) < abs(
        mention.value - expected.right
    ):
        mention = replace(mention, value=mention.alt)  # "ninety-eight seventy" as $98.70
    right = fmt_money(expected.right, ledger)
    said_zh, said_en = fmt_said(mention, ledger)
    raw = mention.raw.strip()
    if raw != said_en:  # the words said, when they are not the figure as written here
        said_zh, said_en = f"{said_zh}（“{raw}”）", f"{said_en} (“{raw}”)"
    role_en = expected.en[:1].upper() + expected.en[1:]
    rounded = (
        not mention.approx
        and mention.value % 100 == 0
        and expected.right % 100 != 0
        and abs(mention.value - expected.right) <= expected.right * _IMPRECISE_SHARE
    )
    if rounded:
        return accuracy_finding(
            turn,
            "ACC-AMOUNT-IMPRECISE",
            "minor",
            analysis.text,
            mention.raw,
            Bilingual(
                zh=f"{said_zh}不够准确：{expected.zh}是 {right}。",
                en=f"{said_en} is rounded: {expected.en} is {right}.",
            ),
            Bilingual(
                zh=f"报金额要精确到分：“{right}”。", en=f"Quote the exact figure: “{right}”."
            ),
        )
    return accuracy_finding(
        turn,
        "ACC-AMOUNT",
        "major",
        analysis.text,
        mention.raw,
        Bilingual(
            zh=f"{said_zh}与账户不符：{expected.zh}是 {right}。",
            en=f"{said_en} is not on this account: {expected.en} is {right}.",
        ),
        Bilingual(zh=f"{expected.zh}是 {right}。", en=f"{role_en} is {right}."),
    )


def check_amounts(analysis: Analysis, ledger: Ledger, turn: int | None) -> list[Finding]:
    """Every amount against the ledger quantity its role names."""
    return check_line_amounts(read_line(analysis), analysis, ledger, turn)


def check_line_amounts(
    line: LineFigures, analysis: Analysis, ledger: Ledger, turn: int | None
) -> list[Finding]:
    if not line.figures:
        return []
    facts = _Facts(ledger, analysis, line)
    findings: list[Finding] = []
    for index, reading in enumerate(line.figures):
        parts = _sum_parts(line, index)
        if (
            parts
            and reading.roles[:1] in ((), ("total",))
            and all(p.roles[:1] in _PARTS_NAMED for p in parts)
        ):
            named = tuple(dict.fromkeys(p.roles[0] for p in parts))
            if {"principal", "interest", "late_fee"} <= set(named):
                # "本金5千+利息108.5+滞纳金50=5158.5": the sum of the account's parts is its total.
                reading = replace(reading, roles=("total",))
            else:
                # "逾期费160，利息738.6，加起来898.6": the sum of the parts named, not the total.
                reading = replace(reading, roles=(), compound=named)
            facts.position[id(reading)] = index
        # A sum said with its parts is checked as their sum first ("a + b + c = total").
        finding = _check_sum(line, index, analysis, ledger, turn) or _check_figure(
            reading, facts, analysis, turn
        )
        if finding is not None:
            findings.append(finding)
    return findings


# "5000加180.5加50，一共5230.5", "2,164.75 plus 246.65 plus 75 comes to 2,486.40": parts joined
# by 加/+/plus, then a sum word and the sum said.
_PLUS = re.compile(
    r"\s*+(?:元|块|dollars?)?\s*+(?:再?加上|再?加|\+|plus|and)\s*+"
    # the next part may be named before its figure: "本金5千+利息108.5+滞纳金50"
    r"(?:本金|利息|滞纳金|违约金|逾期费用?|罚金|罚息|principal|interest|(?:the\s++)?(?:late\s++)?fees?)?"
    r"\s*+(?:\$|¥)?\s*+$"
)
# A list of named parts before their sum: "逾期费160，利息738.6，加起来898.6". Said so, the
# figures are a sum only when they add up ("本金5000，利息180.5，一共5230.5" names the total).
_LIST = re.compile(
    # (in chat a space stands for the comma: "滞纳金160 利息738.6 合计898.6")
    r"(?:\s*+(?:元|块|dollars?))?(?:\s*+[，,、;；]\s*+|\s++)(?:(?:再?加上?|plus|and)\s*+)?(?:the\s++)?"
    r"(?:本金|利息|滞纳金|违约金|逾期费用?|罚息|principal|interest|(?:late\s++)?fees?)"
    r"\s*+(?:是|为|of|is)?\s*+(?:\$|¥)?\s*+$"
)
_EQUALS = re.compile(
    r"\s*+(?:元|块|dollars?)?\s*+[，,]?\s*+(?:一共|总共|合计|共计|总计|加起来|共|等于|=|是"
    r"|comes?\s++to|makes|equals|is|totals?|for\s++a\s++total\s++of|in\s++total|altogether)"
    r"\s*+(?:是|is)?\s*+(?:\$|¥)?\s*+$"
)


_PARTS_NAMED = (("principal",), ("interest",), ("late_fee",), ("penalty",))


def _sum_parts(line: LineFigures, index: int) -> list[FigureReading] | None:
    """The parts joined by 加/+/plus before a figure said as their sum ("a + b = c"), or None."""
    if index < 2:
        return None
    low, figures = line.low, line.figures
    said = figures[index].mention
    if said.approx or not _EQUALS.fullmatch(low[figures[index - 1].mention.end : said.start]):
        return None
    parts = [figures[index - 1]]
    listed = False
    for reading in reversed(figures[: index - 1]):
        gap = low[reading.mention.end : parts[0].mention.start]
        if not _PLUS.fullmatch(gap):
            if not _LIST.fullmatch(gap):
                break
            listed = True
        parts.insert(0, reading)
    if len(parts) < 2 or any(p.mention.approx for p in parts):
        return None
    if listed and not same_amount(said.value, sum((p.mention.value for p in parts), Decimal(0))):
        return None
    return parts


def _check_sum(
    line: LineFigures, index: int, analysis: Analysis, ledger: Ledger, turn: int | None
) -> Finding | None:
    """The sum said after parts said with it must be their sum ("a + b + c = total")."""
    said = line.figures[index].mention
    readings = _sum_parts(line, index)
    if readings is None:
        return None
    parts = [r.mention for r in readings]
    total = money(sum((p.value for p in parts), Decimal(0)))
    if same_amount(said.value, total):
        return None
    sum_said = " + ".join(fmt_money(p.value, ledger) for p in parts)
    right = fmt_money(total, ledger)
    return accuracy_finding(
        turn,
        "ACC-AMOUNT",
        "major",
        analysis.text,
        said.raw,
        Bilingual(
            zh=f"“{said.raw}”算错了：{sum_said} = {right}。",
            en=f"“{said.raw}” is not the sum: {sum_said} = {right}.",
        ),
        Bilingual(zh="先核对每一项，再报合计。", en="Check each part, then give their sum."),
    )


def _check_figure(
    reading: FigureReading, facts: _Facts, analysis: Analysis, turn: int | None
) -> Finding | None:
    ledger, total = facts.ledger, facts.total
    mention = reading.mention
    if reading.skip or "other" in reading.roles[:1] or _budget_supposed(facts.line, reading):
        return None
    value = mention.value
    rough = reading.restates
    if rough is not None and not rough.covers(value):
        return _restated_finding(turn, analysis, reading, rough, ledger)
    roles = reading.roles
    # Everything this figure may rightly be, by its roles and the labels of its sentence.
    readings: list[Expected] = []
    if reading.compound and "excluding" in roles:
        part = _compound_expected(reading.compound, ledger)
        less = tuple(money(total - v) for v in part.values)
        readings.append(
            Expected("excluding", less, less[0], f"不算{part.zh}", f"the total less {part.en}")
        )
    elif reading.compound:
        readings.append(_compound_expected(reading.compound, ledger))
    for role in roles:
        if role in ("waiver", "settlement", "partial", "pay", "other"):
            continue
        expected = facts.expected(role, reading)
        if expected is not None:
            readings.append(expected)
    topical = [facts.expected(t, reading) for t in _free_topics(reading, facts) if t not in roles]
    lenient = [e for e in topical if e is not None]
    share = _share_expected(reading, facts)
    shares = [share] if share is not None else []
    exact = bool(_SHORTHAND.search(mention.raw)) and _stressed(facts.line.low, mention)
    if any(_fits(mention, e.values, exact) for e in (*readings, *lenient, *shares)):
        return None
    primary = roles[0] if roles else None
    if share is not None and primary in (
        None,
        "pay",
        "partial",
        "due",
        "total",
        "waiver",
        *_PART_ROLES,
    ):
        # "Half of your balance is…", "利息减一半，也就是…", "罚息可以减一半，减120": the
        # share, not the whole.
        return _amount_finding(turn, analysis, reading, share, ledger)
    if primary in (None, "pay", "partial") and _settles(facts.line, reading):
        primary = "settlement"  # "pay $2,000 and we'll close the account"

    if primary == "waiver":
        return None  # the amount waived is checked with the waiver (check_relief)
    if primary == "settlement" and _left_after_payment(reading, facts):
        # "knock it down to $1,986.40 if you put $500 in today": what the payment leaves.
        return None
    if primary == "settlement" or (primary == "after_waiver" and readings):
        low_end = money(total - facts.max_waiver)
        if value < low_end - CENT and not mention.approx:
            said_zh, said_en = fmt_said(mention, ledger)
            return relief_finding(
                turn,
                analysis,
                mention.raw,
                f"减免后只还{said_zh}（至少应还 {fmt_money(low_end, ledger)}）",
                f"Settling for {said_en} "
                f"(at least {fmt_money(low_end, ledger)} is owed after relief)",
                ledger,
            )
        if primary == "settlement":
            if _misquoted_after_waiver(reading, facts):
                # "滞纳金370给您全免，您还19703.76就结清": the waiver said, the sum that ends
                # the debt is what it leaves, to the cent (a round sum may be a deal).
                expected = facts.after_waiver_expected(reading)
                return _amount_finding(turn, analysis, reading, expected, ledger)
            if value < total + CENT:  # a cent over the debt is no settlement
                return None
            return _amount_finding(turn, analysis, reading, _total_expected(facts, reading), ledger)
    if primary in ("partial", "pay", "due") and _misquoted_minimum(reading, facts):
        # "至少先还532.05", "起码得还…" on a card whose minimum is ¥523.05: the minimum named
        # by its verb only, and misquoted.
        expected = facts.expected("minimum", reading)
        assert expected is not None
        return _amount_finding(turn, analysis, reading, expected, ledger)
    if _rough_total_missed(reading, facts, readings):
        # "about 3 grand" with nothing else named: what is owed, not the principal it is near.
        return _amount_finding(turn, analysis, reading, _total_expected(facts, reading), ledger)
    if primary is None and not readings and _rest_alone(reading, facts):
        # "the rest, $1,896.40, can go on a plan": what is left, set off by commas, with no
        # payment in the line; checked as a remainder said alone.
        return _amount_finding(turn, analysis, reading, facts.remainder_alone(reading), ledger)
    if primary in ("partial", "pay") or (primary is None and not readings):
        # A rough figure with no plan talked of is not what a plan repays in all ("差不多六万了"
        # is not the 24-month plan's ¥59,143).
        if _fits(mention, facts.ledger_values(facts.plan_talk or not mention.approx)):
            return None
        if _completes_remainder(reading, facts):
            # "send $812.50 and you'd have $4,000 left", "if she does two grand now, she'd
            # still owe…": a payment, rough or exact, whose remainder is checked.
            return None
        if (
            primary is None
            and (mention.approx or _SHORTHAND.search(mention.raw))
            and not _proposed(facts.line, reading)
        ):
            # A rough figure that names nothing ("roughly four grand", "like 550 bucks, give
            # or take") states what is owed: it must cover a ledger quantity.
            return _amount_finding(turn, analysis, reading, _rough_expected(facts, reading), ledger)
        ceiling = max([total, *(total + p.total_fee(total) for p in ledger.plans)])
        over = value > ceiling if mention.approx else value > ceiling + CENT
        if over:
            return _amount_finding(turn, analysis, reading, _total_expected(facts, reading), ledger)
        cents = value != int(value)
        if (primary is None or (primary == "pay" and cents)) and _misquote(mention, facts):
            nearest, zh, en = min(facts.named_values(), key=lambda n: abs(n[0] - value))
            return _amount_finding(
                turn, analysis, reading, Expected("misquote", (nearest,), nearest, zh, en), ledger
            )
        return None
    if not readings:
        return None
    # "免了以后还欠…": what is owed after the waiver, not the total, is the value to name.
    named = next((e for e in readings if e.role == "after_waiver"), readings[0])
    return _amount_finding(turn, analysis, reading, named, ledger)


def _misquoted_after_waiver(reading: FigureReading, facts: _Facts) -> bool:
    """A precise settling sum (not a round deal) after a waiver said before it in its
    sentence, that is neither what the waiver leaves nor the whole debt."""
    mention = reading.mention
    if mention.approx or mention.value % 10 == 0 or not facts.waived_before(reading):
        return False
    expected = facts.after_waiver_expected(reading)
    return not _fits(mention, (*expected.values, facts.total))


# What the debtor can carry, supposed: "If $210 a month is what works, …", "if you can manage
# $150 a month", "如果每月两千您能接受的话": a budget, not a quantity of the account.
_BUDGET_IF = re.compile(
    r"\b(?:if|as\s++long\s++as)\b[^,.;!?]*?\b(?:works?|fits?|afford\w*|manage\w*|budget|comfortable"
    r"|can\s++(?:do|swing|handle|spare))\b"
    r"|(?:如果|要是|假如)[^，。！？；]*?(?:能接受|接受得了|承受|负担|拿得出|还得起|预算|合适|可以接受)"
)


def _budget_supposed(line: LineFigures, reading: FigureReading) -> bool:
    """The figure is inside a clause that supposes what the debtor can pay."""
    low, mention = line.low, reading.mention
    c_start, c_end = clause_start(low, mention.start), clause_end(low, mention.end)
    said = _BUDGET_IF.search(low, c_start, c_end)
    return said is not None and said.start() <= mention.start < said.end()


def _restated_finding(
    turn: int | None,
    analysis: Analysis,
    reading: FigureReading,
    rough: AmountMention,
    ledger: Ledger,
) -> Finding:
    """ "最低还款九百出头，准确是709.88": the exact figure is not what the rough one said."""
    said = fmt_money(reading.mention.value, ledger)
    rough_zh, rough_en = fmt_said(rough, ledger)
    return accuracy_finding(
        turn,
        "ACC-AMOUNT",
        "major",
        analysis.text,
        reading.mention.raw,
        Bilingual(
            zh=f"{said}和前面说的{rough_zh}对不上，至少有一个不对。",
            en=f"{said} does not fit the {rough_en} said before it: one of them is wrong.",
        ),
        Bilingual(
            zh="先核对账户上的准确金额，再说约数。",
            en="Check the exact figure on the account before giving a rough one.",
        ),
    )


def _rest_alone(reading: FigureReading, facts: _Facts) -> bool:
    """A precise figure named by nothing, in a sentence about what is left and with no other
    figure in the line, that is no ledger quantity and no remainder a payment leaves."""
    mention = reading.mention
    if mention.approx or mention.value == int(mention.value) or len(facts.line.figures) > 1:
        return False
    if "remainder" not in _free_topics(reading, facts):
        return False
    if _fits(mention, facts.ledger_values()):
        return False
    return not _fits(mention, facts.remainder_alone(reading).values)


def _left_after_payment(reading: FigureReading, facts: _Facts) -> bool:
    """The figure is the total less a payment said with it in its sentence, before or after."""
    value = reading.mention.value
    return any(
        r is not reading
        and r.sentence == reading.sentence
        and r.roles[:1] in ((), ("partial",), ("pay",))
        and not r.skip
        and not r.mention.approx
        and r.mention.value < facts.total
        and same_amount(value, money(facts.total - r.mention.value))
        for r in facts.line.figures
    )


def _rough_total_missed(reading: FigureReading, facts: _Facts, readings: list[Expected]) -> bool:
    """A rough figure that nothing in its sentence names, with no plan talked of and no payment
    proposed around it ("about 3 grand", "差不多五千块"), says what is owed: it must cover the
    total (or the total after a waiver said in the line), not any quantity it happens to be
    near."""
    mention = reading.mention
    if reading.roles or reading.topics or readings or facts.plan_talk:
        return False
    if not (mention.approx or _SHORTHAND.search(mention.raw)):
        return False
    if _proposed(facts.line, reading) or _completes_remainder(reading, facts):
        return False
    # "大概一万八左右" of ¥19,596.40 is near the total after the largest waiver (¥18,618.20),
    # but with no waiver talked of it says what is owed now.
    return not _fits(mention, [facts.total, *(facts.after_waiver if facts.waiver_talk else ())])


def _free_topics(reading: FigureReading, facts: _Facts) -> tuple[Role, ...]:
    """The ledger labels of the figure's sentence that no other figure of it is named by: a
    label that names its own figure is that figure's, not a second reading of this one
    ("利息50块，滞纳金180.5": 50 is said as the interest, and 滞纳金 names 180.5)."""
    if not reading.roles:
        return reading.topics
    taken = {
        r.roles[0]
        for r in facts.line.figures
        if r is not reading and r.roles and r.sentence == reading.sentence and not r.skip
    }
    return tuple(t for t in reading.topics if t not in taken)


# After a payment, words that make it close the account.
_SETTLE_AFTER = re.compile(
    r"结清|两清|销户|一笔勾销|就(?:能|可以|算|都)?(?:全部|全)?还清|\bsettle\w*|\bclose\s++(?:out\s++)?(?:the|your)\s++account|\bcall\s++it\s++"
    r"(?:even|settled|done)|\bpaid\s++in\s++full\b|\bresolved\b|\bclosed\b"
    r"|\b(?:all\s++)?paid\s++(?:off|up)\b|\bpays?\s++(?:it|this|that|everything)\s++off\b"
    r"|\bclears?\s++(?:it|the\s++(?:account|balance|debt))\b|\byou'?re\s++(?:all\s++)?(?:done|clear|square)\b"
    r"|\b(?:as\s++)?(?:payment\s++in\s++full|full\s++payment|in\s++full\s++satisfaction)\b"
    r"|剩下的?(?:钱)?(?:就|都)*(?:不用还|免了|免掉|不用管)|\bthe\s++rest\s++(?:is|will\s++be|gets)\s++"
    r"(?:forgiven|waived|written\s++off)"
)


def _settles(line: LineFigures, reading: FigureReading) -> bool:
    after = line.low[reading.mention.end : line.sentences[reading.sentence][1]]
    return bool(_SETTLE_AFTER.search(after)) and not REFUSED.search(after)


_PART_ROLES = ("principal", "interest", "late_fee", "penalty")
# What names the least one must pay: the minimum, when the account has one.
_AT_LEAST = re.compile(
    r"至少|最少|起码|保底|最低限度|\bat\s++(?:the\s++)?(?:very\s++)?least\b|\bno\s++less\s++than\b"
)
# How far a figure said as "the least" may stray from the minimum and still mean it.
_MINIMUM_SHARE = Decimal("0.25")


def _misquoted_minimum(reading: FigureReading, facts: _Facts) -> bool:
    """A payment said as the least to pay ("至少先还…", "起码得还…", "at least $…"), near the
    account's minimum payment but not it: the minimum misquoted, not a proposal."""
    minimum = facts.ledger.minimum_payment
    mention = reading.mention
    if minimum is None or not minimum or mention.approx:
        return False
    low = facts.line.low
    if not _AT_LEAST.search(low, clause_start(low, mention.start), mention.start):
        return False
    value = mention.value
    if _fits(mention, facts.ledger_values()):
        return False
    return abs(value - minimum) <= minimum * _MINIMUM_SHARE


def _rough_expected(facts: _Facts, reading: FigureReading) -> Expected:
    """What a rough figure naming nothing is measured against: the total, or in plan talk the
    nearest quantity the account has (an instalment)."""
    if not facts.plan_talk:
        return _total_expected(facts, reading)
    value = reading.mention.value
    nearest, zh, en = min(facts.named_values(), key=lambda n: abs(n[0] - value))
    return Expected("rough", (nearest,), nearest, zh, en)


_PROPOSAL_ROLES = frozenset({"pay", "partial", "settlement", "other", "due"})


def _proposed(line: LineFigures, reading: FigureReading) -> bool:
    """A rough figure in a clause that proposes or asks for a payment ("could you do around
    $500 today?"), or names something not the account's: not a statement of what is owed."""
    low, mention = line.low, reading.mention
    start, end = clause_start(low, mention.start), clause_end(low, mention.end)
    return (
        any(start <= lab.start < end and lab.role in _PROPOSAL_ROLES for lab in line.labels)
        or "?" in low[mention.end : end]
        or "？" in low[mention.end : end]
    )


def _completes_remainder(reading: FigureReading, facts: _Facts) -> bool:
    """A payment with what it leaves said after it ("send $812.50 and you'd have $4,000
    left"): a payment, whose remainder is checked, not a ledger figure misquoted."""
    index = facts.position[id(reading)]
    later = facts.line.figures[index + 1 : index + 1 + _LOOKBACK]
    return any(
        r.sentence == reading.sentence
        and (
            "remainder" in r.roles[:1]
            # "put $394.62 down and you'll owe $4,100": what is owed after it, less than the total
            or (r.roles[:1] in (("total",), ("due",)) and r.mention.value < facts.total)
        )
        for r in later
    )


# A share of a quantity said before the figure it comes to: "half of your balance is…",
# "欠款的一半是…", "利息可以减三成，也就是…", "pay a third now, that's…".
_SHARE_REACH = 32  # characters from the share to its figure
# Between a share and its figure only words that join them: "half of your balance is…",
# "pay half today, that's…", "利息可以减一半，也就是…" (the quantity named is cut out first).
_SHARE_GAP = re.compile(
    r"(?:[\s,，:：、]|\bof\b|\bthe\b|\byour\b|\bthat'?s\b|\bthat\b|\bis\b|\bwould\b|\bwill\b"
    r"|\bbe\b|\bcomes?\s++to\b|\bso\b|\bnow\b|\btoday\b|\bwhich\b|\bpay\b|\bi\.e\.|也就是|就是"
    r"|\bit\b|\bthis\b|是|即|为|的|能|可以|可|减|免|掉|大概|约|差不多|先还|先付|现在|今天|吧|啊|呢|嘛)*+"
)
_SHARE_BASES = {
    "total": ("total",),
    "due": ("total",),
    "principal": ("principal",),
    "interest": ("interest",),
    "late_fee": ("late_fee",),
    "penalty": ("interest", "late_fee"),
}


def _share_expected(reading: FigureReading, facts: _Facts) -> Expected | None:
    """The figure said as a share of a ledger quantity, and what that share is: the share of
    the quantity named next to it (欠款的一半, half the balance, 利息…减三成), else of the
    total; the rest of it is right too ("half now, half later")."""
    line, mention = facts.line, reading.mention
    low = line.low
    index = facts.position[id(reading)]
    since = line.figures[index - 1].mention.end if index else 0
    start = max(since, sentence_start(low, mention.start), mention.start - _SHARE_REACH)
    found = [
        said
        for said in facts.shares
        if said.kind == "part" and start <= said.start and said.end <= mention.start
    ]
    if not found:
        return None
    said = found[-1]
    share_start, share_end = said.start, said.end
    near = [
        lab
        for lab in line.labels
        if lab.role in _SHARE_BASES
        and (
            0 <= share_start - lab.end <= 6  # 欠款的一半, 利息可以减一半
            or 0 <= lab.start - share_end <= 10  # half of your balance
        )
        and clause_start(low, lab.start) == clause_start(low, share_start)
    ]
    gap = list(low[share_end : mention.start])
    for lab in near:
        for i in range(max(lab.start, share_end), min(lab.end, mention.start)):
            gap[i - share_end] = " "
    if not _SHARE_GAP.fullmatch("".join(gap)):
        return None  # the share and the figure are not joined: another matter between them
    fraction, share_zh, share_en = said.value, said.zh, said.en
    # Named next to the share, else named earlier in its sentence ("利息1236.4元最多减免一半"),
    # else the total.
    s_start = sentence_start(low, share_start)
    earlier = [
        lab
        for lab in line.labels
        if s_start <= lab.start < share_start and lab.role in _SHARE_BASES
    ]
    parts = [p for lab in near or reversed(earlier) for p in _SHARE_BASES[lab.role]]
    parts = parts or ["total"]
    amounts = {
        "total": facts.total,
        "principal": facts.ledger.principal,
        "interest": facts.ledger.interest,
        "late_fee": facts.ledger.late_fee,
    }
    values: list[Decimal] = []
    for part in dict.fromkeys(parts):
        for f in (fraction, 1 - fraction):
            exact = amounts[part] * f
            values += [money(exact), exact.quantize(CENT, rounding=ROUND_DOWN)]
    part = min(parts, key=lambda p: abs(amounts[p] * fraction - mention.value))
    right = money(amounts[part] * fraction)
    zh_part, en_part = ROLE_NAMES[part] if part == "total" else PART_NAMES[part]
    en_part = en_part if part == "total" else f"the {en_part}"
    return Expected(
        "share", tuple(values), right, f"{zh_part}的{share_zh}", f"{share_en} of {en_part}"
    )


def _total_expected(facts: _Facts, reading: FigureReading) -> Expected:
    expected = facts.expected("total", reading)
    assert expected is not None  # the total always has one
    return expected


def _known_name(name: str) -> tuple[str, str]:
    """The zh and en names of a figure of Ledger.known_amounts()."""
    if name == "overdue_total":
        return ROLE_NAMES["total"]
    if name == "minimum_payment":
        return ROLE_NAMES["minimum"]
    if name in ROLE_NAMES:
        return ROLE_NAMES[name]
    months = name.split("_")[1] if name.startswith("plan_") else ""
    if name.endswith("_monthly"):
        return f"分{months}期的每期还款额", f"the monthly payment on the {months}-month plan"
    if name.endswith("_fee"):
        return f"分{months}期的手续费", f"the {months}-month plan's fee"
    if name == "relief_interest_waived":
        return "可减免的利息", "the interest that may be waived"
    if name == "relief_late_fee_waived":
        return "可减免的滞纳金", "the late fee that may be waived"
    return "减免后应还金额", "the total after the waiver"


def _misquote(mention: AmountMention, facts: _Facts) -> bool:
    """A figure precise to the yuan or the cent, next to a ledger figure but not it; a round
    one too when said as exact ("it's 2,480 flat", "两万块整")."""
    value = mention.value
    stressed = mention.raw.rstrip().endswith("整") or (
        STRESSED_EXACT_RE.match(facts.line.low, mention.end) is not None
    )
    if mention.approx or (value % 10 == 0 and not stressed):
        return False
    return any(
        abs(value - v) <= v * _MISQUOTE_SHARE and not same_amount(value, v)
        for v in facts.ledger_values()
        if v >= 100
    )
