"""A field's value: words, a choice, a count of quotes, or a period of days."""

from __future__ import annotations

import calendar
import difflib
import re
from datetime import date, timedelta
from typing import NoReturn

from ..fields import FIELD_ALIASES, FIELD_BY_NAME, hint_names
from ..index import tokens
from .lexer import Token
from .tree import DateRange, Has, Match, Node, QueryError, QuoteCount

_COUNT = re.compile(r"(>=|<=|>|<|=)?(\d{1,9})")
_PERIOD = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
_DATE_OP = re.compile(r"(>=|<=|>|<|=)?(.*)", re.DOTALL)


class Fail(Exception):
    """Raised where reading a filter fails; `parse_query` turns it into its QueryError."""

    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.error = QueryError(position, message)


def field_node(token: Token) -> Node:
    """The node of a `field:value` token, read by what the field's value is (fields.Value)."""
    field = FIELD_ALIASES.get(token.name.lower())
    if field is None:
        raise Fail(token.pos, _unknown_field(token.name))
    value, at = token.text, token.value_pos
    if not value.strip():
        raise Fail(at, f"missing value after '{token.name}:'")
    kind = FIELD_BY_NAME[field].value
    if kind in ("names", "words"):
        words = tokens(value)
        if not words:
            raise Fail(at, f"no words in '{value}'")
        return Match(field, tuple(words))
    if kind == "facts":
        return _has(FIELD_BY_NAME[field].choices, value, at)
    if kind == "count":
        return _quote_count(value, at)
    if kind == "from":
        return DateRange(_period(value, at)[0], None)
    if kind == "until":
        return DateRange(None, _day_before(_period(value, at)[0], at))
    return _date_range(value, at)


def _unknown_field(name: str) -> str:
    close = difflib.get_close_matches(name.lower(), list(FIELD_ALIASES), n=1, cutoff=0.7)
    if close:
        return f"unknown field '{name}' (did you mean {close[0]}:?)"
    return f"unknown field '{name}' (try {hint_names().replace(' ', ', ')}, ...)"


def _has(choices: tuple[str, ...], value: str, at: int) -> Node:
    what = value.lower()
    if what not in choices:
        return fail(at, f"unknown has:{value} (try {', '.join(choices)})")
    return Has(what)


def _quote_count(value: str, at: int) -> Node:
    match = _COUNT.fullmatch(value)
    if not match:
        return fail(at, f"bad count '{value}' (try quotes:>3)")
    return QuoteCount(match.group(1) or "=", int(match.group(2)))


def _date_range(value: str, at: int) -> Node:
    """`2026-02`, `2026-01-01..2026-02-15`, `2026-01..`, `..2026-03`, `>=2026-01`."""
    if ".." in value:
        head, _, tail = value.partition("..")
        if not head and not tail:
            return fail(at, "empty date range")
        first = _period(head, at)[0] if head else None
        last = _period(tail, at + len(head) + 2)[1] if tail else None
        if first and last and first > last:
            return fail(at, f"date range '{value}' ends before it starts")
        return DateRange(first, last)
    match = _DATE_OP.fullmatch(value)
    op, rest = (match.group(1) or "=", match.group(2)) if match else ("=", value)
    start, end = _period(rest, at + len(value) - len(rest))
    bounds = {"=": (start, end), ">=": (start, None), "<=": (None, end),
              ">": (_day_after(end, at), None), "<": (None, _day_before(start, at))}  # fmt: skip
    return DateRange(*bounds[op])


def _period(value: str, at: int) -> tuple[date, date]:
    """First and last day of a year (`2026`), a month (`2026-02`) or a day (`2026-02-04`)."""
    match = _PERIOD.fullmatch(value)
    if not match:
        return fail(at, f"bad date '{value}' (try 2026-02-04)")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            start = date(year, month, day)  # type: ignore[arg-type]
            return start, start
        if month is not None:
            last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
            return date(year, month, 1), date(year, month, last)  # type: ignore[arg-type]
        return date(year, 1, 1), date(year, 12, 31)  # type: ignore[arg-type]
    except (ValueError, calendar.IllegalMonthError):
        return fail(at, f"bad date '{value}'")


def _day_before(day: date, at: int) -> date:
    if day == date.min:
        return fail(at, "date too early")
    return day - timedelta(days=1)


def _day_after(day: date, at: int) -> date:
    if day == date.max:
        return fail(at, "date too late")
    return day + timedelta(days=1)


def fail(position: int, message: str) -> NoReturn:
    """Raise; written `return fail(...)` so each branch visibly ends."""
    raise Fail(position, message)
