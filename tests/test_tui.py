"""The trainee's app driven as a user would (Textual pilot), and its screens pinned."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from simulator.engine.catalog import load_catalog
from simulator.tui.app import CollectSimApp
from simulator.tui.chat_log import ChatLog
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.report import ReportScreen
from simulator.tui.screens.start import StartScreen

ROOT = Path(__file__).resolve().parent.parent
SIZE = (130, 40)
GOOD = [
    "您好，我是某银行信用卡中心的客服专员小李，工号1024。",
    "请问是王敏女士本人吗？",
    "给您打电话是关于您信用卡账单的事，您的信用卡目前逾期18天，逾期金额是5230.50元。",
    "是遇到什么困难了吗？",
    "我非常理解您的难处，工作忙确实容易忘。",
    "您可以通过手机银行或者支付宝还款，很方便。",
    "您看什么时候方便还款呢？",
    "好的，那我们约定您这周五之前还清5230.50元。谢谢您的配合，再见。",
]


@pytest.fixture(autouse=True)
def frozen_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CallScreen, "now", staticmethod(lambda: 1000.0))


PINNED = ("cc-m1-forgetful", "ol-hardship-instalment", "us-dispute-validation")


def app(lang: str = "zh", trainee: str = "小李", pinned: bool = False) -> CollectSimApp:
    """The app on the shipped catalog; `pinned` keeps it to three scenarios for snapshots."""
    entries = load_catalog()[0]
    if pinned:
        entries = [e for e in entries if e.scenario.id in PINNED]
    return CollectSimApp(lang=lang, trainee=trainee, entries=entries)  # type: ignore[arg-type]


async def open_call(pilot: Pilot[None], scenario: str = "cc-m1-forgetful") -> CallScreen:
    await pilot.pause()
    start = pilot.app.screen
    assert isinstance(start, StartScreen)
    start.open_scenario(scenario, mode="practice")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CallScreen)
    return pilot.app.screen


async def settle(pilot: Pilot[None]) -> None:
    """Until the screen is up, the app's worker threads (records, HR, exports, warm-up) are
    done and what they posted back is on screen."""
    for _ in range(100):
        await pilot.pause()
        pending = [w for w in pilot.app.workers if not w.is_finished]
        if pilot.app.screen.is_mounted and not pending:
            break
        await pilot.app.workers.wait_for_complete(pending)
    await pilot.pause()


async def say(pilot: Pilot[None], text: str) -> None:
    pilot.app.screen.query_one("#say", Input).value = text
    await pilot.press("enter")
    await pilot.pause()


def lines(screen: CallScreen | ReportScreen) -> list[str]:
    if isinstance(screen, CallScreen):
        return [line.shown() for line in screen.query_one("#chat", ChatLog).lines]
    return [str(w.render()) for w in screen.query(".line").results(Static)]


async def test_good_call_passes_and_shows_the_report() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await open_call(pilot)
        for line in GOOD:
            await say(pilot, line)
        await pilot.pause()
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        assert report.report.passed
        verdict = str(report.query_one("#verdict", Static).render())
        assert "通过" in verdict and "未通过" not in verdict


async def test_threatening_call_fails_with_the_finding_shown() -> None:
    async with app().run_test(size=SIZE) as pilot:
        call = await open_call(pilot)
        await say(pilot, "请问是王敏本人吗？")
        await say(pilot, "你要是不还，我们就找你家人和单位，让大家都知道你欠钱不还。")
        warnings = str(call.query_one("#warnings", Static).render())
        assert "⚠" in warnings and "[critical]" in warnings
        await pilot.press("ctrl+e")
        await pilot.pause()
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        assert report.report.failed_by_critical and not report.report.passed
        shown = [str(w.render()) for w in report.query(".finding").results(Static)]
        assert any("[critical]" in text and "找你家人" in text for text in shown)


async def test_abuse_makes_the_persona_hang_up() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await open_call(pilot)
        await say(pilot, "你这种老赖，脸都不要了吗？")
        await say(pilot, "再不还钱就让你坐牢，后果自负！")
        await pilot.pause()
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        assert report.session.ended == "hung_up"
        # The hang-up line is on the report (the review saw it only in `hr show`).
        hang_up = report.session.transcript.turns[-1]
        assert hang_up.speaker == "persona" and lines(report)[-1].endswith(hang_up.text)


async def test_exam_mode_shows_no_warnings_and_no_hints() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        start.open_scenario("cc-m1-forgetful", mode="exam")
        await pilot.pause()
        call = pilot.app.screen
        assert isinstance(call, CallScreen)
        await say(pilot, "你这种老赖，脸都不要了吗？")
        assert not call.query_one("#warnings", Static).has_class("active")
        await pilot.press("f2")
        assert call.query_one("#say", Input).value == ""
        assert call.session.transcript.seed == 0


async def test_hint_suggests_a_line_and_costs_points() -> None:
    async with app().run_test(size=SIZE) as pilot:
        call = await open_call(pilot)
        await pilot.press("f2")
        suggestion = call.query_one("#say", Input).value
        assert "某银行信用卡中心" in suggestion
        await pilot.press("enter")
        await pilot.pause()
        assert call.session.transcript.trainee_turns()[0].hint
        await pilot.press("ctrl+e")
        await pilot.pause()
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        assert report.report.hints_used == 1
        ending = str(report.query_one("#ending", Static).render())
        assert ending.endswith("使用提示 1 次（每次扣 3 分）")  # shown, not only exported


async def test_retry_from_the_line_that_failed_the_call() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await open_call(pilot)
        await say(pilot, "请问是王敏女士本人吗？")
        await say(pilot, "再不还钱就让你坐牢。")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        call = pilot.app.screen
        assert isinstance(call, CallScreen)
        said = [t.text for t in call.session.transcript.trainee_turns()]
        assert said == ["请问是王敏女士本人吗？"]  # back to just before the threat
        assert call.session.persona.state == "verified"


@pytest.mark.parametrize(
    "text",
    [
        "[b]bold[/b] [Note] [link=https://x]x[/link] $var [red]",
        "\x1b[31mred\x1b[0m\x07\x00",
        "哈" * 2_000,  # the longest line a trainee may send (scoring.text.MAX_LINE_CHARS)
    ],
)
async def test_trainee_text_is_shown_literally(text: str) -> None:
    async with app().run_test(size=SIZE) as pilot:
        call = await open_call(pilot)
        await say(pilot, text)
        mine = [line for line in lines(call) if line.startswith("你: ")]
        assert mine, lines(call)
        shown = mine[-1].removeprefix("你: ")
        if text.startswith("[b]"):
            assert shown == text
        elif text.startswith("\x1b"):
            assert "\x1b" not in shown and "\\x1b[31mred" in shown
        else:
            assert len(shown) == 2_000


async def test_a_long_line_wraps_to_the_chat_and_again_when_the_window_narrows() -> None:
    async with app().run_test(size=SIZE) as pilot:
        call = await open_call(pilot)
        long = "您好，" + "我这边是想跟您确认一下这笔账单的还款安排，" * 8
        await say(pilot, long)
        chat = call.query_one("#chat", ChatLog)
        width = chat.scrollable_content_region.width
        rows = chat.virtual_size.height
        # The greeting, the line (wrapped: more rows than one), the reply; a blank after each.
        shown = [line.shown() for line in chat.lines]
        assert shown[1] == f"你: {long}"
        assert rows > 6
        assert not chat.children  # lines are drawn, not mounted as widgets
        await pilot.resize_terminal(SIZE[0] - 40, SIZE[1])
        await pilot.pause()
        assert chat.scrollable_content_region.width == width - 40
        assert chat.virtual_size.height > rows  # wrapped again at the narrower width
        assert chat.scroll_y == chat.max_scroll_y  # the newest line still in view


async def test_language_switch_redraws_the_start_screen() -> None:
    async with app(lang="zh").run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert pilot.app.title == "CollectSim 催收通话模拟训练"
        from textual.widgets import DataTable, Label, Select

        screen = pilot.app.screen
        screen.query_one("#filter", Input).value = "forget"
        screen.query_one("#jurisdiction", Select).value = "CN"
        screen.query_one("#mode", Select).value = "exam"
        await pilot.pause()
        screen.query_one("#lang", Select).value = "en"
        await pilot.pause()
        await pilot.pause()
        assert pilot.app.title == "CollectSim call practice"
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        # The review: the filter was cleared and focus jumped to the catalog on a switch.
        assert start.query_one("#filter", Input).value == "forget"
        assert start.query_one("#jurisdiction", Select).value == "CN"
        assert start.query_one("#mode", Select).value == "exam"
        assert start.focused is start.query_one("#lang", Select)
        assert list(start.query_one("#catalog", DataTable).rows) == ["cc-m1-forgetful"]
        # Each filter says what it filters (three selects read "All" with no label).
        labels = [str(x.render()) for x in start.query(".filter-label").results(Label)]
        assert labels == ["Lang", "Jurisdiction", "Difficulty"]


async def test_catalog_filters() -> None:
    async with app().run_test(size=SIZE) as pilot:
        await pilot.pause()
        from textual.widgets import DataTable, Select

        screen = pilot.app.screen
        table = screen.query_one("#catalog", DataTable)
        everything = table.row_count
        screen.query_one("#jurisdiction", Select).value = "US"
        await pilot.pause()
        assert 0 < table.row_count < everything
        screen.query_one("#filter", Input).value = "no-such-words-anywhere"
        await pilot.pause()
        assert table.row_count == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_start(snap_compare: object, lang: str) -> None:
    assert snap_compare(app(lang=lang, pinned=True), terminal_size=SIZE, run_before=settle)  # type: ignore[operator]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_call(snap_compare: object, lang: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await open_call(pilot)
        await say(pilot, "请问是王敏女士本人吗？")
        await say(pilot, "你这种老赖！")

    assert snap_compare(app(lang=lang, pinned=True), terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_report(snap_compare: object, lang: str) -> None:
    """The report screen itself (the call ended): verdict with the pass mark, whether it
    counts toward certification, each dimension with what cost it, objectives with why."""

    async def run_before(pilot: Pilot[None]) -> None:
        await open_call(pilot)
        await say(pilot, "请问是王敏女士本人吗？")
        await say(pilot, "逾期总额是5230.50元，再不还钱就让你坐牢。")
        await pilot.press("ctrl+e")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReportScreen)
        pilot.app.clear_notifications()  # the "call ended" toast times out: not pinned
        await pilot.pause()
        # What the picture must show (the pinned SVG is checked by eye when redrawn).
        shown = [str(w.render()) for w in screen.query("#verdict, .dimension, .objective")]
        pass_mark = {"zh": "（及格线 80 分，且不能有严重违规）", "en": "(pass mark 80, and"}
        assert pass_mark[lang] in shown[0]
        assert {
            "zh": "+2.0 · 第1句 · 这句语气 84（礼貌用语 +4）",
            "en": "+2.0 · Turn 1 · this line: tone 84 (polite wording +4)",
        }[lang] in shown[1]
        assert sum(x.startswith(("✔", "✘", "⊘")) for x in shown) == 7

    assert snap_compare(app(lang=lang, pinned=True), terminal_size=(130, 56), run_before=run_before)  # type: ignore[operator]


async def test_catalog_loads_after_the_first_screen_is_up() -> None:
    from textual.widgets import DataTable

    lazy = CollectSimApp(lang="en", trainee="Sam")
    async with lazy.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause()
            if lazy.entries is not None:
                break
        await pilot.pause()
        assert lazy.entries
        table = pilot.app.screen.query_one("#catalog", DataTable)
        assert table.row_count == len(lazy.entries)


async def test_direct_open_goes_straight_into_the_call() -> None:
    direct = CollectSimApp(
        lang="en", trainee="Sam", entries=load_catalog()[0], scenario_id="us-dispute-validation"
    )
    async with direct.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(pilot.app.screen, CallScreen)
        assert pilot.app.screen.session.scenario.id == "us-dispute-validation"


async def test_calls_are_recorded_and_the_catalog_shows_best_and_tries(store_url: str) -> None:
    # store_url: in each backend (it is the default store, COLLECTSIM_DB)
    from textual.widgets import DataTable

    from simulator.records import Store

    async with app().run_test(size=SIZE) as pilot:
        await open_call(pilot)
        for line in GOOD:
            await say(pilot, line)
        await pilot.pause()
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        await pilot.press("escape")
        await settle(pilot)  # the trainee's records, read again in a worker
        table = pilot.app.screen.query_one("#catalog", DataTable)
        row = table.get_row("cc-m1-forgetful")
        assert row[-1] == "1"  # tries
        assert row[-2] == f"{report.report.score:.0f}"  # best
    with Store.open(None, create=False) as store:
        [attempt] = store.attempts(trainee="小李")
        assert attempt.status == "completed" and attempt.passed


async def test_an_interrupted_call_is_resumed_in_the_app(store_url: str) -> None:
    # store_url: in each backend (it is the default store, COLLECTSIM_DB)
    import subprocess
    import sys

    from simulator.cli.resume import resume_call
    from simulator.engine.session import Session
    from simulator.records import Store
    from simulator.records.owner import Owner, this_process

    scenario = next(e.scenario for e in load_catalog()[0] if e.scenario.id == "cc-m1-forgetful")
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=30)
    with Store.open(None) as store:  # a call whose process died after three lines
        before = Session(scenario, trainee="小李")
        for line in GOOD[:3]:
            before.say(line)
        store.begin_attempt(before.transcript, Owner(this_process().host, child.pid, ""))
    attempt_id = before.transcript.attempt_id
    resumed = CollectSimApp(lang="zh")
    session, store, _journal = resume_call(attempt_id[:6], None, resumed.records_failed)
    resumed.open_resumed(session, store)
    async with resumed.run_test(size=SIZE) as pilot:
        await pilot.pause()
        call = pilot.app.screen
        assert isinstance(call, CallScreen)
        shown = lines(call)
        assert len(shown) == len(before.transcript.turns)  # everything said so far
        assert GOOD[2] in shown[-2]
        for line in GOOD[3:]:
            await say(pilot, line)
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReportScreen)
    with Store.open(None, create=False) as store:
        [attempt] = store.attempts(trainee="小李")
        assert (attempt.id, attempt.status, attempt.passed) == (attempt_id, "completed", True)
        assert attempt.trainee_turns == len(GOOD)


async def test_a_scenario_that_asks_for_a_note_gets_one_before_the_report() -> None:
    from simulator.tui.screens.note import NoteScreen
    from tests.test_callnote import GOOD_NOTE, LINES

    async with app().run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        start.open_scenario("ol-hardship-instalment", mode="practice")
        await pilot.pause()
        for line in LINES:
            await say(pilot, line)
        await pilot.pause()
        assert isinstance(pilot.app.screen, NoteScreen)
        pilot.app.screen.query_one("#note", Input).value = GOOD_NOTE
        await pilot.press("enter")
        await pilot.pause()
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        assert report.session.transcript.note == GOOD_NOTE
        assert {o.name: o.met for o in report.report.objectives}["write_call_note"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_help(snap_compare: object, lang: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        shown = " ".join(str(w.render()) for w in pilot.app.screen.query(Static))
        # Help says what counts toward certification (F3 once looked like a bug without it).
        assert {"zh": "只有考核模式的通过计入认证", "en": "Only exam-mode passes count"}[
            lang
        ] in shown

    assert snap_compare(app(lang=lang, pinned=True), terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_note(snap_compare: object, lang: str) -> None:
    from tests.test_callnote import LINES

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        start.open_scenario("ol-hardship-instalment", mode="practice")
        await pilot.pause()
        for line in LINES:
            await say(pilot, line)
        await pilot.pause()

    assert snap_compare(app(lang=lang, pinned=True), terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


def test_every_ui_string_and_ending_has_both_languages() -> None:
    from typing import get_args

    from scoring.endings import Ending, EngineEnding, label
    from simulator.tui.strings import keys, t

    for key in keys():
        assert t(key, "zh").strip() and t(key, "en").strip(), key
    for ending in (*get_args(Ending), *get_args(EngineEnding)):
        named = label(ending)
        assert named.en.strip() and named.zh != ending, ending  # named in both languages


async def test_hr_screen_shows_levels_and_findings() -> None:
    from textual.widgets import DataTable

    from simulator.tui.screens.hr import HRScreen

    async with app().run_test(size=SIZE) as pilot:
        await open_call(pilot)
        await say(pilot, "请问是王敏女士本人吗？")
        await say(pilot, "你这种老赖！")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("escape")  # report → start
        await pilot.pause()
        await pilot.press("f3")
        await settle(pilot)  # the overview is read in a worker
        screen = pilot.app.screen
        assert isinstance(screen, HRScreen)
        table = screen.query_one("#people", DataTable)
        row = table.get_row("小李")
        # Cells are plain Text (a name is never markup): compared as the text they show.
        assert str(row[2]) == "1" and str(row[6]) == "—"  # one attempt, no level yet
        assert "cc-m1-forgetful" in str(row[7])
        assert "CN-INSULT-ABUSE" in str(screen.query_one("#findings", Static).render())
        assert "—" in str(screen.query_one("#levels", Static).render())


async def test_practice_passes_are_shown_apart_and_said_not_to_count() -> None:
    from textual.widgets import DataTable, Select

    from simulator.tui.screens.hr import HRScreen

    async with app(lang="en").run_test(size=SIZE) as pilot:
        await settle(pilot)
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        note = start.query_one("#counts", Static)
        start.query_one("#catalog", DataTable).move_cursor(
            row=start.query_one("#catalog", DataTable).get_row_index("cc-m1-forgetful")
        )
        await pilot.pause()
        assert str(note.render()) == (
            "Practice: this call does not count toward certification "
            "(Collector certification L1 counts exam-mode passes only)."
        )
        start.query_one("#mode", Select).value = "exam"
        await pilot.pause()
        assert str(note.render()).startswith("This call counts toward certification: ")
        start.query_one("#mode", Select).value = "practice"
        await open_call(pilot)
        for line in GOOD:
            await say(pilot, line)
        await pilot.pause()
        report = pilot.app.screen
        assert isinstance(report, ReportScreen) and report.report.passed
        shown = str(report.query_one("#certification", Static).render())
        assert shown.startswith("Practice: this call does not count toward certification")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f3")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, HRScreen)
        row = screen.query_one("#people", DataTable).get_row("小李")
        # exam 0, practice 1, no level (cells are plain Text: compared as the text they show)
        assert (str(row[3]), str(row[4]), str(row[6])) == ("0", "1", "—")
        title = str(screen.query_one("#hr-title", Static).render())
        assert title.endswith("only exam passes count toward certification")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_hr(snap_compare: object, lang: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("f3")
        await settle(pilot)

    assert snap_compare(app(lang=lang, pinned=True), terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]


async def test_a_records_store_that_fails_mid_call_does_not_end_the_call(store_url: str) -> None:
    # store_url: in each backend (it is the default store, COLLECTSIM_DB)
    from simulator.engine.journal import read_journal
    from simulator.engine.paths import data_dir

    async with app().run_test(size=SIZE) as pilot:
        call = await open_call(pilot)
        await say(pilot, GOOD[0])
        assert isinstance(pilot.app, CollectSimApp)
        store = pilot.app.records()
        assert store is not None
        store.db.close()  # the database goes away (a server restart, a full disk)
        await say(pilot, GOOD[1])
        await pilot.pause()
        assert pilot.app.screen is call  # the call goes on, with no traceback
        notes = [str(n.message) for n in pilot.app._notifications]
        assert any("培训记录库写入失败" in n for n in notes)
        await say(pilot, GOOD[2])
        await pilot.pause()
        attempt_id = call.session.transcript.attempt_id
    # Every line is in the journal, written before the store was tried.
    journaled, _ = read_journal(data_dir() / "journal" / f"{attempt_id}.jsonl")
    assert [t.text for t in journaled.trainee_turns()] == GOOD[:3]


async def test_f4_takes_up_the_trainees_interrupted_call(store_url: str) -> None:
    # store_url: in each backend (it is the default store, COLLECTSIM_DB)
    import subprocess
    import sys

    from simulator.engine.session import Session
    from simulator.records import Store
    from simulator.records.owner import Owner, this_process

    async with app().run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StartScreen)  # nothing to resume yet
        notes = [str(n.message) for n in pilot.app._notifications]
        assert "没有中断的通话可以继续" in notes

    scenario = next(e.scenario for e in load_catalog()[0] if e.scenario.id == "cc-m1-forgetful")
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=30)
    with Store.open(None) as store:  # the browser tab closed after two lines
        before = Session(scenario, trainee="小李")
        for line in GOOD[:2]:
            before.say(line)
        store.begin_attempt(before.transcript, Owner(this_process().host, child.pid, ""))

    async with app().run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        call = pilot.app.screen
        assert isinstance(call, CallScreen)
        assert call.session.transcript.attempt_id == before.transcript.attempt_id
        assert call.session.transcript.turns == before.transcript.turns
        await say(pilot, GOOD[2])
        await pilot.pause()
    with Store.open(None, create=False) as store:
        [attempt] = store.attempts(trainee="小李")
        assert attempt.trainee_turns == 3


# -- nothing slow on the UI thread: the store, HR, exports and the judge in worker threads --


async def test_typing_reads_the_records_once_the_name_rests(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.widgets import DataTable

    monkeypatch.setattr(StartScreen, "HISTORY_DELAY", 1.0)  # typing here never takes a second
    async with app(trainee="").run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app, CollectSimApp)
        store = pilot.app.records()
        assert store is not None
        asked: list[str] = []
        best_by_scenario = store.best_by_scenario

        def counted(trainee: str) -> dict[str, tuple[float | None, int]]:
            asked.append(trainee)
            best: dict[str, tuple[float | None, int]] = best_by_scenario(trainee)
            return best

        monkeypatch.setattr(store, "best_by_scenario", counted)
        screen = pilot.app.screen
        table = screen.query_one("#catalog", DataTable)
        assert screen.focused is screen.query_one("#trainee", Input)
        await pilot.press(*"SamLee")
        assert asked == []  # no query a keystroke
        assert table.get_row("cc-m1-forgetful")[-1] == "…"  # never another name's records
        for _ in range(200):  # until the pause is over
            await pilot.pause(0.05)
            if asked:
                break
        await settle(pilot)
        assert asked == ["SamLee"]
        assert table.get_row("cc-m1-forgetful")[-1] == "0"
        screen.query_one("#filter", Input).focus()
        await pilot.press(*"forget")
        await settle(pilot)
        assert asked == ["SamLee"]  # the filter works on the loaded catalog alone
        assert table.row_count >= 1 and table.get_row("cc-m1-forgetful")[-1] == "0"


async def test_hr_screen_says_loading_until_the_overview_arrives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from simulator.training import hr as training_hr
    from simulator.training.hr import TraineeProgress
    from simulator.tui.screens import hr

    release = threading.Event()
    real_overview = training_hr.overview

    def slow_overview(*args: object, **kwargs: object) -> list[TraineeProgress]:
        assert release.wait(timeout=60)
        return real_overview(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(hr, "overview", slow_overview)
    async with app(lang="en").run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, hr.HRScreen)
        assert str(screen.query_one("#hr-title", Static).render()) == "Loading…"
        release.set()
        await settle(pilot)
        title = str(screen.query_one("#hr-title", Static).render())
        assert " trainees · " in title and "Loading" not in title
        assert "No findings" in str(screen.query_one("#findings", Static).render())


async def test_hr_screen_shows_a_failing_store_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from simulator.records import StoreError
    from simulator.training.hr import TraineeProgress
    from simulator.tui.screens import hr

    def failing(*args: object, **kwargs: object) -> list[TraineeProgress]:
        raise StoreError("driver", target="server", reason="[bold]gone[/bold]")

    monkeypatch.setattr(hr, "overview", failing)
    async with app(lang="en").run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, hr.HRScreen)  # no traceback, no exit
        assert "No certification track" in str(screen.query_one("#hr-title", Static).render())
        notes = [str(n.message) for n in pilot.app._notifications]
        assert notes.count("Cannot read the training records (server: [bold]gone[/bold])") == 1


async def report_after_a_short_call(pilot: Pilot[None]) -> ReportScreen:
    await open_call(pilot)
    await say(pilot, "请问是王敏女士本人吗？")
    await pilot.press("ctrl+e")
    await pilot.pause()
    report = pilot.app.screen
    assert isinstance(report, ReportScreen)
    return report


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_report_screen_says_what_the_export_says(lang: str) -> None:
    """Pass mark, what cost each dimension, objectives with why, the ending and hints: on
    screen exactly as in the exported report (one view renders both)."""
    from simulator.engine.paths import data_dir

    async with app(lang=lang).run_test(size=SIZE) as pilot:
        await open_call(pilot)
        await say(pilot, "请问是王敏女士本人吗？")
        await say(pilot, "再不还钱就让你坐牢。")
        await pilot.press("ctrl+e")
        await pilot.pause()
        report = pilot.app.screen
        assert isinstance(report, ReportScreen)
        await report.export("md").wait()
        path = data_dir() / "reports" / f"{report.session.transcript.attempt_id}.md"
        exported = path.read_text(encoding="utf-8")
        shown = [
            str(w.render())
            for w in report.query(
                "#verdict, #certification, .dimension, .objective, #ending"
            ).results(Static)
        ]
        assert shown[0].endswith(
            ("(pass mark 80, and no critical violation)", "且不能有严重违规）")
        )
        objectives = [x for x in shown if x.startswith(("✔", "✘", "⊘"))]
        assert len(objectives) == len(report.report.objectives) == 7
        title = {
            "zh": "# 通话评估报告 — 信用卡逾期18天——忘记还款的白领",
            "en": "# Call report — Credit card 18 days late — the office worker who forgot",
        }
        assert exported.startswith(title[lang] + "\n")  # the title, not the scenario id
        for text in shown:
            for line in text.splitlines():
                assert line.strip() in exported, line
        tone = next(x for x in shown if x.startswith(("语气", "Tone")))
        assert len(tone.splitlines()) > 1  # tone below 100 says why


@pytest.mark.parametrize(("button", "suffix"), [("#export-md", "md"), ("#export-html", "html")])
async def test_export_writes_the_report(button: str, suffix: str) -> None:
    from simulator.engine.paths import data_dir

    async with app().run_test(size=SIZE) as pilot:
        report = await report_after_a_short_call(pilot)
        await pilot.click(button)
        await settle(pilot)
        path = data_dir() / "reports" / f"{report.session.transcript.attempt_id}.{suffix}"
        assert f"{report.report.score:.1f}" in path.read_text(encoding="utf-8")
        notes = [str(n.message) for n in pilot.app._notifications]
        assert f"已导出：{path}" in notes


async def test_an_export_that_cannot_be_written_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from simulator.tui.screens import report as report_module

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(report_module, "data_dir", lambda: blocker)
    async with app(lang="en").run_test(size=SIZE) as pilot:
        report = await report_after_a_short_call(pilot)
        assert await report.export("md").wait() is None
        await pilot.pause()
        assert pilot.app.screen is report
        notes = [str(n.message) for n in pilot.app._notifications]
        assert len([n for n in notes if n.startswith("Export failed: ")]) == 1


async def test_the_judge_is_loaded_before_the_first_call() -> None:
    from scoring.compliance import judge_for

    judge_for.cache_clear()
    lazy = CollectSimApp(lang="en", trainee="Sam")  # the catalog loads in a worker
    async with lazy.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await settle(pilot)
            if lazy.entries is not None:
                break
        await settle(pilot)  # the warm-up, started once the catalog was in
        assert lazy.entries
        jurisdictions = {e.scenario.jurisdiction for e in lazy.entries}
        assert judge_for.cache_info().currsize == len(jurisdictions)
        assert isinstance(pilot.app.screen, StartScreen)  # no call was opened


async def test_a_signed_in_trainee_has_a_fixed_name_and_no_hr_screen() -> None:
    from textual.widgets import Label

    from simulator.tui.screens.start import StartScreen

    signed_in = CollectSimApp(lang="en", trainee="Sam", trainee_locked=True, sees_records=False)
    async with signed_in.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        assert start.query_one("#trainee", Input).disabled
        assert "F3" not in str(start.query_one("#start-hint", Label).render())
        await pilot.press("f3")
        await pilot.pause()
        assert pilot.app.screen is start  # no HR screen for a trainee
        await pilot.press("f4")
        await pilot.pause()
        assert pilot.app.screen is start
    trainer = CollectSimApp(lang="en", trainee="Tess", trainee_locked=True, sees_records=True)
    async with trainer.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "HRScreen"


async def test_the_name_is_locked_once_a_call_is_recorded_under_it() -> None:
    async with app(trainee="").run_test(size=SIZE) as pilot:
        await settle(pilot)
        start = pilot.app.screen
        assert isinstance(start, StartScreen) and isinstance(pilot.app, CollectSimApp)
        start.query_one("#trainee", Input).value = "小李"
        await pilot.pause()
        await open_call(pilot)
        await say(pilot, "请问是王敏女士本人吗？")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("escape")  # report → start
        await settle(pilot)
        await pilot.press("shift+tab", "z")  # a stray keystroke towards the name field
        await pilot.press("tab", "z")
        await pilot.pause()
        assert pilot.app.trainee == "小李"
        assert start.query_one("#trainee", Input).value == "小李"
        await pilot.press("f5")  # the explicit way
        await pilot.pause()
        start.query_one("#trainee", Input).value = "小王"
        await pilot.pause()
        assert pilot.app.trainee == "小王"


async def test_a_signed_in_name_never_changes() -> None:
    signed = CollectSimApp(lang="en", trainee="Sam", entries=load_catalog()[0], trainee_locked=True)
    async with signed.run_test(size=SIZE) as pilot:
        await settle(pilot)
        field = pilot.app.screen.query_one("#trainee", Input)
        assert field.disabled
        await pilot.press("f5")
        await pilot.pause()
        assert field.disabled and signed.trainee == "Sam"
        notes = [str(n.message) for n in pilot.app._notifications]
        assert "The trainee name comes from sign-in and cannot be changed here" in notes


def every_column_in_view(table: DataTable[object]) -> None:
    """No column behind a horizontal scrollbar, and every header shown whole."""
    from rich.cells import cell_len

    assert table.max_scroll_x == 0
    drawn = [c.get_render_width(table) for c in table.columns.values()]
    assert sum(drawn) <= table.scrollable_content_region.width
    for column, width in zip(table.columns.values(), drawn, strict=True):
        assert width - 2 * table.cell_padding >= cell_len(str(column.label)), column.label


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_table_column_is_in_view_at_100_by_30(lang: str) -> None:
    """The English catalog once hid "Tries" behind a horizontal scrollbar (titles up to 113
    cells wide), and the HR table its last columns in both languages: long text is cut with
    "…" instead, and the HR screen shows the highlighted trainee's list whole."""
    long_name = "Alexandra Catherine Montgomery-Fitzwilliam"
    async with app(lang=lang, trainee=long_name).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        start = pilot.app.screen
        assert isinstance(start, StartScreen)
        catalog = start.query_one("#catalog", DataTable)
        assert catalog.row_count == 16  # the whole shipped catalog
        every_column_in_view(catalog)
        titles = [str(catalog.get_row_at(i)[0]) for i in range(catalog.row_count)]
        cut = [x for x in titles if x.endswith("…")]
        assert (len(cut) > 0) == (lang == "en")  # the zh titles fit whole at 100 columns
        for widget in start.query("#who > *, #filters > *"):  # the name, selects and filters
            assert widget.region.width > 0 and widget.region.right <= 100, widget
        await open_call(pilot)
        await say(pilot, "请问是王敏女士本人吗？")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f3")
        await settle(pilot)
        people = pilot.app.screen.query_one("#people", DataTable)
        every_column_in_view(people)
        row = [str(x) for x in people.get_row(long_name)]
        assert row[0].endswith("…") and row[2] == "1"
        needs = str(pilot.app.screen.query_one("#needs", Static).render())
        assert needs.endswith(": cc-m1-forgetful, cc-wrong-number, us-cease-request")
