"""Names (entity names and aliases, speakers, cues, sources) to the articles that have them."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from .keys import name_key
from .postings import Postings
from .strings import Strings, strings


class NameIndex:
    """A value matches a name when its words appear in the name in order and side by side:
    'lee' matches 'Ann Lee'. Names are kept folded (`name_key`), each with how it was first
    written for display."""

    __slots__ = ("by_word", "display", "postings")

    def __init__(self, postings: Postings | None = None, by_word: Postings | None = None,
                 display: Strings | None = None) -> None:  # fmt: skip
        self.postings = postings if postings is not None else Postings()  # folded name -> positions
        self.by_word = by_word if by_word is not None else Postings()  # word -> numbers of names with it
        self.display = display if display is not None else Strings()  # by name number, as first written

    def add(self, name: str | None, position: int) -> None:
        key = name_key(name) if name else ""
        if not key or not self.postings.add(key, position):
            return
        self.display.append(" ".join(name.split()))  # type: ignore[union-attr]
        self.by_word.post(dict.fromkeys(key.split()), len(self.postings) - 1)

    def matching(self, words: Sequence[str]) -> list[str]:
        """The folded names that contain these words, in order and side by side."""
        return [key for _, key in self._numbered(words)]

    def _numbered(self, words: Sequence[str]) -> list[tuple[int, str]]:
        """`matching`, each name with its number."""
        if not words:
            return []
        found = [self.by_word.get(word) for word in words]
        if any(numbers is None for numbers in found):
            return []
        key_at = self.postings.key_at
        needle = f" {' '.join(words)} "
        fewest: array = min(found, key=len)  # type: ignore[arg-type, assignment]
        numbered = ((number, key_at(number)) for number in fewest)
        return [(number, key) for number, key in numbered if needle in f" {key} "]

    def lookup(self, words: Sequence[str]) -> set[int]:
        """Articles with a name that contains these words."""
        found: set[int] = set()
        for run in self.runs(words):
            found.update(run)
        return found

    def runs(self, words: Sequence[str]) -> list[array]:
        """The positions of the names that contain these words (arrays to read, never change; an
        article with two such names is in them twice)."""
        numbered = self._numbered(words)  # the names' numbers are known: no name looked up again
        return [self.postings.runs_of(numbered)] if numbered else []

    def names(self) -> Iterator[tuple[str, str, int]]:
        """Every name: folded, as displayed, and how many articles have it."""
        display = self.display
        for number, (key, count) in enumerate(zip(self.postings, self.postings.counts(), strict=True)):
            yield key, display[number], count

    def starting(self, wanted: str) -> Iterator[tuple[str, str, int]]:
        """The names with a word that starts with `wanted` (folded words): folded, as displayed,
        and how many articles have it. Only the matches are read as displayed and counted."""
        display, postings, spaced = self.display, self.postings, f" {wanted}"
        for number, key in enumerate(postings):
            if key.startswith(wanted) or spaced in key:
                yield key, display[number], postings.count_at(number, key)

    def pack(self) -> tuple:
        return self.postings.pack(), self.by_word.pack(), self.display.pack()

    @classmethod
    def unpack(cls, packed: tuple) -> NameIndex:
        names, words, display = packed
        return cls(Postings(*names), Postings(*words), strings(display))
