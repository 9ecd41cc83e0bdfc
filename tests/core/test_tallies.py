"""The entity rows of each article, kept as their tally row's number where they are that row."""

from __future__ import annotations

import pickle

import pytest

from tui.corpus.index import tally_subsets
from tui.corpus.index.postings import Runs
from tui.corpus.index.tallies import NO_ROW, ArticleEntities, EntityTallies, TallyRow


def ann(name: str, aliases: tuple[str, ...], roles: tuple[str, ...] = (), mentions: int = 1) -> TallyRow:
    return ("person", "ann lee", name, mentions, 0, aliases, roles)


ACME: TallyRow = ("organization", "acme", "Acme", 2, 1, ("Acme",), ())


def filled() -> tuple[EntityTallies, ArticleEntities, list[tuple[TallyRow, ...]]]:
    articles = [
        (ann("Ann Lee", ("Ann Lee",)), ACME),
        (ann("Ann Lee", ("Ann Lee", "Lee"), ("minister",), mentions=3),),  # the row's aliases grow
        (ann("Ann Lee", ("Ann Lee",)),),  # as the first article had it: the row's first alias
        (ann("ANN LEE", ("ANN LEE",)),),  # another name than the row's: kept whole
        (ann("Ann Lee", ("Ann Lee", "Ms Lee")),),  # not the row's first aliases: kept whole
        (ann("ANN LEE", ("ANN LEE",)), ACME),  # the same odd shape again: one shape
    ]
    tallies = EntityTallies()
    entities = ArticleEntities(tallies)
    for position, rows in enumerate(articles):
        tallies.add(rows)
        entities.add(position, rows)
    return tallies, entities, articles


def test_each_article_gives_back_its_own_rows_after_its_rows_grew():
    _, entities, articles = filled()
    for position, rows in enumerate(articles):
        assert tuple(entities.rows(position)) == rows


def test_shapes_that_are_their_rows_take_no_tuple_and_each_shape_is_kept_once():
    _, entities, _ = filled()
    assert len(entities.shape_rows) == 5  # Ann Lee x2, Acme, ANN LEE, Ann Lee / Ms Lee
    assert list(entities.shape_rows).count(NO_ROW) == len(entities.odd) == 2
    assert entities.alias_counts[entities.runs.get(2)[0]] == 1  # the first of the row's two aliases


def test_packed_shapes_read_back_the_same_rows_and_take_new_articles():
    tallies, entities, articles = filled()
    again = pickle.loads(pickle.dumps((tallies.columns, entities.pack(), entities.runs.pack())))
    loaded_tallies = EntityTallies(again[0])
    loaded = ArticleEntities(loaded_tallies, again[1], Runs("I", *again[2]))
    for position, rows in enumerate(articles):
        assert tuple(loaded.rows(position)) == rows
    more = (ann("Ann Lee", ("Ann Lee",)), ann("ANN LEE", ("ANN LEE",)))
    loaded_tallies.add(more)
    loaded.add(len(articles), more)
    assert tuple(loaded.rows(len(articles))) == more
    assert len(loaded.shape_rows) == 5  # both shapes known already


def test_a_summary_has_no_dict_of_its_own():
    """The whole corpus's summaries stay in memory (one a distinct entity): slots, no __dict__."""
    from tui.corpus.index.tallies import EntitySummary

    summary = EntitySummary("Ann Lee", "person", 1, 2, 0, ("Ann Lee",), ())
    assert not hasattr(summary, "__dict__")


def _tallied(entities: ArticleEntities, positions: list[int]) -> list:
    """What an `EntityTallies` that takes the articles' rows one by one summarises."""
    tallies = EntityTallies()
    for position in positions:
        tallies.add(entities.rows(position))
    return tallies.summaries()


PATHS = ["columns read whole", "row by row", "tallied anew"]  # the ways summaries_of takes


def _take(monkeypatch, path: str) -> None:
    whole = path == "columns read whole"
    monkeypatch.setattr(tally_subsets, "READ_WHOLE_FROM", 1 if whole else 10**9)
    monkeypatch.setattr(tally_subsets, "RUNS_IN_MEMORY_FROM", 1 if whole else 10**9)
    monkeypatch.setattr(tally_subsets, "FEW_TALLIED_ANEW", 10**9 if path == "tallied anew" else -1)


@pytest.mark.parametrize("path", PATHS)
def test_the_entities_of_some_articles_are_those_their_rows_tally_in_that_order(monkeypatch, path):
    _take(monkeypatch, path)
    _, entities, articles = filled()
    everyone = list(range(len(articles)))
    chosen = [everyone, everyone[::-1], [1, 2], [2, 1], [3, 0, 4], [4, 1, 3], [5], [2, 4, 1, 5, 0], []]
    for positions in chosen:
        assert tally_subsets.summaries_of(entities, positions) == _tallied(entities, positions), positions


@pytest.mark.parametrize("path", PATHS)
def test_the_entities_of_some_articles_are_the_same_from_packed_columns(monkeypatch, path):
    _take(monkeypatch, path)
    tallies, entities, articles = filled()
    again = pickle.loads(pickle.dumps((tallies.pack(), entities.pack(), entities.runs.pack())))
    loaded = ArticleEntities(EntityTallies(again[0]), again[1], Runs("I", *again[2]))
    for positions in ([0, 1, 2, 3, 4, 5], [4, 3, 1], [1, 0]):
        assert tally_subsets.summaries_of(loaded, positions) == _tallied(entities, positions)
    assert loaded.tallies.summaries() == tallies.summaries()


def test_one_article_s_entities_look_up_no_odd_shape_s_row():
    """The open article's panel: finding odd shapes' rows reads every row's name (seconds at a
    million articles), so a few articles are tallied from their own shapes instead."""
    tallies, entities, articles = filled()
    again = pickle.loads(pickle.dumps((tallies.pack(), entities.pack(), entities.runs.pack())))
    loaded = ArticleEntities(EntityTallies(again[0]), again[1], Runs("I", *again[2]))
    for position in range(len(articles)):
        assert tally_subsets.summaries_of(loaded, [position]) == _tallied(entities, [position])
    assert loaded._odd_row is None and loaded.tallies._row_of is None
