"""A warm open takes the entry on the strength of its head and the parser's half of the fingerprint,
and checks the files and the bulk in a thread (tui/corpus/entry_check.py): a file changed, added
or a bulk damaged is still found, said once, never served, and the files are parsed again."""

from __future__ import annotations

import os
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from tests.helpers import REREAD_SECONDS, cache_entry, cached_seeds, wait_for
from tui.corpus import cache as caching
from tui.corpus import damaged, entry_check, fingerprint, load_corpus
from tui.corpus.entry_file import CacheEntryChanged, EntryFile
from tui.corpus.session import LiveCorpus

ARTICLES = 5


@pytest.fixture
def folder(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cached_seeds(tmp_path, monkeypatch, ARTICLES)


def opened(folder: Path, notices: list[str], told: list[tuple[int, bool]] | None = None) -> LiveCorpus:
    live = LiveCorpus()
    arrived = (lambda count, finished: told.append((count, finished))) if told is not None else None
    # The explorer's way: not waiting, the check held until the views' warm-up. Not held, a check
    # of a few files could find them changed before the head was unpickled: a parse at once then.
    live.load([folder], workers=1, notice=notices.append, arrived=arrived, check_after_warm=True)
    assert not isinstance(live.corpus.articles.texts, list), "not opened from the cache"
    live.warm_views()
    return live


def edit_in_place(path: Path) -> None:
    """The same size and modification time: only the change time and the content say it changed."""
    before = path.stat()
    data = bytearray(path.read_bytes())
    at = data.index(b" the ")
    data[at + 1 : at + 4] = b"THE"
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_file_edited_before_a_warm_open_is_found_and_parsed_again(folder: Path, cache_dir: Path) -> None:
    target = sorted(folder.iterdir())[1]
    edit_in_place(target)
    fresh = load_corpus(folder, workers=1)  # what the files say now
    notices: list[str] = []
    told: list[tuple[int, bool]] = []
    live = opened(folder, notices, told)
    entry = cache_entry(cache_dir)
    assert wait_for(lambda: len(told) > 1), "the stale entry was not found"
    assert notices == [damaged.notice_for(entry.name, rereading=True, what=entry_check.STALE)]
    assert live.damaged is None
    assert [live.article(p).text for p in range(ARTICLES)] == [a.text for a in fresh.articles]


def test_a_file_added_before_a_warm_open_is_found_and_the_next_open_has_it(folder: Path, cache_dir: Path) -> None:
    extra = folder / "zz-added.txt"
    extra.write_bytes(sorted(folder.iterdir())[0].read_bytes())
    notices: list[str] = []
    live = opened(folder, notices)
    assert wait_for(lambda: len(notices) > 1), "the stale entry was not found"
    assert entry_check.STALE in notices[0] and "reopen the corpus" in notices[1]
    assert live.row(0).title == damaged.MARK + damaged.REOPEN  # never the stale entry's own title
    again = opened(folder, [])  # the parse that found the new file was saved
    assert len(again) == ARTICLES + 1 and again.article(ARTICLES).id == "zz-added"


def test_a_damaged_bulk_is_found_after_a_warm_open(folder: Path, cache_dir: Path) -> None:
    entry = cache_entry(cache_dir)
    data = bytearray(entry.read_bytes())
    bulk_start = data.index(b"\n", len(caching.MAGIC)) + 1
    data[bulk_start + 50] ^= 0x01  # a text's byte: only the bulk's CRC sees it
    entry.write_bytes(bytes(data))
    notices: list[str] = []
    live = opened(folder, notices)
    assert wait_for(lambda: bool(notices)), "the damaged bulk was not found"
    assert notices[0] == damaged.notice_for(entry.name, rereading=True, what="is damaged (checksum mismatch)")
    assert wait_for(lambda: live.damaged is None), "the files were not parsed again"
    assert [live.article(p).text for p in range(ARTICLES)] == [a.text for a in load_corpus(folder, workers=1).articles]


def test_a_warm_open_does_not_wait_for_the_files_to_be_looked_at(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    released = threading.Event()
    looked = fingerprint.files_half

    def slow(files):  # type: ignore[no-untyped-def]
        assert released.wait(REREAD_SECONDS)
        return looked(files)

    monkeypatch.setattr(fingerprint, "files_half", slow)
    notices: list[str] = []
    live = opened(folder, notices)  # back while the check is held
    assert live.finished and live.row(0).title
    released.set()
    time.sleep(0.5)
    assert notices == [] and live.damaged is None


def test_load_waits_for_the_check(folder: Path, cache_dir: Path) -> None:
    """`CacheEntry.load` (the command line's way) never hands back a stale entry, even one found
    by its inputs' names alone, its files walked in the check."""
    edit_in_place(sorted(folder.iterdir())[0])
    entry = caching.entry_at([folder])
    assert entry is not None and entry.files is None  # found by name: nothing walked yet
    assert entry.load() is None
    assert caching.entry_at([folder / "elsewhere"]) is None  # no entry: nothing to open


def test_a_warm_open_does_not_walk_the_folder(folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The session's open reads the entry found by the inputs' names; the walk is the check's."""
    from tui.corpus import session

    walks: list[str] = []
    monkeypatch.setattr(session, "find_files", lambda *a: walks.append("walked") or [])
    notices: list[str] = []
    live = opened(folder, notices)
    assert walks == [] and len(live) == ARTICLES
    time.sleep(0.5)
    assert notices == [] and live.damaged is None


def test_an_entry_files_crc_is_zlibs_and_a_cut_short_file_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    data = bytes(range(256)) * 1000
    path.write_bytes(data)
    with open(path, "rb") as handle:
        entry = EntryFile(handle.fileno(), path, os.fstat(handle.fileno()))
    assert entry.crc32(10, len(data) - 20, 4096) == zlib.crc32(data[10:-10])
    assert entry.crc32(0, 0, 4096) == 0
    os.truncate(path, 1000)
    with pytest.raises(CacheEntryChanged):
        entry.crc32(0, len(data), 4096)
    with pytest.raises(CacheEntryChanged):
        entry.read(0, 10)  # and every read from then on


def test_the_head_is_unpickled_with_the_collector_paused(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Millions of small objects and no cycles: every full collection would walk them again."""
    import gc

    seen: list[bool] = []
    unpickle = caching._HeadReader.load

    def spy(self):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return unpickle(self)

    monkeypatch.setattr(caching._HeadReader, "load", spy)
    assert wait_for(gc.isenabled)  # an earlier test's cache check in the background pauses it too
    assert opened(folder, []).corpus is not None
    assert seen == [False]
    assert wait_for(gc.isenabled)  # on again once the files' check (paused too, fingerprint.py) is done


def test_a_folder_gone_is_not_opened_from_its_old_entry(folder: Path, cache_dir: Path) -> None:
    gone = folder.with_name("moved-away")
    folder.rename(gone)
    live = LiveCorpus()
    live.load([folder], workers=1)
    assert len(live) == 0 and [p.reason for p in live.problems()] == ["not found"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own niceness is Linux's")
def test_a_check_nobody_waits_for_runs_nicer_than_the_app(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    released, seen = threading.Event(), {}
    looked = fingerprint.files_half

    def held(files):  # type: ignore[no-untyped-def]
        assert released.wait(REREAD_SECONDS)
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())  # this thread's own
        return looked(files)

    monkeypatch.setattr(fingerprint, "files_half", held)
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    opened(folder, [])  # the explorer's way: the check in the background
    released.set()
    assert wait_for(lambda: "nice" in seen)
    assert seen["nice"] == min(entry_check.MOST_NICE, mine + entry_check.BACKGROUND_NICENESS) > mine
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine  # the app's own threads as they were
    seen.clear()
    entry = caching.entry_at([folder])
    assert entry is not None and entry.load() is not None and seen["nice"] == mine  # waited for: as the app


def test_a_check_held_for_the_views_begins_once_they_are_warmed(folder: Path, cache_dir: Path) -> None:
    target = sorted(folder.iterdir())[1]
    edit_in_place(target)  # the check, once it runs, finds the entry stale
    notices: list[str] = []
    live = LiveCorpus()
    live.load([folder], workers=1, notice=notices.append, check_after_warm=True)
    time.sleep(0.5)  # long enough for a check of five files that was not held
    assert notices == [] and live.damaged is None, "the check ran before the views were warmed"
    live.warm_views("")
    assert wait_for(lambda: bool(notices)), "the check never ran once the views were warmed"
    assert entry_check.STALE in notices[0]
