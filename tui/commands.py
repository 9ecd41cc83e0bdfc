"""Every key of the explorer, declared once.

The footer, the bindings, the help screen and the command palette are all generated from
`COMMANDS`, so a key cannot be documented in one place and bound differently in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding, BindingType

Where = Literal[
    "screen", "list", "reading", "filter", "app", "modal", "views", "quotes", "people", "profile", "timeline"
]


@dataclass(frozen=True)
class Command:
    """A key, the action it runs, and how the footer, help and palette describe it."""

    keys: str  # Textual key names, comma separated: the first is the one shown
    action: str
    label: str  # short, for the footer and the palette
    help: str  # a sentence, for the help screen and the palette
    where: Where = "screen"  # who binds it: main screen, lists, reading pane, filter input, app, pop-up screens
    show: bool = True  # in the footer
    palette: bool = False  # offered in the command palette
    display: str | None = None  # how help shows the keys, when the key names are unclear


ENTITIES_HELP = "Entity panel: focus it; under 100 columns, show or hide it"

COMMANDS: tuple[Command, ...] = (
    Command("slash", "focus_filter", "Filter", "Focus the filter bar; the list follows as you type", display="/"),
    Command("escape", "clear_filter", "Clear", "Clear the filter (in its bar: and back to the list)", palette=True,
            display="esc"),
    Command("A", "view('articles')", "Articles", "Articles: the list, the article, its entities", show=False,
            palette=True),
    Command("Q", "view('quotes')", "Quotes", "Quotes: every quote the filter finds, one a line", palette=True),
    Command("P", "view('people')", "People", "People: who is quoted, with the women/men/unknown shares",
            palette=True),
    Command("T", "view('timeline')", "Timeline", "Timeline: articles and quotes per month or week", palette=True),
    Command("enter", "select", "Open", "Open the article, or add the entity to the filter", where="list"),
    Command("j,down", "cursor_down", "Down", "Move down", where="list", show=False, display="j ↓"),
    Command("k,up", "cursor_up", "Up", "Move up", where="list", show=False, display="k ↑"),
    Command("g,home", "first", "First", "Go to the first row", where="list", show=False, display="g home"),
    Command("G,end", "last", "Last", "Go to the last row", where="list", show=False, display="G end"),
    Command("pageup", "page_up", "Page up", "Up a page", where="list", show=False, display="pgup"),
    Command("pagedown", "page_down", "Page down", "Down a page", where="list", show=False, display="pgdn"),
    Command("n", "next_quote", "Quote", "Next quote in the open article", palette=True),
    Command("N", "previous_quote", "Prev quote", "Previous quote in the open article", show=False, palette=True),
    Command("y", "copy_citation", "Cite", "Copy the current quote as a citation", show=False, palette=True),
    Command("o", "open_link", "Open link", "Open the article's web address in a browser", show=False, palette=True),
    Command("s", "cycle_sort", "Sort", "Sort the list by date, title or number of quotes", palette=True),
    Command("c", "toggle_scope", "Scope", "Entities of the open article, or of all filtered articles", palette=True),
    Command("e", "focus_pane('entities')", "Entities", ENTITIES_HELP, show=False),
    Command("1", "focus_pane('articles')", "Articles", "Focus the article list", show=False),
    Command("2", "focus_pane('reading')", "Reading", "Focus the reading pane", show=False),
    Command("3", "focus_pane('entities')", "Entities", ENTITIES_HELP, show=False),
    Command("tab", "app.focus_next", "Next pane", "Focus the next pane", show=False),
    Command("shift+tab", "app.focus_previous", "Prev pane", "Focus the previous pane", show=False),
    Command("j,down", "scroll_down", "Line down", "Down a line", where="reading", show=False, display="j ↓"),
    Command("k,up", "scroll_up", "Line up", "Up a line", where="reading", show=False, display="k ↑"),
    Command("space,pagedown", "page_down", "Page down", "Down a page", where="reading", show=False,
            display="space pgdn"),
    Command("b,pageup", "page_up", "Page up", "Up a page", where="reading", show=False, display="b pgup"),
    Command("g,home", "scroll_home", "Top", "To the top of the article", where="reading", show=False, display="g home"),
    Command("G,end", "scroll_end", "Bottom", "To the end of the article", where="reading", show=False, display="G end"),
    Command("tab", "complete", "Complete", "Complete a field or entity name", where="filter", show=False),
    Command("up", "history_back", "Earlier", "The filter submitted before (kept between sessions)", where="filter",
            show=False, display="↑"),
    Command("down", "history_forward", "Later", "The filter submitted after, then what you typed", where="filter",
            show=False, display="↓"),
    Command("L", "show_problems", "Problems", "List the files that could not be read", show=False, palette=True),
    Command("question_mark", "help", "Help", "Show this help", display="?"),
    Command("ctrl+p", "command_palette", "Palette", "Commands: filter by speaker or entity, sort, theme",
            where="app", show=False),
    Command("q", "quit", "Quit", "Quit the explorer", where="app"),
    Command("A", "view('articles')", "Articles", "Articles: the list, the article, its entities", where="views"),
    Command("Q", "view('quotes')", "Quotes", "Quotes: every quote the filter finds, one a line", where="views"),
    Command("P", "view('people')", "People", "People: who is quoted, with the women/men/unknown shares",
            where="views"),
    Command("T", "view('timeline')", "Timeline", "Timeline: articles and quotes per month or week", where="views"),
    Command("slash", "focus_filter", "Filter", "Focus the filter bar (it applies to every view)", where="views",
            show=False, display="/"),
    Command("escape", "back", "Back", "Back to the list of the view, or to the articles", where="views",
            display="esc"),
    Command("question_mark", "help", "Help", "Show this help", where="views", show=False, display="?"),
    Command("s", "cycle_sort", "Sort", "Sort the quotes by date, speaker or length", where="quotes"),
    Command("enter", "select", "Open", "Open the article at this quote; n/N then step through these quotes",
            where="quotes", show=False),
    Command("y", "copy_citation", "Cite", "Copy the highlighted quote as a citation", where="quotes", show=False),
    Command("b", "split", "Split", "Split the women/men/unknown shares by source, by month, or not",
            where="people"),
    Command("enter", "select", "Profile", "Open the person's profile", where="people", show=False),
    Command("ctrl+g", "set_gender", "Gender", "Correct the gender (female, male, unknown): saved to people.toml",
            where="profile", display="ctrl+g"),
    Command("x", "not_person", "Not a person", "Mark this name as not a person: saved to people.toml",
            where="profile"),
    Command("m", "merge_or_rename", "Merge/rename",
            "Merge this person with another name, or rename them: saved to people.toml", where="profile"),
    Command("enter", "select", "Open", "Open the quote's article, or list the quotes naming the entity",
            where="profile", show=False),
    Command("y", "copy_citation", "Cite", "Copy the highlighted quote as a citation", where="profile", show=False),
    Command("f", "filter_entity", "Filter", "Filter every view by this speaker and the highlighted entity",
            where="profile"),
    Command("tab", "app.focus_next", "Next", "Between the entities and the quotes", where="profile", show=False),
    Command("left,h", "bar(-1)", "Earlier", "Pick the bar before", where="timeline", show=False, display="← h"),
    Command("right,l", "bar(1)", "Later", "Pick the bar after", where="timeline", show=False, display="→ l"),
    Command("enter", "narrow", "Narrow", "Narrow the filter to the picked bar (date:)", where="timeline"),
    Command("w", "cycle_unit", "Week/month", "Bars of a month or of a week", where="timeline"),
    Command("escape,q,question_mark", "close", "Close", "Close this screen", where="modal", display="esc q ?"),
)  # fmt: skip


def bindings(where: Where) -> list[BindingType]:
    """The Textual bindings of one place, generated from the table (typed as Textual types `BINDINGS`)."""
    found = [c for c in COMMANDS if c.where == where and c.action != "command_palette"]
    return [Binding(c.keys, c.action, c.label, show=c.show, tooltip=c.help) for c in found]


def key_display(command: Command) -> str:
    return command.display or command.keys.replace(",", " ")


def palette_commands() -> list[Command]:
    return [c for c in COMMANDS if c.palette]
