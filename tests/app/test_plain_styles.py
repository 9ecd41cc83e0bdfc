"""The plain styles cache (tui/widgets/plain_styles.py) draws the lines Textual's own cache draws,
for our lists, the reading pane's text and the explorer's full screens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.segment import Segment
from textual._styles_cache import StylesCache
from textual.app import App, ComposeResult
from textual.color import Color
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget

from tests.quote_corpus import quote_corpus
from tui.corpus import write_articles
from tui.screenshots import new_app, settle
from tui.widgets.line_list import LineList
from tui.widgets.plain_styles import PlainStylesCache
from tui.widgets.text_view import TextView

# Each: the style rules set on both widgets, applied one after another (a rule stays set after
# its step unless a later step sets it again): plain ones the cache puts together itself, and
# others it must leave to Textual.
STEPS: tuple[dict[str, Any], ...] = (
    {},
    {"padding": (0, 1)},
    {"padding": (1, 2)},
    {"border": ("round", "red")},
    {"border_title_align": "center"},
    {"padding": (0, 0)},
    {"border_left": ("heavy", "green"), "border_right": ("", "green")},
    {"border_top": ("", "red"), "border_bottom": ("", "red")},
    {"border_right": ("tall", "blue"), "padding": (2, 3, 1, 0)},
    {"background": "darkblue 50%"},
    {"tint": "red 30%"},  # not plain from here on
    {"tint": "red 0%", "text_opacity": 0.5},
    {"text_opacity": 1.0, "outline": ("solid", "yellow")},
    {"outline": ("", "yellow"), "hatch": ("/", Color(255, 255, 255, 0.4))},
    {"hatch": "none", "opacity": 0.6},
)


class Rows(LineList):
    def __init__(self) -> None:
        super().__init__(id="rows")
        self.set_count(50)

    def render_row(self, row: int, width: int) -> list[Segment]:
        return [Segment(f"row {row} ", self.rich_style), Segment("·" * (row % 7), self.rich_style)]


class Both(App[None]):
    CSS = "Horizontal { height: 1fr; } Rows, TextView { width: 1fr; height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield Rows()
        yield TextView(id="body")


def both_caches(widget: Widget, crop: Region) -> tuple[list, list]:
    """The widget's lines in `crop` drawn by the plain cache and by Textual's own, from empty."""
    drawn = []
    for cache in (PlainStylesCache(), StylesCache()):
        widget._styles_cache = cache
        drawn.append(widget.render_lines(crop))
    widget._styles_cache = PlainStylesCache()
    return drawn[0], drawn[1]


async def test_lines_are_textuals_with_every_border_padding_and_style() -> None:
    app = Both()
    async with app.run_test(size=(60, 16)) as pilot:
        rows, text = app.query_one(Rows), app.query_one(TextView)
        text.show_blocks([Content("\n".join(f"line {n} " + "word " * n for n in range(40)))], scroll="home")
        rows.border_title = text.border_title = "A title"
        compared = 0
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            for step, rules in enumerate(STEPS):
                for widget in (rows, text):
                    for name, value in rules.items():
                        setattr(widget.styles, name, value)
                await pilot.pause()
                for widget in (rows, text):
                    width, height = widget.region.size
                    for crop in (Region(0, 0, width, height), Region(2, 1, width - 4, height - 2)):
                        plain, textual = both_caches(widget, crop)
                        assert len(plain) == crop.height
                        assert plain == textual, (theme, step, type(widget).__name__, crop)
                        compared += 1
        assert compared == 2 * len(STEPS) * 2 * 2


async def test_the_widgets_use_the_plain_cache() -> None:
    app = Both()
    async with app.run_test(size=(60, 16)):
        assert isinstance(app.query_one(Rows)._styles_cache, PlainStylesCache)
        assert isinstance(app.query_one(TextView)._styles_cache, PlainStylesCache)


async def test_the_explorers_screens_draw_their_own_rows_as_textual_does(tmp_path: Path) -> None:
    """Each full screen (the articles, the views, a profile) draws its own rows with the plain
    cache, the same cells as Textual's own, in the dark theme and the light one."""
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_articles(quote_corpus().articles, out, "jsonl")
    app = new_app([path])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        kinds = set()
        for keys in ((), ("Q",), ("P",), ("enter",), ("escape", "T")):
            await pilot.press(*keys)
            await pilot.pause(0.3)
            screen = app.screen
            assert isinstance(screen._styles_cache, PlainStylesCache), type(screen).__name__
            for theme in ("textual-dark", "textual-light"):
                app.theme = theme
                await pilot.pause()
                width, height = screen.region.size
                for crop in (Region(0, 0, width, height), Region(3, 2, width - 6, height - 4)):
                    plain, textual = both_caches(screen, crop)
                    assert plain == textual, (type(screen).__name__, theme, crop)
            kinds.add(type(screen).__name__)
        assert kinds == {"MainScreen", "QuotesScreen", "PeopleScreen", "ProfileScreen", "TimelineScreen"}
