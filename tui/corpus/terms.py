"""The words a filter looks for in the text, and where they are in a piece of text.

The reading pane marks them: bare words and quoted phrases of the filter, not what it leaves
out (`-word`) nor field values (`speaker:lee` names a speaker, not a word of the body). A word
in the text matches as the index matched it: folded (any case, any accents), whole words only.
"""

from __future__ import annotations

import re

from .index import tokens
from .parsing.lexicon import fold
from .query import And, Node, Not, Or, Phrase, Query, Word, parse_query

MOST_TERMS = 64  # terms marked at most: a pasted paragraph of a filter marks its first 64 words
_WORD = re.compile(r"[^\W_]+")  # as `index.keys.tokens` splits words


def highlight_terms(query_text: str) -> list[str]:
    """The words and phrases (words joined by one space, folded) a filter looks for in the text;
    none for a malformed or empty filter."""
    query = parse_query(query_text)
    if not isinstance(query, Query):
        return []
    found: dict[str, None] = {}
    _collect(query.root, found)
    return list(found)[:MOST_TERMS]


def _collect(node: Node, found: dict[str, None]) -> None:
    # Iterative: a filter nested 64 deep must not cost a deep recursion here either.
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, Word):
            found[node.word] = None
        elif isinstance(node, Phrase):
            found[" ".join(node.words)] = None
        elif isinstance(node, (And, Or)):
            stack.extend(reversed(node.nodes))
        elif isinstance(node, Not):
            continue  # what the filter leaves out is not in the text to mark


def term_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the terms (from `highlight_terms`) occur in `text`: (start, end) offsets, in order.

    One pass over the words of the text: a phrase matches its words in a row, with anything
    that is not a word between them, as the index's phrases do."""
    if not terms or not text:
        return []
    phrases = [tuple(term.split(" ")) for term in terms]
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        firsts.setdefault(phrase[0], []).append(phrase)
    words = [(m.start(), m.end(), _folded(m.group())) for m in _WORD.finditer(text)]
    spans: list[tuple[int, int]] = []
    reach = 0  # the end of the last span: overlapping matches are marked once
    for at, (start, _, word) in enumerate(words):
        for phrase in firsts.get(word, ()):
            size = len(phrase)
            if tuple(w for _, _, w in words[at : at + size]) == phrase:
                end = words[at + size - 1][1]
                if start >= reach:
                    spans.append((start, end))
                    reach = end
                break
    return spans


def _folded(word: str) -> str:
    if word.isascii():
        return word.lower()
    folded = tokens(fold(word))  # folding can split a word (a ligature): keep its first part
    return folded[0] if folded else word
