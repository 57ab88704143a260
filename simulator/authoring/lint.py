"""Lint a scenario as a graph: what a trainer needs checked beyond the schema."""

from __future__ import annotations

import re

from scoring.endings import of_class
from scoring.entities import extract_amounts
from scoring.exemplars import intent_exemplars
from scoring.said import Said
from simulator.authoring.graph import edges, ending_of, live_states, reachable, state_names
from simulator.authoring.phrases import said
from simulator.engine.scenario import SPECIAL_TRIGGERS, Scenario
from simulator.engine.yamlsafe import Located, Problem

DEBT_TALK = {"state_amount", "state_overdue"}
# An intent read by meaning needs this many exemplars in the scenario's language to be read
# reliably (issue 12): fewer, and the persona will often not understand it.
MIN_EXEMPLARS = 10
# Which intent each objective needs the persona to react to.
OBJECTIVE_INTENTS = {
    "disclose_identity": "self_identify",
    "verify_identity": "verify_identity",
    "state_purpose": "state_purpose",
    "ask_reason": "ask_reason",
    "offer_plan": "offer_plan",
    "explain_channels": "explain_channels",
    "leave_callback": "leave_callback",
    "honour_dispute": "acknowledge_dispute",
    "honour_cease": "agree_stop_contact",
    "offer_claim": "offer_claim",
}


def _warn(located: Located, loc: tuple[str | int, ...], message: Said) -> Problem:
    return located.problem(loc, message, severity="warning")


def lint(scenario: Scenario, located: Located) -> list[Problem]:
    problems: list[Problem] = []
    reach = reachable(scenario, scenario.initial)
    # Exits that only rudeness (a "*" transition) or hanging up opens do not count as exits.
    outgoing = {e.source for e in edges(scenario, with_hang_up=False, with_wildcards=False)}
    names = state_names(scenario)

    for name in names:
        if name not in reach:
            key = "unreachable_ending" if ending_of(scenario, name) else "unreachable_state"
            problems.append(_warn(located, ("states", name), said(key, name=name)))
    for name in live_states(scenario):
        if name not in outgoing:
            problems.append(_warn(located, ("states", name), said("dead_end", name=name)))
    endings = {n for n in names if ending_of(scenario, n)}
    for name in live_states(scenario):
        ahead = reachable(scenario, name, with_hang_up=False, with_wildcards=False)
        if name in reach and name in outgoing and not ahead & endings:
            problems.append(
                _warn(
                    located,
                    ("states", name),
                    said("only_hang_up", name=name),
                )
            )
    reached_endings = {ending_of(scenario, n) for n in reach} - {None}
    good = set(scenario.rubric.good_endings) or of_class("promise", "success")
    if not reached_endings & good:
        problems.append(_warn(located, ("rubric",), said("no_good_ending")))
    if not reached_endings & of_class("fail"):
        problems.append(_warn(located, ("persona",), said("no_failing_ending")))
    used = {trigger for t in scenario.transitions for trigger in t.on}
    for i, objective in enumerate(scenario.objectives):
        intent = OBJECTIVE_INTENTS.get(objective)
        if intent and intent not in used:
            problems.append(
                _warn(
                    located,
                    ("objectives", i),
                    said("objective_without_intent", objective=objective, intent=intent),
                )
            )
    problems += _debt_talk_before_verification(scenario, located)
    problems += _persona_amounts(scenario, located)
    problems += _thin_intents(scenario, located)
    return problems


def _thin_intents(scenario: Scenario, located: Located) -> list[Problem]:
    """Transitions on an intent with too few exemplars in the scenario's language."""
    exemplars = intent_exemplars(scenario.lang).intents
    problems = []
    warned: set[str] = set()
    for i, transition in enumerate(scenario.transitions):
        for intent in transition.on:
            if intent in SPECIAL_TRIGGERS or intent in warned:
                continue
            found = len(exemplars.get(intent, []))
            if found < MIN_EXEMPLARS:
                warned.add(intent)
                problems.append(
                    _warn(
                        located,
                        ("transitions", i),
                        said(
                            "thin_intent",
                            intent=intent,
                            found=found,
                            lang=scenario.lang,
                            minimum=MIN_EXEMPLARS,
                        ),
                    )
                )
    return problems


def _debt_talk_before_verification(scenario: Scenario, located: Located) -> list[Problem]:
    """A transition that rewards talking about the debt before the debtor is verified."""
    unverified = _reachable_unverified(scenario)
    problems = []
    for index, t in enumerate(scenario.transitions):
        sources = set(live_states(scenario)) if "*" in t.source else set(t.source)
        if not DEBT_TALK & set(t.on) or "verified" in t.when.flags:
            continue
        if "mark_verified" in t.actions:
            continue
        if sources & unverified and t.mood >= 0:
            problems.append(
                _warn(
                    located,
                    ("transitions", index),
                    said("debt_before_verified"),
                )
            )
    return problems


def _reachable_unverified(scenario: Scenario) -> set[str]:
    """States reachable from the start without passing a transition that verifies."""
    live = set(live_states(scenario))
    seen = {scenario.initial}
    frontier = [scenario.initial]
    while frontier:
        current = frontier.pop()
        for t in scenario.transitions:
            verifies = (
                "mark_verified" in t.actions or "mark_verified" in scenario.states[t.to].on_enter
            )
            from_here = current in t.source or ("*" in t.source and current in live)
            if from_here and not verifies and t.to not in seen:
                seen.add(t.to)
                frontier.append(t.to)
    return seen


_PER_MONTH = re.compile(
    r"\s{0,3}(?:(?:a|per|each|every)\s+month\b|/\s?(?:mo|month)\b|一个月|每个?月)"
)
_PER_MONTH_BEFORE = re.compile(r"(?:每个?月|一个月)[^，。！？,.!?]{0,6}$")


def _persona_amounts(scenario: Scenario, located: Located) -> list[Problem]:
    problems = []
    spoken: list[tuple[tuple[str | int, ...], str]] = [
        (("states", name, "say"), line)
        for name, spec in scenario.states.items()
        for line in spec.say.all_lines()
    ]
    spoken += [
        (("transitions", index, "say"), line)
        for index, t in enumerate(scenario.transitions)
        if t.say is not None
        for line in t.say.all_lines()
    ]
    figures = scenario.ledger.known_amounts().values()
    budgets = scenario.persona.budget
    for loc, line in spoken:
        for mention in extract_amounts(line, approximate=True):
            # What the debtor could pay a month ("maybe two hundred a month") is the
            # persona's own budget, not a claim about the account; with a budget written,
            # the line must say it through {can_monthly} (each seed meets its own budget).
            if _PER_MONTH.match(line, mention.end) or _PER_MONTH_BEFORE.search(
                line, 0, mention.start
            ):
                if budgets and not scenario.ledger.matches(mention.value):
                    problems.append(
                        _warn(
                            located,
                            loc,
                            said("monthly_not_budget", raw=mention.raw),
                        )
                    )
                continue
            # An approximation ("五万多") is a ledger figure when it covers one.
            if mention.approx and any(mention.covers(v) for v in figures):
                continue
            if mention.approx or not scenario.ledger.matches(mention.value):
                problems.append(
                    _warn(
                        located,
                        loc,
                        said("not_ledger_figure", raw=mention.raw),
                    )
                )
    return problems
