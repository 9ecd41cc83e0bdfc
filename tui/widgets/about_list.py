"""The profile's "about whom" list: each entity a person's quotes name, with how many of their quotes
name it; only the rows in view are drawn (Line API), as in the quotes list, so a prolific
speaker's thousands of entities cost what a screenful does."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.message import Message

from ..safe_text import one_line
from .cells import fit
from .line_list import LineList

COUNT_WIDTH = 4


class AboutList(LineList):
    COMPONENT_CLASSES = LineList.COMPONENT_CLASSES | {"about-list--count", "about-list--name"}
    DEFAULT_CSS = """
    AboutList > .about-list--count { color: $text-accent; }
    AboutList > .about-list--name { color: $foreground; }
    """

    class Chosen(Message):
        """Keep the quotes that name the entity at this row."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None, steady_bar: bool = False) -> None:
        super().__init__(id=id, steady_bar=steady_bar)
        self.rows: Sequence[tuple[str, str, Sequence[int]]] = ()  # (kind, name, the quotes naming it)

    def show(self, rows: Sequence[tuple[str, str, Sequence[int]]]) -> None:
        self.rows = rows
        self.set_count(len(rows), 0)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self.cursor))

    def render_row(self, row: int, width: int) -> list[Segment]:
        _, name, said = self.rows[row]
        styles = self.row_styles()
        gap = Segment(" ", styles[""])
        count = Segment(fit(f"{len(said):,}", COUNT_WIDTH, right=True), styles["about-list--count"])
        text = fit(one_line(name[:120]), max(0, width - COUNT_WIDTH - 3))
        return [gap, count, gap, Segment(text, styles["about-list--name"])]
