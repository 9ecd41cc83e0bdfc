"""The orders the article list can take; the screen cycles through them with `s`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from ..corpus import Article
from ..corpus.storage import ArticleStore

SORTS = ("date", "title", "quotes")
UNDATED = float("-inf")


def timestamp(when: datetime | None) -> float:
    """Seconds since the epoch; a time without a zone is taken as UTC, so both kinds compare."""
    if when is None:
        return UNDATED
    return (when if when.tzinfo else when.replace(tzinfo=timezone.utc)).timestamp()


def sort_rows(articles: Sequence[Article], positions: Iterable[int], by: str) -> list[int]:
    """Positions in display order: newest first, A to Z, or most quoted first."""
    if isinstance(articles, ArticleStore):  # the corpus's own: sorted once, then looked up
        return articles.sorted_positions(positions, by)
    if by == "title":
        return sorted(positions, key=lambda p: (articles[p].title.casefold(), p))
    if by == "quotes":
        return sorted(positions, key=lambda p: (-len(articles[p].quotes), -timestamp(articles[p].date), p))
    return sorted(positions, key=lambda p: (-timestamp(articles[p].date), p))


def next_sort(current: str) -> str:
    return SORTS[(SORTS.index(current) + 1) % len(SORTS)]
