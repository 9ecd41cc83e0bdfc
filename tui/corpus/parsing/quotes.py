"""Quotes: spans between quotation marks, their kind, their reporting verb (cue) and speaker.

The steps: find quoted segments paragraph by paragraph; find each segment's attribution in the
text around it (after the closing mark first, then before the opening mark); join a quoted
sentence its attribution breaks (`"A," she said, "and B."`); give unattributed
segments the speaker of their paragraph or of the quote they continue; then reported speech
without quotation marks (`X said that ...`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from ..models import Quote, QuoteKind, Span
from .attribution import Attribution, find_attribution_after, find_signature_below
from .budget import check
from .context import ArticleContext
from .lead_in import find_attribution_before
from .quote_kind import kind_and_span
from .referents import names_nobody
from .reported import may_report, reported_clause
from .resolution import Descriptions, resolve_group, resolve_speaker
from .sentences import sentence_spans, trim_span
from .unattributed import continue_reported_speakers, narrated_speakers

_COLON_REACH = 8  # characters back from a quotation to the colon that introduces it
OPENING = "\u201c\u00ab\u201e"
CLOSING = "\u201d\u00bb"
STRAIGHT = '"'
_MARK = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_MIN_PARTIAL_WORDS = 4  # shorter quoted fragments with no cue nearby are scare quotes or titles


@dataclass
class Segment:
    """Text between a pair of quotation marks (or to the end of its paragraph when left open)."""

    start: int
    end: int
    paragraph: int
    closed: bool
    kind: QuoteKind = "direct"
    attribution: Attribution | None = None
    span: Span | None = None  # the quote's span when wider than the marks (a partial quote's clause)


def quoted_segments(text: str, paragraphs: list[Span]) -> list[Segment]:
    """Top-level double-quoted segments; single quotes inside them are left alone."""
    segments: list[Segment] = []
    for number, (start, end) in enumerate(paragraphs):
        opened: int | None = None
        if (
            segments
            and not segments[-1].closed
            and segments[-1].paragraph == number - 1
            and text[start : start + 1].islower()
        ):
            opened = start  # a quotation broken mid-sentence by a paragraph break: it goes on here
        for mark in _MARK.finditer(text, start, end):
            i, char = mark.start(), mark.group()
            if opened is None and (char in OPENING or char == STRAIGHT or i == start and char == "\u201d"):
                # a paragraph cannot open with a closing mark: `”Never. We are...` is a mistyped opener
                opened = i
            elif opened is not None and char == STRAIGHT and _opens_straight(text, i, end):
                # `... that category. "They tend to...`: a quotation going on after a paragraph break
                # the text lost, its opening mark repeated; the one before it was left open
                if i > opened + 1:
                    segments.append(Segment(opened, trim_span(text, opened, i)[1], number, False))
                opened = i
            elif opened is not None and (char in CLOSING or char == STRAIGHT or _mistyped_closing(text, i, end)):
                if i > opened + 1:
                    segments.append(Segment(opened, i + 1, number, True))
                opened = None
        if opened is not None and text[opened + 1 : end].strip():
            segments.append(Segment(opened, trim_span(text, opened, end)[1], number, False))
    return segments


def _mistyped_closing(text: str, i: int, end: int) -> bool:
    """`"It is over,“ he said`: an opening mark typed where a quotation closes, right after the
    mark that ends its sentence and before a space or the paragraph's end: no quotation opens so."""
    return text[i] in OPENING and text[i - 1] in _SENTENCE_MARKS and (i + 1 == end or text[i + 1] in " \t\n\u00a0")


_SENTENCE_MARKS = frozenset(",.?!")


def _opens_straight(text: str, i: int, end: int) -> bool:
    """A straight mark shaped as an opening one: a space before it and a word right after."""
    return text[i - 1].isspace() and i + 1 < end and text[i + 1].isalnum()


def find_quotes(ctx: ArticleContext) -> list[Quote]:
    """The article's quotes; the context it is given gains the quotation and sentence spans here."""
    text, paragraphs = ctx.text, ctx.paragraphs
    segments = quoted_segments(text, paragraphs)
    # The quotations as first found, before any are joined or dropped (see `ArticleContext.quoted`).
    quoted = [(s.start, s.end) for s in segments]
    # Sentences matter only in paragraphs with a quotation or a reporting verb.
    quoting = {s.paragraph for s in segments}
    read = [span for number, span in enumerate(paragraphs) if number in quoting or may_report(ctx, *span)]
    ctx = ctx.with_quotations(quoted, sentence_spans(text, read, quoted))
    for index, segment in enumerate(segments):
        check()
        _attribute(ctx, segments, index)
        segment.kind, segment.span = kind_and_span(
            ctx, segment.start, segment.end, segment.paragraph, segment.attribution
        )
    segments = _join_interrupted(text, segments)
    _share_within_paragraph(segments)
    _continue_across_paragraphs(ctx, segments)
    _share_carried(segments)
    found = [(_to_quote(text, s), s.attribution) for s in segments if _worth_keeping(text, s)]
    found.extend(_reported_speech(ctx, [q for q, _ in found]))
    found.sort(key=lambda pair: pair[0].start)
    _resolve_all(ctx, found)
    continue_reported_speakers(ctx, found)
    narrated_speakers(ctx, found)
    kept = _without_overlaps([quote for quote, _ in found])
    for quote in kept:
        # Only now: the quotes dropped for overlapping may each span a whole long sentence, and
        # copying every one of them would read such a sentence once a quote.
        quote.text = text[quote.start : quote.end]
    return kept


_LONGEST_INTERRUPTION = 80  # characters of the attribution that breaks a quoted sentence ("," she said, ")
_INTERRUPTION = re.compile(rf"[^.!?;:\"\u201c\u201d\n]{{1,{_LONGEST_INTERRUPTION}}},\s*$")


def _join_interrupted(text: str, segments: list[Segment]) -> list[Segment]:
    """`"I like Ann," he said, "but when it comes to the budget..."`: one quoted sentence broken by
    its attribution is one quote, attributed by the words that break it."""
    joined: list[Segment] = []
    for segment in segments:
        before = joined[-1] if joined else None
        if (
            before is not None
            and before.closed
            and before.attribution is not None
            and before.paragraph == segment.paragraph
            and text[before.end - 2 : before.end - 1] == ","
            and text[segment.start + 1 : segment.start + 2].islower()
            and before.attribution.cue_span[0] >= before.end
            and _INTERRUPTION.fullmatch(text, before.end, segment.start)
        ):
            joined[-1] = replace(before, end=segment.end, closed=segment.closed)
        else:
            joined.append(segment)
    return joined


def _attribute(ctx: ArticleContext, segments: list[Segment], index: int) -> None:
    segment = segments[index]
    para_start, para_end = ctx.paragraphs[segment.paragraph]
    following = segments[index + 1] if index + 1 < len(segments) else None
    previous = segments[index - 1] if index > 0 else None
    after_end = following.start if following and following.paragraph == segment.paragraph else para_end
    before_start = previous.end if previous and previous.paragraph == segment.paragraph else para_start
    below = ctx.paragraphs[segment.paragraph + 1] if segment.paragraph + 1 < len(ctx.paragraphs) else None
    after = find_attribution_after(ctx, segment.end, after_end, _opens_sentence(ctx.text, before_start, segment.start))
    if after is not None and _led_in_sentence(ctx.text, segment, before_start):
        after = find_attribution_before(ctx, before_start, segment.start) or after
    segment.attribution = (
        after
        or find_attribution_before(ctx, before_start, segment.start)
        or (find_signature_below(ctx, (segment.start, segment.end), (para_start, para_end), below) if below else None)
    )


def _opens_sentence(text: str, lead_start: int, start: int) -> bool:
    """A quotation with nothing before it in its paragraph, or only a finished sentence or a colon."""
    at = start
    while at > lead_start and text[at - 1].isspace():
        at -= 1
    return at == lead_start or text[at - 1] in _SENTENCE_OPENS_AFTER


_SENTENCE_OPENS_AFTER = frozenset('.!?:"\u201d')


def _led_in_sentence(text: str, segment: Segment, lead_start: int) -> bool:
    """`Ann Lee said, "We won." Bo Chan then recalled the night.`: a quotation that a lead-in ending
    in a comma or colon opens and that ends its own sentence; the sentence after it is another's."""
    inner_end = text[segment.start : segment.end - 1].rstrip()
    lead = text[lead_start : segment.start].rstrip()
    return segment.closed and inner_end.endswith((".", "!", "?")) and lead.endswith((",", ":"))


def _share_within_paragraph(segments: list[Segment]) -> None:
    """`"A," she said. "B."`: a segment with no attribution of its own takes the nearest earlier one
    in its paragraph, else the first later one (`"A." ... "B," she said.`)."""
    latest: Attribution | None = None
    for index, segment in enumerate(segments):
        if index and segments[index - 1].paragraph != segment.paragraph:
            latest = None
        if segment.attribution is not None:
            latest = segment.attribution
        elif latest is not None:
            segment.attribution = latest
    following: Attribution | None = None
    for index in range(len(segments) - 1, -1, -1):
        segment = segments[index]
        if index + 1 < len(segments) and segments[index + 1].paragraph != segment.paragraph:
            following = None
        if segment.attribution is not None:
            following = segment.attribution
        elif following is not None:
            segment.attribution = following


def _share_carried(segments: list[Segment]) -> None:
    """`"A." "B."` in a paragraph that goes on with the speaker of the one before: both are theirs."""
    latest: Attribution | None = None
    for index, segment in enumerate(segments):
        if index and segments[index - 1].paragraph != segment.paragraph:
            latest = None
        if segment.attribution is not None:
            latest = segment.attribution if segment.attribution.carried_over else None
        elif latest is not None:
            segment.attribution = latest


def _continue_across_paragraphs(ctx: ArticleContext, segments: list[Segment]) -> None:
    """A paragraph that is all quote, with no attribution, continues the previous paragraph's speaker;
    a quotation left open takes the attribution found where it goes on in the next paragraph."""
    text, paragraphs = ctx.text, ctx.paragraphs
    for segment in segments:
        para_start = paragraphs[segment.paragraph][0]
        if segment.attribution is None and segment.start == para_start and segment.paragraph > 0:
            previous_start, previous_end = paragraphs[segment.paragraph - 1]
            if text[previous_end - 1 : previous_end] == ":":  # `Ortiz continued:` then the quotation
                segment.attribution = find_attribution_before(ctx, previous_start, previous_end)
    for before, after in zip(segments, segments[1:], strict=False):
        if (
            not before.closed
            and before.attribution is None
            and after.attribution is not None
            and after.paragraph == before.paragraph + 1
            and after.start == paragraphs[after.paragraph][0]
        ):
            before.attribution = after.attribution.carried()
    last_by_paragraph: dict[int, Segment] = {}
    for segment in segments:
        if segment.attribution is None and segment.paragraph - 1 in last_by_paragraph:
            previous = last_by_paragraph[segment.paragraph - 1]
            opens_paragraph = segment.start == paragraphs[segment.paragraph][0]
            if previous.attribution is not None and (opens_paragraph or not previous.closed):
                segment.attribution = previous.attribution.carried()
        if segment.attribution is not None or segment.paragraph not in last_by_paragraph:
            last_by_paragraph[segment.paragraph] = segment


# `"Ten Ways to Save," by Ann Lee`: a work's title and its author, not words anyone said
_BYLINE_AFTER = re.compile(r",?[ \t\u00a0]{1,3}by[ \t\u00a0](?:the[ \t\u00a0])?[A-Z]")


def _worth_keeping(text: str, segment: Segment) -> bool:
    """Partial quotes need a speaker or some length: "so-called 'experts'" is no quotation; a
    title followed by its byline is none either."""
    byline = _BYLINE_AFTER.match(text, segment.end) if segment.closed else None
    if byline is not None and "," in (text[segment.end - 2] + byline.group()):
        return False  # with no comma, `"If we had not stepped in" by the allies` is a passive's agent
    words = len(text[segment.start : segment.end].split())
    if segment.kind == "partial" and (segment.attribution is None or segment.span is None and words < 2):
        return False  # "fake news", "the grand plan", a slogan nobody is said to have said
    if segment.attribution is not None:
        return True
    return words >= _MIN_PARTIAL_WORDS and not _title(text, segment) or _introduced_sentence(text, segment)


_LONGEST_TITLE = 120  # characters: a longer quotation is not read for title case
# The words title case leaves in lower case: articles, short prepositions and conjunctions, and the
# short verbs and pronoun many titles leave so too.
_TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "nor", "but", "by", "with", "from", "as"}
    | {"vs", "is", "be", "it"}
)
_TITLE_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _title(text: str, segment: Segment) -> bool:
    """`"The Boy Who Sailed Home" opens on Friday`: quoted words in title case, with no final
    mark of a sentence and nobody said to say them, name a work."""
    if not segment.closed or segment.end - segment.start > _LONGEST_TITLE:
        return False
    inner = text[segment.start + 1 : segment.end - 1].strip()
    found = _TITLE_WORD.findall(inner)
    return (
        len(found) > 1
        and inner[-1:] not in (".", "!", "?")
        and found[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in found)
    )


def _introduced_sentence(text: str, segment: Segment) -> bool:
    """`a new slogan: "It's about you."`: a whole sentence presented by a colon."""
    inner = text[segment.start + 1 : segment.end - 1].strip()
    return (
        segment.kind == "direct"
        and segment.closed
        and inner[:1].isupper()
        and inner.endswith((".", "!", "?"))
        and text[max(0, segment.start - _COLON_REACH) : segment.start].rstrip().endswith(":")
    )


def _to_quote(text: str, segment: Segment) -> Quote:
    start, end = segment.span or (segment.start, segment.end)
    attribution = segment.attribution
    if attribution is None:
        return Quote(start=start, end=end, text="", kind=segment.kind)  # text: once overlaps are gone
    if attribution.carried_over:  # the cue is the earlier paragraph's; the speaker is the one named there
        return Quote(start=start, end=end, text="", kind=segment.kind, speaker_span=attribution.speaker_span)
    cue_span = attribution.cue_span or None
    return Quote(
        start=start,
        end=end,
        text="",
        kind=segment.kind,
        cue=text[cue_span[0] : cue_span[1]] if cue_span else None,
        cue_span=cue_span,
        speaker_span=attribution.speaker_span,
    )


def _resolve_all(ctx: ArticleContext, found: list[tuple[Quote, Attribution | None]]) -> None:
    """Names and pronouns to entities, in text order, so "he" can look back at earlier speakers."""
    # (offset, entity id) of each speaker so far, "" for one no entity stands for ("Ann Lee's aide")
    speakers: list[tuple[int, str]] = []
    described = Descriptions()
    for quote, attribution in found:
        if attribution is None:
            continue
        entity = resolve_speaker(ctx, attribution, speakers)
        at = attribution.speaker_span[0] if attribution.speaker_span else quote.start
        if not speakers or speakers[-1] != (at, entity.id if entity is not None else ""):
            speakers.append((at, entity.id if entity is not None else ""))  # once for a shared attribution
        if entity is not None:
            quote.speaker, quote.speaker_id = entity.name, entity.id
        elif (group := resolve_group(ctx, attribution)) is not None:
            quote.speaker = group  # "Ann Lee and Bo Chan": two people, no one entity to link
        elif attribution.speaker_text and not names_nobody(attribution.speaker_text):
            # "I", "we", "it", "they" unresolved name nobody: the span still shows who speaks;
            # "the official" after "a senior court official" is that one
            quote.speaker = described.fuller(attribution.speaker_text)


def _reported_speech(ctx: ArticleContext, quotes: list[Quote]) -> list[tuple[Quote, Attribution]]:
    """`X said (that) ...` and `..., X said.` in sentences with no quotation marks."""
    found: list[tuple[Quote, Attribution]] = []
    taken = sorted((q.start, q.end) for q in quotes)
    for start, end in ctx.sentences:
        check()
        k = bisect_right(taken, (end, 0))
        if k and taken[k - 1][1] > start:
            continue
        clause = reported_clause(ctx, start, end)
        if clause is None:
            continue
        (clause_start, clause_end), attribution = clause
        quote = Quote(
            start=clause_start,
            end=clause_end,
            text="",
            kind="indirect",
            cue=ctx.text[attribution.cue_span[0] : attribution.cue_span[1]],
            cue_span=attribution.cue_span,
            speaker_span=attribution.speaker_span,
        )
        found.append((quote, attribution))
    return found


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    kept: list[Quote] = []
    for quote in quotes:
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return kept
