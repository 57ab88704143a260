"""A finding: one point lost, traced to a rule and a quote."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from scoring.i18n import Bilingual
from scoring.taxonomy import Category, Dimension, Severity


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    turn: int | None  # index of the trainee turn in the transcript; None for call-level findings
    dimension: Dimension
    rule: str
    category: Category | None  # every compliance finding has one; tone/accuracy may not
    severity: Severity
    quote: str  # the trainee's whole line, verbatim
    evidence: str  # the words that triggered the finding
    message: Bilingual
    suggestion: Bilingual
    citation: str
