"""The filter bar: live filtering, errors that keep the last result, escape, tab completion."""

from __future__ import annotations

from textual.widgets import Input

from tui.screenshots import settle, type_filter
from tui.widgets.filter_bar import FilterBar


def bar_text(screen, part: str) -> str:
    return str(screen.query_one(FilterBar).query_one(part).render())


async def test_typing_filters_the_list_and_shows_the_count(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        await pilot.press("slash", "p", "u", "t", "i", "n")
        await pilot.pause(0.2)
        await settle(pilot)
        expected = screen.corpus.search("putin")
        assert screen.filter_text == "putin" and sorted(screen.rows) == expected
        assert 0 < len(expected) < 17
        assert bar_text(screen, "#count") == f"{len(expected)} of 17"


async def test_a_malformed_query_marks_the_place_and_keeps_the_last_result(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        await type_filter(pilot, "putin")
        good = list(screen.rows)
        await type_filter(pilot, "putin speaker:")
        message = screen.query_one(FilterBar).query_one("#message")
        assert screen.rows == good
        assert message.has_class("-error")
        error = screen.corpus.search("putin speaker:")
        line = str(message.render())
        assert line.index("^") == len(" / ") + error.position and error.message in line


async def test_escape_clears_the_filter(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        await type_filter(pilot, "speaker:peskov")
        assert len(screen.rows) == 3
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one(Input).value == "" and len(screen.rows) == 17


async def test_tab_completes_field_names_and_entity_names(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        field = screen.query_one(Input)
        await pilot.press("slash", "s", "p")
        await pilot.press("tab")
        assert field.value == "speaker:"
        field.value = "speaker:pes"
        field.cursor_position = len(field.value)
        await pilot.press("tab")
        first = field.value
        await pilot.press("tab")
        assert {first, field.value} == {"speaker:Peskov", 'speaker:"Dmitry Peskov"'}
        assert screen.focused is field


async def test_a_stale_search_result_is_dropped(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        screen.search("putin")
        screen.search("speaker:peskov")
        await settle(pilot)
        assert screen.filter_text == "speaker:peskov"
        assert sorted(screen.rows) == screen.corpus.search("speaker:peskov")


async def test_enter_keeps_the_filter_and_moves_to_the_list(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        await type_filter(pilot, "putin")
        await pilot.press("enter")
        assert screen.filter_text == "putin"
        assert not screen.query_one(FilterBar).input.has_focus
