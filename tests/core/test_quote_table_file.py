"""The quote table kept beside its cache entry (tui/corpus/quote_table_file.py): made when the entry
is written and on the first warm open that finds none, used on the next warm open instead of every
record, stale after an input change, rebuilt when damaged, and never written into the corpus."""

from __future__ import annotations

import os
import pickle
import struct
import threading
import zlib
from pathlib import Path

import numpy as np
import pytest

from tests.helpers import as_bytes, cache_entry, cached_seeds
from tui.corpus import cache as caching
from tui.corpus import entry_temporaries, load_corpus, quote_table_file
from tui.corpus.quote_table import ARRAYS, QuoteTable
from tui.corpus.quote_table_body import OUT_OF_BAND_FROM, decode, encode
from tui.corpus.quote_table_file import MAGIC, SUFFIX, QuoteTableFile
from tui.corpus.quote_table_strings import column_state, restored_column
from tui.corpus.session import LiveCorpus

ARTICLES = 8


@pytest.fixture
def folder(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cached_seeds(tmp_path, monkeypatch, ARTICLES)


def side_path(cache_dir: Path) -> Path:
    entry = cache_entry(cache_dir)
    return entry.with_name(entry.name + SUFFIX)


def fingerprint(cache_dir: Path) -> str:
    entry = cache_entry(cache_dir)
    with open(entry, "rb") as handle:
        handle.readline()
        return handle.readline().strip().decode()


def parts(table: QuoteTable) -> tuple:
    """Everything a table holds, to compare two tables."""
    return (tuple(bytes(getattr(table, name)) for name in ARRAYS), bytes(table.kind), list(table.cues),
            [vars(speaker) for speaker in table.raw], list(table.entities))  # fmt: skip


class RecordsRead:
    """Counts the articles a table reads from their records."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        add = QuoteTable._add

        def counted(table: QuoteTable, *args: object) -> None:
            self.count += 1
            add(table, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(QuoteTable, "_add", counted)


def opened(folder: Path, notices: list[str] | None = None) -> LiveCorpus:
    live = LiveCorpus()
    live.load([folder], workers=1, notice=(notices if notices is not None else []).append)
    assert not isinstance(live.corpus.articles.texts, list), "not opened from the cache"
    return live


def test_the_process_that_writes_the_entry_writes_the_side_file(folder: Path, cache_dir: Path) -> None:
    side = side_path(cache_dir)
    assert side.is_file()
    with open(side, "rb") as handle:
        assert handle.readline() == MAGIC
        assert handle.readline().strip().decode() == fingerprint(cache_dir)


def test_a_warm_open_reads_the_table_from_the_side_file_not_the_records(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = load_corpus(folder, workers=1).quote_view().table  # from the records, no cache
    read = RecordsRead(monkeypatch)
    live = opened(folder)
    table = live.corpus.quote_view().table
    assert read.count == 0  # the explorer's open: the side file goes by the entry's line as read
    assert len(table) > 0 and parts(table) == parts(built)
    assert live.people("").summary == LiveCorpus(load_corpus(folder, workers=1)).people("").summary  # type: ignore[union-attr]


def test_a_warm_open_that_finds_no_side_file_makes_one(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    side_path(cache_dir).unlink()
    read = RecordsRead(monkeypatch)
    first = opened(folder).corpus.quote_view().table
    assert read.count == ARTICLES and side_path(cache_dir).is_file()
    second = opened(folder).corpus.quote_view().table
    assert read.count == ARTICLES  # the second open read none
    assert parts(second) == parts(first)


def test_a_side_file_of_other_inputs_is_stale_and_made_again(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = side_path(cache_dir).read_bytes()
    changed = sorted(folder.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + '\n"We will build it," said Ann Lee.\n', encoding="utf-8")
    load_corpus(folder, cache=True, workers=1)  # parsed again: a new entry, and its side file
    assert side_path(cache_dir).read_bytes() != old
    side_path(cache_dir).write_bytes(old)  # the old inputs' side file, beside the new entry
    read = RecordsRead(monkeypatch)
    table = opened(folder).corpus.quote_view().table
    assert read.count == ARTICLES  # the stale file was passed over
    assert "ann lee" in {speaker.key for speaker in table.raw}
    with open(side_path(cache_dir), "rb") as handle:
        handle.readline()
        assert handle.readline().strip().decode() == fingerprint(cache_dir)  # and written again


def test_another_fingerprint_leaves_the_table_untouched(folder: Path, cache_dir: Path) -> None:
    entry = cache_entry(cache_dir)
    table = QuoteTable()
    assert not QuoteTableFile(entry, "0" * 64).load(table, ARTICLES)
    assert len(table) == 0 and table.articles == 0


def rewrite_body(side: Path, state: object) -> None:
    """A side file with this body, its length and CRC right: only the checks of its content can
    tell it apart."""
    with open(side, "rb") as handle:
        header = handle.readline() + handle.readline()
    body = b"".join(encode(state)) if isinstance(state, dict) else pickle.dumps(state, protocol=5)
    side.write_bytes(header + body + struct.pack("<QI", len(body), zlib.crc32(body)))


def state_of(side: Path) -> dict:
    data = side.read_bytes()
    start = len(MAGIC) + 65
    return as_bytes(decode(data[start : len(data) - struct.calcsize("<QI")], pickle.Unpickler))  # type: ignore[return-value]


def test_big_columns_are_read_as_views_of_the_body_not_copies() -> None:
    column = np.arange(OUT_OF_BAND_FROM, dtype=np.int64)
    state = {"table": {"day": column.tobytes(), "cues": ["", "said"]}, "resolved": {"order": column_state(column)}}
    body = b"".join(encode(state))
    read = decode(body, pickle.Unpickler)
    day, order = read["table"]["day"], read["resolved"]["order"][1]  # type: ignore[index]
    assert isinstance(day, memoryview) and isinstance(order, memoryview) and day.obj is body and order.obj is body
    assert bytes(day) == column.tobytes() and np.array_equal(restored_column(read["resolved"]["order"]), column)  # type: ignore[index]
    assert read["table"]["cues"] == ["", "said"]  # type: ignore[index]


class Named:
    """A class a pickle could name: a side file never may."""


def with_table(state: dict, **changed: object) -> dict:
    return {**state, "table": {**state["table"], **changed}}


def damages(side: Path) -> dict[str, object]:
    data = side.read_bytes()
    state = state_of(side)
    table = state["table"]
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    blob, ends = table["entity_names"]
    harms: dict[str, object] = {
        "a byte flipped": bytes(flipped),
        "cut short": data[: len(data) // 3],
        "empty": b"",
        "not ours": b"some other file\n",
        "a class named": ("body", with_table(state, cues=[Named()])),
        "not a dict": ("body", [1, 2, 3]),
        "an article short": ("body", with_table(state, first=table["first"][:-4])),
        "a speaker out of range": ("body", with_table(state, speaker=struct.pack("<i", 10**6) + table["speaker"][4:])),
        "articles out of order": ("body", with_table(state, article=table["article"][::-1])),
        "a missing column": ("body", {**state, "table": {k: v for k, v in table.items() if k != "cue"}}),
        "names past their blob": ("body", with_table(state, entity_names=(blob[:-1], ends))),
    }
    assert set(harms) == set(DAMAGES)
    return harms


DAMAGES = ("a byte flipped", "cut short", "empty", "not ours", "a class named", "not a dict", "an article short",
           "a speaker out of range", "articles out of order", "a missing column", "names past their blob")  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_side_file_is_ignored_and_made_again(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    side = side_path(cache_dir)
    good = parts(opened(folder).corpus.quote_view().table)
    harm = damages(side)[damage]
    if isinstance(harm, tuple):
        rewrite_body(side, harm[1])
    else:
        side.write_bytes(harm)  # type: ignore[arg-type]
    read, notices = RecordsRead(monkeypatch), []
    table = opened(folder, notices).corpus.quote_view().table
    assert read.count == ARTICLES and parts(table) == good
    assert any("quote table" in notice for notice in notices)
    read.count = 0
    assert parts(opened(folder).corpus.quote_view().table) == good and read.count == 0  # made again


def test_a_side_file_that_is_not_a_regular_file_is_passed_over(folder: Path, cache_dir: Path) -> None:
    side = side_path(cache_dir)
    side.unlink()
    os.mkfifo(side)  # opened without waiting, and refused: no writer would ever come
    try:
        table = QuoteTable()
        entry = cache_entry(cache_dir)
        assert not QuoteTableFile(entry, fingerprint(cache_dir)).load(table, ARTICLES)
    finally:
        side.unlink()


def test_a_side_file_that_cannot_be_written_costs_nothing(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    side_path(cache_dir).unlink()
    monkeypatch.setattr(caching.tempfile, "mkstemp", lambda **_: (_ for _ in ()).throw(OSError(28, "No space")))
    table = opened(folder).corpus.quote_view().table
    assert len(table) > 0 and not side_path(cache_dir).exists()
    assert not [name for name in os.listdir(cache_dir) if name.startswith(entry_temporaries.TEMP_PREFIX)]


def test_the_corpus_folder_is_never_written(folder: Path, cache_dir: Path) -> None:
    def listing() -> dict[str, tuple[int, int]]:
        return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}

    before = listing()
    side_path(cache_dir).unlink()
    opened(folder).corpus.quote_view()  # writes the side file
    opened(folder).corpus.quote_view()  # reads it
    assert listing() == before
    assert not list(folder.glob(f"*{SUFFIX}"))


def test_the_side_file_is_read_in_a_thread_while_the_entry_opens(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    read_side_file = quote_table_file.read_side_file

    def noted(*args: object) -> object:
        threads.append(threading.current_thread().name)
        return read_side_file(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(quote_table_file, "read_side_file", noted)
    read = RecordsRead(monkeypatch)
    table = opened(folder).corpus.quote_view().table
    assert threads == ["quote-table-read"] and read.count == 0 and len(table) > 0


def test_a_side_file_read_ahead_of_an_entry_rewritten_meanwhile_is_read_again(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read ahead goes by the entry's line before the entry is opened: another line then (the
    entry rewritten meanwhile) leaves the body unread, and the load reads it for the line it opened."""
    entry_path = cache_entry(cache_dir)
    line, good = fingerprint(cache_dir), entry_path.read_bytes()
    entry_path.write_bytes(good.replace(line.encode(), b"0" * len(line), 1))
    entry = caching.CacheEntry(entry_path, line[:32])
    ahead = quote_table_file.read_ahead(entry)
    assert ahead is not None and ahead.result().unread  # joined: read with the other line
    entry_path.write_bytes(good)
    entry.opened_line = line
    for ahead in (
        quote_table_file.read_ahead(entry),
        quote_table_file.read_ahead(caching.CacheEntry(entry_path, "f" * 32)),
    ):
        table, saved = QuoteTable(), quote_table_file.side_file(entry, opened=True, ahead=ahead)
        assert saved.load(table, ARTICLES) is not False  # the second: read for another code, so left unread
        assert parts(table) == parts(opened(folder).corpus.quote_view().table)


def test_a_saved_order_checked_on_first_use_is_sorted_anew_when_it_is_no_order(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the first view's order is checked as the side file is read; the others when first asked
    for (tenths of a second each at a million articles): one that is no order is sorted anew."""
    side = side_path(cache_dir)
    good = {by: opened(folder).quotes("", by).quotes.tolist() for by in ("speaker", "length")}  # type: ignore[union-attr]
    state = state_of(side)
    for by in good:
        dtype, data = state["resolved"]["kept"][f"order:{by}"]
        state["resolved"]["kept"][f"order:{by}"] = (
            dtype,
            data[:4] * (len(data) // 4),
        )  # the first quote, again and again
    rewrite_body(side, state)
    read, notices = RecordsRead(monkeypatch), []
    live = opened(folder, notices)
    assert {by: live.quotes("", by).quotes.tolist() for by in good} == good  # type: ignore[union-attr]
    assert read.count == 0 and not notices  # the table and the rest of the answer taken as saved
