"""Where CollectSim keeps its data, finds what it ships and finds the user's catalog.

What ships — the catalog (`scenarios/`, with `tests/` and `tracks/`) and the JSON schemas
(`schemas/`) — lives at the top of a checkout; the wheel carries the same folders inside the
package as `simulator/shipped/scenarios` and `simulator/shipped/schemas` (`setup.py`).

The catalog read is the user's own when there is one — `COLLECTSIM_SCENARIOS` (which the
`--scenarios DIR` option sets), else `./scenarios` in the working directory — and otherwise
the shipped one. Nothing is ever written into the installed package.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

PACKAGE = Path(__file__).resolve().parents[1]
SCENARIOS_ENV = "COLLECTSIM_SCENARIOS"
LOCAL_SCENARIOS = Path("scenarios")


def shipped(name: str) -> Path:
    """A folder the project ships: inside an installed package, else at the checkout's top."""
    installed = PACKAGE / "shipped" / name
    return installed if installed.is_dir() else PACKAGE.parent / name


SHIPPED_SCENARIOS = shipped("scenarios")
SHIPPED_SCHEMAS = shipped("schemas")


def _data_root() -> Path:
    override = os.environ.get("COLLECTSIM_HOME")
    return Path(override) if override else Path(user_data_dir("collectsim", appauthor=False))


VECTOR_CACHE_ENV = "COLLECTSIM_VECTOR_CACHE"  # scoring.semantic.CACHE_ENV, which reads it
PACK_CACHE_ENV = "COLLECTSIM_PACK_CACHE"  # scoring.pack_cache.CACHE_ENV, which reads it


def cache_root() -> Path:
    """Where results that can be made again are kept (each kind in a folder of its own)."""
    return _data_root() / "cache"


def pack_cache() -> Path:
    """Where what a rule pack's patterns were found to be is kept (scoring.pack_cache)."""
    return cache_root() / "packs"


def vector_cache() -> Path:
    """Where vectors of exemplars a centre edited are kept (created when first written)."""
    return cache_root() / "vectors"


def data_dir() -> Path:
    """COLLECTSIM_HOME, else the platform's user data directory; created on first use, 0700:
    it holds transcripts, the records database and the centre's signing key."""
    return private_dir(_data_root())


def private_dir(path: Path) -> Path:
    """`path` as a folder only its owner can read (created 0700; an existing one is left as
    its owner set it). OSError when it cannot be made (a file of that name, no permission)."""
    # mkdir first, never "exists? then make": another process may make it in between.
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError:  # a file of that name
        raise NotADirectoryError(20, "Not a directory", str(path)) from None
    return path


def user_scenarios_dir() -> Path | None:
    """The user's own catalog: COLLECTSIM_SCENARIOS, else ./scenarios when present; or None."""
    override = os.environ.get(SCENARIOS_ENV)
    if override:
        return Path(override)
    return LOCAL_SCENARIOS if LOCAL_SCENARIOS.is_dir() else None


def scenarios_dir() -> Path:
    """The catalog scenarios are read from: the user's own, else the shipped one."""
    return user_scenarios_dir() or SHIPPED_SCENARIOS


def authoring_root() -> Path:
    """The folder a trainer writes in: the user's catalog's parent, else the working directory
    (where `new` starts ./scenarios); `schema` and `docs` write beside the catalog there."""
    own = user_scenarios_dir()
    return own.parent if own is not None else Path()


def inside_package(path: Path) -> bool:
    """True for a path in the installed package (never a place to write user files)."""
    return path.resolve().is_relative_to(PACKAGE)
