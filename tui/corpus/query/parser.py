"""Recursive descent over the tokens: the filter's text -> `Query` or `QueryError`."""

from __future__ import annotations

from ..index import tokens
from .lexer import NOTHING_TO_EXCLUDE, Token, lex
from .tree import Everything, Node, Not, Phrase, Query, QueryError, Word, all_of, any_of
from .values import Fail, field_node

MAX_DEPTH = 64  # nested parentheses; deeper is an error, not a RecursionError


def parse_query(text: str) -> Query | QueryError:
    """Parse a filter; a malformed one gives a QueryError, never an exception."""
    try:
        return Query(_Parser(lex(text)).parse())
    except Fail as failure:
        return failure.error
    except Exception:  # the bar must never crash, even on a bug here; tests look for this message
        return QueryError(0, "could not read this filter")


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary+; unary := -primary | primary."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._at = 0
        self._depth = 0

    def parse(self) -> Node:
        node = self._or()
        extra = self._peek()
        if extra.kind == ")":
            raise Fail(extra.pos, "unmatched ')'")
        return node

    def _peek(self) -> Token:
        token = self._tokens[self._at]
        if token.kind == "error":
            raise Fail(token.pos, token.text)
        return token

    def _next(self) -> Token:
        token = self._peek()
        self._at = min(self._at + 1, len(self._tokens) - 1)
        return token

    def _or(self) -> Node:
        first = self._peek()
        if first.kind == "or":
            raise Fail(first.pos, f"nothing before '{first.text}'")
        parts = [self._and()]
        while self._peek().kind == "or":
            op = self._next()
            after = self._peek()
            if after.kind in ("end", ")"):
                raise Fail(op.pos, f"nothing after '{op.text}'")
            if after.kind == "or":
                raise Fail(after.pos, f"unexpected '{after.text}'")
            parts.append(self._and())
        return any_of(parts)

    def _and(self) -> Node:
        parts: list[Node] = []
        while self._peek().kind not in ("or", ")", "end"):
            parts.append(self._unary())
        return all_of(parts)

    def _unary(self) -> Node:
        if self._peek().kind != "-":
            return self._primary()
        minus = self._next()
        if self._peek().kind not in ("word", "phrase", "field", "("):
            raise Fail(minus.pos, NOTHING_TO_EXCLUDE)
        node = self._primary()
        if isinstance(node, Everything):
            raise Fail(minus.pos, NOTHING_TO_EXCLUDE)
        return Not(node)

    def _primary(self) -> Node:
        token = self._next()
        if token.kind == "(":
            return self._group(token)
        if token.kind == "field":
            return field_node(token)
        return _words_node(token.text)

    def _group(self, opening: Token) -> Node:
        if self._depth >= MAX_DEPTH:
            raise Fail(opening.pos, f"too many nested '(' (max {MAX_DEPTH})")
        if self._peek().kind == ")":
            raise Fail(opening.pos, "empty group '()'")
        self._depth += 1
        node = self._or()
        self._depth -= 1
        if self._next().kind != ")":
            raise Fail(opening.pos, "missing ')'")
        return node


def _words_node(text: str) -> Node:
    """A bare word or a phrase; several words (`covid-19`, `"a b"`) must be side by side."""
    words = tokens(text)
    if not words:
        return Everything()
    return Word(words[0]) if len(words) == 1 else Phrase(tuple(words))
