"""`export --no-cache` streams: each article formatted where it was parsed and written in load
order, with no corpus built. Its bytes must be those of an export of the loaded corpus."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from tests.helpers import ADVERSARIAL, SEED_ARTICLE, SEEDS
from tui.__main__ import main
from tui.corpus import LoadReport, export_pieces, load_corpus, write_articles
from tui.corpus import parallel as parallel_module

FORMATS = ("jsonl", "json", "csv")


def loaded_export(paths: list[str], fmt: str) -> tuple[str, LoadReport]:
    corpus = load_corpus(paths, workers=1)
    out = io.StringIO(newline="")
    write_articles(corpus.articles, out, fmt)
    return out.getvalue(), corpus.report


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_no_cache_writes_the_bytes_of_the_loaded_corpus(tmp_path, fmt):
    paths = [str(SEEDS), str(ADVERSARIAL)]  # articles, JSON rows, and files that are skipped
    out = tmp_path / f"out.{fmt}"
    assert main(["export", "--no-cache", *paths, "--format", fmt, "-o", str(out)]) == 1  # some skipped
    expected, _ = loaded_export(paths, fmt)
    assert out.read_bytes() == expected.encode("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_pieces_from_worker_processes_keep_load_order_and_the_report(monkeypatch, fmt):
    monkeypatch.setattr(parallel_module, "SERIAL_BYTES", 0)  # a pool even for a small input
    monkeypatch.setattr(parallel_module, "FIRST_BATCH_BYTES", 0)
    monkeypatch.setattr(parallel_module, "BATCH", 3)  # many batches, finished in any order
    paths = [str(SEEDS), str(ADVERSARIAL)]
    report = LoadReport()
    streamed = "".join(export_pieces(paths, fmt, report, workers=2))
    expected, expected_report = loaded_export(paths, fmt)
    assert streamed == expected
    # The problems of files the parent reads (JSON) and of those the workers read come in the
    # order the batches finish, as in a parallel load: the same entries, not always in that order.
    assert (report.files, report.articles) == (expected_report.files, expected_report.articles)
    assert sorted(map(str, report.problems)) == sorted(map(str, expected_report.problems))


def test_an_export_of_nothing_leaves_the_previous_file(tmp_path):
    empty = tmp_path / "corpus"
    empty.mkdir()
    (empty / "blank.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    assert main(["export", "--no-cache", str(empty), "--format", "json", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out.json"]  # no temporary left


def test_a_json_export_of_one_article_is_a_list_of_one(tmp_path):
    out = tmp_path / "one.json"
    assert main(["export", "--no-cache", str(SEED_ARTICLE), "--format", "json", "-o", str(out)]) == 0
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [SEED_ARTICLE.stem]


def test_export_no_cache_starts_without_the_index_the_cache_or_the_query_language(tmp_path):
    """What a user waits for is the whole command: modules it does not use are not imported."""
    script = (
        "import json, sys\n"
        "from tui.__main__ import main\n"
        f"code = main(['export', '--no-cache', {str(SEED_ARTICLE)!r}, '-o', {str(tmp_path / 'o.jsonl')!r}])\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0
    unused = ("tui.corpus.index", "tui.corpus.cache", "tui.corpus.query", "tui.corpus.corpus", "tui.corpus.session",
              "tui.corpus.cluster", "dask", "pyarrow", "textual")  # fmt: skip
    assert [m for m in modules if m.startswith(unused)] == []


def test_json_lines_and_json_pieces_are_what_json_dumps_writes():
    """The writers keep one encoder instead of json.dumps making one an article: the same text."""
    from tui.corpus.export import article_record, json_element, jsonl_line

    corpus = load_corpus([str(SEEDS)], workers=1)
    assert corpus.articles
    for article in corpus.articles:
        record = article_record(article)
        assert jsonl_line(article) == json.dumps(record, ensure_ascii=False) + "\n"
        indented = json.dumps(record, ensure_ascii=False, indent=1)
        assert json_element(article) == " " + indented.replace("\n", "\n ")


FROZEN_AFTER = "import gc, json, sys\n{run}\nprint(json.dumps(gc.get_freeze_count()))\n"


def frozen_after(run: str, cwd) -> int:
    """How many objects a fresh process has kept out of the cyclic garbage collector after `run`."""
    script = FROZEN_AFTER.format(run=run)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_a_streamed_export_keeps_what_it_loaded_out_of_the_garbage_collector(tmp_path):
    """Its full collections walked the modules and lexicons again and again (2% of the command)."""
    run = (
        "from tui.__main__ import main\n"
        f"main(['export', '--no-cache', {str(SEED_ARTICLE)!r}, '-o', {str(tmp_path / 'o.jsonl')!r}])"
    )
    assert frozen_after(run, tmp_path) > 10_000  # the modules and the lexicons, at least


def test_a_worker_keeps_its_lexicons_out_of_the_garbage_collector(tmp_path):
    assert frozen_after("from tui.corpus.parallel import _warm\n_warm()", tmp_path) > 10_000
