"""A cache entry's quote table, kept in a side file beside the entry, so a warm open does not build
it again from every article's record (15 s of CPU at 100,000 articles, minutes at a million).

The side file is named after the entry (`<entry>.quotes`) and is only ever a copy of what the
entry's records give: written by the process that writes the entry (its records are in memory
then), or by the first warm open that finds none. The entry's own format is not touched, so an
entry written by another build reads as before, and its side file is made again.

    b"article-explorer quotes 3\\n"   the format
    64 hex digits + b"\\n"            the entry's fingerprint: the side file of another state of
                                      the inputs or of the code is stale
    body                              a pickle of plain data only (no class is ever loaded): the
                                      table (quote_table_state.py: columns as bytes, strings as
                                      blobs) and the people resolver's answer for it, with the
                                      corrections' key it was made for (people_resolved.py); its
                                      big columns out of band, after it (quote_table_body.py)
    trailer                           the body's length and CRC-32

Read with the cache's rules for hostile files: only a regular file, opened without waiting, its
first lines read with a length limit, the body's length and CRC checked before it is unpickled,
and every column checked against the others (lengths, ranges, each article's quotes) before the
table takes it. The columns are read back as numpy columns over the body's bytes (no copy, no
object a quote; not even the unpickler's copy: the columns are out of band). A side file that is
absent, stale or damaged is passed over; the table is built from the records and the side file
written again (a temporary renamed into place: atomic). One that cannot be written costs nothing
but the next open's time.

The explorer's session starts reading the side file (`read_ahead`: its bytes and their CRC) in a
thread of its own as the entry begins to open, so it overlaps reading the entry's head; the views'
warm-up then finds it read. Should the entry turn out to be of another state, the read is dropped.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import stat
import struct
import tempfile
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cache import CacheEntry
from .entry_temporaries import remove_stale_temporaries, temp_prefix
from .quote_table import QuoteTable
from .quote_table_body import decode, encode
from .quote_table_state import restored_table, table_state

MAGIC = b"article-explorer quotes 3\n"
_FORMAT_LINE = b"article-explorer quotes "  # the first line of every format's side file
SUFFIX = ".quotes"
_FINGERPRINT_LINE = 64 + 1  # hex digits and the newline: the most read of the second line
_TRAILER = struct.Struct("<QI")  # body length, body CRC-32
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
Notice = Callable[[str], None]


class QuoteTableFile:
    """The side file of one cache entry (its path and fingerprint): `load` fills an empty table
    from it, `save` writes a whole table to it."""

    def __init__(self, entry: Path, fingerprint: str, notice: Notice | None = None) -> None:
        self.path = entry.with_name(entry.name + SUFFIX)
        self.fingerprint = fingerprint
        self.notice = notice
        self.ahead: ReadAhead | None = None  # the file being read in a thread, when it was started early

    def load(self, table: QuoteTable, articles: int) -> dict | None | bool:
        """Fill the (empty) table with the side file's, when it is this entry's and whole, of
        `articles` articles, and give the resolver's answer's state saved with it (None when none);
        False, the table untouched, when it is absent, stale or damaged."""
        read = self.ahead.result() if self.ahead is not None else None
        self.ahead = None  # read once: the state is the table's from now on
        if read is None or (read.unread and read.fingerprint == self.fingerprint):
            read = read_side_file(self.path)  # not read ahead, or the entry changed meanwhile
        if read.stale or (read.fingerprint is not None and read.fingerprint != self.fingerprint):
            return False  # absent, or of another format or another state of the inputs: made again quietly
        if read.why is not None or read.body is None:
            return self._damaged(read.why or "not read")
        try:
            state = decode(read.body, _PlainUnpickler)
            read.body = None  # the columns keep what they read of it
            if not isinstance(state, dict) or set(state) != {"table", "resolved"}:
                return self._damaged("not a quote table")
            restored = restored_table(state["table"], articles)
        except Exception as error:  # any pickle or any shape: damaged, never trusted
            return self._damaged(f"unreadable ({type(error).__name__})")
        if isinstance(restored, str):
            return self._damaged(restored)
        table.take(restored)
        resolved = state["resolved"]
        return resolved if isinstance(resolved, dict) else None

    def kept_at(self) -> tuple[Path, str]:
        return self.path, self.fingerprint

    def damaged(self, why: str) -> None:
        """A part read later (the resolver's answer) did not fit: said once, made again."""
        self._damaged(why)

    def save(self, table: QuoteTable, resolved: dict | None) -> None:
        """Write the whole table and the resolver's answer's state, atomically; a file that cannot
        be written is passed over."""
        temporary: str | None = None
        try:
            body = encode({"table": table_state(table), "resolved": resolved})
            remove_stale_temporaries(self.path.parent)
            # Named as the cache's temporaries are, so a writer that dies leaves one the next save removes.
            handle, temporary = tempfile.mkstemp(prefix=temp_prefix(), suffix=".cache", dir=self.path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC)
                out.write(self.fingerprint.encode("ascii") + b"\n")
                length, crc = 0, 0
                for part in body:
                    out.write(part)
                    length, crc = length + memoryview(part).nbytes, zlib.crc32(part, crc)
                out.write(_TRAILER.pack(length, crc))
            os.replace(temporary, self.path)
            temporary = None
        except (OSError, pickle.PicklingError, RecursionError):
            pass  # the next warm open builds the table from the records, as without a side file
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _damaged(self, why: str) -> bool:
        if self.notice is not None:
            self.notice(f"quote table {self.path.name} ignored ({why}): building it again")
        return False


def side_file(entry: CacheEntry, opened: bool = False, ahead: ReadAhead | None = None) -> QuoteTableFile:
    """The side file that keeps this cache entry's quote table. `opened`: of the entry as it was
    read (its fingerprint line as stored: an entry opened before its files are checked knows
    no other without walking them; should the check fail, the corpus is parsed again anyway).
    `ahead`: its reading, started before the entry was opened (`read_ahead`)."""
    stored = entry.opened_line if opened else None
    found = QuoteTableFile(entry.path, stored or entry.fingerprint, entry.notice)
    found.ahead = ahead if ahead is not None and ahead.path == found.path else None
    return found


@dataclass
class SideFileRead:
    """What reading a side file gave: its fingerprint line and its body (its length and CRC right),
    or what is wrong with it. `stale`: absent or of another format (made again quietly); a
    fingerprint other than the entry's is stale too, whatever else is wrong."""

    fingerprint: str | None = None
    body: bytes | None = None
    why: str | None = None
    stale: bool = False
    unread: bool = False  # the body was left unread: the fingerprint is not the entry's


def read_side_file(path: Path, entry: CacheEntry | None = None) -> SideFileRead:
    """Read a side file whole (unpickled by `load`). With `entry`: only when the fingerprint line is that
    entry's as stored and of this code (else the body is left unread: it is stale, made again anyway)."""
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as handle:
            opened = os.fstat(handle.fileno())
            if not stat.S_ISREG(opened.st_mode):
                return SideFileRead(why="not a regular file")
            first = handle.readline(len(MAGIC))
            if first != MAGIC:  # another build's format is stale, like another state's: made again quietly
                stale = first.startswith(_FORMAT_LINE) and first.endswith(b"\n")
                return SideFileRead(stale=True) if stale else SideFileRead(why="not a quote table file")
            line = handle.readline(_FINGERPRINT_LINE).strip().decode("ascii", "replace")
            if entry is not None and (line != _stored_line(entry.path) or not line.startswith(entry.code)):
                return SideFileRead(line, unread=True)
            body = _body(handle, opened.st_size)
    except FileNotFoundError:
        return SideFileRead(stale=True)
    except OSError as error:
        return SideFileRead(why=getattr(error, "strerror", None) or type(error).__name__)
    return SideFileRead(line, why=body) if isinstance(body, str) else SideFileRead(line, body)


def _body(handle: io.BufferedReader, size: int) -> bytes | str:
    """The body after the first lines, when its length and CRC add up; else what is wrong."""
    start = handle.tell()
    if size < start + _TRAILER.size:
        return "truncated"
    handle.seek(size - _TRAILER.size)
    length, crc = _TRAILER.unpack(handle.read(_TRAILER.size))
    if start + length + _TRAILER.size != size:
        return "truncated or damaged"
    handle.seek(start)
    body = handle.read(length)
    if len(body) != length or zlib.crc32(body) != crc:
        return "checksum mismatch"
    return body


def _stored_line(entry: Path) -> str | None:
    """An entry's fingerprint line as stored (None when it cannot be read as one)."""
    try:
        with open(os.open(entry, _OPEN_FLAGS), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            handle.readline(_FINGERPRINT_LINE)  # the format line: the entry's own open checks it
            return handle.readline(_FINGERPRINT_LINE).strip().decode("ascii", "replace")
    except OSError:
        return None


class ReadAhead:
    """A side file read in a thread of its own, started as the entry begins to open: reading the
    file's bytes and their CRC overlap the entry's head being read (both let the other thread run;
    unpickling would hold the interpreter against the head's own, so `load` does it)."""

    def __init__(self, entry: CacheEntry) -> None:
        self.path = entry.path.with_name(entry.path.name + SUFFIX)
        self._entry = entry
        self._read: SideFileRead | None = None
        self._thread = threading.Thread(target=self._run, name="quote-table-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._read = read_side_file(self.path, self._entry)

    def result(self) -> SideFileRead:
        self._thread.join()
        found, self._read = self._read, None
        return found if found is not None else SideFileRead(why="not read")


def read_ahead(entry: CacheEntry | None) -> ReadAhead | None:
    """Start reading this entry's side file now (None: no entry)."""
    return ReadAhead(entry) if entry is not None else None


class _PlainUnpickler(pickle.Unpickler):
    """Loads plain data only (bytes, str, int, list, tuple, dict): a side file names no class, so
    one that does is damaged, and nothing in it can run."""

    def find_class(self, module: str, name: str) -> object:
        raise pickle.UnpicklingError(f"a class in a quote table file: {module}.{name}")
