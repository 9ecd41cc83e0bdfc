"""The bulk of an open cache entry (cache.py), read a slice at a time when something asks for it.

Why reads and not a memory map: a mapped page past the end of a file that another program cut
short kills the process with SIGBUS, with no Python error to catch, and checking the size before
copying out of the mapping leaves a window between the check and the copy. A positional read
(`os.pread`) of a file cut short returns fewer bytes instead, so nothing can crash the reader,
whenever the file changes. The cost is the same: one system call a read, the bytes copied once
(a mapped slice is copied too), and the kernel's page cache serves both.

An entry is never changed in place by this program (a save writes a new file and renames it over
the old name; the open descriptor keeps the old file). So any change seen here is another
program's: the file's size or modification time differs from what they were when it was opened
(checked after each read, so a read that saw a change in flight sees it too), or a read comes
back short. That read, and every later one, raises `CacheEntryChanged`: what the entry held can
no longer be trusted, even if the file is later put back.
"""

from __future__ import annotations

import os
import threading
import weakref
import zlib
from pathlib import Path

HAS_PREAD = hasattr(os, "pread")  # not on Windows, which cannot cut short a file in use anyway
HAS_PREADV = hasattr(os, "preadv")  # into a buffer of ours: a checksum of gigabytes reuses one


CHANGED = "was cut short or rewritten by another program"


class CacheEntryChanged(OSError):
    """An open entry was cut short or rewritten by another program while in use, or its check
    after a warm open (cache.py) found it stale or damaged: what it held is gone. Raised by every
    read of that entry from then on."""

    def __init__(self, name: str, what: str = CHANGED) -> None:
        super().__init__(f"cache entry {name} {what}")
        self.name = name  # the entry's file name
        self.what = what  # what happened to it, after its name: "was cut short or rewritten ..."


class EntryFile:
    """Read-only bytes of an open entry: `entry[a:b]` reads bytes a to b, `entry[i]` one byte."""

    def __init__(self, descriptor: int, path: Path, opened: os.stat_result) -> None:
        """`opened`: the file's status when it was opened, before its checksums were checked, so a
        change made while they were is seen at the first read."""
        self.path = path
        self._descriptor = os.dup(descriptor)  # its own: the caller closes the one it opened with
        weakref.finalize(self, os.close, self._descriptor)
        self._size, self._modified = opened.st_size, opened.st_mtime_ns
        self._changed = False
        self._what = CHANGED
        self._seek_lock = threading.Lock()  # without pread: a seek and a read, one thread at a time

    def __len__(self) -> int:
        return self._size

    @property
    def changed(self) -> bool:
        """Another program changed the file: every read now raises `CacheEntryChanged`."""
        return self._changed

    def __getitem__(self, where: slice | int) -> bytes | int:
        if isinstance(where, int):
            at = where if where >= 0 else where + self._size
            if not 0 <= at < self._size:
                raise IndexError("entry index out of range")
            return self.read(at, at + 1)[0]
        start, stop, step = where.indices(self._size)
        if step != 1:
            raise ValueError("an entry is read in runs of bytes, not with a step")
        return self.read(start, stop)

    def read(self, start: int, stop: int) -> bytes:
        """Bytes start to stop, or `CacheEntryChanged` when the file is not what was opened."""
        if self._changed:
            raise self._error()
        wanted = max(0, stop - start)
        data = self._read_at(start, wanted) if wanted else b""
        while len(data) < wanted:  # one read gives at most ~2 GB
            more = self._read_at(start + len(data), wanted - len(data))
            if not more:
                break  # past the end: the file was cut short
            data += more
        if len(data) != wanted:
            self._changed = True
            raise self._error()
        self.check_unchanged()
        return data

    def crc32(self, start: int, length: int, chunk: int) -> int:
        """The CRC-32 of `length` bytes from `start`, read `chunk` bytes at a time into one buffer
        (the reads and the CRC let go of the GIL); `CacheEntryChanged` as for a read."""
        buffer = memoryview(bytearray(max(1, min(chunk, length))))
        crc, at, end = 0, start, start + length
        while at < end:
            if self._changed:
                raise self._error()
            view = buffer[: min(len(buffer), end - at)]
            got = self._read_into(view, at)
            if got <= 0:  # past the end: the file was cut short
                self._changed = True
                raise self._error()
            crc = zlib.crc32(view[:got], crc)
            at += got
        self.check_unchanged()
        return crc

    def check_unchanged(self) -> None:
        """`CacheEntryChanged` when the file's size or modification time is not what it was opened
        with (or an earlier read found it changed)."""
        info = os.fstat(self._descriptor)
        if info.st_size != self._size or info.st_mtime_ns != self._modified:
            self._changed = True
        if self._changed:
            raise self._error()

    def _read_into(self, view: memoryview, offset: int) -> int:
        if HAS_PREADV:
            return os.preadv(self._descriptor, [view], offset)
        data = self._read_at(offset, len(view))
        view[: len(data)] = data
        return len(data)

    def _read_at(self, offset: int, length: int) -> bytes:
        if HAS_PREAD:
            return os.pread(self._descriptor, length, offset)
        with self._seek_lock:
            os.lseek(self._descriptor, offset, os.SEEK_SET)
            return os.read(self._descriptor, length)

    def refuse(self, what: str) -> None:
        """Refuse every read from now on, saying `what` happened to the entry: its check found
        it stale or damaged after it was opened on trust."""
        self._what = what
        self._changed = True

    def _error(self) -> CacheEntryChanged:
        return CacheEntryChanged(self.path.name, self._what)
