"""Every input format through the loader and the command line: one folder of each, feed URLs,
newsboat's default place, Parquet out and back in, and what file and folder names say."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests import formats_samples as samples
from tests.helpers import load_corpus_serially
from tui.corpus import cache as caching
from tui.corpus import load_corpus, parallel
from tui.corpus.filenames import date_in_name, name_facts
from tui.corpus.formats import write_articles_parquet
from tui.corpus.load import iter_files, iter_sources
from tui.corpus.models import LoadReport
from tui.corpus.parsing.parse import parse_source, parse_text

STORY = "Acme opens mill\n\nAnn Lee said the mill would open. \u201cIt is ready,\u201d she said.\n"
EVERY_FORMAT_IDS = [
    "atom#1", "cache#1", "cache#3", "crawl#1", "crawl#3", "a/1", "b/1", "feed#1", "feed#2",
    "items#1", "items#2", "story", "business/2016-09-12/story", "web/page",
]  # fmt: skip


def every_format(root: Path) -> Path:
    """A folder holding one file of each format, and text files in dated and sectioned folders."""
    (root / "web").mkdir(parents=True)
    (root / "business" / "2016-09-12").mkdir(parents=True)
    (root / "web" / "page.html").write_bytes(samples.page())
    (root / "feed.rss").write_bytes(samples.RSS)
    (root / "atom.xml").write_bytes(samples.ATOM)
    (root / "items.json").write_text(json.dumps(samples.JSON_FEED), encoding="utf-8")
    (root / "crawl.warc.gz").write_bytes(samples.warc())
    samples.newsboat_db(root / "cache.db")
    write_articles_parquet(samples.parsed_articles(), root / "done.parquet")
    (root / "story.txt").write_text(STORY, encoding="utf-8")
    (root / "business" / "2016-09-12" / "story.txt").write_text(STORY, encoding="utf-8")
    return root


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, timeout=120, env={**os.environ, **(env or {})}
    )


def test_a_folder_of_every_format_loads_through_iter_sources(tmp_path):
    root = every_format(tmp_path / "news")
    report = LoadReport()
    articles = [parse_source(source) for source in iter_sources([root], report)]
    assert [a.id for a in articles] == EVERY_FORMAT_IDS
    assert report.files == 9
    # Each skipped item is there with its reason: nothing is lost silently.
    assert sorted((Path(p.path).name, p.reason) for p in report.problems) == [
        ("cache.db#4", "empty"),
        ("feed.rss#3", "empty"),
        ("items.json#3", "empty"),
        ("items.json#4", "malformed"),
    ]
    assert report.summary() == "3 files, 4 bad lines"  # an item is counted in its file
    by_id = {a.id: a for a in articles}
    assert by_id["web/page"].source == "The Daily Example" and "cookies" not in by_id["web/page"].text
    assert by_id["a/1"].quotes and by_id["a/1"].url == "https://x.example/1"  # Parquet: parsed already


def test_containers_read_in_parallel_get_the_ids_of_a_serial_load(tmp_path, monkeypatch):
    root = every_format(tmp_path / "news")
    (root / "feed.txt").write_text(STORY, encoding="utf-8")  # wants the id `feed`, as feed.rss's file would
    (root / "notes.xml").write_text(STORY, encoding="utf-8")  # a container's name, plain text inside
    serial = [a.id for a in load_corpus_serially([root]).articles]
    monkeypatch.setattr(parallel, "SERIAL_BYTES", 0)
    pooled = [a.id for a in load_corpus([root], workers=2).articles]
    assert pooled == serial
    assert len(set(serial)) == len(serial) and {"feed", "feed#1", "notes"} <= set(serial)


@pytest.mark.slow
def test_cli_stats_then_parquet_export_then_stats_of_the_parquet(tmp_path):
    root = every_format(tmp_path / "news")
    stats = run("stats", str(root), "--no-cache")
    assert stats.returncode == 1  # four items skipped, each named on standard error
    assert stats.stderr.decode().count("skipped ") == 4
    out = tmp_path / "out.parquet"
    assert run("export", str(root), "--format", "parquet", "-o", str(out), "--no-cache").returncode == 1
    table = pq.read_table(out)
    assert table.num_rows == len(EVERY_FORMAT_IDS) and "quotes" in table.column_names
    again = run("stats", str(out), "--no-cache")
    assert again.returncode == 0, again.stderr
    counts = lambda done: dict(line.split() for line in done.stdout.decode().splitlines())  # noqa: E731
    first, second = counts(stats), counts(again)
    same = ("articles", "quotes", "speakers")
    assert {k: first[k] for k in same} == {k: second[k] for k in same}
    quotes = run("export", str(out), "--format", "parquet", "--quotes", "--no-cache")  # to a pipe
    assert quotes.returncode == 0
    assert pq.read_table(io.BytesIO(quotes.stdout)).num_rows == int(first["quotes"])
    assert run("export", str(out), "--quotes").returncode == 2  # --quotes is for parquet


def test_the_explorer_reopens_a_parquet_export_without_parsing(tmp_path, monkeypatch):
    out = tmp_path / "done.parquet"
    sources = iter_sources([every_format(tmp_path / "news")], LoadReport())
    write_articles_parquet([parse_source(s) for s in sources], out)
    monkeypatch.setattr("tui.corpus.parsing.parse.parse_text", lambda *_a, **_k: pytest.fail("parsed again"))
    corpus = load_corpus([out])
    dated = next(a for a in corpus.articles if a.id == "business/2016-09-12/story")
    assert dated.section == "business" and dated.date_from_name and dated.published.year == 2016


class _Feed(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(samples.RSS)))
        self.end_headers()
        self.wfile.write(samples.RSS)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def feed_url(monkeypatch) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/rss.xml"
    server.shutdown()
    server.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_a_feed_url_on_the_command_line_is_fetched_and_offline_is_a_report_entry(feed_url, tmp_path):
    done = run("export", feed_url, "--no-cache")
    assert done.returncode == 1
    assert done.stderr.decode().endswith("rss.xml#3: empty (an item without content or summary)\n")
    rows = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["source"] for r in rows] == ["Example News", "Example News"]
    assert rows[0]["id"].endswith("/news/rss#1")
    offline = f"http://127.0.0.1:{_closed_port()}/rss.xml"
    failed = run("stats", offline, str(every_format(tmp_path / "news")), "--no-cache")
    assert failed.returncode == 1 and f"skipped {offline}: unreadable" in failed.stderr.decode()
    assert b"Traceback" not in failed.stderr
    alone = run("stats", offline)
    assert alone.returncode == 1 and alone.stderr.decode().endswith(f"no articles in {offline}\n")


def test_a_feed_url_is_never_cached(feed_url, tmp_path, monkeypatch):
    monkeypatch.setenv(caching.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(caching, "MIN_BYTES", 0)
    paths = [feed_url, str(every_format(tmp_path / "news"))]
    assert caching.entry_for(paths, list(iter_files(paths, LoadReport()))) is None
    assert len(load_corpus(paths, cache=True)) == len(EVERY_FORMAT_IDS) + 2
    assert not (tmp_path / "cache").exists()


def test_every_format_is_cached_with_its_sections_and_dates(tmp_path, monkeypatch):
    monkeypatch.setenv(caching.ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(caching, "MIN_BYTES", 0)
    root = every_format(tmp_path / "news")
    first = load_corpus([root], cache=True)
    monkeypatch.setattr("tui.corpus.parallel.parse_batch", lambda *_a: pytest.fail("parsed again"))
    second = load_corpus([root], cache=True)
    assert [a.model_dump() for a in second.articles] == [a.model_dump() for a in first.articles]
    assert second.search("section:business") == first.search("section:business") != []


@pytest.mark.slow
def test_newsboat_flag_reads_the_default_cache(tmp_path):
    home = tmp_path / "home"
    (home / ".newsboat").mkdir(parents=True)
    samples.newsboat_db(home / ".newsboat" / "cache.db")
    done = run("export", "--newsboat", "--no-cache", env={"HOME": str(home)})
    assert done.returncode == 1  # its item without content is reported
    assert [json.loads(line)["id"] for line in done.stdout.decode().splitlines()] == ["cache#1", "cache#3"]
    missing = run("stats", "--newsboat", env={"HOME": str(tmp_path / "nobody"), "XDG_DATA_HOME": str(tmp_path)})
    assert missing.returncode == 2 and b"no newsboat cache" in missing.stderr


# Metadata from names


@pytest.mark.parametrize(("name", "expected"), [
    ("breitbart_2016-09-12_acme-mill", (2016, 9, 12)), ("20160912", (2016, 9, 12)), ("x-1999-01-31", (1999, 1, 31)),
    ("2016-13-01", None), ("20160230", None), ("18500101", None), ("201609121", None), ("2016-0912", None),
    ("001", None), ("id_420160912", None),
])  # fmt: skip
def test_date_in_name(name, expected):
    found = date_in_name(name)
    assert ((found.year, found.month, found.day) if found else None) == expected


def test_dates_and_sections_from_names(tmp_path):
    (tmp_path / "politics" / "2016-09-12").mkdir(parents=True)
    (tmp_path / "politics" / "2016-09-12" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "politics" / "20170102_b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "politics" / "2016-09-12" / "c.txt").write_text("Acme opens mill\n\n2020-05-06\n\nAnn Lee said so.\n")
    (tmp_path / "loose_20180304.txt").write_text(STORY, encoding="utf-8")
    articles = {a.id: a for a in load_corpus_serially([tmp_path]).articles}
    first, second, own, loose = (
        articles[k] for k in ("politics/2016-09-12/a", "politics/20170102_b", "politics/2016-09-12/c", "loose_20180304")
    )
    assert (first.published.date().isoformat(), first.date_from_name, first.section) == ("2016-09-12", True, "politics")
    assert second.published.date().isoformat() == "2017-01-02" and second.date_from_name
    assert own.date.year == 2020 and not own.date_from_name  # the text's own date wins
    assert loose.section is None and loose.published.year == 2018  # in the root: no section
    assert name_facts("001") is None


def test_section_filter_and_ids_unique_across_folders(tmp_path):
    for section in ("business", "sport"):
        (tmp_path / section).mkdir()
        (tmp_path / section / "001.txt").write_text(f"{section.title()} news today\n\nAnn Lee said it went well.\n")
    corpus = load_corpus_serially([tmp_path])
    assert [a.id for a in corpus.articles] == ["business/001", "sport/001"]
    assert [corpus.articles[p].id for p in corpus.search("section:sport")] == ["sport/001"]
    assert corpus.search("section:weather") == []


@pytest.mark.parametrize(("body", "source"), [
    ("Acme Motors (AM) said on Monday it would cut jobs.", None),
    ("Northby v Southby (Sat)", None),
    ("(Sat) Northby play Southby.", None),
    ("Sen. Ann Lee (D-Northby) weighed in on the vote.", None),
    ("NORTHBY (Acme Wire) - The mill opened on Monday.", "Acme Wire"),
    ("NORTHBY, Jan. 5 (AWN) \u2014 The mill opened on Monday.", "AWN"),
    ("(Wirecorp) The mill opened on Monday.", "Wirecorp"),
])  # fmt: skip
def test_a_source_only_from_a_wire_tag(body, source):
    assert parse_text(f"Mill news\n\n{body}\n\nMore text follows here.\n").source == source


def test_html_references_in_plain_text_are_unescaped_but_not_in_json(tmp_path):
    (tmp_path / "a.txt").write_text("Price news\n\nThe fine was &#163;1.8m, &amp; AT&T; paid &bogus; too.\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "Kept &#163; as written"}) + "\n")
    texts = {s.id: s.text for s in iter_sources([tmp_path], LoadReport())}
    assert texts["a"] == "Price news\n\nThe fine was \u00a31.8m, & AT&T; paid &bogus; too.\n"
    assert texts["b-1"] == "Kept &#163; as written"


def test_parquet_is_never_written_to_a_terminal(tmp_path, monkeypatch, capsys):
    from tui.__main__ import main

    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", str(tmp_path), "--format", "parquet", "--no-cache"]) == 2
    assert "parquet is binary" in capsys.readouterr().err
    out = tmp_path / "out" / "a.parquet"
    out.parent.mkdir()
    assert main(["export", str(tmp_path / "a.txt"), "--format", "parquet", "-o", str(out), "--no-cache"]) == 0
    assert [p.name for p in out.parent.iterdir()] == ["a.parquet"]  # no temporary left beside it
    assert pq.read_table(out).column("section").to_pylist() == [None]


def test_a_parquet_export_from_before_sections_still_opens(tmp_path):
    from tui.corpus.formats.parquet import read_parquet

    out = tmp_path / "new.parquet"
    write_articles_parquet(samples.parsed_articles(), out)
    table = pq.read_table(out)
    old = table.drop_columns(["section", "date_from_name"]).replace_schema_metadata(table.schema.metadata)
    pq.write_table(old, tmp_path / "old.parquet")
    loaded = read_parquet((tmp_path / "old.parquet").read_bytes(), "old.parquet", "old")
    assert loaded.problems == [] and [a.id for a in loaded.sources] == ["a/1", "b/1"]
    assert all(a.section is None and not a.date_from_name for a in loaded.sources)
