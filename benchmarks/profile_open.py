"""Where the time of a cursor move and of opening an article goes, in the app opened from a cache.

Drives the article list as `run.py`'s app-warm child does (cursor down through a screenful and
past it, then cursor down + enter, again and again), once the corpus is loaded and the views'
warm-up is over (so that its worker does not land in the keys). For each key it prints the wall
time to the key's last frame rendered (as run.py times it), the process's CPU time and the event
loop thread's own CPU time, medians and 95th percentiles. With `--profile`, the opens run again
under cProfile (the event loop's thread) and the functions with the most time are printed.

    ARTICLE_EXPLORER_CACHE_DIR=KEEP/SIZE/cache-VERSION PYTHONPATH=. \\
        python benchmarks/profile_open.py KEEP/SIZE/corpus-SIZE [--opens 40] [--profile] [--dump FILE]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_views import pct  # noqa: E402

MOVES = 120  # cursor keys: down 100 rows (a screenful and past it), then up 20
MOVES_DOWN = 100
SHOWN = 40  # functions printed by --profile


class Timings:
    """Wall (to the last frame), process CPU and this thread's CPU of each key, in ms: median,
    95th percentile and least (the least is the steadiest on a busy machine)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.thread: list[float] = []

    def line(self, name: str) -> str:
        cells = []
        for values in (self.wall, self.cpu, self.thread):
            cells.append(f"{statistics.median(values):.1f} / {pct(values, 0.95):.1f} / {min(values):.1f}")
        return f"| {name} ({len(self.wall)}) | " + " | ".join(cells) + " |"


async def drive(folder: Path, opens: int, profile: bool, dump: Path | None) -> None:
    from textual._compositor import CompositorUpdate

    from tui.app import ExplorerApp
    from tui.widgets.article_list import ArticleList

    app = ExplorerApp([folder], cache=True)
    app.animation_level = "none"
    frames: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:  # a frame, turned into a terminal's bytes
        display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
            frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.explorer
        assert screen is not None
        started = time.perf_counter()
        while not (screen.load_finished and screen.rows):
            await pilot.pause(0.02)
        print(f"loaded in {time.perf_counter() - started:.2f} s", flush=True)
        await app.workers.wait_for_complete()  # the views' warm-up: not in the keys
        await pilot.pause(0.3)
        articles = screen.query_one(ArticleList)
        articles.focus()
        await pilot.pause()

        async def key(action: Callable[[], object], into: Timings) -> None:
            frames.clear()
            cpu, thread, tick = time.process_time(), time.thread_time(), time.perf_counter()
            action()
            await pilot.pause()
            done = time.perf_counter()
            into.cpu.append((time.process_time() - cpu) * 1000)
            into.thread.append((time.thread_time() - thread) * 1000)
            into.wall.append(((frames[-1] if frames else done) - tick) * 1000)

        async def opening(into: Timings, profiler: cProfile.Profile | None = None) -> None:
            for _ in range(opens):
                articles.action_cursor_down()
                await pilot.pause()
                if profiler is not None:
                    profiler.enable()
                await key(articles.action_select, into)
                if profiler is not None:
                    profiler.disable()

        moves, opened = Timings(), Timings()
        for step in range(MOVES):
            await key(articles.action_cursor_down if step < MOVES_DOWN else articles.action_cursor_up, moves)
        await opening(opened)
        print(f"load average {os.getloadavg()[0]:.1f}")
        print("| key (count) | wall to last frame, median / p95 / least ms | process CPU | event-loop thread CPU |")
        print("|---|---|---|---|")
        print(moves.line("cursor move"))
        print(opened.line("open an article"))
        if profile:
            await profiled(opening, dump)


async def profiled(opening: Callable[[Timings, cProfile.Profile], Awaitable[None]], dump: Path | None) -> None:
    """The opens again, only the enter keys (not the cursor moves between them) profiled."""
    profiler = cProfile.Profile(time.thread_time_ns, 1e-9)  # the thread's CPU, not the wall clock
    await opening(Timings(), profiler)
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
    args = parser.parse_args()
    asyncio.run(drive(args.corpus, args.opens, args.profile, args.dump))
    return 0


if __name__ == "__main__":
    sys.exit(main())
