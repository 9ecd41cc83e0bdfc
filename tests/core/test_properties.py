"""Properties that hold for any input (hypothesis): the loader, the parser, export and the filter
language never raise, and what they give back is consistent.

Derandomized, so the suite is the same on every run; `make fuzz` is the random exploration
(1,000,000 inputs). Examples are kept few enough that this file runs in a few seconds.
"""

from __future__ import annotations

import codecs
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.corpus import LoadReport, load_corpus, parse_query, parse_text
from tui.corpus.decode import decode_bytes
from tui.corpus.export import article_record
from tui.corpus.load import _json_sources
from tui.corpus.models import offset_problems
from tui.corpus.query import And, DateRange, Has, Match, Not, Or, Phrase, Query, QueryError, QuoteCount, Word
from tui.safe_text import one_line, visible

FAST = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# News-shaped text: names, reporting verbs, every kind of quotation mark, datelines, and what
# scrapes bring (controls, escapes, markup, right-to-left, combining marks, emoji, CJK).
PIECES = [
    '"',
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "'",
    "\u00ab",
    "\u00bb",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "said",
    "told",
    "added",
    "he said",
    "according to",
    "Emmanuel Macron",
    "Macron",
    "Anna Lind",
    "Mr",
    "President",
    "the Kremlin",
    "Reuters",
    "(MENAFN)",
    "LONDON (Reuters) -",
    ",",
    ".",
    ":",
    "2026-02-04 08:06:21",
    "Tuesday, 02 January 2024 12:17 GMT",
    "1970-01-01 00:00:00 -2400",
    "\x00",
    "\x1b]0;PWNED\x07",
    "\x1b[31m",
    "\x9b",
    "[/]",
    "[@click=app.quit]",
    "\\",
    "\u202e",
    "e\u0301",
    "\u0645\u0631\u062d\u0628\u0627",
    "\U0001f389",
    "\u6771\u4eac",
    "\ufeff",
    "\u2028",
]
news = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=80).map("".join)
texts = st.one_of(news, st.text(max_size=300))
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]
encoded = st.builds(lambda t, e: t.encode(e, errors="replace"), news, st.sampled_from(ENCODINGS))
blobs = st.one_of(
    st.binary(max_size=400),
    encoded,
    st.builds(lambda a, b: a + b, st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b""]), encoded),
)
SUFFIXES = st.sampled_from([".txt", ".jsonl", ".json", ".md"])
query_pieces = st.sampled_from(
    [
        "speaker:",
        "s:",
        "date:",
        "after:",
        "before:",
        "quotes:",
        "has:",
        "title:",
        "nope:",
        ":",
        '"',
        "(",
        ")",
        "-",
        "|",
        "OR",
        " ",
        "macron",
        ">=",
        "2026-02",
        "2026-01-01..2026-02-15",
        "..",
        "\x00",
        "\u202e",
        "9999999999",
    ]
)
queries = st.one_of(
    st.text(max_size=60), st.lists(st.one_of(query_pieces, st.text(max_size=4)), max_size=20).map("".join)
)


@FAST
@given(texts)
def test_any_text_parses_with_every_offset_inside_it_and_no_overlapping_quotes(text: str) -> None:
    article = parse_text(text, article_id="a", path="a.txt")
    assert article.text == text
    assert offset_problems(article) == []


@FAST
@given(texts.filter(lambda t: t.strip()))
def test_export_then_reopen_gives_the_same_article(text: str) -> None:
    article = parse_text(text, article_id="a", path="a.txt")
    report = LoadReport()
    line = json.dumps(article_record(article), ensure_ascii=False)
    assert list(_json_sources(Path("out.jsonl"), line, report)) == [article]
    assert report.problems == []


@FAST
@given(blobs, SUFFIXES)
def test_any_bytes_give_an_article_or_a_load_report_entry(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        corpus = load_corpus(path)
        assert path.read_bytes() == data  # never written to
    assert corpus.articles or corpus.report.problems
    for article in corpus.articles:
        assert offset_problems(article) == []


@FAST
@given(blobs)
def test_decoding_gives_text_or_a_reason(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text is None) == bool(decoded.problem)
    if decoded.text is not None:
        assert "\r" not in decoded.text


@FAST
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["title", "text", "body", "date", "source", "url", "id", "quotes"]),
            st.one_of(news, st.integers(), st.none(), st.lists(st.integers(), max_size=3)),
        ),
        max_size=4,
    )
)
def test_any_json_rows_give_articles_or_report_entries(rows: list[dict]) -> None:
    report = LoadReport()
    text = "\n".join(json.dumps(row) for row in rows)
    sources = list(_json_sources(Path("rows.jsonl"), text, report))
    assert len(sources) + len(report.problems) == sum(1 for line in text.split("\n") if line.strip())


@FAST
@given(queries)
def test_any_query_gives_a_query_or_an_error_with_a_position(text: str) -> None:
    result = parse_query(text)
    assert isinstance(result, (Query, QueryError))
    if isinstance(result, QueryError):
        assert 0 <= result.position <= len(text) and result.message
        assert result.message != "could not read this filter"  # the catch-all: a bug got there


WORDS = st.sampled_from(["ann", "lee", "acme", "or", "19", "bank"])
leaves = st.one_of(
    st.builds(Word, WORDS),
    st.builds(Phrase, st.lists(WORDS, min_size=2, max_size=3).map(tuple)),
    st.builds(
        Match,
        st.sampled_from(["speaker", "person", "org", "title", "quote"]),
        st.lists(WORDS, min_size=1, max_size=2).map(tuple),
    ),
    st.builds(Has, st.sampled_from(["quotes", "date"])),
    st.builds(QuoteCount, st.sampled_from([">", ">=", "="]), st.integers(0, 9)),
    st.builds(DateRange, st.dates(), st.none()),
)
trees = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.builds(Not, inner),  # Not of a Not: `-(-x)`
        st.builds(And, st.lists(inner, min_size=2, max_size=3).map(tuple)),
        st.builds(Or, st.lists(inner, min_size=2, max_size=3).map(tuple)),
    ),
    max_leaves=8,
)


@FAST
@given(trees)
def test_any_query_tree_prints_as_text_that_parses_back_to_it(tree) -> None:
    text = str(Query(tree))
    again = parse_query(text)
    assert isinstance(again, Query), (text, again)
    assert str(again) == text


@FAST
@given(queries)
def test_a_parsed_query_prints_as_text_that_parses_back_to_it(text: str) -> None:
    query = parse_query(text)
    if isinstance(query, Query):
        assert parse_query(str(query)) == query


@FAST
@given(texts)
def test_shown_text_holds_no_control_character(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert not any(ord(c) < 0x20 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert "\n" not in one_line(text) and "\t" not in one_line(text)
