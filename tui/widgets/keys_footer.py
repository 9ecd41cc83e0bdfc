"""Textual's footer, composed again only when the keys it shows change.

Textual's `Footer` rebuilds its key widgets whenever the screen's bindings may have changed: on
every focus move and every time a screen is shown. Each rebuild mounts a dozen widgets and
restyles them (tens of milliseconds; most of the cost of showing a kept view again). The keys
shown rarely change, so this footer compares what it would show with what it shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple | None = None

    def _keys(self, screen: Screen) -> tuple:
        """What the footer would show: each key, its label and whether it is enabled."""
        active = screen.active_bindings.values()
        keys = tuple((b.key, b.action, b.description, enabled, tip) for _, b, enabled, tip in active if b.show)
        return keys, self.show_command_palette, self.compact

    async def compose_keys(self) -> None:
        """Compose the keys now (for a screen made ahead of its showing, see screens/navigation.py);
        the footer then composes again only when its keys change."""
        self._shown = self._keys(self.screen)
        self._bindings_ready = True
        with self._context():  # the keys bind to this footer: the active message pump (textual 8.2.8)
            await self.recompose()

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            keys = self._keys(screen)
            if keys == self._shown:
                self._bindings_ready = True
                return
            self._shown = keys
        super().bindings_changed(screen)
