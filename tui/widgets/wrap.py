"""Where a line of text wraps: the offsets `rich._wrap.divide_line` gives (what Textual's Content
wraps with), found faster for the common line.

`divide_line` walks the words one by one in Python, measuring each in cells: counting the rows of
an article's window that way was a sixth of opening it. For a line of printable ASCII (one cell a
character) whose words each fit in the width, the same greedy wrap is found a row at a time: the
last word of a row is the last whose end (its trailing spaces aside) is within the width of the
row's start, found by bisection. Any other line (wide or zero-width characters, a word longer
than the width, which `divide_line` folds) is left to `divide_line` itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich._wrap import divide_line

_WORD = re.compile(r"\S+")  # a word without the spaces around it


def wrap_cuts(line: str, width: int) -> list[int]:
    """The offsets where `line` breaks into rows of `width` cells: `divide_line(line, width, fold=True)`."""
    if len(line) <= width and line.isascii() and line.isprintable():
        return []  # it fits: no word can overflow
    if not (line.isascii() and line.isprintable()):
        return divide_line(line, width, fold=True)
    spans = [match.span() for match in _WORD.finditer(line)]
    if not spans:
        return []
    starts = [start for start, _ in spans]
    ends = [end for _, end in spans]
    starts[0] = 0  # the first word takes the line's leading spaces with it
    cuts: list[int] = []
    first, last = 0, len(spans) - 1
    while True:
        fits = bisect_right(ends, starts[first] + width, first) - 1  # the last word that fits the row
        if fits < first:  # a word wider than a row: divide_line folds it
            return divide_line(line, width, fold=True)
        if fits >= last:
            return cuts
        first = fits + 1
        cuts.append(starts[first])
