"""Attributions beyond the plain `X said`: reporting verbs outside the common few, phrasal and
inverted cues, colon introductions, quotations after narrative, and long descriptive speakers.
Every sentence is written for these tests."""

from __future__ import annotations

from tui.corpus import Article, parse_text


def parse(*paragraphs: str) -> Article:
    return parse_text("Test headline for cues\n\n" + "\n\n".join(paragraphs) + "\n")


def speakers(article: Article) -> list[str | None]:
    return [q.speaker for q in article.quotes]


def test_less_common_reporting_verbs():
    article = parse(
        '"Nobody asked the tenants," retorted Ingrid Holm.',
        '"What about the fees?" Tomas Berg interjected.',
        '"Where did the money go?" Anna Lind wondered.',
    )
    assert speakers(article) == ["Ingrid Holm", "Tomas Berg", "Anna Lind"]


def test_phrasal_reporting_verbs():
    article = parse(
        '"That is simply false," Ingrid Holm fired back.',
        'Tomas Berg chimed in: "We warned them in March."',
        '"The ferry is older than the pier," points out Anna Lind.',
    )
    assert speakers(article) == ["Ingrid Holm", "Tomas Berg", "Anna Lind"]
    assert [q.cue for q in article.quotes] == ["fired back", "chimed in", "points out"]


def test_went_on_to_say():
    article = parse(
        "Mayor Pavel Novak opened the bridge on Monday.",
        'He went on to say, "The river will never cut this town in two again."',
    )
    assert speakers(article) == ["Pavel Novak"]


def test_a_noun_form_after_the_quotation_is_the_verb():
    article = parse('"The rent has doubled," notes Ingrid Holm, who has lived there for years.')
    assert speakers(article) == ["Ingrid Holm"]
    assert article.quotes[0].cue == "notes"


def test_a_capitalised_verb_inside_a_sentence_is_a_name():
    article = parse("Singer Tomas Wonder played for an hour at the harbour festival on Friday evening.")
    assert [q for q in article.quotes if q.cue and q.cue.lower() == "wonder"] == []


def test_colon_introduction_without_a_verb():
    article = parse(
        'Ingrid Holm was blunt: "The plan will fail."',
        'Tomas Berg, in a post on his blog: "Nobody read the report."',
        'Senator Anna Lind spoke after him. Her reply: "Then read it now."',
    )
    assert speakers(article) == ["Ingrid Holm", "Tomas Berg", "Anna Lind"]


def test_roundup_lines_name_then_outlet():
    article = parse(
        'WHAT THE PAPERS SAY - Ingrid Holm, Harbour Gazette: "The port is the town\'s future."',
        'More from Tomas Berg: "The port is the town\'s past."',
    )
    assert speakers(article) == ["Ingrid Holm", "Tomas Berg"]


def test_a_long_colon_lead_without_a_speaker_is_no_attribution():
    article = parse(
        "The figures released by the ministry on Tuesday show a different picture entirely:",
        '"Exports rose by a tenth in the spring quarter."',
    )
    assert speakers(article) == [None]


def test_quotation_after_narrative_about_one_person():
    article = parse(
        "Ingrid Holm has run the shelter on Mill Street for a decade.", '"We have never turned anyone away, not once."'
    )
    assert speakers(article) == ["Ingrid Holm"]


def test_no_speaker_when_the_narrative_names_two_people():
    article = parse(
        "Ingrid Holm and Tomas Berg have run the shelter on Mill Street for a decade.",
        '"We have never turned anyone away, not once."',
    )
    assert speakers(article) == [None]


def test_long_descriptive_speakers_are_kept_whole():
    article = parse(
        '"We only heard it later," one of the players in the video said.',
        '"It was too loud to think," a woman in the audience said.',
        '"Nobody saw him leave," a guard who was on duty that night said.',
    )
    assert speakers(article) == ["one of the players in the video", "a woman in the audience", "a guard"]


def test_a_named_person_before_a_description_speaks():
    article = parse('Tomas Berg, a historian who attended the session, recalled, "Nobody expected a vote."')
    assert speakers(article) == ["Tomas Berg"]


def test_a_clause_is_no_description():
    article = parse('Her appeal was worded well when she said, "Vote for the harbour."')
    assert article.quotes[0].speaker != "Her appeal was worded well when she"


def test_a_phrasal_verb_without_speech_after_it_is_no_cue():
    article = parse(
        '"We will be ready," the coach said.',
        "When the ferry goes on Friday, the past will not count. As the evening went on, the rain came.",
    )
    assert [q.cue for q in article.quotes] == ["said"]


def test_participle_lead_in_after_an_opening_phrase():
    article = parse(
        'At the hearing on Monday, Ingrid Holm compared the two plans, saying, "Neither will work."',
        'Thanking the crowd for the flowers, she struck a modest note, saying, "I do not deserve them."',
    )
    assert speakers(article) == ["Ingrid Holm", "Ingrid Holm"]


def test_verbs_of_reassurance_and_musing():
    article = parse(
        '"Nobody will lose a job," Tomas Berg assured the staff.', '"Perhaps the river knows best," Anna Lind mused.'
    )
    assert speakers(article) == ["Tomas Berg", "Anna Lind"]


def test_an_unnamed_speaker_after_the_verb_keeps_the_group_it_belongs_to():
    article = parse(
        '"We only heard it later," said one of the players, who asked not to be named.',
        '"It was a shock," said a member of the crew.',
    )
    assert speakers(article) == ["one of the players", "a member of the crew"]


def test_a_modal_before_the_verb_is_not_part_of_the_speaker():
    article = parse('"No job will go," Tomas Berg can assure the dock workers.')
    start, end = article.quotes[0].speaker_span
    assert article.text[start:end] == "Tomas Berg"


def test_manner_of_speaking_verbs():
    article = parse(
        '"Go back to your seat," Ingrid Holm barked.',
        '"Never again!" the audience screamed back.',
        '"That is absurd," Tomas Berg scoffed.',
    )
    assert speakers(article) == ["Ingrid Holm", "the audience", "Tomas Berg"]


def test_participle_with_its_listener_before_the_quotation():
    article = parse(
        'Ingrid Holm left the hall on Monday, telling reporters, "We will be back next year."',
        'Tomas Berg was not impressed with the plan, telling the crowd: "This will never work."',
    )
    assert speakers(article) == ["Ingrid Holm", "Tomas Berg"]


def test_a_described_speaker_keeps_where_they_belong_but_not_where_they_spoke():
    article = parse(
        '"We were scared," said a woman in the audience.',
        '"It is over," said a man from the village.',
        '"We will win," said a spokesman in an interview on Monday.',
        '"We will win," said a guard at the time.',
    )
    assert speakers(article) == ["a woman in the audience", "a man from the village", "a spokesman", "a guard"]


def test_adverbs_between_the_speaker_and_the_modal_verb_are_not_the_speaker():
    article = parse('"It is over," Ingrid Holm could only tell us.', '"We lost," Tomas Berg initially said.')
    assert [article.text[slice(*q.speaker_span)] for q in article.quotes if q.speaker_span] == [
        "Ingrid Holm",
        "Tomas Berg",
    ]


def test_a_word_that_is_also_a_noun_is_a_verb_after_a_modal():
    article = parse(
        '"We never saw the money," Ingrid Holm would later claim.',
        'Tomas Berg could only quip: "Too late."',
        'Anna Lind said her firm would continue "to grow in every market" next year.',
    )
    assert [(q.speaker, q.cue) for q in article.quotes[:2]] == [("Ingrid Holm", "claim"), ("Tomas Berg", "quip")]
    assert all(q.cue != "continue" for q in article.quotes)
