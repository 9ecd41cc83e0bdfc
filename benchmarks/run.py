"""`make bench`: load and parse the BBC corpus, parse throughput beside a plain regex scan,
and filter latency for the queries of the design notes. Prints figures; asserts nothing."""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

from tui.corpus import Corpus, QueryError, parse_source
from tui.corpus.lexicon import first_name_gender, places
from tui.corpus.load import iter_sources

QUERIES = ["said", "speaker:blair", "s:brown OR p:howard", "\"chief executive\"", "minister -labour",
           "place:london has:quotes", "quotes:>3", "cue:warned", "org:microsoft"]
QUOTE_PAIRS = re.compile(r"[\"\u201c][^\"\u201d\n]*[\"\u201d]")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default="../shared", type=Path)
    args = parser.parse_args()
    folder = args.shared / "corpora" / "bbc"
    if not folder.is_dir():
        print(f"no BBC corpus at {folder}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    places(), first_name_gender()
    print(f"lexicons load: {time.perf_counter() - started:.2f} s")

    corpus = Corpus()
    started = time.perf_counter()
    sources = list(iter_sources([folder], corpus.report))
    read = time.perf_counter() - started
    size = sum(len(s.text.encode("utf-8")) for s in sources)
    started = time.perf_counter()
    for source in sources:
        corpus.add(parse_source(source))
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    pairs = sum(len(QUOTE_PAIRS.findall(s.text)) for s in sources)
    scanned = time.perf_counter() - started
    print(f"read {len(sources):,} files ({size / 1e6:.1f} MB): {read:.2f} s; skipped {len(corpus.report.problems)}")
    print(f"parse + index: {parsed:.2f} s = {size / 1e6 / parsed:.2f} MB/s on one core")
    print(f"regex quote-pair scan of the same text: {scanned:.3f} s = {size / 1e6 / scanned:.0f} MB/s ({pairs:,} pairs)")

    print(f"\n| query | matches | median ms | max ms |")
    for query in QUERIES:
        times, result = [], None
        for _ in range(15):
            started = time.perf_counter()
            result = corpus.search(query)
            times.append((time.perf_counter() - started) * 1000)
        count = result.message if isinstance(result, QueryError) else f"{len(result):,}"
        print(f"| {query} | {count} | {statistics.median(times):.2f} | {max(times):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
