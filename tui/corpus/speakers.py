"""Attribution: the reporting verb near a quote, the speaker phrase beside it, and who that is.

"Macron said" resolves through the entity table to Emmanuel Macron; "he added" to the latest
speaker (else the nearest person) of a fitting gender; "the spokesman" to the person whose role
holds that word; "the ministry" to the organisation whose name does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .entities import EntityTable
from .lexicon import fold, reporting_verbs, title_words
from .models import Entity, Span

# Abbreviations keep their full stops ("Rep.", "U.S.") so that they do not end a sentence.
_WORD = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Insp|Supt|Det|Const|Cst)\.(?=\s)"
    r"|(?:[^\W_]\.){2,}|[A-Z]\.(?= [A-Z])|[A-Z]-[A-Z][a-z]{1,4}\.|[^\W_]+(?:['\u2019.\-][^\W_]+)*|-{2,}|[,;:!?()\u2014\u2013\u2015]|\."
)
_PRONOUNS = {"he": "male", "she": "female", "him": "male", "her": "female"}
_SELF = frozenset({"i", "we", "they", "it"})
_ADVERBS = frozenset({"was", "is", "were", "also", "later", "then", "again", "further", "previously", "recently", "earlier", "once",
                      "has", "had", "have", "would", "will", "could", "may", "might", "had", "reportedly",
                      "repeatedly", "often", "publicly", "privately", "simply", "just", "even", "still"})
_STOPS = frozenset({"to", "in", "on", "at", "during", "after", "before", "while", "when", "as", "from", "for",
                    "with", "that", "of", "about", "last", "this", "on", "in", "earlier", "yesterday", "today",
                    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "and", "but",
                    "who", "which", "adding", "noting"})
_OBJECT_VERBS = frozenset({"tell", "inform", "warn", "assure", "remind", "urge", "ask", "promise"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"})
_MAX_SUBJECT_WORDS = 9
# Words that open a clause before its subject: "When Clinton said", "But Peskov said".
_OPENERS = frozenset("when but and then so yet also still meanwhile however later earlier now today yesterday "
                     "as while after before since if because though although".split())
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
                        "recently earlier later previously again also".split())
_PRONOUN_REACH = 1500  # characters back to the speaker "he said" may mean
_NOMINAL_REACH = 5000  # characters back to look for the person "the spokesman" refers to
_MAX_AFTER_WORDS = 12


@dataclass(frozen=True)
class Attribution:
    cue_span: Span
    speaker_span: Span | None
    speaker_text: str
    clause_start: int | None = None  # where reported content begins after the cue ("... that |Putin")
    carried_over: bool = False

    def carried(self) -> Attribution:
        """The same speaker for a quote that continues this one in a later paragraph."""
        return replace(self, carried_over=True)


class Word:
    """A word or punctuation mark of a sentence, with its lower case worked out once."""

    __slots__ = ("start", "end", "text", "lower")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text, self.lower = start, end, text, text.lower()


def words(text: str, start: int, end: int) -> list[Word]:
    return [Word(*m.span(), m.group()) for m in _WORD.finditer(text, start, end)]


@cache
def _cue_forms() -> frozenset[str]:
    return frozenset(reporting_verbs()) | {"according"}


_LOWER_WORDS = re.compile(r"[a-z]+")


def _any_cue(text: str, start: int, end: int) -> bool:
    """A cheap look for any reporting verb before a sentence is cut into words: a set test on
    its lowercase words costs less than one pattern of two hundred alternatives."""
    return not _cue_forms().isdisjoint(_LOWER_WORDS.findall(text[start:end].lower()))


def _is_cue(items: list[Word], k: int) -> bool:
    """A finite reporting verb: not "to say", not "saying", not the noun in "a state news agency"."""
    word = items[k].lower
    if word not in reporting_verbs() or word.endswith("ing"):
        return False
    if k > 0 and items[k - 1].lower in _DETERMINERS:
        return False
    if word in _NOUN_FORMS:  # "Sinclair states." and "he remarks:" but not "a state news agency"
        if k == 0:
            return False
        before = items[k - 1]
        return before.lower in _PRONOUNS or before.lower in _SELF or \
            (k + 1 == len(items) or items[k + 1].text in _PUNCTUATION) and before.text[:1].isupper()
    return not (k > 0 and items[k - 1].lower == "to")


# Forms that are nouns at least as often as verbs ("state media", "the report"): only their
# past tense ("stated", "reported") counts as a cue.
_NOUN_FORMS = frozenset("state states report reports claim claims answer answers comment comments post posts "
                        "tweet tweets note notes point points charge charges demand demands promise promises "
                        "estimate estimates reply replies remark remarks counter counters vow vows stress "
                        "joke jokes quip quips shout shouts continue continues caution cautions begin quote quotes".split())


def _first_sentence(items: list[Word]) -> list[Word]:
    for k, word in enumerate(items):
        if word.text in (".", "!", "?", ";"):
            return items[:k]
    return items


def _last_sentence(items: list[Word]) -> list[Word]:
    for k in range(len(items) - 1, -1, -1):
        if items[k].text in (".", "!", "?", ";"):
            return items[k + 1:]
    return items


def find_attribution_after(text: str, start: int, end: int, table: EntityTable) -> Attribution | None:
    """`"...," Macron said` or `"...," said Macron`, in the sentence after a closing mark."""
    items = _first_sentence(words(text, start, end))
    while items and items[0].text in (",", "\u2014", "\u2013"):
        items = items[1:]
    named = _name_then_appositive(text, items, table)
    if named is not None:
        return named
    for k, word in enumerate(items[:_MAX_AFTER_WORDS]):
        if word.lower == "according" and k + 1 < len(items) and items[k + 1].lower == "to":
            return _speaker_after(text, items, k + 1, table)
        if not _is_cue(items, k):
            continue
        if k == 0:
            return _speaker_after(text, items, 0, table)
        subject = _subject_before(text, items[:k], table)
        if subject is not None:
            return Attribution((word.start, word.end), subject[0], subject[1])
        return _speaker_after(text, items, k, table)
    return None


_LEAD_IN_PARTICIPLES = frozenset({"saying", "asking", "adding", "tweeting", "writing", "chanting", "telling",
                                  "noting", "declaring", "replying", "responding", "explaining", "shouting"})


def _participle_lead_in(text: str, items: list[Word], table: EntityTable) -> Attribution | None:
    """`He then defended the remark, saying, "...`: the speaker is the sentence's subject."""
    if len(items) < 3 or items[-1].text not in (",", ":"):
        return None
    named = _name_then_participle(text, items, table)
    if named is not None:
        return named
    if items[-2].lower not in _LEAD_IN_PARTICIPLES:
        return None
    first = items[0] if items[0].lower not in _OPENERS else items[1]
    if first.lower in _PRONOUNS:
        span = (first.start, first.end)
    else:
        people = [m for m in table.overlapping(first.start, items[-2].start) if m.kind in ("person", "organization")]
        if not people or people[0].start > first.end + 40:
            return None
        span = (people[0].start, people[0].end)
    cue = items[-2]
    return Attribution((cue.start, cue.end), span, text[span[0]:span[1]])


def _name_then_participle(text: str, items: list[Word], table: EntityTable) -> Attribution | None:
    """`footage of Trump saying during the debate last week, "...`"""
    for k in range(1, len(items) - 1):
        if items[k].lower in ("saying", "asking", "telling", "writing"):
            people = [m for m in table.overlapping(items[k - 1].start, items[k - 1].end) if m.kind == "person"]
            if people:
                span = (people[0].start, people[0].end)
                return Attribution((items[k].start, items[k].end), span, text[span[0]:span[1]])
    return None


def _name_then_appositive(text: str, items: list[Word], table: EntityTable) -> Attribution | None:
    """`"...," Guenther Schuh, the company's founder and chief engineer, said.`"""
    if not items or not items[0].text[:1].isupper():
        return None
    comma = next((k for k, w in enumerate(items[:6]) if w.text == ","), None)
    if comma is None or comma == 0:
        return None
    span = (items[0].start, items[comma - 1].end)
    if table.entity_at(*span, kind="person") is None:
        return None
    for k in range(comma + 1, min(len(items), comma + 30)):
        if _is_cue(items, k) and items[k - 1].text == ",":
            return Attribution((items[k].start, items[k].end), span, text[span[0]:span[1]])
    return None


def find_attribution_before(text: str, start: int, end: int, table: EntityTable) -> Attribution | None:
    """`Peskov told reporters, "...` or `Peskov described the talks as "...`: the sentence before."""
    items = _last_sentence(words(text, start, end))
    lead_in = _participle_lead_in(text, items, table)
    if lead_in is not None:
        return lead_in
    for k in range(len(items) - 1, -1, -1):
        if items[k].lower == "according" and k + 1 < len(items) and items[k + 1].lower == "to":
            found = _speaker_after(text, items, k + 1, table)
            if found is not None:
                return found
        if not _is_cue(items, k):
            continue
        clause = _clause_start(items, k)
        subject = _subject_before(text, items[:k], table)
        if subject is not None:
            return Attribution((items[k].start, items[k].end), subject[0], subject[1], clause)
        if k == 0 or items[k - 1].text in _PUNCTUATION:  # `..., said the minister: "`, not `explained the numbers`
            after = _speaker_after(text, items, k, table)
            if after is not None:
                return after
    return None


def _clause_start(items: list[Word], k: int) -> int | None:
    """Where reported content starts: after "that" within a few words of the cue, or right after
    a verb that takes a clause ("said Sunday a standoff looks silly")."""
    for word in items[k + 1:k + 10]:
        if word.lower == "that":
            return word.end + 1
        if word.text in (",", ":"):
            return None
    rest = items[k + 1:]
    while rest and rest[0].lower in _TIME_WORDS:
        rest = rest[1:]
    lemma = reporting_verbs().get(items[k].lower)
    if lemma in _CLAUSE_VERBS and lemma not in _OBJECT_VERBS and len(rest) >= 3 \
            and rest[0].lower not in _STOPS and rest[0].text not in _PUNCTUATION:
        return rest[0].start
    return None


def _subject_before(text: str, items: list[Word], table: EntityTable) -> tuple[Span, str] | None:
    """The speaker phrase right before a cue: back to a comma or the sentence start."""
    while items and items[-1].lower in _ADVERBS and items[-1].text.islower():  # not "Ms. May"
        items = items[:-1]
    if items and items[-1].text == ")" and "(" in [w.text for w in items]:
        opening = max(k for k, w in enumerate(items) if w.text == "(")
        items = items[:opening]  # "Rep. John Mica (R-Fla.) said"
    if items and items[-1].text == ",":  # "the spokeswoman, Lena Ortiz, said"
        items = items[:-1]
    if len(items) >= 3 and items[-1].lower == "and" and items[-2].text.islower() and items[-2].text.isalpha():
        items = items[:-2]  # "I laughed and said": the subject of the first verb
    phrase: list[Word] = []
    for word in reversed(items):
        if word.text in _PUNCTUATION or word.lower in ("that", "and", "but"):
            break
        phrase.insert(0, word)
    while len(phrase) > 1 and phrase[0].lower in _OPENERS:
        phrase = phrase[1:]  # "When Clinton said", "But Peskov said"
    if phrase and phrase[0].lower in ("who", "whose", "which"):  # "a citizen, whose name is redacted, wrote"
        before = items[:len(items) - len(phrase)]
        if before and before[-1].text == ",":
            return _subject_before(text, before[:-1], table)
    if not phrase or len(phrase) > _MAX_SUBJECT_WORDS:
        return None
    span = (phrase[0].start, phrase[-1].end)
    if any(w.lower in title_words() for w in phrase) or phrase[0].lower in _DETERMINERS:
        # "Jane Roe, chief executive of Acme, said"; "Buckley, the school's graduate, said"
        named = _name_before_appositive(text, items[:len(items) - len(phrase)], table)
        if named is not None:
            return named
    if _speaker_like(text, span, phrase, table):
        return span, text[span[0]:span[1]]
    return _name_before_appositive(text, items[:len(items) - len(phrase)], table)


def _name_before_appositive(text: str, items: list[Word], table: EntityTable) -> tuple[Span, str] | None:
    """`Richard Shelby, the chairman of the committee, said`: the person before the appositive."""
    if not items or items[-1].text != ",":
        return None
    phrase: list[Word] = []
    for word in reversed(items[:-1]):
        if word.text in _PUNCTUATION or len(phrase) == _MAX_SUBJECT_WORDS:
            break
        phrase.insert(0, word)
    if not phrase:
        return None
    people = [m for m in table.overlapping(phrase[0].start, phrase[-1].end) if m.kind == "person"]
    if not people or people[-1].end != phrase[-1].end:
        return None
    return (people[-1].start, people[-1].end), text[people[-1].start:people[-1].end]


def _speaker_after(text: str, items: list[Word], k: int, table: EntityTable) -> Attribution | None:
    """`said Mathieu Garnier, the city's mayor` -> "Mathieu Garnier"; `said oil and gas worker
    Mike Wipf` -> "Mike Wipf" (a person named before the next punctuation mark)."""
    named = _person_before_punctuation(items, k, table)
    if named is not None:
        cue = items[k] if items[k].lower != "to" else items[k - 1]
        return Attribution((cue.start, items[k].end), named, text[named[0]:named[1]])
    phrase: list[Word] = []
    for word in items[k + 1:k + 1 + _MAX_SUBJECT_WORDS]:
        if word.text in (",", ":", ".", "(", ")", "\u2014", "\u2013") or (phrase and word.lower in _STOPS):
            break
        if not phrase and word.lower in _STOPS - _DETERMINERS:
            return None
        phrase.append(word)
    if not phrase:
        return None
    span = (phrase[0].start, phrase[-1].end)
    if not _speaker_like(text, span, phrase, table):
        return None
    cue = items[k] if items[k].lower != "to" else items[k - 1]
    cue_span = (cue.start, items[k].end)
    return Attribution(cue_span, span, text[span[0]:span[1]])


def _person_before_punctuation(items: list[Word], k: int, table: EntityTable) -> Span | None:
    stop = k + 1
    while stop < len(items) and stop <= k + _MAX_SUBJECT_WORDS and items[stop].text not in _PUNCTUATION:
        stop += 1
    if stop == k + 1:
        return None
    people = [m for m in table.overlapping(items[k + 1].start, items[stop - 1].end) if m.kind == "person"]
    if len(people) != 1:
        return None
    return people[0].start, people[0].end


_PUNCTUATION = frozenset({",", ":", ".", ";", "(", ")", "!", "?", "\u2014", "\u2013", "\u2015", "--", "---"})


def _speaker_like(text: str, span: Span, phrase: list[Word], table: EntityTable) -> bool:
    """A name we know, a pronoun, or a role noun ("the spokesman", "a ministry official")."""
    if len(phrase) == 1 and phrase[0].lower in _PRONOUNS.keys() | _SELF:
        return True
    if table.entity_at(*span, kind="person") or table.entity_at(*span, kind="organization"):
        return True
    head = phrase[-1].lower
    if head.endswith(("'s", "\u2019s")):
        return False
    if phrase[0].lower in _DETERMINERS and (head in title_words() or head in _COLLECTIVE):
        return True
    if len(phrase) == 2 and phrase[0].text[:1].isupper() and head in _COLLECTIVE:
        return True  # "Surrey staff"
    if phrase[0].lower in _DETERMINERS | {"one", "another"} and len(phrase) <= 6 and head.isalpha() \
            and not any(w.lower in _DETERMINERS for w in phrase[1:]):
        return True  # "the father", "a citizen", "one veteran of the projects": someone unnamed
    if len(phrase) == 1 and _HYPHEN_NAME.match(phrase[0].text):
        return True  # "al-Shabaab"
    return all(w.text[:1].isupper() for w in phrase) and len(phrase) <= 4


_HYPHEN_NAME = re.compile(r"^[a-z]{1,3}-[A-Z]")


_DOCUMENTS = frozenset({"statement", "letter", "post", "tweet", "email", "e-mail", "message", "note", "memo",
                        "book", "column", "essay", "report", "decision", "ruling", "affidavit", "blog"})
_QUANTIFIERS = frozenset({"some", "many", "several", "other", "most", "two", "three", "few"})
_COLLECTIVE = frozenset({"staff", "engineers", "workers", "employees", "members", "residents", "critics", "users", "observers", "witnesses", "students", "parents",
                         "doctors", "scientists", "economists", "investors", "traders", "activists",
                         "protesters", "voters", "analysts", "officials", "authorities", "organizers",
                         "organisers", "lawyers", "investigators", "rescuers", "locals", "families",
                         "ministry", "government", "company", "agency", "police", "department", "council",
                         "statement", "report", "court", "office", "group", "organization", "organisation",
                         "firm", "bank", "party", "campaign", "committee", "commission", "union", "authority",
                         "kremlin", "army", "military", "embassy", "prosecutors", "officials", "researchers",
                         "experts", "spokesperson", "source", "sources", "study", "survey", "document"})


def resolve_speaker(text: str, attribution: Attribution, table: EntityTable,
                    speakers: list[tuple[int, str]]) -> Entity | None:
    """The entity an attribution's speaker phrase names, if any."""
    if attribution.speaker_span is None:
        return None
    start, end = attribution.speaker_span
    phrase = text[start:end]
    lowered = phrase.lower()
    if lowered in _PRONOUNS:
        return _resolve_pronoun(_PRONOUNS[lowered], start, table, speakers)
    if lowered in _SELF:
        return None
    words_ = lowered.split()
    if len(words_) == 2 and words_[0] in ("his", "her") and words_[1] in _DOCUMENTS:
        # "her statement read": the statement speaks for the woman it belongs to
        return _resolve_pronoun("male" if words_[0] == "his" else "female", start, table, speakers)
    people = [m for m in table.overlapping(start, end) if m.kind == "person"]
    if people:
        return table.by_key(people[-1].key)
    org = table.entity_at(start, end, kind="organization")
    if org is not None:
        return org
    return _resolve_nominal(phrase, start, table)


def _resolve_pronoun(gender: str, offset: int, table: EntityTable,
                     speakers: list[tuple[int, str]]) -> Entity | None:
    """The latest earlier speaker of that gender, unless a person of that gender has since become
    a sentence's subject; else the nearest person of that gender."""
    speaker, spoke_at = None, -1
    for position, key in reversed(speakers):
        if offset - position >= _PRONOUN_REACH:
            break
        entity = table.by_key(key)
        if position < offset and entity is not None and entity.kind == "person" and entity.gender in (gender, None):
            speaker, spoke_at = entity, position
            break
    for mention, entity in table.people_before(offset, within=_PRONOUN_REACH):
        if mention.start <= spoke_at:
            break
        if entity.gender in (gender, None) and not table.in_quote(mention.start) \
                and _is_subject(table.text, mention.start, mention.end):
            return entity
    if speaker is not None:
        return speaker
    for mention, entity in table.people_before(offset):
        if entity.gender in (gender, None):
            return entity
    return None


def _is_subject(text: str, start: int, end: int | None = None) -> bool:
    """A name that opens its sentence, perhaps after its role ("Union leader Jonas Weber said"),
    or one that a verb follows and no preposition precedes ("On Nov. 27, McCallum expressed")."""
    lead = text[max(0, start - 60):start]
    cut = max(lead.rfind(". "), lead.rfind("\n"), lead.rfind("? "), lead.rfind("! "))
    words = lead[cut + 1:].split() if cut >= 0 or start < 60 else []
    if (cut >= 0 or start < 60) and len(words) <= 4 and all(w[:1].isupper() or w.lower() in title_words()
                                                            for w in words):
        return True
    if end is None:
        return False
    lead_words = lead.split()
    while lead_words and (lead_words[-1][:1].isupper() or lead_words[-1].lower() in title_words()):
        lead_words.pop()  # past the role: "tell Toronto Mayor John Tory" looks back to "tell"
    before = lead_words[-1].lower() if lead_words else ""
    if before in reporting_verbs() or before.endswith("ed"):
        return False  # the name is the verb's object
    after = _NEXT_WORD.match(text, end)
    return before not in _NOT_BEFORE_SUBJECT and after is not None and after.group(1) not in _NOT_AFTER_SUBJECT


_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_NOT_BEFORE_SUBJECT = frozenset("with to of by for from and or about against on at in into between like than as "
                                "under over after before toward towards the a an his her their its".split())
_NOT_AFTER_SUBJECT = frozenset("and or of in on at to for with from by as than who whose which about after "
                               "over into".split())


def _resolve_nominal(phrase: str, offset: int, table: EntityTable) -> Entity | None:
    head = fold(phrase.split()[-1]) if phrase.split() else ""
    if not head or phrase.split()[0].lower() not in _DETERMINERS:
        return None
    best: Entity | None = None
    for mention in table.mentions_before(offset, within=_NOMINAL_REACH):
        entity = table.by_key(mention.key)
        if entity is None:
            continue
        if entity.kind == "person" and any(head in fold(role).split() for role in entity.roles):
            best = entity
        elif entity.kind == "organization" and (head in fold(entity.name).split() or head in _COLLECTIVE_ORG):
            best = entity
    return best


# "the company said" means the organisation last named, whatever its name.
_COLLECTIVE_ORG = frozenset({"company", "firm", "agency", "organization", "organisation", "group", "ministry",
                             "department", "government", "bank", "union", "party", "council", "carrier",
                             "retailer", "airline", "automaker", "manufacturer", "regulator", "watchdog"})


def reported_clause(text: str, start: int, end: int, table: EntityTable) -> tuple[Span, Attribution] | None:
    """Reported speech in one sentence: `X said (that) CLAUSE`, `CLAUSE, X said`, or
    `X protested the bills, saying CLAUSE`."""
    participle = _PARTICIPLE.search(text, start, end)
    if not _any_cue(text, start, end) and participle is None:
        return None
    items = words(text, start, end)
    if items and items[-1].text in (".", "!", "?"):
        items = items[:-1]
    if len(items) < 5:
        return None
    found = _according_to_first(text, items, table) or _clause_after_cue(text, items, table) \
        or _clause_before_cue(text, items, table)
    if found is None and participle is not None:
        found = _clause_after_participle(text, items, participle, table)
    return found


def _according_to_first(text: str, items: list[Word], table: EntityTable) -> tuple[Span, Attribution] | None:
    """`According to Haley, the threats were new.`"""
    if len(items) < 6 or items[0].lower != "according" or items[1].lower != "to":
        return None
    comma = next((k for k, w in enumerate(items[2:12], 2) if w.text == ","), None)
    if comma is None or comma == 2 or len(items) - comma < 4:
        return None
    span = (items[2].start, items[comma - 1].end)
    clause = (items[comma + 1].start, items[-1].end)
    return clause, Attribution((items[0].start, items[1].end), span, text[span[0]:span[1]], clause[0])


_PARTICIPLE = re.compile(r", (saying|adding|noting|arguing|explaining|insisting|warning|claiming)\b(?: that)?")


def _clause_after_participle(text: str, items: list[Word], participle: re.Match[str],
                             table: EntityTable) -> tuple[Span, Attribution] | None:
    """The speaker of `, saying ...` is the sentence's subject: a name or pronoun opening it."""
    rest = [w for w in items if w.start >= participle.end()]
    if len(rest) < 4:
        return None
    subject = next((w for w in items[:3] if w.start < participle.start()), None)
    if subject is None:
        return None
    if subject.lower in _PRONOUNS:
        span = (subject.start, subject.end)
    else:
        people = [m for m in table.overlapping(items[0].start, items[min(4, len(items) - 1)].end)
                  if m.kind in ("person", "organization") and m.start < participle.start()]
        if not people:
            return None
        span = (people[0].start, people[0].end)
    cue = participle.span(1)
    clause = (rest[0].start, items[-1].end)
    return clause, Attribution(cue, span, text[span[0]:span[1]], clause[0])


def _clause_after_cue(text: str, items: list[Word], table: EntityTable) -> tuple[Span, Attribution] | None:
    for k in range(1, len(items)):
        if not _is_cue(items, k):
            continue
        subject = _subject_before(text, items[:k], table)
        if subject is None or not _resolvable(text, subject[0], table):
            continue
        rest = items[k + 1:]
        while rest and rest[0].lower in _TIME_WORDS:
            rest = rest[1:]
        lemma = reporting_verbs()[items[k].lower]
        if rest and rest[0].lower != "that" and lemma in _OBJECT_VERBS:
            rest = _after_object(rest)
        elif rest and rest[0].lower in _SETTING_PREPOSITIONS:
            rest = _after_setting(rest)  # "said by text message the weather had been fine"
        that = 0 if rest and rest[0].lower == "that" else None
        if that is not None:
            rest = rest[1:]
        elif rest and (rest[0].lower in _STOPS or rest[0].text in (",", ":")):
            continue
        if len(rest) < 4 or lemma not in _CLAUSE_VERBS or that is None and lemma in _THAT_VERBS:
            continue
        clause = (rest[0].start, items[-1].end)
        return clause, Attribution((items[k].start, items[k].end), subject[0], subject[1], clause[0])
    return None


_SETTING_PREPOSITIONS = frozenset({"in", "by", "on", "via", "during", "at"})
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "this", "these", "those", "there", "it", "he", "she", "they",
                             "we", "i", "his", "her", "their", "its", "our", "some", "many", "most", "no"})


def _after_object(rest: list[Word]) -> list[Word]:
    """Past the person told: "told reporters", "told Global News", "told the committee"."""
    if rest and rest[0].lower in _DETERMINERS:
        return rest[2:]
    k = 0
    while k < len(rest) and k < 4 and rest[k].text[:1].isupper() and rest[k].lower not in _CLAUSE_OPENERS:
        k += 1
    return rest[max(k, 1):]


def _after_setting(rest: list[Word]) -> list[Word]:
    """Past "in a statement", "by text message", "on Twitter", up to where the clause opens."""
    for k in range(1, min(len(rest), 7)):
        if rest[k].lower == "that":
            return rest[k:]
        if rest[k].lower in _CLAUSE_OPENERS or rest[k].text[:1].isupper() and rest[k - 1].text[:1].islower() \
                and k > 1:
            return rest[k:]
    return []


def _clause_before_cue(text: str, items: list[Word], table: EntityTable) -> tuple[Span, Attribution] | None:
    """`CLAUSE, officials said.` and `CLAUSE, officials said, as rescuers dug.`"""
    for k, word in enumerate(items):
        if word.text != "," or k < 4:
            continue
        after = items[k + 1:k + 10]
        stop = next((n for n, w in enumerate(after) if w.text in (",", ".", ";")), len(after))
        if stop == len(after) and k + 10 < len(items):
            continue  # the attribution must end at a comma or the sentence's end
        attribution = find_attribution_after(text, word.start, after[stop - 1].end if stop else word.end, table)
        if attribution is not None and _resolvable(text, attribution.speaker_span, table):
            return (items[0].start, items[k - 1].end), attribution
    return None


def _resolvable(text: str, span: Span | None, table: EntityTable) -> bool:
    """A speaker we can name, a pronoun, or a body ("the military"); an unnamed role ("the French
    leader") is not enough for reported speech."""
    if span is None:
        return False
    original = text[span[0]:span[1]].split()
    phrase = text[span[0]:span[1]].lower()
    words = phrase.split()
    if len(words) == 2 and words[0] in _DETERMINERS | _QUANTIFIERS and \
            (words[-1] in _COLLECTIVE or words[-1] in title_words()):
        return True  # "the ministry", "his father", "some residents"
    if len(words) == 2 and words[1] in _COLLECTIVE:
        return True  # "Surrey staff", "Apple engineers"
    if len(words) == 1 and words[0] in _COLLECTIVE and words[0].endswith("s"):
        return True  # "sources said", "officials say"
    if 1 <= len(original) <= 3 and all(w[:1].isupper() for w in original) and words[0] not in _SELF \
            and table.entity_at(*span) is None:
        return True  # a name the entity rules left open: "Apple said", "Officials said"
    speaker = table.entity_at(*span, kind="person") or table.entity_at(*span, kind="organization")
    return phrase in _PRONOUNS or speaker is not None or \
        _resolve_nominal(text[span[0]:span[1]], span[0], table) is not None


# Verbs whose object is as often a thing as speech ("announced a plan", "denied the charge"):
# reported speech only with "that".
_THAT_VERBS = frozenset({"agree", "promise", "announce", "estimate", "deny", "confirm", "reveal", "predict",
                         "report", "believe", "think", "indicate", "recall", "describe"})
_CLAUSE_VERBS = frozenset({"say", "tell", "add", "note", "warn", "insist", "explain", "claim", "state", "argue",
                           "suggest", "acknowledge", "admit", "announce", "confirm", "declare", "emphasize",
                           "inform", "reveal", "stress", "predict", "promise", "maintain", "contend", "concede",
                           "allege", "assert", "report", "write", "believe", "think", "agree", "estimate",
                           "indicate", "deny", "reiterate", "caution", "complain", "recall", "vow", "testify"})
