"""Negotiation: the persona's answer to what the collector proposes, by the numbers.

The scenario gives the debtor a budget (one circumstance per call, chosen by seed): what they
can pay at once, a month, and from which day. A line that proposes (the policy's intents)
puts its figures on the table — instalment counts the ledger allows, an instalment or a lump
sum (by the figure's role), a date — and the persona accepts, counters with what it can afford
(a plan of the ledger's, or what it has at once, on its own day), or refuses. What is on the
table after its answer is what its lines echo: figures the collector said, the ledger's, or
its own budget's, never text fixed in a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from scoring.analysis import MAX_ANALYSED_CHARS, Analysis
from scoring.figures import read_figures
from scoring.i18n import Lang
from scoring.ledger import Ledger, Plan
from simulator.engine.policy import policy
from simulator.engine.scenario import Budget, Scenario, placeholders

Verdict = Literal["accept", "counter", "refuse"]


@dataclass(frozen=True, slots=True)
class Terms:
    """Figures on the table, each None until someone names it."""

    months: int | None = None
    monthly: Decimal | None = None
    amount: Decimal | None = None  # a payment in one go
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    """What one line proposes."""

    months: tuple[int, ...]  # instalment counts the ledger allows, as options
    monthly: Decimal | None
    amount: Decimal | None
    day: date | None

    @property
    def empty(self) -> bool:
        return not (self.months or self.monthly or self.amount or self.day)


def pick_budget(scenario: Scenario, seed: int) -> Budget | None:
    """The call's circumstance: the seed's turn through the scenario's budgets, so practice
    tries (seed = tries so far) meet each in turn and an exam (a fixed seed) always the same."""
    budgets = scenario.persona.budget
    return budgets[seed % len(budgets)] if budgets else None


# A list of terms with one unit: "3, 6 or 12 months", "6、12期", "a 12-month plan". The count
# entities read a count by its own unit, so only the last of a list (or none, for "12 months"
# said without "over" or "plan"); in a line that proposes, the ledger's own terms are options.
# An ordinal names one instalment of the loan, not a plan: "第3期12月1号到期" said with the
# amount due is no 3-instalment offer.
_TERMS = re.compile(
    r"(?<![\d.,$¥第])(\d{1,2})((?:\s*+(?:,|、|/|or|and|或者|或|和|还是)\s*+\d{1,2}){0,5})\s*+-?\s*+"
    r"(?:months?\b|mos?\b|monthly|payments?\b|install?ments?\b|期|个月)",
    re.IGNORECASE,
)


def plan_counts(analysis: Analysis) -> list[int]:
    """The instalment counts a line names as plans. One instalment is no plan: "一期997.15"
    (each instalment), "首期", "the first payment" name one payment of a plan, and a "plan" of
    one payment is paying in full. A count of what is left after a payment named before it
    ("先还2966.2，后面两期") counts that payment too (policy `negotiation.remainder`): a day or
    a figure in a payment's role (`remainder_roles`), not a waiver."""
    rules = policy().negotiation
    remainder = rules.remainder.get(analysis.lang)
    paid_at = [d.start for d in analysis.dates]
    if remainder is not None and analysis.amounts:
        text = analysis.text[:MAX_ANALYSED_CHARS]
        paid_at += [
            reading.mention.start
            for reading in read_figures(text, list(analysis.amounts)).figures
            if not reading.skip and set(reading.roles) & set(rules.remainder_roles)
        ]
    counts: list[int] = []
    for count in analysis.counts:
        if count.kind != "instalments":
            continue
        value = count.value
        if (
            remainder is not None
            and any(at < count.start for at in paid_at)
            and re.search(remainder, analysis.norm[: count.start])
        ):
            value += 1
        if value > 1:
            counts.append(value)
    return counts


def plan_options(text: str, allowed: set[int]) -> list[int]:
    """The ledger's instalment counts a proposing line names as terms, in order."""
    found: list[int] = []
    for match in _TERMS.finditer(text):
        numbers = [match.group(1), *re.findall(r"\d{1,2}", match.group(2))]
        found += [int(n) for n in numbers if int(n) in allowed]
    return found


# The first instalment named just before a day: "第一期12月15号", "首期就月底", "头一期放10号",
# "头一笔放15号".
_FIRST_INSTALMENT = re.compile(
    r"(?:(?:第一|第1|首|头一|頭一|头|頭)(?:期|笔|筆)|first (?:payment|installment|instalment))"
    r"[^，,。；;!?！？\d]{0,4}$",
    re.IGNORECASE,
)


def _attributive(text: str, raw: str, end: int) -> bool:
    """A season said of something else, not a day to pay on: 年底的生意 (the year-end trade),
    月底的账. A day with its number (12月15号的工资) still names a day."""
    return text[end : end + 1] == "的" and not any(c.isdigit() for c in raw)


def read_proposal(analysis: Analysis, ledger: Ledger) -> Proposal:
    """The figures a line puts on the table (nothing unless its intents propose)."""
    rules = policy().negotiation
    if not set(analysis.intent_names) & set(rules.proposing):
        return Proposal((), None, None, None)
    allowed = {plan.months for plan in ledger.plans}
    counted = [n for n in plan_counts(analysis) if n in allowed]
    listed = plan_options(analysis.text[:MAX_ANALYSED_CHARS], allowed)
    months = tuple(dict.fromkeys([*counted, *listed]))
    monthly = amount = None
    text = analysis.text[:MAX_ANALYSED_CHARS]
    for reading in read_figures(text, list(analysis.amounts)).figures:
        if reading.skip:
            continue
        # A figure before a recurring day ("每月10号", "on the 1st of each month") is read as
        # an instalment by the role reader (scoring.figures.RECURRING), as accuracy reads it.
        role: str | None = reading.roles[0] if reading.roles else None
        if role in rules.monthly_roles and monthly is None:
            monthly = reading.mention.value
        elif amount is None and (
            role in rules.lump_roles or (role is None and rules.unlabelled_is_lump)
        ):
            amount = reading.mention.value
    if monthly is not None and not months and monthly >= ledger.overdue_total:
        # "有一期1994块3，12月1号该还": an instalment of the loan itself as large as all that
        # is overdue is the whole sum asked for, paid at once, not a plan put forward.
        amount, monthly = amount or monthly, None
    today = analysis.today
    leaving = rules.leave_taking.get(analysis.lang)
    days = [
        d
        for d in analysis.dates
        if (today is None or d.value >= today)
        and not _attributive(text, d.raw, d.end)
        and not (d.relative and leaving is not None and leaving.says(text, d.start, d.end))
    ]
    # A schedule ("第一期12月15号，第二期1月15号") proposes its first instalment's day; else
    # what was said last leads: "the 15th is fine — December 15th, then?" proposes the 15th.
    firsts = [d for d in days if _FIRST_INSTALMENT.search(text[: d.start])]
    day = firsts[0] if firsts else days[-1] if days else None
    return Proposal(months, monthly, amount, day.value if day else None)


class Negotiation:
    """What is on the table in one call, and the persona's answer to each proposal."""

    def __init__(self, ledger: Ledger, budget: Budget | None, today: date) -> None:
        self.ledger = ledger
        self.budget = budget
        self.today = today
        self.plans: dict[int, Plan] = {plan.months: plan for plan in ledger.plans}
        self.offered = Terms()  # the collector's latest figure of each kind
        self.terms = Terms()  # what is on the table after the persona's answer
        self.verdict: Verdict | None = None  # the answer to the last line; None: no proposal
        self.day: date | None = None  # the day the last line proposed, if any
        # The last counter is about the day alone: the money was taken as offered (a plan
        # the budget carries, a sum it has), only not that early.
        self.day_only = False
        self.plan_talked = False  # the collector has proposed a plan (instalments)
        # The last line asked what the debtor can pay ("能先拿出多少？"): at once or a month.
        self.asked: Literal["monthly", "at_once"] | None = None

    def monthly_of(self, months: int) -> Decimal:
        return self.plans[months].monthly_payment(self.ledger.overdue_total)

    def on_own_day(self) -> bool:
        """The last line proposed a day on or after the one the budget can pay from."""
        return self.budget is not None and self.day is not None and self.day >= self.budget.by

    def affordable_plan(self) -> int | None:
        """The fewest instalments of the ledger's plans the budget can carry each month."""
        if self.budget is None:
            return None
        fits = [m for m in sorted(self.plans) if self.monthly_of(m) <= self.budget.monthly]
        return fits[0] if fits else None

    def hear(self, analysis: Analysis) -> Verdict | None:
        """Answer what the line proposes; the answer is also kept in `verdict`."""
        proposal = read_proposal(analysis, self.ledger)
        self.day = proposal.day
        self.day_only = False
        capacity = policy().negotiation.capacity.get(analysis.lang)
        self.asked = capacity.asked(analysis.norm) if capacity else None
        if self.asked is not None and not (proposal.amount or proposal.monthly):
            # Asked what it can pay, the persona names its own figures: a plan it can carry
            # (asked of a month, or a plan already on the table), else what it has at once.
            monthly = self.asked == "monthly" or self.terms.months is not None
            self.plan_talked = self.plan_talked or monthly
            on_table = self.terms
            self.verdict, self.terms = self._own_terms(proposal.day, monthly=monthly)
            if self.verdict == "counter" and (
                self._as_offered(self.terms) or self.terms == on_table
            ):
                # What it can carry is the plan already offered, or its own counter still on
                # the table ("分6期……俺咬咬牙能还" then "您说个日子和金额"): its answer is a
                # yes, not "2期太紧了……分2期中不中？" nor its counter said again.
                self.verdict = "accept"
            self.plan_talked = self.plan_talked or self.terms.months is not None
            return self.verdict
        if proposal.empty:
            # "就按你说的办": a confirmation that names no figure takes the terms on the table
            # (the persona's own counter, or the offer it accepted) as they stand.
            confirms = set(policy().steps.confirms) & set(analysis.intent_names)
            self.verdict = "accept" if confirms and self.terms != Terms() else None
            return self.verdict
        self.plan_talked = self.plan_talked or bool(proposal.months or proposal.monthly)
        # A plan named without its instalment ("那就6期") offers that plan's own instalment,
        # not one said earlier of another plan (echoed as "6期……每个月2966.20元").
        named = proposal.months[0] if len(proposal.months) == 1 else None
        self.offered = Terms(
            months=named or self.offered.months,
            monthly=proposal.monthly or (None if named else self.offered.monthly),
            amount=proposal.amount or self.offered.amount,
            date=proposal.day or self.offered.date,
        )
        self.verdict, self.terms = self._answer(proposal)
        return self.verdict

    def _as_offered(self, terms: Terms) -> bool:
        """The persona's own plan is the one the collector offered: same count, instalment
        and (where the offer named one) day."""
        offered = self.offered
        if terms.months is None or terms.months != offered.months:
            return False
        if (
            offered.monthly is not None
            and terms.monthly is not None
            and abs(offered.monthly - terms.monthly) >= 1
        ):
            return False
        return offered.date is None or offered.date == terms.date

    # -- the answer ---------------------------------------------------------------------------

    def _own_terms(self, day: date | None, *, monthly: bool) -> tuple[Verdict, Terms]:
        """What the persona offers when asked what it can pay: "counter" (its own figures on
        the table), or "accept" where it can pay everything at once."""
        if self.budget is None:
            return "accept", self.terms
        if monthly:
            return self._counter_plan(self.budget, day)
        return self._answer_lump(Proposal((), None, None, day), self.budget)

    def _answer(self, p: Proposal) -> tuple[Verdict, Terms]:
        planned = bool(p.months or p.monthly) or (self.terms.months is not None and not p.amount)
        if self.budget is None:  # no limits given: whatever is proposed stands
            return "accept", self._as_proposed(p, planned)
        if planned:
            return self._answer_plan(p, self.budget)
        return self._answer_lump(p, self.budget)

    def _as_proposed(self, p: Proposal, planned: bool) -> Terms:
        if planned:
            months = p.months[0] if p.months else self._months_of(p.monthly) or self.terms.months
            monthly = p.monthly or (self.monthly_of(months) if months else None)
            return Terms(months, monthly, None, p.day or self.terms.date)
        return Terms(None, None, p.amount or self.terms.amount, p.day or self.terms.date)

    def _months_of(self, monthly: Decimal | None) -> int | None:
        """The plan whose instalment this is (to the cent), if any."""
        if monthly is None:
            return None
        return next((m for m in self.plans if abs(self.monthly_of(m) - monthly) < 1), None)

    def _answer_plan(self, p: Proposal, budget: Budget) -> tuple[Verdict, Terms]:
        options = (
            list(p.months)
            or [m for m in (self._months_of(p.monthly), self.terms.months) if m is not None][:1]
        )
        said_monthly = p.monthly if len(options) <= 1 else None
        day = p.day or self.terms.date
        if not options and said_monthly is not None:  # an instalment said with no plan
            if said_monthly <= budget.monthly:
                return self._dated(Terms(None, said_monthly, None, day), budget)
            return self._counter_plan(budget, day)
        fits = [
            m for m in sorted(options) if (said_monthly or self.monthly_of(m)) <= budget.monthly
        ]
        if not fits:
            return self._counter_plan(budget, day)
        months = fits[0]
        return self._dated(
            Terms(months, said_monthly or self.monthly_of(months), None, day), budget
        )

    def _counter_plan(self, budget: Budget, day: date | None) -> tuple[Verdict, Terms]:
        months = self.affordable_plan()
        if months is None:
            return "refuse", self.terms
        return "counter", Terms(
            months, self.monthly_of(months), None, max(day or budget.by, budget.by)
        )

    def _answer_lump(self, p: Proposal, budget: Budget) -> tuple[Verdict, Terms]:
        amount = p.amount or self.terms.amount or self.ledger.overdue_total
        day = p.day or self.terms.date
        if amount <= budget.now:
            return self._dated(Terms(None, None, amount, day), budget)
        if budget.now > 0:  # part of it, on its own day
            return "counter", Terms(None, None, budget.now, max(day or budget.by, budget.by))
        return self._counter_plan(budget, day)

    def _dated(self, terms: Terms, budget: Budget) -> tuple[Verdict, Terms]:
        """Accepted as to the money; a day before the persona's own is countered with it."""
        if terms.date is None:
            return "accept", replace(terms, date=budget.by)
        if terms.date < budget.by:
            self.day_only = True
            return "counter", replace(terms, date=budget.by)
        return "accept", terms

    # -- what the persona's lines echo --------------------------------------------------------

    def fair(self, lines: list[str], lang: Lang) -> list[str]:
        """After a counter, the lines that blame a figure the counter changes: a line echoing
        only offered figures the persona says back unchanged (`negotiation.blames`: "15号不行，
        我15号才发工资" when only the sum was too much) is left out; all lines when none is left."""
        blames = policy().negotiation.blames
        if self.verdict != "counter" or not blames:
            return lines
        figures = self.figures(lang)
        moved = {offered for offered, own in blames.items() if figures[offered] != figures[own]}

        def fits(line: str) -> bool:
            echoed = placeholders(line) & blames.keys()
            return not echoed or bool(echoed & moved)

        return [line for line in lines if fits(line)] or lines

    def figures(self, lang: Lang) -> dict[str, str]:
        """Every placeholder's text now: what is on the table, else what was offered, else
        the persona's own budget, else the ledger's."""
        ledger, budget = self.ledger, self.budget
        months = (
            self.terms.months
            or self.offered.months
            or self.affordable_plan()
            or (max(self.plans) if self.plans else None)
        )
        offered_months = self.offered.months or months
        total = ledger.overdue_total
        now = budget.now if budget and budget.now else total
        by = budget.by if budget else self.today
        values: dict[str, object] = {
            "months": months,
            "monthly": self.terms.monthly or (self.monthly_of(months) if months else None),
            # what it can pay of what was asked (all of it when it has no budget)
            "amount": self.terms.amount or min(now, self.offered.amount or total),
            "date": self.terms.date or by,
            "offered_months": offered_months,
            "offered_monthly": self.offered.monthly
            or (self.monthly_of(offered_months) if offered_months else None),
            "offered_amount": self.offered.amount or self.terms.amount or total,
            "offered_date": self.offered.date or self.terms.date or by,
            "can_now": now,
            "can_monthly": budget.monthly if budget else None,
            "can_by": by,
            "total": total,
            "minimum": ledger.minimum_payment or total,
        }
        return {k: say(v, lang, ledger.currency, self.today) for k, v in values.items()}


_WEEKDAYS_ZH = "一二三四五六日"


def say(value: object, lang: Lang, currency: str, today: date) -> str:
    """A figure as the persona says it: money in the ledger's currency, a day relative to the
    call's when it is near, a count as a number."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        text = f"{value:,.2f}".removesuffix(".00")
        if currency == "USD":
            return f"${text}"
        return f"{text.replace(',', '')}元" if lang == "zh" else f"¥{text}"
    if isinstance(value, date):
        return _say_date(value, lang, today)
    return str(value)


def _say_date(day: date, lang: Lang, today: date) -> str:
    if day == today:
        return "今天" if lang == "zh" else "today"
    if day == today + timedelta(days=1):
        return "明天" if lang == "zh" else "tomorrow"
    if lang == "zh":
        return f"{day.month}月{day.day}号"
    return f"{day:%B} {day.day}"
