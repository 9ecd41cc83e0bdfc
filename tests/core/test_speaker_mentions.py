"""Who the speaker of a quotation is, where the attribution has a shape the earlier rules missed
(issue 14, speaker mentions). Every sentence is invented for these tests."""

from __future__ import annotations

from tui.corpus import Article, parse_text
from tui.corpus.parsing.words import words


def parse(*paragraphs: str) -> Article:
    return parse_text("Test headline for speaker mentions\n\n" + "\n\n".join(paragraphs) + "\n")


def spans(article: Article) -> list[str | None]:
    """The speaker phrase of each quotation as written, None where there is none."""
    return [article.text[q.speaker_span[0] : q.speaker_span[1]] if q.speaker_span else None for q in article.quotes]


def test_a_party_tag_with_a_two_letter_state_is_one_word():
    text = "Sen. Ann Lee (D-N.Y.) said Tuesday."
    assert "D-N.Y." in [w.text for w in words(text, 0, len(text))]


def test_a_party_tag_with_a_two_letter_state_ends_no_sentence():
    article = parse('"We will not wait for them," Sen. Ann Lee (D-N.Y.) said Tuesday. "Nobody should."')
    assert spans(article) == ["Sen. Ann Lee", "Sen. Ann Lee"]


def test_a_comma_after_the_party_tag_keeps_the_subject():
    article = parse('At the fair in Dayton, Gov. Bo Chan (R-OH), said, "We are ready to build it."')
    assert spans(article) == ["Gov. Bo Chan"]


def test_a_name_no_list_knows_before_an_appositive_speaks():
    article = parse('"Our efforts have not been enough," Lin Judge, a deputy adviser, said on a call.')
    assert spans(article) == ["Lin Judge"]


def test_a_capitalised_opener_before_an_appositive_is_no_name():
    article = parse('"Our efforts have not been enough," Then, a week later, she said.')
    assert spans(article) != ["Then"]


def test_a_verb_of_angry_speech_is_a_cue():
    article = parse('"It was never about the money," Ann Lee fumed on Tuesday.')
    assert spans(article) == ["Ann Lee"]


def test_a_question_asked_names_its_asker():
    article = parse('"What changed after the vote?" Bo Chan questioned.')
    assert spans(article) == ["Bo Chan"]


def test_as_someone_put_it_names_the_speaker():
    article = parse('As the Daily Courier put it, "This is the week the town changed."')
    assert spans(article) == ["the Daily Courier"]


def test_put_with_an_object_and_a_place_is_no_speech():
    article = parse('Ann Lee put it on the shelf beside "the good china" and left.')
    assert all(q.cue != "put it" for q in article.quotes)


def test_a_quotation_right_after_reported_speech_is_the_reporters():
    article = parse(
        'In a statement issued later, Bo Chan said the group would press for a vote. "The aim is a new board."'
    )
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Bo Chan"]
    assert spans(article)[-1] == "Bo Chan"


def test_a_quotation_after_other_narrative_is_not_the_reporters():
    article = parse('Bo Chan said the group would press for a vote. The board met twice. "The aim is a new board."')
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == [None]


def test_a_short_sentence_of_speaker_and_verb_introduces_the_next_quotation():
    article = parse('Bo Chan agreed. "Most people are running out of time to find another plan."')
    assert spans(article) == ["Bo Chan"]


def test_said_in_a_statement_then_a_quotation_names_the_speaker():
    article = parse('Ann Lee, the director of the trust, said in a statement. "There are no ballots to count."')
    assert spans(article) == ["Ann Lee"]


def test_a_sentence_that_reports_something_itself_introduces_nothing():
    article = parse('Ann Lee said the vote went well for the trust. "Most people are running out of time now."')
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert all(q.cue_span is None for q in direct)


def test_a_long_run_of_titles_and_name_after_the_verb_speaks():
    article = parse('"We had a big issue with the trade deal," said Acme Workers Secretary-Treasurer Lin Judge.')
    # the phrase, or the person's name in it once the name is found as a person
    assert [span.endswith("Lin Judge") for span in spans(article)] == [True]
    assert [q.speaker for q in article.quotes] == ["Lin Judge"]


def test_a_plural_role_before_the_verb_speaks_for_a_direct_quotation():
    article = parse('"The harm done is beyond measure," federal prosecutors wrote in the filing.')
    assert spans(article) == ["federal prosecutors"]


def test_a_plural_role_does_not_make_reported_speech_of_a_plain_sentence():
    article = parse("The plan would cost the city far more than it saves, officials said on Monday.")
    assert [q.speaker for q in article.quotes] == []


def test_a_quotation_paragraph_signed_below_after_a_hyphen_is_the_signers():
    article = parse('"The idea that I would end the program is just not accurate."', "- Lin Judge.")
    assert spans(article) == ["Lin Judge"]


def test_a_signature_below_names_nobody_for_a_quotation_inside_a_sentence():
    article = parse('The mayor called the plan "a sad and costly mistake for all of us."', "- Lin Judge.")
    assert all(q.speaker_span is None for q in article.quotes)


def test_a_quotation_led_in_by_a_comma_is_not_the_next_sentences_subject():
    article = parse('Ann Lee agreed and said, "The town has a severe problem." Bo Chan then recalled the night.')
    assert spans(article) == ["Ann Lee"]


def test_a_sentence_final_quotation_without_a_lead_in_takes_the_cue_after_it():
    article = parse('"Why would anyone wait until now?" Bo Chan asked.')
    assert spans(article) == ["Bo Chan"]


def test_the_subject_of_two_verbs_is_the_name_not_its_clause():
    article = parse('Ann Lee confirmed she had been there and said, "The town has a severe problem."')
    assert spans(article) == ["Ann Lee"]


def test_the_pronoun_of_a_clause_right_before_the_verb_speaks():
    article = parse(
        "Ann Lee spoke about the plan for the harbour. "
        'Bo Chan was talking about the budget when he told the panel, "We have no money left for it."'
    )
    assert spans(article) == ["he"]


def test_the_subject_of_the_first_of_two_verbs_speaks():
    article = parse('Col. Bo Chan began the talk when he brought up the flood and later said, "It is not only us."')
    assert spans(article) == ["he"]


def test_a_name_that_opens_the_sentence_speaks_for_a_later_verb():
    article = parse('Ann Lee waved to stop the noise, then leaned in and boomed: "Let us win in November."')
    assert spans(article) == ["Ann Lee"]


def test_the_subject_of_a_noted_clause_is_not_the_speaker():
    article = parse('The mayor noted that he taught law for years, and added: "I know a little about this."')
    assert spans(article) != ["he"]


def speakers(article: Article) -> list[str | None]:
    return [q.speaker for q in article.quotes]


def test_the_title_names_the_person_it_described_after_the_name():
    article = parse(
        'Ann Lee, the mayor, opened the hall. Bo Chan, a builder, was there. "It was long," the mayor said.'
    )
    assert speakers(article) == ["Ann Lee"]


def test_the_title_names_the_person_it_described_before_the_name():
    article = parse('The mayor, Ann Lee, opened the hall. Bo Chan, a builder, came. "It was long," the mayor said.')
    assert speakers(article) == ["Ann Lee"]


def test_the_title_is_not_the_person_whose_role_only_mentions_it():
    article = parse('Ann Lee opened the hall. Bo Chan, the mayor\'s deputy, came. "It was long," the mayor said.')
    assert speakers(article) == ["the mayor"]


def test_a_description_that_is_a_verb_phrase_gives_no_title():
    article = parse('Ann Lee and her husband, Tom, were met by an organizer at the hall. "Go in," the organizer said.')
    assert speakers(article) == ["the organizer"]


def test_an_age_after_the_verb_is_the_speaker_given_that_age():
    article = parse('Ann Lee, 46, spoke on Monday. "The plan is a good one for all of us," said the 46-year-old.')
    assert spans(article) == ["the 46-year-old"]
    assert speakers(article) == ["Ann Lee"]


def test_a_party_tag_set_off_by_commas_is_not_the_speaker():
    article = parse('Ann Lee, R-Ky., said on Monday: "It is time to stop fighting over this."')
    assert spans(article) == ["Ann Lee"]


def test_a_long_participial_aside_between_name_and_verb_keeps_the_name():
    article = parse(
        "Ann Lee, speaking to reporters on Tuesday on her plane on the way to Dayton, said of the request: "
        '"The board resolved all of this."'
    )
    assert spans(article) == ["Ann Lee"]


def test_a_statement_issued_before_the_quotation_is_the_issuers():
    article = parse('Right after the storm, Ann Lee issued a statement, "Last night our town was hit hard."')
    assert spans(article) == ["Ann Lee"]


def test_a_message_delivered_to_someone_is_the_deliverers():
    article = parse('Sen. Ann Lee, R-Ky., delivered a blunt message to Bo Chan: "It is time to stop this."')
    assert spans(article) == ["Sen. Ann Lee"] or spans(article) == ["Ann Lee"]


def test_a_speech_noun_after_another_verb_names_no_speaker():
    article = parse('I laughed and had to change my answer: "Of course I believe in it. I was only joking."')
    assert all(q.cue is None or "answer" not in q.cue for q in article.quotes)


def test_a_document_that_goes_on_before_a_colon_speaks():
    article = parse('The board sent a letter to the mayor. The letter continues: "Please explain the difference."')
    assert spans(article) == ["The letter"]


def test_a_document_that_goes_on_doing_something_is_no_cue():
    article = parse('Ann Lee wrote the letter in May. The letter continues to "shock the whole town" every year.')
    assert all(q.cue != "continues" for q in article.quotes)


def test_a_persons_office_is_not_the_person():
    article = parse('Prime Minister Ann Lee spoke in Dayton. Lee\'s office said the event was "very long" for all.')
    assert speakers(article) == ["Lee's office"]


def test_a_capitalised_description_between_commas_gives_the_name_before_it():
    article = parse('Jim Hale, Northfield MP, said he drove around with signs on his truck "to show support."')
    assert speakers(article) == ["Jim Hale"]


def test_a_description_of_two_roles_joined_by_and_gives_the_name_before_it():
    article = parse(
        "Bo van der Berg, a geologist and professor at the University of Dayton, said the wave "
        '"may have come from a collapse."'
    )
    assert speakers(article) == ["Bo van der Berg"]


def test_a_name_with_the_place_it_is_from_before_a_description_speaks():
    article = parse('Sen. Ann Lee of Alabama, the chair of the Budget Committee, said a long fight looks "silly."')
    assert speakers(article) == ["Ann Lee"]


def test_a_name_in_a_phrase_before_the_comma_is_not_an_appositive():
    article = parse('After meeting Ann Lee, Acme Corp said the deal was "done and signed."')
    assert speakers(article) == ["Acme Corp"]


def test_a_participial_aside_after_a_party_tag_keeps_the_name():
    article = parse('But Sen. Ann Lee (D-Ill.), noting the size of the list, said, "He has a heck of a list."')
    assert speakers(article) == ["Ann Lee"]


def test_a_persons_statement_is_the_persons():
    article = parse('Ann Lee wrote to the board. "We are done with it," Ann Lee\'s statement said.')
    assert speakers(article) == ["Ann Lee"]


def test_a_lowercase_role_among_capitalised_words_after_the_verb_speaks():
    article = parse('"Imagine the two of them on one stage," mused Acme co-host Lin Judge. "Not to mention it."')
    assert [span.endswith("Lin Judge") for span in spans(article)] == [True, True]
    assert [q.speaker for q in article.quotes] == ["Lin Judge", "Lin Judge"]


def test_a_participle_that_ends_a_clause_after_a_comma_names_its_subject():
    article = parse('At the time, she released a statement saying, "Acme has been a trusted partner for years."')
    assert spans(article) == ["she"]
