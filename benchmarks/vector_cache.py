"""A disk cache of line vectors for calibration runs: the dev sets' lines and clauses are
embedded once, not on every sweep (the encoder itself remembers lines only per process).

Only for benchmarks: the app and `check` never read it. The cache is keyed by the encoder's
identity, so a new encoder starts it afresh."""

from __future__ import annotations

import atexit
import contextlib
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from scoring.arrays import save
from scoring.encoder import DIM, Vectors, encoder

DEFAULT = Path(tempfile.gettempdir()) / "collectsim-calibration-vectors.npz"


def remember(path: Path = DEFAULT) -> None:
    """Make the process's encoder read and add to the vectors kept at `path`."""
    model = encoder()
    known: dict[str, Vectors] = {}
    if path.is_file():
        with np.load(path) as stored:
            if str(stored["identity"]) == model.identity:
                texts = [str(t) for t in stored["texts"]]
                known = dict(zip(texts, np.asarray(stored["vectors"]), strict=True))
    embed = model.embed
    added: list[str] = []

    def cached(texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, embed(missing), strict=True))
            added.extend(missing)
        rows = [known[t] for t in texts]
        return np.stack(rows) if rows else np.zeros((0, DIM), dtype=np.float32)

    model.embed = cached  # type: ignore[method-assign]

    def keep() -> None:
        # Written once, when the run ends: not once a line.
        if added:
            _save(path, model.identity, known)

    atexit.register(keep)


def _save(path: Path, identity: str, known: dict[str, Vectors]) -> None:
    with contextlib.suppress(OSError):  # a cache only: a full /tmp loses the next run's time
        save(
            path,
            identity=np.array(identity),
            texts=np.array(list(known)),
            vectors=np.stack(list(known.values())),
        )
