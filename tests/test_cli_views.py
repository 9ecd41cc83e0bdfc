"""The `quotes` and `people` commands: rows for a filter, formats, corrections, usage errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.quote_corpus import quote_corpus
from tui.__main__ import main
from tui.corpus import write_articles


@pytest.fixture
def corpus_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user corrections file
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_articles(quote_corpus().articles, out, "jsonl")
    return path


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--no-cache"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_quotes_jsonl_are_one_quote_each_within_one_quote(corpus_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "quotes", str(corpus_file), "--filter", "speaker:lee quote:budget", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 1
    row = rows[0]
    who = (row["speaker"], row["speaker_id"], row["gender"], row["article_id"])
    assert who == ("Ann Lee", "ann-lee", "female", "a1")
    assert row["text"] == '"the budget is late"' and row["cue"] == "said"
    assert row["end"] - row["start"] == len(row["text"])


def test_people_table_ends_with_the_shares(corpus_file: Path, capsys) -> None:
    code, out, _ = run(capsys, "people", str(corpus_file))
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:4] == ["name", "id", "gender", "quotes"]
    assert lines[1].startswith("Ann Lee") and "Lee" in lines[1].split()[-1]
    assert lines[-1] == "women 29% · men 43% · unknown 29% of 7 quotes"


def test_csv_opens_in_a_spreadsheet_with_excel(corpus_file: Path, capsys, tmp_path: Path) -> None:
    target = tmp_path / "people.csv"
    code, out, _ = run(capsys, "people", str(corpus_file), "--format", "csv", "--excel", "-o", str(target))
    data = target.read_bytes()
    assert code == 0 and out == "" and data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["name"] for row in rows][:2] == ["Ann Lee", "Bo Park"] and rows[0]["quotes"] == "2"
    code, out, _ = run(capsys, "quotes", str(corpus_file), "--format", "csv")
    assert not out.startswith("\ufeff") and len(list(csv.DictReader(io.StringIO(out)))) == 7


def test_corrections_file_is_applied(corpus_file: Path, capsys, tmp_path: Path) -> None:
    people = tmp_path / "mine.toml"
    people.write_text('[rename]\n"Bo Park" = "Bob Park"\n[not_person]\nnames = ["Dee Roe"]\n')
    code, out, _ = run(capsys, "people", str(corpus_file), "--people", str(people), "--format", "jsonl")
    names = [json.loads(line)["name"] for line in out.splitlines()]
    assert code == 0 and "Bob Park" in names and "Dee Roe" not in names


@pytest.mark.parametrize(("args", "message"), [
    (("quotes", "--filter", "speaker:"), "--filter: missing value"),
    (("people", "--excel"), "--excel is for --format csv"),
    (("people", "--people", "/nonexistent/people.toml"), "no such file"),
])  # fmt: skip
def test_usage_errors_are_one_line_exit_2(corpus_file: Path, capsys, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(capsys, args[0], str(corpus_file), *args[1:])
    assert code == 2 and out == "" and message in err and len(err.splitlines()) == 1


def test_a_folder_named_quotes_is_not_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "quotes").mkdir()
    code = main(["quotes"])
    assert code == 2 and "is a command and also a file or folder" in capsys.readouterr().err
