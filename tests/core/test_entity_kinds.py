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
