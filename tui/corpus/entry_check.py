"""The checks of a cache entry that a warm open does not wait for (cache.py): that the inputs are
the files the entry was made from (the files' half of the fingerprint, one `os.stat` a file), and
that the bulk is whole (its CRC-32, streamed through a small buffer). At a million articles they
take seconds: the corpus opens from the head at once, and this runs in a thread beside it (the
system calls and the CRC let go of the GIL, so it overlaps the unpickling on another core).

Never trusted meanwhile beyond the head: the parser's half of the fingerprint, the trailer and the
head's CRC are checked before anything is read. When the check fails, every read of the entry
raises `CacheEntryChanged` from then on (its bulk is refused), and whoever asked is told
(`when_failed`): the explorer's session then says so once and parses the files again, as when
the entry is cut short while open (damaged.py). `CacheEntry.load` waits for it: a stale or
damaged entry is None there, as it always was.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from .entry_file import CacheEntryChanged, EntryFile

if TYPE_CHECKING:
    from .cache import CacheEntry

STALE = "is stale (the corpus's files changed since it was written)"
CHUNK = 1 << 22  # an entry's CRCs (its head's, its bulk's) are checked 4 MB at a time, through one buffer
Failed = Callable[[CacheEntryChanged], object]  # its answer is not used
# A check nobody waits for runs this much nicer than the app (Linux): at a million articles it
# reads and sums 8 GB for tens of seconds, and would take a core from the views' warm-up and the UI.
BACKGROUND_NICENESS = 10
MOST_NICE = 19
# A check held until the app's views are ready (`hold`) starts after this long at most: walking a
# million files holds the GIL in Python between its system calls, and took a second or two from
# the head's unpickling and the views' warm-up on a busy two-core machine.
HELD_AT_MOST_SECONDS = 10.0


class EntryCheck:
    """The files' half of the fingerprint, then the bulk's CRC, in a thread of its own."""

    def __init__(self, entry: CacheEntry, line: str, bulk: EntryFile | None, bulk_range: tuple[int, int, int],
                 hold: threading.Event | None = None) -> None:  # fmt: skip
        """`line`: the entry's fingerprint line; `bulk_range`: the bulk's start, length and CRC-32;
        `hold`: the check begins once it is set (HELD_AT_MOST_SECONDS at most)."""
        self.entry, self.line, self.bulk, self.bulk_range = entry, line, bulk, bulk_range
        self.hold = hold
        self.stale = False
        self.damage: str | None = None  # why the entry cannot be read ("checksum mismatch"), if so
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._failed: list[Failed] = []
        self._thread = threading.Thread(target=self._run, name="cache-entry-check", daemon=True)

    def start(self) -> EntryCheck:
        self._thread.start()
        return self

    def in_background(self) -> None:
        """Nobody waits for this check (the explorer's open): it takes the cores the app leaves.
        Linux gives each thread its own niceness (by its thread id); elsewhere nothing changes."""
        thread = self._thread.native_id
        if sys.platform.startswith("linux") and thread is not None and not self.done:
            with contextlib.suppress(OSError):  # finished meanwhile, or not allowed: it runs as it is
                nice = os.getpriority(os.PRIO_PROCESS, thread)
                os.setpriority(os.PRIO_PROCESS, thread, min(MOST_NICE, nice + BACKGROUND_NICENESS))

    def wait(self) -> bool:
        """Wait for the check; True when the entry is what it says."""
        self._done.wait()
        return not (self.stale or self.damage)

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def when_failed(self, failed: Failed) -> None:
        """Call `failed` (from the check's thread, or now when it failed already) if it fails."""
        with self._lock:
            if not self._done.is_set():
                self._failed.append(failed)
                return
        if self.stale or self.damage:
            failed(self._error())

    def _run(self) -> None:
        if self.hold is not None:
            self.hold.wait(HELD_AT_MOST_SECONDS)
        try:
            self.stale = not self._inputs_unchanged()
            if not self.stale and self.bulk is not None:
                start, length, crc = self.bulk_range
                self.damage = None if self.bulk.crc32(start, length, CHUNK) == crc else "checksum mismatch"
        except CacheEntryChanged as error:  # cut short or rewritten while it was read
            self.damage = error.what
        except Exception as error:  # a check that cannot finish leaves nothing trusted
            self.damage = f"unreadable ({type(error).__name__})"
        if (self.stale or self.damage) and self.bulk is not None:
            self.bulk.refuse(self._what())
        with self._lock:
            self._done.set()
            failed, self._failed = self._failed, []
        if self.stale or self.damage:
            for tell in failed:
                tell(self._error())

    def _inputs_unchanged(self) -> bool:
        try:
            return self.entry.fingerprint == self.line
        except OSError:
            return False  # a file vanished while we looked: not the inputs the entry was made from

    def _what(self) -> str:
        return STALE if self.stale else f"is damaged ({self.damage})"

    def _error(self) -> CacheEntryChanged:
        return CacheEntryChanged(self.entry.path.name, self._what())
