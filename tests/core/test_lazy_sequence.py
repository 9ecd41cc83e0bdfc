"""The corpus's read-only sequences are indexed as a list is: negative from the end, IndexError
outside, numpy integers as ints, slices (with steps) as lists; the columns equal the lists they hold."""

from __future__ import annotations

from array import array

import numpy as np
import pytest

from tui.corpus.index.strings import Strings as IndexStrings
from tui.corpus.index.strings import StringTuples
from tui.corpus.lazy_sequence import ListEqual, MadeOnRead
from tui.corpus.quote_table_state import Entities
from tui.corpus.quote_table_strings import Groups
from tui.corpus.quote_table_strings import Strings as TableStrings
from tui.corpus.storage import Slices
from tui.corpus.walk import FoundFiles, IdBook

WORDS = ["north", "Ébène", "", "quay", "李娜"]
SLICES = [
    slice(None),
    slice(1, 3),
    slice(None, None, -1),
    slice(-2, None),
    slice(0, 9, 2),
    slice(4, 1, -2),
    slice(3, 3),
]


class Squares(MadeOnRead[int]):
    """An invented sequence: the squares below `size`, each counted when made."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.made: list[int] = []

    def __len__(self) -> int:
        return self.size

    def _item(self, at: int) -> int:
        self.made.append(at)
        return at * at


def same_as_list(sequence: object, items: list) -> None:
    """`sequence` answers every index and slice as the list `items` does."""
    assert len(sequence) == len(items)  # type: ignore[arg-type]
    for index in [*range(-len(items), len(items)), *map(np.int64, range(-len(items), len(items)))]:
        assert sequence[index] == items[index]  # type: ignore[index]
    for part in SLICES:
        assert sequence[part] == items[part]  # type: ignore[index]
    for outside in (len(items), -len(items) - 1, np.int32(len(items))):
        with pytest.raises(IndexError):
            sequence[outside]  # type: ignore[index]
    with pytest.raises(TypeError):
        sequence[1.0]  # type: ignore[index]
    assert list(sequence) == items  # type: ignore[call-overload]


def test_items_are_made_from_positions_in_range_only():
    squares = Squares(5)
    same_as_list(squares, [0, 1, 4, 9, 16])
    assert all(0 <= at < 5 for at in squares.made)
    assert squares[-1] == 16 and squares.made[-1] == 4  # the position, not the index given
    assert squares[::-2] == [16, 4, 0] and Squares(0)[:] == []
    assert 9 in squares and squares.index(9) == 3 and list(reversed(squares)) == [16, 9, 4, 1, 0]


def test_each_column_answers_as_a_list():
    same_as_list(TableStrings.of(WORDS), WORDS)
    same_as_list(IndexStrings(WORDS), WORDS)
    groups = [["a", "b"], [], ["Ébène"], ["c"]]
    same_as_list(Groups.of(groups), groups)
    tuples = [("a",), (), ("b", "c")]
    same_as_list(StringTuples(tuples), tuples)
    names = TableStrings.of(["Acme", "Lyon", "Ann Lee"])
    same_as_list(Entities(np.array([1, 0, 2], dtype=np.uint8), ["org", "place", "person"], names),
                 [("place", "Acme"), ("org", "Lyon"), ("person", "Ann Lee")])  # fmt: skip
    blob = "".join(WORDS).encode()
    offsets = array("Q", np.cumsum([0, *(len(word.encode()) for word in WORDS)]).tolist())
    same_as_list(Slices(b"xx" + blob, 2, offsets, text=True), WORDS)


def test_found_files_are_the_files_at_each_position():
    texts = ["/news/a.txt", "/news/b.txt", "/news/c.html"]
    files = FoundFiles(texts, ["a", "b", "c"], IdBook(), {2: "https://example.org/c"})
    assert [str(found) for found in files[::-1]] == texts[::-1]
    assert files[-1].article_id == "c" and files[-1].url == "https://example.org/c"  # the url by position
    with pytest.raises(IndexError):
        files[3]


class Letters(ListEqual[str], MadeOnRead[str]):
    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text)

    def _item(self, at: int) -> str:
        return self.text[at]


def test_list_equal_columns_equal_lists_and_tuples_of_their_items_only():
    assert Letters("abc") == ["a", "b", "c"] and Letters("abc") == ("a", "b", "c") and Letters("") == []
    assert Letters("abc") != ["a", "b"] and Letters("abc") != ["a", "b", "x"] and Letters("abc") != "abc"
    assert Letters("ab") == Letters("ab") and IndexStrings(WORDS) == WORDS
    with pytest.raises(TypeError):
        hash(Letters("ab"))
