"""Hostile files: nothing crashes, nothing is lost, nothing reaches the terminal.

The small files are committed in tests/data/adversarial/ (see its README); the huge ones (a 50 MB
single line, a 20 MB article) are made in tmp_path at run time, by the app half of these tests
(tests/app/test_adversarial.py). The regressions at the end are
crashes `make fuzz` found, one test each.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from tui.corpus import LoadReport, load_corpus, parse_text
from tui.corpus.export import write_jsonl
from tui.corpus.load import _json_sources
from tui.corpus.models import offset_problems

DATA = Path(__file__).resolve().parents[1] / "data" / "adversarial"
# What each file that is not an article is reported as; every other file gives articles.
REPORTED = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "binary.bin": "binary",
    "nul_bytes.txt": "binary",
    "many_controls.txt": "binary",
    "empty_list.json": "empty",
}


def files() -> list[Path]:
    return sorted(p for p in DATA.iterdir() if p.name != "README.md")


def folder_state(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


@pytest.mark.parametrize("path", files(), ids=lambda p: p.name)
def test_each_file_gives_articles_or_a_report_entry(path: Path) -> None:
    corpus = load_corpus(path)
    reasons = {p.reason for p in corpus.report.problems}
    if path.name in REPORTED:
        assert not corpus.articles and reasons == {REPORTED[path.name]}
    else:
        assert corpus.articles, corpus.report.problems
    for article in corpus.articles:
        assert offset_problems(article) == []


def test_the_whole_folder_loads_and_is_never_written() -> None:
    before = folder_state(DATA)
    corpus = load_corpus(DATA)
    assert folder_state(DATA) == before
    assert len(corpus.articles) >= 16
    assert sum(1 for p in corpus.report.problems if ".jsonl:" not in p.path) == len(REPORTED)


def test_text_survives_as_read() -> None:
    """Nothing is dropped: escapes, controls, markup and right-to-left text stay in the article
    (they are made harmless when shown, not when read), and offsets still index that text."""
    by_name = {a.id: a for a in load_corpus(DATA).articles}
    assert "\x1b]0;PWNED\x07" in by_name["ansi_osc"].text
    assert "[@click=app.quit]Quit[/]" in by_name["markup"].title
    assert "\u202e" in by_name["rtl_combining"].title
    assert "\x9b" in by_name["control_chars"].title
    assert by_name["utf16le_no_bom"].text == by_name["utf16be_no_bom"].text
    assert by_name["utf16le_no_bom"].quotes[0].speaker == "Anna Lind"


def test_hostile_json_rows_each_cost_only_their_line() -> None:
    corpus = load_corpus(DATA / "hostile_rows.jsonl")
    problems = {p.path.rsplit(":", 1)[1]: (p.reason, p.detail) for p in corpus.report.problems}
    assert problems == {
        "2": ("malformed", "nested too deeply"),
        "3": ("empty", 'no "text" field'),
        "4": ("empty", 'no "text" field'),
        "5": ("malformed", "not a JSON object"),
        "7": ("malformed", "quote [-5, 999999] outside a text of 11 characters"),
        "8": ("malformed", "quotes [0, 5] and [2, 8] overlap"),
        "9": ("malformed", "mention of x [9, 2] outside a text of 2 characters"),
    }
    assert [a.id for a in corpus.articles] == ["hostile_rows-1", "hostile_rows-6", "hostile_rows-10"]


# -- one bad article --------------------------------------------------------------------------


def test_a_parser_failure_costs_one_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.corpus.parsing.parse as parse

    real = parse.find_quotes

    def failing(ctx, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if "BOOM" in ctx.text:
            raise RuntimeError("a parser bug")
        return real(ctx, *args, **kwargs)

    monkeypatch.setattr(parse, "find_quotes", failing)
    (tmp_path / "a.txt").write_text('Fine Title\n\n"Fine," Anna Lind said.\n')
    (tmp_path / "b.txt").write_text("BOOM Title\n\nBOOM goes the parser.\n")
    corpus = load_corpus(tmp_path, workers=1)
    assert [a.id for a in corpus.articles] == ["a"]
    assert [(Path(p.path).name, p.reason) for p in corpus.report.problems] == [("b.txt", "malformed")]
    assert "a parser bug" in corpus.report.problems[0].detail


# -- regressions: crashes `make fuzz` found ---------------------------------------------------


def test_fuzz_lone_surrogate_in_json_is_replaced(tmp_path: Path) -> None:
    """`"\\ud800"` in JSON gave a str that could not be encoded: export (and the terminal) raised."""
    report = LoadReport()
    (source,) = _json_sources(Path("x.jsonl"), '{"title": "a\\ud800b", "text": "c\\udfffd said."}', report)
    assert source.meta["title"] == "a\ufffdb" and source.text == "c\ufffdd said."
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_jsonl([parse_text(source.text)], out)


def test_fuzz_json_nested_too_deeply_is_malformed() -> None:
    report = LoadReport()
    assert list(_json_sources(Path("x.json"), "[" * 100_000 + "]" * 100_000, report)) == []
    assert [(p.reason, p.detail) for p in report.problems] == [("malformed", "nested too deeply")]


def test_fuzz_empty_json_list_is_reported() -> None:
    report = LoadReport()
    assert list(_json_sources(Path("x.json"), "[]", report)) == []
    assert [p.reason for p in report.problems] == ["empty"]


def test_fuzz_zone_offset_of_24_hours_exports_and_reopens() -> None:
    """dateutil reads "-2400" as a zone 24 hours off: no datetime can hold it (pydantic and
    `utcoffset()` raise), so it is dropped and the date kept."""
    article = parse_text('1970-01-01 00:00:00 -2400\nTitle Here\n\n"Yes," Anna Lind said.\n', path="a.txt")
    for when in (article.published, article.dateline):
        assert when is None or when.tzinfo is None or abs(when.utcoffset().total_seconds()) < 86_400
    report = LoadReport()
    line = json.dumps(article.model_dump(mode="json"))
    assert list(_json_sources(Path("x.jsonl"), line, report)) == [article] and report.problems == []


# -- what the app stores --------------------------------------------------------------------


def _cache():
    try:
        from tui.corpus import cache
    except ImportError:
        pytest.skip("tui.corpus.cache (the parse cache, issue #6) is not importable yet")
    if not all(hasattr(cache, name) for name in ("entry_for", "CacheEntry", "ENV")):
        pytest.skip("tui.corpus.cache has not got entry_for / CacheEntry / ENV yet")
    return cache


def _seed_entry(cache, tmp_path: Path, notices: list[str]):  # noqa: ANN001, ANN202
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text('Port Reopens\n\n"We are open," Anna Lind said.\n')
    files = sorted(corpus_dir.iterdir())
    entry = cache.entry_for([corpus_dir], files, notices.append, min_bytes=0)
    return corpus_dir, entry


def test_cache_writes_are_atomic_and_a_full_disk_is_a_notice(tmp_path, monkeypatch) -> None:
    cache = _cache()
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    notices: list[str] = []
    corpus_dir, entry = _seed_entry(cache, tmp_path, notices)
    corpus = load_corpus(corpus_dir)
    assert entry.save(corpus) and entry.load() is not None
    saved = entry.path.read_bytes()

    def full(*args, **kwargs):  # noqa: ANN002, ANN003
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cache._Summing, "write", full)  # every write of the bulk and the head
    assert entry.save(corpus) is False
    assert entry.path.read_bytes() == saved  # the old entry is whole: the write went to a temporary
    assert [p.name for p in entry.path.parent.iterdir()] == [entry.path.name]  # and that is gone
    assert notices and "No space left on device" in notices[-1]


def test_a_cache_folder_that_cannot_be_made_is_a_notice(tmp_path, monkeypatch) -> None:
    """A read-only home, simulated so that it holds for root too: the cache folder's parent is a file."""
    cache = _cache()
    blocker = tmp_path / "home"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    notices: list[str] = []
    corpus_dir, entry = _seed_entry(cache, tmp_path, notices)
    before = folder_state(corpus_dir)
    assert entry.save(load_corpus(corpus_dir)) is False
    assert notices and notices[-1].startswith("cache not saved")
    assert folder_state(corpus_dir) == before  # and the corpus is never written to
