"""The walk makes its paths without parsing each one, and the cache's fingerprint looks at each
file once: the paths must be pathlib's own, and the fingerprint must still see every edit."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from tests.helpers import SEEDS
from tui.corpus import cache as caching
from tui.corpus import load_corpus
from tui.corpus.load import iter_files
from tui.corpus.models import LoadReport
from tui.corpus.walk import FoundFile, JoinedStrings, find_files


def test_walked_paths_read_from_the_current_folder_are_pathlibs(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("A title\n\nA body.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("A title\n\nA body.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = list(iter_files(["."], LoadReport()))
    assert [str(p) for p in found] == ["two.txt", "sub/one.txt"]
    assert [p.article_id for p in found] == ["two", "sub/one"]


@pytest.fixture
def nested(tmp_path, monkeypatch):
    monkeypatch.setenv(caching.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(caching, "MIN_BYTES", 0)
    folder = tmp_path / "articles" / "inner"
    folder.mkdir(parents=True)
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    return tmp_path / "articles"


def entry_of(folder):
    return caching.entry_for([folder], list(iter_files([folder], LoadReport())), min_bytes=0)


def test_an_edit_in_place_deep_in_a_folder_makes_the_entry_stale(nested):
    """The folder's times do not change when a file in it is edited: every file is looked at."""
    load_corpus(nested, cache=True, workers=1)
    inner = nested / "inner"
    folder_before = inner.stat().st_mtime_ns
    target = sorted(inner.iterdir())[0]
    before = target.stat()
    data = bytearray(target.read_bytes())
    data[-2:-1] = b"X" if data[-2:-1] != b"X" else b"Y"  # the same size
    with open(target, "r+b") as handle:  # in place: the same inode, the folder untouched
        handle.write(data)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # the mtime put back too
    assert inner.stat().st_mtime_ns == folder_before
    assert entry_of(nested).load() is None


def test_the_fingerprint_is_the_same_from_any_current_folder(nested, monkeypatch):
    absolute = entry_of(nested)
    monkeypatch.chdir(nested.parent)
    relative = entry_of(Path(nested.name))
    monkeypatch.chdir(nested / "inner")
    upward = entry_of(Path(".."))
    assert absolute.path == relative.path == upward.path
    assert absolute.fingerprint == relative.fingerprint == upward.fingerprint


def test_a_walk_holds_text_and_makes_each_path_when_asked(tmp_path, monkeypatch):
    for name in ("a.md", "a.txt", "a~2.txt", "feed.jsonl"):
        (tmp_path / name).write_text("A title\n\nA body.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("A title\n\nA body.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    files = find_files(["."], LoadReport())
    assert files.texts == ["a.md", "a.txt", "a~2.txt", "feed.jsonl", "sub/b.txt"]  # no Path made
    # ids wanted once are given first, then the clashes their suffixes: a~2 is a real file's
    assert [f.article_id for f in files] == ["a", "a~3", "a~2", "feed", "sub/b"]
    assert all(isinstance(f, FoundFile) and f == Path(t) for f, t in zip(files, files.texts, strict=True))
    assert files[-1].ids is files[0].ids and "a~3" in files[0].ids.taken and "feed" not in files[0].ids.taken
    assert [str(f) for f in files[1:3]] == ["a.txt", "a~2.txt"]


PACKED_REFERENTS = 3  # a joined column's string, where each starts, and its class


@pytest.mark.parametrize("names", [("a.txt", "b.txt", "c.txt"), ("a.txt", "a.md", "a~2.txt", "feed.jsonl")])
def test_a_walks_strings_are_out_of_the_cyclic_collectors_sight(tmp_path, monkeypatch, names):
    """What a session keeps of its walk (a million paths and ids at a million articles) is
    containers of strings the collector does not track: not walked again by each collection."""
    for name in names:
        (tmp_path / name).write_text("A title\n\nA body.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    files = find_files(["."], LoadReport())
    walked_by_collector = [gc.get_referents(kept) for kept in (files.texts, files.ids)]
    assert all(len(refs) <= PACKED_REFERENTS for refs in walked_by_collector)  # not one a string
    assert all(sum(isinstance(ref, str) for ref in refs) <= 1 for refs in walked_by_collector)  # one, joined
    assert not gc.is_tracked(files[0].ids.taken)
    assert gc.isenabled()  # paused for the walk only
    assert len(files[0].ids.taken) == len(names) - names.count("feed.jsonl")  # the articles' ids
    for column in (["", "a", "é/ü.txt", ""], [], [""]):  # joined: read back whole, one by one, sliced
        joined = JoinedStrings(column)
        assert joined == column and list(joined) == column and joined[::-1] == column[::-1]


def test_the_files_are_hashed_a_few_at_a_time_to_the_same_digest(nested, monkeypatch):
    from tui.corpus import fingerprint

    files = find_files([nested], LoadReport())
    whole = fingerprint.files_half(files)
    monkeypatch.setattr(fingerprint, "LINES_HASHED_AT_ONCE", 1)
    assert fingerprint.files_half(files) == whole
    monkeypatch.setattr(fingerprint, "LINES_HASHED_AT_ONCE", 2)
    assert fingerprint.files_half(files) == whole and len(files) == 3
