"""Where the reading pane's text wraps: `wrap_cuts` gives what `rich._wrap.divide_line` (Textual's
wrap) gives, on generated lines of every shape."""

from __future__ import annotations

import random

from rich._wrap import divide_line
from textual.content import Content, Span
from textual.style import Style
from textual.visual import RenderOptions

from tui.widgets.paragraph import paragraph_rows, paragraph_strips
from tui.widgets.wrap import wrap_cuts

LINES = 3_000  # generated lines compared
WORDS = ("a", "to", "the", "harbour", "reopened", "x" * 30, "https://example.org/a/very/long/address/indeed")
SPACES = (" ", " ", " ", "  ", "   ")


def generated_line(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(0, 40))]
    line = "".join(word + rng.choice(SPACES) for word in words)
    if rng.random() < 0.2:
        line = rng.choice(SPACES) + line  # leading spaces
    if rng.random() < 0.2:
        line = line.rstrip()
    if rng.random() < 0.1:
        line += " naïve café 東京"  # not ASCII: wide characters
    return line


def test_wrap_cuts_are_divide_lines_on_generated_lines() -> None:
    rng = random.Random(17)
    for _ in range(LINES):
        line, width = generated_line(rng), rng.randint(1, 90)
        assert wrap_cuts(line, width) == divide_line(line, width, fold=True), (line, width)


def test_wrap_cuts_of_lines_that_need_no_wrap() -> None:
    assert wrap_cuts("", 10) == []
    assert wrap_cuts("   ", 2) == divide_line("   ", 2, fold=True)
    assert wrap_cuts("one two", 7) == []
    assert wrap_cuts("one two three", 7) == [8]  # "one two" fills the row: its trailing space may overflow


def styled_line(rng: random.Random) -> Content:
    """A generated line with styled spans over random parts of it, some overlapping."""
    line = generated_line(rng)
    spans = []
    for _ in range(rng.randint(0, 6)):
        a = rng.randint(0, len(line))
        spans.append(Span(a, rng.randint(a, len(line)), rng.choice(STYLES)))
    return Content(line, spans)


STYLES = ("bold", "italic red", "underline on blue", "reverse", "bold italic #ff8800 on #202020")


def test_a_paragraph_drawn_at_its_cuts_looks_as_content_draws_it() -> None:
    """`paragraph_strips` (the reading pane's rows, wrapped once when counted) gives the strips
    `Content.render_strips` gives: same text, same styles, row for row."""
    rng = random.Random(29)
    options = RenderOptions(Style.parse, {})
    base = Style.parse("#e0e0e0 on #101010")
    for _ in range(LINES // 3):
        content, width = styled_line(rng), rng.randint(1, 90)
        cuts = wrap_cuts(content.plain, width)
        expected = content.render_strips(width, None, base, options)
        assert paragraph_strips(content, cuts, width, base, options) == expected, (content.plain, width)


def test_a_paragraphs_rows_are_made_when_drawn_each_once() -> None:
    """Only the rows asked for are formatted (a long paragraph half out of view), each once, in
    any order, and they are the rows `paragraph_strips` gives."""
    options = RenderOptions(Style.parse, {})
    base = Style.parse("#e0e0e0 on #101010")
    content = Content(" ".join(["reopened harbour"] * 60), [Span(3, 40, "bold"), Span(200, 900, "on blue")])
    cuts = wrap_cuts(content.plain, 30)
    rows = paragraph_rows(content, cuts, 30, base, options)
    made: list[int] = []
    make = rows._make
    rows._make = lambda row: made.append(row) or make(row)  # type: ignore[method-assign]
    expected = paragraph_strips(content, cuts, 30, base, options)
    assert len(rows) == len(expected) == len(cuts) + 1 > 20
    assert [rows[5], rows[-1], rows[5], rows[0]] == [expected[5], expected[-1], expected[5], expected[0]]
    assert made == [5, len(expected) - 1, 0]
