"""What a rule pack's patterns were found to be, kept on disk by the pack's content hash.

Starting a judge used to re-check every pattern of the pack (Python's regex parser is pure
Python: ~300 patterns, ~45 ms) and read each one's literals for the prefilter (~20 ms), on
every start of `collectsim check`. Neither can change while the pack's bytes, the prefilter's
code and Python stay the same, so the first process to do it keeps the result here, and the
next ones skip the check and compile a pattern only when a line reaches it. A compiled
pattern itself cannot be kept (unpickling one compiles it again).

The file exists only for a pack whose every pattern compiled: its presence is what lets
validation skip the check. No cache folder configured (`COLLECTSIM_PACK_CACHE`, set by the
command line to the data folder's cache) means everything is done afresh each time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from scoring.atomic import atomic_write
from scoring.prefilter import Needs, needs

CACHE_ENV = "COLLECTSIM_PACK_CACHE"
PatternNeeds = dict[str, Needs | None]


def _folder() -> Path | None:
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else None


@cache
def _code() -> str:
    """What the kept results depend on besides the pack: the literal reader and Python's re."""
    source = (Path(__file__).parent / "prefilter.py").read_bytes()
    return hashlib.sha256(source + sys.version.encode()).hexdigest()[:12]


def _path(content_hash: str) -> Path | None:
    folder = _folder()
    return None if folder is None else folder / f"{content_hash}-{_code()}.json"


def _decode(value: object) -> Needs | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(
        isinstance(group, list) and group and all(isinstance(x, str) and x for x in group)
        for group in value
    ):
        raise ValueError("not a list of literal sets")
    return tuple(frozenset(group) for group in value)


def known(content_hash: str) -> PatternNeeds | None:
    """The kept literals of a pack already checked, or None (never checked, or unreadable)."""
    path = _path(content_hash)
    if path is None:
        return None
    try:
        data = json.loads(path.read_bytes())
        return {str(source): _decode(value) for source, value in data["needs"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, or damaged: check the pack afresh and write it again


def keep(content_hash: str, sources: Iterable[str]) -> PatternNeeds:
    """Read each pattern's literals and keep them for the pack (whose patterns all compiled).
    A cache folder that cannot be written only costs the next start the same work."""
    found = {source: needs(source) for source in dict.fromkeys(sources)}
    path = _path(content_hash)
    if path is not None:
        encoded = {
            source: None if need is None else [sorted(group) for group in need]
            for source, need in found.items()
        }
        text = json.dumps({"needs": encoded}, ensure_ascii=False, sort_keys=True)
        with contextlib.suppress(OSError):
            atomic_write(path, lambda out: out.write(text.encode()))
    return found
