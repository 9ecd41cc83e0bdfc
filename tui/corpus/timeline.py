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
MAX_TABLE_DAYS = 100 * 366  # dates spanning more are converted by sorting them, not a table a day


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


def month_numbers(days: np.ndarray) -> np.ndarray:
    """Date ordinals as year * 12 + month - 1, -1 for 0 (undated): a table of the months of every
    day from the first to the last (its cell 0 for the undated), looked up in one pass (no sort);
    over centuries, each distinct day once."""
    days = np.asarray(days)
    dated = days > 0
    if not dated.any():
        return np.full(len(days), -1, dtype=np.int64)
    low, high = int(np.min(days, where=dated, initial=np.iinfo(days.dtype).max)), int(days.max())
    if high - low > MAX_TABLE_DAYS:
        months = np.full(len(days), -1, dtype=np.int64)
        distinct, where = np.unique(days[dated], return_inverse=True)
        months[dated] = np.array([_month(int(day)) for day in distinct], dtype=np.int64)[where]
        return months
    table = np.array([-1, *(_month(day) for day in range(low, high + 1))], dtype=np.int64)
    return table[np.where(dated, days.astype(np.int64) - (low - 1), 0)]


def _month(ordinal: int) -> int:
    if ordinal <= 0:
        return -1
    day = date.fromordinal(ordinal)
    return day.year * 12 + day.month - 1


def month_label(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def _bucket_keys(days: np.ndarray, unit: str) -> np.ndarray:
    """Each (dated) day's bucket: its month number, or the ordinal of its week's Monday."""
    return month_numbers(days) if unit == "month" else days - (days + 6) % 7  # ordinal 1 was a Monday


def _bucket_dates(key: int, unit: str) -> tuple[date, date]:
    if unit == "week":
        return date.fromordinal(key), date.fromordinal(key + 6)
    year, month = divmod(key, 12)
    following = date(year + 1, 1, 1) if month == 11 else date(year, month + 2, 1)
    return date(year, month + 1, 1), following - timedelta(days=1)


def timeline(article_days: Iterable[int], quote_days: Iterable[int], unit: str = "month",
             months: tuple[np.ndarray, np.ndarray] | None = None) -> Timeline:  # fmt: skip
    """Buckets of `unit` over date ordinals (0 for an undated article or quote): counted with
    numpy, a Python object made only for each bucket drawn. `months`: the same articles' and
    quotes' `month_numbers`, when the caller keeps them for its corpus state (quote_columns.py),
    so a month timeline looks them up instead of working them out again on each call."""
    if unit == "month" and months is not None:
        return _month_timeline(*months)
    articles, quotes = (np.asarray(d if isinstance(d, np.ndarray) else list(d), dtype=np.int64)
                        for d in (article_days, quote_days))  # fmt: skip
    undated = int(np.count_nonzero(articles <= 0)), int(np.count_nonzero(quotes <= 0))
    keys = [_bucket_keys(days[days > 0], unit) for days in (articles, quotes)]
    every = np.concatenate(keys)
    if not len(every):
        return Timeline(unit, [], *undated)
    step = 7 if unit == "week" else 1
    low, count = int(every.min()), int(every.max() - every.min()) // step + 1
    first = max(0, count - MAX_BUCKETS)  # a corpus spanning centuries: its last buckets
    per_article, per_quote = (np.bincount((k - low) // step, minlength=count)[first:].tolist() for k in keys)
    buckets = [Bucket(*_bucket_dates(low + (first + n) * step, unit), a, q)
               for n, (a, q) in enumerate(zip(per_article, per_quote, strict=True))]  # fmt: skip
    return Timeline(unit, buckets, *undated)


def _month_timeline(article_months: np.ndarray, quote_months: np.ndarray) -> Timeline:
    """`timeline` by month from month numbers (-1: undated), each column counted in one pass over
    it: month m in cell m + 1 of its counts, the undated in cell 0 (no filtered copies)."""
    per = [np.bincount(np.asarray(months, dtype=np.int64) + 1) for months in (article_months, quote_months)]
    undated = [int(counts[0]) if len(counts) else 0 for counts in per]
    dated = [np.flatnonzero(counts[1:]) for counts in per]  # months, one cell each: a few thousand
    if not any(len(months) for months in dated):
        return Timeline("month", [], *undated)
    low = min(int(months[0]) for months in dated if len(months))
    count = max(int(months[-1]) for months in dated if len(months)) - low + 1
    first = max(0, count - MAX_BUCKETS)  # a corpus spanning centuries: its last buckets
    width = max(len(counts) for counts in per)  # the two columns' counts, of one length
    per_article, per_quote = (np.pad(counts, (0, width - len(counts)))[1 + low + first : 1 + low + count].tolist()
                              for counts in per)  # fmt: skip
    buckets = [Bucket(*_bucket_dates(low + first + n, "month"), a, q)
               for n, (a, q) in enumerate(zip(per_article, per_quote, strict=True))]  # fmt: skip
    return Timeline("month", buckets, *undated)
