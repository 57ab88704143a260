"""Competent calls written without the catalog's wording (`devsets/calls/`), each played with
three seeds: how many reach the ending a competent call should, and how many of the persona's
replies are "didn't understand". Prints figures for the README. `devsets/calls/` may be studied
to find kinds of misunderstanding; `testsets/calls/` (written apart, never studied) is the
held-out figure.

    python benchmarks/eval_calls.py [devsets|testsets] [-v] [--only GLOB ...]

`--only` plays only the calls whose file name matches one of the globs (a new dev batch alone).
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

import yaml

from simulator.engine.catalog import resolve
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (0, 1, 2)


def play(scenario: Scenario, lines: list[str], seed: int) -> tuple[str | None, int, int, int]:
    """(ending, replies, replies that did not understand, replies that understood a line the
    state could not use) of one call."""
    session = Session(scenario, seed=seed)
    replies = lost = aside = 0
    for line in lines:
        if session.ended:
            break
        exchange = session.say(line)
        replies += 1
        lost += exchange.reply_kind == "confused"
        aside += exchange.reply_kind == "unexpected"
    if not session.ended:
        session.end_call()
    return session.ended, replies, lost, aside


def main() -> None:
    verbose = "-v" in sys.argv
    sets = [a for a in sys.argv[1:] if a in ("devsets", "testsets")]
    only = sys.argv[sys.argv.index("--only") + 1 :] if "--only" in sys.argv else []
    calls = ROOT / (sets[0] if sets else "devsets") / "calls"
    expected: dict[str, str] = yaml.safe_load((calls / "expected.yaml").read_text("utf-8"))
    reached = total = replies = lost = unexpected = 0
    by_lang: dict[str, list[int]] = {}
    if only:
        expected = {k: v for k, v in expected.items() if any(fnmatch.fnmatch(k, g) for g in only)}
    for name, ending in sorted(expected.items()):
        scenario = resolve(name.split(".")[0]).scenario
        lines = [x for x in (calls / name).read_text("utf-8").splitlines() if x.strip()]
        for seed in SEEDS:
            got, said, misread, aside = play(scenario, lines, seed)
            ok = got == ending
            reached += ok
            total += 1
            replies += said
            lost += misread
            unexpected += aside
            by_lang.setdefault(scenario.lang, [0, 0])
            by_lang[scenario.lang][0] += ok
            by_lang[scenario.lang][1] += 1
            if verbose and not ok:
                print(f"  {name} seed {seed}: {got} (expected {ending}), {misread}/{said} lost")
    heading = f"{calls.parent.name}: {total} plays of {len(expected)} calls"
    print(f"{heading}, best ending {reached / total:.2f}")
    for lang, (good, n) in sorted(by_lang.items()):
        print(f"  {lang}: {good}/{n} = {good / n:.2f}")
    print(f"didn't-understand replies: {lost}/{replies} = {lost / max(1, replies):.2f}")
    print(
        f"understood-but-unexpected replies: {unexpected}/{replies} = "
        f"{unexpected / max(1, replies):.2f}"
    )


if __name__ == "__main__":
    main()
