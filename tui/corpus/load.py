"""Files and folders to article sources; whatever cannot be read goes into the load report.

Nothing here writes anywhere: the corpus folder is only ever read.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from . import formats
from .decode import decode_bytes, normalise_newlines, unescape_entities
from .filenames import NameFacts, name_facts
from .models import Article, LoadProblem, LoadReason, LoadReport, exported_article
from .sources import Source, SourceText
from .walk import JSON_SUFFIXES, IdBook, find_files, is_container, is_url

MAX_FILE_BYTES = 256 * 1024 * 1024
_READ_CHUNK = 1 << 20  # a file that grew after its size was taken is read on a megabyte at a time
# Open without waiting: a FIFO opened for reading would wait for a writer forever.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)
# JSON may escape half a surrogate pair ("\ud800"): such a string cannot be encoded, so written
# to a terminal or a file it would raise. It becomes U+FFFD, as undecodable bytes do.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON file with up to this many bad lines (or records) has each reported at its line; with more,
# it is one entry for the file with the count: a broken feed is one problem, not 100,000.
BAD_ROWS_LISTED = 20


SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def iter_files(paths: Iterable[str | Path], report: LoadReport) -> Iterator[Path]:
    """Every file named or found below a folder, in load order, each with its article id
    (walk.py has the rules: links, hidden files, ids); what cannot be walked goes into `report`."""
    yield from find_files(paths, report)


def nothing_loaded(paths: Iterable[str | Path], report: LoadReport) -> str:
    """What to say when a load gave no article (the command line and the explorer say the same):
    `no such file or folder: PATH` for a path that is not there, else `no articles in PATH`."""
    named = [p if is_url(p) else str(Path(p)) for p in paths]
    missing = [p.path for p in report.problems if p.reason == "not found" and p.path in named]
    if missing:
        return f"no such file or folder: {', '.join(missing)}"
    return f"no articles in {', '.join(named)}"


def iter_sources(paths: Iterable[str | Path], report: LoadReport) -> Iterator[Source]:
    """Article sources from files, folders and feed URLs, in a stable order; problems go into
    `report`. A feed URL is fetched (with a timeout and a size limit); failing, it is a problem."""
    for path in iter_files(paths, report):
        report.files += 1
        yield from read_file(path, report)


def read_file(path: Path, report: LoadReport) -> Iterator[Source]:
    """The articles in one file: a text file is one, a JSON file, feed, web archive, newsboat cache
    or Parquet file any number; a path from `iter_files` knows its id and the load's id book."""
    file_id = getattr(path, "article_id", "") or path.stem
    ids: IdBook | None = getattr(path, "ids", None)
    url: str = getattr(path, "url", "")
    if url:  # a feed URL: fetched, and never cached (it has no file to fingerprint)
        yield from _claimed(formats.fetch_feed(url), report, ids, None)
        return
    names = name_facts(file_id)
    if str(path).lower().endswith(SQLITE_SUFFIXES) and formats.is_sqlite_file(path):
        yield from _claimed(formats.read_newsboat(path, file_id), report, ids, names)
        return
    data = _read_bytes(path, report)
    if data is None:
        return
    reader = formats.reader_for(path, data[: formats.SNIFF_BYTES])
    if reader is not None:  # a web page is one article, its id given by the walk; a container's claim theirs
        yield from _claimed(reader(data, str(path), file_id), report, ids if is_container(path) else None, names)
        return
    text = _decoded(path, data, report)
    if text is None:
        return
    if path.suffix.lower() in JSON_SUFFIXES:
        yield from _json_sources(path, text, report, file_id, ids, names)
    else:  # a container's name on a text file (notes.xml): its id was left for it to claim
        unique = ids.claim(file_id) if ids is not None and is_container(path) else file_id
        yield SourceText(id=unique, path=str(path), text=unescape_entities(text), names=names)


def _claimed(
    loaded: formats.Loaded, report: LoadReport, ids: IdBook | None, names: NameFacts | None
) -> Iterator[Source]:
    """A reader's articles, their ids made unique by the load's id book (when there is one), each
    raw source with the file's name facts; its problems into the report."""
    for source in loaded.sources:
        if isinstance(source, Article):
            if ids is not None:
                source.id = ids.claim(source.id)
            yield source
            continue
        unique = ids.claim(source.id) if ids is not None else source.id
        yield replace(source, id=unique, names=names)
    report.problems.extend(loaded.problems)


def _read_bytes(path: Path, report: LoadReport) -> bytes | None:
    def problem(reason: LoadReason, detail: str = "") -> None:
        report.problems.append(LoadProblem(path=str(path), reason=reason, detail=detail))

    try:
        data = _read_regular(path)
    except OSError as error:
        problem("unreadable", error.strerror or type(error).__name__)
        return None
    if isinstance(data, tuple):
        problem(*data)
        return None
    return data


def _decoded(path: Path, data: bytes, report: LoadReport) -> str | None:
    def problem(reason: LoadReason, detail: str = "") -> None:
        report.problems.append(LoadProblem(path=str(path), reason=reason, detail=detail))

    decoded = decode_bytes(data)
    if decoded.text is None:
        problem(decoded.problem, decoded.detail)  # type: ignore[arg-type]
        return None
    if not decoded.text.strip():
        problem("empty")
        return None
    return decoded.text


def _read_regular(path: Path) -> bytes | tuple[LoadReason, str]:
    """The bytes of a regular file of at most MAX_FILE_BYTES; else what it is instead. The
    kind is checked before opening (a FIFO would block the open) and again on the open file
    (it may have been replaced in between); the read stops at the limit, whatever the size says."""
    what = _kind(os.stat(path).st_mode)
    if what:
        return "not a regular file", what
    descriptor = os.open(path, _OPEN_FLAGS)
    with open(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        what = _kind(info.st_mode)
        if what:
            return "not a regular file", what
        data = handle.read(min(info.st_size, MAX_FILE_BYTES) + 1)
        if len(data) > info.st_size:  # it grew since: read on, in chunks, up to the limit
            chunks = [data]
            while data and sum(map(len, chunks)) <= MAX_FILE_BYTES:
                data = handle.read(_READ_CHUNK)
                chunks.append(data)
            data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        return "too large", f"over {MAX_FILE_BYTES:,} bytes, the limit"
    return data


def _kind(mode: int) -> str:
    """What a file that is not a regular file is ("a FIFO", "a device"...); "" for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def _json_sources(
    path: Path,
    text: str,
    report: LoadReport,
    file_id: str = "",
    ids: IdBook | None = None,
    names: NameFacts | None = None,
) -> Iterator[Source]:
    """JSON Lines (one article a line), one JSON document holding an article or a list of them, or
    a JSON Feed. Rows claim their ids from `ids` (the load's id book); a row without one is FILE_ID-N."""
    rows = _JsonRows(path, file_id or path.stem, ids or IdBook(), names)
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped[:1] in "[{":
        try:
            document = _json(text)
        except ValueError as error:
            report.problems.append(LoadProblem(path=str(path), reason="malformed", detail=str(error)))
            return
        if formats.is_json_feed(document):
            yield from _claimed(formats.read_json_feed(document, str(path), rows.file_id), report, rows.ids, names)
            return
        records = document if isinstance(document, list) else [document]
        if not records:
            report.problems.append(LoadProblem(path=str(path), reason="empty", detail="an empty JSON list"))
        rows.unit = "records"
        for number, row in enumerate(records, 1):
            yield from rows.source(number, row)
    else:
        yield from _json_lines(rows, text.split("\n"))
    report.problems.extend(rows.problems())


def _json_lines(rows: _JsonRows, lines: list[str], first: int = 0) -> Iterator[Source]:
    """JSON Lines rows; `lines` start at the file's line `first` (0-based)."""
    for number, line in enumerate(lines, first + 1):
        if not line.strip():
            continue
        try:
            row = _json(line)
        except ValueError as error:
            detail = f"not JSON: {error.msg}" if isinstance(error, json.JSONDecodeError) else str(error)
            rows.seen += 1
            rows.bad(number, "malformed", detail)
            continue
        yield from rows.source(number, row)


def read_records(path: Path, report: LoadReport, first: int, stop: int) -> Iterator[Source]:
    """Records `first` to `stop` (0-based, `stop` excluded) of a JSON Lines file (its lines) or a
    Parquet file (its rows), as `read_file` gives them from the whole file: one share of a
    container split between the machines of a cluster (cluster.py)."""
    file_id = getattr(path, "article_id", "") or path.stem
    ids: IdBook | None = getattr(path, "ids", None)
    data = _read_bytes(path, report)
    if data is None:
        return
    names = name_facts(file_id)
    if path.suffix.lower() == ".parquet":
        yield from _claimed(formats.read_parquet(data, str(path), file_id, range(first, stop)), report, ids, names)
        return
    text = _decoded(path, data, report)
    if text is None:
        return
    rows = _JsonRows(path, file_id, ids or IdBook(), names)
    yield from _json_lines(rows, text.split("\n")[first:stop], first)
    report.problems.extend(rows.problems())


def _json(text: str) -> object:
    """`json.loads`, with nesting too deep for it reported as malformed and lone surrogates replaced."""
    try:
        value = json.loads(text)
        return _without_surrogates(value) if _SURROGATE_ESCAPE.search(text) else value
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _without_surrogates(value: object) -> object:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


class _JsonRows:
    """The rows of one JSON file as sources, their ids claimed in load order, and its bad rows."""

    def __init__(self, path: Path, file_id: str, ids: IdBook, names: NameFacts | None = None) -> None:
        self.path, self.file_id, self.ids, self.names = path, file_id, ids, names
        self.unit = "lines"
        self.seen = 0
        self.listed: list[LoadProblem] = []  # the first BAD_ROWS_LISTED + 1 bad rows
        self.bad_count = 0

    def bad(self, number: int, reason: LoadReason, detail: str) -> None:
        self.bad_count += 1
        if len(self.listed) <= BAD_ROWS_LISTED:
            self.listed.append(LoadProblem(path=f"{self.path}:{number}", reason=reason, detail=detail))

    def problems(self) -> list[LoadProblem]:
        """Each bad row at its line, or with more than BAD_ROWS_LISTED, one entry for the file."""
        if self.bad_count <= BAD_ROWS_LISTED:
            return self.listed
        first = self.listed[0]
        line = first.path.rsplit(":", 1)[1]
        detail = f"{self.bad_count:,} bad {self.unit} of {self.seen:,}; the first, {line}: {first.reason}" + (
            f" ({first.detail})" if first.detail else ""
        )
        return [LoadProblem(path=str(self.path), reason="malformed", detail=detail, bad_lines=self.bad_count)]

    def source(self, number: int, row: object) -> Iterator[Source]:
        self.seen += 1
        where = f"{self.path}:{number}"
        if not isinstance(row, dict):
            self.bad(number, "malformed", "not a JSON object")
            return
        body = row.get("text") or row.get("body") or row.get("content")
        if not isinstance(body, str) or not body.strip():
            self.bad(number, "empty", 'no "text" field')
            return
        wanted = str(row.get("id") or f"{self.file_id}-{number}")
        if isinstance(row.get("quotes"), list) and isinstance(row.get("entities"), list):
            article = self.parsed_article(row, wanted, number)
            if article is not None:
                article.id = self.ids.claim(wanted)
                yield article
            return
        meta = {key: str(row[key]) for key in ("title", "date", "published", "source", "url") if row.get(key)}
        yield SourceText(
            id=self.ids.claim(wanted), path=where, text=normalise_newlines(body), meta=meta, names=self.names
        )

    def parsed_article(self, row: dict, identity: str, number: int) -> Article | None:
        """A row that `export` wrote: trusted for its shape only, and checked for it."""
        where = f"{self.path}:{number}"
        article = exported_article({**row, "id": identity, "path": row.get("path") or where})
        if isinstance(article, str):
            self.bad(number, "malformed", article)
            return None
        return article
