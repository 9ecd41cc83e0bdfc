"""A parse's time budget, the loader's last line of defence against an article no rule foresaw.

A parse in this process (serial or in a thread) cannot be killed, so it gives up by itself: the
loops that grow with the text (chunks of tokens, names, sentences, quotations) call `check` once an
item, which raises `ParseTooSlow` once the budget set by `budget` is spent. The time is the
thread's CPU time, not the wall clock: on a loaded machine a wall-clock budget would give up on
articles a quiet one parses in time. A thread's CPU time is a system call to read, the wall clock
a cheap one, and the first never runs ahead of the second: `check` reads the CPU time only once
the wall clock is past the deadline.

With no budget set, `parse_text` called on its own never gives up.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

PARSE_SECONDS = 120.0  # CPU seconds one article may take in the loader before it is given up


class ParseTooSlow(Exception):
    """The parse of one article spent its budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"gave up after {seconds:g} CPU seconds")
        self.seconds = seconds


class _Budget(threading.local):
    seconds = 0.0
    wall_deadline = math.inf  # in `time.monotonic` seconds: the CPU deadline cannot come sooner
    deadline = math.inf  # in `time.thread_time` seconds


_budget = _Budget()


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Parses inside this block (in this thread) give up after `seconds` CPU seconds; None: never."""
    state = _budget
    saved = state.seconds, state.wall_deadline, state.deadline
    if seconds is None:
        state.seconds, state.wall_deadline, state.deadline = 0.0, math.inf, math.inf
    else:
        state.seconds = seconds
        state.wall_deadline, state.deadline = time.monotonic() + seconds, time.thread_time() + seconds
    try:
        yield
    finally:
        state.seconds, state.wall_deadline, state.deadline = saved


def check() -> None:
    """Raise `ParseTooSlow` when this thread's budget is spent."""
    state = _budget
    if time.monotonic() > state.wall_deadline:
        if time.thread_time() > state.deadline:
            raise ParseTooSlow(state.seconds)
        # not yet: the thread waited for the processor part of the time; look again a little later
        state.wall_deadline = time.monotonic() + (state.deadline - time.thread_time())
