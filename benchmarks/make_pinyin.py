"""Write `scoring/data/pinyin.zh.yaml`: toneless pinyin -> the Chinese words it most often spells
in the project's own zh lines (the judge's and the intents' exemplars, the CN pack's examples),
so the judge reads "ni ta ma de dao di huan bu huan" as 你他妈的到底还不还 (scoring/pinyin.py).

Words are the 1-4 character runs of those lines; each key keeps its commonest spelling, and a
word of two or more characters is kept only when said at least `MIN_COUNT` times (a
one-off run across a word boundary spells nothing). Needs `pypinyin` (a maintainer's tool,
not a dependency: `pip install pypinyin`); the written file is data and ships as it is.

    python benchmarks/make_pinyin.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypinyin import Style, lazy_pinyin  # type: ignore[import-not-found,unused-ignore]

from scoring.exemplars import intent_exemplars, judge_exemplars
from scoring.pinyin import LEXICON
from scoring.rulepack import load_pack
from scoring.text import plain

HAN = re.compile(r"[\u4e00-\u9fff]+")
LONGEST = 4
MIN_COUNT = 2


def lines() -> list[str]:
    judge = judge_exemplars("zh")
    intents = intent_exemplars("zh")
    pack = load_pack("CN")
    found = [t for ex in judge.categories.values() for t in (*ex.violating, *ex.compliant)]
    found += [t for texts in intents.intents.values() for t in texts]
    found += list(intents.no_intent)
    found += [m.text for misses in intents.near_misses.values() for m in misses]
    found += [e.text for r in pack.rules for e in (*r.examples.violating, *r.examples.near_miss)]
    return [plain(t) for t in found]


def spellings() -> dict[str, str]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in lines():
        for run in HAN.findall(line):
            sounds = [str(s) for s in lazy_pinyin(run, style=Style.NORMAL)]
            if len(sounds) != len(run):
                continue
            for size in range(1, LONGEST + 1):
                for start in range(len(run) - size + 1):
                    key = " ".join(sounds[start : start + size]).replace("ü", "v")
                    counts[key][run[start : start + size]] += 1
    kept = {}
    for key, words in counts.items():
        word, count = min(words.items(), key=lambda wc: (-wc[1], wc[0]))
        if len(word) == 1 or count >= MIN_COUNT:
            kept[key] = word
    return dict(sorted(kept.items()))


def main() -> None:
    words = spellings()
    header = (
        "# Toneless pinyin -> the words it most often spells in the project's zh lines.\n"
        "# Written by benchmarks/make_pinyin.py; read by scoring/pinyin.py. Do not edit.\n"
    )
    # One block of "pinyin<TAB>word" lines: read at once, where 20,000 YAML keys take 0.5 s.
    body = "".join(f"  {key}\t{word}\n" for key, word in words.items())
    LEXICON.write_text(header + "version: 1\nwords: |\n" + body, encoding="utf-8")
    print(f"{LEXICON}: {len(words)} spellings")


if __name__ == "__main__":
    main()
