"""A person's profile: name, aliases, roles, gender; quotes per month (a Sparkline, in the theme's
colours); whom their quotes name ("about whom": `enter` keeps the quotes naming one, `f` makes it
the filter); their quotes, each opening its article. `g` and `x` write a correction."""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.events import ScreenResume
from textual.widgets import Static

from ..commands import bindings
from ..corpus import GENDER_ORDER, Profile, QueryError, count
from ..safe_text import one_line
from ..widgets.about_list import AboutList
from ..widgets.keys_footer import KeysFooter
from ..widgets.months_sparkline import MonthsSparkline
from ..widgets.quote_list import QuoteList
from .citing import copy_highlighted
from .correction import NameInput
from .help import HelpScreen
from .navigation import restyle_if_needed
from .opaque import OpaqueScreen

WHO_LINE = 300  # characters of a header line kept (one row shows fewer; the ellipsis says so)
NONE_FOUND = "none found"
KIND_FIELDS = {"person": "person", "organization": "org", "place": "place", "group": "group"}


def entity_term(kind: str, name: str) -> str:
    """`org:"Acme Group"`: the name's own double quotes dropped, as a filter cannot hold them."""
    field = KIND_FIELDS.get(kind, "entity")
    plain = " ".join(name.replace('"', " ").split())
    return f'{field}:"{plain}"'


class ProfileScreen(OpaqueScreen):
    BINDINGS = bindings("views") + bindings("profile")
    AUTO_FOCUS = None
    DEFAULT_CSS = """
    ProfileScreen #who {
        height: 4; padding: 0 1; background: $boost; text-wrap: nowrap; text-overflow: ellipsis;
    }
    ProfileScreen #months-label { height: 1; padding: 0 1; color: $text-muted; }
    ProfileScreen Sparkline { height: 3; margin: 0 1; }
    ProfileScreen #lower { height: 1fr; }
    ProfileScreen #about, ProfileScreen QuoteList {
        border: round $panel-lighten-2; border-title-color: $text-muted; border-subtitle-color: $text-muted;
    }
    ProfileScreen #about { width: 32; height: 1fr; }
    ProfileScreen QuoteList { width: 1fr; }
    ProfileScreen #about:focus, ProfileScreen QuoteList:focus {
        border: round $accent; border-title-color: $accent;
    }
    ProfileScreen #status { height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, main, person_id: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.main = main
        self.corpus = main.corpus
        self.person_id = person_id
        self.profile: Profile | None = None
        self.shown: list[int] = []  # the quotes listed: all of theirs, or those naming one entity
        self._drawn_for: tuple | None = None  # the state (`_state`) of the answer `open` drew, till shown

    def compose(self) -> ComposeResult:
        yield Static(id="who")
        yield Static(id="months-label")
        yield MonthsSparkline([], summary_function=max, id="months")
        with Horizontal(id="lower"):
            about = AboutList(id="about", steady_bar=True)  # a bar coming or going lays the screen out
            about.border_title = "About whom"
            yield about
            quotes = QuoteList(id="quotes", steady_bar=True)
            quotes.border_title = "Quotes"
            yield quotes
        yield Static(id="status")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(QuoteList).focus()

    def open(self, person_id: str) -> None:
        """Show this person: the first time, the screen is made and fetches once shown; after
        that, their profile is fetched and drawn first, and the screen shown with it (no frame of
        the last person, no blank frame)."""
        self.person_id = person_id
        if self.is_mounted:
            text = self.main.filter_text
            self._fetch(person_id, text, self._state(person_id, text))
        else:
            self.app.push_screen(self)

    def _state(self, person_id: str, text: str) -> tuple:
        """What a profile's answer depends on: the person, the filter, and the corpus's state (its
        articles, whether all are in, the corrections in force, a damaged cache entry)."""
        corpus = self.corpus
        return person_id, text, len(corpus), corpus.finished, corpus.corrections, corpus.damaged

    def _on_screen_resume(self, event: ScreenResume) -> None:
        """Shown: the filter may have changed, articles arrived (an unchanged answer is not drawn
        again). Shown by `open` with the profile it just drew: fetched again only if what that
        answer depends on changed since it was asked (a second worker would compete with the first
        frame, for nothing)."""
        restyle_if_needed(self, event)
        drawn, self._drawn_for = self._drawn_for, None
        if drawn is None or drawn != self._state(self.person_id, self.main.filter_text):
            self.reload()

    def reload(self) -> None:
        self._fetch(self.person_id, self.main.filter_text)

    corpus_changed = reload

    @work(thread=True, group="profile", exclusive=True)
    def _fetch(self, person_id: str, text: str, then_show: tuple | None = None) -> None:
        """`then_show`: the state (`_state`) when asked; the screen is shown with the answer drawn."""
        found = self.corpus.profile(person_id, text)
        self.app.call_from_thread(self._show, person_id, found, then_show)

    def _show(self, person_id: str, profile: Profile | QueryError | None, then_show: tuple | None = None) -> None:
        if person_id == self.person_id and (profile is None or profile is not self.profile):
            self._draw(profile)
        if then_show is not None and person_id == self.person_id and self.app.screen is not self:
            self._drawn_for = then_show
            self.app.push_screen(self)

    def _draw(self, profile: Profile | QueryError | None) -> None:
        if profile is None or isinstance(profile, QueryError):
            self.query_one("#who", Static).update(Content("This person is no longer in the corpus (a correction?)"))
            return
        self.profile = profile
        person = profile.person
        guess = " (the parser's guess)" if person.guessed else " (corrected)"
        lines = [Content.styled(one_line(person.name), "bold $speaker"),
                 Content(f"gender: {person.gender}{guess} · {count(len(profile.quotes), 'quote')} in "
                         f"{count(profile.articles, 'article')}"),
                 Content("also: " + (one_line(", ".join(person.aliases)[:WHO_LINE]) or NONE_FOUND)),
                 Content("roles: " + (one_line(", ".join(person.roles)[:WHO_LINE]) or NONE_FOUND))]  # fmt: skip
        # The header is its four lines (its CSS height) whoever is shown, a line a row (cut short with
        # an ellipsis): a header changing height laid the whole screen out again, twice (the lists
        # under it resized), which tripled the time the next profile took to show.
        self.query_one("#who", Static).update(Content("\n").join(lines), layout=False)
        months = profile.months
        label = (
            f"quotes per month, {months[0][0]} to {months[-1][0]} (most: {max(n for _, n in months)})"
            if months
            else "quotes per month: no dated quotes"
        )
        self.query_one("#months-label", Static).update(Content(label), layout=False)  # one line high
        self.query_one(MonthsSparkline).data = [n for _, n in months] or [0]
        about = self.query_one("#about", AboutList)
        about.show(profile.about)
        about.border_subtitle = "" if profile.about else "nobody named in the quotes"
        self._list(profile.quotes, "all their quotes")

    def _list(self, quotes: list[int], what: str) -> None:
        self.shown = quotes
        self.query_one(QuoteList).show(self.corpus, quotes)
        self.query_one("#status", Static).update(
            f" {what}: {count(len(quotes), 'quote')} · enter opens · ^g gender · m merge/rename · x not a person",
            layout=False,  # one line high: no layout of the screen
        )

    # -- keys -------------------------------------------------------------------------------

    @on(AboutList.Chosen)
    def _about_chosen(self, event: AboutList.Chosen) -> None:
        if self.profile is not None:
            kind, name, said = self.profile.about[event.row]
            self._list(said, f"naming {one_line(name[:60])}")
            self.query_one(QuoteList).focus()

    @on(QuoteList.Opened)
    def _opened(self, event: QuoteList.Opened) -> None:
        self.main.open_quote(self.shown, event.row, origin="the profile")  # no name: a status line parses markup

    def action_copy_citation(self) -> None:
        copy_highlighted(self, self.corpus, self.query_one(QuoteList))

    def action_filter_entity(self) -> None:
        """`f`: filter every view by the highlighted entity, with this speaker."""
        about = self.query_one("#about", AboutList)
        if self.profile is None or not self.profile.about:
            return
        kind, name, _ = self.profile.about[about.cursor]
        speaker = self.profile.person.name.replace('"', " ")
        self.main.set_filter(f'speaker:"{speaker}" {entity_term(kind, name)}')
        self.main.show_view("quotes")

    def action_set_gender(self) -> None:
        if self.profile is None:
            return
        person = self.profile.person
        gender = GENDER_ORDER[(GENDER_ORDER.index(person.gender) + 1) % len(GENDER_ORDER)]
        corrections = self.corpus.corrections
        self._save(
            replace(corrections, gender={**corrections.gender, person.name: gender}), f"{person.name}: gender {gender}"
        )

    def action_not_person(self) -> None:
        if self.profile is None:
            return
        name = self.profile.person.name
        corrections = self.corpus.corrections
        if self._save(replace(corrections, not_person=[*corrections.not_person, name]), f"{name}: not a person"):
            self.app.pop_screen()
            if hasattr(self.app.screen, "reload"):
                self.app.screen.reload()

    def action_merge_or_rename(self) -> None:
        """`m`: another person's name merges this one into them; a new name renames them."""
        if self.profile is None:
            return
        name = self.profile.person.name
        question = f"Who is {one_line(name[:80])}?"
        hint = "The name of someone in the corpus merges the two; any other name renames."
        self.app.push_screen(NameInput("Merge or rename", question, name, hint), self._named)

    def _named(self, other: str | None) -> None:
        if self.profile is None or other is None or other == self.profile.person.name:
            return
        person, corrections = self.profile.person, self.corpus.corrections
        into = self.corpus.person_named(other)
        if into is not None and into.id != person.id:
            changed = replace(corrections, merge={**corrections.merge, person.name: into.name})
            self._save(changed, f"{person.name} merged into {into.name}", then=into.name)
        else:
            changed = replace(corrections, rename={**corrections.rename, person.name: other})
            self._save(changed, f"{person.name} renamed {other}", then=other)

    def _save(self, corrections, what: str, then: str | None = None) -> bool:  # type: ignore[no-untyped-def]
        """Write the corrections (atomically), apply them, and show `then`'s profile (a name)."""
        try:
            path = corrections.save()
        except OSError as error:
            self.notify(f"Correction not saved: {error.strerror or error}", severity="error", markup=False)
            return False
        self.corpus.correct(corrections)
        self.main.search(self.main.filter_text)
        self.notify(f"{what} · saved to {path}", timeout=5, markup=False)
        found = self.corpus.person_named(then) if then else None
        if found is not None:
            self.person_id = found.id
        self.reload()
        return True

    def action_view(self, name: str) -> None:
        self.main.show_view(name)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_focus_filter(self) -> None:
        self.app.pop_screen()  # the view under the profile has the filter bar
        if hasattr(self.app.screen, "action_focus_filter"):
            self.app.screen.action_focus_filter()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
