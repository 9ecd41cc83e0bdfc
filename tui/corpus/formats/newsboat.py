"""newsboat's cache (`cache.db`, SQLite): every item it keeps is an article, its feed the source.

The schema is newsboat's own (its `cache.cpp`): `rss_feed(rssurl, url, title, ...)` and
`rss_item(id, guid, title, author, url, feedurl, pubDate, content, unread, ..., deleted, base,
content_mime_type)`, `pubDate` in Unix seconds, `content` HTML unless `content_mime_type` says
otherwise (that column came with a later schema and may be missing).

The database is opened read-only (an SQLite `mode=ro` URI), so nothing is ever written, not even a
journal; a lock held by a running newsboat is waited for `LOCK_TIMEOUT_SECONDS`, then reported.
Items newsboat marks `deleted` are left out: the user deleted them, newsboat no longer shows them
and purges them at its next reload, so they are not articles that failed to load.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..decode import decode_bytes
from ..models import LoadReason
from ..sources import SourceText
from .common import Loaded, clean_meta, iso_from_timestamp, item_id, item_path
from .html import fragment_text, plain_text

LOCK_TIMEOUT_SECONDS = 2.0
MAX_CONTENT_CHARS = 32 * 1024 * 1024
ROWS_PER_FETCH = 500
CACHE_FILE_NAME = "cache.db"
SQLITE_MAGIC = b"SQLite format 3\0"
_PLAIN_TYPES = frozenset({"text/plain", "text"})
_REQUIRED_ITEM_COLUMNS = ("id", "title", "author", "url", "feedurl", "pubDate", "content")


def default_newsboat_path(environ: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """Where newsboat keeps its cache: `~/.newsboat/cache.db` when that folder exists (newsboat's
    own rule), else `$XDG_DATA_HOME/newsboat/cache.db` (`~/.local/share` when unset)."""
    environ = os.environ if environ is None else environ
    home = Path.home() if home is None else home
    dotdir = home / ".newsboat"
    if dotdir.is_dir():
        return dotdir / CACHE_FILE_NAME
    data_home = environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return Path(data_home) / "newsboat" / CACHE_FILE_NAME


def is_sqlite_file(path: str | Path) -> bool:
    """Whether a file starts as an SQLite database does (for a loader choosing by content)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def read_newsboat(path: str | Path, file_id: str, *, lock_timeout: float = LOCK_TIMEOUT_SECONDS) -> Loaded:
    """Every item of a newsboat cache, in the order newsboat stored them; problems for a database
    that is locked, damaged or not newsboat's, and for items without text."""
    loaded = Loaded()
    where = str(path)
    try:
        connection = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=lock_timeout)
    except sqlite3.Error as error:
        loaded.problem(where, "unreadable", _describe(error))
        return loaded
    try:
        for row in _item_rows(connection):
            _add_item(row, where, file_id, loaded)
    except sqlite3.OperationalError as error:
        reason: LoadReason = "malformed" if "no such" in str(error) else "unreadable"
        loaded.problem(where, reason, _describe(error))
    except sqlite3.DatabaseError as error:  # "file is not a database", "database disk image is malformed"
        loaded.problem(where, "malformed", _describe(error))
    finally:
        connection.close()
    if not loaded.sources and not loaded.problems:
        loaded.problem(where, "empty", "a newsboat cache without items")
    return loaded


def _item_rows(connection: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    connection.row_factory = sqlite3.Row
    # Text as bytes, decoded per field: one item stored in another encoding must not fail the
    # whole cache ("Could not decode to UTF-8 column").
    connection.text_factory = bytes
    columns = {_text(row[1]) for row in connection.execute("PRAGMA table_info(rss_item)")}
    missing = [name for name in _REQUIRED_ITEM_COLUMNS if name not in columns]
    if missing:
        raise sqlite3.OperationalError(f"no such column in rss_item: {', '.join(missing)} (not a newsboat cache)")
    mime = "i.content_mime_type" if "content_mime_type" in columns else "''"
    deleted = "i.deleted = 0" if "deleted" in columns else "1"
    cursor = connection.execute(
        "SELECT i.id, i.title, i.author, i.url, i.pubDate, i.content, "
        f"{mime} AS mime, f.title AS feed_title "
        "FROM rss_item AS i LEFT JOIN rss_feed AS f ON f.rssurl = i.feedurl "
        f"WHERE {deleted} ORDER BY i.id"
    )
    while rows := cursor.fetchmany(ROWS_PER_FETCH):
        yield from rows


def _add_item(row: sqlite3.Row, path: str, file_id: str, loaded: Loaded) -> None:
    where = item_path(path, row["id"])
    content = _text(row["content"])
    if len(content) > MAX_CONTENT_CHARS:
        loaded.problem(where, "too large", f"{len(content):,} characters; the limit is {MAX_CONTENT_CHARS:,}")
        return
    plain = _text(row["mime"]).lower() in _PLAIN_TYPES
    text = plain_text(content) if plain else fragment_text(content)
    if not text:
        loaded.problem(where, "empty", "an item without content")
        return
    published = row["pubDate"]
    meta = clean_meta(
        title=_text(row["title"]),
        published=iso_from_timestamp(published) if isinstance(published, int | float) and published > 0 else None,
        source=_text(row["feed_title"]),
        url=_text(row["url"]),
        author=_text(row["author"]),
    )
    loaded.sources.append(SourceText(id=item_id(file_id, row["id"]), path=where, text=text, meta=meta))


def _text(value: object) -> str:
    """A column as text: SQLite keeps whatever type was stored, bytes included."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        decoded = decode_bytes(value)  # UTF-8, else cp1252, as for text files
        return decoded.text if decoded.text is not None else value.decode("utf-8", errors="replace")
    return str(value)


def _describe(error: sqlite3.Error) -> str:
    message = str(error) or type(error).__name__
    if "locked" in message or "busy" in message:
        return f"{message} (is newsboat running?)"
    return message
