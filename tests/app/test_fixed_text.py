"""`FixedText` (the reading pane's header and indicator) shows what a `Static` of the same styles
shows: the same cells, in the dark theme and the light one."""

from __future__ import annotations

from rich.segment import Segment
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from tui.widgets.fixed_text import FixedText

LOOKS = ".line { height: 2; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; background: $boost; }"
TEXTS = (
    Content(""),
    Content.styled("A short title", "bold $text"),
    Content("\n").join([Content.styled("A title far too long to fit " * 4, "bold"), Content.styled("a · b", "dim")]),
    Content.assemble(("quote 2/9 · ", "$text-muted"), ("Ana Souza", "bold $accent")),
    Content("one\ntwo\nthree: a third line past the height"),
    Content("tab\there and a wide character: 漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字"),
)


class Both(App[None]):
    CSS = LOOKS

    def compose(self) -> ComposeResult:
        yield Static(classes="line")
        yield FixedText(id="fixed")


def _rows(widget: Widget) -> list[list[Segment]]:
    return [list(strip) for strip in widget.render_lines(Region(0, 0, *widget.region.size))]


async def test_fixed_text_shows_what_a_static_shows() -> None:
    app = Both()
    async with app.run_test(size=(40, 6)) as pilot:
        static, fixed = app.query_one(Static), app.query_one(FixedText)
        fixed.add_class("line")
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            for text in TEXTS:
                static.update(text)
                fixed.update(text)
                await pilot.pause()
                assert _rows(fixed) == _rows(static), (theme, text.plain)
                assert str(fixed.render()) == text.plain


async def test_rows_drawn_ahead_are_taken_only_for_the_same_look() -> None:
    app = Both()
    async with app.run_test(size=(40, 6)) as pilot:
        static, fixed = app.query_one(Static), app.query_one(FixedText)
        fixed.add_class("line")
        await pilot.pause()
        ahead = fixed.draw_text_ahead(TEXTS[2])
        assert ahead is not None
        fixed.update(TEXTS[2], ahead)
        assert fixed._styles_cache is ahead.cache  # taken
        static.update(TEXTS[2])
        await pilot.pause()
        assert _rows(fixed) == _rows(static)
        ahead = fixed.draw_text_ahead(TEXTS[3])
        await pilot.resize_terminal(30, 6)  # narrower: the rows drawn are not the ones to show
        await pilot.pause()
        fixed.update(TEXTS[3], ahead)
        assert ahead is not None and fixed._styles_cache is not ahead.cache
        static.update(TEXTS[3])
        await pilot.pause()
        assert _rows(fixed) == _rows(static)
