"""`make bench`: the explorer at scale. For each size N (default 1,000, 10,000 and 100,000) a
synthetic corpus is generated from ../shared/corpora/bbc (benchmarks/generate.py) into a
temporary folder, then, each in a fresh process so that memory figures are its own:

- cold load: parse on every core, index, save the cache; parse throughput beside a plain
  regex scan of the same text in the same run;
- load from the cache; resident memory of the fully parsed corpus;
- filtering: every keystroke of each query (each prefix as typed), search and sort, median and
  95th percentile;
- the app, headless (`run_test`), in a process of its own: first screen and first rows while
  parsing, the event loop's stalls while it loads; opened from the cache, its resident memory,
  and a cursor move and opening an article;
- the views (benchmarks/bench_views.py), in the core and in the app; then the quotes' word file
  made as the app makes it after its warm-up (in the background, ~100 s at a million articles:
  until then a `quote:` term is checked in the text), waited for here, and the app's quotes-view
  filter keystrokes timed again with the file there, as every later open of the corpus has it.

Latency of a key is measured from the call of the key's action to the end of the last frame it
caused: the compositor's update rendered to the terminal's bytes (the headless driver writes
nothing, so the benchmark renders each update itself, as a terminal app would). That leaves out
`pilot.pause()`'s own wait for the process to go idle (~20 ms whatever the app does), which the
old figure included; that harness figure (action + `pilot.pause()`) and the idle pause alone are
printed too, labelled as such. The key's first frame is awaited before the pause is called: the
pause's messages to every widget are then not handled between the key and its frame
(benchmarks/app_keys.py).

Prints figures; asserts nothing. The temporary folder (corpora and cache) is deleted after.

    python benchmarks/run.py --shared ../shared [--sizes 1000,10000,100000] [--workers N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUERIES = ["said", "blair brown", '"chief executive"', "minister -labour", "s:brown OR p:howard",
           "(economy OR growth) bank", "speaker:blair", "person:brown", "org:microsoft",
           "place:london has:quotes", "entity:google", "source:reuters", "title:profit",
           'quote:"we will"', "cue:warned", 'speaker:brown quote:"we will"', "quotes:>3", "date:2020-02",
           "date:2019-01-01..2020-02-15", "after:2024-01-01 before:2024-03-01"]  # fmt: skip
SAMPLE_FILES = 2000  # articles parsed in one process for the one-core ratio: ~5 MB, a few seconds
QUOTE_PAIRS = re.compile(r"[\"\u201c][^\"\u201d\n]*[\"\u201d]")


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# -- the measurements, each in its own process ------------------------------------------------


def child_cold(folder: Path, workers: int | None) -> dict:
    from tui.corpus import load_corpus

    first: list[float] = []
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if not first:
            first.append(time.perf_counter() - started)

    from tui.corpus.parallel import default_workers

    corpus = load_corpus([folder], workers=workers, progress=progress, cache=True, notice=print)
    seconds = time.perf_counter() - started
    articles, skipped = len(corpus), len(corpus.report.problems)
    texts = corpus.articles.texts
    size = sum(len(t.encode("utf-8")) for t in texts)
    scan = time.perf_counter()
    pairs = sum(len(QUOTE_PAIRS.findall(t)) for t in texts)
    scan = time.perf_counter() - scan
    rss = rss_mb()
    del corpus, texts
    core_parse, core_scan, core_quote_scan = one_core_speeds(folder)
    return {"articles": articles, "mb": size / 1e6, "cold_s": seconds, "first_batch_s": first[0] if first else None,
            "parse_mb_s": size / 1e6 / seconds, "regex_mb_s": size / 1e6 / scan, "pairs": pairs,
            "core_parse_mb_s": core_parse, "core_scan_mb_s": core_scan, "core_quote_scan_mb_s": core_quote_scan,
            "workers": workers or default_workers(),
            "skipped": skipped, "rss_after_cold_mb": rss}  # fmt: skip


def one_core_speeds(folder: Path) -> tuple[float, float, float]:
    """The parser in this process and the regex scan of the same texts (speed.py), on the first
    SAMPLE_FILES files: CPU seconds of one core, so the ratio holds on a busy machine."""
    from speed import QUOTE_PAIRS, parse_mb_s, scan_mb_s

    from tui.corpus.load import iter_sources
    from tui.corpus.models import LoadReport

    files = sorted(folder.rglob("*.txt"))[:SAMPLE_FILES]
    sources = list(iter_sources(files, LoadReport()))
    texts = [s.text for s in sources]
    return parse_mb_s(sources), scan_mb_s(texts), scan_mb_s(texts, QUOTE_PAIRS)


WORD_FILE_WAIT = 1800.0  # seconds the word file's build may take (a million articles: ~100 s here)
WORD_FILE_ROWS = ("filter_key_ms", "filter_key_p95_ms", "filter_key_cpu_ms")  # timed again with the file


def child_words(folder: Path) -> dict:
    """The quotes' word file made: the corpus opened and its views warmed as the app does (the
    warm-up starts the build), then the build waited for."""
    from tui.corpus import load_corpus
    from tui.corpus import views as core

    corpus = load_corpus([folder], cache=True)
    started = time.perf_counter()
    core.warm(corpus, "")
    made = corpus.quote_view().word_file_made(WORD_FILE_WAIT)
    return {"words_made": made, "words_s": time.perf_counter() - started}


def child_warm(folder: Path) -> dict:
    """Opened from the cache the explorer's way (the session hands the corpus back at once; the
    files and the entry's bulk are checked in a thread: tui/corpus/entry_check.py), then the check
    waited for: what `load_corpus` (the command line) waits for before it answers."""
    import threading

    from tui.corpus import QueryError
    from tui.corpus.session import LiveCorpus

    base = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    live = LiveCorpus()
    live.load([folder], cache=True, notice=print)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    for thread in threading.enumerate():
        if thread.name == "cache-entry-check":
            thread.join()
    checked, checked_cpu = time.perf_counter() - started, time.process_time() - cpu
    corpus = live.corpus
    out = {"open_s": seconds, "open_cpu_s": cpu_seconds, "cache_s": checked, "cache_cpu_s": checked_cpu,
           "rss_mb": rss_mb(), "corpus_mb": rss_mb() - base, "articles": len(corpus)}  # fmt: skip
    if live.damaged:
        print(f"the entry's check failed: {live.damaged}", file=sys.stderr)
    from speed import walk_and_fingerprint

    out["walk_s"], out["fingerprint_s"] = walk_and_fingerprint(folder)
    store = corpus.articles
    store.order("date")  # built once when loading ends; not a keystroke's cost
    tick = time.perf_counter()
    corpus.quote_view()  # the quote table (speaker:, quote:, cue: use it): built once, on first use
    out["quote_view_s"] = time.perf_counter() - tick
    filters = {}
    for query in QUERIES:
        times, matches = [], 0
        for _ in range(3):
            for end in range(1, len(query) + 1):
                tick = time.perf_counter()
                found = corpus.search(query[:end])
                if not isinstance(found, QueryError):
                    rows = store.sorted_positions(found, "date")
                    matches = len(rows)
                times.append((time.perf_counter() - tick) * 1000)
        filters[query] = {"median": statistics.median(times), "p95": pct(times, 0.95),
                          "max": max(times), "matches": matches}  # fmt: skip
    out["filters"] = filters
    return out


def child_app_warm(folder: Path) -> dict:
    return asyncio.run(_app_warm(folder))


async def _app_warm(folder: Path) -> dict:
    from app_keys import SCREEN, TimedApp  # the harness profile_open.py times the same keys with

    base = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    timed = TimedApp(folder)
    async with timed.app.run_test(size=SCREEN) as pilot:
        await timed.loaded(pilot)
        out: dict = {"app_open_cache_s": time.perf_counter() - started, "app_open_cpu_s": time.process_time() - cpu}
        await pilot.pause(0.3)
        out["app_rss_mb"], out["app_rss_added_mb"] = rss_mb(), rss_mb() - base
        articles = timed.article_list()
        articles.focus()
        await pilot.pause()
        idle = []
        for _ in range(30):
            tick = time.perf_counter()
            await pilot.pause()
            idle.append((time.perf_counter() - tick) * 1000)
        moves = await timed.moves(pilot, articles)
        opens = await timed.opens(pilot, articles)
        out.update({
            "idle_pause_ms": statistics.median(idle),
            "move_ms": statistics.median(m.wall for m in moves), "move_p95_ms": pct([m.wall for m in moves], 0.95),
            "move_harness_ms": statistics.median(m.harness for m in moves),
            "open_ms": statistics.median(o.wall for o in opens), "open_p95_ms": pct([o.wall for o in opens], 0.95),
            "open_harness_ms": statistics.median(o.harness for o in opens),
        })  # fmt: skip
        if why := timed.distrusted():
            raise RuntimeError(why)  # a figure of placeholders under a cold parse is no figure
        return out


def child_app_cold(folder: Path, watch_seconds: float) -> dict:
    return asyncio.run(_app_cold(folder, watch_seconds))


async def _app_cold(folder: Path, watch_seconds: float) -> dict:
    from tui.app import ExplorerApp

    started = time.perf_counter()
    app = ExplorerApp([folder], cache=False)
    app.animation_level = "none"
    out: dict = {}
    async with app.run_test(size=(120, 40)) as pilot:
        out["first_screen_s"] = time.perf_counter() - started
        screen = app.explorer
        stalls: list[float] = []
        while time.perf_counter() - started < watch_seconds and not screen.load_finished:
            tick = time.perf_counter()
            await pilot.pause(0.02)  # how late the event loop comes back is how late a key would be
            stalls.append((time.perf_counter() - tick) * 1000 - 20)
            if "first_rows_s" not in out and screen.rows:
                out["first_rows_s"] = time.perf_counter() - started
        out["loaded_while_watched"] = len(screen.corpus)
        out["stall_median_ms"] = statistics.median(stalls) if stalls else 0.0
        out["stall_p95_ms"] = pct(stalls, 0.95) if stalls else 0.0
        out["stall_max_ms"] = max(stalls) if stalls else 0.0
    out["app_cold_total_s"] = time.perf_counter() - started
    return out


# -- the parent: generate, run the children, print the table -----------------------------------


CODE_VERSION_VARIABLE = "ARTICLE_EXPLORER_BENCH_CODE"  # the code the run began with, for its children


def code_changed() -> str | None:
    """Why a child must not run: a new version of the tree finds the kept cache stale (1M: an hour)."""
    from tui.corpus.cache import code_version

    if (began := os.environ.get(CODE_VERSION_VARIABLE)) and began != code_version():
        return "the code changed since this run began: run it again (or from a fixed checkout)"
    return None


def run_child(*args: str, env: dict) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return {}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {}


def bench_size(size: int, shared: Path, workers: int | None, watch: float, keep: Path | None) -> dict:
    """One size's figures. With `keep`, the generated corpus and the cache stay in that folder:
    a later run reuses both, and its cold parse too while the parser's code is unchanged (a
    million articles take a quarter of an hour to parse here, and seconds to open again)."""
    work = keep if keep is not None else Path(tempfile.mkdtemp(prefix=f"axbench-{size}-"))
    try:
        from tui.corpus.cache import code_version

        folder = corpus_folder(size, shared, work)
        cache = work / f"cache-{code_version()[:16]}"  # one a parser version: runs of two builds
        env = {**os.environ, "ARTICLE_EXPLORER_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT),
               CODE_VERSION_VARIABLE: code_version()}  # fmt: skip
        result = {"size": size}
        result.update(cold_figures(size, folder, workers, cache, env))
        print(f"  cold load {result.get('cold_s', 0):.1f} s", flush=True)
        result.update(run_child("warm", str(folder), env=env))
        print(f"  from cache {result.get('cache_s', 0):.2f} s", flush=True)
        result.update(run_child("app-warm", str(folder), env=env))
        print(f"  app from cache: {result.get('app_rss_mb', 0):.0f} MB", flush=True)
        result.update(run_child("views-core", str(folder), env=env))
        result.update(run_child("app-views", str(folder), env=env))
        print(f"  views: warm-up {result.get('core_warm_s', 0):.2f} s", flush=True)
        result.update(run_child("words", str(folder), env=env))
        print(f"  word file: {'made' if result.get('words_made') else 'NOT made'} in {result.get('words_s', 0):.0f} s")
        if result.get("words_made"):
            again = run_child("app-views", str(folder), env=env)
            result.update({f"words_{key}": again[key] for key in WORD_FILE_ROWS if key in again})
        if watch > 0:
            result.update(run_child("app-cold", str(folder), str(watch), env=env))
        result["cache_mb"] = sum(p.stat().st_size for p in cache.glob("*.cache")) / 1e6
        result["load"] = os.getloadavg()[0]
        return result
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def corpus_folder(size: int, shared: Path, work: Path) -> Path:
    """The generated corpus of `size` articles under `work`, generated unless a kept one is whole."""
    from generate import generate

    folder, done = work / f"corpus-{size}", work / f"corpus-{size}.done"
    if done.exists():
        print(f"  reusing the {size:,} articles in {folder}", flush=True)
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    generate(size, folder, shared, seed=size)
    done.touch()
    print(f"  generated {size:,} articles in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def cold_figures(size: int, folder: Path, workers: int | None, cache: Path, env: dict) -> dict:
    """The cold load's figures: measured now, or those of a kept earlier run of the same parser
    code (its cache folder) whose cache entry is still there."""
    saved = cache / "cold.json"
    if saved.exists() and any(cache.glob("*.cache")):
        print(f"  cold load: figures of an earlier run of this code ({saved.name})", flush=True)
        return json.loads(saved.read_text())
    figures = run_child("cold", str(folder), str(workers or 0), env=env)
    if figures:
        saved.write_text(json.dumps(figures))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=ROOT.parent / "shared", type=Path)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--workers", type=int, default=None, help="parse processes (default: one a core)")
    parser.add_argument("--watch", type=float, default=15.0, help="seconds to watch the app while it parses")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep the corpora and the cache in this folder and reuse them (see bench_size)",
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder, *rest = args.child
        if changed := code_changed():
            print(changed, file=sys.stderr)
            return 2
        if kind == "cold":
            result = child_cold(Path(folder), int(rest[0]) or None)
        elif kind == "warm":
            result = child_warm(Path(folder))
        elif kind == "words":
            result = child_words(Path(folder))
        elif kind == "app-warm":
            result = child_app_warm(Path(folder))
        elif kind in ("app-views", "views-core"):
            from bench_views import child

            result = child("app" if kind == "app-views" else "core", Path(folder))
        else:
            result = child_app_cold(Path(folder), float(rest[0]))
        print(json.dumps(result))
        return 0
    if not (args.shared / "corpora" / "bbc").is_dir():
        print(f"no BBC corpus at {args.shared / 'corpora' / 'bbc'}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run_tables import print_tables
    from sizes import bench_sizes

    shared, workers, watch = args.shared.resolve(), args.workers, args.watch
    results = bench_sizes(args.sizes, args.keep, lambda size, keep: bench_size(size, shared, workers, watch, keep))

    print_tables(results, QUERIES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
