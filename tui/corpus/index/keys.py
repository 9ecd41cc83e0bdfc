"""The keys every index is looked up by: folded words, and names made of them.

Words are folded (lowercased, casefolded, accents stripped) and split into runs of letters and
digits, the same way for the articles and for the queries.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..parsing.lexicon import fold, fold_text

LONG_TEXT = 200  # characters: longer is an article body, folded without fold's cache
NAME_KEYS_CACHED = 1 << 16

_TOKEN = re.compile(r"[^\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def tokens(text: str) -> list[str]:
    """The folded words of a text: runs of letters and digits."""
    if len(text) > LONG_TEXT:  # fold's cache would keep 65,536 article bodies alive
        return _TOKEN.findall(fold_text(text))
    return _TOKEN.findall(fold(text))


@lru_cache(maxsize=NAME_KEYS_CACHED)
def name_key(name: str) -> str:
    """A name's folded words joined by single spaces: the key names are indexed and merged by."""
    return " ".join(tokens(name))


@lru_cache(maxsize=4096)
def _makes_word_characters(char: str) -> bool:
    """Whether folding turns this character, no letter or digit itself, into some ('™' -> 'tm')."""
    return any(part.isalnum() for part in unicodedata.normalize("NFKD", char))


def folds_to_new_words(text: str) -> bool:
    """Whether folding turns some character of `text` that is no letter, digit or accent into
    letters or digits: a text with no non-ASCII letters is then split into other words by
    `tokens` than by a phrase check that lowers its bytes (phrases.py)."""
    for run in _NON_ASCII.finditer(text):
        for char in run.group():
            if not char.isalnum() and not unicodedata.combining(char) and _makes_word_characters(char):
                return True
    return False


def separates_words(char: str) -> bool:
    """Whether a character can never be part of a word, folded or not."""
    if char.isascii():
        return not char.isalnum()
    return not (char.isalnum() or unicodedata.combining(char) or _makes_word_characters(char))


def cuts_no_word(text: str, at: int) -> bool:
    """Whether a span of `text` may begin or end at `at` without cutting a word: its words are
    then those of the whole text there, folded alike."""
    return at <= 0 or at >= len(text) or separates_words(text[at - 1]) or separates_words(text[at])


def needs_fold(text: str) -> bool:
    """Whether a text has non-ASCII letters or accents; if not, `lower()` folds it exactly."""
    if text.isascii():
        return False
    # Most non-ASCII in English news is punctuation (curly quotes, dashes): look at just those.
    for run in _NON_ASCII.finditer(text):
        if any(char.isalnum() or unicodedata.combining(char) for char in run.group()):
            return True
    return False
