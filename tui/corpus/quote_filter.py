"""Filters that speak of quotes: `speaker:`, `quote:` and `cue:` combine within ONE quote.

`speaker:lee quote:tax` finds Lee's quotes that say tax, and the articles holding one; the other
fields (words, `person:`, `org:`, `date:`, `source:`) say something of the whole article and
combine per article. In a group of terms side by side, every quote-level term (negated ones too:
`speaker:lee -quote:tax` is Lee's quotes that do not say tax) must hold for the same quote; a
quote-level term negated on its own (`-speaker:lee`) drops the articles that have such a quote.

Two evaluations of one parsed query:
  - articles: `regroup` wraps each group of quote-level terms in a `QuoteGroup` node, which asks the
    quote view for the articles holding a quote that matches the whole group;
  - quotes: `quote_ids` evaluates the tree over quote numbers (a boolean mask, one cell a quote),
    where an article-level term stands for every quote of the articles it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .index import CorpusIndex
from .query.tree import And, Everything, Found, Match, Node, Not, Or, all_of

QUOTE_FIELDS = frozenset({"speaker", "quote", "cue"})
NARROW_BELOW = 4  # a phrase is checked among the quotes the other terms left when they are under 1/4 of all


class QuoteMatcher(Protocol):
    """What the quote-level evaluation needs of the quote view."""

    index: CorpusIndex

    def all_quotes(self) -> np.ndarray: ...
    def match_quotes(self, field: str, words: tuple[str, ...], within: np.ndarray | None = None) -> np.ndarray: ...
    def articles_saying(self, words: tuple[str, ...]) -> set[int]: ...
    def quotes_in(self, positions: set[int]) -> np.ndarray: ...
    def term_quotes(self, node: Node, found: Found) -> np.ndarray: ...
    def articles_of(self, quotes: np.ndarray) -> set[int]: ...


def is_quote_level(node: Node) -> bool:
    """Every term of `node` holds within one quote (speaker:, quote:, cue:)."""
    return _quote_terms(node, all)


def has_quote_terms(node: Node) -> bool:
    """Some term of `node` holds within one quote."""
    return _quote_terms(node, any)


def _quote_terms(node: Node, combine: Callable[[Iterable[bool]], bool]) -> bool:
    if isinstance(node, Match):
        return node.field in QUOTE_FIELDS
    if isinstance(node, Not):
        return _quote_terms(node.node, combine)
    if isinstance(node, (And, Or)):
        return combine(_quote_terms(child, combine) for child in node.nodes)
    return False


@dataclass(frozen=True)
class QuoteGroup(Node):
    """Quote-level terms that must hold for one quote; finds the articles holding such a quote."""

    node: Node

    def compute(self, index: CorpusIndex, found: Found) -> set[int]:
        return index.quote_articles(self.node)  # type: ignore[attr-defined]  # a QuoteAwareIndex

    def __str__(self) -> str:
        return str(self.node)


def regroup(node: Node) -> Node:
    """The same query, with each group of quote-level terms made one `QuoteGroup`."""
    if isinstance(node, Match):
        return QuoteGroup(node) if node.field in QUOTE_FIELDS else node
    if isinstance(node, Not):
        return Not(regroup(node.node))
    if isinstance(node, Or):
        return QuoteGroup(node) if is_quote_level(node) else Or(tuple(regroup(child) for child in node.nodes))
    if isinstance(node, And):
        quoted = [child for child in node.nodes if is_quote_level(child)]
        if not any(not isinstance(child, Not) for child in quoted):
            return And(tuple(regroup(child) for child in node.nodes))
        rest = [regroup(child) for child in node.nodes if not is_quote_level(child)]
        group = QuoteGroup(all_of(quoted))
        return And((*rest, group)) if rest else group
    return node


class QuoteAwareIndex:
    """The corpus index, plus the answer a `QuoteGroup` asks for."""

    def __init__(self, index: CorpusIndex, view: QuoteMatcher) -> None:
        self._index = index
        self._view = view

    def __getattr__(self, name: str) -> Callable:
        return getattr(self._index, name)

    def quote_articles(self, node: Node) -> set[int]:
        if isinstance(node, Match) and node.field == "quote":  # no quote to find one by one
            return self._view.articles_saying(node.words)
        return self._view.articles_of(quote_ids(node, self._view))


def quote_ids(node: Node, view: QuoteMatcher, found: Found | None = None) -> np.ndarray:
    """The quotes a query's tree finds: a boolean mask over quote numbers (read-only when kept: an
    article-level term's, `QuoteView.term_quotes`; combine masks into new ones, never in place)."""
    found = {} if found is None else found
    if isinstance(node, Everything):
        return view.all_quotes()
    if isinstance(node, QuoteGroup):
        return quote_ids(node.node, view, found)
    if isinstance(node, Match) and node.field in QUOTE_FIELDS:
        return view.match_quotes(node.field, node.words)
    if isinstance(node, Not):
        return ~quote_ids(node.node, view, found)
    if isinstance(node, Or):
        children = list(dict.fromkeys(node.nodes))
        result = quote_ids(children[0], view, found) if children else ~view.all_quotes()
        for child in children[1:]:
            result = result | quote_ids(child, view, found)  # not in place: a mask may be kept
        return result
    if isinstance(node, And):
        return _all_quotes_of(node, view, found)
    return view.term_quotes(node, found)  # an article-level term (kept: read-only)


def _all_quotes_of(node: And, view: QuoteMatcher, found: Found) -> np.ndarray:
    included = [child for child in dict.fromkeys(node.nodes) if not isinstance(child, Not)]
    excluded = [child.node for child in dict.fromkeys(node.nodes) if isinstance(child, Not)]
    # A quote's words are checked quote by quote: only among what the other terms left (a negated
    # phrase too: `speaker:lee -quote:"we will"` checks Lee's quotes, not every quote with the phrase).
    saying = [child for child in included if isinstance(child, Match) and child.field == "quote"]
    within: np.ndarray | None = None
    for child in included:
        if child not in saying:
            found_here = quote_ids(child, view, found)
            within = found_here if within is None else within & found_here
    for term in saying:
        within = _saying(view, term.words, within)
    result = within if within is not None else view.all_quotes()
    for child in excluded:
        if not result.any():
            break
        if isinstance(child, Match) and child.field == "quote":  # checked only among the quotes left
            result = result & ~_saying(view, child.words, result)
        else:
            result = result & ~quote_ids(child, view, found)
    return result


def _saying(view: QuoteMatcher, words: tuple[str, ...], within: np.ndarray | None) -> np.ndarray:
    """The quotes of `within` (or all) with these words: checked only among `within` when it is
    narrow; a broad set's articles cost more to find than the checks they would save."""
    if within is None or np.count_nonzero(within) * NARROW_BELOW >= len(within):
        found = view.match_quotes("quote", words)
        return found if within is None else found & within
    return view.match_quotes("quote", words, within)
