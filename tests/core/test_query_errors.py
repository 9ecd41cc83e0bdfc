"""The filter language: errors say where, junk input never raises, and no UI is imported."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_query import check, indexed
from tui.corpus.index import CorpusIndex
from tui.corpus.query import MAX_DEPTH, Query, QueryError, parse_query

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def index() -> CorpusIndex:
    return indexed(CorpusIndex())


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ("foo:bar", 0, "unknown field 'foo'"),
        ("macron foo:bar", 7, "unknown field 'foo'"),
        ("spekaer:peskov", 0, "speaker"),  # a close match is suggested
        ("(macron", 0, "missing ')'"),
        ("a (b (c)", 2, "missing ')'"),
        ("macron)", 6, "unmatched ')'"),
        (")", 0, "unmatched ')'"),
        ('"political will', 0, "missing closing"),
        ('macron "political', 7, "missing closing"),
        ('speaker:"dmitry', 8, "missing closing"),
        ("macron -", 7, "nothing to exclude"),
        ("- macron", 0, "nothing to exclude"),
        ("--macron", 0, "nothing to exclude"),
        ("-(.)", 0, "nothing to exclude"),
        ("a -)", 2, "nothing to exclude"),
        ("OR macron", 0, "nothing before 'OR'"),
        ("| macron", 0, "nothing before '|'"),
        ("(or a)", 1, "nothing before 'or'"),
        ("macron OR", 7, "nothing after 'OR'"),
        ("(macron |)", 8, "nothing after '|'"),
        ("macron OR OR putin", 10, "unexpected 'OR'"),
        ("macron | | putin", 9, "unexpected '|'"),
        ("OR", 0, "nothing before"),
        ("()", 0, "empty group"),
        ("a ( ) b", 2, "empty group"),
        ("date:2026-13", 5, "bad date '2026-13'"),
        ("date:2026-02-30", 5, "bad date"),
        ("date:0000", 5, "bad date"),
        ("date:26-01-01", 5, "bad date"),
        ("after:yesterday", 6, "bad date 'yesterday'"),
        ("before:", 7, "missing value"),
        ("date:2026-01..2026-13", 14, "bad date '2026-13'"),
        ("date:2026-03..2026-01", 5, "ends before"),
        ("date:..", 5, "empty date range"),
        ("date:>", 6, "bad date"),
        ("quotes:many", 7, "bad count 'many'"),
        ("quotes:>", 7, "bad count"),
        ("quotes:-1", 7, "bad count"),
        ("has:cats", 4, "has:cats"),
        ("speaker:", 8, "missing value"),
        ("speaker: peskov", 8, "missing value"),
        ('s:""', 3, "missing value"),
        ("s:...", 2, "no words"),
        (":", 0, "field name"),
        (":peskov", 0, "field name"),
        ('a) "b', 1, "unmatched ')'"),  # the leftmost error wins
        ('foo:x "b', 0, "unknown field"),
        ("(" * 10_000, MAX_DEPTH, "nested"),
        ("-(" * 5_000, 2 * MAX_DEPTH + 1, "nested"),
        ("(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1), MAX_DEPTH, "nested"),
    ],
)
def test_errors_say_where(text: str, position: int, words: str) -> None:
    error = parse_query(text)
    assert isinstance(error, QueryError), text
    assert error.position == position, (text, error)
    assert words in error.message, (text, error)
    assert str(error) == error.message and len(error.message) < 80


def test_nesting_up_to_the_cap_is_fine(index: CorpusIndex) -> None:
    depth = MAX_DEPTH
    check(index, "(" * depth + "macron" + ")" * depth, {"kremlin", "elysee"})


def test_errors_are_frozen_values() -> None:
    error = parse_query("foo:bar")
    assert error == QueryError(0, error.message)  # type: ignore[union-attr]
    with pytest.raises(AttributeError):
        error.position = 3  # type: ignore[misc, union-attr]


# -- fuzzing ----------------------------------------------------------------------------------

PIECES = list('()"-:|. aORsp') + [
    " OR ", " or ", "|", "speaker:", "s:", "p:", "date:", "after:", "before:", "quotes:", "has:",
    "quotes", "foo:", "2026", "-02", "..", ">", ">=", "<", "=", "macron", "peskov", "é", "ß", "\t",
    "title:", "quote:", "cue:", "source:", "e:", "'", "\\", "\x00", "🙂",
]  # fmt: skip


def junk(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24)))


def test_junk_never_raises(index: CorpusIndex) -> None:
    rng = random.Random(20260204)
    outcomes = {Query: 0, QueryError: 0}
    for _ in range(2000):
        text = junk(rng)
        result = parse_query(text)
        assert isinstance(result, (Query, QueryError)), text
        outcomes[type(result)] += 1
        if isinstance(result, QueryError):
            assert 0 <= result.position <= len(text), (text, result)
            assert result.message != "could not read this filter", text  # the catch-all hides a bug
            continue
        result.evaluate(index)
        assert parse_query(str(result)) == result, (text, str(result))
    assert outcomes[Query] > 100 and outcomes[QueryError] > 100  # the fuzz reached both sides


def test_never_raises_on_odd_inputs() -> None:
    for text in ["(" * 100_000, ")" * 1000, '"' * 1001, "-" * 1000, "OR " * 1000, "a:" * 500,
                 "x " * 20_000, "((a) " * 2000, "\udcff", "date:9999-12-31..", "date:>9999-12-31",
                 "date:<0001-01-01", "before:0001"]:  # fmt: skip
        assert isinstance(parse_query(text), (Query, QueryError))


# -- no UI in here ----------------------------------------------------------------------------


def test_index_and_query_import_no_ui() -> None:
    code = (
        "import sys, tui.corpus.index, tui.corpus.query\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    core = ROOT / "tui" / "corpus"
    for path in [*(core / "index").glob("*.py"), *(core / "query").glob("*.py"), core / "fields.py"]:
        source = path.read_text(encoding="utf-8")
        assert "import textual" not in source and "from textual" not in source
        assert "import rich" not in source and "from rich" not in source
