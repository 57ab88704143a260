"""Written Cantonese is read as the Mandarin it means, and keeps its length."""

from __future__ import annotations

import pytest

from scoring.dialect import mandarin
from scoring.text import plain


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("我哋唔会报警抓你", "我们不会报警抓你"),
        ("佢冇讲过要告你", "他没讲过要告你"),
        ("你系咪想我哋揾你老细？", "你是否想我们找你老板?"),
        ("聽日之前還咗佢", "明天之前还了他"),  # 繁體 first, then the fold
        ("唔该晒你", "谢谢晒你"),
    ],
)
def test_cantonese_words_read_as_mandarin(said: str, read: str) -> None:
    assert plain(said) == read


@pytest.mark.parametrize(
    "mandarin_line",
    ["唔，好的，我知道了", "我系统里看到您逾期了", "您的联系方式没变吧", "关系到您的征信"],
)
def test_mandarin_is_left_as_it_is(mandarin_line: str) -> None:
    assert mandarin(plain(mandarin_line)) == plain(mandarin_line)


def test_a_figure_keeps_its_place() -> None:
    line = "你而家冇还嘅系5230.5蚊"
    assert len(plain(line)) == len(line)
    assert plain(line).index("5230.5") == line.index("5230.5")
