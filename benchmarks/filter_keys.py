"""Every keystroke of `run.py`'s QUERIES (each prefix as typed), timed with the thread's CPU time
beside the wall: search, sort, and the first screenful read (`rows[:50]`); then the End key (the
last row) of each query's full text. Opens a kept corpus from its cache, as `run.py --child warm`:

    ARTICLE_EXPLORER_CACHE_DIR=KEEP/1000000/cache-VERSION PYTHONPATH=. \\
        .venv/bin/python benchmarks/filter_keys.py KEEP/1000000/corpus-1000000 [ROUNDS]

Prints one line a query (median / p95 wall and CPU in ms, matches, a digest of the count and the
first rows, to compare two builds' answers) and one for all keystrokes.
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from run import QUERIES, pct  # noqa: E402

from tui.corpus import QueryError  # noqa: E402
from tui.corpus.session import LiveCorpus  # noqa: E402

SCREENFUL = 50  # rows the list reads for its first screen
ROUNDS = 3  # each query typed this many times, as run.py types it


def main() -> int:
    folder, rounds = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else ROUNDS
    live = LiveCorpus()
    live.load([folder], cache=True, notice=lambda *_: None)
    for thread in threading.enumerate():
        if thread.name == "cache-entry-check":
            thread.join()
    corpus = live.corpus
    store = corpus.articles
    store.order("date")  # built once when loading ends; not a keystroke's cost
    corpus.quote_view()
    every_wall: list[float] = []
    every_cpu: list[float] = []
    for query in QUERIES:
        walls, cpus, rows, first = [], [], [], []
        for _ in range(rounds):
            for end in range(1, len(query) + 1):
                cpu, tick = time.thread_time(), time.perf_counter()
                found = corpus.search(query[:end])
                if not isinstance(found, QueryError):
                    rows = store.sorted_positions(found, "date")
                    first = list(rows[:SCREENFUL])
                walls.append((time.perf_counter() - tick) * 1000)
                cpus.append((time.thread_time() - cpu) * 1000)
        digest = hashlib.md5(repr((len(rows), first)).encode()).hexdigest()[:8]
        tick = time.perf_counter()
        if rows:
            rows[-1]  # the End key: the whole order read
        end_ms = (time.perf_counter() - tick) * 1000
        every_wall += walls
        every_cpu += cpus
        print(f"{query!r:38} wall {statistics.median(walls):6.1f} / {pct(walls, 0.95):6.1f}"
              f"  cpu {statistics.median(cpus):6.1f} / {pct(cpus, 0.95):6.1f}"
              f"  matches {len(rows):>9,} {digest}  end key {end_ms:6.1f}", flush=True)  # fmt: skip
    wall = f"{statistics.median(every_wall):.1f} / {pct(every_wall, 0.95):.1f}"
    cpu = f"{statistics.median(every_cpu):.1f} / {pct(every_cpu, 0.95):.1f}"
    print(f"all keystrokes: wall {wall}, cpu {cpu} ms; load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
