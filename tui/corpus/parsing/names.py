"""What a capitalised run names: the role before the name, the kind of thing named, and a
person's gender."""

from __future__ import annotations

from functools import lru_cache
from typing import Final, Literal

from .entity_table import Mention, MentionKind
from .lexicon import (
    common_words,
    country_names,
    demonym_adjectives,
    demonym_plurals,
    first_name_gender,
    fold,
    known_organizations,
    org_cues,
    places,
    reporting_verbs,
    title_words,
)
from .lexicon.rule_words import (
    AFFILIATIONS,
    BUSINESS_NOUNS,
    COMPASS,
    EVENT_WORDS,
    NAME_ADJECTIVES,
    PLACE_NOUNS,
    PLACE_WORDS,
    POST_NOMINALS,
    TEAM_ENDINGS,
    TITLE_MODIFIERS,
    WORK_NOUNS,
)
from .name_context import (
    first_name_speaks,
    has_digit,
    kin_before,
    name_gender,
    opens_place,
    opens_sentence,
    outside_story,
    person_appositive,
    plural_after_the,
    possessive_length,
    role_follows,
    role_noun_follows,
    role_tail,
    run_parts,
    speaks,
    without_possessive,
)
from .runs import (
    CONNECTORS,
    POSSESSIVE_ENDINGS,
    Token,
    is_common_word,
    is_initials,
    joined,
    word_after,
    word_before,
)


def _names_before(word: str) -> bool:
    """A first name or a title: what comes after it is a name even if it is also a month."""
    return word[:1].isupper() and (fold(word) in first_name_gender() or _is_title(word))


def classify_run(text: str, tokens: list[Token], run: tuple[int, int]) -> list[Mention]:
    first = run[0]
    if run[1] - first == 1:
        # Most runs are one word: the whole word is the name unless it is a common word or a
        # connector, and its shape needs no look-up by a tuple of words.
        word = tokens[first].text
        if word in CONNECTORS:
            return []
        if is_common_word(word):  # "Young said" (runs.py): a person if a full name ends with the word
            return [Mention(tokens[first].start, tokens[first].end, word, "unknown")]
        words: tuple[str, ...] = (word,)
        start, stop, split, role_may_open = 0, 1, 0, False
    else:
        words = tuple([t.text for t in tokens[first : run[1]]])
        parts = run_parts(words)
        if parts:  # a title-case heading: the names on either side of "Is", "To", "Beats"
            return classify_run(text, tokens, (first, first + parts[0])) + classify_run(
                text, tokens, (first + parts[1], run[1])
            )
        start, stop, split, role_may_open = _run_shape(words)
        if start >= stop:
            return []
        if (
            fold(words[start]) in NAME_ADJECTIVES
            and opens_sentence(text, tokens[first + start].start)
            and not opens_place(words[start:stop])
        ):
            # "New Brenfield manager ..." opening a sentence, but "New Zealand" wherever it stands
            start, split, role_may_open = start + 1, max(split, start + 1), False
    i, j, split = first + start, first + stop, first + split
    if role_may_open and opens_sentence(text, tokens[i].start):
        split = i + 1  # "Farmer Otto Brandt" opening a sentence: a role before the first name
    mentions: list[Mention] = []
    role = ""
    if split > i:
        mentions.extend(_role_entities(text, tokens, i, split))
        role = _text(text, tokens[i:split])
        if not _names_a_role(words[i - first : split - first]):
            role = ""  # "Former Northland player", "Grand Tour winner": no title, so no sign of a person
        i = split
    if i >= j:
        return mentions
    last = tokens[j - 1]
    if outside_story(text, tokens[i].start, last.end):
        return mentions  # a photo credit, a byline, an author's note: no one in the story
    tail, title = role_tail(text, tokens, i, j) if j - i >= 3 and not role else (0, "")
    if tail:  # "Secretary of State Ann Kerr": "State" ends the role, whose title is "Secretary"
        i, role = i + tail, title
    # The word before the name, read once: it may be a role ("spokesman Tom Smith") or a verb
    # that says what the name is ("said Smith").
    previous = word_before(text, tokens[i].start - 1) if tokens[i].start > 1 else None
    if not role and previous is not None and previous[2] in title_words():  # most names have no role word
        role = "" if role_noun_follows(text, last.end) else _role_before(text, tokens[i], previous)
    elif previous is not None and previous[2] in WORK_NOUNS and fold(tokens[i].text) not in first_name_gender():
        return mentions  # "the film Winter Harbour": a work's title names no one
    # Most names are classed by their words alone; the text around them is read only if need be.
    name_words = words[i - first : stop]
    kind = _kind_by_words(name_words, bool(role), False)
    if kind == _READ_ON:
        kind = _kind_by_context(text, tokens, i, j, name_words, previous)
    elif kind == _ORG_UNLESS_SPEAKER:
        kind = "person" if speaks(text, tokens, i, j, previous) else "organization"
    elif kind == _PLACE_UNLESS_SPEAKER:  # strict: "said Tom Hall launched ..." is no sign of a person
        kind = "person" if speaks(text, tokens, i, j, previous, strict=True) else "place"
    if kind == "person" and not role and plural_after_the(name_words, previous):
        kind = "organization"  # "the Northfield Hornets": a team, not a person
    if j - i == 1 and not role:
        role = person_appositive(text, last.end) if kind != "person" else ""  # "Ann, a resident of the town"
        if not role and fold(without_possessive((last.text,))[0]) in first_name_gender():
            role = kin_before(text, tokens[i])  # "his daughter Lena", "his father, Bill,"
        if role:
            kind = "person"
    if kind == "place" and j - i == 1 and first_name_speaks(text, tokens[i], last, previous):
        kind = "unknown"  # "Jordan said": a person if the article names one so, else no one
    if kind is None:
        return mentions
    end = last.end - possessive_length(last.text) if last.text.endswith(POSSESSIVE_ENDINGS) else last.end
    if "." in last.text and text.startswith(".", end):
        end += 1  # "U.S.", "U.K.": the abbreviation's final full stop belongs to the name
    name = text[tokens[i].start : end]
    gender = name_gender(tokens[i].text, j - i, role) if kind == "person" else None
    mentions.append(Mention(tokens[i].start, end, name, kind, role, gender))
    return mentions


def _names_a_role(words: tuple[str, ...]) -> bool:
    """Whether a run's leading words hold a title other than a modifier of one ("Vice" of "Vice
    President", "Former", "Grand" of "Grand Chief")."""
    return any(_is_title(word) and fold(word) not in TITLE_MODIFIERS for word in words)


# A run's words alone say where its name lies; the same runs come back in article after article.
@lru_cache(maxsize=1 << 16)
def _run_shape(words: tuple[str, ...]) -> tuple[int, int, int, bool]:
    """Where the name lies among a run's words (start, stop), where it starts after leading titles
    and their modifiers ("French President | Emmanuel Macron"), and whether the first word may be
    a role if the run opens a sentence ("Farmer Otto Brandt")."""
    i, j = 0, len(words)
    # Words capitalised only because they open a sentence, and days and months, are not names.
    common = common_words()
    while i < j:
        folded = fold(words[i])
        if words[i] not in CONNECTORS and (folded not in common or folded in NAME_ADJECTIVES and i + 1 < j):
            break
        i += 1
    # The first word left was tested above: a one-word name needs no second look from the end.
    while (
        j > i + 1
        and (fold(words[j - 1]) in common or words[j - 1] in CONNECTORS)
        and not (j - 1 > i and _names_before(words[j - 2]))
    ):
        j -= 1  # but "Joan March" and "Ms. March" keep their month
    while j > i + 1 and words[j - 1] in POST_NOMINALS:
        j -= 1  # "Ann Lee MP", "Tom Grey QC"
    if i >= j:
        return i, j, i, False
    split = i
    for k in range(i, j - 1):
        if _is_title(words[k]):
            split = k + 1
    role_may_open = (
        split == i
        and j - i >= 3
        and fold(words[i]) not in first_name_gender()
        and fold(words[i + 1]) in first_name_gender()
    )
    if role_may_open and (words[i] in AFFILIATIONS or words[i] in demonym_adjectives()):
        return i, j, i + 1, False  # "Republican Ann Lee", "Norwegian Ann Lee" wherever they stand
    return i, j, split, role_may_open


@lru_cache(maxsize=1 << 16)
def _is_title(word: str) -> bool:
    if (
        word in title_words()
        or word.rstrip(".") in title_words()
        or word.lower() in title_words()
        or word + "." in title_words()
    ):  # "Gov" of "Gov. Ann Lee": words are read without their full stop
        return True
    if "-" in word and not word.startswith("-"):
        return all(_is_title(part) for part in word.split("-") if part)  # "Vice-President"
    return word.endswith("s") and len(word) > 2 and word[:-1] in title_words()  # "MPs", "Senators"


def _role_entities(text: str, tokens: list[Token], i: int, split: int) -> list[Mention]:
    """Entities inside a role, such as the organisation in "Northwind Energy Chief Executive"."""
    found: list[Mention] = []
    k = i
    while k < split and not _is_title(tokens[k].text):
        k += 1
    if k > i:
        kind = _kind_of(text, tokens, i, k, False, in_role=True)
        if kind in ("organization", "place"):
            found.append(Mention(tokens[i].start, tokens[k - 1].end, _text(text, tokens[i:k]), kind))
    return found


def _role_before(text: str, first: Token, previous: tuple[int, int, str] | None) -> str:
    """Lowercase role words and their capitalised modifiers before a name ("Kremlin spokesman");
    `previous` is the word that ends one character before the name's `first` word."""
    if previous is None or previous[2] not in title_words() or text[first.start - 1] not in " -":
        return ""  # most names: no role word right before them
    role: list[Token] = []
    nearest = Token(*previous)
    if not joined(text, nearest, first):
        return ""
    word: Token | None = nearest
    # read backwards, appended: inserting each word first would copy the role once a word
    while word is not None and word.text in title_words():
        role.append(word)
        word = _previous_joined(text, word)
    if not _names_a_role(tuple(t.text for t in role)):
        return ""  # "former Conservative ...", "Grand Tour" say nothing yet about who is named
    while word is not None and word.capitalised and fold(word.text) not in common_words():
        role.append(word)
        word = _previous_joined(text, word)
    return text[role[-1].start : role[0].end] if role else ""


def _previous_joined(text: str, token: Token) -> Token | None:
    """The word before `token` when the two are joined as parts of one name or role."""
    start = token.start
    if start > 2 and text[start - 2 : start] == ". ":  # "Ms. March", "Ann B. Lee"
        gap = 2
    elif start > 1 and text[start - 1] in " -":  # "Kremlin spokesman"
        gap = 1
    else:
        return None
    found = word_before(text, start - gap)
    if found is None:
        return None
    word = Token(*found)
    return word if joined(text, word, token) else None


def _kind_of(
    text: str, tokens: list[Token], i: int, j: int, has_role: bool, in_role: bool = False
) -> MentionKind | None:
    """What tokens[i:j] name: by their words, else by the words around them."""
    words = tuple(t.text for t in tokens[i:j])
    kind = _kind_by_words(words, has_role, in_role)
    if kind == _ORG_UNLESS_SPEAKER:
        return "organization"
    if kind == _PLACE_UNLESS_SPEAKER:
        return "place"
    if kind != _READ_ON:
        return kind
    previous = word_before(text, tokens[i].start - 1) if tokens[i].start > 1 else None
    return _kind_by_context(text, tokens, i, j, words, previous)


def _kind_by_context(
    text: str, tokens: list[Token], i: int, j: int, words: tuple[str, ...], previous: tuple[int, int, str] | None
) -> MentionKind | None:
    """What tokens[i:j] name when their `words` alone do not say: by the word after them, the
    appositive or reporting verb around them; `previous` is the word before them (`word_before`)."""
    next_word = word_after(text, tokens[j - 1].end)
    after = next_word[2].lower() if next_word else ""
    if after in PLACE_NOUNS and next_word and text[tokens[j - 1].end : next_word[0]] == " ":
        return "place"  # "Kent county"
    if (
        after in BUSINESS_NOUNS
        and next_word
        and text[tokens[j - 1].end : next_word[0]] == " "
        and not (len(words) == 1 and opens_sentence(text, tokens[i].start))
        and not words[-1].rpartition("-")[2].islower()
    ):
        return "organization"  # "Voltaro shares", but not "Yearly profits" opening a sentence, nor "Oslo-based"
    kind = _kind_of_name_alone(words)
    if kind != _READ_ON:
        return kind
    before = previous[2].lower() if previous else ""
    if 2 <= len(words) <= 3 and role_follows(text, tokens, j):
        return "person"  # "Oduya Kamberi, marketing executive at Volta Electronics"
    if after in reporting_verbs() and next_word is not None and "," in text[tokens[j - 1].end : next_word[0]]:
        after = ""  # "X, chair of the panel that handles Harbour Affairs, said": the verb is X's
    if after in reporting_verbs() or before in reporting_verbs():
        if len(words) == 1 and after and opens_sentence(text, tokens[i].start):
            return "unknown"  # type: ignore[return-value]  # "Protesters said": a plural noun opening a sentence
        return "person" if len(words) <= 4 else None
    # Unknown names stay candidates: they become people if the article names them as one elsewhere.
    return "unknown" if len(words) <= 3 else None  # type: ignore[return-value]


_READ_ON: Final = "read on"  # the words alone do not decide: read the text around them
# A business ("Acme Canada") unless the text around it says a person ("Ann Quillon said")
_ORG_UNLESS_SPEAKER: Final = "an organisation unless it speaks"
_PLACE_UNLESS_SPEAKER: Final = "a place unless it speaks"  # "Tom Hall said", but "Ann Hall" is a venue
_Kind = MentionKind | Literal["read on"] | None  # what a rule says: a kind, none, or read on
# what a name's words alone say
_WordsKind = _Kind | Literal["an organisation unless it speaks", "a place unless it speaks"]


# The same names come back in article after article, and what their words alone say of them is
# the costly part: it is worked out once per name.
@lru_cache(maxsize=1 << 16)
def _kind_by_words(words: tuple[str, ...], has_role: bool, in_role: bool) -> _WordsKind:
    words = without_possessive(words)
    name = " ".join(words) if len(words) > 1 else words[0]
    if name in known_organizations():
        return "organization"
    # Every name is new in a first pass: one word and several take separate, shorter paths.
    if len(words) > 1:
        kind = _kind_of_several_words(words)
        if kind == _ORG_UNLESS_SPEAKER and has_role and not in_role:
            return "person"  # "tax lawyer Ann Quillon", but "King Ann Station" is a place
        if kind != _READ_ON:
            return kind
    elif name in org_cues() or name in EVENT_WORDS or _is_title(name):
        return None  # "Commission" alone names no one body; "Cup"; "Minister"
    if has_role and not in_role:
        return "person"
    if len(words) == 1 and name in demonym_adjectives():
        return None  # "French"
    if len(words) == 1 and name in demonym_plurals():
        return "group"  # "Americans"
    folded = fold(name)
    if folded in places() or folded.rstrip(".") in places():
        return "place"
    return _READ_ON


def _kind_of_several_words(words: tuple[str, ...]) -> _WordsKind:
    """What a name of two words or more is by its first and last words, before any role is read."""
    last = words[-1]
    if not org_cues().isdisjoint(words) or last in TEAM_ENDINGS and fold(" ".join(words)) not in places():
        return "organization"  # "Northwind Energy"; "Brenfield United", but "Mexico City"
    if last in EVENT_WORDS or has_digit(words[1:]):
        return None  # "Harbour Cup", "Oslo Accord", "Bill C-12": neither person nor place
    if last in PLACE_WORDS:  # "Brenfield Highway", "Alder National Park", "Holm County"; "Tom Hall" may speak
        return _PLACE_UNLESS_SPEAKER if len(words) == 2 and fold(words[0]) in first_name_gender() else "place"
    if fold(last) in places():
        if fold(" ".join(words)) in places():
            return "place"  # "New York", "Papua New Guinea": a place that ends in another's name
        if words[0] in COMPASS:
            return "place"  # "East Africa", "Northern Ontario"
        if fold(words[0]) not in first_name_gender():
            # "Acme Canada", "Northwind Canada"; but a town's name may be a surname too,
            # of a person who says something ("Ann Quillon said")
            return "organization" if fold(last) in country_names() else _ORG_UNLESS_SPEAKER
    if last in demonym_adjectives():
        return None  # "North Korean", "Native American": adjectives
    if _is_title(last):
        return None  # "Prime Minister" split as "Prime | Minister": a role, no name
    return _READ_ON


@lru_cache(maxsize=1 << 16)
def _kind_of_name_alone(words: tuple[str, ...]) -> _Kind:
    """What the words say once no place noun ("Kent county") follows them."""
    words = without_possessive(words)
    last = words[-1]
    if len(words) >= 2 and (
        fold(words[0]) in first_name_gender() or is_initials(words[0]) and fold(words[0]) not in places()
    ):
        return "person"  # "Ann Lee", "T.J. Lee"
    last_is_title = _is_title(last)
    if last_is_title and all(_is_title(w) or w.isupper() for w in words):
        return None  # "CEO", "MLA": a role on its own
    if any(2 <= len(w) <= 6 and w.isupper() and w.isalpha() and not _is_title(w) for w in words):
        return "organization"  # "RCMP", "Brenfield RCMP", "Volta Electronics"
    if last_is_title or fold(words[0]) in places():
        return None  # "Brenfield MP" is a role; "Alder Council" without a cue is not a person
    return _READ_ON


def _text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]
