"""Phrase search: folded words side by side in raw text, checked on the articles an index found."""

from __future__ import annotations

import re
from collections.abc import Sequence

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

    def found_between(self, lowered: str, start: int, end: int) -> bool:
        """`found_in(text[start:end], False)` for an ASCII `text`, given `lowered` (`text.lower()`,
        made once for all its quotes): searched between the two offsets in place, no slice and no
        lowered copy a quote (as `_search`: `start` is the edge of the text searched)."""
        pattern = self._pattern
        match = pattern.search(lowered, start, end)
        while match:
            at = match.start()
            if at == start or not lowered[at - 1].isalnum():
                return True
            match = pattern.search(lowered, at + 1, end)
        return False


def _search(pattern: re.Pattern, haystack: str | bytes) -> bool:
    match = pattern.search(haystack)
    while match:
        start = match.start()
        if start == 0 or not haystack[start - 1 : start].isalnum():
            return True
        match = pattern.search(haystack, start + 1)
    return False
