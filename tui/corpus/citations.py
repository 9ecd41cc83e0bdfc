"""A quote as a citation: “…” — Speaker, Source, date, URL; the parts an article lacks left out."""

from __future__ import annotations

from .models import Article, Quote

QUOTE_MARKS = "\"'“”‘’«»„‚‹›"  # marks the quote's own text may carry at its ends
TRAILING = ",;: "  # punctuation that joined the quote to its sentence
LONGEST = 2_000  # characters of the quote kept in a citation; a longer one ends with "…"


def citation(article: Article, quote: Quote) -> str:
    """One line: the quote in curly quotes, then who said it, where, when and the address."""
    # The marks go (the citation has its own), and the comma that led to "she said" with them.
    text = " ".join(quote.text.split()).strip(QUOTE_MARKS + " ").rstrip(TRAILING)
    if len(text) > LONGEST:
        text = text[:LONGEST].rstrip() + "…"
    day = article.date.strftime("%Y-%m-%d") if article.date else None
    parts = [" ".join(part.split()) for part in (quote.speaker, article.source, day, article.url) if part]
    said = f"“{text}”"
    return f"{said} — {', '.join(parts)}" if parts else said
