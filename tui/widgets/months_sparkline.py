"""Textual's Sparkline, drawn the same for a fraction of the cost: the profile's quotes per month.

Textual's renderable works out each bar's bucket with Fractions, its summary and its colour once
per line of the chart (three lines: three times), a colour blend and a new Style for each of the
~350 cells; ~2 ms at every profile shown. Here the buckets are split with integers (the same
bounds: floor(n*k/width) is what int(Fraction(n, width) * k) is), each bar is worked out once and
its style once per colour, and the very same cells come out (a test compares them), a run of equal
cells as one segment.

The widget draws its rows itself (the Line API), not through Textual's path for a Rich renderable,
which passes each of the chart's ~250 segments through nested generators and cuts them into lines
again: 138 months at 118 columns, 1.19 ms a chart that way, 0.81 ms this way (median of 200). The
rows are the same cells (a test compares them with Textual's widget's)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any, cast

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from textual.app import RenderResult as WidgetRender
from textual.renderables._blend_colors import blend_colors
from textual.renderables.sparkline import Sparkline as SparklineRenderable
from textual.strip import Strip
from textual.widgets import Sparkline

from .plain_styles import PlainStylesCache

LEVELS = len(SparklineRenderable.BARS)  # the partial bars a line of the chart has
FULL, EMPTY = "█", " "


class QuickSparkline(SparklineRenderable[float]):
    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.cells(console, options)

    def cells(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """The chart's segments, its lines apart with `Segment.line()`."""
        if len(self.data) < 2:  # Textual's own: one full bar or a blank line (segments only)
            yield from cast(Iterator[Segment], super().__rich_console__(console, options))
            return
        for number, line in enumerate(self.lines(self.width or options.max_width, self.height or 1)):
            if number:
                yield Segment.line()
            yield from line

    def lines(self, width: int, height: int) -> list[list[Segment]]:
        """The chart's lines, top first, of two values or more."""
        bars = self._bars(list(self.data), width, LEVELS * height - 1)
        lines = []
        for line in reversed(range(height)):
            low, high = line * LEVELS, (line + 1) * LEVELS
            # Neighbouring cells of one style joined: a month drawn five cells wide is one segment,
            # not five (each segment costs the widget's pipeline a style applied and a cut into lines).
            lines.append(list(Segment.simplify(
                Segment(EMPTY) if level < low else Segment(FULL if level >= high else self.BARS[level % LEVELS], style)
                for level, style in bars
            )))  # fmt: skip
        return lines

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
    """A Sparkline (its CSS, its data) drawn by QuickSparkline, a row at a time."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles_cache = PlainStylesCache()  # rows framed with styles looked up once a frame
        self._rows: list[Strip] = []  # the chart's rows, drawn again when the widget is dirty

    def render_line(self, y: int) -> Strip:
        # As Widget.render_line (textual 8.2.8, pinned): the content is drawn again when the
        # widget was refreshed (its data, size or styles changed), then read a row at a time.
        if self._dirty_regions:
            self._rows = self._chart_rows()
            self._dirty_regions.clear()
        if y < len(self._rows):
            return self._rows[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def _chart_rows(self) -> list[Strip]:
        """The rows Textual makes of the chart (`Visual.to_strips` of a Rich renderable): the
        widget's style under each cell's, none padded."""
        width, height = self.size
        base = self.visual_style.rich_style
        if not width or not height:  # Textual's console renders nothing that narrow: no rows
            return []
        chart = self._chart()
        if len(chart.data) < 2:  # one bar, or none: as Textual cuts them into lines
            options = self.app.console_options.update(highlight=False, width=width, height=height)
            styled = (Segment(text, base + style) for text, style, _ in chart.cells(self.app.console, options))
            lines = list(
                islice(Segment.split_and_crop_lines(styled, width, include_new_lines=False, pad=False), height)
            )
        else:
            lines = [[Segment(text, base + style) for text, style, _ in line] for line in chart.lines(width, height)]
        return [Strip(line) for line in lines]

    def render(self) -> WidgetRender:
        return self._chart()

    def _chart(self) -> QuickSparkline:
        _, base = self.background_colors
        low = base + (self.get_component_styles("sparkline--min-color").color if self.min_color is None
                      else self.min_color)  # fmt: skip
        high = base + (self.get_component_styles("sparkline--max-color").color if self.max_color is None
                       else self.max_color)  # fmt: skip
        summary: Callable[[Sequence[float]], float] = self.summary_function
        size = self.size
        return QuickSparkline(self.data or [], width=size.width, height=size.height, min_color=low.rich_color,
                              max_color=high.rich_color, summary_function=summary)  # fmt: skip
