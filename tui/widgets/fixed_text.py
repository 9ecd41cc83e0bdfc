"""A few fixed lines of text (the reading pane's header and quote indicator) that can be drawn
ahead, as the pane's text and the entity panel are (tui/widgets/rows_ahead.py).

The lines are what a `Static` of the same styles shows (`Visual.to_strips`, as Textual's own
`Widget._render_content` makes them), made once for each text, width and style; a `Static`
cannot be drawn ahead without reaching into its private state.
"""

from __future__ import annotations

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from .rows_ahead import DrawsAhead, RowsAhead


class FixedText(DrawsAhead, can_focus=False):
    """Shows `Content` in a fixed height: lines past the height are not shown, and nothing scrolls."""

    DEFAULT_CSS = "FixedText { overflow: hidden hidden; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content()
        self._lines: tuple[tuple[object, ...], list[Strip]] | None = None  # (what they were made with, lines)

    def render(self) -> Content:  # the text, for tests
        return self._content

    def update(self, content: Content, ahead: RowsAhead | None = None) -> None:
        """Show `content`; with the rows `draw_text_ahead` drew for it, if they are still good."""
        self._content, self._lines = content, None
        self.refresh_all(ahead)

    def draw_text_ahead(self, content: Content) -> RowsAhead | None:
        """The rows `update(content)` will show, drawn now; nothing on screen changes."""
        shown = self._content, self._lines
        self._content, self._lines = content, None
        try:
            return self.draw_ahead()
        finally:
            self._content, self._lines = shown

    def render_line(self, y: int) -> Strip:
        width, height = self.size  # the content's, as `Widget._render_content` uses
        style = self.visual_style
        key = (width, height, style, self.app.theme, self.text_selection)  # a mouse selection is drawn in
        if self._lines is None or self._lines[0] != key:
            self._lines = (key, Visual.to_strips(self, self._content, width, height, style))
        lines = self._lines[1]
        return lines[y] if y < len(lines) else Strip.blank(width, style.rich_style)
