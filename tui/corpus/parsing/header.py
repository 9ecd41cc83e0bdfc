"""The top of an article: page dateline, title, publication time, wire source, where the body starts.

The formats: the wire layout of the seed (page dateline, title, blank line, timestamp, `(MENAFN)`
body), a body dateline (`WASHINGTON (AFP) -`), title then blank line (the BBC corpus), body only.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import datetime

from dateutil import parser as dateparser

from ..models import Span
from .lexicon.rule_words import WEEKDAYS
from .sentences import trim_span

_FIRST_LINE_READ = 400  # characters of the body read for its first line or sentence
_LONGEST_DERIVED_TITLE = 100  # characters of a title made from the first sentence, for the list
_HEADER_LINES = 6
_LINE = re.compile(r"[^\n]+")
_MAX_TITLE_CHARS = 200
_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_DATE_WORDS = re.compile(r"^[\w\s,.:/+-]+$")
# "(MENAFN)" or "LONDON (Reuters) -" or "WASHINGTON, Jan 5 (AFP) –" opening the body.
_WIRE_TAG = re.compile(
    r"(?:(?P<place>[A-Z][A-Za-z .'-]{1,40}?)(?:,[^()\n]{1,30})?\s+)?"
    r"\((?P<source>[A-Z][\w.&' -]{0,30}?)\)\s*(?:[-\u2013\u2014]\s*)?"
)


_TAG_DASH = re.compile(r"[-\u2013\u2014]\s*\Z")  # the dash that closes `CITY (Agency) -`


@dataclass(frozen=True)
class Header:
    title: str
    title_span: Span | None
    published: datetime | None
    dateline: datetime | None
    source: str | None
    body_start: int


def parse_date_line(line: str) -> datetime | None:
    """A line that is a date and nothing else, or None."""
    line = line.strip()
    if len(line) > 60 or not _YEAR.search(line) or not _DATE_WORDS.match(line):
        return None
    try:
        return _parse_date(line)
    except (ValueError, OverflowError, TypeError):
        return None


def _parse_date(value: str) -> datetime:
    """dateutil, without its warning on stderr for a zone name it does not know ("12:17 XYZ")."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
        return dateparser.parse(value, fuzzy=False)


# Characters of a metadata date given to dateutil, whose time grows with the square of the length
# of a run of digits: the longest written date ("Wednesday, 12 September 2018 14:05:00 +0100 (BST)")
# is half as long.
_LONGEST_DATE_VALUE = 100


def parse_date_value(value: str) -> datetime | None:
    """A date from metadata (JSON `date`): ISO 8601 or anything dateutil reads."""
    value = value.strip()
    if len(value) > _LONGEST_DATE_VALUE:
        return None
    try:
        return _parse_date(value)
    except (ValueError, OverflowError, TypeError):
        return None


def parse_header(text: str, meta: dict[str, str] | None = None) -> Header:
    """Read the header lines of a plain-text article; JSON metadata, when given, wins."""
    meta = meta or {}
    if meta:
        return _header_from_meta(text, meta)
    title, title_span = "", None
    published = dateline = None
    body_start = 0
    lines = _first_lines(text, _HEADER_LINES)
    for number, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        when = parse_date_line(line)
        if when is not None:
            if _ISO_STAMP.match(line) and published is None:
                published = when
            elif title_span is None and dateline is None:
                dateline = when
            elif published is None:
                published = when
            body_start = end
            continue
        if title_span is None and _looks_like_title(text, line, end, number == len(lines) - 1):
            title, title_span = line, trim_span(text, start, end)
            body_start = end
            continue
        break
    source = _wire_source(text, body_start)
    if not title:
        title = _derived_title(text, body_start)
    return Header(title, title_span, published, dateline, source, body_start)


def _header_from_meta(text: str, meta: dict[str, str]) -> Header:
    when = meta.get("published") or meta.get("date")
    published = parse_date_value(when) if when else None
    title = " ".join(meta.get("title", "").split()) or _derived_title(text, 0)
    source = meta.get("source") or _wire_source(text, 0)
    return Header(title, None, published, None, source, 0)


def _first_lines(text: str, count: int) -> list[Span]:
    spans: list[Span] = []
    for match in _LINE.finditer(text):
        if match.group().strip():
            spans.append(match.span())
            if len(spans) == count:
                break
    return spans


def _looks_like_title(text: str, line: str, end: int, is_last: bool) -> bool:
    """A short line that does not end a sentence and has more text after it."""
    if is_last and not text[end:].strip():
        return False
    if len(line) > _MAX_TITLE_CHARS or line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    if line[:1] in '"\u201c\u2018(':
        return False
    return not _WIRE_TAG.match(line)


def _wire_source(text: str, body_start: int) -> str | None:
    """The agency of a wire tag opening the body: `(Agency)` first on the line, or `CITY (Agency) -`
    with its dash; never brackets inside a sentence ("General Motors (GM) said") nor a weekday."""
    first = re.search(r"\S[^\n]*", text[body_start : body_start + _FIRST_LINE_READ])
    if not first:
        return None
    match = _WIRE_TAG.match(first.group())
    if not match:
        return None
    source = match.group("source").strip()
    if source.lower() in WEEKDAYS or (match.group("place") and not _TAG_DASH.search(match.group())):
        return None
    return source


def _derived_title(text: str, start: int) -> str:
    """No title line: the first sentence of the body, cut to a list-friendly length."""
    body = " ".join(text[start : start + _FIRST_LINE_READ].split())
    sentence = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
    if len(sentence) <= _LONGEST_DERIVED_TITLE:
        return sentence
    return sentence[: _LONGEST_DERIVED_TITLE - 1].rstrip() + "\u2026"  # the ellipsis makes it that long


def wire_tag_span(text: str, start: int) -> Span | None:
    """The span of a body-opening wire tag, e.g. "(MENAFN) " or "LONDON (Reuters) - "."""
    match = _WIRE_TAG.match(text, start)
    return match.span() if match else None
