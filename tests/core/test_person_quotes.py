"""A person's quotes gathered in their order when their people row is first made, and kept."""

from __future__ import annotations

import numpy as np
import pytest

from tests.core.test_view_columns import invented
from tui.corpus import LiveCorpus, people_rows, person_quotes
from tui.corpus.person_quotes import PersonQuotes

ARTICLE = np.array([0, 0, 1, 2, 2, 3, 4, 4], dtype=np.uint32)  # quote -> article
DAY = np.array([5, 5, 6, 0, 0, 9, 9, 9], dtype=np.int32)
SOURCE = np.array([0, 1, 1, 0, 2], dtype=np.int64)  # article -> source
BY_PERSON = np.array([1, 4, 6, 0, 2, 3, 5, 7], dtype=np.int32)  # person 0: quotes 1,4,6; person 1: the rest
FIRST = np.array([0, 3, 8], dtype=np.int64)  # where each person's quotes start in BY_PERSON


def test_a_persons_quotes_are_gathered_in_their_order() -> None:
    kept = PersonQuotes(ARTICLE, DAY, SOURCE)
    own = kept.of(BY_PERSON, FIRST, 0)
    assert own.quotes.tolist() == [1, 4, 6]
    assert own.article.tolist() == [0, 2, 4]
    assert own.day.tolist() == [5, 0, 9]
    assert own.source.tolist() == [0, 1, 2]
    assert kept.of(BY_PERSON, FIRST, 0) is own  # kept: not gathered again


def test_people_kept_start_again_past_the_bound_and_with_other_quotes_by_person(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(person_quotes, "QUOTES_KEPT", 6)
    kept = PersonQuotes(ARTICLE, DAY, SOURCE)
    first = kept.of(BY_PERSON, FIRST, 0)
    second = kept.of(BY_PERSON, FIRST, 1)  # 3 + 5 quotes: past the bound, those kept before are let go
    assert kept.of(BY_PERSON, FIRST, 1) is second
    again = kept.of(BY_PERSON, FIRST, 0)
    assert again is not first and again.article.tolist() == first.article.tolist()
    other = BY_PERSON.copy()  # a new state's quotes by person: nothing gathered before is used
    assert kept.of(other, FIRST, 1) is not kept.of(BY_PERSON, FIRST, 1)


@pytest.mark.parametrize("bound", [1, 1 << 22])
def test_people_rows_are_the_same_whatever_is_kept(monkeypatch, bound: int) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(person_quotes, "QUOTES_KEPT", bound)
    live = LiveCorpus(invented(200, 23))
    live.quotes("")
    view = live.corpus.quote_view()
    mask = np.ones(view.columns.size, dtype=bool)
    rows = people_rows.people_rows(view, mask)
    assert [rows[at] for at in range(len(rows))] == list(people_rows.people_rows(view, mask))
