"""The fixed registry of engine actions a scenario may name.

A scenario names actions as plain words; only these exist. Nothing in a scenario file is
ever resolved as an import path or attribute name.
"""

from __future__ import annotations

from collections.abc import Callable

Flags = set[str]

# Each action switches on one context flag that the judge and the persona read.
_FLAG_ACTIONS: dict[str, str] = {
    "mark_verified": "verified",
    "raise_dispute": "dispute_raised",
    # A written dispute within the validation period is what stops US collection (1692g(b)).
    "raise_dispute_in_writing": "dispute_written",
    # A cease request names a medium (Reg F 1006.14(h)(1) bars only that one): an oral
    # "stop calling me", or an opt-out of texts or of email.
    "request_cease": "cease_requested",
    "opt_out_texts": "opted_out_texts",
    "opt_out_email": "opted_out_email",
    "request_cease_in_writing": "cease_written",
    "announce_attorney": "attorney_represented",
    "disclose_hardship": "hardship",
    "forbid_work_calls": "work_contact_forbidden",
    "say_inconvenient": "inconvenient_time",
    # The debtor asked to be called at this hour: CBA 2026 and GB/T 45251-2025 allow agreed times.
    "agree_contact_time": "agreed_contact_time",
    "record_promise": "promise_recorded",
}


def _setter(flag: str) -> Callable[[Flags], None]:
    def apply(flags: Flags) -> None:
        flags.add(flag)

    return apply


ACTIONS: dict[str, Callable[[Flags], None]] = {
    name: _setter(flag) for name, flag in _FLAG_ACTIONS.items()
}
ACTION_NAMES: frozenset[str] = frozenset(ACTIONS)
# Flags that are duties for the judge (passed on in each turn's context).
CONTEXT_FLAGS: frozenset[str] = frozenset(_FLAG_ACTIONS.values()) - {"verified"}
