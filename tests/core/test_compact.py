"""A corpus opened from its cache entry keeps its strings and its big packed runs in the mapped
file, not the heap (storage.py, cache.py, index/postings.py), and answers exactly as the parsed
corpus does."""

from __future__ import annotations

import pickle
from array import array

import pytest

from tests.helpers import SEEDS, cache_entry
from tui.corpus import cache as caching
from tui.corpus import load_corpus
from tui.corpus.index.postings import RunArray
from tui.corpus.load import iter_files
from tui.corpus.models import LoadReport
from tui.corpus.storage import MAPPED, SORTS, MappedArray, Slices

QUERIES = ('"political will"', 'quote:"we will"', "speaker:peskov", "-macron", "p:putin OR o:kremlin",
           "title:talks", "source:reuters", "cue:said", "quotes:>2", "has:date", "said", "e:moscow")  # fmt: skip


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(caching.ENV, str(folder))
    monkeypatch.setattr(caching, "MIN_BYTES", 0)  # the seeds are small; cache them anyway
    monkeypatch.setattr(caching, "MAP_FROM", 1)  # and map even their small runs
    return folder


@pytest.fixture
def corpus_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def opened(folder):
    files = list(iter_files([folder], LoadReport()))
    return caching.entry_for([folder], files, min_bytes=0).load()


def test_strings_are_read_from_the_mapped_file(cache_dir, corpus_folder):
    parsed = load_corpus(corpus_folder, cache=True, workers=1)
    again = opened(corpus_folder)
    for name in MAPPED:
        column = getattr(again.articles, name)
        assert isinstance(column, Slices), name
        assert column == getattr(parsed.articles, name), name


def test_display_orders_come_from_the_entry_already_sorted(cache_dir, corpus_folder):
    parsed = load_corpus(corpus_folder, cache=True, workers=1)
    again = opened(corpus_folder)
    assert set(again.articles._orders) == set(SORTS)  # read back, not sorted again
    for by in SORTS:
        assert list(again.articles.order(by)) == list(parsed.articles.order(by))


def test_big_runs_are_mapped_and_answers_unchanged(cache_dir, corpus_folder):
    parsed = load_corpus(corpus_folder, cache=True, workers=1)
    again = opened(corpus_folder)
    assert isinstance(again.index._words._flat, MappedArray)
    assert isinstance(again.index._quote_spans._runs._flat, MappedArray)
    for query in QUERIES:
        assert again.search(query) == parsed.search(query), query
    assert again.index.complete_entity("p") == parsed.index.complete_entity("p")
    assert again.index.corpus_entities([0, 2, 4]) == parsed.index.corpus_entities([0, 2, 4])


def test_an_opened_corpus_saved_again_keeps_its_runs(cache_dir, corpus_folder):
    """Saving a corpus read from an entry writes its mapped runs out again (export, re-save)."""
    parsed = load_corpus(corpus_folder, cache=True, workers=1)
    again = opened(corpus_folder)
    path = cache_entry(cache_dir)
    entry = caching.entry_for([corpus_folder], list(iter_files([corpus_folder], LoadReport())), min_bytes=0)
    path.unlink()
    assert entry.save(again)
    third = opened(corpus_folder)
    for query in QUERIES:
        assert third.search(query) == parsed.search(query), query


def test_a_mapped_run_reads_like_an_array_and_pickles_as_one():
    items = array("q", [5, -1, 7, 9, 11, 13])
    run = MappedArray(b"xx" + items.tobytes(), 2, "q", len(items))
    assert len(run) == 6 and run[0] == 5 and run[-1] == 13 and run[1] == -1
    assert run[1:4] == array("q", [-1, 7, 9]) and run[4:2] == array("q")
    assert run[::2] == items[::2] and list(run) == list(items)
    with pytest.raises(IndexError):
        run[6]
    assert pickle.loads(pickle.dumps(run)) == items


def test_packed_runs_are_marked_for_the_mapped_file():
    from tui.corpus.index.postings import Postings, Runs

    words = Postings()
    words.post(["ann", "lee"], 0)
    words.post(["lee"], 1)
    assert isinstance(words.pack()[2], RunArray)
    assert isinstance(Postings(*words.pack()).pack()[2], RunArray)  # packed again, unchanged
    runs = Runs("q")
    runs.add(0, array("q", [1, 2]))
    assert isinstance(runs.pack()[1], RunArray)


def test_an_entry_cut_short_fails_a_run_read_cleanly(cache_dir, corpus_folder):
    load_corpus(corpus_folder, cache=True, workers=1)
    again = opened(corpus_folder)
    path = cache_entry(cache_dir)
    with open(path, "r+b") as handle:
        handle.truncate(100)
    with pytest.raises(caching.CacheEntryChanged):
        again.search("said")


def test_names_are_packed_columns_after_opening(cache_dir, corpus_folder):
    """The names of the name indexes and the tallies are read back as packed string columns (one
    buffer each, no str object a name); the answers are those of the parsed corpus."""
    from tui.corpus.index.strings import Strings, StringTuples

    parsed = load_corpus(corpus_folder, cache=True, workers=1)
    again = opened(corpus_folder)
    tallies = again.index._tallies
    person = again.index._entities["person"]
    columns = [person.postings._keys, person.display, again.index._speakers.postings._keys, tallies.folded,
               tallies.names]  # fmt: skip
    assert all(isinstance(column, Strings) and column._packed == len(column) > 0 for column in columns)
    assert isinstance(tallies.aliases, StringTuples) and not tallies.aliases._added
    assert list(person.postings) == list(parsed.index._entities["person"].postings)
    assert again.index.corpus_entities() == parsed.index.corpus_entities()
    some = range(0, len(parsed), 3)
    assert again.index.corpus_entities(some) == parsed.index.corpus_entities(some)
