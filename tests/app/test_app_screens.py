"""Help, the load report, the command palette, and the one table all keys come from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from tests.helpers import SEED_ARTICLE, bundled_size
from tui.commands import COMMANDS
from tui.screens.help import HelpScreen, help_content
from tui.screens.load_report import LoadReportScreen, ProblemList
from tui.screens.main import PANES, MainScreen
from tui.screens.palette import EntityCommands
from tui.screens.views import VIEWS
from tui.screenshots import settle, type_filter
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_panel import EntityPanel
from tui.widgets.filter_bar import FilterBar


async def test_question_mark_opens_help_generated_from_the_bindings(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = help_content().plain
        assert all(command.help in text for command in COMMANDS if command.where != "modal")
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


# Each key of the main screen and its lists, pressed in the order below (each step starts where the
# one before left off), and what it must change. A command added to tui/commands.py without a step
# here fails the first assertion of the test.
KEY_EFFECTS: list[tuple[str, str, Callable[[MainScreen, dict], bool]]] = [
    ("cursor_down", "j", lambda s, was: s.query_one(ArticleList).cursor == was["cursor"] + 1),
    ("cursor_up", "k", lambda s, was: s.query_one(ArticleList).cursor == was["cursor"] - 1),
    ("last", "G", lambda s, was: s.query_one(ArticleList).cursor == len(s.rows) - 1),
    ("first", "g", lambda s, was: s.query_one(ArticleList).cursor == 0),
    ("page_down", "pagedown", lambda s, was: s.query_one(ArticleList).cursor > 1),
    ("page_up", "pageup", lambda s, was: s.query_one(ArticleList).cursor == 0),
    ("cycle_sort", "s", lambda s, was: s.sort != was["sort"] and s.rows != was["rows"]),
    ("select", "enter", lambda s, was: s.open == s.rows[s.query_one(ArticleList).cursor]),
    ("next_quote", "n", lambda s, was: s.quote == 0),
    ("previous_quote", "N", lambda s, was: s.quote == len(s.corpus.article(s.open).quotes) - 1),
    ("copy_citation", "y", lambda s, was: s.app.clipboard.startswith("“")),
    ("open_link", "o", lambda s, was: was["opened"] or len(s.app._notifications) > was["notes"]),
    ("toggle_scope", "c", lambda s, was: s.scope != was["scope"]),
    ("focus_pane('entities')", "e", lambda s, was: s.focused is s.query_one(EntityPanel)),
    ("focus_pane('articles')", "1", lambda s, was: s.focused is s.query_one(ArticleList)),
    ("focus_pane('reading')", "2", lambda s, was: s.focused is s.query_one(PANES["reading"])),
    ("focus_pane('entities')", "3", lambda s, was: s.focused is s.query_one(EntityPanel)),
    ("app.focus_next", "tab", lambda s, was: s.focused is not was["focused"]),
    ("app.focus_previous", "shift+tab", lambda s, was: s.focused is was["before"]),
    ("focus_filter", "slash", lambda s, was: s.focused is s.query_one(FilterBar).input),
    ("clear_filter", "escape", lambda s, was: not s.query_one(FilterBar).input.value and len(s.rows) == bundled_size()),
    ("view('quotes')", "Q", lambda s, was: isinstance(s.app.screen, VIEWS["quotes"])),
    ("view('people')", "P", lambda s, was: isinstance(s.app.screen, VIEWS["people"])),
    ("view('timeline')", "T", lambda s, was: isinstance(s.app.screen, VIEWS["timeline"])),
    ("view('articles')", "A", lambda s, was: was["view"] and s.app.screen is s),  # from the quotes view
    ("show_problems", "L", lambda s, was: isinstance(s.app.screen, LoadReportScreen)),
    ("help", "question_mark", lambda s, was: isinstance(s.app.screen, HelpScreen)),
]


def _state(screen: MainScreen, opened: list[str], before: list[object]) -> dict:
    return {"cursor": screen.query_one(ArticleList).cursor, "sort": screen.sort, "rows": list(screen.rows),
            "scope": screen.scope, "focused": screen.focused, "before": before[-1] if before else None,
            "opened": bool(opened), "notes": len(screen.app._notifications),
            "view": screen.app.screen is not screen}  # fmt: skip


async def test_every_key_of_the_main_screen_does_what_its_command_says(app, monkeypatch) -> None:
    table = {(c.action, c.keys.split(",")[0]) for c in COMMANDS if c.where in ("screen", "list")}
    assert {(action, key) for action, key, _ in KEY_EFFECTS} == table
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        focus_history: list[object] = []
        for action, key, effect in KEY_EFFECTS:
            if action == "select":  # the seed article: it has quotes for n, N and y
                seed = next(p for p, a in enumerate(screen.corpus.articles) if a.id == SEED_ARTICLE.stem)
                screen.query_one(ArticleList).move_to(screen.rows.index(seed))
            if action == "clear_filter":
                await type_filter(pilot, "speaker:peskov")
                screen.query_one(FilterBar).input.focus()
                await pilot.pause()
            if action == "view('articles')":
                screen.show_view("quotes")
                await settle(pilot)
            if action == "app.focus_next":
                focus_history.append(screen.focused)
            was = _state(screen, opened, focus_history)
            await pilot.press(key)
            await settle(pilot)
            assert effect(screen, was), f"{key} ({action}) did nothing"
            if app.screen is not screen:
                await pilot.press("escape")
                await pilot.pause()


async def test_unreadable_files_are_announced_and_listed(article_folder: Path, make_app) -> None:
    app = make_app([article_folder])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert "Skipped 1 file — press L to list them" in messages
        await pilot.press("L")
        assert isinstance(app.screen, LoadReportScreen)
        problems = app.screen.query_one(ProblemList)
        assert problems.count == 1
        problem = problems.problems[0]
        assert problem.path.endswith("empty.txt") and problem.reason == "empty"
        row = "".join(segment.text for segment in problems.render_row(0, 96))
        assert row.split()[1] == "empty" and row.strip().startswith(problem.path[:10])
        await pilot.press("escape")
        assert not isinstance(app.screen, LoadReportScreen)


async def test_the_palette_filters_by_a_speaker(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.explorer
        titles = [command.title for command in app.get_system_commands(screen)]
        assert {"Sort", "Scope", "Clear", "Theme"} <= set(titles)
        provider = EntityCommands(screen)
        await provider.startup()  # the palette tallies the names once, when it opens
        hits = [hit async for hit in provider.search("peskov")]
        assert hits
        hits[0].command()
        await settle(pilot)
        assert screen.query_one(Input).value == 'speaker:"Dmitry Peskov"'
        assert len(screen.rows) == 3


async def test_one_file_of_many_bad_lines_is_announced_as_one_file(tmp_path: Path, make_app) -> None:
    """A JSON Lines file with broken lines is one file skipped in part, not a flood of files."""
    good = '{"title": "Harbour reopens", "text": "The harbour reopened on Monday."}'
    (tmp_path / "rows.jsonl").write_text("\n".join([good] + ["{not json"] * 50) + "\n", encoding="utf-8")
    app = make_app([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert "Skipped 1 file, 50 bad lines — press L to list them" in messages
