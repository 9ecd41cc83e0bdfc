"""The lock a live corpus (session.py) is read and written under: many readers at once, or one
writer, and a writer that asks without blocking never makes readers wait."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class SharedLock:
    """Many readers at once, or one writer. A writer that asks without blocking is refused while
    anyone reads, so readers never wait behind a writer that is itself waiting."""

    def __init__(self) -> None:
        self._changed = threading.Condition(threading.Lock())
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._changed:
            while self._writing:
                self._changed.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._changed:
                self._readers -= 1
                if not self._readers:
                    self._changed.notify_all()

    def acquire_write(self, blocking: bool = True) -> bool:
        with self._changed:
            while self._writing or self._readers:
                if not blocking:
                    return False
                self._changed.wait()
            self._writing = True
            return True

    def release_write(self) -> None:
        with self._changed:
            self._writing = False
            self._changed.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        self.acquire_write()
        try:
            yield
        finally:
            self.release_write()
