"""The debtor persona: a pytransitions Machine built from a scenario.

Triggers are the trainee's intents. Conditions and callbacks are closures built here from
the scenario's data and the fixed action registry, never names that transitions resolves.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from transitions import EventData, Machine

from scoring.analysis import Analysis
from scoring.i18n import Lang
from scoring.objectives import shows_empathy
from scoring.tone import Tone
from simulator.engine.actions import ACTIONS
from simulator.engine.memory import Memory
from simulator.engine.negotiation import Negotiation, pick_budget, plan_counts
from simulator.engine.policy import HandledWell, policy
from simulator.engine.scenario import (
    PLACEHOLDER,
    Condition,
    MoodLines,
    Scenario,
    StateSpec,
    TransitionSpec,
)
from simulator.engine.stock_lines import stock_bands, stock_lines

HANG_UP = "hang_up"
HUNG_UP_STATE = "hung_up"


@cache
def _stock_mood_lines(lang: Lang, kind: str) -> MoodLines:
    """A kind's stock lines as mood bands, validated once (not on every reply)."""
    return MoodLines.model_validate(stock_bands(lang, kind))


@cache
def _addressing(words: tuple[str, ...], follows: str) -> re.Pattern[str]:
    """A form of address at the start of a line, said as one (大爷您好, 叔，…, 阿姨没事: what
    may follow is the policy's `bystanders.follows` for the language), not a mention
    (阿姨那边…)."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^(?:{alternation})(?:{follows})")


@cache
def _seeking(name: str, seeking: str) -> re.Pattern[str]:
    """The debtor sought by name in the third person: the full name, or the given name
    (the name without a one-character Chinese surname, or an English first name)."""
    forms = {name.lower()}
    if " " in name:
        forms.add(name.split()[0].lower())
    elif len(name) >= 3:
        forms.add(name[1:])
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"{seeking}(?:{alternation})", re.IGNORECASE)


def mood_change_from_tone(tone: Tone, temper: float) -> int:
    """Warmth lifts the mood a little; rudeness drops it a lot (scaled by the persona's temper)."""
    mood = policy().mood
    if tone.score >= 0:
        return min(mood.warm_cap, tone.score // mood.warm_step)
    return max(-mood.rude_cap, round(tone.score * mood.rude_factor * temper))


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    state: str
    mood: int
    trigger: str | None  # the intent that moved the persona, None if it stayed put
    resisted: bool
    ending: str | None
    # say (a state's own line), resist, unexpected (understood, not usable here), settled (only
    # repeats a fact already settled in the call), aside (said to someone else) or confused
    kind: str = "say"


class _Model:
    """What the Machine drives; kept bare so intent names never clash with attributes."""

    state: str
    trigger: Callable[..., bool]  # added by the Machine


class Persona:
    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.seed = seed
        self.mood = scenario.persona.mood
        self.flags: set[str] = set()
        self.states: dict[str, StateSpec] = dict(scenario.states)
        self.hung_up_state = self._hang_up_target()
        self.difficulty = policy().difficulty[scenario.difficulty]
        self._resisted: dict[int, int] = {}
        self._resist_needed = self._resistance_plan()
        self._fired: TransitionSpec | None = None
        self._resisted_edges: set[int] = set()  # concessions refused in this line
        # Concessions refused in earlier lines, still open while the persona stays where it
        # refused them: a line that insists (policy: difficulty.insist) asks for them again.
        self._refused: list[int] = []
        self._last_line = ""  # no line is said twice in a row
        self._plan_months = {plan.months for plan in scenario.ledger.plans}
        self._triggers: dict[str, set[str]] = {}
        self._moving: set[tuple[str, str]] = set()  # (state, intent) with an edge out of the state
        self._edges: dict[tuple[str, str], list[int]] = {}  # (state, intent): its edges in order
        # Acts the trainee has done that moved nothing yet: (line number, intent, its line).
        self._acts: list[tuple[int, str, Analysis]] = []
        self._lines_heard = 0
        self._done: set[str] = set()  # intents that have moved the persona in this call
        self._disclosed = False  # the line being answered told a third party about the debt
        self._insisted = False  # the line's move asked again for a concession refused before
        self.memory = Memory(scenario.ledger, scenario.lang)
        self.budget = pick_budget(scenario, seed)
        self.deal = Negotiation(scenario.ledger, self.budget, scenario.call.local_time.date())
        self.model = _Model()
        self.machine = Machine(
            model=self.model,
            states=list(self.states),
            initial=scenario.initial,
            auto_transitions=False,
            ignore_invalid_triggers=True,
            send_event=True,
        )
        self._build_transitions()

    # -- construction -----------------------------------------------------------------------

    def _hang_up_target(self) -> str:
        for name, spec in self.states.items():
            if spec.ending == "hung_up":
                return name
        self.states[HUNG_UP_STATE] = StateSpec(
            say=MoodLines(calm=stock_lines(self.scenario.lang, "hung_up")), ending="hung_up"
        )
        return HUNG_UP_STATE

    def _resistance_plan(self) -> dict[int, int]:
        """How many times each concession is refused first (by the difficulty's policy and seed)."""
        rng = random.Random(f"{self.seed}:resistance")
        choices = self.difficulty.resist
        return {
            index: rng.choice(choices)
            for index, t in enumerate(self.scenario.transitions)
            if t.concession
        }

    def _live_states(self) -> list[Any]:
        return [name for name, spec in self.states.items() if spec.ending is None]

    def _build_transitions(self) -> None:
        live = self._live_states()
        for index, spec in enumerate(self.scenario.transitions):
            sources: list[Any] = live if "*" in spec.source else list(spec.source)
            for trigger in spec.on:
                for source in sources:
                    self._triggers.setdefault(source, set()).add(trigger)
                    self._edges.setdefault((source, trigger), []).append(index)
                    if spec.to != source:
                        self._moving.add((source, trigger))
                self.machine.add_transition(
                    trigger=trigger,
                    source=sources,
                    dest=spec.to,
                    conditions=[self._condition(index, spec)],
                    after=[self._effects(spec)],
                )
        self.machine.add_transition(trigger=HANG_UP, source=live, dest=self.hung_up_state)

    def _condition(self, index: int, spec: TransitionSpec) -> Any:
        def allowed(event: EventData) -> bool:
            if self._resisted_edges and index not in self._resisted_edges:
                # A concession refused in this line is the answer to it: no other edge (for
                # another intent the line has) moves the persona past the refusal.
                return False
            analysis: Analysis = event.kwargs["analysis"]
            if not self._holds(spec.when, analysis):
                return False
            if spec.concession and not self._concedes(index, analysis):
                self._resisted_edges.add(index)
                return False
            return True

        return allowed

    def _effects(self, spec: TransitionSpec) -> Any:
        def apply(event: EventData) -> None:
            self._fired = spec
            self._done.add(event.event.name)
            for name in spec.actions:
                ACTIONS[name](self.flags)
            self.flags.update(spec.set_flags)
            self.mood = max(0, min(100, self.mood + spec.mood))

        return apply

    # -- rules of behaviour -----------------------------------------------------------------

    def _holds(self, when: Condition, analysis: Analysis) -> bool:
        if when.mood_at_least is not None and self.mood < when.mood_at_least:
            return False
        if when.mood_below is not None and self.mood >= when.mood_below:
            return False
        if not self.flags.issuperset(when.flags) or self.flags.intersection(when.not_flags):
            return False
        if when.feasible_plan is not None and self._feasible_plan(analysis) != when.feasible_plan:
            return False
        if when.offer is not None and (self.deal.verdict or "none") not in when.offer:
            return False
        if (
            when.day_only is not None
            and (self.deal.verdict == "counter" and self.deal.day_only) != when.day_only
        ):
            return False
        if when.amount_said is not None and bool(analysis.amounts) != when.amount_said:
            return False
        if when.capacity_asked is not None and (self.deal.asked is not None) != when.capacity_asked:
            return False
        if not self.memory.told(when.told) or self.memory.told_any(when.not_told):
            return False
        if when.disclosed is not None and self._disclosed != when.disclosed:
            return False
        return when.correct_amount is None or self._correct_amount(analysis) == when.correct_amount

    def _infeasible_plan(self, analysis: Analysis) -> bool:
        """The line names a number of instalments the ledger does not allow."""
        return any(n not in self._plan_months for n in plan_counts(analysis))

    def _feasible_plan(self, analysis: Analysis) -> bool:
        """The line names instalment counts the ledger allows; a line that names none refers
        to the plan already on the table ("the plan you picked"), if there is one."""
        counts = plan_counts(analysis)
        if not counts:
            return self.deal.plan_talked and self.deal.terms.months in self._plan_months
        return all(n in self._plan_months for n in counts)

    def _correct_amount(self, analysis: Analysis) -> bool:
        return bool(analysis.amounts) and all(
            self.scenario.ledger.matches(a.value) is not None for a in analysis.amounts
        )

    def _handled_well(self, analysis: Analysis, needs: HandledWell) -> bool:
        """A line good enough for a persona that yields only to good handling."""
        return (
            (not needs.empathy_shown or "empathy_shown" in self.flags)
            and self.mood >= needs.min_mood
            and (not needs.clean_tone or analysis.tone.score >= 0)
            and (not needs.feasible_plan or not self._infeasible_plan(analysis))
        )

    def _concedes(self, index: int, analysis: Analysis) -> bool:
        needs = self.difficulty.handled_well
        if needs is not None and not self._handled_well(analysis, needs):
            return False
        seen = self._resisted.get(index, 0)
        if self._own_day_granted(index):
            return True
        if seen < self._resist_needed[index]:
            self._resisted[index] = seen + 1
            return False
        return True

    def _own_day_granted(self, index: int) -> bool:
        """A payment asked on the persona's own day (`difficulty.own_day_refusals`), after it
        has refused payments that many times: it does not refuse the day it named itself."""
        cap = self.difficulty.own_day_refusals
        proposing = set(policy().negotiation.proposing)
        if cap is None or not set(self.scenario.transitions[index].on) & proposing:
            return False
        refused = sum(
            n for i, n in self._resisted.items() if set(self.scenario.transitions[i].on) & proposing
        )
        return refused >= cap and self.deal.on_own_day()

    # -- one turn -------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self.model.state

    @property
    def ended(self) -> str | None:
        return self.states[self.state].ending

    def opening_line(self) -> str:
        return self._line(self.states[self.state].say, "open", 0, "say")

    def respond(self, analysis: Analysis, turn: int, *, disclosed: bool = False) -> Reply:
        """The persona's answer to one line; `disclosed`: the judge found that the line tells
        a third party about the debt."""
        self._fired = None
        self._insisted = False
        self._disclosed = disclosed
        self._resisted_edges.clear()
        self.memory.hear(analysis)
        self.deal.hear(analysis)
        if shows_empathy(analysis, self.scenario.ledger):
            self.flags.add("empathy_shown")
        change = mood_change_from_tone(analysis.tone, self.scenario.persona.temper)
        self.mood = max(0, min(100, self.mood + change))
        self._lines_heard += 1
        before = self.state
        aside = self._to_bystander(analysis)
        counts = dict(self._resisted)  # refusals so far, before this line's
        trigger = (
            self._fire(analysis)
            if self.mood >= self.scenario.persona.hangs_up_below and not aside
            else None
        )
        if trigger is None and self._resisted_edges and not aside:
            trigger = self._leaves_anyway(analysis)
        refused_there = False
        if trigger is None and self._resisted_edges and not aside:
            trigger, refused_there = self._soothed_first(analysis, counts)
        if trigger is not None and self.state != before and self.ended is None:
            trigger, reheard_refused = self._reheard(trigger, analysis)
            refused_there = refused_there or reheard_refused
        if trigger is not None and self.state != before and self.ended is None:
            trigger = self._confirmed(trigger, analysis)
        if trigger is not None and self.state != before and self.ended is None:
            trigger = self._then_the_day(trigger, analysis)
        if trigger is not None and self.state != before and self.ended is None:
            trigger, asked_refused = self._then_asked(trigger, analysis)
            refused_there = refused_there or asked_refused
        if trigger is not None and self.state != before and self.ended is None:
            trigger = self._closed(trigger, analysis)
        # A refusal stays open while the persona is somewhere the refused concession can still
        # be granted: an answer in passing (how to pay, from "explains" back to "facts_heard")
        # does not take the refused offer off the table; a move past it does.
        self._refused = [i for i in self._refused if self._applies_here(i)]
        self._refused += [i for i in sorted(self._resisted_edges) if i not in self._refused]
        earlier = list(self._acts)  # acts of earlier lines (this line's own are not carried)
        refused = {n for i in self._resisted_edges for n in self.scenario.transitions[i].on}
        if not aside:  # what was said to someone else is no act towards the debtor
            self._remember(analysis, spent={trigger or "", *refused})
        if trigger is not None and self.state != before and self.ended is None:
            # This line's acts the state it was said in has no edge for at all are carried too:
            # said on a line of their own first, they would have been remembered unanswered
            # ("投诉的事我给您记下了，您是林晓燕本人吧？": the complaint logged, then the check).
            unheard = self._triggers.get(before, set())
            own = [a for a in self._acts if a[0] == self._lines_heard and a[1] not in unheard]
            self._carry_over(trigger, analysis, [a for a in earlier if a in self._acts] + own)
        if self.ended is None and self.mood < self.scenario.persona.hangs_up_below:
            self.model.trigger(HANG_UP)
            trigger = HANG_UP
        spec = self.states[self.state]
        if trigger is not None:
            for name in spec.on_enter:
                ACTIONS[name](self.flags)
        if aside and trigger is None:
            kind, lines = "aside", self._stock("aside")
        elif trigger is None and not self._resisted_edges and self._settled(analysis):
            kind, lines = "settled", self._stock("settled")
        else:
            kind, lines = self._reply_lines(spec, trigger, understood=bool(analysis.intents))
        text = self._line(lines, self.state, turn, kind)
        if refused_there:  # what the move said, then the refusal of the line's offer there
            kind = "resist"
            text += self._line(spec.resist or self._stock("resist"), self.state, turn, kind)
        return Reply(
            text=text,
            state=self.state,
            mood=self.mood,
            trigger=trigger,
            resisted=bool(self._resisted_edges) and trigger is None,
            ending=self.ended,
            kind=kind,
        )

    def _settled(self, analysis: Analysis) -> bool:
        """The line only does again what is already done in this call (who calls, the check
        of who answers, the amount, how to pay: `memory.settled`), to the debtor: the persona
        says so and waits, instead of answering as if it were off the point."""
        names = {hit.name for hit in analysis.intents}
        return (
            bool(names)
            and names <= self._done.intersection(policy().memory.settled)
            and self.states[self.state].party == "debtor"
            and self.ended is None
        )

    def _to_bystander(self, analysis: Analysis) -> bool:
        """The line opens by addressing someone else who is there (`persona.bystanders`: 大爷您好，
        叔，…) while the debtor is on: it is said to them, not to him."""
        words = self.scenario.persona.bystanders
        if not words or self.states[self.state].party != "debtor":
            return False
        follows = policy().bystanders.follows.get(self.scenario.lang)
        if follows is None:
            return False
        if _addressing(tuple(words), follows).match(analysis.norm) is not None:
            return True
        seeking = policy().bystanders.seeking.get(self.scenario.lang)
        if seeking is None or "verified" not in self.flags:
            return False
        return _seeking(self.scenario.persona.name, seeking).search(analysis.norm) is not None

    def _fire(self, analysis: Analysis) -> str | None:
        """The first intent this state accepts moves the persona: those the state prefers
        first, then one that can take the call on before one the state only answers in place
        (in "thanks, can you confirm your date of birth?" the check moves the call and the
        thanks does not, whichever the line says first), and within each what the wording
        says before what the line means. What the line means only counts where its wording
        moves nothing here: where the wording has an edge out of this state, the wording's
        intents are all tried first, and the meaning's only when none of them holds."""
        valid = self._triggers.get(self.state, set())
        prefer = self.states[self.state].prefer
        asks = set(policy().steps.asks)
        # A courtesy tagged on (a thanks) is no wording that moves: the line's act is still heard.
        courtesies = set(policy().steps.courtesies)
        moves = any(
            (self.state, hit.name) in self._moving
            for hit in analysis.intents
            if not hit.by_meaning and hit.name not in courtesies
        )
        # A question or commitment asked for counts with the wording even when read by meaning.
        late = {hit.name for hit in analysis.intents if hit.by_meaning and hit.name not in asks}
        closings = set(policy().steps.closings)
        # Asked what the debtor can pay, with no plan named: the question is heard first.
        capacity = policy().negotiation.capacity_intent
        answers = capacity if self.deal.asked and not plan_counts(analysis) else None
        # A goodbye beside another act that moves the persona ("那就12期，第一期10号，拜拜") is
        # heard after it (`_closed`), worded or not: the deal first, then the leave-taking.
        leaving = set(policy().steps.closes_after) | courtesies
        others_move = any(
            (self.state, hit.name) in self._moving
            for hit in analysis.intents
            if hit.name not in leaving
        )
        hits = sorted(
            analysis.intents,
            key=lambda hit: (
                hit.name not in prefer,
                answers is not None and hit.name != answers,
                others_move and hit.name in leaving,
                moves and hit.name in late,
                (self.state, hit.name) not in self._moving,
                hit.name in closings and hit.by_meaning,
                hit.by_meaning,
            ),
        )
        # Where the wording moves, what the line means is tried only if the wording's intents
        # drew nothing, not even a refusal (one refusal answers the line).
        meaning_after = {hit.name for hit in hits if moves and hit.name in late} - {
            hit.name for hit in hits if not hit.by_meaning
        }
        names = [hit.name for hit in hits]
        # A line that insists but makes no move of its own kind here (how to pay said with
        # "那就15号，行吧") asks the refused concession again before its other acts move the
        # persona; one that offers something new here is heard as that offer first.
        insist = set(self.difficulty.insist) | set(self.difficulty.soothe)
        offers = any(n in insist and (self.state, n) in self._moving for n in names)
        # A line that only soothes (no offer restated) but takes another step of its own here
        # ("您跟女儿商量好，我再打给您") is heard as that step: it answers the worry another way.
        # A goodbye is no such step (heard after the line's other acts, `_closed`).
        if not set(names) & set(self.difficulty.insist):
            other = set(names) - insist - set(policy().steps.closes_after)
            offers = offers or any(self._steps_on(n, analysis) for n in other)
        insisted = False
        for name in [*(names or ["unrecognised"]), "any"]:
            if name in meaning_after and self._resisted_edges:
                return None
            if not insisted and (
                name == "any"
                or (self.state, name) not in self._moving
                or (not offers and name not in insist)
            ):
                # Before anything answered in place: a refused concession asked again.
                insisted = True
                again = self._insist(analysis)
                self._insisted = again is not None
                if again is not None or self._resisted_edges:
                    return again  # refused again: one refusal answers the line
            if name in valid and self.model.trigger(name, analysis=analysis):
                return name
        return self._recap_proposes(analysis, names)

    def _recap_proposes(self, analysis: Analysis, names: list[str]) -> str | None:
        """A line that confirms terms nobody has put on the table here yet ("那就说定了15号还
        3423.75"), or offers what this state no longer takes, proposes its figures: where the
        state takes neither, but takes the offer the figures make (instalments: a plan; a
        date or an amount: a payment date), the line is heard as that offer, answered by the
        budget like any other."""
        steps = policy().steps
        offering = {*steps.confirms, *steps.proposes}
        if self._resisted_edges or not set(names) & offering:
            return None
        # Another act of the line that this state takes but did not take (its condition did
        # not hold) is the line's answer; a confirmation or offer whose edge here wants other
        # figures ("十五号当天还，行不行" with no sum, where a recap needs the right sum) is
        # still heard as the offer its figures make.
        if any((self.state, n) in self._moving for n in names if n not in offering):
            return None
        plan = any(c.kind == "instalments" for c in analysis.counts)
        # A plan restated with its first day where the plan is already taken ("12期，第一期
        # 12月5号，行不行" once he agreed to it) proposes the day.
        offers = [
            offer
            for offer, named in (
                ("offer_plan", plan),
                ("ask_payment_date", bool(analysis.dates or analysis.amounts) or not plan),
            )
            if named and offer in steps.proposes and (self.state, offer) in self._moving
        ]
        if not (plan or analysis.dates or analysis.amounts) or not offers:
            return None
        if self.model.trigger(offers[0], analysis=analysis):
            return offers[0]
        return None

    def _reheard(self, fired: str, analysis: Analysis) -> tuple[str, bool]:
        """After an edge marked `rehear`, the line is heard again from the state it reached
        (an offer made while he reads his receipt is answered once he has realised). Returns
        the trigger that answers the line, and whether the state reached refused it there."""
        first = self._fired
        steps = policy().steps
        offers = tuple(
            hit for hit in analysis.intents if hit.name in {*steps.proposes, *steps.confirms}
        )
        if first is None or not first.rehear or not offers:
            return fired, False
        # Only the line's offers: its other acts were the occasion of the move.
        again = self._fire(dataclasses.replace(analysis, intents=offers))
        if again is not None:
            return again, False
        self._fired = first
        return fired, bool(self._resisted_edges)

    def _confirmed(self, fired: str, analysis: Analysis) -> str:
        """An offer confirmed in the line that makes it ("那就按6期办，就这么定了") takes the
        confirming step too, from the state the offer reached: where that state accepts the
        confirmation, along an edge that costs no mood, and the persona took the figures as
        offered (a counter or a refusal is heard first). The first step's reply is replaced
        by the second's."""
        steps = policy().steps
        # Only a confirmation the wording says: by meaning alone, an offer's "您看可以吗" reads
        # much like one.
        said = {hit.name for hit in analysis.intents if not hit.by_meaning}
        if fired not in steps.proposes or self.deal.verdict in ("counter", "refuse"):
            return fired
        first = self._fired
        for name in steps.confirms:
            if name == fired or name not in said:
                continue
            edges = [self.scenario.transitions[i] for i in self._edges.get((self.state, name), [])]
            here = self.state
            if not edges or any(edge.mood < 0 or edge.to == here for edge in edges):
                continue
            if self.model.trigger(name, analysis=analysis):
                return name
            self._fired = first
        return fired

    def _then_the_day(self, fired: str, analysis: Analysis) -> str:
        """A day proposed beside an offer that moved the persona ("可以分6期，第一期月底还，
        您看行吗"), or in a line that insisted on an offer refused before ("第一期您看放哪天？
        月底可以吗"), is heard next from the state the offer reached: where that state takes
        the day on an edge that holds, leaves it, costs no mood and is no concession, and the
        persona did not refuse the figures. Its reply replaces the offer's, which would ask
        for the day the line has just named."""
        steps = policy().steps
        if not (fired in steps.proposes or self._insisted) or self.deal.day is None:
            return fired
        if self.deal.verdict == "refuse":
            return fired
        for name in steps.dated_after:
            if name == fired or name not in analysis.intent_names:
                continue
            if self._moves_on(name, analysis):
                return name
        return fired

    def _then_asked(self, fired: str, analysis: Analysis) -> tuple[str, bool]:
        """A question of `steps.asked_after` asked beside the statement that moved the persona
        ("手机银行都能还，那您哪天能还上？") is heard next, from the state the statement reached,
        where that state's first edge for it that holds leaves it and costs no mood; not after
        a step that cost mood (an objection answers the line) or an offer (its figures were
        answered). The question's edge hears the line's figures (a counter, say). Its reply
        replaces the statement's, which would leave the question unanswered. A concession the
        question asks for may be refused there, as it would be were the question said next:
        the statement's reply, then the refusal (the second value)."""
        steps = policy().steps
        # After an offer the figures were answered (`_then_the_day` hears a day beside it).
        done = {"any", "unrecognised", *steps.asked_after, *steps.proposes, *steps.confirms}
        if fired in done:
            return fired, False
        first = self._fired
        if first is None or first.mood < 0 or self._resisted_edges:
            return fired, False
        for name in steps.asked_after:
            if name not in analysis.intent_names or not self._leads_on(name, analysis):
                continue
            if self.model.trigger(name, analysis=analysis):
                return name, False
            self._fired = first
            return fired, bool(self._resisted_edges)
        return fired, False

    def _soothed_first(self, analysis: Analysis, counts: dict[int, int]) -> tuple[str | None, bool]:
        """Understanding or an apology (`steps.soothes_first`) in a line whose offer the persona
        refused here is heard first, as if said on its own line: where its first edge that
        holds leaves the state for a live one, is no concession and costs no mood, the refusal
        is undone (`counts`: the refusals before this line), the soothing step taken, and the
        line's other acts weighed from the state it reached. Returns the trigger that answers
        the line, and whether the offer was refused there too (the soothing step's reply, then
        the refusal)."""
        said = analysis.intent_names
        for name in policy().steps.soothes_first:
            if name not in said:
                continue
            edge = self._onward(name, analysis)
            if edge is None or edge.concession or self.states[edge.to].ending:
                continue
            refused, kept = set(self._resisted_edges), dict(self._resisted)
            self._resisted_edges.clear()
            self._resisted = dict(counts)
            if not self.model.trigger(name, analysis=analysis):
                self._resisted_edges.update(refused)
                self._resisted = kept
                continue
            soothed = self._fired
            rest = tuple(hit for hit in analysis.intents if hit.name != name)
            again = self._fire(dataclasses.replace(analysis, intents=rest)) if rest else None
            if again is not None:
                return again, False
            self._fired = soothed
            return name, bool(self._resisted_edges)
        return None, False

    def _onward(self, name: str, analysis: Analysis) -> TransitionSpec | None:
        """The state's first edge for `name` that holds, when it leaves the state at no cost in
        mood; None otherwise."""
        edges = [self.scenario.transitions[i] for i in self._edges.get((self.state, name), [])]
        edge = next((e for e in edges if self._holds(e.when, analysis)), None)
        return None if edge is None or edge.to == self.state or edge.mood < 0 else edge

    def _leads_on(self, name: str, analysis: Analysis) -> bool:
        """Whether `name` leaves the state at no cost in mood (a concession may still be
        refused when it fires)."""
        return self._onward(name, analysis) is not None

    def _steps_on(self, name: str, analysis: Analysis) -> bool:
        """Whether `name` leaves the state at no cost in mood and is no concession."""
        edge = self._onward(name, analysis)
        return edge is not None and not edge.concession

    def _moves_on(self, name: str, analysis: Analysis) -> bool:
        """`name` heard next, from where the persona is: fired when the state's first edge for
        it that holds leaves the state, costs no mood and is no concession."""
        if not self._steps_on(name, analysis):
            return False
        first = self._fired
        if self.model.trigger(name, analysis=analysis):
            return True
        self._fired = first
        return False

    def _leaves_anyway(self, analysis: Analysis) -> str | None:
        """A goodbye in a line whose offer the persona refused (the goodbye is heard after the
        line's other acts): the trainee is leaving, so the goodbye is heard as said, from
        where the persona is (a call-back, say), instead of a refusal nobody is left to hear."""
        said = {hit.name for hit in analysis.intents if not hit.by_meaning}
        for name in policy().steps.closes_after:
            if name not in said or (self.state, name) not in self._moving:
                continue
            refused = set(self._resisted_edges)
            self._resisted_edges.clear()
            if self.model.trigger(name, analysis=analysis):
                return name
            self._resisted_edges.update(refused)
        return None

    def _closed(self, fired: str, analysis: Analysis) -> str:
        """A goodbye in a line whose other act moved the persona ("那就这么定了，我们先走了";
        "App里还就行，不打扰了") is heard after that act, from the state it reached, as if said
        next: where that state's first edge for the goodbye that holds leaves it, costs no
        mood and is no concession, and the persona did not counter or refuse figures. Without
        it the persona asks what the goodbye already settled and the call ends unanswered."""
        steps = policy().steps
        # Only after an act of the line (or a refused deal it asked again): a move on anything
        # at all (`any`) is the state's, and the goodbye may be all the line says.
        if fired in ("any", "unrecognised") or fired in steps.closes_after:
            return fired
        if self.deal.verdict in ("counter", "refuse"):
            return fired
        for name in dict.fromkeys(analysis.intent_names):
            if name not in steps.closes_after:
                continue
            if self._moves_on(name, analysis):
                return name
        return fired

    def _insist(self, analysis: Analysis) -> str | None:
        """A line that insists politely after a refusal (restates the offer, proposes a date,
        confirms the deal: `difficulty.insist`) or answers the refusal's worry (an apology,
        understanding: `difficulty.soothe`) asks again for the concession last refused where
        the persona still is, as if the offer had been said again."""
        said = {hit.name for hit in analysis.intents}
        insist, soothe = set(self.difficulty.insist), set(self.difficulty.soothe)
        if self._resisted_edges or not self._refused or not said & (insist | soothe):
            return None
        # Only soothed (no offer restated): a refused deal is weighed again, not a check.
        deal_only = not said & insist
        for index in reversed(self._refused):
            spec = self.scenario.transitions[index]
            if "*" not in spec.source and self.state not in spec.source:
                continue
            if deal_only and not set(spec.on) & (insist | soothe):
                return None
            for name in spec.on:
                if self.model.trigger(name, analysis=analysis):
                    return name
            return None
        return None

    def _applies_here(self, index: int) -> bool:
        """Whether transition `index` leaves the state the persona is in now."""
        spec = self.scenario.transitions[index]
        return ("*" in spec.source or self.state in spec.source) and self.ended is None

    # -- what the trainee has already done ----------------------------------------------------

    def _remember(self, analysis: Analysis, spent: set[str]) -> None:
        """Keep this line's acts that drew no answer from the state (an act the persona answered,
        moving, in place or by refusing it, is spent), and forget those said too long ago."""
        memory = policy().memory
        oldest = self._lines_heard - memory.lines
        self._acts = [act for act in self._acts if act[0] > oldest and act[1] not in spent]
        said = {hit.name for hit in analysis.intents} & set(memory.acts) - spent
        self._acts = [act for act in self._acts if act[1] not in said]
        self._acts += [(self._lines_heard, name, analysis) for name in sorted(said)]

    def _carry_over(
        self, fired: str, analysis: Analysis, earlier: list[tuple[int, str, Analysis]]
    ) -> None:
        """The state just reached may wait for an act the trainee did in an earlier line (an
        apology before verification): where the state `remembers` that act, it counts now, in
        the order said. The line's own other acts are not carried (one step a line, as the
        state chose), and the act that moved the call counts again only where an edge names
        what must have been told for it (`when: told`: the ID's digits asked with the name),
        so one act is not taken for two."""
        for _ in range(policy().memory.steps):
            for name in self.states[self.state].on_enter:
                ACTIONS[name](self.flags)
            waits = set(self.states[self.state].remembers)
            candidates = [
                (name, said, False)
                for _, name, said in earlier
                if name in waits and self._kept(name)
            ]
            if fired in waits:
                candidates.append((fired, analysis, True))
            step = next(
                (
                    (name, said)
                    for name, said, told_only in candidates
                    if self._carries(name, said, told_only=told_only)
                ),
                None,
            )
            if step is None:
                return
            name, said = step
            self._acts = [act for act in self._acts if act[1] != name]
            self._resisted_edges.clear()
            self.model.trigger(name, analysis=said)
            self._resisted_edges.clear()
            fired, analysis = name, said

    def _kept(self, name: str) -> bool:
        return any(act[1] == name for act in self._acts)

    def _carries(self, name: str, said: Analysis, *, told_only: bool) -> bool:
        """Whether a remembered act moves the persona on from here: its first edge that holds
        leads on to a live state without a cost in mood (never into an ending, never a
        penalty); a concession refused spends the act."""
        for index in self._edges.get((self.state, name), []):
            spec = self.scenario.transitions[index]
            if not self._holds(spec.when, said):
                continue
            if spec.to == self.state or spec.mood < 0 or self.states[spec.to].ending:
                return False
            if told_only and not spec.when.told:
                return False
            return not spec.concession or self._concedes(index, said)
        return False

    def _reply_lines(
        self, spec: StateSpec, trigger: str | None, *, understood: bool
    ) -> tuple[str, MoodLines]:
        """What kind of line the persona answers with, and the lines of that kind."""
        if trigger == HANG_UP:
            return "say", spec.say
        if trigger is not None:
            return "say", self._fired.say if self._fired and self._fired.say else spec.say
        if self._resisted_edges:
            return "resist", spec.resist or self._stock("resist")
        if understood:
            # Heard and understood, but not what this state is waiting for.
            return "unexpected", spec.unexpected or self.scenario.unexpected or self._stock(
                "unexpected"
            )
        return "confused", spec.confused or self.scenario.confused or self._stock("confused")

    def _stock(self, kind: str) -> MoodLines:
        return _stock_mood_lines(self.scenario.lang, kind)

    def _line(self, lines: MoodLines, salt: str, turn: int, kind: str) -> str:
        """A line of the mood's band, never the one just said and never one asking for what
        the trainee has already said: another of the band, another mood's, or a stock line of
        the same kind, in that order."""
        band = self.deal.fair(self.memory.fresh(lines.pick_band(self.mood)), self.scenario.lang)
        fresh = [line for line in band if line != self._last_line]
        if not fresh:
            fresh = [line for line in lines.all_lines() if line != self._last_line]
        if not fresh and kind != "say":
            fresh = [
                line for line in stock_lines(self.scenario.lang, kind) if line != self._last_line
            ]
        # Seeded per turn, so the same seed and lines replay byte for byte, rewinds included.
        rng = random.Random(f"{self.seed}:{turn}:{salt}")
        if fresh:
            self._last_line = rng.choice(fresh)
        else:  # the one line there is, said again: marked as said again
            again = rng.choice(stock_lines(self.scenario.lang, "again"))
            self._last_line = again + self._last_line.removeprefix(again)
        return self._echo(self._last_line)

    def _echo(self, line: str) -> str:
        """The line with its figures filled in from what is on the table now."""
        if "{" not in line:
            return line
        figures = self.deal.figures(self.scenario.lang)
        return PLACEHOLDER.sub(lambda m: figures.get(m.group(1), m.group(0)), line)
