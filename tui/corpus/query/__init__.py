"""The filter language: text -> `Query` (a tree of nodes) or `QueryError`; a Query -> positions.

    macron putin            both words (title or body), any case, any accents
    "political will"        the words side by side
    -putin  -s:peskov  -(a b)   leave out what matches
    a b OR c  ==  (a b) | c     AND binds tighter than OR; parentheses group
    speaker:lee  org:"acme corp"  has:quotes  quotes:>3  date:2026-01-01..2026-02-15
                            fields: the table in fields.py (names, aliases, values, help)

`after:` includes its day (or month, or year); `before:` excludes it, as in Gmail, so
`after:2026-01 before:2026-02` is January. `parse_query` never raises.
"""

from .parser import MAX_DEPTH, parse_query
from .tree import And, DateRange, Everything, Has, Match, Node, Not, Or, Phrase, Query, QueryError, QuoteCount, Word

__all__ = [
    "MAX_DEPTH", "And", "DateRange", "Everything", "Has", "Match", "Node", "Not", "Or", "Phrase", "Query",
    "QueryError", "QuoteCount", "Word", "parse_query",
]  # fmt: skip
