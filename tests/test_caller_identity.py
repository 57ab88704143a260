"""Every US scenario says who the trainee is: the hint for the identity step, the account
card and the identity objective use the ledger's agency and collector (issue 16, item 7)."""

from __future__ import annotations

import pytest

from simulator.engine.catalog import load_catalog
from simulator.engine.hints import suggest
from simulator.engine.reporting import report_for
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session
from simulator.tui.cards import account_card

US = [e.scenario for e in load_catalog()[0] if e.scenario.jurisdiction == "US"]


def test_there_are_six_us_scenarios() -> None:
    assert len(US) == 6


@pytest.mark.parametrize("scenario", US, ids=[s.id for s in US])
def test_the_identity_hint_names_the_ledgers_agency_and_collector(scenario: Scenario) -> None:
    ledger = scenario.ledger
    assert ledger.agency and ledger.collector
    hint = suggest(Session(scenario))  # nothing said yet: the first hint is who you are
    assert hint == f"Hello, this is {ledger.collector} with {ledger.agency}."
    assert ledger.agency.split()[0] in scenario.summary.en  # the brief's own agency
    card = account_card(ledger, "en", scenario.call.local_time)
    assert card.splitlines()[0] == f"You are: {ledger.collector} · {ledger.agency}"


def test_naming_the_creditor_instead_of_the_agency_does_not_meet_the_objective() -> None:
    scenario = next(s for s in US if s.id == "us-cease-request")
    for line, met in [
        ("Hello, this is Alex from Keystone Wireless.", False),
        ("Hello, this is Alex Chen with Bayline Recovery Partners.", True),
    ]:
        session = Session(scenario)
        session.say(line)
        session.end()
        report = report_for(session.transcript)
        identity = next(o for o in report.objectives if o.name == "disclose_identity")
        assert identity.met is met, line


def test_a_us_scenario_without_its_agency_is_refused() -> None:
    from pydantic import ValidationError

    scenario = US[0]
    data = scenario.model_dump()
    data["ledger"]["agency"] = ""
    with pytest.raises(ValidationError, match="names the agency"):
        Scenario.model_validate(data)


@pytest.mark.parametrize("scenario", US, ids=[s.id for s in US])
def test_rewrites_name_the_ledgers_people_not_the_packs_samples(scenario: Scenario) -> None:
    """The report's rewrite for a caller who did not say who they were read "Hi, this is Alex
    Chen with Acme Recovery Services." on a Bayline Recovery Partners call: another company."""
    ledger = scenario.ledger
    session = Session(scenario)
    session.say("I'm calling about the money you owe.")  # no name, no agency, no mini-Miranda
    session.end()
    findings = report_for(session.transcript).findings
    identity = [f for f in findings if f.rule == "US-FDCPA-CALLER-IDENTITY"]
    # Where a spouse answers, the line is said to a third party: other rules apply.
    assert len(identity) == (0 if scenario.id == "us-spouse-answers" else 1)
    for f in identity:
        assert f.suggestion.en == f"Hi, this is {ledger.collector} with {ledger.agency}."
        assert f.suggestion.zh == f"您好，我是 {ledger.agency} 的 {ledger.collector}。"
    for f in findings:
        for text in (f.suggestion.en, f.suggestion.zh):
            assert "Acme" not in text or "Acme" in ledger.agency + ledger.creditor, text
            assert "Jordan" not in text or "Jordan" in ledger.debtor, text
