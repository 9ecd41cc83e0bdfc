"""Speakers carried between paragraphs and pronouns that look back (issue 14, third round).
Every sentence is invented for these tests."""

from __future__ import annotations

from tui.corpus import Article, parse_text


def parse(*paragraphs: str) -> Article:
    return parse_text("Test headline for continuations\n\n" + "\n\n".join(paragraphs) + "\n")


def test_a_pronoun_never_falls_back_to_a_name_inside_a_quotation():
    article = parse(
        'The council met on Monday. "Ann Lee would never have allowed this," a resident told the meeting.',
        'She added: "Nobody asked us before the vote."',
    )
    assert [q.speaker for q in article.quotes if q.text.startswith('"Nobody')] != ["Ann Lee"]


def test_a_paragraph_that_continues_a_quote_points_at_the_speaker_named_before():
    article = parse(
        'Ann Lee, the mayor, spoke for an hour. "We will rebuild the bridge by spring," she said.',
        '"And the new road will follow it before the end of the year."',
    )
    first, second = article.quotes
    assert second.speaker == first.speaker == "Ann Lee"
    assert second.speaker_span == first.speaker_span
    assert second.cue_span is None


def test_an_unattributed_quote_after_narrative_about_one_person_points_at_that_person():
    article = parse(
        "Ann Lee ran the shelter on Oak Street for a decade before it closed last winter.",
        '"We never turned anyone away, not once in ten years."',
    )
    (quote,) = article.quotes
    assert quote.speaker == "Ann Lee"
    assert quote.speaker_span is not None
    assert article.text[quote.speaker_span[0] : quote.speaker_span[1]] == "Ann Lee"


def people(article: Article) -> set[str]:
    return {e.name for e in article.entities if e.kind == "person"}


def test_a_teaser_line_for_another_article_names_nobody_of_the_story():
    article = parse(
        "The council approved the new bridge on Monday after a long debate.",
        "READ MORE: Ann Lee says the old bridge cannot wait another winter",
        'Bo Chan voted for it. "It is a good day for the town," he said.',
    )
    assert "Ann Lee" not in people(article)
    assert "Bo Chan" in people(article)


def test_a_photo_credit_names_nobody_of_the_story():
    article = parse(
        "The bakery on Oak Street opened in May after two years of work.",
        "Photo: Carl Dunn, Acme Pictures",
        'Bo Chan runs it with his sister. "Bread is the easy part," he said.',
    )
    assert people(article) == {"Bo Chan"}


def test_an_attribution_after_a_quote_never_comes_from_the_next_line():
    article = parse(
        "The council met on Monday to vote on the budget.",
        'Ann Lee spoke first. "The plan is sound," she said. "We start in May."\n'
        "Bo Chan said that the budget was far too small for the work.",
    )
    second = next(q for q in article.quotes if q.text.startswith('"We start'))
    assert second.speaker == "Ann Lee"


def test_a_quote_signed_after_a_dash_on_the_next_line_is_still_signed():
    article = parse(
        "Three readers wrote to us this week.",
        '"The new bridge is the best thing the town has done in years."\n\u2014 Ann Lee, a reader',
    )
    assert [q.speaker for q in article.quotes] == ["Ann Lee"]


def test_a_pronoun_never_means_a_person_named_only_in_a_picture_caption():
    article = parse(
        "Bo Chan, a retired driver, wrote a history of the bus line. Chan spent a decade on it.",
        "Carl Dunn looks at old tickets at the depot in 1999. ( Acme Pictures / File )",
        'The line opened in 1950. "Nobody thought it would last a year," he says.',
    )
    assert [q.speaker for q in article.quotes if q.kind == "direct"] == ["Bo Chan"]


def test_a_first_name_given_to_both_sexes_leaves_the_gender_open():
    # The first-name list (gender-guesser's dictionary) gives "Kim" to both: "she" and "he" both reach her
    for pronoun in ("she", "he"):
        article = parse(f'Kim Ortiz opened the clinic in May. "We are full every day," {pronoun} said.')
        assert [q.speaker for q in article.quotes if q.kind == "direct"] == ["Kim Ortiz"]
        assert next(e for e in article.entities if e.name == "Kim Ortiz").gender is None
