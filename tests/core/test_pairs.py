"""Phrases through the index of frequent word pairs (index/pairs.py) find exactly what a scan of
every article's text finds: across punctuation and line breaks, in any case and accent, at the
end of a quote, for a prefix of the last word, on the seeds and on generated texts, whatever the
threshold from which words count as frequent, packed and reloaded, and with articles added after."""

from __future__ import annotations

import importlib.util
import pickle
import random
from collections.abc import Sequence

import numpy as np
import pytest

from tests.helpers import SEEDS, shared_path
from tui.corpus import iter_sources, parse_source
from tui.corpus.index import CorpusIndex, PhraseMatcher, index_entry, needs_fold, tokens
from tui.corpus.models import Article, LoadReport, Quote
from tui.corpus.quote_view import QuoteView
from tui.corpus.storage import ArticleStore

WORDS = ["we", "will", "Will", "WE", "chief", "executive", "Executive", "goodwill", "talk", "talking",
         "déjà", "vu", "Déjà", "Élysée", "the", "a", "said", "tax", "Acme", "Corp"]  # fmt: skip
GAPS = [" ", " ", " ", ", ", ". ", " \u2014 ", "\n", "\n\n", " \u201c", "\u201d ", "-", "_", "'", "\u2122 ", " (", ") "]
THRESHOLDS = (1, 2, 5, 1000)  # 1000: no word is frequent in these small corpora


def generated_articles(
    count: int, seed: int, words: Sequence[str] = WORDS, gaps: Sequence[str] = GAPS
) -> list[Article]:
    """Articles of random words and gaps, each with quotes: most at word edges, some cutting a
    word, some ending the text, some with offsets off (the quote's own text)."""
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        parts = []
        for _ in range(rng.randint(3, 60)):
            parts.extend((rng.choice(words), rng.choice(gaps)))
        text = "".join(parts[:-1]) if rng.random() < 0.5 else "".join(parts)
        edges = [i for i in range(len(text) + 1) if not text[i - 1 : i + 1].isalnum()]
        quotes = []
        for _ in range(rng.randint(0, 4)):
            start, end = sorted(rng.sample(edges, 2)) if rng.random() < 0.9 else sorted(rng.sample(range(len(text)), 2))
            if rng.random() < 0.1:
                quotes.append(Quote(start=len(text) + 5, end=len(text) + 9, text=" ".join(rng.sample(words, 3))))
            elif start < end:
                quotes.append(Quote(start=start, end=end, text=text[start:end]))
        title = " ".join(rng.sample(words, 3))
        articles.append(Article(id=f"g{number}", path=f"g{number}.txt", title=title, text=text, quotes=quotes))
    return articles


def seed_articles() -> list[Article]:
    return [parse_source(source) for source in iter_sources([SEEDS], LoadReport())]


def built(articles: Sequence[Article], frequent_at: int) -> CorpusIndex:
    index = CorpusIndex(frequent_at)
    for position, article in enumerate(articles):
        index.add_entry(position, index_entry(article))
    return index


_READ: dict[int, tuple[Article, tuple]] = {}


def _read(article: Article) -> tuple:
    """What a scan needs of an article: whether it folds, its words, its quotes and their words."""
    kept = _READ.get(id(article))
    if kept is None or kept[0] is not article:
        kept = _READ[id(article)] = (article, _reading(article))
    return kept[1]


def _reading(article: Article) -> tuple[bool, frozenset[str], list[str], frozenset[str]]:
    folds = needs_fold(article.title) or needs_fold(article.text)
    said = [article.text[q.start : q.end] if 0 <= q.start < q.end <= len(article.text) else q.text
            for q in article.quotes]  # fmt: skip
    return (folds, frozenset([*tokens(article.title), *tokens(article.text)]), said,
            frozenset(word for text in said for word in tokens(text)))  # fmt: skip


def scan_phrase(articles: Sequence[Article], words: list[str]) -> set[int]:
    """Every article with all the words whose title or text has them side by side, found by
    reading every article (as the index found phrases before it had pairs)."""
    matcher, found, wanted = PhraseMatcher(words), set(), set(words)
    for position, article in enumerate(articles):
        folds, has, _, _ = _read(article)
        if wanted <= has and (matcher.found_in(article.text, folds) or matcher.found_in(article.title, folds)):
            found.add(position)
    return found


def scan_quote(articles: Sequence[Article], words: list[str]) -> set[int]:
    matcher, found, wanted = PhraseMatcher(words), set(), set(words)
    for position, article in enumerate(articles):
        folds, _, said, has = _read(article)
        if wanted <= has and any(matcher.found_in(text, folds) for text in said):
            found.add(position)
    return found


def phrases(articles: Sequence[Article], seed: int, count: int = 100) -> list[list[str]]:
    """Phrases taken from the texts and quotes (2 to 4 words, some with the last word cut short
    as while typing), and a few made of words that are never side by side."""
    rng = random.Random(seed)
    runs = [tokens(a.text) for a in articles] + [tokens(q.text) for a in articles for q in a.quotes]
    runs = [run for run in runs if len(run) >= 2]
    found = []
    for _ in range(count):
        run = rng.choice(runs)
        size = min(rng.randint(2, 4), len(run))
        at = rng.randrange(len(run) - size + 1)
        words = run[at : at + size]
        if rng.random() < 0.2 and len(words[-1]) > 1:
            words = [*words[:-1], words[-1][: rng.randrange(1, len(words[-1]))]]
        found.append(words)
    found += [["vu", "deja"], ["executive", "chief"], ["we", "will", "we", "will", "we"], ["acmetm", "corp"]]
    return found


@pytest.mark.parametrize("frequent_at", THRESHOLDS)
def test_phrases_match_a_scan_of_generated_texts(frequent_at: int) -> None:
    articles = generated_articles(200, seed=frequent_at)
    index = built(articles, frequent_at)
    for words in phrases(articles, seed=frequent_at):
        assert index.phrase(words) == scan_phrase(articles, words), words
        assert index.quote(words) == scan_quote(articles, words), words


@pytest.mark.parametrize("frequent_at", THRESHOLDS)
def test_phrases_match_a_scan_of_the_seeds(frequent_at: int) -> None:
    articles = seed_articles() * 3  # thrice, so that their words reach the thresholds
    index = built(articles, frequent_at)
    for words in phrases(articles, seed=7):
        assert index.phrase(words) == scan_phrase(articles, words), words
        assert index.quote(words) == scan_quote(articles, words), words


def test_phrases_match_a_scan_of_generated_news(tmp_path) -> None:
    bbc = shared_path("corpora", "bbc")
    spec = importlib.util.spec_from_file_location("bench_generate", SEEDS.parent / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    folder = tmp_path / "news"
    generator.generate(120, folder, bbc.parent.parent, seed=3)
    articles = [parse_source(source) for source in iter_sources([folder], LoadReport())]
    index = built(articles, 20)
    assert index._pairs.words, "some words are frequent"
    for words in phrases(articles, seed=3, count=100) + [["we", "will"], ["chief", "executive"], ["said", "the"]]:
        assert index.phrase(words) == scan_phrase(articles, words), words
        assert index.quote(words) == scan_quote(articles, words), words


def test_what_the_pairs_know_is_not_checked_again() -> None:
    # `"we will"` after both words are frequent: the pair's articles are sure, none is checked.
    articles = [Article(id=str(i), path=f"{i}.txt", text=f"Then we will talk {i}.") for i in range(6)]
    index = built(articles, 2)
    sure, check = index._phrase_candidates(index._pairs.text, ["we", "will"], index._words, index._unsure)
    assert sure == {2, 3, 4, 5} and check == {0, 1}  # the first two came before the words were frequent
    assert index.phrase(["we", "will"]) == set(range(6))
    assert index.phrase(["will", "we"]) == set()


def test_a_folded_symbol_makes_the_article_checked_in_its_text() -> None:
    # '™' folds to the letters "tm": the words of the text are then not those the check sees.
    articles = [Article(id=str(i), path=f"{i}.txt", text="Acme\u2122 Corp and acme corp") for i in range(4)]
    index = built(articles, 1)
    assert index._unsure == {0, 1, 2, 3}
    assert index.phrase(["acme", "corp"]) == {0, 1, 2, 3}
    assert index.phrase(["acmetm", "corp"]) == set()  # what a check of the lowered bytes finds


def test_a_quote_cutting_a_word_is_checked_in_its_text() -> None:
    text = "They will talk today, goodwill talk."
    cut = text.index("will talk")
    articles = [Article(id=str(i), path=f"{i}.txt", text=text, quotes=[Quote(start=cut + 1, end=cut + 9,
                text=text[cut + 1 : cut + 9])]) for i in range(3)]  # fmt: skip
    index = built(articles, 1)
    assert index._unsure_quotes == {0, 1, 2}
    assert index.quote(["ill", "talk"]) == {0, 1, 2}
    assert index.quote(["will", "talk"]) == set()


def test_a_phrase_at_the_end_of_a_quote() -> None:
    text = 'She said: "we will talk." Then we left.'
    start = text.index("we will")
    end = text.index('."') + 1
    articles = [Article(id=str(i), path=f"{i}.txt", text=text, quotes=[Quote(start=start, end=end,
                text=text[start:end])]) for i in range(4)]  # fmt: skip
    index = built(articles, 2)
    assert index.quote(["will", "talk"]) == {0, 1, 2, 3}
    assert index.quote(["talk", "then"]) == set()
    assert index.phrase(["talk", "then"]) == {0, 1, 2, 3}


@pytest.mark.parametrize("frequent_at", (1, 3))
def test_packed_and_grown_again_the_pairs_answer_as_built(frequent_at: int) -> None:
    articles = generated_articles(200, seed=11)
    first = built(articles[:120], frequent_at)
    again = CorpusIndex.unpack(first.pack(), [a.text for a in articles[:120]], [a.title for a in articles[:120]])
    for position in range(120, 200):
        again.add_entry(position, index_entry(articles[position]))
    whole = built(articles, frequent_at)
    twice = CorpusIndex.unpack(again.pack(), [a.text for a in articles], [a.title for a in articles])
    pickled = pickle.loads(pickle.dumps(again))
    for words in phrases(articles, seed=11, count=80):
        expected = scan_phrase(articles, words)
        assert again.phrase(words) == whole.phrase(words) == twice.phrase(words) == expected, words
        assert pickled.phrase(words) == expected, words
        assert again.quote(words) == twice.quote(words) == scan_quote(articles, words), words


ASCII_WORDS = [word for word in WORDS if word.isascii()]
ASCII_GAPS = [gap for gap in GAPS if gap.isascii()]


@pytest.mark.parametrize("ascii_only", [False, True])  # ASCII articles' quotes are searched in place
def test_quotes_found_one_by_one_match_a_scan(monkeypatch, ascii_only: bool) -> None:  # type: ignore[no-untyped-def]
    in_place = []
    searched = PhraseMatcher.found_between
    monkeypatch.setattr(PhraseMatcher, "found_between", lambda self, *a: in_place.append(1) or searched(self, *a))
    articles = generated_articles(200, 5, ASCII_WORDS, ASCII_GAPS) if ascii_only else generated_articles(200, seed=5)
    store = ArticleStore()
    for article in articles:
        store.append(article)
    index = built(articles, 2)
    view = QuoteView(store, index).refresh()
    for words in phrases(articles, seed=5, count=80):
        expected = set()
        for position, article in enumerate(articles):
            for number, quote in enumerate(article.quotes):
                if 0 <= quote.start <= quote.end <= len(article.text):
                    said = article.text[quote.start : quote.end]
                    matcher = PhraseMatcher(words)
                    if matcher.found_in(said, True):
                        expected.add(view.table.first[position] + number)
        assert numbers(view.match_quotes("quote", tuple(words))) == expected, words
        assert view.articles_saying(tuple(words)) == {view.table.article[q] for q in expected}, words
        some = np.zeros(len(view.table), dtype=bool)
        some[::3] = True
        assert numbers(view.match_quotes("quote", tuple(words), some)) == expected & numbers(some), words
    assert in_place or not ascii_only  # the ASCII articles took the in-place search


def test_a_phrases_quotes_are_found_once_and_kept_read_only() -> None:
    articles = generated_articles(120, 5, ASCII_WORDS, ASCII_GAPS)
    store = ArticleStore()
    for article in articles:
        store.append(article)
    view = QuoteView(store, built(articles, 2)).refresh()
    first = view.match_quotes("quote", ("we", "will"))
    assert first.any() and not first.flags.writeable  # combined into new masks, never changed
    assert view.match_quotes("quote", ("we", "will")) is first  # the next keystroke's: not checked again
    view.refresh()
    store.append(articles[0].model_copy(update={"id": "again", "path": "again.txt"}))
    view.index.add_entry(len(store) - 1, index_entry(articles[0]))
    grown = view.refresh().match_quotes("quote", ("we", "will"))
    assert len(grown) > len(first) and grown is not first  # articles arrived: found again


def numbers(mask: np.ndarray) -> set[int]:
    """The quote numbers a mask holds."""
    return set(np.flatnonzero(mask).tolist())


def test_an_ascii_quote_searched_in_place_is_found_as_its_lowered_slice_is() -> None:
    rng = random.Random(23)
    ascii_words = [word for word in WORDS if word.isascii()]
    ascii_gaps = [gap for gap in GAPS if gap.isascii()]
    checked = found = 0
    for _ in range(300):
        text = "".join(rng.choice(ascii_words) + rng.choice(ascii_gaps) for _ in range(rng.randrange(1, 30)))
        for words in (["we", "will"], ["will"], ["executive"], ["chief", "executive"], ["a"], ["tax"]):
            matcher = PhraseMatcher(words)
            for _ in range(8):  # spans at word edges and inside words, empty ones too
                start = rng.randrange(len(text) + 1)
                end = rng.randrange(start, len(text) + 1)
                expected = matcher.found_in(text[start:end], False)
                assert matcher.found_between(text.lower(), start, end) == expected, (text, start, end, words)
                checked, found = checked + 1, found + expected
    assert checked == 14_400 and found > 500
