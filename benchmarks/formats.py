"""Load throughput per input format, beside plain text: MB/s of input and articles/s.

N BBC articles from ../shared/corpora/bbc are written out in each format into a temporary folder:
plain text files; saved web pages (the article among a cookie banner, navigation and related
links); RSS 2.0 and JSON Feed files of FEED_ITEMS items with HTML content; one `.warc.gz` with a
response per page and a redirect every REDIRECT_EVERY pages; a newsboat `cache.db`; and a Parquet
file of the parsed articles. Each is then read by its reader (bytes to article sources, as the
loader will do), timed; parsing the sources is the same work whatever the format and is timed once,
for plain text, as a reference (Parquet needs none: it holds parsed articles).

Prints figures; asserts nothing; skips with a message when the BBC corpus is absent.

    python benchmarks/formats.py --shared ../shared [--count 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import read_bbc  # noqa: E402
from tui.corpus.formats.common import Loaded  # noqa: E402

FEED_ITEMS = 20
REDIRECT_EVERY = 5
START = datetime(2024, 1, 1, tzinfo=UTC)
Article = tuple[str, list[str]]


def page(title: str, paragraphs: list[str], number: int) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    when = (START + timedelta(hours=number)).isoformat()
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)} | Example</title>
<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="{when}">
<link rel="canonical" href="https://news.example.org/{number}"></head><body>
<div class="cookie-banner">We use cookies. <a href="/ok">Accept</a></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<main><article><h1>{html.escape(title)}</h1>{body}</article></main>
<aside><h3>Related</h3><ul><li><a href="/r">Read more</a></li></ul></aside>
<footer>Example News</footer></body></html>"""


def write_text(folder: Path, articles: list[Article]) -> None:
    for number, (title, paragraphs) in enumerate(articles):
        (folder / f"{number:05d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def write_html(folder: Path, articles: list[Article]) -> None:
    for number, (title, paragraphs) in enumerate(articles):
        (folder / f"{number:05d}.html").write_text(page(title, paragraphs, number), encoding="utf-8")


def _chunks(articles: list[Article]) -> list[list[tuple[int, Article]]]:
    numbered = list(enumerate(articles))
    return [numbered[i : i + FEED_ITEMS] for i in range(0, len(numbered), FEED_ITEMS)]


def write_rss(folder: Path, articles: list[Article]) -> None:
    for index, chunk in enumerate(_chunks(articles)):
        items = "".join(
            f"<item><title>{html.escape(title)}</title><link>https://news.example.org/{n}</link>"
            f"<pubDate>{(START + timedelta(hours=n)).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
            f"<description>{html.escape(paragraphs[0])}</description><content:encoded>"
            f"{html.escape(''.join(f'<p>{html.escape(p)}</p>' for p in paragraphs))}</content:encoded></item>"
            for n, (title, paragraphs) in chunk
        )
        document = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example News</title>'
                    f"<link>https://news.example.org/</link><description>News</description>{items}</channel></rss>")
        (folder / f"{index:04d}.rss").write_text(document, encoding="utf-8")


def write_json_feed(folder: Path, articles: list[Article]) -> None:
    for index, chunk in enumerate(_chunks(articles)):
        items = [{"id": str(n), "url": f"https://news.example.org/{n}", "title": title,
                  "date_published": (START + timedelta(hours=n)).isoformat(),
                  "content_html": "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)}
                 for n, (title, paragraphs) in chunk]  # fmt: skip
        document = {"version": "https://jsonfeed.org/version/1.1", "title": "Example News", "items": items}
        (folder / f"{index:04d}.json").write_text(json.dumps(document), encoding="utf-8")


def write_warc(folder: Path, articles: list[Article]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(folder / "crawl.warc.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, (title, paragraphs) in enumerate(articles):
            if number % REDIRECT_EVERY == 0:
                moved = StatusAndHeaders("301 Moved Permanently", [("Location", f"/{number}")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    f"https://news.example.org/old/{number}", "response", payload=io.BytesIO(b""), http_headers=moved))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            body = page(title, paragraphs, number).encode()
            writer.write_record(writer.create_warc_record(
                f"https://news.example.org/{number}", "response", payload=io.BytesIO(body), http_headers=headers))


def write_newsboat(folder: Path, articles: list[Article]) -> None:
    from tests.formats_samples import NEWSBOAT_SCHEMA

    with sqlite3.connect(folder / "cache.db") as connection:
        for statement in NEWSBOAT_SCHEMA:
            connection.execute(statement)
        connection.execute("INSERT INTO rss_feed (rssurl, url, title) VALUES ('u', 'h', 'Example News')")
        connection.executemany(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread) "
            "VALUES (?, ?, '', ?, 'u', ?, ?, 1)",
            [(str(n), title, f"https://news.example.org/{n}", 1704067200 + 3600 * n,
              "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))
             for n, (title, paragraphs) in enumerate(articles)],  # fmt: skip
        )
    connection.close()


def write_parquet(folder: Path, articles: list[Article]) -> None:
    from tui.corpus.formats.parquet import write_articles_parquet
    from tui.corpus.parse import parse_text

    parsed = (parse_text(t + "\n\n" + "\n\n".join(p) + "\n", article_id=str(n)) for n, (t, p) in enumerate(articles))
    write_articles_parquet(parsed, folder / "corpus.parquet")


def read_with(reader: Callable[[bytes, str, str], Loaded]) -> Callable[[Path], Loaded]:
    return lambda path: reader(path.read_bytes(), str(path), path.stem)


def readers() -> dict[str, tuple[Callable[[Path, list[Article]], None], Callable[[Path], Loaded]]]:
    from tui.corpus.formats.feeds import read_feed
    from tui.corpus.formats.html import read_html
    from tui.corpus.formats.newsboat import read_newsboat
    from tui.corpus.formats.parquet import read_parquet
    from tui.corpus.formats.warc import read_warc
    from tui.corpus.load import read_file
    from tui.corpus.models import LoadReport

    def read_text(path: Path) -> Loaded:
        report = LoadReport()
        return Loaded(list(read_file(path, report)), report.problems)

    return {
        "text": (write_text, read_text),
        "html": (write_html, read_with(read_html)),
        "rss": (write_rss, read_with(read_feed)),
        "json feed": (write_json_feed, read_with(read_feed)),
        "warc.gz": (write_warc, read_with(read_warc)),
        "newsboat": (write_newsboat, lambda path: read_newsboat(path, path.stem)),
        "parquet": (write_parquet, read_with(read_parquet)),
    }


def measure(folder: Path, read: Callable[[Path], Loaded], repeat: int) -> tuple[int, int, int, float]:
    """Input bytes, articles, problems, and the best of `repeat` times for reading every file of a
    folder (the best: the machine is shared, and other work only ever adds time)."""
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    size = sum(p.stat().st_size for p in paths)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        loads = [read(path) for path in paths]
        times.append(time.perf_counter() - started)
    return size, sum(len(x.sources) for x in loads), sum(len(x.problems) for x in loads), min(times)


def parse_reference(folder: Path) -> tuple[int, float]:
    from tui.corpus.load import iter_sources
    from tui.corpus.models import LoadReport
    from tui.corpus.parse import parse_source

    sources = list(iter_sources([folder], LoadReport()))
    started = time.perf_counter()
    for source in sources:
        parse_source(source)
    return len(sources), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--count", type=int, default=500, help="articles per format")
    parser.add_argument("--repeat", type=int, default=3, help="reads of each format; the best time counts")
    args = parser.parse_args(argv)
    bbc = args.shared / "corpora" / "bbc"
    if not bbc.is_dir():
        print(f"formats benchmark skipped: no BBC corpus at {bbc}")
        return 0
    source = read_bbc(bbc)
    articles = [source[i % len(source)] for i in range(args.count)]
    print(f"load throughput per format, {len(articles)} articles each (reading only; parsing is the same after)")
    print(f"{'format':<10} {'files':>6} {'MB':>7} {'MB/s':>7} {'articles':>9} {'articles/s':>11} {'problems':>9}")
    with tempfile.TemporaryDirectory(prefix="formats-bench-") as temporary:
        for name, (write, read) in readers().items():
            folder = Path(temporary) / name.replace(" ", "-")
            folder.mkdir()
            write(folder, articles)
            files = sum(1 for _ in folder.iterdir())
            size, count, problems, seconds = measure(folder, read, args.repeat)
            print(f"{name:<10} {files:>6} {size / 1e6:>7.2f} {size / 1e6 / seconds:>7.1f} {count:>9} "
                  f"{count / seconds:>11.0f} {problems:>9}")
        count, seconds = parse_reference(Path(temporary) / "text")
        print(f"(parsing the plain text sources for reference: {count / seconds:.0f} articles/s, one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
