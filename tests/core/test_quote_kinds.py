"""Which quotations are direct and where they end: the kind the reader sees and the scorer matches."""

from __future__ import annotations

from tui.corpus import Article, parse_text


def parse(*paragraphs: str) -> Article:
    return parse_text("Test headline for quote kinds\n\n" + "\n\n".join(paragraphs) + "\n")


def test_a_quotation_that_finishes_a_reported_clause_is_partial():
    article = parse('Union leader Ann Lee said that if the talks fail on Friday, "the members will strike at once."')
    [quote] = article.quotes
    assert (quote.kind, quote.speaker) == ("partial", "Ann Lee")
    assert quote.text == 'if the talks fail on Friday, "the members will strike at once."'


def test_a_second_cue_before_the_comma_opens_a_direct_quotation():
    article = parse('Union leader Ann Lee said that the talks had failed and added, "We will strike at once."')
    [quote] = article.quotes
    assert (quote.kind, quote.text) == ("direct", '"We will strike at once."')


def test_a_quoted_title_followed_by_its_byline_is_no_quotation():
    article = parse(
        'MORE READING\u2014"Ten ways to save the old harbour," by the Daily Courier\'s Ann Lee: '
        '"The cranes will go first, the board says."'
    )
    assert [q.text for q in article.quotes] == ['"The cranes will go first, the board says."']


def test_a_quotation_followed_by_a_passive_agent_is_kept():
    article = parse('"If we had not stepped in" by the harbour board, Ann Lee said, "the port would have closed."')
    assert article.quotes and article.quotes[0].text.startswith('"If we had not stepped in"')


def test_a_straight_opening_mark_repeated_mid_paragraph_starts_a_new_quotation():
    # two paragraphs of one quotation run together: the first is left open, as its paragraph was
    article = parse(
        'Ann Lee runs the harbour. "We looked at every option. The cranes are the problem. '
        '"We will replace them in May," she said. She later toured the "new" dock.'
    )
    assert [(q.text, q.kind, q.speaker) for q in article.quotes] == [
        ('"We looked at every option. The cranes are the problem.', "direct", "Ann Lee"),
        ('"We will replace them in May,"', "direct", "Ann Lee"),
    ]


def test_a_capitalised_word_before_a_quotation_is_no_reporting_verb():
    article = parse('Ann Lee said the United States "must do more to help the harbour towns."')
    [quote] = article.quotes
    assert (quote.kind, quote.speaker) == ("partial", "Ann Lee")


def test_a_title_in_title_case_that_nobody_says_is_no_quotation():
    article = parse(
        '"The Boy Who Sailed Home" opens at the harbour cinema on Friday.',
        'Her new book, "Ten Ways to Save the Harbour," comes out in May.',
        '"We Are Not Going Anywhere," Ann Lee said of the harbour board.',
    )
    assert [q.text for q in article.quotes] == ['"We Are Not Going Anywhere,"']
