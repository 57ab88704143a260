"""Variants of the dev set's judge lines: does the judge keep its verdict on a line said
another way?

Each dev judge line the judge gets right (a violating line flagged, a compliant line clean) is
said again, its meaning and verdict unchanged, as
  pad      wrapped in polite padding ("您好，打扰一下哈，…", "Hi, sorry to bother you, …"):
           a violation inside a courteous sentence is still one, a clean line stays clean;
  trad     (zh) in Traditional Chinese (OpenCC s2t);
  chat     (en) chat spelling: you → u, your → ur, going to → gonna, please → pls, lower
           case, no final stop;
  nopunct  its punctuation dropped or spaced (zh) / a run-on (en);
  joined   after an ordinary clean dev line of the same context (the violation second), and a
           clean line after another clean line (which must stay clean),
with a fixed seed choosing the padding, the spacing and the partner line. A violating variant
the judge no longer flags, or a clean one it flags, names a kind of wording to fix in general.
Dev lines only (the test sets stay unread); a measure of kinds, never a claim about real
trainee lines.

    python benchmarks/judge_variants.py [-v] [--lang zh|en] [--kind KIND]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import opencc

from benchmarks.eval_devsets import context_of
from benchmarks.vector_cache import remember
from scoring.compliance import Judge, LineContext, judge_for
from scoring.i18n import Lang
from scoring.text import normalise

ROOT = Path(__file__).resolve().parent.parent
SEED = 19
VECTORS = Path("/tmp") / "collectsim-judge-variants-vectors.npz"
KINDS: dict[Lang, tuple[str, ...]] = {
    "zh": ("pad", "trad", "nopunct", "joined"),
    "en": ("pad", "chat", "nopunct", "joined"),
}
PREFIXES: dict[Lang, tuple[str, ...]] = {
    "zh": ("您好，打扰一下哈，", "不好意思啊，跟您说一下，", "喂，您好，"),
    "en": ("Hi, sorry to bother you, ", "Hello there, hope you're well. ", "Hey, quick one, "),
}
SUFFIXES: dict[Lang, tuple[str, ...]] = {
    "zh": ("，麻烦您理解一下，谢谢", "，您看可以吗？", "，好吧，就这样，谢谢您"),
    "en": (" Thanks, have a good one.", " Thank you for your time.", " Appreciate it, bye now."),
}
ZH_STOPS = "。！？，；：、…~!?,;:"
ZH_PUNCT = re.compile(r"[。！？，；：、…~!?,;:（）()“”\"'《》【】\s]+")
EN_PUNCT = re.compile(r"\s*[.,;:!?…—–]+(?=\s|$)\s*|\s*[—–]\s*")
CHAT = (
    (re.compile(r"\bgoing to\b", re.I), "gonna"),
    (re.compile(r"\bwant to\b", re.I), "wanna"),
    (re.compile(r"\byour\b", re.I), "ur"),
    (re.compile(r"\byou're\b", re.I), "ur"),
    (re.compile(r"\byou\b", re.I), "u"),
    (re.compile(r"\bplease\b", re.I), "pls"),
    (re.compile(r"\bare\b", re.I), "r"),
)


def rows(lang: Lang) -> list[dict[str, Any]]:
    text = (ROOT / "devsets" / f"judge.{lang}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def flagged(judge: Judge, text: str, ctx: LineContext) -> bool:
    return bool(judge.judge_line(text, ctx, norm=normalise(text)))


def padded(text: str, lang: Lang, rng: random.Random) -> str:
    """The line after a polite opening, before a polite close, or both."""
    how = rng.choice(("prefix", "suffix", "both"))
    head = rng.choice(PREFIXES[lang]) if how != "suffix" else ""
    tail = rng.choice(SUFFIXES[lang]) if how != "prefix" else ""
    if tail and lang == "zh" and text.endswith(tuple(ZH_STOPS)):
        tail = tail.lstrip("，")
    if tail and lang == "en" and not text.rstrip().endswith((".", "!", "?")):
        text = text.rstrip() + "."
    if head and lang == "en" and text[:1].isupper() and not text.startswith(("I ", "I'")):
        text = text[0].lower() + text[1:]
    return head + text + tail


_TRADITIONAL: list[opencc.OpenCC] = []


def traditional(text: str) -> str:
    if not _TRADITIONAL:
        _TRADITIONAL.append(opencc.OpenCC("s2t"))
    return str(_TRADITIONAL[0].convert(text))


def chat(text: str) -> str:
    for pattern, short in CHAT:
        text = pattern.sub(short, text)
    return text.lower().rstrip().rstrip(".!")


def unpunctuated(text: str, lang: Lang, rng: random.Random) -> str:
    """zh: punctuation dropped or spaced (one choice a line); en: a run-on."""
    if lang == "zh":
        gap = rng.choice(("", " "))
        return ZH_PUNCT.sub(gap, text).strip()
    return re.sub(r"\s+", " ", EN_PUNCT.sub(" ", text)).strip()


def joined(first: str, second: str, lang: Lang) -> str:
    if lang == "zh":
        return first + ("" if first.endswith(tuple(ZH_STOPS)) else "，") + second
    return first + ("" if first.rstrip().endswith((".", "!", "?")) else ".") + " " + second


def variants(
    row: dict[str, Any], lang: Lang, clean: list[dict[str, Any]], rng: random.Random
) -> dict[str, str]:
    """Each kind's variant of one right line (a kind that changes nothing is left out)."""
    text = row["text"]
    out: dict[str, str] = {"pad": padded(text, lang, rng)}
    if lang == "zh":
        out["trad"] = traditional(text)
    else:
        out["chat"] = chat(text)
    out["nopunct"] = unpunctuated(text, lang, rng)
    ctx = context_of(row)
    partners = [r for r in clean if r["id"] != row["id"] and context_of(r) == ctx]
    if partners:
        out["joined"] = joined(rng.choice(partners)["text"], text, lang)
    return {kind: said for kind, said in out.items() if said != text}


def probe_args(prog: str, verbose: str) -> tuple[argparse.Namespace, list[Lang]]:
    """The judge probes' command line (-v, --lang, --kind) and the languages it asks for;
    line vectors are kept between runs from here on."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("-v", action="store_true", help=verbose)
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument("--kind")
    args = parser.parse_args()
    remember(VECTORS)
    return args, [args.lang] if args.lang else ["zh", "en"]


def main() -> None:
    args, langs = probe_args("judge_variants.py", "print each variant that flips")
    for lang in langs:
        judge = judge_for("CN" if lang == "zh" else "US")
        data = rows(lang)
        right = [
            r for r in data if flagged(judge, r["text"], context_of(r)) == bool(r["categories"])
        ]
        clean = [r for r in right if not r["categories"]]
        rng = random.Random(SEED)
        kept: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
        for row in right:
            violating = bool(row["categories"])
            for kind, said in variants(row, lang, clean, rng).items():
                if args.kind and kind != args.kind:
                    continue
                got = flagged(judge, said, context_of(row))
                tally = kept[(kind, violating)]
                tally[1] += 1
                tally[0] += got == violating
                if args.v and got != violating:
                    what = "missed" if violating else "alarm"
                    print(f"  {lang} {kind} {what} {row['id']} {row['categories']}: {said}")
        print(f"{lang}: {len(right)} of {len(data)} dev lines right")
        for kind in KINDS[lang]:
            if args.kind and kind != args.kind:
                continue
            flag, fn = kept[(kind, True)], kept[(kind, False)]
            print(
                f"  {kind:8} violating still flagged {share(flag)} ({flag[0]}/{flag[1]}), "
                f"clean still clean {share(fn)} ({fn[0]}/{fn[1]})"
            )


def share(tally: list[int]) -> str:
    return f"{tally[0] / tally[1]:.3f}" if tally[1] else "  -  "


if __name__ == "__main__":
    main()
