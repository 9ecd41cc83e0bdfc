"""A lone surname that two full names of the corpus share, and that its articles place by no gender or
role, is the full name quoted far more than the other (issue 14: one person, one identity)."""

from __future__ import annotations

from tests.helpers import corpus_of
from tui.corpus import LiveCorpus, parse_text


def _people(*texts: str) -> dict[str, int]:
    live = LiveCorpus(corpus_of(parse_text(text) for text in texts))
    found = live.people("")
    assert not isinstance(found, Exception)
    return {row.name: row.quotes for row in found.rows}


def _quoted(name: str, times: int) -> str:
    lines = "\n\n".join(f'"Point number {n} stands," {name} said.' for n in range(times))
    return f"Speech\n\n{name} spoke at length.\n\n{lines}"


LONE = 'Debate\n\nThe debate went on.\n\n"We will win," Dr Holm said.'


def test_a_lone_surname_is_the_full_name_quoted_far_more_than_the_other() -> None:
    people = _people(_quoted("Ann Holm", 30), _quoted("Tom Holm", 1), LONE)
    assert people["Ann Holm"] == 31 and people["Tom Holm"] == 1 and "Holm" not in people


def test_a_lone_surname_stays_apart_when_no_full_name_stands_out() -> None:
    people = _people(_quoted("Ann Holm", 30), _quoted("Tom Holm", 10), LONE)
    assert people["Holm"] == 1
