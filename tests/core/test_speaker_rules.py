"""Who speaks, for attribution shapes of general English the earlier rules missed (issue 14, the
speaker round on the widest shared set). Every sentence is invented for these tests."""

from __future__ import annotations

from tui.corpus import Article, parse_text


def parse(*paragraphs: str) -> Article:
    return parse_text("Test headline for speaker rules\n\n" + "\n\n".join(paragraphs) + "\n")


def spans(article: Article) -> list[str | None]:
    """The speaker phrase of each quotation as written, None where there is none."""
    return [article.text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else None for q in article.quotes]


def test_a_quoted_sentence_going_on_after_its_mark_names_no_speaker_of_its_own():
    article = parse('"It is a hard sell" to Ann Lee and her staff, said Bo Chan.')
    assert spans(article) == ["Bo Chan"]


def test_the_speaker_before_the_verb_after_a_quoted_sentence_going_on():
    article = parse('"The plan will not pass" unless Ann Lee changes her mind, Tom Reyes wrote on Monday.')
    assert spans(article) == ["Tom Reyes"]


def test_a_new_clause_after_the_going_on_reports_its_own_words():
    article = parse('Ann Lee had heard "whispers" about Bo Chan last week, and she said the two had met.')
    assert "she" not in [s for s, q in zip(spans(article), article.quotes, strict=True) if q.start < 30]


def test_a_long_going_on_reaches_the_inverted_verb_after_its_comma():
    article = parse(
        '"The old board has been deciding the budget for us," unlike the years when the town '
        "hall set every rule itself, says Ann Lee, a historian at the college."
    )
    assert spans(article) == ["Ann Lee"]


def test_a_colon_after_a_sentence_with_no_verb_of_speech_introduces_its_subject():
    article = parse(
        'Speaking for its members on Friday, the Acme Workers Union was firm in a short note: "The cuts '
        'cannot stand and we will fight them."'
    )
    assert spans(article) == ["Acme Workers Union"]


def test_a_colon_introduces_the_pronoun_subject_after_an_opening_phrase():
    article = parse("Ann Lee spoke first.", 'Later that night, she kept to her usual theme: "We will build it."')
    assert spans(article) == ["she"]
    assert article.quotes[0].speaker == "Ann Lee"


def test_a_colon_introduces_the_subject_of_the_clause_it_ends():
    article = parse(
        "Bo Chan took the stage at noon.",
        'Ann Lee was so cross by then that he rewrote his reply: "Of course I will stay on."',
    )
    assert spans(article) == ["he"]


def test_a_name_after_an_opening_preposition_is_no_subject_of_a_colon():
    article = parse('Under pressure from Acme Workers Union leaders, the campaign printed a new slogan: "Vote."')
    assert spans(article) != ["Acme Workers Union"]


def test_a_new_sentence_after_a_closing_mark_is_no_going_on():
    article = parse(
        'Bo Chan spoke at noon. "We want to talk freely wherever we are." In a sign that the new kind of '
        "calling is seeping into the mainstream of the market, Acme Power announced that it would open a plant."
    )
    assert spans(article)[0] != "Acme Power"


def test_a_colon_after_a_verb_of_speech_no_rule_read_is_not_the_sentence_subjects():
    article = parse('Acme Power used the memo as evidence for the old rumour he had once warned Ann Lee: "It is over."')
    assert spans(article) != ["Acme Power"]


def test_it_said_continues_the_organisation_that_spoke_just_before():
    article = parse(
        "Acme Power said on Monday that it would close the plant at Dayton. The Harbour Workers Union "
        "called the move a betrayal and the Dayton Council said it would fight it.",
        "Acme Power said the plant had lost money for years.",
        '"We looked at every other way to keep it open," it said in a statement.',
    )
    assert article.quotes[-1].speaker == "Acme Power"


def test_it_said_after_a_person_spoke_last_is_not_the_organisation_before():
    article = parse(
        "Acme Power said on Monday that it would close the plant. The Dayton Council said it would fight it.",
        'Acme Power said the plant had lost money. "I am so sad," said Ann Lee, a worker there.',
        '"We looked at every other way to keep it open," it said.',
    )
    assert article.quotes[-1].speaker != "Acme Power"


def test_it_is_thought_is_nobody():
    article = parse(
        "The Dayton Council met on Monday. Acme Power said the plant had lost money for years.",
        'It is thought the plan, due on Thursday, could mean "a cut in every town".',
    )
    assert all(q.speaker != "Acme Power" for q in article.quotes if q.start > 100)


def test_an_opening_mark_typed_where_a_quotation_closes_closes_it():
    article = parse("\u201cIt is rare,\u201c said Bo Chan, a lawyer. \u201cFew firms try it.\u201d")
    assert [article.text[q.start : q.end] for q in article.quotes] == [
        "\u201cIt is rare,\u201c",
        "\u201cFew firms try it.\u201d",
    ]
    assert spans(article) == ["Bo Chan", "Bo Chan"]


def test_an_opening_mark_before_a_word_still_opens_a_quotation():
    article = parse("\u201cWe said \u201cnever\u201d and meant it,\u201d said Bo Chan.")
    assert spans(article) == ["Bo Chan"]


def test_the_participle_of_any_reporting_verb_closes_a_lead_in():
    article = parse('Ann Lee sent a copy of the rule to the council, arguing, "The rule does not say that at all."')
    assert spans(article) == ["Ann Lee"]


def test_a_described_subject_before_a_participle_speaks():
    article = parse('A spokeswoman for the Harbour Council contacted the paper, arguing, "It is clear."')
    assert spans(article) == ["A spokeswoman for the Harbour Council"]


def test_her_before_a_noun_is_no_pronoun_subject():
    article = parse("Ann Lee spoke first.", 'Her team later put out a note to members stating, "We will win."')
    assert spans(article) == ["Her team"]


def test_the_object_of_a_verb_of_seeing_does_what_the_participle_says():
    article = parse(
        "The video showed Bo Chan, clearly angry about the budget, telling the crowd: "
        '"The council will lose this fight."'
    )
    assert spans(article) == ["Bo Chan"]


def test_a_subject_described_before_its_verb_speaks_not_the_name_after_it():
    article = parse('A spokesperson for the Acme club rejected the idea that Bo Chan said it, insisting: "Nobody did."')
    assert spans(article) == ["A spokesperson for the Acme club"]


def test_a_role_someone_owns_is_not_another_person_with_that_role():
    article = parse(
        'Harbour party press officer Tom Reyes said the plan was wrong. "It is a mistake," he said.',
        'The mayor\'s press officer dismissed the story, saying: "The mayor was never asked."',
    )
    assert article.quotes[-1].speaker != "Tom Reyes"


def test_what_someone_heard_others_shout_is_theirs():
    article = parse('Bo Chan said he heard the fans chant, "Sack the board now!"')
    assert spans(article) == ["the fans"]


def test_a_verb_of_going_after_seeing_is_no_speech():
    article = parse('Bo Chan said the staff hated to see Ann Lee go: "We wish her well."')
    assert spans(article) != ["Ann Lee"]


def test_a_verb_after_when_has_no_subject_of_its_own():
    article = parse(
        "The case will go before Attorney General Ann Lee, who told the panel when asked last week: "
        '"We will follow the evidence wherever it leads."'
    )
    assert spans(article) == ["Ann Lee"]


def test_the_person_before_who_speaks_with_no_comma():
    article = parse('One reply came from Bo Chan who wrote, "Nobody reads the small print."')
    assert spans(article) == ["Bo Chan"]


def test_who_with_a_subject_of_its_own_is_not_the_speaker():
    article = parse('Tom Reyes praised Bo Chan, who he said was "the best person for the job" this year.')
    assert "Bo Chan" not in spans(article)


def test_remembered_is_no_verb_of_speech():
    article = parse('Ann Lee said the match would be remembered as "a great night".')
    assert spans(article) == ["Ann Lee"]


def test_a_sentence_after_a_finished_quotation_that_reports_its_own_clause_is_not_its_attribution():
    article = parse(
        'Ann Lee, the union leader, said: "Prices are up again." "We expect a hard winter." Bo Chan said the '
        "firm would cut its prices in the spring."
    )
    quoted = [q for q in article.quotes if q.kind == "direct"]
    assert [q.speaker for q in quoted] == ["Ann Lee", "Ann Lee"]


def test_a_sentence_after_a_finished_quotation_with_nothing_reported_is_its_attribution():
    article = parse('"We expect a hard winter." Bo Chan said on Monday.')
    assert spans(article) == ["Bo Chan"]


def test_the_official_is_the_official_described_before():
    article = parse(
        '"The rules are clear," a senior court official said on Monday.',
        "Bo Chan, the lawyer, disagreed with the rules.",
        '"Most of the requests are granted in the end," the official said.',
    )
    assert [q.speaker for q in article.quotes] == ["a senior court official", "a senior court official"]


def test_the_treasurer_is_not_the_shadow_treasurer():
    article = parse(
        '"The sums are wrong," the shadow treasurer said on Monday.',
        '"They are right," the treasurer said.',
    )
    assert article.quotes[-1].speaker == "the treasurer"


def test_quotations_after_one_that_goes_on_with_the_last_speaker_are_theirs_too():
    article = parse(
        '"We will not sell the club," Ann Lee said.',
        '"We have a plan for the ground." "We will build the new stand first." Bo Chan was not there.',
    )
    assert [q.speaker for q in article.quotes if q.kind == "direct"] == ["Ann Lee", "Ann Lee", "Ann Lee"]
