"""Parsing in worker processes, one a core, with results handed back in file order.

The parent sends batches of file names (and the rows of JSON files, which it reads itself) to a
process pool; each worker reads, decodes and parses its batch and sends back, for each article,
its compact form (storage.py) and what the index needs from it (index.index_entry), never a
pydantic model, so that the parent's share of the work is a few dictionary appends an article;
an export asks instead for each article's exported text (export.py), written as it comes.
Batches come back in whatever order the workers finish them; the parent hands them on in file
order, so a parallel load gives exactly the corpus a serial one does.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import resource_tracker
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from .load import Source, is_container, read_file
from .models import Article, LoadProblem, LoadReport
from .parsing import parse_within_budget

if TYPE_CHECKING:
    from .index import IndexEntry
    from .storage import Compact

Item: TypeAlias = "tuple[Compact, IndexEntry] | LoadProblem"  # a string: the index is imported only to index
Progress = Callable[[int, int], None]
# What a worker sends back for each article: by default what the corpus keeps (`stored`); an
# export streams its own form (export.py), so no index entry or record is made only to be dropped.
Output = Callable[[Article], Any]

BATCH = 48  # articles a batch: ~0.15 s of parsing, so progress moves several times a second
SERIAL_BYTES = 1_000_000  # below this a pool costs more than it saves
IN_FLIGHT = 3  # batches queued a worker: enough to keep them busy, few enough to stop fast
FIRST_BATCH_BYTES = 200_000  # a first batch this small parses here in ~0.2 s, before workers are up
CANCEL_POLL_SECONDS = 0.1  # how long a wait for a batch goes without looking for a cancel
# Text read ahead of the parse at a time: a batch of news (~100,000 characters) in one go, while
# a batch of big files is still read a few at a time, not held whole.
READ_AHEAD_CHARS = 1_000_000


def stored(article: Article) -> tuple[Compact, IndexEntry]:
    """What the corpus keeps of a parsed article: its compact form and its index entry."""
    from .index import index_entry  # here, not above: an export's workers never index nor store
    from .storage import compact

    return compact(article), index_entry(article)


def parse_batch(work: Sequence[Source | Path], output: Output = stored, seconds: float | None = None) -> list:
    """Parse a batch (in a worker): sources, or plain-text files to read first (reading and
    decoding are worth doing in the workers too); each article as `output` makes it (a module-level
    function: it goes to the workers by name). One article that breaks the parser, or takes more
    than `seconds` CPU seconds to parse (default `budget.PARSE_SECONDS`), is reported, not fatal;
    so is a file that cannot be read."""
    out: list = []
    for chunk in _read_ahead(work):
        for source in chunk:
            if isinstance(source, LoadProblem):
                out.append(source)
                continue
            parsed = parse_within_budget(source, seconds)
            if isinstance(parsed, LoadProblem):
                out.append(parsed)
                continue
            article, notes = parsed
            out.append(output(article))
            out.extend(LoadProblem(path=source.path, reason="partly parsed", detail=note) for note in notes)
    return out


def _read_ahead(work: Sequence[Source | Path]) -> Iterator[list[Source | LoadProblem]]:
    """The batch's sources, and the problems of the files that could not be read, in batch order,
    READ_AHEAD_CHARS of text at a time: files read one after another take a third of the CPU time
    they take read each between two parses (a parse leaves the processor's caches cold for the reader)."""
    chunk: list[Source | LoadProblem] = []
    chars = 0
    for item in work:
        if isinstance(item, Path):
            report = LoadReport()
            for source in read_file(item, report):
                chunk.append(source)
                chars += len(source.text)
            chunk.extend(report.problems)
        else:
            chunk.append(item)
            chars += len(item.text)
        if chars >= READ_AHEAD_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def prepare_workers() -> None:
    """Start multiprocessing's resource tracker now, while `sys.stderr` is a real file. It hands
    its child the parent's stderr descriptor; a full-screen app replaces stderr with an object
    whose descriptor is -1 (Textual's), and a pool started then fails ("bad value(s) in
    fds_to_keep"): the corpus would be parsed in the app's own process, slowly, where quitting
    cannot stop a parse half-way. Call it before the app starts."""
    try:
        if sys.stderr is not None and sys.stderr.fileno() >= 0:
            resource_tracker.ensure_running()
    except (OSError, ValueError, AttributeError):  # no descriptor, or no processes here
        pass


def _warm() -> None:
    """Load the lexicons once a worker, before the first batch needs them; then keep what the worker
    has (modules, lexicons) out of the cyclic garbage collector: a full collection walked it all
    again every few batches, and a worker keeps nothing of a batch once it is sent."""
    from .parsing.lexicon import first_name_gender, places

    places(), first_name_gender()
    gc.freeze()


def _pool(workers: int) -> ProcessPoolExecutor:
    # Not fork: the app has threads running, and a forked child can inherit a held lock.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["tui.corpus.parallel"])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_warm)


def _size(files: Sequence[Path | Source]) -> int:
    """Bytes to parse, counted until SERIAL_BYTES: files by their size, JSON rows by their text."""
    total = 0
    for item in files:
        if not isinstance(item, Path):
            total += len(item.text)
            continue
        with contextlib.suppress(OSError):  # unreadable: the worker reports it
            total += item.stat().st_size
        if total >= SERIAL_BYTES:
            break
    return total


class ParseStream:
    """Batches of parsed articles (and parser problems) from `files`, in file order; files that cannot
    be read go straight into `report`. Another thread can stop it at once: `cancel` ends the stream and
    kills the worker processes, even mid-batch (a big file can take a worker most of a minute)."""

    def __init__(self, files: Sequence[Path], report: LoadReport, workers: int | None = None,
                 progress: Progress | None = None, output: Output = stored,
                 parse_seconds: float | None = None) -> None:  # fmt: skip
        self.files, self.report, self.progress, self.output = files, report, progress, output
        self.parse_seconds = parse_seconds  # an article's parse budget; None: budget.PARSE_SECONDS
        self.workers = default_workers() if workers is None else max(1, workers)
        self._cancelled = threading.Event()
        self._pool: ProcessPoolExecutor | None = None
        self._processes: list = []  # the pool's workers, to kill: the pool forgets them on shutdown
        self._manager: threading.Thread | None = None  # the pool's thread reading results

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """End the stream from any thread; the loop reading it stops at its next batch."""
        self._cancelled.set()
        self._kill()

    def __iter__(self) -> Iterator[list[Item]]:
        files, workers = self.files, self.workers
        batches = _batches(files, self.report)
        if workers == 1 or _size(files) < SERIAL_BYTES:
            for done, sources in batches:
                if self.cancelled:
                    return
                yield parse_batch(sources, self.output, self.parse_seconds)
                self._report(done)
            return
        try:
            self._pool = _pool(workers)
        except (OSError, ValueError, ImportError):  # no processes here (a sandbox): parse in this one
            self._pool = None
        if self.cancelled:  # cancelled while the pool was starting
            self._kill()
        pending: deque[tuple[int, list[Source | Path], Future | None]] = deque()
        try:
            for number, (done, sources) in enumerate(batches):
                if self.cancelled:
                    return
                # A small first batch is parsed here while the workers start (a second or more),
                # so the first rows show at once; a big one goes to a worker, where cancelling can
                # stop it.
                here = number == 0 and _size(sources) < FIRST_BATCH_BYTES
                pending.append((done, sources, None if here else self._submit(sources)))
                while pending and (len(pending) >= workers * IN_FLIGHT or pending[0][2] is None
                                   or pending[0][2].done()):  # fmt: skip
                    items = self._finish(pending.popleft())
                    if items is None:
                        return
                    yield items
            while pending:
                items = self._finish(pending.popleft())
                if items is None:
                    return
                yield items
        finally:
            if self.cancelled:
                self._kill()  # the pool's thread ends on its own once it has seen its workers die
            _stop(self._pool)

    def _submit(self, sources: list[Source | Path]) -> Future | None:
        if self._pool is None:
            return None
        try:
            future = self._pool.submit(parse_batch, sources, self.output, self.parse_seconds)
        except (BrokenProcessPool, RuntimeError):
            _stop(self._pool)
            self._pool = None
            return None
        # Started by the submit; kept here since cancel() may run before, or during, their start.
        self._processes = list((getattr(self._pool, "_processes", None) or {}).values()) or self._processes
        return future

    def _finish(self, batch: tuple[int, list[Source | Path], Future | None]) -> list[Item] | None:
        """The batch's items, or None once cancelled."""
        done, sources, future = batch
        try:
            items = (
                self._result(future) if future is not None else parse_batch(sources, self.output, self.parse_seconds)
            )
        except (BrokenProcessPool, CancelledError):  # a worker died (killed, out of memory), or `cancel`
            if self.cancelled:
                return None
            _stop(self._pool)  # go on without the pool
            self._pool = None
            items = parse_batch(sources, self.output, self.parse_seconds)
        if self.cancelled:
            return None
        self._report(done)
        return items

    def _result(self, future: Future) -> list[Item]:
        while True:
            try:
                return future.result(timeout=CANCEL_POLL_SECONDS)
            except TimeoutError:
                if self.cancelled:
                    raise CancelledError from None

    def _kill(self) -> None:
        """Stop the pool without waiting for the batches in its workers: terminate the processes
        (ProcessPoolExecutor has no public way to before Python 3.14). Safe to call twice."""
        pool = self._pool
        if pool is None:
            return
        processes = [*(getattr(pool, "_processes", None) or {}).values(), *self._processes]
        # Both gone from the pool after its shutdown:
        self._manager = getattr(pool, "_executor_manager_thread", None) or self._manager
        results = getattr(pool, "_result_queue", None)
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        _unblock_results(results)

    def _report(self, done: int) -> None:
        if self.progress:
            self.progress(done, len(self.files))


def _unblock_results(results: object) -> None:
    """A worker killed while sending a batch leaves half a message in the results pipe: the pool's
    thread reading it would wait for the rest forever, and the interpreter waits for that thread
    at exit (quitting the explorer hung). Once the workers are dead, this process's copy of the
    pipe's writing end is all that keeps the pipe open: closed, the reader gets end-of-file and
    the thread ends as it does for a broken pool. (Nothing in this process writes results.)"""
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()


def _stop(pool: ProcessPoolExecutor | None) -> None:
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _batches(files: Sequence[Path], report: LoadReport) -> Iterator[tuple[int, list[Source | Path]]]:
    """(files read so far, a batch of work); the last batch may be short. A plain-text file goes
    as its path, for the worker to read; a file of many articles (load.is_container) is read here,
    its rows shared out, their ids claimed in load order."""
    batch: list[Source | Path] = []
    for done, path in enumerate(files, 1):
        report.files += 1
        if is_container(path):
            work: Iterable[Source | Path] = read_file(path, report)
        else:
            work = (path,)
        for item in work:
            batch.append(item)
            if len(batch) >= BATCH:
                yield done, batch
                batch = []
    yield len(files), batch
