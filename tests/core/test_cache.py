"""The parsed-corpus cache: a hit gives the same corpus; stale, damaged and unwritable caches are
passed over (with a one-line notice), never trusted and never fatal."""

from __future__ import annotations

import errno
import os

import pytest

from tests.helpers import SEEDS, cache_entry
from tui.corpus import cache as caching
from tui.corpus import load_corpus
from tui.corpus.load import iter_files
from tui.corpus.models import LoadReport


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(caching.ENV, str(folder))
    monkeypatch.setattr(caching, "MIN_BYTES", 0)  # the seeds are small; cache them anyway
    return folder


@pytest.fixture
def corpus_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:6]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def entry(folder, notices=None):
    files = list(iter_files([folder], LoadReport()))
    return caching.entry_for([folder], files, notices.append if notices is not None else None, min_bytes=0)


def dump(corpus):
    return [a.model_dump() for a in corpus.articles]


def test_a_saved_corpus_loads_back_the_same(cache_dir, corpus_folder):
    first = load_corpus(corpus_folder, cache=True, workers=1)
    assert list(cache_dir.glob("*.cache"))
    again = entry(corpus_folder).load()
    assert again is not None
    assert dump(again) == dump(first)
    assert again.search("speaker:peskov") == first.search("speaker:peskov")
    assert again.index.corpus_entities() == first.index.corpus_entities()
    assert again.report == first.report
    assert again.articles[0] is again.articles[0]  # built once, kept while in use


def test_a_changed_file_makes_the_entry_stale(cache_dir, corpus_folder):
    load_corpus(corpus_folder, cache=True, workers=1)
    target = sorted(corpus_folder.iterdir())[0]
    target.write_text("Fresh title\n\nA body that was not there before.\n", encoding="utf-8")
    os.utime(target, ns=(1, 1))  # a new size and mtime
    assert entry(corpus_folder).load() is None  # stale: never trusted
    rebuilt = load_corpus(corpus_folder, cache=True, workers=1)
    assert any(a.title == "Fresh title" for a in rebuilt.articles)
    assert entry(corpus_folder).load() is not None  # and rewritten


def test_an_added_file_makes_the_entry_stale(cache_dir, corpus_folder):
    load_corpus(corpus_folder, cache=True, workers=1)
    (corpus_folder / "zz_new.txt").write_text("New one\n\nSome body text.\n", encoding="utf-8")
    assert entry(corpus_folder).load() is None


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_a_damaged_entry_is_ignored_and_rebuilt(cache_dir, corpus_folder, damage):
    good = load_corpus(corpus_folder, cache=True, workers=1)
    path = cache_entry(cache_dir)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "garbage":
        data = bytearray(b"\x00not a cache at all\n" * 10)
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    notices: list[str] = []
    assert entry(corpus_folder, notices).load() is None
    if damage != "empty":
        assert len(notices) == 1 and "\n" not in notices[0] and "ignored" in notices[0]
    again = load_corpus(corpus_folder, cache=True, workers=1)
    assert dump(again) == dump(good)
    assert entry(corpus_folder).load() is not None


def test_a_full_disk_costs_a_notice_not_the_load(cache_dir, corpus_folder, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(caching.os, "replace", full)
    notices: list[str] = []
    corpus = load_corpus(corpus_folder, cache=True, workers=1, notice=notices.append)
    assert len(corpus) == 6
    assert len(notices) == 1 and "No space left on device" in notices[0] and "\n" not in notices[0]
    assert not list(cache_dir.glob("*"))  # no entry, and no temporary file left behind


def test_an_unwritable_cache_folder_costs_a_notice(cache_dir, corpus_folder, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(caching.tempfile, "mkstemp", denied)
    notices: list[str] = []
    corpus = load_corpus(corpus_folder, cache=True, workers=1, notice=notices.append)
    assert len(corpus) == 6 and len(notices) == 1 and "Permission denied" in notices[0]


def test_an_unreadable_entry_is_parsed_again(cache_dir, corpus_folder, monkeypatch):
    good = load_corpus(corpus_folder, cache=True, workers=1)
    real_open = os.open

    def broken(path, *args, **kwargs):
        if str(path).endswith(".cache"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(caching.os, "open", broken)
    notices: list[str] = []
    again = load_corpus(corpus_folder, cache=True, workers=1, notice=notices.append)
    assert dump(again) == dump(good)
    assert any("ignored" in n for n in notices)


def test_small_inputs_and_no_cache_write_nothing(tmp_path, monkeypatch, corpus_folder):
    monkeypatch.setenv(caching.ENV, str(tmp_path / "cache"))
    load_corpus(corpus_folder, cache=True)  # under MIN_BYTES
    load_corpus(corpus_folder)  # the library's default: no cache
    assert not (tmp_path / "cache").exists()


def test_an_export_opens_without_parsing_again(tmp_path, corpus_folder, monkeypatch):
    from tui.corpus.export import write_jsonl
    from tui.corpus.parsing import parse as parsing

    corpus = load_corpus(corpus_folder, workers=1)
    archive = tmp_path / "archive.jsonl"
    with open(archive, "w", encoding="utf-8") as out:
        write_jsonl(corpus.articles, out)
    monkeypatch.setattr(parsing, "parse_text", lambda *a, **k: pytest.fail("parsed again"))
    again = load_corpus(archive, workers=1)
    assert [a.quotes for a in again.articles] == [a.quotes for a in corpus.articles]
    assert again.search("speaker:peskov") == corpus.search("speaker:peskov")


def test_damage_in_any_part_of_an_entry_is_caught(cache_dir, corpus_folder):
    """The texts (read lazily from the mapped file), the head and the trailer are each checked."""
    good = load_corpus(corpus_folder, cache=True, workers=1)
    path = cache_entry(cache_dir)
    pristine = path.read_bytes()
    header = pristine.index(b"\n", len(caching.MAGIC)) + 1
    for offset in (header, header + 100, len(pristine) - caching._TRAILER.size - 5, len(pristine) - 3):
        data = bytearray(pristine)
        data[offset] ^= 0x01
        path.write_bytes(bytes(data))
        notices: list[str] = []
        assert entry(corpus_folder, notices).load() is None, offset
        assert len(notices) == 1 and "ignored" in notices[0]
    path.write_bytes(pristine)
    again = entry(corpus_folder).load()
    assert again is not None and dump(again) == dump(good)


def test_an_entry_of_an_older_format_is_stale_not_damaged(cache_dir, corpus_folder):
    load_corpus(corpus_folder, cache=True, workers=1)
    path = cache_entry(cache_dir)
    path.write_bytes(b"article-explorer cache 1\n" + b"0" * 64 + b"\n" + b"an old pickle")
    notices: list[str] = []
    assert entry(corpus_folder, notices).load() is None and notices == []
    load_corpus(corpus_folder, cache=True, workers=1)
    assert entry(corpus_folder).load() is not None  # rewritten in the new format


def test_a_cached_corpus_answers_as_the_parsed_one_and_takes_more_articles(cache_dir, corpus_folder):
    from tui.corpus import Article

    first = load_corpus(corpus_folder, cache=True, workers=1)
    again = entry(corpus_folder).load()
    assert again is not None
    for query in (
        '"political will"',
        'quote:"we will"',
        "speaker:peskov",
        "-macron",
        "p:putin OR o:kremlin",
        "title:talks",
        "source:reuters",
        "cue:said",
        "quotes:>2",
        "has:date",
    ):
        assert again.search(query) == first.search(query), query
    assert again.index.complete_entity("p") == first.index.complete_entity("p")
    assert again.index.corpus_entities([0, 2, 4]) == first.index.corpus_entities([0, 2, 4])
    assert again.articles.texts[1] == first.articles.texts[1] and again.articles.titles == first.articles.titles
    extra = Article(
        id="extra", path="extra.txt", title="Peskov speaks", text='Peskov speaks\n\n"We will talk," Peskov said.'
    )
    for corpus in (first, again):  # a corpus from the cache is packed: adding unpacks it first
        corpus.add(extra)
    assert dump(again) == dump(first)
    for query in ("speaker:peskov", '"we will"', "peskov speaks", "title:peskov"):
        assert again.search(query) == first.search(query), query
    assert again.index.corpus_entities() == first.index.corpus_entities()
