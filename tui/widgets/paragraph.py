"""A paragraph's rows drawn at cuts already found: `Content.render_strips` without wrapping again.

`TextView` counts each paragraph's rows when it is shown (`wrap.wrap_cuts`, the cuts `divide_line`
gives); drawing the paragraph with `Content.render_strips` wrapped it a second time, with
`divide_line` walking its words in Python: a third of drawing an opened article's rows. Here the
rows are made from the cuts known, as `Content._wrap_and_format` makes them for a line without
tabs (the same slicing, trimming and formatting, textual 8.2.8, pinned), so they look the same.
Anything else (a tab, a selection, another overflow or wrap rule) is left to `render_strips`.
"""

from __future__ import annotations

from textual.content import Content, _FormattedLine
from textual.css.types import TextAlign
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions


def paragraph_strips(
    paragraph: Content, cuts: list[int], width: int, style: Style, options: RenderOptions
) -> list[Strip]:
    """The rows of `paragraph` (one line, no newline) at `width`, broken at `cuts` (`wrap_cuts`)."""
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
        return paragraph.render_strips(width, None, style, options)
    align: TextAlign = rule("text_align", "left")  # type: ignore[assignment]  # RulesMap values are untyped
    pieces = paragraph.divide(cuts)
    last = len(pieces) - 1
    rows = []
    for number, (piece, offset) in enumerate(zip(pieces, [0, *cuts], strict=True)):
        piece = (piece if number == last else piece.rstrip()).truncate(width, ellipsis=False)
        rows.append(_FormattedLine(options.get_style, piece.rstrip_end(width), width, offset, 0, align=align))
    rows[-1].line_end = True
    return [Strip(*row.to_strip(style)) for row in rows]
