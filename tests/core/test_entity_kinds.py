"""Who is a person and who is the same person, on invented articles of the shapes British news
writes (issue 14: people typing and identity)."""

from __future__ import annotations

from tui.corpus import Article, parse_text


def _parse(*paragraphs: str) -> Article:
    return parse_text("Test headline for names\n\n" + "\n\n".join(paragraphs) + "\n")


def _kinds(article: Article) -> dict[str, str]:
    return {e.name: e.kind for e in article.entities}


def test_a_job_in_lower_case_before_a_name_ending_in_a_place_word_names_a_person() -> None:
    article = _parse("Novelist and producer Ann Hill has died aged 60. Hill wrote nine books.")
    assert _kinds(article).get("Ann Hill") == "person"
    entity = next(e for e in article.entities if e.name == "Ann Hill")
    assert "Hill" in entity.aliases


def test_a_capitalised_title_before_a_name_ending_in_a_place_word_may_be_a_venue() -> None:
    article = _parse("The concert is at Queen Ann Hall in the spring.")
    assert _kinds(article).get("Ann Hall") != "person"


def test_a_first_name_that_is_also_a_place_is_the_person_the_article_names() -> None:
    article = _parse(
        "Sydney Marsh won the final in three sets. Marsh had lost twice this year.",
        '"Sydney has worked hard for this," her coach said. She flies home to Sydney on Monday.',
    )
    marsh = next(e for e in article.entities if e.name == "Sydney Marsh")
    assert marsh.kind == "person" and "Sydney" in marsh.aliases
    city = [e for e in article.entities if e.name == "Sydney"]
    assert [e.kind for e in city] == ["place"]  # "home to Sydney": the city


def test_a_first_name_of_a_thing_named_nowhere_as_a_person_stays_a_place() -> None:
    article = _parse("The Sydney Lantern Parade drew crowds. Sydney has hosted it since 1990.")
    assert _kinds(article).get("Sydney") == "place"


def test_a_kin_word_before_a_first_name_no_list_holds_joins_the_full_name() -> None:
    article = _parse(
        "Oduya Kamberi and Tolga Kamberi were freed on Monday.",
        "Their father said he was worried for his son Oduya's health.",
    )
    oduya = next(e for e in article.entities if e.name == "Oduya Kamberi")
    assert "Oduya" in oduya.aliases
    assert [e.name for e in article.entities if e.name == "Oduya"] == []


def test_a_title_after_a_word_for_a_work_names_no_one_anywhere_in_the_article() -> None:
    article = _parse(
        "Ann Lee stars in the drama Nora Vale, which opens on Friday.",
        "Nora Vale was shot in six weeks, and critics loved Nora Vale.",
    )
    assert {e.name for e in article.entities if e.kind == "person"} == {"Ann Lee"}


def test_a_first_name_after_a_verb_that_is_also_a_work_noun_is_still_a_person() -> None:
    article = _parse("A photograph shows Ann Lee at the opening. Next week he will play Tom Brask.")
    assert {"Ann Lee", "Tom Brask"} <= {e.name for e in article.entities if e.kind == "person"}


def test_a_title_that_ends_a_first_name_is_a_surname() -> None:
    article = _parse(
        "Former prime minister Tom Major said the plan was poor. Major added that he was sad.",
        "The author Ann Bishop and Ann King were at the launch.",
    )
    people = {e.name for e in article.entities if e.kind == "person"}
    assert {"Tom Major", "Ann Bishop", "Ann King"} <= people
    major = next(e for e in article.entities if e.name == "Tom Major")
    assert "Major" in major.aliases


def test_a_title_after_a_party_a_place_or_in_capitals_is_still_a_role() -> None:
    article = _parse(
        "The Tory Leader spoke first, the Georgia Governor second.",
        "WHO TO LEADER\n\nThe Warner Brothers film opened, and Sister Act played on.",
    )
    assert {e.name for e in article.entities if e.kind == "person"} == set()


def test_every_name_of_a_bylines_list_is_out_of_the_story() -> None:
    article = _parse(
        "Ann Lee said the fair was good. Tom Brask agreed.",
        "\u2013 With files from Bo Rask, Eli Marsh and Kay Dunn",
    )
    assert {e.name for e in article.entities if e.kind == "person"} == {"Ann Lee", "Tom Brask"}


def test_an_honorific_before_a_title_makes_it_a_surname_but_lord_opens_a_title() -> None:
    assert _kinds(_parse("Mr Major told the meeting it was a hard year.")).get("Major") == "person"
    article = _parse("The Lord Chancellor told the meeting it was a hard year.")
    assert {e.name for e in article.entities if e.kind == "person"} == set()


def test_a_party_or_a_nation_that_is_a_first_name_too_is_no_part_of_the_name() -> None:
    article = _parse("Tory Tom Vale held the seat, and German Ann Weller won the race. It was a safe Tory seat.")
    people = {e.name for e in article.entities if e.kind == "person"}
    assert people == {"Tom Vale", "Ann Weller"}


def test_a_marathon_and_a_show_named_after_a_person_or_a_town_are_no_people() -> None:
    article = _parse("Tom Brask won the Sydney Marathon, and Ann Dale will host the Ann Dale Show in May.")
    assert {e.name for e in article.entities if e.kind == "person"} == {"Tom Brask", "Ann Dale"}


def test_a_code_named_after_a_person_is_no_person() -> None:
    article = _parse("The novel The Ann Dale Code sold well, said Tom Brask.")
    assert {e.name for e in article.entities if e.kind == "person"} == {"Tom Brask"}


def test_a_person_after_and_is_no_part_of_the_organisation_before() -> None:
    article = _parse("Allies include the University of Brenfield and Dan Vale, a journalist.")
    kinds = _kinds(article)
    assert kinds.get("University of Brenfield") == "organization" and kinds.get("Dan Vale") == "person"
    assert _kinds(_parse("The Department of Fish and Wildlife spoke."))["Department of Fish and Wildlife"] == (
        "organization"
    )


def test_a_title_after_a_years_possessive_names_no_one() -> None:
    article = _parse("Ann Lee starred in 1989's Nora Vale, and Nora Vale made her name.")
    assert {e.name for e in article.entities if e.kind == "person"} == {"Ann Lee"}


def test_a_compound_adjective_before_a_name_is_no_part_of_it() -> None:
    article = _parse("Oslo-based Acme Bank lent the money. Brenfield-born Ann Lee won, and Blu-ray players sold out.")
    kinds = _kinds(article)
    assert kinds.get("Acme Bank") == "organization" and kinds.get("Ann Lee") == "person"
    assert not any(name.startswith(("Oslo", "Brenfield")) for name in kinds)


def test_a_treasurer_and_a_winger_are_roles_before_a_name() -> None:
    article = _parse("Treasurer Tom Vale said taxes would fall. Winger Ann Lee scored twice.")
    people = {e.name: e.roles for e in article.entities if e.kind == "person"}
    assert people == {"Tom Vale": ["Treasurer"], "Ann Lee": ["Winger"]}


def test_a_name_ending_in_the_plural_of_an_organisation_cue_is_organisations() -> None:
    article = _parse("The Brenfield Youth Councils met, and Tom Banks spoke for the Harbour Societies.")
    kinds = _kinds(article)
    assert kinds.get("Brenfield Youth Councils") == "organization" and kinds.get("Harbour Societies") == "organization"
    assert kinds.get("Tom Banks") == "person"


def test_a_legislature_and_a_diocese_are_organisations() -> None:
    kinds = _kinds(_parse("Protesters met at the Brenfield Legislature, then at the Catholic Diocese of Holm."))
    assert kinds.get("Brenfield Legislature") == "organization"
    assert "person" not in kinds.values()


def test_an_honorific_chooses_among_two_people_of_one_surname_by_gender() -> None:
    mister = _parse("Tom Lee arrived first. Later his wife, Ann Lee, joined him.", '"It is a good day," Mr Lee said.')
    missus = _parse("Ann Lee arrived with her husband Tom Lee.", '"It is a good day," Mrs Lee said.')
    assert [q.speaker for q in mister.quotes] == ["Tom Lee"]
    assert [q.speaker for q in missus.quotes] == ["Ann Lee"]


def test_a_first_name_and_a_place_word_is_a_person_when_its_last_word_names_someone_alone() -> None:
    person = _parse("Tom Hall scored twice in the first half. Hall said the team was tired.")
    venue = _parse("The concert is at Ann Hall. Hall said nothing more.")
    assert _kinds(person).get("Tom Hall") == "person"
    assert "Hall" in next(e for e in person.entities if e.name == "Tom Hall").aliases
    assert _kinds(venue).get("Ann Hall") == "place"


def test_a_country_that_is_a_first_name_too_stays_the_country() -> None:
    article = _parse(
        "Jordan Marsh won the final. Marsh had lost twice this year.",
        "The team flies to Amman next. Jordan has hosted the event since 1990.",
    )
    assert [e.kind for e in article.entities if e.name == "Jordan"] == ["place"]
