"""A small invented corpus for the quote-level tests: articles built by hand, quotes at their true
offsets, speakers as entities with the parser's gender guess."""

from __future__ import annotations

from datetime import datetime

from tui.corpus import Article, Corpus, Entity, Quote, corpus_from_articles


def article(number: int, when: str, source: str, said: list[tuple[str, str, str | None]],
            others: tuple[tuple[str, str], ...] = ()) -> Article:  # fmt: skip
    """An article where each (speaker, words, gender) says "words", then mentions `others`
    ((kind, name)) inside the last quote."""
    text, quotes, entities = "", [], {}
    for speaker, words, gender in said:
        if speaker not in entities:
            entities[speaker] = Entity(id=f"e{len(entities)}", name=speaker, kind="person", gender=gender)
        entity = entities[speaker]
        opening = f"{speaker} said: "
        start = len(text) + len(opening)
        quoted = f'"{words}"'
        entity.mentions.append((len(text), len(text) + len(speaker)))
        text += f"{opening}{quoted} "
        quotes.append(Quote(start=start, end=start + len(quoted), text=quoted, speaker=speaker,
                            speaker_id=entity.id, cue="said"))  # fmt: skip
    extra = []
    for kind, name in others:
        at = text.rfind(name)
        extra.append(Entity(id=f"x{len(extra)}", name=name, kind=kind, mentions=[(at, at + len(name))]))  # type: ignore[arg-type]
    return Article(id=f"a{number}", path=f"a{number}.txt", title=f"Story {number}", text=text,
                   published=datetime.fromisoformat(when), source=source, quotes=quotes,
                   entities=[*entities.values(), *extra])  # fmt: skip


def quote_corpus() -> Corpus:
    """Ann Lee (and plain "Lee" elsewhere), Bo Park and Cy Park (two people, one surname), plain
    "Park" (ambiguous: stays apart), Dee Roe whose gender nobody knows."""
    return corpus_from_articles([
        article(0, "2026-01-05", "Wire", [("Ann Lee", "taxes will rise at Acme", "female"),
                                          ("Bo Park", "the budget is fine", "male")],
                others=(("organization", "Acme"),)),
        article(1, "2026-01-20", "Wire", [("Lee", "the budget is late", None),
                                          ("Bo Park", "taxes will fall", "male")]),
        article(2, "2026-02-10", "Daily", [("Cy Park", "we build roads", "male"),
                                           ("Park", "roads are costly", None)]),
        article(3, "2026-03-02", "Daily", [("Dee Roe", "taxes, taxes", None)]),
    ])  # fmt: skip
