"""What keeps the app fast at scale: no whole-screen layout where no size changes, views made
ahead of their first showing. Each test counts what the slow path would do."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.screen import Screen

from tui.screenshots import settle
from tui.widgets.filter_bar import FilterBar


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
