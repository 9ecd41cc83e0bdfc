"""Who counts as a person of the story (issue 14, capabilities 3, 4 and 6), on invented articles."""

from __future__ import annotations

from tui.corpus import parse_text


def _people(text: str) -> set[str]:
    return {e.name for e in parse_text(text).entities if e.kind == "person"}


def _kinds(text: str) -> dict[str, str]:
    return {e.name: e.kind for e in parse_text(text).entities}


# Capability 6: credits, bylines, author notes and teasers name no one in the story.


def test_photo_credit_with_spaces_around_the_slash_names_no_one() -> None:
    text = "Markets slip\n\nThe market opened on Monday. (Dana Whitlow / Acme Press)\n\nTraders said prices fell."
    assert "Dana Whitlow" not in _people(text)


def test_byline_and_files_from_name_no_one() -> None:
    text = (
        "Markets slip\n\nBy Dana Whitlow\n\nThe market opened on Monday, traders said.\n\n"
        "With files from Omar Petrosyan"
    )
    assert _people(text) == set()


def test_author_note_and_video_teaser_name_no_one() -> None:
    text = (
        "Markets slip\n\nThe market opened on Monday, traders said.\n\nOmar Petrosyan has the latest.\n\n"
        "Dana Whitlow is a Lisbon-based reporter covering business. Follow her on Twitter."
    )
    assert _people(text) == set()


def test_a_credited_name_that_the_story_names_too_stays_a_person() -> None:
    text = "Markets slip\n\nDana Whitlow said the market fell.\n\n(Dana Whitlow / Acme Press)"
    assert "Dana Whitlow" in _people(text)


def test_a_person_introduced_as_a_reporter_inside_the_story_stays() -> None:
    text = "The panel heard from a witness. Then Dana Whitlow, a reporter, said she had seen the fire."
    assert "Dana Whitlow" in _people(text)


# Titles that only modify another title are no sign of a person.


def test_modifier_titles_alone_make_no_person() -> None:
    text = (
        "She is a Grand Tour winner. Former Northland footballer Paul Brask will join the show. "
        "The carmaker recalled Vireo Grand Prix sedans."
    )
    people = _people(text)
    assert "Tour" not in people and "Prix" not in people and "Northland" not in people
    assert "Paul Brask" in people


def test_abbreviated_title_read_without_its_full_stop() -> None:
    text = 'Critics saw it early. Former Ohio Gov. Dana Whitlow said: "It is a big mistake for us."'
    article = parse_text(text)
    assert "Dana Whitlow" in _people(text)
    assert article.quotes[0].speaker == "Dana Whitlow"


# Capability 3: people whose names are also places.


def test_a_surname_that_is_a_town_is_a_person_who_speaks() -> None:
    text = (
        'Tax lawyer Zorvana Hamilton said the rules had changed. "We came to thank you," '
        "Liesl Quillon told the minister. Acme Canada said it would pay."
    )
    kinds = _kinds(text)
    assert kinds["Zorvana Hamilton"] == "person"
    assert kinds["Liesl Quillon"] == "person"
    assert kinds["Acme Canada"] == "organization"


def test_a_single_name_with_a_person_appositive_is_a_person() -> None:
    text = (
        "Tavi, a resident of the village, was at home when she heard the water.\n\n"
        '"It was loud," she said.\n\nParis, the capital, was calm.'
    )
    article = parse_text(text)
    kinds = {e.name: e.kind for e in article.entities}
    assert kinds["Tavi"] == "person"
    assert kinds.get("Paris") == "place"
    assert article.quotes[0].speaker == "Tavi"


# Capability 4: a pronoun that names no one is no speaker's name.


def test_unresolved_first_person_is_no_speaker_name() -> None:
    text = 'The club was sold in March.\n\n"We were shocked," I said to the crowd.'
    quote = parse_text(text).quotes[0]
    assert quote.speaker is None
    assert quote.speaker_span is not None and text[quote.speaker_span[0] : quote.speaker_span[1]] == "I"


def test_a_caption_credit_alone_in_parentheses_names_no_one_but_an_aside_does() -> None:
    text = (
        "Markets slip\n\nTraders watch the screens. ( T.J. Brask )\n\n"
        "The boy lives with his mother (Dana Whitlow). He likes school."
    )
    people = _people(text)
    assert "T.J. Brask" not in people and "Dana Whitlow" in people


def test_initials_open_a_name() -> None:
    text = 'Team wins\n\nT.J. Brask scored twice on Monday.\n\n"It was a good night," Brask said.'
    article = parse_text(text)
    assert "T.J. Brask" in _people(text)
    assert article.quotes[0].speaker == "T.J. Brask"


def test_initials_of_a_state_or_before_a_body_open_no_name() -> None:
    text = "Storm\n\nHe lives in Newark, N.J. Roger Brask said so. U.N. Secretary Ann Lee and U.S. Army staff came."
    people = _people(text)
    assert "Roger Brask" in people and "Ann Lee" in people


def test_a_first_name_that_is_a_place_speaks_as_the_person() -> None:
    text = (
        'Storm\n\nJordan Whitlow lives near the coast of Jordan.\n\n"It was scary," Jordan said.\n\n'
        'Kim Brask agreed.\n\n"Very," said Kim.'
    )
    article = parse_text(text)
    assert [q.speaker for q in article.quotes] == ["Jordan Whitlow", "Kim Brask"]
    assert {e.name: e.kind for e in article.entities}["Jordan"] == "place"


def test_two_people_of_one_surname_the_nearer_one_speaks() -> None:
    text = (
        'Family shop\n\nAnn Brask and her husband Tom Brask run the shop.\n\n"We work hard," Ann Brask said. '
        'Later, Tom Brask spoke.\n\n"It is hard," Brask said.'
    )
    assert [q.speaker for q in parse_text(text).quotes] == ["Ann Brask", "Tom Brask"]


def test_newspapers_studios_and_teams_are_no_people() -> None:
    text = (
        "Film deal\n\nKelly Bros said on Monday it would sell, the Morning Chronicle reported. "
        "The Carlton Hornets beat the Lyon Owls."
    )
    kinds = _kinds(text)
    assert kinds.get("Kelly Bros") == "organization" and kinds.get("Morning Chronicle") == "organization"
    assert kinds.get("Carlton Hornets") != "person" and kinds.get("Lyon Owls") != "person"


def test_a_document_speaks_for_the_author_the_text_names() -> None:
    text = (
        "Costs rise\n\nCosts rose again, according to a report by the Northwind Institute.\n\n"
        '"Costs are high and rising," the report said.\n\n'
        "The Harbour Trust's annual study is due in May.\n\n"
        '"Prices will fall," the letter said.'
    )
    speakers = [q.speaker for q in parse_text(text).quotes]
    assert speakers == ["Northwind Institute", "the letter"]
