"""The command line against a full disk, a closed pipe, missing paths and folders named like commands."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from contextlib import redirect_stderr
from pathlib import Path

import pytest

from tests.helpers import SEED_ARTICLE, SEEDS
from tui import __main__ as cli
from tui.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "Port Reopens\n\nThe port reopened on Monday, harbour master Ann Lee said.\n"


def run(*args: str, cwd: Path = ROOT, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=env, **kwargs
    )


def test_a_failed_export_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    out = tmp_path / "corpus.jsonl"
    assert main(["export", str(SEED_ARTICLE), "-o", str(out)]) == 0
    good = out.read_bytes()
    out.chmod(0o640)

    def full(articles, handle, fmt="jsonl"):
        handle.write('{"half": ')
        handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tui.cli_export.write_articles", full)
    errors = io.StringIO()
    with redirect_stderr(errors):
        assert main(["export", str(SEED_ARTICLE), "-o", str(out)]) == 2
    assert out.read_bytes() == good
    assert errors.getvalue() == f"article-explorer: cannot write {out}: No space left on device\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl"]  # no temporary left
    monkeypatch.undo()
    assert main(["export", str(SEEDS), "-o", str(out)]) == 0
    assert out.read_bytes() != good and out.stat().st_mode & 0o777 == 0o640  # replaced, mode kept


def test_an_export_into_a_missing_folder_is_one_line_exit_2(tmp_path):
    done = run("export", str(SEED_ARTICLE), "-o", str(tmp_path / "no" / "such.jsonl"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "cannot write" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_export_into_a_closed_pipe_ends_quietly():
    shell = f"{sys.executable} -m tui export {SEEDS} | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.stderr == ""
    assert done.stdout.strip() == "0"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_write_error_on_standard_output_is_one_line_exit_2():
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "tui", "export", str(SEEDS)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    assert done.returncode == 2
    assert done.stderr == "article-explorer: cannot write standard output: No space left on device\n"


def test_stats_of_a_missing_path_is_a_usage_error(tmp_path):
    done = run("stats", str(tmp_path / "no-such-path"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"article-explorer: no such file or folder: {tmp_path / 'no-such-path'}\n"
    assert run("export", str(tmp_path / "no-such-path")).returncode == 2


def test_an_empty_folder_says_it_holds_no_articles(tmp_path):
    (tmp_path / "empty").mkdir()
    done = run("stats", str(tmp_path / "empty"))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"article-explorer: no articles in {tmp_path / 'empty'}\n"
    previous = tmp_path / "previous.jsonl"
    previous.write_text("kept\n")
    assert run("export", str(tmp_path / "empty"), "-o", str(previous)).returncode == 1
    assert previous.read_text() == "kept\n"  # nothing to export: the previous file is not replaced


@pytest.mark.parametrize("command", ["screenshots", "open", "stats", "export"])
def test_a_folder_named_like_a_command_is_never_taken_for_it(tmp_path, command):
    corpus = tmp_path / command
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    before = sorted(p.name for p in corpus.iterdir())
    done = run(command, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert f"./{command}" in done.stderr and f"{command} --" in done.stderr
    assert sorted(p.name for p in corpus.iterdir()) == before  # nothing written into it


def test_the_command_line_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.command_line([]) == ["open"]
    assert cli.command_line(["stats", "x"]) == ["stats", "x"]  # no such path here: the command
    assert cli.command_line(["corpus"]) == ["open", "corpus"]
    (tmp_path / "stats").mkdir()
    with pytest.raises(cli.UsageError):
        cli.command_line(["stats", "x"])
    assert cli.command_line(["stats", "--", "x"]) == ["stats", "--", "x"]  # `NAME --`: the command
    assert cli.command_line(["--", "stats"]) == ["open", "--", "stats"]  # `-- NAME`: the path
    assert cli.command_line(["./stats"]) == ["open", "./stats"]
    assert cli.build_parser().parse_args(["open", "--", "stats"]).paths == ["stats"]


def test_stats_with_a_separator_reads_the_folder_named_like_the_command(tmp_path):
    (tmp_path / "stats").mkdir()
    (tmp_path / "stats" / "a.txt").write_text(ARTICLE)
    done = run("stats", "--", "stats", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "articles            1" in done.stdout


def test_screenshots_refuse_a_folder_that_holds_articles(tmp_path):
    corpus = tmp_path / "mine"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    errors = io.StringIO()
    with redirect_stderr(errors):
        assert main(["screenshots", "--", str(corpus)]) == 2
    assert "holds other files than pictures (a.txt" in errors.getvalue()
    assert [p.name for p in corpus.iterdir()] == ["a.txt"]
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "main.svg").write_text("<svg/>")
    assert cli._picture_folder(pictures) == pictures  # its own pictures: written over


def test_make_screenshots_names_the_command_though_its_folder_is_here(monkeypatch):
    """`make screenshots` runs in the repository, where the folder `screenshots` is."""
    monkeypatch.chdir(ROOT)
    (line,) = [line for line in (ROOT / "Makefile").read_text().splitlines() if "article-explorer screenshots" in line]
    words = line.split("#")[0].split()
    argv = cli.command_line(words[words.index("$(BIN)/article-explorer") + 1 :])
    args = cli.build_parser().parse_args(argv)
    assert args.command == "screenshots" and cli._picture_folder(Path(args.folder)) == Path("screenshots")
