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
