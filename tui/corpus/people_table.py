"""The people of a corpus as columns (people.py's resolver gives a list of `Person`s; this keeps
them): a `Person` is made only when one is asked for (a row drawn, a profile opened), so the people
of a million quotes cost their strings' bytes and a few numbers each, not an object graph each.

Kept in the quote table's side file with the rest of the resolver's answer (`people_resolved.py`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

import numpy as np

from .lazy_sequence import MadeOnRead
from .people import GENDER_ORDER, Person
from .quote_table_strings import Groups, Strings, column_state, restored_column, within

# A person's kind as the parser took the speaker, coded; a kind not listed is kept by name.
_PEOPLE_FIELDS = ("names", "keys", "aliases", "roles", "gender", "guessed", "kind", "kinds", "name_rank", "id_order")


class People(MadeOnRead[Person]):
    """People as columns, in the resolver's order (by key)."""

    def __init__(self, names: Strings, keys: Groups, aliases: Groups, roles: Groups, gender: np.ndarray,
                 guessed: np.ndarray, kind: np.ndarray, kinds: list[str], name_rank: np.ndarray,
                 id_order: np.ndarray) -> None:  # fmt: skip
        self.names, self.keys, self.aliases, self.roles = names, keys, aliases, roles
        self.gender = gender  # a code into GENDER_ORDER
        self.guessed, self.kind, self.kinds = guessed, kind, kinds  # kind: a code into kinds
        self.name_rank = name_rank  # the place of the folded name among every person's, for sorting by name
        self.id_order = id_order  # the people in the order of their ids, to find one by id
        self.is_person = kind == (kinds.index("person") if "person" in kinds else -1)

    @classmethod
    def of(cls, people: Sequence[Person]) -> People:
        kinds = sorted({person.kind for person in people})
        kind_codes = {kind: code for code, kind in enumerate(kinds)}
        gender_codes = {gender: code for code, gender in enumerate(GENDER_ORDER)}
        folded = sorted({person.name.casefold() for person in people})
        rank = {name: number for number, name in enumerate(folded)}
        ids = [person.id for person in people]
        return cls(
            Strings.of(person.name for person in people), Groups.of(person.keys for person in people),
            Groups.of(person.aliases for person in people), Groups.of(person.roles for person in people),
            np.array([gender_codes[p.gender] for p in people], dtype=np.uint8),
            np.array([p.guessed for p in people], dtype=bool),
            np.array([kind_codes[p.kind] for p in people], dtype=np.uint8), kinds,
            np.array([rank[p.name.casefold()] for p in people], dtype=np.int32),
            np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int32),
        )  # fmt: skip

    def __len__(self) -> int:
        return len(self.names)

    def _item(self, at: int) -> Person:
        keys = self.keys[at]
        return Person(id=self.id_of(at, keys), name=self.names[at], gender=GENDER_ORDER[int(self.gender[at])],
                      aliases=self.aliases[at], roles=self.roles[at], keys=keys, guessed=bool(self.guessed[at]),
                      kind=self.kinds[int(self.kind[at])])  # fmt: skip

    def __iter__(self) -> Iterator[Person]:
        return map(self._item, range(len(self)))

    @staticmethod
    def id_of(number: int, keys: list[str]) -> str:
        """A person's id: their own key (the first of their keys), spaces as hyphens (as people.py)."""
        return keys[0].replace(" ", "-") if keys else f"person-{number}"

    def number_of(self, person_id: str) -> int | None:
        """The number of the person with this id (a binary search in the id order), None when none."""
        ids = _Ids(self)
        at = bisect_left(ids, person_id)
        return int(self.id_order[at]) if at < len(ids) and ids[at] == person_id else None

    def state(self) -> dict:
        return {"names": self.names.state(), "keys": self.keys.state(), "aliases": self.aliases.state(),
                "roles": self.roles.state(), "gender": column_state(self.gender),
                "guessed": column_state(self.guessed), "kind": column_state(self.kind), "kinds": list(self.kinds),
                "name_rank": column_state(self.name_rank), "id_order": column_state(self.id_order)}  # fmt: skip

    @classmethod
    def restored(cls, state: object) -> People | None:
        """From `state()`'s dict when every column fits the others; else None."""
        if not isinstance(state, dict) or set(state) != set(_PEOPLE_FIELDS):
            return None
        names = Strings.restored(state["names"])
        if names is None:
            return None
        count = len(names)
        groups = [Groups.restored(state[name], count) for name in ("keys", "aliases", "roles")]
        columns = [restored_column(state[name], count) for name in ("gender", "guessed", "kind", "name_rank",
                                                                     "id_order")]  # fmt: skip
        kinds = state["kinds"]
        if any(g is None for g in groups) or any(c is None for c in columns) or not isinstance(kinds, list):
            return None
        gender, guessed, kind, name_rank, id_order = columns
        keys, aliases, roles = groups
        assert gender is not None and guessed is not None and kind is not None and name_rank is not None
        assert id_order is not None and keys is not None and aliases is not None and roles is not None
        if not all(isinstance(k, str) for k in kinds) or guessed.dtype != bool:
            return None
        if not (within(gender, 0, len(GENDER_ORDER)) and within(kind, 0, len(kinds)) and within(name_rank, 0, count + 1)
                and within(id_order, 0, count)):  # fmt: skip
            return None
        return cls(names, keys, aliases, roles, gender, guessed, kind, kinds, name_rank, id_order)


class _Ids(MadeOnRead[str]):
    """The people's ids in sorted order, each made when the binary search reads it."""

    def __init__(self, people: People) -> None:
        self._people = people

    def __len__(self) -> int:
        return len(self._people)

    def _item(self, at: int) -> str:
        number = int(self._people.id_order[at])
        return People.id_of(number, self._people.keys[number])


class Words:
    """Each folded word of a person's names, to the people who have it (`speaker:` and a name
    looked up): the distinct words sorted, and each one's people numbers, found by binary search."""

    def __init__(self, words: Strings, first: np.ndarray, people: np.ndarray) -> None:
        self.words, self.first, self.people = words, first, people

    @classmethod
    def of(cls, people: People) -> Words:
        by_word: dict[str, list[int]] = {}
        for number in range(len(people)):
            for word in {word for key in people.keys[number] for word in key.split()}:
                by_word.setdefault(word, []).append(number)
        words = sorted(by_word)
        first = np.zeros(len(words) + 1, dtype=np.int64)
        np.cumsum([len(by_word[word]) for word in words], out=first[1:])
        numbers = np.array([n for word in words for n in by_word[word]], dtype=np.int32)
        return cls(Strings.of(words), first, numbers)

    def get(self, word: str) -> list[int]:
        at = bisect_left(self.words, word)
        if at < len(self.words) and self.words[at] == word:
            return self.people[int(self.first[at]) : int(self.first[at + 1])].tolist()
        return []

    def state(self) -> dict:
        return {"words": self.words.state(), "first": column_state(self.first), "people": column_state(self.people)}

    @classmethod
    def restored(cls, state: object, people: int) -> Words | None:
        if not isinstance(state, dict) or set(state) != {"words", "first", "people"}:
            return None
        words = Strings.restored(state["words"])
        first = restored_column(state["first"], None if words is None else len(words) + 1)
        numbers = restored_column(state["people"])
        if words is None or first is None or numbers is None or first.dtype != np.int64:
            return None
        if first[0] != 0 or first[-1] != len(numbers) or np.any(np.diff(first) < 0) or not within(numbers, 0, people):
            return None
        return cls(words, first, numbers)
