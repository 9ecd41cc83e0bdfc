"""A bar chart of one series in the theme's colours, drawn with block characters (Line API): one
column a bar, the picked bar marked; when there are more bars than columns, the columns show the
bars around the picked one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"
GAP = 1  # columns between bars, when there is room


class BarChart(Widget, can_focus=True):
    COMPONENT_CLASSES = {"bar-chart--bar", "bar-chart--picked", "bar-chart--axis"}
    DEFAULT_CSS = """
    BarChart { height: 8; }
    BarChart > .bar-chart--bar { color: $primary; }
    BarChart > .bar-chart--picked { color: $accent; background: $boost; }
    BarChart > .bar-chart--axis { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.values: Sequence[int] = ()
        self.picked = 0

    def show(self, values: Sequence[int], picked: int) -> None:
        self.values, self.picked = values, picked
        self.refresh()

    def _layout(self, width: int) -> tuple[int, int, int]:
        """(first bar shown, bars shown, columns a bar)."""
        count = len(self.values)
        if not count or width <= 0:
            return 0, 0, 1
        per = max(1, min(4, width // count - GAP)) if count * (1 + GAP) <= width else 1
        step = per + (GAP if count * (1 + GAP) <= width else 0)
        shown = min(count, width // step)
        first = min(max(0, self.picked - shown // 2), count - shown)
        return first, shown, per

    def render_line(self, y: int) -> Strip:
        width, height = self.size.width, self.size.height
        base = self.rich_style
        bar = self.get_component_rich_style("bar-chart--bar")
        picked = self.get_component_rich_style("bar-chart--picked")
        first, shown, per = self._layout(width)
        if not shown:
            return Strip.blank(width, base)
        step = per + (GAP if len(self.values) * (1 + GAP) <= width else 0)
        top = max(self.values[first : first + shown]) or 1
        eighths = (height - y - 1) * 8  # what the rows below this one already hold
        segments = []
        for index in range(first, first + shown):
            filled = round(self.values[index] / top * height * 8)
            part = max(0, min(8, filled - eighths))
            cell = BLOCKS[part] * per + " " * (step - per)
            segments.append(Segment(cell, picked if index == self.picked else bar))
        return Strip(segments).adjust_cell_length(width, base)
