"""Loading: formats, encodings, line ends, bad files in the report, the corpus folder untouched."""

from __future__ import annotations

import codecs
import json
import os
from datetime import datetime
from pathlib import Path

from tests.helpers import SEEDS
from tui.corpus import load_corpus
from tui.corpus.export import write_jsonl

WIRE = (
    "Monday, 05 January 2026 09:00 GMT\nPort Reopens After Storm\n\n2026-01-05 10:30:00\n"
    '(Wirewatch) The port reopened on Monday.\n\n"We are open again," harbour master Anna Lind said.\n'
)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def snapshot(folder: Path) -> dict[str, tuple[int, float]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime) for p in folder.rglob("*")}


def test_bundled_corpus_loads_completely():
    corpus = load_corpus(SEEDS)
    assert corpus.report.problems == []
    assert len(corpus.articles) >= 12
    assert len({a.id for a in corpus.articles}) == len(corpus.articles)


def test_wire_layout(tmp_path):
    article = load_corpus(write(tmp_path, "wire.txt", WIRE.encode())).articles[0]
    assert (article.id, article.title, article.source) == ("wire", "Port Reopens After Storm", "Wirewatch")
    assert article.published == datetime(2026, 1, 5, 10, 30)
    assert article.dateline is not None and article.dateline.day == 5
    assert article.quotes[0].speaker == "Anna Lind"


def test_body_dateline_title_first_and_body_only(tmp_path):
    write(tmp_path, "a.txt", b"Storm Hits Coast\n\nLONDON (Reuters) - A storm hit the coast on Monday.\n")
    write(tmp_path, "b.txt", "Storm Hits Coast\n\nWASHINGTON (AFP) \u2013 A storm hit the coast.\n".encode())
    write(tmp_path, "c.txt", b"Storm Hits Coast\n\nA storm hit the coast on Monday, officials said.\n")
    write(tmp_path, "d.txt", b"A storm hit the coast on Monday and closed the port for a week.\n")
    a, b, c, d = load_corpus(tmp_path).articles
    assert (a.source, b.source, c.source, d.source) == ("Reuters", "AFP", None, None)
    assert a.title == b.title == c.title == "Storm Hits Coast"
    assert d.title_span is None and d.title.startswith("A storm hit the coast")


def test_encodings_and_line_ends(tmp_path):
    text = "Caf\u00e9 In Z\u00fcrich\n\nThe caf\u00e9 costs \u00a35m, Anna Lind said on Monday.\n"
    write(tmp_path, "bom.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    write(tmp_path, "utf16.txt", text.encode("utf-16"))
    write(tmp_path, "utf16be.txt", text.encode("utf-16-be"))
    write(tmp_path, "latin1.txt", text.encode("latin-1"))
    write(tmp_path, "crlf.txt", text.replace("\n", "\r\n").encode())
    write(tmp_path, "cr.txt", text.replace("\n", "\r").encode())
    corpus = load_corpus(tmp_path)
    assert corpus.report.problems == []
    assert {a.text for a in corpus.articles} == {text}


def test_bad_files_are_reported_and_the_rest_load(tmp_path):
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", b"  \n\n ")
    write(tmp_path, "binary.bin", bytes(range(256)) * 4)
    write(tmp_path, "bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8")
    write(tmp_path, "good.txt", WIRE.encode())
    write(tmp_path, "rows.jsonl", b'{"title": "T", "text": "Body text here."}\nnot json\n[1]\n{"title": "no text"}\n')
    locked = write(tmp_path, "locked.txt", WIRE.encode())
    locked.chmod(0)
    corpus = load_corpus([tmp_path, tmp_path / "missing.txt"])
    reasons = {
        Path(p.path.split(":")[0]).name + p.path[len(p.path.split(":")[0]) :]: p.reason for p in corpus.report.problems
    }
    expected = {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "binary.bin": "binary",
        "bad16.txt": "undecodable",
        "rows.jsonl:2": "malformed",
        "rows.jsonl:3": "malformed",
        "rows.jsonl:4": "empty",
        "missing.txt": "not found",
    }
    if os.geteuid() != 0:  # root reads any file
        expected["locked.txt"] = "unreadable"
    assert reasons == expected
    assert {a.id for a in corpus.articles} >= {"good", "rows-1"}


def test_json_lines_articles(tmp_path):
    rows = [
        {
            "title": "Grid Deal Signed",
            "text": 'Oslo signed the deal.\n\n"It is done," Ingrid Holm said.',
            "date": "2026-01-14T09:30:00Z",
            "source": "Wirewatch",
            "url": "https://example.com/a",
        }
    ]
    write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in rows).encode())
    article = load_corpus(tmp_path).articles[0]
    assert (article.title, article.source, article.url) == ("Grid Deal Signed", "Wirewatch", "https://example.com/a")
    assert article.published is not None and article.published.year == 2026
    assert article.quotes[0].speaker == "Ingrid Holm"


def test_export_opens_again_without_change(tmp_path):
    corpus = load_corpus(SEEDS)
    exported = tmp_path / "out" / "corpus.jsonl"
    exported.parent.mkdir()
    with exported.open("w", encoding="utf-8") as out:
        write_jsonl(corpus.articles, out)
    again = load_corpus(exported)
    assert again.report.problems == []
    assert [a.model_dump() for a in again.articles] == [
        a.model_copy(update={"path": a.path}).model_dump() for a in corpus.articles
    ]


def test_the_corpus_folder_is_never_written(tmp_path):
    write(tmp_path, "a.txt", WIRE.encode())
    write(tmp_path, "empty.txt", b"")
    before = snapshot(tmp_path)
    load_corpus(tmp_path)
    assert snapshot(tmp_path) == before
