"""Hostile keystrokes and hostile sizes in the explorer: a burst of keys after `/`, an article of
100,000 quotes, a 20 MB article scrolled to its end, a load report of 100,000 problems.

Timings have wide slack (the machine is shared); where a count of work done says the same thing
more steadily (spans styled, characters drawn, rows rendered), the count is asserted too.
"""

from __future__ import annotations

import random
import time

from textual import events
from textual.app import App
from textual.content import Content, Span
from textual.pilot import Pilot
from textual.widgets import Input

from tests.helpers import corpus_of
from tui.corpus import Article, LiveCorpus, LoadProblem, Quote
from tui.corpus.models import Entity
from tui.screens.load_report import LoadReportScreen, ProblemList
from tui.screenshots import settle
from tui.widgets import highlight
from tui.widgets.filter_bar import FilterBar
from tui.widgets.reading_pane import LINE_NEAR, WINDOW, WINDOW_MOST, ReadingPane
from tui.widgets.text_layout import TextLayout

KEY_NAMES = {"/": "slash", ":": "colon", " ": "space", '"': "quotation_mark"}


def burst(app: App, text: str) -> None:
    """Every key of `text` handed to the app at once, as a terminal delivers a paste or a fast
    typist over a laggy link: nothing runs between them (`pilot.press` waits after each key)."""
    assert app._driver is not None
    for char in text:
        key = events.Key(KEY_NAMES.get(char, char), char)
        key.set_sender(app)
        app._driver.send_message(key)


# -- 1. keys typed right after `/` -----------------------------------------------------------


async def test_a_burst_after_slash_goes_to_the_filter_and_q_does_not_quit(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "/quote:x")
        await pilot.pause(0.3)
        assert app.is_running
        field = app.explorer.query_one(FilterBar).input
        assert field.value == "quote:x" and app.focused is field


async def test_a_burst_of_slash_normal_keeps_its_n(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "/normal")
        await pilot.pause(0.3)
        assert app.explorer.query_one(Input).value == "normal"


async def test_slash_and_a_string_in_one_press_call(app) -> None:
    """The same through Pilot; a `/` typed in the filter is a character, not a new focus move."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q", "u", "o", "t", "e", "colon", "slash", "n")
        assert app.is_running
        assert app.explorer.query_one(Input).value == "quote:/n"


# -- 2. an article of 100,000 quotes --------------------------------------------------------

QUOTE_LINE = '"We will open the harbour soon," said Ann Lee of Acme.\n'
HEAD = "Harbour news\n\n"


def many_quotes(count: int) -> Article:
    """`count` lines, each a direct quote with its speaker, cue and two mentions (built, not
    parsed: the parser's speed is not what is tested here)."""
    text = HEAD + QUOTE_LINE * count
    quotes, people, companies = [], [], []
    for line in range(count):
        at = len(HEAD) + line * len(QUOTE_LINE)
        end = at + QUOTE_LINE.index(',"') + 2
        who, firm = at + QUOTE_LINE.index("Ann Lee"), at + QUOTE_LINE.index("Acme")
        quotes.append(Quote.model_construct(
            start=at, end=end, text=text[at:end], kind="direct", speaker="Ann Lee", speaker_id="ann-lee",
            speaker_span=(who, who + 7), cue="said", cue_span=(who - 5, who - 1),
        ))  # fmt: skip
        people.append((who, who + 7))
        companies.append((firm, firm + 4))
    entities = [
        Entity(id="ann-lee", name="Ann Lee", kind="person", mentions=people),
        Entity(id="acme", name="Acme", kind="organization", mentions=companies),
    ]
    return Article.model_construct(
        id="many-quotes", path="many-quotes.txt", title="Harbour news", title_span=(0, 12), published=None,
        dateline=None, source=None, url=None, text=text, paragraphs=[(len(HEAD), len(text))],
        quotes=quotes, entities=entities,
    )  # fmt: skip


def test_only_the_spans_of_the_window_are_styled(monkeypatch) -> None:
    """Styling looks at the spans meeting the window, not at all 100,000 quotes."""
    article = many_quotes(100_000)
    styled: list[int] = []
    colour = highlight.speaker_colour
    monkeypatch.setattr(highlight, "speaker_colour", lambda quote: styled.append(1) or colour(quote))
    window = (3_000_000, 3_004_000)  # ~70 lines in the middle
    highlight.body_content(article, 50_000, window)  # builds the span index once
    styled.clear()
    content = highlight.body_content(article, 50_000, window)
    in_window = sum(1 for q in article.quotes if q.end > len(HEAD) + window[0] and q.start < len(HEAD) + window[1])
    assert 60 < in_window < 90
    assert len(styled) <= 2 * in_window + 4  # a quote's colour, its speaker's colour
    assert len(content.spans) >= 5 * (in_window - 2)  # quote, speaker, cue, two mentions each


async def test_n_in_an_article_of_100000_quotes_styles_and_slices_only_the_window(app, monkeypatch) -> None:
    """Each `n` styled all 100,000 quotes (0.4-1 s a key), and each paragraph drawn shifted every
    span of the window (3,600 here): both now look at what the window and the paragraph hold."""
    article = many_quotes(100_000)
    coloured, shifted = [], []
    colour, shift = highlight.speaker_colour, Span._shift
    monkeypatch.setattr(highlight, "speaker_colour", lambda quote: coloured.append(1) or colour(quote))
    monkeypatch.setattr(Span, "_shift", lambda span, distance: shifted.append(1) or shift(span, distance))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        screen.corpus = LiveCorpus(corpus_of([article]))
        screen.open = 0
        await pilot.press("n")  # the first draw builds the span index
        pane = screen.query_one(ReadingPane)
        for step in range(2, 5):
            coloured.clear()
            shifted.clear()
            await pilot.press("n")
            await pilot.pause()
            assert screen.quote == pane.current == step - 1
            in_window = len(pane.body.plain) // len(QUOTE_LINE) + 2
            assert 0 < len(coloured) <= 2 * in_window, len(coloured)  # a quote's colour, its speaker's
            assert len(shifted) <= 20 * pane.page.size.height, len(shifted)  # ~5 spans a row drawn


def test_a_paragraph_of_a_view_keeps_the_spans_a_content_slice_keeps() -> None:
    """The view finds a paragraph's spans by bisection: what it draws is what slicing gives."""
    rng = random.Random(12)
    for _ in range(40):
        text = "".join(rng.choice("ab \n") for _ in range(500))
        starts = (rng.randrange(0, 520) for _ in range(120))
        styles = ["bold", "italic", "$quote", ""]
        content = Content(text, [Span(s, s + rng.randrange(0, 90), rng.choice(styles)) for s in starts])
        layout = TextLayout([content], 0)
        for _ in range(30):
            start = rng.randrange(0, len(text) + 1)
            end = rng.randrange(start, len(text) + 1)
            expected, drawn = content[start:end], layout._paragraph(0, start, end)
            assert (drawn.plain, list(drawn.spans)) == (expected.plain, list(expected.spans))


# -- 3. scrolling through a 20 MB article ----------------------------------------------------


def huge_article() -> Article:
    """20 MB of 200-character paragraphs (built, not parsed)."""
    text = "Huge article\n\n" + ("y" * 198 + "\n\n") * 100_000
    return Article.model_construct(
        id="huge", path="huge.txt", title="Huge article", title_span=(0, 12), published=None, dateline=None,
        source=None, url=None, text=text, paragraphs=[(14, len(text))], quotes=[], entities=[],
    )  # fmt: skip


async def _read_in_the_pane(pilot: Pilot, article: Article) -> ReadingPane:
    screen = pilot.app.explorer
    screen.corpus = LiveCorpus(corpus_of([article]))
    screen.open = 0
    screen._show_article()
    await pilot.press("2")  # focus the reading pane
    return screen.query_one(ReadingPane)


async def test_scrolling_down_a_20_mb_article_keeps_the_window_bounded(app) -> None:
    """Each `end` drew WINDOW more characters and kept all the ones before (2.5 MB and 2 s a
    press after 60 presses): the window now drops its top as it grows at the bottom."""
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        pane = await _read_in_the_pane(pilot, huge_article())
        sizes = []
        for _ in range(10):
            await pilot.press("end")
            await pilot.pause()
            sizes.append(pane.window[1] - pane.window[0])
        assert max(sizes) <= WINDOW_MOST + LINE_NEAR, sizes
        assert pane.window[1] >= 10 * WINDOW  # it did read on, 10 windows down
        assert len(pane.body.plain) <= WINDOW_MOST + LINE_NEAR
        # The text read stays in view: the view is at the end of the window, not back at its top.
        assert pane.page.scroll_y > pane.page.max_scroll_y / 2
        for _ in range(6):  # and back up: the window drops its bottom as it grows at the top
            await pilot.press("home")
            await pilot.pause()
            sizes.append(pane.window[1] - pane.window[0])
        assert max(sizes) <= WINDOW_MOST + LINE_NEAR, sizes
        assert pane.window[0] < 5 * WINDOW and app.is_running


# -- 4. a load report of 100,000 problems ----------------------------------------------------


async def test_a_load_report_of_100000_problems_opens_at_once(monkeypatch) -> None:
    """A table with a row added per problem took 15-35 s to open; the list draws the rows in view."""
    problems = [
        LoadProblem(path=f"/data/broken.jsonl:{line}", reason="malformed", detail=f"line {line}: expecting value")
        for line in range(1, 100_001)
    ]
    problems.append(LoadProblem(path="/data/[b]odd\x1b]0;x\x07.txt", reason="undecodable", detail="[/]"))
    rows = ProblemList.render_row
    drawn: list[int] = []
    monkeypatch.setattr(ProblemList, "render_row", lambda self, row, width: drawn.append(row) or rows(self, row, width))
    app = App()
    async with app.run_test(size=(120, 40)) as pilot:
        began = time.perf_counter()
        await app.push_screen(LoadReportScreen(problems))
        await pilot.pause()
        opened = time.perf_counter() - began
        listed = app.screen.query_one(ProblemList)
        assert listed.count == 100_001 and app.focused is listed
        assert 0 < len(drawn) <= 2 * listed.size.height  # the rows in view, not 100,000
        assert opened < 3.0, f"the report took {opened:.1f} s to open"
        summary = str(app.screen.query_one("#summary").render())
        assert summary == "100,001 entries skipped, in 2 files; everything else was loaded."
        await pilot.press("end")
        last = "".join(segment.text for segment in rows(listed, listed.cursor, 96))
        assert listed.cursor == 100_000 and "[b]odd␛]0;x␇.txt" in last and "[/]" in last
        await pilot.press("escape")
        assert not isinstance(app.screen, LoadReportScreen)


async def test_home_in_a_window_with_text_above_draws_more_above(app) -> None:
    """`home` scrolls with an animation; the window moved inside it, and re-anchoring the view
    there stopped the animation under the animator: KeyError, and the app was gone."""
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        pane = await _read_in_the_pane(pilot, huge_article())
        pane.window = (1_000_000, 1_040_000)
        pane._draw(None)
        await pilot.pause()
        pane.page.scroll_to(y=5, animate=False)
        await pilot.pause()
        await pilot.press("home")
        await pilot.pause()
        assert app.is_running
        assert pane.window[0] == 0 and pane.page.scroll_y == 0  # `home`, as `g`: the article's top
