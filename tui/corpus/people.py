"""One person, one identity across the corpus.

The parser names a speaker per article: "Ann Lee" in one, "Lee" in another. Here those raw names
become people: a one-word name is the person of the one full name in the corpus that ends with it
("Lee" is "Ann Lee" when the corpus has no other full name ending in Lee); when two full names
share it ("Ann Lee", "Bo Lee"), the one full name that the articles' context fits (the gender and
the role words they give the one-word name: "Mrs Lee", "Minister Lee"); where they give it no
role, the one full name quoted far more than the others together ("Blair" in a corpus of British
politics); else the one-word name stays a person of its own, so two people who share a surname
are not merged. The user's corrections (corrections.py) come first: a name marked not a person is
dropped, a merge or rename maps a name onto another, a gender replaces the guess.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from .corrections import Corrections
from .index.keys import name_key
from .quote_table import NO_SPEAKER, RawSpeaker

UNKNOWN = "unknown"
GENDER_ORDER: tuple[str, ...] = ("female", "male", UNKNOWN)


@dataclass
class Person:
    """Someone quoted in the corpus: every raw name that is them, merged."""

    id: str
    name: str
    gender: str  # "female", "male", or "unknown" when neither the parser nor the user said
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # the folded names that are this person
    guessed: bool = True  # the gender is the parser's guess, not a correction
    kind: str = "person"  # as the parser took the speaker: person, organization, ..., other (no entity)

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


@dataclass
class Identities:
    """People, and which person each raw name is (`of_raw[n]`, NO_SPEAKER when none)."""

    people: list[Person]
    of_raw: array

    def person_of(self, raw: int) -> int:
        return NO_SPEAKER if raw == NO_SPEAKER else self.of_raw[raw]


def resolve(raw: list[RawSpeaker], corrections: Corrections) -> Identities:
    """People from the table's raw names, corrections applied."""
    folded = _Folded(corrections)
    # A name marked not a person takes with it the surname that stood for it ("Lee" for "Ann Lee").
    target = {speaker.key: folded.target(speaker.key) for speaker in raw}
    by_surname: dict[str, set[str]] = {}
    for key in set(target.values()):
        words = key.split()
        if len(words) >= 2:
            by_surname.setdefault(words[-1], set()).add(key)

    context = _Context(raw, target)

    def identity(key: str) -> str:
        full = by_surname.get(key, set()) if " " not in key else set()
        if len(full) == 1:
            return next(iter(full))
        return context.decide(key, full) if full else key

    final = {key: identity(value) for key, value in target.items()}
    not_person = folded.not_person
    final = {key: value for key, value in final.items() if value not in not_person and key not in not_person}
    groups: dict[str, list[RawSpeaker]] = {}
    for speaker in raw:
        if speaker.key in final:
            groups.setdefault(final[speaker.key], []).append(speaker)
    people: list[Person] = []
    number: dict[str, int] = {}
    for key, members in sorted(groups.items()):
        number[key] = len(people)
        people.append(_person(key, members, folded))
    of_raw = array("i", [NO_SPEAKER] * len(raw))
    for position, speaker in enumerate(raw):
        if speaker.key in final:
            of_raw[position] = number[final[speaker.key]]
    return Identities(people, of_raw)


# Words of a role that say nothing of which person it is ("Mr Lee" is any man called Lee).
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady"})


class _Context:
    """What the articles say of a surname named alone, to choose among the full names that share
    it: the gender they give it ("Mrs Lee") and the words of its roles ("Harbour Minister Lee")."""

    def __init__(self, raw: list[RawSpeaker], target: dict[str, str]) -> None:
        self._genders: dict[str, set[str]] = {}
        self._roles: dict[str, set[str]] = {}
        self._quotes: dict[str, int] = {}
        for speaker in raw:
            key = target[speaker.key]
            self._quotes[key] = self._quotes.get(key, 0) + speaker.quotes
            genders = self._genders.setdefault(key, set())
            if speaker.genders:  # most names have none: nothing to add
                genders.update(g for g, n in speaker.genders.items() if n)
            roles = self._roles.setdefault(key, set())
            if speaker.roles:
                roles.update(w for role in speaker.roles for w in role.lower().split() if w not in _HONORIFICS)

    def decide(self, alone: str, full: set[str]) -> str:
        """The one full name that the lone surname's gender, else its roles, fit; `alone` itself
        when none or several do: two people who share a surname stay apart."""
        genders = self._genders.get(alone, set())
        if len(genders) == 1:  # a full name of no known gender may be anyone's
            full = {key for key in full if self._genders.get(key, genders) in (genders, set())}
        if len(full) > 1:
            roles = self._roles.get(alone, set())
            fitting = {key for key in full if roles & self._roles.get(key, set())}
            full = fitting if fitting or roles else self._prominent(full)
        return next(iter(full)) if len(full) == 1 else alone

    def _prominent(self, full: set[str]) -> set[str]:
        """The one full name quoted far more than all the others that share its surname together
        ("Blair" of a corpus of politics is its prime minister, not a police chief quoted once),
        when the lone surname's articles give it no role to choose by; else all of them."""
        counts = sorted(((self._quotes.get(key, 0), key) for key in full), reverse=True)
        (most, key), others = counts[0], sum(count for count, _ in counts[1:])
        return {key} if most >= _PROMINENT_LEAST and most >= _PROMINENT_TIMES * others else full


# A full name takes a lone surname that its articles do not otherwise place when it has this many
# quotes at least, and this many times the quotes of every other full name of that surname together.
_PROMINENT_LEAST = 20
_PROMINENT_TIMES = 10


class _Folded:
    """The corrections as the resolver asks them, each name folded once (not once a raw name: a
    hundred thousand names asked of each correction). Answers as `Corrections`' methods do."""

    def __init__(self, corrections: Corrections) -> None:
        self.merges = {name_key(a): name_key(b) for a, b in {**corrections.merge, **corrections.rename}.items()}
        self.not_person = {name_key(name) for name in corrections.not_person}
        self.names: dict[str, str] = {}
        for name in (*corrections.rename.values(), *corrections.merge.values()):
            self.names.setdefault(name_key(name), name)  # the first that folds to a key, as `display`
        self.genders: dict[str, str] = {}
        for name, gender in corrections.gender.items():
            self.genders.setdefault(name_key(name), gender)

    def target(self, key: str) -> str:
        """As `Corrections.target`: the end of a chain of merges and renames, never a loop."""
        merges, seen = self.merges, {key}
        while key in merges and merges[key] not in seen:
            key = merges[key]
            seen.add(key)
        return key


def _person(key: str, members: list[RawSpeaker], folded: _Folded) -> Person:
    if len(members) > 1:
        members = sorted(members, key=lambda s: (s.key != key, -len(s.key.split()), -s.quotes, s.key))
    name = folded.names.get(key) or members[0].display
    aliases: dict[str, None] = {}
    roles: dict[str, None] = {}
    genders: dict[str, int] = {}
    kinds: dict[str, int] = {}
    for speaker in members:
        for kind, count in speaker.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + count
        aliases.update(dict.fromkeys([speaker.display, *speaker.aliases]))
        roles.update(speaker.roles)
        for gender, count in speaker.genders.items():
            genders[gender] = genders.get(gender, 0) + count
    aliases.pop(name, None)
    genders_given = folded.genders
    corrected = next((g for k in [key, *(s.key for s in members)] if (g := genders_given.get(k))), None)
    guessed = max(genders, key=lambda g: (genders[g], g)) if genders else UNKNOWN
    kind = "person" if corrected or "person" in kinds else max(kinds, key=lambda k: (kinds[k], k))
    # `speaker:` finds a person by any of their names, the parser's aliases included (as it always did).
    keys = list(dict.fromkeys([key, *(s.key for s in members), *filter(None, map(name_key, aliases))]))
    return Person(id=key.replace(" ", "-"), name=name, gender=corrected or guessed, aliases=list(aliases),
                  roles=list(roles), keys=keys, guessed=corrected is None, kind=kind)  # fmt: skip


def matches(person: Person, words: tuple[str, ...]) -> bool:
    """Whether a person is meant by folded words: the words side by side in any of their names."""
    needle = f" {' '.join(words)} "
    return any(needle in f" {key} " for key in person.keys)


def shares(counts: dict[str, int]) -> dict[str, float]:
    """Each gender's share of the counted quotes, 0 for all when there are none."""
    total = sum(counts.values())
    return {gender: (counts.get(gender, 0) / total if total else 0.0) for gender in GENDER_ORDER}


def quoted_line(people: int, by_people: int, quotes: int) -> str:
    """What the people view counts, put so that it reads with `shares_line` (whose total is
    `by_people`), not against it: "25 people said 75 of 96 quotes found". The other quotes are
    by organisations and the like, or by nobody named, and are in no share."""
    who = f"{people:,} {'person' if people == 1 else 'people'}"
    return f"{who} said {by_people:,} of {quotes:,} quote{'s' * (quotes != 1)} found"


def shares_line(counts: dict[str, int]) -> str:
    """ "women 31% · men 62% · unknown 7% of 290 quotes"."""
    total = sum(counts.values())
    share = shares(counts)
    parts = [f"{label} {share[gender]:.0%}" for gender, label in zip(GENDER_ORDER, ("women", "men", "unknown"),
                                                                     strict=True)]  # fmt: skip
    return f"{' · '.join(parts)} of {total:,} quote{'s' * (total != 1)}"
