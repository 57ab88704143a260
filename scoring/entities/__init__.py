"""Entity extraction from one chat line typed by a trainee collector (Chinese or English).

Five kinds of entity are recognised, one module each: money amounts (``amounts``), calendar
dates, absolute and relative to a given ``today`` (``dates``), counts of days and instalments
with durations said loosely, "三个多月", "over three months" (``counts``), shares of a
quantity, 全免, 一半, 三成, half, 30%, 打八折 (``shares``), and rates, 0.6%, 千分之六, 0.65个点
(``rates``). ``numerals`` reads the numbers
they are made of (Chinese, Arabic, English words);
``_view`` is the length-preserving fold all of them match against, so every offset found is an
offset into the original text and ``raw == text[start:end]`` holds.

Every public function is pure, deterministic and total: it never raises on any string, it only
skips what it cannot resolve. Regexes are compiled at import time; repetitions that could
backtrack use possessive quantifiers or atomic groups (Python 3.11+).
"""

from scoring.entities._view import fold
from scoring.entities.amounts import STRESSED_EXACT_RE, AmountMention, extract_amounts
from scoring.entities.counts import (
    CountMention,
    DurationMention,
    extract_counts,
    extract_durations,
)
from scoring.entities.dates import DateMention, extract_dates
from scoring.entities.numerals import chinese_numeral_to_decimal
from scoring.entities.rates import RateMention, extract_rates
from scoring.entities.shares import ShareMention, extract_shares

__all__ = [
    "STRESSED_EXACT_RE",
    "AmountMention",
    "CountMention",
    "DateMention",
    "DurationMention",
    "RateMention",
    "ShareMention",
    "chinese_numeral_to_decimal",
    "extract_amounts",
    "extract_counts",
    "extract_dates",
    "extract_durations",
    "extract_rates",
    "extract_shares",
    "fold",
]
