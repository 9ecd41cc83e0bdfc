"""Mentions clustered into entities.

A person's mentions cluster within an article by surname ("French President Emmanuel Macron",
"Macron", "Mr Macron"); the longest form is the entity's name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import cast

from ..models import Entity, EntityKind
from .budget import check
from .entity_table import EntityTable, Mention
from .lexicon import country_names, first_name_gender, fold, places
from .lexicon.name_words import PLACE_PREPOSITIONS
from .lexicon.rule_words import KIN_NOUNS
from .runs import word_before


def cluster(text: str, raw: list[Mention]) -> EntityTable:
    """Group mentions into entities: a person's surname joins the fullest name that ends with it."""
    table = EntityTable(text=text)
    by_key: dict[str, Entity] = {}
    # the first person met whose folded words end with these ("Macron" -> "Emmanuel Macron"), and
    # the people of several words by their first word ("Tomas" -> "Tomas Berg"): indexed
    # as people are met, so that no name is compared with every person before it
    by_ending: dict[tuple[str, ...], str] = {}
    by_first: dict[str, set[str]] = {}
    org_openings: dict[str, str] = {}  # "Savanna Digital" -> the key of "Savanna Digital Ltd"
    seen: dict[str, tuple[set[str], set[str]]] = {}  # entity key -> its aliases and roles, as sets
    # where each person named by several words is named, by surname: "Lee said" is the Lee named
    # last before it when the article has two (Ann Lee and Tom Lee)
    surname_at = _SurnamePlaces()
    _settle_unknowns(text, raw)
    names_of: dict[str, tuple[str, ...]] = {}  # each person's folded words, by key
    named_alone = {fold(m.text) for m in raw if " " not in m.text}  # "Lee said"
    # most words first; a name's words are joined by single spaces (`runs.joined`), so counting
    # them is counting spaces
    for mention in sorted(raw, key=_fewest_spaces_last):
        check()
        words = _folded_words(mention.text)
        if mention.kind in ("person", "unknown"):
            key = by_ending.get(words)
            if key is not None and len(words) == 1:
                key = surname_at.nearest(words[0], mention.start, key, mention.gender)
            if (
                key is None
                and len(words) == 1
                and (words[0] in first_name_gender() or mention.role in KIN_NOUNS or fold(mention.role) in _KNIGHTS)
            ):
                # "says Tomas" after "Tomas Berg"; "his son Kerem" after "Kerem Aksoy", a first name
                # that no list holds
                key = _by_first_name(words[0], by_first)
                if key is not None and mention.role in KIN_NOUNS and not surname_at.shared(key):
                    key = None  # "Berg's father, Tomas" is Tomas Holm only if another Holm is named
            if key is None and len(words) > 1:
                key = _by_opening(words, by_first, names_of, named_alone)  # "Luis Carlos" of "Luis Carlos Brenner"
            if key is None and mention.kind == "unknown":
                continue
            if key is None:
                key = f"person:{_slug(mention.text)}"
                _index_person(words, key, by_ending, by_first)
                names_of[key] = words
            mention.kind = "person"
            if len(words) > 1:
                surname_at.add(words[-1], mention.start, key, mention.gender)
        else:
            key = _org_key(mention, by_key, org_openings)
        mention.key = key
        entity = by_key.get(key)
        if entity is None:
            # Every mention left is a person (set above) or of a named kind: no "unknown" reaches here.
            entity = Entity(id=key, name=mention.text, kind=cast(EntityKind, mention.kind))
            by_key[key] = entity
            if entity.kind == "organization":
                for opening in _openings(entity.name):
                    org_openings.setdefault(opening, key)
                initials = _initials(entity.name)
                if initials:
                    org_openings.setdefault(initials, key)  # "NRA" of "the Northern Rail Authority"
        known = seen.get(key)
        if known is None:
            known = seen[key] = (set(), set())
        _absorb(entity, mention, *known)
        table.mentions.append(mention)
    for entity in by_key.values():
        entity.mentions.sort()
        name = _display_name(entity)
        if name != entity.name:
            entity.name = name
    table.entities = sorted(by_key.values(), key=lambda e: e.mentions[0][0])
    table.finish()
    return table


class _SurnamePlaces:
    """Where each person of several words is named, by surname; filled before any one-word
    mention is read (mentions come most words first), sorted once a surname is asked for."""

    def __init__(self) -> None:
        self._places: dict[str, list[tuple[int, str]]] = {}
        self._sorted: set[str] = set()
        self._surname_of: dict[str, str] = {}
        self._gender_of: dict[str, str] = {}  # a person's gender, where a mention gives one

    def add(self, surname: str, start: int, key: str, gender: str | None = None) -> None:
        self._places.setdefault(surname, []).append((start, key))
        self._surname_of[key] = surname
        if gender in ("male", "female"):
            self._gender_of.setdefault(key, gender)

    def shared(self, key: str) -> bool:
        """Whether another person of the article has the surname of `key`: a relative's."""
        places = self._places.get(self._surname_of.get(key, ""), ())
        return any(other != key for _, other in places)

    def nearest(self, surname: str, start: int, default: str, gender: str | None = None) -> str:
        """The person of that surname named last before `start` whose gender fits `gender` ("Mr
        Lee" is not Ann Lee); `default` when only one person has it or none fits before."""
        places = self._places.get(surname)
        if places is None or len(places) < 2:
            return default
        if surname not in self._sorted:
            places.sort()
            self._sorted.add(surname)
            if len({key for _, key in places}) < 2:
                places[:] = places[:1]  # one person named many times: no choice to make again
                return default
        k = bisect_left(places, (start, ""))
        fits = [key for _, key in places[max(0, k - _GENDER_REACH) : k] if self._fits(key, gender)]
        if fits:
            return fits[-1]
        if not self._fits(default, gender):  # "Mrs Lee" first, of Tom Lee and Ann Lee named after
            return next((key for _, key in places[:_GENDER_REACH] if self._fits(key, gender)), default)
        return default

    def _fits(self, key: str, gender: str | None) -> bool:
        known = self._gender_of.get(key)
        return gender not in ("male", "female") or known is None or known == gender


# Mentions of a shared surname looked back over for a person of the right gender: the people of one
# surname in an article are few, and a hostile one of thousands is not read back at each mention.
_GENDER_REACH = 8


# Titles that British usage puts before a first name alone: "Sir Quentel" is Sir Quentel Brask.
_KNIGHTS = frozenset({"sir", "dame"})


def _fewest_spaces_last(mention: Mention) -> int:
    return -mention.text.count(" ")


def _org_key(mention: Mention, known: dict[str, Entity], org_openings: dict[str, str]) -> str:
    """ "Savanna Digital" is "Savanna Digital Ltd" when the article names both."""
    key = f"{mention.kind}:{_slug(mention.text)}"
    if mention.kind == "organization" and key not in known:
        return org_openings.get(mention.text, key)
    return key


# Words of a person's name that a shorter mention may end with: "Macron" and "Emmanuel Macron" of
# "French Emmanuel Macron". A longer mention joins a longer name only when the two are the same.
_LONGEST_NAME_ENDING = 8


def _index_person(
    words: tuple[str, ...], key: str, by_ending: dict[tuple[str, ...], str], by_first: dict[str, set[str]]
) -> None:
    """Index a new person by the endings of its name (the earliest person keeps an ending) and,
    when it has several words, by its first word."""
    by_ending.setdefault(words, key)
    for k in range(max(1, len(words) - _LONGEST_NAME_ENDING), len(words)):
        by_ending.setdefault(words[k:], key)
    if len(words) > 1:
        by_first.setdefault(words[0], set()).add(key)


def _by_first_name(first: str, by_first: dict[str, set[str]]) -> str | None:
    """The one person of several words whose name starts with `first`, if there is only one."""
    keys = by_first.get(first)
    return next(iter(keys)) if keys is not None and len(keys) == 1 else None


def _by_opening(
    words: tuple[str, ...], by_first: dict[str, set[str]], names_of: dict[str, tuple[str, ...]], alone: set[str]
) -> str | None:
    """The one person of more words whose name opens with all of `words`, first names all of them,
    and whose surname the article writes alone too ("Luis Carlos" of "Luis Carlos Brenner", who is
    "Brenner" elsewhere; not "Ann Dale" of "Ann Dale Tour"); none when two such people are named."""
    keys = by_first.get(words[0])
    if keys is None or len(keys) > _OPENING_CHOICES or not all(word in first_name_gender() for word in words):
        return None
    found = [
        key
        for key in keys
        if len(names_of[key]) > len(words) and names_of[key][: len(words)] == words and names_of[key][-1] in alone
    ]
    return found[0] if len(found) == 1 else None


# People sharing a first word that an opening of several words is compared with: a hostile
# article of thousands of "Ann ..." names is not read through at each of its mentions.
_OPENING_CHOICES = 16


def _settle_unknowns(text: str, raw: list[Mention]) -> None:
    """Names seen once as a person make their other mentions people too.

    "Oduya Kamberi" (an unknown first name) is a person because "Kamberi said" is; "Holm"
    is Ingrid Holm, not a place, in an article that names her; "Sydney said" is Sydney Marsh, not
    the city, in an article that names her (but "in Sydney" stays the city).
    """
    works = {m.text for m in raw if m.kind == "work"}
    if works:  # a title named as a work once names no one anywhere in the article
        raw[:] = [m for m in raw if m.text not in works]
    org_names = {m.text for m in raw if m.kind == "organization"}
    org_openings = {opening for name in org_names for opening in _openings(name)}
    surnames: set[str] = set()
    full_surnames: set[str] = set()  # of people named by more than one word
    named_alone: set[str] = set()  # every name of one word, of whatever kind
    # the first word and the surname of people named by several words, and whether a role comes with them
    full_names: list[tuple[str, str, bool]] = []
    # Each rule reads one mention and sets made before it, so one pass a rule's sets need will do.
    for mention in raw:
        if mention.kind in ("person", "unknown") and (
            mention.text in org_openings or mention.text in org_names and not mention.role
        ):
            mention.kind = "organization"  # "Voltaro said" where "Voltaro shares" is a business
        elif mention.kind == "person" and " " in mention.text and _opens_with_a_body(mention.text, org_names):
            mention.kind = "organization"  # "Acme Rail Maintenance" where "Acme Rail" is a business
        elif mention.kind == "place" and mention.text in org_names and not _after_place_word(text, mention):
            mention.kind = "organization"  # "Dover said" where "phone giant Dover" is; not "in Dover"
        if " " not in mention.text:
            named_alone.add(_folded_words(mention.text)[0])
        if mention.kind == "person":
            surname = _folded_words(mention.text)[-1]
            surnames.add(surname)
            if " " in mention.text:
                full_surnames.add(surname)
                full_names.append((_folded_words(mention.text)[0], surname, bool(mention.role)))
    _places_that_speak(text, raw, surnames, full_surnames)
    first_names = _first_names(full_names, named_alone)
    kept: list[Mention] = []
    for mention in raw:
        words = _folded_words(mention.text)
        ends_a_surname = mention.kind == "unknown" and len(words) > 1 and words[-1] in surnames
        is_a_surname = mention.kind in ("place", "organization") and len(words) == 1 and words[0] in full_surnames
        is_a_first_name = (
            mention.kind == "place"
            and len(words) == 1
            and words[0] in first_names
            and not mention.text.isupper()  # "UK", "USA": initials, never a first name
            and not _after_place_word(text, mention)
        )
        if ends_a_surname or is_a_surname or is_a_first_name:
            mention.kind = "person"
        # A lone word that said something ("Acme said", "says Tomas") is a person only when the
        # article gives a full name ending with it, or a title ("Mr Berg").
        if mention.kind == "person" and len(words) == 1 and not mention.role and words[0] not in full_surnames:
            mention.kind = "unknown"
        if mention.kind == "unknown" and len(words) > 1:
            continue  # an unknown name of several words that no person shares: dropped
        kept.append(mention)
    raw[:] = kept


def _opens_with_a_body(name: str, org_names: set[str]) -> bool:
    """Whether a name opens with an organisation's name of two words or more: a person's name
    never does ("Acme Rail Maintenance" of "Acme Rail")."""
    return any(" " in opening and opening in org_names for opening in _openings(name)[1:])


def _places_that_speak(text: str, raw: list[Mention], surnames: set[str], full_surnames: set[str]) -> None:
    """A first name and a place word ("Tom Hall", a venue's name too) is a person where the article
    has its last word alone as a name of no kind yet ("Hall said") and never writes it after a
    preposition of place ("at Tom Hall"): it and its surname join the people's."""
    alone = {m.text.casefold() for m in raw if m.kind == "unknown" and " " not in m.text}
    if not alone:
        return
    names = first_name_gender()
    candidates = [
        m
        for m in raw
        if m.kind == "place"
        and m.text.count(" ") == 1
        and _folded_words(m.text)[0] in names
        and m.text.rpartition(" ")[2].casefold() in alone
    ]
    venues = {m.text for m in candidates if _after_place_word(text, m)}
    for mention in candidates:
        if mention.text not in venues:
            mention.kind = "person"
            surname = _folded_words(mention.text)[-1]
            surnames.add(surname)
            full_surnames.add(surname)


def _first_names(full_names: list[tuple[str, str, bool]], named_alone: set[str]) -> set[str]:
    """The first names of the people named by several words whom the article treats as people
    elsewhere, by their surname alone or with a role: "Kim Lund" and "Lund said", not "Kim
    Harbour Festival" (first name or not, a list's word may open the name of a thing); a country
    ("Jordan", "Chad") named alone is the country still."""
    names, countries = first_name_gender(), country_names()
    return {
        first
        for first, surname, role in full_names
        if first in names and first not in countries and (role or surname in named_alone)
    }


def _after_place_word(text: str, mention: Mention) -> bool:
    """Whether a preposition of place comes right before the mention: "in Sydney", "from Jordan"."""
    if mention.start < 2 or text[mention.start - 1] != " ":
        return False
    before = word_before(text, mention.start - 1)
    return before is not None and before[2].lower() in PLACE_PREPOSITIONS


_LONGEST_OPENING = 8  # words of the openings of a longer name that are looked for as names of their own


def _openings(name: str) -> list[str]:
    """The names a longer one starts with, word by word: "Savanna", "Savanna Digital" of
    "Savanna Digital Ltd" (up to `_LONGEST_OPENING` words: every opening of a run of N words
    would be N names of N words)."""
    words = name.split(" ", _LONGEST_OPENING)
    return [" ".join(words[:k]) for k in range(1, min(len(words), _LONGEST_OPENING + 1))]


def _initials(name: str) -> str:
    """The capitals a name of two capitalised words or more is abbreviated to ("NRA" of "the Northern
    Rail Authority", skipping "of" and "and"), or "" for a shorter name."""
    letters = [word[0] for word in name.split(" ") if word[:1].isupper()]
    return "".join(letters) if len(letters) >= 2 else ""


@lru_cache(maxsize=1 << 16)
def _folded_words(name: str) -> tuple[str, ...]:
    """A name's folded words; a tuple, as the cache hands the same one to every caller."""
    return tuple(fold(name).split())


def _display_name(entity: Entity) -> str:
    """The name in the case the text gives it: a dateline's "WASHINGTON" is "Washington" where the
    text writes it so, and a known place named only in capitals ("LONDON") is shown in title case.
    Short capitals ("UK", "ICO", "OSLO", "MAGA") may be initials and stay as written."""
    name = entity.name
    if len(name) <= 3 or not name.isupper():
        return name
    folded = fold(name)
    written = next((alias for alias in entity.aliases if not alias.isupper() and fold(alias) == folded), None)
    if written is not None:
        return written
    return name.title() if entity.kind == "place" and len(name) > 4 and folded in places() else name


def _absorb(entity: Entity, mention: Mention, aliases: set[str], roles: set[str]) -> None:
    """Add a mention to its entity; `aliases` and `roles` are the entity's own, as sets."""
    entity.mentions.append((mention.start, mention.end))
    if mention.text not in aliases:
        aliases.add(mention.text)
        entity.aliases.append(mention.text)
    if mention.role and mention.role not in roles:
        roles.add(mention.role)
        entity.roles.append(mention.role)
    if entity.gender is None and mention.gender in ("male", "female"):
        entity.gender = mention.gender  # type: ignore[assignment]


_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)
def _slug(name: str) -> str:
    return _NOT_WORD.sub("-", fold(name)).strip("-")
