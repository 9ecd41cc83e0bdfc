"""Real-world formats: web pages, feeds (files and URLs), web archives, newsboat's cache, Parquet."""

from __future__ import annotations

import gzip
import io
import json
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tui.corpus.formats import format_of, reader_for
from tui.corpus.formats.feeds import fetch_feed, is_feed_url, read_feed, read_json_feed, url_file_id
from tui.corpus.formats.html import fragment_text, read_html
from tui.corpus.formats.newsboat import default_newsboat_path, read_newsboat
from tui.corpus.formats.parquet import read_parquet, write_articles_parquet, write_quotes_parquet
from tui.corpus.formats.warc import read_warc
from tui.corpus.load import SourceText
from tui.corpus.models import Article
from tui.corpus.parse import parse_source, parse_text

from . import formats_samples as samples


def reasons(loaded) -> list[tuple[str, str]]:
    return [(p.path, p.reason) for p in loaded.problems]


# Web pages


def test_page_keeps_the_article_as_paragraphs_and_drops_the_boilerplate():
    loaded = read_html(samples.page(), "site/acme.html", "site/acme")
    assert loaded.problems == []
    (source,) = loaded.sources
    assert (source.id, source.path) == ("site/acme", "site/acme.html")
    paragraphs = source.text.split("\n\n")
    assert len(paragraphs) == len(samples.PARAGRAPHS)
    assert paragraphs[0].startswith("Acme Ltd opened")
    assert "\u00a31.8m" in paragraphs[3] and "pay & conditions" in paragraphs[3]
    assert not [phrase for phrase in samples.BOILERPLATE if phrase in source.text]
    assert source.meta == {
        "title": "Acme opens a mill in Northby", "published": "2024-03-05T09:30:00+0000",
        "source": "The Daily Example", "url": "https://news.example.org/business/acme-mill", "author": "Ann Lee",
        "section": "Business",
    }
    article = parse_source(source)
    assert (article.title, article.source) == ("Acme opens a mill in Northby", "The Daily Example")
    assert article.published.year == 2024
    assert len(article.paragraphs) == 4
    assert any(q.speaker == "Tom Reed" and q.text.startswith("\u201cThis is the best news") for q in article.quotes)


def test_page_is_read_without_the_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("a page reader tried the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert len(read_html(samples.page(), "a.html", "a").sources) == 1


def test_a_year_in_the_footer_is_not_the_date():
    (source,) = read_html(samples.page(dated=False), "a.html", "a").sources
    assert "published" not in source.meta


NAVIGATION_ONLY = b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>"


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02 binary", NAVIGATION_ONLY])
def test_page_without_an_article_is_a_problem(data):
    loaded = read_html(data, "bad.html", "bad")
    assert loaded.sources == [] and reasons(loaded) == [("bad.html", "empty")]


def test_a_page_of_more_blocks_than_the_bound_is_not_an_article(monkeypatch):
    from trafilatura.settings import use_config

    from tui.corpus.formats import html as html_format

    blocks = b"".join(b"<p>Line %d of a long dump of figures, one after another.</p>" % i for i in range(60))
    dump = b"<html><body><article>" + blocks + b"</article></body></html>"
    assert len(read_html(dump, "d.html", "d").sources) == 1
    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", "50")
    monkeypatch.setattr(html_format, "_CONFIG", config)
    assert reasons(read_html(dump, "d.html", "d")) == [("d.html", "empty")]


def test_fragment_text_blocks_entities_scripts_and_deep_nesting():
    markup = "<div>Lead &#163;5 <b>bold</b><script>x()</script></div><p>Two<br>three</p><ul><li>a</li><li>b</li></ul>"
    text = fragment_text(markup + "tail")
    assert text == "Lead \u00a35 bold\n\nTwo\n\nthree\n\na\n\nb\n\ntail"
    assert fragment_text("Plain &amp; simple\n\nSecond") == "Plain & simple\n\nSecond"
    deep = "<div>" * 5000 + "deep text" + "</div>" * 5000
    assert "deep text" in fragment_text(deep) or fragment_text(deep) == ""


# Feeds


def test_rss_items_become_articles_with_feed_metadata():
    loaded = read_feed(samples.RSS, "feeds/news.rss", "feeds/news")
    first, second = loaded.sources
    assert (first.id, first.path) == ("feeds/news#1", "feeds/news.rss#1")
    assert first.text == "Acme Ltd opened a mill costing \u00a35m.\n\n\u201cGood news,\u201d said Tom Reed."
    assert first.meta == {
        "title": "Acme opens a mill", "published": "2024-03-05T08:30:00+00:00", "source": "Example News",
        "url": "https://news.example.org/a", "author": "Ann Lee", "section": "Business",
    }
    assert second.text == "The ferry to Eastholm resumed on Monday."  # the summary, when there is no content
    assert reasons(loaded) == [("feeds/news.rss#3", "empty")]
    assert parse_source(first).quotes[0].speaker == "Tom Reed"


@pytest.mark.parametrize(("data", "title", "text"), [
    (samples.ATOM, "Harbour reopens", "The harbour reopened.\n\nShips returned."),
    (samples.RSS_1, "Bridge opens", "The bridge opened to traffic."),
    (samples.RSS_091, "Mill vote", "The council voted."),
])
def test_atom_rss1_and_rss091(data, title, text):
    loaded = read_feed(data, "f.xml", "f")
    assert loaded.problems == [] and len(loaded.sources) == 1
    assert (loaded.sources[0].meta["title"], loaded.sources[0].text) == (title, text)


def test_json_feed_lone_surrogates_are_replaced():
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "T\ud800",
            "items": [{"title": "Half \udc00 pair", "content_text": "Body \ud83d text."}]}
    (source,) = read_feed(json.dumps(feed).encode(), "s.json", "s").sources
    assert (source.text, source.meta["title"]) == ("Body \ufffd text.", "Half \ufffd pair")
    assert source.meta["source"] == "T\ufffd"
    source.text.encode("utf-8")


def test_json_feed_items():
    loaded = read_feed(json.dumps(samples.JSON_FEED).encode(), "f.json", "f")
    first, second = loaded.sources
    assert first.text == "The dam was approved.\n\n\u201cAt last,\u201d said Ann Lee."
    assert first.meta == {"title": "Dam approved", "published": "2024-03-07T08:00:00Z", "source": "Example JSON",
                          "url": "https://news.example.org/j1", "author": "Desk", "section": "Politics"}
    assert (second.text, second.meta["author"]) == ("First part.\n\nSecond part & more.", "Bo Chan")
    assert reasons(loaded) == [("f.json#3", "empty"), ("f.json#4", "malformed")]
    not_a_list = {"version": "https://jsonfeed.org/version/1", "items": {}}
    assert reasons(read_json_feed(not_a_list, "g", "g")) == [("g", "malformed")]


BROKEN_FEEDS = [b"<rss version='2.0'><channel><title>x</tit", b"just some words", b"", b'{"items": 3}']


@pytest.mark.parametrize("data", BROKEN_FEEDS)
def test_broken_feeds_are_problems(data):
    loaded = read_feed(data, "bad.xml", "bad")
    assert loaded.sources == [] and reasons(loaded) == [("bad.xml", "malformed")]


def test_a_feed_cut_short_keeps_its_first_items_and_says_so():
    cut = samples.RSS[: samples.RSS.index(b"<item><title>Only a summary")] + b"<item><title>Half"
    loaded = read_feed(cut, "cut.xml", "cut")
    assert [s.id for s in loaded.sources] == ["cut#1"]
    assert [p.reason for p in loaded.problems if p.path == "cut.xml"] == ["malformed"]


class _FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/slow.xml":
            time.sleep(1.0)
        if self.path == "/drip.xml":
            self._drip()
            return
        if self.path == "/missing.xml":
            self.send_error(404, "Not Found")
            return
        body = samples.RSS * (50 if self.path == "/big.xml" else 1)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _drip(self) -> None:
        """A byte at a time, each well inside the socket timeout: only a deadline on the whole read stops it."""
        self.send_response(200)
        self.end_headers()
        try:
            for byte in samples.RSS[:40]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass  # the client gave up, as it should

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def feed_server(monkeypatch) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_url_is_fetched(feed_server):
    loaded = fetch_feed(f"{feed_server}/news/rss.xml")
    assert [s.id for s in loaded.sources] == [f"127.0.0.1:{feed_server.rsplit(':', 1)[1]}/news/rss#1",
                                              f"127.0.0.1:{feed_server.rsplit(':', 1)[1]}/news/rss#2"]
    assert loaded.sources[0].meta["source"] == "Example News"


def test_feed_url_failures_are_problems(feed_server):
    assert reasons(fetch_feed(f"{feed_server}/missing.xml")) == [(f"{feed_server}/missing.xml", "unreadable")]
    assert reasons(fetch_feed(f"{feed_server}/big.xml", max_bytes=len(samples.RSS) * 2))[0][1] == "too large"
    slow = fetch_feed(f"{feed_server}/slow.xml", timeout=0.2)
    assert slow.sources == [] and slow.problems[0].reason == "unreadable"
    started = time.monotonic()
    drip = fetch_feed(f"{feed_server}/drip.xml", timeout=0.2)
    assert "in all" in drip.problems[0].detail and time.monotonic() - started < 1.5
    with socket.socket() as probe:  # a port nothing listens on: the offline case
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    offline = fetch_feed(f"http://127.0.0.1:{port}/rss.xml", timeout=2)
    assert offline.sources == [] and offline.problems[0].reason == "unreadable"
    assert "could not fetch" in offline.problems[0].detail


def test_feed_urls_and_ids():
    assert is_feed_url("https://news.example.org/rss.xml") and is_feed_url("http://h/feed")
    assert not is_feed_url("news/rss.xml") and not is_feed_url("file:///etc/passwd") and not is_feed_url("https://")
    assert url_file_id("https://news.example.org/world/rss.xml?x=1") == "news.example.org/world/rss"
    assert url_file_id("https://news.example.org/feed/") == "news.example.org/feed"
    assert reasons(fetch_feed("file:///etc/hostname")) == [("file:///etc/hostname", "unreadable")]


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
    assert first.meta == {"title": "Acme mill", "published": "2024-03-05T09:30:00+00:00", "source": "Example News",
                          "url": "https://news.example.org/a", "author": "Ann Lee"}
    assert plain.text == "Line one.\n\nLine two & <more>." and "published" not in plain.meta
    assert reasons(loaded) == [(f"{db}#4", "empty")]
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.db"]


def test_an_item_in_another_encoding_does_not_fail_the_cache(tmp_path):
    db = samples.newsboat_db(tmp_path / "cache.db")
    with sqlite3.connect(db) as connection:  # "<p>Caf\xe9</p>" in cp1252, and a title that is no text at all
        connection.execute("UPDATE rss_item SET content = CAST(x'3c703e436166e93c2f703e' AS TEXT), "
                           "title = CAST(x'ff41' AS TEXT) WHERE id = 1")
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


def parsed_articles() -> list[Article]:
    first = parse_text("Mill Opens\n\n\u201cIt is a good day,\u201d said Ann Lee, the chief of Acme.\n",
                       article_id="a/1", meta={"published": "2024-03-05T09:30:00+01:00", "url": "https://x.example/1"})
    second = parse_text("Harbour Reopens\n\nThe harbour reopened on Monday, Bo Chan said.\n", article_id="b/1")
    return [first, second]


def test_parquet_round_trip_without_parsing_again(tmp_path, monkeypatch):
    articles = parsed_articles()
    assert articles[0].quotes and articles[0].entities
    out = tmp_path / "corpus.parquet"
    assert write_articles_parquet(articles, out) == 2
    monkeypatch.setattr("tui.corpus.parse.find_quotes", lambda *a: pytest.fail("parsed again"))
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
    pq.write_table(pa.table({"title": ["Dam Vote", None], "text": ["Ann Lee said the dam was safe.", ""],
                             "date": ["2024-01-02", None]}), foreign)
    loaded = read_parquet(foreign.getvalue(), "f.parquet", "f")
    assert loaded.sources == [SourceText("f#1", "f.parquet#1", "Ann Lee said the dam was safe.",
                                         {"title": "Dam Vote", "date": "2024-01-02"})]
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


# Dispatch


def test_format_by_name():
    names = ("a.HTML", "b.htm", "c.warc.gz", "d.warc", "e.rss", "f.atom", "h.parquet")
    assert [format_of(n) for n in names] == ["html", "html", "warc", "warc", "feed", "feed", "parquet"]
    assert format_of("notes.txt") is None and format_of("x.gz") is None
    feeds = (samples.RSS, samples.ATOM, samples.RSS_1, samples.RSS_091)
    assert [format_of("f.xml", head) for head in feeds] == ["feed"] * 4
    assert format_of("f.json", json.dumps(samples.JSON_FEED).encode()) == "feed"
    assert format_of("story.xml", b"<?xml version='1.0'?><story><p>Text</p></story>") is None
    assert format_of("rows.json", b'[{"text": "See https://jsonfeed.org/version/1.1 for a feed"}]') is None
    assert reader_for("c.warc.gz")(samples.warc(), "c.warc.gz", "c").sources


def test_readers_are_ui_free_and_import_nothing_heavy_until_used():
    import subprocess
    import sys

    code = (
        "import sys, tui.corpus.formats as f\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'pyarrow', 'warcio')], 'eager'\n"
        "import tui.corpus.formats.html, tui.corpus.formats.feeds, tui.corpus.formats.warc\n"
        "import tui.corpus.formats.newsboat, tui.corpus.formats.parquet\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def _samples_by_reader(tmp_path: Path) -> list[tuple[str, bytes, object]]:
    buffer = io.BytesIO()
    write_articles_parquet(parsed_articles(), buffer)
    return [
        ("page.html", samples.page(), read_html), ("news.rss", samples.RSS, read_feed),
        ("atom.xml", samples.ATOM, read_feed), ("feed.json", json.dumps(samples.JSON_FEED).encode(), read_feed),
        ("crawl.warc.gz", samples.warc(), read_warc), ("crawl.warc", samples.warc(gzip=False), read_warc),
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
