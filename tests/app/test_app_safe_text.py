"""Control characters get visible stand-ins, one for one; columns are measured in cells."""

from __future__ import annotations

from rich.cells import cell_len

from tui.safe_text import one_line, visible
from tui.widgets.cells import fit


def test_controls_become_visible_and_keep_their_length() -> None:
    text = "a\x1b]0;x\x07b\x9bc\x00\nd\te\x7f"
    shown = visible(text)
    assert shown == "a␛]0;x␇b\ufffdc␀\nd\te␡"
    assert len(shown) == len(text)
    assert one_line("a\nb\tc") == "a b c"


def test_fit_keeps_wide_characters_in_their_columns() -> None:
    for text in ("东京の会議で合意した", "🎉🎉 party time", "short", ""):
        assert cell_len(fit(text, 9)) == 9
    assert fit("东京の会議で合意した", 9).endswith("…")
    assert fit("7", 3, right=True) == "  7"
