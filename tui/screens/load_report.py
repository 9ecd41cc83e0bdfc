"""The files that could not be read: path, reason and detail, one row each.

The rows are a Line-API list (`LineList`): only the rows in view are drawn, so a report of
100,000 problems (one JSON Lines file of broken lines) opens as fast as a report of one. A table
with a row added per problem took 15 s to open at that size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from ..commands import bindings
from ..corpus import LOAD_REASONS, LiveCorpus, LoadProblem
from ..safe_text import one_line
from ..widgets.cells import fit
from ..widgets.line_list import LineList

REASON_WIDTH = max(map(len, LOAD_REASONS))  # the longest reason, whole
PATH_SHARE = 0.5  # of the row's width, for the path
CELL_SHOWN = 400  # characters of a path or detail made visible and measured: a detail can be huge
LINE_OF_FILE = re.compile(r"(.+\.jsonl?):(\d+)")  # how the loader names a line of a JSON Lines file


def empty_note(corpus: LiveCorpus, paths: Sequence[Path]) -> str:
    """Why the article list is empty when the corpus itself is: said on screen, not a blank list."""
    if not corpus.finished or len(corpus):
        return ""
    where = ", ".join(str(path) for path in paths)
    skipped = corpus.problem_summary() if corpus.problems() else ""
    unread = f" Skipped {skipped}: press L to list them." if skipped else ""
    return f"No articles in {where}.{unread}"


def column_widths(width: int) -> tuple[int, int, int]:
    """(path, reason, detail) widths for a row `width` cells wide, a space between columns."""
    path = max(int((width - REASON_WIDTH - 3) * PATH_SHARE), 1)
    return path, REASON_WIDTH, max(width - path - REASON_WIDTH - 3, 0)


def files_with_problems(problems: Sequence[LoadProblem]) -> int:
    """How many files the problems are in: the broken lines of one JSON Lines file are one file."""
    files = set()
    for problem in problems:
        line = LINE_OF_FILE.fullmatch(problem.path)
        files.add(line.group(1) if line else problem.path)
    return len(files)


def summary(problems: Sequence[LoadProblem]) -> str:
    count, files = len(problems), files_with_problems(problems)
    if count == files:
        return f"{count:,} file{'s' if count != 1 else ''} skipped; every other file was loaded."
    noun = "file" if files == 1 else "files"
    return f"{count:,} entries skipped, in {files:,} {noun}; everything else was loaded."


class ProblemHeader(Widget):
    """The column titles, at the widths the rows below use."""

    DEFAULT_CSS = "ProblemHeader { height: 1; text-style: bold; color: $text-muted; background: $surface; }"

    def render(self) -> Content:
        path, reason, _ = column_widths(self.size.width)
        return Content(" " + fit("Path", path) + " " + fit("Reason", reason) + " Detail")


class ProblemList(LineList):
    """One load problem a row: path, reason, detail (literal text, controls made visible)."""

    COMPONENT_CLASSES = LineList.COMPONENT_CLASSES | {"problem-list--reason", "problem-list--detail"}
    DEFAULT_CSS = """
    ProblemList { height: auto; max-height: 30; }
    ProblemList > .problem-list--reason { color: $text-warning; }
    ProblemList > .problem-list--detail { color: $text-muted; }
    """

    def __init__(self, problems: Sequence[LoadProblem], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.problems = problems

    def on_mount(self) -> None:
        self.set_count(len(self.problems))

    def render_row(self, row: int, width: int) -> list[Segment]:
        problem = self.problems[row]
        # The path and reason columns measured on the whole widget, as the header measures them;
        # the detail takes what the scrollbar leaves.
        path_width, reason_width, _ = column_widths(self.size.width)
        detail_width = max(width - path_width - reason_width - 3, 0)
        styles = self.row_styles()
        gap = Segment(" ", styles[""])
        return [
            gap,
            Segment(fit(one_line(problem.path[:CELL_SHOWN]), path_width), styles[""]),
            gap,
            Segment(fit(problem.reason, reason_width), styles["problem-list--reason"]),
            gap,
            Segment(fit(one_line(problem.detail[:CELL_SHOWN]), detail_width), styles["problem-list--detail"]),
        ]


class LoadReportScreen(ModalScreen[None]):
    """The list of load problems; every cell is literal, so a path like `[b]x` is shown as it is."""

    BINDINGS = bindings("modal")
    DEFAULT_CSS = """
    LoadReportScreen { align: center middle; }
    LoadReportScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: round $error; background: $surface;
    }
    LoadReportScreen #summary { padding: 0 1; color: $text-muted; }
    """

    def __init__(self, problems: Sequence[LoadProblem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Files that could not be read"
            box.border_subtitle = "esc closes"
            yield Static(Content(summary(self.problems)), id="summary")
            yield ProblemHeader()
            yield ProblemList(self.problems, id="problems")

    def on_mount(self) -> None:
        self.query_one(ProblemList).focus()

    def action_close(self) -> None:
        self.dismiss()
