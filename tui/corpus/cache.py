"""The parsed corpus cached in the user's cache folder, so a corpus opens again in seconds.

One entry an input (its resolved paths), in `platformdirs.user_cache_dir("article-explorer")`
or `$ARTICLE_EXPLORER_CACHE_DIR`. An entry is:

    b"article-explorer cache 2\\n"   the format
    64 hex digits + b"\\n"           fingerprint: 32 of this parser's source code, then 32 of
                                     every input file's resolved path, size, modification and
                                     change times and inode (an edit that keeps the size and puts
                                     the mtime back still changes the change time): fingerprint.py
    bulk                            every article's text (UTF-8), record (storage.py), id, path
                                    and title, end to end; then the index's big packed runs
                                    (index.postings.RunArray: its word postings and the like)
    head: pickle (protocol 5)       the store's number columns and display orders, where each
                                    string is, the index packed into a few big arrays
                                    (index.CorpusIndex.pack) whose runs are references into
                                    the bulk, the load report
    trailer                         where the bulk and the head are, their lengths and CRC-32s

Opening an entry checks the parser's half of the fingerprint, reads the head (its CRC checked
through one buffer, then unpickled from the file: a few arrays and lists of strings, not millions
of small objects, each array read once, straight into its place) and opens the file for positional
reads (entry_file.EntryFile): a text or a record is read from the file when something asks for
it, so the heap holds the number columns and the index's keys and offsets, not 230 MB of text,
170 MB of records and 100 MB of postings (100,000 articles). The runs of postings are read a run
at a time (storage.MappedArray), when a query asks for them. The files' half of the fingerprint
and the bulk's CRC are checked in a thread meanwhile (entry_check.py): `load` waits for them,
the explorer's session does not, and a failed check turns every read of the entry into an error.

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
user's own cache folder, and the head's checksum is checked before it is unpickled.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import pickle
import stat
import struct
import sys
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

import platformdirs

from . import fingerprint, walk
from .entry_check import CHUNK, EntryCheck, Failed
from .entry_file import CHANGED, HAS_PREAD, EntryFile
from .entry_file import CacheEntryChanged as CacheEntryChanged  # re-exported: what a reader catches
from .entry_temporaries import _TEMP_NAME as _TEMP_NAME
from .entry_temporaries import STALE_TEMP_SECONDS as STALE_TEMP_SECONDS  # re-exported, as before
from .entry_temporaries import _host as _host
from .entry_temporaries import remove_stale_temporaries, temp_prefix
from .parsing.parse import collector_paused

if TYPE_CHECKING:
    from .corpus import Corpus

MAGIC = b"article-explorer cache 2\n"
ENV = "ARTICLE_EXPLORER_CACHE_DIR"
MIN_BYTES = 1_000_000  # smaller inputs parse in well under a second: not worth a cache entry
# bulk start, bulk length, bulk CRC-32, head start, head length, head CRC-32
_TRAILER = struct.Struct("<QQIQQI")
MAP_FROM = 4096  # packed runs of this many ints or more go in the bulk, mapped; smaller, in the head
_FINGERPRINT_LINE = 64 + 1  # hex digits and the newline: the most read of the second line
# Open without waiting (a FIFO would wait for a writer); the kind is checked on the open file.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
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
    code: str  # the parser's half of the fingerprint (fingerprint.py): checked before anything is read
    files: Sequence[str | Path] | None = ()  # the inputs' files (None: walked from `paths` when needed)
    notice: Notice | None = None
    files_half: str | None = None  # the files' half, once known
    paths: Sequence[str | Path] = ()  # the files and folders named
    opened_line: str | None = None  # the fingerprint line as stored, once the head was read

    @property
    def fingerprint(self) -> str:
        """The entry's fingerprint line, without its newline; OSError when a file vanished."""
        if self.files_half is None:
            if self.files is None:
                self.files = fingerprint.walked(self.paths)
            self.files_half = fingerprint.files_half(self.files)[0]
        return self.code + self.files_half

    def load(self) -> Corpus | None:
        """The cached corpus, or None when there is none, it is stale, or it is damaged: the
        files and the bulk are checked (entry_check.py) while the head is read, and waited for."""
        opened = self._open()
        if opened is None:
            return None
        corpus, check = opened
        return self._checked(corpus, check)

    def load_checked_later(self, failed: Failed, hold: threading.Event | None = None) -> Corpus | None:
        """The cached corpus at once, as `load`, but the files and the bulk are checked after it
        is handed back (once `hold` is set, when given: entry_check.py): when the check fails, every
        read of the entry raises `CacheEntryChanged` from then on and `failed` is called with it
        (from the check's thread)."""
        opened = self._open(hold)
        if opened is None:
            return None
        corpus, check = opened
        if isinstance(corpus, str):
            return self._checked(corpus, check)  # unreadable: stale (silent) or damaged (a notice)?
        check.when_failed(failed)
        check.in_background()
        return corpus

    def _checked(self, corpus: Corpus | str, check: EntryCheck) -> Corpus | None:
        if not check.wait():
            if check.damage:
                self._damaged(check.damage)
            return None
        if isinstance(corpus, str):
            self._damaged(corpus)
            return None
        return corpus

    def _open(self, hold: threading.Event | None = None) -> tuple[Corpus | str, EntryCheck] | None:
        """The corpus read from the head (or why it cannot be), and the check of the rest, under
        way; None when the entry is missing, of another parser, or its head or trailer is bad."""
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
                line = handle.readline(_FINGERPRINT_LINE).strip().decode("ascii", "replace")
                if line[: fingerprint.HALF] != self.code:
                    return None  # stale: the parser changed; it will be rewritten
                entry_file = EntryFile(handle.fileno(), self.path, opened)
                found = self._head(handle, entry_file)
                if isinstance(found, str):
                    self._damaged(found)
                    return None
                head, bulk_start, bulk_length, bulk_crc = found
                bulk = entry_file if bulk_length else None
                self.opened_line = line
                check = EntryCheck(self, line, bulk, (bulk_start, bulk_length, bulk_crc), hold)
                if HAS_PREAD:  # the check reads at its own offsets while the head is unpickled
                    check.start()
                corpus = self._unpickled(handle, head, entry_file, (bulk_start, bulk_length))
                if not HAS_PREAD:  # its reads would move the file offset the unpickler reads from
                    check.start()
                return corpus, check
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            self._damaged(getattr(error, "strerror", None) or type(error).__name__)
            return None

    def _unpickled(
        self, handle: io.BufferedReader, head: int, entry_file: EntryFile, bulk_range: tuple[int, int]
    ) -> Corpus | str:
        """The corpus unpickled from the head at `head`, or why not. Its CRC was checked on an
        earlier read (`_head`); a write since then is seen by the file's size or modification time
        after unpickling. Read from the file, not from one bytes object of the whole head: each
        big array is read straight into its own bytes (600 MB at a million articles once, not
        twice: 0.3 s of page faults)."""
        from .corpus import Corpus
        from .index import CorpusIndex
        from .storage import ArticleStore

        bulk = entry_file if bulk_range[1] else b""
        try:
            handle.seek(head)
            with collector_paused():  # millions of small objects, no cycles: half the time without it
                state = _HeadReader(handle, bulk, *bulk_range).load()
            entry_file.check_unchanged()
            articles = ArticleStore.from_parts(state["articles"], bulk, bulk_range[0])
            index = CorpusIndex.unpack(state["index"], articles.texts, articles.titles)
            return Corpus(articles=articles, report=state["report"], index=index)
        except CacheEntryChanged:
            return "rewritten by another program while it was read"
        except Exception as error:  # a pickle from another version of the code
            return f"unreadable ({type(error).__name__})"

    def _head(self, handle: io.BufferedReader, entry_file: EntryFile) -> tuple[int, int, int, int] | str:
        """(head start, bulk start, bulk length, bulk CRC) when the lengths and the head's CRC add
        up; else what is wrong. The bulk's CRC is the entry check's (entry_check.py)."""
        start = handle.tell()
        size = len(entry_file)  # as opened: a later change is seen by the CRC's read
        if size < start + _TRAILER.size:
            return "truncated"
        handle.seek(size - _TRAILER.size)
        trailer = handle.read(_TRAILER.size)
        if len(trailer) != _TRAILER.size:  # cut short since it was opened
            return CHANGED
        bulk_start, bulk_length, bulk_crc, head_start, head_length, head_crc = _TRAILER.unpack(trailer)
        if (bulk_start != start or head_start != bulk_start + bulk_length
                or head_start + head_length != size - _TRAILER.size):  # fmt: skip
            return "truncated or damaged"
        # Checked through one buffer before anything is unpickled; `_unpickled` reads it again.
        try:
            found_crc = entry_file.crc32(head_start, head_length, CHUNK)
        except CacheEntryChanged as error:
            return error.what
        if found_crc != head_crc:
            return "checksum mismatch"
        return head_start, bulk_start, bulk_length, bulk_crc

    def save(self, corpus: Corpus) -> bool:
        """Write the entry atomically; False (and a notice) when it cannot be written."""
        temporary: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temporaries(self.path.parent)
            handle, temporary = tempfile.mkstemp(prefix=temp_prefix(), suffix=".cache", dir=self.path.parent)
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

    def __init__(self, head: BinaryIO, mapped, bulk_start: int, bulk_length: int) -> None:
        super().__init__(head)
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
    if fingerprint.has_url(files):
        return None
    try:
        path = _entry_path(paths)
        half, total = fingerprint.files_half(files)
    except OSError:
        return None  # a file vanished while we looked: parse, and cache next time
    if total < (MIN_BYTES if min_bytes is None else min_bytes):
        return None
    return CacheEntry(path, code_version()[: fingerprint.HALF], files, notice, half, paths)


def entry_at(paths: Sequence[str | Path], notice: Notice | None = None) -> CacheEntry | None:
    """The entry saved for these inputs, found by their names alone, or None when there is none
    (or a feed URL is among them): its files are walked and looked at while it opens, in its
    check (entry_check.py), not before."""
    if any(walk.is_url(path) for path in paths):
        return None
    try:
        path = _entry_path(paths)
        if not path.is_file() or not all(os.path.exists(named) for named in paths):
            return None  # no entry; or a path named is gone: the walk says so, not an old corpus
    except OSError:
        return None
    return CacheEntry(path, code_version()[: fingerprint.HALF], None, notice, None, paths)


def _entry_path(paths: Sequence[str | Path]) -> Path:
    """An entry's file: named after the inputs' resolved paths."""
    inputs = [str(Path(p).resolve()) for p in paths]
    name = hashlib.sha256("\0".join(inputs).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return cache_dir() / f"{name}.cache"


def stderr_notice(message: str) -> None:
    print(f"article-explorer: {message}", file=sys.stderr)
