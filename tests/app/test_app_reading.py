"""The reading pane: quotes highlighted by kind and speaker, and n/N stepping through them."""

from __future__ import annotations

from tui.screenshots import settle
from tui.widgets.highlight import body_content, body_start, speaker_colour
from tui.widgets.reading_pane import ReadingPane


def indicator(screen) -> str:
    return str(screen.query_one(ReadingPane).query_one("#indicator").render())


async def test_n_and_N_step_through_the_quotes(app, open_seed) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_seed(pilot)
        screen = app.explorer
        assert "5 quotes" in indicator(screen)
        await pilot.press("n")
        assert screen.quote == 0 and indicator(screen) == "quote 1/5 · Dmitry Peskov"
        await pilot.press("n")
        assert indicator(screen) == "quote 2/5 · Emmanuel Macron"
        await pilot.press("N", "N")
        assert screen.quote == 4  # wraps round to the last quote
        await pilot.pause()
        assert screen.query_one(ReadingPane).page.scroll_y > 0  # the pane scrolled to it


async def test_quotes_are_styled_by_kind_speaker_and_cue(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article = next(a for a in app.explorer.corpus.articles if a.id == "000_095502d58ae3b188")
        content = body_content(article, current=1)
        start = body_start(article)
        styles = {(s.start + start, s.end + start): str(s.style) for s in content.spans}
        direct, partial = article.quotes[0], article.quotes[4]
        assert "on $quote" in styles[(direct.start, direct.end)]
        assert "$quote-partial" in styles[(partial.start, partial.end)]
        assert styles[direct.speaker_span].startswith("bold underline $speaker-")
        assert "$cue" in styles[direct.cue_span]
        assert any("$person" in style for style in styles.values())
        assert speaker_colour(article.quotes[0]) != speaker_colour(article.quotes[1])
        assert speaker_colour(article.quotes[1]) == speaker_colour(article.quotes[2])
        assert content.plain == article.text[start:].rstrip()  # offsets untouched


async def test_stepping_quotes_costs_no_layout_pass(app, open_seed) -> None:
    """A layout pass draws every widget again (~16-20 ms): n/N only redraw the pane's rows."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_seed(pilot)
        await pilot.pause()
        compositor = app.explorer._compositor
        reflow, passes = compositor.reflow, []
        compositor.reflow = lambda *args: passes.append(1) or reflow(*args)  # type: ignore[method-assign]
        await pilot.press("n", "n", "N")
        await pilot.pause()
        assert indicator(app.explorer) == "quote 1/5 · Dmitry Peskov" and passes == []
