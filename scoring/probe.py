"""A linear read-out of the judge's exemplars: how likely a line is a violation, and of which
category, from its vector.

Nearest-exemplar votes miss a violation whose nearest exemplar happens to be a compliant
near-miss on the same topic ("我们不会去您单位" beside "让你在公司待不下去"): a vote sees
only distance. A softmax regression over all the exemplars weighs the encoder's dimensions
that separate a threat from its denial. It is trained from the exemplars alone (no dev or test
line), by a fixed number of full-batch steps from zero, and ships beside their vectors, keyed
like them; a finding it makes still names the nearest exemplar of its category.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from scoring.arrays import save
from scoring.encoder import Vectors

Floats = npt.NDArray[np.float64]
PROBABILITY_DIGITS = 3
# Adam's step size when the settings name none for a language: the rate every read-out was
# fitted at before it became a setting (so an unnamed language's read-out keeps its key).
DEFAULT_LEARNING_RATE = 0.05


@dataclass(frozen=True, slots=True)
class Training:
    """How a probe is fitted (data: `semantic.yaml`, `judge.probe`)."""

    l2: float
    scale: float
    steps: int
    learning_rate: float = DEFAULT_LEARNING_RATE


@dataclass(frozen=True)
class Probe:
    classes: tuple[str, ...]
    weights: Floats  # (dimensions, classes)
    bias: Floats
    scale: float

    def probabilities(self, vector: Vectors) -> dict[str, float]:
        """Each class's probability for one vector, rounded; einsum sums in one fixed order
        on one thread, so the figures never depend on BLAS threads."""
        logits: Floats = (
            np.einsum("j,jk->k", vector.astype(np.float64) * self.scale, self.weights) + self.bias
        )
        logits -= logits.max()
        odds = np.exp(logits)
        shares = np.round(odds / odds.sum(), PROBABILITY_DIGITS)
        return {label: float(p) for label, p in zip(self.classes, shares, strict=True)}


def key(
    identity: str,
    texts: Sequence[str],
    labels: Sequence[str],
    training: Training,
    weights: Sequence[float] | None = None,
) -> str:
    """What a read-out is stored under: the encoder, its lines, labels and training, and each
    line's weight in the loss when they are not all 1 (none given: a read-out fitted before
    weights existed keeps its key)."""
    digest = hashlib.sha256(f"{identity}\0{training}".encode())
    for text, label in zip(texts, labels, strict=True):
        digest.update(b"\0" + text.encode() + b"\1" + label.encode())
    if weights is not None:
        digest.update(b"\2" + ",".join(repr(float(w)) for w in weights).encode())
    return digest.hexdigest()[:24]


def train(
    vectors: Vectors,
    labels: Sequence[str],
    training: Training,
    weights: Sequence[float] | None = None,
) -> Probe:
    """Softmax regression with an L2 penalty, by Adam on the whole set at once, on one BLAS
    thread: BLAS's sums depend on how many threads share them, and one thread gives the
    same exemplars the same weights on any machine (a centre's own re-fit included).
    `weights`: each line's weight in the loss (the loss is their weighted mean; none: 1 each)."""
    # Imported here: only fitting needs it, never judging a line.
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _train(vectors, labels, training, weights)


def _train(
    vectors: Vectors,
    labels: Sequence[str],
    training: Training,
    line_weights: Sequence[float] | None,
) -> Probe:
    classes = tuple(sorted(set(labels)))
    column = {label: i for i, label in enumerate(classes)}
    x = vectors.astype(np.float64) * training.scale
    targets = np.eye(len(classes))[[column[label] for label in labels]]
    n, dims = x.shape
    # Each line's share of the loss: 1/n each unless weighted (then its weight over the sum);
    # unweighted, divided by n exactly as before weights existed (the same bits).
    spread_over: float | Floats = float(n)
    if line_weights is not None:
        each = np.asarray(line_weights, dtype=np.float64)
        spread_over = (float(each.sum()) / each).reshape(n, 1)
    weights = np.zeros((dims, len(classes)))
    bias = np.zeros(len(classes))
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros_like(bias)]
    moments.append(np.zeros_like(bias))
    beta1, beta2 = 0.9, 0.999
    for step in range(1, training.steps + 1):
        logits = x @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        shares = np.exp(logits)
        shares /= shares.sum(axis=1, keepdims=True)
        error = (shares - targets) / spread_over
        gradients = (x.T @ error + training.l2 * weights, error.sum(axis=0))
        for parameter, gradient, first, second in (
            (weights, gradients[0], moments[0], moments[1]),
            (bias, gradients[1], moments[2], moments[3]),
        ):
            first *= beta1
            first += (1 - beta1) * gradient
            second *= beta2
            second += (1 - beta2) * gradient * gradient
            corrected = first / (1 - beta1**step)
            spread = np.sqrt(second / (1 - beta2**step)) + 1e-8
            parameter -= training.learning_rate * corrected / spread
    return Probe(classes, weights, bias, training.scale)


def read(path: Path, expected: str) -> Probe | None:
    """A stored probe, if it was fitted to exactly these exemplars and settings."""
    if not path.is_file():
        return None
    with np.load(path) as stored:
        if str(stored["key"]) != expected:
            return None
        return Probe(
            tuple(str(c) for c in stored["classes"]),
            np.asarray(stored["weights"], dtype=np.float64),
            np.asarray(stored["bias"], dtype=np.float64),
            float(stored["scale"]),
        )


def write(path: Path, expected: str, probe: Probe) -> None:
    save(
        path,
        key=np.array(expected),
        classes=np.array(list(probe.classes)),
        weights=probe.weights,
        bias=probe.bias,
        scale=np.array(probe.scale),
    )


def fitted(
    shipped: Path,
    cached: Path | None,
    expected: str,
    fit: Training,
    vectors: Callable[[], Vectors],
    labels: Sequence[str],
    weights: Sequence[float] | None = None,
) -> Probe:
    """The shipped probe when it fits; else a cached one; else fitted now (a few seconds) to
    `vectors()` (made only then), each line weighted by `weights`, and cached."""
    for path in (shipped, cached):
        if path is not None and (found := read(path, expected)) is not None:
            return found
    probe = train(vectors(), labels, fit, weights)
    if cached is not None:
        # The cache only saves time: a read-only or full data directory must not stop a call.
        with contextlib.suppress(OSError):
            write(cached, expected, probe)
    return probe
