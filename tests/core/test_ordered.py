"""A result in display order, found as far as it is read (tui/corpus/ordered.py), equals the sort
of the whole result, and reading its first rows reads only the start of the order."""

from __future__ import annotations

import random
import threading
from array import array

import numpy as np
import pytest

from tui.corpus.chosen import Chosen
from tui.corpus.ordered import FIRST_STEP, MASKED_FROM, InOrder


class CountingOrder(array):
    """An order that counts how many of its positions were read."""

    read = 0

    def __getitem__(self, index):  # type: ignore[override]
        found = super().__getitem__(index)
        CountingOrder.read += len(found) if isinstance(index, slice) else 1
        return found


def test_in_order_equals_the_sorted_result() -> None:
    rng = random.Random(1)
    order = array("I", rng.sample(range(5000), 5000))
    for size in (0, 1, 10, 2500, 5000):
        chosen = set(rng.sample(range(5000), size))
        expected = [p for p in order if p in chosen]
        rows = InOrder(chosen, order)
        assert len(rows) == size
        assert rows == expected and list(rows) == expected
        if size:
            assert rows[0] == expected[0] and rows[-1] == expected[-1] and rows[size // 2] == expected[size // 2]
            assert rows[3:9] == expected[3:9]
            probe = expected[size // 3]
            assert InOrder(chosen, order).index(probe) == size // 3
        assert InOrder(chosen) == sorted(chosen)  # load order
    with pytest.raises(IndexError):
        InOrder({1}, order)[1]
    with pytest.raises(ValueError):
        InOrder({1, 2}, order).index(3)


def test_the_first_rows_read_only_the_start_of_the_order() -> None:
    order = CountingOrder("I", range(100_000))
    rows = InOrder(set(range(0, 100_000, 2)), order)
    CountingOrder.read = 0
    assert [rows[i] for i in range(40)] == list(range(0, 80, 2))
    assert CountingOrder.read <= FIRST_STEP
    assert rows.index(200) == 100 and CountingOrder.read <= FIRST_STEP
    assert len(list(rows)) == 50_000  # and the whole, when read


def test_threads_reading_one_result_see_the_same_rows() -> None:
    order = array("I", random.Random(2).sample(range(50_000), 50_000))
    chosen = set(range(0, 50_000, 3))
    rows, seen = InOrder(chosen, order), []
    threads = [threading.Thread(target=lambda: seen.append(list(rows))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = [p for p in order if p in chosen]
    assert all(found == expected for found in seen)


def test_a_store_sorts_few_and_many_as_a_plain_sort() -> None:
    from datetime import datetime, timedelta

    from tui.corpus.models import Article, Quote
    from tui.corpus.storage import SORTS, ArticleStore, sort_positions

    rng = random.Random(3)
    articles = [
        Article(id=str(i), path=f"{i}.txt", title=rng.choice(["Acme", "acme", "Zed", "Bell"]) + str(i % 7),
                text="Some words.", published=datetime(2026, 1, 1) + timedelta(days=rng.randrange(30))
                if rng.random() < 0.8 else None,
                quotes=[Quote(start=0, end=4, text="Some")] * rng.randrange(3))
        for i in range(300)
    ]  # fmt: skip
    store = ArticleStore()
    for article in articles:
        store.append(article)
    for size in (1, 3, 4, 5, 150, 300):
        chosen = set(rng.sample(range(300), size))
        for by in SORTS:
            expected = sort_positions(articles, chosen, by)
            assert store.sorted_positions(chosen, by) == expected
            assert store.sorted_positions(InOrder(chosen), by) == expected
            assert store.sorted_positions(sorted(chosen), by) == expected


def test_rows_are_kept_and_read_as_the_columns_say() -> None:
    from tui.corpus import storage
    from tui.corpus.models import Article
    from tui.corpus.storage import ArticleRow, ArticleStore

    store = ArticleStore()
    for i in range(storage.ROWS_KEPT + 10):
        store.append(Article(id=str(i), path=f"{i}.txt", title=f"Title {i}", text="Text.", source="Acme"))
    first = store.row(3)
    assert first == ArticleRow(None, "Title 3", "Acme", 0) and store.row(3) is first  # kept
    for i in range(len(store)):
        assert store.row(i).title == f"Title {i}"
    assert len(store._rows) <= storage.ROWS_KEPT  # bounded


def test_a_result_read_far_into_a_long_order_is_picked_the_same_after_it_is_made_a_mask() -> None:
    rng = random.Random(5)
    size = 3 * MASKED_FROM
    order = array("I", [p for p in rng.sample(range(size), size) if p] + [0])  # 0 read after the switch
    few = np.zeros(size - 10, dtype=bool)  # a mask from before the last articles arrived
    few[rng.sample(range(size - 10), 500)] = True
    for chosen in (set(rng.sample(range(size), size // 3)) | {0, size - 1}, range(0, size, 7), Chosen(few)):
        expected = [p for p in order if p in chosen]
        rows = InOrder(chosen, order)
        assert rows[:10] == expected[:10]  # the start as a set reads it, then the rest as a mask
        assert rows[len(expected) * 2 // 3] == expected[len(expected) * 2 // 3]
        assert rows[-1] == expected[-1] and list(rows) == expected and len(rows) == len(expected)
