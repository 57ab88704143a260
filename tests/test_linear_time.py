"""Every pattern a line meets runs in time linear in the line (issue 18).

A regex that backtracks over a run of digits, separators or spaces costs n² (or worse) on a
pasted line: `\\d[\\d,]*…元` took 9.5 s on 20,000 digits, and a few `\\s*` in a row took
minutes on a few hundred spaces. Each pattern, and a whole turn (analysis and judging), is
timed on adversarial lines of growing length in CPU time (thread time: a busy machine does
not count against it). Linear work grows about 4× when the line grows 4×, quadratic 16×; a
growth over 10× fails, and only after it is measured again, so a stray cache miss cannot fail
the suite. No absolute time is asserted.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

import scoring
from scoring.compliance import Judge
from scoring.data_files import load_yaml
from scoring.i18n import Lang
from scoring.intents import _catalog
from scoring.rulepack import load_pack
from scoring.text import MAX_LINE_CHARS
from scoring.tone import reader
from scoring.transcript import TurnContext
from simulator.engine.scenario import Scenario

# Lines made of one unit repeated: digit runs, separators, repeated numerals, spaces, and the
# words patterns start with.
UNITS = (
    "1", "1,", "1.", "1 ", "12,345 ", " ", "\t ", "一", "万", "五千", "一万二", "元", "块", "号",
    "月", "期", "a", "a ", "ab ", "你", "不", "的", "还", "是", "$1", "¥1", "1元", "1-", "1/",
    "，", "、", "-", "1 1", "x y,", "我们是", "请问", "1,1", "分1", "1号", "五元", "one ",
    "five hundred ", "and ", "1 day ", "3天", "$1 plus ",
)  # fmt: skip
GROWTH = 4  # each line is this many times longer than the one before
MAX_RATIO = 10.0  # linear ≈ 4, quadratic ≈ 16; room for a busy machine
FLOOR = 3e-4  # s of CPU: below this the longer line is too quick to judge growth on
TRIES = 3


def _cpu(run: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.thread_time()
        run(text)
        best = min(best, time.thread_time() - started)
    return best


def _superlinear(run: Callable[[str], object], unit: str, sizes: tuple[int, ...]) -> str | None:
    """Why `run` grows faster than linearly on lines of `unit` repeated, or None."""
    lines = [unit * max(1, size // len(unit)) for size in sizes]
    # One quick pass first: most patterns never come near the floor.
    if _cpu(run, lines[-1], 1) < FLOOR:
        return None
    for short, long in itertools.pairwise(lines):
        ratios = []
        for _ in range(TRIES):
            small, large = _cpu(run, short, 3), _cpu(run, long, 3)
            if large < FLOOR or large <= MAX_RATIO * small:
                break
            ratios.append(large / max(small, 1e-9))
        else:
            return (
                f"{unit!r}×{len(short) // len(unit)} → ×{len(long) // len(unit)}: CPU time grew "
                f"{min(ratios):.0f}× (at most {MAX_RATIO:.0f}×), {large * 1000:.1f} ms"
            )
    return None


def _data_patterns() -> dict[str, list[str]]:
    """Every pattern a trainer writes in data: rules, intent keywords, tone, call notes."""
    found: dict[str, list[str]] = {}
    for jurisdiction in ("CN", "US"):
        pack = load_pack(jurisdiction)
        sources = list(pack.debt_talk_patterns)
        for rule in pack.rules:
            sources += [p for p in rule.patterns if p != "@debt_talk"] + list(rule.unless)
            sources += rule.requirement.patterns if rule.requirement else []
        found[f"rules/{jurisdiction.lower()}.yaml"] = sources
    intents = _catalog()["intents"]
    assert isinstance(intents, dict)
    found["data/intents.yaml"] = [
        keyword
        for spec in intents.values()
        for lang in ("zh", "en")
        for keyword in spec[lang].get("keywords", [])
    ]
    markers = reader().data.markers.values()
    found["data/tone.yaml"] = [p for spec in markers for p in (*spec.zh, *spec.en)]
    notes = load_yaml(Path(scoring.__file__).parent / "data" / "callnote.yaml")
    found["data/callnote.yaml"] = [
        p
        for table in (*notes["outcome"].values(), notes["next_step"])
        for lang in ("zh", "en")
        for p in table[lang]
    ]
    return found


PATTERNS = _data_patterns()


@pytest.mark.parametrize("source", sorted(PATTERNS))
def test_every_data_pattern_is_linear(source: str) -> None:
    quarter = MAX_LINE_CHARS // GROWTH
    problems = []
    for pattern in PATTERNS[source]:
        regex = re.compile(pattern)

        def run(text: str, regex: re.Pattern[str] = regex) -> None:
            for _ in regex.finditer(text):
                pass

        for unit in UNITS:
            why = _superlinear(run, unit, (quarter, MAX_LINE_CHARS))
            if why:
                problems.append(f"{source}: {pattern}: {why}")
                break
    assert not problems, "\n".join(problems)


def test_the_patterns_are_all_read() -> None:
    # The sweep above must see what the judge compiles, not an empty list.
    assert len(PATTERNS["rules/cn.yaml"]) > 100 and len(PATTERNS["rules/us.yaml"]) > 100
    assert len(PATTERNS["data/intents.yaml"]) > 100


@pytest.fixture
def turn(
    forgetful: Scenario, monkeypatch: pytest.MonkeyPatch
) -> Callable[[Lang], Callable[[str], object]]:
    """A whole turn by the rules (analysis, judging, accuracy, tone), meaning left out: the
    encoder reads a bounded number of tokens, whatever the line's length."""
    import scoring.analysis
    import scoring.meaning
    from scoring.judging import judge_turn

    monkeypatch.setattr(scoring.meaning, "intents_by_meaning", lambda text, lang: [])
    judges = {
        "zh": Judge(load_pack("CN"), semantic=False),
        "en": Judge(load_pack("US"), semantic=False),
    }
    at = datetime(2026, 11, 20, 10, 0)
    context = TurnContext(party="debtor", verified=False)

    def make(lang: Lang) -> Callable[[str], object]:
        def run(text: str) -> object:
            analysis = scoring.analysis.analyze(text, lang, at.date())
            return judge_turn(analysis, context, at, forgetful.ledger, judges[lang], 1)

        return run

    return make


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_whole_turn_is_linear(
    lang: Lang, turn: Callable[[Lang], Callable[[str], object]]
) -> None:
    """Every Python pattern of the entities, figures and accuracy checks, as they are used.
    Lines grow from 31 characters so that worse than quadratic fails before it hangs."""
    run = turn(lang)
    sizes = (31, 125, 500, MAX_LINE_CHARS)
    problems = []
    for prefix in ("", "5", "欠" if lang == "zh" else "$"):

        def after(text: str, head: str = prefix) -> object:
            return run(head + text)

        for unit in UNITS:
            why = _superlinear(after, unit, sizes)
            if why:
                problems.append(f"{lang} {prefix!r}+{why}")
    assert not problems, "\n".join(problems)


def test_the_growth_check_can_fail() -> None:
    """The check above fails a pattern known to be quadratic (the old debt-talk pattern)."""
    old = re.compile(r"\d[\d,]*(\.\d+)?\s*(元|块|万)")
    # Six times longer: quadratic grows ~36×, far past the bar (10×) however noisy the
    # machine; at four times (~16×) a slow short run on a shared VM could hide it.
    why = _superlinear(lambda text: list(old.finditer(text)), "1", (500, 3000))
    assert why is not None and why.startswith("'1'×500 → ×3000")
    (new,) = [re.compile(p) for p in load_pack("CN").debt_talk_patterns if "元|块|万" in p]
    assert new.pattern != old.pattern
    assert _superlinear(lambda text: list(new.finditer(text)), "1", (500, 3000)) is None
