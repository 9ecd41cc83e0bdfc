"""The reading pane's text, header and quote indicator and the entity panel's rows are drawn
while the list's cursor rests on an article (tui/widgets/rows_ahead.py): enter then shows rows
drawn already. They must be the cells Textual would draw then, and anything that changed in
between must have them drawn again."""

from __future__ import annotations

from rich.segment import Segment
from textual._compositor import CompositorUpdate
from textual._styles_cache import StylesCache
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip

from tests.app.resting import rest_on_second_row
from tui.app import ExplorerApp
from tui.screens.main import MainScreen
from tui.widgets import rows_ahead
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_panel import EntityPanel
from tui.widgets.fixed_text import FixedText
from tui.widgets.rows_ahead import DrawsAhead
from tui.widgets.text_view import TextView

SIZE = (120, 40)
THEMES = ("textual-dark", "textual-light")


def _views(screen: MainScreen) -> list[DrawsAhead]:
    fixed = [screen.query_one(f"#{name}", FixedText) for name in ("header", "indicator")]
    return [screen.query_one("#body", TextView), screen.query_one(EntityPanel), *fixed]


def _rows(widget: DrawsAhead) -> list[list[Segment]]:
    """Every row the frame would show of the widget, through its line pipeline as it stands."""
    return [list(strip) for strip in widget.render_lines(Region(0, 0, *widget.region.size))]


def _rows_textual_draws(widget: DrawsAhead) -> list[list[Segment]]:
    """The same rows drawn now by Textual's own cache, from nothing."""
    widget._styles_cache = StylesCache()
    return _rows(widget)


def _counting_takes(screen: MainScreen) -> dict[str, int]:
    """How many times each view took rows drawn ahead, by id."""
    taken: dict[str, int] = {}
    for view in _views(screen):
        take = view.take_ahead

        def counted(ahead: object, view: DrawsAhead = view, take: object = take) -> bool:
            took = take(ahead)  # type: ignore[operator]
            taken[str(view.id)] = taken.get(str(view.id), 0) + took
            return took

        view.take_ahead = counted  # type: ignore[method-assign]
    return taken


async def test_enter_shows_rows_drawn_ahead_as_textual_draws_them(app: ExplorerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            screen = await rest_on_second_row(pilot, open_first=True)
            taken = _counting_takes(screen)
            await pilot.press("enter")
            await pilot.pause()
            assert taken == {"body": 1, "entities": 1, "header": 1, "indicator": 1}, theme
            for view in _views(screen):
                shown = _rows(view)
                assert any(len(row) > 1 for row in shown), (theme, view.id)  # text, not only blank
                assert shown == _rows_textual_draws(view), (theme, view.id)


async def test_a_theme_changed_before_enter_has_the_rows_drawn_again(app: ExplorerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await rest_on_second_row(pilot, open_first=True)
        app.theme = "textual-light"
        await pilot.pause()
        taken = _counting_takes(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert taken == {"body": 0, "entities": 0, "header": 0, "indicator": 0}
        for view in _views(screen):
            assert _rows(view) == _rows_textual_draws(view), view.id


async def test_other_entities_than_those_drawn_ahead_are_drawn_again(app: ExplorerApp) -> None:
    """The article's entities changed between the cursor's rest and enter (a correction, say)."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await rest_on_second_row(pilot, open_first=True)
        panel = screen.query_one(EntityPanel)
        entities = screen.corpus.entities([screen.query_one(ArticleList).current])
        panel.prepare(entities[1:])
        taken = _counting_takes(screen)
        panel.show(entities)
        await pilot.pause()
        assert taken == {}  # not even tried: the rows drawn were of other entities
        assert _rows(panel) == _rows_textual_draws(panel)
        assert len(panel.entities) == len(entities) > 1


async def test_a_view_not_at_its_top_when_shown_draws_its_own_rows(app: ExplorerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await rest_on_second_row(pilot, open_first=True)
        body = screen.query_one("#body", TextView)
        layout = body.layout_ahead(body.blocks * 20, "home")  # long enough to scroll
        body.show_layout(layout, "home")
        await pilot.pause()
        body.scroll_to(y=5, animate=False, force=True)
        ahead = body.draw_ahead()
        assert ahead is not None and not body.take_ahead(ahead)


async def test_the_frame_finds_the_rows_cut_and_rendered_ahead(app: ExplorerApp, monkeypatch) -> None:
    """The rows drawn ahead are also cut at the screen's cuts and turned into a terminal's bytes
    ahead (Strip caches both): the open's frame renders few pieces itself. Without that, it
    renders a piece or more for every row of the text and of the entity panel."""
    rendered: list[int] = []
    render = Strip.render

    def counting(strip: Strip, console: object) -> str:
        rendered.append(strip._render_cache is None)  # rendered now, not found done
        return render(strip, console)  # type: ignore[arg-type]

    async def rendered_by_enter(pilot: Pilot) -> int:
        await pilot.press("down")
        await pilot.pause()
        rendered.clear()
        await pilot.press("enter")
        await pilot.pause()
        return sum(rendered)

    display = app._display

    def sent(screen: object, update: object) -> None:  # as a terminal's driver would (headless sends nothing)
        display(screen, update)  # type: ignore[arg-type]
        if isinstance(update, CompositorUpdate):
            update.render_segments(app.console)

    app._display = sent  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        screen = await rest_on_second_row(pilot, open_first=True)
        monkeypatch.setattr(Strip, "render", counting)
        await pilot.press("enter")
        await pilot.pause()
        cut_ahead = await rendered_by_enter(pilot)
        monkeypatch.setattr(rows_ahead, "cut_ahead", lambda widget, rows: None)
        cut_in_the_frame = await rendered_by_enter(pilot)
        rows = screen.query_one("#body", TextView).region.height
        assert cut_in_the_frame - cut_ahead >= rows, (cut_ahead, cut_in_the_frame)
