"""Web archives (`.warc`, `.warc.gz`) by warcio: each HTML page the crawl saved is an article.

An article is a `response` record with HTTP status 200 and an HTML content type; its page is read
as a saved web page (see `html.py`), its target URI is the URL when the page names no canonical
one, and its WARC date is the date when the page gives none.

Every other record is skipped without a load problem, because none of them is an article that
failed to load: `warcinfo`, `request`, `metadata`, `revisit` and `resource` records describe the
crawl, not pages; a redirect (3xx) or an error page (4xx, 5xx) holds no article, only a pointer
or an apology; images, scripts and style sheets are not text. A page that is HTML and status 200
but has no article text in it, or a record cut short, is a problem; so is an archive that warcio
cannot read at all (truncated gzip, not a WARC).
"""

from __future__ import annotations

import io
import sys
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import warcio.archiveiterator
import warcio.bufferedreaders
from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..sources import SourceText
from .common import Loaded, item_id, item_path
from .html import extract_page

ARTICLE_STATUS = "200"
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# A page bigger than this in one record is not an article (a crawl of a data dump); skipped as too large.
MAX_RECORD_BYTES = 32 * 1024 * 1024
MAX_WARNINGS_KEPT = 100
GZIP_MAGIC = b"\x1f\x8b"
GZIP_WBITS = 31  # zlib's window bits for a gzip header and trailer
GZIP_CHUNK_BYTES = 4 * 1024 * 1024  # output per decompress call: the check never holds a whole archive


class _WarningsOfThisThread:
    """Stands in for `sys` in the warcio modules that write warnings about a damaged archive
    straight to `sys.stderr` (in the explorer, the terminal under the screen): what they write is
    kept for the thread reading the archive, which reports it as a load problem."""

    def __init__(self) -> None:
        self._local = threading.local()

    def __getattr__(self, name: str) -> object:
        return getattr(sys, name)

    @property
    def stderr(self) -> _WarningsOfThisThread:
        return self

    def write(self, text: str) -> int:
        kept = getattr(self._local, "messages", None)
        if kept is not None and len(kept) < MAX_WARNINGS_KEPT:
            kept.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    @contextmanager
    def kept(self) -> Iterator[list[str]]:
        messages: list[str] = []
        self._local.messages = messages
        try:
            yield messages
        finally:
            self._local.messages = None


_WARNINGS = _WarningsOfThisThread()
warcio.archiveiterator.sys = _WARNINGS
warcio.bufferedreaders.sys = _WARNINGS


def read_warc(data: bytes, path: str, file_id: str) -> Loaded:
    """Every HTML response of an archive, in archive order; ids count the archive's records."""
    with _WARNINGS.kept() as warnings:
        loaded = _read_records(data, path, file_id)
    if warnings:
        loaded.problem(path, "malformed", f"{_first_line(warnings)} ({len(warnings)} such warnings from warcio)")
    return loaded


def _first_line(warnings: list[str]) -> str:
    lines = (line.strip().removeprefix("WARNING:").strip() for text in warnings for line in text.splitlines())
    return next((line for line in lines if line), "a damaged record")[:200]


def _read_records(data: bytes, path: str, file_id: str) -> Loaded:
    loaded = Loaded()
    number = 0
    iterator = ArchiveIterator(io.BytesIO(data))
    try:
        for number, record in enumerate(iterator, 1):
            if _is_html_page(record):
                _read_page(record, path, item_id(file_id, number), item_path(path, number), loaded)
            elif _cut_short(record):
                loaded.problem(item_path(path, number), "malformed", "a record cut short")
        end = iterator.get_record_offset() + iterator.get_record_length() if number else 0
    except Exception as error:  # noqa: BLE001 (warcio fails on damaged input with any error, AttributeError too)
        where = f"after record {number}" if number else "at its start"
        loaded.problem(path, "malformed", f"not a readable web archive {where}: {_reason(error)}")
        return loaded
    cut = _truncation(data, end)
    if cut:
        loaded.problem(path, "malformed", f"{cut} after record {number}: the records after it are lost")
    elif number == 0:
        loaded.problem(path, "empty", "a web archive without records")
    elif not loaded.sources and not loaded.problems:  # else the file would leave no trace in the report
        loaded.problem(path, "empty", f"no HTML page among its {number} records")
    return loaded


def _truncation(data: bytes, end: int) -> str:
    """What is wrong with the end of an archive, or "": warcio stops without an error at a record
    cut short, so the gzip stream and the bytes after the last record are checked here."""
    if data[:2] == GZIP_MAGIC and not _gzip_complete(data):
        return "a truncated gzip stream"
    if data[end:].strip():
        return "an incomplete record"
    return ""


def _gzip_complete(data: bytes) -> bool:
    """Whether every gzip member of the data ends (a `.warc.gz` is one member a record)."""
    rest = data
    while rest:
        stream = zlib.decompressobj(wbits=GZIP_WBITS)
        try:
            while not stream.eof and rest:
                stream.decompress(rest, GZIP_CHUNK_BYTES)
                rest = stream.unconsumed_tail
        except zlib.error:
            return False
        if not stream.eof:
            return False
        rest = stream.unused_data
        if not rest.strip(b"\0"):  # padding after the last member
            return True
    return True


def _is_html_page(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != ARTICLE_STATUS:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return content_type in HTML_CONTENT_TYPES


def _cut_short(record: ArcWarcRecord) -> bool:
    """Whether the file ends before the bytes the record's Content-Length promised (read to its end)."""
    while record.raw_stream.read(GZIP_CHUNK_BYTES):
        pass
    return getattr(record.raw_stream, "limit", 0) > 0


def _read_page(record: ArcWarcRecord, path: str, article_id: str, where: str, loaded: Loaded) -> None:
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        loaded.problem(where, "too large", f"a page of more than {MAX_RECORD_BYTES:,} bytes")
        return
    if _cut_short(record):
        loaded.problem(where, "malformed", "a record cut short")
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    page = extract_page(body, url=url)
    if page is None:
        loaded.problem(where, "empty", f"no article text in the page of {url or 'an unknown address'}")
        return
    meta = dict(page.meta)
    warc_date = record.rec_headers.get_header("WARC-Date")
    if warc_date and "published" not in meta:
        meta["published"] = warc_date
    loaded.sources.append(SourceText(id=article_id, path=where, text=page.text, meta=meta))


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text[:200] or type(error).__name__
