"""A Line-API widget's rows drawn before they are shown, while the reader looks at something else.

Opening an article draws the reading pane's text, header and quote indicator and the entity
panel's rows: each row through Textual's line pipeline (the widget's padding and border, then the
app's line filters), ~25 us a row, ~2 ms of the ~7-10 ms an open cost at 120 x 40. The article
under the list's cursor is known before enter is pressed (`MainScreen._ready_to_open`), so its
rows can go through the same pipeline then: into a `StylesCache` of their own, which the widget
takes in place of its own when the article is shown. The frame then finds every row drawn.

The rows are taken only if nothing they were drawn with has changed since: the widget's size, the
app's line filters, the colours behind it, a mouse selection in it, and its styles (Textual tells a
widget each time they are applied again: focus, hover, theme, CSS). They are drawn from the top: a
view that is not at its top when shown draws its rows itself, as before.

A cache of rows drawn ahead that is never taken (the cursor moved on) is dropped with the article
it was drawn for. The rows a view showed until it takes new ones are freed after the frame
(`let_go_after_frame`, tui/collector.py), not inside the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from .plain_styles import PlainStylesCache


@dataclass(frozen=True)
class RowsAhead:
    """A widget's rows drawn ahead, and what they were drawn with."""

    key: tuple[object, ...]
    cache: PlainStylesCache


def cut_ahead(widget: Widget, rows: list[Strip]) -> None:
    """Cut the widget's `rows` (all of them, drawn ahead) where the screen's compositor will cut
    them, and turn the pieces into a terminal's bytes, as the frame will. A `Strip` keeps both
    (its divide and render caches, each a pure function of the strip), so the frame finds them
    done; should the screen's layout change first, the frame cuts the rows itself. The
    compositor's formula, textual 8.2.8 (pinned): `Compositor._render_chops`."""
    compositor = widget.screen._compositor
    placed = compositor.visible_widgets.get(widget)
    if placed is None or not placed[1].contains_region(placed[0]):
        return  # not on screen, or clipped: the frame draws other strips than these
    region = placed[0]
    first, last = region.column_span
    cuts, console = compositor.cuts, widget.app.console
    for y, row in zip(region.line_range, rows, strict=False):
        inside = [cut for cut in cuts[y] if last >= cut >= first]
        for piece in row.divide([cut - first for cut in inside[1:]]):
            piece.render(console)


class DrawsAhead(ScrollView):
    """A `ScrollView` whose rows can be drawn ahead (see the module). A subclass draws its rows
    from `self.top_row()`, not from `scroll_offset`, and puts itself in the state to draw around
    `draw_ahead` (`TextView.layout_ahead`, `EntityPanel.prepare`)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._styles_cache = PlainStylesCache()  # rows framed with styles looked up once a frame (plain_styles.py)
        self._drawing_ahead = False
        self._styles_seen = 0  # counts the times Textual applied the styles again

    def top_row(self) -> int:
        """The first row in view: the top while rows are drawn ahead."""
        return 0 if self._drawing_ahead else self.scroll_offset.y

    def draw_ahead(self) -> RowsAhead | None:
        """The rows as `render_lines` draws them now, scrolled to the top, into a cache of their
        own; the caller has put the widget in the state to draw (and puts it back after). None
        when the widget has no size yet."""
        width, height = self.region.size
        if not (width and height):
            return None
        cache = PlainStylesCache()
        shown, self._styles_cache, self._drawing_ahead = self._styles_cache, cache, True
        try:
            rows = self.render_lines(Region(0, 0, width, height))
        finally:
            self._styles_cache, self._drawing_ahead = shown, False
        cut_ahead(self, rows)
        return RowsAhead(self._ahead_key(), cache)

    def take_ahead(self, ahead: RowsAhead | None) -> bool:
        """After the widget was refreshed to show the state `ahead` was drawn in: use its rows, if
        they are still what would be drawn (the same key, and the view at its top)."""
        if ahead is None or self.scroll_offset.y or ahead.key != self._ahead_key():
            return False
        self.let_go_after_frame(self._styles_cache)
        self._styles_cache = ahead.cache
        return True

    def refresh_all(self, ahead: RowsAhead | None = None) -> bool:
        """`refresh()` for a new state, then `take_ahead(ahead)`. The rows drawn until now are
        freed after the frame, not cleared inside the key (`let_go_after_frame`)."""
        self.let_go_after_frame(self._styles_cache)
        self._styles_cache = PlainStylesCache()
        self.refresh()
        return self.take_ahead(ahead)

    def let_go_after_frame(self, *things: object) -> None:
        """Free `things` after the next frame, when the app offers it (tui/collector.py); else now."""
        let_go = getattr(self.app, "let_go_after_frame", None)
        if let_go is not None:
            let_go(*things)

    def _ahead_key(self) -> tuple[object, ...]:
        """What drawn rows depend on besides the widget's own state."""
        return (self.region.size, self.scrollable_content_region, tuple(self.get_line_filters()),
                self.background_colors, self._styles_seen, self.app.theme, self.text_selection)  # fmt: skip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles_seen += 1
