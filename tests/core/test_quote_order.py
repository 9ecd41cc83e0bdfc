"""A filter's quotes picked out of a sort order as they are read (quote_order.py), and a mask's
article count (over the quotes it holds, or those it leaves out), against the plain answers."""

from __future__ import annotations

import random
from collections import Counter

import numpy as np
import pytest

from tests.core.test_view_columns import FILTERS, invented
from tests.helpers import corpus_of
from tests.quote_corpus import article
from tui.corpus import LiveCorpus, people_rows, quote_columns
from tui.corpus.index.keys import name_key
from tui.corpus.quote_order import PickedQuotes

DENSITIES = (0.0, 0.002, 0.05, 0.5, 0.97, 1.0)


@pytest.mark.parametrize("density", DENSITIES)
def test_picked_quotes_are_the_masks_quotes_in_the_orders_order(density: float) -> None:
    rng = np.random.default_rng(int(density * 1000))
    order = rng.permutation(50_000).astype(np.int32)
    mask = rng.random(50_000) < density
    expected = order[mask[order]]
    picked = PickedQuotes(order, mask, int(np.count_nonzero(mask)))
    assert len(picked) == len(expected)
    reads = sorted(set(rng.integers(0, max(1, len(expected)), 20).tolist()))[:: 1 if density < 0.5 else -1]
    for at in [0, 1, 39, *reads]:  # the first rows, then further ones (from the end too)
        if at < len(expected):
            assert picked[at] == expected[at]
            assert picked[at - len(expected)] == expected[at]
    assert picked[5:45] == expected[5:45].tolist()
    assert picked[::-7] == expected[::-7].tolist()
    assert picked.tolist() == expected.tolist() == list(picked)
    assert np.array_equal(np.asarray(picked), expected)
    with pytest.raises(IndexError):
        picked[len(expected)]


@pytest.mark.parametrize("by", ["date", "speaker", "length"])
def test_a_sort_is_the_same_picked_out_of_the_order_or_sorted_itself(monkeypatch, by: str) -> None:  # type: ignore[no-untyped-def]
    answers = []
    for itself_below in (1, 10**9):  # every filter's quotes picked out of the order; every one sorted itself
        monkeypatch.setattr(quote_columns, "SORT_ITSELF_BELOW", itself_below)
        live = LiveCorpus(invented(300, 11))
        found = {text: live.quotes(text, by) for text in FILTERS}
        answers.append({text: (f.quotes.tolist(), f.summary) for text, f in found.items()})  # type: ignore[union-attr]
    assert answers[0] == answers[1]
    picked = [LiveCorpus(invented(300, 11)).quotes(text, by).quotes for text in FILTERS]  # type: ignore[union-attr]
    assert any(isinstance(quotes, PickedQuotes) for quotes in picked)


def test_a_masks_article_count_is_its_distinct_articles() -> None:
    live = LiveCorpus(invented(300, 5))
    live.quotes("")
    view = live.corpus.quote_view()
    columns, articles = view.columns, np.asarray(view.table.article)
    rng = random.Random(2)
    for density in (0.0, 0.01, 0.3, 0.6, 0.9, 0.99, 1.0):
        for _ in range(20):
            mask = np.array([rng.random() < density for _ in range(columns.size)], dtype=bool)
            expected = len(set(articles[mask].tolist()))
            assert columns.article_count(mask) == expected
            assert columns.article_count(np.flatnonzero(mask)) == expected


def test_a_masks_quotes_are_the_same_from_their_spans_or_from_a_pass_over_all(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    texts = [*FILTERS, "speaker:lee taxes", "speaker:ann OR roads", "-speaker:park source:daily"]
    answers = []
    for spans_below in (0, 10**9):  # every article's and person's quotes from their spans; none
        monkeypatch.setattr(quote_columns, "SPANS_BELOW", spans_below)
        live = LiveCorpus(invented(300, 13))
        answers.append({text: live.quotes(text).quotes.tolist() for text in texts})  # type: ignore[union-attr]
    assert answers[0] == answers[1]
    assert all(answers[0][text] for text in texts if text != "-speaker:park source:daily")


def test_spans_are_every_number_of_each_span_in_turn() -> None:
    starts, ends = np.array([5, 0, 9, 3], dtype=np.int64), np.array([8, 0, 12, 4], dtype=np.int64)
    assert quote_columns.spans(starts, ends).tolist() == [5, 6, 7, 9, 10, 11, 3]


def plain_about(live: LiveCorpus, person_id: str, quotes: list[int]) -> list[tuple[str, str, list[int]]]:
    """Whom a profile's quotes name, one quote at a time in Python (what `_about` did before numpy)."""
    view = live.corpus.quote_view()
    table, person = view.table, live.person(person_id)
    assert person is not None
    naming: dict[int, list[int]] = {}
    for quote in quotes:
        for entity in table.named[table.named_first[quote] : table.named_first[quote + 1]]:
            naming.setdefault(entity, []).append(quote)
    items = [(table.entities[entity], said) for entity, said in naming.items()]
    items = [(item, said) for item, said in items if name_key(item[1]) not in set(person.keys)]
    items.sort(key=lambda item: (-len(item[1]), item[0]))
    return [(kind, name, said) for (kind, name), said in items]


def test_a_profiles_about_whom_is_what_a_plain_pass_over_its_quotes_finds() -> None:
    rng = random.Random(4)
    others = [("organization", "Acme"), ("person", "Bo Park"), ("place", "Rome"), ("person", "Ann Lee")]
    made = [article(n, f"2026-0{1 + n % 9}-1{n % 10}", "Wire", [("Ann Lee", f"Acme and Bo Park in Rome {n}", "female")],
                    others=tuple(rng.sample(others, rng.randrange(len(others) + 1))))
            for n in range(60)]  # fmt: skip
    live = LiveCorpus(corpus_of(made))
    for text in ("", "date:2026-02", "-place:rome"):
        profile = live.profile("ann-lee", text)
        assert profile is not None and not isinstance(profile, Exception)
        assert list(profile.about) == plain_about(live, "ann-lee", profile.quotes)
        assert profile.about and all(name != "Ann Lee" for _, name, _ in profile.about)


@pytest.mark.parametrize("top_rows", [2, 256])  # the first rows put in order apart from the rest; all at once
@pytest.mark.parametrize("text", [*FILTERS, "-taxes", "taxes OR roads"])
def test_people_rows_read_one_by_one_are_the_rows_of_the_whole_tally(monkeypatch, top_rows: int, text: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(people_rows, "TOP_ROWS", top_rows)
    live = LiveCorpus(invented(300, 17))
    found = live.quotes(text)
    view = live.corpus.quote_view()
    mask = np.zeros(view.columns.size, dtype=bool)
    mask[np.asarray(found.quotes.tolist(), dtype=np.int64)] = True  # type: ignore[union-attr]
    one_by_one = people_rows.people_rows(view, mask)
    read = [one_by_one[at] for at in [*range(len(one_by_one))][::-1]]  # from the last: past the first rows first
    whole = list(people_rows.people_rows(view, mask))
    assert read[::-1] == whole
    assert len(whole) > 2 * top_rows or top_rows == 256
    assert whole == list(live.people(text).rows)  # type: ignore[union-attr]
    genders = Counter(view.people[int(view.person[q])].gender for q in np.flatnonzero(mask & view.columns.quoted))
    assert {k: v for k, v in live.people(text).genders.items() if v} == dict(genders)  # type: ignore[union-attr]


def test_a_words_quotes_from_its_postings_are_those_of_its_set_of_articles() -> None:
    from tui.corpus.query.tree import Word

    live = LiveCorpus(invented(300, 19))
    live.quotes("")
    view = live.corpus.quote_view()
    for word in ("taxes", "roads", "agree", "story", "nothing"):
        from_postings = view.term_quotes(Word(word), {})
        assert np.array_equal(from_postings, view.quotes_in(view.index.word(word))), word
        assert from_postings.any() or word == "nothing"


@pytest.mark.parametrize("density", DENSITIES)
def test_rows_read_from_the_end_first_are_the_masks_quotes_in_the_orders_order(density: float) -> None:
    rng = np.random.default_rng(7 + int(density * 1000))
    order = rng.permutation(60_000).astype(np.int32)
    mask = rng.random(60_000) < density
    expected = order[mask[order]]
    picked = PickedQuotes(order, mask, int(np.count_nonzero(mask)))
    count = len(expected)
    ends = [count - 1, count - 2, count - 40, count // 2, count // 3, 5, 0]  # End, up, page up far, then home
    for at in [at for at in ends if 0 <= at < count]:
        assert picked[at] == expected[at]
    assert picked[max(0, count - 40) :] == expected[max(0, count - 40) :].tolist()
    assert picked[count // 2 : count // 2 + 30 : 3] == expected[count // 2 : count // 2 + 30 : 3].tolist()
    assert picked.tolist() == expected.tolist()


def test_the_last_row_of_a_broad_list_reads_only_the_end_of_the_order() -> None:
    rng = np.random.default_rng(3)
    order = rng.permutation(1_000_000).astype(np.int32)
    mask = rng.random(1_000_000) < 0.9
    picked = PickedQuotes(order, mask, int(np.count_nonzero(mask)))
    assert picked[len(picked) - 1] == order[mask[order]][-1]
    assert len(picked._picked) == 0 and 0 < len(picked._last) < 100_000  # no pass over the whole order
