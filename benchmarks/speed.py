"""Parser speed as a ratio to a plain regex scan of the same text, timed in the same process.

Machines (and a shared machine from one minute to the next) differ by 2x or more; a ratio to a
simple pass over the same texts, timed in CPU seconds of this process, does not. Two scans: one
finds every word and every quote mark (the least any reader of the text must do, and the goal's
measure), the other only quoted passages (a single fast regex pass, for the strictest ratio).
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Sequence
from pathlib import Path

SCAN = re.compile(r"\w+|[\"'\u201c\u201d\u2018\u2019]")
QUOTE_PAIRS = re.compile(r"[\"\u201c][^\"\u201d\n]*[\"\u201d]")
GOAL_RATIO = 40  # the parser at no less than 1/40 of the scan's speed


def scan_mb_s(texts: Sequence[str], pattern: re.Pattern = SCAN) -> float:
    """MB/s (CPU time, one core) of finding every match of `pattern` (every word and quote mark)
    in `texts`."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    started = time.process_time()
    found = 0
    for text in texts:
        found += len(pattern.findall(text))
    return size / 1e6 / max(time.process_time() - started, 1e-9)


def parse_mb_s(sources: Sequence) -> float:
    """MB/s (CPU time, one core) of parsing `sources` (tui.corpus Sources), the collector paused
    as in the loader's workers, which keep nothing."""
    from tui.corpus import parse_source
    from tui.corpus.parsing.lexicon import first_name_gender, places

    places(), first_name_gender()  # loaded once, outside the timing
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        for source in sources:
            parse_source(source)
        elapsed = time.process_time() - started
    finally:
        gc.enable()
    return size / 1e6 / max(elapsed, 1e-9)


def ratio_line(parse: float, scan: float, quote_scan: float) -> str:
    ratio = scan / parse if parse else float("inf")
    mark = "ok" if ratio <= GOAL_RATIO else "below the goal"
    return (f"parser {parse:.2f} MB/s; regex scan of words and quote marks {scan:.1f} MB/s: the parser at "
            f"1/{ratio:.0f} of it (goal 1/{GOAL_RATIO}: {mark}); scan of quoted passages only {quote_scan:.0f} "
            f"MB/s: 1/{quote_scan / parse:.0f} (one core, CPU time)")  # fmt: skip


def walk_and_fingerprint(folder: Path) -> tuple[float, float]:
    """What a warm open spends before it reads the entry: finding the files, and looking at each
    (the cache's fingerprint), timed again on their own."""
    from tui.corpus.cache import entry_for
    from tui.corpus.models import LoadReport
    from tui.corpus.walk import find_files

    tick = time.perf_counter()
    files = find_files([folder], LoadReport())
    walked = time.perf_counter()
    entry_for([folder], files)
    return walked - tick, time.perf_counter() - walked
