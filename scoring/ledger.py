"""The account facts a collector sees: the truth that accuracy is checked against."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring.schema_lines import invalid
from scoring.taxonomy import Product

CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def same_amount(said: Decimal, figure: Decimal) -> bool:
    """A figure said is that amount when it is right to the cent: the one tolerance."""
    return abs(said - figure) < CENT


class Plan(BaseModel):
    """An instalment plan the creditor allows: fee_rate is charged per month on the total."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    months: int = Field(ge=2, le=60)
    fee_rate: Decimal = Field(default=Decimal("0"), ge=0, le=Decimal("0.05"))

    def monthly_payment(self, total: Decimal) -> Decimal:
        return money(total / self.months + total * self.fee_rate)

    def total_fee(self, total: Decimal) -> Decimal:
        return money(total * self.fee_rate * self.months)


class Relief(BaseModel):
    """How much the collector may waive without escalation (fractions of each component)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_waive_interest: Decimal = Field(default=Decimal("0"), ge=0, le=1)
    max_waive_late_fee: Decimal = Field(default=Decimal("0"), ge=0, le=1)


LegalStatus = Literal["none", "possible", "lawyer_letter_sent", "filed"]


class Ledger(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    debtor: str
    creditor: str
    # Who calls: the agency (or the creditor's own collections department) and the collector
    # the trainee plays. Hints, the account card and the identity objective use them.
    agency: str = ""
    collector: str = ""
    product: str = ""  # the product's name, as the collector would say it
    # The lender's kind, which decides the rules that bind the call. Every shipped scenario names
    # it; None only in attempts stored before it existed (then every rule runs, as it did).
    product_type: Product | None = None
    account_last4: str = Field(default="", pattern=r"^\d{0,4}$")
    currency: Literal["CNY", "USD"] = "CNY"
    principal: Decimal = Field(ge=0)
    interest: Decimal = Field(default=Decimal("0"), ge=0)
    late_fee: Decimal = Field(default=Decimal("0"), ge=0)
    overdue_total: Decimal = Field(ge=0)
    minimum_payment: Decimal | None = Field(default=None, ge=0)
    due_date: date
    days_overdue: int = Field(ge=0)
    channels: list[str] = Field(min_length=1)
    plans: list[Plan] = Field(default_factory=list)
    relief: Relief = Relief()
    legal_status: LegalStatus = "none"
    # A time-barred debt may not be sued on (US Reg F); the judge reads this.
    time_barred: bool = False
    # US state of the consumer (two letters), for rules whose law differs by state.
    state: str = Field(default="", pattern=r"^(?:[A-Z]{2})?$")

    @model_validator(mode="after")
    def _total_adds_up(self) -> Ledger:
        parts = self.principal + self.interest + self.late_fee
        if money(parts) != money(self.overdue_total):
            raise invalid("ledger_total", total=self.overdue_total, parts=parts)
        return self

    def names_agency(self, text: str) -> bool:
        """The line names the agency: its full name or its first word (its short name)."""
        if not self.agency:
            return True
        said = text.casefold()
        short = self.agency.split()[0]
        return self.agency.casefold() in said or (len(short) >= 4 and short.casefold() in said)

    def matches(self, amount: Decimal) -> str | None:
        """The name of the ledger figure `amount` is (to the cent), or None."""
        return next((n for n, v in self.known_amounts().items() if same_amount(amount, v)), None)

    def known_amounts(self) -> dict[str, Decimal]:
        """Every figure a trainee may correctly quote, by name."""
        found: dict[str, Decimal] = {
            "overdue_total": self.overdue_total,
            "principal": self.principal,
        }
        if self.interest:
            found["interest"] = self.interest
        if self.late_fee:
            found["late_fee"] = self.late_fee
        if self.minimum_payment is not None:
            found["minimum_payment"] = self.minimum_payment
        for plan in self.plans:
            found[f"plan_{plan.months}_monthly"] = plan.monthly_payment(self.overdue_total)
            if plan.fee_rate:
                found[f"plan_{plan.months}_fee"] = plan.total_fee(self.overdue_total)
        if self.relief.max_waive_interest and self.interest:
            waived = money(self.interest * self.relief.max_waive_interest)
            found["relief_interest_waived"] = waived
            found["relief_total_after_waiver"] = money(self.overdue_total - waived)
        if self.relief.max_waive_late_fee and self.late_fee:
            waived_fee = money(self.late_fee * self.relief.max_waive_late_fee)
            found["relief_late_fee_waived"] = waived_fee
        return found
