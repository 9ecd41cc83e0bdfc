"""A corpus opened from the cache whose entry another program cuts short while the session reads
it (tui/corpus/damaged.py): no read raises, what was in memory stays, the rest is a marked
placeholder, one notice says so, and the files are parsed again to take the damaged corpus's place."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tests.helpers import REREAD_SECONDS, cache_entry, cached_seeds, wait_for
from tui.__main__ import main
from tui.corpus import CacheEntryChanged, QueryError, damaged, load_corpus
from tui.corpus import cache as caching
from tui.corpus.load import iter_files
from tui.corpus.models import LoadReport
from tui.corpus.quote_table_file import SUFFIX as QUOTES_SUFFIX
from tui.corpus.session import Found, LiveCorpus

ARTICLES = 6


@pytest.fixture
def folder(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A few seeds, their parse saved in the test's own cache folder."""
    return cached_seeds(tmp_path, monkeypatch, ARTICLES)


def opened(folder: Path, notices: list[str], **load) -> LiveCorpus:
    live = LiveCorpus()
    live.load([folder], workers=1, notice=notices.append, **load)
    assert not isinstance(live.corpus.articles.texts, list), "not opened from the cache"
    return live


def cut_short(cache_dir: Path) -> Path:
    entry = cache_entry(cache_dir)
    os.truncate(entry, 100)  # as another program would: in place, under the open session
    return entry


def test_a_session_whose_entry_is_cut_short_serves_placeholders_not_errors(folder: Path, cache_dir: Path) -> None:
    notices: list[str] = []
    live = opened(folder, notices, reread=False)
    parsed = load_corpus(folder, workers=1)
    first = live.article(0)  # read before: kept in memory
    live.quotes("")  # the quote table built before, in memory too
    entry = cut_short(cache_dir)

    for position in range(ARTICLES):
        row = live.row(position)
        original = parsed.articles[position]
        assert row.title == damaged.MARK + damaged.REOPEN
        assert (row.day, row.source, row.quotes) == (
            original.date.date() if original.date else None,
            original.source,
            len(original.quotes),
        )
    assert live.article(0) is first and first.text == parsed.articles[0].text
    placeholder = live.article(ARTICLES - 1)
    assert placeholder.title == damaged.MARK + damaged.REOPEN and "could not be read" in placeholder.text
    assert placeholder.quotes == [] and placeholder.source == parsed.articles[ARTICLES - 1].source

    assert live.search("said") == parsed.search("said")  # small posting runs are kept in memory
    filtered = live.search_sorted('"he said"', "date")  # a phrase is checked in the texts
    assert isinstance(filtered, QueryError) and filtered.message == damaged.REOPEN
    everything = live.search_sorted("", "title")  # the orders are in memory: a blank filter still lists all
    assert isinstance(everything, Found) and sorted(everything.rows) == list(range(ARTICLES))
    assert live.entities([ARTICLES - 1]) == parsed.index.corpus_entities([ARTICLES - 1])  # in memory too
    quote = live.quote_row(0)
    assert quote.text == damaged.MARK + damaged.REOPEN and quote.position == 0
    assert live.damaged == damaged.REOPEN
    assert notices == [damaged.notice_for(entry.name, rereading=False)]


def test_a_session_parses_its_files_again_and_is_whole_again(folder: Path, cache_dir: Path) -> None:
    notices: list[str] = []
    told: list[tuple[int, bool]] = []
    again = threading.Event()

    def arrived(count: int, finished: bool) -> None:
        told.append((count, finished))
        if len(told) > 1:
            again.set()

    live = opened(folder, notices, arrived=arrived)
    parsed = load_corpus(folder, workers=1)
    entry = cut_short(cache_dir)
    row = live.row(2)  # the first read that meets the change: a placeholder, and the parse starts
    assert row.title in (damaged.MARK + damaged.REREADING, parsed.articles[2].title)

    assert again.wait(REREAD_SECONDS), "the files were not parsed again"
    assert told == [(ARTICLES, True), (ARTICLES, False)]
    assert live.damaged is None
    assert [live.row(p).title for p in range(ARTICLES)] == [a.title for a in parsed.articles]
    assert live.article(ARTICLES - 1) == parsed.articles[ARTICLES - 1]
    assert live.search("said") == parsed.search("said")
    assert notices == [damaged.notice_for(entry.name, rereading=True)]
    assert wait_for(lambda: entry.stat().st_size > 100), "the entry was not written anew"  # after telling
    files = list(iter_files([folder], LoadReport()))
    rewritten = caching.entry_for([folder], files, min_bytes=0)
    assert rewritten is not None and rewritten.load() is not None


def test_a_parse_that_finds_other_files_leaves_the_session_damaged(folder: Path, cache_dir: Path) -> None:
    """Swapping in a corpus of another size would leave screens pointing at missing articles."""
    notices: list[str] = []
    told: list[tuple[int, bool]] = []
    live = opened(folder, notices, arrived=lambda count, finished: told.append((count, finished)))
    sorted(folder.iterdir())[-1].unlink()
    cut_short(cache_dir)
    live.row(0)
    assert wait_for(lambda: len(notices) > 1), "the files were not parsed again"
    assert len(notices) == 2 and "reopen the corpus" in notices[1] and damaged.SOURCES_CHANGED in notices[1]
    assert live.damaged == damaged.REOPEN and told == [(ARTICLES, True)]
    assert live.row(ARTICLES - 1).title == damaged.MARK + damaged.REOPEN  # the old positions all still answer


# -- the command line: the entry cut short while a command reads it ------------------------------


@pytest.fixture
def cut_when_opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every cache entry a command opens is cut short just after: its first read meets the change."""
    cut: list[Path] = []
    load = caching.CacheEntry.load

    def opened_then_cut(entry: caching.CacheEntry):
        corpus = load(entry)
        if corpus is not None:
            os.truncate(entry.path, 100)
            cut.append(entry.path)
        return corpus

    monkeypatch.setattr(caching.CacheEntry, "load", opened_then_cut)
    return cut


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "command",
    [["stats"], ["quotes"], ["people", "--format", "csv"], ["quotes", "--filter", '"he said"']],
)
def test_a_command_whose_entry_is_cut_short_runs_again_from_the_files(
    folder: Path, cache_dir: Path, cut_when_opened: list[Path], capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    for side in cache_dir.glob(f"*{QUOTES_SUFFIX}"):
        side.unlink()  # else `people` reads its quote table from there, and nothing of the entry
    expected = run_cli(capsys, *command, str(folder), "--no-cache")
    status, out, err = run_cli(capsys, *command, str(folder))
    (entry,) = cut_when_opened
    assert (status, out) == expected[:2]
    assert err == f"article-explorer: {CacheEntryChanged(entry.name)} while it was read: parsing the files again\n"


def test_an_export_to_a_file_whose_entry_is_cut_short_is_written_whole(
    folder: Path, tmp_path: Path, cut_when_opened: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    expected, out = tmp_path / "expected.jsonl", tmp_path / "out.jsonl"
    assert main(["export", str(folder), "--no-cache", "-o", str(expected)]) == 0
    status, _, err = run_cli(capsys, "export", str(folder), "-o", str(out))
    assert status == 0 and out.read_bytes() == expected.read_bytes()
    assert err.count("\n") == 1 and err.endswith("while it was read: parsing the files again\n")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


def test_an_export_to_standard_output_whose_entry_is_cut_short_says_it_is_incomplete(
    folder: Path, cut_when_opened: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run_cli(capsys, "export", str(folder))
    (entry,) = cut_when_opened
    assert status == 1
    assert err == (
        f"article-explorer: {CacheEntryChanged(entry.name)} while it was exported: the output is incomplete; "
        "run again (the entry is written anew) or add --no-cache\n"
    )
