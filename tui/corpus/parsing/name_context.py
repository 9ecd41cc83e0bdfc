"""What the words around a capitalised name say of it: that it credits the article rather than
names someone in the story, that it speaks or is introduced as a person, that it opens a sentence."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from .lexicon import common_words, first_name_gender, fold, places, reporting_verbs, title_words
from .lexicon.name_words import COMPANY_NOUNS
from .lexicon.rule_words import (
    APPOSITIVE_ROLES,
    DETERMINERS,
    HEADING_WORDS,
    HONORIFIC_GENDER,
    KIN_NOUNS,
    PERSON_NOUNS,
)
from .runs import POSSESSIVE, POSSESSIVE_ENDINGS, TOKEN, Token, word_after, word_before

# What marks a name as the article's credit line rather than a person in the story: a photo
# credit ("(Ann Lee / Acme Press)"), a byline ("By Ann Lee", "With files from Ann Lee"), an
# author's note ("Ann Lee is a Lisbon-based reporter covering ...") or a video teaser ("Ann Lee
# has the latest.").
_CREDIT_AFTER = re.compile(r" ?/ ?[A-Z]")
_ALONE_IN_PARENTHESES = re.compile(r" ?\)[ \t]*(?:\n|$)")  # at a paragraph's end: a caption's credit
_BYLINE_BEFORE = re.compile(
    r"(?:^|[\n(]|[.!?] )[ \t\u2013\u2014-]*(?:[Bb]y|BY|[Ww]ith files from|[Pp]hotos? by|[Pp]hotograph by|"
    r"[Ww]ritten by|(?:[Aa]dditional )?[Rr]eporting by|[Ee]diting by)[ \t]+$"
)
_AUTHOR_NOTE_AFTER = re.compile(
    r" is (?:a|an|the|[\w.'\u2019-]+['\u2019]s)(?: [\w'\u2019-]+){0,4}? "
    r"(?:reporter|writer|columnist|correspondent|editor|journalist|photographer|contributor)\b"
)
_TEASER_AFTER = re.compile(r" (?:has|have) (?:more|the latest|the story|the details|details)\b")
_BYLINE_REACH = 40  # characters before a name that a byline's opening words fit in
# A later name of a byline's list: "With files from Ann Lee, Tom Brask and Bo Rask". Each name is
# capitalised words joined by single spaces, and the names are parted by a comma or "and", so the
# pattern reads the line one way only.
_BYLINE_LIST_BEFORE = re.compile(
    r"(?:^|\n)[ \t\u2013\u2014-]*(?:[Bb]y|BY|[Ww]ith files from|[Pp]hotos? by|[Ww]ritten by|"
    r"(?:[Aa]dditional )?[Rr]eporting by|[Ee]diting by)[ \t]+"
    r"(?:[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}(?:, and |, | and | & ))+$"
)
_BYLINE_LIST_REACH = 160  # characters before a name that a byline's opening words and earlier names fit in
_LIST_JOINS = (", ", " and ", " & ")  # what comes right before a later name of a list
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
    if text.endswith(_LIST_JOINS, 0, start) and _BYLINE_LIST_BEFORE.search(
        text, max(0, start - _BYLINE_LIST_REACH), start
    ):
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


def role_noun_follows(text: str, end: int) -> bool:
    """A lowercase role noun right after a name: the name qualifies that role ("chief Norland
    economist", "senior Acme official", "chief U.K. strategist"), so the role word before it is no
    role of the name."""
    if text.startswith(".", end):
        end += 1  # an abbreviation's last full stop ("U.K."): a sentence's would be followed by a capital
    if not text.startswith(" ", end):
        return False
    after = word_after(text, end)
    return after is not None and after[0] == end + 1 and after[2].islower() and after[2] in title_words()


def plural_after_the(words: tuple[str, ...], previous: tuple[int, int, str] | None) -> bool:
    """A plural after "the" ("the Carlton Hornets", "the Green Dems"): a team or a party, as nobody's
    name takes "the"; but "the Ann Sanders campaign" does, so a first name keeps a person unless it
    is a place too."""
    last = words[-1]
    first = fold(words[0])
    return (
        len(words) > 1
        and previous is not None
        and previous[2] in ("the", "The")
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is"))
        and (first in places() or first not in first_name_gender())
    )


_ROLE_TAIL_WORDS = 3  # capitalised words after "of" that may still be the role: "Secretary of | State"
_OF_THE = ("of", "of the")


def role_tail(text: str, tokens: list[Token], i: int, j: int) -> tuple[int, str]:
    """How many leading words of the run tokens[i:j] end a role begun before it, where the run
    follows a title and "of" ("Secretary of State | Ann Kerr", "Chief of Staff | Ron Emmet"): the
    words before the first first name that has a surname after it; and that title. Only the title
    is the role: "the state said" is not the secretary's."""
    before_of = _word_before_of(text, tokens[i].start)
    if before_of is None or not before_of[2][:1].isupper() or before_of[2] not in title_words():
        return 0, ""
    names = first_name_gender()
    if fold(tokens[i].text) in names:
        return 0, ""
    for k in range(i + 1, min(j - 1, i + 1 + _ROLE_TAIL_WORDS)):
        if fold(tokens[k].text) in names:
            return k - i, before_of[2]
    return 0, ""


def _word_before_of(text: str, start: int) -> tuple[int, int, str] | None:
    """The word before "of" or "of the" that ends one space before `start`."""
    for joiner in _OF_THE:
        lead = start - len(joiner) - 2
        if lead > 0 and text[lead:start] == f" {joiner} ":
            return word_before(text, lead)
    return None


def kin_before(text: str, first: Token) -> str:
    """The kin word right before a lone first name, which makes it a person: "his daughter Lena",
    "his father, Bill,"; or ""."""
    start = first.start
    gap = 2 if text[start - 2 : start] == ", " else 1
    if start <= gap or text[start - 1] != " ":
        return ""
    found = word_before(text, start - gap)
    return found[2] if found is not None and found[2] in KIN_NOUNS else ""


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


def speaks(
    text: str, tokens: list[Token], i: int, j: int, previous: tuple[int, int, str] | None, strict: bool = False
) -> bool:
    """Whether tokens[i:j] say something ("Ann Quillon told", "said Ann Quillon") or a role follows
    them after a comma ("Ann Quillon, a lawyer in the city"): what a person does, not a body.
    `strict`: a verb before them counts only where their clause ends ("said Tom Hall.", not "said
    Tom Hall launched the project")."""
    if role_follows(text, tokens, j):
        return True
    next_word = word_after(text, tokens[j - 1].end)
    if next_word is not None and text[tokens[j - 1].end : next_word[0]] == " " and next_word[2] in reporting_verbs():
        return True
    return (
        previous is not None
        and previous[2] in reporting_verbs()
        and (not strict or text[tokens[j - 1].end : tokens[j - 1].end + 1] in _CLAUSE_ENDS)
    )


_CLAUSE_ENDS = frozenset({".", ",", ";", ":", "", "\n"})


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


def opens_place(words: tuple[str, ...]) -> bool:
    """Whether the words, from two of them on, start with a known place: "New South Wales"."""
    longest = min(len(words), _longest_place_words())  # a longer opening is no place: a long run is not joined N times
    return any(fold(" ".join(words[:k])) in places() for k in range(2, longest + 1))


@lru_cache(maxsize=1)
def _longest_place_words() -> int:
    return max((place.count(" ") + 1 for place in places()), default=1)


@lru_cache(maxsize=1 << 16)  # the same names and roles come back
def name_gender(first_word: str, length: int, role: str) -> str | None:
    """By the role ("Mrs", "spokeswoman"), else by the first name of a name of two words or more."""
    for word in role.lower().split():
        if word in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[word]
    if length >= 2:
        gender = first_name_gender().get(fold(first_word))
        if gender in ("male", "female"):
            return gender
    return None


# A run's words alone say where a heading's function word splits it; the same runs come back.
@lru_cache(maxsize=1 << 16)
def heading_word_at(words: tuple[str, ...]) -> int:
    """The first function word capitalised inside a run, as a title-case heading writes them ("Ann
    Lee Is Ahead Of Tom Brask"), which parts it into names; 0 for none (most runs)."""
    for k in range(1, len(words) - 1):
        word = words[k]
        # not "A" of "Ann A. Lee", an initial, nor "US" of "the US Court", an abbreviation
        if len(word) > 1 and word[0].isupper() and not word.isupper() and word.lower() in HEADING_WORDS:
            return k
    return 0


_TWO_NAMES = 4  # words a run needs to hold two names of two words each
# Words of a heading that join two names: a verb in -s or -ed ("Ann Lee Beats Tom Brask") or a longer
# preposition ("Ann Lee Talks With Tom Brask"), which names of bodies capitalise too but never
# before a first name and a surname.
_JOINING_PREPOSITIONS = frozenset({"with", "against", "about", "after", "before", "over", "from", "into"})


@lru_cache(maxsize=1 << 16)
def second_name_at(words: tuple[str, ...]) -> int:
    """Where a second name starts in a run that opens with a first name, after a heading's verb or
    preposition ("Ann Lee Beats Tom Brask", "Ann Lee Talks With Tom Brask"); 0 for none. A run of
    first names ("Ann Marie Lee") or a role ("Ann Lee Party Leader Tom Brask") is one name; the
    list of first names holds some common words and places ("The", "Georgia"), which open none."""
    names, common = first_name_gender(), common_words()
    head = fold(words[0])
    if len(words) < _TWO_NAMES or head not in names or head in common or head in places():
        return 0
    for k in range(2, len(words) - 1):
        word, before = fold(words[k]), words[k - 1]
        if word not in names or word in common or fold(before) in names:
            continue  # "Ann Luis Rey Lee": first names in a row are one name
        if before.endswith(("s", "ed")) and not before.endswith("ss") or before.lower() in _JOINING_PREPOSITIONS:
            return k
    return 0


def run_parts(words: tuple[str, ...]) -> tuple[int, int] | None:
    """Where a title-case heading's run parts into two names: the end of the first and the start
    of the second, the word between them left out ("Ann Lee | Is | Over Tom Brask", "Ann Lee |
    Beats | Tom Brask"); None for most runs, one name each."""
    cut = heading_word_at(words) if len(words) > 2 else 0
    if cut:
        return cut, cut + 1
    cut = second_name_at(words)
    return (cut - 1, cut) if cut else None


def has_digit(words: tuple[str, ...]) -> bool:
    """Whether a word holds a digit ("C-12"); letters are never digits, so most words need no look
    at each character."""
    return any(not w.isalpha() and any(c.isdigit() for c in w) for w in words)


def names_a_company(text: str, previous: tuple[int, int, str] | None, first_word: str) -> bool:
    """Whether a business noun right before a name says it is a business's ("engineering firm Acme
    Rail"); not "the firm Ann Lee founded", where a first name after "the firm" opens a clause."""
    if previous is None or previous[2].lower() not in COMPANY_NOUNS:
        return False
    if fold(first_word) not in first_name_gender():
        return True
    before = word_before(text, previous[0] - 1) if previous[0] > 1 else None
    return before is None or before[2].lower() not in DETERMINERS


def works_at(text: str, previous: tuple[int, int, str] | None) -> bool:
    """Whether a job or a name and "at" stand right before a name ("an analyst at Acme Kessel", "said
    Ann Lee at Acme Kessel"): one works at a body, not at a person."""
    if previous is None or previous[2] != "at":
        return False
    job = word_before(text, previous[0] - 1) if previous[0] > 1 else None
    if job is None:
        return False
    if job[2][:1].isupper():
        return text[job[1] : previous[0]] == " " and fold(job[2]) not in common_words()
    return job[2] in title_words() and job[2] not in KIN_NOUNS
