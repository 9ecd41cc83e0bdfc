"""Mentions clustered into entities.

A person's mentions cluster within an article by surname ("French President Emmanuel Macron",
"Macron", "Mr Macron"); the longest form is the entity's name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .entity_table import EntityTable, Mention
from .lexicon import first_name_gender, fold, places
from .models import Entity


def cluster(text: str, raw: list[Mention]) -> EntityTable:
    """Group mentions into entities: a person's surname joins the fullest name that ends with it."""
    table = EntityTable(text=text)
    by_key: dict[str, Entity] = {}
    people: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # surname -> (folded words, key), fullest first
    org_openings: dict[str, str] = {}  # "Savanna Digital" -> the key of "Savanna Digital Ltd"
    _settle_unknowns(raw)
    # most words first; a name's words are joined by single spaces (`runs.joined`), so counting
    # them is counting spaces
    for mention in sorted(raw, key=_fewest_spaces_last):
        words = _folded_words(mention.text)
        if mention.kind in ("person", "unknown"):
            same_surname = people.get(words[-1])
            key = _known_person(words, same_surname) if same_surname else None
            if key is None and len(words) == 1 and words[0] in first_name_gender():
                key = _by_first_name(words[0], people)  # "says Michael" after "Michael Greenspan"
            if key is None and mention.kind == "unknown":
                continue
            if key is None:
                key = f"person:{_slug(mention.text)}"
                people.setdefault(words[-1], []).append((words, key))
            mention.kind = "person"
        else:
            key = _org_key(mention, by_key, org_openings)
        mention.key = key
        entity = by_key.get(key)
        if entity is None:
            entity = Entity(id=key, name=mention.text, kind=mention.kind)
            by_key[key] = entity
            if entity.kind == "organization":
                for opening in _openings(entity.name):
                    org_openings.setdefault(opening, key)
        _absorb(entity, mention)
        table.mentions.append(mention)
    for entity in by_key.values():
        entity.mentions.sort()
        name = _display_name(entity)
        if name != entity.name:
            entity.name = name
    table.entities = sorted(by_key.values(), key=lambda e: e.mentions[0][0])
    table.finish()
    return table


def _fewest_spaces_last(mention: Mention) -> int:
    return -mention.text.count(" ")


def _org_key(mention: Mention, known: dict[str, Entity], org_openings: dict[str, str]) -> str:
    """"Savanna Digital" is "Savanna Digital Ltd" when the article names both."""
    key = f"{mention.kind}:{_slug(mention.text)}"
    if mention.kind == "organization" and key not in known:
        return org_openings.get(mention.text, key)
    return key


def _known_person(words: tuple[str, ...], same_surname: list[tuple[tuple[str, ...], str]]) -> str | None:
    """The key of the first person already met that `words` name ("Macron" after "Emmanuel Macron")."""
    for known, key in same_surname:
        if _same_person(words, known):
            return key
    return None


def _by_first_name(first: str, people: dict[str, list[tuple[tuple[str, ...], str]]]) -> str | None:
    keys = {k for known in people.values() for w, k in known if len(w) > 1 and w[0] == first}
    return keys.pop() if len(keys) == 1 else None


def _settle_unknowns(raw: list[Mention]) -> None:
    """Names seen once as a person make their other mentions people too.

    "Sevaun Palvetzian" (an unknown first name) is a person because "Palvetzian said" is; "Green"
    is Damon Green, not a place, in an article that names him.
    """
    org_names = {m.text for m in raw if m.kind == "organization"}
    org_openings = {opening for name in org_names for opening in _openings(name)}
    surnames: set[str] = set()
    full_surnames: set[str] = set()  # of people named by more than one word
    # Each rule reads one mention and sets made before it, so one pass a rule's sets need will do.
    for mention in raw:
        if mention.kind in ("person", "unknown") and \
                (mention.text in org_openings or mention.text in org_names and not mention.role):
            mention.kind = "organization"  # "Pernod said" where "Pernod shares" is a business
        if mention.kind == "person":
            surname = _folded_words(mention.text)[-1]
            surnames.add(surname)
            if " " in mention.text:
                full_surnames.add(surname)
    kept: list[Mention] = []
    for mention in raw:
        words = _folded_words(mention.text)
        if mention.kind == "unknown" and len(words) > 1 and words[-1] in surnames:
            mention.kind = "person"
        elif mention.kind in ("place", "organization") and len(words) == 1 and words[0] in full_surnames:
            mention.kind = "person"
        # A lone word that said something ("Apple said", "says Michael") is a person only when the
        # article gives a full name ending with it, or a title ("Mr Blair").
        if mention.kind == "person" and len(words) == 1 and not mention.role and words[0] not in full_surnames:
            mention.kind = "unknown"
        if mention.kind == "unknown" and len(words) > 1:
            continue  # an unknown name of several words that no person shares: dropped
        kept.append(mention)
    raw[:] = kept


def _openings(name: str) -> list[str]:
    """The names a longer one starts with, word by word: "Savanna", "Savanna Digital" of
    "Savanna Digital Ltd"."""
    words = name.split(" ")
    return [" ".join(words[:k]) for k in range(1, len(words))]


@lru_cache(maxsize=1 << 16)
def _folded_words(name: str) -> tuple[str, ...]:
    """A name's folded words; a tuple, as the cache hands the same one to every caller."""
    return tuple(fold(name).split())


def _same_person(words: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """"Macron" and "Emmanuel Macron" are one person; "Emmanuel" alone is not matched."""
    if words == known:
        return True
    return len(words) < len(known) and words == known[-len(words):]


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


def _absorb(entity: Entity, mention: Mention) -> None:
    entity.mentions.append((mention.start, mention.end))
    if mention.text not in entity.aliases:
        entity.aliases.append(mention.text)
    if mention.role and mention.role not in entity.roles:
        entity.roles.append(mention.role)
    if entity.gender is None and mention.gender in ("male", "female"):
        entity.gender = mention.gender  # type: ignore[assignment]


_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)
def _slug(name: str) -> str:
    return _NOT_WORD.sub("-", fold(name)).strip("-")
