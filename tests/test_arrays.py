"""The one atomic `.npz` writer the exemplars' vectors and the judge's read-out share."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scoring.arrays import save


def test_arrays_are_written_whole_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "v.npz"
    save(path, key=np.array("k1"), weights=np.arange(6.0).reshape(2, 3))
    with np.load(path) as stored:
        assert str(stored["key"]) == "k1"
        assert stored["weights"].tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    assert [p.name for p in path.parent.iterdir()] == ["v.npz"]


class Unwritable:
    """An array-like that fails once the file is half written."""

    def __array__(self, *_: object, **__: object) -> np.ndarray:
        raise ValueError("cannot be stored")


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    path = tmp_path / "v.npz"
    save(path, key=np.array("old"))
    with pytest.raises(ValueError):
        save(path, key=np.array("new"), broken=Unwritable())
    with np.load(path) as stored:
        assert str(stored["key"]) == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["v.npz"]


def test_the_same_arrays_leave_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "v.npz"
    save(path, key=np.array("k1"), weights=np.arange(3.0))
    before = path.read_bytes()
    path.touch()
    stamp = path.stat().st_mtime_ns
    save(path, key=np.array("k1"), weights=np.arange(3.0))
    assert path.read_bytes() == before and path.stat().st_mtime_ns == stamp
    save(path, key=np.array("k1"), weights=np.arange(3.0).astype(np.float32))  # another dtype
    with np.load(path) as stored:
        assert stored["weights"].dtype == np.float32
    save(path, key=np.array("k2"), weights=np.arange(3.0).astype(np.float32))
    with np.load(path) as stored:
        assert str(stored["key"]) == "k2"
    path.write_bytes(b"not a zip")
    save(path, key=np.array("k3"))
    with np.load(path) as stored:
        assert stored.files == ["key"]
