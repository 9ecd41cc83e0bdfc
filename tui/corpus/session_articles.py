"""The articles of a session (session.py) as a read-only sequence, each read under its lock."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .models import Article


class Readable(Protocol):
    """What the sequence reads: the session's count and one article at a time."""

    def __len__(self) -> int: ...

    def article(self, position: int) -> Article: ...


class LockedArticles(Sequence[Article]):
    def __init__(self, live: Readable) -> None:
        self._live = live

    def __len__(self) -> int:
        return len(self._live)

    def __getitem__(self, position):  # type: ignore[override]
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        return self._live.article(position)
