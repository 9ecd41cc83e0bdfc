"""What the explorer's session (session.py) serves when the cache entry its corpus was opened from
is changed on disk by another program (cut short, or rewritten) while it is open.

The rule: nothing raises, nothing is made up, and what can still be trusted stays.
- Kept, as before: everything the corpus holds in memory. The number columns (each article's
  date, source and number of quotes), the display orders, the articles already built (the last
  few thousand read; storage.BUILT_KEPT), and the quote table once it is built.
- Not read any more: whatever was still in the entry's file (titles, texts, records, the big
  runs of the index). A row shows its date, source and quote count with a marked title in
  place of its own; an article is a marked placeholder that says what happened and keeps its
  date and source; a filter or a view that needs the file answers with a QueryError saying so
  (the screen keeps its last good result and shows the message where filter errors go).
- Meanwhile the session parses the corpus's files again (they are never written to, and are
  still there), in a thread of its own, never reading the cache. When that parse gives as many
  articles as before, the fresh corpus takes the damaged one's place: parsing is deterministic
  and in file order, so every position means the same article and nothing on screen has to be
  forgotten. When it does not (the files changed meanwhile), or it cannot run, the session
  stays damaged and says "reopen the corpus": swapping in a corpus of another size would leave
  the screens pointing at articles that are not there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from datetime import time as clock
from pathlib import Path

from .corpus import Corpus
from .entry_file import CHANGED
from .load import iter_files
from .models import Article
from .parallel import ParseStream
from .query import QueryError
from .quote_view import QuoteRow
from .storage import ArticleRow, ArticleStore

MARK = "⚠ "
REREADING = "cache entry changed on disk — re-reading the sources"
REOPEN = "cache entry changed on disk — reopen the corpus"
SOURCES_CHANGED = "the files changed too"


@dataclass(frozen=True)
class Source:
    """What parsing a corpus from the cache again needs, should its entry change on disk."""

    paths: list[str | Path]
    workers: int | None
    arrived: Callable[[int, bool], None] | None
    notice: Callable[[str], None] | None
    reread: bool


def notice_for(file_name: str, rereading: bool, what: str = CHANGED) -> str:
    """The one notice the session gives when it finds its entry changed (`what`: how, after its
    name; a stale entry's check says the files changed)."""
    then = (
        "re-reading the files; until then what was not read yet shows as placeholders"
        if rereading
        else "what was not read yet shows as placeholders: reopen the corpus"
    )
    return f"Cache entry {file_name} {what}: {then}"


def unreadable(corpus: Corpus, note: str) -> QueryError:
    """What a filter or a view answers when the cache entry it needed changed on disk."""
    return QueryError(0, note)


def placeholder_row(store: ArticleStore, position: int, note: str) -> ArticleRow:
    """An article's row from the columns held in memory, its title in the file: marked instead."""
    return ArticleRow(store.day(position), MARK + note, store.sources[position], store.quote_counts[position])


def placeholder_article(store: ArticleStore, position: int, note: str) -> Article:
    """An article that can no longer be read: what is known of it, and why the rest is missing."""
    day = store.day(position)
    text = (
        f"This article could not be read: {note}.\n\n"
        "The cache entry the corpus was opened from was cut short or rewritten by another "
        "program while the explorer had it open, and the article's text and quotes were kept "
        "there. The corpus's own files are untouched."
    )
    return Article(
        id=f"#{position + 1}",
        path="",
        title=MARK + note,
        published=datetime.combine(day, clock()) if day is not None else None,
        source=store.sources[position],
        text=text,
    )


def placeholder_quote_row(corpus: Corpus, quote: int, note: str) -> QuoteRow:
    """A quote's row from the quote table (in memory), its words and title marked instead. Only
    asked for a quote a view listed, so the table is built; not refreshed (that reads records)."""
    view = corpus._quote_view
    if view is None:
        raise IndexError("no quote table")
    table, store = view.table, view.store
    position = table.article[quote]
    return QuoteRow(
        quote,
        position,
        table.number[quote],
        store.day(position),
        view.speaker_name(quote),
        view.person[quote],
        table.kind_of(quote),
        MARK + note,
        store.sources[position],
        MARK + note,
    )


def parse_again(
    paths: Sequence[str | Path], workers: int | None, started: Callable[[ParseStream], None]
) -> tuple[Corpus, list[Path]]:
    """The corpus parsed from its files again, never from the cache, and the files it read;
    `started` is handed the parse stream (to cancel it)."""
    fresh = Corpus()
    files = list(iter_files(paths, fresh.report))
    stream = ParseStream(files, fresh.report, workers=workers)
    started(stream)
    for items in stream:
        fresh.add_batch(items)
    return fresh, files
