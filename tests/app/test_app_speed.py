"""What keeps the app fast at scale: no whole-screen layout where no size changes, views made
ahead of their first showing. Each test counts what the slow path would do."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from tui.app import YOUNG_COLLECTED_FROM
from tui.screenshots import settle
from tui.widgets.bar_chart import BarChart
from tui.widgets.filter_bar import FilterBar
from tui.widgets.people_list import PeopleList
from tui.widgets.quote_list import QuoteList


def count_layouts(monkeypatch: pytest.MonkeyPatch, screen: Screen) -> list[bool]:
    """Every whole-screen layout of `screen` from now on (True for a full one, False for a scroll)."""
    calls: list[bool] = []
    layout: Callable = screen._refresh_layout

    def counted(size=None, scroll: bool = False) -> None:  # type: ignore[no-untyped-def]
        calls.append(not (scroll and not screen._layout_widgets))
        layout(size, scroll)

    monkeypatch.setattr(screen, "_refresh_layout", counted)
    return calls


async def test_typing_in_the_filter_lays_out_nothing(app, monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await views_made(pilot)  # the views made ahead after the load are no keystroke's layouts
        field = app.explorer.query_one(FilterBar).input
        field.focus()
        await pilot.pause()
        layouts = count_layouts(monkeypatch, app.explorer)
        for character in "Ann Lee":  # inserted as a keystroke does; the search waits for the debounce
            field.insert_text_at_cursor(character)
            await pilot.pause()
        assert field.value == "Ann Lee" and layouts == []
        assert field.virtual_size.width == len("Ann Lee") + 1  # the room for the cursor, as Input has it


async def test_a_long_filter_still_scrolls_to_the_cursor(app) -> None:
    async with app.run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        field = app.explorer.query_one(FilterBar).input
        field.focus()
        text = "speaker:acme " * 8
        for character in text:
            field.insert_text_at_cursor(character)
        await pilot.pause()
        assert field.virtual_size.width == len(text) + 1
        assert field.scroll_offset.x > 0  # the end of the text, where the cursor is, is in view
        assert field.scroll_offset.x + field.content_region.width >= len(text)


async def views_made(pilot: Pilot) -> list[Screen]:
    """The kept screens, once the warm-up has made them (it does after the load)."""
    names = ("view-quotes", "view-people", "view-timeline", "profile")
    for _ in range(200):
        await settle(pilot)
        app = pilot.app
        if all(app.is_screen_installed(name) and app.get_screen(name).is_mounted for name in names):
            return [app.get_screen(name) for name in names]
        await pilot.pause(0.05)
    raise AssertionError("the views were not made after the load")


async def test_the_views_are_made_ahead_and_shown_without_a_layout(
    make_app, quotes_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        quotes, people, _, _ = await views_made(pilot)
        assert app.screen is app.explorer  # made, not shown
        listed = quotes.query_one(QuoteList)
        assert listed.count == 7  # the view's answer is there before the first showing
        assert [row.name for row in people.query_one(PeopleList).rows][:2] == ["Ann Lee", "Bo Park"]
        layouts = count_layouts(monkeypatch, quotes)
        await pilot.press("Q")
        await pilot.pause(0.3)
        assert app.screen is quotes and quotes.query_one(QuoteList) is listed  # the one made ahead
        assert str(quotes.query_one("#status", Static).render()).strip().startswith("7 quotes in 4 articles")
        assert True not in layouts  # laid out ahead, for this terminal's size


async def test_a_view_made_ahead_follows_a_resize_and_the_filter(make_app, quotes_file: Path) -> None:
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        quotes, *_ = await views_made(pilot)
        await pilot.resize_terminal(90, 30)
        app.explorer.set_filter("speaker:lee")
        await pilot.press("Q")
        await pilot.pause(0.3)
        assert app.screen is quotes and quotes.size == (90, 30)
        assert quotes.query_one(QuoteList).count == 2
        assert quotes.query_one(FilterBar).input.value == "speaker:lee"


async def test_a_filter_keystroke_in_a_view_lays_out_nothing(
    make_app, quotes_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """7 quotes overflow the list at this height, 2 do not: the list keeps its scrollbar, so its
    width (and the screen's layout) does not change with the count."""
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 12)) as pilot:
        quotes, *_ = await views_made(pilot)
        await pilot.press("Q")
        await pilot.pause(0.3)
        listed = quotes.query_one(QuoteList)
        assert listed.count == 7 and listed.count > listed.scrollable_content_region.height
        layouts = count_layouts(monkeypatch, quotes)
        quotes.set_filter("speaker:lee")  # the bar's debounce ended
        await pilot.pause(0.3)
        assert listed.count == 2 and listed.show_vertical_scrollbar
        assert layouts == []


async def test_the_count_keeps_its_width_as_the_filter_narrows(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.app import App, ComposeResult

    class OneBar(App[None]):
        def compose(self) -> ComposeResult:
            yield FilterBar(lambda text, cursor: [])

    app = OneBar()
    async with app.run_test(size=(60, 4)) as pilot:
        bar = app.query_one(FilterBar)
        count = bar.query_one("#count", Static)
        bar.show_count(1234, 1234)
        await pilot.pause()
        region = count.region
        layouts = count_layouts(monkeypatch, app.screen)
        bar.show_count(5, 1234)  # a shorter text, the same total
        await pilot.pause()
        assert str(count.render()).strip() == "5 of 1,234" and count.region == region and layouts == []
        bar.show_count(5, 12345, loading=True)  # a longer total: a new width, once
        await pilot.pause()
        assert count.region.width == len("12,345 of 12,345 (loading…)") + 2 and layouts


async def test_the_hint_is_not_drawn_again_at_every_answer(app, monkeypatch: pytest.MonkeyPatch) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        bar = app.explorer.query_one(FilterBar)
        message = bar.query_one("#message", Static)
        updates: list[object] = []
        monkeypatch.setattr(message, "update", lambda *args, **kwargs: updates.append(args))
        bar.show_error(None)  # a good answer, the hint on screen already
        assert updates == []
        bar.show_error(3, "expected a value")
        bar.show_error(None)  # the error goes: the hint comes back
        assert len(updates) == 2


async def test_the_first_profile_opened_is_the_persons(make_app, quotes_file: Path) -> None:
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        *_, profile = await views_made(pilot)
        await pilot.press("P")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen is profile and profile.person_id == "ann-lee"
        assert "Ann Lee" in str(profile.query_one("#who", Static).render())


async def test_the_next_profile_lays_out_nothing_whatever_its_header_holds(
    make_app, quotes_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        *_, profile = await views_made(pilot)
        main = app.explorer
        main.show_view("people")
        for person in ("bo-park", "cy-park"):  # no other name, no role
            main.show_profile(person)
            await pilot.pause(0.3)
            await pilot.press("escape")
            await pilot.pause(0.1)
        layouts = count_layouts(monkeypatch, profile)
        main.show_profile("dee-roe")
        await pilot.pause(0.3)
        assert app.screen is profile and "Dee Roe" in str(profile.query_one("#who", Static).render())
        await pilot.press("escape")
        main.show_profile("ann-lee")  # another name, "also: Lee": the same four rows
        await pilot.pause(0.3)
        who = profile.query_one("#who", Static)
        assert "also: Lee" in str(who.render()) and "roles: none found" in str(who.render())
        assert who.size.height == 4 and True not in layouts


def count_profiles(monkeypatch: pytest.MonkeyPatch, corpus, during: Callable[[], None] = lambda: None) -> list:  # type: ignore[no-untyped-def]
    """Every profile asked of the session from now on, (person, filter); `during` runs inside each."""
    asked: list[tuple[str, str]] = []
    profile = corpus.profile

    def counted(person_id: str, text: str = ""):  # type: ignore[no-untyped-def]
        asked.append((person_id, text))
        during()
        return profile(person_id, text)

    monkeypatch.setattr(corpus, "profile", counted)
    return asked


async def test_a_profile_opened_is_worked_out_once(
    make_app, quotes_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        *_, profile = await views_made(pilot)
        main = app.explorer
        main.show_view("people")
        main.show_profile("bo-park")  # the first: the screen was made ahead, nobody's yet
        await pilot.pause(0.3)
        await pilot.press("escape")
        asked = count_profiles(monkeypatch, main.corpus)
        main.show_profile("cy-park")
        await pilot.pause(0.3)
        assert app.screen is profile and "Cy Park" in str(profile.query_one("#who", Static).render())
        assert asked == [("cy-park", "")]  # drawn, then shown: not fetched again on showing


async def test_a_filter_changed_while_a_profile_is_worked_out_is_fetched_again(
    make_app, quotes_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        *_, profile = await views_made(pilot)
        main = app.explorer
        main.show_view("people")
        main.show_profile("bo-park")
        await pilot.pause(0.3)
        await pilot.press("escape")

        def typed() -> None:  # the filter changes while the answer for the old one is worked out
            main.filter_text = "nobody-says-this"

        asked = count_profiles(monkeypatch, main.corpus, typed)
        main.show_profile("ann-lee")
        await pilot.pause(0.5)
        assert app.screen is profile and asked[:2] == [("ann-lee", ""), ("ann-lee", "nobody-says-this")]
        assert "0 quotes" in str(profile.query_one("#who", Static).render())  # the new filter's answer, drawn


async def test_what_the_session_keeps_is_out_of_the_collectors_reach_until_it_closes(
    make_app, quotes_file: Path
) -> None:
    gc.unfreeze()  # whatever an earlier test left
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        await views_made(pilot)
        corpus = app.explorer.corpus
        assert gc.get_freeze_count() > 0 and not _in_collector(corpus)
    assert gc.get_freeze_count() == 0  # handed back when the app closed


def _in_collector(thing: object) -> bool:
    """Whether a full collection would walk `thing` (frozen objects are not in any generation)."""
    return any(candidate is thing for candidate in gc.get_objects())


async def test_the_collector_runs_less_often_while_the_app_runs_and_as_before_after(app) -> None:
    before = gc.get_threshold()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[0] == YOUNG_COLLECTED_FROM > before[0]
        assert gc.get_threshold()[1:] == before[1:]
    assert gc.get_threshold() == before


async def test_closing_while_the_views_are_made_freezes_nothing(make_app, quotes_file: Path) -> None:
    gc.unfreeze()
    app = make_app([quotes_file])
    async with app.run_test(size=(120, 36)) as pilot:
        while not app.explorer.load_finished:  # closed as soon as the load ends: the warm-up is under way
            await pilot.pause(0.01)
    assert gc.get_freeze_count() == 0


async def test_a_view_answer_cancelled_while_the_views_are_made_ends_the_making_quietly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closing the app cancels a hidden view's answer mid-making: `prepare` stops there, freezes
    nothing and says it is done, never a failed worker that takes the app down as it quits."""
    import threading

    from textual.worker import WorkerCancelled

    from tui.screens import navigation

    async def cancelled(main: object, warmed: object = None) -> None:
        raise WorkerCancelled("the app closed")

    monkeypatch.setattr(navigation, "_make_screens", cancelled)
    gc.unfreeze()
    done = threading.Event()
    await navigation.prepare(None, done)  # type: ignore[arg-type]
    assert done.is_set() and gc.get_freeze_count() == 0


async def test_a_bar_chart_line_is_three_runs_whatever_the_bars() -> None:
    from textual.app import App, ComposeResult

    class OneChart(App[None]):
        def compose(self) -> ComposeResult:
            yield BarChart(id="chart")

    app = OneChart()
    async with app.run_test(size=(60, 10)) as pilot:
        chart = app.query_one(BarChart)
        chart.show([8, 4, 0, 2, 8, 6] * 8, picked=4)  # 48 bars, one column each and no gap, at 60 columns
        await pilot.pause()
        bar = chart.get_component_rich_style("bar-chart--bar")
        picked = chart.get_component_rich_style("bar-chart--picked")
        base = chart.rich_style
        lines = [chart.render_lines(Region(0, y, 60, 1))[0] for y in range(chart.size.height)]
        top = list(lines[0])  # the top row: only the tallest bars (8) reach it
        assert [s.text for s in top] == ["█   ", "█", " " + "█   █ " * 7, " " * 12]
        assert [s.style for s in top] == [bar, picked, bar, base]  # the bars before, the picked, after, the rest
        bottom = "".join(s.text for s in lines[-1])  # every bar but the empty ones fills the bottom row
        assert bottom == "██ ███" * 8 + " " * 12 and all(len(list(line)) <= 4 for line in lines)
