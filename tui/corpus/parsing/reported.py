"""Reported speech without quotation marks: `X said (that) CLAUSE`, `CLAUSE, X said`,
`According to X, CLAUSE` and `X protested the bills, saying CLAUSE`."""

from __future__ import annotations

import re
from functools import cache

from ..models import Span
from .attribution import Attribution, attribution_after, words_from
from .context import ArticleContext
from .lexicon import reporting_verbs, title_words
from .lexicon.rule_words import (
    CLAUSE_OPENERS,
    CLAUSE_PARTICIPLES,
    CLAUSE_VERBS,
    COLLECTIVE,
    DETERMINERS,
    OBJECT_VERBS,
    PRONOUNS,
    QUANTIFIERS,
    SELF,
    SETTING_PREPOSITIONS,
    STOPS,
    THAT_VERBS,
    TIME_WORDS,
)
from .resolution import resolve_nominal
from .speaker_phrase import owned_body, subject_before, words_before
from .words import Word, any_cue, cue_forms, is_cue, words

_WORDS_AFTER_CUE = 10  # words read after a reporting cue
_ACCORDING_TO_COMMA_WORDS = 12  # words from `According to` to the comma closing its source
_PARTICIPLE_SUBJECT_WORDS = 3  # first words of a sentence where the subject of its `, saying` stands
_PARTICIPLE_NAME_WORDS = 4  # words after a sentence's first one read for the name that says `, saying`
_OBJECT_NAME_WORDS = 4  # capitalised words of the person told: "told Harbour Radio"
_SETTING_WORDS = 7  # words of a setting read for where the clause opens: "in a statement that"
# Characters of a sentence read for reported speech: no sentence of prose comes near; a longer one
# (a scrape with no full stops) is not cut into words, which for 24 MB took gigabytes at once.
LONGEST_REPORTING_SENTENCE = 20_000


def reported_clause(ctx: ArticleContext, start: int, end: int) -> tuple[Span, Attribution] | None:
    """Reported speech in one sentence: `X said (that) CLAUSE`, `CLAUSE, X said`, or
    `X protested the bills, saying CLAUSE`."""
    text = ctx.text
    if end - start > LONGEST_REPORTING_SENTENCE:
        return None
    # Every rule needs a finite verb that takes a clause (`X said CLAUSE`) or a comma: with a
    # reporting verb (`CLAUSE, X said`, `According to X, CLAUSE`) or before a participle
    # (`, saying CLAUSE`). A sentence with none of them is not cut into words.
    comma = text.find(",", start, end) >= 0
    participle = _PARTICIPLE.search(text, start, end) if comma else None
    cues = cue_forms() if comma else _clause_cues()
    if participle is None and not any_cue(text, start, end, ctx.lowered, cues):
        return None
    items = words(text, start, end)
    if items and items[-1].text in (".", "!", "?"):
        items = items[:-1]
    if len(items) < 5:
        return None
    found = _according_to_first(ctx, items) or _clause_after_cue(ctx, items) or _clause_before_cue(ctx, items)
    if found is None and participle is not None:
        found = _clause_after_participle(ctx, items, participle)
    return found


@cache
def _clause_cues() -> frozenset[str]:
    """Finite forms of the verbs that take a clause: what `X said (that) CLAUSE` needs (each one a
    reporting verb: `is_cue` may be asked about it)."""
    return frozenset(
        form for form, lemma in reporting_verbs().items() if lemma in CLAUSE_VERBS and not form.endswith("ing")
    )


def may_report(ctx: ArticleContext, start: int, end: int) -> bool:
    """Whether ctx.text[start:end] holds a reporting verb (or ", saying"): none, no reported speech."""
    return any_cue(ctx.text, start, end, ctx.lowered) or _PARTICIPLE.search(ctx.text, start, end) is not None


def _according_to_first(ctx: ArticleContext, items: list[Word]) -> tuple[Span, Attribution] | None:
    """`According to Ortiz, the threats were new.`"""
    if len(items) < 6 or items[0].lower != "according" or items[1].lower != "to":
        return None
    comma = next((k for k, w in enumerate(items[2:_ACCORDING_TO_COMMA_WORDS], 2) if w.text == ","), None)
    if comma is None or comma == 2 or len(items) - comma < 4:
        return None
    span = (items[2].start, items[comma - 1].end)
    clause = (items[comma + 1].start, items[-1].end)
    return clause, Attribution((items[0].start, items[1].end), span, ctx.text[span[0] : span[1]], clause[0])


# The alternatives are whole words (`\\b` after them), so their order does not change a match.
_PARTICIPLE = re.compile(r", (" + "|".join(sorted(CLAUSE_PARTICIPLES)) + r")\b(?: that)?")


def _clause_after_participle(
    ctx: ArticleContext, items: list[Word], participle: re.Match[str]
) -> tuple[Span, Attribution] | None:
    """The speaker of `, saying ...` is the sentence's subject: a name or pronoun opening it."""
    rest = [w for w in items if w.start >= participle.end()]
    if len(rest) < 4:
        return None
    subject = next((w for w in items[:_PARTICIPLE_SUBJECT_WORDS] if w.start < participle.start()), None)
    if subject is None:
        return None
    if subject.lower in PRONOUNS:
        span = (subject.start, subject.end)
    else:
        people = [
            m
            for m in ctx.table.overlapping(items[0].start, items[min(_PARTICIPLE_NAME_WORDS, len(items) - 1)].end)
            if m.kind in ("person", "organization") and m.start < participle.start()
        ]
        if not people:
            return None
        span = (people[0].start, people[0].end)
    cue = participle.span(1)
    clause = (rest[0].start, items[-1].end)
    return clause, Attribution(cue, span, ctx.text[span[0] : span[1]], clause[0])


def _clause_after_cue(ctx: ArticleContext, items: list[Word]) -> tuple[Span, Attribution] | None:
    clause_cues = _clause_cues()
    for k in range(1, len(items)):
        if items[k].lower not in clause_cues or not is_cue(items, k):
            continue
        # what follows the verb is cheaper to test than who precedes it, so it is tested first
        opening = _reported_words(items, k)
        if opening is None:
            continue
        # not the pronoun of a clause inside the sentence ("when he told"): reported speech there is
        # the clause's, which the whole sentence's reading would cut short
        subject = subject_before(ctx, words_before(items, k), clause_pronoun=False)
        if subject is None or not _resolvable(ctx, subject[0]):
            continue
        clause = (opening.start, items[-1].end)
        return clause, Attribution((items[k].start, items[k].end), subject[0], subject[1], clause[0])
    return None


# Words after a reporting verb and its time words that are read for the person told, the setting
# and "that" (`_after_object` and `_after_setting` read no more than `_SETTING_WORDS`): the rest
# of a sentence of many verbs is not copied per verb.
_CLAUSE_LOOKAHEAD = 12


def _reported_words(items: list[Word], k: int) -> Word | None:
    """The first word of the clause the verb items[k] reports (past "that", the person told, the
    setting), or None when what follows it is no clause: "said on Monday", "told the court"."""
    first = k + 1
    while first < len(items) and items[first].lower in TIME_WORDS:
        first += 1
    window = items[first : first + _CLAUSE_LOOKAHEAD]
    rest = _clause_words(items[k].lower, window)
    if rest is None:
        return None
    # `rest` is what is left of the window: the clause has that many words past it as well
    if len(rest) + len(items) - first - len(window) < 4:
        return None
    return rest[0]


def _clause_words(verb: str, rest: list[Word]) -> list[Word] | None:
    """The words of the window `rest` (those after `verb` and its time words) from where the
    clause it reports opens; None when it reports none."""
    lemma = reporting_verbs()[verb]
    if rest and rest[0].lower != "that" and lemma in OBJECT_VERBS:
        rest = _after_object(rest)
    elif rest and rest[0].lower in SETTING_PREPOSITIONS:
        rest = _after_setting(rest)  # "said by text message the ferry had left on time"
    that = bool(rest) and rest[0].lower == "that"
    if that:
        rest = rest[1:]
    elif rest and (rest[0].lower in STOPS or rest[0].text in (",", ":")):
        return None
    if not rest or not that and lemma in THAT_VERBS:
        return None
    return rest


def _after_object(rest: list[Word]) -> list[Word]:
    """Past the person told: "told reporters", "told Harbour Radio", "told the committee"."""
    if rest and rest[0].lower in DETERMINERS:
        return rest[2:]
    k, limit = 0, min(len(rest), _OBJECT_NAME_WORDS)
    while k < limit and rest[k].text[:1].isupper() and rest[k].lower not in CLAUSE_OPENERS:
        k += 1
    return rest[max(k, 1) :]


def _after_setting(rest: list[Word]) -> list[Word]:
    """Past "in a statement", "by text message", "on Twitter", up to where the clause opens."""
    window = range(1, min(len(rest), _SETTING_WORDS))
    that = next((k for k in window if rest[k].lower == "that"), None)
    if that is not None:
        return rest[that:]  # "in a statement that ...", not from "a statement"
    for k in window:
        if rest[k].lower in CLAUSE_OPENERS or rest[k].text[:1].isupper() and rest[k - 1].text[:1].islower() and k > 1:
            return rest[k:]
    return []


def _clause_before_cue(ctx: ArticleContext, items: list[Word]) -> tuple[Span, Attribution] | None:
    """`CLAUSE, officials said.` and `CLAUSE, officials said, as rescuers dug.`"""
    for k, word in enumerate(items):
        if word.text != "," or k < 4:
            continue
        after = items[k + 1 : k + _WORDS_AFTER_CUE]
        stop = next((n for n, w in enumerate(after) if w.text in (",", ".", ";")), len(after))
        if stop == len(after) and k + _WORDS_AFTER_CUE < len(items):
            continue  # the attribution must end at a comma or the sentence's end
        forms = cue_forms()
        if not any(w.lower in forms for w in after[:stop]):
            continue  # no reporting verb (nor "according") before the next comma: no attribution here
        attribution = attribution_after(ctx, _words_after_comma(ctx.text, items, k, stop))
        if attribution is not None and _resolvable(ctx, attribution.speaker_span):
            return (items[0].start, items[k - 1].end), attribution
    return None


def _words_after_comma(text: str, items: list[Word], k: int, stop: int) -> list[Word]:
    """The words `find_attribution_after` reads from the comma items[k] to items[k + stop]: the
    sentence's own, up to a "!" or "?", unless the last is an abbreviation ("Inc.") that
    words read only that far would cut at its full stop."""
    window = items[k : k + 1 + stop]
    if len(window[-1].text) > 1 and window[-1].text.endswith("."):
        return words_from(text, window[0].start, window[-1].end)
    ends = [n for n, w in enumerate(window) if w.text in ("!", "?")]
    return window[: ends[0]] if ends else window


def _resolvable(ctx: ArticleContext, span: Span | None) -> bool:
    """A speaker we can name, a pronoun, or a body ("the military"); an unnamed role ("the French
    leader") is not enough for reported speech."""
    if span is None:
        return False
    original = ctx.text[span[0] : span[1]].split()
    phrase = ctx.text[span[0] : span[1]].lower()
    words = phrase.split()
    if (
        len(words) == 2
        and words[0] in DETERMINERS | QUANTIFIERS
        and (words[-1] in COLLECTIVE or words[-1] in title_words())
    ):
        return True  # "the ministry", "his father", "some residents"
    if len(words) == 2 and words[1] in COLLECTIVE:
        return True  # "Acme staff", "Acme engineers"
    if len(words) == 1 and words[0] in COLLECTIVE and words[0].endswith("s"):
        return True  # "sources said", "officials say"
    if owned_body(original):
        return True  # "Acme's security unit said"
    if (
        1 <= len(original) <= 3
        and all(w[:1].isupper() for w in original)
        and words[0] not in SELF
        and ctx.table.entity_at(*span) is None
    ):
        return True  # a name the entity rules left open: "Acme said", "Officials said"
    speaker = ctx.table.entity_at(*span, kind="person") or ctx.table.entity_at(*span, kind="organization")
    return (
        phrase in PRONOUNS
        or speaker is not None
        or resolve_nominal(ctx, ctx.text[span[0] : span[1]], span[0]) is not None
    )
