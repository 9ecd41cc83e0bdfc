"""The views' numpy tallies (quote_columns.py, people_stats.py, timeline.py) against plain Python
counts of the same quotes, on an invented corpus of many speakers, sources and dates; and the
quote table growing as articles arrive."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import numpy as np
import pytest

from tests.helpers import corpus_of
from tests.quote_corpus import article
from tui.corpus import Corpus, LiveCorpus
from tui.corpus.quote_filter import NARROW_BELOW
from tui.corpus.timeline import timeline

FIRSTS = ["Ann", "Bo", "Cy", "Dee", "Eve", "Finn"]
LASTS = ["Lee", "Park", "Roe", "Moss", "Hale"]
SOURCES = ["Wire", "Daily", "Post", None]
FILTERS = ["", "taxes", "speaker:lee", "source:wire", "-quote:roads", "speaker:park OR speaker:moss", "date:2026-02"]


def invented(count: int, seed: int) -> Corpus:
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        said = [(f"{rng.choice(FIRSTS)} {rng.choice(LASTS)}", rng.choice(["taxes rise", "roads fall", "we agree"]),
                 rng.choice(["female", "male", None])) for _ in range(rng.randrange(0, 4))]  # fmt: skip
        when = (date(2026, 1, 1) + timedelta(days=rng.randrange(120))).isoformat()
        made = article(number, when, rng.choice(SOURCES) or "", said)
        if rng.random() < 0.1:
            made.published = None  # undated
        articles.append(made)
    return corpus_of(articles)


@pytest.fixture(scope="module")
def live() -> LiveCorpus:
    return LiveCorpus(invented(300, 7))


def plain_people(live: LiveCorpus, quotes: list[int]) -> list[tuple]:
    """What the people view showed before the columns: one pass over the quotes in Python."""
    view = live.corpus.quote_view()
    table, sources = view.table, view.store.sources
    said: dict[int, list[int]] = {}
    for quote in quotes:
        who = view.person[quote]
        if who >= 0 and view.people[who].is_person:
            said.setdefault(who, []).append(quote)
    rows = []
    for number, mine in said.items():
        days = [table.day[q] for q in mine if table.day[q] > 0]
        per_source = Counter(sources[table.article[q]] or "(no source)" for q in mine)
        most = max(per_source.values())
        rows.append((view.people[number].name, len(mine), len({table.article[q] for q in mine}),
                     min(days, default=0), max(days, default=0), most, set(per_source) ))  # fmt: skip
    return sorted(rows, key=lambda row: (-row[1], row[0].casefold()))


@pytest.mark.parametrize("text", FILTERS)
def test_people_rows_count_what_a_plain_pass_counts(live: LiveCorpus, text: str) -> None:
    found, people = live.quotes(text), live.people(text)
    assert not isinstance(found, Exception) and not isinstance(people, Exception)
    expected = plain_people(live, sorted(found.quotes.tolist()))
    got = list(people.rows)
    assert [(r.name, r.quotes, r.articles) for r in got] == [row[:3] for row in expected]
    for row, plain in zip(got, expected, strict=True):
        assert (row.first.toordinal() if row.first else 0, row.last.toordinal() if row.last else 0) == plain[3:5]
        assert row.source in plain[6]  # the top source is one with the most quotes of theirs
    assert sum(people.genders.values()) == sum(r.quotes for r in got)


@pytest.mark.parametrize("by", ["date", "speaker", "length"])
def test_each_sort_holds_every_quote_of_the_filter_once(live: LiveCorpus, by: str) -> None:
    everything = live.quotes("", by)
    taxes = live.quotes("taxes", by)
    assert sorted(everything.quotes.tolist()) == list(range(everything.total))  # type: ignore[union-attr]
    picked = set(taxes.quotes.tolist())  # type: ignore[union-attr]
    assert [q for q in everything.quotes.tolist() if q in picked] == taxes.quotes.tolist()  # type: ignore[union-attr]
    rows = [live.quote_row(q) for q in everything.quotes[:50]]  # type: ignore[union-attr]
    if by == "date":
        days = [row.day or date.max for row in rows]
        assert days == sorted(days)
    elif by == "length":
        lengths = [len(row.text) for row in rows]
        assert lengths == sorted(lengths, reverse=True)


def test_shares_split_by_source_and_month_add_up(live: LiveCorpus) -> None:
    people = live.people("")
    for by in ("source", "month"):
        split = live.gender_split("", by)
        assert not isinstance(split, Exception)
        totals = Counter()
        for _, counts in split:
            totals.update(counts)
        assert {k: v for k, v in totals.items() if v} == {k: v for k, v in people.genders.items() if v}, by  # type: ignore[union-attr]
    labels = [label for label, _ in live.gender_split("", "month")]  # type: ignore[misc]
    assert labels == sorted(labels) and "(no date)" in labels


def test_timeline_matches_a_plain_count_of_days() -> None:
    rng = random.Random(3)
    start = date(2025, 12, 20).toordinal()
    for _ in range(200):
        articles = [rng.choice([0, start + rng.randrange(400)]) for _ in range(rng.randrange(30))]
        quotes = [rng.choice([0, start + rng.randrange(400)]) for _ in range(rng.randrange(60))]
        for unit in ("month", "week"):
            found = timeline(np.array(articles), np.array(quotes), unit)
            assert (found.undated_articles, found.undated_quotes) == (articles.count(0), quotes.count(0))
            for days, attribute in ((articles, "articles"), (quotes, "quotes")):
                for bucket in found.buckets:
                    inside = sum(1 for d in days if d and bucket.first.toordinal() <= d <= bucket.last.toordinal())
                    assert getattr(bucket, attribute) == inside
            assert all(a.last + timedelta(1) == b.first for a, b in zip(found.buckets, found.buckets[1:], strict=False))
            if found.buckets and unit == "week":
                assert found.buckets[0].first.weekday() == 0


def test_a_month_timeline_from_month_numbers_is_the_one_from_days() -> None:
    from tui.corpus.timeline import MAX_BUCKETS, month_numbers

    rng = random.Random(5)
    start = date(1990, 3, 15).toordinal()
    for spread in (0, 1, 40, 4_000, 31 * (MAX_BUCKETS + 50)):  # one day, ..., more months than are drawn
        for _ in range(40):
            articles, quotes = ([rng.choice([0, start + rng.randrange(spread + 1)]) for _ in range(rng.randrange(size))]
                                for size in (20, 50))  # fmt: skip
            days = [np.array(articles, dtype=np.int32), np.array(quotes, dtype=np.int32)]  # as the table holds them
            by_days = timeline(np.array(articles), np.array(quotes), "month")
            assert timeline(*days, "month", months=(month_numbers(days[0]), month_numbers(days[1]))) == by_days


def test_source_codes_number_the_sources_in_the_order_first_met() -> None:
    from tui.corpus.quote_columns import source_codes

    codes, names = source_codes(["Wire", None, "Post", "Wire", None, "Daily"])
    assert codes.tolist() == [0, 1, 2, 0, 1, 3] and names == ["Wire", None, "Post", "Daily"]
    empty, none = source_codes([])
    assert len(empty) == 0 and none == []


@pytest.mark.parametrize("share", [0.0, 0.02, 0.5, 1.0])
def test_the_quotes_of_some_articles_are_theirs_whichever_way_they_are_marked(live: LiveCorpus, share: float) -> None:
    columns = live.corpus.quote_view().columns
    articles = columns.article.tolist()
    rng = random.Random(int(share * 100))
    chosen = sorted(rng.sample(range(columns.articles), int(share * columns.articles)))
    # Numbers the table has no article for (one not yet arrived, or none) are left out.
    for positions in (chosen, [-1, *chosen, columns.articles, columns.articles + 5]):
        mask = columns.of_articles(np.array(positions, dtype=np.int64))
        assert mask.tolist() == [article in set(chosen) for article in articles]
        assert columns.of_articles(set(positions)).tolist() == mask.tolist()


@pytest.mark.parametrize("dtype", [np.uint32, np.int32, np.int64, np.uint8])
def test_a_gather_a_slice_at_a_time_is_indexing(dtype: type) -> None:
    from tui.corpus.quote_columns import GATHER_SLICE, gather

    rng = np.random.default_rng(7)
    table = rng.integers(0, 9, 200).astype(np.int16)
    lowest = -1 if np.issubdtype(dtype, np.signedinteger) else 0  # NO_SPEAKER's -1: the last cell
    for length in (0, 3, GATHER_SLICE, 2 * GATHER_SLICE + 5):
        index = rng.integers(lowest, len(table), length).astype(dtype)
        found = gather(table, index)
        assert found.dtype == table.dtype and found.tolist() == table[index].tolist()
    mask = np.arange(len(table)) % 3 == 0  # not indices: indexing as numpy does
    assert gather(table, mask).tolist() == table[mask].tolist()
    with pytest.raises(IndexError):  # as indexing: never a value from elsewhere
        gather(table, np.full(GATHER_SLICE + 1, len(table), dtype=dtype))


def test_the_columns_follow_articles_as_they_arrive() -> None:
    corpus = invented(40, 11)
    live = LiveCorpus(corpus)
    before = live.quotes("")
    for made in invented(20, 12).articles:
        corpus.add(made.model_copy(update={"id": made.id + "-later"}))
    after = live.quotes("")
    assert after.total > before.total  # type: ignore[union-attr]
    assert sorted(after.quotes.tolist()) == list(range(after.total))  # type: ignore[union-attr]
    assert sum(r.quotes for r in live.people("").rows) == sum(live.people("").genders.values())  # type: ignore[union-attr]


def test_a_profile_names_whom_its_quotes_name_from_the_table(live: LiveCorpus) -> None:
    made = article(0, "2026-01-05", "Wire", [("Ann Lee", "Acme and Bo Park will talk", "female")],
                   others=(("organization", "Acme"), ("person", "Bo Park")))  # fmt: skip
    single = LiveCorpus(corpus_of([made]))
    profile = single.profile("ann-lee")
    assert profile is not None and not isinstance(profile, Exception)
    assert sorted((kind, name) for kind, name, _ in profile.about) == [("organization", "Acme"), ("person", "Bo Park")]


@pytest.mark.parametrize("span", [40, 400_000])  # a table a day, or (over centuries) a sort
def test_month_numbers_are_each_days_month(span: int) -> None:
    from tui.corpus.timeline import month_numbers

    rng = random.Random(span)
    start = date(1900, 1, 1).toordinal()
    days = np.array([rng.choice([0, start + rng.randrange(span)]) for _ in range(500)], dtype=np.int64)
    expected = [-1 if d == 0 else date.fromordinal(d).year * 12 + date.fromordinal(d).month - 1 for d in days.tolist()]
    assert month_numbers(days).tolist() == expected


def test_the_timeline_works_out_months_once_for_each_state_of_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.corpus import quote_columns
    from tui.corpus import timeline as timeline_module

    corpus = invented(60, 5)
    live = LiveCorpus(corpus)
    expected = {(text, unit): live.timeline(text, unit) for text in FILTERS for unit in ("month", "week")}
    corpus.add(invented(1, 6).articles[0].model_copy(update={"id": "arrived"}))  # a new state: worked out again
    made: list[int] = []
    month_numbers = timeline_module.month_numbers

    def counted(days: np.ndarray) -> np.ndarray:
        made.append(len(days))
        return month_numbers(days)

    monkeypatch.setattr(quote_columns, "month_numbers", counted)
    monkeypatch.setattr(timeline_module, "month_numbers", counted)
    for text in FILTERS:
        found = live.timeline(text, "month")
        assert found == live.timeline(text, "month")
        week = live.timeline(text, "week")
        assert sum(b.articles for b in week.buckets) == sum(b.articles for b in found.buckets)  # type: ignore[union-attr]
    assert len(made) == 2  # the articles' months and the quotes' months, for every filter
    corpus.quote_view().answers.clear()
    live.timeline("taxes", "month")
    assert len(made) == 2
    more = sum(b.articles for b in live.timeline("", "month").buckets) + live.timeline("", "month").undated_articles  # type: ignore[union-attr]
    before = expected[("", "month")]
    assert more == sum(b.articles for b in before.buckets) + before.undated_articles + 1  # type: ignore[union-attr]


NEGATED = ['speaker:lee -quote:"roads fall"', 'speaker:dee -quote:"we agree"', 'source:wire -quote:"we agree"',
           'taxes -quote:"taxes rise"',
           'speaker:park -quote:"roads fall" -quote:"we agree"', '-quote:"roads fall"']  # fmt: skip


@pytest.mark.parametrize("text", NEGATED)
def test_a_negated_phrase_is_checked_only_among_the_quotes_left(
    live: LiveCorpus, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.corpus.quote_view import QuoteView

    terms = text.split(" -")
    kept = set(live.quotes(terms[0]).quotes.tolist()) if not text.startswith("-") else set(range(live.quotes("").total))  # type: ignore[union-attr]
    for term in terms[1:] if not text.startswith("-") else [text[1:]]:
        kept -= set(live.quotes(term).quotes.tolist())  # type: ignore[union-attr]
    looked: list[int | None] = []
    match = QuoteView.match_quotes

    def spied(view: QuoteView, field: str, words: tuple[str, ...], within: np.ndarray | None = None) -> np.ndarray:
        if field == "quote":
            looked.append(None if within is None else int(np.count_nonzero(within)))
        return match(view, field, words, within)

    monkeypatch.setattr(QuoteView, "match_quotes", spied)
    live.corpus.quote_view().answers.clear()
    assert set(live.quotes(text).quotes.tolist()) == kept  # type: ignore[union-attr]
    if text.startswith("speaker:"):  # one quote's terms: the articles holding such a quote
        assert set(live.search(text)) == {live.quote_row(q).position for q in kept}  # type: ignore[arg-type]
    total = live.quotes("").total  # type: ignore[union-attr]
    if text.startswith("-"):  # a phrase negated alone needs every quote that has it
        assert looked == [None]
    elif len(live.quotes(terms[0]).quotes) * NARROW_BELOW < total:  # type: ignore[union-attr]
        assert looked[0] == len(live.quotes(terms[0]).quotes)  # type: ignore[union-attr]  # checked among those only
    else:  # a broad set: the phrase's own quotes, then the set's
        assert looked[0] is None


def test_an_article_level_term_is_found_once_while_a_filter_is_typed_around_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.corpus.quote_view import QuoteView

    typed = ["taxes -quote:r", "taxes -quote:ro", "taxes -quote:roads", "taxes speaker:park", "source:wire taxes"]
    plain = {text: LiveCorpus(invented(60, 5)).quotes(text).quotes.tolist() for text in typed}  # type: ignore[union-attr]
    corpus = invented(60, 5)
    live = LiveCorpus(corpus)
    found: list[frozenset[int]] = []
    quotes_in = QuoteView.quotes_in

    def counted(view: QuoteView, positions: set[int]) -> np.ndarray:
        found.append(frozenset(positions))
        return quotes_in(view, positions)

    monkeypatch.setattr(QuoteView, "quotes_in", counted)
    assert {text: live.quotes(text).quotes.tolist() for text in typed} == plain  # type: ignore[union-attr]
    assert len(found) == 2  # `taxes` once for all five, `source:wire` once
    corpus.add(invented(1, 6).articles[0].model_copy(update={"id": "arrived"}))  # a new state: found again
    live.quotes("taxes speaker:lee")
    assert len(found) == 3


def test_a_term_mask_worked_out_while_the_view_resolves_again_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.corpus.quote_view import QuoteView

    live = LiveCorpus(invented(60, 5))
    quotes_in = QuoteView.quotes_in
    replaced: list[dict] = []

    def resolved_meanwhile(self: QuoteView, positions: set[int]) -> np.ndarray:
        mask = quotes_in(self, positions)
        self._term_masks = type(self._term_masks)()  # what a resolve (articles arrived) does meanwhile
        replaced.append(self._term_masks)
        return mask

    monkeypatch.setattr(QuoteView, "quotes_in", resolved_meanwhile)
    live.quotes("taxes -quote:roads")
    assert replaced and all(len(kept) == 0 for kept in replaced)  # the older state's mask was dropped


@pytest.mark.parametrize("text", [*FILTERS, "-taxes", "nothing-at-all"])
def test_a_split_is_a_plain_count_of_the_filters_quotes_by_group_and_gender(text: str) -> None:
    live = LiveCorpus(invented(300, 29))
    view = live.corpus.quote_view()
    found = live.quotes(text)
    quotes = found.quotes.tolist()  # type: ignore[union-attr]
    months = view.columns.months()
    for by in ("source", "month"):
        plain: dict[str, Counter] = {}
        for quote in quotes:
            who = int(view.person[quote])
            if who < 0 or not view.people[who].is_person:
                continue
            if by == "source":
                label = view.store.sources[int(view.table.article[quote])] or "(no source)"
            else:
                month = int(months[quote])
                label = f"{month // 12}-{month % 12 + 1:02d}" if month >= 0 else "(no date)"
            plain.setdefault(label, Counter())[view.people[who].gender] += 1
        split = live.gender_split(text, by)
        assert not isinstance(split, Exception)
        assert {label: {g: n for g, n in counts.items() if n} for label, counts in split} == plain, by
    assert quotes or text == "nothing-at-all"
