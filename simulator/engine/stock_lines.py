"""Persona lines the engine falls back on when a scenario gives none."""

from __future__ import annotations

from scoring.i18n import Lang

_STOCK: dict[str, dict[Lang, list[str]]] = {
    "confused": {
        "zh": ["啊？你说什么？", "不好意思，我没听明白，你再说一遍？", "你到底想说什么？"],
        "en": ["Sorry, what?", "I'm not following you. What do you mean?", "Come again?"],
    },
    "resist": {
        "zh": ["这个……我还得再想想。", "你先别急，我现在真没法答应你。"],
        "en": ["I don't know... I need to think about it.", "I can't promise that right now."],
    },
    "hung_up": {
        "zh": ["（对方挂断了电话）"],
        "en": ["(The line goes dead.)"],
    },
}


def stock_lines(lang: Lang, kind: str) -> list[str]:
    return _STOCK[kind][lang]
