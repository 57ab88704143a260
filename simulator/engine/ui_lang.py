"""The user's language from the locale: what the app and the trainer commands speak by default."""

from __future__ import annotations

import locale
import os

from scoring.lang import Lang


def default_lang() -> Lang:
    """zh when the user's locale is Chinese, else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"
