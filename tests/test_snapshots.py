"""Pictures of the explorer, compared with the stored SVGs (pytest-textual-snapshot).

Sealed: the bundled corpus, a fixed terminal size, loading awaited, no clock, no blinking
cursor, no animation. The scenes are the ones the README screenshots are made from.
"""

from __future__ import annotations

from textual.pilot import Pilot

from tui.screenshots import SCENES, new_app, settle, type_filter

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
