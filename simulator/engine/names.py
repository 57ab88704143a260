"""The one check every trainee name passes, wherever it is typed (app, CLI, certificates)."""

from __future__ import annotations

import unicodedata
from typing import Literal

MAX_NAME_CHARS = 200

NameProblem = Literal["empty", "long", "control"]


def name_problem(raw: str) -> NameProblem | None:
    """Why `raw` (stripped) cannot be a trainee name, or None when it can: names are shown to
    HR in terminals and tables, so control and format characters (escapes, RLO) are refused."""
    name = raw.strip()
    if not name:
        return "empty"
    if len(name) > MAX_NAME_CHARS:
        return "long"
    if any(unicodedata.category(c).startswith("C") for c in name):
        return "control"
    return None
