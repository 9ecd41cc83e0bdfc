"""Help, the load report, the command palette, and the one table all keys come from."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui.commands import COMMANDS
from tui.screens.help import HelpScreen, help_content
from tui.screens.load_report import LoadReportScreen, ProblemList
from tui.screens.palette import EntityCommands
from tui.screenshots import settle


async def test_question_mark_opens_help_generated_from_the_bindings(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = help_content().plain
        assert all(command.help in text for command in COMMANDS if command.where != "modal")
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_every_screen_key_is_bound_from_the_table() -> None:
    from tui.screens.main import MainScreen
    from tui.widgets.line_list import LineList

    bound = {(b.key, b.action) for b in MainScreen.BINDINGS + LineList.BINDINGS}  # type: ignore[union-attr]
    table = {(c.keys, c.action) for c in COMMANDS if c.where in ("screen", "list")}
    assert bound == table


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
