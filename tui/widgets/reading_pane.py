"""The reading pane: an article's title, date and source, then its body with quotes marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from ..commands import bindings
from ..corpus import Article, term_spans
from ..safe_text import one_line
from .cells import counted
from .fixed_text import FixedText
from .highlight import body_content, body_start, quote_offset
from .rows_ahead import RowsAhead
from .text_layout import TextLayout
from .text_view import Scroll, TextView

EMPTY = Content("Choose an article and press enter to read it.")
WINDOW = 40_000  # characters of body drawn at a time: a 20 MB article opens as fast as a small one
WINDOW_MOST = 3 * WINDOW  # the most body drawn at once: scrolling on drops the far end of the window
MORE = "italic $text-muted"  # the "more above / below" lines
LINE_NEAR = 2_000  # how far a window's edge looks for a line break to cut at
TITLE_SHOWN = 400  # characters of title in the header; a title can be a whole 50 MB line
MATCH_SEARCHED = 1_000_000  # characters of body searched for the filter's first word on opening
PHRASE_OVERLAP = 400  # characters each search chunk reaches into the next: a phrase can straddle them


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _line_start(text: str, offset: int) -> int:
    """The start of the line holding `offset`, when it is near; else `offset` itself."""
    found = text.rfind("\n", max(offset - LINE_NEAR, 0), offset)
    return found + 1 if found >= 0 else offset


def _line_end(text: str, offset: int) -> int:
    found = text.find("\n", offset, offset + LINE_NEAR)
    return found if found >= 0 else min(offset, len(text))


def _end_near(article: Article, size: int, offset: int) -> int:
    """The end of the line near `offset` of the body (`size` long), as an offset into the body."""
    if offset >= size:
        return size
    start = body_start(article)
    return _line_end(article.text, start + offset) - start


def _first_match(article: Article, size: int, terms: list[str]) -> int | None:
    """Where the filter's first word is in the body (an offset into it), searched a window
    at a time up to `MATCH_SEARCHED` characters: a 20 MB article opens as fast as any."""
    if not terms:
        return None
    text, start = article.text, body_start(article)
    for lo in range(0, min(size, MATCH_SEARCHED), WINDOW):
        spans = term_spans(text[start + lo : start + lo + WINDOW + PHRASE_OVERLAP], terms)
        if spans:
            return lo + spans[0][0]
    return None


def _block_for_body(window: tuple[int, int]) -> int:
    """The block that holds the body: after the "more above" line, when there is one."""
    return 1 if window[0] > 0 else 0


@dataclass(frozen=True)
class Opening:
    """All the reading pane shows of an article opened with no quote chosen."""

    article: Article
    terms: tuple[str, ...]  # the filter's words marked in it
    header: Content
    indicator: Content
    header_rows: RowsAhead | None  # the two, drawn (tui/widgets/fixed_text.py)
    indicator_rows: RowsAhead | None
    body_size: int
    window: tuple[int, int]
    body: Content
    layout: TextLayout  # the blocks showing the window, counted at the body's width
    scroll: Scroll


def header_content(article: Article) -> Content:
    """Title, then date · source · quote count; built from parts, never from markup."""
    date = article.date.strftime("%A %d %B %Y, %H:%M") if article.date else "undated"
    if article.date_from_name and article.date:  # a day, not a time: and the reader is told where it came from
        date = article.date.strftime("%A %d %B %Y") + " (date from file name)"
    facts = [date, one_line(article.source or "unknown source"), counted(len(article.quotes), "quote")]
    title = Content.styled(one_line(_cut(article.title or "(untitled)", TITLE_SHOWN)), "bold $text")
    return Content("\n").join([title, Content.styled(" · ".join(facts), "$text-muted")])


def indicator_content(article: Article, current: int | None) -> Content:
    """'quote 2/5 · Emmanuel Macron', or how to step through the quotes."""
    total = len(article.quotes)
    if not total:
        return Content.styled("no quotes in this article", "$text-muted")
    if current is None:
        return Content.styled(f"{counted(total, 'quote')} · n/N to step through them", "$text-muted")
    quote = article.quotes[current]
    speaker = one_line(_cut(quote.speaker or "unknown speaker", 200))
    return Content.assemble((f"quote {current + 1}/{total} · ", "$text-muted"), (speaker, "bold $speaker"))


class ReadingPane(Vertical):
    """Renders what the screen tells it to: an article and the current quote.

    Nothing here changes height when an article opens, so opening one costs no layout pass of
    the screen: the indicator and the header are fixed-height lines updated in place, and the
    body is a `TextView` (the Line API), which draws only the rows in view.

    The body is drawn a window at a time (`WINDOW` characters, cut at line ends): scrolling to
    either end of the window draws the next part, and stepping to a quote outside it moves the
    window there. Counting the rows of 20 MB of text would freeze the app for seconds; a window
    costs milliseconds whatever the article's size.
    """

    BINDINGS = bindings("reading")  # j k space b g G, as in less (the body's own scroll keys are off)
    DEFAULT_CSS = """
    ReadingPane #indicator { height: 1; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis; }
    ReadingPane #header { height: 2; margin-bottom: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    ReadingPane #body { height: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.current: int | None = None
        self.body = Content()
        self.window = (0, 0)  # the part of the body drawn, as offsets into the article's body
        self.body_size = 0  # the body's length
        self._move_queued = False  # a window move waits for the scroll that asked for it to end
        self.terms: list[str] = []  # the filter's words, marked in the text (`highlight_terms`)
        self._ahead: Opening | None = None  # an article made before it is opened (`prepare`)

    def compose(self) -> ComposeResult:
        yield FixedText(id="indicator")
        yield FixedText(id="header")
        yield TextView(id="body")

    def on_mount(self) -> None:
        self.watch(self.page, "scroll_y", self._scrolled, init=False)
        self.show(None)

    @property
    def page(self) -> TextView:
        """The scrolling body."""
        return self.query_one("#body", TextView)

    def show_terms(self, terms: Sequence[str]) -> None:
        """Mark these words of the filter in the text; the view stays where it is."""
        if list(terms) != self.terms:
            self.terms = list(terms)
            if self.article is not None and self.body_size:
                self._draw(None)

    def show(self, article: Article | None, current: int | None = None) -> None:
        """Show an article (None: nothing open) with quote `current` marked and in view; a new
        article without a quote to show opens at the first word of the filter, if it has one."""
        changed = article is not self.article
        if article is not None and current is not None and not 0 <= current < len(article.quotes):
            current = None  # a quote number from before the article became a placeholder (tui.corpus.damaged)
        self.article, self.current = article, current
        if article is None:  # the hint, where the text goes; no header above it
            self.query_one("#header", FixedText).display = False
            self.query_one("#indicator", FixedText).update(Content())
            self.window, self.body_size, self.body = (0, 0), 0, Content()
            self.page.show_blocks([EMPTY], scroll="home")
            return
        try:
            self._show(article, current, changed)
        except Exception as error:  # a bug in one article's drawing must not take the app down
            self.window, self.body_size = (0, 0), 0
            self.body = Content(one_line(f"This article could not be shown ({type(error).__name__}: {error})"))
            self.page.show_blocks([self.body], scroll="home")

    def _show(self, article: Article, current: int | None, changed: bool) -> None:
        if changed and current is None:
            self._open(self._take_ahead(article) or self._opening(article))
            return
        # The indicator and the header are fixed-height lines whatever they say: no layout pass.
        self.query_one("#indicator", FixedText).update(indicator_content(article, current))
        if changed:
            self._show_header(header_content(article))
            self.body_size = len(article.text) - body_start(article)
            self.window = (0, self._end_near(WINDOW))
        if current is None:
            self._draw(None)
            return
        text, start = article.text, body_start(article)
        quote = article.quotes[current]
        lo, hi = quote.start - start, quote.end - start
        if lo < self.window[0] or hi > self.window[1]:  # the quote is outside: move the window
            first = _line_start(text, start + max(lo - WINDOW // 2, 0)) - start
            last = min(max(hi + WINDOW // 2, first + WINDOW), first + WINDOW_MOST)  # a quote can be 20 MB
            self.window = (max(first, 0), self._end_near(last))
        offset = max(quote_offset(article, quote) - self.window[0], 0)
        self._draw((self._block_for_body(), offset, "center"))

    def prepare(self, article: Article) -> None:
        """Make what opening `article` will show (the list's cursor rests on it): `show` then
        takes it, unless the article, the filter's words or the width have changed by then."""
        try:
            self._ahead = self._opening(article)
        except Exception:  # opening it will say what is wrong with it
            self._ahead = None

    def _take_ahead(self, article: Article) -> Opening | None:
        ahead, self._ahead = self._ahead, None
        if ahead is None or ahead.terms != tuple(self.terms) or ahead.article != article:
            return None
        return ahead

    def _opening(self, article: Article) -> Opening:
        """What opening `article` shows, with no quote chosen: its body from the top, or from the
        filter's first word in it; made without changing what is on screen."""
        start = body_start(article)
        size = len(article.text) - start
        window = (0, _end_near(article, size, WINDOW))
        scroll: Scroll = "home"
        match = _first_match(article, size, self.terms)
        if match is not None:
            if match >= window[1]:
                first = _line_start(article.text, start + max(match - WINDOW // 2, 0)) - start
                window = (first, _end_near(article, size, first + WINDOW))
            scroll = (_block_for_body(window), match - window[0], "center")
        body, blocks = self._blocks(article, None, window, size)
        header, indicator = header_content(article), indicator_content(article, None)
        header_rows = self.query_one("#header", FixedText).draw_text_ahead(header)
        indicator_rows = self.query_one("#indicator", FixedText).draw_text_ahead(indicator)
        layout = self.page.layout_ahead(blocks, scroll)
        return Opening(article, tuple(self.terms), header, indicator, header_rows, indicator_rows, size, window, body,
                       layout, scroll)  # fmt: skip

    def _open(self, opening: Opening) -> None:
        # The indicator and the header are fixed-height lines whatever they say: no layout pass.
        self.query_one("#indicator", FixedText).update(opening.indicator, opening.indicator_rows)
        self._show_header(opening.header, opening.header_rows)
        self.body_size, self.window, self.body = opening.body_size, opening.window, opening.body
        self.page.show_layout(opening.layout, opening.scroll)

    def _show_header(self, content: Content, rows: RowsAhead | None = None) -> None:
        header = self.query_one("#header", FixedText)
        header.update(content, rows)
        if not header.display:  # the first article: a layout pass, once
            header.display = True

    def _end_near(self, offset: int) -> int:
        return _end_near(self.article, self.body_size, offset) if self.article is not None else self.body_size

    def _block_for_body(self) -> int:
        return _block_for_body(self.window)

    def _draw(self, scroll: Scroll) -> None:
        """The window of the body, with a line above and below it when there is more."""
        assert self.article is not None
        self.body, blocks = self._blocks(self.article, self.current, self.window, self.body_size)
        self.page.show_blocks(blocks, scroll)

    def _blocks(
        self, article: Article, current: int | None, window: tuple[int, int], size: int
    ) -> tuple[Content, list[Content]]:
        """The window of the body, and the blocks showing it: a line above and below it when there is more."""
        body = body_content(article, current, window, self.terms)
        lo, hi = window
        blocks = [body]
        if lo > 0:
            blocks.insert(0, Content.styled(f"↑ {counted(lo, 'character')} above: scroll up to read them", MORE))
        if hi < size:
            blocks.append(Content.styled(f"↓ {counted(size - hi, 'character')} more: scroll down to read them", MORE))
        return body, blocks

    def _scrolled(self, y: float) -> None:
        # Not at once: the watcher runs inside the scroll (an animation step, for `end`), and
        # re-anchoring the view there stops that animation under the animator's feet.
        if not self._move_queued:
            self._move_queued = True
            self.call_later(self._move_window)

    def _move_window(self) -> None:
        """At the bottom of the window, draw more below; at the top, more above. The window
        never holds more than `WINDOW_MOST` characters: what it gains at one end, it drops at
        the other, so scrolling through 20 MB costs the same at the end as at the start."""
        self._move_queued = False
        page = self.page
        if self.article is None:
            return
        y = page.scroll_y
        lo, hi = self.window
        start = body_start(self.article)
        text = self.article.text
        if hi < self.body_size and y >= page.max_scroll_y - 1:
            last = self._end_near(hi + WINDOW)
            first = lo
            if last - lo > WINDOW_MOST:  # drop the top, from the start of a line when one is near
                first = max(_line_start(text, start + last - WINDOW_MOST) - start, lo)
            top = self._body_offset_at_top()
            self.window = (first, last)
            # The text that was at the top stays at the top.
            self._draw(None if first == lo else (self._block_for_body(), max(top - first, 0), "top"))
        elif lo > 0 and y <= 0:
            first = max(_line_start(text, start + max(lo - WINDOW, 0)) - start, 0)
            last = hi if hi - first <= WINDOW_MOST else self._end_near(first + WINDOW_MOST)
            self.window = (first, last)
            # The text that was at the top stays at the top.
            self._draw((self._block_for_body(), lo - first, "top"))

    def _body_offset_at_top(self) -> int:
        """The offset into the body of the text on the view's top row."""
        block, offset = self.page.offset_at_row(round(self.page.scroll_y))
        if block != self._block_for_body():  # the "more above" line
            return self.window[0]
        return self.window[0] + offset

    # -- keys, as in less (bound from tui/commands.py) --------------------------------------------

    def action_scroll_down(self) -> None:
        self.page.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.page.scroll_relative(y=-1, animate=False)

    def action_page_down(self) -> None:
        self.page.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.page.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        """The top of the article, not only of the window drawn."""
        if self.article is not None and self.window[0] > 0:
            self.window = (0, self._end_near(WINDOW))
            self._draw("home")
        else:
            self.page.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        """The end of the article, not only of the window drawn."""
        if self.article is not None and self.window[1] < self.body_size:
            start = body_start(self.article)
            first = _line_start(self.article.text, start + max(self.body_size - WINDOW, 0)) - start
            self.window = (max(first, 0), self.body_size)
            self._draw(None)
        self.page.scroll_end(animate=False)
