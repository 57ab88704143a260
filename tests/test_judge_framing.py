"""Mechanisms for violations said in words nobody wrote: the read-out learns the judge's own
exemplars inside courteous, chatty and second-hand frames (`semantic.wrapped_items`), and a
line that reads compliant as a whole still has its clauses voted on when a clause leads
clearly (`judge.diluted_clause_lead`)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from scoring import meaning
from scoring.exemplars import judge_exemplars
from scoring.i18n import Lang
from scoring.meaning import ProbePolicy, policy, violations_by_meaning
from scoring.semantic import COMPLIANT, _framed, wrapped_items


@pytest.mark.parametrize(("lang", "own", "violating"), [("zh", 6048, 3477), ("en", 5736, 3216)])
def test_every_own_exemplar_is_framed_once_with_its_label(
    lang: Lang, own: int, violating: int
) -> None:
    wrappers = policy().judge.probe.wrappers[lang]
    framed = wrapped_items(lang, wrappers)
    data = judge_exemplars(lang)
    assert own == sum(len(c.violating) + len(c.compliant) for c in data.categories.values())
    assert len(framed) == own
    assert sum(item.label != COMPLIANT for item in framed) == violating
    assert framed == wrapped_items(lang, wrappers)  # the same frames every time


def test_the_frame_is_chosen_by_the_exemplar_s_hash() -> None:
    framed = wrapped_items("zh", ("甲：{}", "乙：{}"))
    assert framed[0].text == "乙:你这个属于恶意透支,再不还就等着派出所上门抓人吧。"
    assert framed[0].label == "threat_arrest_jail"
    assert wrapped_items("zh", ()) == []


def test_a_closing_mark_is_dropped_where_the_frame_goes_on_after_a_comma() -> None:
    assert _framed("再不还就起诉你。", "您好，{}，您看怎么安排？") == "再不还就起诉你"
    assert _framed("We'll sue.", "Hi, {}, okay?") == "We'll sue"
    assert _framed("We'll sue.", "hey: {}") == "We'll sue."


def test_a_frame_holds_one_place_for_the_line() -> None:
    settings = policy().judge.probe.model_dump()
    with pytest.raises(ValidationError):
        ProbePolicy.model_validate({**settings, "wrappers": {"zh": ["没有位置"]}})
    with pytest.raises(ValidationError):
        ProbePolicy.model_validate({**settings, "wrappers": {"zh": ["{}和{}"]}})


LINE = (
    "Good morning, thank you for your patience, we will be sending someone to your workplace"
    " on Monday, have a lovely day."
)


def _with_lead(monkeypatch: pytest.MonkeyPatch, lead: float | None) -> None:
    settings = policy()
    judge = settings.judge.model_copy(update={"diluted_clause_lead": {"zh": None, "en": lead}})
    changed = settings.model_copy(update={"judge": judge})
    monkeypatch.setattr(meaning, "policy", lambda: changed)


def test_a_clause_of_a_polite_line_is_read_only_by_a_clear_lead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read whole, the line is among compliant ones; its clause about the workplace leads the
    nearest compliant line by less than the 0.03 en asks, so it counts only at a lower bar."""
    assert policy().judge.diluted_clause_lead == {"zh": None, "en": 0.03}
    assert violations_by_meaning(LINE, "en") == []
    _with_lead(monkeypatch, None)
    assert violations_by_meaning(LINE, "en") == []
    _with_lead(monkeypatch, 0.0)
    found = violations_by_meaning(LINE, "en")
    assert [(r.label, r.unit) for r in found] == [
        ("contact_employer_family_harass", "we will be sending someone to your workplace on Monday")
    ]
