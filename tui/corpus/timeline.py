"""Articles and quotes per week or month, every bucket from the first dated one to the last (empty
ones too, so a chart's bars are evenly spaced in time); each bucket knows the `date:` filter that
narrows to it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

UNITS = ("month", "week")
MAX_BUCKETS = 5_000  # a corpus spanning centuries is drawn by its last buckets only
MAX_SPAN_DAYS = 200 * 366  # dates spanning more are counted by sorting them, not a cell a day


@dataclass(frozen=True)
class Bucket:
    first: date
    last: date
    articles: int
    quotes: int

    @property
    def label(self) -> str:
        if self.first.day == 1 and self.last.month == self.first.month and (self.last + timedelta(1)).day == 1:
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    @property
    def filter(self) -> str:
        """The filter term that narrows to this bucket."""
        return f"date:{self.label}"


@dataclass(frozen=True)
class Timeline:
    unit: str
    buckets: list[Bucket]
    undated_articles: int
    undated_quotes: int

    @property
    def range(self) -> str:
        if not self.buckets:
            return "no dates"
        return f"{self.buckets[0].first.isoformat()} to {self.buckets[-1].last.isoformat()}"


def _start(day: date, unit: str) -> date:
    return day.replace(day=1) if unit == "month" else day - timedelta(days=day.weekday())


def _next(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    return date(start.year + 1, 1, 1) if start.month == 12 else date(start.year, start.month + 1, 1)


def _counts(days: Iterable[int] | np.ndarray) -> dict[int, int]:
    """How many times each date ordinal comes (numpy's sort, not a Python loop over 500,000)."""
    found = np.asarray(days if isinstance(days, np.ndarray) else list(days), dtype=np.int64)
    if not len(found):
        return {}
    low, high = int(found.min()), int(found.max())
    if high - low > MAX_SPAN_DAYS:  # dates over millennia: a sort, not a count a day
        distinct, counts = np.unique(found, return_counts=True)
    else:
        counts = np.bincount(found - low)
        distinct = np.flatnonzero(counts)
        counts, distinct = counts[distinct], distinct + low
    return dict(zip(distinct.tolist(), counts.tolist(), strict=True))


def timeline(article_days: Iterable[int], quote_days: Iterable[int], unit: str = "month") -> Timeline:
    """Buckets of `unit` over date ordinals (0 for an undated article or quote)."""
    articles, quotes = _counts(article_days), _counts(quote_days)
    undated = articles.pop(0, 0), quotes.pop(0, 0)
    days = sorted(set(articles) | set(quotes))
    if not days:
        return Timeline(unit, [], *undated)
    per: dict[date, list[int]] = {}
    for ordinal in days:
        counts = per.setdefault(_start(date.fromordinal(ordinal), unit), [0, 0])
        counts[0] += articles.get(ordinal, 0)
        counts[1] += quotes.get(ordinal, 0)
    start, end = min(per), max(per)
    buckets: list[Bucket] = []
    while start <= end:
        following = _next(start, unit)
        counts = per.get(start, [0, 0])
        buckets.append(Bucket(start, following - timedelta(days=1), counts[0], counts[1]))
        start = following
    return Timeline(unit, buckets[-MAX_BUCKETS:], *undated)
