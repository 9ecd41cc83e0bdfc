"""The filter language: the normalised form a query prints, and each distinct term looked up once."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.test_query import ARTICLES, ids, indexed
from tui.corpus.index import CorpusIndex
from tui.corpus.query import Query, parse_query


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    return indexed(CorpusIndex())


# -- normalised form --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("Macron  PUTIN", "macron putin"),
        ("(a b) or c", "a b OR c"),
        ("a (b | c)", "a (b OR c)"),
        ("-(a b)", "-(a b)"),
        ("-(a | b) c", "-(a OR b) c"),
        ("s:Peskov", "speaker:peskov"),
        ('p:"Emmanuel   Macron"', 'person:"emmanuel macron"'),
        ("o:EU l:paris e:x g:y", "org:eu place:paris entity:x group:y"),
        ("date:2026-02", "date:2026-02-01..2026-02-28"),
        ("date:2026-02-04", "date:2026-02-04"),
        ("after:2026-01-01", "date:2026-01-01.."),
        ("before:2026-03-01", "date:..2026-02-28"),
        ("quotes:=3 quotes:>=2", "quotes:3 quotes:>=2"),
        ("has:Quotes", "has:quotes"),
        ('"or"', '"or"'),
        ("covid-19", '"covid 19"'),
        ("((a))", "a"),
        ("a OR (b OR c)", "a OR b OR c"),
        ("a (b c)", "a b c"),
        ("-(-a)", "-(-a)"),
        ("-(-(-a b))", "-(-(-a b))"),
    ],
)
def test_str_is_normalised_and_parses_back(text: str, normal: str) -> None:
    query = parse_query(text)
    assert isinstance(query, Query)
    assert str(query) == normal
    assert parse_query(str(query)) == query


# -- each distinct term once -------------------------------------------------------------------


class CountingIndex(CorpusIndex):
    """Counts the word lookups a query makes."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups = 0

    def word(self, word: str) -> set[int]:
        self.lookups += 1
        return super().word(word)


@pytest.fixture(scope="module")
def counting() -> CountingIndex:
    return indexed(CountingIndex())


@pytest.mark.parametrize(
    ("text", "same_as", "lookups"),
    [
        ("macron " * 1500, "macron", 1),
        ("macron OR " * 1000 + "macron", "macron", 1),
        ("(macron putin) " * 500 + "macron", "macron putin", 2),
        ("-macron " * 800 + "putin", "putin -macron", 2),
        ("(-(macron OR putin) macron) " * 300, "-(macron OR putin) macron", 2),
    ],
    ids=["and", "or", "groups", "exclusions", "nested"],
)
def test_a_repeated_term_is_looked_up_once(counting: CountingIndex, text: str, same_as: str, lookups: int) -> None:
    query, single = parse_query(text), parse_query(same_as)
    assert isinstance(query, Query) and isinstance(single, Query)
    expected = single.evaluate(counting)
    counting.lookups = 0
    assert query.evaluate(counting) == expected
    assert counting.lookups == lookups


class DateCountingIndex(CorpusIndex):
    """Counts the date lookups a query makes, and how many articles they hand back."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups: list[int] = []

    def dates_between(self, first: date | None, last: date | None) -> set[int]:
        found = super().dates_between(first, last)
        self.lookups.append(len(found))
        return found


def test_the_date_ranges_of_one_and_are_looked_up_as_one_range() -> None:
    built = indexed(DateCountingIndex())
    query = parse_query("after:2026-02-04 before:2026-02-05")
    assert isinstance(query, Query)
    assert {ARTICLES[position].id for position in query.evaluate(built)} == {"kremlin"}
    assert built.lookups == [1]  # one range, of the one article in it; not all after and all before


def test_a_shared_term_is_not_changed_by_the_terms_around_it(index: CorpusIndex) -> None:
    # `macron` is found once and used by both sides of the OR: the AND must not shrink it.
    assert ids(index, "(macron putin) OR macron") == ids(index, "macron")
    assert ids(index, "(macron -putin) OR (macron putin)") == ids(index, "macron")
