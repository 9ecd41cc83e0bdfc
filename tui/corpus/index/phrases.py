"""Phrase search: folded words side by side in raw text, checked on the articles an index found."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

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

    def spans_with(self, text: str, spans: Iterable[tuple[int, int]], needs_fold: bool) -> list[int]:
        """The numbers of the spans (start, end) of `text` that have the words, as `found_in` finds
        them in each span cut out: an ASCII text is lowered once and each span searched in place
        (an article's quotes, not a copy and a lowering a quote)."""
        if text.isascii() and not needs_fold:
            lowered, pattern = text.lower(), self._pattern
            return [n for n, (start, end) in enumerate(spans) if _search(pattern, lowered, start, end)]
        if needs_fold or self._bytes is None:
            return [n for n, (start, end) in enumerate(spans) if self.found_in(text[start:end], needs_fold)]
        # Only punctuation is non-ASCII (as in `found_in`): the UTF-8 bytes lowered once, each span
        # searched at its bytes. An ASCII span reads alike as bytes and as text.
        data, in_bytes, where = text.encode("utf-8", "surrogatepass").lower(), self._bytes, _ByteOffsets(text)
        return [n for n, (start, end) in enumerate(spans) if _search(in_bytes, data, *where.of(start, end))]


def _search(pattern: re.Pattern, haystack: str | bytes, start: int = 0, end: int | None = None) -> bool:
    """Whether the pattern is in haystack[start:end] (searched in place) with no letter or digit
    right before it in that span."""
    end = len(haystack) if end is None else end
    match = pattern.search(haystack, start, end)
    while match:
        at = match.start()
        if at == start or not haystack[at - 1 : at].isalnum():
            return True
        match = pattern.search(haystack, at + 1, end)
    return False


class _ByteOffsets:
    """Where a text's characters start in its UTF-8, found walking forward from the last asked
    (an article's quotes come in order), from the start again when asked for an earlier one."""

    def __init__(self, text: str) -> None:
        self.text, self.char, self.byte = text, 0, 0

    def of(self, start: int, end: int) -> tuple[int, int]:
        """The bytes of text[start:end], cut as that slice is (clamped; empty when reversed)."""
        size = len(self.text)
        start, end = min(max(start, 0), size), min(max(end, 0), size)
        first = self._at(start)
        return first, (self._at(end) if end > start else first)

    def _at(self, char: int) -> int:
        if char < self.char:
            self.char = self.byte = 0
        self.byte += len(self.text[self.char : char].encode("utf-8", "surrogatepass"))
        self.char = char
        return self.byte
