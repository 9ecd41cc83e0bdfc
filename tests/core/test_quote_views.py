"""The core of the quote, people, profile and timeline views: quote-level filter semantics,
one identity per person, corrections, gender shares and timeline buckets (no Textual)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.quote_corpus import quote_corpus
from tui.corpus import Corrections, CorrectionsError, LiveCorpus, read_corrections


@pytest.fixture
def live() -> LiveCorpus:
    return LiveCorpus(quote_corpus())


def speakers(live: LiveCorpus, text: str) -> list[str]:
    found = live.quotes(text)
    assert not isinstance(found, Exception)
    return [live.quote_row(q).speaker for q in found.quotes]


def test_speaker_and_quote_combine_within_one_quote(live: LiveCorpus) -> None:
    # Article 1 has Lee (= Ann Lee) on the budget and Bo Park on taxes: no quote of Lee's says taxes there.
    assert speakers(live, "speaker:lee quote:taxes") == ["Ann Lee"]
    assert live.search("speaker:lee quote:taxes") == [0]
    assert live.search("speaker:lee quote:budget") == [1]
    assert live.quotes("speaker:lee quote:taxes").summary == "1 quote in 1 article"  # type: ignore[union-attr]


def test_article_level_fields_still_combine_per_article(live: LiveCorpus) -> None:
    assert live.search("budget taxes") == [0, 1]  # words anywhere in the article
    assert live.search("source:wire speaker:park") == [0, 1]
    assert speakers(live, "source:daily") == ["Cy Park", "Park", "Dee Roe"]


def test_negated_quote_terms(live: LiveCorpus) -> None:
    assert speakers(live, "speaker:bo -quote:taxes") == ["Bo Park"]  # his quote not on taxes
    assert live.search("-speaker:lee") == [2, 3]  # articles without a quote by Lee


def test_a_surname_alone_is_the_one_full_name_that_has_it(live: LiveCorpus) -> None:
    assert speakers(live, "speaker:ann") == ["Ann Lee", "Ann Lee"]  # "Lee" in article 1 is Ann Lee
    person = live.person("ann-lee")
    assert person is not None and person.aliases == ["Lee"] and person.gender == "female"


def test_people_sharing_a_surname_stay_apart(live: LiveCorpus) -> None:
    people = live.people("")
    assert not isinstance(people, Exception)
    names = {row.name: row.quotes for row in people.rows}
    assert names == {"Ann Lee": 2, "Bo Park": 2, "Cy Park": 1, "Park": 1, "Dee Roe": 1}
    assert people.rows[0].name == "Ann Lee"  # most quoted first, then by name


def test_gender_shares_and_splits(live: LiveCorpus) -> None:
    people = live.people("")
    assert people.genders == {"female": 2, "male": 3, "unknown": 2}  # type: ignore[union-attr]
    assert people.summary.endswith("women 29% · men 43% · unknown 29% of 7 quotes")  # type: ignore[union-attr]
    by_source = dict(live.gender_split("", "source"))  # type: ignore[arg-type]
    assert by_source["Daily"] == {"female": 0, "male": 1, "unknown": 2}
    by_month = live.gender_split("", "month")
    assert [label for label, _ in by_month] == ["2026-01", "2026-02", "2026-03"]  # type: ignore[union-attr]


def test_profile_months_and_whom_the_quotes_name(live: LiveCorpus) -> None:
    profile = live.profile("ann-lee")
    assert profile is not None and not isinstance(profile, Exception)
    assert profile.months == [("2026-01", 2)]
    assert list(profile.about) == [("organization", "Acme", [profile.quotes[0]])]
    assert profile.articles == 2 and len(profile.quotes) == 2


def test_timeline_buckets_and_their_filters(live: LiveCorpus) -> None:
    months = live.timeline("")
    assert [(b.label, b.articles, b.quotes) for b in months.buckets] == [  # type: ignore[union-attr]
        ("2026-01", 2, 4),
        ("2026-02", 1, 2),
        ("2026-03", 1, 1),
    ]
    assert months.range == "2026-01-01 to 2026-03-31"  # type: ignore[union-attr]
    weeks = live.timeline("speaker:park", "week")
    first = weeks.buckets[0]  # type: ignore[union-attr]
    assert first.label == "2026-01-05..2026-01-11" and first.quotes == 1
    assert live.search(first.filter) == [0]
    assert len(weeks.buckets) == 6  # type: ignore[union-attr]  # empty weeks between are kept


def test_quote_sorts(live: LiveCorpus) -> None:
    assert speakers(live, "quote:taxes")[0] == "Ann Lee"  # oldest first
    by_speaker = live.quotes("", "speaker")
    assert [live.quote_row(q).speaker for q in by_speaker.quotes][:2] == ["Ann Lee", "Ann Lee"]  # type: ignore[union-attr]
    longest = live.quotes("", "length").quotes[0]  # type: ignore[union-attr]
    assert live.quote_row(longest).text == '"taxes will rise at Acme"'


def test_corrections_merge_rename_gender_and_not_a_person(tmp_path: Path) -> None:
    corrections = Corrections(merge={"Park": "Cy Park"}, rename={"Bo Park": "Bob Park"},
                              gender={"Dee Roe": "female"}, not_person=["Ann Lee"])  # fmt: skip
    live = LiveCorpus(quote_corpus(), corrections)
    rows = {row.name: (row.quotes, row.gender) for row in live.people("").rows}  # type: ignore[union-attr]
    assert rows == {"Bob Park": (2, "male"), "Cy Park": (2, "male"), "Dee Roe": (1, "female")}
    assert speakers(live, "speaker:bob") == ["Bob Park", "Bob Park"]
    # What the file says is what comes back.
    path = corrections.save(tmp_path / "people.toml")
    again = read_corrections(path)
    assert (again.merge, again.rename, again.gender, again.not_person) == (
        corrections.merge,
        corrections.rename,
        corrections.gender,
        corrections.not_person,
    )


def test_corrections_survive_a_cached_corpus_being_swapped_in() -> None:
    live = LiveCorpus(corrections=Corrections(gender={"Ann Lee": "unknown"}))
    live._corpus = quote_corpus()
    live._corpus.set_corrections(live.corrections)
    assert live.person("ann-lee").gender == "unknown"  # type: ignore[union-attr]


def test_correction_names_with_quotes_and_backslashes_round_trip(tmp_path: Path) -> None:
    odd = Corrections(rename={'A "B" \\ C\x01': "D"})
    assert read_corrections(odd.save(tmp_path / "p.toml")).rename == odd.rename


@pytest.mark.parametrize("content", ['[gender]\n"Ann" = "other"\n', "[merge\n", '[not_person]\nnames = "x"\n'])
def test_a_bad_corrections_file_is_one_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "people.toml"
    path.write_text(content)
    with pytest.raises(CorrectionsError, match="people.toml"):
        read_corrections(path)


def test_a_missing_default_file_means_no_corrections(tmp_path: Path) -> None:
    assert read_corrections(tmp_path / "none.toml").merge == {}
    with pytest.raises(CorrectionsError, match="no such file"):
        read_corrections(tmp_path / "none.toml", required=True)


def test_quotes_arriving_later_are_read(live: LiveCorpus) -> None:
    from tests.quote_corpus import article

    assert live.quotes("").summary == "7 quotes in 4 articles"  # type: ignore[union-attr]
    live.corpus.add(article(4, "2026-03-03", "Daily", [("Eve Lee", "hello", "female")]))
    # Two full names now end in Lee: plain "Lee" is no longer Ann Lee.
    assert speakers(live, "speaker:ann") == ["Ann Lee"]
    assert live.quotes("").summary == "8 quotes in 5 articles"  # type: ignore[union-attr]


def test_speaker_finds_a_person_by_an_alias_the_parser_gave() -> None:
    from tests.helpers import corpus_of
    from tests.quote_corpus import article

    said = article(0, "2026-01-05", "Wire", [("Ann Lee", "we act", "female")])
    said.entities[0].aliases = ["A. Lee-Smith"]
    live = LiveCorpus(corpus_of([said]))
    assert live.quotes("speaker:smith").summary == "1 quote in 1 article"  # type: ignore[union-attr]
    assert live.search("speaker:smith") == [0]


def test_the_people_counts_say_what_they_count_and_agree_with_the_shares() -> None:
    from tests.helpers import corpus_of
    from tests.quote_corpus import article
    from tui.corpus import quoted_line, shares_line

    company = article(4, "2026-03-09", "Wire", [("Acme Works", "prices hold", None)])
    company.entities[0].kind = "organization"  # quoted, and no person
    nobody = article(5, "2026-03-10", "Wire", [("Eve Moss", "we agree", "female")])
    nobody.quotes[0].speaker, nobody.quotes[0].speaker_id = None, None  # a quote with nobody named
    live = LiveCorpus(corpus_of([*quote_corpus().articles, company, nobody]))
    found = live.people("")
    assert not isinstance(found, Exception)
    by_people = sum(found.genders.values())
    assert (len(found.rows), by_people, found.quotes) == (5, 7, 9)
    said = quoted_line(len(found.rows), by_people, found.quotes)
    assert said == "5 people said 7 of 9 quotes found"
    assert shares_line(found.genders).endswith("of 7 quotes")  # the same 7: the people's quotes
    assert quoted_line(1, 1, 1) == "1 person said 1 of 1 quote found"
