"""A corpus that is read while it loads: one object owns the articles, the lock, the loading
progress and the arrivals, and every reader goes through it.

Threading rule: the loading thread is the only writer; everything else reads. Readers share the
corpus (a search in a worker, the list drawing rows, completion in the filter bar), and a writer
has it alone for the milliseconds a batch takes to index. During a load the writer never waits
for a reader: parsed batches queue while a long query reads, so a slow filter never stalls
parsing. Every public method takes the lock and answers from one state: a search's matches and
order are computed together, never a stale order.

A corpus opened from the cache keeps most of itself in the entry's file. When another program
changes that file, every reading method catches `CacheEntryChanged`, says so once, serves
placeholders and parses the files again in a thread; the fresh corpus takes over (damaged.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from . import cache as caching
from . import damaged as damage
from . import views
from .corpus import Corpus
from .corrections import Corrections
from .entry_file import CacheEntryChanged
from .index import EntitySummary
from .models import Article, LoadProblem
from .ordered import InOrder
from .parallel import Item, ParseStream
from .people import Person
from .people_stats import Profile
from .query import QueryError
from .quote_table_file import read_ahead, side_file
from .quote_view import QuoteRow
from .session_articles import LockedArticles
from .shared_lock import SharedLock
from .storage import SORTS, ArticleRow
from .timeline import Timeline
from .walk import find_files

T = TypeVar("T")

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

    positions: Sequence[int]
    rows: Sequence[int]
    total: int


REREAD_THREAD = "reread"  # the name of the thread a damaged session parses its files again in


class LiveCorpus:
    """The corpus a screen shows, safe to read from any thread while `load` fills it in another."""

    def __init__(self, corpus: Corpus | None = None, corrections: Corrections | None = None) -> None:
        self._corpus = corpus if corpus is not None else Corpus()
        self._corrections = corrections or Corrections()
        self._corpus.set_corrections(self._corrections)
        self._lock = SharedLock()
        self._files_read = (0, 0)
        self._finished = corpus is not None
        self._cancelled = threading.Event()
        self._stream: ParseStream | None = None
        self._damage_lock = threading.Lock()
        self._damaged: str | None = None  # what placeholders say, while the cache entry cannot be read
        self._source: damage.Source | None = None  # what parsing again needs, for a corpus from the cache
        self._warmed = threading.Event()  # the views' warm-up is done (`warm_views`)

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
        reread: bool = True,
        wait: bool = False,
        check_after_warm: bool = False,
    ) -> None:
        """Read and parse every article under `paths` into this corpus: whole from the cache, or
        the parse stream drained batch by batch. `arrived` is told now and then, and once with
        `finished` true at the end (unless cancelled). Never raises for bad files. `reread`: should
        the cache entry change on disk later, parse the files again (else only placeholders); `arrived`
        (not finished) and `notice` are told then too. `wait`: for the check of the files and the
        entry (entry_check.py) before taking it; else a failed check is an entry changed on disk.
        `check_after_warm`: that check (of a corpus from the cache) waits for `warm_views`."""
        report = self._corpus.report
        self._source = damage.Source(list(paths), workers, arrived, notice, reread)  # before the check can fail
        entry = caching.entry_at(paths, notice) if cache and not wait and not self.cancelled else None
        ahead = read_ahead(entry)  # the quote table's side file, read while the entry opens
        hold = self._warmed if check_after_warm else None
        cached = entry.load_checked_later(self._damage, hold) if entry is not None else None  # the check walks
        files: Sequence[Path] = []
        if cached is None:  # the files walked and looked at now, before they are parsed
            files, ahead = find_files(paths, report), None  # a side file read ahead is of no use to a parse
            self._progress(progress, 0, len(files))
            entry = caching.entry_for(paths, files, notice) if cache and not self.cancelled else None
            cached = entry.load() if entry is not None and wait else None
        if cached is not None:
            cached.set_corrections(self._corrections)  # applied after parsing: the cached parse stays valid
            if entry is not None:
                cached.read_quote_table_from(side_file(entry, opened=True, ahead=ahead))
            with self._lock.writing():
                self._corpus = cached
            self._progress(progress, cached.report.files, cached.report.files)
        else:
            stream = ParseStream(files, report, workers=workers,
                                 progress=lambda done, total: self._progress(progress, done, total))  # fmt: skip
            self._started(stream)
            self._drain(stream, arrived)
        if self.cancelled:
            return
        self._finished = True
        if arrived:
            arrived(len(self), True)
        if entry is not None and cached is None:
            with self._lock.reading():
                if entry.save(self._corpus):
                    self._corpus.save_quote_table(side_file(entry))

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
            self._corpus.add_batch(items)
        finally:
            self._lock.release_write()

    def _started(self, stream: ParseStream) -> None:
        """A parse begins: `cancel` stops it from now on (and at once, when it came first)."""
        self._stream = stream
        if self.cancelled:
            stream.cancel()

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

    # -- a cache entry changed on disk (damaged.py) ---------------------------------------------

    @property
    def damaged(self) -> str | None:
        """What placeholders say while the cache entry cannot be read; None when all is readable."""
        return self._damaged

    def _read(self, read: Callable[[Corpus], T], instead: Callable[[Corpus, str], T]) -> T:
        """`read(corpus)` under the lock; `instead(corpus, note)` when the corpus's cache entry
        changed on disk (the first time, the session turns damaged: see `_damage`)."""
        with self._lock.reading():
            corpus = self._corpus
            try:
                return read(corpus)
            except CacheEntryChanged as error:
                return instead(corpus, self._damage(error))

    def _damage(self, error: CacheEntryChanged) -> str:
        """Turn damaged (once): say so, and parse the files again when the load said to."""
        with self._damage_lock:
            if self._damaged is not None:
                return self._damaged
            source = self._source
            rereading = source is not None and source.reread and not self.cancelled
            self._damaged = damage.REREADING if rereading else damage.REOPEN
        if source is not None and source.notice is not None and not self.cancelled:  # else: nobody to tell
            source.notice(damage.notice_for(error.name, rereading, error.what))
        if rereading and source is not None:
            threading.Thread(target=self._reread, args=(source,), name=REREAD_THREAD, daemon=True).start()
        return self._damaged

    def _reread(self, source: damage.Source) -> None:
        """Parse the files again (never from the cache) and take the result in place of the
        damaged corpus when it has as many articles; its cache entry is written anew either way
        (reopening a corpus whose files changed then opens this parse)."""
        fresh: Corpus | None = None
        try:
            fresh, files = damage.parse_again(source.paths, source.workers, self._started)
            if self.cancelled:
                return
            fresh.set_corrections(self._corrections)
            with self._lock.writing():
                whole = len(fresh.articles) == len(self._corpus.articles)
                if whole:
                    self._corpus = fresh
        except Exception as error:  # any failure leaves the placeholders, never a dead thread's traceback
            fresh, whole, why = None, False, f"{type(error).__name__}: {error}"
        else:
            why = damage.SOURCES_CHANGED
        with self._damage_lock:
            self._damaged = None if whole else damage.REOPEN
        entry = caching.entry_for(source.paths, files, source.notice) if fresh is not None else None
        if entry is not None and fresh is not None:
            with self._lock.reading():
                if entry.save(fresh):
                    fresh.save_quote_table(side_file(entry))
        if not whole:
            if source.notice is not None:
                source.notice(f"Parsing the files again did not give the corpus back ({why}): reopen the corpus")
        elif source.arrived is not None and fresh is not None:
            source.arrived(len(fresh.articles), False)  # not `finished`: the load's end was told already

    # -- reading (any thread) -----------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock.reading():
            return len(self._corpus.articles)

    def search(self, text: str) -> Sequence[int] | QueryError:
        """Positions that match a filter, in load order (everything for a blank filter)."""
        found = self.search_sorted(text, SORTS[0])
        return found if isinstance(found, QueryError) else found.positions

    def search_sorted(self, text: str, by: str) -> Found | QueryError:
        """Matches of a filter and their display order (`storage.SORTS`), from one state."""

        def read(corpus: Corpus) -> Found | QueryError:
            total = len(corpus.articles)
            positions = corpus.search(text) if text.strip() else InOrder(range(total))
            if isinstance(positions, QueryError):
                return positions
            return Found(positions, corpus.articles.sorted_positions(positions, by), total)

        return self._read(read, damage.unreadable)

    def sort(self, positions: Iterable[int], by: str) -> Sequence[int]:
        """Positions (from an earlier search) in display order."""
        positions = positions if isinstance(positions, InOrder) else list(positions)  # a search's: its mask kept
        return self._read(lambda c: c.articles.sorted_positions(positions, by), lambda c, note: sorted(positions))

    def entities(self, positions: Iterable[int] | None = None) -> list[EntitySummary]:
        """The entities of these articles (None: all), with their counts."""
        return self._read(lambda c: c.index.corpus_entities(positions), lambda c, note: [])

    def complete_entity(self, prefix: str, kind: str | None = None, limit: int = 20) -> list[str]:
        return self._read(lambda c: c.index.complete_entity(prefix, kind, limit=limit), lambda c, note: [])

    def field_names(self) -> list[str]:
        return self._corpus.index.field_names()

    def article(self, position: int) -> Article:
        return self._read(
            lambda c: c.articles[position], lambda c, note: damage.placeholder_article(c.articles, position, note)
        )

    def row(self, position: int) -> ArticleRow:
        """What the list shows of an article, without building it."""
        return self._read(
            lambda c: c.articles.row(position), lambda c, note: damage.placeholder_row(c.articles, position, note)
        )

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
        return self._read(lambda c: views.quotes(c, text, by), damage.unreadable)

    def warm_views(self, text: str = "") -> None:
        """Build what the views need now (seconds at 100,000 articles), not at the first keystroke."""
        try:
            with self._lock.reading():
                views.warm(self._corpus, text)
        finally:
            self._warmed.set()  # the entry's check, when held for this (`load`), may begin

    def quote_row(self, quote: int) -> QuoteRow:
        return self._read(
            lambda c: c.quote_view().row(quote), lambda c, note: damage.placeholder_quote_row(c, quote, note)
        )

    def people(self, text: str) -> views.PeopleFound | QueryError:
        return self._read(lambda c: views.people(c, text), damage.unreadable)

    def gender_split(self, text: str, by: str) -> list[tuple[str, dict[str, int]]] | QueryError:
        """Quotes by women, men and unknown, per source or per month."""
        return self._read(lambda c: views.split(c, text, by), damage.unreadable)

    def person(self, person_id: str) -> Person | None:
        return self._read(lambda c: views.person(c, person_id), lambda c, note: None)

    def person_named(self, name: str) -> Person | None:
        """The person one of whose names this is (case and accents aside), None when nobody's."""
        with self._lock.reading():
            return self._corpus.quote_view().person_named(name)

    def profile(self, person_id: str, text: str = "") -> Profile | QueryError | None:
        return self._read(lambda c: views.profile_of(c, person_id, text), damage.unreadable)

    def timeline(self, text: str, unit: str = "month") -> Timeline | QueryError:
        return self._read(lambda c: views.timeline_of(c, text, unit), damage.unreadable)

    @property
    def corrections(self) -> Corrections:
        return self._corrections

    def correct(self, corrections: Corrections) -> None:
        """Use these corrections from now on (the caller saves the file)."""
        with self._lock.reading():
            self._corrections = corrections
            self._corpus.set_corrections(corrections)

    @property
    def articles(self) -> LockedArticles:
        """The articles as a read-only sequence, each read under the lock."""
        return LockedArticles(self)


def load_corpus(
    paths: Sequence[str | Path] | str | Path,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: bool = False,
    notice: Notice | None = None,
) -> Corpus:
    """Read and parse every article under `paths` (files or folders); never raises for bad files.
    `workers`: processes to parse in (None: one a core; 1: this process only; small corpora are
    always parsed here). `cache`: reuse (once checked), or else save, the parsed corpus in the
    user's cache folder (cache.py); one that cannot be read or written costs a one-line `notice`."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    live = LiveCorpus()
    live.load(paths, cache=cache, workers=workers, notice=notice, progress=progress, wait=True)
    return live.corpus
