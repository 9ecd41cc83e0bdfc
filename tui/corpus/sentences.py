"""Sentence boundaries inside paragraphs, never inside a quotation and never after "Mr." or "U.S."."""

from __future__ import annotations

import re
from bisect import bisect_right

from .models import Span

_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"[\w.]+$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt capt sgt gov sen rep rev fr jan feb mar apr jun jul aug sep sept oct "
    "nov dec no vs etc inc ltd corp co u.s u.k u.n a.m p.m e.g i.e mt ft insp supt det cst const coun cllr".split()
)


def sentence_spans(text: str, paragraphs: list[Span], quoted: list[Span]) -> list[Span]:
    """Sentences of every paragraph, in order; a quotation's inner full stops do not end one."""
    spans: list[Span] = []
    for start, end in paragraphs:
        begin = start
        for match in _END.finditer(text, start, end):
            stop = match.end()
            if _inside(quoted, match.start(), stop) or _abbreviation(text, begin, match.start()):
                continue
            spans.append(trim_span(text, begin, stop))
            begin = stop
        if text[begin:end].strip():
            spans.append(trim_span(text, begin, end))
    return spans


def _inside(quoted: list[Span], offset: int, stop: int) -> bool:
    """A full stop within a quotation, unless the quotation closes right after it."""
    k = bisect_right(quoted, (offset, 0))
    return k > 0 and quoted[k - 1][0] < offset and stop < quoted[k - 1][1]


def _abbreviation(text: str, begin: int, dot: int) -> bool:
    word = _LAST_WORD.search(text, max(begin, dot - 12), dot)
    if not word:
        return False
    token = word.group().lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def trim_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)
