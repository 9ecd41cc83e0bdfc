"""The timing harness of the app's keys, shared by run.py (its app-warm child) and profile_open.py.

The app runs headless (`run_test`); each frame the compositor sends is turned into a terminal's
bytes here (the headless driver writes nothing), as a terminal app would, and the time it was
done is noted. A key's latency is from the call of its action to the end of the last frame it
caused; `pilot.pause()`'s own wait for the process to go idle (~20 ms whatever the app does) is
left out of it, and given apart as the harness figure (action + `pilot.pause()`).

The key's first frame is awaited before `pilot.pause()` is called. The pause posts a message to
every widget on the screen (~50 here) and waits for each to handle it; called at once, those ~50
handlings ran in the event loop between the key's action and its frame, work the app does not do
in a terminal (2-3 ms of an opened article's 14-18 ms at 1M articles). `pilot_first=True` times
the keys the old way, to compare.

A key comes at least one frame period (1/60 s, Textual's MAX_FPS) after the last frame, as a
person's keys do (tens of ms apart, or 30 a second held down). Textual draws at most one frame a
period, on a fixed grid: a key right after the harness's pause (which may end with the previous
key's frame) waited up to 16.7 ms for the next tick, at random, whatever the app did (an opened
article: 7.4 ms median, its frame started 2.1 ms after the key, in one run; 14.1, started at 8.4,
in another). `BENCH_BACK_TO_BACK=1` times the keys the old way, to compare.

The keys are those of the article list: down through a screenful and past it, then up (most
steps redraw two rows, some scroll the list), then down + enter again and again (opening an article).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MOVES = 120  # cursor keys: down 100 rows (a screenful and past it), then up 20
MOVES_DOWN = 100
OPENS = 40  # articles opened, each the row under the last one
SCREEN = (120, 40)  # the terminal's columns and rows
FIRST_FRAME_WAIT = 1.0  # seconds a key's first frame is awaited; a key that draws nothing waits this
BACK_TO_BACK = os.environ.get("BENCH_BACK_TO_BACK") == "1"  # keys at once after the harness's pause, as before
TICK_MARGIN = 0.001  # seconds past a frame period: the frame timer's own sleep ends a little late
PERIODS_AWAITED = 10  # a key waits at most this many frame periods for the app's frames to stop


async def frame_period_after(last_frame: Callable[[], float]) -> None:
    """Wait until a frame period (Textual's 1/MAX_FPS) has passed since the last frame
    (`last_frame()`, a `perf_counter` time), so that the next key's frame is not held for the frame
    timer's tick. A frame drawn during the wait (a worker's answer) starts the wait again, up to
    `PERIODS_AWAITED` times."""
    from textual.constants import MAX_FPS

    for _ in range(PERIODS_AWAITED):
        wait = last_frame() + 1 / MAX_FPS + TICK_MARGIN - time.perf_counter()
        if wait <= 0 or BACK_TO_BACK:
            return
        await asyncio.sleep(wait)


@dataclass(frozen=True)
class KeyTime:
    """One key, in ms: to its last frame, action + `pilot.pause()`, process CPU, this thread's CPU."""

    wall: float
    harness: float
    cpu: float
    thread: float


class TimedApp:
    """The explorer over `folder` (from the cache), its frames timed as the module says."""

    def __init__(self, folder: Path, pilot_first: bool = False) -> None:
        from textual._compositor import CompositorUpdate

        from tui.app import ExplorerApp

        self.app = ExplorerApp([folder], cache=True)
        self.app.animation_level = "none"
        self.frames: list[float] = []  # when each frame of the key being timed was done
        self.last_frame = 0.0  # when the last frame was done, the key's or not
        self.pilot_first = pilot_first
        self.framed = asyncio.Event()  # set by each frame; bound to the loop that first awaits it
        display = self.app._display

        def timed_display(screen: Any, renderable: Any) -> None:  # a frame, turned into a terminal's bytes
            display(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(self.app.console)
                self.last_frame = time.perf_counter()
                self.frames.append(self.last_frame)
                self.framed.set()

        self.app._display = timed_display  # type: ignore[method-assign]

    async def loaded(self, pilot: Any) -> None:
        """Wait until the corpus is loaded and its first rows are listed."""
        screen = self.app.explorer
        assert screen is not None
        while not (screen.load_finished and screen.rows):
            await pilot.pause(0.02)

    def distrusted(self) -> str | None:
        """Why the keys timed are not the corpus's own, or None. A cache entry found stale or
        damaged (e.g. the corpus named by another path than the one the entry was made for: the
        files half of its fingerprint names the folder) shows placeholders, cheap to draw, while a
        cold parse of every file runs behind them: figures taken so are neither."""
        screen = self.app.explorer
        damaged = screen.corpus.damaged if screen is not None else None
        return f"the cache entry was not usable ({damaged}): the figures are not the corpus's" if damaged else None

    def article_list(self) -> Any:
        from tui.widgets.article_list import ArticleList

        screen = self.app.explorer
        assert screen is not None
        return screen.query_one(ArticleList)

    async def key(self, pilot: Any, action: Callable[[], object]) -> KeyTime:
        await frame_period_after(lambda: self.last_frame)
        self.frames.clear()
        self.framed.clear()
        cpu, thread, tick = time.process_time(), time.thread_time(), time.perf_counter()
        action()
        if not self.pilot_first:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.framed.wait(), FIRST_FRAME_WAIT)
        await pilot.pause()
        done = time.perf_counter()
        return KeyTime(((self.frames[-1] if self.frames else done) - tick) * 1000, (done - tick) * 1000,
                       (time.process_time() - cpu) * 1000, (time.thread_time() - thread) * 1000)  # fmt: skip

    async def moves(self, pilot: Any, articles: Any) -> list[KeyTime]:
        """`MOVES` cursor keys in the article list: down `MOVES_DOWN` rows, then up."""
        found = []
        for step in range(MOVES):
            move = articles.action_cursor_down if step < MOVES_DOWN else articles.action_cursor_up
            found.append(await self.key(pilot, move))
        return found

    async def opens(
        self, pilot: Any, articles: Any, count: int = OPENS, around: Callable[[], Any] = contextlib.nullcontext
    ) -> list[KeyTime]:
        """`count` times: the cursor down a row (untimed), then enter (timed, inside `around()`)."""
        found = []
        for _ in range(count):
            articles.action_cursor_down()
            await pilot.pause()
            with around():
                found.append(await self.key(pilot, articles.action_select))
        return found


@contextlib.contextmanager
def enabled(profiler: Any) -> Iterator[None]:
    """A cProfile profiler on for the block."""
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
