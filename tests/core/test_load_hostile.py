"""A hostile corpus folder: FIFOs, devices, unreadable and very deep folders, links in and out,
clashing names, a JSON Lines file of broken lines. Nothing hangs, nothing is skipped in silence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import load_corpus_serially
from tui.corpus import load_corpus
from tui.corpus.export import write_jsonl
from tui.corpus.load import iter_files, nothing_loaded
from tui.corpus.models import LoadReport

ARTICLE = "Port Reopens\n\nThe port reopened on Monday, harbour master Ann Lee said.\n"
needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices and links are POSIX")


def article(folder: Path, name: str, text: str = ARTICLE) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems(corpus) -> dict[str, str]:
    return {p.path: p.reason for p in corpus.report.problems}


def load_in_child(*paths: Path, timeout: float = 20) -> subprocess.CompletedProcess:
    """Load in a child process, so a hang is a timeout here rather than a frozen test run."""
    code = (
        "import sys, json; from tui.corpus import load_corpus; c = load_corpus(sys.argv[1:], workers=1);"
        "problems = [[p.path, p.reason, p.detail] for p in c.report.problems];"
        "print(json.dumps([[a.id for a in c.articles], problems]))"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=Path(__file__).parents[2],
    )


@pytest.mark.slow
@needs_posix
def test_a_fifo_in_the_folder_is_reported_not_waited_for(tmp_path):
    article(tmp_path, "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    done = load_in_child(tmp_path)
    ids, found = json.loads(done.stdout)
    assert ids == ["a"]
    assert found == [[str(tmp_path / "pipe.txt"), "not a regular file", "a FIFO"]]


@needs_posix
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_named_or_linked_is_reported_not_read(tmp_path):
    done = load_in_child(Path("/dev/zero"))
    assert json.loads(done.stdout) == [[], [["/dev/zero", "not a regular file", "a device"]]]
    corpus = load_corpus("/dev/null")
    assert problems(corpus) == {"/dev/null": "not a regular file"}


def test_a_file_over_the_limit_is_reported_whatever_its_size_said(tmp_path, monkeypatch):
    from tui.corpus import load

    monkeypatch.setattr(load, "MAX_FILE_BYTES", 100)
    article(tmp_path, "big.txt", "word " * 100)
    article(tmp_path, "small.txt", "Title\n\nBody.\n")
    corpus = load_corpus_serially([tmp_path])
    assert problems(corpus) == {str(tmp_path / "big.txt"): "too large"}
    assert [a.id for a in corpus.articles] == ["small"]


@needs_posix
@pytest.mark.skipif(os.geteuid() == 0, reason="root lists any folder")
def test_an_unreadable_folder_is_a_report_entry(tmp_path):
    article(tmp_path, "a.txt")
    article(tmp_path, "locked/b.txt")
    (tmp_path / "locked").chmod(0)
    try:
        corpus = load_corpus(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [a.id for a in corpus.articles] == ["a"]
    assert problems(corpus) == {str(tmp_path / "locked"): "unreadable"}


def make_deep(top: Path, name: str, levels: int) -> None:
    """Nest `levels` folders, each made relative to its parent's descriptor: no path length
    limit, and no recursion (os.makedirs recurses once a level)."""
    parent = os.open(top, os.O_RDONLY)
    try:
        for _ in range(levels):
            os.mkdir(name, dir_fd=parent)
            child = os.open(name, os.O_RDONLY, dir_fd=parent)
            os.close(parent)
            parent = child
        with open(os.open("bottom.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=parent), "w") as out:
            out.write(ARTICLE)
    finally:
        os.close(parent)


def remove_deep(top: Path, name: str) -> None:
    """Remove what make_deep made, bottom up, without recursion (pytest's clean-up recurses)."""
    here = os.getcwd()
    try:
        os.chdir(top)
        depth = 0
        while os.path.isdir(name):
            os.chdir(name)
            depth += 1
        for leftover in os.listdir("."):
            os.unlink(leftover)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir(name)
    finally:
        os.chdir(here)


@pytest.fixture
def deep_folders(tmp_path):
    made: list[str] = []
    yield made
    for name in made:
        remove_deep(tmp_path, name)


@needs_posix
def test_a_path_too_long_is_a_report_entry(tmp_path, deep_folders):
    """Folders nested past the system's path length: the folder it cannot list is reported."""
    deep_folders.append("d" * 200)
    make_deep(tmp_path, "d" * 200, 25)  # over 5,000 characters: past Linux's PATH_MAX of 4,096
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 0
    assert [p.reason for p in corpus.report.problems] == ["unreadable"]
    assert "too long" in corpus.report.problems[0].detail


@needs_posix
def test_a_thousand_folders_deep_loads_without_recursion_error(tmp_path, deep_folders):
    deep_folders.append("d")
    make_deep(tmp_path, "d", 1000)
    article(tmp_path, "top.txt")
    corpus = load_corpus(tmp_path)
    assert corpus.report.problems == []
    assert [a.id for a in corpus.articles] == ["top", "d/" * 1000 + "bottom"]


@needs_posix
def test_links_inside_the_root_are_followed_once_and_outside_are_reported(tmp_path):
    outside = tmp_path / "elsewhere"
    article(outside, "secret.txt", "Private\n\nNot part of the corpus.\n")
    root = tmp_path / "corpus"
    article(root, "business/001.txt")
    article(root, "politics/001.txt")
    (root / "latest").symlink_to(root / "politics")  # a second way into a folder read already
    (root / "mirror").symlink_to(root / "archive")  # a folder reached only through a link
    article(tmp_path / "archive-real", "old.txt")
    (root / "archive").symlink_to(tmp_path / "archive-real")  # leads outside: not followed
    (root / "loop").symlink_to(root)  # a cycle
    (root / "passwd.txt").symlink_to(outside / "secret.txt")
    (root / "alias.txt").symlink_to(root / "business" / "001.txt")  # a file inside: read
    (root / "dangling.txt").symlink_to(root / "nothing.txt")
    corpus = load_corpus(root)
    assert [a.id for a in corpus.articles] == ["alias", "business/001", "politics/001"]
    reasons = {Path(p.path).name: (p.reason, p.detail.split(",")[0]) for p in corpus.report.problems}
    assert reasons == {
        "archive": ("link not followed", "it leads outside the corpus"),
        "passwd.txt": ("link not followed", "it leads outside the corpus"),
        "dangling.txt": ("not found", "a link to nothing (" + str(root / "nothing.txt") + ")"),
        "latest": ("link not followed", "it leads to a folder read already"),
        "loop": ("link not followed", "it leads to a folder read already"),
        "mirror": ("link not followed", "it leads outside the corpus"),
    }
    assert not any("Private" in a.text for a in corpus.articles)


@needs_posix
def test_a_linked_folder_inside_the_root_is_read_under_its_link_name(tmp_path):
    article(tmp_path, ".store/one.txt")  # hidden: reached only through the link
    (tmp_path / "news").symlink_to(tmp_path / ".store")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus.articles] == ["news/one"] and corpus.report.problems == []


@needs_posix
def test_a_root_named_through_a_link_is_followed(tmp_path):
    article(tmp_path / "real", "a.txt")
    (tmp_path / "named").symlink_to(tmp_path / "real")
    corpus = load_corpus(tmp_path / "named")
    assert [a.id for a in corpus.articles] == ["a"] and corpus.report.problems == []


def test_ids_are_paths_below_the_root_and_clashes_are_made_unique(tmp_path):
    article(tmp_path, "business/001.txt")
    article(tmp_path, "politics/001.txt")
    article(tmp_path, "politics/001.md")  # same path without extension
    article(tmp_path, "politics/001~2.txt")  # the suffix a clash would take: the clash takes the next
    other = tmp_path.parent / f"{tmp_path.name}-other"
    article(other, "business/001.txt")
    corpus = load_corpus([tmp_path, other])
    ids = [a.id for a in corpus.articles]
    assert ids == ["business/001", "politics/001", "politics/001~3", "politics/001~2", "business/001~2"]
    assert Path(corpus.articles[1].path).name == "001.md"  # name order: .md before .txt
    serial = load_corpus_serially([tmp_path, other])
    assert [a.id for a in serial.articles] == ids


def test_json_ids_kept_and_clashes_made_unique_in_load_order(tmp_path):
    rows = [{"id": "x", "text": "One body."}, {"id": "x", "text": "Two body."}, {"text": "No id."}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    article(tmp_path, "x.txt")
    ids = [a.id for a in load_corpus(tmp_path).articles]
    assert ids == ["x~2", "x~3", "feed-3", "x"]  # the text file claimed its id first
    assert [a.id for a in load_corpus_serially([tmp_path]).articles] == ids


def test_export_then_open_keeps_the_ids(tmp_path):
    root = tmp_path / "corpus"
    article(root, "business/001.txt")
    article(root, "politics/001.txt")
    corpus = load_corpus(root)
    exported = tmp_path / "export.jsonl"
    with exported.open("w", encoding="utf-8") as out:
        write_jsonl(corpus.articles, out)
    again = load_corpus(exported)
    assert [a.id for a in again.articles] == ["business/001", "politics/001"] == [a.id for a in corpus.articles]


@pytest.mark.slow
def test_ids_survive_the_worker_processes(tmp_path):
    """Files go to the workers as paths with their ids (pickled): the parallel load names them alike."""
    from tui.corpus import parallel

    for folder in ("a", "b"):
        article(tmp_path, f"{folder}/same.txt", ARTICLE * 8000)  # over SERIAL_BYTES between them
    assert sum(p.stat().st_size for p in tmp_path.rglob("*.txt")) >= parallel.SERIAL_BYTES
    corpus = load_corpus(tmp_path, workers=2)
    assert [a.id for a in corpus.articles] == ["a/same", "b/same"]


def test_every_file_met_is_an_article_or_a_report_entry(tmp_path):
    article(tmp_path, "a/good.txt")
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "bin.dat").write_bytes(bytes(range(256)))
    report = LoadReport()
    files = list(iter_files([tmp_path], report))
    corpus = load_corpus(tmp_path)
    accounted = {a.path for a in corpus.articles} | {p.file for p in corpus.report.problems}
    assert {str(f) for f in files} == accounted


def test_a_json_lines_file_of_broken_lines_is_one_entry(tmp_path):
    lines = ['{"title": "T", "text": "A body."}'] + ["{broken"] * 100_000
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1
    (entry,) = corpus.report.problems
    assert (entry.path, entry.reason, entry.bad_lines) == (str(tmp_path / "feed.jsonl"), "malformed", 100_000)
    assert entry.detail.startswith("100,000 bad lines of 100,001; the first, 2: malformed (not JSON")
    assert corpus.report.summary() == "1 file, 100,000 bad lines"


def test_a_few_bad_lines_are_each_reported_at_their_line(tmp_path):
    from tui.corpus.load import BAD_ROWS_LISTED

    good = '{"title": "T", "text": "A body."}'
    (tmp_path / "few.jsonl").write_text("\n".join([good] + ["[1]"] * BAD_ROWS_LISTED), encoding="utf-8")
    (tmp_path / "more.jsonl").write_text("\n".join([good] + ["[1]"] * (BAD_ROWS_LISTED + 1)), encoding="utf-8")
    report = load_corpus(tmp_path).report
    few = [p for p in report.problems if "few.jsonl" in p.path]
    more = [p for p in report.problems if "more.jsonl" in p.path]
    assert [p.path.rsplit(":", 1)[1] for p in few] == [str(n) for n in range(2, BAD_ROWS_LISTED + 2)]
    assert len(more) == 1 and more[0].bad_lines == BAD_ROWS_LISTED + 1
    assert report.summary() == f"2 files, {2 * BAD_ROWS_LISTED + 1} bad lines"


def test_missing_and_empty_paths_are_in_the_report(tmp_path):
    (tmp_path / "empty").mkdir()
    corpus = load_corpus([tmp_path / "empty", tmp_path / "missing"])
    assert problems(corpus) == {str(tmp_path / "empty"): "empty", str(tmp_path / "missing"): "not found"}
    assert corpus.report.summary() == "2 files"
    assert nothing_loaded([tmp_path / "empty", tmp_path / "missing"], corpus.report) == (
        f"no such file or folder: {tmp_path / 'missing'}"
    )
    empty = load_corpus(tmp_path / "empty")
    assert nothing_loaded([tmp_path / "empty"], empty.report) == f"no articles in {tmp_path / 'empty'}"
