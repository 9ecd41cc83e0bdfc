"""The seed article parses exactly as its gold file and the design notes say."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.helpers import SEED_ARTICLE, shared_path
from tui.corpus import parse_text

GOLD_QUOTES = [  # start, end, kind, speaker, cue
    (393, 514, "direct", "Dmitry Peskov", "told"),
    (719, 807, "direct", "Emmanuel Macron", "told"),
    (1056, 1348, "direct", "Emmanuel Macron", "added"),
    (1523, 1780, "direct", "Emmanuel Macron", "said"),
    (1886, 2011, "partial", "Dmitry Peskov", "informed"),
]
ENTITIES = {
    "person": {"Dmitry Peskov", "Emmanuel Macron", "Vladimir Putin", "Volodymyr Zelenskyy"},
    "place": {"Russia", "France", "Moscow", "Paris", "Haute-Saone", "Brussels"},
    "organization": {"Kremlin", "EU"},
    "group": {"Europeans", "Ukrainians", "Russians"},
}
ROLES = {
    "Dmitry Peskov": ["Kremlin spokesman"],
    "Emmanuel Macron": ["French President"],
    "Vladimir Putin": ["Russian President"],
    "Volodymyr Zelenskyy": ["Ukrainian President"],
}


@pytest.fixture(scope="module")
def seed():
    return parse_text(SEED_ARTICLE.read_text(encoding="utf-8"), article_id=SEED_ARTICLE.stem, path=str(SEED_ARTICLE))


def test_header(seed):
    assert seed.id == "000_095502d58ae3b188"
    assert seed.title == "Russia Confirms Confidential Discussions with France"
    assert seed.text[slice(*seed.title_span)] == seed.title
    assert seed.published == datetime(2026, 2, 4, 8, 6, 21)
    assert seed.dateline == datetime(2024, 1, 2, 12, 17, tzinfo=timezone(timedelta(0)))
    assert seed.date == seed.published
    assert seed.source == "MENAFN"
    assert seed.text.startswith("Tuesday, 02 January 2024") and len(seed.paragraphs) == 8
    assert seed.text[seed.paragraphs[0][0] :].startswith("(MENAFN) Moscow")


def test_quotes(seed):
    found = [(q.start, q.end, q.kind, q.speaker, q.cue) for q in seed.quotes]
    assert found == GOLD_QUOTES
    for quote in seed.quotes:
        assert quote.text == seed.text[quote.start : quote.end]
        assert seed.text[slice(*quote.cue_span)] == quote.cue
        assert quote.speaker_id == "person:" + quote.speaker.lower().replace(" ", "-")


def test_speaker_mentions(seed):
    spans = [seed.text[slice(*q.speaker_span)] for q in seed.quotes]
    assert spans == ["Kremlin spokesman Dmitry Peskov", "Macron", "he", "Macron", "Peskov"]


def test_entities(seed):
    by_kind = {kind: {e.name for e in seed.entities if e.kind == kind} for kind in ENTITIES}
    assert by_kind == ENTITIES
    people = {e.name: e for e in seed.entities if e.kind == "person"}
    assert {name: e.roles for name, e in people.items()} == ROLES
    assert set(people["Emmanuel Macron"].aliases) == {"Emmanuel Macron", "Macron"}
    for entity in seed.entities:
        for start, end in entity.mentions:
            assert seed.text[start:end] in entity.aliases


def test_matches_gold_file(seed):
    gold = json.loads(shared_path("eval", "seed", "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert gold["text"] == seed.text
    assert [(q["start"], q["end"], q["reference"], q["verb"]) for q in gold["quotes"]] == [
        (q.start, q.end, q.speaker, q.cue) for q in seed.quotes
    ]
    assert sorted(gold["people"]) == sorted(e.name for e in seed.entities if e.kind == "person")
