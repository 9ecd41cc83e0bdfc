"""Named entities by rule: capitalised runs, split into role and name, classed by lexicon and cue.

A person's mentions cluster within an article by surname ("French President Emmanuel Macron",
"Macron", "Mr Macron"); the longest form is the entity's name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from .lexicon import (
    common_words,
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
from .models import Entity, EntityKind, Span

# A word: letters and digits, with inner apostrophes, dots, hyphens and ampersands ("O'Neil", "U.S").
TOKEN = re.compile(r"[^\W_]+(?:[&'\u2019.\-][^\W_]+)*")
_LOWER_PREFIX = re.compile(r"^[a-z]+-(?=[A-Z])")  # "post-EU", "anti-Putin": the name is the second part
_NAME_PARTICLES = frozenset({"de", "du", "la", "le", "von", "van", "der", "den", "da", "dos", "al", "bin", "y", "di"})
# Inside organisation names only: "Bank of England", "Centre for Disease Control", "Harbour & Bean".
_ORG_CONNECTORS = frozenset({"of", "for", "and", "&", "the"})
_CONNECTORS = _NAME_PARTICLES | _ORG_CONNECTORS
_PLACE_NOUNS = frozenset({"department", "province", "region", "county", "state", "district", "city", "town", "village", "oblast", "prefecture", "canton", "municipality"})
_HONORIFIC_GENDER = {"mr": "male", "mr.": "male", "sir": "male", "lord": "male", "king": "male", "prince": "male",
                     "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female",
                     "dame": "female", "lady": "female", "queen": "female", "princess": "female",
                     "spokesman": "male", "spokeswoman": "female", "chairman": "male", "chairwoman": "female"}
# The last word of a name that makes it an event or a document, or a place.
_EVENT_WORDS = frozenset("Cup Open Championship Championships Invitational Classic Games Tournament Trophy "
                         "Series Award Awards Prize Agreement Accord Act Bill Treaty Period Rising Initiative "
                         "Strategy Plan Report Festival Conference Summit Day Week Month Year War".split())
_PLACE_WORDS = frozenset("Highway Square Station Railway Park Street Avenue Road Bridge Airport Beach Heights "
                         "Valley County Memorial Island Islands Lake River Mountain Mountains Bay Harbour Harbor "
                         "Hill Hills Pines Nation Province Region District Township Village Peninsula Coast "
                         "Canyon Falls Gardens Stadium Arena Centre Center Hall Plaza".split())
_MODIFIERS = frozenset("former then- acting interim deputy vice senior junior assistant associate late "
                       "future current".split())
_LONGEST_MENTION = 200  # characters: no name runs longer, so overlap look-ups scan back this far
_POSSESSIVE = re.compile(r"['\u2019]s?$")


class Token:
    """A word and where it is; `capitalised` is worked out once, as runs ask for it often."""

    __slots__ = ("start", "end", "text", "capitalised")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.capitalised = text[0].isupper()


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: EntityKind
    role: str = ""
    gender: str | None = None
    key: str = ""  # the cluster this mention belongs to, filled by clustering


@dataclass
class EntityTable:
    """An article's entities and a way back from any mention to its entity.

    Mentions are sorted by offset and looked up by bisection, so that a long article costs
    no more per quote than a short one.
    """

    text: str = ""
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quoted: list[Span] = field(default_factory=list)  # quotation spans, sorted, once quotes are found
    _starts: list[int] = field(default_factory=list)
    _by_key: dict[str, Entity] = field(default_factory=dict)

    def finish(self) -> None:
        """Sort and index the mentions once they are all in."""
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._by_key = {e.id: e for e in self.entities}

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap [start, end), in text order."""
        k = bisect_left(self._starts, end)
        found: list[Mention] = []
        while k > 0 and self.mentions[k - 1].start > start - _LONGEST_MENTION:
            k -= 1
            if self.mentions[k].end > start:
                found.append(self.mentions[k])
        return found[::-1]

    def entity_at(self, start: int, end: int, kind: EntityKind | None = None) -> Entity | None:
        for mention in self.overlapping(start, end):
            if kind is None or mention.kind == kind:
                return self.by_key(mention.key)
        return None

    def by_key(self, key: str) -> Entity | None:
        return self._by_key.get(key)

    def people_before(self, offset: int, within: int = 6000) -> Iterator[tuple[Mention, Entity]]:
        """Person mentions that end before `offset` (and not too far before it), nearest first."""
        k = bisect_left(self._starts, offset)
        while k > 0:
            k -= 1
            mention = self.mentions[k]
            if mention.start < offset - within:
                return
            entity = self.by_key(mention.key)
            if mention.kind == "person" and mention.end <= offset and entity is not None:
                yield mention, entity

    def in_quote(self, offset: int) -> bool:
        k = bisect_left(self.quoted, (offset, 1 << 62)) - 1
        return k >= 0 and self.quoted[k][0] <= offset < self.quoted[k][1]

    def mentions_before(self, offset: int, within: int) -> list[Mention]:
        """Mentions that start in the `within` characters before `offset`, in text order."""
        return self.mentions[bisect_left(self._starts, offset - within):bisect_left(self._starts, offset)]


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        start, word = match.start(), match.group()
        if "-" in word:
            prefix = _LOWER_PREFIX.match(word)
            if prefix:
                start, word = start + prefix.end(), word[prefix.end():]
        tokens.append(Token(start, match.end(), word))
    return tokens


def find_entities(text: str, skip: list[Span] | None = None, headline: Span | None = None) -> EntityTable:
    """Every entity mention in `text`, clustered into entities; nothing inside a `skip` span.

    A title-case headline capitalises every word, so there only names met in the body count.
    """
    every_token = tokenize(text)
    tokens = every_token
    unread = (skip or []) + ([headline] if headline else [])
    if unread:
        last = max(e for _, e in unread)
        tokens = [t for t in tokens if t.start >= last or not any(s <= t.start < e for s, e in unread)]
    raw: list[Mention] = []
    for run in _capitalised_runs(text, tokens):
        raw.extend(_classify_run(text, tokens, run))
    raw.extend(_repeated_aliases(text, every_token, raw, skip or []))
    return _cluster(text, raw)


def _repeated_aliases(text: str, tokens: list[Token], raw: list[Mention], skip: list[Span]) -> list[Mention]:
    """Names found once, met again where no run caught them: in a title-case headline, say.

    One pass over the words, looking up each as the first word of a known name: linear in the
    length of the article whatever the number of names.
    """
    by_first: dict[str, list[Mention]] = {}
    for mention in sorted(raw, key=lambda m: -len(m.text)):
        if mention.kind != "unknown" and len(mention.text) > 2 and mention.text not in \
                {m.text for m in by_first.get(mention.text.split()[0], [])}:
            by_first.setdefault(mention.text.split()[0], []).append(mention)
    if not by_first:
        return []
    covered = bytearray(len(text) + 1)  # 1 where a mention or a skipped span already stands
    for start, end in [(m.start, m.end) for m in raw] + skip:
        covered[start:end] = b"\x01" * (end - start)
    found: list[Mention] = []
    for token in tokens:
        word = _POSSESSIVE.sub("", token.text) if "'" in token.text or "\u2019" in token.text else token.text
        for model in by_first.get(word, ()):
            end = token.start + len(model.text)
            if not text.startswith(model.text, token.start) or _word_char(text, end) or 1 in covered[token.start:end]:
                continue
            found.append(Mention(token.start, end, model.text, model.kind, gender=model.gender))
            covered[token.start:end] = b"\x01" * (end - token.start)
            break
    return found


def _word_char(text: str, offset: int) -> bool:
    return offset < len(text) and (text[offset].isalnum() or text[offset] == "-")


def _capitalised_runs(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Index ranges of tokens forming one capitalised name, joined by single spaces or connectors."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].capitalised:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and _joined(text, tokens[j - 1], tokens[j]):
            if tokens[j].capitalised:
                j += 1
            elif _connected(text, tokens, i, j):
                j += _connected(text, tokens, i, j)
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _connected(text: str, tokens: list[Token], i: int, j: int) -> int:
    """How many tokens lowercase particles carry the name on by ("von der Leyen": 3), or 0.

    Particles of personal names ("de", "von der") always join; "of" and "and" only inside an
    organisation's name ("Bank of England").
    """
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].text in _CONNECTORS and _joined(text, tokens[k - 1], tokens[k]):
        k += 1
    if k == j or k >= len(tokens) or not tokens[k].capitalised or not _joined(text, tokens[k - 1], tokens[k]):
        return 0
    particles = {t.text for t in tokens[j:k]}
    if particles <= _NAME_PARTICLES:
        return k + 1 - j
    around = [t.text for t in tokens[i:j]] + [tokens[k].text]
    return k + 1 - j if any(w in org_cues() for w in around) else 0


def _names_before(word: str) -> bool:
    """A first name or a title: what comes after it is a name even if it is also a month."""
    return word[:1].isupper() and (fold(word) in first_name_gender() or _is_title(word))


def _joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end:right.start]
    if gap == ". " and (len(left.text) == 1 and left.text.isupper() or left.text + "." in title_words()):
        return True  # a middle initial, "George W. Bush", or an abbreviated title, "Ms. May"
    return gap in (" ", "-") and not _POSSESSIVE.search(left.text)


def _classify_run(text: str, tokens: list[Token], run: tuple[int, int]) -> list[Mention]:
    i, j = run
    # Words capitalised only because they open a sentence, and days and months, are not names.
    while i < j and (fold(tokens[i].text) in common_words() or tokens[i].text in _CONNECTORS):
        i += 1
    while j > i and (fold(tokens[j - 1].text) in common_words() or tokens[j - 1].text in _CONNECTORS) \
            and not (j - 1 > i and _names_before(tokens[j - 2].text)):
        j -= 1  # but "Theresa May" and "Ms. May" keep their month
    if i >= j:
        return []
    split = _title_split(tokens, i, j)
    if split == i and j - i >= 3 and _opens_sentence(text, tokens[i].start) \
            and fold(tokens[i].text) not in first_name_gender() and fold(tokens[i + 1].text) in first_name_gender():
        split = i + 1  # "Farmer Roy Graf" opening a sentence: a role before the first name
    mentions: list[Mention] = []
    role_tokens = tokens[i:split]
    if split > i:
        mentions.extend(_role_entities(text, tokens, i, split))
        i = split
    if i >= j:
        return mentions
    name_tokens = tokens[i:j]
    if text.startswith("/", name_tokens[-1].end):
        return mentions  # a photo credit, "(Adrian Wyld/The Canadian Press)", names no one in the story
    role = _role_before(text, tokens, i) if not role_tokens else _text(text, role_tokens)
    kind = _kind_of(text, tokens, i, j, bool(role))
    if kind is None:
        return mentions
    end = name_tokens[-1].end - _possessive_length(name_tokens[-1].text)
    name = text[name_tokens[0].start:end]
    gender = _gender(name_tokens, role) if kind == "person" else None
    mentions.append(Mention(name_tokens[0].start, end, name, kind, role, gender))
    return mentions


def _title_split(tokens: list[Token], i: int, j: int) -> int:
    """Where the name starts after leading titles and their modifiers ("French President | Emmanuel Macron")."""
    split = i
    for k in range(i, j - 1):
        if _is_title(tokens[k].text):
            split = k + 1
    return split


def _is_title(word: str) -> bool:
    if word in title_words() or word.rstrip(".") in title_words() or word.lower() in title_words():
        return True
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


def _role_before(text: str, tokens: list[Token], i: int) -> str:
    """Lowercase role words and their capitalised modifiers before a name ("Kremlin spokesman")."""
    k = i
    while k > 0 and _joined(text, tokens[k - 1], tokens[k]) and tokens[k - 1].text in title_words():
        k -= 1
    if all(t.text in _MODIFIERS for t in tokens[k:i]):
        return ""  # "former Conservative ..." says nothing yet about who is named
    while k > 0 and _joined(text, tokens[k - 1], tokens[k]) and tokens[k - 1].capitalised \
            and fold(tokens[k - 1].text) not in common_words():
        k -= 1
    return _text(text, tokens[k:i])


def _kind_of(text: str, tokens: list[Token], i: int, j: int, has_role: bool, in_role: bool = False) -> EntityKind | None:
    words = [t.text for t in tokens[i:j]]
    words[-1] = words[-1][: len(words[-1]) - _possessive_length(words[-1])] or words[-1]
    name = " ".join(words)
    folded = fold(name)
    if name in known_organizations():
        return "organization"
    if any(w in org_cues() for w in words):
        return "organization" if len(words) > 1 else None  # "Commission" alone names no one body
    last = words[-1]
    if last in _EVENT_WORDS or any(any(c.isdigit() for c in w) for w in words[1:]):
        return None  # "Ryder Cup", "Paris Agreement", "Bill C-48": neither person nor place
    if len(words) >= 2 and last in _PLACE_WORDS:
        return "place"  # "Fraser Highway", "Jasper National Park", "Clark County"
    if len(words) >= 2 and fold(last) in places() and fold(words[0]) not in first_name_gender():
        return "organization"  # "HuffPost Canada", "Infrastructure Canada"
    if len(words) >= 2 and last in demonym_adjectives():
        return None  # "North Korean", "Native American": adjectives
    if _is_title(words[-1]):
        return None  # "Prime Minister" split as "Prime | Minister": a role, no name
    if has_role and not in_role:
        return "person"
    if len(words) == 1 and words[0] in demonym_plurals() and words[0] not in demonym_adjectives():
        return "group"
    if len(words) == 1 and words[0] in demonym_adjectives():
        return None
    if folded in places() or folded.rstrip(".") in places():
        return "place"
    after = tokens[j].text.lower() if j < len(tokens) else ""
    if after in _PLACE_NOUNS and text[tokens[j - 1].end:tokens[j].start] == " ":
        return "place"
    if len(words) >= 2 and fold(words[0]) in first_name_gender():
        return "person"
    if _is_title(words[-1]) and all(_is_title(w) or w.isupper() for w in words):
        return None  # "CEO", "MLA": a role on its own
    if any(2 <= len(w) <= 6 and w.isupper() and w.isalpha() and not _is_title(w) for w in words):
        return "organization"  # "RCMP", "Burnaby RCMP", "LG Electronics"
    if _is_title(words[-1]) or fold(words[0]) in places():
        return None  # "Yellowhead MP" is a role; "Surrey Council" without a cue is not a person
    before = tokens[i - 1].text.lower() if i > 0 and tokens[i].start - tokens[i - 1].end == 1 else ""
    if 2 <= len(words) <= 3 and _role_follows(text, tokens, j):
        return "person"  # "Hiram Macharia, marketing executive at LG Electronics"
    if after in reporting_verbs() or before in reporting_verbs():
        if len(words) == 1 and after and _opens_sentence(text, tokens[i].start):
            return "unknown"  # type: ignore[return-value]  # "Protesters said": a plural noun opening a sentence
        return "person" if len(words) <= 4 else None
    # Unknown names stay candidates: they become people if the article names them as one elsewhere.
    return "unknown" if len(words) <= 3 else None  # type: ignore[return-value]


def _role_follows(text: str, tokens: list[Token], j: int) -> bool:
    """A comma, then a role within a few words: the appositive that introduces a person."""
    if j >= len(tokens) or not text.startswith(", ", tokens[j - 1].end):
        return False
    for token in tokens[j:j + 5]:
        word = token.text.lower()
        if word in _APPOSITIVE_ROLES or (word in title_words() and not token.capitalised):
            return True
    return False


# Role nouns that follow a new person's name after a comma ("Jane Roe, a spokeswoman for ...").
_APPOSITIVE_ROLES = frozenset("spokesman spokeswoman spokesperson executive director president chair chairman "
                              "chairwoman founder co-founder ceo cfo professor lecturer researcher scientist "
                              "economist analyst strategist lawyer attorney manager minister secretary senator "
                              "mayor councillor councilor leader head chief officer official member resident "
                              "owner partner author editor reporter coach player who whose".split())


def _opens_sentence(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3):offset].rstrip(" \"\u201c\u2018'(")
    return not before or before[-1] in ".!?:\n"


def _gender(name_tokens: list[Token], role: str) -> str | None:
    for word in role.lower().split():
        if word in _HONORIFIC_GENDER:
            return _HONORIFIC_GENDER[word]
    if len(name_tokens) >= 2:
        gender = first_name_gender().get(fold(name_tokens[0].text))
        if gender in ("male", "female"):
            return gender
    return None


def _possessive_length(word: str) -> int:
    match = _POSSESSIVE.search(word)
    return len(match.group()) if match else 0


def _text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start:tokens[-1].end]


def _cluster(text: str, raw: list[Mention]) -> EntityTable:
    """Group mentions into entities: a person's surname joins the fullest name that ends with it."""
    table = EntityTable(text=text)
    by_key: dict[str, Entity] = {}
    people: dict[str, list[tuple[list[str], str]]] = {}  # surname -> (folded words, key), fullest first
    _settle_unknowns(raw)
    for mention in sorted(raw, key=lambda m: -len(m.text.split())):
        words = fold(mention.text).split()
        if mention.kind in ("person", "unknown"):
            same_surname = people.setdefault(words[-1], [])
            key = next((k for w, k in same_surname if _same_person(words, w)), None)
            if key is None and len(words) == 1 and words[0] in first_name_gender():
                key = _by_first_name(words[0], people)  # "says Michael" after "Michael Greenspan"
            if key is None and mention.kind == "unknown":
                continue
            if key is None:
                key = f"person:{_slug(mention.text)}"
                same_surname.append((words, key))
            mention.kind = "person"
        else:
            key = _org_key(mention, by_key)
        mention.key = key
        entity = by_key.get(key)
        if entity is None:
            entity = Entity(id=key, name=mention.text, kind=mention.kind)
            by_key[key] = entity
        _absorb(entity, mention)
        table.mentions.append(mention)
    for entity in by_key.values():
        entity.mentions.sort()
    table.entities = sorted(by_key.values(), key=lambda e: e.mentions[0][0])
    table.finish()
    return table


def _org_key(mention: Mention, known: dict[str, Entity]) -> str:
    """"Savanna Digital" is "Savanna Digital Ltd" when the article names both."""
    key = f"{mention.kind}:{_slug(mention.text)}"
    if mention.kind == "organization" and key not in known:
        longer = next((k for k, e in known.items() if e.kind == "organization" and e.name.startswith(mention.text + " ")), None)
        if longer is not None:
            return longer
    return key


def _by_first_name(first: str, people: dict[str, list[tuple[list[str], str]]]) -> str | None:
    keys = {k for known in people.values() for w, k in known if len(w) > 1 and w[0] == first}
    return keys.pop() if len(keys) == 1 else None


def _settle_unknowns(raw: list[Mention]) -> None:
    """Names seen once as a person make their other mentions people too.

    "Sevaun Palvetzian" (an unknown first name) is a person because "Palvetzian said" is; "Green"
    is Damon Green, not a place, in an article that names him.
    """
    org_names = [m.text for m in raw if m.kind == "organization"]
    for mention in raw:
        if mention.kind in ("person", "unknown") and any(o.startswith(mention.text + " ") for o in org_names):
            mention.kind = "organization"
    surnames = {fold(m.text).split()[-1] for m in raw if m.kind == "person"}
    full_surnames = {fold(m.text).split()[-1] for m in raw if m.kind == "person" and " " in m.text}
    for mention in raw:
        words = fold(mention.text).split()
        if mention.kind == "unknown" and len(words) > 1 and words[-1] in surnames:
            mention.kind = "person"
        elif mention.kind in ("place", "organization") and len(words) == 1 and words[0] in full_surnames:
            mention.kind = "person"
    # A lone word that said something ("Apple said", "says Michael") is a person only when the
    # article gives a full name ending with it, or a title ("Mr Blair").
    for mention in raw:
        words = fold(mention.text).split()
        if mention.kind == "person" and len(words) == 1 and not mention.role and words[0] not in full_surnames:
            mention.kind = "unknown"
        if mention.kind == "unknown" and len(words) > 1:
            mention.kind = "dropped"  # type: ignore[assignment]
    raw[:] = [m for m in raw if m.kind != "dropped"]


def _same_person(words: list[str], known: list[str]) -> bool:
    """"Macron" and "Emmanuel Macron" are one person; "Emmanuel" alone is not matched."""
    if words == known:
        return True
    return len(words) < len(known) and words == known[-len(words):]


def _absorb(entity: Entity, mention: Mention) -> None:
    entity.mentions.append((mention.start, mention.end))
    if mention.text not in entity.aliases:
        entity.aliases.append(mention.text)
    if mention.role and mention.role not in entity.roles:
        entity.roles.append(mention.role)
    if entity.gender is None and mention.gender in ("male", "female"):
        entity.gender = mention.gender  # type: ignore[assignment]


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", fold(name)).strip("-")
