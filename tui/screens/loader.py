"""Reading a corpus in a thread, handing the screen what has arrived in batches."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..corpus import Corpus, LoadProblem, iter_sources, parse_source

BATCH_SECONDS = 0.2  # how often the list grows while a large corpus loads

Arrived = Callable[[int, bool], None]  # (articles so far, finished)


def load_into(corpus: Corpus, lock: threading.Lock, paths: Sequence[Path], arrived: Arrived) -> None:
    """Parse every source under `paths` into `corpus`, calling `arrived` now and then.

    `lock` is held while an article is indexed, so a search in another thread never sees an
    index halfway through a change. One article that breaks the parser is reported, not fatal.
    """
    last = time.monotonic()
    for source in iter_sources(paths, corpus.report):
        try:
            article = parse_source(source)
        except Exception as error:  # a parser bug must cost one article, not the whole load
            problem = LoadProblem(path=source.path, reason="malformed", detail=f"parser: {error}")
            corpus.report.problems.append(problem)
            continue
        with lock:
            corpus.add(article)
        if time.monotonic() - last >= BATCH_SECONDS:
            arrived(len(corpus.articles), False)
            last = time.monotonic()
    arrived(len(corpus.articles), True)
