"""The main screen: it owns the intent (filter, sort, open article, entity scope) and tells the
panes what to show; the panes post messages back. Data flows one way. The corpus, its loading and
its lock are `tui.corpus.LiveCorpus`'s: the screen asks it, from workers for anything long."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Input, Static

from ..commands import bindings
from ..corpus import (
    Corrections,
    EntitySummary,
    FilterHistory,
    Found,
    LiveCorpus,
    QueryError,
    QuoteIds,
    highlight_terms,
)
from ..widgets.article_list import ArticleList
from ..widgets.cells import counted
from ..widgets.completion import completions
from ..widgets.entity_panel import EntityPanel, ordered
from ..widgets.filter_bar import DEBOUNCE_SECONDS, FilterBar
from ..widgets.keys_footer import KeysFooter
from ..widgets.reading_pane import ReadingPane
from . import navigation
from .citing import copy_citation
from .help import HelpScreen
from .load_report import LoadReportScreen, empty_note
from .opaque import OpaqueScreen
from .palette import filter_term
from .sorting import next_sort

PANES = {"articles": "#articles", "reading": "#body", "entities": "#entities"}
WEB_SCHEMES = ("http://", "https://")  # the only addresses `o` hands to the browser
ENTITIES_SHOWN = "-entities-shown"  # under 100 columns: the entity panel in place of the article


def _slash_first(found: list[BindingType]) -> list[BindingType]:
    """`/` as a priority binding: the app acts on it when it reads it, before routing the keys
    behind it. Typed in one burst (a paste, a laggy link), those keys would otherwise be routed
    to the list, where `q` quits and `n` steps quotes, while the focus move was still queued."""
    return [replace(b, priority=True) if isinstance(b, Binding) and b.action == "focus_filter" else b for b in found]


class MainScreen(OpaqueScreen):
    BINDINGS = _slash_first(bindings("screen"))
    # Under 100 columns the entity panel goes; under 70 the list and the article stack.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-medium"), (100, "-wide")]

    def __init__(self, paths: Sequence[Path], cache: bool = True, corrections: Corrections | None = None) -> None:
        super().__init__()
        self.paths = list(paths)
        self.cache = cache  # reuse (and save) the parsed corpus in the user's cache folder
        self.corpus = LiveCorpus(corrections=corrections)
        self.filter_text = ""
        self.positions: Sequence[int] = []  # the articles that match, in load order
        self.rows: Sequence[int] = []  # the same, in display order
        self.sort = "date"
        self.open: int | None = None
        self.quote: int | None = None
        self.scope = "article"
        self.trail: tuple[QuoteIds, int] | None = None  # the quotes view's quotes and where n/N are
        self.trail_origin = "the quotes view"  # whose list the trail is, for the status line
        self._generation = 0  # bumped by each search, so a stale result is dropped
        self._debounce: Timer | None = None
        self._history: FilterHistory | None = None  # read when first needed
        self.search_pending = False  # a view set the filter: search when the articles are shown

    def compose(self) -> ComposeResult:
        yield FilterBar(self.complete, id="filter")
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield ReadingPane(id="reading")
            yield EntityPanel(id="entities")
        yield Static(id="status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#articles").border_title = "Articles"
        self.query_one("#reading").border_title = "Article"
        self.query_one(ArticleList).focus()
        self.query_one(FilterBar).input.history = self.history.entries  # ↑ works however the bar got focus
        self._show_scope()
        self._show_status()
        self.load()

    @property
    def load_finished(self) -> bool:  # not `loading`: that is Widget's spinner reactive
        return self.corpus.finished

    # -- loading ----------------------------------------------------------------------------

    @work(thread=True, group="load")
    def load(self) -> None:
        self.corpus.load(self.paths, arrived=self._arrived_from_thread, cache=self.cache,
                         notice=self._notice, check_after_warm=True)  # fmt: skip

    def on_unmount(self) -> None:
        # The app is closing: stop parsing now, or quitting waits for the batch in hand.
        self.corpus.cancel()
        gc.unfreeze()  # what navigation.prepare froze is the collector's again

    def _notice(self, message: str) -> None:
        # From any thread: the loader's, a worker's, or this one's drawing a row (a cache entry changed).
        self.notify(message, severity="warning", timeout=8, markup=False)  # thread-safe: it posts a message

    def _arrived_from_thread(self, count: int, finished: bool) -> None:
        with contextlib.suppress(RuntimeError):  # the app closed while the last batch was on its way
            self.app.call_from_thread(self._arrived, count, finished)

    def _arrived(self, count: int, finished: bool) -> None:
        self.search(self.filter_text)
        view = self.app.screen
        if view is not self and hasattr(view, "corpus_changed"):
            view.corpus_changed()
        if finished:
            self._warm_quotes()
        if finished and self.corpus.problems():
            summary = self.corpus.problem_summary()
            self.notify(f"Skipped {summary} — press L to list them", severity="warning", timeout=8, markup=False)

    @work(thread=True, group="warm", exclusive=True)
    def _warm_quotes(self) -> None:
        """The quote table and the views' answers now, the view screens meanwhile (navigation.prepare)."""
        navigation.prepare_from_thread(self, lambda: self.corpus.warm_views(self.filter_text))

    # -- filtering --------------------------------------------------------------------------

    @property
    def history(self) -> FilterHistory:
        if self._history is None:
            self._history = FilterHistory()
        return self._history

    @on(Input.Submitted, "#filter-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the filter (in the history too) and moves to its results, as a search box does."""
        self.history.add(event.value)
        field = self.query_one(FilterBar).input
        field.history = self.history.entries
        field.forget_walk()
        self.query_one(ArticleList).focus()

    @on(Input.Changed, "#filter-input")
    def _typed(self, event: Input.Changed) -> None:
        if event.value == self.filter_text:
            return
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self.search(event.value))

    def search(self, text: str) -> None:
        """Run the filter in a worker; whatever an older search finds later is discarded."""
        self.filter_text, self.search_pending = text, False
        self._generation += 1
        self._search(text, self._generation, self.sort)

    @work(thread=True, group="filter")
    def _search(self, text: str, generation: int, sort: str) -> None:
        found = self.corpus.search_sorted(text, sort)
        self.app.call_from_thread(self._searched, generation, found, sort)

    def _searched(self, generation: int, found: Found | QueryError, sort: str) -> None:
        if generation != self._generation:
            return
        # A result can arrive while the app is closing and the widgets are already gone.
        with contextlib.suppress(NoMatches):
            self._show_found(found, sort)

    def _show_found(self, found: Found | QueryError, sort: str) -> None:
        bar = self.query_one(FilterBar)
        if isinstance(found, QueryError):  # keep the last good result, show where it broke
            bar.show_error(found.position, found.message)
            return
        bar.show_error(None)
        self.query_one(ReadingPane).show_terms(highlight_terms(self.filter_text))
        self.positions = found.positions
        self.rows = found.rows if sort == self.sort else self.corpus.sort(found.positions, self.sort)
        self._show_rows()
        total = found.total
        self.query_one(ArticleList).border_subtitle = f"{len(self.rows):,} of {total:,}"
        bar.show_count(len(self.rows), total, loading=not self.corpus.finished)
        if self.scope == "corpus":
            self._show_entities()
        self._show_status()

    def complete(self, text: str, cursor: int) -> list[tuple[str, int]]:
        def names(prefix: str, kind: str | None) -> list[str]:
            return self.corpus.complete_entity(prefix, kind, limit=20)

        return completions(text, cursor, self.corpus.field_names(), names)

    def add_filter_term(self, term: str) -> None:
        """Add `speaker:"Name"` (or any term) to the filter and apply it at once."""
        if term in self.filter_text:
            return
        text = f"{self.filter_text} {term}".strip()
        self.query_one(FilterBar).input.value = text
        self.search(text)

    # -- what the panes post ----------------------------------------------------------------

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.open, self.quote, self.trail = event.position, None, None
        self.remove_class(ENTITIES_SHOWN)  # under 100 columns, the article goes where the entities were
        self.query_one(ArticleList).mark_open(event.position)
        self._show_article()
        if self.scope == "article":
            self._show_entities()

    @on(ArticleList.Resting)
    def _resting(self, event: ArticleList.Resting) -> None:
        # After the frame that moved the cursor: the reader sees the row first.
        self.call_after_refresh(self._ready_to_open, event.position)

    def _ready_to_open(self, position: int) -> None:
        """Make the article under the cursor while the reader looks at the list: enter then only shows it."""
        if position == self.query_one(ArticleList).current and position != self.open:
            self.query_one(ReadingPane).prepare(self.corpus.article(position))
            if self.scope == "article":
                self.query_one(EntityPanel).prepare(self.corpus.entities([position]))

    @on(EntityPanel.Chosen)
    def _chosen(self, event: EntityPanel.Chosen) -> None:
        self.add_filter_term(filter_term(event.entity))  # type: ignore[arg-type]

    # -- showing the state ------------------------------------------------------------------

    def _show_rows(self) -> None:
        articles = self.query_one(ArticleList)
        articles.show(self.corpus, self.rows, keep=articles.current, note=empty_note(self.corpus, self.paths))

    def _show_article(self) -> None:
        article = self.corpus.article(self.open) if self.open is not None else None
        self.query_one(ReadingPane).show(article, self.quote)

    def _show_entities(self) -> None:
        panel = self.query_one(EntityPanel)
        if self.scope == "corpus":
            # Tallying the entities of 100,000 articles takes a while: a worker does it.
            self._generation_entities = getattr(self, "_generation_entities", 0) + 1
            self._tally(list(self.positions), self._generation_entities)
        else:
            panel.show(self.corpus.entities([self.open]) if self.open is not None else [])

    @work(thread=True, group="entities", exclusive=True)
    def _tally(self, positions: list[int], generation: int) -> None:
        rows = ordered(self.corpus.entities(positions))
        self.app.call_from_thread(self._tallied, rows, generation)

    def _tallied(self, rows: list[EntitySummary], generation: int) -> None:
        if generation == self._generation_entities and self.scope == "corpus":
            self.query_one(EntityPanel).show(rows, already_ordered=True)

    def _show_scope(self) -> None:
        scope = "corpus" if self.scope == "corpus" else "article"
        self.query_one(EntityPanel).border_title = f"Entities · {scope}"
        self._show_entities()

    def _show_status(self) -> None:
        loaded = len(self.corpus)
        done, total = self.corpus.files_read
        files = f" · {done:,} of {counted(total, 'file')}" if total > 1 else ""
        articles = counted(loaded, "article")
        state = articles if self.corpus.finished else f"loading… {articles} read{files}"
        problems = len(self.corpus.problems())
        skipped = f" · {problems} skipped (L)" if problems else ""
        self.query_one("#status", Static).update(f" {state}{skipped} · sorted by {self.sort} · entities: {self.scope}")

    def palette_entities(self) -> list[EntitySummary]:
        return self.corpus.entities(self.positions)

    # -- actions (bound in tui/commands.py) -------------------------------------------------

    def action_focus_filter(self) -> None:
        # At once, not `focus()` (which queues the move): the next key read goes to the input.
        field = self.query_one(FilterBar).input
        self.set_focus(field)
        field.cursor_position = len(field.value)  # to add a word, as one usually does

    def action_clear_filter(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        field = self.query_one(FilterBar).input
        field.value = ""
        self.search("")
        if self.focused is field:
            self.query_one(ArticleList).focus()

    def action_copy_citation(self) -> None:
        if self.open is None or self.quote is None:
            self.notify("Step to a quote first (n in an open article), then y copies it", timeout=3)
            return
        copy_citation(self, self.corpus, self.open, self.quote)

    def action_open_link(self) -> None:
        article = self.corpus.article(self.open) if self.open is not None else None
        url = (article.url or "").strip() if article is not None else ""
        if not url.lower().startswith(WEB_SCHEMES):
            none = "This article has no web address"
            self.notify("Open an article first (enter on the list)" if article is None else none, timeout=3)
            return
        self.app.open_url(url)

    def action_cycle_sort(self) -> None:
        self.sort = next_sort(self.sort)
        self.rows = self.corpus.sort(self.positions, self.sort)
        self._show_rows()
        self._show_status()

    def action_toggle_scope(self) -> None:
        self.scope = "article" if self.scope == "corpus" else "corpus"
        self._show_scope()
        self._show_status()

    def action_next_quote(self) -> None:
        self._step_quote(+1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_quote(self, step: int) -> None:
        if self.trail is not None:
            quotes, at = self.trail
            self._open_trail(quotes, (at + step) % len(quotes))
            return
        if self.open is None or not self.corpus.article(self.open).quotes:
            self.notify("Open an article with quotes first (enter on the list)", timeout=3)
            return
        total = len(self.corpus.article(self.open).quotes)
        start = -1 if step > 0 else 0
        self.quote = ((self.quote if self.quote is not None else start) + step) % total
        self._show_article()

    def action_focus_pane(self, pane: str) -> None:
        narrow = self.has_class("-medium") or self.has_class("-narrow")
        if pane == "entities" and narrow:  # hidden by the width: shown in place of the article
            shown = not self.has_class(ENTITIES_SHOWN)
            self.set_class(shown, ENTITIES_SHOWN)
            (self.query_one(EntityPanel) if shown else self.query_one(ArticleList)).focus()
            return
        self.remove_class(ENTITIES_SHOWN)
        widget = self.query_one(PANES[pane])
        if widget.display and widget.parent and widget.parent.display:
            widget.focus()

    # -- the views (quotes, people, timeline: tui/screens/views.py) ---------------------------

    def show_view(self, name: str) -> None:
        navigation.show_view(self, name)

    action_view = show_view

    def show_profile(self, person_id: str) -> None:
        navigation.show_profile(self, person_id)

    def set_filter(self, text: str) -> None:
        """The filter a view set: this screen's too, searched when this screen is shown again."""
        if text != self.filter_text:
            self.filter_text, self.search_pending = text, True  # the bar and the search: when shown

    def open_quote(self, quotes: QuoteIds, at: int, origin: str = "the quotes view") -> None:
        """Read quote `quotes[at]` in its article; n/N then walk `quotes` (the list of `origin`)."""
        self.trail_origin = origin
        self.show_view("articles")
        self._open_trail(quotes, at)
        self.call_after_refresh(self.action_focus_pane, "reading")  # once this screen is back on top

    def _open_trail(self, quotes: QuoteIds, at: int) -> None:
        row = self.corpus.quote_row(quotes[at])
        self.trail = (quotes, at)
        self.open, self.quote = row.position, row.number
        self._show_article()
        if self.scope == "article":
            self._show_entities()
        self.query_one("#status", Static).update(f" quote {at + 1:,} of {len(quotes):,} from {self.trail_origin} · n/N")

    def action_show_problems(self) -> None:
        self.app.push_screen(LoadReportScreen(self.corpus.problems()))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
