"""People whose names a run of capitals does not hold whole, or holds with words that are no part
of them, on invented articles (issue 14: people typing and identity on British news)."""

from __future__ import annotations

from tui.corpus import Article, parse_text


def _parse(*paragraphs: str) -> Article:
    return parse_text("Test headline for names\n\n" + "\n\n".join(paragraphs) + "\n")


def _kinds(article: Article) -> dict[str, str]:
    return {e.name: e.kind for e in article.entities}


def test_two_first_names_before_one_surname_are_two_people_of_that_surname() -> None:
    kinds = _kinds(_parse("Tennis pair Ned and Bob Dallow won the doubles. Ann and Tom Verrick came second."))
    assert kinds.get("Ned Dallow") == "person" and kinds.get("Bob Dallow") == "person"
    assert kinds.get("Ann Verrick") == "person" and kinds.get("Tom Verrick") == "person"
    assert "Ann" not in kinds  # not a place called Ann


def test_a_place_before_and_keeps_its_own_name() -> None:
    kinds = _kinds(_parse("She flew from Sydney and Bob Dallow met her. Jordan and Tom Verrick signed a deal."))
    assert kinds.get("Sydney") == "place" and kinds.get("Jordan") == "place"
    assert "Sydney Dallow" not in kinds and "Jordan Verrick" not in kinds


def test_a_nickname_in_quotation_marks_is_no_part_of_the_name() -> None:
    article = _parse(
        'Ann "Ace" Verrick won the race on Sunday. Verrick was delighted.',
        "Later Tom \u201cBig T\u201d Dallow said he would race again.",
    )
    kinds = _kinds(article)
    assert kinds.get("Ann Verrick") == "person" and kinds.get("Tom Dallow") == "person"
    verrick = next(e for e in article.entities if e.name == "Ann Verrick")
    assert len(verrick.mentions) == 2  # "Verrick" alone is her too
    assert not {"Ace", "Big T", "Ann"} & set(kinds)


def test_the_last_two_of_a_list_are_not_a_pair_that_shares_a_surname() -> None:
    kinds = _kinds(_parse("The stars include Tom Hallow, Zaria and Oren Verrick, who all sang."))
    assert "Zaria Verrick" not in kinds and kinds.get("Oren Verrick") == "person"


def test_a_first_name_named_alone_elsewhere_is_no_pair_with_the_next_name() -> None:
    article = _parse("Both Morgan and Tom Verrick spoke on Monday. Morgan said the vote was close.")
    assert "Morgan Verrick" not in _kinds(article)


def test_a_title_after_a_genre_noun_names_no_one() -> None:
    kinds = _kinds(_parse("The comedy Ann Dallow topped the chart. The biopic Tom Verrick came second."))
    assert "Ann Dallow" not in kinds and "Tom Verrick" not in kinds


def test_a_nation_or_party_word_before_a_full_name_is_a_role_not_part_of_the_name() -> None:
    article = _parse(
        "Australian Dunmore Tallis said the campaign was going well. Tallis ran it for the party.",
        "Liberal Democrat Tom Brask said he would vote against the bill.",
    )
    kinds = _kinds(article)
    assert kinds.get("Dunmore Tallis") == "person" and kinds.get("Tom Brask") == "person"
    assert not {"Australian Dunmore Tallis", "Liberal Democrat Tom Brask", "Democrat Tom Brask"} & set(kinds)
    tallis = next(e for e in article.entities if e.name == "Dunmore Tallis")
    assert tallis.roles == ["Australian"] and len(tallis.mentions) == 2


def test_a_company_law_form_or_a_ballet_ends_an_organisation() -> None:
    kinds = _kinds(_parse("Northwind Tallis Limited said profits rose. The Brenfield Ballet said it would tour."))
    assert kinds.get("Northwind Tallis Limited") == "organization"
    assert kinds.get("Brenfield Ballet") == "organization"


def test_a_business_noun_right_before_a_name_makes_it_an_organisation() -> None:
    article = _parse(
        "Engineering firm Halcot Beatty said it would fight the charges. Halcot Beatty managers met.",
        "Mobile phone giant Dover said it had started proceedings.",
    )
    kinds = _kinds(article)
    assert kinds.get("Halcot Beatty") == "organization" and kinds.get("Dover") == "organization"


def test_a_first_name_after_the_firm_may_open_a_clause_about_a_person() -> None:
    kinds = _kinds(_parse("She joined the firm Ann Quillon founded in 1990, and Quillon said it grew."))
    assert kinds.get("Ann Quillon") == "person"


def test_a_name_beside_a_person_in_a_list_is_a_person_though_a_town_ends_it() -> None:
    kinds = _kinds(_parse("Greg Tallis and Teodric Preston each scored a goal in the second half."))
    assert kinds.get("Teodric Preston") == "person"
    kinds = _kinds(_parse("Teodric Preston, Greg Tallis and Ann Lee each scored a goal in the second half."))
    assert kinds.get("Teodric Preston") == "person"


def test_a_branch_of_a_business_beside_a_person_stays_a_business() -> None:
    kinds = _kinds(_parse("Greg Tallis and Northwind Europe signed the deal. Ann Lee and ACME Preston did not."))
    assert kinds.get("Northwind Europe") == "organization" and kinds.get("ACME Preston") == "organization"


def test_two_first_names_that_open_one_persons_name_are_that_person() -> None:
    article = _parse(
        "Luis Carlos Brenner lost the final to Carlos Tallis. Brenner was tired.",
        "His coach said Luis Carlos had played well all week.",
    )
    brenner = next(e for e in article.entities if e.name == "Luis Carlos Brenner")
    assert "Luis Carlos" in brenner.aliases
    assert "Luis Carlos" not in _kinds(article)


def test_a_name_that_opens_a_longer_one_whose_end_is_never_alone_stays_apart() -> None:
    article = _parse("Fans queued for the Lorna Vesk Tour. Lorna Vesk said she was thrilled.")
    assert _kinds(article).get("Lorna Vesk") == "person"


def test_a_name_after_a_job_or_a_person_and_at_is_a_body_not_a_person() -> None:
    article = _parse(
        "Rates will rise, said Ann Quillon, an economist at Morton Kessel.",
        "It is a certainty, said Tom Brask at Quentel Vasko on Thursday.",
    )
    kinds = _kinds(article)
    assert kinds.get("Morton Kessel") == "organization" and kinds.get("Quentel Vasko") == "organization"
    assert kinds.get("Ann Quillon") == "person" and kinds.get("Tom Brask") == "person"


def test_a_person_after_at_and_a_word_of_kin_stays_a_person() -> None:
    kinds = _kinds(_parse("She stood beside her sister at Ann Quillon's wedding, said Tom Brask."))
    assert kinds.get("Ann Quillon") == "person"


def test_sir_and_a_first_name_alone_is_the_knight_of_that_first_name() -> None:
    article = _parse("Sir Quentel Brask said rates would rise. Sir Quentel added that jobs were safe.")
    brask = next(e for e in article.entities if e.name == "Quentel Brask")
    assert len(brask.mentions) == 2 and "Quentel" not in _kinds(article)


def test_a_run_that_opens_with_a_participle_names_no_person() -> None:
    kinds = _kinds(_parse("Finding Winterdale said the prize was deserved. Sterling Brask said so too."))
    assert "Finding Winterdale" not in kinds
    assert kinds.get("Sterling Brask") == "person"  # a first name that ends like a participle


def test_whilst_and_once_opening_a_sentence_are_no_part_of_a_name() -> None:
    article = _parse(
        "Once Northwind started blocking the queries, the rate fell, said Ann Quillon.",
        "Whilst Brenfield Rovers lost, Tom Brask said the club was fine.",
    )
    assert not {name for name in _kinds(article) if name.startswith(("Once", "Whilst"))}


def test_an_age_before_a_name_is_no_part_of_it() -> None:
    kinds = _kinds(_parse("Nineteen-year-old Brask said she was thrilled with the result."))
    assert "Nineteen-year-old Brask" not in kinds


def test_national_ends_a_bodys_name_never_a_persons() -> None:
    kinds = _kinds(_parse("Ann Quillon won the title at Marla National, said Tom Brask."))
    assert kinds.get("Marla National") == "organization"


def test_a_place_before_a_known_organisation_names_its_branch() -> None:
    kinds = _kinds(_parse("The death toll may rise, the Jordan Red Cross said on Tuesday."))
    assert kinds.get("Jordan Red Cross") == "organization"


def test_a_place_word_that_the_article_names_as_a_business_is_that_business_elsewhere() -> None:
    article = _parse(
        "Mobile phone giant Dover said it had started proceedings. Dover claims the colour is its own.",
        "Its founder lives in Dover.",
    )
    dover = {(e.kind, len(e.mentions)) for e in article.entities if e.name == "Dover"}
    assert dover == {("organization", 2), ("place", 1)}


def test_a_name_that_opens_with_a_business_of_the_article_is_a_business() -> None:
    article = _parse(
        "Engineering firm Curtis Brask said it would fight the charges.",
        "Curtis Brask Rail Maintenance faces a corporate charge.",
    )
    assert "person" not in {e.kind for e in article.entities if e.name.startswith("Curtis Brask")}


def test_an_abbreviation_before_a_role_noun_qualifies_the_role_and_names_no_one() -> None:
    kinds = _kinds(_parse("Rates will fall, says Ann Dales, chief U.K. strategist at Acme Research."))
    assert kinds.get("U.K.") == "place" and kinds.get("Ann Dales") == "person"


def test_st_and_a_towns_name_is_the_town_not_a_person() -> None:
    kinds = _kinds(_parse("She moved from St Austell to St Neots last year, said Ann Quillon."))
    assert kinds.get("St Austell") == "place" and kinds.get("St Neots") == "place"
    assert "Austell" not in kinds and "Neots" not in kinds


def test_a_noun_of_who_one_is_opening_a_sentence_before_a_full_name_is_a_role() -> None:
    article = _parse(
        "Rapper Dexo Vantu said the album was nearly done.",
        "Guitarist Lenka Moravec said the tour would start in May.",
    )
    kinds = _kinds(article)
    assert kinds.get("Dexo Vantu") == "person" and kinds.get("Lenka Moravec") == "person"
    assert not {"Rapper Dexo Vantu", "Guitarist Lenka Moravec"} & set(kinds)


def test_a_first_name_or_a_town_ending_like_a_noun_of_who_one_is_stays_in_the_name() -> None:
    kinds = _kinds(_parse("Tyler Ann Brask said so. Exeter Harbour Trust said no."))
    assert "Ann Brask" not in kinds and "Harbour Trust" not in kinds
