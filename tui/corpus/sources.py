"""What a reader hands the parser: one article's raw text, or an article already parsed.

Its own module so that the format readers and the loader can both name it without importing
each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .filenames import NameFacts
from .models import Article


@dataclass(frozen=True)
class SourceText:
    """One article's raw text and what its container said about it (JSON fields)."""

    id: str
    path: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    names: NameFacts | None = None  # the section and date its file and folder names give


Source = SourceText | Article
