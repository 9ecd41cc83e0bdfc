"""The people view (`P`): everyone quoted in the filtered corpus, most quoted first, under the share
of quotes by women, men and unknown; `b` splits the shares by source, then by month; `enter` opens
a person's profile."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ..commands import bindings
from ..corpus import PeopleFound, QueryError, quoted_line, shares_line
from ..safe_text import one_line
from ..widgets.people_list import HEADER, PeopleList
from .view_base import ViewScreen

SPLITS = ("", "source", "month")  # none, by source, by month
LABEL_WIDTH = 24


class PeopleScreen(ViewScreen):
    BINDINGS = ViewScreen.BINDINGS + bindings("people")
    DEFAULT_CSS = """
    PeopleScreen #shares { height: 1; padding: 0 1; background: $boost; color: $text; text-style: bold; }
    PeopleScreen #split { height: auto; max-height: 40%; padding: 0 1; display: none; }
    PeopleScreen #split.-shown { display: block; }
    """

    def __init__(self, main) -> None:  # type: ignore[no-untyped-def]
        super().__init__(main)
        self.split = SPLITS[0]

    def compose_body(self) -> ComposeResult:
        yield Static(id="shares")
        with VerticalScroll(id="split"):
            yield Static(id="split-table")
        people = PeopleList(id="people")
        people.border_title = "People"
        people.border_subtitle = HEADER
        yield people

    def focus_body(self) -> None:
        self.query_one(PeopleList).focus()

    def fetch(self, text: str) -> object:
        found = self.corpus.people(text)
        if isinstance(found, QueryError):
            return found
        everyone = self.corpus.people("") if text.strip() else found  # the count's total (remembered)
        return found, (self.corpus.gender_split(text, self.split) if self.split else None), everyone

    def show(self, data) -> None:  # type: ignore[no-untyped-def,override]
        found, split, everyone = data
        assert isinstance(found, PeopleFound)
        self.query_one(PeopleList).show(found.rows)
        self.query_one("#shares", Static).update(Content(f"{shares_line(found.genders)} by people"))
        box = self.query_one("#split")
        box.set_class(bool(split), "-shown")
        if split:
            lines = [Content.styled(f"by {self.split}", "bold underline")]
            lines += [Content(f"{fit_label(label)}  {shares_line(counts)}") for label, counts in split]
            self.query_one("#split-table", Static).update(Content("\n").join(lines))
        total = len(everyone.rows) if isinstance(everyone, PeopleFound) else len(found.rows)
        self.bar.show_count(len(found.rows), total, loading=not self.corpus.finished)  # "3 of 25": people
        split_note = f"split by {self.split}" if self.split else "b splits by source, by month"
        said = quoted_line(len(found.rows), sum(found.genders.values()), found.quotes)  # the shares' total too
        self.status(f"{said} · {split_note} · enter: profile")

    def action_split(self) -> None:
        self.split = SPLITS[(SPLITS.index(self.split) + 1) % len(SPLITS)]
        self.reload()

    @on(PeopleList.Opened)
    def _opened(self, event: PeopleList.Opened) -> None:
        self.main.show_profile(event.row.id)


def fit_label(label: str) -> str:
    text = one_line(label[:LABEL_WIDTH])
    return text.ljust(LABEL_WIDTH)
