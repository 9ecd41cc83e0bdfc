"""Each quote pattern the parser knows, on sentences written for these tests."""

from __future__ import annotations

from tui.corpus import Article, parse_text


def parse(*paragraphs: str) -> Article:
    return parse_text("Test headline for quotes\n\n" + "\n\n".join(paragraphs) + "\n")


def quoted(article: Article) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.text, q.kind, q.speaker, q.cue) for q in article.quotes]


def test_attribution_after_with_straight_quotes():
    article = parse('"The harbour will reopen in May," Mayor Ingrid Holm said.')
    assert quoted(article) == [('"The harbour will reopen in May,"', "direct", "Ingrid Holm", "said")]


def test_attribution_after_inverted_with_curly_quotes():
    article = parse("\u201cWe expect calmer weather,\u201d said Tomas Berg, the port\u2019s director.")
    assert quoted(article) == [("\u201cWe expect calmer weather,\u201d", "direct", "Tomas Berg", "said")]


def test_attribution_before_with_colon_and_comma():
    article = parse('Ingrid Holm said: "The budget is balanced."', 'Tomas Berg told reporters, "We are ready."')
    assert [(q.kind, q.speaker, q.cue) for q in article.quotes] == [
        ("direct", "Ingrid Holm", "said"),
        ("direct", "Tomas Berg", "told"),
    ]


def test_split_quote_gives_both_parts_the_speaker():
    article = parse(
        "Harbour chief Anna Lind spoke on Monday.", '"The cranes are old," she said. "We will replace them next year."'
    )
    assert [(q.kind, q.speaker) for q in article.quotes] == [("direct", "Anna Lind"), ("direct", "Anna Lind")]
    assert article.quotes[1].text == '"We will replace them next year."'


def test_quote_broken_mid_sentence_by_its_attribution_is_one_quote():
    article = parse(
        "Finance Minister Pavel Novak presented the plan.",
        '"Taxes will not rise," Novak added, "and spending will be cut."',
    )
    assert quoted(article) == [
        ('"Taxes will not rise," Novak added, "and spending will be cut."', "direct", "Pavel Novak", "added")
    ]
    assert article.text[slice(*article.quotes[0].speaker_span)] == "Novak"


def test_quote_after_a_full_stop_or_going_on_with_a_capital_stays_two():
    article = parse(
        "Finance Minister Pavel Novak presented the plan.",
        '"Taxes will not rise," Novak added. "Spending will be cut."',
        '"We are ready," he said, "Parliament is not."',
    )
    assert [q.text for q in article.quotes] == [
        '"Taxes will not rise,"',
        '"Spending will be cut."',
        '"We are ready,"',
        '"Parliament is not."',
    ]


def test_quotes_each_on_its_line_signed_after_a_dash():
    article = parse(
        "\u201cThe ferry is late every day.\u201d \u2015 Maria Lopez\n"
        "\u201cI walk now.\u201d \u2014 Peter Olsen, 54, a teacher"
    )
    assert quoted(article) == [
        ("\u201cThe ferry is late every day.\u201d", "direct", "Maria Lopez", "\u2015"),
        ("\u201cI walk now.\u201d", "direct", "Peter Olsen", "\u2014"),
    ]


def test_a_paragraph_opening_with_a_closing_mark_opens_a_quote():
    article = parse(
        "Harbour chief Anna Lind spoke on Monday.", "\u201dThe cranes are old and we will replace them,\u201d she said."
    )
    assert quoted(article) == [
        ("\u201dThe cranes are old and we will replace them,\u201d", "direct", "Anna Lind", "said")
    ]


def test_a_short_sentence_presented_by_a_colon_is_a_quote():
    article = parse('Mayor Ingrid Holm has a new slogan for the campaign: "It is our turn."')
    assert [(q.text, q.kind) for q in article.quotes] == [('"It is our turn."', "direct")]


def test_a_lone_quoted_word_mid_sentence_is_a_title_not_a_quote():
    article = parse('Watch the trailer for the documentary, "Harbour," below.')
    assert article.quotes == []


def test_pronoun_resolves_by_gender_to_the_nearest_fitting_person():
    article = parse(
        "Health Minister Carla Mendes met union leader Jonas Weber on Tuesday.",
        '"The hospitals need more nurses," she added.',
        '"We agree on that much," he said.',
    )
    assert [q.speaker for q in article.quotes] == ["Carla Mendes", "Jonas Weber"]


def test_surname_alone_resolves_to_the_full_name():
    article = parse("Chancellor Ingrid Holm visited the site.", '"It is a disgrace," Holm said.')
    assert article.quotes[0].speaker == "Ingrid Holm"
    holm = next(e for e in article.entities if e.name == "Ingrid Holm")
    assert set(holm.aliases) == {"Ingrid Holm", "Holm"} and holm.roles == ["Chancellor"]


def test_quote_over_two_paragraphs_with_the_opening_mark_repeated():
    article = parse(
        '"We will rebuild the bridge," Ingrid Holm said. "It will take time.',
        '"But we will do it, and we will do it together."',
    )
    assert [q.speaker for q in article.quotes] == ["Ingrid Holm"] * 3
    assert article.quotes[1].text == '"It will take time.'
    assert article.quotes[2].cue is None


def test_unattributed_quote_paragraph_continues_the_previous_speaker():
    article = parse(
        '"Prices will fall by spring," Northwind Energy chief executive Tom Rask said.',
        '"Our customers have been patient with us, and we thank them."',
    )
    assert [q.speaker for q in article.quotes] == ["Tom Rask", "Tom Rask"]
    assert article.entities[0].name == "Northwind Energy" or any(e.name == "Northwind Energy" for e in article.entities)


def test_partial_quote_inside_the_writers_sentence():
    article = parse('Dmitry Peskov described the talks as "constructive but difficult."')
    assert quoted(article) == [('"constructive but difficult."', "partial", "Dmitry Peskov", "described")]


def test_partial_quote_takes_the_reported_clause_after_that():
    article = parse(
        "Peskov Dmitry spoke.",
        'Anna Lind told a radio station that the port remains open to "all ships that follow the rules."',
    )
    quote = article.quotes[-1]
    assert quote.kind == "partial" and quote.speaker == "Anna Lind"
    assert quote.text == 'the port remains open to "all ships that follow the rules."'


def test_single_quotes_nest_inside_double_quotes():
    article = parse("\"He told me, 'we are ready,' and I believed him,\" said Maria Costa.")
    assert quoted(article) == [("\"He told me, 'we are ready,' and I believed him,\"", "direct", "Maria Costa", "said")]


def test_reported_speech_with_that():
    article = parse("Chancellor Ingrid Holm said that the budget would be balanced by 2027.")
    assert quoted(article) == [("the budget would be balanced by 2027", "indirect", "Ingrid Holm", "said")]


def test_reported_speech_with_the_speaker_at_the_end():
    article = parse("Economist Maria Costa spoke on Friday.", "Inflation will slow down next year, Costa warned.")
    assert quoted(article)[-1] == ("Inflation will slow down next year", "indirect", "Maria Costa", "warned")


def test_organisation_speaks():
    article = parse(
        '"Supplies are secure," the Ministry of Energy said in a statement.',
        '"No customer will be cut off," a Northwind Energy spokesperson said.',
    )
    assert [q.speaker for q in article.quotes] == ["Ministry of Energy", "Northwind Energy"]


def test_according_to():
    article = parse('"Cases are rising in three regions," according to the World Health Organization.')
    assert article.quotes[0].speaker == "World Health Organization"
    assert article.quotes[0].cue == "according to"


def test_scare_quotes_are_not_quotes():
    article = parse('The so-called "peace plan" was published on Friday.')
    assert article.quotes == []


def test_quotes_never_overlap_and_offsets_hold():
    article = parse(
        '"A," she said. "B, and more words here," said Ana Ruiz. "C is here too."',
        'Ana Ruiz said that "the plan" is good and the work will go on.',
    )
    ends = [q.start for q in article.quotes][1:]
    assert all(q.end <= nxt for q, nxt in zip(article.quotes[:-1], ends, strict=True))
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text


def test_quotation_paragraph_after_reported_speech_continues_that_speaker():
    article = parse(
        "Union leader Wes Harlan says that is not what the night nurses are seeing.",
        '"We are stretched thinner every single week, and the public deserves better."',
    )
    assert [(q.kind, q.speaker) for q in article.quotes] == [("indirect", "Wes Harlan"), ("direct", "Wes Harlan")]


def test_name_in_apposition_before_the_cue():
    article = parse('"Costs will fall," Oduya Kamberi, marketing executive at Volta Electronics, said.')
    assert article.quotes[0].speaker == "Oduya Kamberi"
    assert any(e.name == "Oduya Kamberi" and e.kind == "person" for e in article.entities)


def test_abbreviated_title_and_month_like_surname():
    article = parse("Prime Minister Joan March spoke to MPs.", '"We will deliver," Ms. March said.')
    assert article.quotes[0].speaker == "Joan March"


def test_name_particles_and_organisation_prefixes():
    article = parse(
        "Ursula von der Leyen met Savanna Digital Ltd on Monday.",
        '"We will invest," Savanna Digital said in a statement.',
    )
    names = {(e.kind, e.name) for e in article.entities}
    assert ("person", "Ursula von der Leyen") in names
    assert ("organization", "Savanna Digital Ltd") in names and ("person", "Savanna Digital") not in names
    assert article.quotes[0].speaker == "Savanna Digital Ltd"


def test_unnamed_speakers_keep_their_phrase():
    article = parse(
        '"It was too late," a neighbour, whose name was withheld, told reporters.', '"He is gone," the father said.'
    )
    assert [q.speaker for q in article.quotes] == ["a neighbour", "the father"]


def test_reported_speech_after_a_participle():
    article = parse("Farmer Otto Brandt protested the two bills, saying they would ruin the local economy.")
    assert quoted(article) == [("they would ruin the local economy", "indirect", "Otto Brandt", "saying")]


def test_reported_speech_opened_by_according_to_and_after_a_named_listener():
    article = parse(
        "According to Ingrid Holm, the bridge will reopen in the spring.",
        "Tomas Berg told Harbour Radio the repairs were on schedule.",
    )
    assert [(q.kind, q.speaker, q.text) for q in article.quotes] == [
        ("indirect", "Ingrid Holm", "the bridge will reopen in the spring"),
        ("indirect", "Tomas Berg", "the repairs were on schedule"),
    ]


def test_quotation_after_a_lead_in_paragraph_or_a_participle():
    article = parse(
        "Economist Maria Costa continued:",
        '"Prices will not fall this year."',
        'Chancellor Ingrid Holm defended the plan, saying, "It is the only way forward."',
    )
    assert [q.speaker for q in article.quotes] == ["Maria Costa", "Ingrid Holm"]


def test_a_document_speaks_for_its_owner():
    article = parse(
        "Minister Jonas Weber resigned on Friday.",
        '"I leave with pride," his letter said.',
        "Senator Anna Lind objected.",
        '"This is wrong," her statement read.',
    )
    assert [q.speaker for q in article.quotes] == ["Jonas Weber", "Anna Lind"]


def test_compass_regions_are_places_and_named_branches_organisations():
    article = parse("Quillnet Canada reported that aid to East Africa will double.")
    kinds = {e.name: e.kind for e in article.entities}
    assert kinds["Quillnet Canada"] == "organization" and kinds["East Africa"] == "place"


def test_a_business_named_by_its_shares_speaks_as_the_company():
    article = parse(
        "Shares in Voltaro rose on Monday, while Brenfield shares fell.",
        '"We see no reason to sell," the company said.',
        "Brenfield said it would cut jobs.",
    )
    kinds = {e.name: e.kind for e in article.entities}
    assert kinds["Brenfield"] == "organization"
    assert [q.speaker for q in article.quotes] == ["Brenfield", "Brenfield"]


def test_two_organisations_joined_by_and_stay_two():
    article = parse("Reports in the Harbour Times and the Nordic Journal said the deal was close.")
    names = {e.name for e in article.entities if e.kind == "organization"}
    assert names == {"Harbour Times", "Nordic Journal"}


def test_country_short_forms_are_places():
    article = parse("Talks between the UK and the U.S. resumed in Oslo.")
    assert {e.name for e in article.entities if e.kind == "place"} == {"UK", "U.S.", "Oslo"}


def test_a_dateline_in_capitals_takes_the_case_of_the_text():
    article = parse(
        "HALDEN (Reuters) - Officials in Halden met the UK envoy and ICO staff.",
        "The UK and the ICO spoke; Uk papers and Ico staff did not.",
    )
    names = {e.name for e in article.entities}
    assert "Halden" in names and "HALDEN" not in names
    assert {"UK", "ICO"} <= names  # short capitals are initials


def test_the_person_after_a_preposition_is_not_the_speaker():
    article = parse(
        "Finance Minister Pavel Novak spoke first.",
        "Anna Lind, the trade minister, agreed with Novak's plan.",
        '"It is the right plan," she said.',
    )
    assert article.quotes[-1].speaker == "Anna Lind"


def test_a_company_abbreviation_does_not_end_the_attribution():
    article = parse('"Rates will stay low," Mira Sand, chief economist at Brenfield Holdings Inc., said on Monday.')
    assert article.quotes[0].speaker == "Mira Sand"


def test_an_unnamed_speaker_described_by_two_adjectives():
    article = parse('"Nobody makes money here yet," the tall, soft-spoken professor said.')
    assert article.quotes[0].speaker == "the tall, soft-spoken professor"


def test_a_subject_with_a_description_takes_the_next_she():
    article = parse(
        '"We will appeal," said Audrey Lund, the plaintiff.',
        "Given the ruling, Maria Costa, president of the Harbour Trust, is hopeful the court will listen.",
        '"The law does not do enough," she said.',
    )
    assert [q.speaker for q in article.quotes] == ["Audrey Lund", "Maria Costa"]


def test_a_name_set_off_by_commas_before_its_verb_is_the_subject():
    article = parse(
        '"The attack came from abroad," said Maria Costa, the minister.',
        "Head of research at the security firm Brenfield, Anna Lind, agreed with this finding.",
        '"We believe it is the same group," she confirmed.',
    )
    assert [q.speaker for q in article.quotes] == ["Maria Costa", "Anna Lind"]


def test_the_listener_after_the_verb_is_not_the_speaker():
    article = parse(
        '"My reaction was simple," Holm\'s former campaign strategist said in an interview with broadcaster Anna Lind.'
    )
    assert article.quotes[0].speaker == "Holm's former campaign strategist"


def test_a_name_that_closes_an_appositive_is_not_the_speaker():
    article = parse(
        "Rep. Dana Voss, D-Calif., the incoming chairwoman of the panel that handles Border Affairs, "
        "said in an interview that her office is preparing a bill to reopen the agencies.",
        '"We will move fast," she said.',
    )
    assert [q.speaker for q in article.quotes] == ["Dana Voss", "Dana Voss"]
    assert "Border Affairs" not in {e.name for e in article.entities if e.kind == "person"}


def test_a_body_that_a_company_owns_speaks_and_its_clause_starts_after_that():
    article = parse(
        "While the cause is unknown, Halvard\u2019s security unit said in a statement on Friday that "
        "the attack came from abroad."
    )
    assert quoted(article) == [("the attack came from abroad", "indirect", "Halvard\u2019s security unit", "said")]


def test_new_opens_a_place_name_but_not_a_sentence():
    article = parse("Officials in New York and New Zealand met on Monday.", "New Brenfield Energy rules start today.")
    names = {e.name: e.kind for e in article.entities}
    assert names["New York"] == "place" and names["New Zealand"] == "place"
    assert "Brenfield Energy" in names and "New Brenfield Energy" not in names


def test_a_dateline_named_nowhere_else_is_shown_in_title_case():
    article = parse_text("Storm hits the coast\n\nNEW YORK (Reuters) - A storm hit the coast on Monday.\n")
    assert [(e.name, e.kind) for e in article.entities] == [("New York", "place")]
