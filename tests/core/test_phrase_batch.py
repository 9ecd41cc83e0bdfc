"""A phrase searched in many quotes at once (`PhraseMatcher.found_in_each`, one pass over them
joined) finds it in exactly the quotes that a search quote by quote (`found_in`) finds it in."""

from __future__ import annotations

import random

import pytest

from tui.corpus.index.phrases import PhraseMatcher

PIECES = ["war", "War", "wars", "the", "peace", " ", "  ", "-", "_", "\x00", ",", "é", "É", "Æ", "’", "\u0130", "ß",
          "'", "'", "x", "1", "war\x00", "we", "will"]  # fmt: skip
PHRASES = [("war",), ("the", "war"), ("we", "will"), ("war", "war"), ("peace",), ("é",), ("ss",)]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 9)))


@pytest.mark.parametrize("words", PHRASES)
def test_found_in_each_is_found_in_one_by_one(words: tuple[str, ...]) -> None:
    rng = random.Random(" ".join(words))
    matcher = PhraseMatcher(words)
    for _ in range(300):
        texts = [random_text(rng) for _ in range(rng.randrange(0, 12))]
        folds = [rng.random() < 0.3 for _ in texts]
        expected = [matcher.found_in(text, fold_it) for text, fold_it in zip(texts, folds, strict=True)]
        assert matcher.found_in_each(texts, folds) == expected, (texts, folds)


def test_a_phrase_across_two_quotes_is_in_neither() -> None:
    matcher = PhraseMatcher(("the", "war"))
    assert matcher.found_in_each(["in the", "war ended", "the war"], [False, False, False]) == [False, False, True]
