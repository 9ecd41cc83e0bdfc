"""What the command line's commands share: the usage error, loading a corpus with a progress line on
standard error, and the load report written there at the end."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import LoadReport, is_url, nothing_loaded

if TYPE_CHECKING:
    from .corpus import Corpus


class UsageError(Exception):
    """A command line that cannot be run as given: one line on standard error, exit 2."""


def load(paths: list[str], cache: bool) -> Corpus:
    """Parse on every core, with progress on standard error when that is a terminal."""
    from .corpus import load_corpus, stderr_notice

    progress = Progress() if sys.stderr.isatty() else None
    try:
        return load_corpus(paths, progress=progress, cache=cache, notice=stderr_notice)
    finally:
        if progress is not None:
            progress.close()


class Progress:
    """`parsing 12,345 of 100,000 files (12%)` on one line of standard error, redrawn in place."""

    def __init__(self) -> None:
        self.started, self.shown, self.drawn = time.monotonic(), 0.0, False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total < 2 or (now - self.shown < 0.1 and done < total) or now - self.started < 0.3:
            return
        self.shown, self.drawn = now, True
        print(f"\rparsing {done:,} of {total:,} files ({100 * done // total}%)", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.drawn:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def report_nothing_loaded(paths: list[str], report: LoadReport) -> int:
    """`no articles in PATH`, after whatever the report says beyond the folder being empty."""
    named = {p if is_url(p) else str(Path(p)) for p in paths}
    report_problems(LoadReport(problems=[p for p in report.problems if not (p.reason == "empty" and p.path in named)]))
    print(f"article-explorer: {nothing_loaded(paths, report)}", file=sys.stderr)
    return 1


def report_problems(report: LoadReport) -> int:
    """The load report on standard error; exit 1 when any file was skipped."""
    for problem in report.problems:
        print(f"{'skipped' if problem.skipped else 'loaded in part:'} {problem}", file=sys.stderr)
    return 0 if report.ok else 1
