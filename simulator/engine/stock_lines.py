"""Persona lines the engine falls back on when a scenario gives none, by mood band."""

from __future__ import annotations

from scoring.i18n import Lang

# kind -> language -> band (calm, upset, angry) -> lines
_STOCK: dict[str, dict[Lang, dict[str, list[str]]]] = {
    "confused": {
        "zh": {
            "calm": ["啊？你说什么？", "不好意思，我没听明白，你再说一遍？", "你到底想说什么？"]
        },
        "en": {"calm": ["Sorry, what?", "I'm not following you. What do you mean?", "Come again?"]},
    },
    # The line was understood, but it is not what the debtor is waiting for now.
    "unexpected": {
        "zh": {
            "calm": [
                "嗯，这个我知道了。那刚才说的那个事怎么办？",
                "好，我明白。不过咱们还是先说刚才那个吧。",
                "这个我听懂了，可跟我现在问的不是一回事。",
            ],
            "upset": [
                "你说的我知道，可这不是我现在关心的。",
                "行，这个我知道了，然后呢？",
            ],
            "angry": ["你别扯别的，说重点！", "我问的不是这个！"],
        },
        "en": {
            "calm": [
                "Okay, I hear you. But what about what we were just talking about?",
                "Right, got it. So where does that leave us?",
                "I understand that part. That's not really what I was asking, though.",
            ],
            "upset": [
                "Yeah, I know that. That's not what I'm worried about right now.",
                "Fine, I get it. And?",
            ],
            "angry": ["Stop changing the subject.", "That's not what I asked!"],
        },
    },
    # The line only repeats what is already settled in the call (who calls, the check, the
    # amount, how to pay): the debtor says so and waits for what comes next.
    "settled": {
        "zh": {
            "calm": [
                "嗯，这个刚才说过了，你接着说。",
                "嗯嗯，刚说过了，你说吧。",
                "刚才不是讲过了嘛，你接着说。",
            ],
            "upset": ["刚不是说过了吗？还有啥？", "知道了知道了，你说正事。"],
            "angry": ["说过了！还有啥事？", "这个说过了！"],
        },
        "en": {
            "calm": [
                "Yeah, you said that. Go on.",
                "Right, I know. What else?",
                "Mm-hm, got that already. Go ahead.",
            ],
            "upset": ["You already said that. What else?", "I know, I know. What is it?"],
            "angry": ["You said that already!", "I heard you the first time!"],
        },
    },
    # The line was said to someone else who is there (a neighbour): the debtor waits.
    "aside": {
        "zh": {"calm": ["（他等你说完）……嗯，你接着说。", "（他没吭声，等你说完）……说吧。"]},
        "en": {"calm": ["(He waits until you're done.) ...Go on.", "(He waits.) Okay. Go on."]},
    },
    "resist": {
        "zh": {"calm": ["这个……我还得再想想。", "你先别急，我现在真没法答应你。"]},
        "en": {
            "calm": ["I don't know... I need to think about it.", "I can't promise that right now."]
        },
    },
    # Put before a line the persona must say again, so it is never word for word the last.
    "again": {
        "zh": {"calm": ["我刚说了，", "（叹了口气）", "还是那句话，"]},
        "en": {"calm": ["Like I said, ", "(sighs) ", "Again, "]},
    },
    "hung_up": {
        "zh": {"calm": ["（对方挂断了电话）"]},
        "en": {"calm": ["(The line goes dead.)"]},
    },
}


def stock_lines(lang: Lang, kind: str) -> list[str]:
    """Every stock line of a kind, all moods."""
    return [line for band in _STOCK[kind][lang].values() for line in band]


def stock_bands(lang: Lang, kind: str) -> dict[str, list[str]]:
    """A kind's stock lines by mood band (calm, and upset/angry where they differ)."""
    return dict(_STOCK[kind][lang])
