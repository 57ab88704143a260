"""Arrays on disk: one `.npz` file written atomically, so a reader (another process judging
a line) never sees half a file. The exemplars' vectors and the judge's read-out are kept so."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import numpy.typing as npt


def save(path: Path, **arrays: npt.ArrayLike) -> None:
    """Write `arrays` under their names to `path`, replacing it only once complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez(out, **arrays)  # type: ignore[arg-type]
        os.replace(name, path)
    except BaseException:
        # A failed write (full disk) leaves no temporary file behind.
        Path(name).unlink(missing_ok=True)
        raise
