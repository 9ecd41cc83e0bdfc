"""Hostile files in the app: nothing they hold reaches the terminal, the list stays aligned, a
20 MB article opens without freezing and one that cannot be shown does not take the app down.
The loading half (no Textual) is tests/core/test_adversarial.py."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from tests.helpers import ADVERSARIAL as DATA
from tui.corpus import load_corpus
from tui.corpus.models import offset_problems
from tui.safe_text import one_line
from tui.screenshots import settle
from tui.widgets.article_list import ArticleList
from tui.widgets.reading_pane import ReadingPane, header_content

CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]


def _terminal_output(app) -> str:  # noqa: ANN001
    """What the app would write to a real terminal for its whole screen now: the same call the
    app makes to draw (a headless app draws nothing, so the test asks for it)."""
    update = app.screen._compositor.render_update(full=True)
    return update.render_segments(app.console)


async def _written(pilot: Pilot, sink: list[str], keys: list[str]) -> None:
    await settle(pilot)
    sink.append(_terminal_output(pilot.app))
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        sink.append(_terminal_output(pilot.app))
    await settle(pilot)
    sink.append(_terminal_output(pilot.app))


async def test_escape_sequences_never_reach_the_terminal(make_app, tmp_path: Path) -> None:
    """Every byte the app writes to the terminal, while it lists and shows each hostile article:
    none of the article's escape sequences or control characters is among them."""
    for name in ("ansi_osc.txt", "control_chars.txt", "markup.txt", "rtl_combining.txt"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    app = make_app([tmp_path])
    sink: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        keys = ["enter", "j", "enter", "j", "enter", "j", "enter", "n"]
        await _written(pilot, sink, keys)
        screen = app.explorer
        assert screen is not None and len(screen.corpus.articles) == 4
        assert app.is_running  # the [@click=app.quit] title did not quit
    output = "".join(sink)
    assert output, "nothing was written to the (headless) terminal"
    for hostile in ("\x1b]", "\x07", "\x9b", "\x00", "\x1b[2J", "\x1b[?1049h", "\x1bP", "\x1b[6n", "\x1b[5m"):
        assert hostile not in output, repr(hostile)
    for char in CONTROLS:
        if char != "\x1b":  # the app's own colour and cursor sequences start with ESC
            assert char not in output, repr(char)
    assert "␛]0;PWNED␇" in output  # shown, visibly
    assert "[@click=app.quit]Quit[/]" in output  # markup shown as text, not read


async def test_list_columns_stay_aligned_with_emoji_and_cjk(make_app) -> None:
    app = make_app([DATA / "emoji_cjk_titles.jsonl"])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        articles = app.explorer.query_one(ArticleList)
        width = articles.scrollable_content_region.width
        starts = set()
        for row in range(articles.count):
            texts = [segment.text for segment in articles.render_row(row, width)]
            assert cell_len("".join(texts)) == width
            starts.add(cell_len("".join(texts[:-2])))  # where the title column begins
        assert articles.count == 5 and len(starts) == 1


def test_a_50_mb_single_line(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_bytes(b"x" * 50_000_000)
    corpus = load_corpus(path)
    # past parse.QUOTE_SEARCH_CHARS it is not searched for quotes, and the load report says so
    assert [problem.reason for problem in corpus.report.problems] == ["partly parsed"]
    article = corpus.articles[0]
    assert len(article.text) == 50_000_000 and offset_problems(article) == []
    began = time.perf_counter()
    header_content(article)  # the reading pane's title line
    one_line((article.title or "")[:300])  # what a list row shows of it
    assert time.perf_counter() - began < 0.5


def _huge_article(folder: Path) -> Path:
    """A 20 MB article: a quote at the start, 100,000 paragraphs, a quote at the very end.
    Its paragraphs are made of one long word, so the parser gets through it in seconds; what is
    tested is the app, which has to show 20 MB either way."""
    path = folder / "huge.txt"
    body = ("x" * 198 + "\n\n") * 100_000
    path.write_text(f'Huge Article\n\n"First words," Anna Lind said.\n\n{body}"Last words," Anna Lind said.\n')
    return path


@pytest.mark.slow
async def test_a_20_mb_article_opens_without_freezing(make_app, tmp_path: Path) -> None:
    app = make_app([_huge_article(tmp_path)])
    async with app.run_test(size=(120, 36)) as pilot:
        # While the worker parses (seconds), the app still answers keys: long before it is done.
        await pilot.press("question_mark")
        await pilot.press("escape")
        assert not app.explorer.load_finished
        await settle(pilot)
        pane = app.explorer.query_one(ReadingPane)
        began = time.perf_counter()
        await pilot.press("enter")
        await pilot.pause()
        opened = time.perf_counter() - began
        assert opened < 3.0, f"opening took {opened:.1f} s"  # drawing all 20 MB takes minutes
        assert pane.body_size > 20_000_000 and len(pane.body.plain) < 100_000
        await pilot.press("N")  # back to the last quote, 20 MB in: the window moves there
        await pilot.pause()
        assert "Last words" in pane.body.plain
        assert pane.window[1] == pane.body_size
        await pilot.pause()
        page = pane.page
        assert page.scroll_y > 0
        first = pane.window[0]
        page.scroll_to(y=0, animate=False, force=True)  # scrolling to the top draws more above
        await pilot.pause()
        await pilot.pause()
        assert pane.window[0] < first and page.scroll_y > 0  # and the place read stays in view


async def test_an_article_that_cannot_be_shown_does_not_take_the_app_down(make_app, monkeypatch) -> None:
    import tui.widgets.reading_pane as reading

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003
        raise ValueError("a rendering bug")

    monkeypatch.setattr(reading, "body_content", broken)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert "could not be shown" in str(app.explorer.query_one("#body").render())
        await pilot.press("j", "enter")  # the next one still opens (and fails the same way, politely)
        assert app.is_running
