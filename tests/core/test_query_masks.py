"""The article list's evaluation (masks combined bitwise, `Query.mask`, picked out of a display
order by `InOrder`) finds the same articles in the same order as the set evaluation
(`Query.evaluate`, sorted), on random queries over the bundled corpus."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import SEEDS
from tui.corpus import load_corpus, storage
from tui.corpus.chosen import Chosen
from tui.corpus.corpus import Corpus
from tui.corpus.index import tokens
from tui.corpus.ordered import InOrder
from tui.corpus.query import And, DateRange, Everything, Has, Match, Not, Or, Phrase, Query, QuoteCount, Word
from tui.corpus.quote_filter import QUOTE_FIELDS
from tui.corpus.storage import SORTS

CORPUS: Corpus = load_corpus(SEEDS)
EXAMPLES = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def _words_of_the_corpus() -> list[str]:
    """Words the bundled articles have (titles and names: some rare, some in many articles), and
    one no article has."""
    found: set[str] = set()
    for article in CORPUS.articles:
        found.update(tokens(article.title))
        for entity in article.entities:
            found.update(tokens(entity.name))
        for quote in article.quotes:
            found.update(tokens(quote.speaker or ""))
        found.update(tokens(article.source or ""))
    return sorted(found)[::3] + ["zzzznothing"]


WORDS = st.sampled_from(_words_of_the_corpus())
FIELDS = ["person", "org", "place", "group", "entity", "source", "section", "title"]
leaves = st.one_of(
    st.builds(Word, WORDS),
    st.builds(Phrase, st.lists(WORDS, min_size=2, max_size=2).map(tuple)),
    st.builds(Match, st.sampled_from(FIELDS), st.lists(WORDS, min_size=1, max_size=2).map(tuple)),
    st.builds(Has, st.sampled_from(["quotes", "date", "entities", "source"])),
    st.builds(QuoteCount, st.sampled_from([">", ">=", "<", "<=", "="]), st.integers(0, 6)),
    st.builds(
        DateRange,
        st.none() | st.dates(date(2025, 6, 1), date(2026, 6, 1)),
        st.none() | st.dates(date(2025, 6, 1), date(2026, 6, 1)),
    ),  # fmt: skip
    st.just(Everything()),
)
trees = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.builds(Not, inner),
        st.builds(And, st.lists(inner, min_size=1, max_size=4).map(tuple)),
        st.builds(Or, st.lists(inner, min_size=1, max_size=3).map(tuple)),
    ),
    max_leaves=10,
)


@EXAMPLES
@given(trees)
def test_a_query_as_a_mask_finds_what_its_set_evaluation_finds(tree) -> None:
    query = Query(tree)
    expected = sorted(query.evaluate(CORPUS.index))
    mask = query.mask(CORPUS.index)
    assert mask.dtype == bool and len(mask) == len(CORPUS)
    assert np.flatnonzero(mask).tolist() == expected, str(query)


@EXAMPLES
@given(trees, st.sampled_from(SORTS), st.booleans())
def test_the_list_shows_the_same_articles_in_the_same_order(tree, by: str, by_rank: bool) -> None:
    # `by_rank`: every result counts as few, and is sorted by rank rather than picked out of the order.
    query = Query(tree)
    store = CORPUS.articles
    expected = set(query.evaluate(CORPUS.index))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(storage, "FEW_SORTED", 0 if by_rank else storage.FEW_SORTED)
        shown = store.sorted_positions(CORPUS.match(query), by)
    assert list(shown) == [position for position in store.order(by) if position in expected], str(query)
    assert len(shown) == len(expected)


def test_the_words_drawn_find_some_articles_and_not_others() -> None:
    # The strategies above would prove little if every word were in every article, or in none.
    sizes = {len(CORPUS.index.word(word)) for word in _words_of_the_corpus()}
    assert 0 in sizes and any(0 < size < len(CORPUS) for size in sizes)


def test_no_quote_field_is_drawn() -> None:
    # Quote-level terms go through the quote view (quote_filter.py), not the masks tested here.
    assert not QUOTE_FIELDS & set(FIELDS)


@pytest.fixture
def mask() -> np.ndarray:
    return np.array([False, True, False, True, True, False, False, True])


def test_a_mask_is_a_collection_of_its_true_positions(mask: np.ndarray) -> None:
    chosen = Chosen(mask)
    assert list(chosen) == [1, 3, 4, 7] and len(chosen) == 4
    assert 3 in chosen and 2 not in chosen
    assert -1 not in chosen and 8 not in chosen and "3" not in chosen and True not in chosen


def test_a_mask_picks_out_of_an_order_as_a_set_does(mask: np.ndarray) -> None:
    order = [7, 0, 5, 3, 1, 6, 2, 4]
    from_mask = InOrder(Chosen(mask), order)
    from_set = InOrder({1, 3, 4, 7}, order)
    assert list(from_mask) == list(from_set) == [7, 3, 1, 4]
    assert from_mask[1] == 3 and from_mask[-1] == 4 and from_mask.index(1) == 2
    assert Chosen(mask).by_rank([7, 6, 5, 4, 3, 2, 1, 0]) == [7, 4, 3, 1]
