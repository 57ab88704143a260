"""Benchmark: one turn (analysis + judging + transition + reply) on the shipped scenarios.

Prints p50/p99 per turn in milliseconds, wall and CPU (the encoder's threads included).
Run: `make bench` or `python benchmarks/bench_turn.py`.
Persistence is excluded (NullSink): it is measured separately (fsync cost depends on the disk).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.measure import load_average
from scoring.encoder import encoder
from simulator.engine.catalog import load_catalog
from simulator.engine.session import Session

LINES = {
    "zh": [
        "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
        "请问是王敏女士本人吗？",
        "您的信用卡目前逾期18天，逾期金额是5230.50元。",
        "是遇到什么困难了吗？",
        "我非常理解您的难处，我们一起想办法。",
        "您可以通过手机银行或者支付宝还款。",
        "您看什么时候方便还款呢？",
        "好的，那我们约定您11月30号前还款，谢谢您的配合，再见。",
    ],
    "en": [
        "Hi, this is Sam Carter calling from Northgate Recovery Services.",
        "Am I speaking with Jordan Miller?",
        "This is an attempt to collect a debt and any information obtained will be used for that purpose.",  # noqa: E501
        "I'm calling about your account; the balance is $1,842.37.",
        "I understand this is a difficult time. Can you tell me what happened?",
        "We can set up a payment plan over 6 months.",
        "You can pay online through our portal or by debit card.",
        "So to confirm, you will pay $307.06 by Friday. Thank you for your time, goodbye.",
    ],
}
ROUNDS = 200
# Lines the encoder has not met yet (each a new number at its end): what a trainee's own
# wording costs; fewer rounds, since each line is embedded.
FRESH_ROUNDS = 3


def turns(rounds: int, fresh: bool) -> tuple[list[float], list[float]]:
    entries, problems = load_catalog()
    if problems:
        print(*problems, sep="\n")
    timings: list[float] = []
    cpu: list[float] = []
    for entry in entries:
        scenario = entry.scenario
        for seed in range(rounds):
            session = Session(scenario, seed=seed)
            for n, line in enumerate(LINES[scenario.lang]):
                if session.ended:
                    break
                said = f"{line} {entry.scenario.id}-{seed}-{n}" if fresh else line
                started, started_cpu = time.perf_counter(), time.process_time()
                session.say(said)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
    return sorted(timings), sorted(cpu)


def report(name: str, measured: tuple[list[float], list[float]]) -> None:
    timings, cpu = measured
    p50 = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    c50 = statistics.median(cpu)
    c99 = cpu[int(len(cpu) * 0.99) - 1]
    print(
        f"{name}: {len(timings)} turns, wall p50 {p50:.1f} ms p99 {p99:.1f} ms   "
        f"CPU p50 {c50:.1f} ms p99 {c99:.1f} ms"
    )


def main() -> None:
    print(load_average())
    encoder().embed(["warm up"])  # the model loads once per process, before the first call
    report("one turn, a line never seen (encoder included)", turns(FRESH_ROUNDS, fresh=True))
    report("one turn, a line seen before (rules, engine)", turns(ROUNDS, fresh=False))


if __name__ == "__main__":
    main()
