"""The profile's sparkline draws exactly the cells Textual's own Sparkline draws, faster (a run of
equal cells as one segment), and the widget the same rows as Textual's widget."""

from __future__ import annotations

import io
import random

import pytest
from rich.color import Color
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.renderables.sparkline import Sparkline as TextualSparkline
from textual.strip import Strip
from textual.widgets import Sparkline

from tui.widgets.months_sparkline import MonthsSparkline, QuickSparkline

LOW, HIGH = Color.from_rgb(20, 30, 40), Color.from_rgb(200, 120, 60)


def segments(kind: type, data: list[float], width: int, height: int) -> list:
    console = Console(width=width, file=io.StringIO())
    chart = kind(data, width=width, height=height, min_color=LOW, max_color=HIGH, summary_function=max)
    return list(Segment.simplify(chart.__rich_console__(console, console.options)))  # runs of equal cells joined


@pytest.mark.parametrize("count", [0, 1, 2, 5, 37, 118, 119, 300, 1000])
@pytest.mark.parametrize("width", [1, 7, 118])
@pytest.mark.parametrize("height", [1, 3])
def test_the_same_segments_as_textuals_sparkline(count: int, width: int, height: int) -> None:
    series = random.Random(count * 1000 + width * 10 + height)
    data: list[float] = [series.choice([0, 0, 1, series.randint(0, 900)]) for _ in range(count)]
    assert segments(QuickSparkline, data, width, height) == segments(TextualSparkline, data, width, height)


def test_a_flat_series_is_drawn_as_textual_draws_it() -> None:
    assert segments(QuickSparkline, [4.0] * 50, 30, 3) == segments(TextualSparkline, [4.0] * 50, 30, 3)


def cells(rows: list[Strip]) -> list[list[tuple[str, Style | None]]]:
    """Each row's cells, character and style (ours joins a run of equal cells into one segment)."""
    return [[(char, segment.style) for segment in row for char in segment.text] for row in rows]


class Charts(App[None]):
    """Textual's Sparkline widget and ours, the same CSS (the profile's), one above the other."""

    CSS = "Sparkline { height: 3; margin: 0 1; }"

    def compose(self) -> ComposeResult:
        yield Sparkline([], summary_function=max, id="textual")
        yield MonthsSparkline([], summary_function=max, id="ours")


@pytest.mark.parametrize("count", [0, 1, 2, 37, 300])
async def test_the_widget_draws_the_rows_textuals_widget_draws(count: int) -> None:
    """Drawn a row at a time (the Line API), the widget's rows are the very rows Textual's
    Sparkline widget draws with the same data, and stay so as each of its theme, its size (down to
    no column at all) and its data changes alone (each must draw the chart again)."""
    series = random.Random(count)
    app = Charts()
    async with app.run_test(size=(90, 8)) as pilot:
        textual, ours = app.query_one("#textual", Sparkline), app.query_one("#ours", MonthsSparkline)
        compared = []

        async def same(step: str) -> None:
            await pilot.pause()
            region = Region(0, 0, *ours.size)
            assert cells(ours.render_lines(region)) == cells(textual.render_lines(region)), step
            compared.append(step)

        for theme in ("textual-light", "textual-dark"):
            app.theme = theme
            await same(f"theme {theme}")
            for width in (41, 2, 90):  # 2: no column left inside the margins
                await pilot.resize_terminal(width, 8)
                await same(f"{theme}, width {width}")
                data = [float(series.choice([0, 1, series.randint(0, 900)])) for _ in range(count)]
                textual.data, ours.data = data, data
                await same(f"{theme}, width {width}, new data")
        assert len(compared) == 14
