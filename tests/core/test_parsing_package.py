"""The parser's package: quotations passed as a value, one article context, and every window named."""

from __future__ import annotations

import ast
from pathlib import Path

import tui.corpus.parsing as parsing_package
from tui.corpus import parse_text
from tui.corpus.parsing.entity_table import EntityTable
from tui.corpus.parsing.sentences import in_span


def test_in_span_takes_starts_not_ends():
    spans = [(5, 10), (20, 30)]
    assert [in_span(spans, k) for k in (4, 5, 9, 10, 20, 29, 30)] == [False, True, True, False, True, True, False]
    assert not in_span([], 0)


def test_a_pronoun_does_not_go_back_to_a_name_inside_the_quotation():
    text = 'Title here\n\nMary Jones walked in.\n\n"Karen Smith told the council we were late," she said.\n'
    assert [q.speaker for q in parse_text(text).quotes] == ["Mary Jones"]


def test_the_entity_table_holds_no_quotations():
    assert not hasattr(EntityTable(), "quoted")


def test_find_quotes_takes_one_article_context_and_adds_the_quotation_spans(monkeypatch):
    from tui.corpus.parsing import parse, quotes
    from tui.corpus.parsing.context import ArticleContext

    seen: list[ArticleContext] = []
    real = quotes.resolve_speaker

    def spying(ctx, attribution, speakers):
        seen.append(ctx)
        return real(ctx, attribution, speakers)

    monkeypatch.setattr(quotes, "resolve_speaker", spying)
    text = 'Title here\n\n"We are ready," Ann Lee said.\n'
    article = parse.parse_text(text)
    assert [q.speaker for q in article.quotes] == ["Ann Lee"]
    ctx = seen[0]
    start = text.index('"')
    assert ctx.text is text and ctx.quoted == [(start, text.index('"', start + 1) + 1)]
    assert ctx.sentences and ctx.table.entities and ctx.lowered == text.lower()


def test_an_article_context_leaves_lowered_unset_when_a_letter_lowers_to_two():
    from tui.corpus.parsing.context import ArticleContext

    assert ArticleContext.of("\u0130stanbul", [], EntityTable()).lowered is None
    assert ArticleContext.of("Ann", [], EntityTable()).lowered == "ann"


def _bare_bounds(source: str) -> list[tuple[str, int, int]]:
    """Integer literals above 2 in a function's slice bounds or in its range/min/max/islice
    arguments: a look-back or look-ahead whose size has no name."""
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Slice):
                parts = [node.lower, node.upper]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _BOUNDED_CALLS:
                parts = list(node.args)
            else:
                continue
            for part in filter(None, parts):
                for leaf in ast.walk(part):
                    if isinstance(leaf, ast.Constant) and type(leaf.value) is int and abs(leaf.value) > 2:
                        found.append((function.name, leaf.lineno, leaf.value))
    return found


_BOUNDED_CALLS = frozenset({"range", "min", "max", "islice"})


def test_the_bare_bound_check_finds_an_unnamed_window():
    assert _bare_bounds("def f(items, k):\n    return items[k : k + 30]\n") == [("f", 2, 30)]
    assert _bare_bounds("def f(items, k):\n    return min(len(items), k + _WINDOW)\n") == []


def test_every_window_in_the_parser_is_a_named_constant():
    package = Path(parsing_package.__file__).parent
    found = {path.name: _bare_bounds(path.read_text()) for path in sorted(package.glob("*.py"))}
    assert {name: bounds for name, bounds in found.items() if bounds} == {}
