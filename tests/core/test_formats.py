"""Real-world formats: web pages, feeds (files and URLs), and choosing a reader by a file's name and start."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests import formats_samples as samples
from tests.formats_samples import reasons
from tui.corpus.formats import format_of, reader_for
from tui.corpus.formats.feeds import fetch_feed, is_feed_url, read_feed, read_json_feed, url_file_id
from tui.corpus.formats.html import fragment_text, read_html
from tui.corpus.parsing.parse import parse_source

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
        "title": "Acme opens a mill in Northby",
        "published": "2024-03-05T09:30:00+0000",
        "source": "The Daily Example",
        "url": "https://news.example.org/business/acme-mill",
        "author": "Ann Lee",
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
        "title": "Acme opens a mill",
        "published": "2024-03-05T08:30:00+00:00",
        "source": "Example News",
        "url": "https://news.example.org/a",
        "author": "Ann Lee",
        "section": "Business",
    }
    assert second.text == "The ferry to Eastholm resumed on Monday."  # the summary, when there is no content
    assert reasons(loaded) == [("feeds/news.rss#3", "empty")]
    assert parse_source(first).quotes[0].speaker == "Tom Reed"


@pytest.mark.parametrize(
    ("data", "title", "text"),
    [
        (samples.ATOM, "Harbour reopens", "The harbour reopened.\n\nShips returned."),
        (samples.RSS_1, "Bridge opens", "The bridge opened to traffic."),
        (samples.RSS_091, "Mill vote", "The council voted."),
    ],
)
def test_atom_rss1_and_rss091(data, title, text):
    loaded = read_feed(data, "f.xml", "f")
    assert loaded.problems == [] and len(loaded.sources) == 1
    assert (loaded.sources[0].meta["title"], loaded.sources[0].text) == (title, text)


def test_json_feed_lone_surrogates_are_replaced():
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "T\ud800",
        "items": [{"title": "Half \udc00 pair", "content_text": "Body \ud83d text."}],
    }
    (source,) = read_feed(json.dumps(feed).encode(), "s.json", "s").sources
    assert (source.text, source.meta["title"]) == ("Body \ufffd text.", "Half \ufffd pair")
    assert source.meta["source"] == "T\ufffd"
    source.text.encode("utf-8")


def test_json_feed_items():
    loaded = read_feed(json.dumps(samples.JSON_FEED).encode(), "f.json", "f")
    first, second = loaded.sources
    assert first.text == "The dam was approved.\n\n\u201cAt last,\u201d said Ann Lee."
    assert first.meta == {
        "title": "Dam approved",
        "published": "2024-03-07T08:00:00Z",
        "source": "Example JSON",
        "url": "https://news.example.org/j1",
        "author": "Desk",
        "section": "Politics",
    }
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
    assert [s.id for s in loaded.sources] == [
        f"127.0.0.1:{feed_server.rsplit(':', 1)[1]}/news/rss#1",
        f"127.0.0.1:{feed_server.rsplit(':', 1)[1]}/news/rss#2",
    ]
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
