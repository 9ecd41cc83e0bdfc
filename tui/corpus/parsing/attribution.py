"""Attribution next to a quote: the reporting verb (cue) in the sentence after a closing mark, and
the speaker phrase beside it. The sentence before an opening mark is read in `lead_in`."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import Span
from .context import ArticleContext
from .lexicon import reporting_verbs
from .lexicon.rule_words import (
    CLAUSE_OPENERS,
    CLAUSE_VERBS,
    DETERMINERS,
    DOCUMENTS,
    OBJECT_PREPOSITIONS,
    OBJECT_VERBS,
    OPENERS,
    OPENING_PREPOSITIONS,
    SELF,
    SPEECH_EVENTS,
    SPEECH_NOUNS,
    STOPS,
    TIME_WORDS,
)
from .speaker_phrase import (
    MAX_SUBJECT_WORDS,
    UNNAMED,
    described,
    person_before_punctuation,
    plural_role,
    speaker_like,
    subject_before,
    up_to_clause,
    words_before,
)
from .words import PUNCTUATION, Word, cue_end, cue_heads, is_cue, words_until

_LEAD_IN_COMMA_WORDS = 6  # words from a lead-in's start to look for its comma
_APPOSITIVE_CUE_WORDS = 30  # words from the comma after a name to the reporting verb its appositive ends at
_MAX_AFTER_WORDS = 12  # words after a closing mark searched for the reporting verb


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


def words_from(text: str, start: int, end: int) -> list[Word]:
    """The words of the sentence that goes on at `start`, without its final mark, and no further
    than `end`: the rest of a long paragraph is never read."""
    found = words_until(text, start, end, SENTENCE_ENDS)
    return found[:-1] if found and found[-1].text in SENTENCE_ENDS else found


SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def find_attribution_after(ctx: ArticleContext, start: int, end: int, opens: bool = False) -> Attribution | None:
    """`"...," Macron said` or `"...," said Macron`, in the sentence after a closing mark, on its line:
    a sentence on the next line tells what the next line's subject did, unless it signs the quote
    after a dash. `opens`: the quotation opens its sentence, which may go on after the mark."""
    text = ctx.text
    line_end = text.find("\n", start, end)
    if line_end >= 0 and not text[line_end:end].lstrip().startswith(DASHES):
        end = line_end
    items = words_from(text, start, end)
    found = attribution_after(ctx, items, groups=True, opens=opens)
    if (
        found is not None
        and opens
        and text[start - 2 : start - 1] in (".", "!", "?")
        and _reports_its_own(items, found)
    ):
        return None  # `"We won." Ann Lee said the firm would cut prices.`: a new sentence with its own report
    return found


def _reports_its_own(items: list[Word], found: Attribution) -> bool:
    """The sentence of an attribution goes on after its verb (and a speaker after it) with a clause
    of its own: "said the firm would cut prices", "added that ...": it reports that, not the quotation
    before it."""
    after = max(found.cue_span[1], found.speaker_span[1] if found.speaker_span else 0)
    cue = next((w for w in items if w.start == found.cue_span[0]), None)
    tail = [w for w in items if w.start >= after]
    if cue is None or len(tail) < _OWN_CLAUSE_WORDS:
        return False
    lemma = reporting_verbs().get(cue.lower)
    return (
        lemma in CLAUSE_VERBS
        and lemma not in OBJECT_VERBS
        and (tail[0].lower == "that" or tail[0].lower in CLAUSE_OPENERS)
    )


_OWN_CLAUSE_WORDS = 3  # words after a verb that make a reported clause: "said the firm would ..."


def attribution_after(
    ctx: ArticleContext, items: list[Word], groups: bool = False, opens: bool = False
) -> Attribution | None:
    """`find_attribution_after` on words already read: those of the sentence after a closing mark,
    up to its final mark."""
    byline = _dash_byline(ctx, items)
    if byline is not None:
        return byline
    first = 0
    while first < len(items) and items[first].text in (",", "\u2014", "\u2013"):
        first += 1
    items = items[first:] if first else items
    named = _name_then_appositive(ctx, items) or (_after_continuation(ctx, items) if opens else None)
    if named is not None:
        return named
    heads = cue_heads()
    for k, word in enumerate(items[:_MAX_AFTER_WORDS]):
        if word.lower == "according" and k + 1 < len(items) and items[k + 1].lower == "to":
            return speaker_after(ctx, items, k + 1)
        if word.lower not in heads or not is_cue(items, k):  # the set test first spares most words a call
            continue
        last = cue_end(items, k)
        if k == 0:
            return speaker_after(ctx, items, last, cue_at=0)
        subject = subject_before(ctx, words_before(items, k))
        if subject is not None:
            return Attribution((word.start, items[last].end), subject[0], subject[1])
        if (
            k <= MAX_SUBJECT_WORDS
            and all(w.text not in PUNCTUATION for w in items[:k])
            and (items[0].text[:1].isupper() or items[0].lower in DETERMINERS or groups and plural_role(items[:k]))
            and items[0].lower not in OPENERS
        ):
            # `"...," Ann Lee's former strategist said in an interview with a radio host`: the
            # subject speaks, even one we cannot name; the person after the verb is the listener
            phrase = up_to_clause(items[:k])
            span = (phrase[0].start, phrase[-1].end)
            return Attribution((word.start, items[last].end), span, ctx.text[span[0] : span[1]])
        return speaker_after(ctx, items, last, cue_at=k)
    return None


DASHES = ("\u2014", "\u2013", "\u2015")


_CONTINUATION_WORDS = 20  # words of a quoted sentence that goes on after its closing mark, to its comma
# The words a quoted sentence goes on with after its closing mark ("... for the board, said Ann Lee"):
# never the subject of a reporting verb.
_CONTINUING = (STOPS | OPENING_PREPOSITIONS) - {"and", "but", "adding", "noting"}


def _after_continuation(ctx: ArticleContext, items: list[Word]) -> Attribution | None:
    """`"It is a hard sell" to the board, said Ann Lee.`, `"It will not work" unless the plan
    passes, Ann Lee wrote.`: a quoted sentence going on after its closing mark reports nothing
    itself, however many names it holds; the attribution follows its comma, with the speaker after
    an inverted verb or before the verb."""
    if not items or items[0].text not in _CONTINUING:  # in lower case: a new sentence opens with a capital
        return None
    heads = cue_heads()
    comma = next((k for k, w in enumerate(items[:_CONTINUATION_WORDS]) if w.text in PUNCTUATION), None)
    if (
        comma is None
        or items[comma].text != ","
        or any(w.lower in heads and is_cue(items, k) for k, w in enumerate(items[:comma]))
    ):
        return None
    rest = items[comma + 1 :]
    if rest and rest[0].lower in OPENERS:
        return None  # "..., and she said the talks went well": a clause of its own, with its own report
    for k, word in enumerate(rest[: MAX_SUBJECT_WORDS + 1]):
        if word.text in PUNCTUATION:
            return None
        if word.lower not in heads or not is_cue(rest, k):
            continue
        if k == 0:
            return speaker_after(ctx, rest, cue_end(rest, 0), cue_at=0)
        subject = subject_before(ctx, rest[:k])
        if subject is None:
            return None
        return Attribution((word.start, rest[cue_end(rest, k)].end), subject[0], subject[1])
    return None


def _dash_byline(ctx: ArticleContext, items: list[Word]) -> Attribution | None:
    """`"...." ― Maria Lopez`: a person named after a dash and nothing else but a descriptor
    after a comma (`— Jane Doe, 34, Texas`); the dash stands for the reporting verb."""
    if len(items) < 2 or items[0].text not in DASHES:
        return None
    comma = next((k for k, w in enumerate(items) if w.text == ","), len(items))
    if comma < 2:
        return None
    span = (items[1].start, items[comma - 1].end)
    if ctx.table.entity_at(*span, kind="person") is None:
        return None
    return Attribution((items[0].start, items[0].end), span, ctx.text[span[0] : span[1]])


def _name_then_appositive(ctx: ArticleContext, items: list[Word]) -> Attribution | None:
    """`"...," Ann Lee, the company's founder and chief engineer, said.`"""
    if not items or not items[0].text[:1].isupper():
        return None
    comma = next((k for k, w in enumerate(items[:_LEAD_IN_COMMA_WORDS]) if w.text == ","), None)
    if comma is None or comma == 0:
        return None
    span = (items[0].start, items[comma - 1].end)
    if ctx.table.entity_at(*span, kind="person") is None and not _bare_name(items[:comma]):
        return None
    for k in range(comma + 1, min(len(items), comma + _APPOSITIVE_CUE_WORDS)):
        if is_cue(items, k) and items[k - 1].text == ",":
            return Attribution((items[k].start, items[k].end), span, ctx.text[span[0] : span[1]])
    return None


_BARE_NAME_WORDS = 4  # capitalised words right after a closing mark taken for a name no list knows


def _bare_name(phrase: list[Word]) -> bool:
    """Capitalised words and nothing else right after a closing mark, before an appositive that a
    reporting verb ends: `"...," Ann Pope, a deputy adviser, said` names its speaker even where the
    entity search did not know the name."""
    return (
        0 < len(phrase) <= _BARE_NAME_WORDS
        and all(w.text[:1].isupper() and w.text not in PUNCTUATION and not _OWNER.search(w.text) for w in phrase)
        and phrase[0].lower not in OPENERS
        and phrase[0].lower not in SELF
        and not (len(phrase) > 1 and phrase[-1].text.isupper() and not set(phrase[-1].text) <= _ROMAN)
    )  # "Acme CEO, Ann Lee, said": a role, then the name; "Bo Chan II" is a name


_ROMAN = frozenset("IVX")


_OWNER = re.compile("['\u2019]s?$")


def _part_of(phrase: list[Word], following: list[Word]) -> bool:
    """`said one of the players`, `said a member of the public`: "of" after someone unnamed goes
    on describing them; so does a place with "the" (`said a woman in the audience`), where "in an
    interview", "in the statement" or "on Monday" tell where or when they spoke."""
    word = following[0]
    if phrase[0].lower not in UNNAMED:
        return False
    if word.lower == "of":
        return True
    return (
        word.lower in _PLACE_JOINS
        and len(following) > 2
        and following[1].lower == "the"
        and following[2].text.islower()
        and following[2].lower not in _SPEECH_SETTINGS
    )


_PLACE_JOINS = frozenset({"in", "at", "from"})
_PLACE_PHRASE_WORDS = 3  # "in the audience": the words read to tell a place one belongs to
# Where or when speech happens, not where a speaker belongs: "said a guard in the interview".
_SPEECH_SETTINGS = DOCUMENTS | SPEECH_NOUNS | TIME_WORDS | SPEECH_EVENTS


def speaker_after(ctx: ArticleContext, items: list[Word], k: int, cue_at: int | None = None) -> Attribution | None:
    """`said Mathieu Garnier, the city's mayor` -> "Mathieu Garnier"; `said dock
    worker Ann Lee` -> "Ann Lee" (a person named before the next punctuation mark); not `agreed
    with Novak's plan`, where the person named is the object. items[k] is the cue's last word, and
    `cue_at` its first when it has two ("fired back"; "according to" is found without it)."""
    first = cue_at if cue_at is not None else k - 1 if items[k].lower == "to" else k
    if k + 1 < len(items) and items[k + 1].lower in OBJECT_PREPOSITIONS:
        return None
    named = person_before_punctuation(ctx, items, k)
    if named is not None:
        return Attribution((items[first].start, items[k].end), named, ctx.text[named[0] : named[1]])
    phrase: list[Word] = []
    for j in range(k + 1, min(len(items), k + 1 + MAX_SUBJECT_WORDS)):
        word = items[j]
        if word.text in (",", ":", ".", "(", ")", "\u2014", "\u2013") or (
            phrase and word.lower in STOPS and not _part_of(phrase, items[j : j + _PLACE_PHRASE_WORDS])
        ):
            break
        if not phrase and word.lower in STOPS - DETERMINERS:
            return None
        phrase.append(word)
    of = next((j for j, w in enumerate(phrase) if w.lower == "of"), len(phrase))
    if of < len(phrase) and not described(phrase):
        phrase = phrase[:of]  # "the authors of the" before a quoted title: the description stops at "of"
    if not phrase:
        return None
    span = (phrase[0].start, phrase[-1].end)
    if not speaker_like(ctx, span, phrase) and not _capitalised_to_mark(items, k + 1, phrase):
        return None
    return Attribution((items[first].start, items[k].end), span, ctx.text[span[0] : span[1]])


def _capitalised_to_mark(items: list[Word], begin: int, phrase: list[Word]) -> bool:
    """`said Acme Union Secretary-Treasurer Bo Chan.`: capitalised words from the verb to a mark or
    the sentence's end are a name with its titles, however many they are."""
    after = begin + len(phrase)
    lowercase = [w for w in phrase if not w.text[:1].isupper()]
    return (
        phrase[0].text[:1].isupper()
        and phrase[-1].text[:1].isupper()
        and (not lowercase or len(lowercase) == 1 and lowercase[0].text.replace("-", "").isalpha())
        and (after == len(items) or items[after].text in PUNCTUATION)
    )  # one lowercase role may sit among them: "said Acme co-host Bo Chan"


_SIGNATURE_MARKS = (*DASHES, "-")


def find_signature_below(ctx: ArticleContext, quoted: Span, paragraph: Span, below: Span) -> Attribution | None:
    """A quotation that is its whole paragraph, signed on the next line after a dash: `- Ann Lee.`,
    `-Mayor Bo Chan, writing on Monday.`: the name up to a comma speaks."""
    text, (start, end) = ctx.text, quoted
    if text[end : paragraph[1]].strip() or not text.startswith(_SIGNATURE_MARKS, below[0]):
        return None
    if text[paragraph[0] : start].strip():
        return None  # the quotation is part of a sentence of its paragraph: no signature is its
    dash = below[0]
    while dash < below[1] and text[dash] in "-\u2014\u2013\u2015":
        dash += 1
    items = words_from(text, dash, below[1])
    comma = next((k for k, w in enumerate(items) if w.text in PUNCTUATION), len(items))
    if comma == 0:
        return None
    span = (items[0].start, items[comma - 1].end)
    if ctx.table.entity_at(*span, kind="person") is None and not _bare_name(items[:comma]):
        return None
    return Attribution((below[0], dash), span, text[span[0] : span[1]])
