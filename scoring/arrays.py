"""Arrays on disk, written atomically, so a reader (another process judging a line) never
sees half a file: the exemplars' vectors and read-outs (`.npz`), the mapped matrices (`.npy`)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import numpy as np
import numpy.typing as npt


def atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """`write` into a temporary file beside `path`, which replaces `path` only once complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        os.replace(name, path)
    except BaseException:
        # A failed write (full disk) leaves no temporary file behind.
        Path(name).unlink(missing_ok=True)
        raise


def save(path: Path, **arrays: npt.ArrayLike) -> None:
    """Write `arrays` under their names to `path` (`.npz`)."""
    atomic_write(path, lambda out: np.savez(out, **arrays))  # type: ignore[arg-type]


def save_one(path: Path, array: npt.NDArray[np.generic]) -> None:
    """Write one array to `path` (`.npy`, which can be mapped read-only)."""
    atomic_write(path, lambda out: np.save(out, array, allow_pickle=False))
