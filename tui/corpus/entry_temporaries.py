"""Temporaries of cache entries being written (cache.py saves to one and renames it over the
entry): each is named after its writer (`.tmp-PID-HOST-...`), so one left by a writer that died
(killed mid-save) is told apart from a live writer's and removed by the next save."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import time
from pathlib import Path

TEMP_PREFIX = ".tmp-"
_TEMP_NAME = re.compile(r"\.tmp-(\d+)-([A-Za-z0-9]*)-.*\.cache\Z")
STALE_TEMP_SECONDS = 24 * 3600  # a temporary this old is stale whoever wrote it (a reused pid)


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:32]


def temp_prefix() -> str:
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
