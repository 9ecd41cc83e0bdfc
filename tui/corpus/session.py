"""A corpus that is read while it loads: one object owns the articles, the lock, the loading
progress and the arrivals, and every reader goes through it.

Threading rule: the loading thread is the only writer; everything else reads. Readers share the
corpus (a search in a worker, the list drawing rows, completion in the filter bar do not wait for
one another), and a writer has it alone, for the few milliseconds a batch of articles takes to
index. The writer never waits for a reader while a load is under way: when a long query is
reading, the parsed batches wait in a queue and the next batch goes in once the query is done,
so a slow filter never stalls parsing. Every public method takes the lock, and answers from one
consistent state: a search's matches and its order are computed together, so an article that
arrives between them cannot leave a stale order behind.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import cache as caching
from . import views
from .corpus import Corpus
from .corrections import Corrections
from .index import EntitySummary
from .load import iter_files
from .models import Article, LoadProblem
from .parallel import Item, ParseStream
from .people import Person
from .people_stats import Profile
from .query import QueryError
from .quote_view import QuoteRow
from .storage import SORTS, ArticleRow
from .timeline import Timeline

FIRST_ARRIVALS_SECONDS = 0.2  # how often readers hear of new articles while a corpus loads, at first
LARGE = 20_000  # past this many articles, every second is often enough (each re-runs the filter)
LARGE_ARRIVALS_SECONDS = 1.0

Arrived = Callable[[int, bool], None]  # (articles so far, finished)
Progress = Callable[[int, int], None]  # (files read, files in all)
Notice = Callable[[str], None]


@dataclass(frozen=True)
class Found:
    """What a search found: matches in load order, the same in display order, and the corpus size
    they were found in (all three from one state of the corpus)."""

    positions: list[int]
    rows: list[int]
    total: int


class _SharedLock:
    """Many readers at once, or one writer. A writer that asks without blocking is refused while
    anyone reads, so readers never wait behind a writer that is itself waiting."""

    def __init__(self) -> None:
        self._changed = threading.Condition(threading.Lock())
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._changed:
            while self._writing:
                self._changed.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._changed:
                self._readers -= 1
                if not self._readers:
                    self._changed.notify_all()

    def acquire_write(self, blocking: bool = True) -> bool:
        with self._changed:
            while self._writing or self._readers:
                if not blocking:
                    return False
                self._changed.wait()
            self._writing = True
            return True

    def release_write(self) -> None:
        with self._changed:
            self._writing = False
            self._changed.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        self.acquire_write()
        try:
            yield
        finally:
            self.release_write()


class LiveCorpus:
    """The corpus a screen shows, safe to read from any thread while `load` fills it in another."""

    def __init__(self, corpus: Corpus | None = None, corrections: Corrections | None = None) -> None:
        self._corpus = corpus if corpus is not None else Corpus()
        self._corrections = corrections or Corrections()
        self._corpus.set_corrections(self._corrections)
        self._lock = _SharedLock()
        self._files_read = (0, 0)
        self._finished = corpus is not None
        self._cancelled = threading.Event()
        self._stream: ParseStream | None = None

    # -- loading (the one writer) -------------------------------------------------------------

    def load(
        self,
        paths: Sequence[str | Path],
        *,
        arrived: Arrived | None = None,
        cache: bool = True,
        workers: int | None = None,
        notice: Notice | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Read and parse every article under `paths` into this corpus: take it whole from the
        cache, or drain the parse stream batch by batch. `arrived` is told now and then, and once
        with `finished` true at the end (unless cancelled). Never raises for bad files."""
        report = self._corpus.report
        files = list(iter_files(paths, report))
        self._progress(progress, 0, len(files))
        entry = caching.entry_for(paths, files, notice) if cache and not self.cancelled else None
        cached = entry.load() if entry is not None else None
        if cached is not None:
            cached.set_corrections(self._corrections)  # applied after parsing: the cached parse stays valid
            with self._lock.writing():
                self._corpus = cached
            self._progress(progress, len(files), len(files))
        else:
            self._stream = ParseStream(files, report, workers=workers,
                                       progress=lambda done, total: self._progress(progress, done, total))  # fmt: skip
            if self.cancelled:
                self._stream.cancel()
            self._drain(self._stream, arrived)
        if self.cancelled:
            return
        self._finished = True
        if arrived:
            arrived(len(self), True)
        if entry is not None and cached is None:
            with self._lock.reading():
                entry.save(self._corpus)

    def _drain(self, stream: ParseStream, arrived: Arrived | None) -> None:
        waiting: list[Item] = []  # parsed, not yet indexed: a reader had the corpus
        last, told = time.monotonic(), 0
        for items in stream:
            waiting += items
            if self._lock.acquire_write(blocking=False):
                self._add(waiting)
                waiting = []
            count = len(self._corpus.articles)  # this thread is the only writer: no lock to read it
            every = FIRST_ARRIVALS_SECONDS if count < LARGE else LARGE_ARRIVALS_SECONDS
            if arrived and count != told and time.monotonic() - last >= every:
                arrived(count, False)  # nothing new, nothing said: a re-search would find the same
                last, told = time.monotonic(), count
        if waiting and not self.cancelled:
            self._lock.acquire_write()
            self._add(waiting)

    def _add(self, items: list[Item]) -> None:
        """Index a batch; the caller holds the write lock, released here."""
        try:
            corpus = self._corpus
            for item in items:
                if isinstance(item, LoadProblem):
                    corpus.report.problems.append(item)
                else:
                    corpus.add_parsed(*item)
        finally:
            self._lock.release_write()

    def _progress(self, progress: Progress | None, done: int, total: int) -> None:
        self._files_read = (done, total)
        if progress:
            progress(done, total)

    def cancel(self) -> None:
        """Stop loading at once, from any thread (the app is quitting): the worker processes are
        killed, not waited for. What was indexed stays readable."""
        self._cancelled.set()
        stream = self._stream
        if stream is not None:
            stream.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def finished(self) -> bool:
        """Every article is in (or the corpus was given whole)."""
        return self._finished

    @property
    def files_read(self) -> tuple[int, int]:
        """(files read, files in all) so far."""
        return self._files_read

    @property
    def corpus(self) -> Corpus:
        """The corpus itself, for whoever has it alone (after `load`, in the same thread)."""
        return self._corpus

    # -- reading (any thread) -----------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock.reading():
            return len(self._corpus.articles)

    def search(self, text: str) -> list[int] | QueryError:
        """Positions that match a filter, in load order (everything for a blank filter)."""
        found = self.search_sorted(text, SORTS[0])
        return found if isinstance(found, QueryError) else found.positions

    def search_sorted(self, text: str, by: str) -> Found | QueryError:
        """Matches of a filter and their display order (`storage.SORTS`), from one state."""
        with self._lock.reading():
            corpus = self._corpus
            total = len(corpus.articles)
            positions = corpus.search(text) if text.strip() else list(range(total))
            if isinstance(positions, QueryError):
                return positions
            return Found(positions, corpus.articles.sorted_positions(positions, by), total)

    def sort(self, positions: Iterable[int], by: str) -> list[int]:
        """Positions (from an earlier search) in display order."""
        with self._lock.reading():
            return self._corpus.articles.sorted_positions(positions, by)

    def entities(self, positions: Iterable[int] | None = None) -> list[EntitySummary]:
        """The entities of these articles (None: all), with their counts."""
        with self._lock.reading():
            return self._corpus.index.corpus_entities(positions)

    def complete_entity(self, prefix: str, kind: str | None = None, limit: int = 20) -> list[str]:
        with self._lock.reading():
            return self._corpus.index.complete_entity(prefix, kind, limit=limit)

    def field_names(self) -> list[str]:
        return self._corpus.index.field_names()

    def article(self, position: int) -> Article:
        with self._lock.reading():
            return self._corpus.articles[position]

    def row(self, position: int) -> ArticleRow:
        """What the list shows of an article, without building it."""
        with self._lock.reading():
            return self._corpus.articles.row(position)

    def problems(self) -> list[LoadProblem]:
        """What could not be read so far."""
        with self._lock.reading():
            return list(self._corpus.report.problems)

    def problem_summary(self) -> str:
        """What was skipped, counted in files and bad lines ("1 file, 100,000 bad lines")."""
        with self._lock.reading():
            return self._corpus.report.summary()

    # -- quote by quote (views.py) ---------------------------------------------------------

    def quotes(self, text: str, by: str = "date") -> views.QuotesFound | QueryError:
        """The quotes a filter finds (`speaker:`, `quote:`, `cue:` within one quote), in order."""
        with self._lock.reading():
            return views.quotes(self._corpus, text, by)

    def warm_views(self, text: str = "") -> None:
        """Build what the views need now (seconds at 100,000 articles), not at the first keystroke."""
        with self._lock.reading():
            views.warm(self._corpus, text)

    def quote_row(self, quote: int) -> QuoteRow:
        with self._lock.reading():
            return self._corpus.quote_view().row(quote)

    def people(self, text: str) -> views.PeopleFound | QueryError:
        with self._lock.reading():
            return views.people(self._corpus, text)

    def gender_split(self, text: str, by: str) -> list[tuple[str, dict[str, int]]] | QueryError:
        """Quotes by women, men and unknown, per source or per month."""
        with self._lock.reading():
            return views.split(self._corpus, text, by)

    def person(self, person_id: str) -> Person | None:
        with self._lock.reading():
            return views.person(self._corpus, person_id)

    def person_named(self, name: str) -> Person | None:
        """The person one of whose names this is (case and accents aside), None when nobody's."""
        with self._lock.reading():
            return self._corpus.quote_view().person_named(name)

    def profile(self, person_id: str, text: str = "") -> Profile | QueryError | None:
        with self._lock.reading():
            return views.profile_of(self._corpus, person_id, text)

    def timeline(self, text: str, unit: str = "month") -> Timeline | QueryError:
        with self._lock.reading():
            return views.timeline_of(self._corpus, text, unit)

    @property
    def corrections(self) -> Corrections:
        return self._corrections

    def correct(self, corrections: Corrections) -> None:
        """Use these corrections from now on (the caller saves the file)."""
        with self._lock.reading():
            self._corrections = corrections
            self._corpus.set_corrections(corrections)

    @property
    def articles(self) -> _Articles:
        """The articles as a read-only sequence, each read under the lock."""
        return _Articles(self)


class _Articles(Sequence[Article]):
    def __init__(self, live: LiveCorpus) -> None:
        self._live = live

    def __len__(self) -> int:
        return len(self._live)

    def __getitem__(self, position):  # type: ignore[override]
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        return self._live.article(position)


def load_corpus(
    paths: Sequence[str | Path] | str | Path,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: bool = False,
    notice: Notice | None = None,
) -> Corpus:
    """Read and parse every article under `paths` (files or folders); never raises for bad files.

    `workers`: processes to parse in (None: one a core; 1: this process only; small corpora
    are always parsed here). `cache`: reuse, or else save, the parsed corpus in the user's
    cache folder (see cache.py); a cache that cannot be read or written is passed over, with
    a one-line `notice`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    live = LiveCorpus()
    live.load(paths, cache=cache, workers=workers, notice=notice, progress=progress)
    return live.corpus
