"""Which of a scenario's objectives a call met, from the trainee's analysed lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scoring.analysis import Analysis
from scoring.findings import Finding
from scoring.i18n import Bilingual
from scoring.ledger import Ledger

LABELS: dict[str, Bilingual] = {
    "disclose_identity": Bilingual(zh="表明身份和机构", en="Say who you are and for whom"),
    "verify_identity": Bilingual(zh="核实对方是否本人", en="Verify the right party"),
    "state_purpose": Bilingual(zh="说明来电目的", en="State the purpose of the call"),
    "state_amount": Bilingual(zh="准确告知欠款金额", en="State the exact amount owed"),
    "explain_channels": Bilingual(zh="告知还款渠道", en="Explain how to pay"),
    "ask_reason": Bilingual(zh="了解逾期原因", en="Ask why the payment was missed"),
    "show_empathy": Bilingual(zh="表达理解和共情", en="Show empathy"),
    "offer_plan": Bilingual(zh="提供可行的还款方案", en="Offer a feasible plan"),
    "get_promise_to_pay": Bilingual(
        zh="取得还款承诺或达成方案", en="Get a promise or agree a plan"
    ),
    "leave_callback": Bilingual(zh="请第三方转告回电", en="Leave a callback request"),
    "no_disclosure": Bilingual(zh="不向第三方透露债务", en="Disclose nothing to third parties"),
    "honour_dispute": Bilingual(zh="受理并核实异议", en="Log and look into the dispute"),
    "honour_cease": Bilingual(zh="尊重停止联系的要求", en="Honour the request to stop calling"),
    "offer_claim": Bilingual(zh="协助保险/担保理赔", en="Help with the insurance claim"),
    "close_politely": Bilingual(zh="礼貌结束通话", en="Close the call politely"),
    "write_call_note": Bilingual(zh="写好通话小结", en="Write an accurate call note"),
}

PROMISE_ENDINGS = frozenset({"promise_to_pay", "plan_agreed"})


def _said(intent: str) -> Callable[[Sequence[Analysis]], bool]:
    return lambda lines: any(a.has(intent) for a in lines)


_BY_INTENT: dict[str, str] = {
    "disclose_identity": "self_identify",
    "verify_identity": "verify_identity",
    "state_purpose": "state_purpose",
    "explain_channels": "explain_channels",
    "ask_reason": "ask_reason",
    "offer_plan": "offer_plan",
    "leave_callback": "leave_callback",
    "honour_dispute": "acknowledge_dispute",
    "honour_cease": "agree_stop_contact",
    "offer_claim": "offer_claim",
}


def objective_met(
    name: str,
    lines: Sequence[Analysis],
    findings: Sequence[Finding],
    ending: str | None,
    ledger: Ledger,
) -> bool:
    if name in _BY_INTENT:
        return _said(_BY_INTENT[name])(lines)
    if name == "state_amount":
        known = ledger.known_amounts().values()
        return any(abs(m.value - k) < 0.01 for a in lines for m in a.amounts for k in known)
    if name == "show_empathy":
        return any(
            a.has("empathize") or any(m.kind == "empathy" for m in a.tone.markers) for a in lines
        )
    if name == "get_promise_to_pay":
        return ending in PROMISE_ENDINGS
    if name == "no_disclosure":
        return not any(f.category == "third_party_disclosure" for f in findings)
    if name == "write_call_note":
        note_errors = {"NOTE-MISSING", "NOTE-OUTCOME", "NOTE-PROMISE", "NOTE-FIGURE", "NOTE-DATE"}
        return not any(f.rule in note_errors for f in findings)
    if name == "close_politely":
        return any(a.has("close") or a.has("thank") for a in lines[-2:])
    raise KeyError(name)
