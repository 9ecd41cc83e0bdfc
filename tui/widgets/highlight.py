"""An article body as styled Content: quotes, speakers, cues and entity mentions, by offset.

Styles are theme variables (`$quote`, `$speaker-3`...), resolved when drawn, so a theme switch
recolours the text without rebuilding it. The text itself is never read as markup.
"""

from __future__ import annotations

import zlib

from textual.content import Content, Span

from ..corpus import Article, Quote
from ..safe_text import visible

SPEAKER_COLOURS = 8  # $speaker-1 .. $speaker-8, defined per theme in tui/app.py
QUOTE_STYLES = {
    "direct": "{speaker} on $quote",
    "partial": "italic {speaker} on $quote-partial",
    "indirect": "{speaker}",  # subtler: the speaker's colour, no background
}
MENTION_STYLES = {"person": "$person", "organization": "$organization", "place": "$place", "group": "$group"}


def speaker_colour(quote: Quote) -> str:
    """A stable colour variable for a speaker: the same person is the same colour everywhere."""
    key = quote.speaker_id or quote.speaker
    if not key:
        return "$text-muted"
    return f"$speaker-{zlib.crc32(key.encode()) % SPEAKER_COLOURS + 1}"


def body_start(article: Article) -> int:
    """Where the body begins: the title and header lines are shown above it, not twice."""
    if article.paragraphs:
        start = article.paragraphs[0][0]
    else:
        start = article.title_span[1] if article.title_span else 0
    while start < len(article.text) and article.text[start] == "\n":
        start += 1
    return start


def body_text(article: Article) -> str:
    """The body as shown, before any window is cut from it: from `body_start`, trailing space dropped."""
    return article.text[body_start(article):].rstrip()


def body_content(article: Article, current: int | None = None, window: tuple[int, int] | None = None) -> Content:
    """The body with every span styled; `current` (a quote index) is marked more strongly.

    `window` (offsets into `body_text`) cuts out the part to draw: a 20 MB article is shown a
    window at a time, so opening it costs what its first screens cost.
    """
    start = body_start(article)
    lo, hi = window if window is not None else (0, len(article.text))
    text = visible(article.text[start + lo : start + hi])
    if window is None or start + hi >= len(article.text):
        text = text.rstrip()
    spans: list[Span] = []
    base = start + lo

    def add(span: tuple[int, int] | None, style: str) -> None:
        if span is not None and span[1] > base and span[0] < base + len(text):
            a, b = max(span[0] - base, 0), min(span[1] - base, len(text))
            if a < b:
                spans.append(Span(a, b, style))

    for index, quote in enumerate(article.quotes):
        colour = speaker_colour(quote)
        add((quote.start, quote.end), QUOTE_STYLES[quote.kind].format(speaker=colour))
        if index == current:
            add((quote.start, quote.end), "bold on $quote-current")
    for entity in article.entities:
        for mention in entity.mentions:
            add(mention, MENTION_STYLES.get(entity.kind, ""))
    for quote in article.quotes:
        add(quote.speaker_span, f"bold underline {speaker_colour(quote)}")
        add(quote.cue_span, "bold italic $cue")
    return Content(text, spans)


def quote_offset(article: Article, quote: Quote) -> int:
    """Where a quote starts in `body_content(article)`."""
    return max(quote.start - body_start(article), 0)

