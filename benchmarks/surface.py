"""Surface variants of a trainee line that keep its meaning (for `call_variants.py`).

Each kind is a habit of real trainees typing in a chat window: Traditional characters, no
punctuation and chat spelling, polite padding, the homophone typos new collectors make, figures
said in words. A variant must say what the line says; only its surface moves.
"""

from __future__ import annotations

import random
import re
from functools import cache

import opencc

# Integers said aloud are the accuracy grid's (one reader of numbers, one spelling).
from benchmarks._spoken import CN_DIGITS as ZH_DIGITS
from benchmarks._spoken import cn_int as zh_int
from benchmarks._spoken import en_int


@cache
def _traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def trad(line: str, lang: str) -> str:
    return _traditional().convert(line) if lang == "zh" else line


# Punctuation a chat message drops; a point or comma inside a figure stays (5,230.50).
_ZH_PUNCT = re.compile(r"[，。！？、；：,!?;:…~“”‘’（）()]+|(?<!\d)\.|\.(?!\d)")
_EN_PUNCT = re.compile(r"[!?;:…~\"“”()]+|(?<!\d)[.,]|[.,](?!\d)")
# Chat spelling; whole words only, case already folded.
EN_CHAT = {
    "you're": "ur",
    "your": "ur",
    "you": "u",
    "please": "pls",
    "going to": "gonna",
    "want to": "wanna",
    "thanks": "thx",
    "because": "cuz",
    "okay": "ok",
    "i'm": "im",
    "don't": "dont",
    "can't": "cant",
    "that's": "thats",
    "it's": "its",
}
_EN_CHAT = re.compile(r"\b(" + "|".join(re.escape(k) for k in EN_CHAT) + r")\b")


def nopunct(line: str, lang: str) -> str:
    if lang == "zh":
        return re.sub(r"\s+", " ", _ZH_PUNCT.sub(" ", line)).strip()
    low = _EN_CHAT.sub(lambda m: EN_CHAT[m.group(1)], line.lower())
    return re.sub(r"\s+", " ", _EN_PUNCT.sub(" ", low)).strip()


PADS = {
    "zh": (("您好，", "那个，"), ("，麻烦您了", "，谢谢您")),
    "en": (("hi, ", "so, "), (" thanks", ", thank you")),
}


def pad(line: str, lang: str, rng: random.Random) -> str:
    """Polite padding before or after half the lines (which ones: the call's seed)."""
    if rng.random() < 0.5:
        return line
    before, after = PADS[lang]
    if rng.random() < 0.5:
        return rng.choice(before) + line
    tail = rng.choice(after)
    if line.endswith(("？", "?")):  # after a question the thanks stands alone: 可以吗？谢谢您
        return line + tail.lstrip("，") if lang == "zh" else f"{line} {tail.lstrip(', ')}"
    return line.rstrip("。.!！") + tail


# Homophone typos new collectors really make (同音字 picked by the input method), each applied
# wherever its word occurs; 的→得 only once a line (everywhere would be a different writer).
ZH_TYPOS = {
    "已经": "以经",
    "以后": "已后",
    "安排": "按排",
    "账单": "帐单",
    "账户": "帐户",
    "身份证": "身分证",
    "一下": "以下",
    "再打": "在打",
    "再联系": "在联系",
    "再见": "在见",
    "哪天": "那天",
    "即使": "既使",
    "反映": "反应",
}


def typo(line: str, lang: str) -> str:
    if lang != "zh":
        return line
    for right, wrong in ZH_TYPOS.items():
        line = line.replace(right, wrong)
    return re.sub(r"([他她我您你])的", r"\1得", line, count=1)


def zh_money(whole: str, cents: str | None) -> str:
    said = zh_int(int(whole.replace(",", ""))) + "块"
    if not cents:
        return said
    cents = (cents + "0")[:2]
    jiao, fen = int(cents[0]), int(cents[1])
    if jiao and fen:
        return said + ZH_DIGITS[jiao] + "毛" + ZH_DIGITS[fen]
    if jiao:
        return said + ZH_DIGITS[jiao]
    return said + ("零" + ZH_DIGITS[fen] + "分" if fen else "")


_ZH_MONEY = re.compile(
    r"[¥￥]?(\d[\d,]*)(?:\.(\d{1,2}))?\s*(?:元|块钱|块)|[¥￥]?(\d[\d,]*)\.(\d{1,2})"
)
_ZH_UNIT = re.compile(r"(?<![\d.])(\d+)(?=个月|期|天|号|日|月|岁|周|点|次|万|千|毛|%|％)")
# Counts of things: 2 is 两 before a measure word (两期, 两天), 二 in a date (二月, 二号).
_MEASURE = ("个月", "期", "天", "周", "点", "次", "万", "千")


def numerals(line: str, lang: str) -> str:
    return _zh_numerals(line) if lang == "zh" else _en_numerals(line)


def _zh_numerals(line: str) -> str:
    def money(m: re.Match[str]) -> str:
        if m.group(1):
            return zh_money(m.group(1), m.group(2))
        return zh_money(m.group(3), m.group(4))

    line = _ZH_MONEY.sub(money, line)
    line = re.sub(r"(\d+)[%％]", lambda m: "百分之" + zh_int(int(m.group(1))), line)

    def unit(m: re.Match[str]) -> str:
        n = int(m.group(1))
        after = line[m.end() : m.end() + 2]
        if n == 2 and after.startswith(_MEASURE):
            return "两"
        return zh_int(n)

    return _ZH_UNIT.sub(unit, line)


_EN_MONEY = re.compile(r"\$(\d[\d,]*)(?:\.(\d\d))?")
_EN_COUNT = re.compile(
    r"\b(\d{1,3})(?=\s+(?:monthly\s+)?(?:months?|payments?|days?|weeks?|installments?|instalments?)\b)"
)


def _en_numerals(line: str) -> str:
    def money(m: re.Match[str]) -> str:
        dollars = int(m.group(1).replace(",", ""))
        said = f"{en_int(dollars)} dollar{'s' if dollars != 1 else ''}"
        cents = int(m.group(2) or 0)
        return said + (f" and {en_int(cents)} cents" if cents else "")

    line = _EN_MONEY.sub(money, line)
    return _EN_COUNT.sub(lambda m: en_int(int(m.group(1))), line)


# A count and a date side by side (分6期，每月15号 → 分六期，每月十五号): the two readers of
# Chinese numerals must keep apart which figure is the count and which the day.
_ZH_COUNT = re.compile(r"(?<![\d.])(\d+)(?=个月|期|次|周)")
_ZH_DATE = re.compile(r"(?<![\d.])(\d+)(?=号|日|月)")


def cnnum(line: str, lang: str) -> str:
    """Counts and dates in Chinese numerals, only in a line that holds both."""
    if lang != "zh" or not (_ZH_COUNT.search(line) and _ZH_DATE.search(line)):
        return line

    def count(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return "两" if n == 2 else zh_int(n)

    line = _ZH_COUNT.sub(count, line)
    return _ZH_DATE.sub(lambda m: zh_int(int(m.group(1))), line)


def nayday(line: str, lang: str) -> str:
    """哪天 typed 那天 (the homophone typo alone; `typo` mixes it with the others)."""
    return line.replace("哪天", "那天") if lang == "zh" else line
