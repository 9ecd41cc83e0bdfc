"""The timeline view (`T`): articles and quotes per month (or week, `w`) for the current filter, with
the date range it covers; ←/→ pick a bar and `enter` narrows the filter to it (`date:`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from ..commands import bindings
from ..corpus import UNITS, Timeline, count
from ..widgets.bar_chart import BarChart
from .view_base import ViewScreen


class TimelineScreen(ViewScreen):
    BINDINGS = ViewScreen.BINDINGS + bindings("timeline")
    DEFAULT_CSS = """
    TimelineScreen .chart-label { height: 1; padding: 0 1; color: $text-muted; }
    TimelineScreen BarChart { height: 1fr; margin: 0 1; }
    TimelineScreen #picked { height: 2; padding: 0 1; background: $boost; }
    """

    def __init__(self, main) -> None:  # type: ignore[no-untyped-def]
        super().__init__(main)
        self.unit = UNITS[0]
        self.timeline: Timeline | None = None
        self.picked = -1  # -1: the last bar

    def compose_body(self) -> ComposeResult:
        yield Static(id="articles-label", classes="chart-label")
        yield BarChart(id="articles-chart")
        yield Static(id="quotes-label", classes="chart-label")
        yield BarChart(id="quotes-chart")
        yield Static(id="picked")

    def focus_body(self) -> None:
        self.query_one("#quotes-chart", BarChart).focus()  # ←/→, enter and w are the screen's

    def fetch(self, text: str) -> object:
        return self.corpus.timeline(text, self.unit)

    def show(self, data: Timeline) -> None:  # type: ignore[override]
        self.timeline = data
        if not data.buckets:
            self.picked = -1
        elif not 0 <= self.picked < len(data.buckets):
            self.picked = len(data.buckets) - 1
        self._draw()
        articles = sum(b.articles for b in data.buckets) + data.undated_articles
        quotes = sum(b.quotes for b in data.buckets) + data.undated_quotes
        undated = (
            f" · undated: {data.undated_articles:,} articles, {data.undated_quotes:,} quotes"
            if data.undated_articles or data.undated_quotes
            else ""
        )
        self.bar.show_count(articles, len(self.corpus), loading=not self.corpus.finished)
        self.status(f"{count(quotes, 'quote')} in {count(articles, 'article')} · {data.range} · per {self.unit} (w)"
                    f"{undated}")  # fmt: skip

    def _draw(self) -> None:
        data = self.timeline
        if data is None:
            return
        buckets = data.buckets
        most_articles = max((b.articles for b in buckets), default=0)
        most_quotes = max((b.quotes for b in buckets), default=0)
        self.query_one("#articles-label", Static).update(
            Content(f"articles per {self.unit} (most: {most_articles:,}) · {data.range}")
        )
        self.query_one("#quotes-label", Static).update(Content(f"quotes per {self.unit} (most: {most_quotes:,})"))
        self.query_one("#articles-chart", BarChart).show([b.articles for b in buckets], self.picked)
        self.query_one("#quotes-chart", BarChart).show([b.quotes for b in buckets], self.picked)
        picked = self.query_one("#picked", Static)
        if not buckets:
            picked.update(Content("no dated articles for this filter"))
            return
        bucket = buckets[self.picked]
        picked.update(
            Content.assemble(
                (bucket.label, "bold $accent"),
                f": {count(bucket.articles, 'article')}, {count(bucket.quotes, 'quote')}"
                f"\n←/→ pick a {self.unit} · enter narrows the filter to {bucket.filter}",
            )
        )

    def action_bar(self, step: int) -> None:
        if self.timeline and self.timeline.buckets:
            self.picked = max(0, min(len(self.timeline.buckets) - 1, self.picked + step))
            self._draw()

    def action_narrow(self) -> None:
        if not self.timeline or not self.timeline.buckets:
            return
        term = self.timeline.buckets[self.picked].filter
        words = [word for word in self.main.filter_text.split() if not word.startswith("date:")]
        self.set_filter(" ".join([*words, term]))

    def action_cycle_unit(self) -> None:
        self.unit = UNITS[(UNITS.index(self.unit) + 1) % len(UNITS)]
        self.picked = -1
        self.reload()
