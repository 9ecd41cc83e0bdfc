"""What a capitalised run names: the role before the name, the kind of thing named, and a
person's gender."""

from __future__ import annotations

from functools import lru_cache

from .entity_table import Mention, MentionKind
from .lexicon import (
    common_words,
    demonym_adjectives,
    first_name_gender,
    fold,
    places,
    reporting_verbs,
    title_words,
)
from .lexicon.name_words import HONORIFICS, TITLE_NOUNS
from .lexicon.rule_words import (
    AFFILIATIONS,
    BUSINESS_NOUNS,
    NAME_ADJECTIVES,
    PLACE_NOUNS,
    POST_NOMINALS,
    TITLE_MODIFIERS,
    WORK_NOUNS,
)
from .name_context import (
    first_name_speaks,
    kin_before,
    name_gender,
    names_a_company,
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
    works_at,
)
from .name_kinds import (
    ORG_UNLESS_SPEAKER,
    PLACE_UNLESS_SPEAKER,
    READ_ON,
    is_title,
    kind_by_words,
    kind_of_name_alone,
    saint_town,
    title_as_surname,
)
from .runs import (
    CONNECTORS,
    POSSESSIVE_ENDINGS,
    Token,
    is_common_word,
    joined,
    word_after,
    word_before,
)


def _names_before(word: str) -> bool:
    """A first name or a title: what comes after it is a name even if it is also a month."""
    return word[:1].isupper() and (fold(word) in first_name_gender() or is_title(word))


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
    a_saint_town = split > i and saint_town(words[split - first - 1 : stop])
    if a_saint_town:
        split -= 1  # "St Austell", "St. Neots": a town, neither a saint nor a person
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
    elif previous is not None and (previous[2] in TITLE_NOUNS or _year_possessive(previous[2])):
        # "the drama Ann Dale", "1989's Ann Dale": a work's title names no one, here or where the
        # article names the work again (clustering drops those mentions too)
        end = last.end - possessive_length(last.text) if last.text.endswith(POSSESSIVE_ENDINGS) else last.end
        mentions.append(Mention(tokens[i].start, end, text[tokens[i].start : end], "work"))
        return mentions
    elif previous is not None and previous[2] in WORK_NOUNS and fold(tokens[i].text) not in first_name_gender():
        return mentions  # "the show Winter Harbour", but "shows Ann Lee" may be a verb's
    # Most names are classed by their words alone; the text around them is read only if need be.
    name_words = words[i - first : stop]
    kind = kind_by_words(name_words, bool(role), False)
    if kind == READ_ON:
        kind = _kind_by_context(text, tokens, i, j, name_words, previous)
    elif kind == ORG_UNLESS_SPEAKER:
        kind = "person" if speaks(text, tokens, i, j, previous) else "organization"
    elif kind == PLACE_UNLESS_SPEAKER:  # strict: "said Tom Hall launched ..." is no sign of a person
        # a job written in lower case before it ("producer Ann Hall") names a person too; a
        # capitalised title does not ("Queen Ann Hall" may be a venue)
        job = role.rpartition(" ")[2].islower()
        kind = "person" if job or speaks(text, tokens, i, j, previous, strict=True) else "place"
    if kind == "person" and not role and plural_after_the(name_words, previous):
        kind = "organization"  # "the Northfield Hornets": a team, not a person
    if kind in ("person", "unknown", "place", None) and not role and names_a_company(text, previous, tokens[i].text):
        kind = "organization"  # "engineering firm Acme Rail", "phone giant Dover"
    elif kind in ("person", "unknown") and not role and works_at(text, previous):
        kind = "organization"  # "an analyst at Acme Kessel"
    if j - i == 1 and not role:
        role = person_appositive(text, last.end) if kind != "person" else ""  # "Ann, a resident of the town"
        if not role and fold(without_possessive((last.text,))[0]) in first_name_gender():
            role = kin_before(text, tokens[i])  # "his daughter Lena", "his father, Bill,"
        if role:
            kind = "person"
    if kind == "place" and j - i == 1 and first_name_speaks(text, tokens[i], last, previous):
        kind = "unknown"  # "Jordan said": a person if the article names one so, else no one
    if kind is None and j - i == 1 and title_as_surname(last.text):
        # "Mr Major"; "Major said": a person if the article gives a full name ending with it
        if fold(role.rstrip(".")) in HONORIFICS:
            kind = "person"
        elif speaks(text, tokens, i, j, previous, strict=True):
            kind = "unknown"
    if a_saint_town:
        kind = "place"
    if kind is None:
        return mentions
    if kind == "person" and not role and j - i >= _LEADING_WORDS_AND_NAME:
        lead = _leading_affiliation(words[i - first : stop])
        if lead:  # "Australian Ann Quillon", "Liberal Democrat Tom Brask": a role before the name
            role, i = _text(text, tokens[i : i + lead]), i + lead
    end = last.end - possessive_length(last.text) if last.text.endswith(POSSESSIVE_ENDINGS) else last.end
    if "." in last.text and text.startswith(".", end):
        end += 1  # "U.S.", "U.K.": the abbreviation's final full stop belongs to the name
    name = text[tokens[i].start : end]
    gender = name_gender(tokens[i].text, j - i, role) if kind == "person" else None
    mentions.append(Mention(tokens[i].start, end, name, kind, role, gender))
    return mentions


_COMPOUND_TAIL = 5  # letters of a lowercase part after a hyphen that make a compound word, whatever its ending


# Words of a person's run that a party or nation word before the name leaves at least ("Liberal
# Democrat | Tom Brask"): the name keeps two words, so "Australian Quillon" stays whole.
_LEADING_WORDS_AND_NAME = 3
_NAME_WORDS_LEFT = 2


def _leading_affiliation(words: tuple[str, ...]) -> int:
    """How many words that open a person's run are a party's or a nation's ("Republican", "Liberal
    Democrat", "Australian") and no first name: a role before the name, wherever the run stands."""
    lead = 0
    demonyms = demonym_adjectives()
    while len(words) - lead > _NAME_WORDS_LEFT and (words[lead] in AFFILIATIONS or words[lead] in demonyms):
        if fold(words[lead]) in first_name_gender():
            break  # "Tory", "Libertarian"? a first name may open the name itself
        lead += 1
    return lead


def _compound_adjective(word: str) -> bool:
    """A capitalised compound whose last part after a hyphen is a lowercase word ("Oslo-based",
    "State-owned", "Singer-songwriter", "Nineteen-year-old"): it describes a name, never is part
    of one ("Lewis-Francis", "al-Hassan" are); a short part that is no word's ending may be a
    name's ("Blu-ray", "Dai-ichi")."""
    head, hyphen, tail = word.rpartition("-")
    if not (hyphen and head and tail.isalpha() and tail.islower()):
        return False
    return len(tail) >= _COMPOUND_TAIL or tail.endswith(("ed", "ing", "born", "old"))


_YEAR = len("1989")


def _year_possessive(word: str) -> bool:
    """ "1989's", "2004’s": a year's, which a work's title follows, never a person's name."""
    return len(word) == _YEAR + 2 and word[:_YEAR].isdigit() and word[_YEAR] in "'\u2019" and word[-1] == "s"


def _names_a_role(words: tuple[str, ...]) -> bool:
    """Whether a run's leading words hold a title other than a modifier of one ("Vice" of "Vice
    President", "Former", "Grand" of "Grand Chief")."""
    return any(is_title(word) and fold(word) not in TITLE_MODIFIERS for word in words)


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
        name_word = words[i] not in CONNECTORS and (folded not in common or folded in NAME_ADJECTIVES and i + 1 < j)
        if name_word and not (i + 1 < j and _compound_adjective(words[i])):
            break  # but "Oslo-based | Acme Bank", "State-owned | Northwind" lead a name
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
        if is_title(words[k]):
            split = k + 1
    opens_with_name = split == i and j - i >= 3 and fold(words[i + 1]) in first_name_gender()
    if opens_with_name and (words[i] in AFFILIATIONS or words[i] in demonym_adjectives()):
        # "Republican Ann Lee", "Norwegian Ann Lee" wherever they stand; "Tory Tom Lee" though
        # Tory is a first name too
        return i, j, i + 1, False
    lead = _leading_affiliation(words[i:j]) if split == i else 0
    if lead and fold(words[i + lead]) in first_name_gender():
        return i, j, i + lead, False  # "Liberal Democrat Ann Lee"
    role_may_open = opens_with_name and fold(words[i]) not in first_name_gender()
    if split == i and j - i >= 3 and _agent_noun(words[i]):
        role_may_open = True  # "Rapper Dexo Vantu", "Teenager Ann Quillon" opening a sentence
    return i, j, split, role_may_open


_AGENT_ENDINGS = ("er", "or", "ist", "ian")  # rapper, distributor, guitarist, comedian


def _agent_noun(word: str) -> bool:
    """A word shaped like a noun of who does something ("Rapper", "Guitarist", "Comedian") that is
    no first name ("Tyler", "Brian"), no place ("Exeter", "Windsor") and no nation's adjective."""
    folded = fold(word)
    return (
        word.isalpha()
        and word[1:].islower()
        and folded.endswith(_AGENT_ENDINGS)
        and folded not in first_name_gender()
        and folded not in places()
        and word not in demonym_adjectives()  # "Australian Ann Lee": a nation's word, read as one
    )


def _role_entities(text: str, tokens: list[Token], i: int, split: int) -> list[Mention]:
    """Entities inside a role, such as the organisation in "Northwind Energy Chief Executive"."""
    found: list[Mention] = []
    k = i
    while k < split and not is_title(tokens[k].text):
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
    kind = kind_by_words(words, has_role, in_role)
    if kind == ORG_UNLESS_SPEAKER:
        return "organization"
    if kind == PLACE_UNLESS_SPEAKER:
        return "place"
    if kind != READ_ON:
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
    kind = kind_of_name_alone(words)
    if kind != READ_ON:
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


def _text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]
