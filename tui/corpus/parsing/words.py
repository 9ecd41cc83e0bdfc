"""Words of a sentence, the word sets attribution reads, and the test for a reporting verb.

A sentence is cut into `Word`s once; attribution, speaker phrases, resolution and reported
speech all read those words against the sets here.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import phrasal_reporting_verbs, reporting_verbs
from .lexicon.rule_words import (
    ADVERBS,
    DETERMINERS,
    DOCUMENTS,
    MODALS,
    NOUN_FORMS,
    PRONOUNS,
    SELF,
    SUBORDINATORS,
)
from .runs import MORE_PARTS, MOST_WORD_PARTS

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
    r"|(?:[^\W_]\.){2," + str(MOST_WORD_PARTS) + r"}|[A-Z]\.(?= [A-Z])|[A-Z]-[A-Z][a-z]{1,4}\.|[A-Z]-(?:[A-Z]\.){2})"
    r"|[^\W_]+(?:['\u2019.\-][^\W_]+)" + MORE_PARTS + r")"
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


def any_cue(text: str, start: int, end: int, lowered: str | None = None, cues: frozenset[str] | None = None) -> bool:
    """A cheap look for any reporting verb (or any of `cues`) before a sentence is cut into words:
    a set test on its lowercase words costs less than one pattern of two hundred alternatives.
    `lowered` is the whole text in lower case, when the caller has it and it is as long as the text."""
    pattern = _cue_sized_words()
    found = pattern.findall(lowered, start, end) if lowered is not None else pattern.findall(text[start:end].lower())
    return not (cues or cue_forms()).isdisjoint(found)


_ASPECT_VERBS = frozenset({"continue", "begin"})
_MODAL_REACH = 3  # words back from a verb to its modal: "would later claim", "could only answer"


def _after_modal(items: list[Word], k: int) -> bool:
    """A word that is a noun as often as a verb is a verb after a modal, perhaps past an adverb or
    two: `"...," Ann Lee would later claim.`, `the mayor would comment.`"""
    if reporting_verbs()[items[k].lower] in _ASPECT_VERBS:
        return False  # "would continue to grow", "will begin work": what happens next, not speech
    for word in reversed(items[max(0, k - _MODAL_REACH) : k]):
        if word.lower in MODALS:
            return True
        if word.lower not in ADVERBS or not word.text.islower():
            return False
    return False


@cache
def cue_heads() -> frozenset[str]:
    """The words a cue can start with: every reporting verb form and every phrasal one's verb."""
    return frozenset(reporting_verbs()) | frozenset(phrasal_reporting_verbs())


def cue_end(items: list[Word], k: int) -> int:
    """The last word of the cue at items[k]: its particle when it is a phrasal verb ("fired back")."""
    return k + 1 if _particle_follows(items, k) else k


_SUBJECT_WORDS = 6  # words read back from a phrasal verb for a clause's opening word


def _particle_follows(items: list[Word], k: int) -> bool:
    """A phrasal verb's particle after items[k], and after it what speech is followed by: a mark or
    the sentence's end (`she fired back:`), its manner, "that", "to" and a reporting verb (`went on
    to say`), or, right after a quotation, the speaker (`"...," points out Ann Lee`). Not `goes on Friday`."""
    particle = phrasal_reporting_verbs().get(items[k].lower)
    if particle is None or k + 2 > len(items) or items[k + 1].lower != particle:
        return False
    if k + 2 == len(items):
        return True
    following = items[k + 2]
    if (
        following.text == ","
        and particle == "on"
        and any(w.lower in SUBORDINATORS for w in items[max(0, k - _SUBJECT_WORDS) : k])
    ):
        return False  # "As the evening went on, ...": time passing, not speech
    if following.text in PUNCTUATION or following.lower in ("that", "with") or following.lower.endswith("ly"):
        return True  # and its manner: `fired back angrily`, `shot back with a grin`
    if following.lower == "to":
        return k + 3 < len(items) and items[k + 3].lower in reporting_verbs()
    return k == 0 and (following.text[:1].isupper() or following.lower in DETERMINERS)


# Words after which a verb has no subject of its own: "when asked", "if pressed", "unless told".
_ELLIPTICAL = SUBORDINATORS | {"unless", "though", "although"}  # not "once": "Ann Lee once said"


def is_cue(items: list[Word], k: int) -> bool:
    """A finite reporting verb: not "to say", not "saying", not the noun in "a state news agency"."""
    word = items[k].lower
    if word.endswith("ing") or k > 0 and (items[k - 1].lower in DETERMINERS or items[k].text[:1].isupper()):
        return False  # nor a capital inside a sentence: "Ann Wonder", "Lee Says Ltd"
    if k > 0 and items[k - 1].lower in _ELLIPTICAL:
        return False  # "when asked", "if told", "as noted": a passive with its subject left out
    if _particle_follows(items, k):
        return not (k > 0 and items[k - 1].lower == "to")  # "fired back", "points out", "went on"
    if word not in reporting_verbs():
        return False
    if word in NOUN_FORMS:  # "Ann Lee states." and "he remarks:" but not "a state news agency"
        if k == 0:
            # right after a quotation, lower case, before a name or a determiner: `"...," notes Ortiz`
            return (
                items[0].text.islower()
                and len(items) > 1
                and (items[1].text[:1].isupper() or items[1].lower in DETERMINERS)
            )
        before = items[k - 1]
        return (
            before.lower in PRONOUNS
            or before.lower in SELF
            or (k + 1 == len(items) or items[k + 1].text in (",", ":"))
            and before.lower in DOCUMENTS  # "The letter continues:", "the report states,"
            or (k + 1 == len(items) or items[k + 1].text in PUNCTUATION)
            and before.text[:1].isupper()
            or (k + 1 == len(items) or items[k + 1].text in (",", ":"))
            and _after_modal(items, k)
        )
    return not (k > 0 and items[k - 1].lower == "to")
