"""The articles of a session (session.py) as a read-only sequence, each read under its lock."""

from __future__ import annotations

from typing import Protocol

from .lazy_sequence import MadeOnRead
from .models import Article


class Readable(Protocol):
    """What the sequence reads: the session's count and one article at a time."""

    def __len__(self) -> int: ...

    def article(self, position: int) -> Article: ...


class LockedArticles(MadeOnRead[Article]):
    def __init__(self, live: Readable) -> None:
        self._live = live

    def __len__(self) -> int:
        return len(self._live)

    def _item(self, at: int) -> Article:
        return self._live.article(at)
