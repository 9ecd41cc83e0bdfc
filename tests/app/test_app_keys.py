"""The everyday keys: y cites, o opens the address, / ↑ ↓ esc in the filter bar, less keys in the
reading pane, the filter's words marked, the open article marked, headers, plurals, the entity
panel under 100 columns."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from textual.widgets import Input

from tests.helpers import bundled_size
from tui.corpus import (
    Article,
    EntitySummary,
    FilterHistory,
    Quote,
    citation,
    highlight_terms,
    term_spans,
)
from tui.screens.palette import Candidates
from tui.screenshots import settle, type_filter
from tui.widgets.article_list import OPEN_MARK, ArticleList
from tui.widgets.entity_panel import EntityPanel
from tui.widgets.highlight import MATCH_STYLE
from tui.widgets.reading_pane import WINDOW, ReadingPane

LONG_PARAGRAPHS = 3_000  # a body of ~150,000 characters: more than one window of the reading pane


def write_jsonl(folder: Path, rows: list[dict]) -> Path:
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def long_body(word_at: int | None = None) -> str:
    lines = [f"Paragraph {i} of the council report on the harbour works." for i in range(LONG_PARAGRAPHS)]
    if word_at is not None:
        lines[word_at] = "Here the lighthouse keeper spoke of the storm."
    return "\n\n".join(lines)


async def open_row(pilot, row: int) -> None:
    pilot.app.explorer.query_one(ArticleList).move_to(row)
    await pilot.press("enter")
    await settle(pilot)


def test_a_citation_leaves_out_what_the_article_lacks() -> None:
    text = 'Ann Lee said: "We will\nreopen the harbour."'
    quote = Quote(start=14, end=len(text), text=text[14:], speaker="Ann Lee")
    full = Article(id="a", path="a.txt", text=text, source="Acme News", url="https://example.org/a",
                   published=datetime(2026, 3, 2, 9, 30))  # fmt: skip
    assert (
        citation(full, quote) == "“We will reopen the harbour.” — Ann Lee, Acme News, 2026-03-02, https://example.org/a"
    )
    bare = Article(id="b", path="b.txt", text=text)
    assert citation(bare, quote.model_copy(update={"speaker": None})) == "“We will reopen the harbour.”"
    assert citation(bare, quote) == "“We will reopen the harbour.” — Ann Lee"


# -- y and o --------------------------------------------------------------------------------------


async def test_y_copies_the_current_quote_as_a_citation(app, open_seed) -> None:
    copied: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await settle(pilot)
        await open_seed(pilot)
        await pilot.press("y")
        assert copied == []  # no quote stepped to yet: said so, nothing copied
        assert any("Step to a quote" in str(n.message) for n in app._notifications)
        await pilot.press("n", "y")
        said = app.explorer.corpus.article(app.explorer.open).quotes[0].text
        assert said.startswith('"') and said.endswith(',"')
        assert copied == [f"“{said[1:-2]}” — Dmitry Peskov, MENAFN, 2026-02-04"]


async def test_o_opens_the_address_or_says_there_is_none(tmp_path: Path, make_app) -> None:
    path = write_jsonl(tmp_path, [
        {"title": "Harbour reopens", "text": "The harbour reopened.", "date": "2026-03-02", "source": "Acme News",
         "url": "https://example.org/harbour"},
        {"title": "Bridge closes", "text": "The bridge closed.", "date": "2026-03-01", "source": "Acme News"},
    ])  # fmt: skip
    opened: list[str] = []
    app = make_app([path])
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_url = lambda url, **kwargs: opened.append(url)  # type: ignore[method-assign]
        await settle(pilot)
        await open_row(pilot, 0)
        await pilot.press("o")
        assert opened == ["https://example.org/harbour"]
        await open_row(pilot, 1)
        await pilot.press("o")
        assert opened == ["https://example.org/harbour"]
        assert any("no web address" in str(n.message) for n in app._notifications)


# -- the filter bar -------------------------------------------------------------------------------


async def test_slash_puts_the_cursor_at_the_end_and_esc_returns_to_the_list(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        await type_filter(pilot, "putin")
        field = screen.query_one(Input)
        field.cursor_position = 0
        await pilot.press("slash")
        assert screen.focused is field and field.cursor_position == len("putin")
        await pilot.press("escape")
        await settle(pilot)
        assert field.value == "" and isinstance(screen.focused, ArticleList) and len(screen.rows) == bundled_size()


async def test_up_and_down_walk_the_submitted_filters(app, state_dir: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        field = screen.query_one(Input)
        for text in ("putin", "speaker:peskov", "putin"):  # the repeat moves to the newest
            await pilot.press("slash")
            field.value = text
            await pilot.press("enter")
        await pilot.press("slash")
        field.value = "draft"
        await pilot.press("up")
        assert field.value == "putin" and field.cursor_position == len("putin")
        await pilot.press("up", "up")
        assert field.value == "speaker:peskov"  # the oldest stays at the top
        await pilot.press("down", "down")
        assert field.value == "draft"
    assert (state_dir / "history").read_text(encoding="utf-8") == "speaker:peskov\nputin\n"


def test_the_history_is_bounded_de_duplicated_and_written_whole(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("tui.corpus.history.MOST_KEPT", 3)
    history = FilterHistory(tmp_path / "state" / "history")
    for text in ["a", "b", "a", "c", "d", "  d  "]:
        history.add(text)
    assert history.entries == ["a", "c", "d"]
    assert FilterHistory(tmp_path / "state" / "history").entries == ["a", "c", "d"]
    assert [p.name for p in (tmp_path / "state").iterdir()] == ["history"]  # no temporary file left


# -- the reading pane -----------------------------------------------------------------------------


async def test_the_reading_pane_scrolls_as_less_does(tmp_path: Path, make_app) -> None:
    path = write_jsonl(tmp_path, [{"title": "Council report", "text": long_body()}])
    app = make_app([path])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_row(pilot, 0)
        pane = app.explorer.query_one(ReadingPane)
        assert pane.body_size > WINDOW and pane.window[1] < pane.body_size
        await pilot.press("2", "j", "j")
        assert pane.page.scroll_y == 2
        await pilot.press("k")
        assert pane.page.scroll_y == 1
        await pilot.press("space")
        page = pane.page.scrollable_content_region.height
        assert pane.page.scroll_y == 1 + page
        await pilot.press("b")
        assert pane.page.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert pane.window[1] == pane.body_size and pane.page.scroll_y == pane.page.max_scroll_y
        assert f"Paragraph {LONG_PARAGRAPHS - 1} " in pane.body.plain
        await pilot.press("g")
        await pilot.pause()
        assert pane.window[0] == 0 and pane.page.scroll_y == 0
        assert app.explorer.query_one(ArticleList).cursor == 0  # the list did not move


def test_the_terms_to_mark_are_the_filters_words_and_phrases() -> None:
    terms = highlight_terms('Harbour "Ann Lee" -ferry speaker:lee (Café OR quay) date:2026')
    assert terms == ["harbour", "ann lee", "cafe", "quay"]
    assert highlight_terms("(unclosed") == [] and highlight_terms("") == []
    text = "ANN  LEE at the café by the quay; annlee, harbours."
    assert [text[a:b] for a, b in term_spans(text, terms)] == ["ANN  LEE", "café", "quay"]


async def test_the_filter_words_are_marked_and_the_first_is_scrolled_to(tmp_path: Path, make_app) -> None:
    path = write_jsonl(tmp_path, [{"title": "Council report", "text": long_body(word_at=2_000)}])
    app = make_app([path])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_filter(pilot, '"lighthouse keeper" storm -ferry')
        await open_row(pilot, 0)
        pane = app.explorer.query_one(ReadingPane)
        marked = sorted(pane.body.plain[s.start : s.end] for s in pane.body.spans if s.style == MATCH_STYLE)
        assert marked == ["lighthouse keeper", "storm"]
        at = pane.window[0] + pane.body.plain.index("lighthouse")
        row = pane.page.row_of(1 if pane.window[0] else 0, at - pane.window[0])
        top = pane.page.scroll_y
        assert top > 0 and top <= row < top + pane.page.scrollable_content_region.height


async def test_the_open_article_keeps_its_mark_when_the_cursor_leaves(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.explorer.query_one(ArticleList)
        await pilot.press("enter", "j")

        def row(index: int) -> str:
            return "".join(segment.text for segment in articles.render_row(index, 100))

        assert row(0).startswith(OPEN_MARK) and not row(1).startswith(OPEN_MARK)


async def test_opening_another_article_moves_the_mark_on_screen(app) -> None:
    """Only the rows that gain or lose the mark are drawn again: what the list shows (its lines
    as drawn, kept between frames) has the mark on the new row and no longer on the old one."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        articles = app.explorer.query_one(ArticleList)
        await pilot.press("enter", "j", "j", "enter")
        await settle(pilot)
        shown = [strip.text for strip in articles.render_lines(articles.size.region)]
        marked = [number for number, line in enumerate(shown) if OPEN_MARK in line]
        first_row = 2  # the border, then the columns' header
        assert marked == [first_row + 2]


# -- headers, plurals, the entity panel under 100 columns ------------------------------------------


async def test_the_list_says_what_each_column_is_and_counts_read_right(tmp_path: Path, make_app) -> None:
    text = '"We are open again," said Mayor Anna Berg on Monday.'
    path = write_jsonl(tmp_path, [{"title": "Harbour reopens", "text": text, "source": "Acme News"}])
    app = make_app([path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        header = "".join(segment.text for segment in screen.query_one(ArticleList).render_header(100)).split()
        assert header == ["date", "source", "quotes", "title"]
        assert str(screen.query_one("#status").render()).startswith(" 1 article ·")
        await open_row(pilot, 0)
        pane = screen.query_one(ReadingPane)
        assert "· 1 quote" in str(pane.query_one("#header").render())
        assert str(pane.query_one("#indicator").render()).startswith("1 quote ·")


async def test_under_100_columns_e_shows_the_entity_panel_in_place_of_the_article(app) -> None:
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        screen = app.explorer
        panel, pane = screen.query_one(EntityPanel), screen.query_one(ReadingPane)
        assert not panel.display
        await pilot.press("e")
        await pilot.pause()
        assert panel.display and not pane.display and screen.focused is panel and panel.region.width > 0
        await pilot.press("e")
        await pilot.pause()
        assert not panel.display and pane.display and isinstance(screen.focused, ArticleList)


# -- the command palette ----------------------------------------------------------------------------


async def test_the_palette_tallies_the_names_once_per_opening(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        tallied, tally = [], screen.palette_entities
        screen.palette_entities = lambda: tallied.append(1) or tally()  # type: ignore[method-assign]
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press("p", "e", "s")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        prompts = [str(option.prompt) for option in app.screen.query_one("CommandList")._options]
        assert any("Filter by speaker: Dmitry Peskov" in prompt for prompt in prompts)
        assert tallied == [1]  # not once a keystroke: at 100,000 articles that lost keys


def test_palette_candidates_narrow_as_typed_and_find_what_a_full_scan_finds() -> None:
    names = [f"{first} {last}" for first in ("Ann", "Anna", "Bo", "Cara") for last in ("Lee", "Leeds", "Berg")]
    entities = [EntitySummary(name, "person", 1, i % 5, i % 3, (), ()) for i, name in enumerate(names)]
    candidates = Candidates(entities)
    for query in ("a", "an", "ann", "anna", "anna l", "x", "lee", "LEEDS"):
        found = candidates.matching(query, most=100)
        expected = [i for i, name in enumerate(candidates.names) if query.casefold() in name]
        assert found == expected, query
    assert len(candidates.matching("a", most=3)) == 3 and candidates.matching("an", most=100) == [
        i for i, name in enumerate(candidates.names) if "an" in name
    ]  # a scan cut short is not narrowed from: the next keystroke scans again
