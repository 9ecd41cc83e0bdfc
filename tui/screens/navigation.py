"""Moving between the main screen and the views: each view screen and the profile screen are made
once and kept (installed), so showing one again costs no compose and no new footer; the filter a
view sets is the articles' too, put in their bar and searched when the articles are shown again,
not at each keystroke in a view (the article search would compete with the view's for the one
Python thread, and the hidden bar's change would lay out a screen nobody sees)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.events import ScreenResume
from textual.screen import Screen

from ..widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    from .main import MainScreen


def show_view(main: MainScreen, name: str) -> None:
    """Show one view over the others: the articles (the main screen) or a view screen."""
    from .views import VIEWS  # the views import the main screen's module

    app = main.app
    while app.screen is not main and len(app.screen_stack) > 1:
        app.pop_screen()
    if name in VIEWS:
        app.push_screen(_kept(main, f"view-{name}", lambda: VIEWS[name](main)))
        return
    field = main.query_one(FilterBar).input
    if field.value != main.filter_text:  # a view changed the filter (an Input's change lays out its screen)
        field.value = main.filter_text
    if main.search_pending:
        main.search(main.filter_text)


def show_profile(main: MainScreen, person_id: str) -> None:
    """A person's profile over the current view: one profile screen, kept, shows each person."""
    from .profile import ProfileScreen

    profile = main.app.get_screen(_kept(main, "profile", lambda: ProfileScreen(main, person_id)))
    assert isinstance(profile, ProfileScreen)
    profile.open(person_id)


def _kept(main: MainScreen, name: str, make: Callable[[], Screen]) -> str:
    if not main.app.is_screen_installed(name):
        main.app.install_screen(make(), name)
    return name


def restyle_if_needed(screen: Screen, event: ScreenResume) -> None:
    """A kept screen shown again: Textual restyles every widget of it in case the theme changed
    while it was hidden. When the theme is the one it was styled in, that is skipped."""
    theme = screen.app.theme
    if getattr(screen, "_styled_in", None) == theme:
        event.refresh_styles = False
    screen._styled_in = theme  # type: ignore[attr-defined]
