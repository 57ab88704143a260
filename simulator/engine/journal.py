"""Append-only JSON-lines journal of one attempt, flushed and synced at every turn.

A killed process loses at most the turn in flight: every line is on disk before the
persona's reply is shown.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Generic, Protocol, TypeVar

from pydantic import ValidationError

from scoring.said import SaidError
from scoring.transcript import Transcript, Turn
from simulator.engine.bounded import bounded_lines
from simulator.engine.paths import private_dir
from simulator.engine.phrases import ENGINE, os_reason


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
        with self._io():
            self._handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            self._handle.flush()
            os.fsync(self._handle.fileno())

    @contextmanager
    def _io(self) -> Iterator[None]:
        """A disk that is full, read-only or over quota: one JournalError naming the file."""
        try:
            yield
        except OSError as exc:
            where = self.path or self.directory
            raise JournalError("journal_unwritable", where=where, reason=os_reason(exc)) from None

    def _open(self, path: Path, mode: str) -> IO[str]:
        """Journals hold transcripts: readable by their owner only (0600 in a 0700 folder)."""
        with self._io():
            private_dir(self.directory)
            flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if mode == "x" else os.O_TRUNC)
            return os.fdopen(os.open(path, flags, 0o600), "w", encoding="utf-8")

    def begin(self, transcript: Transcript) -> None:
        self.path = self.directory / f"{transcript.attempt_id}.jsonl"
        self._handle = self._open(self.path, "x")
        header = transcript.model_dump(mode="json", exclude={"turns"})
        self._write({"type": "header", **header})

    def resume(self, transcript: Transcript) -> None:
        """Go on with an interrupted call: its journal is written afresh from the turns
        so far (a journal cut off mid-line is replaced whole, never appended to)."""
        self.path = self.directory / f"{transcript.attempt_id}.jsonl"
        partial = self.path.with_suffix(".resuming")
        self._handle = self._open(partial, "w")
        header = transcript.model_dump(mode="json", exclude={"turns", "ending", "note"})
        self._write({"type": "header", **header})
        for turn in transcript.turns:
            self.append(turn)
        with self._io():
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
        with self._io():
            self._handle.close()
        self._handle = None


class JournalError(SaidError):
    """A journal that cannot be written or read: one line, said in the reader's language."""

    book = ENGINE


E = TypeVar("E", bound=Exception)


class Tolerant(Generic[E]):
    """A sink whose write failures of kind E go to `on_error`, the first one only: later
    writes are skipped and the call goes on. The app wraps the journal (a full disk) and the
    records store (a PostgreSQL restart) in one each; the command line ends with one line."""

    def __init__(self, sink: TurnSink, on_error: Callable[[E], None], errors: type[E]) -> None:
        self.sink = sink
        self.on_error = on_error
        self.errors = errors
        self.failed = False

    def _guard(self, write: Callable[[], None]) -> None:
        if self.failed:
            return
        try:
            write()
        except self.errors as exc:
            self.failed = True
            self.on_error(exc)

    def begin(self, transcript: Transcript) -> None:
        self._guard(lambda: self.sink.begin(transcript))

    def resume(self, transcript: Transcript) -> None:
        self._guard(lambda: self.sink.resume(transcript))

    def append(self, turn: Turn) -> None:
        self._guard(lambda: self.sink.append(turn))

    def finish(self, transcript: Transcript) -> None:
        self._guard(lambda: self.sink.finish(transcript))


class TolerantJournal(Tolerant[JournalError]):
    """The journal, tolerant of write failures; the call goes on in memory and in the store."""

    def __init__(self, sink: TurnSink, on_error: Callable[[JournalError], None]) -> None:
        super().__init__(sink, on_error, JournalError)

    @property
    def path(self) -> Path | None:
        return getattr(self.sink, "path", None)


MAX_JOURNAL_LINE = 1024 * 1024  # characters; a turn line is a few KB


def read_journal(path: Path) -> tuple[Transcript, bool]:
    """The transcript of a journal, and whether the call finished (False: interrupted)."""
    header: dict[str, object] | None = None
    turns: list[Turn] = []
    end: dict[str, object] | None = None
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(bounded_lines(handle, MAX_JOURNAL_LINE), start=1):
                if not line.endswith("\n"):
                    break  # the turn in flight when the process died
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    where = f"{path}:{number}"
                    raise JournalError("journal_not_json", where=where, reason=exc.msg) from None
                except RecursionError:
                    raise JournalError("journal_too_deep", where=f"{path}:{number}") from None
                if not isinstance(record, dict):
                    raise JournalError("journal_record", where=f"{path}:{number}")
                kind = record.pop("type", None)
                if kind == "header":
                    header = record
                elif kind == "turn":
                    turns.append(Turn.model_validate(record))
                elif kind == "end":
                    end = record
        if header is None:
            raise JournalError("journal_no_header", where=path)
        transcript = Transcript.model_validate({**header, "turns": turns})
    except UnicodeDecodeError as exc:
        raise JournalError("journal_not_utf8", where=path, reason=exc.reason) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise JournalError("journal_shape", where=path, field=field, reason=first["msg"]) from None
    if end is not None:
        transcript.ending = str(end["ending"]) if end.get("ending") else None
        transcript.note = str(end["note"]) if end.get("note") is not None else None
        transcript.final_state = str(end["final_state"]) if end.get("final_state") else None
        mood = end.get("final_mood")
        transcript.final_mood = int(str(mood)) if mood is not None else None
    return transcript, end is not None
