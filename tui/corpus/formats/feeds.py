"""Feeds: RSS 0.9x/1.0/2.0 and Atom by feedparser, JSON Feed 1.x by `json`; one article an item.

An item's text is its full content, else its summary, HTML reduced to paragraphs as for a web page;
the feed's title is the source, the item's link the URL. A feed named by URL is fetched with a
timeout and a size limit; a fetch that fails is a load problem like an unreadable file.
"""

from __future__ import annotations

import io
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TypeGuard

import feedparser
import feedparser.exceptions

from ..models import LoadReason
from ..sources import SourceText
from .common import Loaded, clean_meta, item_id, item_path
from .html import PARAGRAPH_SEPARATOR, fragment_text, plain_text

FETCH_TIMEOUT_SECONDS = 15
DEADLINE_TIMEOUTS = 4  # the whole fetch may take this many timeouts
FETCH_CHUNK_BYTES = 64 * 1024
MAX_FEED_BYTES = 32 * 1024 * 1024
FEED_URL_SCHEMES = frozenset({"http", "https"})
JSON_FEED_VERSION_PREFIX = "https://jsonfeed.org/version/"
USER_AGENT = "article-explorer (feed reader)"
# feedparser flags these but reads the feed all the same: not problems.
_HARMLESS_BOZO = (
    feedparser.exceptions.CharacterEncodingOverride,
    feedparser.exceptions.NonXMLContentType,
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


def is_feed_url(argument: str) -> bool:
    """An http(s) URL on the command line: a feed to fetch, not a path."""
    parsed = urllib.parse.urlsplit(argument)
    return parsed.scheme.lower() in FEED_URL_SCHEMES and bool(parsed.netloc)


def url_file_id(url: str) -> str:
    """The id a fetched feed's items hang from: host and path, without a query or an extension."""
    parsed = urllib.parse.urlsplit(url)
    stem = parsed.path.rstrip("/").rsplit(".", 1)[0] if "." in parsed.path.rsplit("/", 1)[-1] else parsed.path
    return (parsed.netloc + stem.rstrip("/")) or url


def fetch_feed(url: str, *, timeout: float = FETCH_TIMEOUT_SECONDS, max_bytes: int = MAX_FEED_BYTES) -> Loaded:
    """Fetch a feed and read it; offline, refused, too slow or too large is a load problem."""
    loaded = Loaded()
    if not is_feed_url(url):
        loaded.problem(url, "unreadable", "not an http or https URL")
        return loaded
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = time.monotonic() + timeout * DEADLINE_TIMEOUTS
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
            data = _read_until(response, max_bytes + 1, deadline)
    except urllib.error.HTTPError as error:
        loaded.problem(url, "unreadable", f"HTTP {error.code} {error.reason}")
        return loaded
    except urllib.error.URLError as error:
        loaded.problem(url, "unreadable", f"could not fetch: {error.reason}")
        return loaded
    except (TimeoutError, OSError, ValueError) as error:
        loaded.problem(url, "unreadable", f"could not fetch: {error or type(error).__name__}")
        return loaded
    if data is None:
        loaded.problem(url, "unreadable", f"could not fetch: slower than {timeout * DEADLINE_TIMEOUTS:g} s in all")
        return loaded
    if len(data) > max_bytes:
        loaded.problem(url, "too large", f"more than {max_bytes:,} bytes")
        return loaded
    return read_feed(data, url, url_file_id(url))


def _read_until(response: io.BufferedIOBase, limit: int, deadline: float) -> bytes | None:
    """Up to `limit` bytes, or None when the whole read outlasts the deadline: the socket timeout
    bounds each wait, not a server that sends a byte a second."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = response.read1(min(FETCH_CHUNK_BYTES, limit - size))  # what has come, not a full chunk
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            return None
    return b"".join(chunks)


def read_feed(data: bytes, path: str, file_id: str) -> Loaded:
    """A feed file's bytes: JSON Feed when it is JSON, else whatever feedparser reads."""
    if data.lstrip()[:1] == b"{":
        try:
            document = json.loads(data)
        except (ValueError, RecursionError):
            document = None
        if is_json_feed(document):
            return read_json_feed(document, path, file_id)
    return _read_xml_feed(data, path, file_id)


def _read_xml_feed(data: bytes, path: str, file_id: str) -> Loaded:
    loaded = Loaded()
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=False)
    except (ValueError, TypeError, RecursionError) as error:  # feedparser catches its parser's own errors
        loaded.problem(path, "malformed", f"not a feed: {error}")
        return loaded
    broken = parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), _HARMLESS_BOZO)
    if not parsed.entries:
        reason: LoadReason = "malformed" if broken or not parsed.get("version") else "empty"
        detail = f"not a feed: {parsed.get('bozo_exception')}" if broken else "a feed without items"
        loaded.problem(path, reason, detail if parsed.get("version") or broken else "not a feed")
        return loaded
    if broken:  # items before the fault are read; the report says the rest may be missing
        detail = f"broken XML ({parsed.get('bozo_exception')}); {len(parsed.entries)} items read before it"
        loaded.problem(path, "malformed", detail)
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        if not text:
            loaded.problem(item_path(path, number), "empty", "an item without content or summary")
            continue
        meta = clean_meta(
            title=_entry_title(entry),
            published=_entry_date(entry),
            source=feed_title,
            url=entry.get("link"),
            author=entry.get("author"),
            section=_first_tag(entry.get("tags")),
        )
        loaded.sources.append(SourceText(item_id(file_id, number), item_path(path, number), text, meta))
    return loaded


def _entry_text(entry: Mapping) -> str:
    """The full content when the feed has it, else the summary; HTML as paragraphs."""
    for part in list(entry.get("content") or []) + [entry.get("summary_detail") or {}]:
        value = part.get("value") or ""
        if not value.strip():
            continue
        kind = (part.get("type") or "text/html").lower()
        text = fragment_text(value) if kind in _HTML_TYPES or "<" in value else plain_text(value)
        if text:
            return text
    return ""


def _entry_title(entry: Mapping) -> str | None:
    """The item's title as text: Atom and RSS 1.0 allow HTML in it."""
    title = entry.get("title")
    kind = ((entry.get("title_detail") or {}).get("type") or "").lower()
    return fragment_text(title).replace(PARAGRAPH_SEPARATOR, " ") if title and kind in _HTML_TYPES else title


def _entry_date(entry: Mapping) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        with warnings.catch_warnings():  # feedparser warns when it maps `updated` to `published` itself
            warnings.simplefilter("ignore", DeprecationWarning)
            parsed = entry.get(key)
        if parsed:
            try:
                return datetime(*parsed[:6]).replace(tzinfo=UTC).isoformat()
            except (TypeError, ValueError):
                continue
    return entry.get("published") or entry.get("updated")


def _first_tag(tags: object) -> str | None:
    if isinstance(tags, list) and tags and isinstance(tags[0], Mapping):
        return tags[0].get("term") or tags[0].get("label")
    return None


def is_json_feed(document: object) -> TypeGuard[dict]:
    """A parsed JSON document that is a JSON Feed (any 1.x version), by its `version` URL."""
    if not isinstance(document, dict):
        return False
    version = document.get("version")
    return isinstance(version, str) and version.startswith(JSON_FEED_VERSION_PREFIX)


def read_json_feed(document: dict, path: str, file_id: str) -> Loaded:
    """A JSON Feed (https://jsonfeed.org/version/1.1), already parsed: one article an item."""
    loaded = Loaded()
    items = document.get("items")
    if not isinstance(items, list):
        loaded.problem(path, "malformed", 'a JSON Feed without an "items" list')
        return loaded
    if not items:
        loaded.problem(path, "empty", "a feed without items")
    feed_title = _string(document.get("title"))
    feed_author = _json_author(document)
    for number, item in enumerate(items, 1):
        where = item_path(path, number)
        if not isinstance(item, dict):
            loaded.problem(where, "malformed", "an item that is not a JSON object")
            continue
        text = _json_item_text(item)
        if not text:
            loaded.problem(where, "empty", "an item without content_html, content_text or summary")
            continue
        tags = item.get("tags")
        meta = clean_meta(
            title=_string(item.get("title")),
            published=_string(item.get("date_published")) or _string(item.get("date_modified")),
            source=feed_title,
            url=_string(item.get("url")) or _string(item.get("external_url")),
            author=_json_author(item) or feed_author,
            section=_string(tags[0]) if isinstance(tags, list) and tags else None,
        )
        loaded.sources.append(SourceText(item_id(file_id, number), where, text, meta))
    return loaded


def _json_item_text(item: dict) -> str:
    html = _string(item.get("content_html"))
    if html and html.strip():
        return fragment_text(html)
    for key in ("content_text", "summary"):
        plain = _string(item.get(key))
        if plain and plain.strip():
            return plain_text(plain)
    return ""


def _json_author(holder: dict) -> str | None:
    """JSON Feed 1.1's `authors` list, or 1.0's single `author`: the names, joined."""
    authors = holder.get("authors")
    if not isinstance(authors, list):
        authors = [holder.get("author")]
    names = [_string(a.get("name")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n) or None


def _string(value: object) -> str | None:
    """A JSON string, with half a surrogate pair ("\\ud800", which JSON may escape and no encoder
    writes) replaced, as the JSON loader does."""
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else None
