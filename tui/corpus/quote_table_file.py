"""A cache entry's quote table, kept in a side file beside the entry, so a warm open does not build
it again from every article's record (15 s of CPU at 100,000 articles, minutes at a million).

The side file is named after the entry (`<entry>.quotes`) and is only ever a copy of what the
entry's records give: written by the process that writes the entry (its records are in memory
then), or by the first warm open that finds none. The entry's own format is not touched, so an
entry written by another build reads as before, and its side file is made again.

    b"article-explorer quotes 1\\n"   the format
    64 hex digits + b"\\n"            the entry's fingerprint: the side file of another state of
                                      the inputs or of the code is stale
    body                              a pickle of plain data only (no class is ever loaded): the
                                      table's columns as bytes, its cues, raw names and entities
    trailer                           the body's length and CRC-32

Read with the cache's rules for hostile files: only a regular file, opened without waiting, its
first lines read with a length limit, the body's length and CRC checked before it is unpickled,
and every column checked against the others (lengths, ranges, each article's quotes) before the
table takes it. A side file that is absent, stale or damaged is passed over; the table is built
from the records and the side file written again (a temporary renamed into place: atomic). One
that cannot be written costs nothing but the next open's time.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import stat
import struct
import tempfile
import zlib
from array import array
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .cache import CacheEntry
from .entry_temporaries import remove_stale_temporaries, temp_prefix
from .quote_table import ARRAYS, KINDS, NO_SPEAKER, QuoteTable, RawSpeaker

MAGIC = b"article-explorer quotes 1\n"
SUFFIX = ".quotes"
_FINGERPRINT_LINE = 64 + 1  # hex digits and the newline: the most read of the second line
_TRAILER = struct.Struct("<QI")  # body length, body CRC-32
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_RAW_FIELDS = (str, str, dict, list, list, dict, int)  # a RawSpeaker as a tuple, field by field
Notice = Callable[[str], None]


class QuoteTableFile:
    """The side file of one cache entry (its path and fingerprint): `load` fills an empty table
    from it, `save` writes a whole table to it."""

    def __init__(self, entry: Path, fingerprint: str, notice: Notice | None = None) -> None:
        self.path = entry.with_name(entry.name + SUFFIX)
        self.fingerprint = fingerprint
        self.notice = notice

    def load(self, table: QuoteTable, articles: int) -> bool:
        """Fill the (empty) table with the side file's, when it is this entry's and whole, of
        `articles` articles; False, the table untouched, when it is absent, stale or damaged."""
        try:
            body = self._body()
        except FileNotFoundError:
            return False
        except OSError as error:
            return self._damaged(getattr(error, "strerror", None) or type(error).__name__)
        if body is None or isinstance(body, str):
            return body is not None and self._damaged(body)
        try:
            state = _PlainUnpickler(io.BytesIO(body)).load()
            del body
            restored = _restored(state, articles)
        except Exception as error:  # any pickle or any shape: damaged, never trusted
            return self._damaged(f"unreadable ({type(error).__name__})")
        if isinstance(restored, str):
            return self._damaged(restored)
        for name, value in restored.items():
            setattr(table, name, value)
        return True

    def _body(self) -> bytes | str | None:
        """The body when the file is this entry's and its length and CRC add up; None when it is
        another state's (stale); else what is wrong."""
        with open(os.open(self.path, _OPEN_FLAGS), "rb") as handle:
            opened = os.fstat(handle.fileno())
            if not stat.S_ISREG(opened.st_mode):
                return "not a regular file"
            if handle.readline(len(MAGIC)) != MAGIC:
                return "not a quote table file"
            if handle.readline(_FINGERPRINT_LINE).strip().decode("ascii", "replace") != self.fingerprint:
                return None
            start = handle.tell()
            if opened.st_size < start + _TRAILER.size:
                return "truncated"
            handle.seek(opened.st_size - _TRAILER.size)
            length, crc = _TRAILER.unpack(handle.read(_TRAILER.size))
            if start + length + _TRAILER.size != opened.st_size:
                return "truncated or damaged"
            handle.seek(start)
            body = handle.read(length)
        if len(body) != length or zlib.crc32(body) != crc:
            return "checksum mismatch"
        return body

    def save(self, table: QuoteTable) -> None:
        """Write the whole table, atomically; a file that cannot be written is passed over."""
        temporary: str | None = None
        try:
            body = pickle.dumps(_state(table), protocol=5)
            remove_stale_temporaries(self.path.parent)
            # Named as the cache's temporaries are, so a writer that dies leaves one the next save removes.
            handle, temporary = tempfile.mkstemp(prefix=temp_prefix(), suffix=".cache", dir=self.path.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC)
                out.write(self.fingerprint.encode("ascii") + b"\n")
                out.write(body)
                out.write(_TRAILER.pack(len(body), zlib.crc32(body)))
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


def side_file(entry: CacheEntry, opened: bool = False) -> QuoteTableFile:
    """The side file that keeps this cache entry's quote table. `opened`: of the entry as it was
    read (its fingerprint line as stored: an entry opened before its files are checked knows
    no other without walking them; should the check fail, the corpus is parsed again anyway)."""
    stored = entry.opened_line if opened else None
    return QuoteTableFile(entry.path, stored or entry.fingerprint, entry.notice)


class _PlainUnpickler(pickle.Unpickler):
    """Loads plain data only (bytes, str, int, list, tuple, dict): a side file names no class, so
    one that does is damaged, and nothing in it can run."""

    def find_class(self, module: str, name: str) -> object:
        raise pickle.UnpicklingError(f"a class in a quote table file: {module}.{name}")


def _state(table: QuoteTable) -> dict:
    """The table as plain data: columns as bytes, raw names as tuples, entities as two lists."""
    state: dict = {name: getattr(table, name).tobytes() for name in ARRAYS}
    state["kind"] = bytes(table.kind)
    state["cues"] = table.cues
    state["raw"] = [(s.key, s.display, s.genders, list(s.aliases), list(s.roles), s.kinds, s.quotes)
                    for s in table.raw]  # fmt: skip
    state["entity_kinds"] = [kind for kind, _ in table.entities]
    state["entity_names"] = [name for _, name in table.entities]
    return state


def _restored(state: object, articles: int) -> dict | str:
    """The table's attributes from a side file's state, when every part fits every other; else
    what does not."""
    expected = {*ARRAYS, "kind", "cues", "raw", "entity_kinds", "entity_names"}
    if not isinstance(state, dict) or set(state) != expected:
        return "not a quote table"
    columns: dict = {}
    for name, typecode in ARRAYS.items():
        data = state[name]
        column = array(typecode)
        if not isinstance(data, bytes) or len(data) % column.itemsize:
            return f"column {name}"
        column.frombytes(data)
        columns[name] = column
    cues, raw, kinds, names = state["cues"], state["raw"], state["entity_kinds"], state["entity_names"]
    if not (_strings(cues) and cues[:1] == [""] and _strings(kinds) and _strings(names) and len(kinds) == len(names)):
        return "cues or entities"
    speakers = _speakers(raw)
    if speakers is None:
        return "raw names"
    kind = state["kind"]
    why = _columns_fit(columns, kind, articles, len(speakers), len(cues), len(names))
    if why:
        return why
    return {**columns, "kind": bytearray(kind), "cues": cues, "raw": speakers,
            "entities": list(zip(kinds, names, strict=True)), "_numbers": None}  # fmt: skip


def _strings(items: object) -> bool:
    return isinstance(items, list) and _all_of(items, str)


def _speakers(raw: object) -> list[RawSpeaker] | None:
    """The raw names from their tuples, each field of the type it should be (checked a field at a
    time over every name, not name by name: a million names)."""
    if not isinstance(raw, list) or not _all_of(raw, tuple) or not set(map(len, raw)) <= {len(_RAW_FIELDS)}:
        return None
    fields = list(zip(*raw, strict=True)) if raw else [()] * len(_RAW_FIELDS)
    if not all(_all_of(values, kind) for values, kind in zip(fields, _RAW_FIELDS, strict=True)):
        return None
    keys, displays, genders, aliases, roles, kinds, quotes = fields
    return list(map(RawSpeaker, keys, displays, genders, map(dict.fromkeys, aliases), map(dict.fromkeys, roles),
                    kinds, quotes))  # fmt: skip


def _all_of(items: list | tuple, kind: type) -> bool:
    return set(map(type, items)) <= {kind}


def _columns_fit(columns: dict, kind: bytes, articles: int, speakers: int, cues: int, entities: int) -> str:
    """What does not fit, "" when every column agrees with the others and with the store."""
    view = {name: np.frombuffer(column, dtype=column.typecode) for name, column in columns.items() if len(column)}
    quotes = len(columns["article"])
    first, named_first = columns["first"], columns["named_first"]
    if len(first) != articles + 1 or first[0] != 0 or first[-1] != quotes:
        return "articles"
    if len(named_first) != quotes + 1 or named_first[0] != 0 or named_first[-1] != len(columns["named"]):
        return "named entities"
    if any(len(columns[name]) != quotes for name in ("number", "speaker", "day", "start", "end", "cue")):
        return "column lengths"
    if len(kind) != quotes or (quotes and max(kind) >= len(KINDS)):
        return "kinds"
    if np.any(np.diff(view["first"]) < 0) or np.any(np.diff(view["named_first"]) < 0):
        return "articles"
    if not quotes:
        return "" if not len(columns["named"]) else "named entities"
    owners = np.repeat(np.arange(articles, dtype=np.int64), np.diff(view["first"]))
    if not np.array_equal(owners, view["article"]):
        return "articles"
    if (view["speaker"].min() < NO_SPEAKER or view["speaker"].max() >= speakers or view["cue"].max() >= cues
            or np.any(view["start"] > view["end"])):  # fmt: skip
        return "speakers, cues or spans"
    if "named" in view and view["named"].max() >= entities:
        return "named entities"
    return ""
