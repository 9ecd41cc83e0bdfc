"""Speakers of quotations that have no attribution of their own: the speaker of the reported
speech just before (`Lee says that is not what nurses see.` then a paragraph of quotation), or the
one person the paragraph before tells of (`Ann Lee ran the shelter.` then `"We never closed."`)."""

from __future__ import annotations

from bisect import bisect_right

from ..models import Entity, Quote, Span
from .attribution import Attribution
from .context import ArticleContext
from .sentences import in_span


def continue_reported_speakers(ctx: ArticleContext, found: list[tuple[Quote, Attribution | None]]) -> None:
    """`Lee says that's not what the nurses see.` then a paragraph that is all quotation:
    the quotation is Lee's, as it would be after a quotation of his."""
    paragraphs = ctx.paragraphs
    starts = [start for start, _ in paragraphs]
    last_speaker: dict[int, Quote] = {}
    for quote, attribution in found:
        paragraph = bisect_right(starts, quote.start) - 1
        if quote.speaker is None and attribution is None and quote.kind == "direct":
            source = None
            if quote.start == starts[paragraph]:
                source = last_speaker.get(paragraph - 1)
            elif paragraph in last_speaker and _right_after(ctx.text, last_speaker[paragraph], quote.start):
                source = last_speaker[paragraph]  # `Lee said the group would sue. "We have no choice."`
            if source is not None:
                quote.speaker, quote.speaker_id = source.speaker, source.speaker_id
                quote.speaker_span = source.speaker_span
        if quote.speaker is not None:
            last_speaker[paragraph] = quote


_NEXT_SENTENCE_GAP = 3  # characters between a reported sentence's end and the quotation that follows it


def _right_after(text: str, reported: Quote, start: int) -> bool:
    """A quotation that opens the sentence right after reported speech of the same paragraph."""
    gap = text[reported.end : start]
    return reported.kind == "indirect" and len(gap) <= _NEXT_SENTENCE_GAP and gap.strip() in ("", ".")


_NARRATIVE_REACH = 600  # characters of the paragraph before an unattributed quotation read for its person


def narrated_speakers(ctx: ArticleContext, found: list[tuple[Quote, Attribution | None]]) -> None:
    """A paragraph that opens with a quotation no rule attributed, after a paragraph that tells of
    one person and names no other: the quotation is that person's (`Ann Lee ran the shelter for a
    decade.` then `"We never turned anyone away."`)."""
    starts = [start for start, _ in ctx.paragraphs]
    for quote, attribution in found:
        paragraph = bisect_right(starts, quote.start) - 1
        if (
            quote.speaker is not None
            or attribution is not None
            or quote.kind != "direct"
            or paragraph < 1
            or quote.start != starts[paragraph]
        ):
            continue
        told: dict[str, tuple[Entity, Span]] = {}  # nearest mention first: the span kept is the nearest
        for mention, entity in ctx.table.people_before(quote.start, within=_NARRATIVE_REACH):
            if mention.start >= starts[paragraph - 1] and not in_span(ctx.quoted, mention.start):
                told.setdefault(entity.id, (entity, (mention.start, mention.end)))
        if len(told) == 1:
            entity, quote.speaker_span = next(iter(told.values()))
            quote.speaker, quote.speaker_id = entity.name, entity.id
