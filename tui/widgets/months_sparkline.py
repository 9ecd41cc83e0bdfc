"""Textual's Sparkline, drawn the same for a fraction of the cost: the profile's quotes per month.

Textual's renderable works out each bar's bucket with Fractions, its summary and its colour once
per line of the chart (three lines: three times), a colour blend and a new Style for each of the
~350 cells; ~2 ms at every profile shown. Here the buckets are split with integers (the same
bounds: floor(n*k/width) is what int(Fraction(n, width) * k) is), each bar is worked out once and
its style once per colour, and the very same cells come out (a test compares them), a run of equal
cells as one segment."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from textual.app import RenderResult as WidgetRender
from textual.renderables._blend_colors import blend_colors
from textual.renderables.sparkline import Sparkline as SparklineRenderable
from textual.widgets import Sparkline

LEVELS = len(SparklineRenderable.BARS)  # the partial bars a line of the chart has
FULL, EMPTY = "█", " "


class QuickSparkline(SparklineRenderable[float]):
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if len(self.data) < 2:  # Textual's own: one full bar or a blank line
            yield from super().__rich_console__(console, options)
            return
        width, height = self.width or options.max_width, self.height or 1
        bars = self._bars(list(self.data), width, LEVELS * height - 1)
        for line in reversed(range(height)):
            low, high = line * LEVELS, (line + 1) * LEVELS
            # Neighbouring cells of one style joined: a month drawn five cells wide is one segment,
            # not five (each segment costs the widget's pipeline a style applied and a cut into lines).
            yield from Segment.simplify(
                Segment(EMPTY) if level < low else Segment(FULL if level >= high else self.BARS[level % LEVELS], style)
                for level, style in bars
            )
            if line > 0:
                yield Segment.line()

    def _bars(self, data: list[float], width: int, top: int) -> list[tuple[int, Style]]:
        """Each bar's level (0..top) and style, as Textual's renderable works them out."""
        count = len(data)
        parts = [data[count * k // width : count * (k + 1) // width] for k in range(width)]
        summaries = [self.summary_function(part) for part in parts if part]
        minimum, maximum = min(data), max(data)
        extent = maximum - minimum or 1
        low_colour, high_colour = self.min_color.color, self.max_color.color
        assert low_colour is not None and high_colour is not None
        styles: dict[float, Style] = {}
        bars: list[tuple[int, Style]] = []
        step, index = len(summaries) / width, 0.0  # a float walk, as Textual's (a short series repeats bars)
        for _ in range(width):
            ratio = (summaries[int(index)] - minimum) / extent
            style = styles.get(ratio)
            if style is None:
                style = styles[ratio] = Style.from_color(blend_colors(low_colour, high_colour, ratio))
            bars.append((int(ratio * top), style))
            index += step
        return bars


class MonthsSparkline(Sparkline):
    """A Sparkline (its CSS, its data) drawn by QuickSparkline."""

    def render(self) -> WidgetRender:
        _, base = self.background_colors
        low = base + (self.get_component_styles("sparkline--min-color").color if self.min_color is None
                      else self.min_color)  # fmt: skip
        high = base + (self.get_component_styles("sparkline--max-color").color if self.max_color is None
                       else self.max_color)  # fmt: skip
        summary: Callable[[Sequence[float]], float] = self.summary_function
        size = self.size
        return QuickSparkline(self.data or [], width=size.width, height=size.height, min_color=low.rich_color,
                              max_color=high.rich_color, summary_function=summary)  # fmt: skip
