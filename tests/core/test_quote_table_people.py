"""The people resolver's answer kept in the quote table's side file (people_resolved.py), keyed by
the corrections' content; the packed strings the side file holds (quote_table_strings.py); and a
table read from the side file that articles are added to afterwards."""

from __future__ import annotations

import pickle
import shutil
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest

from tests.helpers import SEEDS, as_bytes, cache_entry, cached_seeds
from tui.corpus import Corrections, load_corpus
from tui.corpus import people_resolved as resolved_module
from tui.corpus.people_resolved import corrections_key
from tui.corpus.quote_table import QuoteTable
from tui.corpus.quote_table_body import decode, encode
from tui.corpus.quote_table_file import MAGIC, SUFFIX, QuoteTableFile
from tui.corpus.quote_table_strings import Groups, Strings
from tui.corpus.session import LiveCorpus

ARTICLES = 8
INVENTED = "Zed Quill"  # a name no seed has


@pytest.fixture
def folder(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cached_seeds(tmp_path, monkeypatch, ARTICLES)


class Resolves:
    """Counts the resolver's runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        resolve = resolved_module.resolve

        def counted(*args: object) -> object:
            self.count += 1
            return resolve(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(resolved_module, "resolve", counted)


def opened(folder: Path, corrections: Corrections | None = None, notices: list[str] | None = None) -> LiveCorpus:
    live = LiveCorpus(corrections=corrections)
    live.load([folder], workers=1, notice=(notices if notices is not None else []).append)
    assert not isinstance(live.corpus.articles.texts, list), "not opened from the cache"
    return live


def side_path(cache_dir: Path) -> Path:
    entry = cache_entry(cache_dir)
    return entry.with_name(entry.name + SUFFIX)


def side_state(cache_dir: Path) -> tuple[bytes, dict]:
    data = side_path(cache_dir).read_bytes()
    start = len(MAGIC) + 65
    read = decode(data[start : len(data) - struct.calcsize("<QI")], pickle.Unpickler)
    return data[:start], as_bytes(read)  # type: ignore[return-value]


def names(live: LiveCorpus) -> list[str]:
    found = live.people("")
    assert not isinstance(found, Exception)
    return [row.name for row in found.rows]


def test_a_warm_open_with_the_same_corrections_reads_the_people_and_does_not_resolve(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = names(LiveCorpus(load_corpus(folder, workers=1)))
    resolves = Resolves(monkeypatch)
    live = opened(folder)
    assert names(live) == fresh and resolves.count == 0
    view = live.corpus.quote_view()
    for number, person in enumerate(view.people):
        assert view.number_of(person.id) == number
        assert view.person_named(person.name) is not None
    assert view.number_of("nobody-at-all") is None


def test_other_corrections_resolve_again_and_their_answer_is_kept(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = names(opened(folder))[0]
    renamed = Corrections(rename={first: INVENTED})
    resolves = Resolves(monkeypatch)
    live = opened(folder, renamed)
    assert INVENTED in names(live) and resolves.count == 1
    assert live.corpus.quote_view().table.packed_raw is not None  # the raw names made for the resolver only
    assert side_state(cache_dir)[1]["resolved"]["key"] == corrections_key(renamed)  # written again
    assert INVENTED in names(opened(folder, Corrections(rename={first: INVENTED}))) and resolves.count == 1
    assert INVENTED not in names(opened(folder)) and resolves.count == 2  # the file's content is the key


def test_corrections_changed_in_the_session_are_resolved_and_kept(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = opened(folder)
    first = names(live)[0]
    live.correct(Corrections(rename={first: INVENTED}))
    assert INVENTED in names(live)
    resolves = Resolves(monkeypatch)
    assert INVENTED in names(opened(folder, Corrections(rename={first: INVENTED}))) and resolves.count == 0


def damage_answer(resolved: dict, harm: str) -> None:
    """One part of a saved answer made not to fit the others (its CRC right)."""
    if harm == "a person out of range":
        dtype, data = resolved["of_raw"]
        resolved["of_raw"] = (dtype, struct.pack("<i", 10**6) + data[4:])
    elif harm == "an order that is no order":
        dtype, data = resolved["kept"]["order:date"]
        resolved["kept"]["order:date"] = (dtype, data[:4] * (len(data) // 4))
    else:
        dtype, data = resolved["by_person_first"]
        resolved["by_person_first"] = (dtype, data[:-8])


@pytest.mark.parametrize("harm", ["a person out of range", "an order that is no order", "a person's quotes cut"])
def test_a_damaged_answer_is_said_once_and_resolved_again(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, harm: str
) -> None:
    good = names(opened(folder))
    header, state = side_state(cache_dir)
    damage_answer(state["resolved"], harm)
    body = b"".join(encode(state))
    side_path(cache_dir).write_bytes(header + body + struct.pack("<QI", len(body), zlib.crc32(body)))
    resolves, notices = Resolves(monkeypatch), []
    assert names(opened(folder, notices=notices)) == good and resolves.count == 1
    assert any("quote table" in notice for notice in notices)
    assert names(opened(folder)) == good and resolves.count == 1  # written again whole


def test_a_table_read_from_its_side_file_takes_articles_that_arrive(
    folder: Path, cache_dir: Path, tmp_path: Path
) -> None:
    more = tmp_path / "more"
    more.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[: ARTICLES + 1]:
        shutil.copy(path, more / path.name)
    store = load_corpus(more, workers=1).articles
    entry = cache_entry(cache_dir)
    with open(entry, "rb") as handle:
        handle.readline()
        fingerprint = handle.readline().strip().decode()
    table = QuoteTable()
    assert QuoteTableFile(entry, fingerprint).load(table, ARTICLES) is not False
    assert isinstance(table.article, np.ndarray) and not table.article.flags.writeable
    assert table.extend(store) and table.articles == ARTICLES + 1
    built = QuoteTable()
    built.extend(store)
    assert bytes(table.speaker) == bytes(built.speaker) and bytes(table.named) == bytes(built.named)
    assert list(table.entities) == list(built.entities) and table.cues == built.cues
    assert [vars(s) for s in table.raw] == [vars(s) for s in built.raw]


def test_strings_come_back_whole_and_a_hostile_blob_never_raises() -> None:
    items = ["Ann Lee", "", "Zoë Ñandú", "lone \udc80 surrogate", "李"]
    strings = Strings.restored(Strings.of(items).state())
    assert strings is not None and list(strings) == items and strings[-1] == items[-1]
    groups = Groups.restored(Groups.of([["a", "b"], [], ["c"]]).state(), 3)
    assert groups is not None and list(groups) == [["a", "b"], [], ["c"]]
    blob, ends = Strings.of(["ab", "cd"]).state()
    assert Strings.restored((blob[:-1], ends)) is None  # offsets past the blob
    assert Strings.restored((blob, np.array([3, 2], dtype=np.int64).tobytes())) is None  # going back
    assert Groups.restored(Groups.of([["a"]]).state(), 2) is None  # another count
    broken = Strings(b"\xff\xfe", np.array([2], dtype=np.int64))
    assert broken[0] == "\ufffd\ufffd"


def test_a_side_file_of_an_older_format_is_made_again_without_a_notice(
    folder: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    side = side_path(cache_dir)
    data = side.read_bytes()
    side.write_bytes(b"article-explorer quotes 1\n" + data[len(MAGIC) :])
    resolves, notices = Resolves(monkeypatch), []
    assert names(opened(folder, notices=notices)) and resolves.count == 1
    assert not [notice for notice in notices if "quote table" in notice]
    assert side.read_bytes().startswith(MAGIC)
