"""Files and folders to article sources; whatever cannot be read goes into the load report.

Nothing here writes anywhere: the corpus folder is only ever read.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .decode import decode_bytes, normalise_newlines
from .models import Article, LoadProblem, LoadReason, LoadReport, offset_problems

MAX_FILE_BYTES = 256 * 1024 * 1024
JSON_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
# JSON may escape half a surrogate pair ("\ud800"): such a string cannot be encoded, so written
# to a terminal or a file it would raise. It becomes U+FFFD, as undecodable bytes do.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class SourceText:
    """One article's raw text and what its container said about it (JSON fields)."""

    id: str
    path: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)


Source = SourceText | Article


def iter_files(paths: Iterable[str | Path], report: LoadReport) -> Iterator[Path]:
    """Every file named or found below a folder, sorted; hidden files and folders are skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            report.problems.append(LoadProblem(path=str(path), reason="not found"))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def iter_sources(paths: Iterable[str | Path], report: LoadReport) -> Iterator[Source]:
    """Article sources from files and folders, in a stable order; problems go into `report`."""
    for path in iter_files(paths, report):
        report.files += 1
        yield from read_file(path, report)


def read_file(path: Path, report: LoadReport) -> Iterator[Source]:
    text = _read_text(path, report)
    if text is None:
        return
    if path.suffix.lower() in JSON_SUFFIXES:
        yield from _json_sources(path, text, report)
    else:
        yield SourceText(id=path.stem, path=str(path), text=text)


def _read_text(path: Path, report: LoadReport) -> str | None:
    def problem(reason: LoadReason, detail: str = "") -> None:
        report.problems.append(LoadProblem(path=str(path), reason=reason, detail=detail))

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problem("too large", f"{size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
            return None
        data = path.read_bytes()
    except OSError as error:
        problem("unreadable", error.strerror or type(error).__name__)
        return None
    decoded = decode_bytes(data)
    if decoded.text is None:
        problem(decoded.problem, decoded.detail)  # type: ignore[arg-type]
        return None
    if not decoded.text.strip():
        problem("empty")
        return None
    return decoded.text


def _json_sources(path: Path, text: str, report: LoadReport) -> Iterator[Source]:
    """JSON Lines (one article a line), or one JSON document holding an article or a list of them."""
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped[:1] in "[{":
        try:
            document = _json(text)
        except ValueError as error:
            report.problems.append(LoadProblem(path=str(path), reason="malformed", detail=str(error)))
            return
        rows = document if isinstance(document, list) else [document]
        if not rows:
            report.problems.append(LoadProblem(path=str(path), reason="empty", detail="an empty JSON list"))
        for number, row in enumerate(rows, 1):
            yield from _row_source(path, number, row, report)
        return
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = _json(line)
        except ValueError as error:
            detail = f"not JSON: {error.msg}" if isinstance(error, json.JSONDecodeError) else str(error)
            report.problems.append(LoadProblem(path=f"{path}:{number}", reason="malformed", detail=detail))
            continue
        yield from _row_source(path, number, row, report)


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


def _row_source(path: Path, number: int, row: object, report: LoadReport) -> Iterator[Source]:
    where = f"{path}:{number}"
    if not isinstance(row, dict):
        report.problems.append(LoadProblem(path=where, reason="malformed", detail="not a JSON object"))
        return
    body = row.get("text") or row.get("body") or row.get("content")
    if not isinstance(body, str) or not body.strip():
        report.problems.append(LoadProblem(path=where, reason="empty", detail="no \"text\" field"))
        return
    identity = str(row.get("id") or f"{path.stem}-{number}")
    if isinstance(row.get("quotes"), list) and isinstance(row.get("entities"), list):
        article = _parsed_article(row, identity, where, report)
        if article is not None:
            yield article
        return
    meta = {key: str(row[key]) for key in ("title", "date", "published", "source", "url") if row.get(key)}
    yield SourceText(id=identity, path=where, text=normalise_newlines(body), meta=meta)


def _parsed_article(row: dict, identity: str, where: str, report: LoadReport) -> Article | None:
    """A row that `export` wrote: trusted for its shape only, and checked for it."""
    try:
        article = Article.model_validate({**row, "id": identity, "path": row.get("path") or where})
    except ValidationError as error:
        report.problems.append(
            LoadProblem(path=where, reason="malformed", detail=f"{error.error_count()} invalid fields")
        )
        return None
    problems = offset_problems(article)
    if problems:
        report.problems.append(LoadProblem(path=where, reason="malformed", detail=problems[0]))
        return None
    return article
