"""The reading pane: an article's title, date and source, then its body with quotes marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from ..corpus import Article
from ..safe_text import one_line
from .highlight import body_content, body_start, quote_offset, row_of

EMPTY = Content("Choose an article and press enter to read it.")
WINDOW = 40_000  # characters of body drawn at a time: a 20 MB article opens as fast as a small one
TITLE_SHOWN = 400  # characters of title in the header; a title can be a whole 50 MB line


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _line_start(text: str, offset: int) -> int:
    """The start of the line holding `offset`, when it is near; else `offset` itself."""
    found = text.rfind("\n", max(offset - 2_000, 0), offset)
    return found + 1 if found >= 0 else offset


def _line_end(text: str, offset: int) -> int:
    found = text.find("\n", offset, offset + 2_000)
    return found if found >= 0 else min(offset, len(text))


def header_content(article: Article) -> Content:
    """Title, then date · source · quote count; built from parts, never from markup."""
    date = article.date.strftime("%A %d %B %Y, %H:%M") if article.date else "undated"
    facts = [date, one_line(article.source or "unknown source"), f"{len(article.quotes)} quotes"]
    title = Content.styled(one_line(_cut(article.title or "(untitled)", TITLE_SHOWN)), "bold $text")
    return Content("\n").join([title, Content.styled(" · ".join(facts), "$text-muted")])


def indicator_content(article: Article, current: int | None) -> Content:
    """'quote 2/5 · Emmanuel Macron', or how to step through the quotes."""
    total = len(article.quotes)
    if not total:
        return Content.styled("no quotes in this article", "$text-muted")
    if current is None:
        return Content.styled(f"{total} quotes · n/N to step through them", "$text-muted")
    quote = article.quotes[current]
    speaker = one_line(_cut(quote.speaker or "unknown speaker", 200))
    return Content.assemble((f"quote {current + 1}/{total} · ", "$text-muted"), (speaker, "bold $speaker"))


class ReadingPane(Vertical):
    """Renders what the screen tells it to: an article and the current quote.

    The body is drawn a window at a time (`WINDOW` characters, cut at line ends): scrolling to
    either end of the window draws the next part, and stepping to a quote outside it moves the
    window there. Wrapping 20 MB of text would freeze the app for a minute; a window costs
    milliseconds whatever the article's size.
    """

    DEFAULT_CSS = """
    ReadingPane #indicator { height: 1; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis; }
    ReadingPane #page { padding: 0 1; }
    ReadingPane #header { margin-bottom: 1; }
    ReadingPane .more { color: $text-muted; text-style: italic; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.current: int | None = None
        self.body = Content()
        self.window = (0, 0)  # the part of the body drawn, as offsets into the article's body
        self.body_size = 0  # the body's length

    def compose(self) -> ComposeResult:
        yield Static(id="indicator")
        with VerticalScroll(id="page"):
            yield Static(EMPTY, id="header")
            yield Static(id="above", classes="more")
            yield Static(id="body")
            yield Static(id="below", classes="more")

    def on_mount(self) -> None:
        for part in ("#above", "#below"):
            self.query_one(part).display = False
        self.watch(self.page, "scroll_y", self._scrolled, init=False)

    @property
    def page(self) -> VerticalScroll:
        return self.query_one("#page", VerticalScroll)

    def show(self, article: Article | None, current: int | None = None) -> None:
        """Show an article (None: nothing open) with quote `current` marked and in view."""
        changed = article is not self.article
        self.article, self.current = article, current
        if article is None:
            self.query_one("#header", Static).update(EMPTY)
            self.query_one("#body", Static).update("")
            self.query_one("#indicator", Static).update("")
            self.window, self.body_size = (0, 0), 0
            self._show_more()
            return
        try:
            self._show(article, current, changed)
        except Exception as error:  # a bug in one article's drawing must not take the app down
            self.window, self.body_size = (0, 0), 0
            self._show_more()
            self.body = Content(one_line(f"This article could not be shown ({type(error).__name__}: {error})"))
            self.query_one("#body", Static).update(self.body)

    def _show(self, article: Article, current: int | None, changed: bool) -> None:
        # The indicator is one line whatever it says: no layout pass for it.
        self.query_one("#indicator", Static).update(indicator_content(article, current), layout=False)
        if changed:
            self.query_one("#header", Static).update(header_content(article))
        text = article.text
        start = body_start(article)
        if changed:
            self.body_size = len(text) - start
            self.window = (0, self._end_near(WINDOW))
        if current is not None:
            quote = article.quotes[current]
            lo, hi = quote.start - start, quote.end - start
            if lo < self.window[0] or hi > self.window[1]:  # the quote is outside: move the window
                first = _line_start(text, start + max(lo - WINDOW // 2, 0)) - start
                self.window = (max(first, 0), self._end_near(max(hi + WINDOW // 2, first + WINDOW)))
        self._draw()
        if changed and self.page.scroll_y:
            self.page.scroll_home(animate=False)
        if current is not None:
            self.call_after_refresh(self._quote_into_view)

    def _end_near(self, offset: int) -> int:
        if self.article is None or offset >= self.body_size:
            return self.body_size
        start = body_start(self.article)
        return _line_end(self.article.text, start + offset) - start

    def _draw(self) -> None:
        assert self.article is not None
        self.body = body_content(self.article, self.current, self.window)
        self.query_one("#body", Static).update(self.body)
        self._show_more()

    def _show_more(self) -> None:
        lo, hi = self.window
        above, below = self.query_one("#above", Static), self.query_one("#below", Static)
        above.display, below.display = lo > 0, hi < self.body_size
        # Hidden lines need no new text; shown ones keep their one-line height.
        if above.display:
            above.update(Content(f"↑ {lo:,} characters above: scroll up to read them"), layout=False)
        if below.display:
            below.update(Content(f"↓ {self.body_size - hi:,} characters more: scroll down to read them"),
                         layout=False)

    def _scrolled(self, y: float) -> None:
        """At the bottom of the window, draw more below; at the top, more above."""
        page = self.page
        if self.article is None:
            return
        lo, hi = self.window
        if hi < self.body_size and y >= page.max_scroll_y - 1:
            self.window = (lo, self._end_near(hi + WINDOW))
            self._draw()
        elif lo > 0 and y <= 0:
            start = body_start(self.article)
            first = max(_line_start(self.article.text, start + max(lo - WINDOW, 0)) - start, 0)
            self.window = (first, hi)
            self._draw()
            self.call_after_refresh(self._keep_place, lo - first)

    def _keep_place(self, offset: int) -> None:
        """After drawing more above, the text that was at the top stays at the top."""
        body = self.query_one("#body", Static)
        row = body.virtual_region.y + row_of(self.body.plain, offset, body.content_region.width)
        self.page.scroll_to(y=row, animate=False, force=True)

    def _quote_into_view(self) -> None:
        if self.article is None or self.current is None:
            return
        body = self.query_one("#body", Static)
        offset = quote_offset(self.article, self.article.quotes[self.current]) - self.window[0]
        row = body.virtual_region.y + row_of(self.body.plain, max(offset, 0), body.content_region.width)
        self.page.scroll_to_region(Region(0, row, 1, 1), animate=False, center=True, force=True)
