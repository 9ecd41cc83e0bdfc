"""What a name's words alone say it names, before the text around it is read: a person, an
organisation, a place, none, or "read on"; and whether a word is a title."""

from __future__ import annotations

from functools import lru_cache
from typing import Final, Literal

from .entity_table import MentionKind
from .lexicon import (
    country_names,
    demonym_adjectives,
    demonym_plurals,
    first_name_gender,
    fold,
    known_organizations,
    org_cues,
    places,
    title_words,
)
from .lexicon.name_words import NOT_SURNAME_TITLES
from .lexicon.rule_words import AFFILIATIONS, COMPASS, EVENT_WORDS, PLACE_WORDS, TEAM_ENDINGS
from .name_context import has_digit, without_possessive
from .runs import is_initials

READ_ON: Final = "read on"  # the words alone do not decide: read the text around them
# A business ("Acme Canada") unless the text around it says a person ("Ann Quillon said")
ORG_UNLESS_SPEAKER: Final = "an organisation unless it speaks"
PLACE_UNLESS_SPEAKER: Final = "a place unless it speaks"  # "Tom Hall said", but "Ann Hall" is a venue
Kind = MentionKind | Literal["read on"] | None  # what a rule says: a kind, none, or read on
# what a name's words alone say
WordsKind = Kind | Literal["an organisation unless it speaks", "a place unless it speaks"]


# The same names come back in article after article, and what their words alone say of them is
# the costly part: it is worked out once per name.
@lru_cache(maxsize=1 << 16)
def kind_by_words(words: tuple[str, ...], has_role: bool, in_role: bool) -> WordsKind:
    words = without_possessive(words)
    name = " ".join(words) if len(words) > 1 else words[0]
    if name in known_organizations():
        return "organization"
    # Every name is new in a first pass: one word and several take separate, shorter paths.
    if len(words) > 1:
        kind = _kind_of_several_words(words)
        if kind == ORG_UNLESS_SPEAKER and has_role and not in_role:
            return "person"  # "tax lawyer Ann Quillon", but "King Ann Station" is a place
        if kind != READ_ON:
            return kind
    elif name in org_cues() or name in EVENT_WORDS or is_title(name):
        return None  # "Commission" alone names no one body; "Cup"; "Minister"
    if has_role and not in_role:
        return "person"
    if len(words) == 1 and name in demonym_adjectives():
        return None  # "French"
    if len(words) == 1 and name in demonym_plurals():
        return "group"  # "Americans"
    folded = fold(name)
    if folded in places() or folded.rstrip(".") in places():
        return "place"
    return READ_ON


def _kind_of_several_words(words: tuple[str, ...]) -> WordsKind:
    """What a name of two words or more is by its first and last words, before any role is read."""
    last = words[-1]
    # "Youth Councils", but "Tom Banks" is a first name and a surname
    bodies = _plural_cue(last) and not (len(words) == 2 and fold(words[0]) in first_name_gender())
    if not org_cues().isdisjoint(words) or bodies or last in TEAM_ENDINGS and fold(" ".join(words)) not in places():
        return "organization"  # "Northwind Energy"; "Brenfield United", but "Mexico City"
    if last in _BODY_ENDINGS or " ".join(words[1:]) in known_organizations():
        return "organization"  # "Alder National" (a club, a bank); "Brenfield Red Cross", a branch
    if last in EVENT_WORDS or has_digit(words[1:]):
        return None  # "Harbour Cup", "Oslo Accord", "Bill C-12": neither person nor place
    if last in PLACE_WORDS:  # "Brenfield Highway", "Alder National Park", "Holm County"; "Tom Hall" may speak
        return PLACE_UNLESS_SPEAKER if len(words) == 2 and fold(words[0]) in first_name_gender() else "place"
    if fold(last) in places():
        if fold(" ".join(words)) in places():
            return "place"  # "New York", "Papua New Guinea": a place that ends in another's name
        if words[0] in COMPASS:
            return "place"  # "East Africa", "Northern Ontario"
        if fold(words[0]) not in first_name_gender():
            # "Acme Canada", "Northwind Canada"; but a town's name may be a surname too,
            # of a person who says something ("Ann Quillon said")
            return "organization" if fold(last) in country_names() else ORG_UNLESS_SPEAKER
    if last in demonym_adjectives():
        return None  # "North Korean", "Native American": adjectives
    if is_title(last) and not _title_as_surname(words[-2], last):
        return None  # "Prime Minister" split as "Prime | Minister": a role, no name
    return READ_ON


# Adjectives that end a body's name, never a person's: "Alder National" is a golf club or a bank.
_BODY_ENDINGS = frozenset({"National", "International"})


@lru_cache(maxsize=1 << 12)
def title_as_surname(word: str) -> bool:
    """Whether a word that is a title may be a surname: "Major", "King", "Bishop", written as a
    formal title is; "Lady", "Sister", "Mr" are nobody's surname, and "Brothers" nobody's alone."""
    return word in title_words() and fold(word) not in NOT_SURNAME_TITLES


def _plural_cue(word: str) -> bool:
    """The plural of an organisation cue that ends a name: "Councils", "Societies", "Unions"."""
    if not word.endswith("s") or word.endswith("ss"):
        return False
    singular = word.removesuffix("ies") + "y" if word.endswith("ies") else word.removesuffix("s")
    return singular in org_cues()


def _title_as_surname(before: str, title: str) -> bool:
    """Whether a title that ends a name is a surname there: a formal title written as one
    ("King", "Major", not "Brothers", "Executive", "Lady", "Sister") after a first name ("John
    Major", "Ann King"), but not after a party or a country that is a first name too ("Tory Leader",
    "Jordan King"), nor in capitals ("TO HEAD")."""
    if not title_as_surname(title) or before.isupper():
        return False
    folded = fold(before)
    first_name = folded in first_name_gender() and folded not in country_names()
    return first_name and before not in AFFILIATIONS and not is_title(before)


@lru_cache(maxsize=1 << 16)
def kind_of_name_alone(words: tuple[str, ...]) -> Kind:
    """What the words say once no place noun ("Kent county") follows them."""
    words = without_possessive(words)
    last = words[-1]
    if len(words) >= 2 and (
        fold(words[0]) in first_name_gender() or is_initials(words[0]) and fold(words[0]) not in places()
    ):
        return "person"  # "Ann Lee", "T.J. Lee"
    last_is_title = is_title(last)
    if last_is_title and all(is_title(w) or w.isupper() for w in words):
        return None  # "CEO", "MLA": a role on its own
    if any(2 <= len(w) <= 6 and w.isupper() and w.isalpha() and not is_title(w) for w in words):
        return "organization"  # "RCMP", "Brenfield RCMP", "Volta Electronics"
    if last_is_title or fold(words[0]) in places():
        return None  # "Brenfield MP" is a role; "Alder Council" without a cue is not a person
    if len(words) >= 2 and _participle(words[0]):
        return None  # "Finding Winter Harbour", "Thinking Rooms": a title's verb, no first name
    return READ_ON


_PARTICIPLE = "ing"


def _participle(word: str) -> bool:
    """A word that ends like a participle ("Finding", "Thinking") and is no first name ("Sterling")."""
    return word.endswith(_PARTICIPLE) and word[:1].isupper() and fold(word) not in first_name_gender()


@lru_cache(maxsize=1 << 16)
def is_title(word: str) -> bool:
    if (
        word in title_words()
        or word.rstrip(".") in title_words()
        or word.lower() in title_words()
        or word + "." in title_words()
    ):  # "Gov" of "Gov. Ann Lee": words are read without their full stop
        return True
    if "-" in word and not word.startswith("-"):
        return all(is_title(part) for part in word.split("-") if part)  # "Vice-President"
    return word.endswith("s") and len(word) > 2 and word[:-1] in title_words()  # "MPs", "Senators"


_SAINT = frozenset({"st", "st.", "saint"})  # how the lexicon of places may write a saint's town


def saint_town(words: tuple[str, ...]) -> bool:
    """Whether "St" and the words after it are a town's name ("St Austell", "St. Neots", "St
    Brenfield" as "Saint Brenfield"): the lexicon of places writes the word in any of three ways."""
    if len(words) < 2 or fold(words[0]) not in _SAINT:
        return False
    rest = " ".join(without_possessive(words[1:])).lower()
    return any(f"{saint} {rest}" in places() for saint in _SAINT)
