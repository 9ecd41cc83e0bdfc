"""The filter fields and the entity kinds are declared once (tui/corpus/fields.py, kinds.py): tab
completion, the help screen, the filter bar's hint and the entity panel show exactly what the tables
declare. The query parser's half is tests/core/test_fields.py."""

from __future__ import annotations

import re
import string

from tui.app import DARK, LIGHT
from tui.corpus import CorpusIndex
from tui.corpus.fields import FIELD_ALIASES, FIELDS, KIND_LABELS, NAME_FIELDS, SPEAKERS, field_tokens, hint_names
from tui.corpus.kinds import KIND_NAMES, KINDS
from tui.screens.help import help_content
from tui.widgets.completion import completions
from tui.widgets.entity_panel import EntityPanel, ordered
from tui.widgets.filter_bar import HINT

SPELLINGS = set(FIELD_ALIASES)


def field_section() -> str:
    return help_content().plain.split("The filter language", 1)[1]


# -- completion -------------------------------------------------------------------------------


def test_completion_offers_exactly_the_declared_fields() -> None:
    offered: set[str] = set()
    for letter in string.ascii_lowercase:
        for text, _ in completions(letter, 1, CorpusIndex.field_names(), lambda value, kind: []):
            offered.add(text.split(":", 1)[0])
    assert offered == SPELLINGS
    assert set(field_tokens()) == set(CorpusIndex.field_names())


def test_completion_after_a_field_asks_for_the_names_it_declares() -> None:
    asked: list[object] = []

    def names(value: str, kind: str | None) -> list[str]:
        asked.append(kind)
        return []

    for spelling in SPELLINGS:
        asked.clear()
        completions(f"{spelling}:le", len(spelling) + 3, field_tokens(), names)
        assert asked == ([NAME_FIELDS[spelling]] if spelling in NAME_FIELDS else []), spelling


# -- the help screen and the hint ---------------------------------------------------------------


def test_the_help_shows_exactly_the_declared_fields() -> None:
    shown = set(re.findall(r"(?<![\w\"-])([a-z]+):", field_section()))
    assert shown <= SPELLINGS
    assert {field.name for field in FIELDS} <= shown
    assert {field.short for field in FIELDS if field.short} <= shown


def test_the_filter_bar_hint_names_fields_in_the_table() -> None:
    named = re.findall(r"([a-z]+):", hint_names())
    assert named and set(named) <= {field.name for field in FIELDS}
    assert HINT.startswith(hint_names() + " ")


# -- entity kinds -----------------------------------------------------------------------------


def test_every_kind_has_a_field_a_label_a_colour_and_a_style_class() -> None:
    kinds_with_a_field = {field.names for field in FIELDS if field.value == "names"} - {None, SPEAKERS}
    assert kinds_with_a_field == set(KIND_NAMES)
    for kind in KINDS:
        assert len(KIND_LABELS[kind.name]) == 1
        assert kind.style in DARK and kind.style in LIGHT
        assert f"entity-panel--{kind.name}" in EntityPanel.COMPONENT_CLASSES
        assert f".entity-panel--{kind.name} {{ color: ${kind.style}; }}" in EntityPanel.DEFAULT_CSS
    assert len(set(KIND_LABELS.values())) == len(KINDS)


def test_the_panel_lists_kinds_in_table_order() -> None:
    class Row:
        def __init__(self, kind: str) -> None:
            self.name, self.kind, self.mentions, self.quotes = kind, kind, 1, 0

    rows = [Row(kind) for kind in reversed(KIND_NAMES)]
    assert [row.kind for row in ordered(rows)] == list(KIND_NAMES)
