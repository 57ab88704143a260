"""The fixed vocabularies every finding and rule draws from."""

from __future__ import annotations

from typing import Literal, get_args

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
# A spouse counts as the consumer under FDCPA 1692c(d) but cannot be verified on the phone, so
# it is its own party: the law's third-party rules do not fire for it, house policy does.
Party = Literal["debtor", "spouse", "third_party", "wrong_party", "unknown"]

# Points a finding costs in its dimension (out of 100 for that dimension).
SEVERITY_PENALTY: dict[str, float] = {"critical": 100.0, "major": 35.0, "minor": 10.0}

# Who is collecting what: the lender's kind decides which instruments bind a call (the 2011
# credit-card measures bind card issuers; the FDCPA binds third-party collectors and buyers).
Product = Literal["credit_card", "online_lending", "consumer_finance", "debt_buyer", "agency"]
PRODUCTS: tuple[Product, ...] = get_args(Product)
# How the trainee reaches the debtor; a rule may bind only some of them.
Channel = Literal["call", "sms", "chat", "visit", "letter", "voicemail"]
CHANNELS: tuple[Channel, ...] = get_args(Channel)
