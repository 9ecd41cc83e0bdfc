"""A profile's "about whom" rows (about_rows.py), made as they are read, against a plain sort of
every entity's quotes; and the entities' name keys, kept from one profile to the next."""

from __future__ import annotations

import random

import numpy as np
import pytest

from tests.core.test_quote_order import plain_about
from tests.helpers import corpus_of
from tests.quote_corpus import article
from tui.corpus import LiveCorpus
from tui.corpus.about_rows import FEW_TO_SORT, about_rows
from tui.corpus.index.keys import name_key
from tui.corpus.quote_table_state import Entities
from tui.corpus.quote_table_strings import Strings

KINDS = ("organization", "person", "place")
# Names whose ends fold in every way: accents, capitals, punctuation, spaces, letters that fold
# into two, an underscore (no word character), digits, nothing at all.
AWKWARD_NAMES = ("Ann Lee", "ann lee", "ANN LEE.", " Ann Lee ", "Ann-Lee", "Ånn Lée", "Ann Le\u0301e", "Ann Lee_",
                 "(Ann Lee)", "Strauß", "STRAUSS", "strauss", "3M", "3m Co", "", ".", "Émile", "emile", "Zoë", "Zoe",
                 "ﬁnn", "Finn", "'Ann Lee'", "Ann Lee's", "Anne Lee", "Bo Park")  # fmt: skip


def invented_named(rng: random.Random, quotes: int, entities: int) -> tuple[list[tuple[str, str]], list[list[int]]]:
    """Entities (some named alike in another kind) and the entities each quote names: many
    entities named equally often, so that ties are broken by kind and name."""
    names = [rng.choice(["", "A. ", "É"]) + f"Name {rng.randrange(entities // 2)}" + rng.choice(["", "."])
             for _ in range(entities)]  # fmt: skip
    made = [(rng.choice(KINDS), name) for name in names]
    unique = list(dict.fromkeys(made))
    named = [rng.sample(range(len(unique)), rng.randrange(4)) for _ in range(quotes)]
    return unique, named


def as_side_file_holds(entities: list[tuple[str, str]]) -> Entities:
    """The entities as a table read from its side file holds them: kinds as codes, names in a blob."""
    return Entities(np.array([KINDS.index(kind) for kind, _ in entities], dtype=np.uint8), list(KINDS),
                    Strings.of(name for _, name in entities))  # fmt: skip


def test_a_name_that_may_fold_to_a_key_is_never_told_apart_from_it() -> None:
    names = Strings.of(AWKWARD_NAMES)
    every = np.arange(len(AWKWARD_NAMES), dtype=np.int64)
    for key in {name_key(name) for name in AWKWARD_NAMES}:
        maybe = names.may_fold_to(every, [key]).tolist()
        assert all(maybe[at] for at, name in enumerate(AWKWARD_NAMES) if name_key(name) == key), key
        assert not all(maybe), key  # and most are told apart without their names read
    one, other = (names.may_fold_to(every, [key]).tolist() for key in ("ann lee", "bo park"))
    both = names.may_fold_to(every, ["ann lee", "bo park"]).tolist()
    assert both == [a or b for a, b in zip(one, other, strict=True)]
    assert names.may_fold_to(every[::-1], ["ann lee"]).tolist() == names.may_fold_to(every, ["ann lee"]).tolist()[::-1]
    assert names.may_fold_to(every[:0], ["ann lee"]).tolist() == []


def columns_of(named: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    first = np.cumsum([0, *map(len, named)]).astype(np.uint32)
    return np.array([e for each in named for e in each], dtype=np.uint32), first


def plain(entities: list[tuple[str, str]], named: list[list[int]], quotes: list[int], speaker: set[str]) -> list:
    naming: dict[int, list[int]] = {}
    for quote in quotes:
        for entity in named[quote]:
            naming.setdefault(entity, []).append(quote)
    items = [(entities[e], said) for e, said in naming.items() if name_key(entities[e][1]) not in speaker]
    items.sort(key=lambda item: (-len(item[1]), item[0]))
    return [(kind, name, said) for (kind, name), said in items]


@pytest.mark.parametrize("side_file", [False, True])
@pytest.mark.parametrize(("seed", "entities_made"), [(seed, 120) for seed in range(6)] + [(6, 3000), (7, 3000)])
def test_rows_read_in_any_order_are_the_plain_sorts_rows(seed: int, entities_made: int, side_file: bool) -> None:
    """Rows read in any order are the plain sort's; with 3,000 entities, each named once or twice,
    runs of equally counted entities are longer than `FEW_TO_SORT` (put in name order in numpy)."""
    rng = random.Random(seed)
    entities, named = invented_named(rng, 400, entities_made)
    if entities_made > len(named):
        counts = np.bincount(np.concatenate([np.array(n, dtype=np.int64) for n in named]))
        assert np.bincount(counts[counts > 0]).max() > FEW_TO_SORT
    held = as_side_file_holds(entities) if side_file else entities
    for _ in range(3):
        quotes = sorted(rng.sample(range(len(named)), rng.randrange(1, len(named))))
        speaker = {name_key(rng.choice(entities)[1]), "nobody named so"}
        expected = plain(entities, named, quotes, speaker)
        rows = about_rows(columns_of(named), held, speaker, np.array(quotes, dtype=np.int64))
        assert len(rows) == len(expected)
        order = list(range(len(rows)))
        rng.shuffle(order)  # a row deep in the list first: its run is put in order on its own
        assert {at: rows[at] for at in order} == dict(enumerate(expected))
        assert list(rows) == expected and rows[-1] == expected[-1] and rows[2:9] == expected[2:9]
        with pytest.raises(IndexError):
            rows[len(rows)]


def test_no_quotes_name_nobody() -> None:
    entities, named = [("place", "Rome")], [[0], []]
    rows = about_rows(columns_of(named), entities, [], np.array([1], dtype=np.int64))
    assert len(rows) == 0 and list(rows) == []


def test_a_speaker_is_left_out_of_their_own_profile_after_another_profile_named_them() -> None:
    """The name keys kept from the first profile tell the second who its speaker is."""
    names = {"Ann Lee": ("Bo Park", "female"), "Bo Park": ("Ann Lee", "male")}
    made = [
        article(n, f"2026-0{1 + n % 9}-1{n % 10}", "Wire", [(speaker, f"{speaker}, {other} and Acme {n}", gender)],
                others=(("person", speaker), ("person", other), ("organization", "Acme")))
        for n in range(30)
        for speaker, (other, gender) in names.items()
    ]  # fmt: skip
    live = LiveCorpus(corpus_of(made))
    for person_id, other in (("ann-lee", "Bo Park"), ("bo-park", "Ann Lee")):
        profile = live.profile(person_id)
        assert profile is not None and not isinstance(profile, Exception)
        assert list(profile.about) == plain_about(live, person_id, profile.quotes)
        assert {name for _, name, _ in profile.about} == {other, "Acme"}


@pytest.mark.parametrize("seed", range(6))
def test_entities_are_put_in_name_order_as_sorted_puts_them(seed: int) -> None:
    """`Entities.name_order` (numpy on the names' first bytes, names decoded only where those
    tie) gives the order `sorted` gives the (kind, name) items, whatever the names: alike for
    more than the first bytes, of other scripts, empty, holding a NUL or a lone surrogate, and
    kinds listed out of their alphabetical order."""
    rng = random.Random(seed)
    stems = ["Ministry of Health", "Ministry of Hea", "Ministry", "Ann", "Ann\x00", "", "Zoë", "Zoe", "Émile",
             "北京市", "Ann Lee\ud800", "Ann Lee", "ministry", "Ωmega"]  # fmt: skip
    kinds = ["place", "person", "organization"]  # codes not in the kinds' own order
    items = list(dict.fromkeys((rng.choice(kinds), rng.choice(stems) + rng.choice(["", " A", " B", "x" * 9]))
                               for _ in range(300)))  # fmt: skip
    entities = Entities(np.array([kinds.index(kind) for kind, _ in items], dtype=np.uint8), kinds,
                        Strings.of(name for _, name in items))  # fmt: skip
    numbers = np.array(rng.sample(range(len(items)), len(items) // 2), dtype=np.int64)
    chosen = [items[number] for number in numbers.tolist()]
    order = entities.name_order(numbers).tolist()
    assert [chosen[at] for at in order] == sorted(chosen)
    assert entities.name_order(numbers[:0]).tolist() == []
