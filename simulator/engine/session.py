"""One practice call: the turn loop, the call's clock, the mode, and persistence per turn."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from scoring.analysis import Analysis, analyze
from scoring.compliance import Judge, judge_for
from scoring.findings import Finding
from scoring.judging import judge_turn
from scoring.objectives import Assessed, Tracker
from scoring.said import SaidError
from scoring.transcript import Basis, Mode, Transcript, Turn, TurnContext
from simulator.engine.actions import CONTEXT_FLAGS
from simulator.engine.journal import NullSink, TurnSink
from simulator.engine.persona import Persona
from simulator.engine.phrases import ENGINE
from simulator.engine.policy import ModePolicy, mode_policy
from simulator.engine.scenario import Scenario

TRAINEE_ENDED = "trainee_ended"
TURN_LIMIT = "turn_limit"
MAX_LINE_CHARS = 10_000
# What no store can keep: NUL (PostgreSQL text refuses it) and lone surrogates (undecodable
# bytes on stdin, which no UTF-8 file or database accepts).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """A line as every sink can keep it: each unstorable character becomes U+FFFD."""
    return _UNSTORABLE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class Exchange:
    """What one trainee line produced."""

    trainee: Turn
    persona: Turn
    analysis: Analysis
    findings: list[Finding]  # live findings of the trainee line (shown in practice mode)
    ending: str | None
    # How the persona answered: say, resist, unexpected (understood, not usable) or confused.
    reply_kind: str = "say"


# The finding category that tells the persona a third party heard about the debt.
DISCLOSURE = "third_party_disclosure"


class SessionOver(Exception):
    pass


class ResumeError(SaidError):
    """An interrupted call cannot be taken up again: one line, said in the user's language."""

    book = ENGINE


class Session:
    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int = 0,
        mode: Mode = "practice",
        trainee: str = "trainee",
        sink: TurnSink | None = None,
        attempt_id: str | None = None,
        started_at: datetime | None = None,
    ) -> None:
        self.scenario = scenario
        self.policy: ModePolicy = mode_policy(mode)
        self.persona = Persona(scenario, seed)
        self.sink: TurnSink = sink or NullSink()
        self.judge: Judge = judge_for(scenario.jurisdiction)
        self.clock = scenario.call.local_time
        self._recorded = False  # the sink has the finished attempt
        # Nothing is recorded before the trainee's first line: a call opened and left
        # untouched leaves no attempt (and no journal) behind.
        self._begun = False
        # The live objectives, brought up to date by each line (never the whole call again).
        self._objectives = Tracker(scenario.objectives, scenario.ledger)
        self._trainee_turns = 0
        self.findings: list[Finding] = []  # live findings so far
        self.transcript = Transcript(
            attempt_id=attempt_id or uuid.uuid4().hex[:12],
            scenario_id=scenario.id,
            scenario_version=scenario.version,
            scenario_hash=scenario.content_hash,
            jurisdiction=scenario.jurisdiction,
            language=scenario.language,
            seed=seed,
            mode=mode,
            trainee=trainee,
            started_at=started_at or datetime.now().astimezone(),
            basis=Basis(
                ledger=scenario.ledger,
                rubric=scenario.rubric,
                objectives=scenario.objectives,
                channel=scenario.call.judged_channel,
            ),
        )
        self._add(
            Turn(
                index=0,
                speaker="persona",
                text=self.persona.opening_line(),
                at=self.clock,
                state=self.persona.state,
                mood=self.persona.mood,
            )
        )

    @property
    def ended(self) -> str | None:
        return self.transcript.ending

    @property
    def trainee_turns(self) -> int:
        return self._trainee_turns

    def context(self) -> TurnContext:
        """Who is on the line now and which duties are in force."""
        flags = self.persona.flags
        return TurnContext(
            party=self.persona.states[self.persona.state].party,
            verified="verified" in flags,
            flags=tuple(sorted(flags & CONTEXT_FLAGS)),
        )

    def _add(self, turn: Turn) -> None:
        if turn.speaker == "trainee" and not self._begun:
            # The first line: the attempt begins (as it would have at the opening line), then
            # the turns so far are written as they were said.
            self._begun = True
            earlier = list(self.transcript.turns)
            self.transcript.turns.clear()
            self.sink.begin(self.transcript)
            for said in earlier:
                self.transcript.turns.append(said)
                self.sink.append(said)
        self.transcript.turns.append(turn)
        if self._begun:
            self.sink.append(turn)  # on disk before anything is shown

    def _tick(self, text: str) -> datetime:
        # Reading and typing take time: the call's clock advances with the length of the line.
        self.clock += timedelta(seconds=self.scenario.call.seconds_per_turn + len(text) // 4)
        return self.clock

    def say(self, text: str, *, hint: bool = False) -> Exchange:
        if self.ended is not None:
            raise SessionOver(self.ended)
        text = storable(text[:MAX_LINE_CHARS])
        index = len(self.transcript.turns)
        at = self._tick(text)
        analysis = analyze(text, self.scenario.lang, at.date())
        context = self.context()
        findings = judge_turn(
            analysis,
            context,
            at,
            self.scenario.ledger,
            self.judge,
            index,
            self.scenario.call.judged_channel,
        )
        trainee = Turn(
            index=index,
            speaker="trainee",
            text=text,
            at=at,
            state=self.persona.state,
            mood=self.persona.mood,
            intents=analysis.intent_names,
            context=context,
            hint=hint,
        )
        self._add(trainee)
        self._trainee_turns += 1
        self._objectives.add(index, analysis, findings)
        self.findings.extend(findings)
        disclosed = any(f.category == DISCLOSURE for f in findings)
        reply = self.persona.respond(analysis, index + 1, disclosed=disclosed)
        persona = Turn(
            index=index + 1,
            speaker="persona",
            text=reply.text,
            at=at + timedelta(seconds=len(reply.text) // 3 + 2),
            state=reply.state,
            mood=reply.mood,
        )
        self._add(persona)
        # A call that asks for a note is recorded as finished once the note is in (end()).
        if reply.ending is not None:
            self._close(reply.ending)
        elif self.trainee_turns >= self.scenario.call.max_turns:
            self._close(TURN_LIMIT)
        return Exchange(trainee, persona, analysis, findings, self.ended, reply.kind)

    @classmethod
    def replayed(
        cls,
        scenario: Scenario,
        lines: list[str],
        *,
        seed: int,
        mode: Mode = "practice",
        trainee: str = "trainee",
        sink: TurnSink | None = None,
    ) -> Session:
        """A new call that has already heard `lines`: same seed, same replies (retry from here)."""
        session = cls(scenario, seed=seed, mode=mode, trainee=trainee, sink=sink)
        for line in lines:
            if session.ended:
                break
            session.say(line)
        return session

    @classmethod
    def resumed(cls, scenario: Scenario, transcript: Transcript, sink: TurnSink) -> Session:
        """An interrupted call, rebuilt by replaying its trainee lines (same seed, same
        replies), that goes on recording into the same attempt through `sink`."""
        if scenario.content_hash != transcript.scenario_hash:
            raise ResumeError(
                "scenario_changed", attempt=transcript.attempt_id, scenario=scenario.id
            )
        if transcript.ending is not None:
            raise ResumeError("call_ended", attempt=transcript.attempt_id)
        session = cls(
            scenario,
            seed=transcript.seed,
            mode=transcript.mode,
            trainee=transcript.trainee,
            attempt_id=transcript.attempt_id,
            started_at=transcript.started_at,
        )
        for turn in transcript.trainee_turns():
            if session.ended:
                break
            session.say(turn.text, hint=turn.hint)
        stored, rebuilt = transcript.turns, session.transcript.turns
        if rebuilt[: len(stored)] != stored:
            raise ResumeError("replay_differs", attempt=transcript.attempt_id)
        session.sink = sink
        session._recorded = False  # the replay's own recording went nowhere
        session._begun = True  # the attempt exists: it is taken up, not begun
        sink.resume(transcript)
        # A persona reply lost with the process is recorded now, as the replay gave it.
        for turn in rebuilt[len(stored) :]:
            sink.append(turn)
        if session.ended and not session.wants_note:
            session._record()  # the call had ended when the process died
        return session

    def objectives(self) -> list[Assessed]:
        """The scenario's objectives as the report would judge them now (the same function):
        met so far, still open (or judged at the end), and once the call is over, missed or
        made impossible by the other party. Kept line by line: its cost does not grow with
        the call."""
        return self._objectives.assessed(self.ended)

    @property
    def wants_note(self) -> bool:
        return "write_call_note" in self.scenario.objectives

    def end_call(self) -> str:
        """The trainee hangs up (idempotent). A call that asks for a note is recorded when
        the note is handed in with `end`; any other call is recorded now."""
        if self.ended is None:
            self._close(TRAINEE_ENDED)
        assert self.ended is not None
        return self.ended

    def end(self, note: str | None = None) -> str:
        """End the call and record it, with the after-call note if there is one (idempotent)."""
        if note is not None and not self._recorded:
            self.transcript.note = storable(note)
        ending = self.end_call()
        self._record()
        return ending

    def _close(self, ending: str) -> None:
        """The call is over; it is recorded now unless the trainee still owes the note."""
        self.transcript.ending = ending
        self.transcript.final_state = self.persona.state
        self.transcript.final_mood = self.persona.mood
        if not self.wants_note:
            self._record()

    @property
    def recorded_anything(self) -> bool:
        """Whether this call has reached the sink (a line was said)."""
        return self._begun

    def _record(self) -> None:
        if not self._recorded and self._begun:
            self._recorded = True
            self.sink.finish(self.transcript)
