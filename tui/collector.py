"""The cyclic collector run just after a frame is shown, not in the middle of a key's work.

Drawing a frame makes and drops thousands of objects; the collector's young generation, left to
itself, runs whenever `YOUNG_COLLECTED_FROM` of them pile up: inside whichever key crosses the line
(~1-3 ms a run at 1M articles, every other article opened). Here it runs a moment after each
frame has been handed to the terminal, while the user reads it: the next key starts with few young
objects, so the collector rarely runs inside it. The work is the same; it moves out of the keys.
The collector's own threshold stays as it was, for work done between frames (a worker's search).

What a key lets go of is freed then too, when the key hands it over (`let_go_after_frame`): an
opened article's old rows, each a Textual Strip with its own caches, took ~0.5 ms to free inside
the key; after the frame, the reader is reading.
"""

from __future__ import annotations

import asyncio
import gc

AFTER_FRAME_SECONDS = 0.005  # long enough for the driver's writer thread to send the frame first
YOUNG_WORTH_COLLECTING = 1_000  # fewer young objects than this: left for the next frame
MIDDLE = 1  # the middle generation; the oldest is left to the collector, which runs it only when it
# has grown by a quarter (a full run before the corpus is frozen out of its reach would take seconds)


class FrameCollector:
    """Call `frame_shown` after each frame; the collection runs `AFTER_FRAME_SECONDS` later,
    once, however many frames came meanwhile."""

    def __init__(self) -> None:
        self._pending: asyncio.TimerHandle | None = None
        self._let_go: list[object] = []  # freed once the next frame is out

    def let_go_after_frame(self, *things: object) -> None:
        """Keep `things` until the next frame is out (no frame is long in coming: the key that
        lets go of them draws one)."""
        self._let_go.extend(things)

    def frame_shown(self) -> None:
        if self._pending is not None:
            self._pending.cancel()  # another frame came: wait for the screen to be quiet
            self._pending = None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (Textual draws only from its own): the collector's own runs
            return
        self._pending = loop.call_later(AFTER_FRAME_SECONDS, self._collect)

    def cancel(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        self._let_go.clear()

    def _collect(self) -> None:
        self._pending = None
        self._let_go.clear()
        if gc.isenabled():
            collect_young()


def collect_young() -> int | None:
    """Collect as the collector would at its next run (the middle generation when due, else the
    young one), if enough young objects wait; the generation collected, or None."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] < YOUNG_WORTH_COLLECTING:
        return None
    generation = MIDDLE if counts[MIDDLE] >= thresholds[MIDDLE] else 0
    gc.collect(generation)
    return generation
