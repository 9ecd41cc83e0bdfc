"""Named entities by rule: capitalised runs, split into role and name, classed by lexicon and cue,
then clustered into entities."""

from __future__ import annotations

from .clustering import cluster
from .entity_table import EntityTable, Mention
from .models import Span
from .names import classify_run
from .runs import POSSESSIVE, Token, capitalised_runs, tokenize


def find_entities(text: str, skip: list[Span] | None = None, headline: Span | None = None) -> EntityTable:
    """Every entity mention in `text`, clustered into entities; nothing inside a `skip` span.

    A title-case headline capitalises every word, so there only names met in the body count.
    """
    every_token = tokenize(text)
    tokens = every_token
    unread = (skip or []) + ([headline] if headline else [])
    if unread:
        last = max(e for _, e in unread)
        tokens = [t for t in tokens if t.start >= last or not any(s <= t.start < e for s, e in unread)]
    raw: list[Mention] = []
    for run in capitalised_runs(text, tokens):
        raw.extend(classify_run(text, tokens, run))
    raw.extend(_repeated_aliases(text, every_token, raw, skip or []))
    return cluster(text, raw)


def _repeated_aliases(text: str, tokens: list[Token], raw: list[Mention], skip: list[Span]) -> list[Mention]:
    """Names found once, met again where no run caught them: in a title-case headline, say.

    One pass over the words, looking up each as the first word of a known name: linear in the
    length of the article whatever the number of names.
    """
    by_first: dict[str, list[Mention]] = {}
    for mention in sorted(raw, key=lambda m: -len(m.text)):
        if mention.kind != "unknown" and len(mention.text) > 2 and mention.text not in \
                {m.text for m in by_first.get(mention.text.split()[0], [])}:
            by_first.setdefault(mention.text.split()[0], []).append(mention)
    if not by_first:
        return []
    covered = bytearray(len(text) + 1)  # 1 where a mention or a skipped span already stands
    for start, end in [(m.start, m.end) for m in raw] + skip:
        covered[start:end] = b"\x01" * (end - start)
    found: list[Mention] = []
    for token in tokens:
        word = POSSESSIVE.sub("", token.text) if "'" in token.text or "\u2019" in token.text else token.text
        for model in by_first.get(word, ()):
            end = token.start + len(model.text)
            if not text.startswith(model.text, token.start) or _word_char(text, end) or 1 in covered[token.start:end]:
                continue
            found.append(Mention(token.start, end, model.text, model.kind, gender=model.gender))
            covered[token.start:end] = b"\x01" * (end - token.start)
            break
    return found


def _word_char(text: str, offset: int) -> bool:
    return offset < len(text) and (text[offset].isalnum() or text[offset] == "-")
