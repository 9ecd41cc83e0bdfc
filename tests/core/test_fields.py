"""The filter fields and the entity kinds are declared once (tui/corpus/fields.py, kinds.py): the
query parser accepts exactly what the tables declare. Completion, the help screen, the filter bar's
hint and the entity panel are checked against the same tables in tests/app/test_fields.py."""

from __future__ import annotations

from typing import get_args

import pytest

from tui.corpus import CorpusIndex, parse_query
from tui.corpus.fields import FIELD_ALIASES, FIELDS, SPEAKERS
from tui.corpus.kinds import KIND_NAMES
from tui.corpus.models import ENTITY_KINDS, EntityKind
from tui.corpus.query import DateRange, Has, Match, Query, QuoteCount

SPELLINGS = set(FIELD_ALIASES)
NOT_FIELDS = ["nope", "speakers", "people", "kind", "label", "titles", "dates", "x"]
NODE_OF_VALUE = {"names": Match, "words": Match, "facts": Has, "count": QuoteCount,
                 "period": DateRange, "from": DateRange, "until": DateRange}  # fmt: skip


# -- the query parser -------------------------------------------------------------------------


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: field.name)
def test_every_spelling_of_a_field_parses_its_example(field) -> None:
    value = field.example.split(":", 1)[1]
    for spelling in field.spellings:
        query = parse_query(f"{spelling.upper()}:{value}")
        assert isinstance(query, Query), (spelling, query)
        assert isinstance(query.root, NODE_OF_VALUE[field.value])
        assert parse_query(str(query)) == query


def test_the_parser_takes_exactly_the_declared_field_names() -> None:
    unknown = {name for name in [*SPELLINGS, *NOT_FIELDS] if "unknown field" in str(parse_query(f"{name}:2026"))}
    assert unknown == set(NOT_FIELDS)
    error = parse_query("nope:x")
    assert not isinstance(error, Query) and "speaker:" in error.message  # the hint's fields suggested


def test_names_fields_look_up_the_names_they_declare() -> None:
    index = CorpusIndex()
    calls: list[tuple[str, object]] = []
    index.entity = lambda words, kind=None: calls.append(("entity", kind)) or set()  # type: ignore[method-assign]
    index.speaker = lambda words: calls.append(("speaker", SPEAKERS)) or set()  # type: ignore[method-assign]
    for field in FIELDS:
        if field.value == "names":
            calls.clear()
            query = parse_query(f"{field.name}:lee")
            assert isinstance(query, Query)
            query.evaluate(index)
            assert calls == [("speaker" if field.names == SPEAKERS else "entity", field.names)]


# -- entity kinds -----------------------------------------------------------------------------


def test_the_kinds_table_is_the_parsers_kinds() -> None:
    assert KIND_NAMES == ENTITY_KINDS == get_args(EntityKind)
