"""Pairs of frequent words side by side: which articles have `we` right before `will`.

A phrase's articles are those with all its words, checked in the text. When every word is
common (`"we will"`, `"chief executive"`) that is a good part of the corpus, each checked by a
regex over its whole text. So the pairs of *frequent* words (in FREQUENT_AT articles or more) are
indexed: a two-word phrase of frequent words is one posting read, a longer one a few postings
intersected and the (few) articles left checked. A pair with a rarer word needs no index: that
word's own articles are at most FREQUENT_AT, and checking them is bounded.

A word becomes frequent when FREQUENT_AT articles have it; the articles added before that have
no postings for its pairs: they are its first `uncovered` postings in the word index, and are
checked in the text. Pairs are coded as two ints (each word's number among the frequent words),
the postings kept as `Postings` keeps its own: one sorted array of codes, one of offsets, one of
runs, plus what arrived since in small arrays.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from .postings import Postings, _packed_runs, _run_array

FREQUENT_AT = 1000  # articles with a word from which its pairs are indexed; also the bound of a check
_SHIFT = 32  # a pair's code: first word's number << _SHIFT | second word's number


class PairPostings:
    """Pair code -> positions, in the order added. The arrays `get` returns may be the index's
    own: read them, never change them."""

    __slots__ = ("_added", "_codes", "_flat", "_offsets")

    def __init__(self, codes: array | None = None, offsets: array | None = None, flat: array | None = None) -> None:
        self._codes = codes if codes is not None else array("Q")  # sorted
        self._offsets = offsets if offsets is not None else array("Q", (0,))
        self._flat = flat if flat is not None else array("I")
        self._added: dict[int, array] = {}

    def post(self, codes: Iterable[int], position: int) -> None:
        """Add `position` to each of these codes, which are distinct."""
        added = self._added
        get = added.get
        for code in codes:
            hits = get(code)
            if hits is None:
                added[code] = array("I", (position,))
            else:
                hits.append(position)

    def get(self, code: int) -> array | None:
        added = self._added.get(code)
        codes = self._codes
        i = bisect_left(codes, code)
        if i == len(codes) or codes[i] != code:
            return added
        run = self._flat[self._offsets[i] : self._offsets[i + 1]]
        return run if added is None else run + added

    def pack(self) -> tuple[array, array, array]:
        """Codes, offsets and runs: what `PairPostings(*packed)` reads back."""
        if not self._added:
            return self._codes, self._offsets, _packed_runs(self._flat)
        old_codes, old_offsets, old_flat, added = self._codes, self._offsets, self._flat, self._added
        codes, offsets, flat = array("Q"), array("Q", (0,)), _run_array("I")
        packed = {code: i for i, code in enumerate(old_codes)} if added else {}
        for code in sorted(set(old_codes).union(added)):
            i = packed.get(code)
            if i is not None:
                flat.extend(old_flat[old_offsets[i] : old_offsets[i + 1]])
            more = added.get(code)
            if more is not None:
                flat.extend(more)
            codes.append(code)
            offsets.append(len(flat))
        return codes, offsets, flat


class Pairs:
    """The frequent words (numbered as they became frequent, each with how many of its articles
    came before), and the postings of their pairs in titles and bodies and within quotes."""

    __slots__ = ("frequent_at", "numbers", "quoted", "text", "uncovered", "words")

    def __init__(self, frequent_at: int = FREQUENT_AT, packed: tuple | None = None) -> None:
        self.frequent_at = frequent_at
        if packed is None:
            packed = ([], array("I"), (), ())
        words, uncovered, text, quoted = packed
        self.words: list[str] = list(words)
        self.numbers = {word: number for number, word in enumerate(self.words)}
        self.uncovered = uncovered  # by number: the word's first postings that predate its pairs
        self.text = PairPostings(*text)
        self.quoted = PairPostings(*quoted)

    def add(self, position: int, words: Sequence[str], text_pairs: array, quote_pairs: array,
            counts: Postings) -> None:  # fmt: skip
        """Post an article's pairs (flat (i, j) indexes into `words`), before its words are posted
        in `counts`: a word that `counts` has in FREQUENT_AT articles becomes frequent here."""
        numbers, at = self.numbers, self.frequent_at
        ids = []
        for word in words:
            number = numbers.get(word)
            if number is None:
                seen = counts.count(word)
                if seen >= at:
                    number = numbers[word] = len(self.words)
                    self.words.append(word)
                    self.uncovered.append(seen)
                else:
                    number = -1
            ids.append(number)
        self.text.post(_codes(ids, text_pairs), position)
        if quote_pairs:
            self.quoted.post(_codes(ids, quote_pairs), position)

    def code(self, first: str, second: str) -> int | None:
        """The pair's code, None unless both words are frequent."""
        a, b = self.numbers.get(first), self.numbers.get(second)
        return None if a is None or b is None else a << _SHIFT | b

    def pack(self) -> tuple:
        return self.words, self.uncovered, self.text.pack(), self.quoted.pack()


def _codes(ids: list[int], pairs: array) -> set[int]:
    codes = set()
    for k in range(0, len(pairs), 2):
        a, b = ids[pairs[k]], ids[pairs[k + 1]]
        if a >= 0 and b >= 0:
            codes.add(a << _SHIFT | b)
    return codes


def pair_indexes(number: dict[str, int], runs: Iterable[Sequence[str]]) -> array:
    """The distinct pairs of words side by side in each run of words (a title, a body, a quote),
    as flat (i, j) numbers of the words in `number`; a word it lacks ends no pair."""
    seen: set[tuple[int, int]] = set()
    for words in runs:
        ids = [number.get(word, -1) for word in words]
        seen.update((a, b) for a, b in zip(ids, ids[1:], strict=False) if a >= 0 and b >= 0)
    flat = array("I")
    for a, b in seen:
        flat.append(a)
        flat.append(b)
    return flat


def phrase_candidates(pairs: Pairs, postings: PairPostings, words: Sequence[str],
                      word_index: Postings) -> tuple[set[int], set[int]] | None:  # fmt: skip
    """For a phrase of two words or more: the articles sure to have its words side by side (a
    two-word phrase whose pair is indexed) and those that may have them, to check in the text;
    None when no pair of the phrase is of frequent words (then some word is in few articles).
    Articles whose pairs were not indexed (`IndexEntry.unsure`) are the caller's to add."""
    codes = [pairs.code(a, b) for a, b in zip(words, words[1:], strict=False)]
    known = [i for i, code in enumerate(codes) if code is not None]
    if not known:
        return None
    check: set[int] | None = None
    sure: set[int] = set()
    for i in known:
        hits = postings.get(codes[i])  # type: ignore[arg-type]
        found = set(hits) if hits is not None else set()
        unknown: set[int] = set()
        for word in (words[i], words[i + 1]):
            before = pairs.uncovered[pairs.numbers[word]]
            if before:
                unknown.update(word_index.head(word, before))
        if len(words) == 2:
            return found, unknown - found
        found |= unknown
        check = found if check is None else check & found
    check = check if check is not None else set()
    paired = {word for i in known for word in (words[i], words[i + 1])}
    for word in sorted(set(words) - paired, key=word_index.count):
        if not check or word_index.count(word) > len(check):
            break
        check &= set(word_index.get(word) or ())
    return sure, check
