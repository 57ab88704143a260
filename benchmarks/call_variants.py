"""Variants of the dev set's competent calls: does the persona follow a call said another way?

Each dev call that reaches its expected ending (seed 0) is played again as a trainee who
  merge    types two consecutive lines as one message (a WeChat habit: "我是小李，工号1024" and
           "请问是王女士吗" in one go),
  filler   adds a bare acknowledgement after a line ("嗯嗯好的", "ok got it"), which must
           move nothing,
with a fixed seed choosing where. A variant that no longer reaches the ending names a kind of
order or pacing the persona cannot follow. Dev calls only (the test sets stay unread); a
measure of kinds, never a claim about real trainee lines.

    python benchmarks/call_variants.py [-v] [--per-call N]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.eval_calls import play
from simulator.engine.catalog import resolve

ROOT = Path(__file__).resolve().parent.parent
CALLS = ROOT / "devsets" / "calls"
FILLERS = {
    "zh": ["嗯嗯，好的", "嗯，我明白", "好的好的"],
    "en": ["ok got it", "mm-hm, okay", "right, sure"],
}
ZH_STOPS = "。！？，；…~!?,;"


def merged(lines: list[str], at: int, lang: str) -> list[str]:
    """Lines `at` and `at + 1` said as one message."""
    first, second = lines[at], lines[at + 1]
    if lang == "zh":
        joint = first + ("" if first.endswith(tuple(ZH_STOPS)) else "，") + second
    else:
        joint = first + ("" if first.endswith((".", "!", "?", ",")) else ".") + " " + second
    return [*lines[:at], joint, *lines[at + 2 :]]


def with_filler(lines: list[str], at: int, lang: str, rng: random.Random) -> list[str]:
    return [*lines[: at + 1], rng.choice(FILLERS[lang]), *lines[at + 1 :]]


def main() -> None:
    verbose = "-v" in sys.argv
    per_call = int(sys.argv[sys.argv.index("--per-call") + 1]) if "--per-call" in sys.argv else 1
    expected: dict[str, str] = yaml.safe_load((CALLS / "expected.yaml").read_text("utf-8"))
    rng = random.Random(18)
    tried = {"merge": 0, "filler": 0}
    kept = {"merge": 0, "filler": 0}
    for name, ending in sorted(expected.items()):
        scenario = resolve(name.split(".")[0]).scenario
        lines = [x for x in (CALLS / name).read_text("utf-8").splitlines() if x.strip()]
        if len(lines) < 4 or play(scenario, lines, 0)[0] != ending:
            continue
        # Not the opening line (who answers decides the rest) and not past the last pair.
        spots = list(range(1, len(lines) - 1))
        for at in rng.sample(spots, min(per_call, len(spots))):
            variants = {
                "merge": merged(lines, at, scenario.lang),
                "filler": with_filler(lines, at, scenario.lang, rng),
            }
            for kind, said in variants.items():
                got = play(scenario, said, 0)[0]
                tried[kind] += 1
                kept[kind] += got == ending
                if verbose and got != ending:
                    print(f"  {kind} {name} at line {at + 1}: {got} (expected {ending})")
    for kind in tried:
        share = kept[kind] / tried[kind] if tried[kind] else 0.0
        print(f"{kind}: {kept[kind]}/{tried[kind]} = {share:.2f} still reach the ending")


if __name__ == "__main__":
    main()
