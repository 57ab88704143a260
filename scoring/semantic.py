"""Understanding by meaning: a line against labelled exemplars, nearest first.

Two indexes a language, over the one encoder: intents (each exemplar labelled with its intent,
`none` for lines that carry no intent, near-misses with what they really are) and the judge
(each exemplar labelled with its finding category, or `compliant`). The exemplars' vectors ship
with the package (`data/exemplars/vectors/`), keyed by the encoder's identity and a hash of the
exemplars, so a process starts without embedding thousands of lines; exemplars edited since are
embedded once and kept in the caller's cache directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from scoring.arrays import save, save_one
from scoring.encoder import DIM, Encoder, Vectors, encoder, similarities
from scoring.exemplars import DIR, intent_exemplars, judge_exemplars
from scoring.i18n import Lang
from scoring.probe import Probe, Training, fitted
from scoring.probe import key as probe_key
from scoring.probe import read as read_probe
from scoring.probe import train as train_probe
from scoring.probe import write as write_probe
from scoring.rulepack import load_pack
from scoring.text import plain

VECTORS = DIR / "vectors"
NONE = "none"
COMPLIANT = "compliant"
# Where vectors of edited exemplars are kept (the app sets it to its data directory).
CACHE_ENV = "COLLECTSIM_VECTOR_CACHE"


@dataclass(frozen=True, slots=True)
class Labelled:
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Neighbour:
    label: str
    text: str
    similarity: float


class Index:
    """Labelled exemplars and their vectors; `nearest` is deterministic (ties by position).

    The vectors are kept once, as float64 (what similarities are summed in); with a cache
    directory, as a read-only map of a file there (`shared`), so every app process of a
    server reads the same pages instead of holding its own copy."""

    def __init__(
        self, items: Sequence[Labelled], vectors: Vectors, cache_dir: Path | None = None
    ) -> None:
        self.items = list(items)
        self._cache_dir = cache_dir
        # Similarities are summed in float64: converted once here (unless given so), not on
        # every line.
        self._exact = shared(vectors.astype(np.float64, copy=False), cache_dir)
        # Each label's rows and their vectors, gathered on first use, not on every line.
        self._by_label: dict[str, tuple[list[int], npt.NDArray[np.float64]]] = {}

    @property
    def exact(self) -> npt.NDArray[np.float64]:
        """The vectors as similarities are summed in (read-only when mapped)."""
        return self._exact

    @property
    def vectors(self) -> Vectors:
        """The vectors as float32 (exactly those given: float32 -> float64 -> float32 is
        exact); made on demand, for building other indexes and fitting the read-out."""
        return self._exact.astype(np.float32)

    def nearest(self, vector: Vectors, k: int = 5) -> list[Neighbour]:
        scores = similarities(vector, self._exact)
        order = np.lexsort((np.arange(len(scores)), -scores))[:k]
        return [Neighbour(self.items[i].label, self.items[i].text, float(scores[i])) for i in order]

    def _labelled(self, label: str) -> tuple[list[int], npt.NDArray[np.float64]]:
        found = self._by_label.get(label)
        if found is None:
            rows = [i for i, item in enumerate(self.items) if item.label == label]
            exact = shared(np.ascontiguousarray(self._exact[rows]), self._cache_dir)
            found = self._by_label[label] = (rows, exact)
        return found

    def nearest_of(self, vector: Vectors, label: str) -> Neighbour:
        """The nearest exemplar with `label` (ties by position)."""
        rows, exact = self._labelled(label)
        scores = similarities(vector, exact)
        best = int(np.lexsort((np.arange(len(scores)), -scores))[0])
        item = self.items[rows[best]]
        return Neighbour(item.label, item.text, float(scores[best]))

    def nearest_labelled(self, vector: Vectors, label: str) -> float:
        """How near the nearest exemplar with `label` is (0 when there is none)."""
        exact = self._labelled(label)[1]
        return float(similarities(vector, exact).max()) if len(exact) else 0.0


MAPPED_KEEP_DAYS = 7  # a mapped file unused this long (older exemplars) is removed


def shared(matrix: npt.NDArray[np.float64], cache_dir: Path | None) -> npt.NDArray[np.float64]:
    """`matrix`, or the same values mapped read-only from a file of the cache directory named
    by their hash: the page cache holds them once for every process that reads them (each
    app process of `serve` would otherwise hold ~45 MB of its own). The file is checked equal
    to `matrix` before it is used, so a verdict never depends on what is on disk (a file that
    differs is written again); with no cache directory, or one that cannot be written,
    `matrix` itself."""
    if cache_dir is None or matrix.size == 0:
        return matrix
    matrix = np.ascontiguousarray(matrix)
    digest = hashlib.sha256(f"{matrix.dtype.str}{matrix.shape}".encode())
    digest.update(matrix.data)
    path = cache_dir / "mapped" / f"{digest.hexdigest()[:32]}.npy"
    for attempt in range(2):
        try:
            if attempt or not path.is_file():
                _write_mapped(path, matrix)
            mapped = np.load(path, mmap_mode="r", allow_pickle=False)
            os.utime(path)  # in use: kept by the pruning below
        except (OSError, ValueError):
            return matrix  # the map only saves memory: a full or read-only disk stops nothing
        if mapped.dtype == matrix.dtype and np.array_equal(mapped, matrix):
            return np.asarray(mapped)
    return matrix


def _write_mapped(path: Path, matrix: npt.NDArray[np.float64]) -> None:
    """Atomically (a reader never maps half a file); files of exemplars long since edited
    are removed (a process still mapping one keeps its pages)."""
    save_one(path, matrix)
    old = time.time() - MAPPED_KEEP_DAYS * 86400
    for stale in path.parent.iterdir():
        with contextlib.suppress(OSError):
            if stale != path and stale.stat().st_mtime < old:
                stale.unlink()


def intent_items(lang: Lang) -> list[Labelled]:
    data = intent_exemplars(lang)
    items = [Labelled(plain(t), name) for name, lines in data.intents.items() for t in lines]
    items += [Labelled(plain(t), NONE) for t in data.no_intent]
    items += [
        Labelled(plain(m.text), m.intent) for misses in data.near_misses.values() for m in misses
    ]
    return items


def judge_items(lang: Lang) -> list[Labelled]:
    """The judge's exemplars, and the rule pack's own examples: a prohibited rule's violating
    lines under its category (a stateful rule's are violations only in their context), and
    every near-miss as compliant."""
    pack = load_pack("CN" if lang == "zh" else "US")
    examples = [
        Labelled(plain(e.text), r.category)
        for r in pack.rules
        if r.kind == "prohibited"
        for e in r.examples.violating
    ]
    examples += [
        Labelled(plain(e.text), COMPLIANT) for r in pack.rules for e in r.examples.near_miss
    ]
    data = judge_exemplars(lang)
    items = [Labelled(plain(t), cat) for cat, ex in data.categories.items() for t in ex.violating]
    items += [
        Labelled(plain(t), COMPLIANT) for ex in data.categories.values() for t in ex.compliant
    ]
    return items + examples


def key(identity: str, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(identity.encode())
    for text in texts:
        digest.update(b"\0" + text.encode())
    return digest.hexdigest()[:24]


def _read(path: Path, identity: str) -> tuple[str, dict[str, Vectors]]:
    """A stored index: its key, and each text's vector (none from another encoder)."""
    if not path.is_file():
        return "", {}
    with np.load(path) as stored:
        if str(stored["identity"]) != identity:
            return "", {}
        texts = [str(t) for t in stored["texts"]]
        vectors = np.asarray(stored["vectors"], dtype=np.float32)
        return str(stored["key"]), dict(zip(texts, vectors, strict=True))


def _write(
    path: Path, identity: str, expected: str, texts: Sequence[str], vectors: Vectors
) -> None:
    save(
        path,
        identity=np.array(identity),
        key=np.array(expected),
        texts=np.array(list(texts)),
        vectors=vectors.astype(np.float16),
    )


def build(name: str, items: Sequence[Labelled], model: Encoder, cache_dir: Path | None) -> Index:
    """The index of `items`: the shipped vectors when they are this encoder's for exactly
    these texts; otherwise only the texts not shipped (nor cached) are embedded, once."""
    return Index(items, _vectors(name, items, model, cache_dir))


def _vectors(
    name: str, items: Sequence[Labelled], model: Encoder, cache_dir: Path | None
) -> Vectors:
    """`build`'s vectors, one row an item."""
    texts = [item.text for item in items]
    expected = key(model.identity, texts)
    shipped_key, known = _read(VECTORS / f"{name}.npz", model.identity)
    cached = cache_dir / f"{name}.npz" if cache_dir is not None else None
    if shipped_key != expected and cached is not None:
        known = {**_read(cached, model.identity)[1], **known}
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing:
        # Stored as float16 like the shipped file, so a rebuilt index judges the same way.
        fresh = model.embed(missing).astype(np.float16).astype(np.float32)
        known.update(zip(missing, fresh, strict=True))
    vectors = np.stack([known[t] for t in texts]) if texts else np.zeros((0, DIM), np.float32)
    if missing and cached is not None:
        # The cache only saves time: a read-only or full data directory must not stop a call.
        with contextlib.suppress(OSError):
            _write(cached, model.identity, expected, texts, vectors)
    return vectors.reshape(len(texts), DIM)


def _cache_dir() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else None


@cache
def intent_index(lang: Lang) -> Index:
    items = intent_items(lang)
    vectors = _vectors(f"intents.{lang}", items, encoder(), _cache_dir())
    return Index(items, vectors, _cache_dir())  # kept: mapped from the cache


@cache
def judge_index(lang: Lang, harmful: frozenset[str]) -> Index:
    """Violations and near-misses, and beside the near-misses every ordinary collector line
    of the intent exemplars, those of the `harmful` intents left out (their vectors are the
    intent index's: nothing embedded twice)."""
    own = judge_items(lang)
    vectors = _vectors(f"judge.{lang}", own, encoder(), _cache_dir())
    intents = intent_index(lang)
    ordinary = [i for i, item in enumerate(intents.items) if item.label not in harmful]
    return Index(
        [*own, *(Labelled(intents.items[i].text, COMPLIANT) for i in ordinary)],
        np.concatenate([vectors.astype(np.float64), intents.exact[ordinary]]),
        _cache_dir(),
    )


def wrapped_items(lang: Lang, wrappers: Sequence[str]) -> list[Labelled]:
    """The judge's own exemplars, each said inside one of `wrappers` (a polite or chatty frame
    with `{}` where the exemplar goes), labelled as the exemplar: a violation stays one inside
    courteous words, and a compliant line stays compliant. The frame is chosen by the
    exemplar's hash, so the same exemplars always give the same lines; violations and
    compliant lines are framed alike, so a frame says nothing of its own."""
    if not wrappers:
        return []
    data = judge_exemplars(lang)
    found = []
    for category, examples in data.categories.items():
        for label, lines in ((category, examples.violating), (COMPLIANT, examples.compliant)):
            for line in lines:
                digest = hashlib.sha256(line.encode()).digest()
                frame = wrappers[int.from_bytes(digest[:4], "big") % len(wrappers)]
                found.append(Labelled(plain(frame.replace("{}", _framed(line, frame))), label))
    return found


def _framed(line: str, frame: str) -> str:
    """The line as it goes into the frame: its closing mark dropped where the frame goes on
    after a comma ("…递到公安，您看怎么安排？", not "…递到公安。，您看…")."""
    after = frame.split("{}", 1)[1]
    return line.rstrip("。！？!?.；;，, ~～") if after[:1] in ("，", ",") else line


def wrapped_index(lang: Lang, wrappers: tuple[str, ...]) -> Index:
    """`wrapped_items`' vectors: shipped when unchanged, else embedded once and cached."""
    return build(f"judge-wrapped.{lang}", wrapped_items(lang, wrappers), encoder(), _cache_dir())


def judge_training_index(lang: Lang, harmful: frozenset[str], wrappers: tuple[str, ...]) -> Index:
    """What the judge's read-out is fitted to: the judge index's exemplars, and the same
    exemplars framed by `wrappers` (none when there are no wrappers)."""
    own = judge_index(lang, harmful)
    if not wrappers:
        return own
    extra = wrapped_index(lang, wrappers)
    return Index([*own.items, *extra.items], np.concatenate([own.vectors, extra.vectors]), None)


def judge_training_items(
    lang: Lang, harmful: frozenset[str], wrappers: tuple[str, ...]
) -> list[Labelled]:
    """`judge_training_index`'s exemplars without their vectors: what its read-out is keyed by."""
    own = judge_index(lang, harmful).items
    return [*own, *wrapped_items(lang, wrappers)] if wrappers else own


def judge_training_weights(
    lang: Lang, harmful: frozenset[str], wrappers: tuple[str, ...], ordinary: float | None
) -> list[float] | None:
    """Each of `judge_training_items`' weights in the read-out's loss: `ordinary` for the
    ordinary collector lines the intent exemplars lend the judge, 1 for the judge's own
    exemplars and their framed copies (None: every line 1, unweighted). The intents grow
    for the intents' sake, and each ordinary line they add would otherwise pull the judge's
    odds toward `compliant` by a full line's weight."""
    if ordinary is None:
        return None
    own = len(judge_items(lang))
    lent = len(judge_index(lang, harmful).items) - own
    framed = len(wrapped_items(lang, wrappers)) if wrappers else 0
    return [1.0] * own + [ordinary] * lent + [1.0] * framed


@cache
def judge_probe(
    lang: Lang,
    harmful: frozenset[str],
    fit: Training,
    wrappers: tuple[str, ...] = (),
    ordinary: float | None = None,
) -> Probe:
    """The judge's read-out (`scoring.probe`), fitted to the judge index's exemplars and
    their framed copies, the ordinary lines weighted by `ordinary` (`judge_training_weights`):
    shipped when they are unchanged, else fitted once and cached. The framed copies' vectors
    are read only to fit it."""
    return _probe(
        f"judge.{lang}",
        judge_training_items(lang, harmful, wrappers),
        lambda: judge_training_index(lang, harmful, wrappers).vectors,
        fit,
        judge_training_weights(lang, harmful, wrappers, ordinary),
    )


def ship_probe(
    lang: Lang,
    harmful: frozenset[str],
    fit: Training,
    wrappers: tuple[str, ...] = (),
    ordinary: float | None = None,
) -> Path:
    """Fit the judge's read-out afresh and write the copy that ships with the package."""
    weights = judge_training_weights(lang, harmful, wrappers, ordinary)
    return _ship(f"judge.{lang}", judge_training_index(lang, harmful, wrappers), fit, weights)


@cache
def intent_probe(lang: Lang, fit: Training) -> Probe:
    """The intents' read-out, fitted to the intent exemplars (each labelled with its intent,
    `none` for lines without one): shipped when they are unchanged, else fitted once and
    cached."""
    index = intent_index(lang)
    return _probe(f"intents.{lang}", index.items, lambda: index.vectors, fit)


def ship_intent_probe(lang: Lang, fit: Training) -> Path:
    """Fit the intents' read-out afresh and write the copy that ships with the package."""
    return _ship(f"intents.{lang}", intent_index(lang), fit)


def probe_key_of(
    items: Sequence[Labelled], fit: Training, weights: Sequence[float] | None = None
) -> str:
    """What a read-out fitted to these exemplars with `fit` is keyed by: the encoder, the
    exemplars' texts and labels, the training, the lines' weights (when weighted)."""
    texts = [item.text for item in items]
    labels = [item.label for item in items]
    return probe_key(encoder().identity, texts, labels, fit, weights)


def shipped_probe(
    name: str, index: Index, fit: Training, weights: Sequence[float] | None = None
) -> Probe | None:
    """The read-out shipped with the package (`judge.zh`, `intents.en` …), when it was
    fitted to exactly these exemplars with `fit` (and `weights`)."""
    return read_probe(VECTORS / f"{name}.probe.npz", probe_key_of(index.items, fit, weights))


def _probe(
    name: str,
    items: Sequence[Labelled],
    vectors: Callable[[], Vectors],
    fit: Training,
    weights: Sequence[float] | None = None,
) -> Probe:
    cache_dir = _cache_dir()
    file = f"{name}.probe.npz"
    cached = cache_dir / file if cache_dir is not None else None
    labels = [item.label for item in items]
    expected = probe_key_of(items, fit, weights)
    return fitted(VECTORS / file, cached, expected, fit, vectors, labels, weights)


def _ship(name: str, index: Index, fit: Training, weights: Sequence[float] | None = None) -> Path:
    labels = [item.label for item in index.items]
    path = VECTORS / f"{name}.probe.npz"
    probe = train_probe(index.vectors, labels, fit, weights)
    write_probe(path, probe_key_of(index.items, fit, weights), probe)
    return path


def ship_vectors(wrappers: dict[Lang, tuple[str, ...]]) -> list[Path]:
    """Embed every exemplar, and the judge's exemplars framed by `wrappers` (reusing vectors
    already shipped for the same text), and write the vectors that ship with the package."""
    model = encoder()
    written = []
    sources: dict[str, Callable[[Lang], list[Labelled]]] = {
        "intents": intent_items,
        "judge": judge_items,
        "judge-wrapped": lambda lang: wrapped_items(lang, wrappers.get(lang, ())),
    }
    langs: tuple[Lang, ...] = ("zh", "en")
    for kind, items_of in sources.items():
        for lang in langs:
            name = f"{kind}.{lang}"
            items = items_of(lang)
            texts = [item.text for item in items]
            index = build(name, items, model, None)
            path = VECTORS / f"{name}.npz"
            _write(path, model.identity, key(model.identity, texts), texts, index.vectors)
            written.append(VECTORS / f"{name}.npz")
    return written


if __name__ == "__main__":
    # The read-outs are fitted to the vectors written here (meaning knows which intents the
    # judge leaves out, and the frames its read-out learns from); imported here, as meaning
    # imports this module.
    from scoring.meaning import frames, ship_probes

    for written_path in ship_vectors(frames()):
        print(written_path)

    for written_path in ship_probes():
        print(written_path)
