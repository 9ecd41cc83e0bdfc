"""The filter language on a small hand-made corpus: words, phrases, operators, fields and dates.

The corpus and `indexed` live here; tests/core/test_query_form.py (the normalised form, each
term looked up once) and tests/core/test_query_errors.py (errors, junk input) use them."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

import numpy as np
import pytest

from tui.corpus.index import CorpusIndex, index_entry
from tui.corpus.models import Article, Entity, Quote
from tui.corpus.query import Everything, Query, parse_query


def quote(text: str, said: str, speaker: str | None, speaker_id: str | None, cue: str | None,
          kind: str = "direct") -> Quote:  # fmt: skip
    start = text.index(said)
    return Quote(start=start, end=start + len(said), text=said, kind=kind, speaker=speaker,
                 speaker_id=speaker_id, cue=cue)  # fmt: skip


def entity(text: str, kind: str, name: str, *aliases: str, roles: tuple[str, ...] = ()) -> Entity:
    shortest = min((name, *aliases), key=len)
    mentions, at = [], text.find(shortest)
    while at >= 0:
        mentions.append((at, at + len(shortest)))
        at = text.find(shortest, at + 1)
    slug = "-".join(name.lower().split())
    return Entity(id=f"{kind}:{slug}", name=name, kind=kind, aliases=list(aliases),
                  roles=list(roles), mentions=mentions)  # fmt: skip


KREMLIN = (
    "Moscow acknowledged that discussions with Paris are taking place, after French President "
    "Emmanuel Macron spoke of talks with Russian President Vladimir Putin.\n\n"
    '"There are certain contacts at the working level," Kremlin spokesman Dmitry Peskov told '
    'reporters.\n\n"This is being prepared," Macron told reporters.\n\n'
    'Peskov informed an agency that Putin remains open, upon "mutual political will."'
)
ELYSEE = (
    'Emmanuel Macron welcomed Ana Mendes to the Élysée Palace on Thursday. "We will build a '
    'common path," Macron said. Mendes warned that "political will is not enough."'
)
OSLO = (
    'Kristina Holm said in Oslo: "We must spend more." "Threats are growing," Holm added. '
    '"Allies agree," she said. "No one is safe," Holm warned. Putin was not named.'
)
WEATHER = "Rain over Paris. Officials lacked the political willpower to act."
SUMMIT = "Leaders met in Brussels.\nThe talks needed political\nwill and money. Peskov's name came up."
AP = 'The Hauptstraße in Zürich was closed. "The road is closed," the city said.'


def build_articles() -> list[Article]:
    peskov, macron = "person:dmitry-peskov", "person:emmanuel-macron"
    return [
        Article(
            id="kremlin", path="kremlin.txt", title="Russia Confirms Confidential Discussions with France",
            text=KREMLIN, source="MENAFN",
            published=datetime(2026, 2, 4, 8, 6, 21), dateline=datetime(2024, 1, 2, 12, 17),
            quotes=[
                quote(KREMLIN, "There are certain contacts at the working level,", "Dmitry Peskov", peskov, "told"),
                quote(KREMLIN, "This is being prepared,", "Macron", macron, "told"),
                quote(KREMLIN, "mutual political will.", "Peskov", peskov, "informed", "partial"),
            ],
            entities=[
                entity(KREMLIN, "person", "Dmitry Peskov", "Peskov", roles=("Kremlin spokesman",)),
                entity(KREMLIN, "person", "Emmanuel Macron", "Macron", roles=("French President",)),
                entity(KREMLIN, "person", "Vladimir Putin", "Putin", roles=("Russian President",)),
                entity(KREMLIN, "place", "Moscow"),
                entity(KREMLIN, "place", "Paris"),
                entity(KREMLIN, "organization", "Kremlin"),
            ],
        ),
        Article(
            id="elysee", path="elysee.txt", title="Macron hosts Mendes at the Élysée", text=ELYSEE,
            source="Reuters", dateline=datetime(2026, 1, 15, 10, 0),
            quotes=[
                quote(ELYSEE, "We will build a common path,", "Macron", macron, "said"),
                quote(ELYSEE, "political will is not enough.", "Ana Mendes", "person:ana-mendes", "warned"),
            ],
            entities=[
                entity(ELYSEE, "person", "Emmanuel Macron", "Macron"),
                entity(ELYSEE, "person", "Ana Mendes", "Mendes", roles=("Portuguese minister",)),
                entity(ELYSEE, "place", "Élysée Palace", "Élysée"),
            ],
        ),
        Article(
            id="oslo", path="oslo.txt", title="NATO official warns on spending", text=OSLO, source="AFP",
            published=datetime(2025, 12, 31, 23, 30),
            quotes=[
                quote(OSLO, said, "Kristina Holm", "person:kristina-holm", cue)
                for said, cue in [("We must spend more.", "said"), ("Threats are growing,", "added"),
                                  ("Allies agree,", "said"), ("No one is safe,", "warned")]
            ],  # fmt: skip
            entities=[
                entity(OSLO, "person", "Kristina Holm", "Holm"),
                entity(OSLO, "place", "Oslo"),
            ],
        ),
        Article(id="weather", path="weather.txt", title="Weather report", text=WEATHER),
        Article(
            id="summit", path="summit.txt", title="Summit in Brussels", text=SUMMIT,
            source="Reuters Television", published=datetime(2026, 3, 1, 9, 0),
            entities=[entity(SUMMIT, "place", "Brussels")],
        ),
        Article(
            id="ap", path="ap.txt", title="Straße closed", text=AP, source="Associated Press",
            published=datetime(2026, 2, 28, 23, 59),
            quotes=[quote(AP, "The road is closed,", None, None, "said")],
            entities=[entity(AP, "place", "Zürich")],
        ),
    ]  # fmt: skip


ARTICLES = build_articles()
ALL = {article.id for article in ARTICLES}


AnyIndex = TypeVar("AnyIndex", bound=CorpusIndex)


def indexed(built: AnyIndex) -> AnyIndex:
    """`built` with every article of the corpus added, at its position in ARTICLES."""
    for position, article in enumerate(ARTICLES):
        built.add_entry(position, index_entry(article))
    return built


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    return indexed(CorpusIndex())


def ids(index: CorpusIndex, text: str) -> set[str]:
    query = parse_query(text)
    assert isinstance(query, Query), query
    found = query.evaluate(index)
    assert sorted(found) == np.flatnonzero(query.mask(index)).tolist(), text  # the list's evaluation agrees
    return {ARTICLES[position].id for position in found}


def check(index: CorpusIndex, text: str, expected: set[str]) -> None:
    assert ids(index, text) == expected, text


# -- words, phrases, operators ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\t\n", ".", '""', "( . )", ". OR macron"])
def test_empty_query_matches_everything(index: CorpusIndex, text: str) -> None:
    query = parse_query(text)
    assert isinstance(query, Query) and isinstance(query.root, Everything) and str(query) == ""
    assert ids(index, text) == ALL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("macron", {"kremlin", "elysee"}),
        ("MACRON", {"kremlin", "elysee"}),
        ("putin", {"kremlin", "oslo"}),
        ("macron putin", {"kremlin"}),
        ("confirms", {"kremlin"}),  # title words count
        ("macron nobody", set()),
        ("nobody", set()),
        ("elysee", {"elysee"}),  # accents folded both ways
        ("ÉLYSÉE", {"elysee"}),
        ("zurich", {"ap"}),
        ("strasse", {"ap"}),  # casefold: ß -> ss
        ("hauptstrasse", {"ap"}),
        ("peskov's", {"summit"}),  # punctuation inside a word makes a phrase
    ],
)
def test_bare_words_must_all_appear(index: CorpusIndex, text: str, expected: set[str]) -> None:
    check(index, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"political will"', {"kremlin", "elysee", "summit"}),  # across a line break too
        ('"POLITICAL   Will"', {"kremlin", "elysee", "summit"}),
        ('"will political"', set()),
        ('"political willpower"', {"weather"}),
        ('"lacked the political"', {"weather"}),
        ('"élysée palace"', {"elysee"}),
        ('"elysee palace"', {"elysee"}),
        ('"russian president vladimir putin"', {"kremlin"}),
        ('"macron" "putin"', {"kremlin"}),
    ],
)
def test_phrases(index: CorpusIndex, text: str, expected: set[str]) -> None:
    check(index, text, expected)


def test_phrase_needs_whole_words(index: CorpusIndex) -> None:
    check(index, '"political wil"', set())
    check(index, '"olitical will"', set())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("macron -putin", {"elysee"}),
        ("-putin macron", {"elysee"}),
        ("-macron", ALL - {"kremlin", "elysee"}),
        ("-macron -putin", {"weather", "summit", "ap"}),
        ('-"political will"', {"oslo", "weather", "ap"}),
        ("-s:peskov macron", {"elysee"}),
        ("-(macron OR holm)", {"weather", "summit", "ap"}),
        ("-(macron putin)", ALL - {"kremlin"}),
        ("putin OR -macron", ALL - {"elysee"}),
    ],
)
def test_exclusions(index: CorpusIndex, text: str, expected: set[str]) -> None:
    check(index, text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mendes OR holm", {"elysee", "oslo"}),
        ("mendes or holm", {"elysee", "oslo"}),
        ("mendes Or holm", {"elysee", "oslo"}),
        ("mendes | holm", {"elysee", "oslo"}),
        ("mendes|holm", {"elysee", "oslo"}),
        ("mendes OR holm OR brussels", {"elysee", "oslo", "summit"}),
        ("macron putin OR holm", {"kremlin", "oslo"}),
        ("(macron putin) OR holm", {"kremlin", "oslo"}),
        ("macron (putin OR holm)", {"kremlin"}),
        ("holm OR macron putin", {"kremlin", "oslo"}),
        ("((macron))", {"kremlin", "elysee"}),
        ("(mendes | holm) -oslo", {"elysee"}),
    ],
)
def test_or_and_grouping(index: CorpusIndex, text: str, expected: set[str]) -> None:
    check(index, text, expected)


def test_and_binds_tighter_than_or() -> None:
    assert parse_query("a b OR c") == parse_query("(a b) OR c")
    assert parse_query("a b OR c") != parse_query("a (b OR c)")
    assert parse_query("a OR b c") == parse_query("a OR (b c)")
    assert parse_query("a | b") == parse_query("a or b")


# -- fields -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("speaker:peskov", {"kremlin"}),
        ("s:Peskov", {"kremlin"}),
        ("s:dmitry", {"kremlin"}),
        ('speaker:"dmitry peskov"', {"kremlin"}),
        ('speaker:"DMITRY  PESKOV"', {"kremlin"}),
        ('speaker:"peskov dmitry"', set()),  # words side by side, in order
        ("s:pesk", set()),  # whole words only
        ("s:macron", {"kremlin", "elysee"}),
        ("s:emmanuel", {"kremlin", "elysee"}),  # via the entity of speaker_id
        ("s:holm OR p:mendes", {"oslo", "elysee"}),
        ("s:putin", set()),  # named, never quoted
        ("person:putin", {"kremlin"}),
        ("p:vladimir", {"kremlin"}),
        ("p:moscow", set()),
        ("place:moscow", {"kremlin"}),
        ("l:paris", {"kremlin"}),  # an entity only in kremlin; weather just says it
        ("l:elysee", {"elysee"}),
        ("l:zurich", {"ap"}),
        ("org:kremlin", {"kremlin"}),
        ("o:kremlin", {"kremlin"}),
        ("o:moscow", set()),
        ("entity:brussels", {"summit"}),
        ("e:holm", {"oslo"}),
        ("e:macron", {"kremlin", "elysee"}),
        ("group:europeans", set()),
        ("source:reuters", {"elysee", "summit"}),
        ("source:REUTERS", {"elysee", "summit"}),
        ('source:"reuters television"', {"summit"}),
        ('source:"associated press"', {"ap"}),
        ("source:press", {"ap"}),
        ("source:menafn", {"kremlin"}),
        ("source:bbc", set()),
        ("title:france", {"kremlin"}),
        ("title:macron", {"elysee"}),
        ('title:"weather report"', {"weather"}),
        ('title:"report weather"', set()),
        ("title:strasse", {"ap"}),
        ("title:paris", set()),
        ("quote:will", {"kremlin", "elysee"}),
        ("quote:enough", {"elysee"}),
        ("quote:putin", set()),
        ('quote:"political will"', {"kremlin", "elysee"}),
        ('quote:"working level"', {"kremlin"}),
        ('quote:"level this"', set()),  # two quotes, not one
        ("cue:warned", {"elysee", "oslo"}),
        ("cue:informed", {"kremlin"}),
        ("cue:said", {"elysee", "oslo", "ap"}),
        ("cue:told", {"kremlin"}),
        ("has:quotes", {"kremlin", "elysee", "oslo", "ap"}),
        ("has:QUOTES", {"kremlin", "elysee", "oslo", "ap"}),
        ("-has:quotes", {"weather", "summit"}),
        ("has:entities", ALL - {"weather"}),
        ("has:date", ALL - {"weather"}),
        ("has:source", ALL - {"weather"}),
        ("quotes:>3", {"oslo"}),
        ("quotes:4", {"oslo"}),
        ("quotes:=3", {"kremlin"}),
        ("quotes:>=2", {"kremlin", "elysee", "oslo"}),
        ("quotes:<1", {"weather", "summit"}),
        ("quotes:<=1", {"weather", "summit", "ap"}),
        ("quotes:>10", set()),
        ("Speaker:peskov", {"kremlin"}),  # field names in any case
    ],
)
def test_fields(index: CorpusIndex, text: str, expected: set[str]) -> None:
    check(index, text, expected)


# -- dates: kremlin 2026-02-04, elysee 2026-01-15 (dateline), oslo 2025-12-31,
#           ap 2026-02-28, summit 2026-03-01, weather undated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date:2026-02", {"kremlin", "ap"}),
        ("date:2026", {"kremlin", "elysee", "ap", "summit"}),
        ("date:2025", {"oslo"}),
        ("date:2026-02-04", {"kremlin"}),
        ("date:2026/02/04", {"kremlin"}),
        ("date:2024-01-02", set()),  # the dateline is not the date when there is a published one
        ("date:2026-01-15", {"elysee"}),  # the dateline is, when there is none
        ("date:2026-01-15..2026-02-04", {"elysee", "kremlin"}),  # both ends inclusive
        ("date:2026-01-16..2026-02-03", set()),
        ("date:2026-01..2026-02", {"elysee", "kremlin", "ap"}),
        ("date:..2026-01-15", {"oslo", "elysee"}),
        ("date:2026-02-28..", {"ap", "summit"}),
        ("date:>2026-02", {"summit"}),
        ("date:>=2026-02-28", {"ap", "summit"}),
        ("date:<2026", {"oslo"}),
        ("date:<=2026-01", {"oslo", "elysee"}),
        ("after:2026-01-01", {"elysee", "kremlin", "ap", "summit"}),
        ("after:2026-02-04", {"kremlin", "ap", "summit"}),  # after includes its day
        ("since:2026-02-04", {"kremlin", "ap", "summit"}),  # since is after's other spelling
        ("before:2026-03-01", {"oslo", "elysee", "kremlin", "ap"}),  # before excludes it
        ("before:2026", {"oslo"}),
        ("after:2026-02-04 before:2026-02-05", {"kremlin"}),
        ("after:2026-01 before:2026-02", {"elysee"}),
        ("before:2026-03-01 after:2026-01-01 before:2026-02-05", {"elysee", "kremlin"}),
        ("after:2026-03 before:2026-01", set()),  # a range that ends before it starts
        ("date:2026 after:2026-02-04 (oslo OR kremlin)", {"kremlin"}),
        ("-date:2026", {"oslo", "weather"}),  # NOT is everything else, undated included
        ("speaker:peskov after:2026-01-01", {"kremlin"}),
        ("speaker:peskov after:2026-02-05", set()),
        ("date:2026-02 OR date:2025", {"kremlin", "ap", "oslo"}),
    ],
)
def test_dates(index: CorpusIndex, text: str, expected: set[str]) -> None:
    check(index, text, expected)
