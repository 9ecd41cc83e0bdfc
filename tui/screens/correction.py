"""A small modal that asks for one name: the profile's merge-or-rename correction (`m`)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..commands import bindings

MAX_NAME = 200  # characters; a name longer than this is not a person's


class NameInput(ModalScreen[str | None]):
    """Asks for a name; `enter` gives it (stripped, None when blank), `esc` gives None."""

    BINDINGS = bindings("modal")
    DEFAULT_CSS = """
    NameInput { align: center middle; }
    NameInput > Vertical {
        width: 64; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 0 1;
    }
    NameInput #question { color: $text; margin-bottom: 1; }
    NameInput #hint { color: $text-muted; }
    """

    def __init__(self, title: str, question: str, value: str, hint: str = "") -> None:
        super().__init__()
        self.title_text, self.question, self.value, self.hint = title, question, value, hint

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            box.border_subtitle = "enter saves · esc cancels"
            yield Static(Content(self.question), id="question")
            yield Input(self.value, max_length=MAX_NAME, id="name")
            yield Static(Content(self.hint), id="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(" ".join(event.value.split()) or None)

    def action_close(self) -> None:
        self.dismiss(None)
