"""Plain-text cards the screens show (the ledger, objectives): formatting only."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from scoring.i18n import Lang
from scoring.ledger import Ledger
from scoring.objectives import Assessed, label
from simulator.tui.strings import t


def money(value: Decimal, ledger: Ledger) -> str:
    return f"{'¥' if ledger.currency == 'CNY' else '$'}{value:,.2f}"


def account_card(ledger: Ledger, lang: Lang, local_time: datetime) -> str:
    rows = []
    if ledger.agency:  # who the trainee is: the name to give on the call
        rows.append((t("you_are", lang), f"{ledger.collector} · {ledger.agency}"))
    rows += [
        (t("debtor", lang), ledger.debtor),
        (t("creditor", lang), ledger.creditor + (f" · {ledger.product}" if ledger.product else "")),
        (t("total", lang), money(ledger.overdue_total, ledger)),
        (t("principal", lang), money(ledger.principal, ledger)),
        (t("interest", lang), money(ledger.interest, ledger)),
        (t("late_fee", lang), money(ledger.late_fee, ledger)),
    ]
    if ledger.minimum_payment is not None:
        rows.append((t("minimum", lang), money(ledger.minimum_payment, ledger)))
    rows += [
        (t("due", lang), ledger.due_date.isoformat()),
        (t("days", lang), str(ledger.days_overdue)),
        (t("channels", lang), ", ".join(ledger.channels)),
    ]
    for plan in ledger.plans:
        rows.append(
            (
                t("plans", lang),
                t(
                    "plan_fmt",
                    lang,
                    m=plan.months,
                    p=money(plan.monthly_payment(ledger.overdue_total), ledger),
                ),
            )
        )
    if ledger.relief.max_waive_interest or ledger.relief.max_waive_late_fee:
        rows.append(
            (
                t("relief", lang),
                f"{t('interest', lang)} {ledger.relief.max_waive_interest:.0%} · "
                f"{t('late_fee', lang)} {ledger.relief.max_waive_late_fee:.0%}",
            )
        )
    rows += [
        (t("legal", lang), t(f"legal_{ledger.legal_status}", lang)),
        (t("local_time", lang), local_time.strftime("%Y-%m-%d %H:%M")),
    ]
    return "\n".join(f"{label}: {value}" for label, value in rows)


MARKS = {"met": "☑", "pending": "☐", "missed": "☒", "impossible": "⊘"}


def objectives_card(objectives: list[Assessed], lang: Lang) -> str:
    return "\n".join(f"{MARKS[o.status]} {label(o.name).get(lang)}" for o in objectives)
