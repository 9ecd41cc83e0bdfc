"""The parser's package: the quotations are a value passed to the rules that need them, not a table field."""

from __future__ import annotations

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
