"""A bar chart of one series in the theme's colours, drawn with block characters (Line API): one
column a bar, the picked bar marked; when there are more bars than columns, the columns show the
bars around the picked one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
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
        self._pass: tuple[Style, Style, Style, int, int, int, int, int] | None = None

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

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass = None  # the styles and the bars' shape: worked out once a pass, not once a line
        try:
            return super().render_lines(crop)
        finally:
            self._pass = None

    def _pass_facts(self) -> tuple[Style, Style, Style, int, int, int, int, int]:
        facts = self._pass
        if facts is None:
            width = self.size.width
            first, shown, per = self._layout(width)
            step = per + (GAP if len(self.values) * (1 + GAP) <= width else 0)
            top = (max(self.values[first : first + shown]) if shown else 0) or 1
            bar, picked = (
                self.get_component_rich_style("bar-chart--bar"),
                self.get_component_rich_style("bar-chart--picked"),
            )
            facts = self._pass = (self.rich_style, bar, picked, first, shown, per, step, top)
        return facts

    def render_line(self, y: int) -> Strip:
        width, height = self.size.width, self.size.height
        base, bar, picked, first, shown, per, step, top = self._pass_facts()
        if not shown:
            return Strip.blank(width, base)
        eighths = (height - y - 1) * 8  # what the rows below this one already hold
        cells = []
        for index in range(first, first + shown):
            filled = round(self.values[index] / top * height * 8)
            part = max(0, min(8, filled - eighths))
            cells.append(BLOCKS[part] * per + " " * (step - per))
        # One segment for the bars before the picked one, one for it, one after: a segment a bar
        # made the strip work that grows with the bars, for every line of a redraw (each ←/→).
        at = self.picked - first
        if 0 <= at < shown:
            segments = [
                Segment("".join(cells[:at]), bar),
                Segment(cells[at], picked),
                Segment("".join(cells[at + 1 :]), bar),
            ]
        else:
            segments = [Segment("".join(cells), bar)]
        return Strip([segment for segment in segments if segment.text]).adjust_cell_length(width, base)
