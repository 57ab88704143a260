"""Text normalisation shared by intent matching, entity extraction and rule patterns."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Control characters (except tab/newline, folded into spaces anyway) never reach patterns.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Chinese clause ends: negation and rule matches never cross them.
CLAUSE_BREAK = re.compile(r"[。！？；!?;\n—–]|，|,|\.(?=\s|$)")


def normalise(text: str) -> str:
    """NFKC (full width to half width), lower case, control characters dropped, spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _CONTROL.sub(" ", folded)
    return _SPACE.sub(" ", folded).strip().lower()


def looks_chinese(text: str) -> bool:
    return _CJK.search(text) is not None
