"""What a cache entry's fingerprint (cache.py) says of the inputs: each file's resolved path, size,
modification and change times and inode, hashed. Looking at a million files takes seconds (one
`os.stat` each), so a warm open checks this half of the fingerprint after the corpus is open
(cache.EntryCheck) and the parser's half, which costs nothing, before.

The fingerprint line of an entry is the two halves end to end: HALF hex digits of the parser's
code version, then HALF of the files' digest (128 bits each: no two inputs meet by chance).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from .parsing.parse import collector_paused

HALF = 32  # hex digits of each half of the 64-digit fingerprint line
# The files' lines are hashed this many at a time (the same bytes, so the same digest, as all of
# them at once): a million files' lines held together were ~450 MB at their peak.
LINES_HASHED_AT_ONCE = 4096


def texts_of(files: Sequence[str | Path]) -> Sequence[str]:
    """The files' paths as text: a walk's (walk.FoundFiles) as it holds them, without a Path each."""
    texts = getattr(files, "texts", None)
    return texts if texts is not None else [os.fspath(path) for path in files]


def files_half(files: Sequence[str | Path]) -> tuple[str, int]:
    """(the files' half of the fingerprint, their total size in bytes); OSError when a file
    cannot be looked at (it vanished while we looked).

    One os.stat a file, and an absolute path made once a folder, not Path.resolve (a few
    syscalls a file). stat follows links, so a linked file's content still counts. Every file is
    looked at: a folder's own times change when a file is added, removed or renamed, not when one
    is edited in place, so an unchanged folder says nothing of its files' contents.

    The collector is paused meanwhile: a walk's texts are split out of their joined string as one
    list (a million strings at a million files), nothing for it to walk while this runs."""
    with collector_paused():
        return _files_half(files)


def _files_half(files: Sequence[str | Path]) -> tuple[str, int]:
    total = 0
    lines: list[str] = []
    digest = hashlib.sha256()
    folders: dict[str, str] = {}  # a folder as written: its absolute path, a separator at the end
    sep, stat = os.sep, os.stat
    for text in texts_of(files):
        base = text.rpartition(sep)[2]
        folder = text[: len(text) - len(base)]
        absolute = folders.get(folder)
        if absolute is None:
            absolute = os.path.abspath(folder or os.curdir)
            absolute = folders[folder] = absolute if absolute.endswith(sep) else absolute + sep
        info = stat(text)
        total += info.st_size
        lines.append(f"{absolute}{base}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}\n")
        if len(lines) == LINES_HASHED_AT_ONCE:
            digest.update("".join(lines).encode("utf-8", "surrogateescape"))
            lines.clear()
    digest.update("".join(lines).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:HALF], total


def has_url(files: Sequence[str | Path]) -> bool:
    """A feed URL among the files (fetched on every load: nothing to fingerprint)."""
    urls = getattr(files, "urls", None)
    return bool(urls) if urls is not None else any(getattr(path, "url", "") for path in files)


def walked(paths: Sequence[str | Path]) -> Sequence[Path]:
    """The files under `paths`, as a load walks them (walk.py): for an entry opened before its
    files were walked (cache.entry_at)."""
    from .models import LoadReport
    from .walk import find_files

    return find_files(paths, LoadReport())
