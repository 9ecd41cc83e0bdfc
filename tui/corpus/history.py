"""The filters a user submitted, kept between sessions in the platform's state folder.

`platformdirs.user_state_dir("article-explorer")/history`, or `$ARTICLE_EXPLORER_STATE_DIR/history`
(tests point it at a temporary folder). One filter a line, oldest first, at most `MOST_KEPT`,
each once; written whole to a temporary file and renamed over the old one, so a crash never
leaves half a history. A history that cannot be read or written is simply not kept.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import platformdirs

ENV = "ARTICLE_EXPLORER_STATE_DIR"
MOST_KEPT = 500  # filters kept; the oldest go first
LONGEST = 2_000  # characters: a longer filter (a paste) is not worth recalling


def history_path() -> Path:
    override = os.environ.get(ENV)
    folder = Path(override) if override else Path(platformdirs.user_state_dir("article-explorer"))
    return folder / "history"


class FilterHistory:
    """Submitted filters, oldest first; `add` saves at once."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else history_path()
        self.entries: list[str] = self._read()

    def _read(self) -> list[str]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return []
        kept = [line for line in lines if line.strip() and len(line) <= LONGEST]
        return list(dict.fromkeys(reversed(kept)))[:MOST_KEPT][::-1]  # the last use of each

    def add(self, text: str) -> None:
        """Remember a submitted filter (the newest; an older copy of it goes)."""
        text = " ".join(text.split())  # one line
        if not text or len(text) > LONGEST:
            return
        self.entries = [entry for entry in self.entries if entry != text][-(MOST_KEPT - 1) :] + [text]
        self._write()

    def _write(self) -> None:
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".history-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    file.write("".join(f"{entry}\n" for entry in self.entries))
                os.replace(temporary, self.path)
            except OSError:
                Path(temporary).unlink(missing_ok=True)
                raise
