"""Complexity benchmark: hostile input shapes, each parsed at N and 8N, with the ratio of CPU times.

    .venv/bin/python benchmarks/shapes.py                 # every shape, full sizes
    .venv/bin/python benchmarks/shapes.py --quick         # smaller sizes, a fast pass
    .venv/bin/python benchmarks/shapes.py --only mark_run,many_roles
    .venv/bin/python benchmarks/shapes.py --big quote_paragraph --mb 50   # one big input: time, peak memory

A linear parser takes about 8 times as long at 8N as at N; a quadratic one 64 times. A ratio above
10 is flagged. Times are CPU seconds of this process (`time.process_time`), parse only: the text is
built before the clock starts. A measurement over --timeout seconds is stopped and shown as such.
The texts are built by `shape_texts.py`, all invented; nothing comes from the evaluation data, except `bbc_joined`,
which joins the BBC corpus articles from --shared when it is there.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shape_texts import SHAPES, build
from speed import scan_mb_s

from tui.corpus.parsing.header import parse_date_value
from tui.corpus.parsing.parse import parse_text

_FLAG_RATIO = 10.0
_FLAG_SECONDS = 0.1  # a ratio is flagged only when 8N takes longer: shorter times are mostly the timer's noise
_PAUSE_GC = False  # --no-gc: parses timed with the garbage collector paused (as `make eval` times them)
_REPEATS_SMALL = 3  # parses at N; the least time counts
_REPEATS_LARGE = 2  # parses at 8N


class _TimedOut(Exception):
    pass


def _on_timeout(signum, frame):
    raise _TimedOut


def parse_once(text: str, meta: dict[str, str] | None) -> None:
    parse_text(text, meta=meta)
    if meta and "date" in meta:
        parse_date_value(meta["date"])


def timed(text: str, meta: dict[str, str] | None, timeout: float) -> float | None:
    """CPU seconds of one parse, or None past `timeout` CPU seconds."""
    gc.collect()
    if _PAUSE_GC:
        gc.disable()
    signal.signal(signal.SIGPROF, _on_timeout)
    signal.setitimer(signal.ITIMER_PROF, timeout)
    began = time.process_time()
    try:
        parse_once(text, meta)
    except _TimedOut:
        return None
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        gc.enable()
    return time.process_time() - began


def warm_up() -> None:
    """Load the lexicons and fill the caches once, so that the first shape timed does not pay for them."""
    parse_once('"Fine," said Ann Lee of Acme Bank in London. He said it was so.', {"date": "2020-01-05"})
    # The lexicons are loaded once a process: the garbage collector need not walk them at every
    # full collection, which would make a parse's time depend on their size as well as its own.
    gc.collect()
    gc.freeze()


def best_of(repeats: int, text: str, meta: dict[str, str] | None, timeout: float) -> float | None:
    """The least CPU time of `repeats` parses: the others paid for a neighbour's load on the machine."""
    times = [timed(text, meta, timeout) for _ in range(repeats)]
    return None if None in times else min(times)  # type: ignore[type-var]


def run_shapes(names: list[str], scale: float, timeout: float, shared: Path | None) -> int:
    warm_up()
    print(
        f"{'shape':<28} {'N':>7} {'chars N':>10} {'s at N':>8} {'chars 8N':>10} {'s at 8N':>8} {'ratio':>7} "
        f"{'per 8x chars':>12}"
    )
    flagged = 0
    for name in names:
        n = max(1, int(SHAPES[name][1] * scale))
        small, large = build(name, n, shared), build(name, 8 * n, shared)
        if small is None or large is None:
            print(f"{name:<28} skipped: no data")
            continue
        t_small = best_of(_REPEATS_SMALL, *small, timeout)
        t_large = best_of(_REPEATS_LARGE, *large, timeout) if t_small is not None else None
        size_small, size_large = _size(*small), _size(*large)
        ratio = t_large / max(t_small, 1e-3) if t_small is not None and t_large is not None else None
        # invented words grow longer with N: the text at 8N may be more than 8 times as long
        sized = ratio * 8 * size_small / size_large if ratio is not None else None
        bad = sized is None or sized > _FLAG_RATIO and t_large > _FLAG_SECONDS
        flagged += bad
        print(
            f"{name:<28} {n:>7} {size_small:>10,} {_seconds(t_small, timeout):>8} {size_large:>10,} "
            f"{_seconds(t_large, timeout):>8} {_ratio(ratio):>7} {_ratio(sized):>12}{'  <-- FLAG' if bad else ''}",
            flush=True,
        )
    print(
        f"shapes: {len(names)}, flagged (ratio per 8 times the characters > {_FLAG_RATIO:g} with over "
        f"{_FLAG_SECONDS:g} s at 8N, or time-out): {flagged}"
    )
    return 1 if flagged else 0


def _size(text: str, meta: dict[str, str] | None) -> int:
    """Characters of the input: the text and its metadata."""
    return len(text) + sum(map(len, (meta or {}).values()))


def _seconds(value: float | None, timeout: float) -> str:
    return f">{timeout:g}" if value is None else f"{value:.3f}"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _input_bytes(text: str, meta: dict[str, str] | None) -> int:
    """The size of an input: its text and its metadata (a JSON record's `date` can be the bulk)."""
    return len(text.encode()) + sum(len(value.encode()) for value in (meta or {}).values())


def run_big(name: str, megabytes: float, shared: Path | None, path: Path | None) -> int:
    """Build an input of `megabytes` of one shape, write it to `path` if given, parse it once."""
    target = int(megabytes * 1_000_000)
    n = max(1, int(SHAPES[name][1]))
    sample = build(name, n, shared)
    if sample is None:
        print(f"{name}: no data")
        return 1
    n = max(1, int(n * target / max(1, _input_bytes(*sample))))
    text, meta = build(name, n, shared)  # type: ignore[misc]
    if path is not None:
        path.write_text(text, encoding="utf-8")
        text = path.read_text(encoding="utf-8")
    warm_up()
    began_wall, began = time.perf_counter(), time.process_time()
    parse_once(text, meta)
    seconds, wall = time.process_time() - began, time.perf_counter() - began_wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    size = _input_bytes(text, meta)
    # a regex scan of the same text in the same run: on a loaded machine the ratio holds better than seconds
    scan = len(text.encode()) / 1e6 / scan_mb_s([text])  # of the text: metadata is not scanned
    print(
        f"{name}: {size / 1e6:.1f} MB parsed in {seconds:.1f} CPU s ({wall:.1f} s wall), "
        f"peak memory {peak:,.0f} MB; a regex scan of words and quote marks {scan:.1f} CPU s, "
        f"the parse {seconds / max(scan, 1e-3):.0f} times that; load average {os.getloadavg()[0]:.1f}"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast pass: N a quarter of the full size")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    parser.add_argument("--timeout", type=float, default=60.0, help="CPU seconds before a parse is stopped")
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder (for bbc_joined)")
    parser.add_argument("--big", metavar="SHAPE", help="parse one input of this shape of --mb megabytes")
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--write", type=Path, default=None, help="with --big: write the input here and read it back")
    parser.add_argument("--list", action="store_true", help="the shape names")
    parser.add_argument("--no-gc", action="store_true", help="time with the garbage collector paused")
    args = parser.parse_args()
    global _PAUSE_GC
    _PAUSE_GC = args.no_gc
    if args.list:
        print("\n".join(SHAPES))
        return 0
    if args.big:
        if args.big not in SHAPES:
            parser.error(f"unknown shape {args.big!r}; --list gives them")
        return run_big(args.big, args.mb, args.shared, args.write)
    names = [n for n in args.only.split(",") if n] or list(SHAPES)
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        parser.error(f"unknown shape(s): {', '.join(unknown)}")
    return run_shapes(names, 0.25 if args.quick else 1.0, args.timeout, args.shared)


if __name__ == "__main__":
    sys.exit(main())
