"""What the quotes, people and timeline views share: the filter bar (the main screen's filter: one
filter for every view), a body, a status line and the footer; their data is fetched in a worker
and a stale answer is dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.events import ScreenResume
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import Worker

from ..commands import bindings
from ..corpus import QueryError
from ..widgets.filter_bar import DEBOUNCE_SECONDS, FilterBar
from ..widgets.keys_footer import KeysFooter
from .help import HelpScreen
from .navigation import restyle_if_needed
from .opaque import OpaqueScreen

if TYPE_CHECKING:
    from .main import MainScreen

# Until a view's first answer is in (seconds, when it is asked for while a million articles' quote
# table is still being read after the load): said on the status line, never a blank view.
WORKING = "working out the answer…"


def same(data: Any, shown: Any) -> bool:
    """The very objects on screen already (a view's data may be a tuple of answers)."""
    if isinstance(data, tuple) and isinstance(shown, tuple):
        return len(data) == len(shown) and all(a is b for a, b in zip(data, shown, strict=True))
    return data is shown


class ViewScreen(OpaqueScreen):
    """A view over the main screen's corpus and filter."""

    BINDINGS = bindings("views")
    AUTO_FOCUS = None  # each view focuses its own body (the filter bar would take ←, →, enter)
    DEFAULT_CSS = """
    ViewScreen LineList {
        height: 1fr; border: round $panel; border-subtitle-color: $text-muted;
        overflow-y: scroll;  /* its width never changes with the count: no whole-screen layout a keystroke */
    }
    ViewScreen LineList:focus { border: round $accent; }
    ViewScreen #status { height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, main: MainScreen) -> None:
        super().__init__()
        self.main = main
        self.corpus = main.corpus
        self._generation = 0
        self._debounce: Timer | None = None
        self.shown: Any = None  # the data on screen

    # -- what a view provides -------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def fetch(self, text: str) -> Any:
        """The view's data for a filter (in a worker thread), or a QueryError."""
        raise NotImplementedError

    def show(self, data: Any) -> None:
        raise NotImplementedError

    def focus_body(self) -> None:
        self.focus_next()

    # -- shared -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield FilterBar(self.main.complete, id="filter")
        yield from self.compose_body()
        yield Static(id="status")
        yield KeysFooter()

    @property
    def bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    def on_mount(self) -> None:
        self.focus_body()

    def _on_screen_resume(self, event: ScreenResume) -> None:
        """Shown (again: a view is kept between showings): the filter may have changed meanwhile,
        articles may have arrived; an unchanged answer is not drawn again (`shown`)."""
        restyle_if_needed(self, event)
        if self.bar.input.value != self.main.filter_text:
            self.bar.input.value = self.main.filter_text
        self.reload()

    def reload(self) -> Worker[None]:
        """Fetch again for the current filter (it changed, or articles arrived)."""
        self._generation += 1
        if self.shown is None:
            self.status(WORKING)
        return self._fetch(self.main.filter_text, self._generation)

    corpus_changed = reload

    @work(thread=True, group="view", exclusive=True)
    def _fetch(self, text: str, generation: int) -> None:
        data = self.fetch(text)
        self.app.call_from_thread(self._fetched, generation, data)

    def _fetched(self, generation: int, data: Any) -> None:
        if generation != self._generation:
            return
        if isinstance(data, QueryError):
            self.bar.show_error(data.position, data.message)
            return
        self.bar.show_error(None)
        if not same(data, self.shown):  # the same answer (remembered by the core) is on screen already
            self.shown = data
            self.show(data)

    @on(Input.Changed, "#filter-input")
    def _typed(self, event: Input.Changed) -> None:
        if event.value == self.main.filter_text:
            return
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self.set_filter(event.value))

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.focus_body()

    def set_filter(self, text: str) -> None:
        """Filter every view (the articles too) by `text`."""
        self.main.set_filter(text)
        if self.bar.input.value != text:
            self.bar.input.value = text
        self.reload()

    def status(self, text: str) -> None:
        self.query_one("#status", Static).update(f" {text}", layout=False)  # one line high: no layout

    # -- actions ----------------------------------------------------------------------------

    def action_view(self, name: str) -> None:
        self.main.show_view(name)

    def action_back(self) -> None:
        self.main.show_view("articles")

    def action_focus_filter(self) -> None:
        self.set_focus(self.bar.input)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
