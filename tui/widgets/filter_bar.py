"""The filter bar: the query, the match count, and where a malformed query went wrong."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.keys import REPLACED_KEYS
from textual.widget import Widget
from textual.widgets import Input, Static

from ..commands import bindings
from ..corpus import hint_names
from ..safe_text import one_line

HINT = f"{hint_names()} -word OR · tab completes · ↑↓ history · enter to the list · esc clears"
PROMPT = " / "
COUNT_PADDING = 2  # the count's padding, a cell each side (its CSS)
DEBOUNCE_SECONDS = 0.15  # a screen searches this long after the last keystroke in its bar

Completer = Callable[[str, int], list[tuple[str, int]]]


class FilterInput(Input):
    """An Input whose tab completes (repeated tabs cycle through the choices), and whose ↑ and ↓
    walk the filters submitted before (`history`, oldest first), back to what was being typed."""

    BINDINGS = bindings("filter")

    def __init__(self, completer: Completer, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.completer = completer
        self._choices: list[tuple[str, int]] = []
        self._chosen = -1
        self.history: list[str] = []
        self._recalled: int | None = None  # which history entry is shown; None: the draft
        self._draft = ""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Textual finds no character for keys whose Unicode names it shortened ("slash" for
        # SOLIDUS, "minus", "at"...), so without this the screen's priority `/` binding would
        # take the slash typed in the filter: the input inserts these characters all the same.
        return super().check_consume_key(key, character) or key in REPLACED_KEYS

    def _watch_value(self, value: str) -> None:
        # Input assigns its virtual size (the text's width) at every change, and that reactive lays
        # out the whole screen, though the bar's size never changes: a full layout per keystroke.
        # Set quietly first, Input's assignment changes nothing (textual 8.2.8, pinned).
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def action_history_back(self) -> None:
        if self._recalled is not None and self.value != self.history[self._recalled]:
            self._recalled = None  # the recalled filter was edited: it is the draft now
        if self._recalled is None:
            if not self.history:
                return
            self._draft, self._recalled = self.value, len(self.history)
        self._recall(max(self._recalled - 1, 0))

    def action_history_forward(self) -> None:
        if self._recalled is None or self.value != self.history[self._recalled]:
            self._recalled = None
            return
        if self._recalled + 1 < len(self.history):
            self._recall(self._recalled + 1)
        else:
            self._recalled = None
            self._show(self._draft)

    def forget_walk(self) -> None:
        """The walk through the history starts again from the newest (after a submission)."""
        self._recalled = None

    def _recall(self, entry: int) -> None:
        self._recalled = entry
        self._show(self.history[entry])

    def _show(self, text: str) -> None:
        self.value = text
        self.cursor_position = len(text)

    def action_complete(self) -> None:
        if self._chosen >= 0 and self.value == self._choices[self._chosen][0]:
            self._chosen = (self._chosen + 1) % len(self._choices)
        else:
            self._choices = self.completer(self.value, self.cursor_position)
            self._chosen = 0
        if not self._choices:
            self._chosen = -1
            self.screen.focus_next()  # nothing to complete: tab moves on, as everywhere else
            return
        self.value, self.cursor_position = self._choices[self._chosen]


class FilterBar(Vertical):
    """Shows what the screen tells it: the count, or the error under the query."""

    DEFAULT_CSS = """
    FilterBar { height: 2; background: $boost; }
    FilterBar Horizontal { height: 1; }
    FilterBar #prompt { width: 3; color: $accent; text-style: bold; }
    FilterBar Input { border: none; height: 1; padding: 0; width: 1fr; background: transparent; }
    FilterBar Input:focus { border: none; background: $surface; }
    FilterBar #count { width: auto; padding: 0 1; color: $text-muted; text-align: right; }
    FilterBar #message { height: 1; color: $text-muted; }
    FilterBar #message.-error { color: $text-error; }
    """

    def __init__(self, completer: Completer, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.completer = completer

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(PROMPT, id="prompt")
            yield FilterInput(
                self.completer,
                placeholder='filter: words, "a phrase", speaker:name…',
                id="filter-input",
                select_on_focus=False,
            )
            yield Static(id="count")
        yield Static(Content(HINT), id="message")

    @property
    def input(self) -> FilterInput:
        return self.query_one(FilterInput)

    def show_count(self, matched: int, total: int, loading: bool = False) -> None:
        more = " (loading…)" if loading else ""
        text = f"{matched:,} of {total:,}{more}"
        count = self.query_one("#count", Static)
        # As wide as the widest count of this total, not as its text: a new width lays out the whole
        # screen (and the count's new size asks for a second layout), which a keystroke that narrows
        # the filter would otherwise cost; the width changes only with the total or the loading note.
        width = max(cell_len(f"{total:,} of {total:,}{more}"), cell_len(text)) + COUNT_PADDING
        count.update(text, layout=False)
        if count.styles.width is None or count.styles.width.cells != width:
            count.styles.width = width

    def show_error(self, position: int | None, message: str = "") -> None:
        """A caret under `position` of the query and the reason; None puts the hint back."""
        line = self.query_one("#message", Static)
        if position is None and not line.has_class("-error"):
            return  # the hint is there already: drawing it again at every answer costs a repaint
        line.set_class(position is not None, "-error")
        if position is None:
            line.update(Content(HINT), layout=False)  # one line high whatever it says: no layout
            return
        value = self.input.value
        column = len(PROMPT) + cell_len(value[:position]) - self.input.scroll_offset.x
        line.update(Content(" " * max(column, 0) + "^ " + one_line(message)), layout=False)
