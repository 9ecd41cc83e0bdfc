"""String columns: packed names read back as they were written, grown after packing, and sorted
alike as bytes and as strings."""

from __future__ import annotations

import pickle
from bisect import bisect_left

from tui.corpus.index.postings import Postings
from tui.corpus.index.strings import Strings, StringTuples, string_tuples, strings

NAMES = ["ann lee", "Zoë Ávila", "", "bob\x00stone", "\ud800odd", "李娜", "ann lee", "acme corp"]


def test_packed_strings_read_back_one_by_one_and_whole():
    column = Strings(NAMES)
    assert len(column) == len(NAMES)
    assert [column[i] for i in range(len(NAMES))] == NAMES
    assert list(column) == NAMES  # a NUL inside a string: read the slow way, still right
    assert column[-1] == NAMES[-1] and column[1:3] == NAMES[1:3]
    without_nul = Strings([name for name in NAMES if "\x00" not in name])
    assert without_nul.packed_items() == [name for name in NAMES if "\x00" not in name]


def test_a_column_grows_after_packing_and_packs_again():
    column = Strings(pickle.loads(pickle.dumps(Strings(NAMES[:3]).pack())))
    column.append("new name")
    assert list(column) == [*NAMES[:3], "new name"] and column[3] == "new name" and column[-1] == "new name"
    assert list(Strings(column.pack())) == [*NAMES[:3], "new name"]
    assert strings(NAMES) == NAMES  # an older entry's list of strings
    assert pickle.loads(pickle.dumps(column)) == column


def test_encoded_strings_sort_as_the_strings_do():
    column = Strings(NAMES)
    order = sorted(range(len(NAMES)), key=column.__getitem__)
    assert sorted(range(len(NAMES)), key=column.encoded) == order
    keys = Postings(NAMES)
    for name in NAMES:
        assert keys.key_at(keys._number(name)) == name
    assert keys._number("ann") is None and keys._number("zzz") is None
    found = bisect_left(order, b"b", key=column.encoded)
    assert column[order[found]] == "bob\x00stone"


def test_string_tuples_keep_their_rows_through_packing_and_changes():
    rows = [("Ann Lee", "Lee"), (), ("Acme",), ("Zoë", "Z", "Ms Ávila")]
    column = StringTuples(pickle.loads(pickle.dumps(StringTuples(rows).pack())))
    assert list(column) == rows and [column[i] for i in range(4)] == rows and column[-1] == rows[-1]
    assert column.head(3, 2) == ("Zoë", "Z") and column.size(3) == 3 and column.head(1, 5) == ()
    column[0] = ("Ann Lee", "Lee", "Ms Lee")
    column.append(("Bo",))
    assert column[0] == ("Ann Lee", "Lee", "Ms Lee") and column.head(0, 1) == ("Ann Lee",) and column.size(4) == 1
    again = StringTuples(column.pack())
    assert list(again) == [("Ann Lee", "Lee", "Ms Lee"), (), ("Acme",), rows[3], ("Bo",)]
    assert string_tuples(rows) == rows
