"""`export --cluster`: the corpus parsed on a Dask cluster (worker processes on 127.0.0.1 only) gives
what a local export gives, and its folder of partitions opens again without parsing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.helpers import SEEDS
from tui.__main__ import main
from tui.corpus import load_corpus

distributed = pytest.importorskip("distributed", reason="the cluster extra (dask.distributed) is not installed")

from tui.corpus import cluster  # noqa: E402

pytestmark = pytest.mark.slow  # worker processes start in a few seconds each on a busy machine


@pytest.fixture(scope="module")
def scheduler():
    """One LocalCluster of two worker processes for the module's tests, reached by its address as
    a real cluster is (`--cluster tcp://...`)."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local.scheduler_address


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=300)


def records(folder: Path) -> list[dict]:
    rows = [json.loads(line) for part in sorted(folder.glob("part-*.jsonl")) for line in part.open(encoding="utf-8")]
    return sorted(rows, key=lambda row: row["id"])


def local_export(paths: list[str], out: Path) -> list[dict]:
    assert main(["export", *paths, "--no-cache", "-o", str(out)]) in (0, 1)
    return sorted((json.loads(line) for line in out.open(encoding="utf-8")), key=lambda row: row["id"])


def test_a_local_cluster_of_two_workers_exports_what_a_local_export_does(tmp_path):
    outdir = tmp_path / "parts"
    done = run("export", str(SEEDS), "--cluster", "local", "--workers", "2", "-o", str(outdir))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    parts = sorted(p.name for p in outdir.iterdir())
    assert parts and all(cluster.PART_NAME.fullmatch(name) for name in parts)
    assert records(outdir) == local_export([str(SEEDS)], tmp_path / "local.jsonl")


def test_parquet_partitions_reopen_as_the_same_articles(tmp_path, scheduler):
    outdir = tmp_path / "parts"
    assert main(["export", str(SEEDS), "--cluster", scheduler, "--format", "parquet", "-o", str(outdir)]) == 0
    assert list(outdir.glob("part-*.parquet")) and not list(outdir.glob("part-*.jsonl"))
    again = load_corpus([outdir], cache=False)
    local = load_corpus([SEEDS], cache=False)
    assert again.report.ok
    reopened = sorted((a.model_dump() for a in again.articles), key=lambda a: a["id"])
    expected = sorted((a.model_dump() for a in local.articles), key=lambda a: a["id"])
    for article in (*reopened, *expected):
        article.pop("path")  # a reopened article keeps its original path; this is where each was read
    assert reopened == expected


def test_outdir_reopens_without_parsing_and_keeps_the_ids(tmp_path, scheduler, monkeypatch, capsys):
    outdir = tmp_path / "parts"
    assert main(["export", str(SEEDS), "--cluster", scheduler, "-o", str(outdir)]) == 0
    import tui.corpus.parsing.parse as parse

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse, "parse_text", no_parse)
    again = load_corpus([outdir], cache=False)
    assert again.report.ok and not again.report.problems
    assert sorted(a.id for a in again.articles) == sorted(r["id"] for r in records(outdir))
    capsys.readouterr()
    assert main(["stats", str(outdir), "--no-cache"]) == 0
    reopened = capsys.readouterr().out.splitlines()
    monkeypatch.undo()
    assert main(["stats", str(SEEDS), "--no-cache"]) == 0
    direct = capsys.readouterr().out.splitlines()
    assert reopened[1:] == direct[1:]  # every count but the files'


def _article_line(identity: str | None, number: int) -> str:
    body = (
        f"Acme Widgets opened plant {number} in Springfield on Monday.\n\n"
        f'"We will hire {number} people this year," said Ann Lee, the chief executive of Acme Widgets.'
    )
    row = {"title": f"Acme plant {number}", "text": body, **({"id": identity} if identity else {})}
    return json.dumps(row)


def test_a_big_json_lines_file_is_split_by_records_and_its_ids_claimed_in_load_order(tmp_path, scheduler, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [
        _article_line("x" if number in (0, 57) else None if number % 3 else f"own-{number}", number)
        for number in range(60)
    ]
    lines.insert(30, "{not json")
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "x.txt").write_text("Acme Widgets\n\nAnn Lee said the plant would open.\n", encoding="utf-8")
    table = pa.table(
        {
            "text": [json.loads(_article_line(None, n))["text"] for n in range(40)],
            "id": ["x" if n == 5 else f"row-{n}" for n in range(40)],
        }
    )
    pq.write_table(table, corpus / "table.parquet", row_group_size=7)
    monkeypatch.setattr(cluster, "PARTITION_BYTES", 2_000)  # read here only: the plan is made on this side
    report = cluster.LoadReport()
    shares = [p.records for p in cluster.plan_partitions([corpus], report)]
    assert sum(share is not None for share in shares) > 6
    outdir = tmp_path / "parts"
    assert main(["export", str(corpus), "--cluster", scheduler, "-o", str(outdir)]) == 1  # the bad line
    ids = [row["id"] for row in records(outdir)]
    assert len(ids) == len(set(ids)) and {"x", "x~2", "x~3", "x~4", "feed-2"} <= set(ids)
    assert records(outdir) == local_export([str(corpus)], tmp_path / "local.jsonl")


def test_a_second_run_replaces_the_previous_partitions(tmp_path, scheduler, monkeypatch):
    outdir = tmp_path / "parts"
    monkeypatch.setattr(cluster, "PARTITION_BYTES", 5_000)
    seen: list[tuple[int, int]] = []
    done = cluster.export_on_cluster([SEEDS], outdir, address=scheduler, progress=lambda *step: seen.append(step))
    first = sorted(p.name for p in outdir.iterdir())
    assert seen == [(n, done.partitions) for n in range(1, done.partitions + 1)] and len(first) == done.partitions > 2
    with distributed.Client(scheduler) as client:
        workers = set(client.scheduler_info()["workers"])
    assert done.report.ok and done.articles == len(records(outdir)) and set(done.lexicon_seconds) == workers
    monkeypatch.setattr(cluster, "PARTITION_BYTES", 1_000_000)
    (outdir / ".part-00007.jsonl.0badc0de.tmp").write_text("cut off by an interrupted run", encoding="utf-8")
    assert main(["export", str(SEEDS), "--cluster", scheduler, "-o", str(outdir)]) == 0
    second = sorted(p.name for p in outdir.iterdir())
    assert len(second) < len(first) and set(second) <= set(first)
    assert records(outdir) == local_export([str(SEEDS)], tmp_path / "local.jsonl")


@pytest.mark.parametrize("case", ["not-ours", "inside-input", "no-output", "csv", "quotes"])
def test_an_export_the_cluster_cannot_run_is_one_line_and_exit_2(tmp_path, capsys, case):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Acme Widgets\n\nAnn Lee said the plant would open.\n", encoding="utf-8")
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "notes.txt").write_text("mine", encoding="utf-8")
    args = {
        "not-ours": ["-o", str(outdir)],
        "inside-input": ["-o", str(corpus / "parts")],
        "no-output": [],
        "csv": ["-o", str(tmp_path / "new"), "--format", "csv"],
        "quotes": ["-o", str(tmp_path / "new"), "--format", "parquet", "--quotes"],
    }[case]
    assert main(["export", str(corpus), "--cluster", "tcp://127.0.0.1:1", *args]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("article-explorer: ")
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"]
    assert (outdir / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_no_cluster_at_the_address_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    assert main(["export", str(SEEDS), "--cluster", "tcp://127.0.0.1:1", "-o", str(tmp_path / "parts")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("article-explorer: cannot reach the cluster at tcp://127.0.0.1:1")
    assert error.count("\n") == 1
    assert not list((tmp_path / "parts").iterdir())


def test_the_core_imports_without_dask():
    code = "import sys, tui.corpus, tui.__main__; print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
