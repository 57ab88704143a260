"""Arrays on disk, written atomically, so a reader (another process judging a line) never
sees half a file: the exemplars' vectors and read-outs (`.npz`), the mapped matrices (`.npy`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import numpy.typing as npt

from scoring.atomic import atomic_write


def save(path: Path, **arrays: npt.ArrayLike) -> None:
    """Write `arrays` under their names to `path` (`.npz`), unless it holds them already:
    a zip's entries carry the time they were written, so re-shipping unchanged vectors
    would otherwise change every shipped file's bytes (and every merge of them)."""
    if _holds(path, arrays):
        return
    atomic_write(path, lambda out: np.savez(out, **arrays))  # type: ignore[arg-type]


def _holds(path: Path, arrays: dict[str, npt.ArrayLike]) -> bool:
    try:
        with np.load(path, allow_pickle=False) as stored:
            if set(stored.files) != set(arrays):
                return False
            for name, value in arrays.items():
                wanted, found = np.asarray(value), stored[name]
                if wanted.dtype != found.dtype or not np.array_equal(wanted, found):
                    return False
            return True
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return False  # missing or unreadable: write it


def save_one(path: Path, array: npt.NDArray[np.generic]) -> None:
    """Write one array to `path` (`.npy`, which can be mapped read-only)."""
    atomic_write(path, lambda out: np.save(out, array, allow_pickle=False))
