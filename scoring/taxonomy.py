"""The fixed vocabularies every finding and rule draws from."""

from __future__ import annotations

from typing import Literal

Category = Literal[
    "threat_arrest_jail",
    "threat_violence",
    "threat_lawsuit_false",
    "threat_credit_false",
    "impersonate_authority_or_lawyer",
    "third_party_disclosure",
    "contact_employer_family_harass",
    "profanity_insult",
    "humiliation_public_shaming",
    "false_amount_or_fees",
    "time_or_frequency_harassment",
    "refuse_dispute_or_validation",
    "missing_disclosure",
    "privacy_before_verification",
    "unfair_pressure",
]

Severity = Literal["critical", "major", "minor"]
Dimension = Literal["tone", "accuracy", "compliance", "outcome"]
Party = Literal["debtor", "third_party", "wrong_party", "unknown"]

# Points a finding costs in its dimension (out of 100 for that dimension).
SEVERITY_PENALTY: dict[str, float] = {"critical": 100.0, "major": 35.0, "minor": 10.0}
