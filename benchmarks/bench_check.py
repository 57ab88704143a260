"""Benchmark: `check` throughput on 10,000 mixed lines, and one turn's judging.

Lines are every example of both shipped rule packs (violations and near-misses, zh and en),
cycled to 10,000. Prints lines per second on one core and microseconds per judged turn.
Run: `make bench`.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import best_of, load_average
from scoring.analysis import analyze
from scoring.check import check_utterance
from scoring.compliance import Judge, LineContext, judge_for
from scoring.i18n import Lang
from scoring.judging import judge_turn
from scoring.rulepack import load_pack
from scoring.transcript import TurnContext
from simulator.engine.catalog import load_catalog

LINES = 10_000


def mixed_lines() -> list[tuple[str, str]]:
    pool: list[tuple[str, str]] = []
    for jurisdiction in ("CN", "US"):
        for rule in load_pack(jurisdiction).rules:
            for example in [*rule.examples.violating, *rule.examples.near_miss]:
                pool.append((jurisdiction, example.text))
    return [pool[i % len(pool)] for i in range(LINES)]


def bench_check() -> None:
    """The pool's ~1,300 distinct lines, repeated to 10,000: each distinct line is embedded
    once (the encoder remembers it), as when a cohort's calls are rescored."""
    lines = mixed_lines()
    ctx = LineContext(local_time=datetime(2026, 11, 20, 10, 0))
    for meaning in (False, True):
        judges = {j: Judge(load_pack(j), semantic=meaning) for j in ("CN", "US")}

        def run(judges: dict[str, Judge] = judges) -> None:
            for jurisdiction, text in lines:
                lang: Lang = "zh" if jurisdiction == "CN" else "en"
                check_utterance(text, lang, judges[jurisdiction], ctx)

        best = best_of(run)  # a shared machine's noise only ever slows a run down
        layer = "rules and meaning" if meaning else "rules alone"
        print(
            f"check ({layer}): {LINES} mixed lines, wall {best.wall:.2f} s = "
            f"{LINES / best.wall:,.0f} lines/s   CPU {best.cpu:.2f} s = "
            f"{LINES / best.cpu:,.0f} lines/s"
        )


def bench_turn_judging() -> None:
    entries, _ = load_catalog()
    samples: list[float] = []
    cpu: list[float] = []
    for entry in entries:
        scenario = entry.scenario
        judge = judge_for(scenario.jurisdiction)
        at = scenario.call.local_time
        context = TurnContext(party="debtor", verified=True)
        pool = [t for t in mixed_lines()[:2000] if t[0] == scenario.jurisdiction][:300]
        for _, text in pool:
            analysis = analyze(text, scenario.lang, at.date())
            started, started_cpu = time.perf_counter(), time.process_time()
            judge_turn(analysis, context, at, scenario.ledger, judge, 1)
            samples.append((time.perf_counter() - started) * 1e6)
            cpu.append((time.process_time() - started_cpu) * 1e6)
    samples.sort()
    cpu.sort()
    p50, c50 = statistics.median(samples), statistics.median(cpu)
    p99, c99 = samples[int(len(samples) * 0.99) - 1], cpu[int(len(cpu) * 0.99) - 1]
    print(
        f"judging one turn: wall p50 {p50:.0f} µs p99 {p99:.0f} µs   "
        f"CPU p50 {c50:.0f} µs p99 {c99:.0f} µs   ({len(samples)} turns)"
    )


if __name__ == "__main__":
    print(load_average())
    bench_check()
    bench_turn_judging()
