"""A batch's files are read ahead of its parses, a bounded amount of text at a time, and what comes
back is what reading each file just before its parse gave: the same articles and problems, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus import parallel as parallel_module
from tui.corpus.parallel import parse_batch


def write_files(folder: Path) -> list[Path]:
    """Three articles and, between them, a file that cannot be read (a folder named like a text)."""
    texts = {
        "a.txt": 'Ann Lee said on Monday: "The bridge opens in May."\n',
        "b.txt": 'Acme said its profits rose. "We will grow," said Tom Hart.\n',
        "d.txt": "The council met on Friday to discuss the budget.\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "c.txt").mkdir()
    return [folder / name for name in ("a.txt", "b.txt", "c.txt", "d.txt")]


def recorded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The reads and parses parse_batch makes, in the order it makes them."""
    calls: list[str] = []
    read, parse = parallel_module.read_file, parallel_module.parse_within_budget

    def reading(path, report):
        calls.append(f"read {path.name}")
        yield from read(path, report)

    def parsing(source, seconds=None):
        calls.append(f"parse {Path(source.path).name}")
        return parse(source, seconds)

    monkeypatch.setattr(parallel_module, "read_file", reading)
    monkeypatch.setattr(parallel_module, "parse_within_budget", parsing)
    return calls


def test_a_batch_of_small_files_is_read_whole_before_its_first_parse(tmp_path, monkeypatch):
    files = write_files(tmp_path)
    calls = recorded(monkeypatch)
    parse_batch(files, output=lambda article: article.id)
    reads = [call for call in calls if call.startswith("read")]
    assert calls[: len(reads)] == reads == ["read a.txt", "read b.txt", "read c.txt", "read d.txt"]


def test_reading_ahead_stops_at_its_bound(tmp_path, monkeypatch):
    files = write_files(tmp_path)
    monkeypatch.setattr(parallel_module, "READ_AHEAD_CHARS", 1)  # each article's text is past it
    calls = recorded(monkeypatch)
    parse_batch(files, output=lambda article: article.id)
    assert calls == ["read a.txt", "parse a.txt", "read b.txt", "parse b.txt", "read c.txt", "read d.txt",
                     "parse d.txt"]  # fmt: skip


@pytest.mark.parametrize("bound", [1, parallel_module.READ_AHEAD_CHARS])
def test_articles_and_problems_come_back_in_file_order(tmp_path, monkeypatch, bound):
    files = write_files(tmp_path)
    monkeypatch.setattr(parallel_module, "READ_AHEAD_CHARS", bound)
    items = parse_batch(files, output=lambda article: article.id)
    assert [item if isinstance(item, str) else (Path(item.path).name, item.reason) for item in items] == [
        "a",
        "b",
        ("c.txt", "not a regular file"),
        "d",
    ]
