"""New rows or a new text are scrolled into place before the next frame is drawn, not after it.

A list given new rows scrolled its cursor into view after the next refresh: that frame drew the
new answer's rows at the old scroll (its cursor out of view) and a second frame moved them. A
`ScrollView` scrolls at once (Textual's `Widget.scroll_to` waits for a frame); the text view's
test keeps it that way. Each checks the scroll right after the call, before any frame.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from tui.widgets.line_list import LineList
from tui.widgets.text_view import TextView

ROWS = 1_000  # far more than the view holds
FAR = 500  # a row far below the first screenful


class Numbers(LineList):
    def render_row(self, row: int, width: int) -> list[Segment]:
        return [Segment(f"row {row}")]


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Numbers()
        yield TextView(id="body")


def in_view(rows: Numbers, row: int) -> bool:
    top = rows.scroll_offset.y
    return top <= row < top + rows._rows_in_view()


async def listed(app: Host, pilot: Pilot) -> Numbers:
    """The host's list with ROWS rows, drawn once."""
    rows = app.query_one(Numbers)
    rows.set_count(ROWS)
    await pilot.pause()
    return rows


async def test_a_new_answer_is_shown_from_its_cursor_in_the_frame_that_shows_it() -> None:
    app = Host()
    async with app.run_test(size=(40, 12)) as pilot:
        rows = await listed(app, pilot)
        rows.move_to(FAR)
        assert in_view(rows, FAR) and rows.scroll_offset.y > 0  # a cursor key scrolls at once too
        rows.set_count(ROWS, 0)  # a new answer: its first row
        assert rows.scroll_offset.y == 0
        rows.set_count(ROWS, FAR + 100)
        assert in_view(rows, FAR + 100)
        rows.set_count(0)  # nothing found: the empty list from its top
        assert rows.scroll_offset.y == 0
        await pilot.pause()
        assert rows.scroll_offset.y == 0


async def test_a_list_not_laid_out_yet_scrolls_once_it_is() -> None:
    app = Host()
    async with app.run_test(size=(40, 12)) as pilot:
        rows = Numbers()
        await app.mount(rows, before=0)
        assert not rows.scrollable_content_region.height  # not laid out yet
        rows.set_count(ROWS, FAR)
        await pilot.pause()
        await pilot.pause()
        assert rows.scrollable_content_region.height and in_view(rows, FAR)


async def test_a_list_made_shorter_keeps_its_cursor_in_view() -> None:
    app = Host()
    async with app.run_test(size=(40, 24)) as pilot:
        rows = await listed(app, pilot)
        bottom = rows._rows_in_view() - 1
        rows.move_to(bottom)  # the last row in view
        assert rows.scroll_offset.y == 0
        above = Static("\n".join(["a box shown above the list"] * 6))
        await app.mount(above, before=rows)
        await pilot.pause()
        await pilot.pause()
        assert rows._rows_in_view() < bottom + 1 and in_view(rows, bottom)


async def test_a_new_text_is_shown_from_its_top_in_the_frame_that_shows_it() -> None:
    app = Host()
    async with app.run_test(size=(40, 12)) as pilot:
        page = app.query_one(TextView)
        text = [Content("\n".join(f"line {n}" for n in range(ROWS)))]
        page.show_blocks(text, scroll="home")
        await pilot.pause()
        page.scroll_to(y=FAR, animate=False, immediate=True)
        assert page.scroll_y == FAR
        page.show_blocks(text, scroll="home")  # the next article, read from its top
        assert page.scroll_y == 0
        page.show_blocks(text, scroll=(0, text[0].plain.index(f"line {FAR}"), "top"))  # a place in it
        assert page.scroll_y == FAR
