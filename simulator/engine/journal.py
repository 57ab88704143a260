"""Append-only JSON-lines journal of one attempt, flushed and synced at every turn.

A killed process loses at most the turn in flight: every line is on disk before the
persona's reply is shown.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Protocol

from scoring.transcript import Transcript, Turn


class TurnSink(Protocol):
    """Where a session writes as it goes (the journal now, the records store later)."""

    def begin(self, transcript: Transcript) -> None: ...
    def resume(self, transcript: Transcript) -> None: ...
    def append(self, turn: Turn) -> None: ...
    def finish(self, transcript: Transcript) -> None: ...


class NullSink:
    def begin(self, transcript: Transcript) -> None:
        return None

    def resume(self, transcript: Transcript) -> None:
        return None

    def append(self, turn: Turn) -> None:
        return None

    def finish(self, transcript: Transcript) -> None:
        return None


class JournalSink:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path: Path | None = None
        self._handle: IO[str] | None = None

    def _write(self, record: dict[str, object]) -> None:
        assert self._handle is not None, "begin() first"
        self._handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def begin(self, transcript: Transcript) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / f"{transcript.attempt_id}.jsonl"
        self._handle = self.path.open("x", encoding="utf-8")
        header = transcript.model_dump(mode="json", exclude={"turns"})
        self._write({"type": "header", **header})

    def resume(self, transcript: Transcript) -> None:
        """Go on with an interrupted call: its journal is written afresh from the turns
        so far (a journal cut off mid-line is replaced whole, never appended to)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / f"{transcript.attempt_id}.jsonl"
        partial = self.path.with_suffix(".resuming")
        self._handle = partial.open("w", encoding="utf-8")
        header = transcript.model_dump(mode="json", exclude={"turns", "ending", "note"})
        self._write({"type": "header", **header})
        for turn in transcript.turns:
            self.append(turn)
        partial.replace(self.path)  # the handle stays open on the renamed file

    def append(self, turn: Turn) -> None:
        self._write({"type": "turn", **turn.model_dump(mode="json")})

    def finish(self, transcript: Transcript) -> None:
        self._write(
            {
                "type": "end",
                "ending": transcript.ending,
                "note": transcript.note,
                "final_state": transcript.final_state,
                "final_mood": transcript.final_mood,
            }
        )
        assert self._handle is not None
        self._handle.close()
        self._handle = None


class JournalError(Exception):
    pass


def read_journal(path: Path) -> tuple[Transcript, bool]:
    """The transcript of a journal, and whether the call finished (False: interrupted)."""
    header: dict[str, object] | None = None
    turns: list[Turn] = []
    end: dict[str, object] | None = None
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith("\n"):
                break  # the turn in flight when the process died
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise JournalError(f"{path}:{number}: not JSON ({exc.msg})") from None
            kind = record.pop("type", None)
            if kind == "header":
                header = record
            elif kind == "turn":
                turns.append(Turn.model_validate(record))
            elif kind == "end":
                end = record
    if header is None:
        raise JournalError(f"{path}: no header line; not a CollectSim journal")
    transcript = Transcript.model_validate({**header, "turns": turns})
    if end is not None:
        transcript.ending = str(end["ending"]) if end.get("ending") else None
        transcript.note = str(end["note"]) if end.get("note") is not None else None
        transcript.final_state = str(end["final_state"]) if end.get("final_state") else None
        mood = end.get("final_mood")
        transcript.final_mood = int(str(mood)) if mood is not None else None
    return transcript, end is not None
