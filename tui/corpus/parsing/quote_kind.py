"""The kind of a quotation: direct (the quoted words stand as a sentence of their own, or follow
`X said,` or `X said:`) or partial (quoted words inside the writer's sentence or a reported clause)."""

from __future__ import annotations

from bisect import bisect_right

from ..models import QuoteKind, Span
from .attribution import Attribution
from .context import ArticleContext
from .lexicon import reporting_verbs


def kind_and_span(
    ctx: ArticleContext, start: int, end: int, paragraph: int, attribution: Attribution | None
) -> tuple[QuoteKind, Span | None]:
    """Of the quotation ctx.text[start:end] in paragraph number `paragraph`, attributed by
    `attribution`: direct when it opens its sentence or follows "X said:"; else a partial quote,
    with the span of the reported clause it ends when there is one."""
    text = ctx.text
    sentence_start = _sentence_start(ctx.sentences, start, ctx.paragraphs[paragraph][0])
    lead_end, last_word, words_before = _lead(text, sentence_start, start)
    if lead_end == sentence_start or text[lead_end - 1] in (":", "\u2014", "-"):
        return "direct", None
    clause = _clause_before_comma(attribution, lead_end) if text[lead_end - 1] == "," else None
    if clause is not None and last_word[:-1].lower() not in reporting_verbs():  # not `... and added, "`
        # `Lee said that if the talks fail, "we will strike."`: the quotation ends the reported clause
        return "partial", (clause, end)
    if text[lead_end - 1] == ",":
        # `the film, "Tides," below`: a lone quoted word mid-sentence is a title, not a quotation
        return ("direct", None) if len(text[start:end].split()) > 1 else ("partial", None)
    if last_word in reporting_verbs() and attribution is not None and attribution.cue_span[1] <= start:
        # `Ortiz said "nobody knows where it came from,"`; in lower case: "the United States "must ..."" is no cue
        return "direct", None
    if (
        attribution is not None
        and attribution.clause_start is not None
        and attribution.clause_start <= start
        and attribution.cue_span[1] <= start
    ):
        return "partial", (attribution.clause_start, end)
    if attribution is not None and attribution.cue_span[0] >= end and words_before:
        # `Her stay has been "a great lesson," she said.`: the reported clause opens the sentence.
        return "partial", (sentence_start, end)
    return "partial", None


def _clause_before_comma(attribution: Attribution | None, comma_end: int) -> int | None:
    """Where a reported clause starts that opened after the cue (`said that if ...`) and still goes
    on at the comma right before the quotation: the quotation finishes that clause."""
    if attribution is None or attribution.clause_start is None:
        return None
    return attribution.clause_start if attribution.cue_span[1] <= attribution.clause_start < comma_end - 1 else None


_LONGEST_LEAD_WORD = 100  # characters read back for the word before a quote: no reporting verb is longer


def _lead(text: str, start: int, end: int) -> tuple[int, str, bool]:
    """Of the text between a sentence's start and a quote (the lead), without copying it (a long
    sentence of many quotes would be copied once a quote): where it ends without its trailing
    spaces, its last word (empty when longer than `_LONGEST_LEAD_WORD`), and whether another word
    comes before that one. Sentences and paragraphs are trimmed: text[start] is no space."""
    stop = end
    while stop > start and text[stop - 1].isspace():  # the spaces right before a quote: each read once
        stop -= 1
    word_start, reach = stop, max(start, stop - _LONGEST_LEAD_WORD)
    while word_start > reach and not text[word_start - 1].isspace():
        word_start -= 1
    if word_start > start and not text[word_start - 1].isspace():
        return stop, "", True  # a word too long to be a verb, and the sentence began before it
    return stop, text[word_start:stop], word_start > start


def _sentence_start(sentences: list[Span], offset: int, default: int) -> int:
    k = bisect_right(sentences, (offset, _AFTER_ANY_END)) - 1
    if k >= 0 and sentences[k][0] <= offset < sentences[k][1]:
        return sentences[k][0]
    return default


_AFTER_ANY_END = 1 << 62  # sorts after any end offset, for bisecting (start, end) pairs
