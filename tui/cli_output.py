"""Where the command line writes: a file, written whole and renamed into place, or standard
output, where a closed pipe ends quietly and a write error is one line."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from typing import Any

from .corpus import CacheEntryChanged


def write_output(output: str | None, write: Callable[[Any], object], binary: bool = False) -> int:
    """Write to `output` (atomically) or standard output; 0, or 2 after a one-line error. A closed
    pipe (`export | head`) is not an error of ours: the reader stopped, by choice; the rest is
    dropped quietly and the exit code is what the load says. `binary`: `write` takes bytes."""
    try:
        if output:
            write_file(output, write, binary)
        else:
            out = sys.stdout.buffer if binary else sys.stdout
            write(out)
            out.flush()
    except BrokenPipeError:
        silence_stdout()
    except CacheEntryChanged:
        raise  # a read, not a write, went wrong: the command line says so (tui.__main__)
    except OSError as error:
        where = output or "standard output"
        print(f"article-explorer: cannot write {where}: {error.strerror or error}", file=sys.stderr)
        if not output:
            silence_stdout()
        return 2
    return 0


def write_file(output: str, write: Callable[[Any], object], binary: bool = False) -> None:
    """Into a temporary file beside `output`, renamed over it when complete: a full disk or a
    crash leaves the previous file as it was, never a cut-off one."""
    target = os.path.realpath(output)  # through a link, the file it names is replaced
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=os.path.dirname(target)
    )
    try:
        with open(descriptor, "wb") if binary else open(descriptor, "w", encoding="utf-8", newline="") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def mode_for(target: str) -> int:
    """The previous file's permissions, or what a new file gets here (mkstemp's are 0600)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush cannot fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's StringIO)
        pass
