"""A report names what read its lines: the encoder and a hash of the data behind readings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from scoring import understanding
from scoring.encoder import identity as encoder_identity


def _identity_of(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(understanding, "sources", lambda: paths)
    understanding.identity.cache_clear()
    try:
        return understanding.identity()
    finally:
        understanding.identity.cache_clear()


def test_it_names_the_encoder_and_the_exemplars() -> None:
    found = understanding.identity()
    assert found.startswith(f"{encoder_identity()} · exemplars ")
    assert re.fullmatch(r".+ · exemplars [0-9a-f]{12}", found)
    names = {p.name for p in understanding.sources()}
    assert {"intents.zh.yaml", "judge.en.yaml", "semantic.yaml", "judge.zh.probe.npz"} <= names


def test_any_change_to_the_data_changes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copies = []
    for source in understanding.sources():
        copy = tmp_path / source.name
        shutil.copyfile(source, copy)
        copies.append(copy)
    shipped = _identity_of(copies, monkeypatch)
    assert shipped == understanding.identity()  # same bytes, same identity
    exemplars = tmp_path / "judge.zh.yaml"
    exemplars.write_bytes(exemplars.read_bytes() + b"\n")
    assert _identity_of(copies, monkeypatch) != shipped
