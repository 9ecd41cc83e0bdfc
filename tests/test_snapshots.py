"""Pictures of the explorer, compared with the stored SVGs (pytest-textual-snapshot).

Sealed: the bundled corpus, a fixed terminal size, loading awaited, no clock, no blinking
cursor, no animation. The scenes are the ones the README screenshots are made from.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app import ExplorerApp
from tui.screenshots import SCENES, new_app, settle, type_filter
from tui.widgets.article_list import ArticleList

SIZE = (120, 36)


def test_main_screen(snap_compare) -> None:
    assert snap_compare(new_app(), terminal_size=SIZE, run_before=SCENES["main"])


def test_filtered_list(snap_compare) -> None:
    assert snap_compare(new_app(), terminal_size=SIZE, run_before=SCENES["filtered"])


def test_article_with_quotes_highlighted(snap_compare) -> None:
    assert snap_compare(new_app(), terminal_size=SIZE, run_before=SCENES["article"])


def test_entity_panel_in_corpus_scope(snap_compare) -> None:
    assert snap_compare(new_app(), terminal_size=SIZE, run_before=SCENES["entities"])


def test_help(snap_compare) -> None:
    assert snap_compare(new_app(), terminal_size=SIZE, run_before=SCENES["help"])


@pytest.mark.parametrize("size", [(80, 24), (140, 42)], ids=["80x24", "140x42"])
@pytest.mark.parametrize("view", ["quotes", "people", "profile", "timeline"])
def test_views(snap_compare, view: str, size: tuple[int, int]) -> None:
    assert snap_compare(new_app(), terminal_size=size, run_before=SCENES[view])


def test_malformed_query(snap_compare) -> None:
    async def malformed(pilot: Pilot) -> None:
        await settle(pilot)
        await type_filter(pilot, "speaker:peskov")
        await type_filter(pilot, "speaker:peskov (putin")

    assert snap_compare(new_app(), terminal_size=SIZE, run_before=malformed)


def test_narrow_terminal(snap_compare) -> None:
    async def narrow(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter", "n")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=narrow)


# -- hostile input: escapes and controls shown as stand-ins, markup as text ---------------------

HOSTILE = Path(__file__).resolve().parent / "data" / "adversarial"
HOSTILE_FILES = ["ansi_osc.txt", "markup.txt", "control_chars.txt", "rtl_combining.txt", "emoji_cjk_titles.jsonl"]


def hostile_app() -> ExplorerApp:
    app = ExplorerApp([HOSTILE / name for name in HOSTILE_FILES])
    app.animation_level = "none"
    return app


def open_article(article_id: str):  # noqa: ANN201
    async def scene(pilot: Pilot) -> None:
        await settle(pilot)
        screen = pilot.app.explorer
        position = next(p for p, a in enumerate(screen.corpus.articles) if a.id == article_id)
        screen.query_one(ArticleList).move_to(screen.rows.index(position))
        await pilot.press("enter")
        await settle(pilot)

    return scene


def test_hostile_titles_and_markup_article(snap_compare) -> None:
    """Escape sequences in titles as ␛, markup as text, emoji and CJK titles in their columns."""
    assert snap_compare(hostile_app(), terminal_size=SIZE, run_before=open_article("markup"))


def test_hostile_escape_sequences_article(snap_compare) -> None:
    assert snap_compare(hostile_app(), terminal_size=SIZE, run_before=open_article("ansi_osc"))


def test_hostile_control_characters_article(snap_compare) -> None:
    assert snap_compare(hostile_app(), terminal_size=(100, 24), run_before=open_article("control_chars"))
