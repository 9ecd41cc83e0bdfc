"""The filter language: text -> `Query` (a tree of nodes) or `QueryError`; a Query -> positions.

    macron putin            both words (title or body), any case, any accents
    "political will"        the words side by side
    -putin  -s:peskov  -(a b)   leave out what matches
    a b OR c  ==  (a b) | c     AND binds tighter than OR; parentheses group
    speaker:/s: person:/p: org:/o: place:/l: group:/g: entity:/e: source: section: title: quote: cue:
    has:quotes has:entities has:date has:source   quotes:>3 (>, >=, <, <=, =, or a number)
    date:2026-02  date:2026-01-01..2026-02-15  date:>=2026-01  after:2026-01-01  before:2026-03

`after:` includes its day (or month, or year); `before:` excludes it, as in Gmail, so
`after:2026-01 before:2026-02` is January. `parse_query` never raises.
"""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NoReturn

from .index import FIELD_ALIASES, HAS_VALUES, CorpusIndex, tokens

MAX_DEPTH = 64  # nested parentheses; deeper is an error, not a RecursionError
_FIELD_NAME = re.compile(r"[A-Za-z]+")
_COUNT = re.compile(r"(>=|<=|>|<|=)?(\d{1,9})")
_PERIOD = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
_DATE_OP = re.compile(r"(>=|<=|>|<|=)?(.*)", re.DOTALL)
_STOP = frozenset('()|"')
_NOTHING_TO_EXCLUDE = "nothing to exclude after '-'"


@dataclass(frozen=True)
class QueryError:
    """Where a filter went wrong (0-based offset into its text) and a short reason."""

    position: int
    message: str

    def __str__(self) -> str:
        return self.message


class _Fail(Exception):
    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.error = QueryError(position, message)


# -- the tree ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A piece of a query; `evaluate` returns a fresh set the caller may change."""

    def evaluate(self, index: CorpusIndex) -> set[int]:
        raise NotImplementedError


@dataclass(frozen=True)
class Everything(Node):
    def evaluate(self, index: CorpusIndex) -> set[int]:
        return index.all_positions()

    def __str__(self) -> str:
        return ""


@dataclass(frozen=True)
class Word(Node):
    word: str

    def evaluate(self, index: CorpusIndex) -> set[int]:
        return index.word(self.word)

    def __str__(self) -> str:
        return f'"{self.word}"' if self.word == "or" else self.word


@dataclass(frozen=True)
class Phrase(Node):
    words: tuple[str, ...]

    def evaluate(self, index: CorpusIndex) -> set[int]:
        return index.phrase(self.words)

    def __str__(self) -> str:
        return f'"{" ".join(self.words)}"'


_LOOKUPS = {
    "speaker": CorpusIndex.speaker,
    "person": lambda index, words: index.entity(words, "person"),
    "org": lambda index, words: index.entity(words, "organization"),
    "place": lambda index, words: index.entity(words, "place"),
    "group": lambda index, words: index.entity(words, "group"),
    "entity": lambda index, words: index.entity(words, None),
    "source": CorpusIndex.source,
    "section": CorpusIndex.section,
    "title": CorpusIndex.title,
    "quote": CorpusIndex.quote,
    "cue": CorpusIndex.cue,
}


@dataclass(frozen=True)
class Match(Node):
    """A text field: `speaker:peskov`, `title:"peace talks"`."""

    field: str
    words: tuple[str, ...]

    def evaluate(self, index: CorpusIndex) -> set[int]:
        return _LOOKUPS[self.field](index, self.words)

    def __str__(self) -> str:
        value = " ".join(self.words)
        return f'{self.field}:"{value}"' if len(self.words) > 1 else f"{self.field}:{value}"


@dataclass(frozen=True)
class Has(Node):
    what: str

    def evaluate(self, index: CorpusIndex) -> set[int]:
        return index.has(self.what)

    def __str__(self) -> str:
        return f"has:{self.what}"


@dataclass(frozen=True)
class QuoteCount(Node):
    op: str
    count: int

    def evaluate(self, index: CorpusIndex) -> set[int]:
        return index.quote_count(self.op, self.count)

    def __str__(self) -> str:
        return f"quotes:{'' if self.op == '=' else self.op}{self.count}"


@dataclass(frozen=True)
class DateRange(Node):
    """Articles dated from `first` to `last`, inclusive; None leaves an end open."""

    first: date | None
    last: date | None

    def evaluate(self, index: CorpusIndex) -> set[int]:
        return index.dates_between(self.first, self.last)

    def __str__(self) -> str:
        if self.first is not None and self.first == self.last:
            return f"date:{self.first.isoformat()}"
        first = self.first.isoformat() if self.first else ""
        last = self.last.isoformat() if self.last else ""
        return f"date:{first}..{last}"


@dataclass(frozen=True)
class Not(Node):
    node: Node

    def evaluate(self, index: CorpusIndex) -> set[int]:
        return index.all_positions() - self.node.evaluate(index)

    def __str__(self) -> str:
        return f"-{_grouped(self.node, (And, Or))}"


@dataclass(frozen=True)
class And(Node):
    nodes: tuple[Node, ...]

    def evaluate(self, index: CorpusIndex) -> set[int]:
        # Exclusions subtract from what the other terms found; only when nothing is included
        # do they start from every article.
        included = [node for node in self.nodes if not isinstance(node, Not)]
        excluded = [node.node for node in self.nodes if isinstance(node, Not)]
        found = sorted((node.evaluate(index) for node in included), key=len)
        result = found[0] if found else index.all_positions()
        for other in found[1:]:
            if not result:
                return result
            result &= other
        for node in excluded:
            if not result:
                break
            result -= node.evaluate(index)
        return result

    def __str__(self) -> str:
        return " ".join(_grouped(node, (Or,)) for node in self.nodes)


@dataclass(frozen=True)
class Or(Node):
    nodes: tuple[Node, ...]

    def evaluate(self, index: CorpusIndex) -> set[int]:
        result: set[int] = set()
        for node in self.nodes:
            result |= node.evaluate(index)
        return result

    def __str__(self) -> str:
        return " OR ".join(str(node) for node in self.nodes)


def _grouped(node: Node, kinds: tuple[type, ...]) -> str:
    return f"({node})" if isinstance(node, kinds) else str(node)


def _all_of(nodes: list[Node]) -> Node:
    """AND of nodes, flattened; terms without words (`.`) constrain nothing and drop out."""
    flat: list[Node] = []
    for node in nodes:
        flat.extend(node.nodes if isinstance(node, And) else [node])
    flat = [node for node in flat if not isinstance(node, Everything)]
    return flat[0] if len(flat) == 1 else And(tuple(flat)) if flat else Everything()


def _any_of(nodes: list[Node]) -> Node:
    flat: list[Node] = []
    for node in nodes:
        flat.extend(node.nodes if isinstance(node, Or) else [node])
    if any(isinstance(node, Everything) for node in flat):
        return Everything()
    return flat[0] if len(flat) == 1 else Or(tuple(flat))


@dataclass(frozen=True)
class Query:
    """A parsed filter. `str(query)` is its normalised form, which parses back to the same query."""

    root: Node

    def evaluate(self, index: CorpusIndex) -> set[int]:
        """Positions of the matching articles."""
        return self.root.evaluate(index)

    @property
    def is_empty(self) -> bool:
        return isinstance(self.root, Everything)

    def __str__(self) -> str:
        return str(self.root)


def parse_query(text: str) -> Query | QueryError:
    """Parse a filter; a malformed one gives a QueryError, never an exception."""
    try:
        return Query(_Parser(_lex(text)).parse())
    except _Fail as failure:
        return failure.error
    except Exception:  # the bar must never crash, even on a bug here; tests look for this message
        return QueryError(0, "could not read this filter")


# -- reading the text -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "phrase", "field", "(", ")", "or", "-", "end", "error"
    pos: int
    text: str = ""  # the word, phrase, field value, operator as typed, or error message
    name: str = ""  # the field's name
    value_pos: int = 0


def _lex(text: str) -> list[_Token]:
    """Split a filter into tokens. A token the lexer cannot read becomes an "error" token and
    ends the list, so the parser reports errors left to right."""
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n and (not out or out[-1].kind != "error"):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()|":
            out.append(_Token("or" if char == "|" else char, i, char))
            i += 1
        elif char == '"':
            token, i = _lex_phrase(text, i)
            out.append(token)
        elif char == "-":
            lone = i + 1 == n or text[i + 1].isspace()
            out.append(_Token("error", i, _NOTHING_TO_EXCLUDE) if lone else _Token("-", i, char))
            i += 1
        else:
            token, i = _lex_term(text, i)
            out.append(token)
    out.append(_Token("end", n))
    return out


def _lex_phrase(text: str, start: int) -> tuple[_Token, int]:
    end = text.find('"', start + 1)
    if end < 0:
        return _Token("error", start, "missing closing '\"'"), len(text)
    return _Token("phrase", start, text[start + 1 : end]), end + 1


def _lex_term(text: str, start: int) -> tuple[_Token, int]:
    """A bare word, `OR`, or `field:value` (the value may be quoted)."""
    end = start
    while end < len(text) and not text[end].isspace() and text[end] not in _STOP:
        end += 1
    run = text[start:end]
    name, colon, value = run.partition(":")
    if not colon or not _FIELD_NAME.fullmatch(name):
        if run.startswith(":"):
            return _Token("error", start, "missing field name before ':'"), end
        kind = "or" if run.upper() == "OR" else "word"
        return _Token(kind, start, run), end
    if not value and end < len(text) and text[end] == '"':
        quoted, after = _lex_phrase(text, end)
        if quoted.kind == "error":
            return quoted, after
        return _Token("field", start, quoted.text, name, end + 1), after
    return _Token("field", start, value, name, start + len(name) + 1), end


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary+; unary := -primary | primary."""

    def __init__(self, tokens: list[_Token]) -> None:
        self._tokens = tokens
        self._at = 0
        self._depth = 0

    def parse(self) -> Node:
        node = self._or()
        extra = self._peek()
        if extra.kind == ")":
            raise _Fail(extra.pos, "unmatched ')'")
        return node

    def _peek(self) -> _Token:
        token = self._tokens[self._at]
        if token.kind == "error":
            raise _Fail(token.pos, token.text)
        return token

    def _next(self) -> _Token:
        token = self._peek()
        self._at = min(self._at + 1, len(self._tokens) - 1)
        return token

    def _or(self) -> Node:
        first = self._peek()
        if first.kind == "or":
            raise _Fail(first.pos, f"nothing before '{first.text}'")
        parts = [self._and()]
        while self._peek().kind == "or":
            op = self._next()
            after = self._peek()
            if after.kind in ("end", ")"):
                raise _Fail(op.pos, f"nothing after '{op.text}'")
            if after.kind == "or":
                raise _Fail(after.pos, f"unexpected '{after.text}'")
            parts.append(self._and())
        return _any_of(parts)

    def _and(self) -> Node:
        parts: list[Node] = []
        while self._peek().kind not in ("or", ")", "end"):
            parts.append(self._unary())
        return _all_of(parts)

    def _unary(self) -> Node:
        if self._peek().kind != "-":
            return self._primary()
        minus = self._next()
        if self._peek().kind not in ("word", "phrase", "field", "("):
            raise _Fail(minus.pos, _NOTHING_TO_EXCLUDE)
        node = self._primary()
        if isinstance(node, Everything):
            raise _Fail(minus.pos, _NOTHING_TO_EXCLUDE)
        return Not(node)

    def _primary(self) -> Node:
        token = self._next()
        if token.kind == "(":
            return self._group(token)
        if token.kind == "field":
            return _field(token)
        return _words_node(token.text)

    def _group(self, opening: _Token) -> Node:
        if self._depth >= MAX_DEPTH:
            raise _Fail(opening.pos, f"too many nested '(' (max {MAX_DEPTH})")
        if self._peek().kind == ")":
            raise _Fail(opening.pos, "empty group '()'")
        self._depth += 1
        node = self._or()
        self._depth -= 1
        if self._next().kind != ")":
            raise _Fail(opening.pos, "missing ')'")
        return node


def _words_node(text: str) -> Node:
    """A bare word or a phrase; several words (`covid-19`, `"a b"`) must be side by side."""
    words = tokens(text)
    if not words:
        return Everything()
    return Word(words[0]) if len(words) == 1 else Phrase(tuple(words))


# -- fields -----------------------------------------------------------------------------------


def _field(token: _Token) -> Node:
    field = FIELD_ALIASES.get(token.name.lower())
    if field is None:
        raise _Fail(token.pos, _unknown_field(token.name))
    value, at = token.text, token.value_pos
    if not value.strip():
        raise _Fail(at, f"missing value after '{token.name}:'")
    if field in _LOOKUPS:  # the fields whose value is words
        words = tokens(value)
        if not words:
            raise _Fail(at, f"no words in '{value}'")
        return Match(field, tuple(words))
    if field == "has":
        return _has(value, at)
    if field == "quotes":
        return _quote_count(value, at)
    if field == "after":
        return DateRange(_period(value, at)[0], None)
    if field == "before":
        return DateRange(None, _day_before(_period(value, at)[0], at))
    return _date_range(value, at)


def _unknown_field(name: str) -> str:
    close = difflib.get_close_matches(name.lower(), list(FIELD_ALIASES), n=1, cutoff=0.7)
    if close:
        return f"unknown field '{name}' (did you mean {close[0]}:?)"
    return f"unknown field '{name}' (try speaker:, person:, org:, place:, date:, ...)"


def _has(value: str, at: int) -> Node:
    what = value.lower()
    if what not in HAS_VALUES:
        return _fail(at, f"unknown has:{value} (try {', '.join(HAS_VALUES)})")
    return Has(what)


def _quote_count(value: str, at: int) -> Node:
    match = _COUNT.fullmatch(value)
    if not match:
        return _fail(at, f"bad count '{value}' (try quotes:>3)")
    return QuoteCount(match.group(1) or "=", int(match.group(2)))


def _date_range(value: str, at: int) -> Node:
    """`2026-02`, `2026-01-01..2026-02-15`, `2026-01..`, `..2026-03`, `>=2026-01`."""
    if ".." in value:
        head, _, tail = value.partition("..")
        if not head and not tail:
            return _fail(at, "empty date range")
        first = _period(head, at)[0] if head else None
        last = _period(tail, at + len(head) + 2)[1] if tail else None
        if first and last and first > last:
            return _fail(at, f"date range '{value}' ends before it starts")
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
        return _fail(at, f"bad date '{value}' (try 2026-02-04)")
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
        return _fail(at, f"bad date '{value}'")


def _day_before(day: date, at: int) -> date:
    if day == date.min:
        return _fail(at, "date too early")
    return day - timedelta(days=1)


def _day_after(day: date, at: int) -> date:
    if day == date.max:
        return _fail(at, "date too late")
    return day + timedelta(days=1)


def _fail(position: int, message: str) -> NoReturn:
    """Raise; written `return _fail(...)` so each branch visibly ends."""
    raise _Fail(position, message)
