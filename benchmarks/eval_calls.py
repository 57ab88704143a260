"""Competent calls written without the catalog's wording (`devsets/calls/`), each played with
three seeds: how many reach the ending a competent call should, and how many of the persona's
replies are "didn't understand". Prints figures for the README; never tuned on.

    python benchmarks/eval_calls.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from simulator.engine.catalog import resolve
from simulator.engine.scenario import Scenario
from simulator.engine.session import Session
from simulator.engine.stock_lines import stock_lines

CALLS = Path(__file__).resolve().parent.parent / "devsets" / "calls"
SEEDS = (0, 1, 2)


def confused_lines(scenario: Scenario) -> set[str]:
    """Every line the persona says when it did not understand."""
    lines = set(stock_lines(scenario.lang, "confused"))
    if scenario.confused is not None:
        lines |= set(scenario.confused.all_lines())
    for spec in scenario.states.values():
        if spec.confused is not None:
            lines |= set(spec.confused.all_lines())
    return lines


def play(scenario: Scenario, lines: list[str], seed: int) -> tuple[str | None, int, int]:
    """(ending, replies, replies that did not understand) of one call."""
    session = Session(scenario, seed=seed)
    confused = confused_lines(scenario)
    replies = lost = 0
    for line in lines:
        if session.ended:
            break
        exchange = session.say(line)
        replies += 1
        lost += exchange.persona.text in confused
    if not session.ended:
        session.end_call()
    return session.ended, replies, lost


def main() -> None:
    verbose = "-v" in sys.argv
    expected: dict[str, str] = yaml.safe_load((CALLS / "expected.yaml").read_text("utf-8"))
    reached = total = replies = lost = 0
    by_lang: dict[str, list[int]] = {}
    for name, ending in sorted(expected.items()):
        scenario = resolve(name.split(".")[0]).scenario
        lines = [x for x in (CALLS / name).read_text("utf-8").splitlines() if x.strip()]
        for seed in SEEDS:
            got, said, misread = play(scenario, lines, seed)
            ok = got == ending
            reached += ok
            total += 1
            replies += said
            lost += misread
            by_lang.setdefault(scenario.lang, [0, 0])
            by_lang[scenario.lang][0] += ok
            by_lang[scenario.lang][1] += 1
            if verbose and not ok:
                print(f"  {name} seed {seed}: {got} (expected {ending}), {misread}/{said} lost")
    print(f"calls: {total} plays of {len(expected)} calls, best ending {reached / total:.2f}")
    for lang, (good, n) in sorted(by_lang.items()):
        print(f"  {lang}: {good}/{n} = {good / n:.2f}")
    print(f"didn't-understand replies: {lost}/{replies} = {lost / max(1, replies):.2f}")


if __name__ == "__main__":
    main()
