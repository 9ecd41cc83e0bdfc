"""Who an attribution's speaker phrase is.

"Macron said" resolves through the entity table to Emmanuel Macron; "he added" to the latest
speaker (else the nearest person) of a fitting gender; "the spokesman" to the person whose role
holds that word; "the ministry" to the organisation whose name does.
"""

from __future__ import annotations

import re

from ..models import Entity
from .attribution import Attribution
from .context import ArticleContext
from .lexicon import fold, reporting_verbs, title_words
from .lexicon.rule_words import (
    ABBREVIATIONS,
    AUXILIARIES,
    COLLECTIVE_ORG,
    DETERMINERS,
    DOCUMENTS,
    MODIFIERS,
    NOT_AFTER_SUBJECT,
    NOT_BEFORE_SUBJECT,
    OPENING_PREPOSITIONS,
    PRONOUNS,
    SELF,
    SPEECH_NOUNS,
)
from .referents import (
    appositive_role,
    impersonal_it,
    named_pair,
    organisation_referent,
    person_referent,
    publishing_subject,
    role_noun,
)
from .sentences import in_span
from .speaker_phrase import someone_of

_POSSESSED = re.compile(r"['\u2019]s? \w")  # "Lee's office", "the Leeses' lawyer": someone or something of theirs
_OWNER_WORD = re.compile("['\u2019]s?$")  # "minister's", "ministers'": the word of an owner
_SUBJECT_LEAD = 60  # characters before a name read to tell whether it opens a clause
_PRONOUN_REACH = 1500  # characters back to the speaker "he said" may mean
_NOMINAL_REACH = 5000  # characters back to look for the person "the spokesman" refers to
# Earlier speakers read back for the one "he said" means: quotations that share one attribution
# ("A," she said. "B." "C.") repeat its offset, so reading back by characters alone never stops.
_SPEAKERS_READ = 64


def resolve_speaker(ctx: ArticleContext, attribution: Attribution, speakers: list[tuple[int, str]]) -> Entity | None:
    """The entity an attribution's speaker phrase names, if any (`speakers`: (offset, entity id) of
    each speaker resolved so far, in text order)."""
    if attribution.speaker_span is None:
        return None
    start, end = attribution.speaker_span
    table = ctx.table
    phrase = ctx.text[start:end]
    lowered = phrase.lower()
    if lowered in PRONOUNS:
        return _resolve_pronoun(ctx, PRONOUNS[lowered], start, speakers)
    if lowered in SELF:  # "it said"; never "I" or "we"
        found = organisation_referent(ctx, [phrase], start, _is_subject)
        return found or (_organisation_speaker(ctx, start, speakers) if lowered == "it" else None)
    words_ = lowered.split()
    if len(words_) == 2 and words_[0] in ("his", "her") and (words_[1] in DOCUMENTS or words_[1] in SPEECH_NOUNS):
        # "her statement read", "His reply:": the statement speaks for the woman it belongs to
        return _resolve_pronoun(ctx, "male" if words_[0] == "his" else "female", start, speakers)
    people = [m for m in table.overlapping(start, end) if m.kind == "person"]
    owned = _POSSESSED.match(ctx.text, people[-1].end, end) if people else None
    if owned is not None and lowered.split()[-1] not in DOCUMENTS and lowered.split()[-1] not in SPEECH_NOUNS:
        return None  # "Ann Lee's office said": her office speaks, not she; "Ann Lee's report said" is hers
    if people and not _someone_of(lowered, people[-1].start - start):
        return table.by_key(people[-1].key)
    org = table.entity_at(start, end, kind="organization")
    if org is not None:
        return org
    if len(words_) == 2 and words_[0] == "the" and words_[1] in DOCUMENTS:
        author = _document_author(ctx, words_[1], start)
        if author is not None:
            return author  # "the report said": the report that "the Acme Institute" published
    has_owner = any(_OWNER_WORD.search(word) for word in words_[:-1])
    return (
        # "the mayor's spokesman" is the one the owner has, not whoever else is a spokesman
        (None if has_owner else resolve_nominal(ctx, phrase, start))
        or organisation_referent(ctx, phrase.split(), start, _is_subject)
        or person_referent(ctx, words_, start, _is_subject)
    )


def _someone_of(lowered: str, named_at: int) -> bool:
    """`a spokesman for Ann Lee`, `an aide to Ann Lee`: someone described by the person named
    after a preposition, who is not that person."""
    return someone_of(lowered[:named_at].split())


def resolve_group(ctx: ArticleContext, attribution: Attribution) -> str | None:
    """The names of the people "they" means, when the text has just named them together."""
    if attribution.speaker_span is None or attribution.speaker_text.lower() != "they":
        return None
    return named_pair(ctx, attribution.speaker_span[0], _is_subject)


_DOCUMENT_LOOKS = 6  # earlier mentions of a document's noun read for its author ("the report" back to "a report by")
_AUTHOR_GAP = 4  # characters between an author's name and its document's noun: "Acme's report", "Acme report"


def _document_author(ctx: ArticleContext, noun: str, offset: int) -> Entity | None:
    """The organisation or person an earlier mention of the document names as its author, where
    the text says so: "Acme's report", "the Acme report", "a report by Acme", "a report from Acme"."""
    text, table = ctx.text, ctx.table
    reach = max(0, offset - _NOMINAL_REACH)
    at = offset
    for _ in range(_DOCUMENT_LOOKS):
        at = text.rfind(" " + noun, reach, at)
        if at < 0:
            return None
        noun_end = at + 1 + len(noun)
        if in_span(ctx.quoted, at) or (noun_end < len(text) and text[noun_end].isalpha()):
            continue
        for mention in table.overlapping(at - _AUTHOR_GAP, at):
            if mention.kind in ("organization", "person") and at - _AUTHOR_GAP <= mention.end <= at:
                return table.by_key(mention.key)
        for joint in (" by ", " from "):
            if text.startswith(joint, noun_end):
                named = noun_end + len(joint)
                named += 4 if text.startswith("the ", named) else 0  # "a report by the Acme Institute"
                author = table.entity_at(named, named + 1)
                if author is not None and author.kind in ("organization", "person"):
                    return author
        publisher = publishing_subject(ctx, at, _is_subject)
        if publisher is not None:
            return publisher  # "In its latest report, the Acme Institute cut its forecast"
    return None


def _resolve_pronoun(ctx: ArticleContext, gender: str, offset: int, speakers: list[tuple[int, str]]) -> Entity | None:
    """The latest earlier speaker of that gender, unless a person of that gender has since become
    a sentence's subject; else the nearest person of that gender."""
    table = ctx.table
    speaker, spoke_at = None, -1
    for position, key in reversed(speakers[-_SPEAKERS_READ:]):
        if offset - position >= _PRONOUN_REACH:
            break
        entity = table.by_key(key)
        if position < offset and entity is not None and entity.kind == "person" and entity.gender in (gender, None):
            speaker, spoke_at = entity, position
            break
    for mention, entity in table.people_before(offset, within=_PRONOUN_REACH):
        if mention.start <= spoke_at:
            break
        if (
            entity.gender in (gender, None)
            and not _aside(ctx, mention.start)
            and _is_subject(ctx.text, mention.start, mention.end)
        ):
            return entity
    if speaker is not None:
        return speaker
    for mention, entity in table.people_before(offset):
        if entity.gender in (gender, None) and not _aside(ctx, mention.start):
            return entity  # a name inside an earlier quotation is talked about, not talking
    return None


def _organisation_speaker(ctx: ArticleContext, offset: int, speakers: list[tuple[int, str]]) -> Entity | None:
    """ "it said" right after an organisation spoke (`Acme said the plant would close. "...," it
    added`): the speaker of the attribution just before, when that is an organisation in reach and
    no other organisation or place has since been a sentence's subject; "it is thought" is nobody."""
    if impersonal_it(ctx.text, offset):
        return None
    earlier = [(position, key) for position, key in speakers[-_SPEAKERS_BACK:] if position < offset]
    if not earlier or offset - earlier[-1][0] >= _ORG_SPEAKER_REACH:
        return None
    position, key = earlier[-1]
    entity = ctx.table.by_key(key)
    if entity is None or entity.kind != "organization":
        return None  # the last to speak was a person, or no entity: "it" is not them
    for mention in ctx.table.mentions_before(offset, within=offset - position):
        if (
            mention.kind in ("organization", "place")
            and mention.key != key
            and mention.start > position
            and not _aside(ctx, mention.start)
            and _is_subject(ctx.text, mention.start, mention.end)
        ):
            return None  # "Acme said ... Bo Corp then cut its prices": which one is "it" is a guess
    return entity


_ORG_SPEAKER_REACH = 600  # characters back to the speaker "it said" continues
_SPEAKERS_BACK = 4  # speakers read back for the last one before a quotation (later ones may sort after it)


def _aside(ctx: ArticleContext, offset: int) -> bool:
    """A name inside a quotation or a picture's caption: no pronoun of the narrative means it."""
    return in_span(ctx.quoted, offset) or in_span(ctx.captions, offset)


def _is_subject(text: str, start: int, end: int | None = None) -> bool:
    """A name that opens its sentence, perhaps after its role ("Union leader Jonas Weber said"),
    or one that a verb follows and no preposition precedes ("On Nov. 27, Ortiz expressed")."""
    lead = text[max(0, start - _SUBJECT_LEAD) : start]
    cut = _sentence_cut(lead)
    words = lead[cut + 1 :].split() if cut >= 0 or start < _SUBJECT_LEAD else []
    if (
        (cut >= 0 or start < _SUBJECT_LEAD)
        and len(words) <= 4
        and all(w[:1].isupper() or w.lower() in title_words() or role_noun(w) for w in words)
        and not (words and words[-1].lower() in OPENING_PREPOSITIONS)  # "Unlike Ann Lee, he ..."
    ):
        return True
    if end is None:
        return False
    lead_words = lead.split()
    while lead_words and (lead_words[-1][:1].isupper() or lead_words[-1].lower() in title_words()):
        lead_words.pop()  # past the role: "tell Harbour Mayor Ann Lee" looks back to "tell"
    before = lead_words[-1].lower() if lead_words else ""
    if before in reporting_verbs() or before.endswith("ed"):
        return False  # the name is the verb's object
    after = _NEXT_WORD.match(text, end)
    if after is None and text.startswith(", ", end):
        verb = _NEXT_WORD.match(text, end + 1)
        if verb is not None and _verb_like(verb.group(1)):
            return before not in NOT_BEFORE_SUBJECT  # "..., Anna Lind, agreed with this finding"
        # "Maria Costa, president of the trust, is hopeful"
        close = text.find(", ", end + 2, end + _LONGEST_APPOSITIVE)
        if close > 0 and not any(mark in text[end:close] for mark in ".;:\n"):
            after = _NEXT_WORD.match(text, close + 1)
    return before not in NOT_BEFORE_SUBJECT and after is not None and after.group(1) not in NOT_AFTER_SUBJECT


_SENTENCE_MARKS = (". ", "\n", "? ", "! ")


def _sentence_cut(lead: str) -> int:
    """Where the last sentence break in `lead` is, -1 when there is none: the full stop of an
    abbreviation ("denied Mr. Lee's request") breaks no sentence."""
    end = len(lead)
    while True:
        cut = max(
            lead.rfind(". ", 0, end), lead.rfind("\n", 0, end), lead.rfind("? ", 0, end), lead.rfind("! ", 0, end)
        )
        before = lead[:cut].rsplit(None, 1)
        if cut < 0 or lead[cut] != "." or not before or before[-1].lower() not in ABBREVIATIONS:
            return cut
        end = cut


def _verb_like(word: str) -> bool:
    """A lowercase word that can be a subject's verb: "agreed", "is", "says"."""
    return word in reporting_verbs() or word in AUXILIARIES or word.endswith("ed")


_LONGEST_APPOSITIVE = 120  # characters from a name to the comma that closes its description


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def resolve_nominal(ctx: ArticleContext, phrase: str, offset: int) -> Entity | None:
    head = fold(phrase.split()[-1]) if phrase.split() else ""
    if not head or phrase.split()[0].lower() not in DETERMINERS:
        return None
    table = ctx.table
    titled = head in title_words() and phrase.split()[0].lower() == "the"  # "a friend" is someone new
    best: Entity | None = None
    for mention in table.mentions_before(offset, within=_NOMINAL_REACH):
        entity = table.by_key(mention.key)
        if entity is None:
            continue
        if entity.kind not in ("person", "organization"):
            continue
        if (
            head in table.nominal_words(entity, fold)
            or (entity.kind == "organization" and head in COLLECTIVE_ORG)
            or (titled and entity.kind == "person" and appositive_role(ctx.text, mention.start, mention.end, head))
        ):
            best = entity
    return best


class Descriptions:
    """The unnamed speakers described so far, by the noun that heads each description: "the
    official" after "a senior court official said" is that official, where no entity is."""

    def __init__(self) -> None:
        self._by_head: dict[str, str] = {}

    def fuller(self, phrase: str) -> str:
        """`phrase` as written, or the fuller description of the same head met before it ("the
        official" -> "a senior court official"); the phrase is noted for the ones after."""
        words = phrase.split()
        if len(words) == 2 and words[0].lower() == "the" and words[1].islower():
            return self._by_head.get(words[1], phrase)
        if (
            2 < len(words) <= _DESCRIPTION_WORDS
            and words[0].lower() in DETERMINERS
            and words[-1].islower()
            and not any(w.lower() in _OTHER_ROLE for w in words)
        ):
            self._by_head[words[-1]] = phrase
        return phrase


_DESCRIPTION_WORDS = 5  # words of a description kept for a later "the official": "a senior court official"
# Words that make a role another one: "the shadow treasurer" and "the former mayor" are not "the treasurer"
_OTHER_ROLE = (MODIFIERS - {"senior", "junior", "current"}) | {"shadow", "ex"}
