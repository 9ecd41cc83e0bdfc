"""The parsed corpus cached in the user's cache folder, so a corpus opens again in seconds.

One entry an input (its resolved paths), in `platformdirs.user_cache_dir("article-explorer")`
or `$ARTICLE_EXPLORER_CACHE_DIR`. An entry is:

    b"article-explorer cache 1\\n"   the format
    64 hex digits + b"\\n"           fingerprint: this parser's source code, and every input
                                     file's resolved path, size and modification time
    pickle (protocol 5)             (articles, index, report), exactly as the corpus held them
    8 bytes length, 4 bytes CRC-32  of the pickle, so a torn or damaged file is caught

A stale entry (a file changed, added or removed, or the parser changed) or a damaged one is
never trusted: it is passed over and rewritten. Writes go to a temporary file in the same
folder and are renamed over the entry (atomic). A cache that cannot be written (disk full,
read-only home, no permission) costs a one-line notice, never the load.

Why pickle and not the export's JSON Lines: JSON holds the articles but not the indexes, and
rebuilding those is most of the cost (100,000 articles: ~1 minute of tokenising, against ~2 s
to unpickle the whole corpus; see `make bench`). The pickle only ever comes from this program,
in the user's own cache folder, and its checksum is checked before it is read.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import platformdirs

if TYPE_CHECKING:
    from .corpus import Corpus

MAGIC = b"article-explorer cache 1\n"
ENV = "ARTICLE_EXPLORER_CACHE_DIR"
MIN_BYTES = 1_000_000  # smaller inputs parse in well under a second: not worth a cache entry
_TRAILER = struct.Struct("<QI")
Notice = Callable[[str], None]


def cache_dir() -> Path:
    override = os.environ.get(ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir("article-explorer"))


@functools.cache
def code_version() -> str:
    """A hash of the corpus package's code and word lists: a new parser means new results."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted([*package.glob("*.py"), *package.glob("lexicon/*")]):
        if path.is_file():
            digest.update(path.name.encode())
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

        try:
            with open(self.path, "rb") as handle:
                if handle.readline() != MAGIC:
                    return self._damaged("not a cache file")
                if handle.readline().strip().decode("ascii", "replace") != self.fingerprint:
                    return None  # stale: an input or the parser changed; it will be rewritten
                data = handle.read()
        except FileNotFoundError:
            return None
        except OSError as error:
            return self._damaged(error.strerror or type(error).__name__)
        if len(data) < _TRAILER.size:
            return self._damaged("truncated")
        body = memoryview(data)[: -_TRAILER.size]
        length, crc = _TRAILER.unpack(data[-_TRAILER.size :])
        if length != len(body) or zlib.crc32(body) != crc:
            return self._damaged("checksum mismatch")
        try:
            articles, index, report = pickle.loads(body)
            corpus = Corpus(articles=articles, report=report, index=index)
        except Exception as error:  # a pickle from another version of the code
            return self._damaged(f"unreadable ({type(error).__name__})")
        return corpus

    def save(self, corpus: Corpus) -> bool:
        """Write the entry atomically; False (and a notice) when it cannot be written."""
        temporary: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".cache", dir=self.path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC)
                out.write(self.fingerprint.encode("ascii") + b"\n")
                summer = _Summing(out)
                pickle.dump((corpus.articles, corpus.index, corpus.report), summer, protocol=5)
                out.write(_TRAILER.pack(summer.length, summer.crc))
            os.replace(temporary, self.path)
            temporary = None
            return True
        except (OSError, pickle.PicklingError, RecursionError) as error:
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            self._say(f"cache not saved ({reason}): going on without it")
            return False
        finally:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass

    def _damaged(self, why: str) -> None:
        self._say(f"cache entry {self.path.name} ignored ({why}): parsing again")
        return None

    def _say(self, message: str) -> None:
        if self.notice is not None:
            self.notice(message)


class _Summing:
    """A file wrapper that counts and checksums what pickle writes through it."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.length, self.crc = out, 0, 0

    def write(self, data: bytes) -> int:
        self.crc = zlib.crc32(data, self.crc)
        self.length += len(data)
        return self.out.write(data)


def entry_for(
    paths: Sequence[str | Path],
    files: Sequence[Path],
    notice: Notice | None = None,
    min_bytes: int | None = None,
) -> CacheEntry | None:
    """The cache entry for these inputs, or None when they are too small to be worth one or
    cannot be looked at."""
    try:
        inputs = [str(Path(p).resolve()) for p in paths]
        digest = hashlib.sha256(code_version().encode())
        total = 0
        for path in files:
            info = path.stat()
            total += info.st_size
            digest.update(f"{path.resolve()}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    except OSError:
        return None  # a file vanished while we looked: parse, and cache next time
    if total < (MIN_BYTES if min_bytes is None else min_bytes):
        return None
    name = hashlib.sha256("\0".join(inputs).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return CacheEntry(cache_dir() / f"{name}.cache", digest.hexdigest(), notice)


def stderr_notice(message: str) -> None:
    print(f"article-explorer: {message}", file=sys.stderr)
