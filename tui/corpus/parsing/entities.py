"""Named entities by rule: capitalised runs, split into role and name, classed by lexicon and cue,
then clustered into entities."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from itertools import accumulate

from ..models import Span
from .budget import check
from .clustering import cluster
from .entity_table import EntityTable, Mention
from .name_pairs import join_names
from .names import classify_run
from .runs import POSSESSIVE, POSSESSIVE_ENDINGS, capitalised_runs, token_chunks

# Name mentions read in one article. An article of nothing but names (a hostile file of 50 MB
# has millions) would need gigabytes of entities; past this many, the chunk of words being read is
# finished and the rest of the text is not searched for names. The table says where reading
# stopped (`EntityTable.names_read_to`), and the load report says so for that article.
MAX_MENTIONS = 100_000


def find_entities(text: str, skip: list[Span] | None = None, headline: Span | None = None) -> EntityTable:
    """Every entity mention in `text`, clustered into entities; nothing inside a `skip` span.

    A title-case headline capitalises every word, so there only names met in the body count.
    """
    unread = (skip or []) + ([headline] if headline else [])
    # No token past the furthest end of an unread span lies in one: only those before it need a look.
    last = max((e for _, e in unread), default=0)
    raw: list[Mention] = []
    # every token's word and offset, kept compactly for `_repeated_aliases` (a token object a
    # capitalised word of a long text would be most of the parse's memory)
    words: list[str] = []
    starts = array("q")
    read_to: int | None = None
    for chunk in token_chunks(text):
        check()
        if len(raw) >= MAX_MENTIONS:
            read_to = chunk[0].start
            break
        words.extend([t.text for t in chunk])
        starts.extend([t.start for t in chunk])
        tokens = chunk
        if chunk[0].start < last:
            tokens = [t for t in chunk if t.start >= last or not any(s <= t.start < e for s, e in unread)]
        for run in capitalised_runs(text, tokens):
            raw.extend(classify_run(text, tokens, run))
    raw = join_names(text, raw)
    raw.extend(_repeated_aliases(text, words, starts, raw, skip or []))
    del words, starts
    table = cluster(text, raw)
    table.names_read_to = read_to
    return table


def _repeated_aliases(
    text: str, words: list[str], offsets: array, raw: list[Mention], skip: list[Span]
) -> list[Mention]:
    """Names found once, met again where no run caught them: in a title-case headline, say.

    One pass over the words, looking up each as the first word of a known name: linear in the
    length of the article whatever the number of names.
    """
    by_first = _names_by_first_word(raw)
    if not by_first:
        return []
    named = {m.start for m in raw if m.start < m.end}
    # Most words start no known name, or start the mention that gave it: a comprehension keeps
    # the few that may start another (possessive ones are looked up without their "'s").
    candidates = [
        (word, start)
        for word, start in zip(words, offsets, strict=True)
        if (word in by_first or word.endswith(POSSESSIVE_ENDINGS)) and start not in named
    ]
    if not candidates:
        return []  # every name met already stands where a run caught it
    # Spans where a mention or a skipped passage already stands, sorted, and the furthest end
    # reached by any of them so far: whether a span overlaps them is one bisection.
    spans = sorted((s, e) for s, e in [(m.start, m.end) for m in raw] + skip if s < e)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))
    found: list[Mention] = []
    found_end = 0  # found mentions come in text order and never overlap: only the last can
    for word, token_start in candidates:
        if word.endswith(POSSESSIVE_ENDINGS):
            word = POSSESSIVE.sub("", word)
        models = by_first.get(word)
        if models is None or found_end > token_start:
            continue
        lengths, by_text = models
        for length in lengths:
            # one dictionary look-up a known length, longest first: comparing the text with every
            # known name of this first word would read N names at each of N places
            end = token_start + length
            if _word_char(text, end):
                continue
            model = by_text.get(text[token_start:end])
            if model is None:
                continue
            k = bisect_left(starts, end)
            if k and reach[k - 1] > token_start:
                continue
            found.append(Mention(token_start, end, model.text, model.kind, gender=model.gender))
            found_end = end
            break
    return found


# Characters of a known name looked for again where no run caught it; a longer one (a run of
# many words) is not, so that each word is compared with a bounded number of lengths.
_LONGEST_REPEATED_NAME = 120


def _names_by_first_word(raw: list[Mention]) -> dict[str, tuple[list[int], dict[str, Mention]]]:
    """The known names of three characters or more, by their first word: their lengths, longest
    first, and each name by its text (the first mention of it)."""
    by_first: dict[str, tuple[list[int], dict[str, Mention]]] = {}
    for mention in raw:
        if mention.kind != "unknown" and 2 < len(mention.text) <= _LONGEST_REPEATED_NAME:
            lengths, by_text = by_first.setdefault(mention.text.partition(" ")[0], ([], {}))  # single-spaced
            by_text.setdefault(mention.text, mention)
    for lengths, by_text in by_first.values():
        lengths.extend(sorted({len(name) for name in by_text}, reverse=True))
    return by_first


def _word_char(text: str, offset: int) -> bool:
    return offset < len(text) and (text[offset].isalnum() or text[offset] == "-")
