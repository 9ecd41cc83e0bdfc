"""A full screen whose own rows (its background, under its widgets) are drawn as plain rows."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from ..widgets.plain_styles import PlainStylesCache


class OpaqueScreen(Screen[None]):
    """Textual draws a screen's own rows again each time it is shown (`refresh` on resume): every
    row through `StylesCache.render_line`, ~1.2 ms of each view or profile shown at 120 x 40. A
    screen has no border, padding or outline, so `PlainStylesCache` puts its rows together
    directly (~0.1 ms), the same cells (tui/widgets/plain_styles.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles_cache = PlainStylesCache()
