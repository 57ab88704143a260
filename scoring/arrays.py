"""Arrays on disk, written atomically, so a reader (another process judging a line) never
sees half a file: the exemplars' vectors and read-outs (`.npz`), the mapped matrices (`.npy`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from scoring.atomic import atomic_write


def save(path: Path, **arrays: npt.ArrayLike) -> None:
    """Write `arrays` under their names to `path` (`.npz`)."""
    atomic_write(path, lambda out: np.savez(out, **arrays))  # type: ignore[arg-type]


def save_one(path: Path, array: npt.NDArray[np.generic]) -> None:
    """Write one array to `path` (`.npy`, which can be mapped read-only)."""
    atomic_write(path, lambda out: np.save(out, array, allow_pickle=False))
