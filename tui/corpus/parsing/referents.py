"""Speakers the text names by what they are, not by name, resolved only where English leaves one
reading: "it said" and "the utility said" to the one organisation just named; "the 42-year-old
said" to the person whose age the text gave; "the rookie defender said" to the person the last
sentences told of; "they said" to the two people just named together as a sentence's subject.

Each rule reads back a named number of characters and gives up rather than guess when a second
candidate is in reach: an unresolved "it" shows its phrase, a wrong name misleads.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..models import Entity
from .context import ArticleContext
from .entity_table import EntityTable
from .lexicon import fold, org_cues, reporting_verbs, title_words
from .lexicon.rule_words import (
    APPOSITIVE_ROLES,
    DOCUMENTS,
    GENDERED_PEOPLE,
    ORGANISATION_WORDS,
    PEOPLE_WORDS,
    PERSON_NOUNS,
    REPRESENTATIVES,
    SELF,
)
from .sentences import in_span

_ORG_REACH = 600  # characters back to the organisation "it said" may mean
_EPITHET_REACH = 1000  # characters back to the person "the rookie defender" may mean
_PAIR_REACH = 300  # characters back to the "Ann Lee and Bo Chan" that "they" may mean
_AGE_GAP = 8  # characters between a name and the age after it: "Ann Lee, 42," "Ann Lee (42)"

_POSSESSIVE = re.compile("['\u2019]s?$")
_AGE = re.compile(r"^(\d{1,3})-year-old$")

IsSubject = Callable[[str, int, int | None], bool]


def organisation_referent(ctx: ArticleContext, phrase: list[str], offset: int, is_subject: IsSubject) -> Entity | None:
    """`it` or `the utility` (`phrase`: its words as written): the organisation that is a sentence's
    subject in the `_ORG_REACH` characters before, when it is the only organisation named there, no
    place (which may speak as its government) is a subject there, and, for "it", no document ("an
    open letter", "the report") is named there either, which the "it" may be."""
    text, table, quoted = ctx.text, ctx.table, ctx.quoted
    words = [w.lower() for w in phrase]
    if words == ["it"]:
        if impersonal_it(text, offset):
            return None  # "It is thought", "it was agreed": nobody in particular
    elif (
        len(words) < 2 or words[0] != "the" or not _organisation_word(phrase[-1]) or any(map(_POSSESSIVE.search, words))
    ):
        return None  # "the minister's office" is the minister's, not the organisation last named
    found: Entity | None = None
    named_at = offset
    for mention in reversed(table.mentions_before(offset, within=_ORG_REACH)):
        if mention.end > offset or in_span(quoted, mention.start):
            continue
        if mention.kind == "place" and is_subject(text, mention.start, mention.end):
            return None  # "Norway signed the deal": a country speaks too, and may be the "it"
        if mention.kind != "organization":
            continue
        entity = table.by_key(mention.key)
        if entity is None or found is not None and entity.id != found.id:
            return None  # two organisations: which one is meant is a guess
        if found is None or is_subject(text, mention.start, mention.end):
            found, named_at = entity, mention.end
    if found is None or not is_subject(text, *_first_mention(found, named_at)):
        return None
    if words == ["it"] and any(
        word.group() in DOCUMENTS and not in_span(quoted, word.start())
        for word in _WORD.finditer(text, max(0, offset - _ORG_REACH), offset)
    ):
        return None
    return found


def impersonal_it(text: str, offset: int) -> bool:
    """ "It is thought", "it was agreed": the "it" at `offset` is nobody in particular."""
    return _IMPERSONAL.match(text, offset + len("it")) is not None


def _first_mention(entity: Entity, end: int) -> tuple[int, int]:
    """The mention of `entity` that ends at `end`."""
    return next(((s, e) for s, e in entity.mentions if e == end), (end, end))


_WORD = re.compile(r"[a-z]+")
_IMPERSONAL = re.compile(r"\s+(?:is|was|has been|had been|will be|would be|is being|was being)\s")


def _organisation_word(word: str) -> bool:
    """A lowercase noun for a kind of organisation: "The Times" is a name, not "the times"."""
    return word.islower() and (word in ORGANISATION_WORDS or word.capitalize() in org_cues())


def person_referent(ctx: ArticleContext, words: list[str], offset: int, is_subject: IsSubject) -> Entity | None:
    """`the 42-year-old` (the person the text gave that age), `the rookie defender`, `the Kentucky
    senator`: the person last named, when that mention is a sentence's subject and fits the words."""
    text, table, quoted = ctx.text, ctx.table, ctx.quoted
    if len(words) < 2 or words[0] != "the" or any(_POSSESSIVE.search(w) for w in words):
        return None  # "the mayor's spokesman" is not the mayor
    age = next((m.group(1) for w in words[1:] if (m := _AGE.match(w))), None)
    head = words[-1]
    if age is None and (len(words) < 3 or not _person_word(head) or head in REPRESENTATIVES):
        return None  # "the senator" alone may be any senator: a title is matched by role (resolve_nominal)
    told = [(m, e) for m, e in table.people_before(offset, within=_EPITHET_REACH) if not in_span(quoted, m.start)]
    if age is not None:
        aged = next((entity for mention, entity in told if _age_after(text, mention.end) == age), None)
        if aged is not None or not _person_word(head):
            return aged
    if not told:
        return None
    mention, entity = told[0]
    if not is_subject(text, mention.start, mention.end) or not _fits(entity, head, table):
        return None
    return entity


def _person_word(word: str) -> bool:
    return (
        word in title_words()
        or word in PERSON_NOUNS
        or word in PEOPLE_WORDS
        or word in GENDERED_PEOPLE
        or word in APPOSITIVE_ROLES - {"who", "whose"}
    )


def _fits(entity: Entity, head: str, table: EntityTable) -> bool:
    """A gendered head ("the woman") needs a person of that gender or none known; a title ("the
    mayor") needs a person with no role known or with that one."""
    gender = GENDERED_PEOPLE.get(head)
    if gender is not None and entity.gender not in (gender, None):
        return False
    if head in title_words() and entity.roles:
        return fold(head) in table.nominal_words(entity, fold)
    return True


_AGE_AFTER = re.compile(r",? \(?(\d{1,3})\)?[,)]")


def _age_after(text: str, end: int) -> str | None:
    match = _AGE_AFTER.match(text, end, end + _AGE_GAP)
    return match.group(1) if match else None


_PAIR = re.compile(r"\s+and\s+")


def named_pair(ctx: ArticleContext, offset: int, is_subject: IsSubject) -> str | None:
    """`Ann Lee and Bo Chan founded the firm. "...," they said`: the two people named together as
    the subject of a sentence just before, with no person named since. A group has no entity of
    its own: the quote shows both names and links to neither."""
    text = ctx.text
    people = [
        (m, e) for m, e in ctx.table.people_before(offset, within=_PAIR_REACH) if not in_span(ctx.quoted, m.start)
    ]
    if len(people) < 2:
        return None
    (second, later), (first, earlier) = people[0], people[1]
    if later.id == earlier.id or not _PAIR.fullmatch(text, first.end, second.start):
        return None
    if not is_subject(text, first.start, None):
        return None
    return f"{earlier.name} and {later.name}"


_SENTENCE_REACH = 300  # characters either side of a document's mention read for its sentence
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_WORD_AFTER_NOUN = re.compile(r"\s+\S+\s+(\w+)")
_INTRODUCTION_REACH = 40  # characters before a document's noun read for the word that introduces it
# "a report", "an annual report", "its latest report", "their new study": a document introduced
_INTRODUCED = re.compile(r"\b(?:[Aa]n?|[Ii]ts|[Tt]heir)(?:\s+[\w-]+){0,3}$")
# "said in a statement", "wrote in her blog post", "stated in the company's post": where someone spoke
_SPOKEN_IN = re.compile(r"\b(?:said|says|wrote|writes|stated|states|posted|added)\s+in(?:\s+\S+){1,4}$")


def publishing_subject(ctx: ArticleContext, at: int, is_subject: IsSubject) -> Entity | None:
    """The organisation that is the subject of the sentence naming a document at `at`: "In its
    latest report, the Acme Institute cut its forecast", "Acme Corp published a report": the one
    organisation there that opens a clause, when only one does. Only where the document is
    introduced ("a report", "its report"): "the report said" names no author. A person is its
    author only where they spoke in it: "Ann Lee wrote in a blog post"."""
    text, table, quoted = ctx.text, ctx.table, ctx.quoted
    lead_in = max(0, at - _INTRODUCTION_REACH)
    spoken_in = _SPOKEN_IN.search(text, lead_in, at) is not None  # "Ann Lee wrote in her blog post"
    if not spoken_in and not _INTRODUCED.search(text, lead_in, at):
        return None
    verb = _WORD_AFTER_NOUN.match(text, at)
    if verb is not None and verb.group(1).lower() in reporting_verbs():
        return None  # "..., a report says": the document speaks there, its sentence names no author
    lead = text[max(0, at - _SENTENCE_REACH) : at]
    breaks = list(_SENTENCE_BREAK.finditer(lead))
    start = at - len(lead) + (breaks[-1].end() if breaks else 0)
    after = _SENTENCE_BREAK.search(text, at, at + _SENTENCE_REACH)
    end = after.start() if after else min(len(text), at + _SENTENCE_REACH)
    found: Entity | None = None
    for mention in table.overlapping(start, end):
        if in_span(quoted, mention.start) or mention.kind not in ("organization", "person"):
            continue
        if mention.kind == "person" and not spoken_in:
            continue  # "Ann Lee read a report": reading it does not make it hers
        if not is_subject(text, mention.start, mention.end) and not _after_lead_in(text, start, mention.start):
            continue
        entity = table.by_key(mention.key)
        if entity is None or found is not None and entity.id != found.id:
            return None
        found = entity
    return found


def _after_lead_in(text: str, sentence_start: int, offset: int) -> bool:
    """A name right after a sentence's opening phrase and its comma: "In its report, | Acme said"."""
    comma = text.rfind(", ", sentence_start, offset)
    return comma > sentence_start and text[comma + 2 : offset].strip().lower() in ("", "the")


def names_nobody(phrase: str) -> bool:
    """ "I", "we", "it", "they", or one of them with the verb's helpers that a subject search took
    along ("I can't", "We have of course already"): never a name to show as the speaker."""
    words = phrase.split()
    return bool(words) and words[0].lower() in SELF and all(w.islower() for w in words[1:])


def role_noun(word: str) -> bool:
    """A lowercase word that says what someone is: "retiree", "spokesman", "lawyer", "adviser"."""
    return _person_word(word) or word.endswith(_AGENT_ENDINGS)


_AGENT_ENDINGS = ("ee", "ist", "ian")


_APPOSITIVE_ROLE_CHARS = 80  # characters of the description beside a name read for its title
_DESCRIPTION_END = re.compile(r"[,.;:()\n]")


def appositive_role(text: str, start: int, end: int, title: str) -> bool:
    """The title is the name's description set off by commas: `Ann Lee, the mayor,`, `Ann Lee,
    the town's mayor,`, `The mayor, Ann Lee,`. Not `Bo Chan, the mayor's deputy`."""
    if text.startswith(", ", end):
        after = text[end + 2 : end + 2 + _APPOSITIVE_ROLE_CHARS]
        stop = _DESCRIPTION_END.search(after)
        if _names_title(after[: stop.start() if stop else len(after)], title):
            return True
    lead = text[max(0, start - _APPOSITIVE_ROLE_CHARS) : start]
    if not lead.endswith(", "):
        return False
    marks = list(_DESCRIPTION_END.finditer(lead, 0, len(lead) - 2))
    return _names_title(lead[marks[-1].end() if marks else 0 : -2], title)


_ROLE_JOINS = frozenset({"of", "for", "at"})  # "mayor of Dayton", "spokesman for the club"


_DESCRIPTION_WORDS = 6  # words of a description that names a role: "the town's longest-serving mayor"


def _names_title(description: str, title: str) -> bool:
    """A short noun phrase whose head is the title: its last word, or the word before "of", "for",
    "at" ("mayor of Dayton"); it opens with an article, an owner or the title itself, never a verb
    ("were greeted by an organizer at the office")."""
    words = description.lower().split()
    if (
        not words
        or len(words) > _DESCRIPTION_WORDS
        or not (words[0] in ("the", "a", "an", title) or _POSSESSIVE.search(words[0]))
    ):
        return False
    return any(w == title and (k + 1 == len(words) or words[k + 1] in _ROLE_JOINS) for k, w in enumerate(words))
