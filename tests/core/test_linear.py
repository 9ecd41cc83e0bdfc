"""The parser is linear on hostile input shapes: each is parsed at N and 8N, and 8N may not take
much more than 8 times as long (a quadratic step takes 64 times as long). Times are the least of a
few CPU-time runs; the slack is generous so that a busy machine does not fail them.

Every name here is invented. `benchmarks/shapes.py` times these shapes and more at full size.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from tui.corpus.parsing import attribution, lead_in, reported, resolution
from tui.corpus.parsing.clustering import _openings, cluster
from tui.corpus.parsing.entity_table import Mention
from tui.corpus.parsing.header import parse_date_value
from tui.corpus.parsing.lexicon import fold
from tui.corpus.parsing.parse import parse_text
from tui.corpus.parsing.sentences import _END, sentence_spans

_SLACK = 20.0  # a linear step grows about 8 times from N to 8N; a quadratic one about 64 times
_FLOOR = 0.01  # seconds: below this a time is the timer's noise
_RUNS = 2


def _invented(number: int) -> str:
    letters, number = "", number + 26 * 26
    while number:
        number, digit = divmod(number, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[digit]
    return "Z" + letters


def _cpu(work: Callable[[], object]) -> float:
    """The least CPU time of a few runs, the garbage collector paused: its passes over what other
    tests left alive are noise here, and a quadratic step shows without them."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(_RUNS):
            began = time.process_time()
            work()
            best = min(best, time.process_time() - began)
    finally:
        gc.enable()
    return best


def _assert_linear(build: Callable[[int], str], n: int, parse: Callable[[str], object] = parse_text) -> None:
    parse(build(1))  # lexicons and caches loaded before any clock starts
    small, large = build(n), build(8 * n)
    t_small, t_large = _cpu(lambda: parse(small)), _cpu(lambda: parse(large))
    assert t_large < _SLACK * max(t_small, _FLOOR), f"{t_small:.3f} s at N, {t_large:.3f} s at 8N"


def _article(body: str) -> str:
    return "A Title For The Test\n\n" + body


def test_quotes_in_one_long_paragraph_are_linear() -> None:
    _assert_linear(lambda n: _article('word "quoted bit" said Ann Lee. ' * n), 200)


def test_quotes_chained_without_spaces_are_linear() -> None:
    # every quote's lead is one long "word" back to the paragraph's start
    _assert_linear(lambda n: _article("Ann Lee said " + '"a"x' * n + "."), 1000)


def test_a_run_of_marks_is_read_once() -> None:
    _assert_linear(lambda n: _article("Ann Lee said it was fine" + ".?!" * n + '" x. The end.'), 150)


def test_sentence_end_pattern_matches_from_the_first_mark_of_a_run() -> None:
    text = "It ended..!? Then more. And !!! no"
    assert [(m.start(), m.end()) for m in _END.finditer(text)] == [(8, 12), (22, 23)]
    assert sentence_spans(text, [(0, len(text))], []) == [(0, 12), (13, 23), (24, len(text))]


def _many_roles(n: int) -> str:
    return _article(
        "".join(f'{_invented(k)} spokesman Ann Lee met them. "We are fine," the spokesman said. ' for k in range(n))
    )


def test_many_roles_of_one_person_are_linear() -> None:
    _assert_linear(_many_roles, 150)


def test_a_nominal_speaker_folds_each_role_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "the spokesman said" after a person of N roles: the roles are folded once, not at every quote."""
    calls = 0

    def counting_fold(text: str) -> str:
        nonlocal calls
        calls += 1
        return fold(text)

    monkeypatch.setattr(resolution, "fold", counting_fold)
    counts = []
    for n in (40, 320):
        calls = 0
        parse_text(_many_roles(n))
        counts.append(calls)
    assert counts[1] < _SLACK * counts[0], counts


def test_a_long_capitalised_run_before_an_organisation_cue_is_linear() -> None:
    _assert_linear(lambda n: _article("It is " + " ".join(_invented(k) for k in range(n)) + " Delta Bank."), 700)


def test_openings_of_a_long_name_are_bounded() -> None:
    name = " ".join(_invented(k) for k in range(1000))
    openings = _openings(name)
    assert openings[:2] == [_invented(0), f"{_invented(0)} {_invented(1)}"]
    assert len(openings) < 20
    assert _openings("Savanna Digital Ltd") == ["Savanna", "Savanna Digital"]


def test_lone_first_names_after_many_people_are_linear() -> None:
    def build(n: int) -> str:
        return _article("".join(f"Anna {_invented(k)} spoke. " for k in range(n)) + "It was fine, Anna said. " * n)

    _assert_linear(build, 300)


def test_clustering_lone_first_names_is_linear() -> None:
    """`says Anna` after N people: the people of that first name are looked up, not all scanned."""

    def mentions(n: int) -> list[Mention]:
        people = [Mention(k * 20, k * 20 + 9, f"Anna {_invented(k)}", "person") for k in range(n)]
        return people + [Mention((n + k) * 20, (n + k) * 20 + 4, "Anna", "unknown") for k in range(n)]

    _assert_linear(lambda n: n, 1000, parse=lambda n: cluster("", mentions(n)))


def test_many_people_of_one_surname_are_linear() -> None:
    _assert_linear(lambda n: _article("".join(f"{_invented(k)} Lee said it. " for k in range(n))), 300)


def test_names_sharing_a_first_word_are_linear() -> None:
    def build(n: int) -> str:
        return _article("".join(f"Anna {_invented(k)} said it. " for k in range(n)) + "Then Zed Anna left. " * n)

    _assert_linear(build, 300)


def test_many_reporting_verbs_in_one_sentence_are_linear() -> None:
    _assert_linear(lambda n: _article("officials said the, " * n + "it was over."), 400)


@pytest.mark.parametrize("body", ["officials said the, ", "said the, ", "Ann Lee \u2014 said \u2013 "])
def test_a_verb_subject_is_looked_for_in_a_bounded_window(monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """Each reporting verb of a long sentence reads a bounded number of words back for its subject."""
    read: list[int] = []

    def counting(module):
        original = module.subject_before

        def subject_before(ctx, items, **options):
            read.append(len(items))
            return original(ctx, items, **options)

        monkeypatch.setattr(module, "subject_before", subject_before)

    counting(reported)
    counting(attribution)
    counting(lead_in)
    totals = []
    for n in (50, 400):
        read.clear()
        parse_text(_article(body * n + "it was over."))
        totals.append(sum(read))
    assert totals[1] < _SLACK * max(totals[0], 1), totals


def test_a_long_metadata_date_is_not_parsed() -> None:
    _assert_linear(lambda n: "1" * (n * 20), 1000, parse=parse_date_value)
    assert parse_date_value("1" * 5000) is None
    assert parse_date_value("  2020-01-05T10:00:00Z ") is not None


@pytest.mark.parametrize(
    "body",
    [
        'She said "a \'b "c \u201cd \u00abe ',
        "\u201cOne thing,\u201d said Ann Lee. \u00abTwo\u00bb, he said. \u201eThree\u201c. ",
        "Bank of the Zab ",
    ],
)
def test_other_hostile_shapes_are_linear(body: str) -> None:
    _assert_linear(lambda n: _article(body * n + "end."), 300)
