"""Real-world formats: web archives, newsboat's cache, Parquet, and every sample damaged."""

from __future__ import annotations

import gzip
import io
import json
import re
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests import formats_samples as samples
from tests.formats_samples import parsed_articles, reasons
from tui.corpus.formats.feeds import read_feed
from tui.corpus.formats.html import read_html
from tui.corpus.formats.newsboat import default_newsboat_path, read_newsboat
from tui.corpus.formats.parquet import read_parquet, write_articles_parquet, write_quotes_parquet
from tui.corpus.formats.warc import read_warc
from tui.corpus.load import SourceText

# Web archives


def test_warc_html_responses_become_articles_and_the_rest_is_skipped():
    for data in (samples.warc(), samples.warc(gzip=False)):
        loaded = read_warc(data, "crawl.warc.gz", "crawl")
        assert loaded.problems == []
        dated, undated = loaded.sources
        assert (dated.id, undated.id, undated.path) == ("crawl#1", "crawl#3", "crawl.warc.gz#3")
        assert dated.meta["url"] == "https://news.example.org/business/acme-mill"
        assert dated.meta["published"] == "2024-03-05T09:30:00+0000"
        assert undated.meta["url"] == "https://news.example.org/b"  # the target URI: no canonical link
        assert undated.meta["published"] == samples.WARC_DATE  # the crawl's date: the page gives none
        assert len(undated.text.split("\n\n")) == 4


def test_truncated_and_foreign_archives_are_problems():
    data = samples.warc()
    half = read_warc(data[: len(data) // 2], "a.warc.gz", "a")
    assert [s.id for s in half.sources] == ["a#1"]
    assert reasons(half) == [("a.warc.gz#2", "malformed"), ("a.warc.gz", "malformed")]  # the record, the archive
    assert "truncated gzip" in half.problems[1].detail
    assert reasons(read_warc(data[:-5], "a.warc.gz", "a")) == [("a.warc.gz", "malformed")]
    plain = gzip.decompress(data)
    cut = read_warc(plain[:-1000], "a.warc", "a")
    assert cut.problems and cut.problems[0].reason == "malformed"
    assert reasons(read_warc(b"not an archive\n", "x.warc", "x")) == [("x.warc", "malformed")]
    assert reasons(read_warc(b"five words that look like ARC\n", "x.warc", "x")) == [("x.warc", "empty")]
    assert reasons(read_warc(b"", "x.warc", "x")) == [("x.warc", "empty")]


def test_warcio_warnings_become_problems_not_terminal_output(capfd):
    plain = samples.warc(gzip=False)
    length = re.search(rb"Content-Length: (\d+)", plain)
    wrong = plain[: length.start(1)] + str(int(length.group(1)) - 7).encode() + plain[length.end(1) :]
    loaded = read_warc(wrong, "w.warc", "w")
    assert capfd.readouterr().err == ""
    assert any(p.path == "w.warc" and "Content-Length" in p.detail for p in loaded.problems)


# newsboat


def test_newsboat_items_become_articles_and_the_database_is_untouched(tmp_path):
    db = samples.newsboat_db(tmp_path / "cache.db")
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    loaded = read_newsboat(db, "cache")
    assert [s.id for s in loaded.sources] == ["cache#1", "cache#3"]  # item 2 deleted in newsboat
    first, plain = loaded.sources
    assert first.text == "Acme opened a mill.\n\n\u201cGood news,\u201d said Tom Reed."
    assert first.meta == {
        "title": "Acme mill",
        "published": "2024-03-05T09:30:00+00:00",
        "source": "Example News",
        "url": "https://news.example.org/a",
        "author": "Ann Lee",
    }
    assert plain.text == "Line one.\n\nLine two & <more>." and "published" not in plain.meta
    assert reasons(loaded) == [(f"{db}#4", "empty")]
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.db"]


def test_an_item_in_another_encoding_does_not_fail_the_cache(tmp_path):
    db = samples.newsboat_db(tmp_path / "cache.db")
    with sqlite3.connect(db) as connection:  # "<p>Caf\xe9</p>" in cp1252, and a title that is no text at all
        connection.execute(
            "UPDATE rss_item SET content = CAST(x'3c703e436166e93c2f703e' AS TEXT), "
            "title = CAST(x'ff41' AS TEXT) WHERE id = 1"
        )
    connection.close()
    loaded = read_newsboat(db, "cache")
    assert [s.id for s in loaded.sources] == ["cache#1", "cache#3"]
    assert loaded.sources[0].text == "Caf\u00e9" and loaded.sources[0].meta["title"] == "\u00ffA"


def test_locked_damaged_and_foreign_databases_are_problems(tmp_path):
    db = samples.newsboat_db(tmp_path / "cache.db")
    writer = sqlite3.connect(db)
    writer.execute("BEGIN EXCLUSIVE")
    locked = read_newsboat(db, "cache", lock_timeout=0.1)
    writer.rollback()
    writer.close()
    assert reasons(locked) == [(str(db), "unreadable")] and "locked" in locked.problems[0].detail
    (tmp_path / "text.db").write_text("not a database " * 100)
    assert reasons(read_newsboat(tmp_path / "text.db", "t")) == [(str(tmp_path / "text.db"), "malformed")]
    (tmp_path / "half.db").write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    assert reasons(read_newsboat(tmp_path / "half.db", "h")) == [(str(tmp_path / "half.db"), "malformed")]
    with sqlite3.connect(tmp_path / "other.db") as other:
        other.execute("CREATE TABLE notes (body TEXT)")
    other.close()
    assert reasons(read_newsboat(tmp_path / "other.db", "o")) == [(str(tmp_path / "other.db"), "malformed")]
    assert reasons(read_newsboat(tmp_path / "absent.db", "a")) == [(str(tmp_path / "absent.db"), "unreadable")]


def test_default_newsboat_location(tmp_path):
    assert default_newsboat_path({}, tmp_path) == tmp_path / ".local/share/newsboat/cache.db"
    assert default_newsboat_path({"XDG_DATA_HOME": "/data"}, tmp_path) == Path("/data/newsboat/cache.db")
    (tmp_path / ".newsboat").mkdir()
    assert default_newsboat_path({"XDG_DATA_HOME": "/data"}, tmp_path) == tmp_path / ".newsboat/cache.db"


# Parquet


def test_parquet_round_trip_without_parsing_again(tmp_path, monkeypatch):
    articles = parsed_articles()
    assert articles[0].quotes and articles[0].entities
    out = tmp_path / "corpus.parquet"
    assert write_articles_parquet(articles, out) == 2
    monkeypatch.setattr("tui.corpus.parsing.parse.find_quotes", lambda *a: pytest.fail("parsed again"))
    loaded = read_parquet(out.read_bytes(), str(out), "corpus")
    assert loaded.problems == []
    assert [a.model_dump(mode="json") for a in loaded.sources] == [a.model_dump(mode="json") for a in articles]
    table = pq.read_table(out)
    assert table.schema.field("quotes").type.value_type.field("speaker").type == pa.string()
    assert table.column("entities").type.value_type.field("mentions").type.value_type.field("start").type == pa.int64()


def test_parquet_quotes_table(tmp_path):
    articles = parsed_articles()
    out = tmp_path / "quotes.parquet"
    assert write_quotes_parquet(articles, out) == sum(len(a.quotes) for a in articles)
    rows = pq.read_table(out).to_pylist()
    assert (rows[0]["article_id"], rows[0]["speaker"]) == ("a/1", "Ann Lee")
    assert rows[0]["quote"] == articles[0].quotes[0].text
    assert reasons(read_parquet(out.read_bytes(), "q.parquet", "q")) == [("q.parquet", "malformed")]


def test_parquet_tampered_rows_foreign_tables_and_garbage(tmp_path):
    buffer = io.BytesIO()
    write_articles_parquet(parsed_articles(), buffer)
    table = pq.read_table(pa.BufferReader(buffer.getvalue()))
    texts = table.column("text").to_pylist()
    tampered = table.set_column(table.schema.get_field_index("text"), "text", pa.array([texts[0][:5], texts[1]]))
    sink = io.BytesIO()
    pq.write_table(tampered, sink)
    loaded = read_parquet(sink.getvalue(), "t.parquet", "t")
    assert [a.id for a in loaded.sources] == ["b/1"] and reasons(loaded) == [("t.parquet#1", "malformed")]
    foreign = io.BytesIO()
    pq.write_table(
        pa.table(
            {"title": ["Dam Vote", None], "text": ["Ann Lee said the dam was safe.", ""], "date": ["2024-01-02", None]}
        ),
        foreign,
    )
    loaded = read_parquet(foreign.getvalue(), "f.parquet", "f")
    assert loaded.sources == [
        SourceText("f#1", "f.parquet#1", "Ann Lee said the dam was safe.", {"title": "Dam Vote", "date": "2024-01-02"})
    ]
    assert reasons(loaded) == [("f.parquet#2", "empty")]
    numbers = io.BytesIO()
    pq.write_table(pa.table({"n": [1, 2]}), numbers)
    assert reasons(read_parquet(numbers.getvalue(), "n.parquet", "n")) == [("n.parquet", "malformed")]
    assert reasons(read_parquet(b"PAR1 not really", "g.parquet", "g")) == [("g.parquet", "malformed")]
    assert reasons(read_parquet(buffer.getvalue()[:-100], "c.parquet", "c")) == [("c.parquet", "malformed")]


@pytest.mark.parametrize("library", ["pandas", "polars", "duckdb"])
def test_data_frame_libraries_read_the_parquet(tmp_path, library):
    module = pytest.importorskip(library, reason=f"{library} is not installed (an optional check)")
    out = tmp_path / "corpus.parquet"
    write_articles_parquet(parsed_articles(), out)
    if library == "duckdb":
        rows = module.sql(f"SELECT id, len(quotes) AS n FROM '{out}' ORDER BY id").fetchall()
        assert rows == [("a/1", 1), ("b/1", len(parsed_articles()[1].quotes))]
        return
    frame = module.read_parquet(out)
    assert list(frame["id"]) == ["a/1", "b/1"]
    assert list(frame["quotes"][0])[0]["speaker"] == "Ann Lee"


def _samples_by_reader(tmp_path: Path) -> list[tuple[str, bytes, object]]:
    buffer = io.BytesIO()
    write_articles_parquet(parsed_articles(), buffer)
    return [
        ("page.html", samples.page(), read_html),
        ("news.rss", samples.RSS, read_feed),
        ("atom.xml", samples.ATOM, read_feed),
        ("feed.json", json.dumps(samples.JSON_FEED).encode(), read_feed),
        ("crawl.warc.gz", samples.warc(), read_warc),
        ("crawl.warc", samples.warc(gzip=False), read_warc),
        ("corpus.parquet", buffer.getvalue(), read_parquet),
        ("cache.db", samples.newsboat_db(tmp_path / "cache.db").read_bytes(), None),
    ]


CUTS = 23  # truncation points tried in each sample
FLIPS = 23  # single corrupted bytes tried in each sample


def test_every_damaged_file_ends_as_articles_or_problems(tmp_path):
    """Cut short or with one byte corrupted, every sample gives articles or a problem, never an
    exception and never silence (the hostile-input rule: nothing lost without a word)."""
    for name, data, reader in _samples_by_reader(tmp_path):
        variants = [data[: len(data) * k // CUTS] for k in range(CUTS)]
        step = len(data) // FLIPS
        variants += [data[:i] + bytes([data[i] ^ 0x5A]) + data[i + 1 :] for i in range(0, len(data), step)]
        for number, variant in enumerate(variants):
            if reader is None:
                damaged = tmp_path / f"damaged-{number}.db"
                damaged.write_bytes(variant)
                loaded = read_newsboat(damaged, "d")
            else:
                loaded = reader(variant, name, "d")
            assert loaded.sources or loaded.problems, (name, number)
