"""The quotes, people, profile and timeline views, driven from the keyboard."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.color import Color
from textual.geometry import Region
from textual.widgets import Input, Sparkline, Static

from tests.quote_corpus import quote_corpus
from tui.corpus import write_articles
from tui.screens.main import MainScreen
from tui.screens.people import PeopleScreen
from tui.screens.profile import ProfileScreen
from tui.screens.quotes import QuotesScreen
from tui.screens.timeline import TimelineScreen
from tui.screenshots import settle
from tui.widgets.about_list import AboutList
from tui.widgets.filter_bar import FilterBar
from tui.widgets.people_list import PeopleList
from tui.widgets.quote_list import QuoteList
from tui.widgets.reading_pane import ReadingPane

SIZE = (120, 36)


@pytest.fixture
def corpus_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # corrections land here
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_articles(quote_corpus().articles, out, "jsonl")
    return path


def status(screen) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one("#status", Static).render()).strip()


async def wait(pilot, seconds: float = 0.3) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause(seconds)


async def open_profile(pilot, *moves: str) -> None:  # type: ignore[no-untyped-def]
    """From the people view (P), the profile of the person `moves` lead to: the most quoted if none."""
    await pilot.press("P")
    await wait(pilot)
    await pilot.press(*moves, "enter")
    await wait(pilot)


async def test_quotes_view_lists_sorts_and_filters_within_one_quote(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("Q")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, QuotesScreen)
        assert status(screen).startswith("7 quotes in 4 articles · sorted by date")
        await pilot.press("s")
        await wait(pilot)
        assert "sorted by speaker" in status(screen)
        screen.set_filter("speaker:lee quote:budget")
        await wait(pilot)
        assert status(screen).startswith("1 quote in 1 article")
        assert screen.query_one(QuoteList).count == 1
        assert screen.main.search_pending  # the hidden article list is searched when shown, not now
        await pilot.press("A")
        await wait(pilot)
        assert isinstance(app.screen, MainScreen) and app.screen.rows == [1]  # the same filter on the articles
        assert app.screen.query_one(FilterBar).input.value == "speaker:lee quote:budget"


async def test_enter_reads_the_quote_and_n_steps_through_this_view(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("Q")
        await wait(pilot)
        app.screen.set_filter("speaker:park")  # Bo Park twice, Cy Park, and plain Park: 4 quotes
        await wait(pilot)
        await pilot.press("enter")
        await wait(pilot)
        main = app.screen
        assert isinstance(main, MainScreen) and (main.open, main.quote) == (0, 1)
        assert main.focused is main.query_one(ReadingPane) or main.query_one(ReadingPane).has_focus_within
        await pilot.press("n")
        assert (main.open, main.quote) == (1, 1)  # the next quote of the view, in another article
        await pilot.press("n", "n", "n")
        assert (main.open, main.quote) == (0, 1)  # round again
        await pilot.press("N")
        assert (main.open, main.quote) == (2, 1)
        assert "quote 4 of 4" in status(main)


async def test_people_view_shares_split_and_profile(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert [row.name for row in screen.query_one(PeopleList).rows][:2] == ["Ann Lee", "Bo Park"]
        assert str(screen.query_one("#shares", Static).render()).startswith("women 29% · men 43% · unknown 29%")
        assert str(screen.query_one("#shares", Static).render()).endswith("of 7 quotes by people")
        assert status(screen).startswith("5 people said 7 of 7 quotes found ·")  # one count, said the same way
        await pilot.press("b")
        await wait(pilot)
        assert "Daily" in str(screen.query_one("#split-table", Static).render())
        await pilot.press("b")
        await wait(pilot)
        assert "2026-01" in str(screen.query_one("#split-table", Static).render())
        await pilot.press("enter")
        await wait(pilot)
        profile = app.screen
        assert isinstance(profile, ProfileScreen) and profile.person_id == "ann-lee"
        who = str(profile.query_one("#who", Static).render())
        assert "Ann Lee" in who and "also: Lee" in who and "2 quotes in 2 articles" in who
        assert profile.query_one(Sparkline).data == [2]
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_the_people_count_is_of_everyone_quoted(make_app, corpus_file: Path) -> None:
    """ "2 of 5" people, not "2 of 2": the total stays, so the count's width does too as one types."""
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await wait(pilot)
        screen = app.screen
        everyone = screen.query_one(PeopleList).count
        screen.set_filter("taxes")
        await wait(pilot)
        shown = screen.query_one(PeopleList).count
        assert 0 < shown < everyone
        assert str(screen.query_one(FilterBar).query_one("#count", Static).render()).strip() == f"{shown} of {everyone}"


async def test_profile_about_whom_and_its_quotes(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_profile(pilot)
        profile = app.screen
        about = profile.query_one("#about", AboutList)
        assert about.count == 1
        about.focus()
        await pilot.pause()
        await pilot.press("enter")  # the quotes naming Acme
        assert profile.shown == [profile.profile.quotes[0]]
        about.focus()
        await pilot.pause()
        await pilot.press("f")
        await wait(pilot)
        assert isinstance(app.screen, QuotesScreen)
        assert app.screen.main.filter_text == 'speaker:"Ann Lee" org:"Acme"'
        assert status(app.screen).startswith("1 quote in 1 article")


async def test_a_quote_read_from_a_profile_says_whose_list_n_walks(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_profile(pilot)  # Ann Lee's profile, its quotes focused
        await pilot.press("enter")
        await wait(pilot)
        assert isinstance(app.screen, MainScreen)
        assert status(app.screen).startswith("quote 1 of 2 from the profile · n/N")


async def test_y_copies_the_highlighted_quote_in_the_quotes_view_and_a_profile(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("Q")
        await wait(pilot)
        listed = app.screen.query_one(QuoteList)
        await pilot.press("j", "y")  # the second quote by date, without opening its article
        row = app.screen.corpus.quote_row(int(listed.quotes[1]))
        assert (
            app.clipboard.startswith(f"“{row.text.strip(chr(34))}")
            and f"— {row.speaker}, {row.source}" in app.clipboard
        )
        await open_profile(pilot)  # the most quoted: Ann Lee
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("y")
        assert "— Ann Lee, Wire, 2026-01-05" in app.clipboard


async def test_corrections_are_written_from_the_profile(make_app, corpus_file: Path, tmp_path: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_profile(pilot, "down")  # Bo Park
        await pilot.press("ctrl+g")  # male -> unknown
        await wait(pilot)
        saved = tomllib.loads((tmp_path / "config" / "article-explorer" / "people.toml").read_text())
        assert saved["gender"] == {"Bo Park": "unknown"}
        assert "gender: unknown (corrected)" in str(app.screen.query_one("#who", Static).render())
        await pilot.press("x")
        await wait(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert "Bo Park" not in [row.name for row in app.screen.query_one(PeopleList).rows]
        saved = tomllib.loads((tmp_path / "config" / "article-explorer" / "people.toml").read_text())
        assert saved["not_person"]["names"] == ["Bo Park"]


async def test_m_in_a_profile_merges_with_another_person_or_renames(
    make_app, corpus_file: Path, tmp_path: Path
) -> None:
    from tui.screens.correction import NameInput

    saved_at = tmp_path / "config" / "article-explorer" / "people.toml"
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await wait(pilot)
        people = app.screen
        rows = [row.name for row in people.query_one(PeopleList).rows]
        await pilot.press(*["down"] * rows.index("Park"), "enter")  # plain "Park": a person of their own
        await wait(pilot)
        assert app.screen.profile.person.name == "Park"  # type: ignore[attr-defined]
        await pilot.press("m")
        await wait(pilot, 0.1)
        assert isinstance(app.screen, NameInput)
        app.screen.query_one("#name", Input).value = "cy park"  # another person's name, any case
        await pilot.press("enter")
        await wait(pilot)
        profile = app.screen
        assert isinstance(profile, ProfileScreen) and profile.person_id == "cy-park"
        assert "2 quotes in 1 article" in str(profile.query_one("#who", Static).render())  # both in article 2
        assert tomllib.loads(saved_at.read_text())["merge"] == {"Park": "Cy Park"}
        await pilot.press("m")
        await wait(pilot, 0.1)
        app.screen.query_one("#name", Input).value = ""
        await pilot.press(*"Cyq Parque")  # q and ? are letters here, not the modal's close keys
        await pilot.press("enter")
        await wait(pilot)
        assert profile.person_id == "cyq-parque"
        assert "Cyq Parque" in str(profile.query_one("#who", Static).render())
        assert tomllib.loads(saved_at.read_text())["rename"] == {"Cy Park": "Cyq Parque"}
        await pilot.press("m")
        await wait(pilot, 0.1)
        await pilot.press("escape")  # nothing written
        await wait(pilot, 0.1)
        assert app.screen is profile and tomllib.loads(saved_at.read_text())["rename"] == {"Cy Park": "Cyq Parque"}
        await pilot.press("escape")  # back to the people, who know the new name
        await wait(pilot)
        assert "Cyq Parque" in [row.name for row in app.screen.query_one(PeopleList).rows]


async def test_the_about_whom_title_reads_unfocused_in_dark_and_light(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_profile(pilot)
        about = app.screen.query_one("#about", AboutList)
        assert not about.has_focus_within
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            top = about.render_lines(Region(0, 0, about.size.width, 1))[0]
            title = next(segment.style for segment in top if "About whom" in segment.text)
            assert title is not None and title.color and title.bgcolor
            ink, paper = (Color.from_rich_color(c) for c in (title.color, title.bgcolor))
            # Drawn in the border's colour it was 0.03 from its background in both themes.
            assert abs(ink.brightness - paper.brightness) > 0.3, theme


async def test_timeline_picks_a_bar_and_narrows_the_filter(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("T")
        await wait(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert "2026-01-01 to 2026-03-31" in status(screen)
        await pilot.press("left", "enter")
        await wait(pilot)
        assert screen.main.filter_text == "date:2026-02"
        assert status(screen).startswith("2 quotes in 1 article")
        await pilot.press("w")
        await wait(pilot)
        assert "per week" in status(screen)


async def test_view_keys_are_in_the_palette_and_switch_views(make_app, corpus_file: Path) -> None:
    app = make_app([corpus_file])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Quotes", "People", "Timeline", "Articles"} <= titles
        await pilot.press("Q")
        await pilot.press("P")
        await pilot.press("T")
        await wait(pilot)
        assert isinstance(app.screen, TimelineScreen) and len(app.screen_stack) == 2
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


def test_every_view_key_is_bound_from_the_table() -> None:
    from tui.commands import COMMANDS

    for screen, places in ((QuotesScreen, ("views", "quotes")), (PeopleScreen, ("views", "people")),
                           (TimelineScreen, ("views", "timeline")), (ProfileScreen, ("views", "profile"))):  # fmt: skip
        bound = {(b.key, b.action) for b in screen.BINDINGS}  # type: ignore[union-attr]
        assert bound == {(c.keys, c.action) for c in COMMANDS if c.where in places}


async def test_the_about_list_draws_only_the_rows_in_view() -> None:
    from textual.app import App, ComposeResult

    class OneList(App[None]):
        def compose(self) -> ComposeResult:
            yield AboutList(id="about")

    app = OneList()
    async with app.run_test(size=(40, 10)) as pilot:
        about = app.query_one(AboutList)
        drawn: list[int] = []
        draw = about.render_row
        about.render_row = lambda row, width: (drawn.append(row), draw(row, width))[1]  # type: ignore[method-assign]
        about.show([("person", f"Name {n}", [n]) for n in range(5_000)])  # a prolific speaker's entities
        await pilot.pause()
        assert about.count == 5_000 and 0 < len(set(drawn)) <= 10
        about.action_last()
        await pilot.pause()
        assert 4_999 in drawn and len(set(drawn)) <= 20
