"""How a sentence is cut into words: abbreviations keep their full stops, joined words stay whole."""

from tui.corpus.parsing.words import words


def texts(sentence: str) -> list[str]:
    return [w.text for w in words(sentence, 0, len(sentence))]


def test_abbreviations_keep_their_full_stops() -> None:
    assert texts("Mr. Smith of Acme Inc., said the U.S. plan works.") == [
        "Mr.",
        "Smith",
        "of",
        "Acme",
        "Inc.",
        ",",
        "said",
        "the",
        "U.S.",
        "plan",
        "works",
        ".",
    ]


def test_joined_words_stay_whole() -> None:
    assert texts("The firm's well-known U.S.-based arm, e.g. here") == [
        "The",
        "firm's",
        "well-known",
        "U.S.",
        "based",
        "arm",
        ",",
        "e.g.",
        "here",
    ]


def test_initials_titles_and_marks() -> None:
    assert texts("A. B. Jones (R-Fla.) said -- twice \u2015 no; Gen. Lee") == [
        "A.",
        "B.",
        "Jones",
        "(",
        "R-Fla.",
        ")",
        "said",
        "--",
        "twice",
        "\u2015",
        "no",
        ";",
        "Gen.",
        "Lee",
    ]


def test_offsets_and_lower_case() -> None:
    sentence = "  \u201cWe Won,\u201d she said."
    found = words(sentence, 0, len(sentence))
    assert [(w.start, w.end, w.lower) for w in found][:3] == [(3, 5, "we"), (6, 9, "won"), (9, 10, ",")]
