"""The profile's sparkline draws exactly the cells Textual's own Sparkline draws, faster (a run of
equal cells as one segment)."""

from __future__ import annotations

import io
import random

import pytest
from rich.color import Color
from rich.console import Console
from rich.segment import Segment
from textual.renderables.sparkline import Sparkline as TextualSparkline

from tui.widgets.months_sparkline import QuickSparkline

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
