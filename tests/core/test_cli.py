"""The command line, tried as a new user would: export and stats, their output and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from contextlib import redirect_stdout

import pytest

from tests.helpers import SEED_ARTICLE, SEEDS
from tui.__main__ import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=120)


def test_export_jsonl_is_the_interchange_format(tmp_path):
    out = tmp_path / "seed.jsonl"
    assert main(["export", str(SEED_ARTICLE), "-o", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert {"id", "path", "title", "published", "dateline", "source", "text", "quotes", "entities"} <= set(record)
    assert record["published"] == "2026-02-04T08:06:21"
    assert record["dateline"] == "2024-01-02T12:17:00Z" or record["dateline"].startswith("2024-01-02T12:17:00")
    first = record["quotes"][0]
    assert (first["start"], first["end"], first["speaker"], first["cue"]) == (393, 514, "Dmitry Peskov", "told")
    assert record["text"][first["cue_span"][0] : first["cue_span"][1]] == "told"
    peskov = next(e for e in record["entities"] if e["name"] == "Dmitry Peskov")
    assert peskov["id"] == "person:dmitry-peskov" and peskov["kind"] == "person"


def test_export_csv_has_a_row_a_quote(tmp_path):
    out = tmp_path / "quotes.csv"
    assert main(["export", str(SEED_ARTICLE), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["speaker"] for r in rows] == ["Dmitry Peskov"] + ["Emmanuel Macron"] * 3 + ["Dmitry Peskov"]


def test_export_json_to_stdout():
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["export", str(SEEDS), "--format", "json"]) == 0
    assert len(json.loads(buffer.getvalue())) >= 12


@pytest.mark.slow
def test_stats_counts_and_exit_codes(tmp_path):
    done = run("stats", str(SEEDS))
    assert done.returncode == 0, done.stderr
    assert "articles" in done.stdout and "quotes" in done.stdout and done.stderr == ""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Title Here\n\nBody of the article.\n")
    done = run("stats", str(tmp_path))
    assert done.returncode == 1 and "empty.txt: empty" in done.stderr


def test_usage_error_exits_2():
    assert run("export").returncode == 2
    assert run("export", "x", "--format", "xml").returncode == 2
