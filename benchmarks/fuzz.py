"""Fuzz the loader, the parser and the filter language with generated hostile input.

    .venv/bin/python benchmarks/fuzz.py                  # 1,000,000 inputs on every core
    .venv/bin/python benchmarks/fuzz.py -n 20000 -j 1    # a quick run
    .venv/bin/python benchmarks/fuzz.py --replay parse:1234   # one input again, with its traceback

Every input is made from its target and number alone (a seeded `random.Random`), so any crash
is reproduced by `--replay TARGET:NUMBER`. Inputs are grammar-aware: fragments of news prose
(names, reporting verbs, quotation marks of every kind, datelines, wire tags) mixed with what
scrapes bring (control characters, ANSI and OSC sequences, markup, right-to-left and combining
text, emoji, CJK, NUL), mutations of the bundled articles, bytes in every encoding the loader
knows and then corrupted, JSON rows of the wrong shape, and exported articles with broken offsets.

Targets (shares of the total):
  bytes   decode_bytes + parse, or the JSON Lines reader, all in memory       35%
  file    real files through the loader (a smaller share: file writes are slow)     1%
  parse   text straight into parse_text, then export and re-open                39%
  query   the filter language: a Query or an error with a position            25%

A crash is an exception, a time-out (--timeout seconds for one input) or a broken guarantee:
an offset outside the text, overlapping quotes, an export that does not re-open equal, a file
that gives neither an article nor a load-report entry, a query error outside the query.
The last line is the summary: "fuzz: 1,000,000 inputs, 0 crashes".
"""

# The fragments and texts are made in fuzz_fragments.py, bytes, JSON and queries in fuzz_inputs.py;
# fuzz_targets.py runs each input and checks its guarantees, in the processes of fuzz_worker.py.

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fuzz_worker import init_worker, make_input, run_chunk, run_one  # noqa: E402

# Each target's share of the inputs, and how many inputs one job runs.
SHARES = (("bytes", 0.35), ("file", 0.01), ("parse", 0.39), ("query", 0.25))
CHUNK = 2000


def plan(total: int) -> list[tuple[str, int]]:
    counts = {target: int(total * share) for target, share in SHARES}
    counts["parse"] += total - sum(counts.values())
    return [(t, c) for t, c in counts.items() if c]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--inputs", type=int, default=1_000_000)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds one input may take")
    parser.add_argument(
        "--out", default=str(Path(tempfile.gettempdir()) / "article-explorer-fuzz"), help="folder for crashes.jsonl"
    )
    parser.add_argument("--replay", metavar="TARGET:NUMBER", help="run one input and show its traceback")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))

    if args.replay:
        target, number = args.replay.split(":")
        init_worker(args.timeout)
        value = make_input(target, int(number), args.seed)
        print(repr(value)[:2000])
        run_one(target, value)
        print("no crash")
        return 0

    jobs = [
        (t, s, min(CHUNK, c - s), args.seed, args.timeout) for t, c in plan(args.inputs) for s in range(0, c, CHUNK)
    ]
    random.Random(args.seed).shuffle(jobs)  # every target makes progress from the start
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    crash_log = out / "crashes.jsonl"
    crash_log.write_text("")
    done: dict[str, int] = {t: 0 for t, _ in SHARES}
    crashes: list[dict] = []
    kinds: dict[tuple[str, str, str], int] = {}
    slowest = 0.0
    began = time.perf_counter()
    print(
        f"fuzz: {args.inputs:,} inputs on {args.jobs} processes, seed {args.seed}; crashes go to {crash_log}",
        flush=True,
    )
    with multiprocessing.Pool(args.jobs, initializer=init_worker, initargs=(args.timeout,)) as pool:
        for target, count, found, slow in pool.imap_unordered(run_chunk, jobs):
            done[target] += count
            slowest = max(slowest, slow)
            with crash_log.open("a") as log:
                for crash in found:
                    log.write(json.dumps(crash) + "\n")
                    key = (crash["target"], crash["error"].split(":")[0], crash["where"])
                    if key not in kinds:
                        print(
                            f"  new crash: {crash['target']}:{crash['number']} {crash['error']} at {crash['where']}",
                            flush=True,
                        )
                    kinds[key] = kinds.get(key, 0) + 1
            crashes += found
            total = sum(done.values())
            if total % 50_000 < CHUNK or total == args.inputs:
                elapsed = time.perf_counter() - began
                print(
                    f"  {total:,} inputs, {elapsed:,.0f} s, {len(crashes)} crashes "
                    f"({', '.join(f'{t} {n:,}' for t, n in done.items())})",
                    flush=True,
                )
    elapsed = time.perf_counter() - began
    for (target, kind, where), n in sorted(kinds.items()):
        print(f"  {n:,} x {target} {kind} at {where}")
    digest = hashlib.sha1(json.dumps(sorted(kinds)).encode()).hexdigest()[:8] if kinds else "-"
    print(f"slowest input: {slowest:.2f} s; kinds of crash: {len(kinds)} ({digest})")
    print(f"fuzz: {sum(done.values()):,} inputs, {len(crashes):,} crashes, {elapsed:,.0f} s")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
