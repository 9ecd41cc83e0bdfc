"""Reading a corpus in a thread, handing the screen what has arrived in batches.

The thread lists the files, then either takes the whole parsed corpus from the cache (cache.py)
or has worker processes parse it (parallel.py), adding each batch to the screen's corpus under
its lock as it comes back. The screen is told now and then; how often grows with the corpus,
since each time it re-runs the filter over everything that has arrived.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..corpus import Corpus, LoadProblem
from ..corpus import cache as caching
from ..corpus.load import iter_files
from ..corpus.parallel import parse_sources

BATCH_SECONDS = 0.2  # how often the list grows while a corpus loads, at first
LARGE = 20_000  # past this many articles, every second is often enough

Arrived = Callable[[int, bool], None]  # (articles so far, finished)
Progress = Callable[[int, int], None]  # (files read, files in all)
Notice = Callable[[str], None]


def load_into(
    corpus: Corpus,
    lock: threading.Lock,
    paths: Sequence[Path],
    arrived: Arrived,
    *,
    cache: bool = True,
    progress: Progress | None = None,
    notice: Notice | None = None,
    stopped: Callable[[], bool] = lambda: False,
    workers: int | None = None,
) -> None:
    """Parse every source under `paths` into `corpus`, calling `arrived` now and then.

    `lock` is held while a batch is indexed, so a search in another thread never sees an index
    halfway through a change. One article that breaks the parser is reported, not fatal.
    `stopped()` true (the app is closing) ends the load early, and the workers with it.
    """
    files = list(iter_files(paths, corpus.report))
    if progress:
        progress(0, len(files))
    entry = caching.entry_for(paths, files, notice) if cache else None
    cached = entry.load() if entry is not None else None
    if cached is not None:
        with lock:
            corpus.articles, corpus.index, corpus.report = cached.articles, cached.index, cached.report
        if progress:
            progress(len(files), len(files))
        arrived(len(corpus.articles), True)
        return
    last = time.monotonic()
    batches = parse_sources(files, corpus.report, workers=workers, progress=progress)
    try:
        for items in batches:
            with lock:
                for item in items:
                    if isinstance(item, LoadProblem):
                        corpus.report.problems.append(item)
                    else:
                        corpus.add_parsed(*item)
            if stopped():
                return
            every = BATCH_SECONDS if len(corpus.articles) < LARGE else 1.0
            if time.monotonic() - last >= every:
                arrived(len(corpus.articles), False)
                last = time.monotonic()
    finally:
        batches.close()  # stops the worker processes if the load ended early
    arrived(len(corpus.articles), True)
    if entry is not None and not stopped():
        entry.save(corpus)
