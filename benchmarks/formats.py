"""Load throughput per input format, beside plain text: MB/s of input and articles/s.

N BBC articles from ../shared/corpora/bbc are written out in each format into a temporary folder:
plain text files; saved web pages (the article among a cookie banner, navigation and related
links); RSS 2.0 and JSON Feed files of FEED_ITEMS items with HTML content; one `.warc.gz` with a
response per page and a redirect every REDIRECT_EVERY pages; a newsboat `cache.db`; and a Parquet
file of the parsed articles. Each is then read through the loader (`load.read_file`, which picks the
reader), timed; and loaded whole (`load_corpus` on one core without the cache: reading, parsing and
indexing; Parquet needs no parsing: it holds parsed articles). Printed as a Markdown table.

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
        document = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example News</title>'
            f"<link>https://news.example.org/</link><description>News</description>{items}</channel></rss>"
        )
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
                writer.write_record(
                    writer.create_warc_record(
                        f"https://news.example.org/old/{number}",
                        "response",
                        payload=io.BytesIO(b""),
                        http_headers=moved,
                    )
                )
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            body = page(title, paragraphs, number).encode()
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example.org/{number}", "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


def write_newsboat(folder: Path, articles: list[Article]) -> None:
    from tests.formats_samples import NEWSBOAT_SCHEMA

    with sqlite3.connect(folder / "cache.db") as connection:
        for statement in NEWSBOAT_SCHEMA:
            connection.execute(statement)
        connection.execute("INSERT INTO rss_feed (rssurl, url, title) VALUES ('u', 'h', 'Example News')")
        connection.executemany(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread) "
            "VALUES (?, ?, '', ?, 'u', ?, ?, 1)",
            [
                (
                    str(n),
                    title,
                    f"https://news.example.org/{n}",
                    1704067200 + 3600 * n,
                    "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
                )
                for n, (title, paragraphs) in enumerate(articles)
            ],  # fmt: skip
        )
    connection.close()


def write_parquet(folder: Path, articles: list[Article]) -> None:
    from tui.corpus.formats.parquet import write_articles_parquet
    from tui.corpus.parsing.parse import parse_text

    parsed = (parse_text(t + "\n\n" + "\n\n".join(p) + "\n", article_id=str(n)) for n, (t, p) in enumerate(articles))
    write_articles_parquet(parsed, folder / "corpus.parquet")


def read_through_loader(path: Path) -> Loaded:
    """A file as the loader reads it: `load.read_file`, which picks the reader by name and first bytes."""
    from tui.corpus.load import read_file
    from tui.corpus.models import LoadReport

    report = LoadReport()
    return Loaded(list(read_file(path, report)), report.problems)


WRITERS: dict[str, Callable[[Path, list[Article]], None]] = {
    "text": write_text,
    "html": write_html,
    "rss": write_rss,
    "json feed": write_json_feed,
    "warc.gz": write_warc,
    "newsboat": write_newsboat,
    "parquet": write_parquet,
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


def full_load(folder: Path) -> float:
    """Seconds for `load_corpus` on one core, no cache: reading, parsing and indexing (Parquet: no parsing)."""
    from tui.corpus import load_corpus

    started = time.perf_counter()
    load_corpus([folder], workers=1, cache=False)
    return time.perf_counter() - started


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
    print(f"load throughput per format, {len(articles)} articles each, through the loader (load.read_file);")
    print("read: bytes to sources, best of --repeat; full: load_corpus on one core, no cache (read, parse, index)")
    print(
        f"| {'format':<10}| {'files':>6} | {'MB':>6} | {'read MB/s':>9} | {'articles':>8} | {'read art/s':>10} "
        f"| {'full art/s':>10} | {'problems':>8} |"
    )
    print(f"|{'-' * 11}|{'-' * 8}|{'-' * 8}|{'-' * 11}|{'-' * 10}|{'-' * 12}|{'-' * 12}|{'-' * 10}|")
    with tempfile.TemporaryDirectory(prefix="formats-bench-") as temporary:
        for name, write in WRITERS.items():
            folder = Path(temporary) / name.replace(" ", "-")
            folder.mkdir()
            write(folder, articles)
            files = sum(1 for _ in folder.iterdir())
            size, count, problems, seconds = measure(folder, read_through_loader, args.repeat)
            full = min(full_load(folder) for _ in range(args.repeat))  # the first pays for the word lists
            print(
                f"| {name:<10}| {files:>6} | {size / 1e6:>6.2f} | {size / 1e6 / seconds:>9.1f} | {count:>8} "
                f"| {count / seconds:>10.0f} | {count / full:>10.0f} | {problems:>8} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
