"""What a capitalised name is, and who a name is (issue 14, capability 3), on invented articles."""

from __future__ import annotations

from tui.corpus import parse_text


def _kinds(text: str) -> dict[str, str]:
    return {e.name: e.kind for e in parse_text(text).entities}


def _people(text: str) -> set[str]:
    return {name for name, kind in _kinds(text).items() if kind == "person"}


# Item 1: what is not a person.


def test_an_acronym_is_the_organisation_of_its_initials_either_way_round() -> None:
    after = "Fares\n\nThe Northern Rail Authority, NRA, said fares would rise. Later the NRA said more."
    before = "Fares\n\nThe NRA said fares would rise. The Northern Rail Authority runs the trains."
    for text in (after, before):
        entity = next(e for e in parse_text(text).entities if e.name == "Northern Rail Authority")
        assert entity.kind == "organization" and "NRA" in entity.aliases
        assert "NRA" not in _kinds(text)


def test_an_acronym_skips_the_small_words_of_the_name() -> None:
    text = "Rules\n\nThe Board of Harbour Pilots (BHP) met. BHP said the rules stand."
    article = parse_text(text)
    assert [e.name for e in article.entities if "BHP" in e.aliases] == ["Board of Harbour Pilots"]
    assert article.quotes == [] or article.quotes[0].speaker != "BHP"


def test_an_election_after_a_title_word_is_no_person() -> None:
    text = "Vote\n\nThe General Election is in May, the Regional Election in June. Ann Lee said so."
    assert _people(text) == {"Ann Lee"}


def test_a_plural_after_the_is_a_party_or_a_band_not_a_person() -> None:
    text = (
        "Poll\n\nThe Vox Reds said they would vote no. Vox Reds leader Tom Lee said so. The Corvid Owls "
        "played, their singer Ann Sanders said."
    )
    kinds = _kinds(text)
    assert kinds["Vox Reds"] == "organization" and kinds.get("Corvid Owls") != "person"
    assert kinds["Ann Sanders"] == "person" and kinds["Tom Lee"] == "person"


def test_papers_magazines_and_clubs_are_organisations() -> None:
    text = (
        "Transfer\n\nDaily Courier said the deal was done. Brenfield United said it would appeal, "
        "and Harbour Rovers said nothing. Acme Magazine said so too."
    )
    kinds = _kinds(text)
    for name in ("Daily Courier", "Brenfield United", "Harbour Rovers", "Acme Magazine"):
        assert kinds.get(name) == "organization", name


def test_a_title_after_a_word_for_a_work_names_no_one() -> None:
    text = 'Awards\n\nThe film Winter Harbour said it all; the show Dark Lanterns told more. "Yes," Ann Lee said.'
    assert _people(text) == {"Ann Lee"}


# Item 2: people whose names are also places or words.


def test_a_first_name_and_a_place_word_is_a_person_who_speaks() -> None:
    text = (
        'Town\n\n"We will build it," Tom Hall said.\n\nThe concert was at Corvid Hall. '
        "Omar said Brenton Hall opened the fair."
    )
    kinds = _kinds(text)
    assert kinds["Tom Hall"] == "person"
    assert kinds.get("Corvid Hall") != "person" and kinds.get("Brenton Hall") != "person"


def test_a_surname_that_is_a_common_word_speaks_as_the_full_name() -> None:
    text = 'Team\n\nAnn Young leads the club.\n\n"We will win," Young said.\n\nOthers said nothing.'
    article = parse_text(text)
    assert article.quotes[0].speaker == "Ann Young"
    assert _people(text) == {"Ann Young"}


def test_a_role_ending_after_of_is_no_part_of_the_name() -> None:
    text = (
        "Talks\n\nSecretary of State Ann Kerr met Chief of Staff Ron Emmet and "
        "Chancellor of the Treasury Hugo Bramley. Bank of England staff came."
    )
    article = parse_text(text)
    people = {e.name: e.roles for e in article.entities if e.kind == "person"}
    assert people == {"Ann Kerr": ["Secretary"], "Ron Emmet": ["Chief"], "Hugo Bramley": ["Chancellor"]}


def test_a_first_name_after_a_kin_word_is_a_person() -> None:
    text = (
        "Farm\n\nTom Brask runs the farm his father, Bill, built. His daughter Lena helps.\n\n"
        '"It is hard work," said Lena.'
    )
    article = parse_text(text)
    assert {"Bill", "Lena", "Tom Brask"} <= _people(text)
    assert article.quotes[0].speaker == "Lena"


def test_a_relative_by_first_name_is_the_full_name_only_of_the_same_family() -> None:
    text = (
        "Case\n\nPolice chief Joseph Tallin said the case was open. Dana Okafor's father, Joseph, said "
        "he was proud.\n\nAnn Holm spoke. Her husband, Tomas, agreed. Tomas Holm is a baker."
    )
    article = parse_text(text)
    by_name = {e.name: e for e in article.entities if e.kind == "person"}
    assert "Joseph" in by_name and "Joseph" not in by_name["Joseph Tallin"].aliases
    assert "Tomas" in by_name["Tomas Holm"].aliases


def test_letters_after_a_name_are_no_part_of_it() -> None:
    text = 'Court\n\nAnn Lee MP said no. Tom Grey QC said yes.\n\n"It is fine," Grey said. Ann Lee OBE spoke.'
    article = parse_text(text)
    assert _people(text) == {"Ann Lee", "Tom Grey"}
    assert [q.speaker for q in article.quotes if q.kind == "direct"] == ["Tom Grey"]


def test_a_name_before_a_publication_noun_or_ending_in_blog_is_no_person() -> None:
    text = "Web\n\nTom Ray, editor of Corvid Format magazine, said so. The Harbour Blog said it too."
    kinds = _kinds(text)
    assert kinds.get("Corvid Format") == "organization" and kinds.get("Harbour Blog") == "organization"
    assert kinds["Tom Ray"] == "person"


def test_a_title_case_heading_parts_at_its_function_words() -> None:
    text = (
        "Rivals\n\nWhy Tom Brask Is Ahead Of Ann Rudd\n\nThe race went on. Ann May Lee voted. "
        "The Oslo-based US Court ruled."
    )
    people = _people(text)
    assert {"Tom Brask", "Ann Rudd", "Ann May Lee"} <= people
    assert not any(" Is " in name or "Oslo" in name for name in people)


def test_a_hyphenated_title_is_a_role_and_international_an_organisation() -> None:
    text = "Talks\n\nNorland Vice-President Ann Rudd spoke. Tom Brask International said it would help."
    article = parse_text(text)
    people = {e.name: e.roles for e in article.entities if e.kind == "person"}
    assert people == {"Ann Rudd": ["Norland Vice-President"]}
    assert _kinds(text)["Tom Brask International"] == "organization"


def test_a_heading_with_two_names_and_a_verb_between_gives_both() -> None:
    text = (
        "Poll\n\nTom Brask Beats Ann Rudd\n\nThe vote was close. Ann Marie Lee voted, and the Mothers "
        "Against Cold Winters said nothing."
    )
    people = _people(text)
    assert {"Tom Brask", "Ann Rudd", "Ann Marie Lee"} <= people
    assert not any("Beats" in name or "Winters" in name for name in people)


def test_a_name_before_a_role_noun_qualifies_the_role() -> None:
    text = "Rates\n\nAnn Lee, chief Norland economist at Acme, said so. A senior Brenland official agreed."
    kinds = _kinds(text)
    assert kinds.get("Norland") != "person" and kinds.get("Brenland") != "person"
    assert kinds["Ann Lee"] == "person"


def test_a_party_or_demonym_before_a_full_name_is_no_part_of_it_anywhere() -> None:
    text = "Race\n\nPolls show Republican Tom Brask ahead of Democrat Ann Rudd, and Norwegian Kai Lunde agrees."
    assert {"Tom Brask", "Ann Rudd", "Kai Lunde"} <= _people(text)
    assert not any(name.split()[0] in ("Republican", "Democrat", "Norwegian") for name in _kinds(text))
