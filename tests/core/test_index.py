"""CorpusIndex: what each lookup finds, incremental adds, completion and entity summaries."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import UTC, date, datetime

import pytest

from tui.corpus.index import CorpusIndex, EntitySummary, PhraseMatcher, fold, index_entry, tokens
from tui.corpus.models import Article, Entity, Quote


def quote(text: str, said: str, speaker: str | None = None, speaker_id: str | None = None,
          cue: str | None = None) -> Quote:  # fmt: skip
    start = text.index(said)
    return Quote(start=start, end=start + len(said), text=said, speaker=speaker,
                 speaker_id=speaker_id, cue=cue)  # fmt: skip


def entity(text: str, kind: str, name: str, *aliases: str, roles: tuple[str, ...] = (),
           id: str | None = None) -> Entity:  # fmt: skip
    mentions = []
    for surface in (name, *aliases):
        at = text.find(surface)
        while at >= 0:
            mentions.append((at, at + len(surface)))
            at = text.find(surface, at + 1)
    return Entity(id=id or f"{kind}:{name.lower()}", name=name, kind=kind, aliases=list(aliases),
                  roles=list(roles), mentions=sorted(set(mentions)))  # fmt: skip


ONE = 'Dmitry Peskov spoke. "Contacts exist," he told reporters. Macron agreed.'
TWO = 'Macron, in Paris: "We will talk," Macron said. "Soon," he added. Mr Peskov was silent.'
THREE = "Déjà vu at the Élysée: nothing new."


def one() -> Article:
    return Article(
        id="one", path="one.txt", title="Kremlin talks", text=ONE, source="MENAFN",
        published=datetime(2026, 2, 4, 8, 6),
        quotes=[quote(ONE, "Contacts exist,", "he", "person:peskov", "told")],
        entities=[
            entity(ONE, "person", "Dmitry Peskov", "Peskov", roles=("Kremlin spokesman",),
                   id="person:peskov"),
            entity(ONE, "person", "Emmanuel Macron", "Macron", roles=("French President",)),
        ],
    )  # fmt: skip


def two() -> Article:
    return Article(
        id="two", path="two.txt", title="Paris plans", text=TWO, source="Reuters",
        dateline=datetime(2026, 1, 10, 23, 0, tzinfo=UTC),
        quotes=[
            quote(TWO, "We will talk,", "Macron", "person:macron", "said"),
            quote(TWO, "Soon,", "he", "person:macron", "he added"),
        ],
        entities=[
            entity(TWO, "person", "Emmanuel Macron", "Macron", roles=("President",),
                   id="person:macron"),
            entity(TWO, "place", "Paris"),
            entity(TWO, "person", "Peskov", id="person:peskov"),
        ],
    )  # fmt: skip


def three() -> Article:
    return Article(id="three", path="three.txt", title="Élysée notes", text=THREE,
                   entities=[entity(THREE, "place", "Élysée")])  # fmt: skip


@pytest.fixture
def index() -> CorpusIndex:
    built = CorpusIndex()
    for position, article in enumerate([one(), two(), three()]):
        built.add_entry(position, index_entry(article))
    return built


def test_fold_and_tokens() -> None:
    assert fold("Élysée") == "elysee"
    assert fold("STRASSE") == fold("Straße") == "strasse"
    assert fold("İstanbul").startswith("istanbul")
    assert tokens("Macron's re-election, 2026!") == ["macron", "s", "re", "election", "2026"]
    assert tokens("snake_case") == ["snake", "case"]
    assert tokens("...") == []


def test_default_constructible_and_empty() -> None:
    empty = CorpusIndex()
    assert len(empty) == 0 and empty.all_positions() == set()
    assert empty.word("macron") == set() and empty.phrase(["a", "b"]) == set()
    assert empty.dates_between(None, None) == set()
    assert empty.corpus_entities() == [] and empty.complete_entity("m") == []


def test_words_of_title_and_body(index: CorpusIndex) -> None:
    assert index.all_positions() == {0, 1, 2} and len(index) == 3
    assert index.word("macron") == {0, 1}
    assert index.word("kremlin") == {0}  # title only
    assert index.word("deja") == {2} and index.word("elysee") == {2}
    assert index.word("Macron") == set()  # lookups take folded words
    assert index.title(["paris"]) == {1} and index.title(["paris", "plans"]) == {1}
    assert index.title(["plans", "paris"]) == set()


def test_lookups_return_fresh_sets(index: CorpusIndex) -> None:
    index.word("macron").clear()
    index.all_positions().clear()
    assert index.word("macron") == {0, 1} and index.all_positions() == {0, 1, 2}


def test_phrases_are_checked_against_the_text(index: CorpusIndex) -> None:
    assert index.phrase(["macron", "agreed"]) == {0}
    assert index.phrase(["macron", "said"]) == {1}  # across the closing quote mark
    assert index.phrase(["said", "macron"]) == set()
    assert index.phrase(["deja", "vu"]) == {2}  # accents folded in the text too
    assert index.phrase(["macron"]) == {0, 1}


def test_phrase_matcher_edges() -> None:
    matcher = PhraseMatcher(["will", "talk"])
    assert matcher.found_in("We WILL\n  talk.", needs_fold=False)
    assert not matcher.found_in("goodwill talk", needs_fold=False)
    assert not matcher.found_in("will talking", needs_fold=False)
    assert matcher.found_in("goodwill talk, will talk", needs_fold=False)
    # Non-ASCII punctuation only (curly quotes, dashes): the bytes fast path.
    assert matcher.found_in("We “WILL” — talk", needs_fold=False)
    assert not matcher.found_in("“goodwill” talk", needs_fold=False)
    assert matcher.found_in("Déjà: will talk", needs_fold=True)
    assert PhraseMatcher(["deja", "vu"]).found_in("DÉJÀ VU", needs_fold=True)
    assert not PhraseMatcher(["москва", "сити"]).found_in("a — b", needs_fold=False)
    assert PhraseMatcher(["москва", "сити"]).found_in("Москва-Сити", needs_fold=True)


def test_phrases_in_decomposed_and_curly_text() -> None:
    built = CorpusIndex()
    built.add_entry(0, index_entry(Article(id="nfd", path="nfd.txt", text="At the E\u0301lyse\u0301e Palace.")))
    built.add_entry(1, index_entry(Article(id="curly", path="curly.txt", text="\u201cWe will\u201d \u2014 talk.")))
    assert built.word("elysee") == {0}
    assert built.phrase(["elysee", "palace"]) == {0}
    assert built.phrase(["will", "talk"]) == {1}


def test_quote_words(index: CorpusIndex) -> None:
    assert index.quote(["contacts"]) == {0}
    assert index.quote(["soon"]) == {1}
    assert index.quote(["macron"]) == set()  # named outside quotes only
    assert index.quote(["will", "talk"]) == {1}
    assert index.quote(["talk", "soon"]) == set()  # two quotes, not one


def test_entities_by_kind_and_alias(index: CorpusIndex) -> None:
    assert index.entity(["peskov"], "person") == {0, 1}
    assert index.entity(["dmitry", "peskov"], "person") == {0}
    assert index.entity(["peskov", "dmitry"], "person") == set()
    assert index.entity(["pesk"], "person") == set()
    assert index.entity(["paris"], "place") == {1}
    assert index.entity(["paris"], "person") == set()
    assert index.entity(["paris"]) == {1}
    assert index.entity(["elysee"], None) == {2}
    assert index.entity(["x"], "no such kind") == set()


def test_speakers_by_speaker_id_aliases(index: CorpusIndex) -> None:
    # Quote.speaker is "he" in article 0: the entity of speaker_id gives its names.
    assert index.speaker(["peskov"]) == {0}
    assert index.speaker(["dmitry"]) == {0}
    assert index.speaker(["macron"]) == {1}
    assert index.speaker(["emmanuel", "macron"]) == {1}
    assert index.speaker(["he"]) == {0, 1}


def test_cues_sources_and_counts(index: CorpusIndex) -> None:
    assert index.cue(["said"]) == {1}
    assert index.cue(["added"]) == {1}  # "he added": whole words of the cue
    assert index.cue(["told"]) == {0}
    assert index.source(["menafn"]) == {0} and index.source(["reuters"]) == {1}
    assert index.quote_count(">", 1) == {1}
    assert index.quote_count("=", 0) == {2}
    assert index.quote_count(">=", 1) == {0, 1}
    assert index.quote_count("<=", 1) == {0, 2}
    assert index.quote_count("<", 0) == set()
    assert index.has("quotes") == {0, 1} and index.has("entities") == {0, 1, 2}
    assert index.has("date") == {0, 1} and index.has("source") == {0, 1}
    assert index.has("nonsense") == set()


def test_dates_inclusive_and_undated_never_match(index: CorpusIndex) -> None:
    assert index.dates_between(None, None) == {0, 1}
    # The dateline's own calendar day counts, whatever its time zone.
    assert index.dates_between(date(2026, 1, 10), date(2026, 1, 10)) == {1}
    assert index.dates_between(date(2026, 1, 10), date(2026, 2, 4)) == {0, 1}
    assert index.dates_between(date(2026, 1, 11), date(2026, 2, 3)) == set()
    assert index.dates_between(date(2026, 2, 1), None) == {0}
    assert index.dates_between(None, date(2026, 2, 3)) == {1}


def test_dates_sorted_after_unordered_adds() -> None:
    built = CorpusIndex()
    days = [date(2026, 3, 5), date(2025, 1, 1), date(2026, 1, 1), date(2026, 3, 5)]
    for position, day in enumerate(days):
        built.add_entry(position, index_entry(Article(id=str(position), path="p", text="x",
                                    published=datetime(day.year, day.month, day.day))))  # fmt: skip
        assert built.dates_between(date(2026, 1, 1), None) == {
            p for p, d in enumerate(days[: position + 1]) if d >= date(2026, 1, 1)
        }
    assert built.dates_between(date(2026, 3, 5), date(2026, 3, 5)) == {0, 3}


def test_positions_need_not_be_dense() -> None:
    built = CorpusIndex()
    built.add_entry(10, index_entry(one()))
    built.add_entry(3, index_entry(two()))
    assert built.all_positions() == {3, 10}
    assert built.word("macron") == {3, 10}
    assert built.phrase(["macron", "agreed"]) == {10}
    assert built.dates_between(None, None) == {3, 10}
    assert built.mask_size() == 11 and built.all_mask().nonzero()[0].tolist() == [3, 10]
    built.add_entry(7, index_entry(two()))
    assert built.mask_size() == 11 and built.word("macron") == {3, 7, 10}
    again = reloaded(built, [one()] * 11)  # texts by position
    assert again.mask_size() == 11 and again.all_mask().nonzero()[0].tolist() == [3, 7, 10]


def test_field_names_for_completion(index: CorpusIndex) -> None:
    names = index.field_names()
    for name in ("speaker:", "s:", "person:", "p:", "org:", "o:", "place:", "l:", "entity:", "e:",
                 "source:", "title:", "quote:", "cue:", "quotes:", "date:", "after:", "before:",
                 "has:quotes"):  # fmt: skip
        assert name in names
    assert len(names) == len(set(names))


def test_complete_entity(index: CorpusIndex) -> None:
    assert index.complete_entity("mac") == ["Macron", "Emmanuel Macron"]  # 2 articles each
    assert index.complete_entity("pesk", "person") == ["Peskov", "Dmitry Peskov"]
    assert index.complete_entity("pesk", "place") == []
    assert index.complete_entity("ELY") == ["Élysée"]
    assert index.complete_entity("emmanuel m") == ["Emmanuel Macron"]
    assert index.complete_entity("", "place") == ["Élysée", "Paris"]
    assert index.complete_entity("", None, limit=1) == ["Emmanuel Macron"]  # ties: by name
    assert index.complete_entity("dmitry", "speaker") == ["Dmitry Peskov"]
    assert index.complete_entity("x", "unknown kind") == []


def test_corpus_entities_aggregates(index: CorpusIndex) -> None:
    summaries = index.corpus_entities()
    macron = next(s for s in summaries if s.name == "Emmanuel Macron")
    # one: "Macron" once; two: "Macron" twice; quoted twice in two (speaker_id person:macron).
    assert macron == EntitySummary(
        name="Emmanuel Macron", kind="person", articles=2, mentions=3, quotes=2,
        aliases=("Emmanuel Macron", "Macron"), roles=("French President", "President"),
    )  # fmt: skip
    peskov = [s for s in summaries if "Peskov" in s.name]
    # "Dmitry Peskov" and a bare "Peskov" are different full names: merging is clustering.py's job.
    assert {s.name for s in peskov} == {"Dmitry Peskov", "Peskov"}
    dmitry = next(s for s in peskov if s.name == "Dmitry Peskov")
    assert (dmitry.articles, dmitry.quotes, dmitry.roles) == (1, 1, ("Kremlin spokesman",))
    mentions = [s.mentions for s in summaries]
    assert mentions == sorted(mentions, reverse=True)
    assert summaries[0].name == "Emmanuel Macron"


def test_corpus_entities_of_some_articles(index: CorpusIndex) -> None:
    only_two = index.corpus_entities([1])
    assert {(s.name, s.kind) for s in only_two} == {
        ("Emmanuel Macron", "person"), ("Paris", "place"), ("Peskov", "person"),
    }  # fmt: skip
    macron = next(s for s in only_two if s.name == "Emmanuel Macron")
    assert (macron.articles, macron.mentions, macron.quotes) == (1, 2, 2)
    assert index.corpus_entities([]) == []
    assert index.corpus_entities([99]) == []
    assert index.corpus_entities([0, 1, 2]) == index.corpus_entities()


def test_entity_summary_is_frozen(index: CorpusIndex) -> None:
    summary = index.corpus_entities()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.name = "x"  # type: ignore[misc]


def test_adding_is_incremental(index: CorpusIndex) -> None:
    before = index.corpus_entities()
    assert index.word("brand") == set()
    text = "A brand new story about Macron."
    index.add_entry(3, index_entry(Article(id="four", path="four.txt", text=text,
                         entities=[entity(text, "person", "Emmanuel Macron", "Macron")])))  # fmt: skip
    assert index.word("brand") == {3} and index.word("macron") == {0, 1, 3}
    assert index.entity(["macron"], "person") == {0, 1, 3}
    after = {s.name: s for s in index.corpus_entities()}
    assert after["Emmanuel Macron"].articles == 3
    assert len(after) == len(before)


# -- what a cache entry keeps -----------------------------------------------------------------


def four() -> Article:
    text = 'A brand new story: "Paris will wait," Macron said.'
    return Article(id="four", path="four.txt", title="Brand new", text=text, source="Acme Wire",
                   published=datetime(2026, 1, 20),
                   quotes=[quote(text, "Paris will wait,", "Macron", "person:macron", "said")],
                   entities=[entity(text, "person", "Emmanuel Macron", "Macron", id="person:macron"),
                             entity(text, "place", "Paris")])  # fmt: skip


def answers(index: CorpusIndex) -> dict:
    """What every kind of lookup gives, to compare two indexes."""
    return {
        "word": [index.word(w) for w in ("macron", "brand", "deja", "kremlin")],
        "phrase": [index.phrase(p) for p in (["dmitry", "peskov"], ["we", "will"], ["brand", "new"])],
        "title": index.title(["brand", "new"]), "quote": index.quote(["will", "wait"]),
        "entity": [index.entity(["macron"], "person"), index.entity(["paris"]), index.entity(["elysee"], "place")],
        "speaker": index.speaker(["macron"]), "cue": index.cue(["said"]), "source": index.source(["acme"]),
        "has": [index.has(what) for what in ("quotes", "entities", "date", "source")],
        "counts": [index.quote_count(">=", 1), index.quote_count("=", 0)],
        "dates": index.dates_between(date(2026, 1, 1), date(2026, 1, 31)),
        "complete": [index.complete_entity("mac"), index.complete_entity("", "place"),
                     index.complete_entity("m", "speaker")],
        "entities": [index.corpus_entities(), index.corpus_entities([1, 3]), index.corpus_entities([0])],
        "all": index.all_positions(),
    }  # fmt: skip


def built(articles: list[Article]) -> CorpusIndex:
    index = CorpusIndex()
    for position, article in enumerate(articles):
        index.add_entry(position, index_entry(article))
    return index


def reloaded(index: CorpusIndex, articles: list[Article]) -> CorpusIndex:
    return CorpusIndex.unpack(index.pack(), [a.text for a in articles], [a.title for a in articles])


def test_a_packed_index_answers_as_the_one_it_was_packed_from() -> None:
    articles = [one(), two(), three(), four()]
    fresh = built(articles)
    again = reloaded(fresh, articles)
    assert answers(again) == answers(fresh)
    assert answers(reloaded(again, articles)) == answers(fresh)


def test_a_packed_index_takes_new_articles_as_a_fresh_one_does() -> None:
    articles = [one(), two(), three(), four()]
    loaded = reloaded(built(articles[:3]), articles[:3])
    loaded.add_entry(3, index_entry(articles[3]))
    assert answers(loaded) == answers(built(articles))
    # and packed again, with the old runs and the new ones folded together
    assert answers(reloaded(loaded, articles)) == answers(built(articles))


def test_a_pickled_index_answers_the_same() -> None:
    articles = [one(), two(), three(), four()]
    loaded = reloaded(built(articles[:3]), articles[:3])
    loaded.add_entry(3, index_entry(articles[3]))
    assert answers(pickle.loads(pickle.dumps(loaded))) == answers(built(articles))


def _as_lists(state: object) -> object:
    """An index's packed state as an entry written before string columns held it: every packed
    string column a list of str, every packed column of tuples a list of tuples."""
    from array import array

    from tui.corpus.index.strings import Strings, StringTuples

    if isinstance(state, dict):
        return {key: _as_lists(value) for key, value in state.items()}
    if isinstance(state, tuple) and len(state) == 2 and isinstance(state[0], bytes):
        return list(Strings(state))
    if isinstance(state, tuple) and len(state) == 2 and isinstance(state[1], array) and isinstance(state[0], tuple):
        return list(StringTuples(state))
    if isinstance(state, tuple):
        return tuple(_as_lists(item) for item in state)
    return state


def test_an_index_packed_before_string_columns_opens_and_answers_alike() -> None:
    articles = [one(), two(), three(), four()]
    fresh = built(articles)
    old = _as_lists(fresh.pack())
    assert isinstance(old["entities"]["person"][2], list)  # the display names, as older entries kept them
    again = CorpusIndex.unpack(old, [a.text for a in articles], [a.title for a in articles])  # type: ignore[arg-type]
    assert answers(again) == answers(fresh)
    assert answers(reloaded(again, articles)) == answers(fresh)
