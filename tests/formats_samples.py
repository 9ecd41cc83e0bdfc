"""Small invented files in each real-world format, built in the tests (never taken from the eval data)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tui.corpus.formats import Loaded
from tui.corpus.models import Article
from tui.corpus.parsing.parse import parse_text

PARAGRAPHS = (
    "Acme Ltd opened a new paper mill in Northby on Tuesday, bringing 300 jobs to the town after a decade "
    "of closures along the river.",
    "\u201cThis is the best news the valley has had in years,\u201d said Tom Reed, the mayor of Northby, at "
    "the opening ceremony on the quay.",
    "The company said the mill would run on recycled card from across the region and that a second line "
    "could follow in two years if demand held up.",
    "Local unions welcomed the plan but asked for guarantees on pay &amp; conditions costing &#163;1.8m, "
    "according to a statement issued on Tuesday evening.",
)
BOILERPLATE = ("We use cookies", "Accept all cookies", "Read more", "Advertisement", "All rights reserved", "Sport")
DATE_META = '<meta property="article:published_time" content="2024-03-05T09:30:00Z">'
CANONICAL = '<link rel="canonical" href="https://news.example.org/business/acme-mill">'


def page(*, dated: bool = True, canonical: bool = True) -> bytes:
    """A saved news page: the article among a cookie banner, navigation, related links and an advert."""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Acme opens a mill in Northby | The Daily Example</title>
<meta property="og:title" content="Acme opens a mill in Northby">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Ann Lee"><meta property="article:section" content="Business">
{DATE_META if dated else ""}
{CANONICAL if canonical else ""}
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your visit.
<a href="/accept">Accept all cookies</a></div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Acme opens a mill in Northby</h1><p class="byline">By Ann Lee</p>
{body}
</article></main>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Read more: Mill closures hit the valley</a></li>
<li><a href="/b">Read more</a></li></ul></aside>
<div class="ad advertisement">Advertisement: buy Widget Pro today</div>
<footer><p>&#169; 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>""".encode()


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example.org/</link><description>News</description>
<item><title>Acme opens a mill</title><link>https://news.example.org/a</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate><dc:creator>Ann Lee</dc:creator><category>Business</category>
<description>A short &lt;b&gt;summary&lt;/b&gt;</description>
<content:encoded><![CDATA[<p>Acme Ltd opened a mill costing &#163;5m.</p><script>track()</script>
<p>&ldquo;Good news,&rdquo; said Tom Reed.</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://news.example.org/b</link>
<description>The ferry to Eastholm &lt;i&gt;resumed&lt;/i&gt; on Monday.</description></item>
<item><title>Nothing at all</title><link>https://news.example.org/c</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:example:feed</id>
<updated>2024-03-06T10:00:00Z</updated>
<entry><title>Harbour reopens</title><id>urn:example:1</id><link href="https://news.example.org/h"/>
<updated>2024-03-06T10:00:00Z</updated><author><name>Bo Chan</name></author>
<summary>Short.</summary>
<content type="html">&lt;p&gt;The harbour reopened.&lt;/p&gt;&lt;p&gt;Ships returned.&lt;/p&gt;</content></entry>
</feed>"""

RSS_1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://news.example.org/"><title>Example RDF</title><link>https://news.example.org/</link>
<description>News</description></channel>
<item rdf:about="https://news.example.org/r"><title>Bridge opens</title><link>https://news.example.org/r</link>
<description>The bridge opened to traffic.</description></item></rdf:RDF>"""

RSS_091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Example</title>
<link>https://news.example.org/</link><description>News</description><language>en</language>
<item><title>Mill vote</title><link>https://news.example.org/v</link>
<description>The council voted.</description></item>
</channel></rss>"""

JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Example JSON",
    "authors": [{"name": "Desk"}],
    "items": [
        {
            "id": "1",
            "url": "https://news.example.org/j1",
            "title": "Dam approved",
            "date_published": "2024-03-07T08:00:00Z",
            "tags": ["Politics"],
            "content_html": "<p>The dam was approved.</p><p>&ldquo;At last,&rdquo; said Ann Lee.</p>",
        },
        {
            "id": "2",
            "title": "Plain one",
            "content_text": "First part.\n\nSecond part & more.",
            "author": {"name": "Bo Chan"},
        },
        {"id": "3", "title": "Empty"},
        "not an item",
    ],
}

NEWSBOAT_SCHEMA = (
    # newsboat's own tables (src/cache.cpp, schema 2.10 with its later columns)
    "CREATE TABLE rss_feed ( rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024) NOT NULL, "
    "title VARCHAR(1024) NOT NULL, lastmodified INTEGER(11) NOT NULL DEFAULT 0, "
    'is_rtl INTEGER(1) NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT "")',
    "CREATE TABLE rss_item ( id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid VARCHAR(64) NOT NULL, "
    "title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL, "
    "feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL, "
    "unread INTEGER(1) NOT NULL, enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024), "
    "enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0, "
    'base VARCHAR(128) NOT NULL DEFAULT "", content_mime_type VARCHAR(255) NOT NULL DEFAULT "")',
    "CREATE TABLE metadata ( db_schema_version_major INTEGER NOT NULL, db_schema_version_minor INTEGER NOT NULL )",
    "INSERT INTO metadata VALUES (2, 11)",
)
FEED_URL = "https://news.example.org/rss"
NEWSBOAT_ITEMS = (
    # guid, title, author, url, pubDate, content, deleted, content_mime_type
    (
        "g1",
        "Acme mill",
        "Ann Lee",
        "https://news.example.org/a",
        1709631000,
        "<p>Acme opened a mill.</p><p>&ldquo;Good news,&rdquo; said Tom Reed.</p>",
        0,
        "",
    ),
    ("g2", "Deleted one", "", "https://news.example.org/d", 1709631000, "<p>Gone.</p>", 1, ""),
    ("g3", "Plain one", "", "https://news.example.org/p", 0, "Line one.\n\nLine two & <more>.", 0, "text/plain"),
    ("g4", "No content", "", "https://news.example.org/e", 1709631000, "", 0, ""),
)


def newsboat_db(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        for statement in NEWSBOAT_SCHEMA:
            connection.execute(statement)
        connection.execute(
            "INSERT INTO rss_feed (rssurl, url, title) VALUES (?, ?, ?)",
            (FEED_URL, "https://news.example.org/", "Example News"),
        )
        connection.executemany(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, deleted, "
            "content_mime_type) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            [(g, t, a, u, FEED_URL, d, c, x, m) for g, t, a, u, d, c, x, m in NEWSBOAT_ITEMS],
        )
    connection.close()
    return path


WARC_DATE = "2023-06-01T12:00:00Z"


def warc(*, gzip: bool = True) -> bytes:
    """A crawl: a dated page, a redirect, an undated page without a canonical URL, a style sheet."""
    records = (
        ("https://news.example.org/a", "200 OK", "text/html; charset=utf-8", page(), []),
        (
            "https://news.example.org/old",
            "301 Moved Permanently",
            "text/html",
            b"<a href='/a'>moved</a>",
            [("Location", "https://news.example.org/a")],
        ),
        ("https://news.example.org/b", "200 OK", "text/html", page(dated=False, canonical=False), []),
        ("https://news.example.org/site.css", "200 OK", "text/css", b"body { color: black }", []),
    )
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for uri, status, content_type, body, headers in records:
        http = StatusAndHeaders(status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": WARC_DATE},
            )
        )
    return buffer.getvalue()


def reasons(loaded: Loaded) -> list[tuple[str, str]]:
    """(path, reason) of every problem, for short assertions."""
    return [(p.path, p.reason) for p in loaded.problems]


def parsed_articles() -> list[Article]:
    """Two invented articles, parsed: one with a quote and its speaker, one with reported speech."""
    first = parse_text(
        "Mill Opens\n\n\u201cIt is a good day,\u201d said Ann Lee, the chief of Acme.\n",
        article_id="a/1",
        meta={"published": "2024-03-05T09:30:00+01:00", "url": "https://x.example/1"},
    )
    second = parse_text("Harbour Reopens\n\nThe harbour reopened on Monday, Bo Chan said.\n", article_id="b/1")
    return [first, second]
