"""The entity panel: the open article's entities, the corpus scope, and enter to filter."""

from __future__ import annotations

from textual.widgets import Input

from tests.helpers import bundled_size
from tui.screenshots import settle
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_panel import EntityPanel


async def test_the_open_articles_entities_with_counts(app, open_seed) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_seed(pilot)
        panel = app.explorer.query_one(EntityPanel)
        by_name = {e.name: e for e in panel.entities}
        assert by_name["Dmitry Peskov"].kind == "person" and by_name["Dmitry Peskov"].quotes == 2
        assert by_name["Moscow"].kind == "place" and by_name["Moscow"].mentions >= 1
        assert panel.entities[0].kind == "person"


async def test_enter_on_a_speaker_adds_it_to_the_filter(app, open_seed) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_seed(pilot)
        screen = app.explorer
        await pilot.press("e")
        panel = screen.query_one(EntityPanel)
        assert screen.focused is panel
        name = panel.entities[0].name
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(Input).value == f'speaker:"{name}"'
        assert sorted(screen.rows) == screen.corpus.search(f'speaker:"{name}"')


async def test_enter_on_a_place_adds_an_entity_term(app, open_seed) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_seed(pilot)
        screen = app.explorer
        panel = screen.query_one(EntityPanel)
        panel.focus()
        panel.move_to(next(i for i, e in enumerate(panel.entities) if e.name == "Moscow"))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(Input).value == 'entity:"Moscow"'


async def test_c_toggles_to_the_filtered_corpus(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        panel = screen.query_one(EntityPanel)
        assert panel.entities == []  # nothing open yet
        await pilot.press("c")
        assert screen.scope == "corpus" and "corpus" in str(panel.border_title)
        everything = len(panel.entities)
        assert everything == len(screen.corpus.entities(range(bundled_size())))
        screen.search("speaker:peskov")
        await settle(pilot)
        assert 0 < len(panel.entities) < everything
        await pilot.press("c")
        assert screen.scope == "article" and panel.entities == []


async def test_an_article_with_fewer_entities_leaves_no_rows_of_the_one_before(app) -> None:
    """The panel draws again only the lines that held rows or will: those of the article before,
    under the new article's last row, are blank on screen (its lines as drawn, kept between frames)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        counts = {row: len(screen.corpus.entities([position])) for row, position in enumerate(screen.rows)}
        most = max(counts, key=counts.__getitem__)
        fewest = min((row for row in counts if counts[row]), key=counts.__getitem__)
        assert counts[most] > counts[fewest] + 1
        panel = screen.query_one(EntityPanel)
        shown: list[list[str]] = []
        for row in (most, fewest):
            screen.query_one(ArticleList).move_to(row)
            await pilot.press("enter")
            await settle(pilot)
            shown.append([strip.text.strip("│╭╮╰╯─ ") for strip in panel.render_lines(panel.size.region)])
        first_row = 1  # under the border
        assert all(shown[0][first_row : first_row + counts[most]])  # the many rows drawn
        under = shown[1][first_row + counts[fewest] : -1]
        assert under and not any(under)
