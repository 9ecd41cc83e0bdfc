"""Fixed-width columns measured in terminal cells, so CJK and emoji keep the columns aligned."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

ELLIPSIS = "…"


def fit(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded or cut to exactly `width` cells; a cut ends with an ellipsis."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:
        # set_cell_size pads with a space when it would split a double-width character.
        return set_cell_size(text, width - 1) + ELLIPSIS
    padding = " " * (width - length)
    return padding + text if right else text + padding


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """'1 quote', '2 quotes', '1,204 articles': a count and its noun, singular when it is one."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"
