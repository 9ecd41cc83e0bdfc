"""What `fuzz.py` runs on each input, and the guarantees it checks: offsets inside the text, no
overlapping quotes, an export that re-opens equal, a file that gives an article or a load-report
entry, a query error inside the query. A broken guarantee raises `Broken`."""

from __future__ import annotations

import json
from pathlib import Path

from tui.corpus import Corpus, LoadReport, iter_sources, parse_source, parse_text
from tui.corpus.decode import decode_bytes
from tui.corpus.export import article_record
from tui.corpus.index import CorpusIndex
from tui.corpus.load import SourceText, _json_sources
from tui.corpus.models import Article, offset_problems
from tui.corpus.query import Query, QueryError
from tui.corpus.query.lexer import lex as _lex
from tui.corpus.query.parser import _Parser
from tui.corpus.query.values import Fail as _Fail


class Broken(Exception):
    """A guarantee that did not hold, though nothing raised."""


class TimedOut(Exception):
    pass


def check_article(article: Article, roundtrip: bool = True) -> None:
    problems = offset_problems(article)
    if problems:
        raise Broken("; ".join(problems[:3]))
    if roundtrip:
        line = json.dumps(article_record(article), ensure_ascii=False)
        report = LoadReport()
        again = list(_json_sources(Path("export.jsonl"), line, report))
        if report.problems or len(again) != 1 or again[0] != article:
            raise Broken(f"export does not re-open equal: {report.problems[:1]}")


def check_sources(sources: list, report: LoadReport) -> None:
    if not sources and not report.problems:
        raise Broken("neither an article nor a load-report entry")
    corpus = Corpus()
    for source in sources:
        article = parse_source(source)
        check_article(article, roundtrip=isinstance(source, SourceText))
        corpus.add(article)


def run_bytes(data: bytes, suffix: str) -> None:
    decoded = decode_bytes(data)
    report = LoadReport()
    if decoded.text is None:
        if not decoded.problem:
            raise Broken("no text and no reason")
        return
    if not decoded.text.strip():
        return  # the loader reports "empty"
    if suffix in (".jsonl", ".ndjson", ".json"):
        sources = list(_json_sources(Path("fuzz" + suffix), decoded.text, report))
    else:
        sources = [SourceText(id="fuzz", path="fuzz", text=decoded.text)]
    check_sources(sources, report)


def run_file(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    report = LoadReport()
    sources = list(iter_sources([path], report))  # the loader's own reading of a real file
    check_sources(sources, report)
    path.unlink()


def run_parse(text: str) -> None:
    article = parse_text(text, article_id="fuzz", path="fuzz.txt")
    if article.text != text:
        raise Broken("the article's text is not the text read")
    check_article(article, roundtrip=bool(text.strip()))  # blank text is "empty" to the loader
    Corpus().add(article)


def run_query(text: str, index: CorpusIndex) -> None:
    try:
        result: Query | QueryError = Query(_Parser(_lex(text)).parse())
    except _Fail as failure:
        result = failure.error
    if isinstance(result, QueryError):
        if not 0 <= result.position <= len(text) or not result.message:
            raise Broken(f"error position {result.position} outside a query of {len(text)}")
        return
    result.evaluate(index)
    str(result)
