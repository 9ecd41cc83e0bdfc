"""The entity panel: people, organisations, places and groups, with mention and quote counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rich.segment import Segment
from rich.style import Style
from textual.message import Message

from ..corpus import KIND_LABELS, KIND_ORDER, KINDS
from ..safe_text import one_line
from .cells import fit
from .line_list import LineList
from .rows_ahead import RowsAhead

COUNT_WIDTH = 4
BOLD = Style(bold=True)


class EntityRow(Protocol):
    """What a row needs; `corpus.index.EntitySummary` has it (read-only: that one is frozen)."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def mentions(self) -> int: ...
    @property
    def quotes(self) -> int: ...


def ordered(entities: Sequence[EntityRow]) -> list[EntityRow]:
    """People first, then organisations, places and groups; most mentioned first in each."""
    return sorted(entities, key=lambda e: (KIND_ORDER.get(e.kind, len(KIND_ORDER)), -e.mentions, e.name.casefold()))


class EntityPanel(LineList):
    """Shows entity rows; `enter` posts `Chosen` for the one under the cursor."""

    # One class a kind, in its theme variable's colour: made from the kinds table.
    COMPONENT_CLASSES = (
        LineList.COMPONENT_CLASSES | {f"entity-panel--{kind.name}" for kind in KINDS} | {"entity-panel--count"}
    )
    DEFAULT_CSS = (
        "".join(f"EntityPanel > .entity-panel--{kind.name} {{ color: ${kind.style}; }}\n" for kind in KINDS)
        + "EntityPanel > .entity-panel--count { color: $text-muted; }\n"
    )
    BLANK_UNDER_ROWS = True  # an article's few entities: the blank lines under them are not drawn again

    class Chosen(Message):
        def __init__(self, entity: EntityRow) -> None:
            super().__init__()
            self.entity = entity

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, steady_bar=True)  # an article's panel gaining or losing its bar: see LineList
        self.entities: list[EntityRow] = []
        self._ahead: tuple[list[EntityRow], RowsAhead | None] | None = None  # rows drawn before shown (`prepare`)

    def show(self, entities: Sequence[EntityRow], already_ordered: bool = False) -> None:
        """Show these rows; `already_ordered` when a worker has put them in `ordered` order.
        Rows `prepare` drew for the same entities are taken, if still good (tui/widgets/rows_ahead.py)."""
        self.entities = list(entities) if already_ordered else ordered(entities)
        prepared, self._ahead = self._ahead, None
        self.set_count(len(self.entities), 0)
        if prepared is not None and prepared[0] == self.entities:
            self.take_ahead(prepared[1])

    def prepare(self, entities: Sequence[EntityRow]) -> None:
        """Draw the rows `show` will draw for these entities (an article under the list's cursor),
        the cursor on the first; nothing on screen changes."""
        rows = ordered(entities)
        shown = self.entities, self.count, self.cursor
        self.entities, self.count, self.cursor = rows, len(rows), 0
        try:
            self._ahead = (rows, self.draw_ahead())
        finally:
            self.entities, self.count, self.cursor = shown

    def render_row(self, row: int, width: int) -> list[Segment]:
        entity = self.entities[row]
        styles = self.row_styles()
        kind = KIND_LABELS.get(entity.kind, "?")  # as in p: o: l: g:
        quotes = f"{entity.quotes}q" if entity.quotes else ""
        name_width = max(1, width - 5 - 2 * COUNT_WIDTH)  # five one-cell gaps and marks
        gap = Segment(" ", styles[""])
        colour = styles.get(f"entity-panel--{entity.kind}")
        if colour is None:  # a kind with no colour of its own: as get_component_rich_style would fail
            raise KeyError(entity.kind)
        return [
            gap,
            Segment(kind, colour + BOLD),
            gap,
            Segment(fit(one_line(entity.name), name_width), colour),
            gap,
            Segment(fit(f"{entity.mentions}×", COUNT_WIDTH, right=True), styles["entity-panel--count"]),
            gap,
            Segment(fit(quotes, COUNT_WIDTH, right=True), styles["entity-panel--person"]),
        ]

    def action_select(self) -> None:
        if self.entities:
            self.post_message(self.Chosen(self.entities[self.cursor]))
