"""The help screen, generated from the command table and the filter fields table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import COMMANDS, Where, bindings, key_display
from ..corpus import help_rows

SECTIONS: tuple[tuple[str, tuple[Where, ...]], ...] = (
    ("Everywhere", ("screen", "app")),
    ("Article list and entity panel", ("list",)),
    ("Reading pane (as in less)", ("reading",)),
    ("Filter bar", ("filter",)),
    ("Quotes, people and timeline views", ("views",)),
    ("Quotes view", ("quotes",)),
    ("People view", ("people",)),
    ("A person's profile", ("profile",)),
    ("Timeline", ("timeline",)),
)
SYNTAX = (  # what is not a field; the fields' lines come from their table (corpus/fields.py)
    ("macron putin", "both words, in the title or the body"),
    ('"political will"', "the words side by side"),
    ("-word  a OR b  (a b)", "leave out, either, group"),
)
FILTER_LANGUAGE = (*SYNTAX, *help_rows())
KEY_WIDTH = 14
EXAMPLE_WIDTH = 32


def _row(key: str, text: str, width: int = KEY_WIDTH) -> Content:
    return Content.assemble((f"  {key:<{width}}", "bold $text-accent"), (text, "$text"))


def help_content() -> Content:
    lines: list[Content] = []
    for title, places in SECTIONS:
        lines.append(Content.styled(title, "bold underline $text"))
        seen: set[str] = set()
        for command in COMMANDS:
            if command.where in places and command.help not in seen:
                seen.add(command.help)  # `e` and `3` both focus the entities: one line
                keys = [key_display(c) for c in COMMANDS if c.help == command.help and c.where in places]
                lines.append(_row("  ".join(keys), command.help))
        lines.append(Content(""))
    lines.append(Content.styled("The filter language", "bold underline $text"))
    lines += [_row(example, meaning, EXAMPLE_WIDTH) for example, meaning in FILTER_LANGUAGE]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Every key and the filter language; any of esc, q or ? closes it."""

    BINDINGS = bindings("modal")
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Help"
            scroll.border_subtitle = "esc closes"
            yield Static(help_content())

    def action_close(self) -> None:
        self.dismiss()
