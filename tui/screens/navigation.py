"""Moving between the main screen and the views: each view screen and the profile screen are made
once and kept (installed), so showing one again costs no compose and no new footer; the filter a
view sets is the articles' too, put in their bar and searched when the articles are shown again,
not at each keystroke in a view (the article search would compete with the view's for the one
Python thread, and the hidden bar's change would lay out a screen nobody sees).

Making a screen (composing, mounting and styling its widgets, the footer's keys) costs more than
everything else its first showing does: once the corpus is in, `prepare` makes every view and the
profile screen ahead, composing and mounting them while a worker works out the views' answers
(the quote table read, its people and orders: seconds at a million articles), then each fetches
its answer for the filter of the moment and is laid out, so even a first showing only draws."""

from __future__ import annotations

import asyncio
import gc
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.events import ScreenResume
from textual.geometry import Size
from textual.screen import Screen
from textual.worker import WorkerCancelled, get_current_worker

from ..widgets.filter_bar import FilterBar
from ..widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from .main import MainScreen

PREPARE_WAIT_SECONDS = 10.0  # the warm-up's worker waits for the screens at most this long
WAIT_SLICE_SECONDS = 0.05
FIRST_ROWS_SECONDS = 2.0  # the screens wait this long at most for the article list's first rows
LAYOUT_ROUNDS = 4
FOCUS_ROUNDS = 50
MESSAGES_SECONDS = 0.02  # a screen made ahead lets its widgets' messages through for this long


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


def prepare_from_thread(main: MainScreen, warm: Callable[[], None]) -> None:
    """From the warm-up's worker thread: the views' answers worked out here (`warm`) while `prepare`
    makes their screens in the app's loop (composing, mounting and styling them needs no answer),
    then this thread waits until the screens are done (so the warm-up ends when the views are
    ready), but never longer than PREPARE_WAIT_SECONDS."""
    done, warmed, warm_up = threading.Event(), threading.Event(), get_current_worker()
    try:
        main.app.call_from_thread(main.run_worker, prepare(main, done, warmed), group="prepare", exclusive=True)
    except RuntimeError:  # the app closed meanwhile: nobody to show a view to
        return
    try:
        warm()
    finally:
        warmed.set()
    waited = 0.0  # in slices: a closing app cancels this worker, and Python's exit joins its thread
    while not done.wait(WAIT_SLICE_SECONDS) and not warm_up.is_cancelled and waited < PREPARE_WAIT_SECONDS:
        waited += WAIT_SLICE_SECONDS


async def prepare(main: MainScreen, done: threading.Event | None = None, warmed: threading.Event | None = None) -> None:
    """Make the kept screens now, hidden (see the module's note); one already made is left as it is.
    `warmed`: set once the views' answers are worked out; the screens are made meanwhile, and given
    their answers after."""
    try:
        try:
            await _make_screens(main, warmed)
        except WorkerCancelled:
            return  # the app is closing (or a new filter cancelled a view's answer): shown when asked
        # What the session keeps for its life is made now (the corpus, its quote table and views,
        # the screens): out of the cyclic collector's reach, or every full collection walks it all
        # again (120 ms of CPU at 10,000 articles, in the middle of a keystroke or a profile). The
        # main screen hands it back when the app closes (gc.unfreeze); an app closing meanwhile
        # cancels this worker, and nothing is frozen.
        gc.freeze()
    finally:
        if done is not None:
            done.set()


async def _make_screens(main: MainScreen, warmed: threading.Event | None = None) -> None:
    """Every kept screen composed and mounted first, then (the answers worked out) each given its
    answer for the filter of the moment and laid out."""
    from .profile import ProfileScreen
    from .view_base import ViewScreen
    from .views import VIEWS

    app = main.app
    makers: list[tuple[str, Callable[[], Screen]]] = [
        (f"view-{name}", partial(view, main)) for name, view in VIEWS.items()
    ]
    makers.append(("profile", partial(ProfileScreen, main, "")))  # nobody's yet: `open` fetches, then shows
    made = [screen for name, make in makers if not (screen := app.get_screen(_kept(main, name, make))).is_running]
    waited = 0.0  # the articles' first rows first (mounting a screen holds the loop): what opening shows
    while not main.rows and waited < FIRST_ROWS_SECONDS:
        await asyncio.sleep(WAIT_SLICE_SECONDS)
        waited += WAIT_SLICE_SECONDS
    for screen in made:
        await _mount(screen)
    while warmed is not None and not warmed.is_set():  # an answer asked for now would be worked out twice
        await asyncio.sleep(WAIT_SLICE_SECONDS)
    for screen in made:
        if isinstance(screen, ViewScreen):  # its answer for the filter of the moment, drawn (hidden)
            await screen.reload().wait()
        # Styled in this theme and laid out for this size now: showing it neither restyles it
        # (restyle_if_needed) nor lays it out again unless the theme or the terminal's size changed.
        screen._styled_in = app.theme  # type: ignore[attr-defined]
        await _lay_out(screen, app.size)


async def _mount(screen: Screen) -> None:
    """Register (start) a screen without showing it: it composes and mounts its widgets as a pushed
    screen does; App._get_screen is what push_screen does first (textual 8.2.8, pinned)."""
    if screen.is_running:
        return  # shown meanwhile (asked for while the others were made): made by its showing
    _, mounted = screen.app._get_screen(screen)
    await mounted
    for _ in range(FOCUS_ROUNDS):  # the footer's keys depend on the focus, which mounting gives
        if screen.focused is not None:
            break
        await asyncio.sleep(MESSAGES_SECONDS)
    for footer in screen.query(KeysFooter):
        await footer.compose_keys()


async def _lay_out(screen: Screen, size: Size) -> None:
    """Lay out a screen that is not shown (Textual lays out only the current screen): new widgets
    sized by a first layout may ask for another, so until none asks, LAYOUT_ROUNDS at most."""
    for _ in range(LAYOUT_ROUNDS):
        screen._refresh_layout(size)
        screen._layout_required = False
        await asyncio.sleep(MESSAGES_SECONDS)  # the widgets' messages (a Layout, if one asks again)
        if not screen._layout_required:
            return


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
