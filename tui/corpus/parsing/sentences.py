"""Sentence boundaries inside paragraphs, never inside a quotation and never after "Mr." or "U.S."."""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Iterator

from ..models import Span
from .budget import check
from .lexicon.rule_words import ABBREVIATIONS

# `[.!?][.!?]*` rather than `[.!?]+`: a pattern that opens with a single class lets the engine
# skip ahead to the next mark, which more than halves the time of this search.
# The look-behind after the first mark lets a match start only at the first mark of a run: from
# any later one it would end at the same place, and trying each would read a run of N marks N
# times. The possessive quantifiers never give back a mark or a closer: the look-ahead needs a
# space, which no shorter match could be followed by.
_LAST_WORD_REACH = 40  # characters back to the word before a sentence end
_ABBREVIATION_REACH = 12  # characters back to the start of a possible abbreviation
_NO_ABBREVIATION_LETTERS = 6  # letters: a word of this many or more before a full stop is no abbreviation
_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"'\u201d\u2019)]*+(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
# a line that opens with a quotation mark after a line ending in a name or a closing mark: a list of
# quotations, each on its line (`...shame." \u2015 Maria Lopez` / `"During the debate...`)
_LINE_THEN_QUOTE = re.compile(r"(?<=[\w.!?\"'\u201d\u2019)])[^\S\n]*\n(?=[^\S\n]*[\"\u201c\u201d\u00ab])")
_LAST_WORD = re.compile(r"[\w.]+$")


def sentence_spans(text: str, paragraphs: list[Span], quoted: list[Span]) -> list[Span]:
    """Sentences of every paragraph, in order; a quotation's inner full stops do not end one."""
    spans: list[Span] = []
    for start, end in paragraphs:
        begin = start
        check()
        for stop, dot in _candidate_ends(text, start, end):
            check()
            if stop <= begin or _inside(quoted, dot, stop) or dot < stop and _abbreviation(text, begin, dot):
                continue
            spans.append(trim_span(text, begin, stop))
            begin = stop
        if text[begin:end].strip():
            spans.append(trim_span(text, begin, end))
    return spans


def _candidate_ends(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(end of sentence, offset of its final mark) for each possible end, in text order; made as
    they are read (a paragraph of 25 million full stops held as a list took 3 GB)."""
    ends = ((m.end(), m.start()) for m in _END.finditer(text, start, end))
    if text.find("\n", start, end) < 0:
        return ends
    return heapq.merge(ends, _line_ends(text, start, end))


def _line_ends(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _LINE_THEN_QUOTE.finditer(text, start, end):
        word = _LAST_WORD.search(text, max(start, m.start() - _LAST_WORD_REACH), m.start())
        if word is None or not word.group()[:1].islower():
            yield (m.start(), m.start())


def in_span(spans: list[Span], offset: int) -> bool:
    """Whether `offset` falls in one of `spans` (sorted, not overlapping)."""
    k = bisect_right(spans, (offset, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


def _inside(quoted: list[Span], offset: int, stop: int) -> bool:
    """A full stop within a quotation, unless the quotation closes right after it."""
    k = bisect_right(quoted, (offset, 0))
    return k > 0 and quoted[k - 1][0] < offset and stop < quoted[k - 1][1]


def _abbreviation(text: str, begin: int, dot: int) -> bool:
    if dot - begin > _NO_ABBREVIATION_LETTERS and text[dot - _NO_ABBREVIATION_LETTERS : dot].isalpha():
        return False  # a word of six letters or more ends here: no abbreviation is that long
    word = _LAST_WORD.search(text, max(begin, dot - _ABBREVIATION_REACH), dot)
    if not word:
        return False
    token = word.group().lower()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def trim_span(text: str, start: int, end: int) -> Span:
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return (start, end)  # most spans: nothing to trim
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)
