"""The filter language: every operator and field on a small hand-made corpus, errors, fuzzing."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest

from tui.corpus.index import CorpusIndex, index_entry
from tui.corpus.models import Article, Entity, Quote
from tui.corpus.query import MAX_DEPTH, Everything, Query, QueryError, parse_query

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    built = CorpusIndex()
    for position, article in enumerate(ARTICLES):
        built.add_entry(position, index_entry(article))
    return built


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


# -- normalised form --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("Macron  PUTIN", "macron putin"),
        ("(a b) or c", "a b OR c"),
        ("a (b | c)", "a (b OR c)"),
        ("-(a b)", "-(a b)"),
        ("-(a | b) c", "-(a OR b) c"),
        ("s:Peskov", "speaker:peskov"),
        ('p:"Emmanuel   Macron"', 'person:"emmanuel macron"'),
        ("o:EU l:paris e:x g:y", "org:eu place:paris entity:x group:y"),
        ("date:2026-02", "date:2026-02-01..2026-02-28"),
        ("date:2026-02-04", "date:2026-02-04"),
        ("after:2026-01-01", "date:2026-01-01.."),
        ("before:2026-03-01", "date:..2026-02-28"),
        ("quotes:=3 quotes:>=2", "quotes:3 quotes:>=2"),
        ("has:Quotes", "has:quotes"),
        ('"or"', '"or"'),
        ("covid-19", '"covid 19"'),
        ("((a))", "a"),
        ("a OR (b OR c)", "a OR b OR c"),
        ("a (b c)", "a b c"),
        ("-(-a)", "-(-a)"),
        ("-(-(-a b))", "-(-(-a b))"),
    ],
)
def test_str_is_normalised_and_parses_back(text: str, normal: str) -> None:
    query = parse_query(text)
    assert isinstance(query, Query)
    assert str(query) == normal
    assert parse_query(str(query)) == query


# -- each distinct term once -------------------------------------------------------------------


class CountingIndex(CorpusIndex):
    """Counts the word lookups a query makes."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups = 0

    def word(self, word: str) -> set[int]:
        self.lookups += 1
        return super().word(word)


@pytest.fixture(scope="module")
def counting() -> CountingIndex:
    built = CountingIndex()
    for position, article in enumerate(ARTICLES):
        built.add_entry(position, index_entry(article))
    return built


@pytest.mark.parametrize(
    ("text", "same_as", "lookups"),
    [
        ("macron " * 1500, "macron", 1),
        ("macron OR " * 1000 + "macron", "macron", 1),
        ("(macron putin) " * 500 + "macron", "macron putin", 2),
        ("-macron " * 800 + "putin", "putin -macron", 2),
        ("(-(macron OR putin) macron) " * 300, "-(macron OR putin) macron", 2),
    ],
    ids=["and", "or", "groups", "exclusions", "nested"],
)
def test_a_repeated_term_is_looked_up_once(counting: CountingIndex, text: str, same_as: str, lookups: int) -> None:
    query, single = parse_query(text), parse_query(same_as)
    assert isinstance(query, Query) and isinstance(single, Query)
    expected = single.evaluate(counting)
    counting.lookups = 0
    assert query.evaluate(counting) == expected
    assert counting.lookups == lookups


class DateCountingIndex(CorpusIndex):
    """Counts the date lookups a query makes, and how many articles they hand back."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups: list[int] = []

    def dates_between(self, first: date | None, last: date | None) -> set[int]:
        found = super().dates_between(first, last)
        self.lookups.append(len(found))
        return found


def test_the_date_ranges_of_one_and_are_looked_up_as_one_range() -> None:
    built = DateCountingIndex()
    for position, article in enumerate(ARTICLES):
        built.add_entry(position, index_entry(article))
    query = parse_query("after:2026-02-04 before:2026-02-05")
    assert isinstance(query, Query)
    assert {ARTICLES[position].id for position in query.evaluate(built)} == {"kremlin"}
    assert built.lookups == [1]  # one range, of the one article in it; not all after and all before


def test_a_shared_term_is_not_changed_by_the_terms_around_it(index: CorpusIndex) -> None:
    # `macron` is found once and used by both sides of the OR: the AND must not shrink it.
    assert ids(index, "(macron putin) OR macron") == ids(index, "macron")
    assert ids(index, "(macron -putin) OR (macron putin)") == ids(index, "macron")


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ("foo:bar", 0, "unknown field 'foo'"),
        ("macron foo:bar", 7, "unknown field 'foo'"),
        ("spekaer:peskov", 0, "speaker"),  # a close match is suggested
        ("(macron", 0, "missing ')'"),
        ("a (b (c)", 2, "missing ')'"),
        ("macron)", 6, "unmatched ')'"),
        (")", 0, "unmatched ')'"),
        ('"political will', 0, "missing closing"),
        ('macron "political', 7, "missing closing"),
        ('speaker:"dmitry', 8, "missing closing"),
        ("macron -", 7, "nothing to exclude"),
        ("- macron", 0, "nothing to exclude"),
        ("--macron", 0, "nothing to exclude"),
        ("-(.)", 0, "nothing to exclude"),
        ("a -)", 2, "nothing to exclude"),
        ("OR macron", 0, "nothing before 'OR'"),
        ("| macron", 0, "nothing before '|'"),
        ("(or a)", 1, "nothing before 'or'"),
        ("macron OR", 7, "nothing after 'OR'"),
        ("(macron |)", 8, "nothing after '|'"),
        ("macron OR OR putin", 10, "unexpected 'OR'"),
        ("macron | | putin", 9, "unexpected '|'"),
        ("OR", 0, "nothing before"),
        ("()", 0, "empty group"),
        ("a ( ) b", 2, "empty group"),
        ("date:2026-13", 5, "bad date '2026-13'"),
        ("date:2026-02-30", 5, "bad date"),
        ("date:0000", 5, "bad date"),
        ("date:26-01-01", 5, "bad date"),
        ("after:yesterday", 6, "bad date 'yesterday'"),
        ("before:", 7, "missing value"),
        ("date:2026-01..2026-13", 14, "bad date '2026-13'"),
        ("date:2026-03..2026-01", 5, "ends before"),
        ("date:..", 5, "empty date range"),
        ("date:>", 6, "bad date"),
        ("quotes:many", 7, "bad count 'many'"),
        ("quotes:>", 7, "bad count"),
        ("quotes:-1", 7, "bad count"),
        ("has:cats", 4, "has:cats"),
        ("speaker:", 8, "missing value"),
        ("speaker: peskov", 8, "missing value"),
        ('s:""', 3, "missing value"),
        ("s:...", 2, "no words"),
        (":", 0, "field name"),
        (":peskov", 0, "field name"),
        ('a) "b', 1, "unmatched ')'"),  # the leftmost error wins
        ('foo:x "b', 0, "unknown field"),
        ("(" * 10_000, MAX_DEPTH, "nested"),
        ("-(" * 5_000, 2 * MAX_DEPTH + 1, "nested"),
        ("(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1), MAX_DEPTH, "nested"),
    ],
)
def test_errors_say_where(text: str, position: int, words: str) -> None:
    error = parse_query(text)
    assert isinstance(error, QueryError), text
    assert error.position == position, (text, error)
    assert words in error.message, (text, error)
    assert str(error) == error.message and len(error.message) < 80


def test_nesting_up_to_the_cap_is_fine(index: CorpusIndex) -> None:
    depth = MAX_DEPTH
    check(index, "(" * depth + "macron" + ")" * depth, {"kremlin", "elysee"})


def test_errors_are_frozen_values() -> None:
    error = parse_query("foo:bar")
    assert error == QueryError(0, error.message)  # type: ignore[union-attr]
    with pytest.raises(AttributeError):
        error.position = 3  # type: ignore[misc, union-attr]


# -- fuzzing ----------------------------------------------------------------------------------

PIECES = list('()"-:|. aORsp') + [
    " OR ", " or ", "|", "speaker:", "s:", "p:", "date:", "after:", "before:", "quotes:", "has:",
    "quotes", "foo:", "2026", "-02", "..", ">", ">=", "<", "=", "macron", "peskov", "é", "ß", "\t",
    "title:", "quote:", "cue:", "source:", "e:", "'", "\\", "\x00", "🙂",
]  # fmt: skip


def junk(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24)))


def test_junk_never_raises(index: CorpusIndex) -> None:
    rng = random.Random(20260204)
    outcomes = {Query: 0, QueryError: 0}
    for _ in range(2000):
        text = junk(rng)
        result = parse_query(text)
        assert isinstance(result, (Query, QueryError)), text
        outcomes[type(result)] += 1
        if isinstance(result, QueryError):
            assert 0 <= result.position <= len(text), (text, result)
            assert result.message != "could not read this filter", text  # the catch-all hides a bug
            continue
        result.evaluate(index)
        assert parse_query(str(result)) == result, (text, str(result))
    assert outcomes[Query] > 100 and outcomes[QueryError] > 100  # the fuzz reached both sides


def test_never_raises_on_odd_inputs() -> None:
    for text in ["(" * 100_000, ")" * 1000, '"' * 1001, "-" * 1000, "OR " * 1000, "a:" * 500,
                 "x " * 20_000, "((a) " * 2000, "\udcff", "date:9999-12-31..", "date:>9999-12-31",
                 "date:<0001-01-01", "before:0001"]:  # fmt: skip
        assert isinstance(parse_query(text), (Query, QueryError))


# -- no UI in here ----------------------------------------------------------------------------


def test_index_and_query_import_no_ui() -> None:
    code = (
        "import sys, tui.corpus.index, tui.corpus.query\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    core = ROOT / "tui" / "corpus"
    for path in [*(core / "index").glob("*.py"), *(core / "query").glob("*.py"), core / "fields.py"]:
        source = path.read_text(encoding="utf-8")
        assert "import textual" not in source and "from textual" not in source
        assert "import rich" not in source and "from rich" not in source
