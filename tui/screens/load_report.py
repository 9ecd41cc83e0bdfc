"""The files that could not be read: path, reason and detail, one row each."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from ..commands import bindings
from ..corpus import LoadProblem
from ..safe_text import one_line


class LoadReportScreen(ModalScreen[None]):
    """A table of load problems; cells are Text, so a path like `[b]x` is shown as it is."""

    BINDINGS = bindings("modal")
    DEFAULT_CSS = """
    LoadReportScreen { align: center middle; }
    LoadReportScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: round $error; background: $surface;
    }
    LoadReportScreen Static { padding: 0 1; color: $text-muted; }
    LoadReportScreen DataTable { height: auto; max-height: 30; }
    """

    def __init__(self, problems: Sequence[LoadProblem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Files that could not be read"
            box.border_subtitle = "esc closes"
            count = len(self.problems)
            summary = f"{count} file{'s' if count != 1 else ''} skipped; every other file was loaded."
            yield Static(summary, markup=False)
            yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Path", "Reason", "Detail")
        for problem in self.problems:
            table.add_row(*(Text(one_line(cell)) for cell in (problem.path, problem.reason, problem.detail)))

    def action_close(self) -> None:
        self.dismiss()
