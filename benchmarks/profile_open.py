"""Where the time of a cursor move and of opening an article goes, in the app opened from a cache.

Drives the article list as `run.py`'s app-warm child does (cursor down through a screenful and
past it, then cursor down + enter, again and again), once the corpus is loaded and the views'
warm-up is over (so that its worker does not land in the keys). For each key it prints the wall
time to the key's last frame rendered (as run.py times it), the process's CPU time and the event
loop thread's own CPU time, medians and 95th percentiles. With `--profile`, the opens run again
under cProfile (the event loop's thread) and the functions with the most time are printed.
With `--ahead-ab`, the opens run again, every other one with what the screen made while the
cursor rested on the article (the article, and the entity panel's rows) dropped just before enter
(as if enter came before that making ran), so the two are timed alternately in one process.

    ARTICLE_EXPLORER_CACHE_DIR=KEEP/SIZE/cache-VERSION PYTHONPATH=. \\
        python benchmarks/profile_open.py KEEP/SIZE/corpus-SIZE [--opens 40] [--profile] [--dump FILE]
            [--pilot-first] [--ahead-ab]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_keys import SCREEN, KeyTime, TimedApp, enabled  # noqa: E402  (the harness run.py's app-warm child uses)
from bench_views import pct  # noqa: E402

SHOWN = 40  # functions printed by --profile


def line(name: str, keys: list[KeyTime]) -> str:
    """Wall (to the last frame), process CPU and this thread's CPU of the keys, in ms: median,
    95th percentile and least (the least is the steadiest on a busy machine)."""
    cells = []
    for values in ([k.wall for k in keys], [k.cpu for k in keys], [k.thread for k in keys]):
        cells.append(f"{statistics.median(values):.1f} / {pct(values, 0.95):.1f} / {min(values):.1f}")
    return f"| {name} ({len(keys)}) | " + " | ".join(cells) + " |"


async def ahead_ab(timed: TimedApp, pilot: Any, articles: Any, opens: int) -> tuple[list[KeyTime], list[KeyTime]]:
    """`opens` opens each way, alternately: the article made ahead taken, and dropped before enter."""
    from tui.widgets.entity_panel import EntityPanel
    from tui.widgets.reading_pane import ReadingPane

    screen = timed.app.explorer
    assert screen is not None
    pane, panel = screen.query_one(ReadingPane), screen.query_one(EntityPanel)

    @contextlib.contextmanager
    def dropped() -> Iterator[None]:
        pane._ahead = panel._ahead = None  # what `prepare` made, as if enter came first
        yield

    taken: list[KeyTime] = []
    made: list[KeyTime] = []
    for _ in range(opens):
        taken += await timed.opens(pilot, articles, 1)
        made += await timed.opens(pilot, articles, 1, around=dropped)
    return taken, made


async def drive(folder: Path, opens: int, profile: bool, dump: Path | None, pilot_first: bool, ab: bool) -> None:
    timed = TimedApp(folder, pilot_first)
    app = timed.app
    async with app.run_test(size=SCREEN) as pilot:
        started = time.perf_counter()
        await timed.loaded(pilot)
        print(f"loaded in {time.perf_counter() - started:.2f} s", flush=True)
        await app.workers.wait_for_complete()  # the views' warm-up: not in the keys
        await pilot.pause(0.3)
        articles = timed.article_list()
        articles.focus()
        await pilot.pause()
        moves = await timed.moves(pilot, articles)
        opened = await timed.opens(pilot, articles, opens)
        print(f"load average {os.getloadavg()[0]:.1f}")
        print("| key (count) | wall to last frame, median / p95 / least ms | process CPU | event-loop thread CPU |")
        print("|---|---|---|---|")
        print(line("cursor move", moves))
        print(line("open an article", opened))
        if ab:
            taken, made = await ahead_ab(timed, pilot, articles, opens)
            print(line("open, made while the cursor rested", taken))
            print(line("open, made on enter", made))
        if why := timed.distrusted():
            print(f"NOT VALID: {why}")
        if profile:
            # The opens again, only the enter keys (not the cursor moves between them) profiled.
            profiler = cProfile.Profile(time.thread_time_ns, 1e-9)  # the thread's CPU, not the wall clock
            await timed.opens(pilot, articles, opens, around=lambda: enabled(profiler))
            stats = pstats.Stats(profiler)
            if dump is not None:
                stats.dump_stats(str(dump))
            stats.sort_stats("tottime").print_stats(SHOWN)
            stats.sort_stats("cumulative").print_stats(SHOWN)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--opens", type=int, default=40, help="articles opened")
    parser.add_argument("--profile", action="store_true", help="open them again under cProfile")
    parser.add_argument("--dump", type=Path, default=None, help="write the profile here (pstats)")
    parser.add_argument("--pilot-first", action="store_true", help="pilot.pause() at once after each key, as "
                        "before (its messages to every widget then run before the key's frame)")  # fmt: skip
    parser.add_argument("--ahead-ab", action="store_true", help="open again, the article made ahead taken "
                        "and dropped alternately")  # fmt: skip
    args = parser.parse_args()
    asyncio.run(drive(args.corpus, args.opens, args.profile, args.dump, args.pilot_first, args.ahead_ab))
    return 0


if __name__ == "__main__":
    sys.exit(main())
