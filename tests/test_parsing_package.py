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
