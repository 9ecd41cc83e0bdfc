"""Names that a run of capitals does not join into one: a nickname in quotation marks between a
first name and a surname (`Ann "Ace" Lee`), and two first names that share the surname written
once after the second (`Ann and Bob Lee` names Ann Lee and Bob Lee). And names joined in a list
are of one kind: `Ann Lee and Tom Halifax` are two people, though a town ends the second."""

from __future__ import annotations

import re

from .entity_table import Mention
from .lexicon import country_names, first_name_gender, fold, places
from .lexicon.name_words import PLACE_PREPOSITIONS, TITLE_NOUNS
from .lexicon.rule_words import WORK_NOUNS
from .name_context import name_gender
from .name_kinds import ORG_UNLESS_SPEAKER, kind_by_words
from .runs import word_before

# A nickname between a first name and a surname: capitalised words in quotation marks, single
# spaces around them (`Ann "Ace" Lee`, `Tom "Big T" Hall`); no repetition inside another.
_NICKNAME = re.compile(r" [\"\u201c\u2018']([A-Z][^\"\u201c\u201d\u2018\u2019'\n]*)[\"\u201d\u2019'] (?=[A-Z])")
_NICKNAME_WORDS = 3  # words of a nickname, at most
# Characters after a first name read for a nickname: the longest nickname and its marks fit.
_NICKNAME_REACH = 48
_AND = " and "  # what stands between the two first names of a pair that shares a surname
_LIST_JOINS = frozenset({" and ", ", ", " or "})  # what stands between two names of one list
_FULL_NAME_WORDS = 2  # words of a name a list makes a person's: a first name and a surname
_INITIALS = 2  # letters of a person's initials ("PJ"); longer capitals are a body's ("BBC")
# Lands larger than a town that end the name of a business's branch ("Acme Europe", "Acme Wales")
_LANDS = frozenset({"europe", "asia", "africa", "america", "americas", "oceania", "england", "scotland", "wales"})
# Kinds a lone first name may have been given before the text around it is read: a person, a
# name of no kind yet, or a place whose name is a first name too ("Ann" is a cape somewhere).
_FIRST_NAME_KINDS = frozenset({"person", "unknown", "place"})
# Words before "Ann and Bob Lee" that make "Ann" a name of its own or a title's word: "for Winterdale and
# Tom Lee" (an award's nominees: the film and its director), "such as Ann and Tom Lee", "The Ann and
# Bob Show"; and a work's noun ("the biopic Rosa and Tom Lee's drama").
_NOT_BEFORE_A_PAIR = frozenset({"for", "as", "the"}) | WORK_NOUNS | TITLE_NOUNS


def join_names(text: str, raw: list[Mention]) -> list[Mention]:
    """`raw` with each lone first name given the surname a nickname or a pair says is its own.

    One pass over the mentions in text order: each is compared with the one or two after it.
    """
    mentions = sorted(raw, key=lambda m: m.start)
    # a first name met alone more than once is someone's whole name ("Zaria") or a surname ("Morgan")
    alone: dict[str, int] = {}
    for mention in mentions:
        if " " not in mention.text:
            alone[mention.text] = alone.get(mention.text, 0) + 1
    dropped: set[int] = set()  # positions in `mentions` of a nickname or surname taken into a name
    for k, mention in enumerate(mentions):
        if k in dropped or not _lone_first_name(text, mention):
            continue
        nickname = _NICKNAME.match(text, mention.end, min(len(text), mention.end + _NICKNAME_REACH))
        if nickname is not None and _nickname_words(nickname.group(1)):
            taken = _nicknamed(mentions, k, nickname.end())
            if taken:
                last = mentions[taken[-1]]
                mentions[k] = _person(mention.start, last.end, f"{mention.text} {last.text}", mention.text)
                dropped.update(taken)
            continue
        following = mentions[k + 1] if k + 1 < len(mentions) else None
        if following is not None and alone[mention.text] == 1 and _pair(text, mention, following):
            surname = following.text.split(" ", 1)[1]
            mentions[k] = _person(mention.start, mention.end, f"{mention.text} {surname}", mention.text)
    kept = [m for k, m in enumerate(mentions) if k not in dropped]
    _people_of_a_list(text, kept)
    return kept


def _people_of_a_list(text: str, mentions: list[Mention]) -> None:
    """A name of two words that its words alone took for a business only because a town ends it
    ("Tom Halifax") is a person beside a person's full name in a list ("Ann Lee and Tom Halifax")."""
    for k in range(1, len(mentions)):
        before, after = mentions[k - 1], mentions[k]
        if text[before.end : after.start] not in _LIST_JOINS:
            continue
        for person, other in ((before, after), (after, before)):
            if person.kind == "person" and " " in person.text and _business_by_its_town(other):
                other.kind = "person"
                other.gender = name_gender(other.text.split(" ", 1)[0], _FULL_NAME_WORDS, "")


def _business_by_its_town(mention: Mention) -> bool:
    """A name of two words that is a business only by the town that ends it, and not one that
    reads as a business's branch: initials ("ACME Oslo", "Acme UK"), a place ("Oslo Harbour")
    or a land ("Acme Europe") in it."""
    words = tuple(mention.text.split(" "))
    if mention.kind != "organization" or len(words) != _FULL_NAME_WORDS or mention.role:
        return False
    first, last = words
    if first.isupper() and len(first) > _INITIALS or fold(first) in places() or last.isupper():
        return False
    if fold(last) in _LANDS or fold(last) in country_names():
        return False
    return kind_by_words(words, False, False) == ORG_UNLESS_SPEAKER


def _nickname_words(nickname: str) -> bool:
    """Whether a quoted piece is a nickname: a few capitalised words ("Big T"), not a phrase."""
    words = nickname.split(" ")
    return len(words) <= _NICKNAME_WORDS and all(word[:1].isupper() for word in words)


def _lone_first_name(text: str, mention: Mention) -> bool:
    """A mention of one word that is a first name and no country, not after a preposition of place
    ("in Sydney and Bob Lee's town" keeps the city)."""
    if " " in mention.text or mention.kind not in _FIRST_NAME_KINDS:
        return False
    folded = fold(mention.text)
    if folded not in first_name_gender() or folded in country_names() or mention.text.isupper():
        return False
    if mention.kind == "person" and mention.role:
        return True
    before = word_before(text, mention.start - 1) if mention.start > 1 else None
    return before is None or before[2].lower() not in PLACE_PREPOSITIONS


def _nicknamed(mentions: list[Mention], k: int, surname_start: int) -> list[int]:
    """The positions of the nickname's mentions and of the surname's, the surname last; none when
    no name of one or two words starts where the nickname ends."""
    taken: list[int] = []
    for n in range(k + 1, len(mentions)):
        other = mentions[n]
        if other.start > surname_start:
            return []
        if other.start == surname_start:
            words = other.text.split(" ")
            if len(words) > 2 or other.kind not in _FIRST_NAME_KINDS:
                return []
            return [*taken, n]
        taken.append(n)  # a mention inside the nickname's marks
    return []


def _pair(text: str, first: Mention, second: Mention) -> bool:
    """Whether `first` and `second` are two first names before one surname: "Ann and Bob Lee";
    not the last two of a list ("Tom Hall, Zaria and Oren Lee"), nor after a word that makes
    the first a name of its own (`_NOT_BEFORE_A_PAIR`)."""
    if text[first.end : second.start] != _AND or second.kind != "person":
        return False
    if first.start > 1 and text[first.start - 2] == ",":
        return False
    before = word_before(text, first.start - 1) if first.start > 1 else None
    if before is not None and before[2].lower() in _NOT_BEFORE_A_PAIR:
        return False
    words = second.text.split(" ")
    return len(words) == 2 and fold(words[0]) in first_name_gender() and not second.role


def _person(start: int, end: int, name: str, first: str) -> Mention:
    return Mention(start, end, name, "person", gender=name_gender(first, 2, ""))
