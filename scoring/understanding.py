"""What read a call's lines: the sentence encoder and the data its readings come from.

A report, and the attempt it is stored with, name both, so an old attempt says what
understood it and a rescore under other exemplars or settings is seen to be one. Read
without loading the encoder: the data's bytes are hashed (a millisecond), once a process.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from scoring.encoder import identity as encoder_identity
from scoring.exemplars import DIR as EXEMPLARS
from scoring.intents import DATA as INTENT_KEYWORDS
from scoring.meaning import DATA as SETTINGS


def sources() -> list[Path]:
    """The data readings depend on besides the rule pack (recorded on its own): exemplars,
    the read-outs fitted to them, the settings, the intents' keywords."""
    return [
        *sorted(EXEMPLARS.glob("*.yaml")),
        *sorted((EXEMPLARS / "vectors").glob("*.probe.npz")),
        SETTINGS,
        INTENT_KEYWORDS,
    ]


@cache
def identity() -> str:
    """`<encoder> · exemplars <hash>`: equal exactly when the same data read the lines."""
    digest = hashlib.sha256()
    for path in sources():
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{encoder_identity()} · exemplars {digest.hexdigest()[:12]}"
