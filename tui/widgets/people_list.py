"""The people view's list: name, gender, quotes, articles, first and last date, top source."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.message import Message

from ..corpus import PersonRow
from ..safe_text import one_line
from .cells import fit
from .line_list import LineList

NAME_WIDTH = 24
GENDER_WIDTH = 7
NUMBER_WIDTH = 6
DATE_WIDTH = 10
HEADER = "name · gender · quotes · articles · first · last · top source"


class PeopleList(LineList):
    COMPONENT_CLASSES = LineList.COMPONENT_CLASSES | {
        "people-list--name", "people-list--gender", "people-list--number", "people-list--date", "people-list--source",
    }  # fmt: skip
    DEFAULT_CSS = """
    PeopleList > .people-list--name { color: $speaker; }
    PeopleList > .people-list--gender { color: $text-secondary; }
    PeopleList > .people-list--number { color: $text-accent; }
    PeopleList > .people-list--date { color: $text-muted; }
    PeopleList > .people-list--source { color: $text-muted; }
    """

    class Opened(Message):
        def __init__(self, row: PersonRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[PersonRow] = ()

    def show(self, rows: Sequence[PersonRow]) -> None:
        self.rows = rows
        self.set_count(len(rows))

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Opened(self.rows[self.cursor]))

    def render_row(self, row: int, width: int) -> list[Segment]:
        person = self.rows[row]
        first = person.first.isoformat() if person.first else "—"
        last = person.last.isoformat() if person.last else "—"
        columns = [
            ("people-list--name", fit(one_line(person.name[:120]), NAME_WIDTH)),
            ("people-list--gender", fit(person.gender, GENDER_WIDTH)),
            ("people-list--number", fit(f"{person.quotes:,}", NUMBER_WIDTH, right=True)),
            ("people-list--number", fit(f"{person.articles:,}", NUMBER_WIDTH, right=True)),
            ("people-list--date", fit(first, DATE_WIDTH)),
            ("people-list--date", fit(last, DATE_WIDTH)),
        ]
        used = 1 + NAME_WIDTH + GENDER_WIDTH + 2 * NUMBER_WIDTH + 2 * DATE_WIDTH + 6
        columns.append(("people-list--source", fit(one_line(person.source[:80]), max(0, width - used - 1))))
        styles = self.row_styles()
        gap = Segment(" ", styles[""])
        segments: list[Segment] = [gap]
        for name, cell in columns:
            segments += [Segment(cell, styles[name]), gap]
        return segments
