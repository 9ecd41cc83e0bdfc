"""The reading pane: an article's title, date and source, then its body with quotes marked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from ..corpus import Article
from ..safe_text import one_line
from .highlight import body_content, quote_offset, row_of

EMPTY = Content("Choose an article and press enter to read it.")


def header_content(article: Article) -> Content:
    """Title, then date · source · quote count; built from parts, never from markup."""
    date = article.date.strftime("%A %d %B %Y, %H:%M") if article.date else "undated"
    facts = [date, one_line(article.source or "unknown source"), f"{len(article.quotes)} quotes"]
    title = Content.styled(one_line(article.title or "(untitled)"), "bold $text")
    return Content("\n").join([title, Content.styled(" · ".join(facts), "$text-muted")])


def indicator_content(article: Article, current: int | None) -> Content:
    """'quote 2/5 · Emmanuel Macron', or how to step through the quotes."""
    total = len(article.quotes)
    if not total:
        return Content.styled("no quotes in this article", "$text-muted")
    if current is None:
        return Content.styled(f"{total} quotes · n/N to step through them", "$text-muted")
    quote = article.quotes[current]
    speaker = one_line(quote.speaker or "unknown speaker")
    return Content.assemble((f"quote {current + 1}/{total} · ", "$text-muted"), (speaker, "bold $speaker"))


class ReadingPane(Vertical):
    """Renders what the screen tells it to: an article and the current quote."""

    DEFAULT_CSS = """
    ReadingPane #indicator { height: 1; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis; }
    ReadingPane #page { padding: 0 1; }
    ReadingPane #header { margin-bottom: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.current: int | None = None
        self.body = Content()

    def compose(self) -> ComposeResult:
        yield Static(id="indicator")
        with VerticalScroll(id="page"):
            yield Static(EMPTY, id="header")
            yield Static(id="body")

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
            return
        self.query_one("#indicator", Static).update(indicator_content(article, current))
        self.query_one("#header", Static).update(header_content(article))
        self.body = body_content(article, current)
        self.query_one("#body", Static).update(self.body)
        if changed:
            self.page.scroll_home(animate=False)
        if current is not None:
            self.call_after_refresh(self._quote_into_view)

    def _quote_into_view(self) -> None:
        if self.article is None or self.current is None:
            return
        body = self.query_one("#body", Static)
        offset = quote_offset(self.article, self.article.quotes[self.current])
        row = body.virtual_region.y + row_of(self.body.plain, offset, body.content_region.width)
        self.page.scroll_to_region(Region(0, row, 1, 1), animate=False, center=True, force=True)
