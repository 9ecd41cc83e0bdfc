"""Phrase search: folded words side by side in raw text, checked on the articles an index found."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from ..parsing.lexicon import fold


class PhraseMatcher:
    """Finds folded words side by side in raw text, whatever punctuation or spaces part them."""

    def __init__(self, words: Sequence[str]) -> None:
        body = r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])"
        # A literal first word lets the regex engine skip ahead fast; the left edge is checked
        # by hand because a look-behind at the start would turn that fast path off.
        self._pattern = re.compile(body)
        ascii_words = all(word.isascii() for word in words)
        self._bytes = re.compile(body.encode()) if ascii_words else None

    def found_in(self, text: str, needs_fold: bool) -> bool:
        """Whether the words are in `text`; `needs_fold` if it has non-ASCII letters."""
        if needs_fold:
            return _search(self._pattern, fold(text))
        if text.isascii():
            return _search(self._pattern, text.lower())
        if self._bytes is None:
            return False  # folded words with non-ASCII letters need such letters in the text
        # Only punctuation is non-ASCII here: lowering UTF-8 bytes is several times faster
        # than str.lower() on a wide string, and the bytes regex sees those bytes as non-words.
        return _search(self._bytes, text.encode("utf-8", "surrogatepass").lower())

    def found_in_each(self, texts: Sequence[str], needs_fold: Sequence[bool]) -> list[bool]:
        """`found_in` for each text (the quotes of many articles): each made ready as `found_in`
        makes it, then all of them searched in one pass, joined (`_hits`), not a search a text."""
        kept: list[str] = []
        kept_at: list[int] = []
        encoded: list[bytes] = []
        encoded_at: list[int] = []
        for at, (text, fold_it) in enumerate(zip(texts, needs_fold, strict=True)):
            if fold_it or text.isascii():
                kept.append(fold(text) if fold_it else text.lower())
                kept_at.append(at)
            elif self._bytes is not None:
                encoded.append(text.encode("utf-8", "surrogatepass").lower())
                encoded_at.append(at)
        found = [False] * len(texts)
        for piece in _hits(self._pattern, kept, "\x00"):
            found[kept_at[piece]] = True
        if encoded:
            for piece in _hits(self._bytes, encoded, b"\x00"):  # type: ignore[arg-type]
                found[encoded_at[piece]] = True
        return found


def _hits(pattern: re.Pattern, pieces: Sequence[str] | Sequence[bytes], gap: str | bytes) -> set[int]:
    """The pieces `_search` finds the pattern in, searched joined by a `gap` (a non-word character):
    a match is one piece's when it lies inside it and its left edge is the piece's start or no
    letter; the end needs nothing more (the gap is no letter, as the end of a lone piece is not)."""
    haystack = gap.join(pieces)  # type: ignore[arg-type]
    ends = list(accumulate(len(piece) + 1 for piece in pieces))  # where each piece's gap ends
    found: set[int] = set()
    match = pattern.search(haystack)
    while match:
        start = match.start()
        piece = bisect_right(ends, start)
        piece_start = ends[piece - 1] if piece else 0
        piece_end = ends[piece] - 1
        if match.end() <= piece_end and (start == piece_start or not haystack[start - 1 : start].isalnum()):
            found.add(piece)
            match = pattern.search(haystack, ends[piece])  # the next piece
        else:
            match = pattern.search(haystack, start + 1)
    return found


def _search(pattern: re.Pattern, haystack: str | bytes) -> bool:
    match = pattern.search(haystack)
    while match:
        start = match.start()
        if start == 0 or not haystack[start - 1 : start].isalnum():
            return True
        match = pattern.search(haystack, start + 1)
    return False
