"""The parsed corpus cached in the user's cache folder, so a corpus opens again in seconds.

One entry an input (its resolved paths), in `platformdirs.user_cache_dir("article-explorer")`
or `$ARTICLE_EXPLORER_CACHE_DIR`. An entry is:

    b"article-explorer cache 2\\n"   the format
    64 hex digits + b"\\n"           fingerprint: this parser's source code, and every input
                                     file's resolved path, size, modification and change times
                                     and inode (an edit that keeps the size and puts the mtime
                                     back still changes the change time)
    bulk                            every article's text (UTF-8), record (storage.py), id, path
                                    and title, end to end; then the index's big packed runs
                                    (index.postings.RunArray: its word postings and the like)
    head: pickle (protocol 5)       the store's number columns and display orders, where each
                                    string is, the index packed into a few big arrays
                                    (index.CorpusIndex.pack) whose runs are references into
                                    the bulk, the load report
    trailer                         where the bulk and the head are, their lengths and CRC-32s

Opening an entry reads the head (unpickling a few arrays and lists of strings, not millions
of small objects), checks the bulk's CRC by streaming it through a small buffer, and maps the
file open (entry_file.EntryFile): a text or a record is read from the file when something asks
for it, so the heap holds the number columns and the index's keys and offsets, not 230 MB of
text, 170 MB of records and 100 MB of postings (100,000 articles). The runs of postings are read
a run at a time (storage.MappedArray), when a query asks for them.

A stale entry (a file changed, added or removed, or the parser changed) or a damaged one (a
CRC, a length or an offset that does not add up, a head that does not unpickle) is never
trusted: it is passed over and rewritten. Writes go to a temporary file in the same folder and
are renamed over the entry (atomic), so an open entry is never changed under a running app.
A cache that cannot be written (disk full, read-only home, no permission) costs a one-line
notice, never the load. A temporary is named after its writer (`.tmp-PID-HOST-...`): one left
by a writer that died (killed mid-save) is removed by the next save.

Hostile entries: only a regular file is opened as an entry (a FIFO would block, a link to a
device would read forever), its first lines are read with a length limit, and the bulk is read
with positional reads, not a memory map: another program cutting an entry short (or rewriting
it) while it is open costs a `CacheEntryChanged` error on the next read, never a SIGBUS that
kills the app (entry_file.py). The explorer's session (session.py) turns that error into
placeholders and a re-read of the sources; the command line into one line and exit status 1.

Why pickle and not the export's JSON Lines: JSON holds the articles but not the indexes, and
rebuilding those is most of the cost (100,000 articles: ~1 minute of tokenising, against ~1 s
to open an entry; see `make bench`). The pickle only ever comes from this program, in the
user's own cache folder, and its checksum is checked before it is read.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import pickle
import re
import socket
import stat
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

import platformdirs

from .entry_file import CacheEntryChanged as CacheEntryChanged  # re-exported: what a reader catches
from .entry_file import EntryFile

if TYPE_CHECKING:
    from .corpus import Corpus

MAGIC = b"article-explorer cache 2\n"
ENV = "ARTICLE_EXPLORER_CACHE_DIR"
MIN_BYTES = 1_000_000  # smaller inputs parse in well under a second: not worth a cache entry
# bulk start, bulk length, bulk CRC-32, head start, head length, head CRC-32
_TRAILER = struct.Struct("<QQIQQI")
_CHUNK = 1 << 22  # the bulk's CRC is checked 4 MB at a time, through one buffer
MAP_FROM = 4096  # packed runs of this many ints or more go in the bulk, mapped; smaller, in the head
_FINGERPRINT_LINE = 64 + 1  # hex digits and the newline: the most read of the second line
# Open without waiting (a FIFO would wait for a writer); the kind is checked on the open file.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
TEMP_PREFIX = ".tmp-"
_TEMP_NAME = re.compile(r"\.tmp-(\d+)-([A-Za-z0-9]*)-.*\.cache\Z")
STALE_TEMP_SECONDS = 24 * 3600  # a temporary this old is stale whoever wrote it (a reused pid)
Notice = Callable[[str], None]


def cache_dir() -> Path:
    override = os.environ.get(ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir("article-explorer"))


@functools.cache
def code_version() -> str:
    """A hash of the corpus package's code and word lists: a new parser means new results."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    # Every module, in sub-packages too, and the word lists: not bytecode caches.
    code = [p for p in package.rglob("*.py") if "__pycache__" not in p.parts]
    for path in sorted([*code, *package.glob("parsing/lexicon/*")]):
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class CacheEntry:
    path: Path
    fingerprint: str
    notice: Notice | None = None

    def load(self) -> Corpus | None:
        """The cached corpus, or None when there is none, it is stale, or it is damaged."""
        from .corpus import Corpus
        from .index import CorpusIndex
        from .storage import ArticleStore

        try:
            with open(os.open(self.path, _OPEN_FLAGS), "rb") as handle:
                opened = os.fstat(handle.fileno())
                if not stat.S_ISREG(opened.st_mode):
                    self._damaged("not a regular file")
                    return None
                magic = handle.readline(len(MAGIC))
                if magic != MAGIC:
                    if magic.startswith(MAGIC.split(b" cache ")[0] + b" cache "):
                        return None  # another version's entry: stale, and rewritten
                    self._damaged("not a cache file")
                    return None
                line = handle.readline(_FINGERPRINT_LINE)
                if line.strip().decode("ascii", "replace") != self.fingerprint:
                    return None  # stale: an input or the parser changed; it will be rewritten
                found = self._check(handle)
                if isinstance(found, str):
                    self._damaged(found)
                    return None
                head, bulk_start, bulk_length = found
                bulk: EntryFile | bytes = EntryFile(handle.fileno(), self.path, opened) if bulk_length else b""
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            self._damaged(getattr(error, "strerror", None) or type(error).__name__)
            return None
        try:
            state = _HeadReader(head, bulk, bulk_start, bulk_length).load()
            del head
            articles = ArticleStore.from_parts(state["articles"], bulk, bulk_start)
            index = CorpusIndex.unpack(state["index"], articles.texts, articles.titles)
            corpus = Corpus(articles=articles, report=state["report"], index=index)
        except Exception as error:  # a pickle from another version of the code
            self._damaged(f"unreadable ({type(error).__name__})")
            return None
        return corpus

    def _check(self, handle: io.BufferedReader) -> tuple[bytearray, int, int] | str:
        """(head, bulk start, bulk length) when every length and CRC adds up; else what is wrong."""
        start = handle.tell()
        size = os.fstat(handle.fileno()).st_size
        if size < start + _TRAILER.size:
            return "truncated"
        handle.seek(size - _TRAILER.size)
        bulk_start, bulk_length, bulk_crc, head_start, head_length, head_crc = _TRAILER.unpack(
            handle.read(_TRAILER.size)
        )
        if (bulk_start != start or head_start != bulk_start + bulk_length
                or head_start + head_length != size - _TRAILER.size):  # fmt: skip
            return "truncated or damaged"
        head = bytearray(head_length)
        handle.seek(head_start)
        if handle.readinto(head) != head_length or zlib.crc32(head) != head_crc:
            return "checksum mismatch"
        handle.seek(bulk_start)
        buffer, crc, left = bytearray(_CHUNK), 0, bulk_length
        view = memoryview(buffer)
        while left:
            got = handle.readinto(view[: min(left, _CHUNK)])
            if not got:
                return "truncated"
            crc = zlib.crc32(view[:got], crc)
            left -= got
        if crc != bulk_crc:
            return "checksum mismatch"
        return head, bulk_start, bulk_length

    def save(self, corpus: Corpus) -> bool:
        """Write the entry atomically; False (and a notice) when it cannot be written."""
        temporary: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temporaries(self.path.parent)
            handle, temporary = tempfile.mkstemp(prefix=_temp_prefix(), suffix=".cache", dir=self.path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC)
                out.write(self.fingerprint.encode("ascii") + b"\n")
                bulk_start = out.tell()
                bulk = _Summing(out)
                articles = corpus.articles.write_bulk(bulk)
                state = {"articles": articles, "index": corpus.index.pack(), "report": corpus.report}
                packed = io.BytesIO()
                _HeadWriter(packed, bulk, bulk_start).dump(state)  # its big runs go to the bulk
                head = _Summing(out)
                head.write(packed.getbuffer())
                out.write(_TRAILER.pack(bulk_start, bulk.length, bulk.crc,
                                        bulk_start + bulk.length, head.length, head.crc))  # fmt: skip
            os.replace(temporary, self.path)
            temporary = None
            return True
        except (OSError, pickle.PicklingError, RecursionError) as error:
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            self._say(f"cache not saved ({reason}): going on without it")
            return False
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _damaged(self, why: str) -> None:
        self._say(f"cache entry {self.path.name} ignored ({why}): parsing again")

    def _say(self, message: str) -> None:
        if self.notice is not None:
            self.notice(message)


class _HeadWriter(pickle.Pickler):
    """Pickles the head, writing each big packed run (index.postings.RunArray, or one a loaded
    entry mapped) to the bulk instead, and a reference to where it is in the head."""

    def __init__(self, file: BinaryIO, bulk: _Summing, bulk_start: int) -> None:
        super().__init__(file, protocol=5)
        self.bulk, self.bulk_start = bulk, bulk_start

    def persistent_id(self, obj: object) -> tuple | None:
        from .index.postings import RunArray
        from .storage import MappedArray

        if not isinstance(obj, (RunArray, MappedArray)) or len(obj) < MAP_FROM:
            return None
        where = self.bulk.length  # from the bulk's start
        self.bulk.write(obj.tobytes())
        return ("run", obj.typecode, where, len(obj))


class _HeadReader(pickle.Unpickler):
    """Unpickles the head, each reference to a run in the bulk made a MappedArray over the mapping."""

    def __init__(self, head: bytearray, mapped, bulk_start: int, bulk_length: int) -> None:
        super().__init__(io.BytesIO(head))
        self.mapped, self.bulk_start, self.bulk_length = mapped, bulk_start, bulk_length

    def persistent_load(self, pid: object) -> object:
        from .storage import MappedArray

        # cast: a head's pid can be anything; unpacking it fails as before when it is not four things,
        # and each of the four is checked below before it is used
        kind, typecode, where, length = cast("Iterable[object]", pid)
        if (kind != "run" or not isinstance(typecode, str) or typecode not in ("I", "q")
                or not isinstance(where, int) or not isinstance(length, int)):  # fmt: skip
            raise pickle.UnpicklingError("not a run")
        run = MappedArray(self.mapped, self.bulk_start + where, typecode, length)
        if where < 0 or length < 0 or where + length * run.itemsize > self.bulk_length:
            raise pickle.UnpicklingError("a run outside the bulk")
        return run


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:32]


def _temp_prefix() -> str:
    """`.tmp-PID-HOST-`: who is writing this temporary, so a dead writer's can be told apart."""
    return f"{TEMP_PREFIX}{os.getpid()}-{_host()}-"


def remove_stale_temporaries(folder: Path, now: float | None = None) -> int:
    """Remove the temporaries of writers that died mid-save (their process is gone, on this
    host), and any over a day old; how many were removed. A live writer's is left alone."""
    now = time.time() if now is None else now
    removed = 0
    try:
        names = [name for name in os.listdir(folder) if name.startswith(TEMP_PREFIX) and name.endswith(".cache")]
    except OSError:
        return 0
    host = _host()
    for name in names:
        path = folder / name
        try:
            age = now - os.lstat(path).st_mtime
        except OSError:
            continue
        match = _TEMP_NAME.match(name)
        dead = match is not None and match[2] == host and not _alive(int(match[1]))
        if dead or age > STALE_TEMP_SECONDS:
            with contextlib.suppress(OSError):
                os.unlink(path)
                removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # another user's process (EPERM), or a pid we cannot ask about: leave it
    return True


class _Summing:
    """A file wrapper that counts and checksums what pickle writes through it."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.length, self.crc = out, 0, 0

    def write(self, data: bytes | memoryview) -> int:  # memoryview: a BytesIO's buffer, not copied
        self.crc = zlib.crc32(data, self.crc)
        self.length += len(data)
        return self.out.write(data)


def entry_for(
    paths: Sequence[str | Path],
    files: Sequence[Path],
    notice: Notice | None = None,
    min_bytes: int | None = None,
) -> CacheEntry | None:
    """The cache entry for these inputs, or None when they are too small to be worth one, cannot
    be looked at, or include a feed URL (fetched on every load: it has no file to fingerprint)."""
    if any(getattr(path, "url", "") for path in files):
        return None
    try:
        inputs = [str(Path(p).resolve()) for p in paths]
        digest = hashlib.sha256(code_version().encode())
        total = 0
        lines = []
        # One os.stat a file, and an absolute path made once a folder, not Path.resolve (a few
        # syscalls a file): 100,000 files are looked at in a fraction of a second. stat follows
        # links, so a linked file's content still counts. Every file is looked at: a folder's
        # own times change when a file is added, removed or renamed, not when one is edited in
        # place, so an unchanged folder says nothing of its files' contents.
        folders: dict[str, str] = {}  # a folder as written: its absolute path, a separator at the end
        for path in files:
            text = os.fspath(path)
            base = text.rpartition(os.sep)[2]
            folder = text[: len(text) - len(base)]
            absolute = folders.get(folder)
            if absolute is None:
                absolute = os.path.abspath(folder or os.curdir)
                absolute = folders[folder] = absolute if absolute.endswith(os.sep) else absolute + os.sep
            name = absolute + base
            info = os.stat(text)
            total += info.st_size
            lines.append(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}\n")
        digest.update("".join(lines).encode("utf-8", "surrogateescape"))
    except OSError:
        return None  # a file vanished while we looked: parse, and cache next time
    if total < (MIN_BYTES if min_bytes is None else min_bytes):
        return None
    name = hashlib.sha256("\0".join(inputs).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return CacheEntry(cache_dir() / f"{name}.cache", digest.hexdigest(), notice)


def stderr_notice(message: str) -> None:
    print(f"article-explorer: {message}", file=sys.stderr)
