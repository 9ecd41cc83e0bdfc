"""Postings found by bisection in their saved key order (no dictionary of keys): every lookup
answers as before packing, after it, and with keys added after it."""

from __future__ import annotations

import random

from tui.corpus.index import Postings
from tui.corpus.storage import MappedArray


def filled(pairs: list[tuple[str, int]]) -> Postings:
    postings = Postings()
    for key, position in pairs:
        postings.add(key, position)
    return postings


def answers(postings: Postings, keys: list[str]) -> dict:
    return {
        "get": [list(postings.get(key) or ()) for key in keys],
        "count": [postings.count(key) for key in keys],
        "in": [key in postings for key in keys],
        "head": [list(postings.head(key, 2)) for key in keys],
        "keys": list(postings),
        "counts": list(postings.counts()),
        "numbers": [postings.key_at(n) for n in range(len(postings))],
    }


def test_packed_postings_answer_as_built() -> None:
    rng = random.Random(4)
    words = [f"w{rng.randrange(200)}" for _ in range(2000)]
    pairs = [(word, position // 10) for position, word in enumerate(words)]
    asked = sorted(set(words)) + ["absent", "w", "w1999", ""]
    built = filled(pairs)
    packed = Postings(*built.pack())
    assert answers(packed, asked) == answers(built, asked)
    grown, whole = Postings(*filled(pairs[:900]).pack()), built
    for key, position in pairs[900:]:
        grown.add(key, position)
    assert answers(grown, asked) == answers(whole, asked)
    assert answers(Postings(*grown.pack()), asked) == answers(whole, asked)


def test_post_numbers_only_new_keys_after_packing() -> None:
    first = Postings()
    first.post(["b", "a"], 0)
    again = Postings(*first.pack())
    again.post(["a", "c"], 1)
    assert list(again) == ["b", "a", "c"] and list(again.counts()) == [1, 2, 1]
    assert list(again["a"]) == [0, 1] and again.head("a", 1).tolist() == [0]


def test_dense_positions_are_a_range_and_answer_as_a_set() -> None:
    from tui.corpus.index import CorpusIndex, index_entry
    from tui.corpus.models import Article

    articles = [Article(id=str(i), path=f"{i}.txt", text=f"Words {i}.") for i in range(5)]
    dense, sparse = CorpusIndex(), CorpusIndex()
    for position, article in enumerate(articles):
        dense.add_entry(position, index_entry(article))
        sparse.add_entry(position * 2, index_entry(article))
    assert isinstance(dense._all, range) and isinstance(sparse._all, set)
    assert dense.all_positions() == set(range(5)) and sparse.all_positions() == {0, 2, 4, 6, 8}
    assert dense.corpus_entities([4, 3, 2, 1, 0]) == dense.corpus_entities()
    assert not dense._is_everything([0, 1, 2, 3, 5]) and dense._is_everything(range(5))
    again = CorpusIndex.unpack(dense.pack(), [a.text for a in articles], [a.title for a in articles])
    assert again._all == range(5)
    dense.add_entry(9, index_entry(articles[0]))  # a gap: a set from then on
    assert dense.all_positions() == {0, 1, 2, 3, 4, 9}


def test_many_keys_runs_are_their_runs_read_together() -> None:
    # `runs_of` reads runs close together in a file in one read: each key's positions, no other.
    rng = random.Random(7)
    pairs = [(f"n{rng.randrange(3000)}", position) for position in range(40_000)]
    built = filled(pairs)
    keys, offsets, flat, order = built.pack()
    in_file = MappedArray(flat.tobytes(), 0, flat.typecode, len(flat))  # as a cache entry's file serves it
    grown = Postings(keys, offsets, in_file, order)
    for key, position in [("n5", 50_000), ("new", 50_001)]:
        grown.add(key, position)
        built.add(key, position)
    for postings in (Postings(keys, offsets, flat, order), grown, built):
        for size in (1, 5, 300, 3001):
            numbered = [(n, postings.key_at(n)) for n in rng.sample(range(len(postings)), min(size, len(postings)))]
            expected = sorted(p for _, key in numbered for p in postings.get(key))
            assert sorted(postings.runs_of(numbered)) == expected
