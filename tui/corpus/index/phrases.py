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
        if needs_fold or not text.isascii():
            return [n for n, (start, end) in enumerate(spans) if self.found_in(text[start:end], needs_fold)]
        lowered, pattern = text.lower(), self._pattern
        return [n for n, (start, end) in enumerate(spans) if _search(pattern, lowered, start, end)]


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
