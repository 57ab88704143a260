"""Variants of the dev set's competent calls: does the persona follow a call said another way?

Each dev call that reaches its expected ending (seed 0) is played again as a trainee who
  merge    types two consecutive lines as one message (a WeChat habit: "我是小李，工号1024" and
           "请问是王女士吗" in one go),
  filler   adds a bare acknowledgement after a line ("嗯嗯好的", "ok got it"), which must
           move nothing,
with a fixed seed choosing where, and, over every line of the call (`benchmarks/surface.py`),
  trad     types Traditional characters (zh),
  nopunct  drops punctuation; in en, lower-case chat spelling (u, ur, pls, gonna),
  pad      pads half the lines politely (您好， / ，麻烦您了 / hi, / thanks),
  typo     makes the homophone typos new collectors make (以经, 按排, 帐单, 在见; zh),
  numerals says the figures in words (五千二百三十块五, two hundred seven dollars and twenty cents),
  cnnum    says a count and a date in one line in Chinese numerals (分六期，每月十五号; zh),
  nayday   types 那天 for 哪天 (the homophone the input method offers first; zh),
and, at one spot a call (its own seed),
  askjoin  says a statement and the next line's question as one message joined by "，那"
           ("…都能缴，那您哪天可以缴？"; zh), where both must be answered,
  empathyoffer  opens a line that proposes (a count of instalments, a day) with understanding
           ("理解您的难处，我们可以给您分6期"; zh): the offer must still be heard,
  sorrycheck  opens a check of identity with an apology for the trouble ("给您添麻烦了，
           不好意思。请问您身份证后四位是？"; zh): the check must still be heard,
  ownday   adds, after the last line that names a day to pay, a day tied to the collector's own
           act ("我这边今天就把申请递上去"; zh): no day offered to the debtor.
A surface kind counts only the calls it changes. A variant that no longer reaches the ending
names a kind of order, pacing or wording the persona cannot follow; `-v` lists each with the
first line where the persona's path (state and kind of reply) leaves the original's. Dev calls
only (the test sets stay unread); a measure of kinds, never a claim about real trainee lines.

    python benchmarks/call_variants.py [-v] [--per-call N] [--kinds k,k] [--only GLOB]
"""

from __future__ import annotations

import fnmatch
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import surface
from simulator.engine.catalog import resolve
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

ROOT = Path(__file__).resolve().parent.parent
CALLS = ROOT / "devsets" / "calls"
FILLERS = {
    "zh": ["嗯嗯，好的", "嗯，我明白", "好的好的"],
    "en": ["ok got it", "mm-hm, okay", "right, sure"],
}
ZH_STOPS = "。！？，；…~!?,;"
SURFACE: dict[str, Callable[[str, str], str]] = {
    "trad": surface.trad,
    "nopunct": surface.nopunct,
    "typo": surface.typo,
    "numerals": surface.numerals,
    "cnnum": surface.cnnum,
    "nayday": surface.nayday,
}
KINDS = (
    "merge",
    "filler",
    "trad",
    "nopunct",
    "pad",
    "typo",
    "numerals",
    "cnnum",
    "nayday",
    "askjoin",
    "empathyoffer",
    "sorrycheck",
    "ownday",
)
# What a trainee says beside another act in one message (zh): understanding before an offer,
# an apology before a check of identity, the collector's own next step with its day.
EMPATHY = ["理解您的难处，", "我明白您现在不容易，", "您的情况我能体谅，"]
SORRY = ["给您添麻烦了，不好意思。", "刚才让您久等了，抱歉，", "打扰您了，实在抱歉。"]
OWN_DAY = [
    "我这边今天就把申请递上去。",
    "我今天下午就给您把备注加上。",
    "我们明天会把还款计划登记好。",
]
_OFFER = re.compile(r"\d+期|[一二两三四五六七八九十]+期|\d+号|月底|月初|分期|先还|哪天|几号")
_CHECK = re.compile(r"身份证|后四位|核实|核对一下|确认一下您|本人吗|是.{1,4}(先生|女士|小姐)吗")
_DAY = re.compile(r"\d+号|\d+日|月底|月初|明天|后天|下周|下个?月")

# One step of a call: (the line said, state after it, kind of reply).
Step = tuple[str, str, str]


def merged(lines: list[str], at: int, lang: str) -> list[str]:
    """Lines `at` and `at + 1` said as one message."""
    first, second = lines[at], lines[at + 1]
    if lang == "zh":
        joint = first + ("" if first.endswith(tuple(ZH_STOPS)) else "，") + second
    else:
        joint = first + ("" if first.endswith((".", "!", "?", ",")) else ".") + " " + second
    return [*lines[:at], joint, *lines[at + 2 :]]


def ask_joined(lines: list[str], rng: random.Random) -> tuple[list[str], list[int]] | None:
    """A statement and the question on the next line said as one message: "…，那<question>"
    (zh; not the opening line). None where the call has no statement followed by a question."""
    spots = [
        i
        for i in range(1, len(lines) - 1)
        if not lines[i].endswith(("？", "?")) and lines[i + 1].endswith(("？", "?"))
    ]
    if not spots:
        return None
    at = rng.choice(spots)
    first, second = lines[at].rstrip("。！!，,~…"), lines[at + 1]
    second = second.removeprefix("那么").removeprefix("那").lstrip("，,")
    n = len(lines)
    joint = first + "，那" + second
    return [*lines[:at], joint, *lines[at + 2 :]], [*range(at), *range(at + 1, n)]


def beside(
    lines: list[str], find: re.Pattern[str], words: list[str], rng: random.Random, *, after: bool
) -> tuple[list[str], list[int]] | None:
    """One line the pattern finds (not the opening line; the last such line when `after`)
    said with other words before it, or after it; None where no line fits."""
    spots = [
        i
        for i in range(1, len(lines))
        if find.search(lines[i]) and not (after and lines[i].endswith(("？", "?")))
    ]
    if not spots:
        return None
    at = spots[-1] if after else rng.choice(spots)
    said = rng.choice(words)
    line = lines[at]
    if after:
        line = line.rstrip("。！!~…") + ("" if line.endswith(("？", "?")) else "。") + said
    else:
        line = said + line
    return [*lines[:at], line, *lines[at + 1 :]], list(range(len(lines)))


def with_filler(lines: list[str], at: int, lang: str, rng: random.Random) -> list[str]:
    return [*lines[: at + 1], rng.choice(FILLERS[lang]), *lines[at + 1 :]]


def walk(scenario: Scenario, lines: list[str], seed: int = 0) -> tuple[str | None, list[Step]]:
    """The ending of one call and the persona's path through it."""
    session = Session(scenario, seed=seed)
    path: list[Step] = []
    for line in lines:
        if session.ended:
            break
        exchange = session.say(line)
        path.append((line, exchange.persona.state, exchange.reply_kind))
    if not session.ended:
        session.end_call()
    return session.ended, path


def diverges(original: list[Step], variant: list[Step], origin: list[int]) -> str:
    """The first variant line whose state or reply kind differs from the original's after the
    line it stands for (`origin[i]`: the original line variant line i ends with)."""
    for i, (line, state, kind) in enumerate(variant):
        j = origin[i]
        if j >= len(original):
            return f"line {i + 1} {line!r}: past the original's end ({state}/{kind})"
        _, o_state, o_kind = original[j]
        if (state, kind) != (o_state, o_kind):
            return f"line {i + 1} {line!r}: {state}/{kind}, original {o_state}/{o_kind}"
    return "no line diverges (the ending alone)"


def variants(
    name: str, lines: list[str], lang: str, at: int, rng: random.Random
) -> dict[str, tuple[list[str], list[int]]]:
    """Each kind's lines with, per line, the original line it stands for."""
    n = len(lines)
    same = list(range(n))
    out = {
        "merge": (merged(lines, at, lang), [*range(at), *range(at + 1, n)]),
        "filler": (with_filler(lines, at, lang, rng), [*range(at + 1), at, *range(at + 1, n)]),
    }
    for kind, change in SURFACE.items():
        out[kind] = ([change(x, lang) for x in lines], same)
    padder = random.Random(name)  # its own seed: the merge and filler spots stay as they were
    out["pad"] = ([surface.pad(x, lang, padder) for x in lines], same)
    joined = ask_joined(lines, random.Random("askjoin " + name)) if lang == "zh" else None
    if joined:
        out["askjoin"] = joined
    if lang == "zh":
        seeded = random.Random("beside " + name)
        for kind, find, words, after in (
            ("empathyoffer", _OFFER, EMPATHY, False),
            ("sorrycheck", _CHECK, SORRY, False),
            ("ownday", _DAY, OWN_DAY, True),
        ):
            found = beside(lines, find, words, seeded, after=after)
            if found:
                out[kind] = found
    return out


def main() -> None:
    verbose = "-v" in sys.argv
    per_call = int(sys.argv[sys.argv.index("--per-call") + 1]) if "--per-call" in sys.argv else 1
    kinds = sys.argv[sys.argv.index("--kinds") + 1].split(",") if "--kinds" in sys.argv else KINDS
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else "*"
    expected: dict[str, str] = yaml.safe_load((CALLS / "expected.yaml").read_text("utf-8"))
    rng = random.Random(18)
    tried = dict.fromkeys(kinds, 0)
    kept = dict.fromkeys(kinds, 0)
    for name, ending in sorted(expected.items()):
        scenario = resolve(name.split(".")[0]).scenario
        lines = [x for x in (CALLS / name).read_text("utf-8").splitlines() if x.strip()]
        if len(lines) < 4 or not fnmatch.fnmatch(name, only):
            continue
        got, original = walk(scenario, lines)
        if got != ending:
            continue
        # Not the opening line (who answers decides the rest) and not past the last pair.
        spots = list(range(1, len(lines) - 1))
        for at in rng.sample(spots, min(per_call, len(spots))):
            for kind, (said, origin) in variants(name, lines, scenario.lang, at, rng).items():
                if kind not in kinds or said == lines:
                    continue
                got, path = walk(scenario, said)
                tried[kind] += 1
                kept[kind] += got == ending
                if verbose and got != ending:
                    where = diverges(original, path, origin)
                    print(f"  {kind} {name}: {got} (expected {ending}); {where}")
    for kind in kinds:
        share = kept[kind] / tried[kind] if tried[kind] else 0.0
        print(f"{kind}: {kept[kind]}/{tried[kind]} = {share:.2f} still reach the ending")


if __name__ == "__main__":
    main()
