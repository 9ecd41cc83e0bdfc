"""A paragraph's rows drawn at cuts already found: `Content.render_strips` without wrapping again.

`TextView` counts each paragraph's rows when it is shown (`wrap.wrap_cuts`, the cuts `divide_line`
gives); drawing the paragraph with `Content.render_strips` wrapped it a second time, with
`divide_line` walking its words in Python: a third of drawing an opened article's rows. Here the
rows are made from the cuts known, as `Content._wrap_and_format` makes them for a line without
tabs (the same slicing, trimming and formatting, textual 8.2.8, pinned), so they look the same.
Anything else (a tab, a selection, another overflow or wrap rule) is left to `render_strips`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content, _FormattedLine
from textual.css.types import TextAlign
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions


class ParagraphRows:
    """A paragraph's rows, each made when first asked for: of a long paragraph half out of view,
    only the rows in view are formatted (a third of the rows an opened article drew were not)."""

    def __init__(self, make: Callable[[int], Strip], count: int) -> None:
        self._make = make
        self._rows: list[Strip | None] = [None] * count

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, row: int) -> Strip:
        strip = self._rows[row]
        if strip is None:
            strip = self._rows[row] = self._make(row % len(self._rows))
        return strip

    def strips(self) -> list[Strip]:
        return [self[row] for row in range(len(self))]


def paragraph_strips(
    paragraph: Content, cuts: list[int], width: int, style: Style, options: RenderOptions
) -> list[Strip]:
    """The rows of `paragraph` (one line, no newline) at `width`, broken at `cuts` (`wrap_cuts`)."""
    return paragraph_rows(paragraph, cuts, width, style, options).strips()


def paragraph_rows(
    paragraph: Content, cuts: list[int], width: int, style: Style, options: RenderOptions
) -> ParagraphRows:
    """`paragraph_strips`, each row made when it is first drawn."""
    rule = options.rules.get
    if (
        not width
        or "\t" in paragraph.plain
        or options.selection is not None
        or options.post_style is not None
        or rule("text_wrap", "wrap") == "nowrap"
        or rule("text_overflow", "fold") != "fold"
        or rule("line_pad", 0)
    ):
        strips = paragraph.render_strips(width, None, style, options)
        return ParagraphRows(strips.__getitem__, len(strips))
    align: TextAlign = rule("text_align", "left")  # type: ignore[assignment]  # RulesMap values are untyped
    pieces = paragraph.divide(cuts)
    offsets = [0, *cuts]
    last = len(pieces) - 1

    def row(number: int) -> Strip:
        piece = pieces[number]
        piece = (piece if number == last else piece.rstrip()).truncate(width, ellipsis=False)
        line = _FormattedLine(options.get_style, piece.rstrip_end(width), width, offsets[number], 0, align=align)
        line.line_end = number == last
        return Strip(*line.to_strip(style))

    return ParagraphRows(row, len(pieces))
