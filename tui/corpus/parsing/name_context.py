"""What the words around a capitalised name say of it: that it credits the article rather than
names someone in the story, that it speaks or is introduced as a person, that it opens a sentence."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .lexicon import first_name_gender, fold, places, reporting_verbs, title_words
from .lexicon.rule_words import APPOSITIVE_ROLES, PERSON_NOUNS
from .runs import POSSESSIVE, POSSESSIVE_ENDINGS, TOKEN, Token, word_after

# What marks a name as the article's credit line rather than a person in the story: a photo
# credit ("(Ann Lee / Acme Press)"), a byline ("By Ann Lee", "With files from Ann Lee"), an
# author's note ("Ann Lee is a Lisbon-based reporter covering ...") or a video teaser ("Ann Lee
# has the latest.").
_CREDIT_AFTER = re.compile(r" ?/ ?[A-Z]")
_ALONE_IN_PARENTHESES = re.compile(r" ?\)[ \t]*(?:\n|$)")  # at a paragraph's end: a caption's credit
_BYLINE_BEFORE = re.compile(
    r"(?:^|[\n(]|[.!?] )[ \t]*(?:[Bb]y|BY|[Ww]ith files from|[Pp]hotos? by|[Pp]hotograph by|"
    r"[Ww]ritten by|(?:[Aa]dditional )?[Rr]eporting by|[Ee]diting by)[ \t]+$"
)
_AUTHOR_NOTE_AFTER = re.compile(
    r" is (?:a|an|the|[\w.'\u2019-]+['\u2019]s)(?: [\w'\u2019-]+){0,4}? "
    r"(?:reporter|writer|columnist|correspondent|editor|journalist|photographer|contributor)\b"
)
_TEASER_AFTER = re.compile(r" (?:has|have) (?:more|the latest|the story|the details|details)\b")
_BYLINE_REACH = 40  # characters before a name that a byline's opening words fit in
_SENTENCE_MARK_REACH = 3  # characters back from a name, past quotation marks, to a sentence's end mark
_ROLE_AFTER_COMMA_WORDS = 5  # words after a name's comma read for a role: ", the new director"


def outside_story(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] credits the article or its photos rather than naming
    someone in the story."""
    # Every name is asked: each test looks for the one character or word its pattern needs first.
    if (
        text.startswith(("/", " /"), end)
        and _CREDIT_AFTER.match(text, end)
        or text.startswith((")", " )"), end)
        and _ALONE_IN_PARENTHESES.match(text, end)
        and text[max(0, start - 2) : start].strip() == "("
    ):
        return True  # "(Ann Lee / Acme Press)", "( Ann Lee )" closing a caption, not "his wife (Ann Lee) said"
    lead = max(0, start - _BYLINE_REACH)
    if (
        text.find("y ", lead, start) >= 0 or text.find("Y ", lead, start) >= 0 or text.find("from ", lead, start) >= 0
    ) and _BYLINE_BEFORE.search(text, lead, start):
        return True
    return (
        text.startswith(_NOTE_VERBS, end)
        and opens_sentence(text, start)
        and bool(_AUTHOR_NOTE_AFTER.match(text, end) or _TEASER_AFTER.match(text, end))
    )


_NOTE_VERBS = (" is ", " has ", " have ")  # what an author's note or a teaser goes on with after the name


def opens_sentence(text: str, offset: int) -> bool:
    """Whether a sentence starts at `offset`: after a full stop, colon or line break, and any
    quotation marks or parenthesis ("... it.” Ann Lee is")."""
    before = text[max(0, offset - _SENTENCE_MARK_REACH) : offset].rstrip(" \"\u201c\u201d\u2018\u2019'(")
    return not before or before[-1] in ".!?:\n"


def role_follows(text: str, tokens: list[Token], j: int) -> bool:
    """A comma, then a role within a few words: the appositive that introduces a person."""
    if not text.startswith(", ", tokens[j - 1].end):
        return False
    for match in islice(TOKEN.finditer(text, tokens[j - 1].end), _ROLE_AFTER_COMMA_WORDS):
        word = match.group()
        lower = word.lower()
        if lower in APPOSITIVE_ROLES or (lower in title_words() and not word[0].isupper()):
            return True
    return False


def plural_after_the(words: tuple[str, ...], previous: tuple[int, int, str] | None) -> bool:
    """A place and a plural after "the" ("the Carlton Hornets"): a team's city and nickname, as
    nobody's name takes "the" (but "the Ann Sanders campaign" does, so the place counts)."""
    last = words[-1]
    return (
        len(words) > 1
        and previous is not None
        and previous[2] in ("the", "The")
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is"))
        and fold(words[0]) in places()
    )


def first_name_speaks(text: str, first: Token, last: Token, previous: tuple[int, int, str] | None) -> bool:
    """A one-word place that is a first name too, beside a reporting verb ("Jordan said")."""
    if fold(first.text) not in first_name_gender():
        return False
    next_word = word_after(text, last.end)
    return (
        next_word is not None
        and text[last.end : next_word[0]] == " "
        and next_word[2] in reporting_verbs()
        or previous is not None
        and previous[2] in reporting_verbs()
    )


def speaks(text: str, tokens: list[Token], i: int, j: int, previous: tuple[int, int, str] | None) -> bool:
    """Whether tokens[i:j] say something ("Ann Quillon told", "said Ann Quillon") or a role follows
    them after a comma ("Ann Quillon, a lawyer in the city"): what a person does, not a body."""
    if role_follows(text, tokens, j):
        return True
    next_word = word_after(text, tokens[j - 1].end)
    if next_word is not None and text[tokens[j - 1].end : next_word[0]] == " " and next_word[2] in reporting_verbs():
        return True
    return previous is not None and previous[2] in reporting_verbs()


_ARTICLES = frozenset({"a", "an", "the"})
_APPOSITIVE_REACH = 5  # words after the comma where the person noun may stand ("a retired school teacher")
_LONGEST_WORD = 20  # characters a word of the appositive is given: the words are read in a bounded window


def person_appositive(text: str, end: int) -> str:
    """The person noun of an appositive right after a name ("..., a resident of the town"), or ""."""
    if not text.startswith(", ", end):
        return ""
    found = list(islice(TOKEN.finditer(text, end + 2, end + 2 + _APPOSITIVE_REACH * _LONGEST_WORD), _APPOSITIVE_REACH))
    if not found or found[0].start() != end + 2 or found[0].group() not in _ARTICLES:
        return ""
    for match in found[1:]:
        if match.group() in PERSON_NOUNS:
            return match.group()
        if not match.group().islower():
            return ""
    return ""


def without_possessive(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with "'s" cut from the last one ("Macron's" -> "Macron")."""
    last = words[-1]
    if not last.endswith(POSSESSIVE_ENDINGS):
        return words  # most names
    return words[:-1] + (last[: len(last) - possessive_length(last)] or last,)


@lru_cache(maxsize=1 << 16)
def possessive_length(word: str) -> int:
    match = POSSESSIVE.search(word)
    return len(match.group()) if match else 0
