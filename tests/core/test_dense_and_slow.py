"""Entity-dense and slow articles: tokens read in chunks give the parse read in one piece, an
article of more than `MAX_MENTIONS` names is searched for them only in part and says so in the
load report, and a parse past its time budget is reported "too slow to parse" while the other
files load. Every name here is invented."""

from __future__ import annotations

import gc

import pytest

from tests.helpers import wait_for
from tui.corpus.models import LoadProblem, LoadReport
from tui.corpus.parallel import ParseStream
from tui.corpus.parsing import entities, parse, runs
from tui.corpus.parsing.budget import ParseTooSlow, budget
from tui.corpus.parsing.parse import parse_text, parse_text_noted


def _invented(number: int) -> str:
    letters, number = "", number + 26 * 26
    while number:
        number, digit = divmod(number, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[digit]
    return "Z" + letters


_MIXED = (
    "A Title For The Test\n\n"
    '"We are fine," said Ann B. Lee of the Bank of Zelmor. Ms. Tova Quill of Acme Corp. said so. '
    "President von der Zand met T.J. Orrin, Dr. Ada Vell and the Zorvan Bank of Kell. "
    'Lee said it. Quill told them: "It holds." Anna Zed-Ott left. Zed-Ott\'s dog stayed.\n\n'
    "Then Ann Lee spoke again, and Orrin said the Bank of Zelmor would pay. "
)


def _names_text(count: int) -> str:
    return "A Title For The Test\n\n" + "".join(
        f"Said {_invented(k)} {_invented(k + 1)} of the {_invented(k + 2)} Bank. " for k in range(count)
    )


def _dump(text: str) -> dict:
    return parse_text(text).model_dump()


@pytest.mark.parametrize("chunk", [1, 2, 3, 5])
def test_tokens_read_in_small_chunks_give_the_same_parse(monkeypatch, chunk):
    whole = _dump(_MIXED * 3)
    monkeypatch.setattr(runs, "CHUNK_TOKENS", chunk)
    assert _dump(_MIXED * 3) == whole


def test_chunks_are_cut_between_sentences_of_names(monkeypatch):
    """Sentences ending `. ` before a capitalised word are cut apart: a text of nothing but
    sentences of names is not one chunk (the bound on names read is checked between chunks)."""
    monkeypatch.setattr(runs, "CHUNK_TOKENS", 4)
    chunks = list(runs.token_chunks(_names_text(50)))
    assert len(chunks) > 10
    assert max(len(chunk) for chunk in chunks) < 12


def test_an_article_of_too_many_names_is_searched_for_them_in_part(monkeypatch):
    monkeypatch.setattr(runs, "CHUNK_TOKENS", 8)
    monkeypatch.setattr(entities, "MAX_MENTIONS", 40)
    text = _names_text(400)
    article, notes = parse_text_noted(text)
    mentions = sum(len(e.mentions) for e in article.entities)
    assert 40 <= mentions < 60  # the chunk that passes the bound is finished
    assert max(end for e in article.entities for _, end in e.mentions) < len(text) // 4
    assert len(notes) == 1 and "over 40 names" in notes[0] and f"of {len(text):,} chars" in notes[0]


def test_an_ordinary_article_has_no_note():
    article, notes = parse_text_noted(_MIXED)
    assert notes == [] and article.entities


def test_a_budget_stops_a_parse_in_this_thread():
    text = _names_text(3000)
    with pytest.raises(ParseTooSlow, match="gave up after 0.001 CPU seconds"), budget(0.001):
        parse_text(text)
    with budget(None):
        assert parse_text(text).entities  # no budget: never gives up
    assert parse_text(text).entities


def test_the_collector_is_paused_during_a_parse_and_set_back(monkeypatch):
    seen: list[bool] = []
    find_quotes = parse.find_quotes
    monkeypatch.setattr(parse, "find_quotes", lambda *a: seen.append(gc.isenabled()) or find_quotes(*a))
    assert wait_for(gc.isenabled)  # an earlier test's cache check in the background pauses it too
    parse_text(_MIXED)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        parse_text(_MIXED)
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def _folder(tmp_path, big: str) -> list:
    (tmp_path / "a_small.txt").write_text(_MIXED, encoding="utf-8")
    (tmp_path / "b_big.txt").write_text(big, encoding="utf-8")
    (tmp_path / "c_small.txt").write_text(_MIXED.replace("Ann", "Una"), encoding="utf-8")
    return sorted(tmp_path.iterdir())


def _load(files, workers: int, seconds: float | None) -> tuple[list, LoadReport]:
    report = LoadReport()
    items = [item for batch in ParseStream(files, report, workers=workers, parse_seconds=seconds) for item in batch]
    return items, report


@pytest.mark.parametrize("workers", [1, 2])
def test_a_parse_past_its_budget_is_reported_and_the_rest_loads(tmp_path, monkeypatch, workers):
    from tui.corpus import parallel

    monkeypatch.setattr(parallel, "SERIAL_BYTES", 0)  # with 2 workers: a pool, parsing in its processes
    files = _folder(tmp_path, _names_text(20_000))  # ~1 MB of names: far more than 0.05 s to parse
    items, _ = _load(files, workers, 0.05)
    problems = [item for item in items if isinstance(item, LoadProblem)]
    articles = [item[0] for item in items if not isinstance(item, LoadProblem)]
    assert [(p.path, p.reason, p.detail) for p in problems] == [
        (str(files[1]), "too slow to parse", "gave up after 0.05 CPU seconds")
    ]
    assert [compact[1] for compact in articles] == [str(files[0]), str(files[2])]


def test_an_article_of_too_many_names_loads_with_a_note(tmp_path, monkeypatch):
    monkeypatch.setattr(runs, "CHUNK_TOKENS", 8)
    monkeypatch.setattr(entities, "MAX_MENTIONS", 40)
    files = _folder(tmp_path, _names_text(400))
    items, _ = _load(files, 1, None)
    problems = [item for item in items if isinstance(item, LoadProblem)]
    assert [(p.path, p.reason) for p in problems] == [(str(files[1]), "partly parsed")]
    assert [item[0][1] for item in items if not isinstance(item, LoadProblem)] == [str(f) for f in files]


def test_a_stretch_of_joined_words_past_the_bound_names_nothing_and_holds_no_tokens(monkeypatch):
    monkeypatch.setattr(runs, "LONGEST_STRETCH", 20)
    monkeypatch.setattr(runs, "CHUNK_TOKENS", 4)
    stretch = " ".join(_invented(k) for k in range(30))
    text = f"Ann Lee said it. It is {stretch} here. Then Tova Quill said so. The Bank of Zelmor paid."
    held = [token.text for chunk in runs.token_chunks(text) for token in chunk]
    assert "Ann" in held and "Tova" in held and "Zelmor" in held
    assert not set(held) & set(stretch.split())
    names = {entity.name for entity in parse_text(text).entities}
    assert {"Ann Lee", "Tova Quill"} <= names
    assert not any(_invented(5) in name for name in names)
    monkeypatch.setattr(runs, "LONGEST_STRETCH", 30)  # at the bound: read as before
    assert any(_invented(5) in token.text for chunk in runs.token_chunks(text) for token in chunk)


def test_a_text_past_the_quote_bound_is_searched_for_quotes_in_part(monkeypatch):
    monkeypatch.setattr(parse, "QUOTE_SEARCH_CHARS", 400)
    body = '"We are fine," said Ann Lee. ' * 20
    text = f"A Title For The Test\n\n{body}\n\n{body}"
    article, notes = parse_text_noted(text)
    assert article.quotes and max(q.end for q in article.quotes) <= 400
    assert len(article.paragraphs) == 2  # the article keeps all its text and paragraphs
    searched, stop = parse.quoted_part(text, article.paragraphs)
    assert stop is not None and text[stop - 1] == "." and searched[-1][1] == stop < 400
    assert notes == [f"over 400 chars or 200,000 quotation marks: searched for quotes only in its first {stop} chars"]
    monkeypatch.setattr(parse, "QUOTE_SEARCH_CHARS", len(text))
    assert parse.quoted_part(text, article.paragraphs) == (article.paragraphs, None)


def test_a_paragraph_past_the_quote_bound_with_no_sentence_end_is_cut_at_a_space_or_the_bound(monkeypatch):
    monkeypatch.setattr(parse, "QUOTE_SEARCH_CHARS", 100)
    spaced = "word " * 40
    assert parse.quoted_part(spaced, [(0, len(spaced))]) == ([(0, 99)], 99)
    solid = "x" * 200
    assert parse.quoted_part(solid, [(0, 200)]) == ([(0, 100)], 100)


def test_the_quote_search_stops_at_the_bound_on_quotation_marks(monkeypatch):
    monkeypatch.setattr(parse, "MAX_QUOTE_MARKS", 10)
    text = '"We are fine," said Ann Lee. ' * 20
    searched, stop = parse.quoted_part(text, [(0, len(text) - 1)])
    assert stop == text.index('"We', 5 * 29 - 1) - 1 and searched == [(0, stop)]  # the 11th mark opens the 6th


def test_a_partly_parsed_article_is_reported_as_loaded_not_skipped(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli_common import report_problems as _report

    noted = LoadProblem(path="big.txt", reason="partly parsed", detail="searched for names in part")
    report = LoadReport(files=1, articles=1, problems=[noted])
    assert report.ok and not noted.skipped
    assert _report(report) == 0
    assert capsys.readouterr().err.startswith("loaded in part: big.txt: partly parsed")
    report.problems.append(LoadProblem(path="bad.txt", reason="binary"))
    assert not report.ok and _report(report) == 1


def test_a_word_of_many_dotted_parts_is_read_in_bounded_memory() -> None:
    import tracemalloc

    from tui.corpus.parsing import parse_text

    assert runs.TOKEN.fullmatch("U.S.A") and runs.TOKEN.fullmatch(".".join(["A"] * (runs.MOST_WORD_PARTS + 1)))
    assert not runs.TOKEN.fullmatch(".".join(["A"] * (runs.MOST_WORD_PARTS + 2)))  # read as two words
    text = "A Title\n\nAnn said " + "U.S." * 250_000 + " fine."  # one 1 MB word
    parse_text("A Title\n\nAnn Lee of Acme said it was U.S. policy.")  # the lexicons, loaded once, not counted
    tracemalloc.start()
    try:
        parse_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30 * len(text)  # the regex engine's stack per joined part took ~60 bytes a character


def test_a_sentence_past_the_longest_reporting_sentence_is_not_cut_into_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.corpus.parsing import parse_text, reported

    read: list[int] = []
    words = reported.words

    def counted(text: str, start: int, end: int):
        read.append(end - start)
        return words(text, start, end)

    monkeypatch.setattr(reported, "words", counted)
    long = "Ann Lee \u2014 said \u2013 " * (reported.LONGEST_REPORTING_SENTENCE // 10)  # one sentence, no full stop
    parse_text("A Title\n\n" + long + "\n\nBo Chan said the vote was close.")
    assert read and max(read) <= reported.LONGEST_REPORTING_SENTENCE  # the short sentence is still read
