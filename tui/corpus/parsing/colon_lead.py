"""Quotations a colon introduces with no verb of speech: a short lead that names its speaker
(`Ann Lee was blunt:`, `Her reply:`, `More from Ann Lee:`), or a sentence whose subject's words
follow (`After the vote, the union was blunt in its letter:`)."""

from __future__ import annotations

from ..models import Span
from .attribution import DASHES, Attribution
from .context import ArticleContext
from .lexicon import reporting_verbs, title_words
from .lexicon.rule_words import (
    NOT_AFTER_SUBJECT,
    OPENERS,
    OPENING_PREPOSITIONS,
    RELATIVES,
    SPEECH_NOUNS,
    SUBORDINATORS,
)
from .words import PUNCTUATION, Word

_COLON_LEAD_WORDS = 8  # words before a colon that introduce a quotation without a verb: "Ann Lee was blunt:"


def colon_introduction(ctx: ArticleContext, items: list[Word]) -> Attribution | None:
    """A short lead that ends in a colon and names its speaker first or last, with no reporting
    verb: `Ann Lee was blunt:`, `Ann Lee, in a post:`, `Her reply:`, a roundup line's `Ann Lee,
    Daily Courier:` or `More from Ann Lee:`. The colon stands for the verb."""
    if not items or items[-1].text != ":":
        return None
    start = max(
        (
            k
            for k in range(1, len(items))
            if items[k - 1].text in DASHES
            or items[k - 1].text == "--"
            or "-" in ctx.text[items[k - 1].end : items[k].start]
        ),
        default=0,
    )  # a roundup line's "HEADING - "
    lead = items[start:-1]
    while lead and lead[0].lower in OPENERS:
        lead = lead[1:]
    if not lead or sum(w.text not in PUNCTUATION for w in lead) > _COLON_LEAD_WORDS:
        return None
    colon = items[-1]
    if lead[0].lower in ("he", "she") and (len(lead) == 1 or lead[1].text.islower()):
        return Attribution((colon.start, colon.end), (lead[0].start, lead[0].end), lead[0].text)
    if len(lead) == 2 and lead[0].lower in ("his", "her") and lead[1].lower in SPEECH_NOUNS:
        span = (lead[0].start, lead[1].end)  # resolved as "her statement" is, by the owner's gender
        return Attribution((colon.start, colon.end), span, ctx.text[span[0] : span[1]])
    people = [m for m in ctx.table.overlapping(lead[0].start, lead[-1].end) if m.kind == "person"]
    if not people:
        return None
    first, final = people[0], people[-1]
    titled = all(w.text[:1].isupper() or w.lower in title_words() for w in lead if w.end <= first.start)
    if titled and first.start >= lead[0].start:
        span = (first.start, first.end)
    elif final.end == lead[-1].end:
        span = (final.start, final.end)  # "More from Ann Lee:"
    else:
        return None
    return Attribution((colon.start, colon.end), span, ctx.text[span[0] : span[1]])


_JOINING_WORDS = frozenset({"but", "and", "so", "yet", "then", "or"})
_COLON_OPENING_WORDS = 12  # words of the phrase that opens a colon's sentence before its subject
_COLON_APPOSITIVE_WORDS = 12  # words set off by commas between that subject and its verb
# "was asked:", "were told:": the subject of a passive verb of speech is its listener, not its speaker
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# A clause of its own before the colon: "that I", "when she", "so we"; its subject, not the
# sentence's, introduces what follows the colon.
_CLAUSE_LINKS = SUBORDINATORS | RELATIVES | _JOINING_WORDS
_CLAUSE_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "it"})


def colon_subject(ctx: ArticleContext, items: list[Word]) -> Attribution | None:
    """`After the vote, the Acme Union was blunt in its letter:`, `Later that night, she kept to
    her usual theme:`: a sentence that ends in a colon before a quotation, with no verb of
    speech the rules above read, introduces the words of its subject, a pronoun or a name that
    opens the sentence or the clause after its opening phrase, and that a verb follows."""
    if len(items) < 3 or items[-1].text != ":":
        return None
    begin = 0
    while begin < len(items) - 1 and items[begin].lower in _JOINING:
        begin += 1  # "But", "And then"
    found = _colon_clause_subject(ctx, items, begin)
    if found is None and items[begin].text != ",":
        reach = min(len(items), begin + _COLON_OPENING_WORDS)
        comma = next((k for k in range(begin, reach) if items[k].text == ","), None)
        if comma is not None:  # "As if speaking to the mayor directly, the union was blunt:"
            found = _colon_clause_subject(ctx, items, comma + 1)
    if found is None:
        return None
    colon = items[-1]
    return Attribution((colon.start, colon.end), found, ctx.text[found[0] : found[1]])


_JOINING = _JOINING_WORDS


def _colon_clause_subject(ctx: ArticleContext, items: list[Word], begin: int) -> Span | None:
    """The pronoun or name that opens the clause at items[begin], when a verb follows it (past an
    appositive set off by commas) and that verb is no passive of speech ("was asked:")."""
    if begin >= len(items) - 2:
        return None
    first = items[begin]
    if first.lower in ("he", "she", "they"):
        span, after = (first.start, first.end), begin + 1
    else:
        named = [m for m in ctx.table.overlapping(first.start, items[-1].start) if m.kind in ("person", "organization")]
        if not named or any(not _opens_name(w) for w in items[begin:] if w.end <= named[0].start):
            return None  # a name after other words is an object: "The news surprised Ann Lee:"
        span = (named[0].start, named[0].end)
        after = next((k for k in range(begin, len(items)) if items[k].start >= span[1]), len(items))
    if after < len(items) and items[after].text == ",":  # "Acme, in a note to its staff, put it plainly:"
        reach = min(len(items), after + _COLON_APPOSITIVE_WORDS)
        close = next((k for k in range(after + 1, reach) if items[k].text == ","), None)
        after = close + 1 if close is not None else len(items)
    if after >= len(items) - 1:
        return None
    verb = items[after]
    if not (verb.text.isalpha() and verb.text.islower()) or verb.lower in NOT_AFTER_SUBJECT:
        return None
    for k in range(after, len(items) - 2):
        word, following = items[k].lower, items[k + 1].lower
        if word in _BE_FORMS and following in reporting_verbs():
            return None  # "Ann Lee was asked:": someone else asks
        if word in reporting_verbs() and k > after:
            return None  # "Acme cited a rumour he once warned Bo Chan:": a verb of speech whose subject no rule found
        if word in _CLAUSE_LINKS and following in _CLAUSE_SUBJECTS:
            # "She was so cross that I rewrote my reply:": the colon ends that clause, whose
            # subject speaks ("..., where he added:", "a line for which she was known:")
            span = (items[k + 1].start, items[k + 1].end)
    return span


def _opens_name(word: Word) -> bool:
    """A word that may come before a subject's name: "the", a title, a capitalised word that is
    no preposition or opener ("With Acme's leaders worried," opens a phrase, not a name)."""
    if word.lower == "the" or word.lower in title_words():
        return True
    return word.text[:1].isupper() and word.lower not in OPENING_PREPOSITIONS and word.lower not in OPENERS
