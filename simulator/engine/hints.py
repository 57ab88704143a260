"""Hints: a good next line for the trainee, from data and the scenario's ledger."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from scoring.data_files import load_yaml
from scoring.ledger import Ledger
from simulator.engine.session import Session

DATA = Path(__file__).parent / "data" / "hints.yaml"


@cache
def _hints() -> list[dict[str, object]]:
    loaded = load_yaml(DATA)
    hints = loaded["hints"]
    assert isinstance(hints, list)
    return hints


def _values(ledger: Ledger, lang: str) -> dict[str, str]:
    plan = ledger.plans[0] if ledger.plans else None
    joiner = "、" if lang == "zh" else ", "
    return {
        "debtor": ledger.debtor,
        "creditor": ledger.creditor,
        # Who the trainee is: a hint never gives a business name other than the caller's.
        "agency": ledger.agency or ledger.creditor,
        "collector": ledger.collector or ("客服专员" if lang == "zh" else "Alex"),
        "total": f"{ledger.overdue_total:,.2f}",
        "days": str(ledger.days_overdue),
        "due": ledger.due_date.isoformat(),
        "channels": joiner.join(ledger.channels),
        "plan_months": str(plan.months) if plan else "",
        "plan_monthly": f"{plan.monthly_payment(ledger.overdue_total):,.2f}" if plan else "",
    }


def suggest(session: Session) -> str:
    """The line for the first hint whose intents the trainee has not used yet."""
    said = {intent for turn in session.transcript.trainee_turns() for intent in turn.intents}
    lang = session.scenario.lang
    values = _values(session.scenario.ledger, lang)
    for hint in _hints():
        unless = hint["unless"]
        assert isinstance(unless, list)
        if not said.intersection(unless) or not unless:
            if not session.scenario.ledger.plans and "plan_months" in str(hint[lang]):
                continue
            return str(hint[lang]).format(**values)
    return ""
