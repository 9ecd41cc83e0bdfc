"""The speaker phrase beside a reporting verb: the subject before it, the person named after it,
and whether a phrase can name a speaker at all ("Macron", "he", "the spokesman", "Acme staff")."""

from __future__ import annotations

import re

from ..models import Span
from .context import ArticleContext
from .lexicon import reporting_verbs, title_words
from .lexicon.rule_words import (
    ADVERBS,
    AUXILIARIES,
    COLLECTIVE,
    DESCRIPTION_JOINS,
    DETERMINERS,
    OPENERS,
    PRONOUNS,
    RELATIVES,
    REPRESENTATIVES,
    SELF,
    SOMEONE_OF,
    SUBORDINATORS,
)
from .words import PUNCTUATION, Word

MAX_SUBJECT_WORDS = 9
# Words before a reporting verb that the search for its subject reads: enough for a subject, an
# appositive, a parenthesis and a few adverbs. A sentence of many verbs is not read whole per verb.
SUBJECT_REACH = 60


def words_before(items: list[Word], k: int) -> list[Word]:
    """The words a subject of the verb items[k] is looked for in (`subject_before`)."""
    return items[k - SUBJECT_REACH if k > SUBJECT_REACH else 0 : k]


def subject_before(ctx: ArticleContext, items: list[Word], clause_pronoun: bool = True) -> tuple[Span, str] | None:
    """The speaker phrase right before a cue: back to a comma or the sentence start. With
    `clause_pronoun`, the pronoun that opens a clause right before the verb ("when he told") and
    the subject of the first of two verbs ("he brought it up and said")."""
    end = len(items)
    while end and items[end - 1].lower in ADVERBS and items[end - 1].text.islower():  # not "Ms. March"
        end -= 1
    items = items[:end]
    if len(items) > 1 and items[-1].lower == "who":
        named = _named_before_relative(ctx, items[:-1])
        if named is not None:
            return named  # "a tweet from Bo Chan who wrote", "Ann Lee, who told"
    if len(items) > 1 and items[-1].text == "," and items[-2].text == ")":
        items = items[:-1]  # "Gov. Ann Lee (R-Ore.), said"
    if items and items[-1].text == ")" and "(" in [w.text for w in items]:
        opening = max(k for k, w in enumerate(items) if w.text == "(")
        items = items[:opening]  # "Rep. Ann Lee (R-Ore.) said"
    closed = bool(items) and items[-1].text == ","
    if closed:  # "the spokeswoman, Lena Ortiz, said"
        items = items[:-1]
    if clause_pronoun and items and items[-1].lower == "and":
        coordinated = _coordinated_subject(ctx, items)
        if coordinated is not None:
            return coordinated
    if len(items) >= 3 and items[-1].lower == "and" and items[-2].text.islower() and items[-2].text.isalpha():
        items = items[:-2]  # "I nodded and said": the subject of the first verb
    begin = len(items)
    while begin and not (items[begin - 1].text in PUNCTUATION or items[begin - 1].lower in ("that", "and", "but")):
        begin -= 1
    if begin > 1 and items[begin - 1].lower == "and" and any(w.lower in title_words() for w in items[begin:]):
        joined = begin - 1  # "Ann Lee, a poet and lecturer at the college, said": one description
        while joined and items[joined - 1].text not in PUNCTUATION and items[joined - 1].text.islower():
            joined -= 1
        named = _name_before_appositive(ctx, items[:joined]) if joined and items[joined - 1].text == "," else None
        if named is not None:
            return named
    clause_opens = len(items) - begin > 2 and items[-2].text in SUBORDINATORS
    if clause_pronoun and clause_opens and items[-1].lower in PRONOUNS.keys() | SELF:
        begin = len(items) - 1  # "Lee was talking about it when he told": the pronoun of the clause speaks
    while len(items) - begin > 1 and items[begin].lower in OPENERS:
        begin += 1  # "When Ortiz said", "But Peskov said"
    phrase = items[begin:]
    rest = len(items) - len(phrase)
    if (
        phrase
        and phrase[0].text.islower()
        and phrase[-1].lower in title_words()
        and rest >= 3
        and items[rest - 1].text == ","
        and items[rest - 2].text.islower()
        and items[rest - 3].lower in DETERMINERS
        and phrase[0].lower not in DETERMINERS
    ):
        phrase = [items[rest - 3], items[rest - 2]] + phrase  # "the tall, soft-spoken professor said"
    if phrase and phrase[0].lower in ("who", "whose", "which"):  # "a citizen, whose name is redacted, wrote"
        before = items[: len(items) - len(phrase)]
        # "Ann Lee, who told": the verb is the clause's; not "Ann Lee, who he says", whose subject is "he"
        named = _named_before_relative(ctx, before) if len(phrase) == 1 and phrase[0].lower == "who" else None
        if named is not None:
            return named  # "Attorney General Ann Lee, who told the panel", "a tweet from Bo Chan who wrote"
        if before and before[-1].text == ",":
            return subject_before(ctx, before[:-1])
    before = items[: len(items) - len(phrase)]
    phrase = up_to_clause(phrase)
    long_aside = clause_pronoun and phrase and phrase[0].text.islower() and len(phrase) > MAX_SUBJECT_WORDS
    if phrase and (long_aside or _PARTY_TAG.match(phrase[0].text)):
        # "Ann Lee, talking to the crowd on her way out of the hall, said"; "Ann Lee, R-Ore., said"
        return _name_before_appositive(ctx, before)
    if closed and phrase and phrase[0].text.islower() and phrase[0].lower.endswith("ing"):
        named = _name_before_appositive(ctx, before)  # "Ann Lee (D-Ore.), pointing to the vote, said"
        if named is not None:
            return named
    if not phrase or len(phrase) > MAX_SUBJECT_WORDS:
        return None
    span = (phrase[0].start, phrase[-1].end)
    described_after = any(w.lower in title_words() for w in phrase) or phrase[0].lower in DETERMINERS
    if described_after or closed and not _names_a_person(ctx, span):
        # "Jane Roe, chief executive of Acme, said"; "Ann Lee, the school's graduate, said";
        # "Jim Hale, Northfield councillor, said"
        named = _name_before_appositive(ctx, before)
        if named is not None:
            return named
    if speaker_like(ctx, span, phrase):
        span = _name_before_clause(ctx, span, phrase)
        return span, ctx.text[span[0] : span[1]]
    if before and before[-1].lower == "that":
        # "X, the chairwoman of the panel that handles Y, said": the role reaches back past "that"
        before = _before_role(before[:-1])
    return _name_before_appositive(ctx, before)


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_SENTENCE_MARKS = frozenset({".", ";", "?", "!"})


def _named_before_relative(ctx: ArticleContext, before: list[Word]) -> tuple[Span, str] | None:
    """The person named right before "who" (or its comma): the one the relative clause tells of."""
    words = before[:-1] if before and before[-1].text == "," else before
    if not words:
        return None
    people = [m for m in ctx.table.overlapping(words[-1].start, words[-1].end) if m.kind == "person"]
    if not people or people[-1].end != words[-1].end:
        return None
    return (people[-1].start, people[-1].end), ctx.text[people[-1].start : people[-1].end]


def _coordinated_subject(ctx: ArticleContext, items: list[Word]) -> tuple[Span, str] | None:
    """`Ann Lee mentioned the vote and later said`, `when she laughed and admitted`: the subject
    of the first of two verbs joined by "and" (items end with it), read back through the sentence:
    the nearest pronoun, or name that opens a clause, that a lowercase word (its verb) follows."""
    for k in range(len(items) - 2, -1, -1):
        word, following = items[k], items[k + 1]
        if word.text in _SENTENCE_MARKS:
            return None
        if not (following.text.isalpha() and following.text.islower() and following.lower not in ("and", "or")):
            continue
        if k > 0 and (items[k - 1].lower == "that" or items[k - 1].lower in reporting_verbs()):
            continue  # "noted (that) he taught law, and added": the subject of what was noted
        if word.lower in _SUBJECT_PRONOUNS:
            return (word.start, word.end), word.text
        named = [m for m in ctx.table.overlapping(word.start, word.end) if m.end == word.end]
        if not named or named[0].kind not in ("person", "organization"):
            continue
        first = k
        while first > 0 and items[first].start > named[0].start:
            first -= 1
        before = items[first - 1] if first > 0 else None
        if before is None or before.text in PUNCTUATION or before.lower in SUBORDINATORS | OPENERS:
            return (named[0].start, named[0].end), ctx.text[named[0].start : named[0].end]
        if before.text[:1].isupper() or before.lower in title_words():
            continue  # a title before the name: "Sen. Ann Lee" is read from its title on
    return None


def _name_before_clause(ctx: ArticleContext, span: Span, phrase: list[Word]) -> Span:
    """`Ann Lee confirmed she had been and said`: the name that opens a clause read back from a
    second verb, not the clause."""
    named = [m for m in ctx.table.overlapping(*span) if m.kind in ("person", "organization")]
    if len(named) != 1 or named[0].start != span[0] or named[0].end >= span[1]:
        return span  # two names ("Bo Chan would start Ann Lee replied"): resolution takes the last
    rest = [w for w in phrase if w.start >= named[0].end]
    if any(w.text.islower() and (w.lower in AUXILIARIES or w.lower in SELF or w.lower.endswith("ed")) for w in rest):
        return named[0].start, named[0].end
    return span


def _before_role(items: list[Word]) -> list[Word]:
    """The words before a role set off by a comma ("..., the chairwoman of the panel"), with the
    comma; none when the words back to the last mark are no role."""
    k = len(items)
    while k > 0 and items[k - 1].text not in PUNCTUATION:
        k -= 1
    role = items[k:]
    if (
        k == 0
        or items[k - 1].text != ","
        or not role
        or not (role[0].lower in DETERMINERS or any(w.lower in title_words() for w in role))
    ):
        return []
    return items[:k]


def _name_before_appositive(ctx: ArticleContext, items: list[Word]) -> tuple[Span, str] | None:
    """`Tomas Berg, the chairman of the committee, said`: the person before the appositive."""
    if not items or items[-1].text != ",":
        return None
    if len(items) > 2 and items[-2].text == ")":  # "Sen. Ann Lee (D-Ore.), pointing to the vote, said"
        reach = range(len(items) - 2, max(-1, len(items) - 2 - _PAREN_WORDS), -1)
        opening = next((k for k in reach if items[k].text == "("), None)
        if opening is not None:
            items = [*items[:opening], items[-1]]
    phrase: list[Word] = []
    for word in reversed(items[:-1]):
        if word.text in PUNCTUATION or len(phrase) == MAX_SUBJECT_WORDS:
            break
        phrase.insert(0, word)
    if not phrase:
        return None
    if len(phrase) == 1 and _PARTY_TAG.match(phrase[0].text):
        return _name_before_appositive(ctx, items[:-2])  # "Dana Voss, D-Calif., the chairwoman"
    people = [m for m in ctx.table.overlapping(phrase[0].start, phrase[-1].end) if m.kind == "person"]
    if not people or people[-1].end != phrase[-1].end and not _of_place_after(ctx, people[-1].end, phrase):
        return None
    return (people[-1].start, people[-1].end), ctx.text[people[-1].start : people[-1].end]


_PAREN_WORDS = 8  # words of a parenthesis between a name and its comma: "(D-Ore.)", "(a party group)"


def _of_place_after(ctx: ArticleContext, end: int, phrase: list[Word]) -> bool:
    """`Sen. Ann Lee of Oregon`: the name, then "of" and the place or body it is from."""
    rest = [w for w in phrase if w.start >= end]
    return (
        len(rest) >= 2
        and rest[0].lower == "of"
        and all(w.text[:1].isupper() for w in rest[1:])
        and any(m.kind in ("place", "organization") for m in ctx.table.overlapping(rest[1].start, rest[-1].end))
    )


def _names_a_person(ctx: ArticleContext, span: Span) -> bool:
    return any(m.kind == "person" for m in ctx.table.overlapping(*span))


def person_before_punctuation(ctx: ArticleContext, items: list[Word], k: int) -> Span | None:
    stop = k + 1
    while stop < len(items) and stop <= k + MAX_SUBJECT_WORDS and items[stop].text not in PUNCTUATION:
        stop += 1
    if stop == k + 1:
        return None
    people = [m for m in ctx.table.overlapping(items[k + 1].start, items[stop - 1].end) if m.kind == "person"]
    if len(people) != 1:
        return None
    if someone_of([w.lower for w in items[k + 1 : stop] if w.end <= people[0].start]):
        return None  # "said a spokesman for Ann Lee": the spokesman speaks, not Ann Lee
    return people[0].start, people[0].end


def speaker_like(ctx: ArticleContext, span: Span, phrase: list[Word]) -> bool:
    """A name we know, a pronoun, or a role noun ("the spokesman", "a ministry official")."""
    if len(phrase) == 1 and phrase[0].lower in PRONOUNS.keys() | SELF:
        return True
    if ctx.table.entity_at(*span, kind="person") or ctx.table.entity_at(*span, kind="organization"):
        return True
    head = phrase[-1].lower
    if head.endswith(("'s", "\u2019s")):
        return False
    if phrase[0].lower in DETERMINERS and (head in title_words() or head in COLLECTIVE):
        return True
    if len(phrase) == 2 and phrase[0].text[:1].isupper() and head in COLLECTIVE:
        return True  # "Acme staff"
    if head in COLLECTIVE and owned_body([w.text for w in phrase]):
        return True  # "Acme's security unit"
    if described(phrase):
        return True  # "the father", "a citizen", "one of the players in the video": someone unnamed
    if len(phrase) == 2 and phrase[0].lower in DETERMINERS and _AGE.match(head):
        return True  # "the 52-year-old", whom the text gave that age
    if len(phrase) == 1 and _HYPHEN_NAME.match(phrase[0].text):
        return True  # "al-Shabaab"
    return all(w.text[:1].isupper() for w in phrase) and len(phrase) <= 4


UNNAMED = DETERMINERS | {"one", "another"}
# A clause's words, which no description holds: "Her appeal was worded well when she said".
_NOT_DESCRIBING = RELATIVES | OPENERS | ADVERBS
_POSSESSIVE = re.compile("['\u2019]s$")


def up_to_clause(phrase: list[Word]) -> list[Word]:
    """A description up to its subordinate clause: "a guard | who was on duty said"."""
    if not phrase or phrase[0].lower not in UNNAMED:
        return phrase
    return phrase[: next((k for k, w in enumerate(phrase) if k and w.lower in RELATIVES), len(phrase))]


def described(phrase: list[Word]) -> bool:
    """Someone unnamed, described: a determiner (or "one", "another"), lowercase words, and more
    of them after a preposition ("one of the players in the video"), up to `MAX_SUBJECT_WORDS`."""
    last = phrase[-1]
    if (
        phrase[0].lower not in UNNAMED
        or len(phrase) > MAX_SUBJECT_WORDS
        or not last.text.isalpha()
        or len(phrase) > 1
        and (last.lower in DETERMINERS or last.lower in DESCRIPTION_JOINS)
    ):
        return False
    for before, word in zip(phrase, phrase[1:], strict=False):
        if word.lower in _NOT_DESCRIBING or not _POSSESSIVE.sub("", word.text).replace("-", "").isalnum():
            return False
        if word.lower in DETERMINERS and before.lower not in DESCRIPTION_JOINS:
            return False
    return True


_AGE = re.compile(r"^\d{1,3}-year-old$")
_HYPHEN_NAME = re.compile(r"^[a-z]{1,3}-[A-Z]")
# A US lawmaker's party and state after the name: "D-Calif.", "R-S.C.", "I-Vt."
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")


def owned_body(words: list[str]) -> bool:
    """A body that a named one owns, which speaks as a body does: "Acme's security unit said",
    "Nordic Systems' audit team said"."""
    if not 2 <= len(words) <= 6 or words[-1].lower() not in COLLECTIVE:
        return False
    for word in words[:-1]:
        if not word[:1].isupper():
            return False
        if word.endswith(("'s", "\u2019s", "s'", "s\u2019")):
            return True
    return False


def someone_of(words: list[str]) -> bool:
    """`a spokesman for`, `one of the lawyers for`, `an aide to` (lowercase words): the words before
    a name that describe someone else by that person, who speaks ("said a spokesman for Ann Lee")."""
    if not words or words[0] not in UNNAMED:
        return False
    return any(word in SOMEONE_OF and _role(before) for before, word in zip(words, words[1:], strict=False))


_AGENT_ENDINGS = ("ee", "ist", "ian", "er", "or", "man", "woman", "person")


def plural_role(phrase: list[Word]) -> bool:
    """`federal prosecutors`, `local officials`: lowercase words that end in a plural noun for
    what people are, who speak as a group."""
    head = phrase[-1].lower if phrase else ""
    return (
        all(w.text.isalpha() and w.text.islower() for w in phrase)
        and head.endswith("s")
        and not head.endswith("ss")
        and _role(head)
    )


def _role(word: str) -> bool:
    """A noun for what someone is ("spokesman", "lawyers", "adviser"), singular or plural."""
    singular = word[:-1] if word.endswith("s") else word
    return singular in title_words() or singular in REPRESENTATIVES or singular.endswith(_AGENT_ENDINGS)
