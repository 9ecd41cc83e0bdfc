"""Scale machinery without timing anything: parallel loading equals serial loading, the compact
article store gives back what it was given, and the synthetic-corpus generator is deterministic."""

from __future__ import annotations

import importlib.util
import sys

from tests.helpers import ROOT, SEEDS, corpus_of, load_corpus_serially, shared_path
from tui.corpus import Corpus, load_corpus
from tui.corpus import sort_positions as sort_rows
from tui.corpus.load import iter_files
from tui.corpus.models import LoadReport
from tui.corpus.parallel import ParseStream


def dump(corpus: Corpus) -> list[dict]:
    return [a.model_dump() for a in corpus.articles]


def test_parallel_loading_gives_the_serial_corpus(tmp_path, monkeypatch):
    from tui.corpus import parallel

    monkeypatch.setattr(parallel, "SERIAL_BYTES", 0)  # a pool even for the small seeds
    monkeypatch.setattr(parallel, "BATCH", 3)  # several batches, finishing in any order
    (tmp_path / "broken.txt").write_bytes(b"")
    serial = load_corpus_serially([SEEDS, tmp_path])
    parallel_corpus = load_corpus([SEEDS, tmp_path], workers=2)
    assert dump(parallel_corpus) == dump(serial)
    assert parallel_corpus.report == serial.report
    for query in ("speaker:peskov", '"political will"', "quote:talks", "-macron", "date:2026-02"):
        assert parallel_corpus.search(query) == serial.search(query)
    assert parallel_corpus.index.corpus_entities() == serial.index.corpus_entities()
    assert parallel_corpus.index.complete_entity("m") == serial.index.complete_entity("m")


def test_batches_report_progress_to_the_end(monkeypatch):
    from tui.corpus import parallel

    monkeypatch.setattr(parallel, "BATCH", 4)
    files = list(iter_files([SEEDS], LoadReport()))
    seen: list[tuple[int, int]] = []
    items = [i for batch in ParseStream(files, LoadReport(), workers=1, progress=lambda d, t: seen.append((d, t)))
             for i in batch]  # fmt: skip
    assert len(items) >= len(files)
    assert seen[-1] == (len(files), len(files)) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_store_gives_back_each_article(tmp_path):
    corpus = load_corpus(SEEDS, workers=1)
    plain = load_corpus_serially([SEEDS])
    assert len(corpus.articles) == len(plain.articles)
    for built, original in zip(corpus.articles, plain.articles, strict=True):
        assert built.model_dump() == original.model_dump()
    assert corpus.articles[-1].id == plain.articles[-1].id
    assert [a.id for a in corpus.articles[1:3]] == [a.id for a in plain.articles[1:3]]


def test_sorting_by_columns_matches_sorting_articles():
    corpus = load_corpus(SEEDS, workers=1)
    articles = list(corpus.articles)
    everything = list(range(len(articles)))
    some = everything[::3]
    for by in ("date", "title", "quotes"):
        assert sort_rows(corpus.articles, everything, by) == sort_rows(articles, everything, by)
        assert sort_rows(corpus.articles, some, by) == sort_rows(articles, some, by)


def test_entities_of_some_articles_match_a_fresh_tally():
    corpus = load_corpus(SEEDS, workers=1)
    some = [0, 2, 5]
    fresh = corpus_of(corpus.articles[p] for p in some)
    assert corpus.index.corpus_entities(some) == fresh.index.corpus_entities()


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_generator_is_deterministic_and_loads(tmp_path):
    shared = shared_path("corpora", "bbc").parent.parent
    generate = _generator().generate
    first = generate(12, tmp_path / "a", shared, seed=7)
    second = generate(12, tmp_path / "b", shared, seed=7)
    other = generate(12, tmp_path / "c", shared, seed=8)
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert len(first) == 12 and texts == [p.read_text(encoding="utf-8") for p in second]
    assert texts != [p.read_text(encoding="utf-8") for p in other]
    corpus = load_corpus(tmp_path / "a", workers=1)
    assert len(corpus) == 12 and corpus.report.ok
    assert all(a.date is not None and a.source for a in corpus.articles)
    assert len({a.source for a in corpus.articles}) > 1
