"""The quotes' word file (quote_words.py): it answers a `quote:` term exactly as the text check
does, a stale or damaged one is passed over, and it is made in a process the app never waits for."""

from __future__ import annotations

import random
import time
from pathlib import Path

import numpy as np
import pytest

from tests.core.test_pairs import GAPS, WORDS, built, generated_articles, numbers, phrases, seed_articles
from tui.corpus import quote_view, quote_words, quote_words_build
from tui.corpus.index import tokens
from tui.corpus.models import Article
from tui.corpus.quote_view import QuoteView
from tui.corpus.quote_words import MAGIC, Damaged, QuoteWords, WordFile
from tui.corpus.storage import ArticleStore

FINGERPRINT = "ab" * 32
FOLDING_WORDS = [*WORDS, "\ufb01nance", "Finance", "fi", "nance", "na\u00efve", "NAIVE", "caf\u00e9", "Cafe", "\u00b2"]
FOLDING_GAPS = [*GAPS, "\u2122", "\ufb01", " \u00bd ", "\u2026"]
BUILD_WAIT = 60.0  # seconds a forked build of a small corpus may take on a busy machine


def view_of(articles: list[Article]) -> QuoteView:
    store = ArticleStore()
    for article in articles:
        store.append(article)
    return QuoteView(store, built(articles, 2)).refresh()


def build_file(view: QuoteView, path: Path) -> None:
    first, start, end = view.table.loop_columns("first", "start", "end")
    quote_words_build.build(path, FINGERPRINT, view.store.texts, first, start, end, view.index.quotes_folded)


def asked(articles: list[Article], seed: int) -> list[tuple[str, ...]]:
    """Phrases of two to four words (some cut short) and single words, some found nowhere."""
    rng = random.Random(seed)
    said = sorted({word for a in articles for q in a.quotes for word in tokens(q.text)})
    singles = [(word,) for word in rng.sample(said, min(40, len(said)))] + [("nowhere",), ("fi",), ("tm",)]
    return [tuple(words) for words in phrases(articles, seed=seed, count=120)] + singles


@pytest.mark.parametrize(("articles", "seed"), [
    (generated_articles(200, 11, FOLDING_WORDS, FOLDING_GAPS), 11),
    (generated_articles(200, 12), 12),
    (seed_articles(), 13),
])  # fmt: skip
def test_the_word_file_answers_as_the_text_check(tmp_path: Path, articles: list[Article], seed: int) -> None:
    checked = view_of(articles)
    path = tmp_path / "entry.cache.quotewords"
    build_file(checked, path)
    indexed = QuoteView(checked.store, checked.index).refresh()
    indexed.start_word_file((path, FINGERPRINT))
    some = np.zeros(len(checked.table), dtype=bool)
    some[::3] = True
    found = 0
    for words in asked(articles, seed):
        expected = checked._quotes_saying(words, None)
        assert indexed._indexed_saying(words) is not None, words  # the file answered, not the check
        assert numbers(indexed.match_quotes("quote", words)) == numbers(expected), words
        assert numbers(indexed.match_quotes("quote", words, some)) == numbers(expected & some), words
        found += int(expected.sum())
    assert found > 100


def test_pairs_made_in_bands_of_first_words_answer_alike(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    articles = generated_articles(150, 8, FOLDING_WORDS, FOLDING_GAPS)
    one, banded = view_of(articles), view_of(articles)
    build_file(one, tmp_path / "one.quotewords")
    words = QuoteWords(tmp_path / "one.quotewords", FINGERPRINT, len(one.table)).words
    bits = max(1, words.bit_length()) + max(1, len(one.table).bit_length())
    monkeypatch.setattr(quote_words_build, "KEY_BITS", bits + 2)  # bands of 4 first words
    assert words > 8
    build_file(banded, tmp_path / "banded.quotewords")
    one.start_word_file((tmp_path / "one.quotewords", FINGERPRINT))
    banded.start_word_file((tmp_path / "banded.quotewords", FINGERPRINT))
    for words in asked(articles, 8):
        assert numbers(banded._quotes_saying(words, None)) == numbers(one._quotes_saying(words, None)), words
    assert (tmp_path / "one.quotewords").read_bytes() == (tmp_path / "banded.quotewords").read_bytes()


def test_a_stale_or_damaged_file_is_passed_over(tmp_path: Path) -> None:
    view = view_of(generated_articles(60, 3))
    path = tmp_path / "entry.cache.quotewords"
    build_file(view, path)
    quotes = len(view.table)
    assert QuoteWords(path, FINGERPRINT, quotes).word_number("we") is not None
    whole = path.read_bytes()
    damaged = {
        "another entry": lambda: QuoteWords(path, "cd" * 32, quotes),
        "another quote table": lambda: QuoteWords(path, FINGERPRINT, quotes + 1),
    }
    for why, opening in damaged.items():
        with pytest.raises(Damaged, match=why):
            opening()
    for broken in (whole[:-4], whole + b"x", MAGIC.replace(b"1", b"0") + whole[len(MAGIC) :], b"", b"\x00" * 99):
        path.write_bytes(broken)
        builds = _Builds()
        file = WordFile(path, FINGERPRINT)
        file.start(quotes, builds.start)
        assert builds.started == 1 and file.ready(quotes) is None  # built again; meanwhile the text check


def test_postings_damaged_in_place_leave_the_answer_to_the_text_check(tmp_path: Path) -> None:
    """A file whose lengths add up but whose postings name quotes past the table is not trusted:
    the keystroke gets the text check's answer, never an error, and the file is given up."""
    articles = generated_articles(60, 5)
    view, checked = view_of(articles), view_of(articles)
    path = tmp_path / "entry.cache.quotewords"
    build_file(view, path)
    postings_at = QuoteWords(path, FINGERPRINT, len(view.table))._word_postings
    whole = path.read_bytes()
    path.write_bytes(whole[:postings_at] + b"\xff" * (len(whole) - postings_at))
    view.start_word_file((path, FINGERPRINT))
    for words in [("we",), ("we", "will"), *asked(articles, 5)[:20]]:
        assert numbers(view.match_quotes("quote", words)) == numbers(checked._quotes_saying(words, None)), words
    assert view._indexed_saying(("we",)) is None  # given up after the first read that did not add up


def test_quote_phrases_typed_do_not_push_the_views_answers_out() -> None:
    articles = generated_articles(60, 6)
    view = view_of(articles)
    view.remember(("a view's answer",), lambda: "kept")
    said = sorted({word for a in articles for q in a.quotes for word in tokens(q.text)})
    for word in said[:40]:  # a phrase typed a letter at a time makes a mask a prefix
        view.match_quotes("quote", (word,))
    sayings = [key for key in view.answers if key[0] == "saying"]
    assert len(said) >= 40 and len(sayings) == quote_view.SAYINGS_KEPT
    assert sayings[-1] == ("saying", (said[39],)) and ("a view's answer",) in view.answers


class _Builds:
    """Counts the builds started; each ends at once without a file."""

    def __init__(self) -> None:
        self.started = 0

    def start(self) -> _Done:
        self.started += 1
        return _Done()


class _Done:
    """A build process that has ended without a file."""

    def is_alive(self) -> bool:
        return False

    def join(self) -> None:
        return None


def test_the_build_runs_in_a_process_the_app_does_not_wait_for(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    go, path = tmp_path / "go", tmp_path / "entry.cache.quotewords"
    real = quote_words_build.build

    def held(*args: object) -> None:  # in the forked child: waits for the test's word
        while not go.exists():
            time.sleep(0.01)
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(quote_words_build, "build", held)
    articles = generated_articles(80, 4, FOLDING_WORDS, FOLDING_GAPS)
    view, checked = view_of(articles), view_of(articles)
    view.start_word_file((path, FINGERPRINT))
    assert not path.exists() and view._indexed_saying(("we", "will")) is None
    assert numbers(view.match_quotes("quote", ("we", "will"))) == numbers(checked._quotes_saying(("we", "will"), None))
    go.touch()
    waited = time.monotonic()
    while view._indexed_saying(("we",)) is None and time.monotonic() - waited < BUILD_WAIT:
        time.sleep(0.05)
    assert path.exists()
    for words in (("we",), ("we", "will"), ("chief", "executive", "said")):
        assert numbers(view._quotes_saying(words, None)) == numbers(checked._quotes_saying(words, None)), words


def test_a_killed_builds_temporary_is_removed_by_the_next_build(tmp_path: Path) -> None:
    from tui.corpus.entry_temporaries import _host

    left = tmp_path / f".tmp-4194305-{_host()}-x.quotewords.cache"  # a pid above any pid_max: dead
    left.write_bytes(b"half a file")
    build_file(view_of(generated_articles(20, 6)), tmp_path / "entry.cache.quotewords")
    assert not left.exists() and [p.name for p in tmp_path.iterdir()] == ["entry.cache.quotewords"]


def test_quotes_without_pairs_or_without_words(tmp_path: Path) -> None:
    path = tmp_path / "entry.cache.quotewords"
    texts, folded = ["War here, and war.", ""], lambda position: False
    quote_words_build.build(path, FINGERPRINT, texts, [0, 2, 2], [0, 10], [3, 18], folded)
    found = QuoteWords(path, FINGERPRINT, 2)
    assert (found.words, found.pairs) == (2, 1)  # "war"; "and war" holds two words, one pair
    assert found.saying(("war",), lambda quotes: quotes).tolist() == [0, 1]
    assert found.saying(("and", "war"), lambda quotes: quotes).tolist() == [1]
    assert found.saying(("war", "here"), lambda quotes: quotes).tolist() == []
    quote_words_build.build(path, FINGERPRINT, [""], [0, 0], [], [], folded)
    assert QuoteWords(path, FINGERPRINT, 0).saying(("war",), lambda quotes: quotes).tolist() == []


def test_without_fork_or_positional_reads_the_text_check_answers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(quote_words, "SUPPORTED", False)
    builds, file = _Builds(), WordFile(tmp_path / "entry.cache.quotewords", FINGERPRINT)
    file.start(3, builds.start)
    assert builds.started == 0 and file.ready(3) is None


@pytest.mark.parametrize(("meminfo", "built"), [
    ("MemTotal: 100 kB\nMemAvailable:       1 kB\n", False),  # no room: the text check answers
    ("MemTotal: 1 kB\nMemAvailable: 104857600 kB\n", True),
    ("MemTotal: 100 kB\n", True),  # not told: built
    (None, True),  # no such file (not Linux): built
])  # fmt: skip
def test_a_build_starts_only_where_memory_allows(tmp_path: Path, monkeypatch, meminfo: str | None, built: bool) -> None:  # type: ignore[no-untyped-def]
    info = tmp_path / "meminfo"
    if meminfo is not None:
        info.write_text(meminfo)
    monkeypatch.setattr(quote_words_build, "MEMINFO", info)
    path = tmp_path / "entry.cache.quotewords"
    view = view_of(generated_articles(40, 9))
    first, start, end = view.table.loop_columns("first", "start", "end")
    process = quote_words_build.start(path, FINGERPRINT, view.store.texts, first, start, end, view.index.quotes_folded)
    assert (process is not None) is built
    if process is not None:
        process.join(BUILD_WAIT)
    assert path.exists() is built


def test_with_no_room_for_a_build_the_text_check_answers(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(quote_words_build, "available_memory", lambda: 1024)
    articles = generated_articles(40, 9)
    view, checked = view_of(articles), view_of(articles)
    view.start_word_file((tmp_path / "entry.cache.quotewords", FINGERPRINT))
    assert view._word_file is not None and view._word_file._builder is None  # not started: nothing to wait for
    for words in (("we",), ("we", "will")):
        assert numbers(view.match_quotes("quote", words)) == numbers(checked._quotes_saying(words, None)), words


def test_a_build_that_cannot_fork_is_asked_again_later(tmp_path: Path) -> None:
    file, builds = WordFile(tmp_path / "entry.cache.quotewords", FINGERPRINT), _Builds()

    def no_fork() -> None:
        raise OSError(12, "Cannot allocate memory")

    file.start(3, no_fork)  # type: ignore[arg-type]
    assert file.ready(3) is None
    file.start(3, builds.start)  # type: ignore[arg-type]
    assert builds.started == 1


_ORPHANED_BUILD = """
import sys, time
from pathlib import Path
from tui.corpus import quote_words_build
quote_words_build.build = lambda *args: time.sleep(120)  # a build that would run for minutes
process = quote_words_build.start(Path(sys.argv[1]), "ab" * 32, [], [0], [], [], lambda position: False)
print(process.pid, flush=True)
time.sleep(120)
"""
ORPHAN_GONE_WITHIN = 10.0  # seconds: the build looks for its parent every PARENT_CHECK_SECONDS


def _running(pid: int) -> bool:
    """Whether `pid` runs (a zombie, waiting for a reaper that may never come here, does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/status").exists() or not quote_words.SUPPORTED, reason="needs /proc and fork")
def test_a_build_ends_when_the_app_that_started_it_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    app = subprocess.Popen([sys.executable, "-c", _ORPHANED_BUILD, str(tmp_path / "w")], cwd=root,
                           stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        build = int(app.stdout.readline())  # type: ignore[union-attr]
        assert _running(build)
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait()
    deadline = time.monotonic() + ORPHAN_GONE_WITHIN
    while _running(build) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(build)


def test_a_build_can_be_waited_for_where_one_wants_the_file_now(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`word_file_made` (for a benchmark: the app never waits): False with no build, or none
    possible; True once the build has ended, the file then answering."""
    articles = generated_articles(60, 10)
    view, checked = view_of(articles), view_of(articles)
    assert not view.word_file_made(0)  # no build started
    view.start_word_file((tmp_path / "entry.cache.quotewords", FINGERPRINT))
    assert view.word_file_made(BUILD_WAIT) and view._indexed_saying(("we",)) is not None
    assert numbers(view.match_quotes("quote", ("we",))) == numbers(checked._quotes_saying(("we",), None))
    monkeypatch.setattr(quote_words_build, "available_memory", lambda: 1024)
    roomless = view_of(articles)
    roomless.start_word_file((tmp_path / "other.cache.quotewords", FINGERPRINT))
    waited = time.monotonic()
    assert not roomless.word_file_made(BUILD_WAIT) and time.monotonic() - waited < 1  # nothing to wait for
