"""Parsing in worker processes, one a core, with results handed back in file order.

The parent sends batches of file names (and the rows of JSON files, which it reads itself) to a
process pool; each worker reads, decodes and parses its batch and sends back, for each article, its compact form (storage.py)
and what the index needs from it (index.index_entry), never a pydantic model, so that the
parent's share of the work is a few dictionary appends an article. Batches come back in
whatever order the workers finish them; the parent hands them on in file order, so a parallel
load gives exactly the corpus a serial one does.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .index import IndexEntry, index_entry
from .load import Source, is_container, read_file
from .models import LoadProblem, LoadReport
from .parse import parse_source
from .storage import Compact, compact

Item = tuple[Compact, IndexEntry] | LoadProblem
Progress = Callable[[int, int], None]

BATCH = 48  # articles a batch: ~0.15 s of parsing, so progress moves several times a second
SERIAL_BYTES = 1_000_000  # below this a pool costs more than it saves
IN_FLIGHT = 3  # batches queued a worker: enough to keep them busy, few enough to stop fast


def parse_batch(work: Sequence[Source | Path]) -> list[Item]:
    """Parse a batch (in a worker): sources, or plain-text files to read first (reading and
    decoding are worth doing in the workers too). One article that breaks the parser is
    reported, not fatal; so is a file that cannot be read."""
    out: list[Item] = []
    for source in _read(work, out):
        try:
            article = parse_source(source)
            out.append((compact(article), index_entry(article)))
        except Exception as error:  # a parser bug must cost one article, not the whole load
            out.append(LoadProblem(path=source.path, reason="malformed", detail=f"parser: {error}"))
    return out


def _read(work: Sequence[Source | Path], out: list[Item]) -> Iterator[Source]:
    for item in work:
        if isinstance(item, Path):
            report = LoadReport()
            yield from read_file(item, report)
            out.extend(report.problems)
        else:
            yield item


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _warm() -> None:
    """Load the lexicons once a worker, before the first batch needs them."""
    from .lexicon import first_name_gender, places

    places(), first_name_gender()


def _pool(workers: int) -> ProcessPoolExecutor:
    # Not fork: the app has threads running, and a forked child can inherit a held lock.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["tui.corpus.parallel"])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_warm)


def _size(files: Sequence[Path]) -> int:
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            pass
        if total >= SERIAL_BYTES:
            break
    return total


def parse_sources(
    files: Sequence[Path],
    report: LoadReport,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Iterator[list[Item]]:
    """Batches of parsed articles (and parser problems) from `files`, in file order.

    Files that cannot be read go straight into `report`. Closing the iterator early (the app
    quitting mid-load) cancels whatever has not started.
    """
    workers = default_workers() if workers is None else max(1, workers)
    batches = _batches(files, report)
    if workers == 1 or _size(files) < SERIAL_BYTES:
        for done, sources in batches:
            yield parse_batch(sources)
            if progress:
                progress(done, len(files))
        return
    try:
        pool = _pool(workers)
    except (OSError, ValueError, ImportError):  # no processes here (a sandbox): parse in this one
        pool = None
    pending: deque[tuple[int, list[Source], Future | None]] = deque()

    def finish() -> list[Item]:
        nonlocal pool
        done_then, sources, future = pending.popleft()
        try:
            items = future.result() if future is not None else parse_batch(sources)
        except BrokenProcessPool:  # a worker died (killed, out of memory): go on without the pool
            pool = _stop(pool)
            items = parse_batch(sources)
        if progress:
            progress(done_then, len(files))
        return items

    try:
        for done, sources in batches:
            submitted = None
            if pool is not None:
                try:
                    submitted = pool.submit(parse_batch, sources)
                except (BrokenProcessPool, RuntimeError):
                    pool = _stop(pool)
            pending.append((done, sources, submitted))
            while pending and (len(pending) >= workers * IN_FLIGHT or pending[0][2] is None
                               or pending[0][2].done()):  # fmt: skip
                yield finish()
        while pending:
            yield finish()
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor | None) -> None:
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
    return None


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
