"""Attribution before an opening mark: the sentence that leads into a quotation (`Peskov told
reporters, "...`, `He defended the remark, saying, "...`, `Ann Lee was blunt: "...`), its reporting
verb and the speaker phrase beside it."""

from __future__ import annotations

from ..models import Span
from .attribution import SENTENCE_ENDS, Attribution, speaker_after
from .colon_lead import colon_introduction, colon_subject
from .context import ArticleContext
from .lexicon import reporting_verbs
from .lexicon.rule_words import (
    ADVERBS,
    AUXILIARIES,
    CLAUSE_VERBS,
    DETERMINERS,
    DOCUMENTS,
    ISSUING_VERBS,
    LEAD_IN_PARTICIPLES,
    LISTENER_PARTICIPLES,
    NAME_PARTICIPLES,
    OBJECT_VERBS,
    OPENERS,
    PERCEPTION_VERBS,
    SPEECH_NOUNS,
    STOPS,
    TIME_WORDS,
)
from .speaker_phrase import MAX_SUBJECT_WORDS, subject_before, words_before
from .words import PUNCTUATION, Word, cue_end, cue_heads, is_cue, words

_WORDS_AFTER_OBJECT = 10  # words read after a verb's object for the preposition that ends it


_LEAD_IN_SUBJECT_GAP = 40  # characters from a lead-in's first word to the name that is its subject


def _last_sentence_words(text: str, start: int, end: int) -> list[Word]:
    """The words of the last sentence in ctx.text[start:end], read from its last full stop when
    there is one rather than from `start`."""
    stop = max(
        text.rfind(". ", start, end),
        text.rfind("? ", start, end),
        text.rfind("! ", start, end),
        text.rfind("; ", start, end),
    )
    if stop > start:
        space = text.rfind(" ", start, stop)  # from the whole word that holds the mark ("Mr.", "U.S.")
        items = words(text, space + 1 if space >= start else start, end)
        if any(w.text in SENTENCE_ENDS for w in items):  # else the mark was an abbreviation's
            return _last_sentence(items)
    return _last_sentence(words(text, start, end))


def _last_sentence(items: list[Word]) -> list[Word]:
    for k in range(len(items) - 1, -1, -1):
        if items[k].text in SENTENCE_ENDS:
            return items[k + 1 :]
    return items


def _participle_lead_in(ctx: ArticleContext, items: list[Word]) -> Attribution | None:
    """`He then defended the remark, saying, "...`: the speaker is the sentence's subject."""
    if len(items) < 3 or items[-1].text not in (",", ":"):
        return None
    named = _name_then_participle(ctx, items)
    if named is not None:
        return named
    at = _lead_in_participle(items)
    if at is None:
        return None
    clause = _clause_subject(ctx, items[: at + 2])
    first = items[0] if items[0].lower not in OPENERS else items[1]
    if clause is not None:
        span = clause
    elif first.lower in ("he", "she"):
        span = (first.start, first.end)
    else:
        mentions = ctx.table.overlapping(first.start, items[at].start)
        people = [m for m in mentions if m.kind in ("person", "organization")]
        described = _described_subject(items, items.index(first), at)
        if described is not None and (
            all(described[0] < m.start and m.end <= described[1] for m in people)
            or items[described[2]].lower not in PERCEPTION_VERBS  # not "The video showed Ann Lee, telling"
        ):
            span = described[:2]  # "A spokeswoman for the council", "Her team": not the council, not "Her"
        elif not people or people[0].start > first.end + _LEAD_IN_SUBJECT_GAP:
            return None
        else:
            span = (people[0].start, people[0].end)
    cue = items[at]
    return Attribution((cue.start, cue.end), span, ctx.text[span[0] : span[1]])


_LISTENER_WORDS = 3  # words of a listener after "telling": "telling reporters", "telling the crowd"


def _lead_in_participle(items: list[Word]) -> int | None:
    """Where the participle that closes a lead-in is: right before the final mark (`, saying:`),
    or before its listener (`, telling reporters,`, `, telling the crowd:`)."""
    if items[-2].lower in LEAD_IN_PARTICIPLES or _speech_participle(items[-2]):
        return len(items) - 2
    before_listener = len(items) - 2 - 1  # the mark, at least one word of listener, then the participle
    for at in range(before_listener, max(0, before_listener - _LISTENER_WORDS), -1):
        if items[at].text in PUNCTUATION:
            return None
        if items[at].lower in LISTENER_PARTICIPLES and items[at - 1].text == ",":
            return at
    return None


def _speech_participle(word: Word) -> bool:
    """The -ing form of a reporting verb: `, arguing,`, `, stating:`, `, insisting,`."""
    return word.text.islower() and word.lower.endswith("ing") and word.lower in reporting_verbs()


def _described_subject(items: list[Word], first: int, at: int) -> tuple[int, int, int] | None:
    """`A spokeswoman for the council contacted the paper, arguing,`, `The candidate went on
    by saying,`: a subject no name gives, a determiner and its noun phrase up to the verb
    (a lowercase word ending in -ed or -ly, or a helper: "emailed", "quickly", "was"): its span
    and where that verb is."""
    if items[first].lower not in DETERMINERS:
        return None
    for k in range(first + 1, min(at, first + MAX_SUBJECT_WORDS + 1)):
        word = items[k]
        if word.text in PUNCTUATION:
            return None
        if word.text.islower() and (word.lower.endswith(("ed", "ly")) or word.lower in AUXILIARIES | ADVERBS):
            return (items[first].start, items[k - 1].end, k) if k > first + 1 else None
    return None


def _clause_subject(ctx: ArticleContext, items: list[Word]) -> Span | None:
    """The pronoun or name that opens the clause before `, saying,` when a phrase comes first:
    `At the hearing on Monday, Ann Lee compared the two plans, saying,` -> "Ann Lee"."""
    end = len(items) - 3
    if end < 1:
        return None
    if items[end].text != ",":  # `That night, she put out a note saying,`: the clause the participle ends
        end += 1
    start = end - 1
    while start > 0 and items[start - 1].text != ",":
        start -= 1
    if start == 0:
        return None  # no phrase before the clause: the sentence's first word is read as before
    first = items[start]
    if first.lower in OPENERS and start + 1 < end:
        first = items[start + 1]
    if first.lower in ("he", "she"):
        return first.start, first.end
    people = [m for m in ctx.table.overlapping(first.start, first.end) if m.kind == "person" and m.start == first.start]
    return (people[0].start, people[0].end) if people else None


def _name_then_participle(ctx: ArticleContext, items: list[Word]) -> Attribution | None:
    """`footage of Ortiz saying during the debate last week, "...`"""
    for k in range(1, len(items) - 1):
        if items[k].lower in NAME_PARTICIPLES:
            people = [m for m in ctx.table.overlapping(items[k - 1].start, items[k - 1].end) if m.kind == "person"]
            if people:
                span = (people[0].start, people[0].end)
                return Attribution((items[k].start, items[k].end), span, ctx.text[span[0] : span[1]])
    return None


def find_attribution_before(ctx: ArticleContext, start: int, end: int) -> Attribution | None:
    """`Peskov told reporters, "...` or `Peskov described the talks as "...`: the sentence before."""
    items = _last_sentence_words(ctx.text, start, end)
    lead_in = _participle_lead_in(ctx, items)
    if lead_in is not None:
        return lead_in
    heads = cue_heads()
    for k in range(len(items) - 1, -1, -1):
        if items[k].lower == "according" and k + 1 < len(items) and items[k + 1].lower == "to":
            found = speaker_after(ctx, items, k + 1)
            if found is not None:
                return found
        if items[k].lower not in heads:  # the set test first spares most words a call
            continue
        # "heard the fans chant", "saw him saying": a verb of speech that is no finite verb
        heard = _heard_speaker(items, k) if items[k].lower in reporting_verbs() else None
        if heard is not None:
            cue = items[k]
            return Attribution((cue.start, cue.end), heard, ctx.text[heard[0] : heard[1]])
        if not is_cue(items, k):
            continue
        last = cue_end(items, k)
        clause = _clause_start(items, last)
        subject = subject_before(ctx, words_before(items, k))
        if subject is not None:
            return Attribution((items[k].start, items[last].end), subject[0], subject[1], clause)
        if k == 0 or items[k - 1].text in PUNCTUATION:  # `..., said the minister: "`, not `explained the numbers`
            after = speaker_after(ctx, items, last, cue_at=k)
            if after is not None:
                return after
    return (
        colon_introduction(ctx, items)
        or _speech_noun_lead(ctx, items)
        or colon_subject(ctx, items)
        or (None if items else _cue_sentence(ctx, start, end))
    )


_HEARD_OBJECT_WORDS = 3  # words between a verb of hearing and the verb of speech: "heard the crowd chant"
# Verbs of hearing and seeing in forms no noun shares ("film", "record" and "show" name things too).
_HEARING = frozenset({"heard", "hear", "hears", "overheard", "saw", "see", "sees", "watched"})


def _heard_speaker(items: list[Word], k: int) -> Span | None:
    """`Ann Lee said she heard the fans chant, "...`, `we saw him yell`: after a verb of seeing or
    hearing, its object says what the verb of speech items[k] says, not the sentence's subject."""
    for j in range(k - 2, max(-1, k - 2 - _HEARD_OBJECT_WORDS), -1):
        if items[j].text in _HEARING:
            heard = items[j + 1 : k]
            if any(w.text in PUNCTUATION or w.lower in STOPS - DETERMINERS for w in heard):
                return None  # "heard in the hall say": no object
            return heard[0].start, heard[-1].end
    return None


_SPEECH_NOUN_TAIL = 4  # words from the speech noun to the final mark: "a sharp warning to Bo Chan:"
_SPEECH_NOUN_LEAD = 4  # words from the verb to the speech noun: "released the following brief statement"


def _speech_noun_lead(ctx: ArticleContext, items: list[Word]) -> Attribution | None:
    """`Ann Lee issued a statement, "...`, `Ann Lee released the following statement:`, `Ann Lee
    gave a sharp warning to Bo Chan:`: a subject, a verb and the speech it gives, before the
    mark that opens the quotation; the subject speaks."""
    if len(items) < 4 or items[-1].text not in (",", ":"):
        return None
    tail = range(len(items) - 2, max(0, len(items) - 2 - _SPEECH_NOUN_TAIL), -1)
    noun = next((k for k in tail if items[k].text in SPEECH_NOUNS or items[k].text in DOCUMENTS), None)
    if noun is None or any(w.text in PUNCTUATION for w in items[noun : len(items) - 1]):
        return None
    verb = noun - 1
    while (
        verb > 0
        and noun - verb < _SPEECH_NOUN_LEAD
        and items[verb - 1].text.isalpha()
        and items[verb - 1].text.islower()
    ):
        verb -= 1
    if verb == noun or verb == 0 or items[verb].lower not in ISSUING_VERBS:
        return None
    subject = subject_before(ctx, words_before(items, verb))
    if subject is None:
        return None
    return Attribution((items[verb].start, items[noun].end), subject[0], subject[1])


_CUE_SENTENCE_CHARS = 200  # characters read back from a quotation for the short sentence that introduces it
_CUE_SENTENCE_TAIL = 5  # words after its verb: "said in a statement", "agreed on Monday"
# What may follow the verb of a sentence that reports nothing itself: where, when or how it was said.
_SETTING_WORDS = frozenset({"in", "on", "at", "during", "after", "before", "via", "through", "with"})


def _cue_sentence(ctx: ArticleContext, start: int, end: int) -> Attribution | None:
    """`Bo Chan agreed. "...`, `Ann Lee said in a statement. "...`: the sentence right before a
    quotation that opens a sentence is a speaker and a reporting verb with nothing reported but
    where or when; what it announces is the quotation."""
    text = ctx.text
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop == start or text[stop - 1] != ".":
        return None
    reach = max(start, stop - _CUE_SENTENCE_CHARS)
    read = words(text, reach, stop)
    items = _last_sentence(read[:-1])
    if not items or (len(items) == len(read) - 1 and reach > start):
        return None  # the sentence starts before the characters read: not a short one
    for k in range(len(items) - 1, -1, -1):
        if items[k].lower not in cue_heads() or not is_cue(items, k):
            continue
        last = cue_end(items, k)
        tail = items[last + 1 :]
        if len(tail) > _CUE_SENTENCE_TAIL or (tail and tail[0].lower not in _SETTING_WORDS | TIME_WORDS):
            return None  # "Ann Lee said the vote was close.": the sentence reports something itself
        subject = subject_before(ctx, words_before(items, k))
        if subject is None:
            return None
        return Attribution((items[k].start, items[last].end), subject[0], subject[1])
    return None


def _clause_start(items: list[Word], k: int) -> int | None:
    """Where reported content starts: after "that" within a few words of the cue, or right after
    a verb that takes a clause ("said Sunday a standoff looks silly")."""
    for word in items[k + 1 : k + _WORDS_AFTER_OBJECT]:
        if word.lower == "that":
            return word.end + 1
        if word.text in (",", ":"):
            return None
    first = k + 1  # of the words after the verb and its time words ("said Sunday")
    while first < len(items) and items[first].lower in TIME_WORDS:
        first += 1
    lemma = reporting_verbs().get(items[k].lower)
    if (
        lemma in CLAUSE_VERBS
        and lemma not in OBJECT_VERBS
        and len(items) - first >= 3
        and items[first].lower not in STOPS
        and items[first].text not in PUNCTUATION
    ):
        return items[first].start
    return None
