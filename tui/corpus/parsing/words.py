"""Words of a sentence, the word sets attribution reads, and the test for a reporting verb.

A sentence is cut into `Word`s once; attribution, speaker phrases, resolution and reported
speech all read those words against the sets here.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import reporting_verbs
from .lexicon.rule_words import (
    DETERMINERS,
    NOUN_FORMS,
    PRONOUNS,
    SELF,
)

# Abbreviations keep their full stops ("Rep.", "U.S.", "Inc.,") so that they do not end a sentence.
# (The first alternative takes most words at once: letters and digits with no joining mark after
# them are a whole word, as every abbreviation has a full stop or hyphen right after its letters.
# The look-ahead for a letter or digit spares the engine the word alternatives at marks; the one
# after it, which every abbreviation passes, spares most words the twenty-odd abbreviations.)
_WORD = re.compile(
    r"[^\W_]++(?![.'\u2019\-])"
    r"|(?=[^\W_])(?:(?=[^\W_]\.|[A-Z](?:[a-z]{1,4}\.|-))"
    r"(?:(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Insp|Supt|Det|Const|Cst)\.(?=\s)"
    r"|(?:Inc|Ltd|Corp|Co|Bros)\.(?=,|\s+[a-z])"  # "Acme Inc., said": no sentence ends there
    r"|(?:[^\W_]\.){2,}|[A-Z]\.(?= [A-Z])|[A-Z]-[A-Z][a-z]{1,4}\.)"
    r"|[^\W_]+(?:['\u2019.\-][^\W_]+)*)"
    r"|-{2,}|[,;:!?()\u2014\u2013\u2015]|\."
)
PUNCTUATION = frozenset({",", ":", ".", ";", "(", ")", "!", "?", "\u2014", "\u2013", "\u2015", "--", "---"})


class Word:
    """A word or punctuation mark of a sentence, with its lower case worked out once."""

    __slots__ = ("start", "end", "text", "lower")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text, self.lower = start, end, text, text.lower()


def words(text: str, start: int, end: int) -> list[Word]:
    return words_until(text, start, end, _NO_STOPS)


def words_until(text: str, start: int, end: int, stops: frozenset[str]) -> list[Word]:
    """The words from `start` up to and with the first one in `stops` (or to `end`)."""
    found: list[Word] = []
    append = found.append
    for match in _WORD.finditer(text, start, end):
        # filled in place rather than through __init__: this runs for every word read, and the
        # call costs more than the work
        word = _new_word(Word)
        word.start = match.start()
        word.end = match.end()
        word.text = text_ = match[0]
        word.lower = text_.lower()
        append(word)
        if text_ in stops:
            break
    return found


_NO_STOPS: frozenset[str] = frozenset()
_new_word = object.__new__


@cache
def cue_forms() -> frozenset[str]:
    """Every form of every reporting verb, and "according" (as in "according to")."""
    return frozenset(reporting_verbs()) | {"according"}


@cache
def _cue_sized_words() -> re.Pattern[str]:
    """Lowercase words as long as the shortest cue or longer: shorter ones ("a", "to") need no look."""
    shortest = min(len(form) for form in cue_forms())
    return re.compile(f"[a-z]{{{shortest},}}")


def any_cue(text: str, start: int, end: int, lowered: str | None = None,
            cues: frozenset[str] | None = None) -> bool:
    """A cheap look for any reporting verb (or any of `cues`) before a sentence is cut into words:
    a set test on its lowercase words costs less than one pattern of two hundred alternatives.
    `lowered` is the whole text in lower case, when the caller has it and it is as long as the text."""
    pattern = _cue_sized_words()
    found = pattern.findall(lowered, start, end) if lowered is not None else pattern.findall(text[start:end].lower())
    return not (cues or cue_forms()).isdisjoint(found)


def is_cue(items: list[Word], k: int) -> bool:
    """A finite reporting verb: not "to say", not "saying", not the noun in "a state news agency"."""
    word = items[k].lower
    if word not in reporting_verbs() or word.endswith("ing"):
        return False
    if k > 0 and items[k - 1].lower in DETERMINERS:
        return False
    if word in NOUN_FORMS:  # "Ann Lee states." and "he remarks:" but not "a state news agency"
        if k == 0:
            return False
        before = items[k - 1]
        return before.lower in PRONOUNS or before.lower in SELF or \
            (k + 1 == len(items) or items[k + 1].text in PUNCTUATION) and before.text[:1].isupper()
    return not (k > 0 and items[k - 1].lower == "to")


