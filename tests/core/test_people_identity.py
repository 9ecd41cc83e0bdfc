"""One person, one identity across the corpus (issue 14, capability 3): a surname named alone is the
full name of its own article first, then the one full name of the corpus that has it, then the one
that the article's context fits; people who share a surname stay apart. Invented articles, parsed."""

from __future__ import annotations

from tests.helpers import corpus_of
from tui.corpus import LiveCorpus, parse_text

FULL_NAMES = [
    'Roads\n\nHarbour Minister Ann Holm opened the road.\n\n"It is a good day," Ann Holm said.',
    'Bakery\n\nBaker Tom Holm sold bread.\n\n"It is fresh," Tom Holm said.',
    'Courts\n\nJudge Cy Brask sat.\n\n"The court is open," Cy Brask said.',
]


def _people(*texts: str) -> dict[str, int]:
    live = LiveCorpus(corpus_of(parse_text(text) for text in texts))
    found = live.people("")
    assert not isinstance(found, Exception)
    return {row.name: row.quotes for row in found.rows}


def test_a_surname_alone_is_the_full_name_of_its_own_article_first() -> None:
    own = 'Bread\n\nTom Holm baked.\n\n"We sell out," Holm said.'
    assert _people(*FULL_NAMES, own) == {"Ann Holm": 1, "Tom Holm": 2, "Cy Brask": 1}


def test_a_surname_alone_is_the_one_full_name_of_the_corpus_that_has_it() -> None:
    alone = 'Court\n\nThe hearing went on.\n\n"We are done," Brask said.'
    assert _people(*FULL_NAMES, alone)["Cy Brask"] == 2


def test_two_full_names_of_one_surname_leave_a_bare_surname_apart() -> None:
    alone = 'Town\n\nThe town met.\n\n"We are done," Mr Holm said.'
    people = _people(*FULL_NAMES, 'Boats\n\nKai Holm sailed.\n\n"It is windy," Kai Holm said.', alone)
    assert people["Holm"] == 1 and people["Ann Holm"] == 1 and people["Tom Holm"] == 1


def test_the_articles_gender_or_role_for_a_bare_surname_chooses_among_full_names() -> None:
    by_gender = 'Town\n\nThe town met.\n\n"We are done," Mrs Holm said.'
    by_role = 'Town\n\nThe town met.\n\n"We are done," said Minister Holm.'
    for alone in (by_gender, by_role):
        people = _people(*FULL_NAMES, alone)
        assert "Holm" not in people and people["Ann Holm"] == 2 and people["Tom Holm"] == 1


def test_the_resolver_reads_the_corrections_as_their_own_methods_answer() -> None:
    """The resolver folds each correction once (people._Folded): its answers are the methods'."""
    import random

    from tui.corpus.corrections import Corrections
    from tui.corpus.index.keys import name_key
    from tui.corpus.people import _Folded

    rng = random.Random(4)
    names = ["Ann Lee", "ann lee", "ANN LEE", "Bo Park", "Park", "Cy Roe", "Dee Moss", "Élan Vale", "Elan Vale"]
    for _ in range(200):
        pick = lambda: rng.choice(names)  # noqa: E731
        corrections = Corrections(
            merge={pick(): pick() for _ in range(rng.randrange(4))},
            rename={pick(): pick() for _ in range(rng.randrange(3))},
            gender={pick(): rng.choice(["female", "male", "unknown"]) for _ in range(rng.randrange(4))},
            not_person=[pick() for _ in range(rng.randrange(3))],
        )
        folded = _Folded(corrections)
        for key in {name_key(name) for name in names}:
            assert folded.target(key) == corrections.target(key)
            assert folded.names.get(key) == corrections.display(key)
            assert folded.genders.get(key) == corrections.gender_of(key)
            assert (key not in folded.not_person) == corrections.is_person(key)
